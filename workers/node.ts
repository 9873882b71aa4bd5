/**
 * The pool in Node: simulation workers as worker_threads, reached through comlink's node
 * adapter. A TypeScript entry is loaded by registering tsx inside the thread first.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { SimPool, defaultWorkerCount, type PoolOptions, type WorkerFactory } from './pool.ts';

/** The Node entry of the simulation worker. */
export const SIM_WORKER_NODE = new URL('./sim.worker.node.ts', import.meta.url);

/**
 * Source of an eval'd worker that registers tsx and then imports `entry`. (Node 20 does not
 * apply `--import tsx` hooks to a worker's own entry module, so execArgv alone fails.)
 */
function tsBootstrap(entry: URL): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/**
 * Makes worker_threads running `entry` (default: the simulation worker). Death is the
 * thread's 'error' (uncaught exception, out of memory) or 'exit' event.
 */
export function nodeWorkerFactory(entry: URL = SIM_WORKER_NODE): WorkerFactory {
  return (onDeath) => {
    const worker = entry.pathname.endsWith('.ts')
      ? new Worker(tsBootstrap(entry), { eval: true })
      : new Worker(entry);
    worker.on('error', (e: Error) => onDeath(`worker error: ${e.message}`));
    worker.on('messageerror', (e: Error) => onDeath(`message could not be read: ${e.message}`));
    worker.on('exit', (code: number) => onDeath(`worker exited with code ${code}`));
    return { endpoint: nodeEndpoint(worker), terminate: () => worker.terminate() };
  };
}

/** A pool of Node worker threads; by default one per available core, less one (at least 1). */
export function createNodePool(options: PoolOptions = {}): SimPool {
  return new SimPool(nodeWorkerFactory(), {
    ...options,
    workers: options.workers ?? defaultWorkerCount(availableParallelism()),
  });
}
