/**
 * Event times of a process whose rate is constant within each calendar month, by
 * inversion of the cumulative rate: one unit-exponential draw per event (Poisson), or a
 * fixed unit (evenly spaced). Because draws do not depend on the rates, changing a rate
 * moves events but never shifts the random stream (common random numbers).
 */
import { DAYS_PER_YEAR, MONTH_START_DAY } from '../scenario/calendar.ts';

/** Rate (events per day) in month `monthIndex` (0 = first month of warm-up). */
export type MonthlyRate = (monthIndex: number) => number;

/** Model time (days) at which month `monthIndex` (since warm-up start) begins. */
export function monthStart(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return year * DAYS_PER_YEAR + MONTH_START_DAY[monthIndex - year * 12];
}

/** Month (0–11) of each whole day (0–364) of a year. */
const MONTH_OF_DAY = Uint8Array.from({ length: DAYS_PER_YEAR }, (_, day) => {
  let m = 11;
  while (MONTH_START_DAY[m] > day) m--;
  return m;
});

/** Index of the month containing model time `t`. */
export function monthIndexAt(t: number): number {
  const year = Math.floor(t / DAYS_PER_YEAR);
  const day = Math.floor(t - year * DAYS_PER_YEAR);
  // Rounding can leave `day` just below 0 (t a hair below a year's start): the last month before.
  return year * 12 + (day < 0 ? -1 : MONTH_OF_DAY[day]);
}

/**
 * The time after `t` (days) at which the integral of the rate from `t` reaches `amount`
 * (≥ 0), or Infinity if that does not happen before `horizon` (days).
 */
export function advanceByIntegral(
  t: number,
  amount: number,
  rate: MonthlyRate,
  horizon: number,
): number {
  let m = monthIndexAt(t);
  let from = t;
  let left = amount;
  while (from < horizon) {
    const end = monthStart(m + 1);
    const r = rate(m);
    if (r > 0) {
      const needed = left / r;
      if (from + needed < end) return from + needed;
      left -= (end - from) * r;
    }
    from = end;
    m++;
  }
  return Infinity;
}
