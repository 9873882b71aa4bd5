// Why a run failed, in Dutch: the messages come from a real pool failing, so a change of the
// pool's wording shows here.
import { describe, expect, it } from 'vitest';
import { SimPool } from '../../workers/pool.ts';
import type { SimWorkerApi } from '../../workers/sim-api.ts';
import { runErrorMessage } from '../../web/run-errors.ts';
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
});
