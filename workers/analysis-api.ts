// What the pool worker does for the analyses, apart from how it is reached: contingent sizing
// and sensitivity on the page's one worker pool (started with the first run), one analysis at a
// time, each cancellable by id whether running or still waiting its turn. Their runs yield the
// workers to the verdict's at every batch (a lower priority).
import type { Scenario } from '../sim/scenario/schema.ts';
import type { Runner } from '../sim/analysis/runner.ts';
import {
  sizeContingent,
  type SizingPoint,
  type SizingResult,
} from '../sim/analysis/contingent-sizing.ts';
import { sensitivity, type Sensitivity } from '../sim/analysis/sensitivity.ts';
import type { RunSummary } from '../sim/results/aggregate.ts';
import { CancelledError, type PoolRunOptions } from './pool.ts';

/** What a sizing search needs (the callbacks go separately, as comlink proxies). */
export interface SizingRequest {
  contingent: string;
  target: number;
  coarseReplications: number;
  fineReplications: number;
  seed: string | number;
  maxUnits?: number;
}

/** What a sensitivity analysis needs. */
export interface SensitivityRequest {
  replications: number;
  seed: string | number;
}

/** Priority of an analysis's runs on the pool: after the verdict's (0). */
export const ANALYSIS_PRIORITY = 1;

/** Progress of the run in flight: replications done of its total. */
export type RunProgress = (done: number, total: number) => void;

/** What the analyses need of a pool (the project's SimPool). */
export interface RunPool {
  run(scenario: Scenario, options: PoolRunOptions): Promise<RunSummary>;
}

/** The analyses' part of the pool worker's API. */
export interface AnalysisApi {
  /** Finds the smallest contingent meeting the target; reports each evaluated size. */
  size(
    id: number,
    scenario: Scenario,
    request: SizingRequest,
    onPoint: (point: SizingPoint, evaluated: number) => void,
    onRun: RunProgress,
  ): Promise<SizingResult>;
  /** One-at-a-time sensitivity of the scenario's uncertain parameters. */
  sensitivity(
    id: number,
    scenario: Scenario,
    request: SensitivityRequest,
    onStep: (done: number, total: number) => void,
    onRun: RunProgress,
  ): Promise<Sensitivity>;
  /** Cancels analysis `id`, running or waiting (its promise rejects with a CancelledError). */
  cancel(id: number): void;
}

/** An analysis API whose pool `createPool` makes when the first analysis starts. */
export function createAnalysisApi(createPool: () => RunPool): AnalysisApi {
  let pool: RunPool | undefined;
  const controllers = new Map<number, AbortController>();
  /** The last analysis in line: the next one starts when it has settled. */
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `f` after every analysis before it, unless cancelled meanwhile. */
  function inTurn<T>(
    id: number,
    onRun: RunProgress,
    f: (runner: Runner) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    controllers.set(id, controller);
    const mine = queue.then(() => {
      if (controller.signal.aborted) throw new CancelledError();
      pool ??= createPool();
      const p = pool;
      return f((s, r) =>
        p.run(s, {
          replications: r.replications,
          seed: r.seed,
          engine: r.engine,
          inputUncertainty: r.inputUncertainty,
          priority: ANALYSIS_PRIORITY,
          signal: controller.signal,
          onProgress: (done, total) => void onRun(done, total),
        }),
      );
    });
    queue = mine.catch(() => undefined);
    return mine.finally(() => controllers.delete(id));
  }

  return {
    size(id, scenario, request, onPoint, onRun) {
      return inTurn(id, onRun, (runner) =>
        sizeContingent(scenario, runner, { ...request, onPoint: (p, n) => void onPoint(p, n) }),
      );
    },
    sensitivity(id, scenario, request, onStep, onRun) {
      return inTurn(id, onRun, (runner) =>
        sensitivity(
          scenario,
          runner,
          request.replications,
          request.seed,
          (done, total) => void onStep(done, total),
        ),
      );
    },
    cancel(id) {
      controllers.get(id)?.abort();
    },
  };
}
