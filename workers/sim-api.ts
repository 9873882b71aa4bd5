/**
 * What a simulation worker does, apart from how it is reached: validate a scenario once per
 * run, then run batches of replications and hand back their columns as transferables. A
 * worker keeps the specs of several runs by id, so the pool can interleave batches of runs
 * (the verdict's before an analysis's) without sending a scenario again, and forget them.
 * Errors never escape as exceptions; they come back as data naming the replication.
 */
import { transfer } from 'comlink';
import { validateScenario } from '../sim/scenario/validate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { EngineKind } from '../sim/engine/engine.ts';
import type { InputUncertainty } from '../sim/scenario/parameter-draws.ts';
import { runReplication } from '../sim/run-replication.ts';
import { resultBuffers, type ReplicationResult } from '../sim/results/replication-result.ts';

/** What a worker needs to know about a run, sent once per run. */
export interface RunSpec {
  /** The pool's id of the run's replications (0 if omitted). */
  id?: number;
  /** The scenario, validated again in the worker (untrusted across the boundary). */
  scenario: unknown;
  /** Seed of the run. */
  seed: string | number;
  engine: EngineKind;
  /** Draw the scenario's uncertain parameters per group of replications (off if absent). */
  inputUncertainty?: InputUncertainty;
}

/** Outcome of {@link SimWorkerApi.init}: the scenario's problems, if any, as text. */
export type InitOutcome = { ok: true } | { ok: false; problems: string[] };

/** Outcome of {@link SimWorkerApi.runBatch}. */
export type BatchOutcome =
  | {
      ok: true;
      /** Replications from..to−1, in order; their buffers were transferred. */
      results: ReplicationResult[];
      /** Time the worker spent running the batch (ms). */
      ms: number;
    }
  | {
      ok: false;
      /** The replication that failed (0-based). */
      replication: number;
      /** The error's message (or its text if it was not an Error). */
      message: string;
      stack?: string;
    };

/** The API a simulation worker exposes. */
export interface SimWorkerApi {
  /** Validates `spec.scenario` and keeps it, under `spec.id`, for the batches that follow. */
  init(spec: RunSpec): InitOutcome;
  /**
   * Runs replications `from`..`to`−1 (0-based) of run `id` (the last one initialised if
   * omitted), in order.
   */
  runBatch(from: number, to: number, id?: number): BatchOutcome;
  /** Drops the spec of run `id` (nothing if unknown). */
  forget?(id: number): void;
}

type ValidSpec = Omit<RunSpec, 'scenario'> & { scenario: Scenario };

/**
 * A fresh worker API with its own run state (one per worker, or per test channel).
 * `runOne` runs one replication; tests substitute a faulty one.
 */
export function createSimApi(runOne: typeof runReplication = runReplication): SimWorkerApi {
  const runs = new Map<number, ValidSpec>();
  let last = 0;
  return {
    init(spec) {
      const id = spec.id ?? 0;
      last = id;
      runs.delete(id);
      const v = validateScenario(spec.scenario);
      if (!v.ok) return { ok: false, problems: v.problems.map((p) => `${p.where}: ${p.message}`) };
      runs.set(id, { ...spec, scenario: v.scenario });
      return { ok: true };
    },
    forget(id) {
      runs.delete(id);
    },
    runBatch(from, to, id = last) {
      const run = runs.get(id);
      if (!run) {
        return { ok: false, replication: from, message: 'worker has no valid run (init first)' };
      }
      const start = performance.now();
      const results: ReplicationResult[] = [];
      for (let i = from; i < to; i++) {
        try {
          results.push(
            runOne(run.scenario, i, {
              seed: run.seed,
              engine: run.engine,
              inputUncertainty: run.inputUncertainty,
            }),
          );
        } catch (e) {
          const error = e instanceof Error ? e : undefined;
          return {
            ok: false,
            replication: i,
            message: error?.message ?? String(e),
            stack: error?.stack,
          };
        }
      }
      // A set: two columns may be views on one buffer, and a buffer may be listed only once.
      const buffers = new Set(results.flatMap(resultBuffers));
      return transfer({ ok: true, results, ms: performance.now() - start }, [...buffers]);
    },
  };
}
