// Nominal coverage under input uncertainty: on seeded synthetic runs with a known
// between-draw variance, the grouped 95% intervals cover the truth in 95% of 1,000
// repetitions, and the independent intervals, which ignore the draws, do not.
import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { randomBeta, randomNormal } from 'd3-random';
import { estimate, groupedWilson95, wilson95 } from '../../sim/results/stats.ts';
import { comparePaired } from '../../sim/results/compare.ts';
import { PAIRED_KPIS, type RunSummary } from '../../sim/results/aggregate.ts';

const REPETITIONS = 1000;
const NOMINAL = 0.95;
/** Standard error of a coverage share from REPETITIONS repetitions at the nominal level. */
const SE = Math.sqrt((NOMINAL * (1 - NOMINAL)) / REPETITIONS);
/** The 93–97%: ± 0.02, about 2.9 standard errors. */
const TOLERANCE = 0.02;
/** Under-coverage the independent interval must show: well beyond chance (4 SE). */
const UNDER = NOMINAL - 4 * SE;

const covers = (ci: [number, number], truth: number) => ci[0] <= truth && truth <= ci[1];

interface Coverage {
  grouped: number;
  independent: number;
}

/**
 * Runs of `groups` draws of `perGroup` replications: value = μ + b_g + e_i with
 * b_g ~ N(0, σ_b²) shared by a draw and e_i ~ N(0, 1); with `extra` values in a last draw cut
 * short and a share `missing` of values NaN ("did not happen").
 */
function meanCoverage(
  seed: string,
  o: { groups: number; perGroup: number; sigmaBetween: number; extra?: number; missing?: number },
): Coverage {
  const source = seedrandom.alea(seed);
  const between = randomNormal.source(source)(0, o.sigmaBetween);
  const within = randomNormal.source(source)(0, 1);
  const mu = 3;
  const n = o.groups * o.perGroup + (o.extra ?? 0);
  let grouped = 0;
  let independent = 0;
  for (let r = 0; r < REPETITIONS; r++) {
    const values = new Float64Array(n);
    let effect = 0;
    for (let i = 0; i < n; i++) {
      if (i % o.perGroup === 0) effect = between();
      values[i] = source() < (o.missing ?? 0) ? NaN : mu + effect + within();
    }
    if (covers(estimate(values, o.perGroup).ci95, mu)) grouped++;
    if (covers(estimate(values).ci95, mu)) independent++;
  }
  return { grouped: grouped / REPETITIONS, independent: independent / REPETITIONS };
}

/**
 * Goal met (0/1) in runs of `groups` draws of `perGroup`: each draw meets the goal with its
 * own probability q_g ~ Beta(p·c, (1 − p)·c), so P(goal met) = p and the correlation within a
 * draw is 1 / (1 + c).
 */
function probabilityCoverage(
  seed: string,
  o: { groups: number; perGroup: number; p: number; concentration: number },
): Coverage {
  const source = seedrandom.alea(seed);
  const q = randomBeta.source(source)(o.p * o.concentration, (1 - o.p) * o.concentration);
  const n = o.groups * o.perGroup;
  let grouped = 0;
  let independent = 0;
  for (let r = 0; r < REPETITIONS; r++) {
    const outcomes = new Float64Array(n);
    let met = 0;
    let chance = 0;
    for (let i = 0; i < n; i++) {
      if (i % o.perGroup === 0) chance = q();
      outcomes[i] = source() < chance ? 1 : 0;
      met += outcomes[i];
    }
    if (covers(groupedWilson95(outcomes, o.perGroup), o.p)) grouped++;
    if (covers(wilson95(met, n), o.p)) independent++;
  }
  return { grouped: grouped / REPETITIONS, independent: independent / REPETITIONS };
}

/**
 * Two runs A and B on common random numbers and common parameter draws: the draw moves both
 * (u_g) and their difference (v_g ~ N(0, σ_v²)), so the paired differences B − A share a
 * draw's v_g; the true difference is δ.
 */
