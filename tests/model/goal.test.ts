// The goal cohort and its shares (DESIGN §2, "What the 2030 goal means"), on synthetic
// scenarios where every outcome is certain: fixed triage delays, a BW place for everyone
// (a suitable home), a 24-hour shelter (not a home), or a full shelter everyone gives up on.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/schema.ts';
import type { ReplicationResult } from '../../sim/results/replication-result.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { START_YEAR, minimalScenario, mustValidate } from '../helpers/scenarios.ts';

const y = String(START_YEAR);

/** Everyone arriving at the crisis shelter is triaged after `triageDays` to `pathways`. */
function goalScenario(triageDays: number, pathways: Record<string, number>): ScenarioInput {
  const s = minimalScenario();
  s.triage.delayDays = { [y]: { dist: 'fixed', mean: triageDays } };
  s.triage.pathways = { single: { [y]: pathways } };
  s.facilities[0].capacity = { [y]: 1000 };
  const forever = { dist: 'fixed' as const, mean: 36_500 }; // 100 years, the longest allowed
  s.facilities.push(
    {
      id: 'bw',
      name: 'Supported housing, room for all',
      kind: 'bw',
      serves: ['single'],
      capacity: { [y]: 1000 },
      stay: forever,
      exitAfterStayShare: 1,
    },
    {
      id: 'shelter',
      name: '24-hour shelter, room for all',
      kind: 'shelter24',
      serves: ['single'],
      capacity: { [y]: 1000 },
      stay: { dist: 'fixed', mean: 30 },
      exitAfterStayShare: 1,
    },
  );
  return s;
}

const run = (input: ScenarioInput): ReplicationResult => runReplication(mustValidate(input), 0);
const shares = (r: ReplicationResult) => ({
  triage: Array.from(r.yearly.triageShare),
  rehousing: Array.from(r.yearly.rehousingShare),
});

describe('the goal cohort', () => {
  it('is every crisis arrival when nobody self-resolves', () => {
    const r = run(goalScenario(7, { bw: 1 }));
    expect(Array.from(r.yearly.cohortSize)).toEqual(Array.from(r.yearly.crisisArrivals));
  });

  it('counts a BW place reached within 91 days as a home, for everyone triaged in time', () => {
    const r = run(goalScenario(7, { bw: 1 }));
    expect(shares(r)).toEqual({ triage: [1, NaN], rehousing: [1, NaN] });
    expect(r.goal).toEqual({ triageShare: 1, rehousingShare: 1, met: true });
  });

  it('leaves the shares of the last year undefined: its cohort is not observed to the end', () => {
    const r = run(goalScenario(7, { bw: 1 }));
    expect(r.yearly.cohortSize[1]).toBeGreaterThan(0);
    expect(r.yearly.triageShare[1]).toBeNaN();
    expect(r.yearly.rehousingShare[1]).toBeNaN();
  });

  it('misses the triage target when triage takes more than 42 days', () => {
    const r = run(goalScenario(50, { bw: 1 }));
    expect(shares(r).triage[0]).toBe(0);
    expect(shares(r).rehousing[0]).toBe(1); // 50 days to a BW place is within 91
    expect(r.goal.met).toBe(false);
  });

  it('misses the rehousing target when the home comes after 91 days', () => {
    const r = run(goalScenario(100, { bw: 1 }));
    expect(shares(r).rehousing[0]).toBe(0);
  });

  it('does not count a 24-hour shelter as a home', () => {
    const r = run(goalScenario(7, { shelter24: 1 }));
    expect(shares(r)).toEqual({ triage: [1, NaN], rehousing: [0, NaN] });
  });

  it('leaves those triaged to exit out of the rehousing share', () => {
    const r = run(goalScenario(7, { exit: 0.5, bw: 0.5 }));
    expect(r.yearly.exits[0]).toBeGreaterThan(0);
    expect(shares(r).rehousing[0]).toBe(1);
  });

  it('counts people who give up in the street as neither triaged nor rehoused', () => {
    const input = goalScenario(7, { bw: 1 });
    input.facilities[0].capacity = { [y]: 0 };
    input.facilities[0].patienceDays = { dist: 'fixed', mean: 3 };
    const r = run(input);
    expect(Array.from(r.yearly.turnedAway)).toEqual(Array.from(r.yearly.crisisArrivals));
    expect(Array.from(r.yearly['admissions:crisis'])).toEqual([0, 0]);
    expect(r.yearly.gaveUp[0]).toBeGreaterThan(0);
    expect(shares(r)).toEqual({ triage: [0, NaN], rehousing: [0, NaN] });
  });
});
