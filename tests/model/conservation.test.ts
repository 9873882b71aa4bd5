// Conservation of people: the model checks arrived = in system + housed + exited (and that
// every facility's places match the persons there) at the end of each run and throws when
// it breaks. These tests run it on the default scenario and stressed variants, and show
// that the check is real: corrupted books make it throw.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { ChainModel } from '../../sim/model/chain.ts';
import { Conservation } from '../../sim/model/conservation.ts';
import { ARRIVAL, STREET, endLocations, facilityLocation } from '../../sim/model/location.ts';
import { ReplicationTallies } from '../../sim/results/replication-tallies.ts';
import { defaultScenarioInput, minimalScenario, mustValidate } from '../helpers/scenarios.ts';

/** Variants of the default scenario that push people through the rarer branches. */
const variants: [string, (s: ReturnType<typeof defaultScenarioInput>) => void][] = [
  ['the default scenario', () => {}],
  [
    'crisis places cut to 5 in 2026 and BW cut to 300 in 2027',
    (s) => {
      s.facilities[0].capacity = { 2024: 40, 2026: 5 };
      s.facilities[0].initialOccupancy = 40;
      s.facilities[4].capacity = { 2024: 450, 2027: 300 };
    },
  ],
  [
    'banked contingent units, blocking-first priority and everyone waiting inside',
    (s) => {
      s.housing.contingents[0].unused = 'bank';
      s.housing.contingents[0].bankDays = 60;
      s.housing.bindingYears = { 2024: 3, 2027: 1 };
      s.housing.urgencyAfterDays = { 2024: 243, 2028: 0 };
      s.housing.priority = 'blockingFirst';
      s.housing.waitElsewhereShare = 0;
    },
  ],
  [
    'half of the housed relapsing and everyone waiting elsewhere',
    (s) => {
      s.relapse.share = 0.5;
      s.housing.waitElsewhereShare = 1;
      s.housing.contingents[0].unitsPerYear = { 2024: 400 };
    },
  ],
];

describe('conservation of people', () => {
  it.each(variants)('holds in every replication of %s', (_, change) => {
    const input = defaultScenarioInput();
    change(input);
    const s = mustValidate(input);
    for (let rep = 0; rep < 3; rep++) expect(() => runReplication(s, rep)).not.toThrow();
  });

  it('is checked by the model: a place taken by nobody makes the run throw', () => {
    const s = mustValidate(minimalScenario());
    const model = new ChainModel(s, new ReplicationTallies(s), { seed: 'x', replication: 0 });
    // Deliberately reach into the model (for this test only): take a place of the first
    // facility without putting anybody in it, so its places and persons disagree.
    const internals = model as unknown as { facilities: { occupied: number }[] };
    internals.facilities[0].occupied += 1;
    expect(() => model.run()).toThrow(/conservation of people broken/);
  });

  it('runs the same model untouched without complaint', () => {
    const s = mustValidate(minimalScenario());
    const model = new ChainModel(s, new ReplicationTallies(s), { seed: 'x', replication: 0 });
    expect(() => model.run()).not.toThrow();
  });
});

describe('Conservation.problems', () => {
  const setup = () => {
    const s: Scenario = mustValidate(minimalScenario());
    return { books: new Conservation(s.facilities.map((f) => f.id)), end: endLocations(1) };
  };

  it('finds nothing wrong when every arrival is accounted for', () => {
    const { books, end } = setup();
    books.arrived();
    books.moved(ARRIVAL, facilityLocation(0));
    books.arrived();
    books.moved(ARRIVAL, STREET);
    books.moved(STREET, end.exit);
    books.exited();
    expect(books.problems([1])).toEqual([]);
  });

  it('reports a person who arrived but never went anywhere', () => {
    const { books } = setup();
    books.arrived();
    expect(books.problems([0]).join('; ')).toMatch(/stuck at arrival/);
  });

  it('reports a person moved to housed without being counted as housed', () => {
    const { books, end } = setup();
    books.arrived();
    books.moved(ARRIVAL, end.housed);
    expect(books.problems([0]).join('; ')).toMatch(/housed/);
  });

  it('reports places taken that nobody is in', () => {
    const { books } = setup();
    expect(books.problems([1]).join('; ')).toMatch(/facility crisis/);
  });
});
