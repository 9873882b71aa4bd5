/**
 * What both engines share: the clock, the count of fired events, the argument checks of
 * at/after/run, and the guard against run() from inside an action. Each engine supplies
 * its agenda: how to schedule an event, fire events up to a time, and cancel one.
 */
import type { Action, Engine, EventHandle } from './engine.ts';
import { checkUntil, timeAfter, timeAt } from './checks.ts';

/** An action as an engine stores it: the subject it was scheduled with is kept beside it. */
export type StoredAction = Action<never>;

export abstract class EngineBase implements Engine {
  /** Current time (days): the time of the event firing, or the last `until`. */
  protected clock = 0;
  /** Events fired so far. */
  protected fired = 0;
  private running = false;

  /** Current simulation time (days). */
  get now(): number {
    return this.clock;
  }

  /** Events fired so far; cancelled events are not counted. */
  get eventsProcessed(): number {
    return this.fired;
  }

  /**
   * Schedule `action` at absolute `time` (days).
   * @throws RangeError when `time` is before `now`, NaN or infinite.
   */
  at(time: number, action: Action): EventHandle;
  at<S>(time: number, action: Action<S>, subject: S): EventHandle;
  at(time: number, action: StoredAction, subject?: unknown): EventHandle {
    return this.schedule(timeAt(this.clock, time), action, subject);
  }

  /**
   * Schedule `action` at `now + delay` (days).
   * @throws RangeError when `delay` is negative, NaN or infinite, or `now + delay` overflows.
   */
  after(delay: number, action: Action): EventHandle;
  after<S>(delay: number, action: Action<S>, subject: S): EventHandle;
  after(delay: number, action: StoredAction, subject?: unknown): EventHandle {
    return this.schedule(timeAfter(this.clock, delay), action, subject);
  }

  /**
   * Fire every event with time ≤ `until` (days), including events that actions schedule
   * within that horizon, then set `now` to `until`. If an action throws, the error propagates
   * with `now` at that event's time, and a later `run` resumes after it.
   * @throws RangeError when `until` is before `now`, NaN or infinite.
   * @throws Error when called from inside an action.
   */
  run(until: number): void {
    checkUntil(this.clock, until);
    if (this.running) throw new Error('run() called from inside an action');
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

  /** Put an event with a checked `time` (days) on the agenda; returns its handle. */
  protected abstract schedule(time: number, action: StoredAction, subject: unknown): EventHandle;

  /** Fire events in order up to and including `until` (days), setting the clock to each. */
  protected abstract fireUntil(until: number): void;
}
