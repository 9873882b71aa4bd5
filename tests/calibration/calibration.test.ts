// The calibrated baseline reproduces the figures in the region's documents: a seeded, short
// run (40 replications, cut after the calibration years) must put each checked target's
// mean and 95% interval inside its band. The cut run equals the full run in those years.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { runReplication } from '../../sim/run-replication.ts';
import type { YearlyColumn } from '../../sim/results/columns.ts';
import {
  calibrate,
  calibrationScenario,
  statusOf,
  type CalibrationRow,
} from '../../cli/calibration/run.ts';
import { CALIBRATION_YEARS, TARGETS } from '../../cli/calibration/targets.ts';
import { defaultScenario } from '../helpers/scenarios.ts';

const REPLICATIONS = 40;

describe('the calibrated baseline', () => {
  let s: Scenario;
  let rows: CalibrationRow[];
  beforeAll(() => {
    s = defaultScenario();
    rows = calibrate(s, { replications: REPLICATIONS, seed: s.seed });
  }, 60_000);

  const checkable = TARGETS.map((t): [string] => [t.id]);

  it.each(checkable)('meets %s (mean and 95%% interval inside the band)', (id) => {
    const row = rows.find((r) => r.target.id === id)!;
    const { mean, ci95 } = row.estimate;
    expect(
      row.status,
      `${id}: mean ${mean}, 95% interval [${ci95[0]}, ${ci95[1]}], band [${row.target.band}]`,
    ).toBe('met');
  });
});

describe('the calibration run', () => {
  it('cuts the scenario after the calibration years without changing them', () => {
    const s = defaultScenario();
    const short = calibrationScenario(s);
    expect(short.endYear).toBe(Math.max(...CALIBRATION_YEARS) + 1);
    expect(s.endYear).toBeGreaterThan(short.endYear);
    const full = runReplication(s, 1);
    const cut = runReplication(short, 1);
    // Cohort percentiles depend on how long the cohort is followed; nothing else may differ.
    const columns = (Object.keys(cut.yearly) as YearlyColumn[]).filter(
      (k) => !k.startsWith('daysToHome'),
    );
    for (const k of columns) {
      const years = CALIBRATION_YEARS.map((y) => y - s.startYear);
      expect(
        years.map((y) => cut.yearly[k][y]),
        k,
      ).toEqual(years.map((y) => full.yearly[k][y]));
    }
  });

  it('calls a target met only when its whole interval lies in the band', () => {
    const e = (mean: number, lo: number, hi: number) => ({
      mean,
      ci95: [lo, hi] as [number, number],
      p5: NaN,
      p50: NaN,
      p95: NaN,
      n: 2,
    });
    expect(statusOf(e(5, 4, 6), [0, 10])).toBe('met');
    expect(statusOf(e(9, 8, 11), [0, 10])).toBe('near');
    expect(statusOf(e(11, 10.5, 12), [0, 10])).toBe('missed');
  });

  it('is reproducible: the same seed gives the same table', () => {
    const s = defaultScenario();
    const a = calibrate(s, { replications: 3, seed: 'x' });
    const b = calibrate(s, { replications: 3, seed: 'x' });
    expect(a.map((r) => r.estimate)).toEqual(b.map((r) => r.estimate));
  });
});
