// A run with input uncertainty reports intervals over its parameter draws, the same from the
// single-threaded core and the worker pool; without uncertain parameters to draw, input
// uncertainty changes nothing, and compare and variance split group replications alike.
import { afterAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { runReplications } from '../../sim/run-replications.ts';
import type { Aggregator } from '../../sim/results/aggregate.ts';
import { estimate, groupedWilson95, type Estimate } from '../../sim/results/stats.ts';
import { comparePaired } from '../../sim/results/compare.ts';
import { varianceSplit } from '../../sim/analysis/variance-split.ts';
import { createNodePool } from '../../workers/node.ts';
import { minimalScenario, mustValidate, START_YEAR } from '../helpers/scenarios.ts';
import { normalised } from '../workers/helpers.ts';

const PER_DRAW = 4;
const REPLICATIONS = 26; // six whole draws and one of two

/** The minimal scenario with its arrival rate uncertain between 50 and 300 a year. */
function uncertainArrivals(): Scenario {
  return mustValidate({
    ...minimalScenario(),
    uncertain: [
      {
        path: `arrivals[0].ratePerYear.${START_YEAR}`,
        label: 'instroom',
        low: 50,
        high: 300,
        note: { assumption: 'test' },
      },
    ],
  });
}

const pool = createNodePool({ workers: 2 });
afterAll(() => pool.close());

describe('a run with input uncertainty', () => {
  const s = uncertainArrivals();
  let agg: Aggregator | undefined;
  const grouped = runReplications(s, {
    replications: REPLICATIONS,
    inputUncertainty: { replicationsPerDraw: PER_DRAW },
    onProgress: (_, a) => (agg = a),
  });
  const independent = runReplications(s, { replications: REPLICATIONS });

  it('gives intervals over its draws, wider than over its replications', () => {
    expect(grouped.meta.replicationsPerDraw).toBe(PER_DRAW);
    const arrivals = agg!.column('arrivals', 0);
    const year = grouped.years[0].arrivals as Estimate;
    expect(year).toEqual(estimate(arrivals, PER_DRAW));
    const asIf = estimate(arrivals);
    expect(year.ci95[1] - year.ci95[0]).toBeGreaterThan(2 * (asIf.ci95[1] - asIf.ci95[0]));
    expect([year.mean, year.p5, year.p50, year.p95]).toEqual([
      asIf.mean,
      asIf.p5,
      asIf.p50,
      asIf.p95,
    ]);
    const g = grouped.goal;
    expect(g.rehousingShare).toEqual(estimate(grouped.perReplication.rehousingShare, PER_DRAW));
    expect(g.pMetCi95).toEqual(groupedWilson95(grouped.perReplication.goalMet, PER_DRAW));
  });

  it('gives the same summary on the worker pool', async () => {
    const onPool = await pool.run(s, {
      replications: REPLICATIONS,
      inputUncertainty: { replicationsPerDraw: PER_DRAW },
    });
    expect(normalised(onPool)).toBe(normalised(grouped));
  });

  it('is the independent run when the scenario has no uncertain parameters', () => {
    const fixed = mustValidate(minimalScenario());
    const plain = runReplications(fixed, { replications: 12 });
    const withIu = runReplications(fixed, {
      replications: 12,
      inputUncertainty: { replicationsPerDraw: PER_DRAW },
    });
    expect(JSON.stringify(withIu)).toBe(JSON.stringify(plain));
    expect(plain.meta.replicationsPerDraw).toBeUndefined();
  });

  it('compares paired runs over the draws, and splits the variance over the same draws', () => {
    const other = uncertainArrivals();
    other.facilities[0].capacity = { [String(START_YEAR)]: 3 };
    const b = runReplications(other, {
      replications: REPLICATIONS,
      inputUncertainty: { replicationsPerDraw: PER_DRAW },
    });
    const d = comparePaired(grouped, b);
    for (const x of d) expect(x.groupSize).toBe(PER_DRAW);
    const plain = comparePaired(
      independent,
      runReplications(other, { replications: REPLICATIONS }),
    );
    for (const x of plain) expect(x.groupSize).toBeUndefined();
    const split = varianceSplit(agg!.column('arrivals', 0), PER_DRAW);
    expect(split.perGroup).toBe(PER_DRAW);
    expect(split.groups).toBe(Math.ceil(REPLICATIONS / PER_DRAW));
    expect(split.parameterShare).toBeGreaterThan(0.5);
    // Nobody is housed in this scenario: no rehousing share, and no split, but no throw.
    const none = varianceSplit(grouped.perReplication.rehousingShare, PER_DRAW);
    expect(none.groups).toBe(0);
    expect(none.parameterShare).toBeNaN();
  });

  it('refuses a number of replications per draw that is not a whole number', () => {
    expect(() =>
      runReplications(s, { replications: 4, inputUncertainty: { replicationsPerDraw: 0 } }),
    ).toThrow(RangeError);
  });
});
