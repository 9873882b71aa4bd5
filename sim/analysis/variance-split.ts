/**
 * How much of the spread of an outcome comes from uncertain parameters and how much from
 * chance: a one-way random-effects analysis of variance over groups of replications that
 * share one parameter draw. See https://en.wikipedia.org/wiki/One-way_analysis_of_variance
 * (random effects: σ²_between = (MSB − MSW) / k, clamped at 0).
 */

export interface VarianceSplit {
  /** Variance of the outcome between parameter draws (parameters). */
  parameters: number;
  /** Variance within a draw (chance). */
  chance: number;
  /** parameters / (parameters + chance); NaN when both are 0. */
  parameterShare: number;
  groups: number;
  perGroup: number;
}

/**
 * @param values per-replication outcome, replication i in group floor(i / perGroup);
 *   NaN values are not allowed (pass a defined outcome such as the goal-year share).
 */
export function varianceSplit(values: ArrayLike<number>, perGroup: number): VarianceSplit {
  const groups = Math.floor(values.length / perGroup);
  if (groups < 2 || perGroup < 2) {
    throw new Error('a variance split needs at least 2 draws of at least 2 replications each');
  }
  const means: number[] = [];
  let ssw = 0;
  for (let g = 0; g < groups; g++) {
    let sum = 0;
    for (let j = 0; j < perGroup; j++) sum += values[g * perGroup + j];
    const m = sum / perGroup;
    means.push(m);
    for (let j = 0; j < perGroup; j++) ssw += (values[g * perGroup + j] - m) ** 2;
  }
  const grand = means.reduce((a, b) => a + b, 0) / groups;
  const ssb = perGroup * means.reduce((a, m) => a + (m - grand) ** 2, 0);
  const msb = ssb / (groups - 1);
  const msw = ssw / (groups * (perGroup - 1));
  const parameters = Math.max(0, (msb - msw) / perGroup);
  const chance = msw;
  return {
    parameters,
    chance,
    parameterShare: parameters + chance > 0 ? parameters / (parameters + chance) : NaN,
    groups,
    perGroup,
  };
}
