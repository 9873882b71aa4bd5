// The worker pool: identical summaries for any number of workers, out-of-order arrival, progress,
// cancel, and recovery from dying workers. Real worker_threads except where timing is staged.
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CancelledError, ReplicationError, SimPool, type PoolOptions } from '../../workers/pool.ts';
import {
  SIM_WORKER_NODE,
  bundled,
  createNodePool,
  nodeWorkerFactory,
  removeStaleBundles,
} from '../../workers/node.ts';
import type { SimWorkerApi } from '../../workers/sim-api.ts';
import {
  channelFactory,
  closingPools,
  normalised,
  recording,
  referenceJson,
  scenario,
  sleep,
} from './helpers.ts';

const track = closingPools();

/** A Node pool whose workers run the faulty fixture worker with these query parameters. */
function faultyPool(query: Record<string, string | number>, options: PoolOptions) {
  const entry = new URL('./fixtures/faulty.worker.ts', import.meta.url);
  for (const [k, v] of Object.entries(query)) entry.searchParams.set(k, String(v));
  return track(new SimPool(nodeWorkerFactory(entry), options));
}

describe('a run on the worker pool', () => {
  test('gives byte-identical summary JSON for 1, 2 and 4 workers and the single-threaded core', async () => {
    const n = 14;
    for (const workers of [1, 2, 4]) {
      const pool = track(createNodePool({ workers }));
      const summary = await pool.run(scenario, { replications: n });
      expect(summary.meta.workers).toBe(workers);
      expect(summary.meta.wallMs).toBeGreaterThan(0);
      expect(normalised(summary)).toBe(referenceJson(n));
    }
  });

  test('gives the same summary when replications finish out of order', async () => {
    const arrivals: number[] = [];
    // Every other batch is held back, so later batches overtake it.
    const delayed = (api: SimWorkerApi) => ({
      init: api.init,
      runBatch: async (from: number, to: number) => {
        if (from % 4 === 0) await sleep(150);
        const out = api.runBatch(from, to);
        arrivals.push(from);
        return out;
      },
    });
    const pool = track(new SimPool(channelFactory(delayed), { workers: 3, batchSize: 2 }));
    const summary = await pool.run(scenario, { replications: 12 });
    expect(arrivals).not.toEqual([...arrivals].sort((a, b) => a - b));
    expect(normalised(summary)).toBe(referenceJson(12));
  });

  test("queues a worker's next batch before its last one comes back", async () => {
    // A worker must not sit idle while the main thread folds in its results.
    const log: string[] = [];
    const logged = (api: SimWorkerApi) => ({
      init: api.init,
      runBatch: (from: number, to: number) => {
        log.push(`run ${from}`);
        return api.runBatch(from, to);
      },
    });
    const isBatchReply = (data: unknown) =>
      Array.isArray((data as { value?: { results?: unknown } })?.value?.results);
    const factory = channelFactory(logged, (data) => {
      if (isBatchReply(data)) log.push('back');
    });
    const pool = track(new SimPool(factory, { workers: 1, batchSize: 2 }));
    expect(normalised(await pool.run(scenario, { replications: 6 }))).toBe(referenceJson(6));
    // The second batch started before the first one's results reached the pool.
    expect(log.slice(0, 3)).toEqual(['run 0', 'run 2', 'back']);
    expect(log.filter((e) => e === 'back')).toHaveLength(3);
  });

  test('does not hold on to results once folded in, so memory stays flat in replications', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const received: WeakRef<object>[] = [];
    const spy = (data: unknown) => {
      const results = (data as { value?: { results?: object[] } }).value?.results;
      for (const r of results ?? []) received.push(new WeakRef(r));
    };
    const pool = track(new SimPool(channelFactory(undefined, spy), { workers: 2, batchSize: 2 }));
    await pool.run(scenario, { replications: 20 });
    await sleep(0);
    gc();
    expect(received.length).toBe(20);
    expect(received.filter((r) => r.deref() !== undefined)).toEqual([]);
  });

  test('reports progress monotonically, at most about five times a second, ending at the total', async () => {
    const calls: { done: number; total: number; at: number; pMet: number }[] = [];
    const pool = track(createNodePool({ workers: 2, batchSize: 1 }));
    const summary = await pool.run(scenario, {
      replications: 30,
      onProgress: (done, total, interim) => {
        calls.push({ done, total, at: performance.now(), pMet: interim.pMet });
        expect(interim.done).toBe(done);
      },
    });
    const done = calls.map((c) => c.done);
    expect(done.length).toBeGreaterThan(1);
    expect(done.every((d, i) => i === 0 || d > done[i - 1])).toBe(true);
    expect(calls.every((c) => c.total === 30)).toBe(true);
    expect(done.at(-1)).toBe(30);
    expect(calls.at(-1)!.pMet).toBe(summary.goal.pMet);
    // All but the final call are at least the interval (200 ms) apart; allow timer slack.
    for (let i = 1; i < calls.length - 1; i++) {
      expect(calls[i].at - calls[i - 1].at).toBeGreaterThanOrEqual(195);
    }
  });
});

