/**
 * The one gate through which scenarios enter: shape (zod) first, then the rules that
 * tie fields together. Never throws on bad data; returns every problem with its path.
 */
import type { z } from 'zod';
import {
  scenarioSchema,
  type Scenario,
  type StepFunction,
  type HousingRoute,
  type FacilityKind,
} from './schema.ts';
import { keyToCalendarDay } from './calendar.ts';
import { getAt, setAt } from './parameter-path.ts';

/** One thing wrong with a scenario, located by its JSON path. */
export interface Problem {
  /** Path segments from the root, e.g. ['facilities', 0, 'capacity', '2027']. */
  path: (string | number)[];
  /** The same path as text, e.g. "facilities[0].capacity.2027". */
  where: string;
  /** Plain-language statement of the problem (English). */
  message: string;
}

export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: Problem[] };

/** Formats a path as `a[0].b.c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(scenario)' : out;
}

function problem(path: (string | number)[], message: string): Problem {
  return { path, where: formatPath(path), message };
}

/** Rewrites zod's messages into plain statements. */
function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `is required (${issue.expected})`
        : `must be ${issue.expected === 'number' ? 'a number' : `of type ${issue.expected}`}`;
    case 'unrecognized_keys':
      return `has unknown field(s): ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'has an invalid form (check its fields against docs/scenario.md)';
    case 'invalid_key':
      return `key is invalid: ${issue.issues.map((i) => i.message).join('; ')}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

/**
 * Validates untrusted data (a parsed JSON file, a URL, a form) as a scenario.
 * All shape problems are reported together; the cross-field rules run once the shape
 * is right, and again report all they find.
 */
export function validateScenario(data: unknown): Validation {
  const parsed = scenarioSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) =>
        problem(i.path as (string | number)[], zodMessage(i)),
      ),
    };
  }
  const problems = crossFieldProblems(parsed.data);
  if (problems.length === 0) problems.push(...uncertainProblems(parsed.data));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, scenario: parsed.data };
}

/** Each parameter range must point at a number, and both ends must give a valid scenario. */
function uncertainProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  s.uncertain.forEach((u, i) => {
    const at = ['uncertain', i];
    if (typeof getAt(s, u.path) !== 'number') {
      out.push(problem([...at, 'path'], `"${u.path}" is not a number in this scenario`));
      return;
    }
    if (u.low > u.high) out.push(problem([...at, 'high'], `must be ≥ low (${u.low})`));
    if (u.mode !== undefined && (u.mode < u.low || u.mode > u.high)) {
      out.push(problem([...at, 'mode'], `must lie between low and high`));
    }
    for (const end of ['low', 'high'] as const) {
      const variant = scenarioSchema.safeParse(setAt(s, u.path, u[end]));
      const issues = variant.success
        ? crossFieldProblems(variant.data)
        : variant.error.issues.map((x) => problem(x.path as (string | number)[], zodMessage(x)));
      for (const x of issues) {
        out.push(problem([...at, end], `makes the scenario invalid: ${x.where}: ${x.message}`));
      }
    }
  });
  return out;
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

function crossFieldProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const add = (path: (string | number)[], message: string) => out.push(problem(path, message));

  if (s.endYear < s.startYear) add(['endYear'], `must not be before startYear (${s.startYear})`);
  if (s.goal.year < s.startYear || s.goal.year > s.endYear) {
    add(['goal', 'year'], `must lie between startYear and endYear (${s.startYear}–${s.endYear})`);
  } else if ((s.endYear - s.goal.year) * 365 < Math.max(s.goal.homeDays, s.goal.triageDays)) {
    const days = Math.max(s.goal.homeDays, s.goal.triageDays);
    add(
      ['endYear'],
      `must end at least ${days} days (goal.homeDays, goal.triageDays) after the goal year, so its cohort is fully observed`,
    );
  }

  // Unique ids.
  const unique = (list: { id: string }[], at: string[]) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) add([...at, i, 'id'], `"${item.id}" is used twice`);
      seen.add(item.id);
    });
  };
  unique(s.householdTypes, ['householdTypes']);
  unique(s.facilities, ['facilities']);
  unique(s.arrivals, ['arrivals']);
  unique(s.housing.contingents, ['housing', 'contingents']);

  const types = new Set(s.householdTypes.map((h) => h.id));
  const typeList = [...types].join(', ');
  const facilityById = new Map(s.facilities.map((f) => [f.id, f]));
  const checkType = (path: (string | number)[], t: string) => {
    if (!types.has(t)) add(path, `unknown household type "${t}" (known: ${typeList})`);
  };

  // Step functions must start no later than startYear.
  const checkSteps = (path: (string | number)[], fn: StepFunction<unknown>) => {
    const first = Math.min(...Object.keys(fn).map((k) => keyToCalendarDay(k, s.startYear)));
    if (first > 0) add(path, `must give a value for the start year ${s.startYear}`);
  };

  s.householdTypes.forEach((h, i) =>
    checkDuration(['householdTypes', i, 'tenureYears'], h.tenureYears, add),
  );

  s.facilities.forEach((f, i) => {
    const at = ['facilities', i];
    f.serves.forEach((t, j) => checkType([...at, 'serves', j], t));
    checkSteps([...at, 'capacity'], f.capacity);
    if (f.kind !== 'crisis' && !f.stay)
      add([...at, 'stay'], `is required for a ${f.kind} facility`);
    if (f.stay) checkDuration([...at, 'stay'], f.stay, add);
    if (f.kind !== 'crisis' && f.patienceDays) {
      add([...at, 'patienceDays'], 'applies only to crisis shelters (their street queue)');
    }
    if (f.patienceDays) checkDuration([...at, 'patienceDays'], f.patienceDays, add);
  });

  s.arrivals.forEach((a, i) => {
    const at = ['arrivals', i];
    checkType([...at, 'householdType'], a.householdType);
    checkSteps([...at, 'ratePerYear'], a.ratePerYear);
    const f = facilityById.get(a.entry);
    if (!f) {
      add(
        [...at, 'entry'],
        `unknown facility "${a.entry}" (known: ${[...facilityById.keys()].join(', ')})`,
      );
    } else {
      if (!f.serves.includes(a.householdType)) {
        add(
          [...at, 'entry'],
          `facility "${f.id}" does not serve household type "${a.householdType}"`,
        );
      }
      if (f.kind !== 'crisis' && a.selfResolveShare > 0) {
        add([...at, 'selfResolveShare'], 'applies only to streams entering a crisis shelter');
      }
    }
    if (a.selfResolveShare > 0 && !a.selfResolveDays) {
      add([...at, 'selfResolveDays'], 'is required when selfResolveShare > 0');
    }
    if (a.selfResolveDays) checkDuration([...at, 'selfResolveDays'], a.selfResolveDays, add);
    if (a.seasonality && a.seasonality.reduce((x, y) => x + y, 0) <= 0) {
      add([...at, 'seasonality'], 'must have at least one factor > 0');
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
      add(['triage', 'pathways', t], 'is required: this household type enters a crisis shelter');
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
      if (Math.abs(sum - 1) > 1e-6)
        add(at, `shares must add up to 1 (they add up to ${round(sum)})`);
      for (const [pathway, p] of Object.entries(shares)) {
        if (!p) continue;
        const kind = KIND_OF_PATHWAY[pathway];
        if (kind && !kindServes(kind, t)) {
          add([...at, pathway], `sends people to ${kind}, but no ${kind} facility serves "${t}"`);
        }
        if ((pathway === 'independent' || pathway === 'housingFirst') && !routeServed(pathway, t)) {
          add([...at, pathway], `no contingent or market houses route "${pathway}" for "${t}"`);
        }
      }
    }
  }

  // People leaving a facility after their stay need a way to a home.
  s.facilities.forEach((f, i) => {
    if (f.kind === 'crisis' || f.exitAfterStayShare >= 1) return;
    for (const t of f.serves) {
      if (types.has(t) && !routeServed(f.kind as HousingRoute, t)) {
        add(
          ['facilities', i, 'kind'],
          `no contingent or market houses route "${f.kind}" for "${t}"`,
        );
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
      add([...at, 'acceptance'], 'must be > 0 (or set singleBindingOffer)');
    }
    if (c.unused === 'bank' && c.bankDays <= 0)
      add([...at, 'bankDays'], 'must be > 0 when unused is "bank"');
  });
  for (const [t, fn] of Object.entries(s.housing.market.meanWaitDays)) {
    checkType(['housing', 'market', 'meanWaitDays', t], t);
    checkSteps(['housing', 'market', 'meanWaitDays', t], fn);
  }
  checkDuration(['relapse', 'afterDays'], s.relapse.afterDays, add);
  return out;
}

function checkDuration(
  path: (string | number)[],
  d: Scenario['relapse']['afterDays'],
  add: (path: (string | number)[], message: string) => void,
) {
  if (d.dist !== 'empirical') return;
  if (d.weights) {
    if (d.weights.length !== d.values.length) {
      add([...path, 'weights'], `must have as many entries as values (${d.values.length})`);
    } else if (d.weights.reduce((x, y) => x + y, 0) <= 0) {
      add([...path, 'weights'], 'must have at least one weight > 0');
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
