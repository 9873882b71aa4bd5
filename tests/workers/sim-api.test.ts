// The worker API over a MessageChannel: validation, batches in order, buffers transferred, errors as data.
import { describe, expect, test } from 'vitest';
import { expose, wrap } from 'comlink';
import { createSimApi, type BatchOutcome, type SimWorkerApi } from '../../workers/sim-api.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { resultBuffers } from '../../sim/results/replication-result.ts';
import { scenario } from './helpers.ts';

function connect(api: SimWorkerApi) {
  const { port1, port2 } = new MessageChannel();
  expose(api, port1);
  return { remote: wrap<SimWorkerApi>(port2), close: () => (port1.close(), port2.close()) };
}

describe('the simulation worker API', () => {
  test('reports every problem of an invalid scenario instead of throwing', async () => {
    const { remote, close } = connect(createSimApi());
    const bad = { ...scenario, endYear: scenario.startYear - 1, replications: 'many' };
    const outcome = await remote.init({ scenario: bad, seed: 1, engine: 'fast' });
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.problems.join('\n')).toMatch(/replications/);
    const batch = await remote.runBatch(0, 1);
    expect(batch).toMatchObject({
      ok: false,
      replication: 0,
      message: expect.stringMatching(/init/),
    });
    close();
  });

  test('returns a batch in replication order, equal to runReplication in this thread', async () => {
    const { remote, close } = connect(createSimApi());
    expect(await remote.init({ scenario, seed: 'x', engine: 'fast' })).toEqual({ ok: true });
    const out = await remote.runBatch(3, 5);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.results.map((r) => r.replication)).toEqual([3, 4]);
    expect(out.results[1]).toEqual(runReplication(scenario, 4, { seed: 'x', engine: 'fast' }));
    expect(out.ms).toBeGreaterThan(0);
    close();
  });

  test('transfers the result buffers instead of copying them', async () => {
    let sent: BatchOutcome | undefined;
    const api = createSimApi();
    const { remote, close } = connect({
      ...api,
      runBatch: (from, to) => (sent = api.runBatch(from, to)),
    });
    await remote.init({ scenario, seed: 1, engine: 'fast' });
    const received = await remote.runBatch(0, 1);
    expect(received.ok && received.results[0].flow.length).toBeGreaterThan(0);
    // A transferred buffer is detached on the sending side.
    expect(sent?.ok && sent.results[0].flow.buffer.byteLength).toBe(0);
    expect(sent?.ok && Object.values(sent.results[0].weekly)[0].buffer.byteLength).toBe(0);
    // All columns of a result share one buffer: one transfer per replication, not ~100.
    expect(received.ok && new Set(resultBuffers(received.results[0])).size).toBe(1);
    close();
  });

  test('returns a model error as data naming the replication', async () => {
    const faulty: typeof runReplication = (s, i, o) => {
      if (i === 2) throw new Error('conservation broken: 3 persons lost');
      return runReplication(s, i, o);
    };
    const { remote, close } = connect(createSimApi(faulty));
    await remote.init({ scenario, seed: 1, engine: 'fast' });
    expect(await remote.runBatch(1, 4)).toMatchObject({
      ok: false,
      replication: 2,
      message: 'conservation broken: 3 persons lost',
      stack: expect.stringContaining('conservation broken'),
    });
    close();
  });
});
