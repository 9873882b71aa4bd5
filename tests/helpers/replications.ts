// Statistics across replications for seeded statistical tests: every tolerance is a multiple
// of the standard error computed from the replications themselves, never a fixed number.
import { DAYS_PER_YEAR } from '../../sim/scenario/calendar.ts';

/**
 * How many standard errors a statistical test allows. Under a normal sampling distribution
 * a correct model lands outside ±4·SE with probability 6·10⁻⁵; since every test is seeded,
 * the outcome is fixed anyway, and the bound only has to be wide enough to be honest.
 */
export const SE_MULTIPLE = 4;

/** Mean and standard error of the mean (sample sd / √n) of `values`. */
export function meanAndSe(values: readonly number[]): { mean: number; se: number; n: number } {
  const n = values.length;
  if (n < 2) throw new RangeError(`need at least 2 values for a standard error, got ${n}`);
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return { mean, se: Math.sqrt(ss / (n - 1) / n), n };
}

/** Sum of a column (all reported years). */
export function total(column: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < column.length; i++) sum += column[i];
  return sum;
}

/**
 * Time average over the whole reported period of a weekly series (each entry the week's
 * time-average; the last week may be shorter than 7 days): Σ value·length / Σ length.
 */
export function weeklyTimeAverage(series: ArrayLike<number>, years: number): number {
  const days = years * DAYS_PER_YEAR;
  const weeks = series.length;
  const lastWeekDays = days - (weeks - 1) * 7;
  let area = 0;
  for (let w = 0; w < weeks; w++) area += series[w] * (w === weeks - 1 ? lastWeekDays : 7);
  return area / days;
}

/** Time average over the reported period of a yearly `occupancy:<id>` column (mean of years). */
export function yearlyTimeAverage(column: ArrayLike<number>): number {
  return total(column) / column.length;
}
