// OfferQueue: offers reach exactly the persons a full scan of the ready list would,
// in the order they became ready.
import { describe, it, expect } from 'vitest';
import { OfferQueue, type ContingentRules } from '../../sim/model/offer-order.ts';
import { People } from '../../sim/model/people.ts';
import { PersonState } from '../../sim/model/person-state.ts';

const rules = (r: Partial<ContingentRules>): ContingentRules => ({
  requiresUrgency: false,
  requiresBinding: false,
  blockingFirst: false,
  ...r,
});

/** The people table of the queue under test (a fresh one per test, from `queue`). */
let people = new People();

/** A queue with these rules over a fresh people table. */
function queue(r: Partial<ContingentRules>): OfferQueue {
  people = new People(16);
  return new OfferQueue(people, rules(r));
}

/**
 * A ready person, row `seq` (persons are made in ready order): arrival (days), tenure
 * (years), holding a place or not.
 */
function person(seq: number, arrival: number, tenureYears = 0, holding = -1): number {
  const p = people.add();
  expect(p).toBe(seq);
  people.state[p] = PersonState.HousingReady;
  people.arrival[p] = arrival;
  people.tenureYears[p] = tenureYears;
  people.bindingKey[p] = tenureYears * 365 - arrival;
  people.readySeq[p] = seq;
  people.holding[p] = holding;
  return p;
}

/** Rows the queue offers to at `now` when everyone refuses. */
function offered(q: OfferQueue, now: number, urgencyDays: number, bindingYears: number) {
  const ids: number[] = [];
  q.offerInOrder(now, urgencyDays, bindingYears, (p) => (ids.push(p), false));
  return ids;
}

describe('OfferQueue', () => {
  it('offers only to persons past the urgency line, in ready order', () => {
    const q = queue({ requiresUrgency: true });
    // Ready order 0..3; arrivals out of that order.
    [person(0, 50), person(1, 10), person(2, 30), person(3, 0)].forEach((p) => q.add(p));
    expect(offered(q, 100, 80, 0)).toEqual([1, 3]); // arrived ≤ 20
    expect(offered(q, 110, 80, 0)).toEqual([1, 2, 3]); // arrived ≤ 30: the line is inclusive
    expect(offered(q, 200, 80, 0)).toEqual([0, 1, 2, 3]);
  });

  it('offers only to persons whose tenure plus time in the chain reaches the binding years', () => {
    const q = queue({ requiresBinding: true });
    [person(0, 0, 2.5), person(1, 0, 0.5), person(2, 0, 3)].forEach((p) => q.add(p));
    expect(offered(q, 0, 0, 3)).toEqual([2]);
    expect(offered(q, 0.5 * 365, 0, 3)).toEqual([0, 2]);
    expect(offered(q, 2.5 * 365, 0, 3)).toEqual([0, 1, 2]);
  });

  it('sends everyone through the lines again when a rule changes, also backwards', () => {
    const q = queue({ requiresUrgency: true, requiresBinding: true });
    [person(0, 0, 5), person(1, 90, 5), person(2, 0, 1)].forEach((p) => q.add(p));
    expect(offered(q, 100, 10, 3)).toEqual([0, 1]);
    expect(offered(q, 100, 50, 3)).toEqual([0]); // longer urgency wait: 1 no longer urgent
    expect(offered(q, 100, 50, 1)).toEqual([0, 2]); // shorter binding: 2 is now bound
  });

  it('skips persons who are no longer ready, and stops at the first who accepts', () => {
    const q = queue({});
    const ps = [0, 1, 2, 3].map((i) => person(i, 0));
    ps.forEach((p) => q.add(p));
    people.state[ps[1]] = PersonState.Housed;
    q.remove();
    const seen: number[] = [];
    const taken = q.offerInOrder(0, 0, 0, (p) => (seen.push(p), p === 2));
    expect(taken).toBe(true);
    expect(seen).toEqual([0, 2]);
  });

  it('offers to those holding a place first under blockingFirst, each group in ready order', () => {
    const q = queue({ blockingFirst: true });
    [person(0, 0), person(1, 0, 0, 3), person(2, 0), person(3, 0, 0, 4)].forEach((p) => q.add(p));
    expect(offered(q, 0, 0, 0)).toEqual([1, 3, 0, 2]);
  });

  it('keeps ready order when persons become eligible out of that order', () => {
    const q = queue({ requiresUrgency: true });
    // Ready in order 0..199, urgent in reverse: arrival falls with the ready sequence.
    const ps = Array.from({ length: 200 }, (_, i) => person(i, 1000 - i));
    ps.forEach((p) => q.add(p));
    for (let now = 800; now <= 1000; now += 7) offered(q, now, 0, 0);
    expect(offered(q, 1000, 0, 0)).toEqual(ps);
  });
});
