// The page's one worker pool, hosted in a worker of its own: the verdict, its first impression
// and every analysis run here, on the same simulation workers (its children), so two runs never
// compete for the cores with two pools. Folding 1,000 replications into a summary takes over
// 100 ms at the end of a run, which must not block the page. The page talks to it through
// comlink (web/run/run-service.ts for runs, web/analysis/analysis-service.ts for analyses).
import { expose, type Endpoint } from 'comlink';
import { createBrowserPool } from './browser.ts';
import type { PoolOptions, SimPool } from './pool.ts';
import { createAnalysisApi } from './analysis-api.ts';
import type { PoolWorkerApi } from './pool-worker-api.ts';

let options: PoolOptions = {};
let pool: SimPool | undefined;
/** The pool, started with the first call that needs it (with the options configured by then). */
const thePool = () => (pool ??= createBrowserPool(options));

/** Runs in flight by the page's id, to cancel them. */
const runs = new Map<number, AbortController>();

const analyses = createAnalysisApi(thePool);

const api: PoolWorkerApi = {
  configure(o) {
    if (!pool) options = { ...options, ...o };
    return thePool().size;
  },
  run(id, scenario, request, onProgress, onPreview) {
    const controller = new AbortController();
    runs.set(id, controller);
    return thePool()
      .run(scenario, {
        ...request,
        previewAt: request.preview,
        signal: controller.signal,
        onProgress: (done, total, interim) => void onProgress(done, total, interim),
        onPreview: (summary) => void onPreview(summary),
      })
      .finally(() => runs.delete(id));
  },
  cancelRun(id) {
    runs.get(id)?.abort();
  },
  size: analyses.size,
  sensitivity: analyses.sensitivity,
  cancel: analyses.cancel,
};

expose(api, self as unknown as Endpoint);
