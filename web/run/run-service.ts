// The page's handle on its one pool worker (workers/pool.worker.ts), which hosts the worker
// pool so that aggregating results never blocks the page. Runs with a first impression taken
// from the running aggregate; cancelling rejects the run at once, and the pool stops it between
// batches without ending any simulation worker.
import { proxy, wrap, type Remote } from 'comlink';
import type { Interim, RunSummary } from '../../sim/results/aggregate.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { PoolRunRequest, PoolWorkerApi } from '../../workers/pool-worker-api.ts';

/** What the runner needs from a pool: runs that can be cancelled. */
export interface RunService {
  run(
    scenario: Scenario,
    options: PoolRunRequest & {
      onProgress?: (done: number, total: number, interim: Interim) => void;
      /** The first impression (see PoolRunRequest.preview); never after the result. */
      onPreview?: (summary: RunSummary) => void;
      signal?: AbortSignal;
    },
  ): Promise<RunSummary>;
}

/** Raised when a run was cancelled (also when the pool reports its own CancelledError). */
export class RunCancelled extends Error {
  override readonly name = 'RunCancelled';
}

/**
 * Starts the page's pool worker. `workers` overrides the pool's size (else the browser's
 * choice, see workers/browser.ts); the pool starts at once, so its workers are warm for the
 * first run.
 */
export function startPoolWorker(workers?: number): Remote<PoolWorkerApi> {
  const worker = new Worker(new URL('../../workers/pool.worker.ts', import.meta.url), {
    type: 'module',
  });
  const remote = wrap<PoolWorkerApi>(worker);
  void remote.configure(workers ? { workers } : {});
  return remote;
}

/** A run service on the pool worker `remote`. */
export function runService(remote: Remote<PoolWorkerApi>): RunService {
  let ids = 0;
  return {
    run(scenario, { onProgress, onPreview, signal, ...request }) {
      if (signal?.aborted) return Promise.reject(new RunCancelled());
      const id = ++ids;
      let settled = false;
      return new Promise<RunSummary>((resolve, reject) => {
        const onAbort = () => {
          settled = true;
          reject(new RunCancelled());
          void remote.cancelRun(id);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        remote
          .run(
            id,
            scenario,
            request,
            proxy((d: number, t: number, i: Interim) => {
              if (!settled) onProgress?.(d, t, i);
            }),
            // Callbacks come on channels of their own: one late for its run is dropped.
            proxy((s: RunSummary) => {
              if (!settled) onPreview?.(s);
            }),
          )
          .then(
            (summary) => {
              settled = true;
              resolve(summary);
            },
            (e: unknown) => {
              settled = true;
              reject((e as Error)?.name === 'CancelledError' ? new RunCancelled() : (e as Error));
            },
          )
          .finally(() => signal?.removeEventListener('abort', onAbort));
      });
    },
  };
}
