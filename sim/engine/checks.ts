/**
 * The argument checks both engines share, so they reject exactly the same calls with the
 * same messages. Small enough for the JIT to inline into the hot path.
 */

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
 * Checks a `run(until)` call.
 * @throws RangeError when `until` is before `now`, NaN or infinite.
 */
export function checkUntil(now: number, until: number): void {
  if (!(until >= now && until < Infinity)) {
    throw new RangeError(`run(${until}): until must be finite and not before now (${now})`);
  }
}
