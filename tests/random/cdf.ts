// Distribution functions for goodness-of-fit tests of the samplers, written here from
// textbook formulas, independently of the code under test.

/**
 * The error function, by Abramowitz and Stegun 7.1.26 (absolute error below 1.5 × 10⁻⁷,
 * far below the Kolmogorov–Smirnov tolerances it is used with, ≈ 5 × 10⁻³).
 */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

/** The standard normal distribution function Φ(z) = (1 + erf(z/√2)) / 2. */
export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / Math.SQRT2));
}

/** P(X ≤ x) for X lognormal with log-mean μ and log-sd σ: Φ((ln x − μ)/σ). */
export function lognormalCdf(x: number, mu: number, sigma: number): number {
  return x <= 0 ? 0 : normalCdf((Math.log(x) - mu) / sigma);
}

/**
 * P(X ≤ x) for X gamma with shape `k` and scale `theta`, for the shapes with closed forms:
 * an integer k (Erlang: 1 − e^(−y) Σ_{j<k} yʲ/j!, y = x/θ) or k = 1/2 (θ·Z²/2 with Z
 * standard normal, so erf(√(x/θ))).
 */
export function gammaCdf(x: number, k: number, theta: number): number {
  if (x <= 0) return 0;
  const y = x / theta;
  if (k === 0.5) return erf(Math.sqrt(y));
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`no closed form for shape ${k}`);
  let term = 1;
  let sum = 1;
  for (let j = 1; j < k; j++) {
    term *= y / j;
    sum += term;
  }
  return 1 - Math.exp(-y) * sum;
}

/**
 * The Kolmogorov–Smirnov distance sup |Fₙ(x) − F(x)| of `xs` from the distribution function
 * `cdf`, attained at a sample point, just before or at its step. Its asymptotic 1% critical
 * value is 1.63/√n.
 */
export function ksDistance(xs: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    const f = cdf(x);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  });
  return d;
}
