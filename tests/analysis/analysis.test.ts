// The inverse questions checked against cases whose answers are known: contingent sizing
// on an M/M/1 queue of housing-ready people, paired comparison, sensitivity of a parameter
// without effect, and the variance split of input uncertainty.
import { describe, it, expect } from 'vitest';
import type { Scenario, ScenarioInput } from '../../sim/scenario/schema.ts';
import { runReplications } from '../../sim/run-replications.ts';
import type { Runner } from '../../sim/analysis/runner.ts';
import { sizeContingent, withUnits, goalYearUnits } from '../../sim/analysis/contingent-sizing.ts';
import { sensitivity } from '../../sim/analysis/sensitivity.ts';
import { varianceSplit } from '../../sim/analysis/variance-split.ts';
import { comparePaired } from '../../sim/results/compare.ts';
import {
  minimalScenario,
  mustValidate,
  defaultScenario,
  START_YEAR,
} from '../helpers/scenarios.ts';

const run: Runner = async (s, r) => runReplications(s, r);
const y = String(START_YEAR);

/**
 * People arrive (Poisson, λ = 500 a year), are ready for a home at once and wait in
 * arrival order for contingent units that come as a Poisson stream of μ a year; unused
 * units lapse. That is an M/M/1 queue: the time to a home is exponential with rate μ − λ,
 * so P(home within d days) = 1 − exp(−(μ − λ)·d/365). With d = 3 and a 90% target the
 * needed supply is μ* = λ + 365·ln(10)/3 ≈ 780.1 units a year. At that load (ρ ≈ 0.64)
 * the queue forgets its state within weeks, so a year's share is close to normal and
 * its median close to its mean: P(goal met) = 0.5 near μ*.
 */
function mm1Housing(): Scenario {
  const s: ScenarioInput = minimalScenario();
  s.warmupYears = 2;
  s.facilities[0].capacity = { [y]: 100000 };
  s.arrivals[0].ratePerYear = { [y]: 500 };
  s.triage.delayDays = { [y]: { dist: 'fixed', mean: 0 } };
  s.triage.pathways = { single: { [y]: { independent: 1 } } };
  s.housing.contingents = [
    {
      id: 'units',
      owner: 'test',
      unitsPerYear: { [y]: 500 },
      routes: ['independent'],
      householdTypes: ['single'],
      requiresUrgency: false,
      pattern: 'poisson',
    },
  ];
  s.goal = { year: START_YEAR, triageDays: 42, homeDays: 3, triageTarget: 0, rehousingTarget: 0.9 };
  return mustValidate(s);
}

describe('contingent sizing', () => {
  it('finds the supply an M/M/1 queue needs within its interval', async () => {
    const s = mm1Housing();
    const needed = 500 + (365 * Math.log(10)) / 3;
    const result = await sizeContingent(s, run, {
      contingent: 'units',
      target: 0.5,
      maxUnits: 1200,
      coarseReplications: 30,
      fineReplications: 60,
      seed: 'mm1',
    });
    expect(result.answer).not.toBeNull();
    const [lo, hi] = result.interval!;
    expect(lo).toBeLessThanOrEqual(needed);
    expect(hi).toBeGreaterThanOrEqual(needed);
    // The interval is informative: narrower than a tenth of the searched range.
    expect(hi - lo).toBeLessThan(120);
  }, 120_000);

  it('gives a P(goal met) that does not fall as the contingent grows, on common random numbers', async () => {
    const s = mm1Housing();
    const sizes = [600, 700, 780, 850, 1000];
    const p: number[] = [];
    for (const units of sizes) {
      p.push(
        (await run(withUnits(s, 'units', units), { replications: 40, seed: 'mono' })).goal.pMet,
      );
    }
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1]);
    expect(p[0]).toBeLessThan(p[p.length - 1]);
  }, 60_000);

  it('resizes the chosen contingent and keeps its transition path', () => {
    const s = defaultScenario();
    const id = s.housing.contingents[0].id;
    const bigger = withUnits(s, id, 2 * goalYearUnits(s, id));
    expect(goalYearUnits(bigger, id)).toBeCloseTo(2 * goalYearUnits(s, id), 9);
    expect(bigger.housing.contingents[1]).toEqual(s.housing.contingents[1]);
    expect(() => withUnits(s, 'nope', 1)).toThrow(/unknown contingent "nope"/);
  });
});

