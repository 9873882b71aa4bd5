/**
 * Samplers for {@link DurationSpec}: a scenario's mean and CV turned into the parameters of
 * a distribution, drawn by the exact methods below. Invariant: specs are checked when a
 * sampler is made, against {@link MAX_DURATION} and {@link MAX_CV}, and every draw of a
 * checked spec is finite and ≥ 0.
 */
import { cumulativeWeights, pickIndex, unitScale } from './choice.ts';
import { MAX_CV, MAX_DURATION, type DurationSpec } from './duration-spec.ts';
import { normalSampler } from './normal.ts';
import type { RandomSource } from './source.ts';

/** Names empirical weights in error messages. */
const EMPIRICAL_WEIGHTS = 'empirical duration: weights';

/** {@link MAX_DURATION} as error messages write it. */
const MAX_DURATION_TEXT = MAX_DURATION.toLocaleString('en-GB');

/**
 * Below this coefficient of variation a gamma duration is drawn as its mean, with no random
 * numbers: 1e-150. Its standard deviation is then under 10⁻¹⁵⁰ of the mean, far below the
 * spacing of doubles (2.2 × 10⁻¹⁶ of the mean), so the mean is what an exact sampler would
 * return after rounding; and the shape k = 1/cv² would pass 10³⁰⁰, lose precision in the
 * scale mean · cv² (subnormal below cv ≈ 1.5e-154) and, below cv ≈ 7.5e-155, overflow to
 * ∞ and make every draw NaN. At and above it the Marsaglia–Tsang sampler runs unchanged:
 * with k ≤ 10³⁰⁰ its steps stay finite, and seeded draws have mean and CV within their
 * standard errors down to cv 1e-12 (below about 1e-14 the spacing of doubles, not the
 * algorithm, limits the CV any sampler can show).
 */
export const GAMMA_DEGENERATE_CV = 1e-150;

/**
 * A function drawing durations as described by `spec`, from `source` (in the unit of the
 * field holding the spec, usually days).
 *
 * - `fixed`: always `mean` (draws nothing from `source`).
 * - `exponential`: −mean · ln(1 − u), u one uniform draw (inversion of the CDF; 1 − u is in
 *   (0, 1], exact for a stream's 32-bit draws, so the logarithm is finite and ≤ 0; written
 *   with `Math.log`, which V8 computes faster than `Math.log1p`).
 * - `lognormal`: `exp(N(μ, σ²))` with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, so that the
 *   mean and CV are those given ({@link https://en.wikipedia.org/wiki/Log-normal_distribution}).
 *   The normal deviates come in pairs from Marsaglia's polar method, both used (see
 *   `normalSampler`). cv 0 is `fixed`. A tiny cv > 0 gives exp(ln mean), the mean to
 *   within a few roundings.
 * - `gamma`: shape k = 1 / cv², scale θ = mean · cv², so mean = kθ and CV = 1/√k
 *   ({@link https://en.wikipedia.org/wiki/Gamma_distribution}), by Marsaglia and Tsang's
 *   squeeze-and-reject method on the same paired normal deviates ("A simple method for
 *   generating gamma variables", ACM TOMS 26(3), 2000,
 *   {@link https://doi.org/10.1145/358407.358414}); k < 1 draws gamma(k + 1) times
 *   u^(1/k), and k = 1 (cv 1) is the exponential above. cv below
 *   {@link GAMMA_DEGENERATE_CV} (including 0) is `fixed`, for the reason given there.
 * - `empirical`: one of `values`, with probability proportional to `weights` (equal when
 *   omitted), by one draw and a binary search over the cumulative weights; weights whose
 *   sum overflows are scaled by a power of two first (see `cumulativeWeights`).
 *
 * Every draw is finite and ≥ 0 (tiny means can give 0): with mean ≤ {@link MAX_DURATION} and
 * cv ≤ {@link MAX_CV}, the largest possible draw is below 10³⁰ (the polar method keeps a
 * normal deviate below 12.2 for any source of doubles, 9.3 for a 32-bit one; an exponential
 * is at most 37 means, 22.2 for a 32-bit source).
 * The number of uniforms used per draw varies (rejection sampling for normal and gamma, and
 * the second normal of a pair costs none), so each sampler needs a source of its own; a
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
      return exponentialSampler(spec.mean, source);
    case 'lognormal': {
      if (spec.cv === 0) return constant(spec.mean);
      const sigma2 = Math.log1p(spec.cv * spec.cv);
      const mu = Math.log(spec.mean) - sigma2 / 2;
      const sigma = Math.sqrt(sigma2);
      const normal = normalSampler(source);
      return () => Math.exp(mu + sigma * normal());
    }
    case 'gamma': {
      if (spec.cv < GAMMA_DEGENERATE_CV) return constant(spec.mean);
      const cv2 = spec.cv * spec.cv;
      return gammaSampler(1 / cv2, spec.mean * cv2, source);
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
 * Exponential draws with mean `mean` (> 0), one uniform each: −mean · ln(1 − u). Written
 * `(0 − ln(1 − u)) · mean` so that u = 0 gives +0, not −0.
 */
function exponentialSampler(mean: number, source: RandomSource): () => number {
  return () => (0 - Math.log(1 - source())) * mean;
}

/**
 * Gamma draws with shape `k` (in [10⁻⁴, 10³⁰⁰] for a checked spec) and scale `theta`, by
 * Marsaglia and Tsang: with d = k − 1/3 and c = 1/√(9d), a normal x with v = (1 + cx)³ > 0
 * is accepted, by a uniform u, when u < 1 − 0.0331x⁴ (the squeeze, most draws) or
 * ln u < x²/2 + d(1 − v + ln v); the draw is then d·v·θ. For k < 1 it draws shape k + 1
 * and multiplies by u^(1/k) (one more uniform). k = 1 is exponential.
 */
function gammaSampler(k: number, theta: number, source: RandomSource): () => number {
  if (k === 1) return exponentialSampler(theta, source);
  const boosted = k < 1;
  const d = (boosted ? k + 1 : k) - 1 / 3;
  const c = 1 / (3 * Math.sqrt(d));
  const inverseK = 1 / k;
  const normal = normalSampler(source);
  return () => {
    let x: number;
    let v: number;
    let u: number;
    do {
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      u = 1 - source();
    } while (
      u >= 1 - 0.0331 * x * x * x * x &&
      Math.log(u) >= 0.5 * x * x + d * (1 - v + Math.log(v))
    );
    const draw = d * v * theta;
    return boosted ? draw * Math.pow(source(), inverseK) : draw;
  };
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
