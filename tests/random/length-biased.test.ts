// Initial occupants get residual stays from the length-biased stay distribution: its mean
// must be E[S²]/E[S] = mean·(1 + cv²), checked by sampling within 4 standard errors.
import { describe, it, expect } from 'vitest';
import { durationSampler, lengthBiased, meanOf, cvOf } from '../../sim/random/duration.ts';
import type { DurationSpec } from '../../sim/random/duration-spec.ts';
import { stream } from '../../sim/random/streams.ts';

const specs: DurationSpec[] = [
  { dist: 'fixed', mean: 30 },
  { dist: 'exponential', mean: 30 },
  { dist: 'lognormal', mean: 200, cv: 0.6 },
  { dist: 'gamma', mean: 2200, cv: 0.15 },
  { dist: 'empirical', values: [10, 100], weights: [3, 1] },
];

describe('the length-biased stay', () => {
  it.each(specs.map((s) => [s.dist, s] as const))('of a %s stay has mean E[S²]/E[S]', (_, spec) => {
    const m = meanOf(spec);
    const cv = cvOf(spec);
    const expected = m * (1 + cv * cv);
    const biased = lengthBiased(spec);
    expect(meanOf(biased)).toBeCloseTo(expected, 9);
    const draw = durationSampler(biased, stream('length-biased', 0, spec.dist));
    const n = 20000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += draw();
    const se = (meanOf(biased) * cvOf(biased)) / Math.sqrt(n);
    expect(Math.abs(sum / n - expected)).toBeLessThanOrEqual(4 * se + 1e-9);
  });
});
