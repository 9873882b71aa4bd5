/**
 * The small engine interface the model talks to. Time is in days. An event is two small
 * integers, its kind and its subject (a person's row, a facility's index…), chosen by the
 * model and handed back to the model's one {@link EventHandler} when the event fires: no
 * closure per event, nothing for the garbage collector.
 * Invariant: events run in order of time, and events at the same time run in the
 * order they were scheduled — never by chance.
 */

/** Opaque handle of a scheduled event, for {@link Engine.cancel}. */
export type EventHandle = number;

/**
 * Called when an event fires, with the kind and subject it was scheduled with (integers
 * in [0, 2³¹)); `engine.now` is then the event's time.
 */
export type EventHandler = (kind: number, subject: number) => void;

/** A discrete-event engine: a clock and an agenda of future (kind, subject) events. */
export interface Engine {
  /** Current simulation time (days). Starts at 0. */
  readonly now: number;
  /** Number of events fired so far (cancelled events are not counted). */
  readonly eventsProcessed: number;
  /** Events scheduled and neither fired nor cancelled. */
  readonly pending: number;
  /**
   * Schedule event (`kind`, `subject`) at absolute `time` (days).
   * @throws RangeError when `time` is before `now` or not a finite number, or when `kind`
   *   or `subject` is not an integer in [0, 2³¹).
   */
  at(time: number, kind: number, subject: number): EventHandle;
  /**
   * Schedule event (`kind`, `subject`) after `delay` days (`now + delay`).
   * @throws RangeError when `delay` is negative or not a finite number; as {@link at}.
   */
  after(delay: number, kind: number, subject: number): EventHandle;
  /** Cancel a scheduled event. Returns false if it already ran or was cancelled. */
  cancel(handle: EventHandle): boolean;
  /**
   * Run every event with time ≤ `until` (days), then set `now` to `until`.
   * Resumable: a later `run(until2)` continues where this one stopped, losing nothing.
   * An error thrown by the handler propagates, with `now` at that event's time.
   * @throws RangeError when `until` is before `now` or not a finite number.
   */
  run(until: number): void;
}

/** Which implementation: the typed binary-heap kernel (default) or the simjs wrapper. */
export type EngineKind = 'fast' | 'simjs';
