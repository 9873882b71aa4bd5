/**
 * A pool of simulation workers, one for a whole page or process: every run (the verdict, its
 * first impression, each run of an analysis) goes through it. Runs are served from streams:
 * a stream is the replications 0, 1, 2… of one run key (scenario, seed, engine, input
 * uncertainty), folded strictly in replication order into one Aggregator (buffering only those
 * that arrive early), so a summary is the same for any number of workers. A run asks a stream
 * for its first n replications; a later run of the same key (more replications, the same
 * again) continues the stream where it stands, so nothing is computed twice, within a memory
 * budget for the streams kept. Batches go to the runs by priority, so a verdict overtakes an
 * analysis at the next batch. A run is cancelled between batches: its workers stay, and what
 * they were computing is kept for the next run of its key. Only a worker that hangs or dies is
 * terminated and replaced. Knows no environment: a WorkerFactory does.
 */
import { checkRunSize } from '../sim/run-size.ts';
import { wrap, type Endpoint, type Remote } from 'comlink';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { EngineKind } from '../sim/engine/engine.ts';
import type { InputUncertainty } from '../sim/scenario/parameter-draws.ts';
import type { ReplicationResult } from '../sim/results/replication-result.ts';
import { Aggregator, type Interim, type RunSummary } from '../sim/results/aggregate.ts';
import type { SimApi } from './sim.worker.ts';
import type { BatchOutcome, InitOutcome, RunSpec } from './sim-api.ts';
import { runKey } from './run-key.ts';
import { streamBytes, streamCapacity, streamMemory, type StreamMemory } from './stream-memory.ts';

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
 * one, instead of idling while the pool folds in the results and sends the next call (about
 * 5% of a worker's time with one).
 */
const CALLS_PER_WORKER = 2;

/** Largest adaptive batch (replications per call). */
export const MAX_BATCH = 25;

/** Run specs a worker keeps at once (the pool tells it to forget the oldest). */
const SPECS_PER_WORKER = 8;

/** Default of {@link PoolOptions.cacheBytes}: 96 MiB of streams kept for later runs. */
export const CACHE_BYTES = 96 * 2 ** 20;

export interface PoolOptions {
  /** Number of workers (≥ 1). Default: {@link defaultWorkerCount} of the cores the browser reports. */
  workers?: number;
  /** Fixed replications per call; adaptive (about `targetBatchMs` per call) if omitted. */
  batchSize?: number;
  /** Aimed-for duration of one adaptive batch (ms); default 200. A run may ask for its own. */
  targetBatchMs?: number;
  /** Wall clock (ms); default `performance.now`. */
  clock?: () => number;
  /**
   * A worker that leaves a call unanswered this long (ms) is taken for dead, as if it had
   * crashed: a browser may stop a worker without any event. A call is also given ten times
   * its expected wait (its batch and the one queued before it). Default 60 000.
   */
  stallTimeoutMs?: number;
  /**
   * A worker still on a batch that no run wants any more (its run was cancelled) while other
   * runs wait, this long after the batch should have ended (ms), is taken for hung: it is
   * terminated and replaced, so a new run does not wait for the stall timeout. Default 5 000.
   */
  unwantedGraceMs?: number;
  /**
   * Memory for the replications kept for later runs of the same key (bytes, estimated from
   * the aggregation's own sizes); the least recently used streams go first. 0 keeps nothing:
   * every run computes all its replications (as a benchmark must). Default {@link CACHE_BYTES}.
   */
  cacheBytes?: number;
}

/** Default of {@link PoolOptions.unwantedGraceMs} (ms). */
export const UNWANTED_GRACE_MS = 5_000;

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
  /**
   * A first impression: the summary of the first `previewAt` replications, taken from the
   * running aggregate when they are folded in (identical to a run of that many), or at once
   * of those already computed when there are more. Not given when the run is no larger.
   */
  previewAt?: number;
  /** Receives the first impression (see `previewAt`). */
  onPreview?: (summary: RunSummary) => void;
  /** Lower goes first: batches go to the runs of the lowest priority waiting. Default 0. */
  priority?: number;
  /**
   * Aimed-for duration of this run's batches (ms), the pool's own if omitted. Small while a
   * user is editing: a run superseded by an edit holds the workers only until its batches in
   * flight end.
   */
  batchMs?: number;
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
  /** Batches sent and not yet answered. */
  busy: number;
  /** The batches it is on, with when each should end at the latest (pool clock, ms). */
  batches: Map<Batch, number>;
  /** Streams this worker holds the spec of, oldest first, with the outcome of their init. */
  inits: Map<number, Promise<InitOutcome>>;
}

