// Seeded reproducibility (DESIGN §3): the same scenario, seed and replication give identical
// results; other seeds or replication indices give other results; a replication does not
// depend on what ran before it; and scenarios share common random numbers, so changing a
// contingent does not change who arrives when.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { ReplicationResult } from '../../sim/results/replication-result.ts';
import { contingentColumn, type ChainKpi } from '../../sim/results/columns.ts';
import type { Aggregator } from '../../sim/results/aggregate.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { runReplications } from '../../sim/run-replications.ts';
import { defaultScenario, defaultScenarioInput, mustValidate } from '../helpers/scenarios.ts';

const REPLICATIONS = 8;

/** The run summary as JSON, without the wall-clock time (the one figure allowed to vary). */
function summaryJson(s: Scenario, seed: string | number, onAgg?: (a: Aggregator) => void): string {
  let clock = 0;
  const summary = runReplications(s, {
    replications: REPLICATIONS,
    seed,
    clock: () => (clock += 17), // a clock that moves, to show wallMs is all it affects
    onProgress: (_, agg) => onAgg?.(agg),
  });
  const { wallMs, ...meta } = summary.meta;
  expect(wallMs).toBeGreaterThan(0);
  return JSON.stringify({ ...summary, meta });
}

describe('determinism', () => {
  let s: Scenario;
  let first: string;
  let aggregator: Aggregator | undefined;
  beforeAll(() => {
    s = defaultScenario();
    first = summaryJson(s, 'doorstroom', (a) => (aggregator = a));
  });

  it('gives an identical run summary for the same scenario, seed and replications', () => {
    expect(summaryJson(s, 'doorstroom')).toBe(first);
  });

  it('gives a different run summary for a different seed', () => {
    expect(summaryJson(s, 'another-seed')).not.toBe(first);
  });

  it('gives replication i the same result alone as within a batch', () => {
    const agg = aggregator!;
    expect(agg.done).toBe(REPLICATIONS);
    for (const rep of [0, 5, REPLICATIONS - 1]) {
      const alone = runReplication(s, rep);
      for (const k of agg.layout.yearly) {
        agg.layout.years.forEach((_, y) => {
          expect(alone.yearly[k][y], `${k}[${y}] of replication ${rep}`).toEqual(
            agg.column(k, y)[rep],
          );
        });
      }
    }
  });

  it('gives each replication the same result whatever order replications run in', () => {
    const forward: ReplicationResult[] = [0, 1, 2].map((i) => runReplication(s, i));
    const backward: ReplicationResult[] = [2, 1, 0].map((i) => runReplication(s, i)).reverse();
    expect(backward).toEqual(forward);
  });
});

describe('seeds and replication indices', () => {
  let s: Scenario;
  beforeAll(() => {
    s = defaultScenario();
  });
  const arrivals = (r: ReplicationResult) => Array.from(r.yearly.arrivals);

  it('give different arrivals for different seeds', () => {
    const a = runReplication(s, 0, { seed: 'a' });
    const b = runReplication(s, 0, { seed: 'b' });
    expect(arrivals(a)).not.toEqual(arrivals(b));
  });

  it('give different arrivals for different replications of one seed', () => {
    expect(arrivals(runReplication(s, 0))).not.toEqual(arrivals(runReplication(s, 1)));
  });

  it('treat a number seed and its decimal string as the same seed', () => {
    expect(runReplication(s, 0, { seed: 7 })).toEqual(runReplication(s, 0, { seed: '7' }));
  });

  it("use the scenario's own seed when none is given", () => {
    expect(runReplication(s, 2)).toEqual(runReplication(s, 2, { seed: s.seed }));
  });
});

describe('common random numbers', () => {
  // Relapse is switched off in both variants: who returns, and when, depends on when people
  // were housed, which the contingent changes. Everything else about arrivals must not.
  const variant = (units: number): Scenario => {
    const input = defaultScenarioInput();
    input.relapse.share = 0;
    input.housing.contingents[0].unitsPerYear = { 2024: units };
    return mustValidate(input);
  };

  it('keeps arrivals, crisis arrivals and goal cohorts identical when a contingent doubles', () => {
    const base = variant(120);
    const doubled = variant(240);
    const columns: ChainKpi[] = ['arrivals', 'crisisArrivals', 'cohortSize', 'returning'];
    for (let rep = 0; rep < 3; rep++) {
      const a = runReplication(base, rep);
      const b = runReplication(doubled, rep);
      for (const k of columns) expect(b.yearly[k], `${k}, replication ${rep}`).toEqual(a.yearly[k]);
      // ... while the contingent really changed what happened.
      const delivered = contingentColumn('delivered', 'uitstroom-corporaties');
      expect(b.yearly[delivered]).not.toEqual(a.yearly[delivered]);
      expect(b.yearly.housedContingent).not.toEqual(a.yearly.housedContingent);
    }
  });
});
