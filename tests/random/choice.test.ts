// Discrete choices: bernoulli and weighted index picking, against their probabilities.
import { describe, expect, it } from 'vitest';
import { bernoulli, cumulativeWeights, pickIndex } from '../../sim/random/choice.ts';
import { stream } from '../../sim/random/streams.ts';

/** The largest number a stream can return (its draws are multiples of 2⁻³²). */
const ALMOST_ONE = 1 - 2 ** -32;

describe('bernoulli', () => {
  it('is true with frequency p, within 4 standard errors', () => {
    const source = stream('doorstroom', 0, 'bernoulli');
    const n = 100_000;
    const p = 0.3;
    let hits = 0;
    for (let i = 0; i < n; i++) if (bernoulli(source, p)) hits++;
    expect(Math.abs(hits / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });

  it('is never true for p = 0 and always true for p = 1, even at the ends of the source', () => {
    for (const u of [0, 0.5, ALMOST_ONE]) {
      expect(bernoulli(() => u, 0)).toBe(false);
      expect(bernoulli(() => u, 1)).toBe(true);
    }
  });

  it('uses exactly one draw', () => {
    let calls = 0;
    bernoulli(() => (calls++, 0.5), 0.5);
    expect(calls).toBe(1);
  });

  it.each([-0.1, 1.1, NaN])('rejects probability %s', (p) => {
    expect(() => bernoulli(() => 0.5, p)).toThrow(RangeError);
    expect(() => bernoulli(() => 0.5, p)).toThrow(/probability must be in \[0, 1\]/);
  });
});

describe('pickIndex', () => {
  it('picks each index with frequency proportional to its weight, within 4 standard errors', () => {
    const weights = [5, 0, 1, 3, 0.5, 0];
    const cumulative = cumulativeWeights(weights);
    const source = stream('doorstroom', 0, 'pick');
    const n = 100_000;
    const counts = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < n; i++) counts[pickIndex(source, cumulative)]++;
    const total = weights.reduce((s, w) => s + w, 0);
    weights.forEach((w, i) => {
      const p = w / total;
      expect(Math.abs(counts[i] / n - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / n));
    });
    expect(counts[1] + counts[5]).toBe(0);
  });

  it('never picks a zero weight, even at the ends of the source', () => {
    const cumulative = cumulativeWeights([0, 2, 0, 0, 1, 0]);
    expect(pickIndex(() => 0, cumulative)).toBe(1);
    expect(pickIndex(() => ALMOST_ONE, cumulative)).toBe(4);
    expect(pickIndex(() => 1 - 2 ** -53, cumulative)).toBe(4);
  });

  it('picks at the boundaries between weights as the cumulative sums say', () => {
    const cumulative = [1, 2, 3, 4];
    expect([0, 0.2499, 0.25, 0.5, 0.7499, 0.75].map((u) => pickIndex(() => u, cumulative))).toEqual(
      [0, 0, 1, 2, 2, 3],
    );
  });

  it('returns 0 for a single weight', () => {
    expect(pickIndex(() => ALMOST_ONE, cumulativeWeights([0.1]))).toBe(0);
  });
});

describe('cumulativeWeights', () => {
  it('returns the running sums', () => {
    expect(Array.from(cumulativeWeights([1, 0, 2.5]))).toEqual([1, 1, 3.5]);
  });

  it('scales weights whose sum overflows by a power of two, keeping their proportions', () => {
    const huge = cumulativeWeights([Number.MAX_VALUE, 0, Number.MAX_VALUE]);
    expect(huge.every(Number.isFinite)).toBe(true);
    expect(huge[0] / huge[2]).toBe(0.5);
    expect([0, 0.4999, 0.5, ALMOST_ONE].map((u) => pickIndex(() => u, huge))).toEqual([0, 0, 2, 2]);
    // 7·2¹⁰²⁰ + 10·2¹⁰²⁰ overflows; scaled, the sums are those of [7, 10] times a power of two.
    const scaled = cumulativeWeights([7 * 2 ** 1020, 10 * 2 ** 1020]);
    const plain = cumulativeWeights([7, 10]);
    expect(scaled[1] / scaled[0]).toBe(plain[1] / plain[0]);
    const source = stream('doorstroom', 0, 'scaled pick');
    for (let i = 0; i < 1000; i++) {
      const u = source();
      expect(pickIndex(() => u, scaled)).toBe(pickIndex(() => u, plain));
    }
  });

  it.each([
    [[], /pathway weights must not be empty/],
    [[1, -1], /pathway weights\[1\] must be finite and ≥ 0, got -1/],
    [[NaN], /pathway weights\[0\] must be finite and ≥ 0, got NaN/],
    [[1, Infinity], /pathway weights\[1\] must be finite and ≥ 0, got Infinity/],
    [[0, 0], /pathway weights must have at least one weight > 0/],
  ])('rejects %j, naming the problem', (weights, message) => {
    expect(() => cumulativeWeights(weights, 'pathway weights')).toThrow(RangeError);
    expect(() => cumulativeWeights(weights, 'pathway weights')).toThrow(message);
  });
});
