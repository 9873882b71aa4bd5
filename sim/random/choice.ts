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
 * @param label Names the weights in error messages, e.g. `'pathway weights'`.
 * @throws RangeError when `weights` is empty, a weight is negative or not finite, or the
 *   weights sum to 0.
 */
export function cumulativeWeights(weights: readonly number[], label = 'weights'): Float64Array {
  if (weights.length === 0) throw new RangeError(`${label} must not be empty`);
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (!(w >= 0 && Number.isFinite(w))) {
      throw new RangeError(`${label}[${i}] must be finite and ≥ 0, got ${w}`);
    }
    sum += w;
    cumulative[i] = sum;
  }
  if (!(sum > 0 && Number.isFinite(sum))) {
    throw new RangeError(`${label} must have a finite sum > 0, got ${sum}`);
  }
  return cumulative;
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
