/**
 * Shared test fixtures for the worker pool: the default scenario, a single-threaded reference
 * summary, JSON normalised for comparison, and in-thread "workers" over a MessageChannel.
 */
import { readFileSync } from 'node:fs';
import { expose } from 'comlink';
import { afterEach } from 'vitest';
import { parseScenario } from '../../sim/scenario/validate.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { runReplications } from '../../sim/run-replications.ts';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import { createSimApi, type SimWorkerApi } from '../../workers/sim-api.ts';
import type { SimPool, WorkerFactory, WorkerHandle } from '../../workers/pool.ts';

/** The default scenario, validated. */
export const scenario: Scenario = parseScenario(
  JSON.parse(
    readFileSync(new URL('../../scenarios/drechtsteden-2024.json', import.meta.url), 'utf8'),
  ),
);

const references = new Map<number, string>();

/** The single-threaded summary of replications 0..n−1 as normalised JSON (cached). */
export function referenceJson(n: number): string {
  if (!references.has(n))
    references.set(n, normalised(runReplications(scenario, { replications: n })));
  return references.get(n)!;
}

/** JSON of a summary with the fields that may differ between runs (wall time, workers) zeroed. */
export function normalised(summary: RunSummary): string {
  return JSON.stringify({ ...summary, meta: { ...summary.meta, wallMs: 0, workers: 0 } });
}

/** Wraps a factory so the test can reach every worker it made (e.g. to kill one). */
export function recording(factory: WorkerFactory): {
  factory: WorkerFactory;
  handles: WorkerHandle[];
} {
  const handles: WorkerHandle[] = [];
  return {
    handles,
    factory: (onDeath) => {
      const handle = factory(onDeath);
      handles.push(handle);
      return handle;
    },
  };
}

/**
 * "Workers" in this thread, each a worker API exposed on one end of a MessageChannel;
 * `wrapApi` may alter it (delays, faults); `onMessage` sees each message the pool receives.
 * Terminating closes the channel, so calls pending on it never settle, as with a real worker.
 */
export function channelFactory(
  wrapApi: (api: SimWorkerApi) => SimWorkerApi | Record<'init' | 'runBatch', unknown> = (api) =>
    api,
  onMessage?: (data: unknown) => void,
): WorkerFactory {
  return () => {
    const { port1, port2 } = new MessageChannel();
    expose(wrapApi(createSimApi()), port1);
    if (onMessage) port2.addEventListener('message', (e) => onMessage(e.data));
    return {
      endpoint: port2,
      terminate: () => {
        port1.close();
        port2.close();
      },
    };
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pools a test file makes, closed after each test: call once at the top of the file and pass
 * every pool through the returned function.
 */
export function closingPools(): (pool: SimPool) => SimPool {
  const pools: SimPool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.close()));
  });
  return (pool) => {
    pools.push(pool);
    return pool;
  };
}
