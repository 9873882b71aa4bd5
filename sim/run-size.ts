/**
 * How large a run is, before it starts: people per replication and memory for the
 * results, so that a run that would not fit in a browser tab or a worker is refused with
 * a message naming its size, instead of dying part-way. The model stops a replication
 * that grows past the same bound anyway (a run's size is an estimate).
 */
import type { Scenario } from './scenario/schema.ts';
import { aggregationBytesPerReplication } from './results/aggregate.ts';

/**
 * Most people one replication may hold (arrivals, returns and initial occupants):
 * about 1.5 kB each while in the chain, so ≈ 750 MB, what a worker can hold.
 */
export const MAX_PEOPLE_PER_REPLICATION = 500_000;

/** Most memory for the run's folded results (bytes): 1 GiB, a quarter of a 64-bit browser tab's 4 GiB. */
export const MAX_AGGREGATION_BYTES = 2 ** 30;

/** A run refused (or stopped) because it would not fit; `message` says why, in plain words. */
export class RunTooLargeError extends Error {
  override readonly name = 'RunTooLargeError';
}

/** The size of a run. */
export interface RunSize {
  /** Simulated years per replication (warm-up included). */
  years: number;
  /** Expected people per replication (arrivals, returns, initial occupants). */
  people: number;
  /** Memory for the folded results of all replications (bytes). */
  aggregationBytes: number;
}

/** The largest value of a step function. */
function largest(fn: Record<string, number>): number {
  let max = 0;
  for (const v of Object.values(fn)) max = Math.max(max, v);
  return max;
}

/** Expected size of `replications` replications of `s` (an upper estimate: peak rates). */
export function estimateRunSize(s: Scenario, replications: number): RunSize {
  const years = s.warmupYears + s.endYear - s.startYear + 1;
  // Each housed person may come back: at most 1 / (1 − share) visits, counted up to 10.
  const visits = Math.min(10, 1 / (1 - Math.min(s.relapse.share, 0.9)));
  let people = 0;
  for (const a of s.arrivals) people += largest(a.ratePerYear) * years * visits;
  for (const f of s.facilities) people += f.initialOccupancy;
  return { years, people, aggregationBytes: aggregationBytesPerReplication(s) * replications };
}

const n = (x: number) => Math.round(x).toLocaleString('en-GB');

/** The message of a replication that holds more people than {@link MAX_PEOPLE_PER_REPLICATION}. */
export function tooManyPeople(people: number, years: number): string {
  return (
    `the scenario holds about ${n(people)} people in one replication over ${years} years, ` +
    `more than the ${n(MAX_PEOPLE_PER_REPLICATION)} that fit in memory: lower the arrival rates or shorten the period`
  );
}

/**
 * Throws a {@link RunTooLargeError} when `replications` replications of `s` would not
 * fit: too many people in one replication, or too much memory for the results.
 */
export function checkRunSize(s: Scenario, replications: number): RunSize {
  const size = estimateRunSize(s, replications);
  if (size.people > MAX_PEOPLE_PER_REPLICATION) {
    throw new RunTooLargeError(tooManyPeople(size.people, size.years));
  }
  if (size.aggregationBytes > MAX_AGGREGATION_BYTES) {
    const mb = (b: number) => n(b / 2 ** 20);
    throw new RunTooLargeError(
      `${n(replications)} replications of ${size.years - s.warmupYears} reported years need ` +
        `${mb(size.aggregationBytes)} MB for their results, more than the ${mb(MAX_AGGREGATION_BYTES)} MB allowed: use fewer replications`,
    );
  }
  return size;
}
