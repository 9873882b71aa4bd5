// The paired polar normal sampler: N(0, 1) moments and CDF, both deviates of a pair used and
// independent, the uniforms it costs, and its bound at the edges of the source. Seeded.
import { describe, expect, it } from 'vitest';
import { normalSampler } from '../../sim/random/normal.ts';
import { stream } from '../../sim/random/streams.ts';
import { ksDistance, normalCdf } from './cdf.ts';
import { correlation } from '../helpers/correlation.ts';

const N = 200_000;

describe('normalSampler', () => {
  const normal = normalSampler(stream('doorstroom', 0, 'normal'));
  const zs = Float64Array.from({ length: N }, normal);

  it('draws mean 0 and variance 1, within 4 standard errors', () => {
    const mean = zs.reduce((s, z) => s + z, 0) / N;
    const variance = zs.reduce((s, z) => s + (z - mean) ** 2, 0) / (N - 1);
    // SE of the mean 1/√n; of the sample variance √((μ₄ − σ⁴)/n) = √(2/n) (μ₄ = 3).
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(variance - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it('follows Φ (Kolmogorov–Smirnov distance below the 1% value 1.63/√n)', () => {
    expect(ksDistance(zs, normalCdf)).toBeLessThan(1.63 / Math.sqrt(N));
  });

  it('follows Φ in the first and in the second deviates of the pairs alike', () => {
    const first = zs.filter((_, i) => i % 2 === 0);
    const second = zs.filter((_, i) => i % 2 === 1);
    const critical = 1.63 / Math.sqrt(N / 2);
    expect(ksDistance(first, normalCdf)).toBeLessThan(critical);
    expect(ksDistance(second, normalCdf)).toBeLessThan(critical);
  });

  it('gives uncorrelated deviates within a pair, across pairs, and in their squares', () => {
    // Correlations of n pairs ~ N(0, 1/n). The squares catch the dependence of x·f and y·f
    // through the shared f if it were wrong (for the polar method they are independent).
    const first = zs.filter((_, i) => i % 2 === 0);
    const second = zs.filter((_, i) => i % 2 === 1);
    const n = first.length;
    const bound = 4 / Math.sqrt(n);
    expect(Math.abs(correlation(first, second))).toBeLessThan(bound);
    expect(Math.abs(correlation(second.subarray(0, n - 1), first.subarray(1)))).toBeLessThan(bound);
    const square = (xs: Float64Array) => xs.map((x) => x * x);
    expect(Math.abs(correlation(square(first), square(second)))).toBeLessThan(bound);
  });

  it('uses both deviates of a pair: 4/π uniforms per deviate, within 4 standard errors', () => {
    let calls = 0;
    const source = stream('doorstroom', 0, 'normal cost');
    const counted = normalSampler(() => (calls++, source()));
    const pairs = 50_000;
    for (let i = 0; i < 2 * pairs; i++) counted();
    // A pair takes 2A uniforms, A geometric with success p = π/4 (the disc in the square):
    // mean 2/p, variance 4(1 − p)/p².
    const p = Math.PI / 4;
    const sd = Math.sqrt((pairs * 4 * (1 - p)) / p ** 2);
    expect(Math.abs(calls - (pairs * 2) / p)).toBeLessThan(4 * sd);
  });

  it('draws nothing for the second deviate of a pair', () => {
    let calls = 0;
    const source = stream('doorstroom', 0, 'normal pair');
    const counted = normalSampler(() => (calls++, source()));
    for (let i = 0; i < 100; i++) {
      counted();
      const before = calls;
      counted();
      expect(calls).toBe(before);
    }
  });

  it('stays within its documented bound at the edges of the source', () => {
    // x = 0 and the smallest y the grid allows make s smallest, and |deviate| √(−2 ln s).
    const deviates = (u: number[]) => {
      let i = 0;
      const sample = normalSampler(() => u[i++ % u.length]);
      return [sample(), sample()];
    };
    // A stream's 32-bit grid: y = 2⁻³¹, s = 2⁻⁶², deviate √(124 ln 2) ≈ 9.27.
    const [x32, y32] = deviates([0.5, 0.5 + 2 ** -32]);
    expect(x32).toBe(0);
    expect(y32).toBeCloseTo(Math.sqrt(124 * Math.LN2), 12);
    expect(y32).toBeLessThan(9.3);
    // Any double: u = ½ − 2⁻⁵⁴ gives x = y = −2⁻⁵³, s = 2⁻¹⁰⁵, each ≈ −8.53; the single
    // smallest |x| with y = 0 gives s = 2⁻¹⁰⁶ and √(212 ln 2) ≈ 12.12.
    const [a, b] = deviates([0.5 - 2 ** -54, 0.5 - 2 ** -54]);
    expect(a).toBe(b);
    expect(Math.abs(a)).toBeLessThan(12.13);
    const [c] = deviates([0.5 - 2 ** -54, 0.5]);
    expect(Math.abs(c)).toBeCloseTo(Math.sqrt(212 * Math.LN2), 12);
    expect(Math.abs(c)).toBeLessThan(12.13);
  });
});
