// Why a run failed, in Dutch: the messages come from a real pool failing, so a change of the
// pool's wording shows here.
import { describe, expect, it } from 'vitest';
import { SimPool } from '../../workers/pool.ts';
import type { SimWorkerApi } from '../../workers/sim-api.ts';
import { runErrorMessage } from '../../web/run/run-errors.ts';
import { tooManyPeople } from '../../sim/run-size.ts';
import { channelFactory, scenario } from '../workers/helpers.ts';

/** The message a pool of in-thread workers fails with, when `runBatch` is replaced. */
async function failure(runBatch: SimWorkerApi['runBatch'] | (() => Promise<never>)) {
  const factory = channelFactory((api) => ({ init: api.init, runBatch }));
  const pool = new SimPool(factory, { workers: 1, batchSize: 2, stallTimeoutMs: 200 });
  try {
    const error = await pool.run(scenario, { replications: 4 }).catch((e: Error) => e);
    return (error as Error).message;
  } finally {
    await pool.close();
  }
}

describe('a failed run explained', () => {
  it('in Dutch, for a worker that stays silent also on the re-run', async () => {
    const message = await failure(() => new Promise<never>(() => {}));
    expect(runErrorMessage(message, 'nl')).toBe(
      'replicatie 0: de rekenthread viel ook bij de herhaling uit ' +
        '(de rekenthread gaf 0,2 s geen antwoord (hij hangt of is gestopt))',
    );
    expect(runErrorMessage(message, 'en')).toBe(message);
  });

  it("in Dutch around the model's own error text, which stays as it is", async () => {
    const message = await failure((from) => ({
      ok: false,
      replication: from,
      message: 'conservation of people broken in replication 0: 1 person(s) stuck at arrival',
    }));
    expect(runErrorMessage(message, 'nl')).toBe(
      'fout in het model bij replicatie 0: ' +
        'conservation of people broken in replication 0: 1 person(s) stuck at arrival',
    );
  });

  it('leaves an unknown message as it is', () => {
    expect(runErrorMessage('something new', 'nl')).toBe('something new');
  });

  it('in Dutch for a run too large for memory, refused by the pool before it starts', async () => {
    const factory = channelFactory((api) => api);
    const pool = new SimPool(factory, { workers: 1 });
    try {
      const error = (await pool
        .run(scenario, { replications: 1e9 })
        .catch((e: Error) => e)) as Error;
      expect(error.name).toBe('RunTooLargeError');
      expect(runErrorMessage(error.message, 'nl')).toMatch(
        /^1\.000\.000\.000 replicaties van \d+ jaar hebben [\d.]+ MB nodig voor hun uitkomsten, meer dan de toegestane 1.024 MB: kies minder replicaties$/,
      );
    } finally {
      await pool.close();
    }
    const people = tooManyPeople(1_200_000, 11);
    expect(runErrorMessage(`replication 3: ${people}`, 'nl')).toBe(
      'het scenario heeft ongeveer 1.200.000 mensen in één replicatie over 11 jaar, meer dan de 500.000 die in het geheugen passen: verlaag de instroom of kort de periode in',
    );
  });
});
