/**
 * The argument checks both engines share, so they reject exactly the same calls with the
 * same messages. Small enough for the JIT to inline into the hot path.
 */

/** Kinds and subjects are integers below this (they are stored in Int32Arrays). */
const EVENT_FIELD_LIMIT = 2 ** 31;

/**
 * The event time for `at(time)`: `time` itself (−0 as 0).
 * @throws RangeError when `time` is before `now`, NaN or infinite.
 */
export function timeAt(now: number, time: number): number {
  if (!(time >= now && time < Infinity)) {
    throw new RangeError(`at(${time}): time must be finite and not before now (${now})`);
  }
  return time + 0;
}

/**
 * The event time for `after(delay)`: `now + delay`.
 * @throws RangeError when `delay` is negative, NaN or infinite, or `now + delay` overflows.
 */
export function timeAfter(now: number, delay: number): number {
  const time = now + delay;
  if (!(delay >= 0 && time < Infinity)) {
    throw new RangeError(`after(${delay}): delay must be finite and not negative`);
  }
  return time;
}

/**
 * Checks an event's kind and subject.
 * @throws RangeError when either is not an integer in [0, 2³¹).
 */
export function checkEvent(kind: number, subject: number): void {
  if (!(kind >= 0 && kind < EVENT_FIELD_LIMIT && kind === Math.floor(kind))) {
    throw new RangeError(`event kind must be an integer in [0, 2^31), got ${kind}`);
  }
  if (!(subject >= 0 && subject < EVENT_FIELD_LIMIT && subject === Math.floor(subject))) {
    throw new RangeError(`event subject must be an integer in [0, 2^31), got ${subject}`);
  }
}

/**
 * Checks a `run(until)` call.
 * @throws RangeError when `until` is before `now`, NaN or infinite.
 */
export function checkUntil(now: number, until: number): void {
  if (!(until >= now && until < Infinity)) {
    throw new RangeError(`run(${until}): until must be finite and not before now (${now})`);
  }
}
