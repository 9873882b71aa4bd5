/**
 * Samplers for {@link DurationSpec}: a scenario's mean and CV turned into the parameters of
 * a d3-random distribution. Invariant: specs are checked when a sampler is made, against
 * {@link MAX_DURATION} and {@link MAX_CV}, and every draw of a checked spec is finite and ≥ 0.
 */
import { randomExponential, randomGamma, randomLogNormal } from 'd3-random';
import { cumulativeWeights, pickIndex, unitScale } from './choice.ts';
import { MAX_CV, MAX_DURATION, type DurationSpec } from './duration-spec.ts';
import type { RandomSource } from './source.ts';

/** Names empirical weights in error messages. */
const EMPIRICAL_WEIGHTS = 'empirical duration: weights';

/** {@link MAX_DURATION} as error messages write it. */
const MAX_DURATION_TEXT = MAX_DURATION.toLocaleString('en-GB');

/**
 * Below this coefficient of variation a gamma duration is drawn as its mean, with no random
 * numbers: 1e-150. Its standard deviation is then under 10⁻¹⁵⁰ of the mean, far below the
 * spacing of doubles (2.2 × 10⁻¹⁶ of the mean), so the mean is what an exact sampler would
 * return after rounding; and d3-random's shape k = 1/cv² would pass 10³⁰⁰, lose precision in
 * its scale mean · cv² (subnormal below cv ≈ 1.5e-154) and, below cv ≈ 7.5e-155, overflow to
 * ∞ and make every draw NaN. At and above it d3-random runs unchanged: with k ≤ 10³⁰⁰ its
 * Marsaglia–Tsang steps stay finite, and seeded draws have mean and CV within their standard
 * errors down to cv 1e-12 (below about 1e-14 the spacing of doubles, not the algorithm,
 * limits the CV any sampler can show).
 */
export const GAMMA_DEGENERATE_CV = 1e-150;

/**
 * A function drawing durations as described by `spec`, from `source` (in the unit of the
 * field holding the spec, usually days).
 *
 * - `fixed`: always `mean` (draws nothing from `source`).
 * - `exponential`: rate `1 / mean`.
 * - `lognormal`: `exp(N(μ, σ²))` with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, so that the
 *   mean and CV are those given ({@link https://en.wikipedia.org/wiki/Log-normal_distribution}).
 *   cv 0 is `fixed`. A tiny cv > 0 gives exp(ln mean), the mean to within a few roundings.
 * - `gamma`: shape k = 1 / cv², scale θ = mean · cv², so mean = kθ and CV = 1/√k
 *   ({@link https://en.wikipedia.org/wiki/Gamma_distribution}). cv below
 *   {@link GAMMA_DEGENERATE_CV} (including 0) is `fixed`, for the reason given there.
 * - `empirical`: one of `values`, with probability proportional to `weights` (equal when
 *   omitted), by one draw and a binary search over the cumulative weights; weights whose
 *   sum overflows are scaled by a power of two first (see `cumulativeWeights`).
 *
 * Every draw is finite and ≥ 0 (tiny means can give 0): with mean ≤ {@link MAX_DURATION} and
 * cv ≤ {@link MAX_CV}, the largest possible draw is below 10³⁰ (d3-random's polar method
 * keeps a normal deviate below about 12 for any source of doubles, 9.3 for a 32-bit one).
 * The number of uniforms used per draw varies (rejection sampling for normal and gamma); a
 * fixed duration uses none.
 * @throws RangeError naming the parameter and its value, for the conditions listed at
 *   {@link meanOf}.
 */
export function durationSampler(spec: DurationSpec, source: RandomSource): () => number {
  checkSpec(spec);
  switch (spec.dist) {
    case 'fixed':
      return constant(spec.mean);
    case 'exponential':
      return randomExponential.source(source)(1 / spec.mean);
    case 'lognormal': {
      if (spec.cv === 0) return constant(spec.mean);
      const sigma2 = Math.log1p(spec.cv * spec.cv);
      const mu = Math.log(spec.mean) - sigma2 / 2;
      return randomLogNormal.source(source)(mu, Math.sqrt(sigma2));
    }
    case 'gamma': {
      if (spec.cv < GAMMA_DEGENERATE_CV) return constant(spec.mean);
      const cv2 = spec.cv * spec.cv;
      return randomGamma.source(source)(1 / cv2, spec.mean * cv2);
    }
    case 'empirical': {
      const values = Float64Array.from(spec.values);
      const cumulative = cumulativeWeights(empiricalWeights(spec), EMPIRICAL_WEIGHTS);
      return () => values[pickIndex(source, cumulative)];
    }
  }
}

