// The page's handle on the validation worker (validation.worker.ts). Its promises never reject
// and always settle: a check that takes longer than the time limit, or whose worker dies,
// ends as a refusal, and the worker is replaced for the next check. Started on first use.
import { wrap } from 'comlink';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { LibraryScenario } from './catalogue.ts';
import type { Checked, Refusal } from './refusal.ts';
import type { LinkOpened, ValidationApi } from './validation-api.ts';

type Json = Record<string, unknown>;

/** Longest a check may take before it is given up and its worker replaced (ms). */
export const VALIDATION_TIMEOUT_MS = 30_000;

/** The checks the page asks for; see ValidationApi. Never rejects. */
export interface ValidationService {
  checkDraft(data: unknown): Promise<Checked<{ scenario: Scenario }>>;
  checkFile(text: string): Promise<Checked<{ data: Json; scenario: Scenario }>>;
  openLink(hash: string, library: readonly LibraryScenario[]): Promise<LinkOpened>;
}

/** A running validation worker: its API (remote, or in this thread for tests) and its end. */
export interface ValidationWorker {
  api: { [K in keyof ValidationApi]: (...a: Parameters<ValidationApi[K]>) => unknown };
  terminate(): void;
}

/** Starts a worker; `onDeath` is called if it dies by itself. */
export type ValidationWorkerFactory = (onDeath: () => void) => ValidationWorker;

interface Live {
  worker: ValidationWorker;
  /** Settles every check in flight on this worker with `refusal`. */
  pending: Set<(refusal: Refusal) => void>;
}

/** A service on workers from `spawn`, giving up a check after `timeoutMs`. */
export function validationService(
  spawn: ValidationWorkerFactory,
  timeoutMs = VALIDATION_TIMEOUT_MS,
): ValidationService {
  let live: Live | undefined;

  function end(target: Live, refusal: Refusal): void {
    if (live === target) live = undefined;
    try {
      target.worker.terminate();
    } catch {
      // already gone
    }
    for (const settle of [...target.pending]) settle(refusal);
  }

  function start(): Live {
    const fresh: Live = { worker: undefined as unknown as ValidationWorker, pending: new Set() };
    fresh.worker = spawn(() => end(fresh, { kind: 'unchecked', cause: 'crashed' }));
    return fresh;
  }

  function call<R>(ask: (api: ValidationWorker['api']) => unknown): Promise<R | Checked<never>> {
    return new Promise((resolve) => {
      let target: Live;
      try {
        target = live ??= start();
      } catch {
        return resolve({ ok: false, refusal: { kind: 'unchecked', cause: 'crashed' } });
      }
      let done = false;
      const settle = (outcome: R | Checked<never>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        target.pending.delete(fail);
        resolve(outcome);
      };
      const fail = (refusal: Refusal) => settle({ ok: false, refusal });
      target.pending.add(fail);
      const timer = setTimeout(
        () => end(target, { kind: 'unchecked', cause: 'timeout', seconds: timeoutMs / 1000 }),
        timeoutMs,
      );
      Promise.resolve()
        .then(() => ask(target.worker.api))
        .then(
          (outcome) => settle(outcome as R),
          () => fail({ kind: 'unchecked', cause: 'crashed' }),
        );
    });
  }

  return {
    checkDraft: (data) => call<Checked<{ scenario: Scenario }>>((api) => api.checkDraft(data)),
    checkFile: (text) =>
      call<Checked<{ data: Json; scenario: Scenario }>>((api) => api.checkFile(text)),
    openLink: (hash, library) => call<LinkOpened>((api) => api.openLink(hash, library)),
  };
}

/** A service on module Web Workers bundled from validation.worker.ts. */
export function createValidationService(): ValidationService {
  return validationService((onDeath) => {
    const worker = new Worker(new URL('./validation.worker.ts', import.meta.url), {
      type: 'module',
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      onDeath();
    });
    worker.addEventListener('messageerror', onDeath);
    return { api: wrap<ValidationApi>(worker), terminate: () => worker.terminate() };
  });
}
