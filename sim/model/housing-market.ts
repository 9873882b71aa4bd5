/**
 * The way out of the chain: the contingents that housing corporations reserve, with their
 * supply of units, urgency and regional-binding rules, offers, refusals and banked units,
 * and the regular market that competes with them. The chain tells the market who became
 * housing-ready and who left; the market tells the chain whom to house. Whom a unit is
 * offered to, and in which order, is in offer-order.ts.
 */
import type { Engine, EventHandle } from '../engine/engine.ts';
import type { Scenario } from '../scenario/schema.ts';
import { HOUSING_ROUTES } from '../scenario/schema.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';
import { Steps } from '../scenario/step-function.ts';
import type { RandomSource } from '../random/source.ts';
import { durationSampler } from '../random/duration.ts';
import type { People } from './people.ts';
import { isDone } from './person-state.ts';
import { UnitOutcome, type ChainObserver } from './observer.ts';
import { EventKind } from './events.ts';
import { advanceByIntegral, monthStart } from './piecewise-rate.ts';
import { OfferQueue, serves, type Served } from './offer-order.ts';

/** A contingent while the model runs; whom it serves is its `Served` part. */
interface ContingentState extends Served {
  index: number;
  requiresBinding: boolean;
  requiresUrgency: boolean;
  /** Chance that an offer is accepted (1 for a single binding offer). */
  acceptance: number;
  bank: boolean;
  /** Days a banked unit waits before it lapses. */
  bankDays: number;
  offerU: RandomSource;
  /** Housing-ready persons this contingent may offer to, in offer order. */
  queue: OfferQueue;
  /** Offers one unit to a person; true if they took it. */
  offer: (p: number) => boolean;
  /** Numbers of banked units (see HousingMarket.bankedOf), oldest first. */
  banked: number[];
}

/** Poisson or even unit supply of one contingent in one calendar year. */
interface SupplyYear {
  contingent: ContingentState;
  /** Integrated rate between units: unit-exponential (Poisson) or 1 (even). */
  e: () => number;
  /** Units per day in model month m. */
  rate: (m: number) => number;
  /** Model time (days) at which this year's supply stops. */
  yearEnd: number;
}

/** What the market needs of the replication it runs in. */
export interface MarketContext {
  engine: Engine;
  observer: ChainObserver;
  people: People;
  /** The named random stream of this replication. */
  rng: (name: string) => RandomSource;
  /** Model time (days) of 1 January of the start year. */
  reportStart: number;
  /** Model time (days) at which the run ends. */
  horizon: number;
  /** Houses `p` now: by a contingent unit, or else through the regular market. */
  house: (p: number, byContingent: boolean) => void;
  /** Schedules event `kind` for `p` after `delay` days; -1 (no event) when past the horizon. */
  schedule: (delay: number, kind: EventKind, p: number) => EventHandle;
}

/** One month's deliveries of a monthly-supply contingent. */
interface MonthlyDelivery {
  contingent: ContingentState;
  units: number;
}

export class HousingMarket {
  private readonly s: Scenario;
  private readonly engine: Engine;
  private readonly t: ChainObserver;
  private readonly people: People;
  private readonly reportStart: number;
  private readonly horizon: number;
  private readonly house: (p: number, byContingent: boolean) => void;
  private readonly rng: (name: string) => RandomSource;
  private readonly schedule: MarketContext['schedule'];
  private readonly contingents: ContingentState[];
  private readonly anyBank: boolean;
  private readonly urgencyDays: Steps<number>;
  private readonly bindingYears: Steps<number>;
  /** Mean wait on the regular market (days) by household type, if it serves the type. */
  private readonly marketWait: (Steps<number> | undefined)[];
  /** Whether the regular market serves each route (by route index). */
  private readonly marketRoutes: boolean[];
  /** Number of persons who became housing-ready so far. */
  private readyCount = 0;
  /** Event subjects: supply years, monthly deliveries, and each banked unit's contingent. */
  private readonly supplyYears: SupplyYear[] = [];
  private readonly monthly: MonthlyDelivery[] = [];
  private readonly bankedOf: ContingentState[] = [];

