/**
 * The housing-ready persons one contingent may offer a unit to, kept so that an offer
 * visits only persons who are eligible now, in the order they became ready.
 *
 * A person who matches the contingent's routes and household types still has to cross
 * the urgency line (arrival ≤ now − urgency days) and the binding line (tenure + time in
 * the chain ≥ binding years) when the contingent requires them. Both lines only move
 * forward in time while the rules stay the same, so persons wait in two heaps (the
 * earliest arrival on top; the largest binding key, tenure at entry minus arrival time, on
 * top) and move on once they cross. The
 * comparisons are exactly those of the rule itself, so an offer reaches the same persons
 * as a scan of the whole ready list would. When a rule changes (a new urgency or binding
 * period), everyone goes through the lines again.
 */
import FlatQueue from 'flatqueue';
import { bisector } from 'd3-array';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';
import type { Person } from './person.ts';

/** What a contingent asks of a person beyond route and household type. */
export interface ContingentRules {
  requiresUrgency: boolean;
  requiresBinding: boolean;
  /** Persons holding a place get offers before the others (priority "blockingFirst"). */
  blockingFirst: boolean;
}

const insertionPoint = bisector((p: Person) => p.readySeq).right;

/** The urgency line at `now` (days): persons who arrived at or before it are urgent. */
const latestUrgentArrival = (now: number, urgencyDays: number) => now - urgencyDays;
/** The binding line at `now` (days): persons whose binding key reaches it are bound. */
const leastBoundKey = (now: number, bindingYears: number) => bindingYears * DAYS_PER_YEAR - now;

/** Persons in ready order; those before `head` are no longer ready. */
interface EligibleList {
  persons: Person[];
  head: number;
}

export class ContingentQueue {
  /** Not yet urgent, earliest arrival on top. */
  private readonly beforeUrgency = new FlatQueue<Person>();
  /** Urgent (or no urgency needed) but not yet bound, largest binding key on top. */
  private readonly beforeBinding = new FlatQueue<Person>();
  /** Eligible persons in ready order: [0] those holding a place (blockingFirst only), [1] the rest. */
  private readonly eligible: [EligibleList, EligibleList] = [
    { persons: [], head: 0 },
    { persons: [], head: 0 },
  ];
  /** The rule values the lines were last drawn with (days, years). */
  private urgencyDays = NaN;
  private bindingYears = NaN;
  /** Persons in the queue who are still ready (the structures may hold more, lazily). */
  private live = 0;
  private stored = 0;

  constructor(private readonly rules: ContingentRules) {}

  /** `p` became housing-ready and matches the contingent's routes and household types. */
  add(p: Person): void {
    this.live++;
    this.stored++;
    this.enter(p);
  }

  /**
   * Whether `p` has crossed the lines this contingent requires at time `now` (days) under
   * the given rules (days, years): the same test the queue applies when it releases persons.
   */
  admits(p: Person, now: number, urgencyDays: number, bindingYears: number): boolean {
    return (
      (!this.rules.requiresUrgency || p.arrival <= latestUrgentArrival(now, urgencyDays)) &&
      (!this.rules.requiresBinding || p.bindingKey >= leastBoundKey(now, bindingYears))
    );
  }

  /** A person added before is no longer ready (housed or left). */
  remove(): void {
    this.live--;
  }

  /**
   * Calls `offer` for each person eligible at time `now` (days) under the given rules, in
   * offer order, until it returns true (the unit was taken). Returns whether it did.
   */
  offerInOrder(
    now: number,
    urgencyDays: number,
    bindingYears: number,
    offer: (p: Person) => boolean,
  ): boolean {
    const rulesChanged = urgencyDays !== this.urgencyDays || bindingYears !== this.bindingYears;
    if (rulesChanged || (this.stored > 1024 && this.stored > 4 * this.live)) {
      this.urgencyDays = urgencyDays;
      this.bindingYears = bindingYears;
      this.reset();
    }
    this.release(now);
    for (const list of this.eligible) if (this.offerDown(list, offer)) return true;
    return false;
  }

  /** Offers down one list, past persons no longer ready. */
  private offerDown(list: EligibleList, offer: (p: Person) => boolean): boolean {
    const { persons } = list;
    while (list.head < persons.length && persons[list.head].done) list.head++;
    if (list.head > 64 && 2 * list.head > persons.length) {
      persons.splice(0, list.head);
      list.head = 0;
    }
    for (let i = list.head; i < persons.length; i++) {
      const p = persons[i];
      if (!p.done && offer(p)) return true;
    }
    return false;
  }

  private enter(p: Person): void {
    if (this.rules.requiresUrgency) this.beforeUrgency.push(p, p.arrival);
    else this.urgent(p);
  }

  private urgent(p: Person): void {
    if (this.rules.requiresBinding) this.beforeBinding.push(p, -p.bindingKey);
    else this.becomeEligible(p);
  }

  private becomeEligible(p: Person): void {
    const { persons, head } = this.eligible[this.rules.blockingFirst && p.holding >= 0 ? 0 : 1];
    const n = persons.length;
    if (n === head || persons[n - 1].readySeq < p.readySeq) persons.push(p);
    else persons.splice(insertionPoint(persons, p.readySeq, head), 0, p);
  }

  /** Moves persons who have crossed the lines by `now` on. */
  private release(now: number): void {
    const arrivalLimit = latestUrgentArrival(now, this.urgencyDays);
    for (let p = this.beforeUrgency.peek(); p !== undefined; p = this.beforeUrgency.peek()) {
      if (!p.done && !(p.arrival <= arrivalLimit)) break;
      this.beforeUrgency.pop();
      if (!p.done) this.urgent(p);
    }
    const bindingLimit = leastBoundKey(now, this.bindingYears);
    for (let p = this.beforeBinding.peek(); p !== undefined; p = this.beforeBinding.peek()) {
      if (!p.done && !(p.bindingKey >= bindingLimit)) break;
      this.beforeBinding.pop();
      if (!p.done) this.becomeEligible(p);
    }
  }

  /** Drops persons no longer ready and sends the others through the lines again. */
  private reset(): void {
    const everyone: Person[] = [];
    for (const q of [this.beforeUrgency, this.beforeBinding]) {
      while (q.length > 0) everyone.push(q.pop()!);
      q.shrink();
    }
    for (const list of this.eligible) {
      everyone.push(...list.persons.slice(list.head));
      list.persons.length = 0;
      list.head = 0;
    }
    this.stored = 0;
    for (const p of everyone) {
      if (p.done) continue;
      this.stored++;
      this.enter(p);
    }
  }
}