describe('cancelling a run', () => {
  test('rejects the run with "cancelled" within 200 ms, and the pool runs again at once', async () => {
    const pool = track(createNodePool({ workers: 2 }));
    let cancelledAt = 0;
    const run = pool.run(scenario, {
      replications: 500,
      onProgress: (done) => {
        if (done >= 2 && !cancelledAt) {
          cancelledAt = performance.now();
          pool.cancel();
        }
      },
    });
    await expect(run).rejects.toThrow(CancelledError);
    await expect(run).rejects.toThrow(/^cancelled$/);
    expect(performance.now() - cancelledAt).toBeLessThan(200);
    expect(pool.busy).toBe(false);
    expect(normalised(await pool.run(scenario, { replications: 4 }))).toBe(referenceJson(4));
  });

  test('settles a run still starting its workers, through an AbortSignal, within 200 ms', async () => {
    const pool = track(createNodePool({ workers: 2 }));
    const abort = new AbortController();
    const run = pool.run(scenario, { replications: 100, signal: abort.signal });
    const settled = run.catch((e: unknown) => e);
    await sleep(20);
    const t0 = performance.now();
    abort.abort();
    expect(await settled).toBeInstanceOf(CancelledError);
    expect(performance.now() - t0).toBeLessThan(200);
  });

  test('settles pending calls on workers that hang (comlink never rejects them)', async () => {
    const hanging = (api: SimWorkerApi) => ({
      init: api.init,
      runBatch: () => new Promise(() => {}),
    });
    const pool = track(new SimPool(channelFactory(hanging), { workers: 2 }));
    const run = pool.run(scenario, { replications: 10 });
    await sleep(50);
    pool.cancel();
    await expect(run).rejects.toThrow('cancelled');
    const again = pool.run(scenario, { replications: 10 });
    await sleep(50);
    await pool.close();
    await expect(again).rejects.toThrow(/cancelled: the worker pool was closed/);
    await expect(pool.run(scenario)).rejects.toThrow(/closed/);
  });
});

test('the Node simulation worker is bundled once per process, named by its contents', () => {
  const url = bundled(SIM_WORKER_NODE);
  expect(url?.pathname).toMatch(/doorstroom-workers\/sim\.worker\.[0-9a-f]{16}\.mjs$/);
  expect(bundled(SIM_WORKER_NODE)).toBe(url);
  // An entry that reads its own query cannot be bundled; it runs through tsx instead.
  expect(bundled(new URL('./fixtures/faulty.worker.ts?exitAt=4', import.meta.url))).toBe(undefined);
  // If esbuild fails, the factory falls back to registering tsx in the thread.
  expect(bundled(new URL('./fixtures/no-such.worker.ts', import.meta.url))).toBe(undefined);
});

test('bundles of older code are removed once unused for a week', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundles-'));
  const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
  const names = [
    'sim.worker.0a.mjs',
    'sim.worker.0b.mjs',
    'sim.worker.0c.mjs.77.part',
    'notes.txt',
  ];
  for (const name of names) writeFileSync(join(dir, name), '');
  for (const name of ['sim.worker.0a.mjs', 'sim.worker.0c.mjs.77.part', 'notes.txt']) {
    utimesSync(join(dir, name), old, old);
  }
  removeStaleBundles(dir);
  expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'sim.worker.0b.mjs']);
});

