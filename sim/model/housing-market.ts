/**
 * The way out of the chain (DESIGN §2, housing): the contingents that housing corporations
 * reserve, with their supply of units, urgency and regional-binding rules, offers, refusals
 * and banked units, and the regular market that competes with them. The chain tells the
 * market who became housing-ready and who left; the market tells the chain whom to house.
 */
import type { Engine, EventHandle } from '../engine/engine.ts';
import type { Scenario } from '../scenario/schema.ts';
import { HOUSING_ROUTES } from '../scenario/schema.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';
import { Steps } from '../scenario/step-function.ts';
import type { RandomSource } from '../random/source.ts';
import { durationSampler } from '../random/duration.ts';
import type { Person } from './person.ts';
import type { Tallies } from './tallies.ts';
import { advanceByIntegral, monthStart } from './piecewise-rate.ts';
import { ContingentQueue } from './contingent-queue.ts';

/** A contingent while the model runs. */
interface ContingentState {
  index: number;
  /** routes[routeIndex], types[typeIndex]: whom the contingent serves. */
  routes: boolean[];
  types: boolean[];
  requiresBinding: boolean;
  requiresUrgency: boolean;
  /** Chance that an offer is accepted (1 for a single binding offer). */
  acceptance: number;
  bank: boolean;
  /** Days a banked unit waits before it lapses. */
  bankDays: number;
  offerU: RandomSource;
  /** Housing-ready persons this contingent may offer to, in offer order. */
  queue: ContingentQueue;
  /** Offers one unit to a person; true if they took it. */
  offer: (p: Person) => boolean;
  /** Ids of banked units, oldest first. */
  banked: number[];
  nextUnitId: number;
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
  tallies: Tallies;
  /** The named random stream of this replication. */
  rng: (name: string) => RandomSource;
  /** Model time (days) of 1 January of the start year. */
  reportStart: number;
  /** Model time (days) at which the run ends. */
  horizon: number;
  /** Houses `p` now: by a contingent unit, or else through the regular market. */
  house: (p: Person, byContingent: boolean) => void;
  /** Schedules `action(p)` after `delay` days; -1 (no event) when past the horizon. */
  schedule: (delay: number, action: (p: Person) => void, p: Person) => EventHandle;
}

export class HousingMarket {
  private readonly s: Scenario;
  private readonly engine: Engine;
  private readonly t: Tallies;
  private readonly reportStart: number;
  private readonly horizon: number;
  private readonly house: (p: Person, byContingent: boolean) => void;
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

  private readonly onUnit = (y: SupplyYear) => {
    this.deliverUnit(y.contingent);
    this.scheduleUnit(y, this.engine.now, y.e());
  };
  private readonly onMarketHome = (p: Person) => {
    p.marketHandle = -1;
    this.house(p, false);
  };

