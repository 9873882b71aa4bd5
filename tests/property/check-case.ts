// The property every case must have, as one verdict per input: the validator either rejects
// it with problems that point into the input (problem-paths.ts), or accepts a scenario whose
// two replications run without a thrown error, with finite figures and consistent books
// (result-faults.ts). A run refused as too large is an answer too: RunTooLargeError from the
// size check before the run (sim/run-size.ts) or from the run itself.
import { validateScenario, type Validation } from '../../sim/scenario/validate.ts';
import { runReplications } from '../../sim/run-replications.ts';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import { pathInInput, problemListFaults } from './problem-paths.ts';
import { accountingFaults, nonFiniteFaults } from './result-faults.ts';
import { RunTooLargeError, checkRunSize } from '../../sim/run-size.ts';

/** Replications run of every accepted case. */
export const CASE_REPLICATIONS = 2;

/** Answers that are allowed. */
export const ANSWERS = ['rejected with problems', 'refused as too large', 'ran OK'] as const;
/** Everything else: each is a failure. `hang` and `out of memory` are found by the pool. */
export const FAILURES = [
  'validator exception',
  'malformed problem list',
  'problem path not in input',
  'crash',
  'hang',
  'out of memory',
  'NaN or Infinity in a result',
  'conservation broken',
] as const;
export type Answer = (typeof ANSWERS)[number];
export type Failure = (typeof FAILURES)[number];

export interface Verdict {
  outcome: Answer | Failure;
  /** What was found: the first problem, the error, the figures at fault. */
  detail: string;
}

export const isFailure = (v: Verdict): boolean =>
  (FAILURES as readonly string[]).includes(v.outcome);

/** The message of a thrown value, with the first frame of its stack. */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return `threw ${String(e)}`;
  const frame = e.stack?.split('\n').find((l) => l.trim().startsWith('at '));
  return `${e.name}: ${e.message}${frame ? ` (${frame.trim()})` : ''}`;
}

const cut = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}…` : text;

/** Validates `input` and, when accepted, runs it: the verdict on this case. */
export function checkInput(input: unknown, inputUncertainty: boolean): Verdict {
  let v: Validation;
  try {
    v = validateScenario(input);
  } catch (e) {
    return { outcome: 'validator exception', detail: errorText(e) };
  }
  if (!v.ok) {
    const faults = problemListFaults(v.problems);
    if (faults.length > 0)
      return { outcome: 'malformed problem list', detail: cut(faults.join('; ')) };
    const stray = v.problems.find((p) => !pathInInput(input, p.path));
    if (stray) {
      return {
        outcome: 'problem path not in input',
        detail: cut(`${stray.where}: ${stray.message}`),
      };
    }
    const first = v.problems[0];
    return {
      outcome: 'rejected with problems',
      detail: cut(`${v.problems.length} problem(s), first ${first.where}: ${first.message}`),
    };
  }
  const s = v.scenario;
  let summary: RunSummary;
  try {
    checkRunSize(s, CASE_REPLICATIONS);
    summary = runReplications(s, {
      replications: CASE_REPLICATIONS,
      inputUncertainty: inputUncertainty ? { replicationsPerDraw: 1 } : undefined,
    });
  } catch (e) {
    if (e instanceof RunTooLargeError)
      return { outcome: 'refused as too large', detail: cut(e.message) };
    const text = errorText(e);
    const outcome = /conservation of people broken/.test(text) ? 'conservation broken' : 'crash';
    return { outcome, detail: cut(text) };
  }
  const nonFinite = nonFiniteFaults(summary, CASE_REPLICATIONS);
  if (nonFinite.length > 0) {
    return {
      outcome: 'NaN or Infinity in a result',
      detail: cut(`${nonFinite.length} figure(s): ${nonFinite.slice(0, 5).join('; ')}`),
    };
  }
  const books = accountingFaults(summary);
  if (books.length > 0) return { outcome: 'conservation broken', detail: cut(books.join('; ')) };
  return { outcome: 'ran OK', detail: `${summary.meta.events} events` };
}
