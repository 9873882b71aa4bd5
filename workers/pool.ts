/**
 * A pool of simulation workers: hands out batches of replications, folds the results into one
 * Aggregator strictly in replication order (buffering only those that arrive early), so the
 * summary is the same for any number of workers. Knows no environment: a WorkerFactory does.
 */
import { checkRunSize } from '../sim/run-size.ts';
import { wrap, type Endpoint, type Remote } from 'comlink';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { EngineKind } from '../sim/engine/engine.ts';
import type { InputUncertainty } from '../sim/analysis/input-uncertainty.ts';
import type { ReplicationResult } from '../sim/results/replication-result.ts';
import { Aggregator, type Interim, type RunSummary } from '../sim/results/aggregate.ts';
import type { SimApi } from './sim.worker.ts';
import type { BatchOutcome, InitOutcome } from './sim-api.ts';

/** One worker as the pool sees it. */
export interface WorkerHandle {
  /** Where comlink talks to the worker. */
  endpoint: Endpoint;
  /** Ends the worker at once; calls pending on it never settle by themselves. */
  terminate(): void | Promise<unknown>;
}

/**
 * Starts a worker. The factory calls `onDeath` when the worker dies on its own (crash, out of
 * memory, killed from outside); calls after the pool terminated it are ignored.
 */
export type WorkerFactory = (onDeath: (reason: string) => void) => WorkerHandle;

/** Default pool size: one core left for the caller (UI or main thread), at least 1 worker. */
export function defaultWorkerCount(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

/**
 * Calls in flight per worker. With two, a worker finds its next batch waiting when it ends
 * one, instead of idling while the main thread folds in the results and sends the next call
 * (about 5% of a worker's time with one).
 */
const CALLS_PER_WORKER = 2;

/** Largest adaptive batch (replications per call). */
export const MAX_BATCH = 25;

export interface PoolOptions {
  /** Number of workers (≥ 1). Default: {@link defaultWorkerCount} of the cores the browser reports. */
  workers?: number;
  /** Fixed replications per call; adaptive (about `targetBatchMs` per call) if omitted. */
  batchSize?: number;
  /** Aimed-for duration of one adaptive batch (ms); default 200. */
  targetBatchMs?: number;
  /** Wall clock (ms); default `performance.now`. */
  clock?: () => number;
  /**
   * A worker that leaves a call unanswered this long (ms) is taken for dead, as if it had
   * crashed: a browser may stop a worker without any event. A call is also given ten times
   * its expected wait (its batch and the one queued before it). Default 60 000.
   */
  stallTimeoutMs?: number;
}

/** Default of {@link PoolOptions.stallTimeoutMs} (ms). */
export const STALL_TIMEOUT_MS = 60_000;

export interface PoolRunOptions {
  /** Number of replications (the scenario's own default if omitted). */
  replications?: number;
  /** Seed of the run (the scenario's own seed if omitted). */
  seed?: string | number;
  /** Engine implementation; 'fast' by default. */
  engine?: EngineKind;
  /** Draw the scenario's uncertain parameters per group of replications (off if absent). */
  inputUncertainty?: InputUncertainty;
  /**
   * Progress: replications folded in so far (monotone), the total, and the interim figures.
   * Called at most once per `progressIntervalMs`, and always once at the total.
   */
  onProgress?: (done: number, total: number, interim: Interim) => void;
  /** Least time between two progress calls (ms); default 200 (≤ 5 calls per second). */
  progressIntervalMs?: number;
  /** Aborting it cancels the run, as {@link SimPool.cancel}. */
  signal?: AbortSignal;
}

/** How a cancelled run (or a call pending when the pool closed) rejects. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

/** A run that failed in a replication: a model error, or a worker that died twice on it. */
export class ReplicationError extends Error {
  override readonly name = 'ReplicationError';
  constructor(
    /** The replication (0-based) that failed. */
    readonly replication: number,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`replication ${replication}: ${message}`, options);
  }
}

/** A worker that died on its own; internal, turned into a re-run or a ReplicationError. */
class WorkerDied extends Error {
  override readonly name = 'WorkerDied';
}

