/**
 * Standard normal deviates from a uniform source, for the lognormal and gamma samplers.
 */
import type { RandomSource } from './source.ts';

/**
 * A function drawing standard normal deviates N(0, 1) from `source`, by Marsaglia's polar
 * method ({@link https://en.wikipedia.org/wiki/Marsaglia_polar_method}): a point (x, y)
 * uniform in the unit disc, s = x² + y², gives the two independent deviates
 * x·f and y·f with f = √(−2 ln s / s). Both are used: the first call of a pair returns
 * x·f and keeps y·f for the next call, so a pair costs one logarithm and one square root
 * (d3-random kept y but redid the logarithm and the root for it).
 *
 * A pair uses on average 8/π ≈ 2.55 uniforms (points outside the disc, and s = 0, are drawn
 * again), so 4/π ≈ 1.27 per deviate, against 8/π per deviate when the second is thrown away.
 * The first deviate of a pair draws them and the second none, so a sampler must own its
 * source: another consumer drawing from it between two calls would not change the
 * distribution but would change which numbers go where.
 *
 * Bounded: the smallest s > 0 that uniforms on a grid of 2⁻³² can give is 2⁻⁶², so |deviate|
 * ≤ √(−2 ln s) ≤ √(124 ln 2) ≈ 9.27 for a 32-bit source such as a stream; for any source of
 * doubles in [0, 1), s ≥ 2⁻¹⁰⁶ and |deviate| ≤ √(212 ln 2) ≈ 12.12.
 */
export function normalSampler(source: RandomSource): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let x: number;
    let y: number;
    let s: number;
    do {
      x = source() * 2 - 1;
      y = source() * 2 - 1;
      s = x * x + y * y;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = y * f;
    hasSpare = true;
    return x * f;
  };
}
