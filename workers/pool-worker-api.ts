// The API of the page's pool worker (pool.worker.ts): runs with a first impression, and the
// analyses, on one pool; each cancellable by the page's id.
import type { Interim, RunSummary } from '../sim/results/aggregate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { RunRequest } from '../sim/run-request.ts';
import type { AnalysisApi } from './analysis-api.ts';
import type { PoolOptions } from './pool.ts';

/** A run as the page asks for it: the request, and how it is to be served. */
export interface PoolRunRequest extends RunRequest {
  /** Replications of the first impression (none if absent or not below `replications`). */
  preview?: number;
  /** Lower goes first (the verdict 0, analyses 1). */
  priority?: number;
  /** Aimed-for duration of a batch (ms): small while the user is editing. */
  batchMs?: number;
}

/** What the page can ask of its pool worker. */
export interface PoolWorkerApi extends AnalysisApi {
  /**
   * Sets the pool's options (only before its first run; the page's `?workers=` knob) and
   * starts it; resolves with its number of simulation workers.
   */
  configure(options: Pick<PoolOptions, 'workers' | 'cacheBytes'>): number;
  /**
   * Runs `request` on the pool: progress and the first impression go to the callbacks (comlink
   * proxies). Rejects with a CancelledError when cancelled by {@link cancelRun}.
   */
  run(
    id: number,
    scenario: Scenario,
    request: PoolRunRequest,
    onProgress: (done: number, total: number, interim: Interim) => void,
    onPreview: (summary: RunSummary) => void,
  ): Promise<RunSummary>;
  /** Cancels run `id` between batches; the simulation workers stay. */
  cancelRun(id: number): void;
}
