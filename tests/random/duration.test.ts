// Duration samplers against distribution theory: mean, CV, CDF and table frequencies within
// tolerances derived from the sample size, plus parameter checks. Seeded, so deterministic.
import { describe, expect, it } from 'vitest';
import { cvOf, durationSampler, meanOf } from '../../sim/random/duration.ts';
import type { DurationSpec } from '../../sim/random/duration-spec.ts';
import { stream } from '../../sim/random/streams.ts';
import { gammaCdf, ksDistance, lognormalCdf } from './cdf.ts';

const N = 100_000;

function draw(spec: DurationSpec, name: string, n = N): Float64Array {
  const sample = durationSampler(spec, stream('doorstroom', 0, name));
  return Float64Array.from({ length: n }, sample);
}

/** Weighted mean, variance and fourth central moment of a table (for empirical specs). */
function tableMoments(values: number[], weights: number[]) {
  const total = weights.reduce((s, w) => s + w, 0);
  const moment = (f: (v: number) => number) =>
    values.reduce((s, v, i) => s + (weights[i] * f(v)) / total, 0);
  const mean = moment((v) => v);
  return {
    mean,
    variance: moment((v) => (v - mean) ** 2),
    fourth: moment((v) => (v - mean) ** 4),
  };
}

/**
 * Each case: a spec with its analytic mean, variance and fourth central moment μ₄, computed
 * here from textbook formulas independently of the code under test.
 * Kurtosis μ₄/σ⁴: exponential 9; gamma 3 + 6/k = 3 + 6·cv²; lognormal with w = 1 + cv²:
 * w⁴ + 2w³ + 3w² − 3 (https://en.wikipedia.org/wiki/Log-normal_distribution).
 */
function withMoments(spec: DurationSpec, mean: number, cv: number, kurtosis: number) {
  const variance = (mean * cv) ** 2;
  return { spec, mean, cv, variance, fourth: kurtosis * variance ** 2 };
}
const lognormalKurtosis = (cv: number) => {
  const w = 1 + cv * cv;
  return w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 3;
};
const table = { values: [0, 3, 7, 30, 90], weights: [1, 4, 2, 0, 1] };
const tableM = tableMoments(table.values, table.weights);
const cases = [
  withMoments({ dist: 'exponential', mean: 40 }, 40, 1, 9),
  withMoments({ dist: 'lognormal', mean: 120, cv: 0.5 }, 120, 0.5, lognormalKurtosis(0.5)),
  withMoments({ dist: 'lognormal', mean: 120, cv: 1.5 }, 120, 1.5, lognormalKurtosis(1.5)),
  withMoments({ dist: 'gamma', mean: 30, cv: 0.5 }, 30, 0.5, 3 + 6 * 0.5 ** 2),
  withMoments({ dist: 'gamma', mean: 30, cv: 2 }, 30, 2, 3 + 6 * 2 ** 2),
  {
    spec: { dist: 'empirical', ...table } as DurationSpec,
    mean: tableM.mean,
    cv: Math.sqrt(tableM.variance) / tableM.mean,
    variance: tableM.variance,
    fourth: tableM.fourth,
  },
];
const label = (spec: DurationSpec) =>
  'cv' in spec ? `${spec.dist} with cv ${spec.cv}` : `${spec.dist}`;

