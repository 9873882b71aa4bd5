// Statistical quality of the streams, seeded so deterministic: distinct triples give distinct
// streams, draws are uniform (mean, variance, chi-square, Kolmogorov–Smirnov), serially
// and across streams uncorrelated. Every tolerance is 4 standard errors
// of the statistic (or its 1% critical value), derived in the comment beside it.
import { describe, expect, it } from 'vitest';
import { stream } from '../../sim/random/streams.ts';
import type { RandomSource } from '../../sim/random/source.ts';
import { correlation } from '../helpers/correlation.ts';

function take(source: RandomSource, n: number): Float64Array {
  return Float64Array.from({ length: n }, () => source());
}

/** Stream names as the model makes them: per purpose, per facility, per household type. */
const MODEL_NAMES = [
  'parameters',
  ...['single', 'family', 'youth', 'couple'].flatMap((t) => [`arrivals/${t}`, `person/${t}`]),
  ...Array.from({ length: 24 }, (_, i) => `facility-${i}`).flatMap((f) => [
    `stay/${f}`,
    `initial/${f}/stay`,
    `initial/${f}`,
  ]),
];

/**
 * The Kolmogorov–Smirnov distance of a sample from Uniform(0, 1). 1.63/√n is the asymptotic
 * 1% critical value of the Kolmogorov distribution.
 */
function ksUniform(xs: Float64Array): number {
  const sorted = Float64Array.from(xs).sort();
  const n = sorted.length;
  let d = 0;
  sorted.forEach((x, i) => {
    d = Math.max(d, (i + 1) / n - x, x - i / n);
  });
  return d;
}

