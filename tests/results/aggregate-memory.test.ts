// Aggregation memory follows the replications folded in, not the replications asked for:
// an Aggregator for 10⁹ replications costs no more than one for a single replication, and
// results folded across storage chunks come back exactly as they went in.
import { describe, expect, it } from 'vitest';
import {
  Aggregator,
  aggregationBytesPerReplication,
  PAIRED_KPIS,
} from '../../sim/results/aggregate.ts';
import {
  HISTOGRAM_BINS,
  resultLayout,
  type ReplicationResult,
} from '../../sim/results/replication-result.ts';
import { estimate } from '../../sim/results/stats.ts';
import { LEVEL_BINS } from '../../sim/results/level-histogram.ts';
import { defaultScenario } from '../helpers/scenarios.ts';

const s = defaultScenario();
const layout = resultLayout(s);

/**
 * Bytes held by ArrayBuffers (typed arrays) in this process now. Garbage collection can only
 * lower it between two readings, so only upper bounds on its growth are tested.
 */
const arrayBytes = () => process.memoryUsage().arrayBuffers;

/**
 * What an Aggregator holds whatever the replication count (bytes): per weekly series a
 * histogram (4-byte counts per week and level bin, and the week's minimum and maximum) and the
 * weekly sums, the flow matrix and the days-to-home bins, all 8-byte numbers otherwise.
 */
const fixedBytes =
  layout.weekly.length * layout.weeks * (4 * LEVEL_BINS + 3 * 8) +
  (layout.flowNodes.length ** 2 + HISTOGRAM_BINS) * 8;
/** Slack for small typed arrays and allocator rounding (bytes). */
const SLACK = 64 * 1024;

/**
 * One result object, refilled in place for replication `i`: yearly value of column c in year
 * y is i + c/1000 + y/10⁶ (so every entry names its replication, column and year), weekly
 * series and flows all 0, goal shares i/10⁴ and i/2·10⁴, met for even i.
 */
function results() {
  const r: ReplicationResult = {
    replication: 0,
    events: 1,
    yearly: Object.fromEntries(
      layout.yearly.map((k) => [k, new Float64Array(layout.years.length)]),
    ) as ReplicationResult['yearly'],
    weekly: Object.fromEntries(
      layout.weekly.map((k) => [k, new Float64Array(layout.weeks)]),
    ) as ReplicationResult['weekly'],
    flow: new Float64Array(layout.flowNodes.length ** 2),
    daysToHome: new Float64Array(HISTOGRAM_BINS),
    goal: { triageShare: 0, rehousingShare: 0, met: false },
  };
  return (i: number) => {
    r.replication = i;
    layout.yearly.forEach((k, c) => {
      for (let y = 0; y < layout.years.length; y++) r.yearly[k][y] = i + c / 1000 + y / 1e6;
    });
    r.goal = { triageShare: i / 1e4, rehousingShare: i / 2e4, met: i % 2 === 0 };
    return r;
  };
}

describe('aggregation memory', () => {
  it('constructs an Aggregator for 10⁹ replications without allocating per replication', () => {
    const before = arrayBytes();
    const huge = new Aggregator(s, 1e9);
    const grown = arrayBytes() - before;
    expect(huge.done).toBe(0);
    // The fixed histograms only: up front, 10⁹ replications would need 10⁹ × ~6 kB.
    expect(grown).toBeLessThanOrEqual(fixedBytes + SLACK);
    expect(fixedBytes).toBeLessThan(aggregationBytesPerReplication(s) * 10_000);
  });

  it('takes memory as results arrive, no more than their bytes and one chunk ahead', () => {
    const next = results();
    const agg = new Aggregator(s, 1e9);
    const before = arrayBytes();
    const n = 3000;
    for (let i = 0; i < n; i++) agg.add(next(i));
    const used = arrayBytes() - before;
    const perReplication = aggregationBytesPerReplication(s);
    // Folded storage only (the summary's share of the estimate is not taken yet), with at
    // most one chunk of 1,024 replications allocated ahead of the results.
    const stored = (layout.yearly.length * layout.years.length + 3) * 8;
    expect(stored).toBeLessThan(perReplication);
    expect(used).toBeLessThanOrEqual((n + 1024) * stored + SLACK);
    expect(agg.done).toBe(n);
  });

  it('gives back every folded value across storage chunks, in replication order', () => {
    const n = 2500; // three chunks of 1,024, the last partly filled
    const next = results();
    const agg = new Aggregator(s, n);
    for (let i = 0; i < n; i++) agg.add(next(i));
    for (const [c, k] of [
      [0, layout.yearly[0]],
      [layout.yearly.length - 1, layout.yearly.at(-1)!],
    ] as const) {
      for (let y = 0; y < layout.years.length; y++) {
        const column = agg.column(k, y);
        expect(column.length).toBe(n);
        const expected = Float64Array.from({ length: n }, (_, i) => i + c / 1000 + y / 1e6);
        expect(column).toEqual(expected);
      }
    }
    const summary = agg.summary({ seed: 'x', engine: 'fast', wallMs: 0, workers: 1 });
    const rehousing = Array.from({ length: n }, (_, i) => i / 2e4);
    expect(summary.goal.rehousingShare).toEqual(estimate(rehousing));
    expect(summary.perReplication.rehousingShare).toEqual(rehousing);
    expect(summary.goal.pMet).toBe(0.5);
    expect(Object.keys(summary.perReplication)).toEqual([...PAIRED_KPIS]);
    expect(agg.interim()).toEqual({
      done: n,
      pMet: 0.5,
      triageShare: rehousing.reduce((a, x) => a + 2 * x, 0) / n,
      rehousingShare: rehousing.reduce((a, x) => a + x, 0) / n,
    });
  });

  it('refuses a replication beyond the run', () => {
    const next = results();
    const agg = new Aggregator(s, 1);
    agg.add(next(0));
    expect(() => agg.add(next(1))).toThrow(/beyond the 1/);
  });

  it('reports its bytes per replication from the yearly columns, the years and the goal figures', () => {
    const columns = layout.yearly.length * layout.years.length;
    const bytes = aggregationBytesPerReplication(s);
    expect(bytes).toBe((columns + 3 + PAIRED_KPIS.length + 2) * 8);
    const more = structuredClone(s);
    more.endYear += 1;
    expect(aggregationBytesPerReplication(more)).toBe(bytes + layout.yearly.length * 8);
  });
});
