/**
 * Who gets the next home: to whom a contingent's unit is offered, and in which order.
 *
 * A contingent serves some routes to a home (independent, Housing First, via the 24-hour
 * shelter, BW, training) and some household types ({@link serves}). Of the housing-ready
 * persons it serves, a unit is offered only to those past the lines the contingent
 * requires ({@link OfferQueue.admits}):
 * - the **urgency line**: arrived at least `urgencyAfterDays` ago (arrival ≤ now − days);
 * - the **binding line**: tenure in the region at entry plus time in the chain reaches
 *   `bindingYears` (bindingKey = tenure × 365 − arrival ≥ years × 365 − now).
 * Eligible persons get the offer in the order they became ready; with priority
 * "blockingFirst", those holding a place come first. Each may refuse (see the market).
 *
 * How the queue stays fast: both lines only move forward in time while the rules stay the
 * same, so persons wait in two heaps (earliest arrival on top; largest binding key on top)
 * and move on once they cross; an offer never rescans those still short of a line. The
 * comparisons are exactly those of the rule, so an offer reaches the same persons as a scan
 * of the whole ready list would. When a rule changes, everyone goes through the lines again.
 */
import FlatQueue from 'flatqueue';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';
import type { People } from './people.ts';
import { isDone } from './person-state.ts';

/** What a contingent asks of a person beyond route and household type. */
export interface ContingentRules {
  requiresUrgency: boolean;
  requiresBinding: boolean;
  /** Persons holding a place get offers before the others (priority "blockingFirst"). */
  blockingFirst: boolean;
}

/** Whom a contingent serves: routes[routeIndex], types[typeIndex]. */
export interface Served {
  routes: readonly boolean[];
  types: readonly boolean[];
}

/** Whether a person on route `route` of household type `type` is one `c` serves. */
export function serves(c: Served, route: number, type: number): boolean {
  return c.routes[route] && c.types[type];
}

/** The urgency line at `now` (days): persons who arrived at or before it are urgent. */
const latestUrgentArrival = (now: number, urgencyDays: number) => now - urgencyDays;
/** The binding line at `now` (days): persons whose binding key reaches it are bound. */
const leastBoundKey = (now: number, bindingYears: number) => bindingYears * DAYS_PER_YEAR - now;

/** Person rows in ready order; those before `head` are no longer ready. */
interface EligibleList {
  rows: number[];
  head: number;
}

/** The housing-ready persons one contingent may offer a unit to, in offer order. */
export class OfferQueue {
  /** Not yet urgent, earliest arrival on top. */
  private readonly beforeUrgency = new FlatQueue<number>();
  /** Urgent (or no urgency needed) but not yet bound, largest binding key on top. */
  private readonly beforeBinding = new FlatQueue<number>();
  /** Eligible persons in ready order: [0] those holding a place (blockingFirst only), [1] the rest. */
  private readonly eligible: [EligibleList, EligibleList] = [
    { rows: [], head: 0 },
    { rows: [], head: 0 },
  ];
  /** The rule values the lines were last drawn with (days, years). */
  private urgencyDays = NaN;
  private bindingYears = NaN;
  /** Persons in the queue who are still ready (the structures may hold more, lazily). */
  private live = 0;
  private stored = 0;

  constructor(
    private readonly people: People,
    private readonly rules: ContingentRules,
  ) {}

  /** Person `p` became housing-ready and is one the contingent serves. */
  add(p: number): void {
    this.live++;
    this.stored++;
    this.enter(p);
  }

  /**
   * Whether `p` has crossed the lines this contingent requires at time `now` (days) under
   * the given rules (days, years): the same test the queue applies when it releases persons.
   */
  admits(p: number, now: number, urgencyDays: number, bindingYears: number): boolean {
    return (
      (!this.rules.requiresUrgency ||
        this.people.arrival[p] <= latestUrgentArrival(now, urgencyDays)) &&
      (!this.rules.requiresBinding || this.people.bindingKey[p] >= leastBoundKey(now, bindingYears))
    );
  }

  /** A person added before is no longer ready (housed or left). */
  remove(): void {
    this.live--;
  }

  /**
   * Offers to each person eligible at time `now` (days) under the given rules, in offer
   * order, until `offer(p)` returns true (the unit was taken). Returns whether it did.
   */
  offerInOrder(
    now: number,
    urgencyDays: number,
    bindingYears: number,
    offer: (p: number) => boolean,
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

  /** Whether person `p` has ended their episode. */
  private done(p: number): boolean {
    return isDone(this.people.state[p]);
  }

  /** Offers down one list, past persons no longer ready. */
  private offerDown(list: EligibleList, offer: (p: number) => boolean): boolean {
    const { rows } = list;
    while (list.head < rows.length && this.done(rows[list.head])) list.head++;
    if (list.head > 64 && 2 * list.head > rows.length) {
      rows.splice(0, list.head);
      list.head = 0;
    }
    for (let i = list.head; i < rows.length; i++) {
      const p = rows[i];
      if (!this.done(p) && offer(p)) return true;
    }
    return false;
  }

  private enter(p: number): void {
    if (this.rules.requiresUrgency) this.beforeUrgency.push(p, this.people.arrival[p]);
    else this.urgent(p);
  }

  private urgent(p: number): void {
    if (this.rules.requiresBinding) this.beforeBinding.push(p, -this.people.bindingKey[p]);
    else this.becomeEligible(p);
  }

  private becomeEligible(p: number): void {
    const people = this.people;
    const list = this.eligible[this.rules.blockingFirst && people.holding[p] >= 0 ? 0 : 1];
    const { rows, head } = list;
    const seq = people.readySeq[p];
    const n = rows.length;
    if (n === head || people.readySeq[rows[n - 1]] < seq) {
      rows.push(p);
      return;
    }
    // Insert after every row with readySeq ≤ seq (binary search from head).
    let lo = head;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (people.readySeq[rows[mid]] <= seq) lo = mid + 1;
      else hi = mid;
    }
    rows.splice(lo, 0, p);
  }

  /** Moves persons who have crossed the lines by `now` on. */
  private release(now: number): void {
    const { arrival, bindingKey } = this.people;
    const arrivalLimit = latestUrgentArrival(now, this.urgencyDays);
    for (let p = this.beforeUrgency.peek(); p !== undefined; p = this.beforeUrgency.peek()) {
      const done = this.done(p);
      if (!done && !(arrival[p] <= arrivalLimit)) break;
      this.beforeUrgency.pop();
      if (!done) this.urgent(p);
    }
    const bindingLimit = leastBoundKey(now, this.bindingYears);
    for (let p = this.beforeBinding.peek(); p !== undefined; p = this.beforeBinding.peek()) {
      const done = this.done(p);
      if (!done && !(bindingKey[p] >= bindingLimit)) break;
      this.beforeBinding.pop();
      if (!done) this.becomeEligible(p);
    }
  }

  /** Drops persons no longer ready and sends the others through the lines again. */
  private reset(): void {
    const everyone: number[] = [];
    for (const q of [this.beforeUrgency, this.beforeBinding]) {
      while (q.length > 0) everyone.push(q.pop()!);
      q.shrink();
    }
    for (const list of this.eligible) {
      for (let i = list.head; i < list.rows.length; i++) everyone.push(list.rows[i]);
      list.rows.length = 0;
      list.head = 0;
    }
    this.stored = 0;
    for (const p of everyone) {
      if (this.done(p)) continue;
      this.stored++;
      this.enter(p);
    }
  }
}
