/**
 * A problem with a scenario: where it is (a path), what it is (a code) and the values its
 * sentence names (params). The sentences are written per language from the code
 * (problem-words/); nothing ever reads a sentence back.
 */
import { sentence } from './problem-words/index.ts';

/** The types of value the schema expects that a problem names (see `wrongType`). */
export const EXPECTED_TYPES = [
  'number',
  'int',
  'string',
  'boolean',
  'array',
  'object',
  'record',
] as const;

/** A type the schema expects, or `other` for one no sentence names. */
export type Expected = (typeof EXPECTED_TYPES)[number] | 'other';

/** Nothing to name: the code says it all. */
type None = Record<string, never>;

/**
 * Every problem code of the validator and the values its sentence names. Numbers are kept
 * as numbers, so each language writes them its own way.
 */
export interface ProblemParams {
  // The shape of the data (zod), sizes and lists.
  /** A field is missing. */
  required: { expected: Expected };
  /** A value of the wrong type. */
  wrongType: { expected: Expected };
  /** Fields the schema does not know. */
  unknownFields: { names: string[] };
  /** A value of none of the allowed forms. */
  invalidForm: None;
  /** A value not in the list of allowed values (each as JSON). */
  notOneOf: { values: string[] };
  /** A value that must be exactly this one (as JSON). */
  mustBe: { value: string };
  /** A number below its minimum (allowed itself). */
  atLeast: { min: number };
  /** A number at or below its minimum (not allowed itself). */
  greaterThan: { min: number };
  /** A number above its maximum. */
  atMost: { max: number };
  /** A text that is empty. */
  notEmpty: None;
  /** A text longer than `max` characters. */
  tooLong: { max: number };
  /** A list with fewer than `min` entries. */
  tooFewEntries: { min: number };
  /** A list with more than `max` entries. */
  tooManyEntries: { max: number };
  /** A share outside 0–1 (shown to users as a percentage). */
  share: None;
  /** An id that is not lower-case letters, digits and hyphens. */
  idFormat: None;
  /** A key of a value per year that is not a year or a month. */
  stepKeyFormat: None;
  /** A seed that is neither printable text without "/" nor a whole number. */
  seedFormat: None;
  /** A seed text with "/" or a control character. */
  seedTextFormat: None;
  /** A value per year without any year. */
  needsYear: None;
  /** A contingent or facility that serves no household type. */
  servesNoHouseholdType: None;
  /** A contingent that serves no route. */
  servesNoRoute: None;
  /** Seasonality with other than 12 monthly factors. */
  monthlyFactors: None;
  /** Nesting deeper than any scenario needs. */
  nestedTooDeep: { levels: number };
  /** A list (`list`) or group of named values longer than any scenario needs. */
  tooManyMembers: { count: number; max: number; list: boolean };
  /** The count of problems not listed. */
  moreProblems: { count: number };

  // Rules that tie fields together.
  endBeforeStart: { startYear: number };
  goalYearOutside: { startYear: number; endYear: number };
  /** The run ends too soon after the goal year to follow its cohort for `days`. */
  endTooEarly: { days: number };
  usedTwice: { id: string };
  unknownHouseholdType: { id: string; known: string[] };
  /** Two keys of a value per year name the same day. */
  sameDay: { key: string };
  noStartValue: { startYear: number };
  initialOverCapacity: { places: number };
  stayRequired: { kind: string };
  patienceOnlyCrisis: None;
  unknownFacility: { id: string; known: string[] };
  facilityNotForType: { facility: string; type: string };
  selfResolveOnlyCrisis: None;
  selfResolveDaysRequired: None;
  seasonalityAllZero: None;
  pathwaysRequired: None;
  /** Shares that do not add up to 1; `sum` is what they add up to. */
  sharesSum: { sum: number };
  noFacilityForPathway: { kind: string; type: string };
  noRouteHousing: { route: string; type: string };
  acceptanceZero: None;
  bankDaysZero: None;
  weightsLength: { values: number };
  weightsAllZero: None;

  // Parameter ranges (`uncertain`).
  notParameterPath: { path: string };
  notNumberInScenario: { path: string };
  highBelowLow: { low: number };
  modeOutside: None;
  /** One end of a range makes the scenario invalid: `problem` is what then goes wrong. */
  endMakesInvalid: { problem: Problem };
}

/** A problem code. */
export type ProblemCode = keyof ProblemParams;

/** One thing wrong with a scenario, located by its path. Plain data (crosses workers). */
export type Problem = {
  [C in ProblemCode]: {
    /** Path segments from the root, e.g. ['facilities', 0, 'capacity', '2027']. */
    path: (string | number)[];
    /** The same path as text, e.g. "facilities[0].capacity.2027" (for logs and developers). */
    where: string;
    code: C;
    params: ProblemParams[C];
    /** The English sentence, e.g. "must be ≥ 0" (for logs and errors thrown to developers). */
    message: string;
  };
}[ProblemCode];

/** Formats a path as `a[0].b.c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(scenario)' : out;
}

/** The values of code `C` as arguments: none for a code that carries none. */
export type ProblemArgs<C extends ProblemCode> = ProblemParams[C] extends None
  ? []
  : [ProblemParams[C]];

/** The problem `code` with `params` at `path`. */
export function problem<C extends ProblemCode>(
  path: (string | number)[],
  code: C,
  ...[params]: ProblemArgs<C>
): Problem {
  const p = { path, where: formatPath(path), code, params: params ?? {} } as Omit<
    Problem,
    'message'
  >;
  return { ...p, message: sentence(p as Problem, 'en') } as Problem;
}
