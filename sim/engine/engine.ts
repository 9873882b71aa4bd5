/**
 * The small engine interface the model talks to (DESIGN §6). Time is in days.
 * Invariant: events run in order of time, and events at the same time run in the
 * order they were scheduled — never by chance.
 */

/** Opaque handle of a scheduled event, for {@link Engine.cancel}. */
export type EventHandle = number;

/**
 * An action run when its event fires. It is called with the subject it was scheduled
 * with, so one action (a method, made once) can serve every person instead of a new
 * closure per event.
 */
export type Action<S = void> = (subject: S) => void;

/** A discrete-event engine: a clock and an agenda of future actions. */
export interface Engine {
  /** Current simulation time (days). Starts at 0. */
  readonly now: number;
  /** Number of events fired so far (cancelled events are not counted). */
  readonly eventsProcessed: number;
  /**
   * Schedule `action` at absolute `time` (days).
   * @throws RangeError when `time` is before `now` or not a finite number.
   */
  at(time: number, action: Action): EventHandle;
  /** Schedule `action(subject)` at absolute `time` (days); otherwise as {@link at}. */
  at<S>(time: number, action: Action<S>, subject: S): EventHandle;
  /**
   * Schedule `action` after `delay` days (`now + delay`).
   * @throws RangeError when `delay` is negative or not a finite number.
   */
  after(delay: number, action: Action): EventHandle;
  /** Schedule `action(subject)` after `delay` days; otherwise as {@link after}. */
  after<S>(delay: number, action: Action<S>, subject: S): EventHandle;
  /** Cancel a scheduled event. Returns false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean;
  /**
   * Run every event with time ≤ `until` (days), then set `now` to `until`.
   * Resumable: a later `run(until2)` continues where this one stopped, losing nothing.
   * An error thrown by an action propagates, with `now` at that event's time.
   * @throws RangeError when `until` is before `now` or not a finite number.
   */
  run(until: number): void;
}

/** Which implementation: the typed binary-heap kernel (default) or the simjs wrapper. */
export type EngineKind = 'fast' | 'simjs';