describe('distinct stream triples', () => {
  it('give distinct streams over 162,000 triples (no equal first two draws)', () => {
    // 2 seeds × 1000 replications × 81 model names. The first two draws (64 bits) are
    // compared, not the first alone: 32 bits collide by the birthday bound even for a
    // perfect generator (expected pairs C(n, 2)/2³² ≈ 3.1 here), 64 bits with odds of 10⁻⁹.
    const seen = new Set<string>();
    const firsts = new Map<number, number>();
    let count = 0;
    for (const seed of ['doorstroom', 20240101]) {
      for (let replication = 0; replication < 1000; replication++) {
        for (const name of MODEL_NAMES) {
          const source = stream(seed, replication, name);
          const first = source();
          seen.add(`${first} ${source()}`);
          firsts.set(first, (firsts.get(first) ?? 0) + 1);
          count++;
        }
      }
    }
    expect(count).toBe(2 * 1000 * MODEL_NAMES.length);
    expect(seen.size).toBe(count);
    // Pairs of triples with equal first draws: for independent uniform 32-bit draws their
    // number is close to Poisson with mean C(n, 2)/2³² ≈ 3.1; allow 4 of its standard
    // deviations above. A hash that mapped neighbouring triples together would give many.
    let equalPairs = 0;
    for (const c of firsts.values()) equalPairs += (c * (c - 1)) / 2;
    const expected = (count * (count - 1)) / 2 / 2 ** 32;
    expect(equalPairs).toBeLessThanOrEqual(expected + 4 * Math.sqrt(expected));
  });

  it('give first draws that are themselves uniform across 20,000 names', () => {
    // A hash that mixed badly would give neighbouring names similar first draws.
    const n = 20_000;
    const first = Float64Array.from({ length: n }, (_, i) =>
      stream('doorstroom', 0, `stay/${i}`)(),
    );
    expect(ksUniform(first)).toBeLessThan(1.63 / Math.sqrt(n));
    // Neighbouring names and neighbouring replications: correlation of first draws ~ N(0, 1/n).
    const next = Float64Array.from({ length: n }, (_, i) =>
      stream('doorstroom', 0, `stay/${i + 1}`)(),
    );
    const nextReplication = Float64Array.from({ length: n }, (_, i) =>
      stream('doorstroom', 1, `stay/${i}`)(),
    );
    expect(Math.abs(correlation(first, next))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(correlation(first, nextReplication))).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('draws of one stream', () => {
  const n = 1_000_000;
  const draws = take(stream('doorstroom', 0, 'uniformity'), n);

  it('lie in [0, 1) on the 2⁻³² grid', () => {
    expect(draws.every((x) => x >= 0 && x < 1 && Number.isInteger(x * 2 ** 32))).toBe(true);
  });

  it('have the uniform mean 1/2 and variance 1/12, within 4 standard errors', () => {
    let sum = 0;
    for (const x of draws) sum += x;
    const mean = sum / n;
    let squares = 0;
    for (const x of draws) squares += (x - mean) ** 2;
    const variance = squares / (n - 1);
    // SE of the mean: σ/√n with σ² = 1/12. SE of the sample variance: √((μ₄ − σ⁴)/n), with
    // μ₄ = 1/80 for the uniform, so μ₄ − σ⁴ = 1/80 − 1/144 = 1/180.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 / Math.sqrt(12 * n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 / Math.sqrt(180 * n));
  });

  it('fill 1000 equal bins as a chi-square with 999 degrees of freedom', () => {
    const bins = 1000;
    const counts = new Float64Array(bins);
    for (const x of draws) counts[Math.floor(x * bins)]++;
    const expected = n / bins;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // χ²(k) has mean k and sd √(2k) (near normal at k = 999): too large means uneven bins,
    // too small means bins too even to be random.
    const k = bins - 1;
    expect(Math.abs(chi2 - k)).toBeLessThan(4 * Math.sqrt(2 * k));
  });

  it('follow the uniform CDF (Kolmogorov–Smirnov distance below the 1% value 1.63/√n)', () => {
    expect(ksUniform(draws)).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it('are uncorrelated with the next draw (lag-1 autocorrelation ~ N(0, 1/n))', () => {
    const now = draws.subarray(0, n - 1);
    const next = draws.subarray(1);
    expect(Math.abs(correlation(now, next))).toBeLessThan(4 / Math.sqrt(n - 1));
  });

  it('give pairs spread evenly over a 32 × 32 grid (serial test, chi-square 1023 df)', () => {
    // Successive pairs (x₂ᵢ, x₂ᵢ₊₁) as cells of a grid: catches dependence a correlation
    // misses (it is what an LCG's lattice fails).
    const side = 32;
    const counts = new Float64Array(side * side);
    for (let i = 0; i + 1 < n; i += 2) {
      counts[Math.floor(draws[i] * side) * side + Math.floor(draws[i + 1] * side)]++;
    }
    const expected = n / 2 / counts.length;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    const k = counts.length - 1;
    expect(Math.abs(chi2 - k)).toBeLessThan(4 * Math.sqrt(2 * k));
  });
});

describe('draws of different streams', () => {
  it('are uncorrelated, draw by draw, for neighbouring names, replications and seeds', () => {
    // Each correlation of n paired draws is ~ N(0, 1/n), and n·r² ~ χ²(1); their sum over
    // m independent pairs of streams is χ²(m), mean m and sd √(2m).
    const n = 20_000;
    const pairs: [RandomSource, RandomSource][] = [];
    for (let i = 0; i < 10; i++) {
      pairs.push([stream('doorstroom', 0, `stay/${i}`), stream('doorstroom', 0, `stay/${i + 1}`)]);
      pairs.push([
        stream('doorstroom', i, 'arrivals/single'),
        stream('doorstroom', i + 1, 'arrivals/single'),
      ]);
      pairs.push([stream(i, 0, 'parameters'), stream(i + 1, 0, 'parameters')]);
      pairs.push([
        stream('doorstroom', i, `stay/${i}`),
        stream('doorstroom', i, `initial/${i}/stay`),
      ]);
    }
    let sumSquares = 0;
    for (const [a, b] of pairs) {
      const r = correlation(take(a, n), take(b, n));
      expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
      sumSquares += n * r * r;
    }
    const m = pairs.length;
    expect(Math.abs(sumSquares - m)).toBeLessThan(4 * Math.sqrt(2 * m));
  });
});
