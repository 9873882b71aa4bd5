/**
 * How analyses run a scenario: a function from (scenario, options) to a summary, so the
 * same search runs single-threaded in tests and on the worker pool in the CLI and the app.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunSummary } from '../results/aggregate.ts';
import type { InputUncertainty } from './input-uncertainty.ts';

export interface RunRequest {
  replications: number;
  seed: string | number;
  inputUncertainty?: InputUncertainty;
}

/** Runs replications 0..n−1 of a validated scenario and summarises them. */
export type Runner = (s: Scenario, request: RunRequest) => Promise<RunSummary>;
