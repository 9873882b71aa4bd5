// Intervals under input uncertainty: with replications in groups that share a parameter draw,
// the 95% intervals of means and of P(goal met) rest on the groups; with groups of one they
// are bit for bit the independent intervals.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { randomNormal } from 'd3-random';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import {
  estimate,
  groupedMeanVariance,
  groupedWilson95,
  tHalfWidth,
  wilson95,
} from '../../sim/results/stats.ts';

/** `groups` draws of `perGroup` values: a shared N(0, σ_b²) effect per draw plus N(0, 1) noise. */
function clustered(groups: number, perGroup: number, sigmaBetween: number, seed: string) {
  const source = seedrandom.alea(seed);
  const between = randomNormal.source(source)(0, sigmaBetween);
  const within = randomNormal.source(source)(0, 1);
  const values: number[] = [];
  for (let g = 0; g < groups; g++) {
    const effect = between();
    for (let j = 0; j < perGroup; j++) values.push(10 + effect + within());
  }
  return values;
}

/** The independent interval as it was computed before groups existed (the reference). */
function independentCi(values: number[]): [number, number] {
  const v = values.filter((x) => !Number.isNaN(x));
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  let ss = 0;
  for (const x of v) ss += (x - mean) * (x - mean);
  const half = tHalfWidth(Math.sqrt(ss / (v.length - 1)), v.length);
  return [mean - half, mean + half];
}

const width = (ci: [number, number]) => ci[1] - ci[0];

describe('estimate with groups of replications', () => {
  it('gives bit for bit the independent interval with groups of one', () => {
    const values = clustered(12, 5, 1, 'one');
    values[7] = NaN;
    expect(estimate(values, 1)).toEqual(estimate(values));
    expect(estimate(values).ci95).toEqual(independentCi(values));
  });

  it('is the Student-t interval over the group means for whole groups', () => {
    const k = 5;
    const values = clustered(12, k, 1, 'means');
    const means = Array.from({ length: 12 }, (_, g) => {
      const group = values.slice(g * k, (g + 1) * k);
      return group.reduce((s, x) => s + x, 0) / k;
    });
    const overTheMeans = independentCi(means);
    const grouped = estimate(values, k);
    expect(grouped.ci95[0]).toBeCloseTo(overTheMeans[0], 12);
    expect(grouped.ci95[1]).toBeCloseTo(overTheMeans[1], 12);
    // The mean and the spread of outcomes stay those of all values.
    const all = estimate(values);
    expect(grouped.mean).toBe(all.mean);
    expect([grouped.p5, grouped.p50, grouped.p95, grouped.n]).toEqual([
      all.p5,
      all.p50,
      all.p95,
      all.n,
    ]);
  });

  it('is wider than the independent interval when the draws differ', () => {
    const values = clustered(20, 10, 1, 'wider');
    const ratio = width(estimate(values, 10).ci95) / width(estimate(values).ci95);
    // The design effect 1 + (k − 1)·ρ is 5.5 here (ρ = ½), so the width about √5.5 ≈ 2.3 times.
    expect(ratio).toBeGreaterThan(1.5);
  });

  it('counts a group cut short and NaN values with what they hold', () => {
    const k = 4;
    const values = clustered(6, k, 1, 'ragged').slice(0, 22); // 5 whole groups and 2 values
    values[1] = NaN;
    values[8] = values[9] = values[10] = values[11] = NaN; // a group with no value at all
    const v = groupedMeanVariance(values, k, estimate(values).mean);
    expect(v.groups).toBe(5);
    // The ratio (CR1) form by hand: G/(G − 1) · Σ (S_g − n_g·mean)² / n².
    const finite = values.filter((x) => !Number.isNaN(x));
    const mean = finite.reduce((s, x) => s + x, 0) / finite.length;
    let ss = 0;
    for (const start of [0, 4, 12, 16, 20]) {
      const group = values.slice(start, start + k).filter((x) => !Number.isNaN(x));
      ss += (group.reduce((s, x) => s + x, 0) - group.length * mean) ** 2;
    }
    const expected = ((5 / 4) * ss) / finite.length ** 2;
    expect(v.variance).toBeCloseTo(expected, 14);
    const e = estimate(values, k);
    expect(e.ci95[1] - e.mean).toBeCloseTo(tQuantile(0.975, 4) * Math.sqrt(expected), 12);
    expect(e.n).toBe(finite.length);
  });

  it('has no interval with fewer than two groups holding a value', () => {
    expect(estimate([1, 2, 3, 4], 4).ci95).toEqual([NaN, NaN]);
    expect(estimate([1, 2, 3, 4, NaN, NaN], 4).ci95).toEqual([NaN, NaN]);
    expect(estimate([1, 2, 3, 4, 5], 4).ci95.every(Number.isFinite)).toBe(true);
  });

  it('refuses a group size that is not a whole number of at least one', () => {
    expect(() => estimate([1, 2], 0)).toThrow(RangeError);
    expect(() => estimate([1, 2], 2.5)).toThrow(RangeError);
  });
});

describe('the interval of a probability over groups of replications', () => {
  it('is the Wilson interval of the successes with groups of one', () => {
    const outcomes = [1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1, 1, 1];
    const successes = outcomes.filter((x) => x === 1).length;
    expect(groupedWilson95(outcomes, 1)).toEqual(wilson95(successes, outcomes.length));
  });

  it('is wider than the Wilson interval when whole draws succeed or fail together', () => {
    // Ten draws of ten; each draw either meets the goal in 9 of 10 or in 1 of 10.
    const outcomes = Array.from({ length: 100 }, (_, i) =>
      Math.floor(i / 10) % 2 === 0 ? Number(i % 10 !== 0) : Number(i % 10 === 0),
    );
    const independent = wilson95(50, 100);
    const grouped = groupedWilson95(outcomes, 10);
    expect(width(grouped)).toBeGreaterThan(1.5 * width(independent));
    expect(grouped[0]).toBeLessThan(0.5);
    expect(grouped[1]).toBeGreaterThan(0.5);
  });

  it('is never narrower than the Wilson interval, even when the draws agree more than chance', () => {
    // Every draw meets the goal in exactly 3 of 10: the group means do not vary at all.
    const outcomes = Array.from({ length: 200 }, (_, i) => Number(i % 10 < 3));
    expect(width(groupedWilson95(outcomes, 10))).toBeGreaterThanOrEqual(width(wilson95(60, 200)));
  });

  it('treats every draw as a single trial when no replication (or every one) meets the goal', () => {
    const none = groupedWilson95(new Array(100).fill(0), 10);
    expect(none[0]).toBe(0);
    expect(none[1]).toBeGreaterThan(wilson95(0, 100)[1]);
    expect(none[1]).toBeGreaterThanOrEqual(wilson95(0, 10)[1]);
    const all = groupedWilson95(new Array(100).fill(1), 10);
    expect(all[1]).toBe(1);
    expect(1 - all[0]).toBeCloseTo(none[1], 12);
  });

  it('has no interval with fewer than two groups', () => {
    expect(groupedWilson95([1, 0, 1, 1], 4)).toEqual([NaN, NaN]);
    expect(groupedWilson95([], 4)).toEqual([NaN, NaN]);
  });
});
