/**
 * Statistics across replications: mean with a Student-t 95% interval, percentiles, and
 * the Wilson interval for a probability. NaN values ("did not happen") are left out and
 * counted in `n` only when present. Under input uncertainty, replications come in groups
 * that share one draw of the uncertain parameters (replication i in group
 * floor(i / groupSize)); the intervals then rest on the groups, not on the replications.
 */
import { quantileSorted } from 'd3-array';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/** A figure across replications. */
export interface Estimate {
  mean: number;
  /**
   * 95% confidence interval of the mean (Student t; NaN with fewer than 2 values, or under
   * input uncertainty with fewer than 2 groups holding a value).
   */
  ci95: [number, number];
  /** Percentiles across replications (the spread of outcomes, not of the mean). */
  p5: number;
  p50: number;
  p95: number;
  /** Number of replications with a value (not NaN). */
  n: number;
}

/** The 97.5% quantile of the standard normal distribution. */
const Z95 = 1.959963984540054;

/**
 * Half-width of the 95% Student-t interval of a mean from `n` values with standard
 * deviation `sd`: t(0.975, n − 1) · sd / √n. See https://en.wikipedia.org/wiki/Student%27s_t-distribution#Confidence_intervals
 */
export function tHalfWidth(sd: number, n: number): number {
  return n < 2 ? NaN : tQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
}

/** @throws RangeError unless `groupSize` is a whole number ≥ 1. */
function checkGroupSize(groupSize: number): void {
  if (!Number.isInteger(groupSize) || groupSize < 1) {
    throw new RangeError(`group size must be a whole number ≥ 1 (got ${groupSize})`);
  }
}

/** One draw of the uncertain parameters: its replications [start, end) and their values. */
export interface Draw {
  start: number;
  end: number;
  /** Sum and count of the values that are not NaN. */
  sum: number;
  count: number;
}

/**
 * The draws of `values` (replication i in draw floor(i / groupSize)) that hold at least one
 * value; a last draw cut short by the replication count holds the values it has.
 * @throws RangeError unless `groupSize` is a whole number ≥ 1.
 */
export function drawsOf(values: ArrayLike<number>, groupSize: number): Draw[] {
  checkGroupSize(groupSize);
  const draws: Draw[] = [];
  for (let start = 0; start < values.length; start += groupSize) {
    const end = Math.min(values.length, start + groupSize);
    let sum = 0;
    let count = 0;
    for (let i = start; i < end; i++) {
      if (Number.isNaN(values[i])) continue;
      sum += values[i];
      count++;
    }
    if (count > 0) draws.push({ start, end, sum, count });
  }
  return draws;
}

/** The variance of a mean over groups of replications, and how many groups it rests on. */
export interface GroupedVariance {
  /** Estimated variance of the mean (squared unit of the values). */
  variance: number;
  /** Groups with at least one value (not NaN); NaN variance with fewer than 2. */
  groups: number;
}

/**
 * Cluster-robust (CR1) variance of the mean `mean` of the non-NaN `values`, replication i in
 * group floor(i / groupSize): G/(G − 1) · Σ_g (S_g − n_g · mean)² / n², with S_g and n_g the
 * sum and count of the values of group g, G the groups holding a value and n all values.
 * With equal groups and no NaN this is exactly s²/G of the G group means, so the interval
 * t(0.975, G − 1) · √variance is the Student-t interval over the group means; a group with
 * NaN values, or a last group cut short by the replication count, simply counts with the
 * values it has (the ratio form weighs each group by its count).
 * See Cameron & Miller (2015), A Practitioner's Guide to Cluster-Robust Inference, §II.C and
 * §VI (G − 1 degrees of freedom): https://doi.org/10.3368/jhr.50.2.317
 */
export function groupedMeanVariance(
  values: ArrayLike<number>,
  groupSize: number,
  mean: number,
): GroupedVariance {
  const draws = drawsOf(values, groupSize);
  const groups = draws.length;
  let n = 0;
  let ss = 0;
  for (const { sum, count } of draws) {
    n += count;
    const deviation = sum - count * mean;
    ss += deviation * deviation;
  }
  return { variance: groups < 2 ? NaN : ((groups / (groups - 1)) * ss) / (n * n), groups };
}

