// Little's law, L = λ·W (https://en.wikipedia.org/wiki/Little%27s_law), in two forms:
// - in steady state, for a 24-hour shelter run as an M/G/c queue with long-tailed stays:
//   the time-average occupancy is the admission rate times the mean stay of the scenario,
//   within 4 standard errors across replications;
// - on every sample path that starts and ends empty (Stidham, "A last word on L = λW",
//   Operations Research 22, 1974): place-days equal the summed stays exactly. Checked on the
//   default chain, with blocking, waiting elsewhere and exits, started empty and drained.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { ReplicationResult } from '../../sim/results/replication-result.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { DAYS_PER_YEAR } from '../../sim/scenario/calendar.ts';
import { defaultScenarioInput, mustValidate } from '../helpers/scenarios.ts';
import { QUEUE_FACILITY, queueScenario } from '../helpers/queue-scenarios.ts';
import { SE_MULTIPLE, meanAndSe, total, yearlyTimeAverage } from '../helpers/replications.ts';
import { facilityColumn, occupancySeries } from '../../sim/results/columns.ts';

describe('Little’s law in an M/G/5 shelter with lognormal stays (cv 1.5)', () => {
  const C = 5;
  const MEAN_STAY = 10; // days
  const LAMBDA = 0.4; // a day: ρ = 0.8
  const YEARS = 20;
  const REPLICATIONS = 60;
  const T = YEARS * DAYS_PER_YEAR;
  let gap: { mean: number; se: number };
  let occupancy: { mean: number; se: number };
  let sojourn: { mean: number; se: number };
  beforeAll(() => {
    const s = mustValidate(
      queueScenario({
        c: C,
        lambdaPerDay: LAMBDA,
        stay: { dist: 'lognormal', mean: MEAN_STAY, cv: 1.5 },
        years: YEARS,
        warmupYears: 2,
      }),
    );
    const gaps: number[] = [];
    const occupancies: number[] = [];
    const sojourns: number[] = [];
    for (let rep = 0; rep < REPLICATIONS; rep++) {
      const r = runReplication(s, rep);
      const l = yearlyTimeAverage(r.yearly[facilityColumn('occupancy', QUEUE_FACILITY)]);
      const lambda = total(r.yearly[facilityColumn('admissions', QUEUE_FACILITY)]) / T;
      occupancies.push(l);
      gaps.push(l - lambda * MEAN_STAY);
      sojourns.push(
        total(r.yearly[facilityColumn('stayDays', QUEUE_FACILITY)]) /
          total(r.yearly[facilityColumn('departures', QUEUE_FACILITY)]),
      );
    }
    gap = meanAndSe(gaps);
    occupancy = meanAndSe(occupancies);
    sojourn = meanAndSe(sojourns);
  });

  it('has occupancy L = λ·W, with λ the measured admission rate and W the mean stay', () => {
    expect(Math.abs(gap.mean)).toBeLessThanOrEqual(SE_MULTIPLE * gap.se);
  });

  it('reports a mean completed stay equal to the mean stay of the scenario', () => {
    expect(Math.abs(sojourn.mean - MEAN_STAY)).toBeLessThanOrEqual(SE_MULTIPLE * sojourn.se);
  });

  it('is precise enough to notice stays 5% longer than the scenario says', () => {
    expect(SE_MULTIPLE * gap.se).toBeLessThan(0.05 * occupancy.mean);
    expect(SE_MULTIPLE * sojourn.se).toBeLessThan(0.05 * MEAN_STAY);
  });
});

describe('Little’s law on sample paths of the default chain that start and end empty', () => {
  // The default scenario without warm-up or initial occupants (so everyone's stay starts
  // inside the reported period), arrivals stopping after 2031, and a long run to let the
  // chain drain. Beschermd wonen (mean stay 6 years, lognormal) may not empty even by 2060.
  const LAST_ARRIVAL_YEAR = 2031;
  const END_YEAR = 2060;
  let s: Scenario;
  let results: ReplicationResult[];
  beforeAll(() => {
    const input = defaultScenarioInput();
    input.warmupYears = 0;
    input.endYear = END_YEAR;
    for (const f of input.facilities) f.initialOccupancy = 0;
    for (const a of input.arrivals)
      a.ratePerYear = { ...a.ratePerYear, [LAST_ARRIVAL_YEAR + 1]: 0 };
    s = mustValidate(input);
    results = [0, 1, 2].map((rep) => runReplication(s, rep));
  });
  /** Facilities with nobody inside in the last week of the run (so empty at its end). */
  const emptied = (r: ReplicationResult) =>
    s.facilities.map((f) => f.id).filter((id) => r.weekly[occupancySeries(id)].at(-1) === 0);

  it('drains every facility but beschermd wonen by the end of the run', () => {
    const shortStay = s.facilities.map((f) => f.id).filter((id) => id !== 'bw');
    for (const r of results) expect(emptied(r)).toEqual(expect.arrayContaining(shortStay));
  });

  it('has place-days equal to the summed stays in every facility that emptied', () => {
    for (const r of results) {
      for (const id of emptied(r)) {
        const placeDays = total(r.yearly[facilityColumn('placeDays', id)]);
        const stayDays = total(r.yearly[facilityColumn('stayDays', id)]);
        // Equal up to floating-point rounding of the two sums (relative 1e-9).
        expect(Math.abs(placeDays - stayDays), id).toBeLessThanOrEqual(1e-9 * placeDays);
        expect(placeDays, id).toBeGreaterThan(0);
      }
    }
  });

  it('lets everyone admitted to a facility that emptied leave it', () => {
    for (const r of results) {
      for (const id of emptied(r)) {
        expect(total(r.yearly[facilityColumn('departures', id)]), id).toBe(
          total(r.yearly[facilityColumn('admissions', id)]),
        );
      }
    }
  });
});
