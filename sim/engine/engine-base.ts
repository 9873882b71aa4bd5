/**
 * What both engines share: the clock, the count of fired events, the handler, the argument
 * checks of at/after/run, and the guard against run() from inside the handler. Each engine
 * supplies its agenda: how to schedule an event, fire events up to a time, and cancel one.
 */
import type { Engine, EventHandle, EventHandler } from './engine.ts';
import { checkEvent, checkUntil, timeAfter, timeAt } from './checks.ts';

export abstract class EngineBase implements Engine {
  /** Current time (days): the time of the event firing, or the last `until`. */
  protected clock = 0;
  /** Events fired so far. */
  protected fired = 0;
  private running = false;

  /** @param handler called with (kind, subject) of each event as it fires */
  constructor(protected readonly handler: EventHandler) {}

  /** Current simulation time (days). */
  get now(): number {
    return this.clock;
  }

  /** Events fired so far; cancelled events are not counted. */
  get eventsProcessed(): number {
    return this.fired;
  }

  /** Events scheduled and neither fired nor cancelled. */
  abstract get pending(): number;

  /**
   * Schedule event (`kind`, `subject`) at absolute `time` (days).
   * @throws RangeError when `time` is before `now`, NaN or infinite, or for a kind or
   *   subject that is not an integer in [0, 2³¹).
   */
  at(time: number, kind: number, subject: number): EventHandle {
    checkEvent(kind, subject);
    return this.schedule(timeAt(this.clock, time), kind, subject);
  }

  /**
   * Schedule event (`kind`, `subject`) at `now + delay` (days).
   * @throws RangeError when `delay` is negative, NaN or infinite, or `now + delay` overflows;
   *   as {@link at} for kind and subject.
   */
  after(delay: number, kind: number, subject: number): EventHandle {
    checkEvent(kind, subject);
    return this.schedule(timeAfter(this.clock, delay), kind, subject);
  }

  /**
   * Fire every event with time ≤ `until` (days), including events that the handler
   * schedules within that horizon, then set `now` to `until`. If the handler throws, the
   * error propagates with `now` at that event's time, and a later `run` resumes after it.
   * @throws RangeError when `until` is before `now`, NaN or infinite.
   * @throws Error when called from inside the handler.
   */
  run(until: number): void {
    checkUntil(this.clock, until);
    if (this.running) throw new Error('run() called from inside an event');
    this.running = true;
    try {
      this.fireUntil(until);
      this.clock = until;
    } finally {
      this.running = false;
    }
  }

  /** Cancel a scheduled event. Returns false if it already ran, was cancelled, or is unknown. */
  abstract cancel(handle: EventHandle): boolean;

  /** Put a checked event at a checked `time` (days) on the agenda; returns its handle. */
  protected abstract schedule(time: number, kind: number, subject: number): EventHandle;

  /** Fire events in order up to and including `until` (days), setting the clock to each. */
  protected abstract fireUntil(until: number): void;
}
