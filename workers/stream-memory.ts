/**
 * What a pool's stream of replications takes in memory, estimated from the aggregation's own
 * layout: the yearly figures kept per replication (in chunks of 1,024 replications), the
 * fixed weekly histograms, and results that arrived early and wait for their turn. The pool
 * keeps its streams for later runs within a budget of these bytes.
 */
import type { Scenario } from '../sim/scenario/schema.ts';
import { aggregationBytesPerReplication } from '../sim/results/aggregate.ts';
import { HISTOGRAM_BINS, resultLayout } from '../sim/results/replication-result.ts';
import { LEVEL_BINS } from '../sim/results/level-histogram.ts';
import { MAX_AGGREGATION_BYTES } from '../sim/run-size.ts';

/** Replications per storage chunk of the aggregation (its CHUNK_REPLICATIONS). */
const CHUNK = 1024;

/** Sizes of one scenario's stream (bytes). */
export interface StreamMemory {
  /** Per replication folded in. */
  perReplication: number;
  /** Fixed, whatever the number of replications: weekly histograms, sums and flows. */
  fixed: number;
  /** Per result waiting to be folded in (its one buffer of columns). */
  perResult: number;
}

/** The sizes of a stream of scenario `s`. */
export function streamMemory(s: Scenario): StreamMemory {
  const layout = resultLayout(s);
  const weekly = layout.weekly.length * layout.weeks;
  const flows = layout.flowNodes.length ** 2;
  return {
    perReplication: aggregationBytesPerReplication(s),
    // Per week of every series: a histogram of 4-byte counts, its minimum, maximum and sum.
    fixed: weekly * (LEVEL_BINS * 4 + 3 * 8) + (flows + HISTOGRAM_BINS) * 8,
    perResult: (layout.yearly.length * layout.years.length + weekly + flows + HISTOGRAM_BINS) * 8,
  };
}

/** Bytes of a stream of `m` with `done` replications folded in and `early` results waiting. */
export function streamBytes(m: StreamMemory, done: number, early: number): number {
  return Math.ceil(done / CHUNK) * CHUNK * m.perReplication + m.fixed + early * m.perResult;
}

/**
 * The most replications a stream of `s` may fold in: what the run-size check allows for one
 * run. The aggregation takes memory as results arrive, so a stream can grow to any run asked
 * of it later at no cost up front.
 */
export function streamCapacity(s: Scenario): number {
  return Math.max(1, Math.floor(MAX_AGGREGATION_BYTES / aggregationBytesPerReplication(s)));
}