interface Slot {
  handle: WorkerHandle;
  remote: Remote<SimApi>;
  /**
   * Rejecters of the calls in flight, settled when the worker dies or is retired, since
   * comlink never rejects them. (Not a race against one long-lived promise: each race would
   * leave a reaction on it that holds the call's result, so every result would be retained.)
   */
  pending: Set<(error: Error) => void>;
  /** Why the worker was retired, once it was. */
  retired: Error | undefined;
  /** Rejects the calls in flight with `error` and terminates the worker (idempotent). */
  retire(error: Error): Promise<void>;
  /** The run this worker was initialised for (by id, so a finished run is not retained). */
  init?: { runId: number; outcome: Promise<InitOutcome> };
}

/** Replications from..to−1; `retry` when re-run after its worker died. */
interface Batch {
  from: number;
  to: number;
  retry: boolean;
}

interface Run {
  id: number;
  scenario: Scenario;
  seed: string | number;
  engine: EngineKind;
  total: number;
  options: PoolRunOptions;
  agg: Aggregator;
  start: number;
  /** Next replication not yet handed out. */
  cursor: number;
  /** Batches to re-run, handed out before new ones. */
  retries: Batch[];
  /** Results that arrived before their turn, by first replication. */
  early: Map<number, ReplicationResult[]>;
  /** Running estimate of a replication's duration in a worker (ms). */
  msPerRep: number | undefined;
  finished: boolean;
  resolve(summary: RunSummary): void;
  reject(error: Error): void;
  reported: number;
  reportedAt: number;
  progressTimer: ReturnType<typeof setTimeout> | undefined;
  onAbort(): void;
}

/**
 * The worker pool. One run at a time; {@link SimPool.cancel} ends it at once (its promise
 * rejects with a {@link CancelledError}) and replaces every worker by a fresh one.
 */
export class SimPool {
  /** Number of workers. */
  readonly size: number;
  /** Number of calls in flight at once (see CALLS_PER_WORKER). */
  private readonly lanes: number;
  private readonly batchSize: number | undefined;
  private readonly targetBatchMs: number;
  private readonly clock: () => number;
  private readonly stallTimeoutMs: number;
  private slots: Slot[];
  private active: Run | undefined;
  private closed = false;
  /** Runs started so far. */
  private runs = 0;

  constructor(
    private readonly factory: WorkerFactory,
    options: PoolOptions = {},
  ) {
    this.size =
      options.workers ?? defaultWorkerCount(globalThis.navigator?.hardwareConcurrency ?? 2);
    if (!Number.isInteger(this.size) || this.size < 1) {
      throw new RangeError(`workers must be a whole number ≥ 1 (got ${this.size})`);
    }
    if (
      options.batchSize !== undefined &&
      !(Number.isInteger(options.batchSize) && options.batchSize >= 1)
    ) {
      throw new RangeError(`batchSize must be a whole number ≥ 1 (got ${options.batchSize})`);
    }
    this.lanes = this.size * CALLS_PER_WORKER;
    this.batchSize = options.batchSize;
    this.targetBatchMs = options.targetBatchMs ?? 200;
    this.clock = options.clock ?? (() => performance.now());
    this.stallTimeoutMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS;
    if (!(this.stallTimeoutMs > 0)) {
      throw new RangeError(`stallTimeoutMs must be > 0 (got ${options.stallTimeoutMs})`);
    }
    this.slots = Array.from({ length: this.size }, () => this.spawn());
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.active !== undefined;
  }

