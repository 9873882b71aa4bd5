/**
 * A scenario with its uncertain parameters drawn: each group of replications draws the
 * values from their ranges, from its own stream, so parameter draws are seeded,
 * independent of chance within the model, and the same whichever worker runs the group.
 * The draw happens before a replication starts; the model only sees the drawn scenario.
 */
import type { Scenario, UncertainParameter } from './schema.ts';
import { getAt, setInPlace } from './parameter-path.ts';
import { stream } from '../random/streams.ts';
import type { RandomSource } from '../random/source.ts';

/** Input uncertainty switched on: `replicationsPerDraw` replications share one draw. */
export interface InputUncertainty {
  replicationsPerDraw: number;
}

/** The draw (group) that replication `replication` (0-based) belongs to. */
export function drawOf(replication: number, iu: InputUncertainty): number {
  return Math.floor(replication / iu.replicationsPerDraw);
}

/**
 * A value of `u` from a uniform draw `x` in [0, 1): uniform on [low, high], or triangular
 * with its mode (default `nominal`) by inverting the CDF.
 * See https://en.wikipedia.org/wiki/Triangular_distribution#Generating_random_variates
 */
export function parameterValue(u: UncertainParameter, x: number, nominal: number): number {
  const { low, high } = u;
  if (u.dist === 'uniform' || high === low) return low + x * (high - low);
  const mode = Math.min(high, Math.max(low, u.mode ?? nominal));
  const f = (mode - low) / (high - low);
  return x < f
    ? low + Math.sqrt(x * (high - low) * (mode - low))
    : high - Math.sqrt((1 - x) * (high - low) * (high - mode));
}

/** The parameter values of draw `group` (one per uncertain parameter, in order). */
export function drawParameters(s: Scenario, seed: string | number, group: number): number[] {
  const source: RandomSource = stream(seed, group, 'parameters');
  return s.uncertain.map((u) => parameterValue(u, source(), getAt(s, u.path) as number));
}

/**
 * `s` with its uncertain parameters set to `values` (validated ranges keep it valid): one
 * copy, set in place, so the cost is linear in the number of parameters.
 */
export function withParameters(s: Scenario, values: number[]): Scenario {
  // The list of ranges itself is not copied: nothing sets a value inside it.
  const copy = JSON.parse(JSON.stringify({ ...s, uncertain: [] })) as Scenario;
  s.uncertain.forEach((u, i) => setInPlace(copy, u.path, values[i]));
  return { ...copy, uncertain: s.uncertain };
}
