// The variance split groups replications as the run's intervals do (replication i in draw
// floor(i / k), NaN left out, a last draw cut short counted with what it holds), and answers
// NaN instead of throwing when a run's outcomes cannot be split.
import { describe, expect, it } from 'vitest';
import { varianceSplit } from '../../sim/analysis/variance-split.ts';

/** The balanced one-way random-effects split by the textbook formulas (the reference). */
function balanced(values: number[], k: number) {
  const g = values.length / k;
  const means = Array.from({ length: g }, (_, j) => {
    const group = values.slice(j * k, (j + 1) * k);
    return group.reduce((a, x) => a + x, 0) / k;
  });
  const grand = means.reduce((a, m) => a + m, 0) / g;
  const msb = (k * means.reduce((a, m) => a + (m - grand) ** 2, 0)) / (g - 1);
  let ssw = 0;
  values.forEach((x, i) => (ssw += (x - means[Math.floor(i / k)]) ** 2));
  const msw = ssw / (g * (k - 1));
  return { parameters: Math.max(0, (msb - msw) / k), chance: msw };
}

describe('variance split', () => {
  it('is the textbook split for whole draws', () => {
    const values = Array.from({ length: 24 }, (_, i) => Math.floor(i / 4) + Math.sin(i * 7));
    const split = varianceSplit(values, 4);
    const expected = balanced(values, 4);
    expect(split.parameters).toBeCloseTo(expected.parameters, 12);
    expect(split.chance).toBeCloseTo(expected.chance, 12);
    expect(split.groups).toBe(6);
  });

  it('counts a draw cut short and leaves NaN out, with the unbalanced n₀', () => {
    const split = varianceSplit([1, 3, NaN, 5, 7, 6, 9], 3);
    // The draws by hand: [1, 3] (the NaN left out), [5, 7, 6] and, cut short, [9].
    const draws = [[1, 3], [5, 7, 6], [9]];
    const n = 6;
    const grand = (1 + 3 + 5 + 7 + 6 + 9) / n;
    const mean = (d: number[]) => d.reduce((a, x) => a + x, 0) / d.length;
    const ssb = draws.reduce((a, d) => a + d.length * (mean(d) - grand) ** 2, 0);
    const ssw = draws.reduce((a, d) => a + d.reduce((b, x) => b + (x - mean(d)) ** 2, 0), 0);
    const msb = ssb / (3 - 1);
    const msw = ssw / (n - 3);
    const n0 = (n - (2 * 2 + 3 * 3 + 1) / n) / (3 - 1);
    expect(split.groups).toBe(3);
    expect(split.chance).toBeCloseTo(msw, 12);
    expect(split.parameters).toBeCloseTo((msb - msw) / n0, 12);
  });

  it('answers NaN, not an exception, when the outcomes cannot be split', () => {
    const cases: [number[], number][] = [
      [[0.1, 0.2, 0.3], 4], // not one whole draw
      [[0.1, 0.2, 0.3, 0.4, NaN, NaN], 4], // one draw with values, and a part of one without
      [[0.1, 0.2, 0.3, 0.4], 1], // one replication per draw: no chance within a draw
      [[NaN, NaN, NaN, NaN], 2], // no values at all
      [[], 3],
    ];
    for (const [values, k] of cases) {
      const split = varianceSplit(values, k);
      expect(split.parameters, `${values} by ${k}`).toBeNaN();
      expect(split.chance).toBeNaN();
      expect(split.parameterShare).toBeNaN();
      expect(split.perGroup).toBe(k);
    }
  });

  it('refuses a number per draw that is not a whole number of at least one', () => {
    expect(() => varianceSplit([1, 2, 3, 4], 0)).toThrow(RangeError);
    expect(() => varianceSplit([1, 2, 3, 4], 1.5)).toThrow(RangeError);
  });
});
