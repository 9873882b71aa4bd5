/**
 * The one gate through which scenarios enter: shape (zod) first, then the rules that
 * tie fields together. Never throws on bad data; returns every problem with its path.
 */
import {
  scenarioSchema,
  type Scenario,
  type StepFunction,
  type HousingRoute,
  type FacilityKind,
} from './schema.ts';
import { keyToCalendarDay } from './calendar.ts';
import { problem, type Problem, type ProblemArgs, type ProblemCode } from './problem.ts';
import { zodProblems } from './zod-problems.ts';
import { uncertainProblems } from './uncertain-ranges.ts';
import { inputSizeProblems } from './input-size.ts';
import { Steps } from './step-function.ts';

export type { Problem } from './problem.ts';
export { formatPath } from './problem.ts';

export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** At most this many problems are listed; a last one counts the rest. */
export const MAX_PROBLEMS = 100;

/**
 * Validates untrusted data (a parsed JSON file, a URL, a form) as a scenario.
 * All shape problems are reported together; the cross-field rules run once the shape
 * is right, and again report all they find.
 */
export function validateScenario(data: unknown): Validation {
  const tooLarge = inputSizeProblems(data);
  if (tooLarge.length > 0) return { ok: false, problems: capped(tooLarge) };
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: capped(zodProblems(parsed.error.issues)) };
  const problems = crossFieldProblems(parsed.data);
  if (problems.length === 0) problems.push(...uncertainProblems(parsed.data, crossFieldProblems));
  return problems.length > 0
    ? { ok: false, problems: capped(problems) }
    : { ok: true, scenario: parsed.data };
}

/** The first {@link MAX_PROBLEMS} problems, and one that counts the rest. */
function capped(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), problem([], 'moreProblems', { count: rest })];
}

/** Like validateScenario, but throws an Error listing the problems (for trusted callers). */
export function parseScenario(data: unknown): Scenario {
  const v = validateScenario(data);
  if (!v.ok) {
    throw new Error(
      `invalid scenario:\n${v.problems.map((p) => `  ${p.where}: ${p.message}`).join('\n')}`,
    );
  }
  return v.scenario;
}

const KIND_OF_PATHWAY: Partial<Record<string, FacilityKind>> = {
  shelter24: 'shelter24',
  bw: 'bw',
  training: 'training',
};

/** Adds a problem: a path, a code and (where the code has any) its values. */
type Add = <C extends ProblemCode>(
  path: (string | number)[],
  code: C,
  ...params: ProblemArgs<C>
) => void;

function crossFieldProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const add: Add = (path, code, ...params) => out.push(problem(path, code, ...params));

  if (s.endYear < s.startYear) add(['endYear'], 'endBeforeStart', { startYear: s.startYear });
  if (s.goal.year < s.startYear || s.goal.year > s.endYear) {
    add(['goal', 'year'], 'goalYearOutside', { startYear: s.startYear, endYear: s.endYear });
  } else if ((s.endYear - s.goal.year) * 365 < Math.max(s.goal.homeDays, s.goal.triageDays)) {
    const days = Math.max(s.goal.homeDays, s.goal.triageDays);
    add(['endYear'], 'endTooEarly', { days });
  }

  // Unique ids.
  const unique = (list: { id: string }[], at: string[]) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) add([...at, i, 'id'], 'usedTwice', { id: item.id });
      seen.add(item.id);
    });
  };
  unique(s.householdTypes, ['householdTypes']);
  unique(s.facilities, ['facilities']);
  unique(s.arrivals, ['arrivals']);
  unique(s.housing.contingents, ['housing', 'contingents']);

  const types = new Set(s.householdTypes.map((h) => h.id));
  const facilityById = new Map(s.facilities.map((f) => [f.id, f]));
  const checkType = (path: (string | number)[], t: string) => {
    if (!types.has(t)) add(path, 'unknownHouseholdType', { id: t, known: [...types] });
  };

  // Step functions must start no later than startYear, and name each day once.
  const checkSteps = (path: (string | number)[], fn: StepFunction<unknown>) => {
    let first = Infinity;
    const keyOfDay = new Map<number, string>();
    for (const key of Object.keys(fn)) {
      const day = keyToCalendarDay(key, s.startYear);
      first = Math.min(first, day);
      const same = keyOfDay.get(day);
      if (same !== undefined) add([...path, key], 'sameDay', { key: same });
      else keyOfDay.set(day, key);
    }
    if (first > 0) add(path, 'noStartValue', { startYear: s.startYear });
  };

  s.householdTypes.forEach((h, i) =>
    checkDuration(['householdTypes', i, 'tenureYears'], h.tenureYears, add),
  );

  s.facilities.forEach((f, i) => {
    const at = ['facilities', i];
    f.serves.forEach((t, j) => checkType([...at, 'serves', j], t));
    checkSteps([...at, 'capacity'], f.capacity);
    const places = new Steps(f.capacity, s.startYear).at(0);
    if (f.initialOccupancy > places) {
      add([...at, 'initialOccupancy'], 'initialOverCapacity', { places });
    }
    if (f.kind !== 'crisis' && !f.stay) add([...at, 'stay'], 'stayRequired', { kind: f.kind });
    if (f.stay) checkDuration([...at, 'stay'], f.stay, add);
    if (f.kind !== 'crisis' && f.patienceDays) {
      add([...at, 'patienceDays'], 'patienceOnlyCrisis');
    }
    if (f.patienceDays) checkDuration([...at, 'patienceDays'], f.patienceDays, add);
  });

  s.arrivals.forEach((a, i) => {
    const at = ['arrivals', i];
    checkType([...at, 'householdType'], a.householdType);
    checkSteps([...at, 'ratePerYear'], a.ratePerYear);
    const f = facilityById.get(a.entry);
    if (!f) {
      add([...at, 'entry'], 'unknownFacility', { id: a.entry, known: [...facilityById.keys()] });
    } else {
      if (!f.serves.includes(a.householdType)) {
        add([...at, 'entry'], 'facilityNotForType', { facility: f.id, type: a.householdType });
      }
      if (f.kind !== 'crisis' && a.selfResolveShare > 0) {
        add([...at, 'selfResolveShare'], 'selfResolveOnlyCrisis');
      }
    }
    if (a.selfResolveShare > 0 && !a.selfResolveDays) {
      add([...at, 'selfResolveDays'], 'selfResolveDaysRequired');
    }
    if (a.selfResolveDays) checkDuration([...at, 'selfResolveDays'], a.selfResolveDays, add);
    if (a.seasonality && a.seasonality.reduce((x, y) => x + y, 0) <= 0) {
      add([...at, 'seasonality'], 'seasonalityAllZero');
    }
  });

  // Triage: every household type entering a crisis shelter needs pathway shares.
  checkSteps(['triage', 'delayDays'], s.triage.delayDays);
  for (const [key, d] of Object.entries(s.triage.delayDays)) {
    checkDuration(['triage', 'delayDays', key], d, add);
  }
  const crisisTypes = new Set(
    s.arrivals
      .filter((a) => facilityById.get(a.entry)?.kind === 'crisis')
      .map((a) => a.householdType),
  );
  for (const t of crisisTypes) {
    if (!Object.hasOwn(s.triage.pathways, t)) {
      add(['triage', 'pathways', t], 'pathwaysRequired');
    }
  }
  const routeServed = (route: HousingRoute, t: string) =>
    s.housing.contingents.some((c) => c.routes.includes(route) && c.householdTypes.includes(t)) ||
    (s.housing.market.routes.includes(route) && Object.hasOwn(s.housing.market.meanWaitDays, t));
  const kindServes = (kind: FacilityKind, t: string) =>
    s.facilities.some((f) => f.kind === kind && f.serves.includes(t));

  for (const [t, fn] of Object.entries(s.triage.pathways)) {
    checkType(['triage', 'pathways', t], t);
    checkSteps(['triage', 'pathways', t], fn);
    for (const [key, shares] of Object.entries(fn)) {
      const at = ['triage', 'pathways', t, key];
      const sum = Object.values(shares).reduce((x: number, y) => x + (y ?? 0), 0);
      if (Math.abs(sum - 1) > 1e-6) add(at, 'sharesSum', { sum: round(sum) });
      for (const [pathway, p] of Object.entries(shares)) {
        if (!p) continue;
        const kind = KIND_OF_PATHWAY[pathway];
        if (kind && !kindServes(kind, t)) {
          add([...at, pathway], 'noFacilityForPathway', { kind, type: t });
        }
        if ((pathway === 'independent' || pathway === 'housingFirst') && !routeServed(pathway, t)) {
          add([...at, pathway], 'noRouteHousing', { route: pathway, type: t });
        }
      }
    }
  }

  // People leaving a facility after their stay need a way to a home.
  s.facilities.forEach((f, i) => {
    if (f.kind === 'crisis' || f.exitAfterStayShare >= 1) return;
    for (const t of f.serves) {
      if (types.has(t) && !routeServed(f.kind as HousingRoute, t)) {
        add(['facilities', i, 'kind'], 'noRouteHousing', { route: f.kind, type: t });
      }
    }
  });

  checkSteps(['housing', 'urgencyAfterDays'], s.housing.urgencyAfterDays);
  checkSteps(['housing', 'bindingYears'], s.housing.bindingYears);
  s.housing.contingents.forEach((c, i) => {
    const at = ['housing', 'contingents', i];
    checkSteps([...at, 'unitsPerYear'], c.unitsPerYear);
    c.householdTypes.forEach((t, j) => checkType([...at, 'householdTypes', j], t));
    if (!c.singleBindingOffer && c.acceptance === 0) {
      add([...at, 'acceptance'], 'acceptanceZero');
    }
    if (c.unused === 'bank' && c.bankDays <= 0) add([...at, 'bankDays'], 'bankDaysZero');
  });
  for (const [t, fn] of Object.entries(s.housing.market.meanWaitDays)) {
    checkType(['housing', 'market', 'meanWaitDays', t], t);
    checkSteps(['housing', 'market', 'meanWaitDays', t], fn);
  }
  checkDuration(['relapse', 'afterDays'], s.relapse.afterDays, add);
  return out;
}

function checkDuration(path: (string | number)[], d: Scenario['relapse']['afterDays'], add: Add) {
  if (d.dist !== 'empirical') return;
  if (d.weights) {
    if (d.weights.length !== d.values.length) {
      add([...path, 'weights'], 'weightsLength', { values: d.values.length });
    } else if (d.weights.reduce((x, y) => x + y, 0) <= 0) {
      add([...path, 'weights'], 'weightsAllZero');
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
