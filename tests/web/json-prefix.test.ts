// JSON cut off, told from text that is no JSON: a prefix of a valid object or list, at any
// point, is cut off; an error anywhere before the end, or anything complete, is not.
import { describe, expect, it } from 'vitest';
import { isCutOffJson } from '../../web/scenario/json-prefix.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

describe('isCutOffJson', () => {
  it('finds every proper prefix of a scenario file cut off, and the whole file not', () => {
    const text = JSON.stringify(defaultScenarioInput(), null, 2);
    let cut = 0;
    // Every 97th length (and the last few), so every kind of token is cut somewhere.
    for (let len = 1; len < text.length; len += len > text.length - 20 ? 1 : 97) {
      expect(isCutOffJson(text.slice(0, len)), text.slice(Math.max(0, len - 20), len)).toBe(true);
      cut++;
    }
    expect(cut).toBeGreaterThan(200);
    expect(isCutOffJson(text)).toBe(false);
    expect(isCutOffJson(JSON.stringify(defaultScenarioInput()).slice(0, -1))).toBe(true);
  });

  it('cuts inside strings, escapes, numbers and words', () => {
    for (const t of [
      '{"a',
      '{"a\\',
      '{"a":"\\u00',
      '[1.',
      '[-',
      '[1e',
      '[1e+',
      '[tr',
      '[fals',
      '[nul',
      '{"a":',
      '[[]',
      '  {',
    ]) {
      expect(isCutOffJson(t), t).toBe(true);
    }
  });

  it('does not call text with an error before its end cut off', () => {
    for (const t of [
      '{ niet json',
      '{"a" 1',
      '{"a":1,}',
      '{a:1',
      '[1,,2',
      '[01',
      '[1.e5,',
      '[truth',
      '{"a":"\\x"',
      '{"a":"tab\there"',
      '{"a":1}}',
      '{"a":1} x',
      '[1]',
      '',
      '   ',
      '"just a string',
      'hallo',
      '}',
    ]) {
      expect(isCutOffJson(t), t).toBe(false);
    }
  });
});
