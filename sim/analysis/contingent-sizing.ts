/**
 * The inverse question: the smallest contingent (units per year in the goal year) for
 * which P(goal met) reaches a target probability. Every candidate runs on the same seed
 * and replication indices (common random numbers), a coarse grid first, then bisection
 * with more replications near the boundary. Returns the curve with used and lapsed units.
 */
import type { Scenario } from '../scenario/schema.ts';
import { Steps } from '../scenario/step-function.ts';
import { keyToCalendarDay } from '../scenario/calendar.ts';
import type { RunSummary } from '../results/aggregate.ts';
import type { Runner } from './runner.ts';

export interface SizingOptions {
  /** Contingent id, or 'all' to scale every contingent together. */
  contingent: string;
  /** Target probability that the goal is met (0–1); default 0.8. */
  target?: number;
  /** Replications per point on the coarse grid (default 100) and near the answer (default 400). */
  coarseReplications?: number;
  fineReplications?: number;
  /** Points on the coarse grid (default 9). */
  gridPoints?: number;
  /** Largest units per year to try (default 3 × the current size, at least 50). */
  maxUnits?: number;
  seed?: string | number;
  /** Called after each evaluated point. */
  onPoint?: (point: SizingPoint, evaluated: number) => void;
}

/** One evaluated contingent size. */
export interface SizingPoint {
  /** Units per year in the goal year (all chosen contingents together). */
  units: number;
  replications: number;
  pMet: number;
  pMetCi95: [number, number];
  /** Goal-year rehousing share (mean). */
  rehousing: number;
  /** Goal-year units used and lapsed (mean per replication, chosen contingents). */
  used: number;
  lapsed: number;
}

export interface SizingResult {
  contingent: string;
  target: number;
  /** Units per year now (goal year). */
  current: number;
  /** Smallest evaluated size with P(goal met) ≥ target, or null if none up to maxUnits. */
  answer: number | null;
  /**
   * Where the true answer lies (95%): from the smallest size whose P(goal met) interval
   * reaches the target to the smallest size whose whole interval is above it.
   */
  interval: [number, number] | null;
  /** Every evaluated point, by size (the finest evaluation of each size). */
  curve: SizingPoint[];
}

function chosen(s: Scenario, contingent: string) {
  const list =
    contingent === 'all'
      ? s.housing.contingents
      : s.housing.contingents.filter((c) => c.id === contingent);
  if (list.length === 0) {
    const ids = s.housing.contingents.map((c) => c.id).join(', ');
    throw new Error(`unknown contingent "${contingent}" (known: ${ids}, or "all")`);
  }
  return list;
}

/** Units per year of the chosen contingents in the goal year. */
export function goalYearUnits(s: Scenario, contingent: string): number {
  const day = keyToCalendarDay(String(s.goal.year), s.startYear);
  return chosen(s, contingent).reduce(
    (sum, c) => sum + new Steps(c.unitsPerYear, s.startYear).at(day),
    0,
  );
}

/**
 * `s` with the chosen contingents resized so that together they deliver `units` per year
 * in the goal year: each step function is scaled, keeping its transition path; a path
 * that is zero in the goal year becomes a constant share of `units`.
 */
export function withUnits(s: Scenario, contingent: string, units: number): Scenario {
  const ids = new Set(chosen(s, contingent).map((c) => c.id));
  const current = goalYearUnits(s, contingent);
  const scale = (fn: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(fn).map(([k, v]) => [
        k,
        current > 0 ? (v * units) / current : units / ids.size,
      ]),
    );
  return {
    ...s,
    housing: {
      ...s.housing,
      contingents: s.housing.contingents.map((c) =>
        ids.has(c.id) ? { ...c, unitsPerYear: scale(c.unitsPerYear) } : c,
      ),
    },
  };
}

function pointOf(s: Scenario, contingent: string, units: number, r: RunSummary): SizingPoint {
  const g = r.years.find((y) => y.year === s.goal.year)!;
  const ids = chosen(s, contingent).map((c) => c.id);
  const sum = (k: 'used' | 'lapsed') => ids.reduce((a, id) => a + g.contingents[id][k].mean, 0);
  return {
    units,
    replications: r.meta.replications,
    pMet: r.goal.pMet,
    pMetCi95: r.goal.pMetCi95,
    rehousing: r.goal.rehousingShare.mean,
    used: sum('used'),
    lapsed: sum('lapsed'),
  };
}

/** Finds the smallest contingent size with P(goal met) ≥ target. */
export async function sizeContingent(
  s: Scenario,
  run: Runner,
  options: SizingOptions,
): Promise<SizingResult> {
  const target = options.target ?? 0.8;
  if (!(target > 0 && target < 1))
    throw new Error(`target must lie between 0 and 1 (got ${target})`);
  const coarse = options.coarseReplications ?? 100;
  const fine = options.fineReplications ?? 400;
  const grid = options.gridPoints ?? 9;
  const seed = options.seed ?? s.seed;
  const current = goalYearUnits(s, options.contingent);
  const maxUnits = Math.ceil(options.maxUnits ?? Math.max(50, 3 * current));
  const points = new Map<number, SizingPoint>();
  let evaluated = 0;

  const evaluate = async (units: number, replications: number): Promise<SizingPoint> => {
    const known = points.get(units);
    if (known && known.replications >= replications) return known;
    const r = await run(withUnits(s, options.contingent, units), { replications, seed });
    const p = pointOf(s, options.contingent, units, r);
    points.set(units, p);
    options.onPoint?.(p, ++evaluated);
    return p;
  };

  // Coarse grid over [0, maxUnits]: the first size that meets the target.
  const sizes = Array.from({ length: grid }, (_, k) => Math.round((k * maxUnits) / (grid - 1)));
  let j = 0;
  while (j < sizes.length && (await evaluate(sizes[j], coarse)).pMet < target) j++;
  // Confirm the bracket with fine replications, moving it where they disagree.
  while (j < sizes.length && (await evaluate(sizes[j], fine)).pMet < target) j++;
  while (j > 0 && j <= sizes.length - 1 && (await evaluate(sizes[j - 1], fine)).pMet >= target) j--;
  let hi = j < sizes.length ? sizes[j] : -1; // smallest size known to meet the target
  let lo = j > 0 ? sizes[j - 1] : -1; // largest size known to fail
  // Bisect on whole units.
  while (hi >= 0 && lo >= 0 && hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await evaluate(mid, fine)).pMet >= target) hi = mid;
    else lo = mid;
  }
  const curve = [...points.values()].sort((a, b) => a.units - b.units);
  const reaching = curve.filter((p) => p.pMetCi95[1] >= target);
  const surely = curve.filter((p) => p.pMetCi95[0] >= target);
  return {
    contingent: options.contingent,
    target,
    current,
    answer: hi >= 0 ? hi : null,
    interval:
      hi >= 0 ? [reaching[0]?.units ?? hi, surely[0]?.units ?? Math.max(hi, maxUnits)] : null,
    curve,
  };
}
