/**
 * The identity of a run's replications: everything replication i depends on (the scenario,
 * the seed, the engine and the input-uncertainty setting), but not how many replications are
 * asked for. Two requests with the same key share their first replications, so a pool can
 * reuse what it computed for one in the other.
 */
import type { Scenario } from '../sim/scenario/schema.ts';
import type { RunRequest } from '../sim/run-request.ts';

/** A run's key: a short hash to look it up, and the canonical text it was made from. */
export interface RunKey {
  /** 64-bit hash of `canonical`, as 16 hex digits. */
  hash: string;
  /** Canonical JSON of what the replications depend on (keys sorted), to rule out collisions. */
  canonical: string;
}

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** FNV-1a over the UTF-16 code units, 64 bits (two 32-bit halves), as 16 hex digits. */
export function hash64(text: string): string {
  // FNV-1a 64: offset basis 0xcbf29ce484222325, prime 0x100000001b3 (= 2^40 + 0x1b3).
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < text.length; i++) {
    lo ^= text.charCodeAt(i);
    // (hi, lo) × (2^40 + 0x1b3), modulo 2^64, in 16-bit pieces to stay exact.
    const lo16 = lo & 0xffff;
    const loHi16 = lo >>> 16;
    const a = lo16 * 0x1b3;
    const b = loHi16 * 0x1b3 + (a >>> 16);
    const newLo = ((b & 0xffff) << 16) | (a & 0xffff);
    const carry = Math.floor(b / 0x10000);
    hi = (Math.imul(hi, 0x1b3) + Math.imul(lo, 0x100) + carry) >>> 0;
    lo = newLo >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/**
 * The key of `request`'s replications of `s`. The scenario's own `replications` is left out
 * (it only says how many are asked for), and so is input uncertainty when `s` has no uncertain
 * parameters (nothing is drawn then).
 */
export function runKey(s: Scenario, request: Omit<RunRequest, 'replications'>): RunKey {
  const perDraw =
    s.uncertain.length > 0 ? request.inputUncertainty?.replicationsPerDraw : undefined;
  const canonical = stableJson({
    scenario: { ...s, replications: undefined },
    seed: request.seed,
    engine: request.engine ?? 'fast',
    perDraw,
  });
  return { hash: hash64(canonical), canonical };
}
