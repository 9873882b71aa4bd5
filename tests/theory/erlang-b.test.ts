// The model as an Erlang loss system (M/M/c/c and M/G/c/c): a crisis shelter of c places
// where everyone self-resolves after a holding time and whoever finds it full gives up at
// once. The share turned away must be Erlang B(c, a), whatever the holding-time distribution
// (insensitivity), within 4 standard errors computed across replications.
import { beforeAll, describe, expect, it } from 'vitest';
import { runReplication } from '../../sim/run-replication.ts';
import type { DurationSpec } from '../../sim/random/duration-spec.ts';
import { mustValidate } from '../helpers/scenarios.ts';
import { QUEUE_FACILITY, lossScenario } from '../helpers/queue-scenarios.ts';
import { erlangB } from '../helpers/queueing.ts';
import { SE_MULTIPLE, meanAndSe, total, yearlyTimeAverage } from '../helpers/replications.ts';
import { facilityColumn } from '../../sim/results/columns.ts';

const C = 5;
const MEAN_STAY = 10; // days
const LAMBDA = 0.4; // a day: a = 4 erlangs offered
const A = LAMBDA * MEAN_STAY;
const YEARS = 10;
const REPLICATIONS = 60;

const holdingTimes: [string, DurationSpec][] = [
  ['exponential (M/M/c/c)', { dist: 'exponential', mean: MEAN_STAY }],
  ['lognormal with cv 2 (M/G/c/c)', { dist: 'lognormal', mean: MEAN_STAY, cv: 2 }],
];

describe.each(holdingTimes)(`a loss system of ${C} places with %s holding times`, (_, stay) => {
  const b = erlangB(C, A);
  let blocked: { mean: number; se: number };
  let carried: { mean: number; se: number };
  const turnedAway: number[][] = [];
  const gaveUp: number[][] = [];
  beforeAll(() => {
    const s = mustValidate(
      lossScenario({ c: C, lambdaPerDay: LAMBDA, stay, years: YEARS, warmupYears: 2 }),
    );
    const blockedShare: number[] = [];
    const occupied: number[] = [];
    for (let rep = 0; rep < REPLICATIONS; rep++) {
      const r = runReplication(s, rep);
      blockedShare.push(total(r.yearly.turnedAway) / total(r.yearly.crisisArrivals));
      occupied.push(yearlyTimeAverage(r.yearly[facilityColumn('occupancy', QUEUE_FACILITY)]));
      turnedAway.push(Array.from(r.yearly.turnedAway));
      gaveUp.push(Array.from(r.yearly.gaveUp));
    }
    blocked = meanAndSe(blockedShare);
    carried = meanAndSe(occupied);
  });

  it('turns away the Erlang B share of arrivals', () => {
    expect(Math.abs(blocked.mean - b)).toBeLessThanOrEqual(SE_MULTIPLE * blocked.se);
  });

  it('keeps on average the carried load a·(1 − B) places occupied', () => {
    expect(Math.abs(carried.mean - A * (1 - b))).toBeLessThanOrEqual(SE_MULTIPLE * carried.se);
  });

  it('has everyone it turns away give up at once (patience 0), in the same year', () => {
    expect(gaveUp).toEqual(turnedAway);
  });

  it('is precise enough to tell c places from c + 1', () => {
    expect(SE_MULTIPLE * blocked.se).toBeLessThan(0.1 * b);
    expect(Math.abs(blocked.mean - erlangB(C + 1, A))).toBeGreaterThan(SE_MULTIPLE * blocked.se);
  });
});