  constructor(s: Scenario, context: MarketContext) {
    this.s = s;
    this.engine = context.engine;
    this.t = context.observer;
    this.people = context.people;
    this.reportStart = context.reportStart;
    this.horizon = context.horizon;
    this.house = context.house;
    this.rng = context.rng;
    this.schedule = context.schedule;
    const servesOf = (ids: string[]) => s.householdTypes.map((h) => ids.includes(h.id));
    this.contingents = s.housing.contingents.map((c, index) => {
      const state: ContingentState = {
        index,
        routes: HOUSING_ROUTES.map((r) => c.routes.includes(r)),
        types: servesOf(c.householdTypes),
        requiresBinding: c.requiresBinding,
        requiresUrgency: c.requiresUrgency,
        acceptance: c.singleBindingOffer ? 1 : c.acceptance,
        bank: c.unused === 'bank',
        bankDays: c.bankDays,
        offerU: this.rng(`offers/${c.id}`),
        queue: new OfferQueue(context.people, {
          requiresUrgency: c.requiresUrgency,
          requiresBinding: c.requiresBinding,
          blockingFirst: s.housing.priority === 'blockingFirst',
        }),
        banked: [],
        offer: (p) => this.offer(state, p),
      };
      return state;
    });
    this.anyBank = this.contingents.some((c) => c.bank);
    this.urgencyDays = new Steps(s.housing.urgencyAfterDays, s.startYear);
    this.bindingYears = new Steps(s.housing.bindingYears, s.startYear);
    this.marketWait = s.householdTypes.map((h) => {
      const waits = s.housing.market.meanWaitDays;
      return Object.hasOwn(waits, h.id) ? new Steps(waits[h.id], s.startYear) : undefined;
    });
    this.marketRoutes = HOUSING_ROUTES.map((r) => s.housing.market.routes.includes(r));
  }

  private calendarDay(t: number): number {
    return t - this.reportStart;
  }

  // ---- the chain tells the market ------------------------------------------------------

  /**
   * `p` became housing-ready (route and place already settled): it joins the queues of the
   * contingents that serve it and starts its wait on the regular market.
   */
  personReady(p: number): void {
    const people = this.people;
    people.readySeq[p] = this.readyCount++;
    for (const c of this.contingents) if (this.matches(p, c)) c.queue.add(p);
    const wait = this.marketWait[people.type[p]];
    if (wait && this.marketRoutes[people.route[p]]) {
      const days = people.marketE[p] * wait.at(this.calendarDay(this.engine.now));
      people.marketHandle[p] = this.schedule(days, EventKind.MarketHome, p);
    }
  }

  /** Handles the market's own events (see events.ts). */
  handle(kind: number, subject: number): void {
    switch (kind) {
      case EventKind.SupplyUnit: {
        const y = this.supplyYears[subject];
        this.deliverUnit(y.contingent);
        this.scheduleUnit(subject, this.engine.now, y.e());
        return;
      }
      case EventKind.MonthlySupply: {
        const d = this.monthly[subject];
        for (let k = 0; k < d.units; k++) this.deliverUnit(d.contingent);
        return;
      }
      case EventKind.MarketHome:
        this.people.marketHandle[subject] = -1;
        this.house(subject, false);
        return;
      case EventKind.BankLapse: {
        const c = this.bankedOf[subject];
        if (c.banked[0] === subject) {
          c.banked.shift();
          this.t.unit(c.index, UnitOutcome.lapsed, this.engine.now);
        }
        return;
      }
      case EventKind.EligibilityCheck:
        if (!isDone(this.people.state[subject])) this.offerBankedTo(subject);
        return;
      case EventKind.RuleChange:
        this.offerAllBanked();
        return;
    }
    throw new Error(`the housing market has no event of kind ${kind}`);
  }

