/**
 * Runs one replication of a validated scenario: the unit of work that workers and the
 * CLI hand out. Same (scenario, seed, replication) ⇒ bit-identical result, whichever
 * engine, worker or order.
 */
import type { Scenario } from './scenario/schema.ts';
import type { EngineKind } from './engine/engine.ts';
import { createEngine } from './engine/create-engine.ts';
import { ChainModel } from './model/chain.ts';
import type { ReplicationResult } from './results/replication-result.ts';
import {
  drawParameters,
  withParameters,
  type InputUncertainty,
} from './analysis/input-uncertainty.ts';

export interface RunOptions {
  /** Draw the scenario's uncertain parameters per group of replications. */
  inputUncertainty?: InputUncertainty;
  /** Seed of the run (the scenario's own seed if omitted). */
  seed?: string | number;
  /** Engine implementation; 'fast' (the typed heap kernel) by default. */
  engine?: EngineKind;
}

/** Runs replication number `replication` (0-based) of scenario `s`. */
export function runReplication(
  s: Scenario,
  replication: number,
  options: RunOptions = {},
): ReplicationResult {
  const engine = createEngine(options.engine ?? 'fast');
  const seed = options.seed ?? s.seed;
  const iu = options.inputUncertainty;
  const scenario =
    iu && s.uncertain.length > 0
      ? withParameters(s, drawParameters(s, seed, Math.floor(replication / iu.replicationsPerDraw)))
      : s;
  const model = new ChainModel(scenario, engine, { seed, replication });
  return model.run();
}