  /**
   * Runs replications 0..n−1 of `scenario` (validated by the caller; the workers validate it
   * again) and resolves with the summary, identical to the single-threaded runReplications.
   * Rejects with a {@link CancelledError} when cancelled, a {@link ReplicationError} when a
   * replication fails, and at once if the pool is closed or already running.
   */
  run(scenario: Scenario, options: PoolRunOptions = {}): Promise<RunSummary> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (this.active) return Promise.reject(new Error('the worker pool is already running'));
    if (options.signal?.aborted) return Promise.reject(new CancelledError());
    const total = options.replications ?? scenario.replications;
    if (!Number.isInteger(total) || total < 1) {
      return Promise.reject(
        new RangeError(`replications must be a whole number ≥ 1 (got ${total})`),
      );
    }
    try {
      checkRunSize(scenario, total);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    return new Promise<RunSummary>((resolve, reject) => {
      const run: Run = {
        id: ++this.runs,
        scenario,
        seed: options.seed ?? scenario.seed,
        engine: options.engine ?? 'fast',
        total,
        options,
        agg: new Aggregator(scenario, total, options.inputUncertainty?.replicationsPerDraw),
        start: this.clock(),
        cursor: 0,
        retries: [],
        early: new Map(),
        msPerRep: undefined,
        finished: false,
        resolve,
        reject,
        reported: 0,
        reportedAt: -Infinity,
        progressTimer: undefined,
        onAbort: () => {
          if (this.active === run) this.cancel();
        },
      };
      this.active = run;
      options.signal?.addEventListener('abort', run.onAbort);
      for (let lane = 0; lane < this.lanes; lane++) void this.lane(run, lane % this.size);
    });
  }

  /**
   * Cancels the run in progress, if any: its promise rejects with a {@link CancelledError}
   * at once, and every worker is terminated and replaced by a fresh one.
   */
  cancel(): void {
    const run = this.active;
    if (!run) return;
    this.finish(run, new CancelledError());
    this.replaceAll(new CancelledError());
  }

