/**
 * Checks of command-line options shared by every command: a bad value becomes a UserError
 * naming the option and what it must be (Dutch / English), never a crash.
 */
import { availableParallelism } from 'node:os';
import type { z } from 'zod';
import { UserError } from './user-error.ts';
import { replicationsSchema, seedSchema, REPLICATIONS } from '../sim/scenario/schema.ts';
import { zodProblems } from '../sim/scenario/zod-problems.ts';
import { sentence } from '../sim/scenario/problem-words/index.ts';
import type { Lang } from '../sim/results/verdict.ts';
import type { EngineKind } from '../sim/engine/engine.ts';

/** Most worker threads: beyond the cores of any desktop, more threads only cost memory. */
export const MAX_WORKERS = 64;

/** A whole number from `min` to `max`, or undefined when the option was not given. */
export function wholeNumber(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? NaN : Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UserError(
      `--${name}: moet een geheel getal van ${min} tot en met ${max} zijn / must be a whole number from ${min} to ${max} (got "${value}")`,
    );
  }
  return n;
}

/** `value` checked by the scenario's own rule for the field, with the same message. */
function bySchema<T>(name: string, value: unknown, schema: z.ZodType<T>, given: string): T {
  const r = schema.safeParse(value, { reportInput: true });
  if (r.success) return r.data;
  const [p] = zodProblems(r.error.issues);
  throw new UserError(`--${name}: ${sentence(p, 'nl')} / ${sentence(p, 'en')} (got "${given}")`);
}

/**
 * Replications: the scenario's rule (from {@link REPLICATIONS}), or at least `min` where a
 * command needs more; undefined when the option was not given.
 */
export function replicationsOf(value: string | undefined, min: number = REPLICATIONS.min) {
  if (value === undefined) return undefined;
  const n = bySchema(
    'replications',
    value.trim() === '' ? NaN : Number(value),
    replicationsSchema,
    value,
  );
  return wholeNumber('replications', String(n), min, REPLICATIONS.max);
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

/** The seed, checked by the scenario's rule for seeds. */
export function seedOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : (bySchema('seed', value, seedSchema, value) as string);
}

/** Worker threads: the option, or one per core (the main thread only folds results in). */
export function workersOf(value: string | undefined): number {
  return wholeNumber('workers', value, 1, MAX_WORKERS) ?? availableParallelism();
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
