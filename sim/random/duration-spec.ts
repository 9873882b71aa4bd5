/**
 * How a scenario describes a random duration (a length of stay, a delay): by its mean
 * and coefficient of variation, which is what data owners can give, or as a table.
 * Units are those of the field that holds it (days unless the field says otherwise).
 * The limits below are what the samplers accept; a scenario's schema must lie within them.
 */
export type DurationSpec =
  /** Always `mean`. */
  | { dist: 'fixed'; mean: number }
  /** Exponential with this mean (CV is 1 by definition). */
  | { dist: 'exponential'; mean: number }
  /** Lognormal with this mean and coefficient of variation (sd / mean); cv 0 is fixed. */
  | { dist: 'lognormal'; mean: number; cv: number }
  /** Gamma with this mean and coefficient of variation (sd / mean); cv 0 is fixed. */
  | { dist: 'gamma'; mean: number; cv: number }
  /**
   * Empirical table: one of `values`, drawn with probability proportional to `weights`
   * (equal weights when omitted).
   */
  | { dist: 'empirical'; values: number[]; weights?: number[] };

/**
 * Largest mean, and largest table value, a sampler accepts (in the spec's unit): 10¹⁵.
 * Far above any real duration in any unit (100 years is 36,500 days), and small enough that
 * every draw, the length-biased stay (mean × (1 + cv²), which has a check of its own), and
 * sums and squares of millions of draws stay finite with hundreds of orders of magnitude to
 * spare. The lower end is any mean > 0 (≥ 0 for `fixed` and table values): tiny means give
 * tiny or zero draws, never NaN.
 */
export const MAX_DURATION = 1e15;

/**
 * Largest coefficient of variation a lognormal or gamma sampler accepts: 100, ten times the
 * largest a scenario may give. The smallest is 0, a fixed duration. Within [0, 100]
 * gamma's shape 1/cv² is ≥ 10⁻⁴ and its scale mean · cv² ≤ 10¹⁹, far from where the scale
 * overflows and a draw becomes NaN (cv ≈ 10¹⁴⁵ at the largest mean), or cv² itself does
 * (cv > 1.3e154, which broke the lognormal).
 */
export const MAX_CV = 100;