  /**
   * After `p` became ready and the chain has settled: offers `p` any banked unit it
   * qualifies for, and schedules the moments it crosses a line that a banked unit needs.
   */
  offerBanked(p: number): void {
    if (!this.anyBank || isDone(this.people.state[p])) return;
    this.offerBankedTo(p);
    this.scheduleEligibilityChecks(p);
  }

  /** `p`, housing-ready until now, left (housed or gone): out of the queues and the market. */
  personLeft(p: number): void {
    for (const c of this.contingents) if (this.matches(p, c)) c.queue.remove();
    const handle = this.people.marketHandle[p];
    if (handle >= 0) this.engine.cancel(handle);
    this.people.marketHandle[p] = -1;
  }

  /** Whether `p` met the regional-binding rule on the day it arrived. */
  boundAtEntry(p: number): boolean {
    const people = this.people;
    return people.tenureYears[p] >= this.bindingYears.at(this.calendarDay(people.arrival[p]));
  }

  // ---- offers ------------------------------------------------------------------------

  /** Whether `p` may take a unit of `c` now: still ready, served, past the required lines. */
  private eligible(p: number, c: ContingentState): boolean {
    const now = this.engine.now;
    const day = this.calendarDay(now);
    return (
      !isDone(this.people.state[p]) &&
      this.matches(p, c) &&
      c.queue.admits(p, now, this.urgencyDays.at(day), this.bindingYears.at(day))
    );
  }

  /** Whether `p`'s route and household type are among those contingent `c` serves. */
  private matches(p: number, c: ContingentState): boolean {
    return serves(c, this.people.route[p], this.people.type[p]);
  }

  /**
   * Offers one unit of contingent `c` down the priority list until someone accepts.
   * Returns true if the unit was used.
   */
  private offerUnit(c: ContingentState): boolean {
    const now = this.engine.now;
    const day = this.calendarDay(now);
    return c.queue.offerInOrder(now, this.urgencyDays.at(day), this.bindingYears.at(day), c.offer);
  }

  /** Offers a unit of `c` to `p`: true if `p` accepts it (and is housed). */
  private offer(c: ContingentState, p: number): boolean {
    const now = this.engine.now;
    if (c.offerU() < c.acceptance) {
      this.t.unit(c.index, UnitOutcome.used, now);
      this.house(p, true);
      return true;
    }
    this.t.unit(c.index, UnitOutcome.refused, now);
    return false;
  }

  private deliverUnit(c: ContingentState): void {
    const now = this.engine.now;
    this.t.unit(c.index, UnitOutcome.delivered, now);
    if (this.offerUnit(c)) return;
    if (c.bank) {
      const unit = this.bankedOf.push(c) - 1;
      c.banked.push(unit);
      this.engine.after(c.bankDays, EventKind.BankLapse, unit);
    } else {
      this.t.unit(c.index, UnitOutcome.lapsed, now);
    }
  }

  /** A person just became eligible (or ready): offer banked units they qualify for. */
  private offerBankedTo(p: number): void {
    for (const c of this.contingents) {
      if (isDone(this.people.state[p])) return;
      if (c.banked.length === 0 || !this.eligible(p, c)) continue;
      if (c.offer(p)) c.banked.shift();
    }
  }

  /** Offers every banked unit again (after a rule change). */
  private offerAllBanked(): void {
    for (const c of this.contingents) {
      let n = c.banked.length;
      while (n-- > 0 && c.banked.length > 0) {
        if (!this.offerUnit(c)) break;
        c.banked.shift();
      }
    }
  }

