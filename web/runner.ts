// Runs scenarios on the worker pool one session at a time: a new session (or cancel) ends the
// one in flight. A job may first run a small preview (the first replications, identical to
// those of the full run), so charts appear within seconds while the full run goes on.
import type { Interim, RunSummary } from '../sim/results/aggregate.ts';
import { RunCancelled, type RunService } from './run-service.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { InputUncertainty } from '../sim/analysis/input-uncertainty.ts';

/** One scenario to run. */
export interface Job {
  /** Who the result is for (e.g. 'A' or 'B' in a comparison). */
  key: string;
  scenario: Scenario;
  seed: string | number;
  replications: number;
  /** Replications of a preview run first (none, or ≥ replications, for no preview). */
  preview?: number;
  /** Draw the uncertain parameters per group of replications (input uncertainty). */
  inputUncertainty?: InputUncertainty;
}

export type Stage = 'preview' | 'full';

/** What a session reports. Nothing is reported after the session was replaced. */
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
        const stages: [Stage, number][] =
          job.preview && job.preview < job.replications
            ? [
                ['preview', job.preview],
                ['full', job.replications],
              ]
            : [['full', job.replications]];
        for (const [stage, n] of stages) {
          const summary = await this.pool.run(job.scenario, {
            replications: n,
            seed: job.seed,
            inputUncertainty: job.inputUncertainty,
            signal,
            onProgress: (done, total, interim) => {
              if (!signal.aborted) h.progress(job, stage, done, total, interim);
            },
          });
          if (signal.aborted) return;
          h.result(job, stage, summary);
        }
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
