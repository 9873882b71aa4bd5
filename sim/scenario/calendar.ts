/**
 * The simulation calendar: time in days, 365-day years, fixed month lengths.
 * Model time 0 is the start of warm-up; calendar day 0 is 1 January of the start year.
 */

/** Days in a simulated year. */
export const DAYS_PER_YEAR = 365;

/** First day (0-based, within a 365-day year) of each month. */
export const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const;

/**
 * Calendar day (days since 1 January of `startYear`) of a step-function key such as
 * "2027" or "2024-07".
 */
export function keyToCalendarDay(key: string, startYear: number): number {
  const year = Number(key.slice(0, 4));
  const month = key.length > 4 ? Number(key.slice(5, 7)) : 1;
  return (year - startYear) * DAYS_PER_YEAR + MONTH_START_DAY[month - 1];
}

/**
 * Model time (days) of 1 January of the start year, where the reported period begins: the
 * model's clock starts at the beginning of the warm-up.
 */
export function reportStartOf(s: { warmupYears: number }): number {
  return s.warmupYears * DAYS_PER_YEAR;
}
