/**
 * How a scenario describes a random duration (a length of stay, a delay): by its mean
 * and coefficient of variation, which is what data owners can give, or as a table.
 * Units are those of the field that holds it (days unless the field says otherwise).
 */
export type DurationSpec =
  /** Always `mean`. */
  | { dist: 'fixed'; mean: number }
  /** Exponential with this mean (CV is 1 by definition). */
  | { dist: 'exponential'; mean: number }
  /** Lognormal with this mean and coefficient of variation (sd / mean). */
  | { dist: 'lognormal'; mean: number; cv: number }
  /** Gamma with this mean and coefficient of variation (sd / mean). */
  | { dist: 'gamma'; mean: number; cv: number }
  /**
   * Empirical table: one of `values`, drawn with probability proportional to `weights`
   * (equal weights when omitted).
   */
  | { dist: 'empirical'; values: number[]; weights?: number[] };
