// The check of a scenario that comes in as text or data: each way a file or link can be wrong
// has its own refusal, a valid one comes back validated, and nothing throws.
import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  checkScenarioData,
  checkScenarioText,
  parseScenarioText,
} from '../../web/scenario/scenario-check.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

const text = JSON.stringify(defaultScenarioInput(), null, 2);

describe('the scenario check', () => {
  it('opens a valid scenario file, with or without a byte-order mark', () => {
    for (const t of [text, `\uFEFF${text}`]) {
      const c = checkScenarioText(t);
      if (!c.ok) throw new Error(c.refusal.kind);
      expect(c.data).toEqual(defaultScenarioInput());
      expect(c.scenario.id).toBe('drechtsteden-2024');
    }
  });

  it('tells a file cut off halfway from one that is not JSON at all', () => {
    for (const f of [0.1, 0.5, 0.99]) {
      const part = text.slice(0, Math.floor(text.length * f));
      expect(checkScenarioText(part), `${f}`).toEqual({
        ok: false,
        refusal: { kind: 'truncated' },
      });
    }
    for (const t of ['', 'hallo', '{ niet json', '<html></html>', 'PK\u0003\u0004', '{"a": 1}}']) {
      expect(checkScenarioText(t), t).toEqual({ ok: false, refusal: { kind: 'notJson' } });
    }
  });

  it('refuses data that is not a scenario, before the validator lists everything it lacks', () => {
    for (const data of [null, 1, 'x', [], [defaultScenarioInput()], {}, { hello: 'world' }]) {
      expect(checkScenarioData(data), JSON.stringify(data)).toEqual({
        ok: false,
        refusal: { kind: 'notScenario' },
      });
    }
    const results = { format: 'doorstroom-results', version: 1, scenario: defaultScenarioInput() };
    expect(checkScenarioData(results)).toEqual({ ok: false, refusal: { kind: 'notScenario' } });
  });

  it('refuses a newer schema version as such, and an older or odd one as invalid', () => {
    expect(checkScenarioData({ ...defaultScenarioInput(), schemaVersion: 2 })).toEqual({
      ok: false,
      refusal: { kind: 'newerVersion', version: 2, supported: 1 },
    });
    for (const version of [0, '2', null]) {
      const c = checkScenarioData({ ...defaultScenarioInput(), schemaVersion: version });
      expect(c.ok === false && c.refusal.kind, String(version)).toBe('invalid');
    }
  });

  it('refuses a file larger than the limit without parsing it', () => {
    const huge = ' '.repeat(MAX_FILE_BYTES + 1);
    expect(parseScenarioText(huge)).toEqual({
      ok: false,
      refusal: { kind: 'fileTooLarge', bytes: MAX_FILE_BYTES + 1, maxBytes: MAX_FILE_BYTES },
    });
  });

  it('never throws, whatever the data', () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic.self = cyclic;
    const hostile = new Proxy(
      { schemaVersion: 1 },
      {
        get() {
          throw new Error('boom');
        },
      },
    );
    for (const data of [cyclic, hostile]) {
      const c = checkScenarioData(data);
      expect(c.ok).toBe(false);
    }
    expect(checkScenarioData(hostile)).toEqual({
      ok: false,
      refusal: { kind: 'unchecked', cause: 'crashed' },
    });
  });
});