  constructor(s: Scenario, context: MarketContext) {
    this.s = s;
    this.engine = context.engine;
    this.t = context.tallies;
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
        queue: new ContingentQueue({
          requiresUrgency: c.requiresUrgency,
          requiresBinding: c.requiresBinding,
          blockingFirst: s.housing.priority === 'blockingFirst',
        }),
        banked: [],
        nextUnitId: 0,
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
  personReady(p: Person): void {
    p.readySeq = this.readyCount++;
    for (const c of this.contingents) if (this.matches(p, c)) c.queue.add(p);
    const wait = this.marketWait[p.type];
    if (wait && this.marketRoutes[p.routeIndex]) {
      const days = p.marketE * wait.at(this.calendarDay(this.engine.now));
      p.marketHandle = this.schedule(days, this.onMarketHome, p);
    }
  }

  /**
   * After `p` became ready and the chain has settled: offers `p` any banked unit it
   * qualifies for, and schedules the moments it crosses a line that a banked unit needs.
   */
  offerBanked(p: Person): void {
    if (!this.anyBank || p.done) return;
    this.offerBankedTo(p);
    this.scheduleEligibilityChecks(p);
  }

  /** `p`, housing-ready until now, left (housed or gone): out of the queues and the market. */
  personLeft(p: Person): void {
    for (const c of this.contingents) if (this.matches(p, c)) c.queue.remove();
    if (p.marketHandle >= 0) this.engine.cancel(p.marketHandle);
    p.marketHandle = -1;
  }

  /** Whether `p` met the regional-binding rule on the day it arrived. */
  boundAtEntry(p: Person): boolean {
    return p.tenureYears >= this.bindingYears.at(this.calendarDay(p.arrival));
  }

  // ---- offers ------------------------------------------------------------------------

  /** Whether `p` may take a unit of `c` now: still ready, served, past the required lines. */
  private eligible(p: Person, c: ContingentState): boolean {
    const now = this.engine.now;
    const day = this.calendarDay(now);
    return (
      !p.done &&
      this.matches(p, c) &&
      c.queue.admits(p, now, this.urgencyDays.at(day), this.bindingYears.at(day))
    );
  }

  /** Whether `p`'s route and household type are among those contingent `c` serves. */
  private matches(p: Person, c: ContingentState): boolean {
    return c.routes[p.routeIndex] && c.types[p.type];
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
  private offer(c: ContingentState, p: Person): boolean {
    const now = this.engine.now;
    if (c.offerU() < c.acceptance) {
      this.t.contingent(c.index, 'used', now);
      this.house(p, true);
      return true;
    }
    this.t.contingent(c.index, 'refused', now);
    return false;
  }

  private deliverUnit(c: ContingentState): void {
    const now = this.engine.now;
    this.t.contingent(c.index, 'delivered', now);
    if (this.offerUnit(c)) return;
    if (c.bank) {
      const id = c.nextUnitId++;
      c.banked.push(id);
      this.engine.after(c.bankDays, () => {
        if (c.banked[0] === id) {
          c.banked.shift();
          this.t.contingent(c.index, 'lapsed', this.engine.now);
        }
      });
    } else {
      this.t.contingent(c.index, 'lapsed', now);
    }
  }

  /** A person just became eligible (or ready): offer banked units they qualify for. */
  private offerBankedTo(p: Person): void {
    for (const c of this.contingents) {
      if (p.done) return;
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
  private scheduleEligibilityChecks(p: Person): void {
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
      if (at > now && at <= this.horizon) {
        this.engine.at(at, () => {
          if (!p.done) this.offerBankedTo(p);
        });
      }
    };
    if (urgency) check(p.arrival + this.urgencyDays.at(day));
    if (binding) check(p.arrival + (this.bindingYears.at(day) - p.tenureYears) * DAYS_PER_YEAR);
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
          this.engine.at(at, () => {
            for (let k = 0; k < n; k++) this.deliverUnit(state);
          });
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
      const supply: SupplyYear = { contingent: state, e, rate, yearEnd };
      this.scheduleUnit(supply, year * DAYS_PER_YEAR, c.pattern === 'even' ? 0.5 : e());
    }
  }

  /**
   * Schedules the next unit of supply year `y`, `amount` of integrated rate after time
   * `from` (days), if it falls within the year (or at the horizon, which ends the last).
   */
  private scheduleUnit(y: SupplyYear, from: number, amount: number): void {
    const at = advanceByIntegral(from, amount, y.rate, y.yearEnd);
    if (at < y.yearEnd || (at === y.yearEnd && y.yearEnd === this.horizon)) {
      this.engine.at(at, this.onUnit, y);
    }
  }

  /** Offers banked units again whenever the urgency or binding rule changes. */
  scheduleRuleChanges(): void {
    if (!this.anyBank) return;
    const days = new Set([...this.urgencyDays.changeDays(), ...this.bindingYears.changeDays()]);
    for (const day of [...days].sort((a, b) => a - b)) {
      const at = this.reportStart + day;
      if (at < this.horizon) this.engine.at(at, () => this.offerAllBanked());
    }
  }
}
