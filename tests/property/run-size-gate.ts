// The pre-run size check (sim/run-size.ts: `checkRunSize`, which refuses a run that would not
// fit in memory by throwing `RunTooLargeError`), reached through one place while that module
// is being written: until it exists, no run is refused and `runSizeCheckPresent` is false.
// Once it lands, this file becomes two static imports.
import type { Scenario } from '../../sim/scenario/schema.ts';

interface RunSizeModule {
  RunTooLargeError: abstract new (...args: never[]) => Error;
  checkRunSize(s: Scenario, replications: number): unknown;
}

const RUN_SIZE_MODULE = '../../sim/run-size.ts';
const runSize = (await import(/* @vite-ignore */ RUN_SIZE_MODULE).catch(() => undefined)) as
  RunSizeModule | undefined;

/** Whether sim/run-size.ts is there (the long mode says so in its report). */
export const runSizeCheckPresent = runSize !== undefined;

/** Throws RunTooLargeError when `replications` of `s` would not fit (once the check exists). */
export function checkRunSize(s: Scenario, replications: number): void {
  runSize?.checkRunSize(s, replications);
}

/** Whether `e` is a run refused as too large. */
export function isRunTooLarge(e: unknown): boolean {
  return runSize !== undefined && e instanceof runSize.RunTooLargeError;
}
