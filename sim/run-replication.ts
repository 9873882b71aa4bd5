/**
 * Runs one replication of a validated scenario: the unit of work that workers and the
 * CLI hand out. Same (scenario, seed, replication) ⇒ bit-identical result, whichever
 * engine, worker or order.
 */
import type { Scenario } from './scenario/schema.ts';
import type { EngineKind } from './engine/engine.ts';
import { ChainModel } from './model/chain.ts';
import { People } from './model/people.ts';
import { ReplicationTallies } from './results/replication-tallies.ts';
import type { ReplicationResult } from './results/replication-result.ts';
import {
  drawOf,
  drawParameters,
  withParameters,
  type InputUncertainty,
} from './scenario/parameter-draws.ts';

export interface RunOptions {
  /** Draw the scenario's uncertain parameters per group of replications. */
  inputUncertainty?: InputUncertainty;
  /** Seed of the run (the scenario's own seed if omitted). */
  seed?: string | number;
  /** Engine implementation; 'fast' (the typed heap kernel) by default. */
  engine?: EngineKind;
}

/**
 * The people table every replication in this thread reuses: a replication runs to its end
 * synchronously and resets the table first, so one table serves them all and grows to the
 * largest run once.
 */
const sharedPeople = new People();

/** The tallies of the last scenario run, emptied and reused by its next replication. */
let lastTallies: ReplicationTallies | undefined;

/** Empty tallies for a replication of `s` (reused when `s` was also the last one run). */
function talliesFor(s: Scenario): ReplicationTallies {
  if (lastTallies?.scenario === s) lastTallies.reset();
  else lastTallies = new ReplicationTallies(s);
  return lastTallies;
}

/** The last scenario drawn for a group of replications, reused by the rest of the group. */
let lastDraw: { base: Scenario; seed: string | number; group: number; drawn: Scenario } | undefined;

/** `s` with the uncertain parameters of `replication`'s group drawn (or `s` itself). */
function scenarioFor(
  s: Scenario,
  seed: string | number,
  replication: number,
  iu: InputUncertainty | undefined,
): Scenario {
  if (!iu || s.uncertain.length === 0) return s;
  const group = drawOf(replication, iu);
  if (lastDraw?.base !== s || lastDraw.seed !== seed || lastDraw.group !== group) {
    lastDraw = { base: s, seed, group, drawn: withParameters(s, drawParameters(s, seed, group)) };
  }
  return lastDraw.drawn;
}

/** Runs replication number `replication` (0-based) of scenario `s`. */
export function runReplication(
  s: Scenario,
  replication: number,
  options: RunOptions = {},
): ReplicationResult {
  const seed = options.seed ?? s.seed;
  const scenario = scenarioFor(s, seed, replication, options.inputUncertainty);
  const tallies = talliesFor(scenario);
  const model = new ChainModel(scenario, tallies, {
    seed,
    replication,
    engine: options.engine,
    people: sharedPeople,
  });
  model.run();
  return tallies.finish(model.horizon, model.events, replication);
}
