/**
 * How analyses run a scenario: a function from (scenario, request) to a summary, so the
 * same search runs single-threaded in tests and on the worker pool in the CLI and the app.
 */
import type { Scenario } from '../scenario/schema.ts';
import type { RunSummary } from '../results/aggregate.ts';
import type { RunRequest } from '../run-request.ts';

/** Runs replications 0..n−1 of a validated scenario and summarises them. */
export type Runner = (s: Scenario, request: RunRequest) => Promise<RunSummary>;