/** A sampler that always gives `mean` and draws no random numbers. */
function constant(mean: number): () => number {
  return () => mean;
}

/**
 * The analytic mean of `spec` (same unit as the spec).
 * @throws RangeError when `mean` is not a number in (0, {@link MAX_DURATION}] ([0, …] for
 *   `fixed`); when `cv` is not a number in [0, {@link MAX_CV}]; for `empirical`, when
 *   `values` is empty or has a value that is not a number in [0, {@link MAX_DURATION}], or
 *   `weights` differs in length, has a weight that is negative or not finite, or has no
 *   weight > 0; or when `dist` is unknown.
 */
export function meanOf(spec: DurationSpec): number {
  checkSpec(spec);
  if (spec.dist !== 'empirical') return spec.mean;
  return empiricalMoments(spec).mean;
}

/**
 * The analytic coefficient of variation (sd / mean) of `spec`: 0 for `fixed`, 1 for
 * `exponential`, `cv` for `lognormal` and `gamma`, and computed from the table for
 * `empirical` (0 when all its mass is at a single value, including 0).
 * @throws RangeError for the conditions listed at {@link meanOf}.
 */
export function cvOf(spec: DurationSpec): number {
  checkSpec(spec);
  switch (spec.dist) {
    case 'fixed':
      return 0;
    case 'exponential':
      return 1;
    case 'lognormal':
    case 'gamma':
      return spec.cv;
    case 'empirical': {
      const { mean, variance } = empiricalMoments(spec);
      return mean > 0 ? Math.sqrt(variance) / mean : 0;
    }
  }
}

type EmpiricalSpec = Extract<DurationSpec, { dist: 'empirical' }>;

function empiricalWeights(spec: EmpiricalSpec): readonly number[] {
  return spec.weights ?? spec.values.map(() => 1);
}

/**
 * Weighted mean and (population) variance of an empirical table; assumes a checked spec.
 * The weights are scaled by a power of two (see `unitScale`), which changes no proportion
 * and keeps the sums finite for any finite weights.
 */
function empiricalMoments(spec: EmpiricalSpec): { mean: number; variance: number } {
  const weights = empiricalWeights(spec);
  const scale = unitScale(weights);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i] * scale;
    sum += weights[i] * scale * spec.values[i];
  }
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    squares += weights[i] * scale * (spec.values[i] - mean) ** 2;
  }
  return { mean, variance: squares / total };
}

/** Throws a RangeError naming the first problem in `spec`; see {@link meanOf}. */
function checkSpec(spec: DurationSpec): void {
  switch (spec.dist) {
    case 'fixed':
      checkMean(spec.dist, spec.mean, 0);
      return;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      checkMean(spec.dist, spec.mean, Number.MIN_VALUE);
      if (spec.dist !== 'exponential' && !isNumberIn(spec.cv, 0, MAX_CV)) {
        throw new RangeError(
          `${spec.dist} duration: cv must be ≥ 0 and at most ${MAX_CV}, got ${spec.cv}`,
        );
      }
      return;
    case 'empirical': {
      const { values, weights } = spec;
      if (!Array.isArray(values) || values.length === 0) {
        throw new RangeError('empirical duration: values must have at least one value');
      }
      values.forEach((v, i) => {
        if (!isNumberIn(v, 0, MAX_DURATION)) {
          throw new RangeError(
            `empirical duration: values[${i}] must be ≥ 0 and at most ${MAX_DURATION_TEXT}, ` +
              `got ${v}`,
          );
        }
      });
      if (weights !== undefined && weights.length !== values.length) {
        throw new RangeError(
          `empirical duration: weights must have the same length as values ` +
            `(${values.length}), got ${weights.length}`,
        );
      }
      cumulativeWeights(empiricalWeights(spec), EMPIRICAL_WEIGHTS);
      return;
    }
    default:
      throw new RangeError(
        `unknown duration distribution '${(spec as { dist: unknown }).dist}'; ` +
          `expected fixed, exponential, lognormal, gamma or empirical`,
      );
  }
}

