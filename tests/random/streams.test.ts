// Named random streams: regression pins on the seed derivation, distinct and independent
// streams, and uniformity (all seeded).
import { describe, expect, it } from 'vitest';
import { stream } from '../../sim/random/streams.ts';
import type { RandomSource } from '../../sim/random/source.ts';

function take(source: RandomSource, n: number): number[] {
  return Array.from({ length: n }, () => source());
}

describe('stream', () => {
  // Regression pins, not theory: these change only if the derivation of a stream from
  // (seed, replication, name), or the generator, changes — which changes every result.
  it('gives pinned first draws for the arrivals stream', () => {
    expect(take(stream('doorstroom', 0, 'arrivals/single'), 5)).toEqual([
      0.45365174929611385, 0.5269403266720474, 0.7517349903937429, 0.6914202405605465,
      0.9381609216798097,
    ]);
  });

  it('gives pinned first draws for another stream name', () => {
    expect(take(stream('doorstroom', 0, 'los/shelter'), 5)).toEqual([
      0.3848100977484137, 0.42353282240219414, 0.1902689328417182, 0.8081139847636223,
      0.7693039043806493,
    ]);
  });

  it('gives the same sequence for the same seed, replication and name', () => {
    expect(take(stream('doorstroom', 3, 'los/shelter'), 1000)).toEqual(
      take(stream('doorstroom', 3, 'los/shelter'), 1000),
    );
  });

  it('treats a numeric seed and its decimal string as the same seed', () => {
    expect(take(stream(7, 0, 'a'), 10)).toEqual(take(stream('7', 0, 'a'), 10));
  });

  it.each([
    [
      'name',
      stream('doorstroom', 0, 'arrivals/single'),
      stream('doorstroom', 0, 'arrivals/family'),
    ],
    [
      'replication',
      stream('doorstroom', 0, 'arrivals/single'),
      stream('doorstroom', 1, 'arrivals/single'),
    ],
    [
      'seed',
      stream('doorstroom', 0, 'arrivals/single'),
      stream('doorstroem', 0, 'arrivals/single'),
    ],
  ])('gives a different sequence when only the %s differs', (_what, a, b) => {
    const first = take(a, 100);
    const second = take(b, 100);
    expect(first).not.toEqual(second);
    // Not merely shifted: no draw of one appears among the first draws of the other.
    expect(first.filter((x) => second.includes(x))).toEqual([]);
  });

  it('gives the same numbers whatever order streams are made and drawn in', () => {
    const names = ['arrivals/single', 'stay/shelter', 'initial/shelter/stay', 'parameters'];
    const alone = names.map((name) => take(stream('doorstroom', 4, name), 200));
    // Made in reverse order and drawn round-robin, one number from each in turn.
    const sources = [...names].reverse().map((name) => stream('doorstroom', 4, name));
    const drawn: number[][] = sources.map(() => []);
    for (let i = 0; i < 200; i++) sources.forEach((source, j) => drawn[j].push(source()));
    expect(drawn.reverse()).toEqual(alone);
  });

  it('is unaffected by draws from other streams in between', () => {
    const alone = take(stream('doorstroom', 2, 'exits'), 50);
    const exits = stream('doorstroom', 2, 'exits');
    const other = stream('doorstroom', 2, 'arrivals/single');
    const interleaved = Array.from({ length: 50 }, () => (other(), other(), exits()));
    expect(interleaved).toEqual(alone);
  });

  it('draws uniform numbers in [0, 1) with the right mean', () => {
    const n = 100_000;
    const draws = take(stream('doorstroom', 0, 'uniform'), n);
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = draws.reduce((s, x) => s + x, 0) / n;
    // Uniform(0, 1) has sd 1/√12; allow 4 standard errors.
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 / Math.sqrt(12 * n));
  });

  it('exposes nothing but the draw function', () => {
    const source = stream('doorstroom', 0, 'arrivals/single');
    expect(Object.keys(source)).toEqual([]);
    expect('state' in source || 'int32' in source || 'double' in source).toBe(false);
  });

  it('rejects a seed containing a slash, which would make seed strings ambiguous', () => {
    expect(() => stream('a/0', 0, 'x')).toThrow(RangeError);
    expect(() => stream('a/0', 0, 'x')).toThrow(/seed must not contain '\/'/);
  });

  it.each([-1, 1.5, NaN, Infinity])('rejects replication %s', (replication) => {
    expect(() => stream('doorstroom', replication, 'x')).toThrow(
      /replication must be a non-negative integer/,
    );
  });
});
