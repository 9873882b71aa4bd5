/**
 * Statistics across replications: mean with a Student-t 95% interval, percentiles, and
 * the Wilson interval for a probability. NaN values ("did not happen") are left out and
 * counted in `n` only when present.
 */
import { quantileSorted } from 'd3-array';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** A figure across replications. */
export interface Estimate {
  mean: number;
  /** 95% confidence interval of the mean (Student t; NaN with fewer than 2 values). */
  ci95: [number, number];
  /** Percentiles across replications (the spread of outcomes, not of the mean). */
  p5: number;
  p50: number;
  p95: number;
  /** Number of replications with a value (not NaN). */
  n: number;
}

/**
 * Half-width of the 95% Student-t interval of a mean from `n` values with standard
 * deviation `sd`: t(0.975, n − 1) · sd / √n. See https://en.wikipedia.org/wiki/Student%27s_t-distribution#Confidence_intervals
 */
export function tHalfWidth(sd: number, n: number): number {
  return n < 2 ? NaN : tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
}

/** Mean, 95% CI and percentiles of the non-NaN `values`, summed in the given order. */
export function estimate(values: ArrayLike<number>): Estimate {
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) finite.push(values[i]);
  const n = finite.length;
  if (n === 0) return { mean: NaN, ci95: [NaN, NaN], p5: NaN, p50: NaN, p95: NaN, n };
  let sum = 0;
  for (const v of finite) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of finite) ss += (v - mean) * (v - mean);
  const half = tHalfWidth(Math.sqrt(ss / (n - 1)), n);
  finite.sort((a, b) => a - b);
  return {
    mean,
    ci95: [mean - half, mean + half],
    p5: quantileSorted(finite, 0.05)!,
    p50: quantileSorted(finite, 0.5)!,
    p95: quantileSorted(finite, 0.95)!,
    n,
  };
}

/**
 * Wilson score 95% interval for a probability from `successes` of `n` trials; better than
 * the normal interval near 0 and 1. See https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval
 */
export function wilson95(successes: number, n: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  const z = 1.959963984540054;
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [successes === 0 ? 0 : centre - half, successes === n ? 1 : centre + half];
}