/** Whether `x` is a number in [min, max] (false for NaN and for anything not a number). */
function isNumberIn(x: unknown, min: number, max: number): boolean {
  return typeof x === 'number' && x >= min && x <= max;
}

/** Checks a mean: a number in [min, MAX_DURATION], `min` 0 or the smallest positive double. */
function checkMean(dist: string, mean: number, min: number): void {
  if (!isNumberIn(mean, min, MAX_DURATION)) {
    throw new RangeError(
      `${dist} duration: mean must be ${min === 0 ? '≥ 0' : '> 0'} and at most ` +
        `${MAX_DURATION_TEXT}, got ${mean}`,
    );
  }
}

/**
 * The length-biased version of `spec`: the distribution of the whole stay of someone found
 * in a place at a random moment (longer stays are more likely to be found), density
 * s·f(s)/E[S]. A residual stay U × (a length-biased stay), U uniform, is then the
 * stationary remaining time: what initial occupants should get.
 * Lognormal stays keep their CV and their mean grows by (1 + cv²); gamma(k, θ) becomes
 * gamma(k + 1, θ); exponential becomes gamma(2); a table reweights each value by itself
 * (and is `fixed` 0 when all its weight is on 0, the limit of stays that are all 0).
 * See https://en.wikipedia.org/wiki/Length_time_bias and the inspection paradox.
 * @throws RangeError for the conditions listed at {@link meanOf}, and when the length-biased
 *   mean, mean × (1 + cv²), is above {@link MAX_DURATION}: checked here, where the stay is
 *   named, rather than when the result is sampled.
 */
export function lengthBiased(spec: DurationSpec): DurationSpec {
  checkSpec(spec);
  switch (spec.dist) {
    case 'fixed':
      return spec;
    case 'exponential':
      checkBiasedMean(spec.dist, 2 * spec.mean, '2 × mean', `2 × ${spec.mean}`);
      return { dist: 'gamma', mean: 2 * spec.mean, cv: Math.SQRT1_2 };
    case 'lognormal': {
      const mean = spec.mean * (1 + spec.cv ** 2);
      checkBiasedMean(spec.dist, mean, 'mean × (1 + cv²)', `${spec.mean} × (1 + ${spec.cv}²)`);
      return { dist: 'lognormal', mean, cv: spec.cv };
    }
    case 'gamma': {
      // cv 0 gives k = ∞ and a biased cv of 0: fixed, as it should.
      const k = 1 / spec.cv ** 2;
      const mean = spec.mean * (1 + spec.cv ** 2);
      checkBiasedMean(spec.dist, mean, 'mean × (1 + cv²)', `${spec.mean} × (1 + ${spec.cv}²)`);
      return { dist: 'gamma', mean, cv: 1 / Math.sqrt(k + 1) };
    }
    case 'empirical': {
      const w = empiricalWeights(spec);
      let weights = spec.values.map((v, i) => v * w[i]);
      if (sum(weights) === Infinity) {
        // Huge weights: scaled by a power of two first, which keeps every proportion.
        const scale = unitScale(w);
        weights = spec.values.map((v, i) => v * (w[i] * scale));
      }
      if (sum(weights) === 0) return { dist: 'fixed', mean: 0 };
      return { dist: 'empirical', values: spec.values, weights };
    }
  }
}

function checkBiasedMean(dist: string, mean: number, formula: string, values: string): void {
  if (!(mean <= MAX_DURATION)) {
    throw new RangeError(
      `${dist} duration: ${formula}, the mean of a stay in progress, must be at most ` +
        `${MAX_DURATION_TEXT}, got ${values}`,
    );
  }
}

function sum(xs: readonly number[]): number {
  let total = 0;
  for (const x of xs) total += x;
  return total;
}
