// The worker pool, hosted in a worker of its own: folding 1,000 replications into a summary
// takes the pool over 100 ms at the end of a run, which must not block the page. The page
// talks to it through comlink (see run-service.ts); the simulation workers are its children.
import { expose, type Endpoint } from 'comlink';
import type { Interim, RunSummary } from '../sim/results/aggregate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { InputUncertainty } from '../sim/analysis/input-uncertainty.ts';
import { createBrowserPool } from '../workers/browser.ts';

const pool = createBrowserPool();

const api = {
  /**
   * Runs the scenario on the pool; progress goes to `onProgress` (a comlink proxy). With
   * `inputUncertainty`, each group of replications draws the uncertain parameters.
   */
  run(
    scenario: Scenario,
    replications: number,
    seed: string | number,
    onProgress: (done: number, total: number, interim: Interim) => void,
    inputUncertainty?: InputUncertainty,
  ): Promise<RunSummary> {
    return pool.run(scenario, {
      replications,
      seed,
      inputUncertainty,
      onProgress: (done, total, interim) => void onProgress(done, total, interim),
    });
  },
  /** Cancels the run in progress (its promise rejects with a CancelledError). */
  cancel(): void {
    pool.cancel();
  },
  /** Number of simulation workers. */
  size(): number {
    return pool.size;
  },
};

/** The API of the pool worker. */
export type PoolWorkerApi = typeof api;

expose(api, self as unknown as Endpoint);
