/**
 * Runs a scenario for calibration and compares it with the targets: per replication the
 * value of each target, then the mean and its 95% interval across replications.
 */
import type { Scenario } from '../../sim/scenario/schema.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { estimate, type Estimate } from '../../sim/results/stats.ts';
import { TARGETS, ReplicationView, type CalibrationTarget } from './targets.ts';

/** Met: mean and 95% interval inside the band; near: mean inside, interval not. */
export type Status = 'met' | 'near' | 'missed';

export interface CalibrationRow {
  target: CalibrationTarget;
  estimate: Estimate;
  status: Status;
}

export interface CalibrationOptions {
  replications: number;
  seed: string | number;
  targets?: CalibrationTarget[];
  onProgress?: (done: number) => void;
}

/**
 * The scenario cut short after the last calibration year (plus one year, so the goal
 * cohort rule still holds). Events up to then are identical: the model is causal and
 * each random stream is independent of the horizon.
 */
export function calibrationScenario(s: Scenario, targets = TARGETS): Scenario {
  const last = Math.max(...targets.flatMap((t) => t.years));
  if (s.endYear <= last + 1) return s;
  const short = structuredClone(s);
  short.endYear = last + 1;
  short.goal.year = Math.min(s.goal.year, last);
  return short;
}

export function statusOf(e: Estimate, band: [number, number]): Status {
  const [lo, hi] = band;
  const inside = (x: number) => x >= lo && x <= hi;
  if (!inside(e.mean)) return 'missed';
  return inside(e.ci95[0]) && inside(e.ci95[1]) ? 'met' : 'near';
}

/** Runs replications 0..n−1 and compares every target. */
export function calibrate(s: Scenario, o: CalibrationOptions): CalibrationRow[] {
  const targets = o.targets ?? TARGETS;
  const short = calibrationScenario(s, targets);
  const values = targets.map(() => new Float64Array(o.replications));
  for (let i = 0; i < o.replications; i++) {
    const v = new ReplicationView(short, runReplication(short, i, { seed: o.seed }));
    targets.forEach((t, k) => (values[k][i] = t.value(v, t.years)));
    o.onProgress?.(i + 1);
  }
  return targets.map((target, k) => {
    const e = estimate(values[k]);
    return { target, estimate: e, status: statusOf(e, target.band) };
  });
}
