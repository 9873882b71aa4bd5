// The model as an M/M/c queue (Erlang C): a 24-hour shelter of c places entered directly
// (people wait outside in FIFO order, holding no place), Poisson arrivals, exponential stays,
// everyone leaving after their stay. Time averages over long seeded runs must match theory
// within 4 standard errors computed across the replications.
import { beforeAll, describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/run-replication.ts';
import { mustValidate } from '../helpers/scenarios.ts';
import { QUEUE_FACILITY, queueScenario } from '../helpers/queue-scenarios.ts';
import { mmc } from '../helpers/queueing.ts';
import {
  SE_MULTIPLE,
  meanAndSe,
  weeklyTimeAverage,
  yearlyTimeAverage,
} from '../helpers/replications.ts';
import { facilityColumn } from '../../sim/results/columns.ts';

const C = 5;
const MEAN_STAY = 10; // days, so μ = 0.1 a day
const RHO = 0.8;
const LAMBDA = (RHO * C) / MEAN_STAY; // 0.4 a day: offered load a = 4 erlangs
const YEARS = 40;
const REPLICATIONS = 100;

describe(`an M/M/${C} queue at ρ = ${RHO}`, () => {
  const theory = mmc(LAMBDA, 1 / MEAN_STAY, C);
  let lq: { mean: number; se: number };
  let busy: { mean: number; se: number };
  let total: { mean: number; se: number };
  beforeAll(() => {
    const s = mustValidate(
      queueScenario({
        c: C,
        lambdaPerDay: LAMBDA,
        stay: { dist: 'exponential', mean: MEAN_STAY },
        years: YEARS,
        warmupYears: 2, // 73 mean stays from empty: the start-up transient is long gone
      }),
    );
    const queue: number[] = [];
    const inService: number[] = [];
    const inSystem: number[] = [];
    for (let rep = 0; rep < REPLICATIONS; rep++) {
      const r = runReplication(s, rep);
      queue.push(weeklyTimeAverage(r.weekly.waitShelter24, YEARS));
      inService.push(yearlyTimeAverage(r.yearly[facilityColumn('occupancy', QUEUE_FACILITY)]));
      inSystem.push(queue[rep] + inService[rep]);
    }
    lq = meanAndSe(queue);
    busy = meanAndSe(inService);
    total = meanAndSe(inSystem);
  });

  it('has the Erlang C mean number waiting, Lq = C(c, a)·ρ/(1 − ρ)', () => {
    expect(Math.abs(lq.mean - theory.lq)).toBeLessThanOrEqual(SE_MULTIPLE * lq.se);
  });

  it('keeps on average a = λ/μ places occupied', () => {
    expect(Math.abs(busy.mean - theory.offeredLoad)).toBeLessThanOrEqual(SE_MULTIPLE * busy.se);
  });

  it('has on average L = Lq + a persons in the system', () => {
    expect(Math.abs(total.mean - theory.l)).toBeLessThanOrEqual(SE_MULTIPLE * total.se);
  });

  it('is precise enough to tell c places from c + 1', () => {
    // The tolerance is small against the quantities tested...
    expect(SE_MULTIPLE * lq.se).toBeLessThan(0.1 * theory.lq);
    expect(SE_MULTIPLE * busy.se).toBeLessThan(0.02 * theory.offeredLoad);
    // ... so a shelter with one more place would be rejected.
    const wrong = mmc(LAMBDA, 1 / MEAN_STAY, C + 1);
    expect(Math.abs(lq.mean - wrong.lq)).toBeGreaterThan(SE_MULTIPLE * lq.se);
  });
});
