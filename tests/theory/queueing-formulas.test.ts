// The queueing formulas of tests/helpers/queueing.ts against closed forms and published
// values, so the theory tests compare the model with the right numbers.
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, mmc } from '../helpers/queueing.ts';

describe('erlangB', () => {
  it('is a/(1 + a) for one server', () => {
    for (const a of [0.1, 1, 3.5]) expect(erlangB(1, a)).toBeCloseTo(a / (1 + a), 14);
  });

  it('matches the closed form (a^c/c!) / Σ a^k/k!', () => {
    const direct = (c: number, a: number) => {
      let term = 1;
      let sum = 1;
      for (let k = 1; k <= c; k++) sum += term *= a / k;
      return term / sum;
    };
    for (const [c, a] of [
      [5, 4],
      [10, 7.5],
      [30, 25],
    ]) {
      expect(erlangB(c, a)).toBeCloseTo(direct(c, a), 12);
    }
  });

  it('gives the tabulated blocking of 5 lines offered 4 erlangs (0.1991)', () => {
    expect(erlangB(5, 4)).toBeCloseTo(0.1991, 4);
  });

  it('rejects a non-integer number of servers', () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
  });
});

describe('erlangC and mmc', () => {
  it('gives M/M/1: P(wait) = ρ and Lq = ρ²/(1 − ρ)', () => {
    const q = mmc(0.8, 1, 1);
    expect(q.pWait).toBeCloseTo(0.8, 14);
    expect(q.lq).toBeCloseTo(0.64 / 0.2, 12);
  });

  it('gives the tabulated M/M/5 with a = 4: C = 0.5541, Lq = 2.2165', () => {
    expect(erlangC(5, 4)).toBeCloseTo(0.5541, 4);
    expect(mmc(0.4, 0.1, 5).lq).toBeCloseTo(2.2165, 4);
  });

  it('satisfies Little: L = λ·W and Lq = λ·Wq', () => {
    const q = mmc(0.4, 0.1, 5);
    expect(q.l).toBeCloseTo(0.4 * q.w, 12);
    expect(q.lq).toBeCloseTo(0.4 * q.wq, 12);
    expect(q.l - q.lq).toBeCloseTo(4, 12);
  });

  it('rejects an unstable queue', () => {
    expect(() => erlangC(5, 5)).toThrow(RangeError);
  });
});
