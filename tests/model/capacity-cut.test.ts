// Capacity cuts never evict (DESIGN §2): when a facility's places drop from 10 to 0 at the
// start of the second reported year, everyone inside stays until their own stay ends; no one
// is admitted after the cut; and the facility empties gradually as stays end.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/schema.ts';
import type { ReplicationResult } from '../../sim/results/replication-result.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { DAYS_PER_YEAR } from '../../sim/scenario/calendar.ts';
import { START_YEAR, minimalScenario, mustValidate } from '../helpers/scenarios.ts';

const PLACES = 10;
/** Every stay lasts exactly this long (days), so the last one ends this long after the cut. */
const STAY_DAYS = 200;
/** Calendar day of the cut: 1 January of the second reported year. */
const CUT_DAY = DAYS_PER_YEAR;

/** A facility of `kind` with 10 places, cut to 0, flooded with 300 arrivals a year. */
function cutScenario(kind: 'shelter24' | 'crisis'): ScenarioInput {
  const s = minimalScenario();
  s.arrivals[0].ratePerYear = { [START_YEAR]: 300 };
  s.facilities[0] = {
    id: 'cut',
    name: 'Facility cut to zero places',
    kind,
    serves: ['single'],
    capacity: { [START_YEAR]: PLACES, [START_YEAR + 1]: 0 },
    initialOccupancy: PLACES,
  };
  s.arrivals[0].entry = 'cut';
  if (kind === 'shelter24') {
    // Pre-triaged entry; everyone leaves the chain after the stay.
    s.facilities[0].stay = { dist: 'fixed', mean: STAY_DAYS };
    s.facilities[0].exitAfterStayShare = 1;
    s.triage.pathways = {};
  } else {
    // Crisis shelter: everyone self-resolves after holding the place for the stay.
    s.arrivals[0].selfResolveShare = 1;
    s.arrivals[0].selfResolveDays = { dist: 'fixed', mean: STAY_DAYS };
  }
  return s;
}

describe.each(['shelter24', 'crisis'] as const)('a %s facility cut from 10 places to 0', (kind) => {
  const s = mustValidate(cutScenario(kind));
  const results: ReplicationResult[] = [0, 1, 2].map((rep) => runReplication(s, rep));
  const weeklyOccupancy = (r: ReplicationResult) => Array.from(r.weekly['occupancy:cut']);
  /** Index of the first week that starts on or after the cut. */
  const firstWeekAfter = Math.ceil(CUT_DAY / 7);

  it('is full in the last full week before the cut', () => {
    for (const r of results) expect(weeklyOccupancy(r)[firstWeekAfter - 2]).toBe(PLACES);
  });

  it('admits nobody after the cut', () => {
    for (const r of results) expect(r.yearly['admissions:cut'][1]).toBe(0);
  });

  it('still has people inside in the first week after the cut', () => {
    for (const r of results) expect(weeklyOccupancy(r)[firstWeekAfter]).toBeGreaterThan(0);
  });

  it('empties gradually: weekly occupancy never rises after the cut and falls in steps', () => {
    for (const r of results) {
      const after = weeklyOccupancy(r).slice(firstWeekAfter - 1);
      for (let w = 1; w < after.length; w++) expect(after[w]).toBeLessThanOrEqual(after[w - 1]);
      // Not all at once: some week after the cut lies strictly between full and empty.
      expect(after.some((v) => v > 0 && v < PLACES - 1)).toBe(true);
    }
  });

  it('is empty once the last stay begun before the cut has ended', () => {
    const emptyFrom = Math.ceil((CUT_DAY + STAY_DAYS) / 7);
    for (const r of results) {
      expect(
        weeklyOccupancy(r)
          .slice(emptyFrom)
          .every((v) => v === 0),
      ).toBe(true);
    }
  });
});
