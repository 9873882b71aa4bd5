// Differential tests: HeapKernel, SimjsEngine and the bare heap loop, fed the same calls,
// must fire the same events at bit-identical times.
import { describe, it, expect } from 'vitest';
import { bareHeapLoop, engineHoldLoop } from '../../bench/bare-loop.ts';
import type { EventHandle } from '../../sim/engine/engine.ts';
import { HeapKernel } from '../../sim/engine/heap-kernel.ts';
import { SimjsEngine } from '../../sim/engine/simjs-engine.ts';
import { actionKernel, actionSimjs, type ActionEngine } from '../helpers/action-engine.ts';

type TestEngine = ActionEngine;

/** Uniforms in [0, 1) from a 32-bit LCG. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What a workload did, as flat numbers, and how often it hit the cases that matter. */
interface Trace {
  log: number[];
  /** Fired events that had the same time as the event before. */
  ties: number;
  /** at(t) calls where `now + (t - now) !== t`: a naive simjs wrapper would misplace these. */
  ulpTraps: number;
}

/** Markers in the log, negative so they can't be taken for a time. */
const FIRED = -1;
const CANCELLED = -2;
const RAN_TO = -3;

/**
 * A random workload of at/after/cancel/run calls whose choices depend on what fired, so
 * any difference between engines changes the rest of the log. Times are drawn to make
 * exact ties and neighbours one ulp apart (0.1 + 0.2 and 0.3, k * 0.1 and k / 10).
 */
function workload(engine: TestEngine, seed: number, maxEvents: number): Trace {
  const random = lcg(seed);
  const log: number[] = [];
  const handles: EventHandle[] = [];
  let ties = 0;
  let ulpTraps = 0;
  let lastFired = NaN;

  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];

  /** A time not before now: often now itself, a grid point, or an ulp-neighbour of one. */
  function targetTime(): number {
    const now = engine.now;
    const whole = Math.ceil(now);
    const k = Math.floor(random() * 30);
    switch (Math.floor(random() * 8)) {
      case 0:
        return now;
      case 1:
        return now + 0.1 + 0.2;
      case 2:
        return now + 0.3;
      case 3:
        return whole + k * 0.1;
      case 4:
        return whole + k / 10;
      case 5:
        return whole + pick([0.1 + 0.2, 0.3, 0.7 + 0.1, 0.8, 1, 2]);
      case 6:
        return now + random() * 3;
      default:
        return whole + k;
    }
  }

  function schedule(): void {
    if (handles.length >= maxEvents) return;
    const id = handles.length;
    const action = (): void => {
      if (Object.is(engine.now, lastFired)) ties++;
      lastFired = engine.now;
      log.push(FIRED, engine.now, id);
      react();
    };
    if (random() < 0.6) {
      const time = targetTime();
      const now = engine.now;
      if (now + (time - now) !== time) ulpTraps++;
      handles.push(engine.at(time, action));
    } else {
      handles.push(engine.after(pick([0, 0, 0.1, 0.2, 0.1 + 0.2, 0.3, 1, random() * 2]), action));
    }
  }

  function cancelOne(): void {
    if (handles.length === 0) return;
    const id = Math.floor(random() * handles.length);
    log.push(CANCELLED, id, engine.cancel(handles[id]) ? 1 : 0);
  }

  /** What an action does: schedule 0–3 events, sometimes cancel one (maybe itself). */
  function react(): void {
    const n = Math.floor(random() * 4);
    for (let i = 0; i < n; i++) schedule();
    if (random() < 0.3) cancelOne();
  }

  for (let i = 0; i < 200; i++) schedule();
  for (let step = 0; step < 5000 && engine.pending > 0; step++) {
    const now = engine.now;
    engine.run(pick([now, now + 0.1, now + 0.3, now + 0.1 + 0.2, Math.ceil(now), now + random()]));
    log.push(RAN_TO, engine.now, engine.eventsProcessed, engine.pending);
    if (random() < 0.5) schedule();
    if (random() < 0.2) cancelOne();
  }
  engine.run(engine.now + 1000);
  log.push(RAN_TO, engine.now, engine.eventsProcessed, engine.pending);
  return { log, ties, ulpTraps };
}

/** Index of the first entry where the logs differ (by Object.is), or -1. */
function firstDifference(a: readonly number[], b: readonly number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

describe('HeapKernel and SimjsEngine on the same random workload', () => {
  it.each([1, 2, 3, 20240601])(
    'fire the same events at bit-identical times, with seed %i',
    (seed) => {
      const fast = workload(actionKernel(16), seed, 6000);
      const simjs = workload(actionSimjs(), seed, 6000);

      expect(firstDifference(fast.log, simjs.log)).toBe(-1);
      expect(simjs.log).toEqual(fast.log);
      // The workload must exercise what it is meant to.
      expect(fast.log.filter((x) => x === FIRED).length).toBeGreaterThan(3000);
      expect(fast.log.filter((x) => x === CANCELLED).length).toBeGreaterThan(500);
      expect(fast.ties).toBeGreaterThan(500);
      // A simjs wrapper scheduling by setTimer(t - now) diverges on these.
      expect(fast.ulpTraps).toBeGreaterThanOrEqual(5);
    },
  );
});

describe('the hold model', () => {
  it('gives bit-identical results on the bare heap loop, HeapKernel and SimjsEngine', () => {
    const bare = bareHeapLoop(50_000, 300, 7);
    expect(bare.events).toBe(50_000);
    expect(engineHoldLoop((h) => new HeapKernel(h, 16), 50_000, 300, 7)).toEqual(bare);
    expect(engineHoldLoop((h) => new SimjsEngine(h), 50_000, 300, 7)).toEqual(bare);
  });

  it('fires exactly the number of events asked for, also with fewer than pending', () => {
    expect(bareHeapLoop(10, 1000).events).toBe(10);
    expect(engineHoldLoop((h) => new HeapKernel(h), 10, 1000).events).toBe(10);
    expect(bareHeapLoop(0).events).toBe(0);
    expect(engineHoldLoop((h) => new HeapKernel(h), 0)).toEqual({ events: 0, lastTime: 0 });
  });
});
