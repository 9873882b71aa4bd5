/**
 * The benchmark's reference: a hold model on a bare typed-array binary heap (push and pop,
 * nothing else), and the same hold model on any {@link Engine}. Invariant: both draw the
 * same delays in the same order, so on a fresh engine they fire at bit-identical times.
 */
import type { Engine, EventHandler } from '../sim/engine/engine.ts';

/** What a hold-model run did; time it outside to get events per second. */
export interface HoldResult {
  /** Events fired. */
  readonly events: number;
  /** Time of the last event fired (days; 0 if none). */
  readonly lastTime: number;
}

/** Next state of a 32-bit LCG (Numerical Recipes constants). Cheap, not for modelling. */
function nextState(state: number): number {
  return (Math.imul(state, 1664525) + 1013904223) >>> 0;
}

/** An exponential delay with mean 1 day from an LCG state (inverse CDF of (state + ½) / 2³²). */
function delayOf(state: number): number {
  return -Math.log((state + 0.5) / 4294967296);
}

/**
 * The bare event loop: `pending` events on a binary heap in typed arrays ordered by
 * (time, sequence); each pop schedules one new event at pop time + an exponential delay,
 * until `events` have been scheduled in all; then the heap drains. No actions, no cancel.
 * @param events events to fire in total
 * @param pending events pending at once (the hold model's population)
 * @param seed LCG seed (any 32-bit integer)
 */
export function bareHeapLoop(events: number, pending = 1000, seed = 1): HoldResult {
  const initial = Math.max(0, Math.min(pending, events));
  const times = new Float64Array(initial);
  const seqs = new Float64Array(initial);
  let size = 0;
  let scheduled = 0;
  let state = seed >>> 0;
  let now = 0;
  let fired = 0;

  while (scheduled < initial) {
    state = nextState(state);
    size = heapPush(times, seqs, size, delayOf(state), scheduled++);
  }
  while (size > 0) {
    now = times[0];
    fired++;
    size = heapPop(times, seqs, size);
    if (scheduled < events) {
      state = nextState(state);
      size = heapPush(times, seqs, size, now + delayOf(state), scheduled++);
    }
  }
  return { events: fired, lastTime: now };
}

/** The one event kind of the hold model. */
const HOLD = 0;

/**
 * The same hold model as {@link bareHeapLoop} on the engine `make` builds around the
 * model's handler: one event kind rescheduling itself with `after`. The result equals
 * `bareHeapLoop`'s. Leaves the engine at `now` = `Number.MAX_VALUE`.
 */
export function engineHoldLoop(
  make: (handler: EventHandler) => Engine,
  events: number,
  pending = 1000,
  seed = 1,
): HoldResult {
  const initial = Math.max(0, Math.min(pending, events));
  let scheduled = 0;
  let state = seed >>> 0;
  let lastTime = 0;
  let fired = 0;

  const engine = make(() => {
    lastTime = engine.now;
    fired++;
    if (scheduled < events) {
      state = nextState(state);
      scheduled++;
      engine.after(delayOf(state), HOLD, 0);
    }
  });
  while (scheduled < initial) {
    state = nextState(state);
    scheduled++;
    engine.after(delayOf(state), HOLD, 0);
  }
  engine.run(Number.MAX_VALUE);
  return { events: fired, lastTime };
}

/** Push (time, seq) onto a heap of `size` entries; returns the new size. */
function heapPush(
  times: Float64Array,
  seqs: Float64Array,
  size: number,
  time: number,
  seq: number,
): number {
  let i = size;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (times[parent] <= time) break; // the new entry has the largest seq
    times[i] = times[parent];
    seqs[i] = seqs[parent];
    i = parent;
  }
  times[i] = time;
  seqs[i] = seq;
  return size + 1;
}

/** Remove the root of a heap of `size` > 0 entries; returns the new size. */
function heapPop(times: Float64Array, seqs: Float64Array, size: number): number {
  const last = size - 1;
  const time = times[last];
  const seq = seqs[last];
  const half = last >> 1;
  let i = 0;
  while (i < half) {
    let child = 2 * i + 1;
    let childTime = times[child];
    const right = child + 1;
    if (right < last) {
      const rightTime = times[right];
      if (rightTime < childTime || (rightTime === childTime && seqs[right] < seqs[child])) {
        child = right;
        childTime = rightTime;
      }
    }
    if (childTime > time || (childTime === time && seqs[child] > seq)) break;
    times[i] = childTime;
    seqs[i] = seqs[child];
    i = child;
  }
  times[i] = time;
  seqs[i] = seq;
  return last;
}
