// Checks cases in worker threads with a time and a memory limit, so that a run that hangs or
// exhausts memory is detected, counted and ended (the thread is terminated and replaced)
// instead of stopping the test. One case at a time per worker; cases are answered in any order.
import { Worker } from 'node:worker_threads';
import type { ScenarioCase } from './scenario-case.ts';
import type { Verdict } from './check-case.ts';

export interface PoolOptions {
  /** Worker threads (default 2: this machine's cores). */
  workers?: number;
  /** Longest a case may take before it counts as a hang (ms). */
  timeLimitMs: number;
  /** Heap of each worker (MB): a run that needs more counts as out of memory. */
  memoryMb: number;
}

export interface Checked {
  verdict: Verdict;
  /** What each mutation did (empty when the worker died before saying). */
  steps: string[];
  /** Wall time of the case (ms). */
  ms: number;
}

interface Job {
  scenarioCase: ScenarioCase;
  resolve: (c: Checked) => void;
}

/**
 * Source of an eval'd worker that registers tsx and then imports `entry` (Node 20 does not
 * apply `--import tsx` to a worker's own entry module; see workers/node.ts).
 */
function tsBootstrap(entry: URL): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

const ENTRY = new URL('./case-worker.ts', import.meta.url);

/** One worker thread and the case it is checking. */
class Slot {
  /** The thread, started when a case comes (and again after it was ended). */
  private worker: Worker | undefined;
  private ready: Promise<void> = Promise.resolve();
  private job: { id: number; job: Job; started: number; timer: NodeJS.Timeout } | undefined;
  private nextId = 0;

  constructor(
    private readonly options: PoolOptions,
    private readonly onIdle: (slot: Slot) => void,
  ) {}

  private spawn(): Worker {
    const worker = new Worker(tsBootstrap(ENTRY), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      stderr: true,
    });
    worker.stderr.resume(); // a dying worker's last words stay out of the report
    this.ready = new Promise((resolve) => {
      worker.on('message', (m: unknown) => {
        if (m === 'ready') resolve();
        else this.answered(m as { id: number; verdict: Verdict; steps: string[] });
      });
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /heap out of memory/i.test(e.message);
      this.end(oom ? 'out of memory' : 'crash', `worker died: ${e.message}`);
    });
    worker.on('exit', (code) => this.end('crash', `worker exited with code ${code}`));
    return worker;
  }

  /** Checks `job`, starting a thread first when there is none. */
  start(job: Job): void {
    const worker = (this.worker ??= this.spawn());
    void this.ready.then(() => {
      if (worker !== this.worker) return; // ended while starting: end() answered the job
      const id = this.nextId++;
      const timer = setTimeout(
        () => this.end('hang', `no answer within ${this.options.timeLimitMs / 1000} s`),
        this.options.timeLimitMs,
      );
      this.job = { id, job, started: performance.now(), timer };
      worker.postMessage({ id, scenarioCase: job.scenarioCase });
    });
    this.pending = job;
  }

  /** The job handed to start(), until it is answered. */
  private pending: Job | undefined;

  private answered(m: { id: number; verdict: Verdict; steps: string[] }): void {
    const current = this.job;
    if (current?.id !== m.id) return;
    clearTimeout(current.timer);
    this.job = undefined;
    this.pending = undefined;
    current.job.resolve({
      verdict: m.verdict,
      steps: m.steps,
      ms: performance.now() - current.started,
    });
    this.onIdle(this);
  }

  /** Ends the thread (a new one starts with the next case) and answers its job with `outcome`. */
  private end(outcome: 'hang' | 'out of memory' | 'crash', detail: string): void {
    this.stop();
    const job = this.pending;
    const started = this.job?.started ?? performance.now();
    if (this.job) clearTimeout(this.job.timer);
    this.job = undefined;
    this.pending = undefined;
    if (!job) return;
    job.resolve({ verdict: { outcome, detail }, steps: [], ms: performance.now() - started });
    this.onIdle(this);
  }

  /** Terminates the thread, if any. */
  stop(): Promise<unknown> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return Promise.resolve();
    worker.removeAllListeners();
    return worker.terminate();
  }
}

/** A pool of case-checking worker threads (see the header). */
export class CasePool {
  private readonly idle: Slot[] = [];
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];

  constructor(options: PoolOptions) {
    for (let i = 0; i < (options.workers ?? 2); i++) {
      const slot = new Slot(options, (s) => this.release(s));
      this.slots.push(slot);
      this.idle.push(slot);
    }
  }

  /** The verdict on `scenarioCase`, from the first free worker. */
  check(scenarioCase: ScenarioCase): Promise<Checked> {
    return new Promise((resolve) => {
      this.queue.push({ scenarioCase, resolve });
      this.dispatch();
    });
  }

  private release(slot: Slot): void {
    this.idle.push(slot);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0)
      this.idle.pop()!.start(this.queue.shift()!);
  }

  /** Ends every worker. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.stop()));
  }
}