function pairedCoverage(seed: string, o: { groups: number; perGroup: number }): Coverage {
  const source = seedrandom.alea(seed);
  const normal = randomNormal.source(source);
  const [u, v, e] = [normal(0, 2), normal(0, 0.5), normal(0, 0.5)];
  const delta = 0.3;
  const n = o.groups * o.perGroup;
  let grouped = 0;
  let independent = 0;
  const run = (values: number[], perDraw: number | undefined) =>
    ({
      meta: { seed: 's', replications: n, replicationsPerDraw: perDraw },
      perReplication: Object.fromEntries(PAIRED_KPIS.map((k) => [k, values])),
    }) as unknown as RunSummary;
  for (let r = 0; r < REPETITIONS; r++) {
    const a: number[] = [];
    const b: number[] = [];
    let shared = 0;
    let shift = 0;
    for (let i = 0; i < n; i++) {
      if (i % o.perGroup === 0) [shared, shift] = [u(), v()];
      const common = 5 + shared + e();
      a.push(common);
      b.push(common + delta + shift + e());
    }
    const withDraws = comparePaired(run(a, o.perGroup), run(b, o.perGroup))[0];
    const without = comparePaired(run(a, undefined), run(b, undefined))[0];
    if (covers(withDraws.ci95, delta)) grouped++;
    if (covers(without.ci95, delta)) independent++;
  }
  return { grouped: grouped / REPETITIONS, independent: independent / REPETITIONS };
}

describe('coverage of the 95% intervals under input uncertainty (1,000 seeded repetitions)', () => {
  it('covers the mean in 93–97% of runs of 20 draws of 10 (ρ = ½), where the independent interval does not', () => {
    const c = meanCoverage('mean', { groups: 20, perGroup: 10, sigmaBetween: 1 });
    expect(Math.abs(c.grouped - NOMINAL)).toBeLessThanOrEqual(TOLERANCE);
    expect(c.independent).toBeLessThan(UNDER);
  });

  it('covers the mean with a draw cut short and values missing', () => {
    const c = meanCoverage('ragged', {
      groups: 20,
      perGroup: 10,
      sigmaBetween: 1,
      extra: 5,
      missing: 0.2,
    });
    expect(Math.abs(c.grouped - NOMINAL)).toBeLessThanOrEqual(TOLERANCE);
    expect(c.independent).toBeLessThan(UNDER);
  });

  it('covers the mean as well as the independent interval when the draws do not matter', () => {
    const c = meanCoverage('no-effect', { groups: 20, perGroup: 10, sigmaBetween: 0 });
    expect(Math.abs(c.grouped - NOMINAL)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(c.independent - NOMINAL)).toBeLessThanOrEqual(TOLERANCE);
  });

  it('covers P(goal met) in 93–97% of runs of 20 draws of 10, where the Wilson interval does not', () => {
    const c = probabilityCoverage('p', { groups: 20, perGroup: 10, p: 0.3, concentration: 5 });
    expect(Math.abs(c.grouped - NOMINAL)).toBeLessThanOrEqual(TOLERANCE);
    expect(c.independent).toBeLessThan(UNDER);
  });

  it('covers a small P(goal met) in runs of 40 draws of 10', () => {
    const c = probabilityCoverage('p-small', {
      groups: 40,
      perGroup: 10,
      p: 0.1,
      concentration: 10,
    });
    expect(Math.abs(c.grouped - NOMINAL)).toBeLessThanOrEqual(TOLERANCE);
    expect(c.independent).toBeLessThan(UNDER);
  });

  it('covers a paired difference B − A on common draws, where the independent pairing does not', () => {
    const c = pairedCoverage('paired', { groups: 20, perGroup: 10 });
    expect(Math.abs(c.grouped - NOMINAL)).toBeLessThanOrEqual(TOLERANCE);
    expect(c.independent).toBeLessThan(UNDER);
  });
});
