/**
 * Checks of command-line options shared by every command: a bad value becomes a UserError
 * naming the option and what it must be (Dutch / English), never a crash.
 */
import { availableParallelism } from 'node:os';
import { UserError } from './user-error.ts';
import type { Lang } from '../sim/results/verdict.ts';
import type { EngineKind } from '../sim/engine/engine.ts';

/** A whole number ≥ `min`, or undefined when the option was not given. */
export function wholeNumber(name: string, value: string | undefined, min: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UserError(
      `--${name}: moet een geheel getal ≥ ${min} zijn / must be a whole number ≥ ${min} (got "${value}")`,
    );
  }
  return n;
}

/** A number strictly between 0 and 1 (a probability target). */
export function probability(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const p = Number(value);
  if (!(p > 0 && p < 1)) {
    throw new UserError(
      `--${name}: moet tussen 0 en 1 liggen / must lie between 0 and 1 (got "${value}")`,
    );
  }
  return p;
}

export function engineOf(value: string | undefined): EngineKind {
  if (value === undefined || value === 'fast' || value === 'simjs') return value ?? 'fast';
  throw new UserError(
    `--engine: moet "fast" of "simjs" zijn / must be "fast" or "simjs" (got "${value}")`,
  );
}

export function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'nl' || value === 'en') return value ?? 'nl';
  throw new UserError(`--lang: moet "nl" of "en" zijn / must be "nl" or "en" (got "${value}")`);
}

export function seedOf(value: string | undefined): string | undefined {
  if (value !== undefined && (value === '' || value.includes('/'))) {
    throw new UserError(
      `--seed: mag niet leeg zijn of "/" bevatten / must be non-empty without "/"`,
    );
  }
  return value;
}

/** Worker threads: the option, or one per core (the main thread only folds results in). */
export function workersOf(value: string | undefined): number {
  return wholeNumber('workers', value, 1) ?? availableParallelism();
}

/** The options every simulation command takes, for parseArgs. */
export const COMMON_OPTIONS = {
  replications: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  engine: { type: 'string' },
  workers: { type: 'string', short: 'w' },
  out: { type: 'string', short: 'o' },
  lang: { type: 'string' },
} as const;
