// The pool's streams: a cancel that keeps the workers, replications not computed twice for the
// same run key (and identical summaries when they are reused), the first impression from the
// running aggregate, runs served by priority, and the simjs engine on any number of workers.
import { describe, expect, test } from 'vitest';
import { SimPool, type PoolOptions } from '../../workers/pool.ts';
import { createNodePool, nodeWorkerFactory } from '../../workers/node.ts';
import { runKey } from '../../workers/run-key.ts';
import type { SimWorkerApi } from '../../workers/sim-api.ts';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import { runReplications } from '../../sim/run-replications.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
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

/** A batch a worker ran: the pool's stream id and the replications. */
interface Ran {
  id: number | undefined;
  from: number;
  to: number;
}

/** In-thread workers that log every batch they run, optionally slowed down. */
function loggedPool(options: PoolOptions, delayMs = 0) {
  const ran: Ran[] = [];
  const logged = (api: SimWorkerApi) => ({
    init: api.init,
    forget: (id: number) => api.forget?.(id),
    runBatch: async (from: number, to: number, id?: number) => {
      if (delayMs) await sleep(delayMs);
      ran.push({ id, from, to });
      return api.runBatch(from, to, id);
    },
  });
  const pool = track(new SimPool(channelFactory(logged), options));
  /** Replications run so far, in the order run. */
  const replications = () =>
    ran.flatMap((b) => Array.from({ length: b.to - b.from }, (_, i) => b.from + i));
  return { pool, ran, replications };
}

