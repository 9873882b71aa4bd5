// Scenarios for tests: the files in scenarios/ read from disk, and a minimal valid synthetic
// scenario to modify. Every call returns a fresh deep copy, so tests may mutate freely.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Scenario, ScenarioInput } from '../../sim/scenario/schema.ts';
import { validateScenario } from '../../sim/scenario/validate.ts';

/** Absolute path of the project's scenarios/ folder. */
export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** File name of the default scenario in SCENARIO_DIR. */
export const DEFAULT_SCENARIO_FILE = 'drechtsteden-2024.json';

/** Names of every `*.json` file in scenarios/, sorted. */
export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** The parsed JSON of a file in scenarios/ (unvalidated). */
export function readScenarioFile(name: string): unknown {
  return JSON.parse(readFileSync(`${SCENARIO_DIR}${name}`, 'utf8'));
}

/** The default scenario as written in its file (defaults not filled in). */
export function defaultScenarioInput(): ScenarioInput {
  return readScenarioFile(DEFAULT_SCENARIO_FILE) as ScenarioInput;
}

/** Validates `input`, throwing with every problem listed when it is not a valid scenario. */
export function mustValidate(input: unknown): Scenario {
  const v = validateScenario(input);
  if (!v.ok) {
    throw new Error(
      `test scenario invalid:\n${v.problems.map((p) => `${p.where}: ${p.message}`).join('\n')}`,
    );
  }
  return v.scenario;
}

/** The default scenario, validated. */
export function defaultScenario(): Scenario {
  return mustValidate(defaultScenarioInput());
}

/** Start year of the synthetic scenarios. */
export const START_YEAR = 2024;

/**
 * The smallest valid scenario: one household type (`single`, always 10 years in the region),
 * one crisis shelter `crisis` of 10 places, one Poisson arrival stream `walk-in` of 100 a year
 * entering it, triage after 7 days sending everyone to `exit`, no contingents, no market, no
 * relapse. One warm-up year, reported years START_YEAR and START_YEAR + 1 (the goal year is
 * START_YEAR, so its cohort is observed). Change what a test needs.
 */
export function minimalScenario(): ScenarioInput {
  const y = String(START_YEAR);
  return {
    schemaVersion: 1,
    id: 'minimal',
    name: 'Minimal synthetic scenario',
    region: 'Testland',
    startYear: START_YEAR,
    endYear: START_YEAR + 1,
    warmupYears: 1,
    seed: 'test',
    replications: 2,
    householdTypes: [
      { id: 'single', label: 'Single adult', tenureYears: { dist: 'fixed', mean: 10 } },
    ],
    facilities: [
      {
        id: 'crisis',
        name: 'Crisis shelter',
        kind: 'crisis',
        serves: ['single'],
        capacity: { [y]: 10 },
      },
    ],
    arrivals: [
      { id: 'walk-in', householdType: 'single', entry: 'crisis', ratePerYear: { [y]: 100 } },
    ],
    triage: {
      delayDays: { [y]: { dist: 'fixed', mean: 7 } },
      pathways: { single: { [y]: { exit: 1 } } },
    },
    housing: {
      urgencyAfterDays: { [y]: 0 },
      bindingYears: { [y]: 0 },
      contingents: [],
      market: { routes: [], meanWaitDays: {} },
    },
    relapse: { share: 0, afterDays: { dist: 'fixed', mean: 365 } },
    goal: { year: START_YEAR },
  };
}
