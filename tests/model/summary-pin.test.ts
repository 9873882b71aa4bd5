// The pin of a summary must change when any single value of the summary changes by one bit,
// and name the figure or part that holds the value.
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../sim/run-replications.ts';
import { CHAIN_KPIS } from '../../sim/results/columns.ts';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import { defaultScenario } from '../helpers/scenarios.ts';
import { exactJson, pinChanges, pinOf } from './summary-pin.ts';

/** A node of the summary, keyed by name or index. */
type Tree = Record<string | number, unknown>;

/** Every leaf of `v` with its path (keys and indices), in key order. */
function leaves(v: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return [path];
  return Object.entries(v).flatMap(([k, x]) =>
    leaves(x, [...path, Array.isArray(v) ? Number(k) : k]),
  );
}

/** The next value after `x`, one bit apart for finite numbers. */
function nudged(x: unknown): unknown {
  if (typeof x === 'string') return `${x}x`;
  if (typeof x !== 'number') throw new Error(`unexpected leaf ${String(x)}`);
  if (Number.isNaN(x)) return 0;
  if (x === Infinity) return Number.MAX_VALUE;
  if (x === -Infinity) return -Number.MAX_VALUE;
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

/**
 * Where leaf `path` of summary `s` sits in its pin, as a dotted path: a year row by its
 * year, a chain-wide figure other than the mean in the year's `chain` part.
 */
function pinPathOf(s: RunSummary, path: (string | number)[]): string {
  if (path[0] !== 'years') return path.join('.');
  const at = `years.${s.years[path[1] as number].year}`;
  const [kpi, ...rest] = path.slice(2);
  const inChain = (CHAIN_KPIS as readonly unknown[]).includes(kpi) && rest[0] !== 'mean';
  return [at, ...(inChain ? ['chain'] : []), kpi, ...rest].join('.');
}

/** The pin of `s` as it is read back from the pin file, under case name `c`. */
const pinned = (s: RunSummary) => ({ c: JSON.parse(exactJson(pinOf(s))) as unknown });

/** Changes between the pins of `a` (or its pin) and `b`, named without the case. */
function moved(a: RunSummary | ReturnType<typeof pinned>, b: RunSummary): string[] {
  const was = 'c' in a ? a : pinned(a);
  return pinChanges(was, pinned(b)).map((c) => c.where.replace(/^c › (hashes\.)?/, ''));
}

describe('summary pins', () => {
  const summary = runReplications(defaultScenario(), { replications: 2 });
  const all = leaves(summary);

  it('change, naming the part, when any sampled value moves by one bit', () => {
    // Every 89th leaf (coprime with the band and week counts, so all kinds are reached),
    // and the first and last leaf of every top-level part.
    const firstAndLast = Object.keys(summary).flatMap((k) => {
      const inPart = all.filter((p) => p[0] === k);
      return [inPart[0], inPart.at(-1)!];
    });
    const sample = [...all.filter((_, i) => i % 89 === 0), ...firstAndLast];
    expect(sample.length).toBeGreaterThan(250);
    const before = pinned(summary);
    const copy = structuredClone(summary);
    for (const path of sample) {
      const parent = path.slice(0, -1).reduce<unknown>((t, k) => (t as Tree)[k], copy) as Tree;
      const key = path.at(-1)!;
      const value = parent[key];
      parent[key] = nudged(value);
      const at = pinPathOf(summary, path);
      const naming = moved(before, copy).filter((c) => at === c || at.startsWith(`${c}.`));
      expect(naming, path.join('.')).toHaveLength(1);
      parent[key] = value;
    }
  });

  it('name exactly the one part that moved', () => {
    const copy = structuredClone(summary);
    const p95 = copy.weekly.series.street.p95;
    p95[p95.length - 1] = nudged(p95.at(-1)) as number;
    expect(moved(summary, copy)).toEqual(['weekly.series.street']);
    expect(moved(summary, structuredClone(summary))).toEqual([]);
  });

  it('tell -0 from 0 and NaN from a missing value', () => {
    const copy = structuredClone(summary);
    copy.goal.pMet = summary.goal.pMet === 0 ? -0 : 0;
    expect(moved(summary, copy)).toEqual(['goal.pMet']);
    const nan = structuredClone(summary);
    nan.goal.triageShare.p5 = NaN;
    expect(moved(summary, nan)).toEqual(['goal.triageShare.p5']);
  });
});
