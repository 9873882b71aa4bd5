// Property: the validator answers every input, generated or mutated, without throwing, and
// when it rejects one, its problems form a proper list and point into that input (the rule in
// problem-paths.ts). Validation only, in this thread: cheap enough for many cases.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateScenario, type Validation } from '../../sim/scenario/validate.ts';
import { materialize, scenarioCaseArb } from './scenario-case.ts';
import { pathInInput, problemListFaults } from './problem-paths.ts';
import { errorText } from './check-case.ts';

/** Seed of the cases, fixed so that every run checks the same ones. */
const SEED = 20_240_011;

describe('the validator on generated and mutated scenarios', () => {
  it('never throws, and every problem it reports points into the input', () => {
    let rejected = 0;
    fc.assert(
      fc.property(scenarioCaseArb, (c) => {
        const { input, steps } = materialize(c);
        let v: Validation;
        try {
          v = validateScenario(input);
        } catch (e) {
          throw new Error(`the validator threw ${errorText(e)} after: ${steps.join('; ')}`);
        }
        if (v.ok) return;
        rejected++;
        expect(problemListFaults(v.problems), steps.join('; ')).toEqual([]);
        const stray = v.problems.filter((p) => !pathInInput(input, p.path));
        expect(
          stray.map((p) => `${p.where}: ${p.message}`),
          steps.join('; '),
        ).toEqual([]);
      }),
      { seed: SEED, numRuns: 500 },
    );
    // The property says something only about cases that are rejected: most must be.
    expect(rejected).toBeGreaterThan(250);
  });
});
