// One case of the property tests: a starting scenario (a file in scenarios/ or a generated
// chain), the mutations made to it, and whether the run draws the uncertain parameters.
// A case is plain data (structured-cloneable, shrinkable); `materialize` builds its input.
import fc from 'fast-check';
import type { ScenarioInput } from '../../sim/scenario/schema.ts';
import { readScenarioFile, scenarioFiles } from '../helpers/scenarios.ts';
import { generatedScenarioArb } from './generated-scenario.ts';
import { applyMutation, mutationArb, type Mutation } from './mutations.ts';

/** Where a case starts. */
export type CaseBase = { file: string } | { generated: ScenarioInput };

export interface ScenarioCase {
  base: CaseBase;
  mutations: Mutation[];
  /** Run with input uncertainty (one draw of the `uncertain` parameters per replication). */
  inputUncertainty: boolean;
}

/** The kinds of case, as counted in the long mode's table. */
export const CASE_SOURCES = ['mutated shipped', 'generated', 'generated and mutated'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

export function caseSource(c: ScenarioCase): CaseSource {
  if ('file' in c.base) return 'mutated shipped';
  return c.mutations.length > 0 ? 'generated and mutated' : 'generated';
}

const cache = new Map<string, string>();

/** The case's input (a fresh object) and what each mutation did. */
export function materialize(c: ScenarioCase): { input: unknown; steps: string[] } {
  let input: unknown;
  if ('file' in c.base) {
    const file = c.base.file;
    if (!cache.has(file)) cache.set(file, JSON.stringify(readScenarioFile(file)));
    input = JSON.parse(cache.get(file)!);
  } else {
    input = structuredClone(c.base.generated);
  }
  const steps: string[] = [];
  for (const m of c.mutations) {
    const applied = applyMutation(input, m);
    input = applied.doc;
    steps.push(applied.did);
  }
  return { input, steps };
}

/**
 * One to three mutations, one alone in about half the draws; a failure shrinks to fewer.
 */
const someMutations: fc.Arbitrary<Mutation[]> = fc
  .tuple(mutationArb, fc.array(mutationArb, { maxLength: 2, size: 'xsmall' }))
  .map(([first, rest]) => [first, ...rest]);

/** Mutations of the shipped scenarios. */
export const mutatedShippedArb: fc.Arbitrary<ScenarioCase> = fc.record({
  base: fc.constantFrom(...scenarioFiles()).map((file): CaseBase => ({ file })),
  mutations: someMutations,
  inputUncertainty: fc.boolean(),
});

/** Generated chains, half of them as generated and half mutated. */
export const generatedArb: fc.Arbitrary<ScenarioCase> = fc.record({
  base: generatedScenarioArb.map((generated): CaseBase => ({ generated })),
  mutations: fc.oneof(fc.constant<Mutation[]>([]), someMutations),
  inputUncertainty: fc.boolean(),
});

/** Every kind of case: three in five start from a shipped scenario. */
export const scenarioCaseArb: fc.Arbitrary<ScenarioCase> = fc.oneof(
  { weight: 3, arbitrary: mutatedShippedArb },
  { weight: 2, arbitrary: generatedArb },
);
