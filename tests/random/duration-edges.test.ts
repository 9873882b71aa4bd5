// Duration samplers at the edges of their allowed range: every distribution, its length-biased
// version and the residual stay of an initial occupant draw only finite, non-negative values,
// with the analytic mean where a few thousand draws can show it; outside the range, a
// RangeError names the parameter and its value. Seeded, so deterministic.
import { describe, expect, it } from 'vitest';
import {
  GAMMA_DEGENERATE_CV,
  cvOf,
  durationSampler,
  lengthBiased,
  meanOf,
} from '../../sim/random/duration.ts';
import { MAX_CV, MAX_DURATION } from '../../sim/random/duration-spec.ts';
import type { DurationSpec } from '../../sim/random/duration-spec.ts';
import { stream } from '../../sim/random/streams.ts';

const N = 4_000;
/** 100 years in days: the largest duration a scenario may give. */
const CENTURY = 36_500;
/** The smallest positive double. */
const TINY = Number.MIN_VALUE;
/** The relative spacing of doubles near 1. */
const ULP = Number.EPSILON;

function draws(spec: DurationSpec, name: string, n = N): Float64Array {
  const sample = durationSampler(spec, stream('edges', 0, name));
  return Float64Array.from({ length: n }, sample);
}

/** A sampler over a source that counts its draws. */
function counted(spec: DurationSpec): { sample: () => number; calls: () => number } {
  let calls = 0;
  const source = stream('edges', 0, 'counted');
  const sample = durationSampler(spec, () => (calls++, source()));
  return { sample, calls: () => calls };
}

/** The sample mean, summed with Neumaier's compensation so that its rounding is one ulp. */
function mean(xs: Float64Array): number {
  let sum = 0;
  let carry = 0;
  for (const x of xs) {
    const t = sum + x;
    carry += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return (sum + carry) / xs.length;
}
const sd = (xs: Float64Array) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};
const label = (s: DurationSpec) => JSON.stringify(s).slice(0, 90);

/** A table of `n` values 1..n days, weight 1e9 on every tenth entry and 0 elsewhere. */
function bigTable(n: number): DurationSpec {
  const values = Array.from({ length: n }, (_, i) => i + 1);
  const weights = values.map((_, i) => (i % 10 === 0 ? 1e9 : 0));
  return { dist: 'empirical', values, weights };
}

/** Every distribution at the smallest and largest allowed parameters. */
const edgeSpecs: DurationSpec[] = [
  { dist: 'fixed', mean: 0 },
  { dist: 'fixed', mean: TINY },
  { dist: 'fixed', mean: MAX_DURATION },
  ...[TINY, 1e-6, CENTURY, MAX_DURATION].map((m): DurationSpec => ({
    dist: 'exponential',
    mean: m,
  })),
  ...(['lognormal', 'gamma'] as const).flatMap((dist) =>
    [TINY, 1e-6, CENTURY, MAX_DURATION].flatMap((m) =>
      [0, TINY, 1e-200, GAMMA_DEGENERATE_CV, 1e-12, 0.3, 10, MAX_CV].map((cv): DurationSpec => ({
        dist,
        mean: m,
        cv,
      })),
    ),
  ),
  { dist: 'empirical', values: [0] },
  { dist: 'empirical', values: [0, MAX_DURATION] },
  { dist: 'empirical', values: [1, 2], weights: [1e308, 1e308] },
  { dist: 'empirical', values: [1, 2, 3], weights: [Number.MAX_VALUE, 1, Number.MAX_VALUE] },
  { dist: 'empirical', values: [CENTURY, 1e-6], weights: [1e9, TINY] },
  bigTable(10_000),
];

/**
 * Whether `n` draws can show the mean: a CV small enough that the sample mean is close to
 * normal (lognormal cv 10 has kurtosis ≈ 10⁸ and needs millions), and a mean well inside
 * the normal doubles, so that rounding does not dominate a tiny standard error.
 */
function meanIsTestable(spec: DurationSpec): boolean {
  const m = meanOf(spec);
  const cv = cvOf(spec);
  if (!(m >= 1e-6) || cv > (spec.dist === 'lognormal' ? 3 : 10)) return false;
  // Below ~1e-12 the standard error of the mean (m·cv/√n) nears the spacing of doubles at m.
  return cv === 0 || cv >= 1e-12;
}

