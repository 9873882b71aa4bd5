/**
 * Paired comparison of two runs on common random numbers (same seed, same replication
 * indices): per-replication differences B − A with a Student-t 95% interval, which is
 * much narrower than comparing two independent means when the runs are correlated. Under
 * input uncertainty the differences come in groups that share a parameter draw, and the
 * intervals rest on the groups (cluster-robust, as the run's own intervals).
 */
import { PAIRED_KPIS, type PairedKpi, type RunSummary } from './aggregate.ts';
import { groupedHalfWidth, groupedMeanVariance, tHalfWidth } from './stats.ts';

/** The difference B − A of one figure. */
export interface PairedDifference {
  kpi: PairedKpi;
  meanA: number;
  meanB: number;
  /** Mean of the per-replication differences B − A. */
  diff: number;
  /**
   * 95% interval of `diff` from the paired differences (over the groups of replications that
   * share a parameter draw, under input uncertainty).
   */
  ci95: [number, number];
  /** 95% interval of `diff` had the runs been independent (for contrast). */
  unpairedCi95: [number, number];
  /** Share of replications in which B is better than A (ties count half). */
  pBetter: number;
  n: number;
  /**
   * Under input uncertainty: replications per group the intervals rest on, the smallest that
   * holds whole draws of both runs (the least common multiple of their replications per
   * draw); absent when every replication is independent.
   */
  groupSize?: number;
}

/** For each figure: is a larger value better? */
export const LARGER_IS_BETTER: Record<PairedKpi, boolean> = {
  triageShare: true,
  rehousingShare: true,
  goalMet: true,
  turnedAway: false,
  gaveUp: false,
  streetDays: false,
  housed: true,
  waitingHome: false,
  lapsed: false,
};

function meanVar(xs: number[]): { mean: number; variance: number; n: number } {
  const v = xs.filter((x) => !Number.isNaN(x));
  const n = v.length;
  const mean = v.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? v.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : NaN;
  return { mean, variance, n };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Replications per group for a paired comparison: replications i and j are dependent when
 * they share a draw in either run, so a group must hold whole draws of both.
 */
function pairedGroupSize(a: RunSummary, b: RunSummary): number {
  const ka = a.meta.replicationsPerDraw ?? 1;
  const kb = b.meta.replicationsPerDraw ?? 1;
  return (ka / gcd(ka, kb)) * kb;
}

/**
 * Paired differences B − A of every kept goal-year figure. Under input uncertainty (either
 * run's `meta.replicationsPerDraw`), the intervals are cluster-robust over groups of
 * replications (see stats.ts groupedMeanVariance), replication i in group floor(i / size).
 * @throws Error when the runs do not pair: different seeds or numbers of replications.
 */
export function comparePaired(a: RunSummary, b: RunSummary): PairedDifference[] {
  if (String(a.meta.seed) !== String(b.meta.seed)) {
    throw new Error(`runs do not pair: seeds differ (${a.meta.seed} vs ${b.meta.seed})`);
  }
  if (a.meta.replications !== b.meta.replications) {
    throw new Error(
      `runs do not pair: ${a.meta.replications} vs ${b.meta.replications} replications`,
    );
  }
  const groupSize = pairedGroupSize(a, b);
  return PAIRED_KPIS.map((kpi) => {
    const xa = a.perReplication[kpi];
    const xb = b.perReplication[kpi];
    const d = xb.map((x, i) => x - xa[i]);
    const dm = meanVar(d);
    const ma = meanVar(xa);
    const mb = meanVar(xb);
    let half: number;
    let unpairedHalf: number;
    if (groupSize > 1) {
      half = groupedHalfWidth(groupedMeanVariance(d, groupSize, dm.mean));
      const va = groupedMeanVariance(xa, groupSize, ma.mean);
      const vb = groupedMeanVariance(xb, groupSize, mb.mean);
      unpairedHalf = groupedHalfWidth({
        variance: va.variance + vb.variance,
        groups: Math.min(va.groups, vb.groups),
      });
    } else {
      half = tHalfWidth(Math.sqrt(dm.variance), dm.n);
      unpairedHalf = tHalfWidth(Math.sqrt(ma.variance + mb.variance), Math.min(ma.n, mb.n));
    }
    const better = LARGER_IS_BETTER[kpi];
    let wins = 0;
    let counted = 0;
    for (const x of d) {
      if (Number.isNaN(x)) continue;
      counted++;
      wins += x === 0 ? 0.5 : x > 0 === better ? 1 : 0;
    }
    return {
      kpi,
      meanA: ma.mean,
      meanB: mb.mean,
      diff: dm.mean,
      ci95: [dm.mean - half, dm.mean + half],
      unpairedCi95: [dm.mean - unpairedHalf, dm.mean + unpairedHalf],
      pBetter: counted ? wins / counted : NaN,
      n: dm.n,
      ...(groupSize > 1 ? { groupSize } : {}),
    };
  });
}