/** Half-width of the 95% interval of a mean with a grouped variance: t(0.975, G − 1) · √variance. */
export function groupedHalfWidth(v: GroupedVariance): number {
  return v.groups < 2 ? NaN : tQuantile(0.975, v.groups - 1) * Math.sqrt(v.variance);
}

/**
 * Mean, 95% CI and percentiles of the non-NaN `values`, summed in the given order.
 * @param groupSize replications per draw of the uncertain parameters (1: every replication
 *   independent). With more than 1, the interval is the cluster-robust one of
 *   {@link groupedMeanVariance} (t with groups − 1 degrees of freedom); the mean and the
 *   percentiles stay those of all values, the percentiles being the spread of outcomes.
 * @throws RangeError unless `groupSize` is a whole number ≥ 1.
 */
export function estimate(values: ArrayLike<number>, groupSize = 1): Estimate {
  checkGroupSize(groupSize);
  const finite: number[] = [];
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) finite.push(values[i]);
  const n = finite.length;
  if (n === 0) return { mean: NaN, ci95: [NaN, NaN], p5: NaN, p50: NaN, p95: NaN, n };
  let sum = 0;
  for (const v of finite) sum += v;
  const mean = sum / n;
  let half: number;
  if (groupSize > 1) {
    half = groupedHalfWidth(groupedMeanVariance(values, groupSize, mean));
  } else {
    let ss = 0;
    for (const v of finite) ss += (v - mean) * (v - mean);
    half = tHalfWidth(Math.sqrt(ss / (n - 1)), n);
  }
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

/** Wilson score 95% interval of a proportion `p` from `n` (possibly effective) trials, n > 0. */
function wilsonInterval(p: number, n: number): [number, number] {
  const z = Z95;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [p === 0 ? 0 : centre - half, p === 1 ? 1 : centre + half];
}

/**
 * Wilson score 95% interval for a probability from `successes` of `n` trials; better than
 * the normal interval near 0 and 1. See https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Wilson_score_interval
 */
export function wilson95(successes: number, n: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  return wilsonInterval(successes / n, n);
}

/**
 * Wilson 95% interval for a probability from 0/1 `outcomes` (NaN left out) that come in
 * groups, replication i in group floor(i / groupSize): the Wilson interval with the
 * effective sample size n_eff = p(1 − p) / Var(p̂), Var(p̂) the cluster-robust variance of
 * {@link groupedMeanVariance}, and n_eff scaled by (z / t(0.975, G − 1))² for the G − 1
 * degrees of freedom the variance rests on. n_eff is kept in [G, n], the bounds the design
 * itself sets (replications within a draw are never negatively correlated, and a group is
 * worth at least one independent trial); when every outcome is equal (p̂ = 0 or 1), Var(p̂)
 * says nothing and n_eff = G, the most cautious value. NaN with fewer than 2 groups.
 * With `groupSize` 1 it is {@link wilson95} of the successes.
 * See Franco, Little, Louis & Slud (2019), Comparative study of confidence intervals for
 * proportions in complex sample surveys, §2 (Wilson with effective sample size, and the
 * degrees-of-freedom adjustment of Korn & Graubard): https://pmc.ncbi.nlm.nih.gov/articles/PMC6690503
 * @throws RangeError unless `groupSize` is a whole number ≥ 1.
 */
export function groupedWilson95(outcomes: ArrayLike<number>, groupSize: number): [number, number] {
  checkGroupSize(groupSize);
  let successes = 0;
  let n = 0;
  for (let i = 0; i < outcomes.length; i++) {
    if (Number.isNaN(outcomes[i])) continue;
    successes += outcomes[i];
    n++;
  }
  if (groupSize === 1) return wilson95(successes, n);
  if (n === 0) return [NaN, NaN];
  const p = successes / n;
  const v = groupedMeanVariance(outcomes, groupSize, p);
  if (v.groups < 2) return [NaN, NaN];
  const design = p === 0 || p === 1 ? v.groups : (p * (1 - p)) / v.variance;
  const t = tQuantile(0.975, v.groups - 1);
  const effective = Math.min(n, Math.max(v.groups, design)) * (Z95 / t) ** 2;
  return wilsonInterval(p, effective);
}
