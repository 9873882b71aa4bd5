/** Means of repeated measurements with their standard errors: how the benchmark sums up its rounds. */

/** A geometric mean and its standard error (same unit as the ratios). */
export interface GeometricMean {
  mean: number;
  /** Standard error by the delta method: mean × standard error of the mean log ratio. */
  standardError: number;
}

/**
 * Geometric mean of positive `ratios` (at least two, for the standard error).
 * @throws Error for fewer than two ratios or one that is not positive and finite
 */
export function geometricMean(ratios: readonly number[]): GeometricMean {
  if (ratios.length < 2) throw new Error('geometric mean: at least two ratios are needed');
  if (!ratios.every((r) => r > 0 && Number.isFinite(r))) {
    throw new Error(`geometric mean: ratios must be positive and finite (${ratios.join(', ')})`);
  }
  const logs = ratios.map(Math.log);
  const m = logs.reduce((a, b) => a + b, 0) / logs.length;
  const variance = logs.reduce((a, l) => a + (l - m) ** 2, 0) / (logs.length - 1);
  const mean = Math.exp(m);
  return { mean, standardError: mean * Math.sqrt(variance / logs.length) };
}

/** Arithmetic mean of `xs` (at least two) and its standard error (unit of `xs`). */
export function meanWithError(xs: readonly number[]): { mean: number; standardError: number } {
  if (xs.length < 2) throw new Error('mean: at least two measurements are needed');
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, standardError: Math.sqrt(variance / xs.length) };
}
