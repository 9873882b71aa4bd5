// The app's words and numbers: both languages have every message with the same placeholders,
// numbers are read and written the Dutch or English way, and the validator's messages for
// real invalid scenarios come out in Dutch.
import { describe, expect, it } from 'vitest';
import { dictionary, translate } from '../../web/i18n/index.ts';
import { editable, parseNumber, share } from '../../web/format.ts';
import { sentence } from '../../sim/scenario/problem-words/index.ts';
import { validateScenario } from '../../sim/scenario/validate.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

describe('words', () => {
  it('has every message in Dutch and English with the same placeholders', () => {
    const nl = dictionary('nl');
    const en = dictionary('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    // Plain `{name}` and plural `{name, plural, …}` placeholders alike.
    const holes = (s: string) =>
      [...s.matchAll(/\{(\w+)(?:\}|,\s*plural,)/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(nl) as (keyof typeof nl)[]) {
      expect(holes(en[key]), key).toEqual(holes(nl[key]));
      expect(en[key].trim(), key).not.toBe('');
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nl', 'verdictHeadline', { year: 2030, p: '73%', n: '1.000' })).toBe(
      'Doel 2030 gehaald in 73% van de 1.000 mogelijke toekomsten',
    );
    expect(translate('en', 'targetIs', {})).toBe('target {t}');
  });

  it('chooses plural forms by the language’s plural rules, from numbers or formatted numbers', () => {
    const meta = (lang: 'nl' | 'en', workers: number, n: string) =>
      translate(lang, 'runMeta', { seed: 's', n, workers, seconds: '1,0', date: 'vandaag' });
    expect(meta('nl', 1, '1')).toContain('· 1 toekomst · 1 rekenkern ·');
    expect(meta('nl', 2, '1.000')).toContain('· 1.000 toekomsten · 2 rekenkernen ·');
    expect(meta('en', 1, '1')).toContain('· 1 future · 1 core ·');
    expect(meta('en', 4, '1,000')).toContain('· 1,000 futures · 4 cores ·');
    expect(translate('nl', 'problemsTitle', { n: 0 })).toBe('0 fouten in het scenario');
    expect(translate('en', 'refuseMoreProblems', { n: 1 })).toBe('… and 1 more problem');
    expect(translate('nl', 'triageLine', { days: 1 })).toBe('Binnen 1 dag getrieerd');
    expect(translate('en', 'triageLine', { days: 14 })).toBe('Triaged within 14 days');
    expect(translate('en', 'problemsTitle', {})).toBe(
      '{n, plural, one {# problem} other {# problems}} in the scenario',
    );
  });

  it('has no counts glued to a noun with “(s)” or “(en)”, and every plural a one and other form', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const [key, text] of Object.entries(dictionary(lang))) {
        expect(text, `${lang}.${key}`).not.toMatch(/\w\((s|en|n|e)\)/);
        for (const m of text.matchAll(/\{\w+,\s*plural,([^]*?)\}\s*\}/g)) {
          expect(m[1], `${lang}.${key}`).toMatch(/\bone\s*\{[^{}]*#/);
          expect(m[1], `${lang}.${key}`).toMatch(/\bother\s*\{[^{}]*#/);
        }
      }
    }
  });
});

describe('numbers', () => {
  it('reads numbers as a Dutch or English user types them', () => {
    expect(parseNumber('1,5', 'nl')).toBe(1.5);
    expect(parseNumber('1.5', 'nl')).toBe(1.5);
    expect(parseNumber('1.000', 'nl')).toBe(1000);
    expect(parseNumber('1.000,25', 'nl')).toBe(1000.25);
    expect(parseNumber('1,000', 'en')).toBe(1000);
    expect(parseNumber('1.5', 'en')).toBe(1.5);
    expect(parseNumber(' 42 ', 'en')).toBe(42);
    expect(parseNumber('-3', 'nl')).toBe(-3);
    for (const bad of ['', 'abc', '1,2,3', '12a', '--1'])
      expect(parseNumber(bad, 'nl'), bad).toBeNaN();
  });

  it('shows numbers for editing without float noise, with the language’s decimal mark', () => {
    expect(editable(0.35 * 100, 'nl')).toBe('35');
    expect(editable(2.5, 'nl')).toBe('2,5');
    expect(editable(2.5, 'en')).toBe('2.5');
    expect(editable(1170, 'nl')).toBe('1170');
  });

  it('writes shares with a decimal only below 10%', () => {
    expect(share(0.734, 'nl')).toBe('73%');
    expect(share(0.034, 'nl')).toBe('3,4%');
    expect(share(0.034, 'en')).toBe('3.4%');
    expect(share(0, 'nl')).toBe('0%');
  });
});

describe('validator messages in Dutch', () => {
  function problemsOf(change: (s: Record<string, unknown>) => void) {
    const s = defaultScenarioInput() as unknown as Record<string, unknown>;
    change(s);
    const v = validateScenario(s);
    if (v.ok) throw new Error('expected problems');
    return v.problems;
  }

  it('translates the messages of common mistakes', () => {
    const cases: [(s: Record<string, unknown>) => void, string][] = [
      [
        (s) => ((s.facilities as { capacity: unknown }[])[0].capacity = { '2024': -5 }),
        'mag niet negatief zijn',
      ],
      [
        (s) => ((s.facilities as { capacity: unknown }[])[0].capacity = { '2024': 'veel' }),
        'moet een getal zijn',
      ],
      [
        (s) => ((s.facilities as { capacity: unknown }[])[0].capacity = { '2024': 4.5 }),
        'moet een geheel getal zijn',
      ],
      [
        (s) => ((s.facilities as { capacity: unknown }[])[0].capacity = { '2026': 4 }),
        'moet een waarde hebben voor het eerste jaar 2024',
      ],
      [
        (s) => ((s.goal as { year: number }).year = 2040),
        'moet tussen het eerste en het laatste jaar liggen (2024–2031)',
      ],
      [
        (s) => ((s.relapse as { share: number }).share = 1.5),
        'moet een percentage tussen 0 en 100 zijn',
      ],
      [
        (s) =>
          ((s.triage as { pathways: Record<string, unknown> }).pathways.family = {
            '2024': { independent: 0.9, exit: 0.5 },
          }),
        'de aandelen moeten samen 100% zijn (nu 140%)',
      ],
      [
        (s) => ((s.facilities as { capacity: unknown }[])[0].capacity = { '20x': 4 }),
        'moet een jaar (2027) of een maand (2024-07) zijn, van 2000 tot en met 2100',
      ],
      [
        (s) => ((s.facilities as { capacity: unknown }[])[0].capacity = { '2024': 200_000 }),
        'mag hoogstens 100.000 zijn',
      ],
      [
        (s) => ((s.facilities as { capacity: unknown }[])[0].capacity = { 2024: 20, '2024-01': 0 }),
        'valt op dezelfde dag als “2024”',
      ],
      [
        (s) => ((s.facilities as { initialOccupancy: number }[])[0].initialOccupancy = 56),
        'mag niet meer zijn dan het aantal plaatsen in het eerste jaar (55)',
      ],
      [(s) => (s.seed = 'a/b'), 'moet leesbare tekst zonder “/” zijn'],
      [(s) => (s.name = ''), 'mag niet leeg zijn'],
      [
        (s) => (s.notes = { deep: Array.from({ length: 40 }).reduce<unknown>((x) => [x], 1) }),
        'is dieper genest dan 32 niveaus',
      ],
      [
        (s) => (s.uncertain = Array.from({ length: 10_001 }, () => 1)),
        'heeft 10.001 waarden; hoogstens 10.000 zijn toegestaan',
      ],
      [(s) => (s.startYear = 1990), 'moet minstens 2000 zijn'],
      [(s) => (s.facilities = {}), 'moet een lijst zijn'],
      [
        (s) =>
          (s.uncertain = [
            { path: 'facilities[0', label: 'x', low: 1, high: 2, note: { assumption: 'x' } },
          ]),
        '“facilities[0” verwijst niet op de juiste manier naar een getal van het scenario',
      ],
    ];
    for (const [change, dutch] of cases) {
      const messages = problemsOf(change).map((p) => sentence(p, 'nl'));
      expect(messages, dutch).toContain(dutch);
    }
  });

  it('writes shares as percentages in English too', () => {
    const share = problemsOf((s) => ((s.relapse as { share: number }).share = 1.5));
    expect(share.map((p) => sentence(p, 'en'))).toContain(
      'must be a share between 0 and 1 (0% to 100%)',
    );
    const sum = problemsOf(
      (s) =>
        ((s.triage as { pathways: Record<string, unknown> }).pathways.family = {
          '2024': { independent: 0.9, exit: 0.5 },
        }),
    );
    expect(sum.map((p) => sentence(p, 'en'))).toContain(
      'shares must add up to 100% (they add up to 140%)',
    );
  });
});