/** Replications from..to−1 of a stream; `retry` when re-run after its worker died. */
interface Batch {
  stream: Stream;
  from: number;
  to: number;
  retry: boolean;
}

/** The replications of one run key, computed in order and folded into one aggregate. */
interface Stream {
  /** The workers' id of its spec. */
  id: number;
  /** Its run key's hash and canonical text; undefined for a stream kept for one run only. */
  hash: string | undefined;
  canonical: string;
  spec: Omit<RunSpec, 'id'> & { scenario: Scenario };
  agg: Aggregator;
  /** Next replication not yet handed out. */
  cursor: number;
  /** Batches to re-run, handed out before new ones. */
  retries: Batch[];
  /** Results that arrived before their turn, by first replication. */
  early: Map<number, ReplicationResult[]>;
  /** Batches out on workers. */
  inFlight: number;
  /** Running estimate of a replication's duration in a worker (ms). */
  msPerRep: number | undefined;
  /** The runs it serves. */
  runs: Set<Run>;
  /** Why it can serve no more (a replication failed, or the pool closed). */
  failed: Error | undefined;
  /** When a run last used it (the pool's own count), for least-recently-used eviction. */
  used: number;
  /** Its sizes in memory. */
  memory: StreamMemory;
  /** Forgotten: kept no more, and its late results are not folded in. */
  dropped: boolean;
}

interface Run {
  stream: Stream;
  total: number;
  options: PoolRunOptions;
  /** Order of arrival, after priority. */
  seq: number;
  priority: number;
  start: number;
  previewAt: number | undefined;
  finished: boolean;
  resolve(summary: RunSummary): void;
  reject(error: Error): void;
  reported: number;
  reportedAt: number;
  progressTimer: ReturnType<typeof setTimeout> | undefined;
  onAbort(): void;
}

