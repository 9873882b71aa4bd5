/**
 * One-at-a-time sensitivity: each uncertain parameter set to its low and to its high end,
 * all else nominal, on common random numbers — so a parameter without effect moves the
 * result by exactly nothing. The tornado chart sorts these by swing.
 */
import type { Scenario } from '../scenario/schema.ts';
import { setAt } from '../scenario/parameter-path.ts';
import type { Runner } from './runner.ts';

export interface SensitivityRow {
  path: string;
  label: string;
  low: number;
  high: number;
  /** Rehousing share (goal year, mean) with the parameter at low / high. */
  rehousingLow: number;
  rehousingHigh: number;
  /** P(goal met) with the parameter at low / high. */
  pMetLow: number;
  pMetHigh: number;
  /** |rehousingHigh − rehousingLow|: how far this parameter swings the result. */
  swing: number;
}

export interface Sensitivity {
  /** The nominal scenario's rehousing share and P(goal met). */
  rehousing: number;
  pMet: number;
  /** Rows sorted by swing, largest first. */
  rows: SensitivityRow[];
}

export async function sensitivity(
  s: Scenario,
  run: Runner,
  replications: number,
  seed: string | number = s.seed,
  onStep?: (done: number, total: number) => void,
): Promise<Sensitivity> {
  const total = 1 + 2 * s.uncertain.length;
  let done = 0;
  const step = async (variant: Scenario) => {
    const r = await run(variant, { replications, seed });
    onStep?.(++done, total);
    return r;
  };
  const nominal = await step(s);
  const rows: SensitivityRow[] = [];
  for (const u of s.uncertain) {
    const lo = await step(setAt(s, u.path, u.low));
    const hi = await step(setAt(s, u.path, u.high));
    rows.push({
      path: u.path,
      label: u.label,
      low: u.low,
      high: u.high,
      rehousingLow: lo.goal.rehousingShare.mean,
      rehousingHigh: hi.goal.rehousingShare.mean,
      pMetLow: lo.goal.pMet,
      pMetHigh: hi.goal.pMet,
      swing: Math.abs(hi.goal.rehousingShare.mean - lo.goal.rehousingShare.mean),
    });
  }
  rows.sort((a, b) => b.swing - a.swing);
  return { rehousing: nominal.goal.rehousingShare.mean, pMet: nominal.goal.pMet, rows };
}
