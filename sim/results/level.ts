/**
 * A level that changes at event times (occupancy, a queue length), integrated over time
 * into per-week and per-year totals for the reported period. Occupancy is a level: it is
 * averaged by time, never sampled at event times.
 */
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';

/** Days in a reporting week. */
export const DAYS_PER_WEEK = 7;

export class Level {
  /** Current value. */
  value = 0;
  private last = 0;
  /** Integral of the value over each reported week (value × days). */
  readonly weekly: Float64Array;
  /** Integral of the value over each reported year (value × days). */
  readonly yearly: Float64Array;

  /**
   * @param reportStart model time (days) where the reported period begins
   * @param years number of reported years
   */
  constructor(
    private readonly reportStart: number,
    years: number,
  ) {
    this.yearly = new Float64Array(years);
    this.weekly = new Float64Array(Math.ceil((years * DAYS_PER_YEAR) / DAYS_PER_WEEK));
  }

  /** Back to 0 with nothing integrated, for the next replication. */
  reset(): void {
    this.value = 0;
    this.last = 0;
    this.weekly.fill(0);
    this.yearly.fill(0);
  }

  /** Adds `delta` to the level at model time `t` (days). */
  add(t: number, delta: number): void {
    this.advance(t);
    this.value += delta;
  }

  /** Integrates the current value up to model time `t` (days). */
  advance(t: number): void {
    const value = this.value;
    if (value !== 0 && t > this.reportStart) {
      let from = Math.max(this.last, this.reportStart) - this.reportStart;
      const to = t - this.reportStart;
      while (from < to) {
        const week = Math.floor(from / DAYS_PER_WEEK);
        const year = Math.floor(from / DAYS_PER_YEAR);
        const end = Math.min(to, (week + 1) * DAYS_PER_WEEK, (year + 1) * DAYS_PER_YEAR);
        const area = value * (end - from);
        this.weekly[week] += area;
        this.yearly[year] += area;
        from = end;
      }
    }
    this.last = t;
  }
}
