// Small random chains built from the schema (sim/scenario/schema.ts): one to three household
// types, one to four facilities, up to three arrival streams and contingents, at most three
// reported years and two warm-up years, and rates of at most a few hundred a year, so that
// two replications run in well under a second. "Valid-ish": most are made coherent (streams
// enter a facility that serves them, triage sends people only where a facility or a home
// can take them, the market houses every route), the rest keep their parts as drawn, so the
// cross-field rules reject some of them.
import fc from 'fast-check';
import {
  FACILITY_KINDS,
  HOUSING_ROUTES,
  PATHWAYS,
  type PathwayShares,
  type ScenarioInput,
} from '../../sim/scenario/schema.ts';
import type { DurationSpec } from '../../sim/random/duration-spec.ts';
import { getAt } from '../../sim/scenario/parameter-path.ts';

/** First reported year of every generated scenario. */
export const GENERATED_START_YEAR = 2024;

const Y = String(GENERATED_START_YEAR);
const MID = `${Y}-07`;

/** A random duration with means up to `maxMean` (in the unit of the field). */
export function durationArb(maxMean: number): fc.Arbitrary<DurationSpec> {
  const mean = fc.double({ min: maxMean / 1000, max: maxMean, noNaN: true });
  const cv = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true }));
  return fc.oneof(
    fc.record({ dist: fc.constant('fixed' as const), mean: fc.oneof(fc.constant(0), mean) }),
    fc.record({ dist: fc.constant('exponential' as const), mean }),
    fc.record({ dist: fc.constant('lognormal' as const), mean, cv }),
    fc.record({ dist: fc.constant('gamma' as const), mean, cv }),
    fc
      .array(fc.double({ min: 0, max: maxMean, noNaN: true }), { minLength: 1, maxLength: 5 })
      .chain((values) =>
        fc.record(
          {
            dist: fc.constant('empirical' as const),
            values: fc.constant(values),
            weights: fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), {
              minLength: values.length,
              maxLength: values.length,
            }),
          },
          { requiredKeys: ['dist', 'values'] },
        ),
      ),
  );
}

/** A step function from the start year on, sometimes with a second step mid-year. */
function stepsArb<T>(value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> {
  return fc
    .tuple(value, fc.option(value, { nil: undefined }))
    .map(([first, later]) => (later === undefined ? { [Y]: first } : { [Y]: first, [MID]: later }));
}

/** A non-empty subset of `items`, in their order. */
function someOf<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.subarray([...items], { minLength: 1 });
}

/** Whole-number weights of every pathway (0 = not used); made into shares later. */
const pathwayWeightsArb = fc.array(fc.integer({ min: 0, max: 20 }), {
  minLength: PATHWAYS.length,
  maxLength: PATHWAYS.length,
});

/** Shares from weights, over the pathways `allowed` keeps (everyone exits when none is left). */
function pathwayShares(weights: number[], allowed: (p: string) => boolean): PathwayShares {
  const used = PATHWAYS.filter((p, i) => weights[i] > 0 && allowed(p));
  const total = used.reduce((sum, p) => sum + weights[PATHWAYS.indexOf(p)], 0);
  if (used.length === 0) return { exit: 1 };
  return Object.fromEntries(used.map((p) => [p, weights[PATHWAYS.indexOf(p)] / total]));
}

const share = fc.double({ min: 0, max: 1, noNaN: true });

/** Shares every generated scenario has, for its `uncertain` ranges (at most 1). */
const UNCERTAIN_SHARES = ['relapse.share', 'housing.waitElsewhereShare', 'goal.triageTarget'];
/** Counts and rates every generated scenario has, for its `uncertain` ranges. */
const UNCERTAIN_AMOUNTS = [`facilities[0].capacity.${Y}`, `arrivals[0].ratePerYear.${Y}`];

const facilityArb = fc.record({
  kind: fc.constantFrom(...FACILITY_KINDS),
  places: fc.integer({ min: 0, max: 40 }),
  laterPlaces: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  /** Which household types it serves, as a bit mask over the types. */
  servesMask: fc.integer({ min: 1, max: 7 }),
  stay: durationArb(800),
  exitAfterStayShare: share,
  patienceDays: fc.option(durationArb(60), { nil: undefined }),
  occupiedShare: share,
  costPerPlaceDay: fc.double({ min: 0, max: 300, noNaN: true }),
});