describe('durationSampler', () => {
  it.each(cases.map((c) => [label(c.spec), c] as const))(
    'draws %s with the analytic mean and CV',
    (name, { spec, mean, cv, variance, fourth }) => {
      expect(meanOf(spec)).toBeCloseTo(mean, 12);
      expect(cvOf(spec)).toBeCloseTo(cv, 12);

      const draws = draw(spec, name);
      expect(draws.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
      const sampleMean = draws.reduce((s, x) => s + x, 0) / N;
      const sampleVariance = draws.reduce((s, x) => s + (x - sampleMean) ** 2, 0) / (N - 1);

      // The sample mean has standard error σ/√n (CLT).
      expect(Math.abs(sampleMean - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
      // The sample variance has standard error √((μ₄ − σ⁴)/n) for large n (it is a mean of
      // (X − μ)², whose variance is μ₄ − σ⁴). Heavy tails (lognormal cv 1.5: kurtosis ≈ 209)
      // make this wide, ±18% at n = 100 000, which is honest about what n draws can show.
      const varianceSE = Math.sqrt((fourth - variance ** 2) / N);
      expect(Math.abs(sampleVariance - variance)).toBeLessThan(4 * varianceSE);
      // Together the two bounds bound the sample CV = s / x̄ (a conservative box, no new noise).
      const meanSlack = 4 * Math.sqrt(variance / N);
      const cvLow = Math.sqrt(variance - 4 * varianceSE) / (mean + meanSlack);
      const cvHigh = Math.sqrt(variance + 4 * varianceSE) / (mean - meanSlack);
      const sampleCV = Math.sqrt(sampleVariance) / sampleMean;
      expect(sampleCV).toBeGreaterThan(cvLow);
      expect(sampleCV).toBeLessThan(cvHigh);
    },
  );

  it('draws the mean every time for fixed, and takes no random numbers', () => {
    let calls = 0;
    const sample = durationSampler({ dist: 'fixed', mean: 14 }, () => (calls++, 0.5));
    expect(Array.from({ length: 5 }, sample)).toEqual([14, 14, 14, 14, 14]);
    expect(calls).toBe(0);
    expect(meanOf({ dist: 'fixed', mean: 14 })).toBe(14);
    expect(cvOf({ dist: 'fixed', mean: 14 })).toBe(0);
  });

  it('allows a fixed duration of 0', () => {
    expect(durationSampler({ dist: 'fixed', mean: 0 }, () => 0.5)()).toBe(0);
  });

  it('follows the exponential CDF (Kolmogorov–Smirnov distance below 1.63/√n)', () => {
    const mean = 40;
    const draws = draw({ dist: 'exponential', mean }, 'ks').sort();
    // D = sup |F_n(x) − F(x)|, attained at a sample point, just before or at the step.
    let d = 0;
    draws.forEach((x, i) => {
      const f = 1 - Math.exp(-x / mean);
      d = Math.max(d, (i + 1) / N - f, f - i / N);
    });
    // 1.63/√n is the asymptotic 1% critical value of D (Kolmogorov distribution); the pinned
    // seed makes the outcome deterministic, and a wrong rate or shape gives D ≫ 0.005.
    expect(d).toBeLessThan(1.63 / Math.sqrt(N));
  });

  it.each([0.3, 0.8, 1.5])(
    'follows the lognormal CDF with cv %s (Kolmogorov–Smirnov distance below 1.63/√n)',
    (cv) => {
      const mean = 120;
      const sigma2 = Math.log(1 + cv * cv);
      const mu = Math.log(mean) - sigma2 / 2;
      const draws = draw({ dist: 'lognormal', mean, cv }, `ks lognormal ${cv}`);
      const d = ksDistance(draws, (x) => lognormalCdf(x, mu, Math.sqrt(sigma2)));
      expect(d).toBeLessThan(1.63 / Math.sqrt(N));
    },
  );

  // Shapes with a closed-form CDF: k = 4 and 2 (Marsaglia–Tsang), 1 (the exponential
  // path), ½ (the k < 1 path, gamma(k + 1) · u^(1/k)).
  it.each([
    [0.5, 4],
    [Math.SQRT1_2, 2],
    [1, 1],
    [Math.SQRT2, 0.5],
  ])(
    'follows the gamma CDF with cv %s, shape %s (Kolmogorov–Smirnov distance below 1.63/√n)',
    (cv, k) => {
      const mean = 30;
      const draws = draw({ dist: 'gamma', mean, cv }, `ks gamma ${k}`);
      const d = ksDistance(draws, (x) => gammaCdf(x, k, mean / k));
      expect(d).toBeLessThan(1.63 / Math.sqrt(N));
    },
  );

  it('draws each empirical value with frequency within 4 standard errors of its weight', () => {
    const draws = draw({ dist: 'empirical', ...table }, 'empirical frequencies');
    const total = table.weights.reduce((s, w) => s + w, 0);
    table.values.forEach((v, i) => {
      const p = table.weights[i] / total;
      const frequency = draws.filter((x) => x === v).length / N;
      expect(Math.abs(frequency - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / N));
    });
    expect(draws.every((x) => table.values.includes(x))).toBe(true);
  });

  it('draws empirical values with equal weights when weights are omitted', () => {
    const values = [2, 5, 11];
    const draws = draw({ dist: 'empirical', values }, 'empirical equal', 30_000);
    for (const v of values) {
      const frequency = draws.filter((x) => x === v).length / draws.length;
      expect(Math.abs(frequency - 1 / 3)).toBeLessThan(4 * Math.sqrt(2 / 9 / draws.length));
    }
  });

  it('gives the CV of an empirical table, and 0 when all mass is at one value', () => {
    expect(meanOf({ dist: 'empirical', values: [1, 3] })).toBe(2);
    expect(cvOf({ dist: 'empirical', values: [1, 3] })).toBe(0.5);
    expect(cvOf({ dist: 'empirical', values: [0, 0] })).toBe(0);
    expect(cvOf({ dist: 'empirical', values: [4, 9], weights: [1, 0] })).toBe(0);
  });

  it('does not see later changes to the spec it was made from', () => {
    const spec = { dist: 'empirical' as const, values: [5], weights: [1] };
    const sample = durationSampler(spec, () => 0.5);
    spec.values[0] = -1;
    expect(sample()).toBe(5);
  });
});

describe('duration parameter checks', () => {
  const bad: [string, unknown, RegExp][] = [
    ['a negative fixed mean', { dist: 'fixed', mean: -1 }, /fixed duration: mean must be/],
    ['a NaN fixed mean', { dist: 'fixed', mean: NaN }, /fixed duration: mean .* got NaN/],
    ['a zero exponential mean', { dist: 'exponential', mean: 0 }, /exponential .*mean .*> 0/],
    ['an infinite mean', { dist: 'exponential', mean: Infinity }, /mean .* got Infinity/],
    ['a negative lognormal mean', { dist: 'lognormal', mean: -5, cv: 1 }, /lognormal .*mean/],
    [
      'a negative lognormal cv',
      { dist: 'lognormal', mean: 10, cv: -0.5 },
      /lognormal .*cv .* got -0.5/,
    ],
    ['a negative gamma cv', { dist: 'gamma', mean: 10, cv: -1 }, /gamma .*cv .* got -1/],
    ['a missing gamma cv', { dist: 'gamma', mean: 10 }, /gamma .*cv .* got undefined/],
    ['a cv whose square overflows', { dist: 'gamma', mean: 10, cv: 1e200 }, /gamma .*cv/],
    ['an empty table', { dist: 'empirical', values: [] }, /at least one value/],
    ['a negative table value', { dist: 'empirical', values: [1, -2] }, /values\[1\] .* got -2/],
    [
      'weights of another length',
      { dist: 'empirical', values: [1, 2], weights: [1] },
      /weights must have the same length as values \(2\), got 1/,
    ],
    [
      'a negative weight',
      { dist: 'empirical', values: [1, 2], weights: [1, -1] },
      /empirical duration: weights\[1\] .* got -1/,
    ],
    [
      'weights summing to 0',
      { dist: 'empirical', values: [1, 2], weights: [0, 0] },
      /empirical duration: weights must have at least one weight > 0/,
    ],
    [
      'an unknown distribution',
      { dist: 'weibull', mean: 3 },
      /unknown duration distribution 'weibull'/,
    ],
  ];

  it.each(bad)('rejects %s with a RangeError naming the problem', (_name, spec, message) => {
    for (const f of [(s: DurationSpec) => durationSampler(s, () => 0.5), meanOf, cvOf]) {
      expect(() => f(spec as DurationSpec)).toThrow(RangeError);
      expect(() => f(spec as DurationSpec)).toThrow(message);
    }
  });
});
