/** The validator's problems in English. */
import type { Catalogue, Vocabulary } from './words.ts';
import type { Expected } from '../problem.ts';

const EXPECTED: Record<Expected, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  record: 'a group of named values',
  other: 'a valid value',
};

export const vocabulary: Vocabulary = {
  kinds: {
    crisis: 'crisis or night shelter',
    shelter24: '24-hour shelter',
    bw: 'supported housing',
    training: 'housing training',
  },
  routes: {
    independent: 'independent living',
    housingFirst: 'Housing First',
    shelter24: 'via the 24-hour shelter',
    bw: 'via supported housing',
    training: 'via housing training',
  },
  more: (count) => `and ${count} more`,
};

export const en: Catalogue = {
  required: (p) => `is required (${EXPECTED[p.expected]})`,
  wrongType: (p) => `must be ${EXPECTED[p.expected]}`,
  unknownFields: (p, w) =>
    p.names.length === 1
      ? `has an unknown field: ${p.names[0]}`
      : `has unknown fields: ${w.list(p.names)}`,
  invalidForm: () => 'has an invalid form',
  notOneOf: (p, w) => `must be one of: ${w.list(p.values)}`,
  mustBe: (p) => `must be ${p.value}`,
  atLeast: (p, w) => (p.min === 0 ? 'must not be negative' : `must be at least ${w.n(p.min)}`),
  greaterThan: (p, w) => `must be more than ${w.n(p.min)}`,
  atMost: (p, w) => `must be at most ${w.n(p.max)}`,
  notEmpty: () => 'must not be empty',
  tooLong: (p, w) => `must be at most ${w.n(p.max)} characters`,
  tooFewEntries: (p, w) =>
    p.min === 1 ? 'needs at least one entry' : `needs at least ${w.n(p.min)} entries`,
  tooManyEntries: (p, w) => `must have at most ${w.n(p.max)} entries`,
  share: () => 'must be a share between 0 and 1 (0% to 100%)',
  idFormat: () => 'must be lower-case letters, digits and hyphens, starting with a letter',
  stepKeyFormat: () => 'must be a year ("2027") or a month ("2024-07") from 2000 to 2100',
  seedFormat: () => 'must be a text without "/" or a whole number',
  seedTextFormat: () => 'must be printable text without "/"',
  needsYear: () => 'needs at least one year',
  servesNoHouseholdType: () => 'must serve at least one household type',
  servesNoRoute: () => 'must serve at least one route',
  monthlyFactors: () => 'must have 12 monthly factors',
  nestedTooDeep: (p) => `is nested more than ${p.levels} levels deep`,
  tooManyMembers: (p, w) =>
    `has ${w.n(p.count)} ${p.list ? 'entries' : 'named values'}; at most ${w.n(p.max)} are allowed`,
  moreProblems: (p, w) => `has ${w.n(p.count)} more problems; correct these first`,

  endBeforeStart: (p) => `must not be before the start year (${p.startYear})`,
  goalYearOutside: (p) =>
    `must lie between the start year and the end year (${p.startYear}–${p.endYear})`,
  endTooEarly: (p, w) =>
    `must end at least ${w.n(p.days)} days after the goal year, so that everyone arriving in the goal year is followed for the goal's days`,
  usedTwice: (p) => `"${p.id}" is used twice`,
  unknownHouseholdType: (p, w) => `unknown household type "${p.id}" (known: ${w.list(p.known)})`,
  sameDay: (p) => `names the same day as "${p.key}"`,
  noStartValue: (p) => `must give a value for the start year ${p.startYear}`,
  initialOverCapacity: (p, w) => `must not exceed the places in the start year (${w.n(p.places)})`,
  stayRequired: (p, w) => `is required for a facility of the kind ${w.kind(p.kind)}`,
  patienceOnlyCrisis: () => 'applies only to crisis shelters (their street queue)',
  unknownFacility: (p, w) => `unknown facility "${p.id}" (known: ${w.list(p.known)})`,
  facilityNotForType: (p) => `facility "${p.facility}" does not serve household type "${p.type}"`,
  selfResolveOnlyCrisis: () => 'applies only to streams entering a crisis shelter',
  selfResolveDaysRequired: () => 'is required when part of the stream resolves by itself',
  seasonalityAllZero: () => 'must have at least one factor above 0',
  pathwaysRequired: () => 'is required: this household type enters a crisis shelter',
  sharesSum: (p, w) => `shares must add up to 100% (they add up to ${w.pct(p.sum)})`,
  noFacilityForPathway: (p, w) =>
    `sends people to ${w.kind(p.kind)}, but no facility of that kind serves "${p.type}"`,
  noRouteHousing: (p, w) =>
    `no contingent or market houses the route ${w.route(p.route)} for "${p.type}"`,
  acceptanceZero: () => 'must be more than 0 (or make the offer a single binding offer)',
  bankDaysZero: () => 'must be more than 0 when unused homes are held (bank)',
  weightsLength: (p) => `must have as many entries as values (${p.values})`,
  weightsAllZero: () => 'must have at least one weight above 0',

  notParameterPath: (p) => `"${p.path}" is not a parameter path`,
  notNumberInScenario: (p) => `"${p.path}" is not a number in this scenario`,
  highBelowLow: (p, w) => `must be at least the low end (${w.n(p.low)})`,
  modeOutside: () => 'must lie between the low and the high end',
  endMakesInvalid: (p, w) => `makes the scenario invalid: ${w.inner(p.problem)}`,
};
