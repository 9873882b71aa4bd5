// The run sessions: a first impression from the full run itself, a new session silently ending
// the one in flight, and a stop by the user reported as such. On a fake pool, in Node.
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { Runner, type Job, type SessionHandlers } from '../../web/run/runner.ts';
import { RunCancelled, type RunService } from '../../web/run/run-service.ts';

/**
 * A pool that takes 20 ms per run, gives the first impression asked for (as the summary of that
 * many), reports progress once, and honours cancellation.
 */
function fakePool(calls: number[]): RunService {
  return {
    run(_scenario, { replications, preview, onPreview, onProgress, signal }) {
      calls.push(replications);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          if (preview !== undefined && preview < replications) {
            onPreview?.({ meta: { replications: preview } } as unknown as RunSummary);
          }
          onProgress?.(replications, replications, {
            done: replications,
            pMet: 0,
            rehousingShare: 0,
            triageShare: 0,
          });
          resolve({ meta: { replications } } as unknown as RunSummary);
        }, 20);
        signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new RunCancelled());
        });
      });
    },
  };
}

function record() {
  const log: string[] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const handlers: SessionHandlers = {
    progress: (job, stage, d, t) => log.push(`progress ${job.key} ${stage} ${d}/${t}`),
    result: (job, stage, s) => log.push(`result ${job.key} ${stage} ${s.meta.replications}`),
    finished: () => {
      log.push('finished');
      done();
    },
    cancelled: () => {
      log.push('cancelled');
      done();
    },
    failed: (e) => {
      log.push(`failed ${e.message}`);
      done();
    },
  };
  return { log, handlers, finished };
}

const job = (key: string, replications: number, preview?: number): Job => ({
  key,
  scenario: {} as Scenario,
  seed: 's',
  replications,
  preview,
});

describe('run sessions', () => {
  it('gives a first impression from the full run, one run per job, in order', async () => {
    const calls: number[] = [];
    const runner = new Runner(fakePool(calls));
    const r = record();
    runner.start([job('A', 100), job('B', 100, 10)], r.handlers);
    await r.finished;
    expect(calls).toEqual([100, 100]);
    expect(r.log).toEqual([
      'progress A full 100/100',
      'result A full 100',
      'result B preview 10',
      'progress B full 100/100',
      'result B full 100',
      'finished',
    ]);
    expect(runner.running).toBe(false);
  });

  it('skips the first impression when it would not be smaller than the run', async () => {
    const calls: number[] = [];
    const r = record();
    new Runner(fakePool(calls)).start([job('B', 40, 40)], r.handlers);
    await r.finished;
    expect(calls).toEqual([40]);
    expect(r.log).toEqual(['progress B full 40/40', 'result B full 40', 'finished']);
  });

  it('drops a first impression that comes after its run’s result', async () => {
    let late: ((s: RunSummary) => void) | undefined;
    const pool: RunService = {
      run(_s, { replications, onPreview }) {
        late = onPreview;
        return Promise.resolve({ meta: { replications } } as unknown as RunSummary);
      },
    };
    const r = record();
    new Runner(pool).start([job('B', 100, 10)], r.handlers);
    await r.finished;
    late?.({ meta: { replications: 10 } } as unknown as RunSummary);
    expect(r.log).toEqual(['result B full 100', 'finished']);
  });

  it('ends the session in flight silently when a new one starts', async () => {
    const runner = new Runner(fakePool([]));
    const first = record();
    const second = record();
    runner.start([job('B', 100, 10)], first.handlers);
    runner.start([job('B', 50)], second.handlers);
    await second.finished;
    await new Promise((r) => setTimeout(r, 50));
    expect(first.log).toEqual([]);
    expect(second.log).toEqual(['progress B full 50/50', 'result B full 50', 'finished']);
  });

  it('runs a job with input uncertainty with it', async () => {
    const seen: unknown[] = [];
    const pool = fakePool([]);
    const spy: RunService = {
      run: (s, o) => {
        seen.push(o.inputUncertainty);
        return pool.run(s, o);
      },
    };
    const r = record();
    const iu = { replicationsPerDraw: 10 };
    new Runner(spy).start([{ ...job('B', 100, 20), inputUncertainty: iu }], r.handlers);
    await r.finished;
    expect(seen).toEqual([iu]);
  });

  it('reports a stop by the user as cancelled', async () => {
    const runner = new Runner(fakePool([]));
    const r = record();
    runner.start([job('B', 100)], r.handlers);
    runner.stop('user');
    await r.finished;
    expect(r.log).toEqual(['cancelled']);
    expect(runner.running).toBe(false);
  });
});
