// Property: every generated or mutated scenario is either rejected with problems that point
// into it, or refused as too large, or runs two replications without a thrown error, with
// conservation of people (the model's own check and the books of flow-vs-counts) and finite
// figures (NaN only where it means "not defined"). Each case runs in a worker thread with a
// time and a memory limit, so that a hang or an exhausted heap fails the case, not the suite.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CasePool } from './case-pool.ts';
import {
  generatedArb,
  materialize,
  mutatedShippedArb,
  type ScenarioCase,
} from './scenario-case.ts';
import { ANSWERS, isFailure, type Answer } from './check-case.ts';

/** Seed of the cases, fixed so that every run checks the same ones. */
const SEED = 11;
/** Two replications of these scenarios take well under a second; ten is a hang. */
const TIME_LIMIT_MS = 10_000;
/** A browser tab's worth of heap. */
const MEMORY_MB = 2_048;

const pool = new CasePool({ workers: 2, timeLimitMs: TIME_LIMIT_MS, memoryMb: MEMORY_MB });
afterAll(() => pool.close());

/** A property over `arb` that also counts the answers given (to show it is not vacuous). */
function property(arb: fc.Arbitrary<ScenarioCase>, answers: Record<Answer, number>) {
  return fc.asyncProperty(arb, async (c) => {
    const { verdict, steps: told } = await pool.check(c);
    if (isFailure(verdict)) {
      // A worker that was ended said nothing of its mutations: say them again from here.
      const steps = told.length > 0 ? told : materialize(c).steps;
      throw new Error(`${verdict.outcome}: ${verdict.detail}\n  after: ${steps.join('; ')}`);
    }
    answers[verdict.outcome as Answer]++;
  });
}

const noAnswers = () => Object.fromEntries(ANSWERS.map((a) => [a, 0])) as Record<Answer, number>;

/** Shrinking a failure stops after this long; the failure is reported as far as it got. */
const assertOptions = { seed: SEED, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true };

describe.concurrent('generated and mutated scenarios', () => {
  it('mutations of the shipped scenarios are rejected with their paths, or run cleanly', async () => {
    const answers = noAnswers();
    await fc.assert(property(mutatedShippedArb, answers), { ...assertOptions, numRuns: 160 });
    expect(answers['rejected with problems']).toBeGreaterThan(80);
    expect(answers['ran OK']).toBeGreaterThan(10);
  }, 150_000);

  it('small generated chains (some mutated) are rejected with their paths, or run cleanly', async () => {
    const answers = noAnswers();
    await fc.assert(property(generatedArb, answers), { ...assertOptions, numRuns: 120 });
    expect(answers['rejected with problems']).toBeGreaterThan(20);
    expect(answers['ran OK']).toBeGreaterThan(30);
  }, 150_000);
});
