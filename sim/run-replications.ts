/**
 * Runs a whole batch of replications in the calling thread and folds them into a run
 * summary: the single-threaded reference that worker pools must match byte for byte.
 */
import type { Scenario } from './scenario/schema.ts';
import { runReplication, type RunOptions } from './run-replication.ts';
import { Aggregator, type RunSummary } from './results/aggregate.ts';
import { checkRunSize } from './run-size.ts';

export interface BatchOptions extends RunOptions {
  /** Number of replications (the scenario's own default if omitted). */
  replications?: number;
  /** Called after each replication with the number done. */
  onProgress?: (done: number, aggregator: Aggregator) => void;
  /** Clock for wallMs (ms); the caller passes one since sim/ has no clock of its own. */
  clock?: () => number;
}

/**
 * Runs replications 0..n−1 of `s` in order and returns the summary.
 * @throws RunTooLargeError when the run would not fit in memory (see run-size.ts).
 */
export function runReplications(s: Scenario, options: BatchOptions = {}): RunSummary {
  const n = options.replications ?? s.replications;
  const seed = options.seed ?? s.seed;
  const engine = options.engine ?? 'fast';
  const clock = options.clock ?? (() => 0);
  checkRunSize(s, n);
  const start = clock();
  const agg = new Aggregator(s, n, options.inputUncertainty?.replicationsPerDraw);
  for (let i = 0; i < n; i++) {
    agg.add(runReplication(s, i, { seed, engine, inputUncertainty: options.inputUncertainty }));
    options.onProgress?.(i + 1, agg);
  }
  return agg.summary({ seed, engine, wallMs: clock() - start, workers: 1 });
}
