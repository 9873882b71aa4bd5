// The people table and the person's states: rows survive growth, a reset starts afresh,
// and a move the chain does not allow stops the run.
import { describe, expect, it } from 'vitest';
import { People } from '../../sim/model/people.ts';
import { PersonState, isDone, transition } from '../../sim/model/person-state.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { defaultScenarioInput, mustValidate } from '../helpers/scenarios.ts';

describe('People', () => {
  it('keeps every row when it grows, and starts each new row afresh', () => {
    const people = new People(16);
    for (let i = 0; i < 1000; i++) {
      const p = people.add();
      people.arrival[p] = i * 0.5;
      people.state[p] = PersonState.InStay;
    }
    expect(people.count).toBe(1000);
    for (let i = 0; i < 1000; i++) expect(people.arrival[i]).toBe(i * 0.5);
    people.reset();
    const p = people.add();
    expect(p).toBe(0);
    expect(people.state[p]).toBe(PersonState.Arriving);
    expect(people.holding[p]).toBe(-1);
    expect(Number.isNaN(people.homeTime[p])).toBe(true);
  });

  it('gives the same result again after the shared table and tallies held another replication', () => {
    const s = mustValidate(defaultScenarioInput());
    const a = runReplication(s, 3);
    runReplication(s, 4); // leaves the shared table full of other people
    const b = runReplication(s, 3);
    expect(b.goal).toEqual(a.goal);
    expect(Array.from(b.flow)).toEqual(Array.from(a.flow));
  });
});

describe('person states', () => {
  it('allows the moves of the chain', () => {
    expect(transition(PersonState.Arriving, PersonState.AwaitingTriage)).toBe(
      PersonState.AwaitingTriage,
    );
    expect(transition(PersonState.InStay, PersonState.HousingReady)).toBe(PersonState.HousingReady);
    expect(transition(PersonState.HousingReady, PersonState.Housed)).toBe(PersonState.Housed);
  });

  it('refuses a move the chain does not allow, naming both states', () => {
    expect(() => transition(PersonState.Housed, PersonState.InStay)).toThrow(
      'a person cannot move from Housed to InStay',
    );
    expect(() => transition(PersonState.AwaitingTriage, PersonState.Housed)).toThrow(
      /AwaitingTriage to Housed/,
    );
    expect(() => transition(PersonState.Left, PersonState.Left)).toThrow(/Left to Left/);
  });

  it('counts housed and left as done, and nothing else', () => {
    const done = Object.values(PersonState).filter(isDone);
    expect(done).toEqual([PersonState.Housed, PersonState.Left]);
  });
});