/** Checks draws of `spec`: all finite and ≥ 0, and where testable, with its analytic mean. */
function expectSensible(xs: Float64Array, spec: DurationSpec) {
  expect(xs.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
  if (!meanIsTestable(spec)) return;
  const targetMean = meanOf(spec);
  const se = (targetMean * cvOf(spec)) / Math.sqrt(xs.length);
  // A fixed value still carries a rounding error of its computation (exp(ln m) ≠ m).
  expect(Math.abs(mean(xs) - targetMean)).toBeLessThanOrEqual(4 * se + 4 * ULP * targetMean);
}

describe('duration samplers at the edges of their range', () => {
  it.each(edgeSpecs.map((s) => [label(s), s] as const))(
    'draw %s finite, ≥ 0 and with the analytic mean',
    (name, spec) => {
      expect(Number.isFinite(meanOf(spec))).toBe(true);
      expect(Number.isFinite(cvOf(spec))).toBe(true);
      expectSensible(draws(spec, name), spec);
    },
  );

  // Stays whose length-biased mean m(1 + cv²) is in range (the others are rejected below).
  const specCV = (s: DurationSpec) => ('cv' in s ? s.cv : s.dist === 'exponential' ? 1 : 0);
  const biasable = edgeSpecs.filter(
    (s) => s.dist === 'empirical' || s.mean * (1 + specCV(s) ** 2) <= MAX_DURATION,
  );
  it.each(biasable.map((s) => [label(s), s] as const))(
    'draw the length-biased stay and the residual of %s finite, ≥ 0 and with the analytic mean',
    (name, spec) => {
      const biased = lengthBiased(spec);
      const m = meanOf(spec);
      const cv = cvOf(spec);
      // E[S²]/E[S] = m(1 + cv²), and 0 when all mass is at 0 (the limit).
      const expected = m * (1 + cv * cv);
      expect(Math.abs(meanOf(biased) - expected)).toBeLessThanOrEqual(1e-12 * expected);
      const whole = draws(biased, `${name} whole`);
      expectSensible(whole, biased);
      // The residual: U × a length-biased stay, U uniform and independent: mean m(1 + cv²)/2.
      const u = stream('edges', 0, `${name} residual`);
      const residual = whole.map((x) => u() * x);
      expect(residual.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
      if (meanIsTestable(biased)) {
        // Var(U·S) = E[U²]E[S²] − E[U]²E[S]² = E[S]²((1 + cv²)/3 − 1/4), cv that of S.
        const mb = meanOf(biased);
        const cb = cvOf(biased);
        const se = (mb * Math.sqrt((1 + cb * cb) / 3 - 1 / 4)) / Math.sqrt(N);
        expect(Math.abs(mean(residual) - mb / 2)).toBeLessThanOrEqual(4 * se + 4 * ULP * mb);
      }
    },
  );
});

describe('a coefficient of variation of 0 or nearly 0', () => {
  it.each(['lognormal', 'gamma'] as const)('is a fixed %s duration: the mean, no draws', (dist) => {
    const { sample, calls } = counted({ dist, mean: 37.25, cv: 0 });
    expect(Array.from({ length: 5 }, sample)).toEqual([37.25, 37.25, 37.25, 37.25, 37.25]);
    expect(calls()).toBe(0);
    expect(cvOf({ dist, mean: 37.25, cv: 0 })).toBe(0);
  });

  it('gives a gamma below the degenerate cv exactly the mean, with no draws', () => {
    // 1e-200 squared underflows to 0, and the shape 1/cv² was Infinity: NaN before.
    for (const cv of [TINY, 1e-200, GAMMA_DEGENERATE_CV * 0.99]) {
      const { sample, calls } = counted({ dist: 'gamma', mean: 30, cv });
      expect(Array.from({ length: 100 }, sample).every((x) => x === 30)).toBe(true);
      expect(calls()).toBe(0);
    }
  });

  it('gives a gamma at the degenerate cv the mean to within rounding (shape 1e300)', () => {
    const { sample, calls } = counted({ dist: 'gamma', mean: 30, cv: GAMMA_DEGENERATE_CV });
    const xs = Float64Array.from({ length: N }, sample);
    // d·v·θ with d ≈ 1e300 and θ = 30e-300: a few roundings of 30, nothing more.
    expect(xs.every((x) => Math.abs(x - 30) <= 4 * ULP * 30)).toBe(true);
    expect(calls()).toBeGreaterThan(N);
  });

  it.each([
    ['gamma', 1e-12],
    ['gamma', 1e-6],
    ['lognormal', 1e-12],
    ['lognormal', 1e-6],
  ] as const)('draws a %s with cv %s with its mean and CV', (dist, cv) => {
    const n = 20_000;
    const m = 30;
    const xs = draws({ dist, mean: m, cv }, `${dist} ${cv} moments`, n);
    expect(Math.abs(mean(xs) - m)).toBeLessThanOrEqual((4 * m * cv) / Math.sqrt(n));
    // The sample sd of a near-normal sample has relative standard error 1/√(2(n − 1)).
    expect(Math.abs(sd(xs) / (m * cv) - 1)).toBeLessThanOrEqual(4 / Math.sqrt(2 * (n - 1)));
  });
});

describe('draws at the ends of the source', () => {
  /** A source cycling through `us`. */
  const cycling = (us: number[]) => {
    let i = 0;
    return () => us[i++ % us.length];
  };

  it('gives an exponential +0 for u = 0 and its largest draws for u next to 1', () => {
    expect(Object.is(durationSampler({ dist: 'exponential', mean: 40 }, () => 0)(), 0)).toBe(true);
    // −ln(2⁻³²) = 32 ln 2 ≈ 22.18 means for a stream's largest draw, 53 ln 2 for any double.
    const top32 = durationSampler({ dist: 'exponential', mean: MAX_DURATION }, () => 1 - 2 ** -32);
    expect(top32()).toBeCloseTo(32 * Math.LN2 * MAX_DURATION, -3);
    const top = durationSampler({ dist: 'exponential', mean: MAX_DURATION }, () => 1 - 2 ** -53);
    expect(top()).toBeCloseTo(53 * Math.LN2 * MAX_DURATION, -3);
    expect(Number.isFinite(top())).toBe(true);
  });

  it.each([
    ['a stream (32-bit grid)', [0.5, 0.5 + 2 ** -32], 124],
    // Above ½ doubles are 2⁻⁵³ apart, so the smallest x > 0 is 2⁻⁵², s = 2⁻¹⁰⁴ (the −12.12
    // of x = −2⁻⁵³ makes the smallest lognormal instead).
    ['any source of doubles', [0.5 + 2 ** -53, 0.5], 208],
  ] as const)(
    'keeps the largest lognormal below 10³⁰ at the largest mean and cv, for %s',
    (_what, us, twiceLog2s) => {
      // The largest normal deviate, √(k ln 2) for s = 2^(−k/2) (see normal.test.ts), taken
      // by the first or second draw of the pair: exp(μ + σ·z) is the largest lognormal.
      const sample = durationSampler(
        { dist: 'lognormal', mean: MAX_DURATION, cv: MAX_CV },
        cycling([...us]),
      );
      const xs = Array.from({ length: 4 }, sample);
      const sigma2 = Math.log1p(MAX_CV ** 2);
      const mu = Math.log(MAX_DURATION) - sigma2 / 2;
      const largest = Math.exp(mu + Math.sqrt(sigma2) * Math.sqrt(twiceLog2s * Math.LN2));
      expect(xs.every((x) => Number.isFinite(x) && x >= 0 && x < 1e30)).toBe(true);
      expect(Math.abs(Math.max(...xs) / largest - 1)).toBeLessThan(1e-9);
    },
  );

  it.each([
    [1e-6, MAX_CV],
    [MAX_DURATION, MAX_CV],
    [MAX_DURATION, 1e-12],
  ])('keeps a gamma with mean %s and cv %s finite and ≥ 0 on extreme normals', (m, cv) => {
    // Alternating the largest positive and negative deviates with uniforms at both ends.
    const us = [0.5, 0.5 + 2 ** -32, 0, 0.5, 0.5 - 2 ** -32, 1 - 2 ** -32, 0.3, 0.9];
    const sample = durationSampler({ dist: 'gamma', mean: m, cv }, cycling(us));
    const xs = Array.from({ length: 200 }, sample);
    expect(xs.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
  });
});

describe('empirical weights at the edge of the doubles', () => {
  it('draws weights [1e308, 1e308] (whose sum overflows) each half the time', () => {
    const spec: DurationSpec = { dist: 'empirical', values: [1, 2], weights: [1e308, 1e308] };
    const xs = draws(spec, 'huge weights', 20_000);
    const ones = xs.filter((x) => x === 1).length / xs.length;
    expect(xs.every((x) => x === 1 || x === 2)).toBe(true);
    expect(Math.abs(ones - 0.5)).toBeLessThanOrEqual(4 * Math.sqrt(0.25 / xs.length));
    expect(meanOf(spec)).toBe(1.5);
    expect(cvOf(spec)).toBeCloseTo(1 / 3, 12);
  });

  it('draws like the same table with its weights scaled down (the same proportions)', () => {
    const values = [3, 8, 21, 55];
    const huge = draws({ dist: 'empirical', values, weights: [4e307, 1e307, 0, 1e308] }, 'scaled');
    const plain = draws({ dist: 'empirical', values, weights: [4, 1, 0, 10] }, 'scaled');
    expect(Array.from(huge)).toEqual(Array.from(plain));
  });

  it('never draws a zero weight in a 10,000-entry table', () => {
    const xs = draws(bigTable(10_000), 'big table', 20_000);
    expect(xs.every((x) => (x - 1) % 10 === 0)).toBe(true);
  });

  it('gives a table with all its mass at 0 a length-biased stay of 0', () => {
    const biased = lengthBiased({ dist: 'empirical', values: [0, 5], weights: [2, 0] });
    expect(durationSampler(biased, () => 0.5)()).toBe(0);
    expect(meanOf(biased)).toBe(0);
  });

  it('length-biases a table with huge weights without overflow', () => {
    const spec: DurationSpec = { dist: 'empirical', values: [10, 30], weights: [1e308, 1e308] };
    // Weights v·w: 10 : 30, so the mean is (100 + 900) / 40 = 25.
    expect(meanOf(lengthBiased(spec))).toBe(25);
  });
});

describe('duration parameters out of range', () => {
  const bad: [string, DurationSpec, RegExp][] = [
    [
      'a fixed mean above the maximum',
      { dist: 'fixed', mean: 2e15 },
      /fixed duration: mean .*at most 1,000,000,000,000,000, got 2000000000000000/,
    ],
    [
      'an exponential mean of 1e308',
      { dist: 'exponential', mean: 1e308 },
      /exponential duration: mean .*at most .* got 1e\+308/,
    ],
    [
      'a lognormal mean of 1e308',
      { dist: 'lognormal', mean: 1e308, cv: 1 },
      /lognormal duration: mean .* got 1e\+308/,
    ],
    [
      'a lognormal cv of 1e200',
      { dist: 'lognormal', mean: 10, cv: 1e200 },
      /lognormal duration: cv must be .*at most 100, got 1e\+200/,
    ],
    [
      'a gamma cv of 1e200',
      { dist: 'gamma', mean: 10, cv: 1e200 },
      /gamma duration: cv must be .*at most 100, got 1e\+200/,
    ],
    [
      'a gamma cv just above the maximum',
      { dist: 'gamma', mean: 10, cv: 100.5 },
      /gamma duration: cv .* got 100.5/,
    ],
    [
      'a tiny negative cv',
      { dist: 'gamma', mean: 10, cv: -1e-300 },
      /gamma duration: cv must be ≥ 0 .* got -1e-300/,
    ],
    ['a NaN cv', { dist: 'lognormal', mean: 10, cv: NaN }, /lognormal duration: cv .* got NaN/],
    [
      'a cv given as text',
      { dist: 'lognormal', mean: 10, cv: '0.5' as unknown as number },
      /lognormal duration: cv .* got 0.5/,
    ],
    [
      'a table value above the maximum',
      { dist: 'empirical', values: [1, 1e16] },
      /empirical duration: values\[1\] .*at most .* got 10000000000000000/,
    ],
    [
      'an infinite weight',
      { dist: 'empirical', values: [1, 2], weights: [1, Infinity] },
      /empirical duration: weights\[1\] .* got Infinity/,
    ],
    [
      'weights that are all 0',
      { dist: 'empirical', values: [1, 2], weights: [0, 0] },
      /empirical duration: weights must have at least one weight > 0/,
    ],
  ];

  it.each(bad)('rejects %s with a RangeError naming it and its value', (_name, spec, message) => {
    for (const f of [
      (s: DurationSpec) => durationSampler(s, () => 0.5),
      meanOf,
      cvOf,
      lengthBiased,
    ]) {
      expect(() => f(spec)).toThrow(RangeError);
      expect(() => f(spec)).toThrow(message);
    }
  });

  it.each([
    // A stay of 1e308: its length-biased mean was ∞, and the run threw inside a replication.
    [{ dist: 'lognormal', mean: 1e308, cv: 0.5 }, /lognormal duration: mean .* got 1e\+308/],
    [
      { dist: 'exponential', mean: 6e14 },
      /exponential duration: 2 × mean, the mean of a stay in progress, must be at most .* got 2 × 600000000000000/,
    ],
    [
      { dist: 'lognormal', mean: 1e14, cv: 10 },
      /lognormal duration: mean × \(1 \+ cv²\), the mean of a stay in progress, must be at most .* got 100000000000000 × \(1 \+ 10²\)/,
    ],
    [
      { dist: 'gamma', mean: 1e12, cv: 100 },
      /gamma duration: mean × \(1 \+ cv²\), .* got 1000000000000 × \(1 \+ 100²\)/,
    ],
  ] as [DurationSpec, RegExp][])(
    'rejects a stay whose length-biased mean is out of range when it is length-biased: %j',
    (spec, message) => {
      expect(() => lengthBiased(spec)).toThrow(RangeError);
      expect(() => lengthBiased(spec)).toThrow(message);
    },
  );
});
