// The page's handle on the worker pool, which runs in its own worker (pool.worker.ts) so that
// aggregating results never blocks the page. Cancelling rejects the run at once.
import { proxy, wrap, type Remote } from 'comlink';
import type { Interim, RunSummary } from '../sim/results/aggregate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { InputUncertainty } from '../sim/analysis/input-uncertainty.ts';
import type { PoolWorkerApi } from './pool.worker.ts';

/** What the runner needs from a pool: runs that can be cancelled. */
export interface RunService {
  run(
    scenario: Scenario,
    options: {
      replications: number;
      seed: string | number;
      /** Draw the uncertain parameters per group of replications. */
      inputUncertainty?: InputUncertainty;
      onProgress?: (done: number, total: number, interim: Interim) => void;
      signal?: AbortSignal;
    },
  ): Promise<RunSummary>;
}

/** Raised when a run was cancelled (also when the pool reports its own CancelledError). */
export class RunCancelled extends Error {
  override readonly name = 'RunCancelled';
}

/** Starts the pool worker and returns a service on it. */
export function createRunService(): RunService {
  const worker = new Worker(new URL('./pool.worker.ts', import.meta.url), { type: 'module' });
  const remote: Remote<PoolWorkerApi> = wrap<PoolWorkerApi>(worker);
  return {
    run(scenario, { replications, seed, inputUncertainty, onProgress, signal }) {
      if (signal?.aborted) return Promise.reject(new RunCancelled());
      return new Promise<RunSummary>((resolve, reject) => {
        const onAbort = () => {
          reject(new RunCancelled());
          void remote.cancel();
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        remote
          .run(
            scenario,
            replications,
            seed,
            proxy((d: number, t: number, i: Interim) => onProgress?.(d, t, i)),
            inputUncertainty,
          )
          .then(resolve, (e: unknown) =>
            reject((e as Error)?.name === 'CancelledError' ? new RunCancelled() : (e as Error)),
          )
          .finally(() => signal?.removeEventListener('abort', onAbort));
      });
    },
  };
}
