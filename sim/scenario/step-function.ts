/**
 * Per-year (or per-month) step functions, compiled once for fast look-up by calendar day.
 * Invariant: the value at day d is that of the latest key ≤ d; warm-up (d < 0) uses day 0.
 */
import type { StepFunction } from './schema.ts';
import { keyToCalendarDay } from './calendar.ts';

/** A step function ready for look-up by calendar day. */
export class Steps<T> {
  /** Calendar days at which each value starts, ascending. */
  readonly days: readonly number[];
  readonly values: readonly T[];

  constructor(fn: StepFunction<T>, startYear: number) {
    const entries = Object.entries(fn)
      .map(([key, value]) => ({ day: keyToCalendarDay(key, startYear), value }))
      .sort((a, b) => a.day - b.day);
    this.days = entries.map((e) => e.day);
    this.values = entries.map((e) => e.value);
  }

  /** Value in force on `calendarDay` (days since 1 January of the start year). */
  at(calendarDay: number): T {
    const d = calendarDay < 0 ? 0 : calendarDay;
    let i = 0;
    while (i + 1 < this.days.length && this.days[i + 1] <= d) i++;
    return this.values[i];
  }

  /** Calendar days > 0 at which the value changes (for scheduling capacity steps). */
  changeDays(): number[] {
    return this.days.filter((d) => d > 0);
  }
}