  /** Cancels any run and terminates the workers; resolves when they are gone. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const error = new CancelledError('cancelled: the worker pool was closed');
    if (this.active) this.finish(this.active, error);
    await Promise.all(this.slots.map((slot) => slot.retire(error)));
  }

  private spawn(): Slot {
    const slot = { pending: new Set(), retired: undefined } as Slot;
    slot.handle = this.factory((reason) => this.died(slot, reason));
    slot.remote = wrap<SimApi>(slot.handle.endpoint);
    slot.retire = async (error) => {
      if (slot.retired) return;
      slot.retired = error;
      for (const reject of slot.pending) reject(error);
      slot.pending.clear();
      try {
        await slot.handle.terminate();
      } catch {
        // already gone
      }
    };
    return slot;
  }

  private died(slot: Slot, reason: string): void {
    if (slot.retired) return;
    void slot.retire(new WorkerDied(reason));
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
  }

  private replaceAll(error: Error): void {
    this.slots = this.slots.map((slot) => {
      void slot.retire(error);
      return this.spawn();
    });
  }

  /**
   * A call on a worker that settles even if the worker dies or is retired meanwhile. If no
   * answer comes within `timeoutMs`, the worker is declared dead (and replaced).
   */
  private call<T>(
    slot: Slot,
    f: (remote: Remote<SimApi>) => PromiseLike<T>,
    timeoutMs = this.stallTimeoutMs,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (slot.retired) return reject(slot.retired);
      const timer = setTimeout(() => {
        const s = Math.round(timeoutMs / 100) / 10;
        this.died(slot, `no answer from the worker for ${s} s (it hangs or was stopped)`);
      }, timeoutMs);
      const settled = () => {
        clearTimeout(timer);
        slot.pending.delete(fail);
      };
      const fail = (error: unknown) => {
        settled();
        reject(error);
      };
      slot.pending.add(fail);
      f(slot.remote).then((value) => {
        settled();
        resolve(value);
      }, fail);
    });
  }

  /**
   * Half of one worker's share of a run: take a batch, run it, fold it in; until none is
   * left. Each worker has two lanes, so its next batch is already queued when it finishes one.
   */
  private async lane(run: Run, worker: number): Promise<void> {
    for (let batch = this.nextBatch(run); batch && !run.finished; batch = this.nextBatch(run)) {
      const slot = this.slots[worker];
      try {
        if (slot.init?.runId !== run.id) {
          const spec = {
            scenario: run.scenario,
            seed: run.seed,
            engine: run.engine,
            inputUncertainty: run.options.inputUncertainty,
          };
          slot.init = { runId: run.id, outcome: this.call<InitOutcome>(slot, (r) => r.init(spec)) };
        }
        const init = await slot.init.outcome;
        if (!init.ok) throw new Error(`invalid scenario (in worker): ${init.problems.join('; ')}`);
        const { from, to } = batch;
        // Expected wait: this batch and the one queued before it in the worker.
        const expectedMs = (run.msPerRep ?? 0) * (to - from) * CALLS_PER_WORKER;
        const out = await this.call<BatchOutcome>(
          slot,
          (r) => r.runBatch(from, to),
          Math.max(this.stallTimeoutMs, 10 * expectedMs),
        );
        if (run.finished) return;
        if (!out.ok) {
          throw new ReplicationError(out.replication, out.message, { cause: out.stack });
        }
        if (out.results.length !== to - from) {
          throw new Error(
            `worker returned ${out.results.length} results for replications ${from}–${to - 1}`,
          );
        }
        const ms = out.ms / (to - from);
        run.msPerRep = run.msPerRep === undefined ? ms : 0.7 * run.msPerRep + 0.3 * ms;
        this.accept(run, from, out.results);
      } catch (e) {
        if (run.finished) return;
        if (!(e instanceof WorkerDied)) return this.finish(run, e as Error);
        if (batch.retry) {
          return this.finish(
            run,
            new ReplicationError(batch.from, `the worker died again on the re-run (${e.message})`),
          );
        }
        // Re-run once on a fresh worker, one replication per call, so that a second death
        // names its replication.
        for (let i = batch.from; i < batch.to; i++) {
          run.retries.push({ from: i, to: i + 1, retry: true });
        }
      }
    }
  }

  private nextBatch(run: Run): Batch | undefined {
    const retry = run.retries.shift();
    if (retry) return retry;
    const left = run.total - run.cursor;
    if (left <= 0) return undefined;
    let size = this.batchSize;
    if (size === undefined) {
      const aimed = run.msPerRep === undefined ? 1 : Math.round(this.targetBatchMs / run.msPerRep);
      // Smaller batches towards the end, so the workers finish together.
      size = Math.min(Math.max(aimed, 1), MAX_BATCH, Math.ceil(left / (2 * this.lanes)));
    }
    const from = run.cursor;
    run.cursor = Math.min(run.total, from + size);
    return { from, to: run.cursor, retry: false };
  }

  /** Folds in every result whose turn has come; keeps the rest until then. */
  private accept(run: Run, from: number, results: ReplicationResult[]): void {
    run.early.set(from, results);
    for (let next = run.early.get(run.agg.done); next; next = run.early.get(run.agg.done)) {
      run.early.delete(run.agg.done);
      for (const r of next) run.agg.add(r);
    }
    this.progress(run);
    if (run.agg.done === run.total) this.finish(run);
  }

  /** Reports progress, at most once per interval (the last one deferred), always at the total. */
  private progress(run: Run): void {
    const onProgress = run.options.onProgress;
    const done = run.agg.done;
    if (!onProgress || run.finished || done === run.reported) return;
    const now = this.clock();
    const wait = run.reportedAt + (run.options.progressIntervalMs ?? 200) - now;
    if (done < run.total && wait > 0) {
      run.progressTimer ??= setTimeout(() => {
        run.progressTimer = undefined;
        this.progress(run);
      }, wait);
      return;
    }
    clearTimeout(run.progressTimer);
    run.progressTimer = undefined;
    run.reported = done;
    run.reportedAt = now;
    try {
      onProgress(done, run.total, run.agg.interim());
    } catch (e) {
      this.finish(run, e as Error);
    }
  }

  private finish(run: Run, error?: Error): void {
    if (run.finished) return;
    run.finished = true;
    clearTimeout(run.progressTimer);
    run.options.signal?.removeEventListener('abort', run.onAbort);
    if (this.active === run) this.active = undefined;
    if (error) return run.reject(error);
    run.resolve(
      run.agg.summary({
        seed: run.seed,
        engine: run.engine,
        wallMs: this.clock() - run.start,
        workers: this.size,
      }),
    );
  }
}