const arrivalArb = fc.record({
  type: fc.nat(),
  entry: fc.nat(),
  rate: stepsArb(fc.double({ min: 0, max: 300, noNaN: true })),
  seasonality: fc.option(
    fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 12, maxLength: 12 }),
    { nil: undefined },
  ),
  selfResolveShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
  selfResolveDays: durationArb(30),
});

const contingentArb = fc.record({
  owner: fc.constant('Corporation'),
  unitsPerYear: stepsArb(fc.double({ min: 0, max: 200, noNaN: true })),
  routes: someOf(HOUSING_ROUTES),
  householdTypesMask: fc.integer({ min: 1, max: 7 }),
  requiresBinding: fc.boolean(),
  requiresUrgency: fc.boolean(),
  pattern: fc.constantFrom('even' as const, 'poisson' as const, 'monthly' as const),
  acceptance: fc.double({ min: 0.05, max: 1, noNaN: true }),
  singleBindingOffer: fc.boolean(),
  unused: fc.constantFrom('lapse' as const, 'bank' as const),
  bankDays: fc.integer({ min: 1, max: 365 }),
});

const partsArb = fc.record({
  /** Whether the cross references are made to fit (see the header). */
  coherent: fc.oneof(
    { weight: 6, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  typeCount: fc.integer({ min: 1, max: 3 }),
  tenure: fc.array(durationArb(30), { minLength: 3, maxLength: 3 }),
  facilities: fc.array(facilityArb, { minLength: 1, maxLength: 4 }),
  arrivals: fc.array(arrivalArb, { minLength: 1, maxLength: 3 }),
  years: fc.integer({ min: 1, max: 3 }),
  warmupYears: fc.integer({ min: 0, max: 2 }),
  goalYearOffset: fc.integer({ min: 0, max: 2 }),
  seed: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.stringMatching(/^[a-zA-Z0-9 ._-]{1,20}$/)),
  delayDays: stepsArb(durationArb(120)),
  pathways: fc.array(stepsArb(pathwayWeightsArb), { minLength: 3, maxLength: 3 }),
  priority: fc.constantFrom('fifo' as const, 'blockingFirst' as const),
  waitElsewhereShare: share,
  urgencyAfterDays: stepsArb(fc.integer({ min: 0, max: 400 })),
  bindingYears: stepsArb(fc.integer({ min: 0, max: 5 })),
  contingents: fc.array(contingentArb, { maxLength: 3 }),
  marketRoutes: fc.subarray([...HOUSING_ROUTES]),
  marketWait: fc.array(stepsArb(fc.double({ min: 30, max: 2000, noNaN: true })), {
    minLength: 3,
    maxLength: 3,
  }),
  relapseShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  relapseAfter: durationArb(730),
  triageDays: fc.integer({ min: 1, max: 180 }),
  homeDays: fc.integer({ min: 1, max: 365 }),
  triageTarget: share,
  rehousingTarget: share,
  uncertain: fc.array(
    fc.record({
      path: fc.constantFrom(...UNCERTAIN_SHARES, ...UNCERTAIN_AMOUNTS),
      lowFactor: fc.double({ min: 0.5, max: 1, noNaN: true }),
      highFactor: fc.double({ min: 1, max: 1.5, noNaN: true }),
      dist: fc.constantFrom('uniform' as const, 'triangular' as const),
    }),
    { maxLength: 3 },
  ),
});

type Parts = typeof partsArb extends fc.Arbitrary<infer T> ? T : never;

/** The household types of a bit mask over `types` (the first type when none is left). */
function typesOf(mask: number, types: string[]): string[] {
  const chosen = types.filter((_, i) => mask & (1 << i));
  return chosen.length > 0 ? chosen : [types[0]];
}

/** A scenario from drawn parts (see the header). */
function assemble(g: Parts): ScenarioInput {
  const types = Array.from({ length: g.typeCount }, (_, i) => `type-${i}`);
  const endYear = GENERATED_START_YEAR + g.years - 1;
  const facilities = g.facilities.map((f, i) => ({
    id: `${f.kind}-${i}`,
    name: `Facility ${i}`,
    kind: f.kind,
    serves: typesOf(f.servesMask, types),
    capacity:
      f.laterPlaces === undefined ? { [Y]: f.places } : { [Y]: f.places, [MID]: f.laterPlaces },
    ...(f.kind === 'crisis'
      ? f.patienceDays
        ? { patienceDays: f.patienceDays }
        : {}
      : { stay: f.stay }),
    exitAfterStayShare: f.exitAfterStayShare,
    initialOccupancy: Math.floor(f.places * f.occupiedShare),
    costPerPlaceDay: f.costPerPlaceDay,
  }));
  const arrivals = g.arrivals.map((a, i) => {
    const householdType = types[a.type % types.length];
    const entries = g.coherent ? facilities.filter((f) => f.serves.includes(householdType)) : [];
    const entry = (entries.length > 0 ? entries : facilities)[
      a.entry % (entries.length || facilities.length)
    ];
    return {
      id: `stream-${i}`,
      householdType,
      entry: entry.id,
      ratePerYear: a.rate,
      ...(a.seasonality ? { seasonality: a.seasonality } : {}),
      ...(entry.kind === 'crisis'
        ? { selfResolveShare: a.selfResolveShare, selfResolveDays: a.selfResolveDays }
        : {}),
    };
  });
  const contingents = g.contingents.map(({ householdTypesMask, ...c }, i) => ({
    id: `contingent-${i}`,
    ...c,
    householdTypes: typesOf(householdTypesMask, types),
  }));
  // Coherent: the market houses every route of every type, and triage sends a type only to
  // facilities that serve it.
  const marketRoutes = g.coherent ? [...HOUSING_ROUTES] : g.marketRoutes;
  const serves = (kind: string, t: string) =>
    facilities.some((f) => f.kind === kind && f.serves.includes(t));
  const pathways = Object.fromEntries(
    types.map((t, i) => [
      t,
      Object.fromEntries(
        Object.entries(g.pathways[i]).map(([key, weights]) => [
          key,
          pathwayShares(
            weights,
            (p) => !g.coherent || !['shelter24', 'bw', 'training'].includes(p) || serves(p, t),
          ),
        ]),
      ),
    ]),
  );
  // Coherent: a year after the goal year, so that its cohort is observed.
  const lastYear = g.coherent ? Math.max(endYear, GENERATED_START_YEAR + 1) : endYear;
  const goalYear = Math.min(
    lastYear - (g.coherent ? 1 : 0),
    GENERATED_START_YEAR + g.goalYearOffset,
  );
  const s: ScenarioInput = {
    schemaVersion: 1,
    id: 'generated',
    name: 'Generated scenario',
    region: 'Testland',
    startYear: GENERATED_START_YEAR,
    endYear: lastYear,
    warmupYears: g.warmupYears,
    seed: g.seed,
    replications: 2,
    householdTypes: types.map((id, i) => ({ id, label: `Type ${i}`, tenureYears: g.tenure[i] })),
    facilities,
    arrivals,
    triage: { delayDays: g.delayDays, pathways },
    housing: {
      priority: g.priority,
      waitElsewhereShare: g.waitElsewhereShare,
      urgencyAfterDays: g.urgencyAfterDays,
      bindingYears: g.bindingYears,
      contingents,
      market: {
        routes: marketRoutes,
        meanWaitDays: Object.fromEntries(types.map((t, i) => [t, g.marketWait[i]])),
      },
    },
    relapse: { share: g.relapseShare, afterDays: g.relapseAfter },
    goal: {
      year: goalYear,
      triageDays: g.triageDays,
      homeDays: g.homeDays,
      triageTarget: g.triageTarget,
      rehousingTarget: g.rehousingTarget,
    },
  };
  s.uncertain = g.uncertain.map((u) => {
    const value = getAt(s, u.path) as number;
    // Shares stay at most 1; places are whole at both ends (a draw between them need not be).
    const isShare = UNCERTAIN_SHARES.includes(u.path);
    const whole = u.path.startsWith('facilities');
    const high = value * u.highFactor;
    return {
      path: u.path,
      label: u.path,
      low: whole ? Math.floor(value * u.lowFactor) : value * u.lowFactor,
      high: isShare ? Math.min(1, high) : whole ? Math.ceil(high) : high,
      dist: u.dist,
      note: { assumption: 'generated range' },
    };
  });
  return s;
}

/** A small, mostly valid scenario (see the header). */
export const generatedScenarioArb: fc.Arbitrary<ScenarioInput> = partsArb.map(assemble);