describe('paired comparison', () => {
  it('gives narrower intervals than comparing independent means', async () => {
    const a = defaultScenario();
    const id = a.housing.contingents[0].id;
    const b = withUnits(a, id, 1.25 * goalYearUnits(a, id));
    const ra = await run(a, { replications: 20, seed: 'pair' });
    const rb = await run(b, { replications: 20, seed: 'pair' });
    const d = comparePaired(ra, rb).find((x) => x.kpi === 'housed')!;
    expect(d.diff).toBeGreaterThan(0);
    expect(d.ci95[1] - d.ci95[0]).toBeLessThan(d.unpairedCi95[1] - d.unpairedCi95[0]);
    expect(d.pBetter).toBeGreaterThan(0.5);
  }, 60_000);

  it('refuses runs that do not pair', async () => {
    const s = mm1Housing();
    const ra = await run(s, { replications: 4, seed: 'x' });
    const rb = await run(s, { replications: 4, seed: 'y' });
    expect(() => comparePaired(ra, rb)).toThrow(/seeds differ/);
  }, 30_000);
});

describe('sensitivity', () => {
  it('finds no effect for a parameter that changes nothing in the chain and an effect for one that does', async () => {
    const s = mustValidate({
      ...mm1Housing(),
      uncertain: [
        {
          path: 'facilities[0].costPerPlaceDay',
          label: 'kosten',
          low: 50,
          high: 500,
          note: { assumption: 'test' },
        },
        {
          path: 'housing.contingents[0].unitsPerYear.2024',
          label: 'contingent',
          low: 600,
          high: 900,
          note: { assumption: 'test' },
        },
      ],
    });
    const r = await sensitivity(s, run, 12, 'sens');
    const cost = r.rows.find((row) => row.label === 'kosten')!;
    expect(cost.swing).toBe(0);
    expect(cost.pMetLow).toBe(cost.pMetHigh);
    expect(r.rows[0].label).toBe('contingent');
    expect(r.rows[0].rehousingHigh).toBeGreaterThan(r.rows[0].rehousingLow);
  }, 60_000);
});

describe('input uncertainty', () => {
  it('splits the variance between parameters and chance', async () => {
    const s = mustValidate({
      ...mm1Housing(),
      uncertain: [
        {
          path: 'housing.contingents[0].unitsPerYear.2024',
          label: 'contingent',
          low: 550,
          high: 1200,
          note: { assumption: 'test' },
        },
      ],
    });
    const perDraw = 4;
    const withParams = await run(s, {
      replications: 40,
      seed: 'iu',
      inputUncertainty: { replicationsPerDraw: perDraw },
    });
    const split = varianceSplit(withParams.perReplication.rehousingShare, perDraw);
    expect(split.groups).toBe(10);
    expect(split.parameterShare).toBeGreaterThan(0.5);
    // Without input uncertainty, the same grouping finds (almost) only chance.
    const fixed = await run(s, { replications: 40, seed: 'iu' });
    const none = varianceSplit(fixed.perReplication.rehousingShare, perDraw);
    expect(none.parameterShare).toBeLessThan(split.parameterShare);
  }, 60_000);

  it('computes the textbook split on a constructed example', () => {
    // Two groups of two: means 1 and 3, within-group deviations ±1.
    const split = varianceSplit([0, 2, 2, 4], 2);
    expect(split.chance).toBeCloseTo(2, 12); // SSW = 4, df = 2
    expect(split.parameters).toBeCloseTo((4 - 2) / 2, 12); // MSB = 2·((1−2)² + (3−2)²) = 4
  });
});
