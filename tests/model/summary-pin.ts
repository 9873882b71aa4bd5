// The pin of a run summary: small, readable JSON that still changes when any number of the
// summary changes by a single bit. The key figures are written out at full precision (run
// facts, the goal, each year's chain-wide means), so a moved number shows as a readable diff;
// the bulky rest is cut into named parts, each pinned by a hash, so a failure names the part.
// The parts are cut from the whole summary (every key not written out is in some part), so
// nothing falls between them.
import { createHash } from 'node:crypto';
import type { RunSummary } from '../../sim/results/aggregate.ts';

/** Hex digits kept of each part's sha256 (64 bits: plenty to see that a part changed). */
const HASH_DIGITS = 16;

/** Parts whose children are pinned one by one (dotted paths in the summary). */
const SPLIT = new Set(['weekly', 'weekly.series', 'perReplication']);

/** Top-level parts written out in full instead of hashed. */
const READABLE = new Set(['goal', 'meta']);

/** The pin of one summary. */
export interface SummaryPin {
  meta: unknown;
  goal: unknown;
  /** Per reported year: the chain-wide means, by figure. */
  years: Record<string, Record<string, unknown>>;
  /** Per named part: a hash of every number in it. */
  hashes: Record<string, string>;
}

/**
 * JSON of `v` with every number written so that it reads back bit for bit: NaN, ±Infinity
 * and -0 (which plain JSON writes as null, null and 0) as strings.
 */
export function exactJson(v: unknown, indent?: number): string {
  return JSON.stringify(
    v,
    (_key, x: unknown) =>
      typeof x === 'number' && (!Number.isFinite(x) || Object.is(x, -0))
        ? Object.is(x, -0)
          ? '-0'
          : String(x)
        : x,
    indent,
  );
}

/** A value as exactJson writes it, read back (NaN and friends as strings). */
function plain(v: unknown): unknown {
  return JSON.parse(exactJson(v)) as unknown;
}

function hash(v: unknown): string {
  return createHash('sha256').update(exactJson(v)).digest('hex').slice(0, HASH_DIGITS);
}

function isEstimate(v: unknown): v is { mean: number } {
  return typeof v === 'object' && v !== null && 'mean' in v && 'ci95' in v;
}

/** Cuts `value` at `path` into hashed parts, splitting the paths in SPLIT further. */
function cut(path: string, value: unknown, out: Record<string, string>): void {
  if (SPLIT.has(path) && typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) cut(`${path}.${k}`, v, out);
  } else {
    out[path] = hash(value);
  }
}

/** The pin of summary `s`. */
export function pinOf(s: RunSummary): SummaryPin {
  const hashes: Record<string, string> = {};
  const years: SummaryPin['years'] = {};
  for (const [key, value] of Object.entries(s)) {
    if (READABLE.has(key)) continue;
    if (key !== 'years') {
      cut(key, value, hashes);
      continue;
    }
    for (const row of s.years as unknown as Record<string, unknown>[]) {
      const at = `years.${String(row.year)}`;
      const means: Record<string, unknown> = {};
      const chain: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) {
        if (k === 'year') continue;
        if (isEstimate(v)) {
          means[k] = plain(v.mean);
          chain[k] = v;
        } else {
          hashes[`${at}.${k}`] = hash(v);
        }
      }
      years[String(row.year)] = means;
      // The chain-wide figures in full: intervals, percentiles and counts besides the means.
      hashes[`${at}.chain`] = hash(chain);
    }
  }
  return { meta: plain(s.meta), goal: plain(s.goal), years, hashes };
}

/** One difference between two pins: where, and what it was and is ('–' when absent). */
export interface PinChange {
  /** Case name and dotted path of the figure or part, e.g. `default › years.2026.arrivals`. */
  where: string;
  was: unknown;
  now: unknown;
}

/** Every difference between pins `was` and `now` (objects compared key by key, both ways). */
export function pinChanges(was: unknown, now: unknown, where = ''): PinChange[] {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null;
  if (isObject(was) && isObject(now)) {
    const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
    return keys.flatMap((k) => {
      const at = where === '' ? k : where.includes(' › ') ? `${where}.${k}` : `${where} › ${k}`;
      if (!(k in was)) return [{ where: at, was: '–', now: now[k] }];
      if (!(k in now)) return [{ where: at, was: was[k], now: '–' }];
      return pinChanges(was[k], now[k], at);
    });
  }
  return Object.is(was, now) ? [] : [{ where, was, now }];
}
