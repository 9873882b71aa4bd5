/**
 * Samplers for {@link DurationSpec}: a scenario's mean and CV turned into the parameters of
 * a d3-random distribution. Invariant: specs are checked when a sampler is made, and no
 * draw is negative.
 */
import { randomExponential, randomGamma, randomLogNormal } from 'd3-random';
import { cumulativeWeights, pickIndex } from './choice.ts';
import type { DurationSpec } from './duration-spec.ts';
import type { RandomSource } from './source.ts';

/** Names empirical weights in error messages. */
const EMPIRICAL_WEIGHTS = 'empirical duration: weights';

/**
 * A function drawing durations as described by `spec`, from `source` (in the unit of the
 * field holding the spec, usually days).
 *
 * - `fixed`: always `mean` (draws nothing from `source`).
 * - `exponential`: rate `1 / mean`.
 * - `lognormal`: `exp(N(μ, σ²))` with σ² = ln(1 + cv²), μ = ln(mean) − σ²/2, so that the
 *   mean and CV are those given ({@link https://en.wikipedia.org/wiki/Log-normal_distribution}).
 * - `gamma`: shape k = 1 / cv², scale θ = mean · cv², so mean = kθ and CV = 1/√k
 *   ({@link https://en.wikipedia.org/wiki/Gamma_distribution}).
 * - `empirical`: one of `values`, with probability proportional to `weights` (equal when
 *   omitted), by one draw and a binary search over the cumulative weights.
 *
 * The number of uniforms used per draw varies (rejection sampling for normal and gamma).
 * @throws RangeError naming the problem, for the conditions listed at {@link meanOf}.
 */
export function durationSampler(spec: DurationSpec, source: RandomSource): () => number {
  checkSpec(spec);
  switch (spec.dist) {
    case 'fixed': {
      const mean = spec.mean;
      return () => mean;
    }
    case 'exponential':
      return randomExponential.source(source)(1 / spec.mean);
    case 'lognormal': {
      const sigma2 = Math.log1p(spec.cv * spec.cv);
      const mu = Math.log(spec.mean) - sigma2 / 2;
      return randomLogNormal.source(source)(mu, Math.sqrt(sigma2));
    }
    case 'gamma': {
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

/**
 * The analytic mean of `spec` (same unit as the spec).
 * @throws RangeError when `mean` is not finite or not > 0 (≥ 0 for `fixed`); when `cv` is
 *   not > 0 or `cv²` is not finite; for `empirical`, when `values` is empty or has a value
 *   that is negative or not finite, or `weights` differs in length, has a negative or
 *   non-finite weight, or sums to 0; or when `dist` is unknown.
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

/** Weighted mean and (population) variance of an empirical table; assumes a checked spec. */
function empiricalMoments(spec: EmpiricalSpec): { mean: number; variance: number } {
  const weights = empiricalWeights(spec);
  let total = 0;
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    total += weights[i];
    sum += weights[i] * spec.values[i];
  }
  const mean = sum / total;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) squares += weights[i] * (spec.values[i] - mean) ** 2;
  return { mean, variance: squares / total };
}

/** Throws a RangeError naming the first problem in `spec`; see {@link meanOf}. */
function checkSpec(spec: DurationSpec): void {
  switch (spec.dist) {
    case 'fixed':
      if (!(spec.mean >= 0 && Number.isFinite(spec.mean))) {
        throw new RangeError(`fixed duration: mean must be finite and ≥ 0, got ${spec.mean}`);
      }
      return;
    case 'exponential':
    case 'lognormal':
    case 'gamma':
      if (!(spec.mean > 0 && Number.isFinite(spec.mean))) {
        throw new RangeError(
          `${spec.dist} duration: mean must be finite and > 0, got ${spec.mean}`,
        );
      }
      // cv² must be finite too: σ² = ln(1 + cv²) and k = 1 / cv² are made from it.
      if (spec.dist !== 'exponential' && !(spec.cv > 0 && spec.cv * spec.cv < Infinity)) {
        throw new RangeError(`${spec.dist} duration: cv must be > 0 and finite, got ${spec.cv}`);
      }
      return;
    case 'empirical': {
      const { values, weights } = spec;
      if (!Array.isArray(values) || values.length === 0) {
        throw new RangeError('empirical duration: values must have at least one value');
      }
      values.forEach((v, i) => {
        if (!(v >= 0 && Number.isFinite(v))) {
          throw new RangeError(`empirical duration: values[${i}] must be finite and ≥ 0, got ${v}`);
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

/**
 * The length-biased version of `spec`: the distribution of the whole stay of someone found
 * in a place at a random moment (longer stays are more likely to be found), density
 * s·f(s)/E[S]. A residual stay U × (a length-biased stay), U uniform, is then the
 * stationary remaining time: what initial occupants should get.
 * Lognormal stays keep their CV and their mean grows by (1 + cv²); gamma(k, θ) becomes
 * gamma(k + 1, θ); exponential becomes gamma(2); a table reweights each value by itself.
 * See https://en.wikipedia.org/wiki/Length_time_bias and the inspection paradox.
 */
export function lengthBiased(spec: DurationSpec): DurationSpec {
  checkSpec(spec);
  switch (spec.dist) {
    case 'fixed':
      return spec;
    case 'exponential':
      return { dist: 'gamma', mean: 2 * spec.mean, cv: Math.SQRT1_2 };
    case 'lognormal':
      return { dist: 'lognormal', mean: spec.mean * (1 + spec.cv ** 2), cv: spec.cv };
    case 'gamma': {
      const k = 1 / spec.cv ** 2;
      return { dist: 'gamma', mean: spec.mean * (1 + spec.cv ** 2), cv: 1 / Math.sqrt(k + 1) };
    }
    case 'empirical': {
      const w = empiricalWeights(spec);
      return {
        dist: 'empirical',
        values: spec.values,
        weights: spec.values.map((v, i) => v * w[i]),
      };
    }
  }
}
