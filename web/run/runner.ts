// Runs scenarios on the worker pool one session at a time: a new session (or cancel) ends the
// one in flight. A job may ask for a first impression: the summary of its first replications,
// taken from the running aggregate of the one run (identical to a run of that many), so charts
// appear within a second while the run goes on, at no extra cost.
import type { Interim, RunSummary } from '../../sim/results/aggregate.ts';
import { RunCancelled, type RunService } from './run-service.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { InputUncertainty } from '../../sim/scenario/parameter-draws.ts';

/** One scenario to run. */
export interface Job {
  /** Who the result is for (e.g. 'A' or 'B' in a comparison). */
  key: string;
  scenario: Scenario;
  seed: string | number;
  replications: number;
  /** Replications of the first impression (none, or ≥ replications, for no preview). */
  preview?: number;
  /** Draw the uncertain parameters per group of replications (input uncertainty). */
  inputUncertainty?: InputUncertainty;
}

export type Stage = 'preview' | 'full';

/**
 * Aimed-for duration of a batch of the page's runs (ms): a run superseded by an edit holds the
 * workers only until its batches in flight end (two per worker), so the edit's run starts
 * within about 0.1 s. Long enough that calls cost little (about 1 ms each).
 */
export const INTERACTIVE_BATCH_MS = 50;

/**
 * What a session reports. Nothing is reported after the session was replaced. Progress is of
 * the full run (stage 'full'); a first impression is a result of stage 'preview', before the
 * job's full result.
 */
export interface SessionHandlers {
  progress(job: Job, stage: Stage, done: number, total: number, interim: Interim): void;
  result(job: Job, stage: Stage, summary: RunSummary): void;
  /** Every job ran to the end. */
  finished(): void;
  /** The user stopped the session. */
  cancelled(): void;
  failed(error: Error): void;
}

/** Sessions of runs on one pool (a run service). */
export class Runner {
  private controller: AbortController | undefined;

  constructor(private readonly pool: RunService) {}

  /** Whether a session is running. */
  get running(): boolean {
    return this.controller !== undefined;
  }

  /** Starts a session of `jobs` in order, ending any session in flight (silently). */
  start(jobs: Job[], handlers: SessionHandlers): void {
    this.stop('replaced');
    const controller = new AbortController();
    this.controller = controller;
    void this.session(jobs, handlers, controller);
  }

  /** Stops the session in flight; its handlers hear `cancelled` when the user asked for it. */
  stop(reason: 'user' | 'replaced' = 'user'): void {
    const c = this.controller;
    this.controller = undefined;
    c?.abort(reason);
  }

  private async session(
    jobs: Job[],
    h: SessionHandlers,
    controller: AbortController,
  ): Promise<void> {
    const { signal } = controller;
    try {
      for (const job of jobs) {
        let complete = false;
        const summary = await this.pool.run(job.scenario, {
          replications: job.replications,
          seed: job.seed,
          inputUncertainty: job.inputUncertainty,
          preview: job.preview,
          priority: 0,
          batchMs: INTERACTIVE_BATCH_MS,
          signal,
          onProgress: (done, total, interim) => {
            if (!signal.aborted && !complete) h.progress(job, 'full', done, total, interim);
          },
          onPreview: (s) => {
            if (!signal.aborted && !complete) h.result(job, 'preview', s);
          },
        });
        complete = true;
        if (signal.aborted) return;
        h.result(job, 'full', summary);
      }
      if (this.controller === controller) this.controller = undefined;
      h.finished();
    } catch (e) {
      if (signal.aborted) {
        if (signal.reason === 'user') h.cancelled();
        return;
      }
      if (this.controller === controller) this.controller = undefined;
      h.failed(e instanceof RunCancelled ? new Error('cancelled') : (e as Error));
    }
  }
}
