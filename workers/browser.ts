/**
 * The pool in the browser: module Web Workers that vite bundles from sim.worker.ts.
 * Death is the worker's 'error' event (an uncaught error; the browser may also kill it).
 */
import { SimPool, type PoolOptions, type WorkerFactory } from './pool.ts';

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

/**
 * Simulation workers for a browser that reports `cores`: one per core. The page's thread and
 * the pool's own thread mostly wait (folding a replication in takes about 2% of computing it),
 * and on 2 cores two workers reached the final verdict in about 0.8 of the time of one
 * (`npm run bench:browser`; see docs/performance.md).
 */
export function browserWorkerCount(cores: number): number {
  return Math.max(1, Math.floor(cores) || 2);
}

/** A pool of Web Workers; by default one per reported core (see browserWorkerCount). */
export function createBrowserPool(options: PoolOptions = {}): SimPool {
  return new SimPool(browserWorkerFactory, {
    ...options,
    workers: options.workers ?? browserWorkerCount(navigator.hardwareConcurrency),
  });
}