test('a model error in a bundled worker has a stack trace naming the TypeScript source', async () => {
  const entry = new URL('./fixtures/model-error.worker.ts', import.meta.url);
  expect(bundled(entry)).toBeDefined();
  const pool = track(new SimPool(nodeWorkerFactory(entry), { workers: 1 }));
  const error = await pool.run(scenario, { replications: 1 }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReplicationError);
  expect(String((error as Error).cause)).toMatch(
    /at failingReplication \(.*tests\/workers\/fixtures\/model-error\.worker\.ts:11:9\)/,
  );
});

describe('a worker that dies', () => {
  test('killed from outside mid-run costs nothing: the run completes with the identical summary', async () => {
    const { factory, handles } = recording(nodeWorkerFactory());
    const pool = track(new SimPool(factory, { workers: 2, batchSize: 3 }));
    let killed = false;
    const summary = await pool.run(scenario, {
      replications: 18,
      onProgress: () => {
        if (killed) return;
        killed = true;
        setTimeout(() => void handles[0].terminate(), 30);
      },
    });
    expect(handles.length).toBe(3); // one respawned
    expect(normalised(summary)).toBe(referenceJson(18));
  });

  test('dying inside a batch has that batch re-run on a fresh worker', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'doorstroom-')), 'died');
    const pool = faultyPool({ exitOnceAt: 4, marker }, { workers: 2, batchSize: 3 });
    const summary = await pool.run(scenario, { replications: 10 });
    expect(normalised(summary)).toBe(referenceJson(10));
  });

  test('dying again on the re-run fails the run, naming the replication and the error', async () => {
    const pool = faultyPool({ exitAt: 4 }, { workers: 2, batchSize: 3 });
    const run = pool.run(scenario, { replications: 10 });
    await expect(run).rejects.toThrow(ReplicationError);
    await expect(run).rejects.toThrow(/^replication 4: .*died again.*exited with code 70/);
  });
});

describe('a worker that stops answering without any event (as a browser may stop one)', () => {
  /** Worker APIs whose runBatch never answers when `hangs(from)` says so. */
  const hangingAt = (hangs: (from: number) => boolean) => (api: SimWorkerApi) => ({
    init: api.init,
    runBatch: (from: number, to: number) =>
      hangs(from) ? new Promise(() => {}) : api.runBatch(from, to),
  });

  test('is taken for dead after the stall timeout: its batch re-runs and the summary is identical', async () => {
    let hung = false;
    const once = (from: number) => from === 4 && !hung && (hung = true);
    const { factory, handles } = recording(channelFactory(hangingAt(once)));
    const pool = track(new SimPool(factory, { workers: 2, batchSize: 2, stallTimeoutMs: 300 }));
    const summary = await pool.run(scenario, { replications: 10 });
    expect(handles.length).toBe(3); // the silent one replaced
    expect(normalised(summary)).toBe(referenceJson(10));
  });

  test('failing again on the re-run fails the run, naming the replication', async () => {
    const pool = track(
      new SimPool(channelFactory(hangingAt((from) => from === 4)), {
        workers: 2,
        batchSize: 2,
        stallTimeoutMs: 200,
      }),
    );
    const run = pool.run(scenario, { replications: 10 });
    await expect(run).rejects.toThrow(ReplicationError);
    await expect(run).rejects.toThrow(
      /^replication 4: .*died again.*no answer from the worker for [\d.]+ s/,
    );
  });

  test('rejects a stall timeout that is not a positive number', () => {
    expect(() => new SimPool(channelFactory(), { stallTimeoutMs: 0 })).toThrow(
      /stallTimeoutMs must be > 0/,
    );
  });
});

test('a model error fails the run with its message and the replication number', async () => {
  const pool = faultyPool({ throwAt: 5 }, { workers: 2, batchSize: 2 });
  const run = pool.run(scenario, { replications: 10 });
  await expect(run).rejects.toThrow('replication 5: conservation broken: 3 persons lost');
  await expect(run).rejects.toMatchObject({ replication: 5 });
});