describe('cancelling a run', () => {
  test('keeps the same workers, and the next run gives what a fresh pool gives', async () => {
    const { factory, handles } = recording(channelFactory());
    const pool = track(new SimPool(factory, { workers: 2, batchSize: 1 }));
    const before = [...pool.workers];
    const abort = new AbortController();
    const run = pool.run(scenario, {
      replications: 40,
      signal: abort.signal,
      onProgress: (done) => {
        if (done >= 2) abort.abort();
      },
    });
    await expect(run).rejects.toThrow(/^cancelled$/);
    expect(pool.busy).toBe(false);
    const other = parseScenario({ ...scenario, seed: 'another seed' });
    const next = await pool.run(other, { replications: 6 });
    expect(pool.workers).toEqual(before);
    expect(handles).toHaveLength(2); // none terminated, none spawned
    expect(normalised(next)).toBe(normalised(runReplications(other, { replications: 6 })));
  });

  test('with real worker threads too: the same threads answer, with identical results', async () => {
    const pool = track(createNodePool({ workers: 2, batchSize: 1, cacheBytes: 0 }));
    const before = [...pool.workers];
    const run = pool.run(scenario, {
      replications: 200,
      onProgress: (done) => {
        if (done >= 2) pool.cancel();
      },
    });
    await expect(run).rejects.toThrow(/^cancelled$/);
    const next = await pool.run(scenario, { replications: 5 });
    expect(pool.workers).toEqual(before);
    expect(normalised(next)).toBe(referenceJson(5));
  });

  test('stops handing out its batches: the workers end the ones in flight and stop', async () => {
    const { pool, ran } = loggedPool({ workers: 2, batchSize: 1 }, 10);
    const abort = new AbortController();
    const run = pool.run(scenario, {
      replications: 100,
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(run).rejects.toThrow(/^cancelled$/);
    const atCancel = ran.length;
    await sleep(150);
    // At most the two calls per worker that were already queued.
    expect(ran.length - atCancel).toBeLessThanOrEqual(4);
    expect(ran.length).toBeLessThan(20);
  });

  test('keeps what its workers were computing for the next run of the same key', async () => {
    const { pool, replications } = loggedPool({ workers: 2, batchSize: 2 }, 5);
    const abort = new AbortController();
    const first = pool.run(scenario, {
      replications: 30,
      signal: abort.signal,
      onProgress: (done) => {
        if (done >= 4) abort.abort();
      },
    });
    await expect(first).rejects.toThrow(/^cancelled$/);
    await sleep(100); // the batches in flight come back
    const computed = replications().length;
    expect(computed).toBeGreaterThanOrEqual(4);
    const second = await pool.run(scenario, { replications: 30 });
    expect(normalised(second)).toBe(referenceJson(30));
    // Every replication computed once, whichever run asked for it.
    expect(replications().sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});

test('a worker that dies after a cancel is replaced, and the next run is identical', async () => {
  const { factory, handles } = recording(nodeWorkerFactory());
  const pool = track(new SimPool(factory, { workers: 2, batchSize: 2, cacheBytes: 0 }));
  const abort = new AbortController();
  const run = pool.run(scenario, {
    replications: 100,
    signal: abort.signal,
    onProgress: () => {
      abort.abort();
      void handles[0].terminate();
    },
  });
  await expect(run).rejects.toThrow(/^cancelled$/);
  const next = await pool.run(scenario, { replications: 6 });
  expect(handles).toHaveLength(3); // the dead one replaced, the other kept
  expect(pool.workers).toContain(handles[1]);
  expect(normalised(next)).toBe(referenceJson(6));
});

describe('replications already computed', () => {
  test('are not computed again when a run asks for more, and the summary is identical', async () => {
    const { pool, replications } = loggedPool({ workers: 2, batchSize: 3 });
    expect(normalised(await pool.run(scenario, { replications: 6 }))).toBe(referenceJson(6));
    expect(replications().length).toBe(6);
    // The scenario's own count is not part of the key: "raising the replications" in the app.
    const more = parseScenario({ ...scenario, replications: 12 });
    expect(normalised(await pool.run(more, { replications: 12 }))).toBe(referenceJson(12));
    expect(replications().sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  test('answer the same run again without any worker, with an identical summary', async () => {
    const { pool, ran } = loggedPool({ workers: 2 });
    const first = await pool.run(scenario, { replications: 8 });
    const batches = ran.length;
    const progress: number[] = [];
    const again = await pool.run(scenario, {
      replications: 8,
      onProgress: (done) => progress.push(done),
    });
    expect(ran.length).toBe(batches);
    expect(normalised(again)).toBe(normalised(first));
    expect(normalised(again)).toBe(referenceJson(8));
    expect(progress).toEqual([8]);
  });

  test('a run of fewer than the stream holds is computed afresh, and is identical', async () => {
    const { pool, replications } = loggedPool({ workers: 2 });
    await pool.run(scenario, { replications: 10 });
    expect(normalised(await pool.run(scenario, { replications: 4 }))).toBe(referenceJson(4));
    expect(replications().length).toBe(14);
    // The longer stream is still kept.
    expect(normalised(await pool.run(scenario, { replications: 10 }))).toBe(referenceJson(10));
    expect(replications().length).toBe(14);
  });

  test('are computed again for another seed, engine or input-uncertainty setting', async () => {
    const { pool, replications } = loggedPool({ workers: 2 });
    await pool.run(scenario, { replications: 3 });
    await pool.run(scenario, { replications: 3, seed: 'other' });
    await pool.run(scenario, { replications: 3, engine: 'simjs' });
    await pool.run(scenario, { replications: 3, inputUncertainty: { replicationsPerDraw: 2 } });
    expect(replications().length).toBe(12);
  });

  test('are kept within the memory budget, least recently used first out', async () => {
    const { pool, replications } = loggedPool({ workers: 1, cacheBytes: 1 });
    await pool.run(scenario, { replications: 3 });
    expect(pool.cached.streams).toBe(0);
    await pool.run(scenario, { replications: 3 });
    expect(replications().length).toBe(6);
    const roomy = loggedPool({ workers: 1 });
    await roomy.pool.run(scenario, { replications: 3 });
    await roomy.pool.run(scenario, { replications: 3, seed: 'b' });
    expect(roomy.pool.cached.streams).toBe(2);
    expect(roomy.pool.cached.replications).toBe(6);
    expect(roomy.pool.cached.bytes).toBeLessThanOrEqual(96 * 2 ** 20);
  });

  test('with no budget, every run computes all its replications', async () => {
    const { pool, replications } = loggedPool({ workers: 2, cacheBytes: 0 });
    await pool.run(scenario, { replications: 4 });
    expect(normalised(await pool.run(scenario, { replications: 4 }))).toBe(referenceJson(4));
    expect(replications().length).toBe(8);
    expect(pool.cached.streams).toBe(0);
  });
});

describe('the first impression', () => {
  test('is the running aggregate at its first replications, identical to a run of that many', async () => {
    const { pool, replications } = loggedPool({ workers: 2, batchSize: 3 });
    const previews: RunSummary[] = [];
    const full = await pool.run(scenario, {
      replications: 12,
      previewAt: 5,
      onPreview: (s) => previews.push(s),
    });
    expect(previews).toHaveLength(1);
    expect(previews[0].meta.replications).toBe(5);
    expect(normalised(previews[0])).toBe(referenceJson(5));
    expect(normalised(full)).toBe(referenceJson(12));
    expect(replications().length).toBe(12); // no separate run for it
  });

  test('comes at once from replications already computed, and not at all for a run no larger', async () => {
    const { pool } = loggedPool({ workers: 2 });
    await pool.run(scenario, { replications: 8 });
    const previews: number[] = [];
    const onPreview = (s: RunSummary) => previews.push(s.meta.replications);
    const more = pool.run(scenario, { replications: 10, previewAt: 4, onPreview });
    expect(previews).toEqual([8]);
    await more;
    await pool.run(scenario, { replications: 10, previewAt: 10, onPreview });
    expect(previews).toEqual([8]);
  });
});

test('a run of higher priority gets the workers at the next batch', async () => {
  const { pool, ran } = loggedPool({ workers: 1, batchSize: 1 }, 2);
  const order: string[] = [];
  let urgent: Promise<RunSummary> | undefined;
  const background = pool
    .run(scenario, {
      replications: 12,
      priority: 1,
      onProgress: (done) => {
        if (done >= 2 && !urgent) {
          const other = parseScenario({ ...scenario, seed: 'urgent' });
          urgent = pool.run(other, { replications: 3, priority: 0 });
          void urgent.then(() => order.push('urgent'));
        }
      },
      progressIntervalMs: 0,
    })
    .then(() => order.push('background'));
  await background;
  expect(order).toEqual(['urgent', 'background']);
  // Once the urgent run's first batch went out, no background batch came before its last.
  const ids = ran.map((b) => b.id);
  const urgentId = ids.find((id) => id !== ids[0]);
  const first = ids.indexOf(urgentId);
  const last = ids.lastIndexOf(urgentId);
  expect(last - first).toBe(2);
});

test('the simjs engine gives byte-identical summaries for 1, 2 and 4 workers', async () => {
  const n = 6;
  const reference = normalised(runReplications(scenario, { replications: n, engine: 'simjs' }));
  for (const workers of [1, 2, 4]) {
    const pool = track(createNodePool({ workers }));
    const summary = await pool.run(scenario, { replications: n, engine: 'simjs' });
    expect(summary.meta.engine).toBe('simjs');
    expect(normalised(summary)).toBe(reference);
  }
});

describe('the run key', () => {
  test('leaves out the scenario’s own count, and input uncertainty when nothing is drawn', () => {
    const base = runKey(scenario, { seed: 1 });
    expect(runKey(parseScenario({ ...scenario, replications: 7 }), { seed: 1 })).toEqual(base);
    expect(runKey(scenario, { seed: 1, engine: 'fast' })).toEqual(base);
    expect(runKey(scenario, { seed: 2 }).hash).not.toBe(base.hash);
    expect(runKey(scenario, { seed: 1, engine: 'simjs' }).hash).not.toBe(base.hash);
    const certain = parseScenario({ ...scenario, uncertain: [] });
    expect(runKey(certain, { seed: 1, inputUncertainty: { replicationsPerDraw: 5 } })).toEqual(
      runKey(certain, { seed: 1 }),
    );
    if (scenario.uncertain.length > 0) {
      expect(
        runKey(scenario, { seed: 1, inputUncertainty: { replicationsPerDraw: 5 } }).hash,
      ).not.toBe(base.hash);
    }
  });

  test('does not depend on the order of the scenario’s keys', () => {
    const reversed = Object.fromEntries(Object.entries(scenario).reverse());
    expect(runKey(parseScenario(reversed), { seed: 1 })).toEqual(runKey(scenario, { seed: 1 }));
  });
});

test('a worker that hangs on a cancelled run’s batch is replaced once a new run waits', async () => {
  let hangs = true;
  const hanging = (api: SimWorkerApi) => ({
    init: api.init,
    runBatch: (from: number, to: number, id?: number) =>
      hangs ? new Promise(() => {}) : api.runBatch(from, to, id),
  });
  const { factory, handles } = recording(channelFactory(hanging));
  const pool = track(new SimPool(factory, { workers: 1, unwantedGraceMs: 200 }));
  const abort = new AbortController();
  const run = pool.run(scenario, { replications: 10, signal: abort.signal });
  await sleep(50);
  abort.abort();
  await expect(run).rejects.toThrow(/^cancelled$/);
  hangs = false; // the replacement answers
  const t0 = performance.now();
  const next = await pool.run(scenario, { replications: 3, seed: 'next' });
  expect(performance.now() - t0).toBeLessThan(5_000); // not the 60 s stall timeout
  expect(handles).toHaveLength(2);
  expect(normalised(next)).toBe(
    normalised(runReplications(scenario, { replications: 3, seed: 'next' })),
  );
});
