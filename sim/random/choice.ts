/**
 * Discrete random choices: a yes/no with probability p, and an index picked by weights
 * (pathway choice, empirical tables). Each choice uses exactly one draw from its source.
 */
import type { RandomSource } from './source.ts';

/**
 * True with probability `p`, using one draw from `source`.
 * `p = 0` is never true and `p = 1` is always true (the source draws from [0, 1)).
 * @throws RangeError when `p` is not in [0, 1] (including NaN).
 */
export function bernoulli(source: RandomSource, p: number): boolean {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  return source() < p;
}

/**
 * Running sums of `weights`, for {@link pickIndex}; validated here, once, so that the
 * picking itself needs no checks.
 *
 * Any finite weights can be used: when their sum would overflow (e.g. `[1e308, 1e308]`), the
 * sums are of the weights times {@link unitScale}, a power of two, which changes no
 * proportion and so no pick. Weights whose sum is finite are summed as they are.
 * @param label Names the weights in error messages, e.g. `'pathway weights'`.
 * @throws RangeError when `weights` is empty, a weight is negative or not finite, or all
 *   weights are 0.
 */
export function cumulativeWeights(weights: readonly number[], label = 'weights'): Float64Array {
  if (weights.length === 0) throw new RangeError(`${label} must not be empty`);
  weights.forEach((w, i) => {
    if (!(typeof w === 'number' && w >= 0 && Number.isFinite(w))) {
      throw new RangeError(`${label}[${i}] must be finite and ≥ 0, got ${w}`);
    }
  });
  let cumulative = runningSums(weights, 1);
  if (cumulative[cumulative.length - 1] === Infinity) {
    cumulative = runningSums(weights, unitScale(weights));
  }
  if (!(cumulative[cumulative.length - 1] > 0)) {
    throw new RangeError(`${label} must have at least one weight > 0`);
  }
  return cumulative;
}

function runningSums(weights: readonly number[], scale: number): Float64Array {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] * scale;
    cumulative[i] = sum;
  }
  return cumulative;
}

/**
 * The power of two that brings the largest of `weights` (finite, ≥ 0) into (½, 1] (just
 * under 2 if it is subnormal), so that the scaled weights sum to at most twice their count.
 * Multiplying by a power of two is exact (short of underflow, which only loses weights below
 * about 2⁻¹⁰²² of the largest), so scaled weights keep their proportions bit for bit.
 * 1 when all weights are 0.
 */
export function unitScale(weights: readonly number[]): number {
  let max = 0;
  for (const w of weights) if (w > max) max = w;
  if (max === 0) return 1;
  // Clamped so that the power itself is finite (2⁻¹⁰²⁴ is an exact subnormal).
  const exponent = Math.min(1024, Math.max(-1023, Math.ceil(Math.log2(max))));
  return 2 ** -exponent;
}

/**
 * An index `i` picked with probability `weights[i] / sum(weights)`, using one draw from
 * `source` and a binary search (O(log n)). Indices with weight 0 are never picked.
 *
 * @param cumulativeWeights Running sums of the weights, non-decreasing with a last entry
 *   > 0, as made by {@link cumulativeWeights}. Not checked here (hot path).
 * @returns The smallest `i` with `cumulativeWeights[i] > u · total`, `u` the draw.
 */
export function pickIndex(
  source: RandomSource,
  cumulativeWeights: Float64Array | readonly number[],
): number {
  const last = cumulativeWeights.length - 1;
  const target = source() * cumulativeWeights[last];
  let lo = 0;
  let hi = last;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulativeWeights[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
