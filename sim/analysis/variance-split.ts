/**
 * How much of the spread of an outcome comes from uncertain parameters and how much from
 * chance: a one-way random-effects analysis of variance over groups of replications that
 * share one parameter draw, grouped as the run's intervals are (replication i in group
 * floor(i / perGroup), NaN values left out, a last group cut short counted with what it has).
 * See https://en.wikipedia.org/wiki/One-way_analysis_of_variance and, for groups of unequal
 * size, Searle, Casella & McCulloch (1992), Variance Components, ch. 3 (the one-way
 * classification, unbalanced data), https://doi.org/10.1002/9780470316856:
 * σ²_between = (MSB − MSW) / n₀ with n₀ = (N − Σ n_g² / N) / (G − 1), clamped at 0; with
 * equal groups n₀ = perGroup.
 */

import { drawsOf } from '../results/stats.ts';

export interface VarianceSplit {
  /** Variance of the outcome between parameter draws (parameters); NaN when not computable. */
  parameters: number;
  /** Variance within a draw (chance); NaN when not computable. */
  chance: number;
  /** parameters / (parameters + chance); NaN when both are 0 or either is NaN. */
  parameterShare: number;
  /** Draws with at least one value. */
  groups: number;
  /** Replications per draw (the grouping asked for). */
  perGroup: number;
}

/**
 * The split of the spread of `values` between parameter draws and chance. It never throws on
 * a run's outcomes: with fewer than 2 draws holding a value, or no draw holding 2 values
 * (e.g. `perGroup` 1), the variances are NaN, as the run's intervals are then.
 * @param values per-replication outcome, replication i in group floor(i / perGroup); NaN
 *   values ("did not happen") are left out.
 * @throws RangeError unless `perGroup` is a whole number ≥ 1 (a programming error).
 */
export function varianceSplit(values: ArrayLike<number>, perGroup: number): VarianceSplit {
  const draws = drawsOf(values, perGroup);
  let total = 0;
  let n = 0;
  for (const { sum, count } of draws) {
    total += sum;
    n += count;
  }
  const groups = draws.length;
  if (groups < 2 || n - groups < 1) {
    return { parameters: NaN, chance: NaN, parameterShare: NaN, groups, perGroup };
  }
  const grand = total / n;
  let ssb = 0;
  let ssw = 0;
  let squaredCounts = 0;
  for (const { start, end, sum, count } of draws) {
    const mean = sum / count;
    for (let i = start; i < end; i++) {
      if (!Number.isNaN(values[i])) ssw += (values[i] - mean) ** 2;
    }
    ssb += count * (mean - grand) ** 2;
    squaredCounts += count * count;
  }
  const msb = ssb / (groups - 1);
  const msw = ssw / (n - groups);
  const n0 = (n - squaredCounts / n) / (groups - 1);
  const parameters = Math.max(0, (msb - msw) / n0);
  const chance = msw;
  return {
    parameters,
    chance,
    parameterShare: parameters + chance > 0 ? parameters / (parameters + chance) : NaN,
    groups,
    perGroup,
  };
}
