// HeapKernel internals the Engine contract does not show: growth, compaction, handles.
import { describe, it, expect } from 'vitest';
import { actionKernel } from '../helpers/action-engine.ts';

/** Uniforms in [0, 1) from a 32-bit LCG. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('HeapKernel', () => {
  it('grows past its initial capacity and fires by time, then by scheduling order', () => {
    const random = lcg(42);
    const kernel = actionKernel(16);
    const times: number[] = [];
    const fired: number[] = [];
    for (let id = 0; id < 100_000; id++) {
      const time = Math.floor(random() * 500) / 10; // many exact ties
      times.push(time);
      kernel.at(time, () => fired.push(id));
    }
    kernel.run(100);
    const expected = times.map((_, id) => id).sort((a, b) => times[a] - times[b] || a - b);
    expect(fired).toEqual(expected);
    expect(kernel.pending).toBe(0);
  });

  it('compacts cancelled events away without changing what fires, or in which order', () => {
    const random = lcg(7);
    const kernel = actionKernel();
    const times: number[] = [];
    const handles: number[] = [];
    const fired: number[] = [];
    for (let id = 0; id < 20_000; id++) {
      const time = Math.floor(random() * 100);
      times.push(time);
      handles.push(kernel.at(time, () => fired.push(id)));
    }
    const kept: number[] = [];
    for (let id = 0; id < times.length; id++) {
      if (id % 10 === 3) kept.push(id);
      else expect(kernel.cancel(handles[id])).toBe(true);
    }
    expect(kernel.pending).toBe(kept.length);
    for (let id = 0; id < times.length; id++) {
      if (id % 10 !== 3) expect(kernel.cancel(handles[id])).toBe(false);
    }
    kernel.run(100);
    expect(fired).toEqual(kept.sort((a, b) => times[a] - times[b] || a - b));
    expect(kernel.eventsProcessed).toBe(kept.length);
  });

  it('does not let a stale handle cancel a later event that reuses its slot', () => {
    const kernel = actionKernel();
    const first = kernel.at(1, () => {});
    kernel.run(1);
    let ran = false;
    const second = kernel.at(2, () => {
      ran = true;
    });
    expect(second).not.toBe(first);
    expect(kernel.cancel(first)).toBe(false);
    kernel.run(2);
    expect(ran).toBe(true);
  });

  it('never hands out 0 as a handle', () => {
    const kernel = actionKernel();
    for (let i = 0; i < 100; i++) expect(kernel.at(i, () => {})).not.toBe(0);
  });
});
