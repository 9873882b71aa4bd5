// Every problem code of the validator has a sentence in Dutch and in English, and a Dutch run of
// a broken scenario (the common mistakes, and a few thousand drawn mutations of the default
// scenario) shows no English sentence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PROBLEM_CODES, sentence } from '../../sim/scenario/problem-words/index.ts';
import {
  problem,
  type Problem,
  type ProblemArgs,
  type ProblemCode,
  type ProblemParams,
} from '../../sim/scenario/problem.ts';
import { validateScenario } from '../../sim/scenario/validate.ts';
import { applyMutation, mutationArb } from '../property/mutations.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

/** Values for every code; a code added without a sample here fails the type-check. */
const SAMPLE: { [C in ProblemCode]: ProblemParams[C] } = {
  required: { expected: 'number' },
  wrongType: { expected: 'array' },
  unknownFields: { names: ['colour', 'size'] },
  invalidForm: {},
  notOneOf: { values: ['"fifo"', '"blockingFirst"'] },
  mustBe: { value: '1' },
  atLeast: { min: 2000 },
  greaterThan: { min: 0 },
  atMost: { max: 100_000 },
  notEmpty: {},
  tooLong: { max: 200 },
  tooFewEntries: { min: 2 },
  tooManyEntries: { max: 10_000 },
  share: {},
  idFormat: {},
  stepKeyFormat: {},
  seedFormat: {},
  seedTextFormat: {},
  needsYear: {},
  servesNoHouseholdType: {},
  servesNoRoute: {},
  monthlyFactors: {},
  nestedTooDeep: { levels: 32 },
  tooManyMembers: { count: 10_001, max: 10_000, list: true },
  moreProblems: { count: 12 },
  endBeforeStart: { startYear: 2024 },
  goalYearOutside: { startYear: 2024, endYear: 2031 },
  endTooEarly: { days: 91 },
  usedTwice: { id: 'nachtopvang' },
  unknownHouseholdType: { id: 'gezin', known: ['single', 'family', 'youth'] },
  sameDay: { key: '2024' },
  noStartValue: { startYear: 2024 },
  initialOverCapacity: { places: 55 },
  stayRequired: { kind: 'shelter24' },
  patienceOnlyCrisis: {},
  unknownFacility: { id: 'opvang', known: ['nachtopvang', 'opvang24'] },
  facilityNotForType: { facility: 'nachtopvang', type: 'youth' },
  selfResolveOnlyCrisis: {},
  selfResolveDaysRequired: {},
  seasonalityAllZero: {},
  pathwaysRequired: {},
  sharesSum: { sum: 1.4 },
  noFacilityForPathway: { kind: 'bw', type: 'youth' },
  noRouteHousing: { route: 'housingFirst', type: 'family' },
  acceptanceZero: {},
  bankDaysZero: {},
  weightsLength: { values: 5 },
  weightsAllZero: {},
  notParameterPath: { path: 'facilities[0' },
  notNumberInScenario: { path: 'facilities[0].name' },
  highBelowLow: { low: 10 },
  modeOutside: {},
  endMakesInvalid: {
    problem: problem(['facilities', 0, 'capacity', '2024'], 'atLeast', { min: 0 }),
  },
};

/** Words that show an English sentence; none is a Dutch word ("is" and "of" are both). */
const ENGLISH =
  /\b(must|required|unknown|least|most|the|are|has|have|needs?|only|with|without|between|and|or)\b/;

/** The problem `code` with its sample values. */
function sampleProblem<C extends ProblemCode>(code: C): Problem {
  const params = SAMPLE[code];
  return problem(['x'], code, ...((Object.keys(params).length ? [params] : []) as ProblemArgs<C>));
}

describe('problem sentences', () => {
  it('has a Dutch and an English sentence for every code, and they differ', () => {
    expect(PROBLEM_CODES.sort()).toEqual((Object.keys(SAMPLE) as ProblemCode[]).sort());
    for (const code of PROBLEM_CODES) {
      const p = sampleProblem(code);
      const nl = sentence(p, 'nl');
      const en = sentence(p, 'en');
      expect(nl.trim(), code).not.toBe('');
      expect(en.trim(), code).not.toBe('');
      expect(nl, code).not.toBe(en);
      expect(nl, code).not.toMatch(ENGLISH);
      expect(p.message, code).toBe(en);
    }
  });

  it('writes numbers and lists in each language', () => {
    expect(sentence(sampleProblem('atMost'), 'nl')).toBe('mag hoogstens 100.000 zijn');
    expect(sentence(sampleProblem('atMost'), 'en')).toBe('must be at most 100,000');
    expect(sentence(sampleProblem('unknownFields'), 'nl')).toBe(
      'heeft onbekende velden: colour en size',
    );
    expect(sentence(sampleProblem('unknownFields'), 'en')).toBe(
      'has unknown fields: colour and size',
    );
    expect(sentence(sampleProblem('sharesSum'), 'nl')).toBe(
      'de aandelen moeten samen 100% zijn (nu 140%)',
    );
  });

  it('writes a problem inside another at the place the caller gives', () => {
    const p = sampleProblem('endMakesInvalid');
    expect(sentence(p, 'nl')).toBe(
      'maakt het scenario ongeldig: facilities[0].capacity.2024: mag niet negatief zijn',
    );
    expect(sentence(p, 'nl', () => 'Voorzieningen › “Nachtopvang” › Plekken › 2024')).toBe(
      'maakt het scenario ongeldig: Voorzieningen › “Nachtopvang” › Plekken › 2024: mag niet negatief zijn',
    );
  });

  it('shows no English sentence in a Dutch run of broken scenarios', () => {
    const seen = new Set<ProblemCode>();
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        let doc: unknown = defaultScenarioInput();
        for (const m of mutations) doc = applyMutation(doc, m).doc;
        const v = validateScenario(doc);
        if (v.ok) return;
        const all = (p: Problem): Problem[] =>
          p.code === 'endMakesInvalid' ? [p, ...all(p.params.problem)] : [p];
        for (const p of v.problems.flatMap(all)) {
          seen.add(p.code);
          const nl = sentence(p, 'nl', () => 'plek');
          expect(nl, `${p.code}: ${nl}`).not.toMatch(ENGLISH);
        }
      }),
      { seed: 15, numRuns: 500 },
    );
    // The drawn mutations reach a good share of the codes (a check that the test bites).
    expect(seen.size).toBeGreaterThan(15);
  });
});
