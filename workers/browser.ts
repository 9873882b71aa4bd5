/**
 * The pool in the browser: module Web Workers that vite bundles from sim.worker.ts.
 * Death is the worker's 'error' event (an uncaught error; the browser may also kill it).
 */
import { SimPool, defaultWorkerCount, type PoolOptions, type WorkerFactory } from './pool.ts';

/** Makes a simulation Web Worker. */
export const browserWorkerFactory: WorkerFactory = (onDeath) => {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onDeath(`worker error: ${e.message || 'unknown (failed to load?)'}`);
  });
  worker.addEventListener('messageerror', () =>
    onDeath('a message from the worker could not be read'),
  );
  return { endpoint: worker, terminate: () => worker.terminate() };
};

/** A pool of Web Workers; by default one per reported core, less one (at least 1). */
export function createBrowserPool(options: PoolOptions = {}): SimPool {
  return new SimPool(browserWorkerFactory, {
    ...options,
    workers: options.workers ?? defaultWorkerCount(navigator.hardwareConcurrency || 2),
  });
}