/** The worker pool: any number of runs at once, served by priority, each cancellable. */
export class SimPool {
  /** Number of workers. */
  readonly size: number;
  private readonly batchSize: number | undefined;
  private readonly targetBatchMs: number;
  private readonly clock: () => number;
  private readonly stallTimeoutMs: number;
  private readonly unwantedGraceMs: number;
  /** The check for workers held by unwanted batches, when one is due. */
  private unwantedTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly cacheBytes: number;
  private slots: Slot[];
  /** Streams by run-key hash: those serving runs, and those kept for later runs. */
  private readonly streams = new Map<string, Stream>();
  /** Runs in progress, in order of arrival. */
  private readonly runs = new Set<Run>();
  private closed = false;
  private streamIds = 0;
  private runSeq = 0;
  private useCount = 0;

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
    this.batchSize = options.batchSize;
    this.targetBatchMs = options.targetBatchMs ?? 200;
    this.clock = options.clock ?? (() => performance.now());
    this.stallTimeoutMs = options.stallTimeoutMs ?? STALL_TIMEOUT_MS;
    if (!(this.stallTimeoutMs > 0)) {
      throw new RangeError(`stallTimeoutMs must be > 0 (got ${options.stallTimeoutMs})`);
    }
    this.cacheBytes = options.cacheBytes ?? CACHE_BYTES;
    this.unwantedGraceMs = options.unwantedGraceMs ?? UNWANTED_GRACE_MS;
    this.slots = Array.from({ length: this.size }, () => this.spawn());
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.runs.size > 0;
  }

  /** The workers, for tests that check a cancel keeps them: same handles, same order. */
  get workers(): readonly WorkerHandle[] {
    return this.slots.map((s) => s.handle);
  }

  /** Memory the kept streams take (bytes, estimated), and how many there are. */
  get cached(): { streams: number; bytes: number; replications: number } {
    let bytes = 0;
    let replications = 0;
    for (const s of this.streams.values()) {
      bytes += this.bytesOf(s);
      replications += s.agg.done;
    }
    return { streams: this.streams.size, bytes, replications };
  }

  /**
   * Runs replications 0..n−1 of `scenario` (validated by the caller; the workers validate it
   * again) and resolves with the summary, identical to the single-threaded runReplications.
   * Replications already computed for the same key are not computed again. Rejects with a
   * {@link CancelledError} when cancelled, a {@link ReplicationError} when a replication
   * fails, and at once if the pool is closed.
   */
  run(scenario: Scenario, options: PoolRunOptions = {}): Promise<RunSummary> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
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
      const stream = this.streamFor(scenario, options, total);
      const previewAt = options.previewAt;
      const run: Run = {
        stream,
        total,
        options,
        seq: ++this.runSeq,
        priority: options.priority ?? 0,
        start: this.clock(),
        previewAt:
          previewAt !== undefined && previewAt >= 1 && previewAt < total ? previewAt : undefined,
        finished: false,
        resolve,
        reject,
        reported: 0,
        reportedAt: -Infinity,
        progressTimer: undefined,
        onAbort: () => this.finish(run, new CancelledError()),
      };
      stream.runs.add(run);
      stream.used = ++this.useCount;
      this.runs.add(run);
      options.signal?.addEventListener('abort', run.onAbort);
      // Served at once from what the stream holds: a first impression, or the whole run.
      if (stream.agg.done > 0) {
        if (run.previewAt !== undefined && stream.agg.done >= run.previewAt) {
          if (stream.agg.done < total) this.preview(run);
          run.previewAt = undefined;
        }
        this.reached(stream);
        if (!run.finished) this.progress(run);
      }
      this.pump();
    });
  }

  /**
   * Cancels every run in progress: each rejects with a {@link CancelledError} at once. The
   * workers stay; the batches they are on still end, and are kept for a later run.
   */
  cancel(): void {
    for (const run of [...this.runs]) this.finish(run, new CancelledError());
  }

  /** Cancels any run and terminates the workers; resolves when they are gone. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.unwantedTimer);
    const error = new CancelledError('cancelled: the worker pool was closed');
    for (const run of [...this.runs]) this.finish(run, error);
    for (const stream of this.streams.values()) stream.failed = error;
    this.streams.clear();
    await Promise.all(this.slots.map((slot) => slot.retire(error)));
  }

  /** The stream that serves `total` replications under `options`: kept, or new. */
  private streamFor(scenario: Scenario, options: PoolRunOptions, total: number): Stream {
    const spec = {
      scenario,
      seed: options.seed ?? scenario.seed,
      engine: options.engine ?? 'fast',
      inputUncertainty: options.inputUncertainty,
    };
    const key = runKey(scenario, spec);
    const kept = this.streams.get(key.hash);
    const usable = kept !== undefined && kept.canonical === key.canonical && !kept.failed;
    if (usable && kept.agg.done <= total) return kept;
    const stream: Stream = {
      id: ++this.streamIds,
      hash: key.hash,
      canonical: key.canonical,
      spec,
      agg: new Aggregator(
        scenario,
        this.cacheBytes > 0 ? streamCapacity(scenario) : total,
        options.inputUncertainty?.replicationsPerDraw,
      ),
      cursor: 0,
      retries: [],
      early: new Map(),
      inFlight: 0,
      msPerRep: undefined,
      runs: new Set(),
      failed: undefined,
      used: 0,
      memory: streamMemory(scenario),
      dropped: false,
    };
    // A kept stream that ran past this run's total stays for the runs it suits (as does one
    // serving runs); this run gets a stream of its own, kept for no one.
    if (kept && (usable || kept.runs.size > 0)) stream.hash = undefined;
    else {
      if (kept) this.drop(kept);
      this.streams.set(key.hash, stream);
    }
    return stream;
  }

  private spawn(): Slot {
    const slot = {
      pending: new Set(),
      retired: undefined,
      busy: 0,
      inits: new Map(),
      batches: new Map(),
    } as Slot;
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
    this.pump();
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
   * Gives every worker work up to CALLS_PER_WORKER batches in flight, one round at a time so
   * the first batches of a run spread over all workers.
   */
  private pump(): void {
    if (this.closed) return;
    for (let round = 1; round <= CALLS_PER_WORKER; round++) {
      for (const slot of this.slots) {
        if (slot.retired || slot.busy >= round) continue;
        const batch = this.nextBatch();
        if (!batch) return;
        void this.dispatch(slot, batch);
      }
    }
  }

  /** The next batch: of the first run (by priority, then arrival) whose stream has work. */
  private nextBatch(): Batch | undefined {
    let best: Run | undefined;
    for (const run of this.runs) {
      if (!this.hasWork(run.stream)) continue;
      if (!best || run.priority < best.priority) best = run;
    }
    if (!best) return undefined;
    const stream = best.stream;
    const retry = stream.retries.shift();
    if (retry) return retry;
    const left = this.demand(stream) - stream.cursor;
    let size = this.batchSize;
    if (size === undefined) {
      const target = best.options.batchMs ?? this.targetBatchMs;
      const aimed = stream.msPerRep === undefined ? 1 : Math.round(target / stream.msPerRep);
      // Smaller batches towards the end, so the workers finish together.
      const lanes = this.size * CALLS_PER_WORKER;
      size = Math.min(Math.max(aimed, 1), MAX_BATCH, Math.ceil(left / (2 * lanes)));
    }
    const from = stream.cursor;
    stream.cursor = Math.min(from + size, from + left);
    return { stream, from, to: stream.cursor, retry: false };
  }

  /** Most replications a run of the stream asks for (0 when it serves none). */
  private demand(stream: Stream): number {
    let most = 0;
    for (const run of stream.runs) most = Math.max(most, run.total);
    return most;
  }

  private hasWork(stream: Stream): boolean {
    if (stream.failed || stream.runs.size === 0) return false;
    return stream.retries.length > 0 || stream.cursor < this.demand(stream);
  }

  /** Runs `batch` on the worker of `slot`, and folds in its results. */
  private async dispatch(slot: Slot, batch: Batch): Promise<void> {
    const { stream, from, to } = batch;
    slot.busy++;
    stream.inFlight++;
    // This batch and the one before it in the worker's queue, at the latest estimate.
    const expected = (stream.msPerRep ?? 0) * (to - from) * CALLS_PER_WORKER;
    slot.batches.set(batch, this.clock() + expected);
    try {
      // The batch goes right behind the init (a worker takes its messages in order), so a new
      // run's first batch does not wait for the answer to its init.
      const init = this.initialised(slot, stream);
      const batchOut = this.call<BatchOutcome>(
        slot,
        (r) => r.runBatch(from, to, stream.id),
        Math.max(this.stallTimeoutMs, 10 * expected),
      );
      batchOut.catch(() => undefined); // settled below, after the init
      const initOut = await init;
      if (!initOut.ok) {
        throw new Error(`invalid scenario (in worker): ${initOut.problems.join('; ')}`);
      }
      const out = await batchOut;
      if (stream.failed || stream.dropped) return;
      if (!out.ok) throw new ReplicationError(out.replication, out.message, { cause: out.stack });
      if (out.results.length !== to - from) {
        throw new Error(
          `worker returned ${out.results.length} results for replications ${from}–${to - 1}`,
        );
      }
      const ms = out.ms / (to - from);
      stream.msPerRep = stream.msPerRep === undefined ? ms : 0.7 * stream.msPerRep + 0.3 * ms;
      this.accept(stream, from, out.results);
    } catch (e) {
      if (stream.failed || stream.dropped) return;
      if (!(e instanceof WorkerDied)) return this.fail(stream, e as Error);
      if (batch.retry) {
        return this.fail(
          stream,
          new ReplicationError(from, `the worker died again on the re-run (${e.message})`),
        );
      }
      // Re-run once on a fresh worker, one replication per call, so that a second death
      // names its replication.
      for (let i = from; i < to; i++)
        stream.retries.push({ stream, from: i, to: i + 1, retry: true });
    } finally {
      slot.busy--;
      slot.batches.delete(batch);
      stream.inFlight--;
      this.settle(stream);
      this.pump();
    }
  }

  /** The worker's init of `stream`, sent once (it forgets the oldest beyond SPECS_PER_WORKER). */
  private initialised(slot: Slot, stream: Stream): Promise<InitOutcome> {
    let init = slot.inits.get(stream.id);
    if (!init) {
      if (slot.inits.size >= SPECS_PER_WORKER) {
        const oldest = slot.inits.keys().next().value!;
        this.forget(slot, oldest);
      }
      const spec: RunSpec = { id: stream.id, ...stream.spec };
      init = this.call<InitOutcome>(slot, (r) => r.init(spec));
      slot.inits.set(stream.id, init);
    }
    return init;
  }

  /** Tells the worker of `slot` to drop the spec of stream `id` (messages keep their order). */
  private forget(slot: Slot, id: number): void {
    if (!slot.inits.delete(id)) return;
    this.call(slot, (r) => r.forget(id)).catch(() => undefined);
  }

  /** Folds in every result whose turn has come; keeps the rest until then. */
  private accept(stream: Stream, from: number, results: ReplicationResult[]): void {
    stream.early.set(from, results);
    const agg = stream.agg;
    for (let next = stream.early.get(agg.done); next; next = stream.early.get(agg.done)) {
      stream.early.delete(agg.done);
      for (const r of next) {
        agg.add(r);
        this.reached(stream);
      }
    }
    for (const run of stream.runs) this.progress(run);
  }

  /** Gives the runs of `stream` whose first impression or total has just been folded in. */
  private reached(stream: Stream): void {
    const done = stream.agg.done;
    for (const run of stream.runs) {
      if (run.previewAt === done) {
        run.previewAt = undefined;
        this.preview(run);
      }
      if (run.total === done) this.finish(run);
    }
  }

  private summary(run: Run): RunSummary {
    const spec = run.stream.spec;
    return run.stream.agg.summary({
      seed: spec.seed,
      engine: spec.engine ?? 'fast',
      wallMs: this.clock() - run.start,
      workers: this.size,
    });
  }

  private preview(run: Run): void {
    if (!run.options.onPreview || run.finished) return;
    try {
      run.options.onPreview(this.summary(run));
    } catch (e) {
      this.finish(run, e as Error);
    }
  }

  /** Reports progress, at most once per interval (the last one deferred), always at the total. */
  private progress(run: Run): void {
    const onProgress = run.options.onProgress;
    const done = Math.min(run.stream.agg.done, run.total);
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
      onProgress(done, run.total, run.stream.agg.interim());
    } catch (e) {
      this.finish(run, e as Error);
    }
  }

  /** Ends `run`: with its summary, or rejected with `error`. */
  private finish(run: Run, error?: Error): void {
    if (run.finished) return;
    if (!error) {
      // The last progress report, at the total, comes before the result.
      this.progress(run);
      if (run.finished) return;
    }
    run.finished = true;
    clearTimeout(run.progressTimer);
    run.options.signal?.removeEventListener('abort', run.onAbort);
    this.runs.delete(run);
    run.stream.runs.delete(run);
    if (error instanceof CancelledError) this.watchUnwanted();
    if (error) run.reject(error);
    else {
      try {
        run.resolve(this.summary(run));
      } catch (e) {
        run.reject(e as Error);
      }
    }
    this.settle(run.stream);
  }

  /**
   * After a cancel: a worker whose batches no run wants keeps the runs waiting only until
   * they end; one that is not done within the grace after their expected end is taken for
   * hung (and replaced, its batches re-run if a run wants them later).
   */
  private watchUnwanted(): void {
    if (this.unwantedTimer !== undefined || this.closed) return;
    this.unwantedTimer = setTimeout(() => {
      this.unwantedTimer = undefined;
      if (this.closed) return;
      const now = this.clock();
      let watching = false;
      for (const slot of [...this.slots]) {
        const unwanted = [...slot.batches].filter(([b]) => b.stream.runs.size === 0);
        if (unwanted.length === 0) continue;
        const waiting = [...this.runs].some((r) => this.hasWork(r.stream));
        const late = unwanted.some(([, end]) => now - end >= this.unwantedGraceMs);
        if (waiting && late) {
          const s = Math.round(this.unwantedGraceMs / 100) / 10;
          this.died(slot, `still on a cancelled run's batch ${s} s after it should have ended`);
        } else watching = true;
      }
      if (watching) this.watchUnwanted();
    }, this.unwantedGraceMs / 2);
    // In Node, a check still due does not keep the process alive.
    (this.unwantedTimer as { unref?: () => void }).unref?.();
  }

  /** A replication of `stream` failed: its runs fail, and it is kept no more. */
  private fail(stream: Stream, error: Error): void {
    stream.failed = error;
    for (const run of [...stream.runs]) this.finish(run, error);
    this.drop(stream);
  }

  /** A stream that serves no run: dropped unless kept; then the cache kept within its budget. */
  private settle(stream: Stream): void {
    if (stream.runs.size > 0) return;
    const kept = stream.hash !== undefined && this.streams.get(stream.hash) === stream;
    if (!kept || stream.failed || this.cacheBytes <= 0) return this.drop(stream);
    let bytes = 0;
    for (const s of this.streams.values()) bytes += this.bytesOf(s);
    if (bytes <= this.cacheBytes) return;
    const idle = [...this.streams.values()]
      .filter((s) => s.runs.size === 0)
      .sort((a, b) => a.used - b.used);
    for (const s of idle) {
      if (bytes <= this.cacheBytes) break;
      bytes -= this.bytesOf(s);
      this.drop(s);
    }
  }

  /** Forgets `stream`: out of the cache, and out of the workers once nothing is in flight. */
  private drop(stream: Stream): void {
    if (stream.hash !== undefined && this.streams.get(stream.hash) === stream) {
      this.streams.delete(stream.hash);
    }
    stream.hash = undefined;
    stream.early.clear();
    if (stream.runs.size === 0) stream.dropped = true;
    if (stream.runs.size === 0 && stream.inFlight === 0) {
      for (const slot of this.slots) this.forget(slot, stream.id);
    }
  }

  private bytesOf(stream: Stream): number {
    let early = 0;
    for (const results of stream.early.values()) early += results.length;
    return streamBytes(stream.memory, stream.agg.done, early);
  }
}
