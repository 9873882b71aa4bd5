// Engine tests schedule closures; the engines schedule (kind, subject) integers. This adapter
// keeps each closure in a table and schedules its index as the subject, so a test reads as
// "at time t, do this" while every call still goes through the engine's own at/after/cancel/run.
import { createEngine } from '../../sim/engine/create-engine.ts';
import type { Engine, EngineKind, EventHandle, EventHandler } from '../../sim/engine/engine.ts';
import { HeapKernel } from '../../sim/engine/heap-kernel.ts';
import { SimjsEngine } from '../../sim/engine/simjs-engine.ts';

/** The event kind every adapted closure is scheduled with. */
const CLOSURE = 0;

/** An engine that takes closures, over one of the real engines. */
export interface ActionEngine {
  readonly engine: Engine;
  readonly now: number;
  readonly eventsProcessed: number;
  readonly pending: number;
  at(time: number, action: () => void): EventHandle;
  after(delay: number, action: () => void): EventHandle;
  cancel(handle: EventHandle): boolean;
  run(until: number): void;
}

/** Wraps an engine made by `make(handler)` so that tests can schedule closures. */
export function withActions(make: (handler: EventHandler) => Engine): ActionEngine {
  const actions: (() => void)[] = [];
  const engine = make((_kind, subject) => actions[subject]());
  const remember = (action: () => void) => actions.push(action) - 1;
  return {
    engine,
    get now() {
      return engine.now;
    },
    get eventsProcessed() {
      return engine.eventsProcessed;
    },
    get pending() {
      return engine.pending;
    },
    at: (time, action) => engine.at(time, CLOSURE, remember(action)),
    after: (delay, action) => engine.after(delay, CLOSURE, remember(action)),
    cancel: (handle) => engine.cancel(handle),
    run: (until) => engine.run(until),
  };
}

/** An engine of `kind` that takes closures. */
export function actionEngine(kind: EngineKind): ActionEngine {
  return withActions((handler) => createEngine(kind, handler));
}

/** The heap kernel with room for `capacity` pending events, taking closures. */
export function actionKernel(capacity?: number): ActionEngine {
  return withActions((handler) => new HeapKernel(handler, capacity));
}

/** The simjs engine, taking closures. */
export function actionSimjs(): ActionEngine {
  return withActions((handler) => new SimjsEngine(handler));
}
