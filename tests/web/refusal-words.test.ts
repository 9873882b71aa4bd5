// Why a link or file was not opened, in words a civil servant understands: every refusal has
// a Dutch and an English text, sizes come with their limit, and a refused scenario's problems
// are placed in the editor's words, never as a JSON path or raw data.
import { describe, expect, it } from 'vitest';
import { translator } from '../../web/i18n/index.ts';
import { placeOf, placeWords } from '../../web/scenario/problem-place.ts';
import type { Refusal } from '../../web/scenario/refusal.ts';
import { LISTED_PROBLEMS, refusalWords, sizeWords } from '../../web/scenario/refusal-words.ts';
import { checkScenarioData } from '../../web/scenario/scenario-check.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

const nl = translator('nl');
const en = translator('en');

/** One refusal of every kind (the switch in refusalWords must cover them all). */
const EVERY: Refusal[] = [
  { kind: 'linkTooLong', chars: 2_000_003, maxChars: 1_000_000 },
  { kind: 'linkUnpacksTooLarge', maxBytes: 2_000_000 },
  { kind: 'linkDamaged' },
  { kind: 'linkNewer', version: 'v2' },
  { kind: 'linkSetting', setting: 'seed' },
  { kind: 'linkSetting', setting: 'replications' },
  { kind: 'linkSetting', setting: 'perDraw' },
  { kind: 'unknownScenario' },
  { kind: 'fileTooLarge', bytes: 6_200_000, maxBytes: 5_000_000 },
  { kind: 'fileUnreadable' },
  { kind: 'truncated' },
  { kind: 'notJson' },
  { kind: 'notScenario' },
  { kind: 'newerVersion', version: 2, supported: 1 },
  { kind: 'invalid', problems: [] },
  { kind: 'unchecked', cause: 'timeout', seconds: 30 },
  { kind: 'unchecked', cause: 'crashed' },
];

/** A refused scenario: the default one with a negative capacity and an unknown field. */
function refusedScenario(): Extract<Refusal, { kind: 'invalid' }> {
  const broken = defaultScenarioInput() as unknown as {
    facilities: { capacity: unknown }[];
    [k: string]: unknown;
  };
  broken.facilities[0].capacity = { '2024': -5 };
  broken.extra = { raw: 'data' };
  const c = checkScenarioData(broken);
  if (c.ok || c.refusal.kind !== 'invalid') throw new Error('expected invalid');
  return c.refusal;
}

describe('refusal words', () => {
  it('has a distinct text of its own for every refusal, in Dutch and in English', () => {
    for (const [lang, t] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      const texts = EVERY.map((r) => refusalWords(r, lang, t).reason);
      for (const [i, text] of texts.entries()) {
        expect(text, EVERY[i].kind).not.toMatch(/\{\w+\}|undefined|NaN/);
        expect(text.length, EVERY[i].kind).toBeGreaterThan(20);
      }
      expect(new Set(texts).size).toBe(texts.length);
    }
    expect(refusalWords({ kind: 'truncated' }, 'nl', nl).reason).toContain('onvolledig');
    expect(refusalWords({ kind: 'truncated' }, 'en', en).reason).toContain('incomplete');
  });

  it('names the size and the limit, as people write them', () => {
    expect(refusalWords(EVERY[0], 'nl', nl).reason).toBe(
      'de link is 2.000.003 tekens lang, en een link mag hoogstens 1.000.000 tekens hebben',
    );
    expect(refusalWords(EVERY[0], 'en', en).reason).toBe(
      'the link is 2,000,003 characters long, and a link may have at most 1,000,000',
    );
    expect(refusalWords(EVERY[8], 'nl', nl).reason).toBe(
      'het bestand is 6,2 MB groot, en een scenariobestand mag hoogstens 5 MB zijn',
    );
    expect(sizeWords(830_000, 'nl')).toBe('830 kB');
    expect(sizeWords(12, 'en')).toBe('12 bytes');
    expect(refusalWords(EVERY[6], 'nl', nl).reason).toContain('van 2 tot en met 100.000');
  });

  it('places each problem of a refused scenario in the editor’s words, not as a JSON path', () => {
    const refusal = refusedScenario();
    const name = defaultScenarioInput().facilities[0].name;
    const words = refusalWords(refusal, 'nl', nl);
    expect(words.reason).toMatch(/^het scenario klopt niet op (1 punt|\d+ punten)$/);
    expect(words.details).toContain(
      `Voorzieningen › “${name}” › Plekken › 2024: mag niet negatief zijn`,
    );
    expect(words.details?.join('\n')).not.toMatch(/facilities\[|\[0\]|"raw"/);
    const english = refusalWords(refusal, 'en', en).details ?? [];
    expect(english.some((d) => d.startsWith(`Facilities › “${name}” › Places › 2024: `))).toBe(
      true,
    );
  });

  it('lists the first problems and counts the rest', () => {
    const one = refusedScenario().problems[0];
    const many: Refusal = { kind: 'invalid', problems: Array(LISTED_PROBLEMS + 5).fill(one) };
    const details = refusalWords(many, 'nl', nl).details ?? [];
    expect(details).toHaveLength(LISTED_PROBLEMS + 1);
    expect(details[LISTED_PROBLEMS]).toBe('… en nog 5 punten');
  });

  it('words places by item names, household types, positions and years', () => {
    const data = defaultScenarioInput();
    const type = data.householdTypes[0];
    expect(placeWords(placeOf([], data), nl)).toBe('Het scenario als geheel');
    expect(placeWords(placeOf(['triage', 'pathways', type.id, '2024'], data), nl)).toBe(
      `Triage › Uitkomst van triage: “${type.label}” › 2024`,
    );
    expect(placeWords(placeOf(['arrivals', 1, 'ratePerYear', '2025-07'], data), nl)).toBe(
      'Instroomstromen › nr. 2 › Aantal per jaar › 2025-07',
    );
    expect(placeWords(placeOf(['uncertain', 0, 'low'], data), en)).toBe(
      `Ranges (uncertainty) › “${data.uncertain?.[0].label}” › Low`,
    );
    // Keys that are no field of the editor are quoted as written; nothing is looked up in them.
    expect(placeWords(placeOf(['constructor', 'toString'], data), nl)).toBe(
      '“constructor” › “toString”',
    );
  });
});