  /**
   * Schedules re-checks for banked units at the moments `p` crosses the urgency or
   * binding line, only for lines that a banking contingent serving `p` actually requires.
   */
  private scheduleEligibilityChecks(p: number): void {
    let urgency = false;
    let binding = false;
    for (const c of this.contingents) {
      if (!c.bank || !this.matches(p, c)) continue;
      urgency ||= c.requiresUrgency;
      binding ||= c.requiresBinding;
    }
    if (!urgency && !binding) return;
    const now = this.engine.now;
    const day = this.calendarDay(now);
    const check = (at: number) => {
      if (at > now && at <= this.horizon) this.engine.at(at, EventKind.EligibilityCheck, p);
    };
    const arrival = this.people.arrival[p];
    if (urgency) check(arrival + this.urgencyDays.at(day));
    if (binding) {
      check(arrival + (this.bindingYears.at(day) - this.people.tenureYears[p]) * DAYS_PER_YEAR);
    }
  }

  // ---- time-driven supply and rule changes --------------------------------------------

  /** Schedules the units of every contingent over the whole run. */
  scheduleSupply(): void {
    for (const c of this.contingents) this.scheduleSupplyOf(c);
  }

  private scheduleSupplyOf(state: ContingentState): void {
    const c = this.s.housing.contingents[state.index];
    const steps = new Steps(c.unitsPerYear, this.s.startYear);
    const perYear = (m: number) => steps.at(this.calendarDay(monthStart(m)));
    if (c.pattern === 'monthly') {
      let carry = 0;
      const months = Math.ceil(this.horizon / DAYS_PER_YEAR) * 12;
      for (let m = 0; m < months; m++) {
        const at = monthStart(m);
        if (at >= this.horizon) break;
        carry += perYear(m) / 12;
        const n = Math.floor(carry + 1e-9);
        carry -= n;
        if (n > 0) {
          const delivery = this.monthly.push({ contingent: state, units: n }) - 1;
          this.engine.at(at, EventKind.MonthlySupply, delivery);
        }
      }
      return;
    }
    // Each calendar year starts afresh, with a stream of its own (Poisson) or half an
    // interval in (even), so two scenarios that differ in size still deliver their units of
    // a given year from the same draws: common random numbers hold year by year instead of
    // drifting apart as a changed rate stretches the whole time axis.
    const rate = (m: number) => perYear(m) / DAYS_PER_YEAR;
    const years = Math.ceil(this.horizon / DAYS_PER_YEAR);
    for (let year = 0; year < years; year++) {
      const yearEnd = Math.min(this.horizon, (year + 1) * DAYS_PER_YEAR);
      const e =
        c.pattern === 'poisson'
          ? durationSampler(
              { dist: 'exponential', mean: 1 },
              this.rng(`supply/${c.id}/${this.s.startYear - this.s.warmupYears + year}`),
            )
          : () => 1;
      const supply = this.supplyYears.push({ contingent: state, e, rate, yearEnd }) - 1;
      this.scheduleUnit(supply, year * DAYS_PER_YEAR, c.pattern === 'even' ? 0.5 : e());
    }
  }

  /**
   * Schedules the next unit of supply year `supply` (index in supplyYears), `amount` of
   * integrated rate after time `from` (days), if it falls within the year (or at the
   * horizon, which ends the last).
   */
  private scheduleUnit(supply: number, from: number, amount: number): void {
    const y = this.supplyYears[supply];
    const at = advanceByIntegral(from, amount, y.rate, y.yearEnd);
    if (at < y.yearEnd || (at === y.yearEnd && y.yearEnd === this.horizon)) {
      this.engine.at(at, EventKind.SupplyUnit, supply);
    }
  }

  /** Offers banked units again whenever the urgency or binding rule changes. */
  scheduleRuleChanges(): void {
    if (!this.anyBank) return;
    const days = new Set([...this.urgencyDays.changeDays(), ...this.bindingYears.changeDays()]);
    for (const day of [...days].sort((a, b) => a - b)) {
      const at = this.reportStart + day;
      if (at < this.horizon) this.engine.at(at, EventKind.RuleChange, 0);
    }
  }
}
