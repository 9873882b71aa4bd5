/**
 * The chain from shelter to housing as a discrete-event model, for one replication:
 * arrivals, places and triage live here, the way out in HousingMarket; the engine only
 * orders events. People are rows of the {@link People} table; events are (kind, subject)
 * integers dispatched by {@link ChainModel.handle}. The model reports what happens through
 * a {@link ChainObserver} and keeps no results of its own.
 * Invariant, checked at the end of every run: arrived = in system + housed + exited, and
 * every facility's occupancy equals the persons there (conservation.ts).
 *
 * Where each rule lives: where an arrival enters (entry.ts), the person's states and moves
 * (person-state.ts), what happens after a stay (after-stay.ts), what counts as a home
 * (home.ts), who gets the next home (offer-order.ts), the goal (goal.ts).
 */
import { MAX_PEOPLE_PER_REPLICATION, RunTooLargeError, tooManyPeople } from '../run-size.ts';
import type { Engine, EngineKind, EventHandle } from '../engine/engine.ts';
import { createEngine } from '../engine/create-engine.ts';
import type { Scenario, FacilityKind } from '../scenario/schema.ts';
import { PATHWAYS } from '../scenario/schema.ts';
import { DAYS_PER_YEAR, reportStartOf } from '../scenario/calendar.ts';
import { Steps } from '../scenario/step-function.ts';
import type { RandomSource } from '../random/source.ts';
import { stream } from '../random/streams.ts';
import { durationSampler, lengthBiased } from '../random/duration.ts';
import { pickIndex } from '../random/choice.ts';
import { People } from './people.ts';
import { PersonState, isDone, transition } from './person-state.ts';
import { PersonFactory } from './person-factory.ts';
import { EventKind } from './events.ts';
import { QueueLevel, type ChainObserver } from './observer.ts';
import {
  READY_ELSEWHERE,
  STREET,
  WAITING_OUTSIDE,
  endLocations,
  facilityLocation,
} from './location.ts';
import { Conservation } from './conservation.ts';
import { advanceByIntegral, monthStart } from './piecewise-rate.ts';
import { HousingMarket } from './housing-market.ts';
import { entersForTriage, pretriagedPathway } from './entry.ts';
import { leavesAfterStay, routeAfterStay, waitsElsewhere } from './after-stay.ts';
import { placeIsHome } from './home.ts';

/** Kinds of facility that people wait for after triage. */
type PlaceKind = Exclude<FacilityKind, 'crisis'>;

/** Index in PATHWAYS of each pathway the chain branches on. */
const INDEPENDENT = PATHWAYS.indexOf('independent');
const HOUSING_FIRST = PATHWAYS.indexOf('housingFirst');
const EXIT = PATHWAYS.indexOf('exit');

/** The queue level of persons waiting for a place of each kind. */
const PLACE_WAIT_LEVEL: Record<PlaceKind, number> = {
  shelter24: QueueLevel.waitShelter24,
  bw: QueueLevel.waitBw,
  training: QueueLevel.waitTraining,
};

/** A facility while the model runs. */
interface FacilityState {
  index: number;
  kind: FacilityKind;
  /** Where a person holding one of its places is. */
  location: number;
  capacity: Steps<number>;
  occupied: number;
  /** servesType[typeIndex] */
  servesType: boolean[];
  stay: (() => number) | undefined;
  afterStayU: RandomSource;
  exitAfterStayShare: number;
  /** Crisis only: the street queue, person rows in arrival order (lazy removal). */
  street: number[];
  streetHead: number;
}

/** One arrival stream while the model runs. */
interface ArrivalSource {
  factory: PersonFactory;
  /** Unit-exponential draws: the integrated rate between arrivals. */
  e: () => number;
  /** Arrivals per day in model month m. */
  rate: (m: number) => number;
}

/** Options of one replication. */
export interface ReplicationOptions {
  seed: string | number;
  replication: number;
  /** Engine implementation ('fast' by default). */
  engine?: EngineKind;
  /** The people table to use (reset first); one table can serve a whole batch. */
  people?: People;
}

export class ChainModel {
  private readonly s: Scenario;
  readonly engine: Engine;
  private readonly seed: string | number;
  private readonly rep: number;
  /** Model time (days) of 1 January of the start year. */
  private readonly reportStart: number;
  /** Model time (days) at which the run ends. */
  readonly horizon: number;
  private readonly t: ChainObserver;
  private readonly people: People;
  private readonly books: Conservation;
  private readonly ends: ReturnType<typeof endLocations>;
  private readonly facilities: FacilityState[];
  private readonly byKind: Record<FacilityKind, FacilityState[]>;
  /** Persons waiting for a place, by kind, in waiting order (lazy removal). */
  private readonly placeWait: Record<PlaceKind, number[]> = { shelter24: [], bw: [], training: [] };
  private readonly market: HousingMarket;
  private readonly pathwayCumulative: Steps<Float64Array>[];
  private readonly arrivals: ArrivalSource[] = [];
  private readonly factories: PersonFactory[];
  private readonly returningFactories: (PersonFactory | undefined)[];
  /** Streams of this replication by name (each made once). */
  private readonly streams = new Map<string, RandomSource>();
  /** The person being triaged, and their pathway draw as a source (made once, no closure per triage). */
  private triaging = -1;
  private readonly pathwayDraw: RandomSource = () => this.people.pathwayU[this.triaging];

  constructor(s: Scenario, observer: ChainObserver, options: ReplicationOptions) {
    this.s = s;
    this.t = observer;
    this.engine = createEngine(options.engine ?? 'fast', (kind, subject) =>
      this.handle(kind, subject),
    );
    this.seed = options.seed;
    this.rep = options.replication;
    this.people = options.people ?? new People();
    this.people.reset();
    this.books = new Conservation(s.facilities.map((f) => f.id));
    this.ends = endLocations(s.facilities.length);
    this.reportStart = reportStartOf(s);
    const years = s.endYear - s.startYear + 1;
    this.horizon = this.reportStart + years * DAYS_PER_YEAR;
    const typeIndex = new Map(s.householdTypes.map((h, i) => [h.id, i]));
    const servesOf = (ids: string[]) => s.householdTypes.map((h) => ids.includes(h.id));

    this.facilities = s.facilities.map((f, index) => ({
      index,
      kind: f.kind,
      location: facilityLocation(index),
      capacity: new Steps(f.capacity, s.startYear),
      occupied: 0,
      servesType: servesOf(f.serves),
      stay: f.stay ? durationSampler(f.stay, this.rng(`stay/${f.id}`)) : undefined,
      afterStayU: this.rng(`afterStay/${f.id}`),
      exitAfterStayShare: f.exitAfterStayShare,
      street: [],
      streetHead: 0,
    }));
    this.byKind = { crisis: [], shelter24: [], bw: [], training: [] };
    for (const f of this.facilities) this.byKind[f.kind].push(f);

    this.pathwayCumulative = s.householdTypes.map((h) => {
      const fn = Object.hasOwn(s.triage.pathways, h.id)
        ? s.triage.pathways[h.id]
        : { [String(s.startYear)]: { exit: 1 } };
      const cumulative: Record<string, Float64Array> = {};
      for (const [key, shares] of Object.entries(fn)) {
        let sum = 0;
        cumulative[key] = Float64Array.from(PATHWAYS, (p) => (sum += shares[p] ?? 0));
      }
      return new Steps(cumulative, s.startYear);
    });
    this.market = new HousingMarket(s, {
      engine: this.engine,
      observer,
      people: this.people,
      rng: (n) => this.rng(n),
      reportStart: this.reportStart,
      horizon: this.horizon,
      house: (p, byContingent) => this.house(p, byContingent),
      schedule: (delay, kind, p) => this.schedule(delay, kind, p),
    });

    const facilityIndex = new Map(s.facilities.map((f, i) => [f.id, i]));
    const originOf = (a: Scenario['arrivals'][number], i: number, prefix: string) => ({
      prefix: `${prefix}/${a.id}`,
      stream: i,
      type: typeIndex.get(a.householdType)!,
      entry: facilityIndex.get(a.entry)!,
    });
    this.factories = s.arrivals.map(
      (a, i) => new PersonFactory(s, originOf(a, i, 'persons'), (n) => this.rng(n), this.people),
    );
    this.returningFactories = s.arrivals.map(() => undefined);
  }

  /** The named random stream of this replication (made on first use). */
  private rng(name: string): RandomSource {
    let r = this.streams.get(name);
    if (!r) {
      r = stream(this.seed, this.rep, name);
      this.streams.set(name, r);
    }
    return r;
  }

  private calendarDay(t: number): number {
    return t - this.reportStart;
  }

  /**
   * Runs the replication to the horizon, reporting to the observer.
   * @throws Error when conservation of people breaks (a model error).
   */
  run(): void {
    this.seedInitialOccupants();
    this.s.arrivals.forEach((_, i) => this.scheduleArrivals(i));
    this.market.scheduleSupply();
    this.scheduleCapacityChanges();
    this.market.scheduleRuleChanges();
    this.engine.run(this.horizon);
    this.checkConservation();
  }

  /** Events fired in the run so far. */
  get events(): number {
    return this.engine.eventsProcessed;
  }

  /** Dispatches an event to the rule it belongs to (kinds in events.ts). */
  private handle(kind: number, subject: number): void {
    const p = subject;
    switch (kind) {
      case EventKind.Arrival: {
        const a = this.arrivals[subject];
        this.arrive(a.factory, false);
        this.scheduleArrival(subject, this.engine.now);
        return;
      }
      case EventKind.Triage:
        this.triage(p);
        return;
      case EventKind.SelfResolve:
        if (!this.done(p)) this.exit(p, this.ends.selfResolved);
        return;
      case EventKind.GiveUp:
        this.people.patienceHandle[p] = -1;
        if (!this.done(p) && this.people.location[p] === STREET) this.exit(p, this.ends.gaveUp);
        return;
      case EventKind.StayEnd:
        this.endStay(p);
        return;
      case EventKind.Return:
        this.arrive(this.returningFactory(this.people.stream[p]), true);
        return;
      case EventKind.CapacityChange:
        this.fill(this.facilities[subject]);
        return;
      default:
        this.market.handle(kind, subject);
    }
  }

  private done(p: number): boolean {
    return isDone(this.people.state[p]);
  }

  private setState(p: number, to: PersonState): void {
    const people = this.people;
    people.state[p] = transition(people.state[p], to);
  }

  // ---- arrivals -------------------------------------------------------------------

  private scheduleArrivals(i: number): void {
    const a = this.s.arrivals[i];
    const steps = new Steps(a.ratePerYear, this.s.startYear);
    const season = a.seasonality;
    const seasonMean = season ? season.reduce((x, y) => x + y, 0) / 12 : 1;
    const months = Math.ceil(this.horizon / DAYS_PER_YEAR) * 12;
    const rate = new Float64Array(months);
    for (let m = 0; m < months; m++) {
      const perYear = steps.at(this.calendarDay(monthStart(m)));
      rate[m] = (perYear / DAYS_PER_YEAR) * (season ? season[m % 12] / seasonMean : 1);
    }
    this.arrivals[i] = {
      factory: this.factories[i],
      e: durationSampler({ dist: 'exponential', mean: 1 }, this.rng(`arrivals/${a.id}`)),
      rate: (m) => rate[m],
    };
    this.scheduleArrival(i, 0);
  }

  /** Schedules the next arrival of stream `i` after time `from` (days), within the horizon. */
  private scheduleArrival(i: number, from: number): void {
    const a = this.arrivals[i];
    const at = advanceByIntegral(from, a.e(), a.rate, this.horizon);
    if (at <= this.horizon) this.engine.at(at, EventKind.Arrival, i);
  }

  /**
   * Schedules event `kind` for `p` after `delay` days. An event past the horizon would
   * never fire, so it is not scheduled; the handle is then -1, as for no event.
   */
  private schedule(delay: number, kind: EventKind, p: number): EventHandle {
    if (this.engine.now + delay > this.horizon) return -1;
    return this.engine.after(delay, kind, p);
  }

  /** A new person made by `factory` now, counted as arrived. */
  private newPerson(factory: PersonFactory, t: number, returning: boolean, crisis: boolean) {
    if (this.people.count >= MAX_PEOPLE_PER_REPLICATION) {
      throw new RunTooLargeError(
        tooManyPeople(this.people.count, Math.round(this.horizon / DAYS_PER_YEAR)),
      );
    }
    const p = factory.make(t, this.calendarDay(t), returning);
    this.books.arrived();
    this.t.arrived(t, crisis, returning, this.people.cohortYear[p]);
    return p;
  }

  private arrive(factory: PersonFactory, returning: boolean): number {
    const now = this.engine.now;
    const entry = this.facilities[factory.origin.entry];
    const crisis = entersForTriage(entry.kind);
    const p = this.newPerson(factory, now, returning, crisis);
    const people = this.people;
    if (crisis) {
      this.setState(p, PersonState.AwaitingTriage);
      if (people.selfResolves[p]) {
        this.schedule(people.selfResolveDays[p], EventKind.SelfResolve, p);
      } else {
        this.schedule(people.triageDelayDays[p], EventKind.Triage, p);
      }
      if (entry.occupied < this.capacity(entry)) {
        this.occupy(p, entry);
      } else {
        this.t.turnedAway(now);
        this.joinStreet(p, entry);
      }
    } else {
      const kind = entry.kind as PlaceKind;
      people.pathway[p] = pretriagedPathway(kind);
      this.seekPlace(p, kind);
    }
    return p;
  }

  /**
   * Initial occupants at warm-up start. Each gets the remaining part of a stay as if the
   * facility had long been running: U × a length-biased stay (someone found in a place is
   * more likely to be on a long stay); crisis occupants, U × their triage delay.
   */
  private seedInitialOccupants(): void {
    this.s.facilities.forEach((f, i) => {
      if (f.initialOccupancy === 0) return;
      const fac = this.facilities[i];
      const type = fac.servesType.indexOf(true);
      const factory = new PersonFactory(
        this.s,
        { prefix: `initial/${f.id}`, stream: -1, type, entry: i },
        (n) => this.rng(n),
        this.people,
      );
      const residual = this.rng(`initial/${f.id}/residual`);
      const wholeStay = f.stay
        ? durationSampler(lengthBiased(f.stay), this.rng(`initial/${f.id}/stay`))
        : undefined;
      const people = this.people;
      for (let k = 0; k < f.initialOccupancy; k++) {
        const p = this.newPerson(factory, 0, false, false);
        if (f.kind === 'crisis') {
          this.setState(p, PersonState.AwaitingTriage);
          this.occupy(p, fac);
          this.schedule(residual() * people.triageDelayDays[p], EventKind.Triage, p);
        } else {
          this.setState(p, PersonState.InStay);
          this.occupy(p, fac);
          people.pathway[p] = pretriagedPathway(f.kind);
          people.homeTime[p] = placeIsHome(f.kind) ? 0 : NaN;
          this.schedule(residual() * wholeStay!(), EventKind.StayEnd, p);
        }
      }
    });
  }

  // ---- places ---------------------------------------------------------------------

  private capacity(f: FacilityState): number {
    return f.capacity.at(this.calendarDay(this.engine.now));
  }

  private occupy(p: number, f: FacilityState): void {
    const now = this.engine.now;
    f.occupied++;
    this.t.occupancyChanged(f.index, now, 1);
    this.people.holding[p] = f.index;
    this.people.admittedAt[p] = now;
    this.t.admitted(f.index, now);
    this.moveTo(p, f.location);
  }

  /** Gives up the place `p` holds (if any); returns the facility to refill afterwards. */
  private vacate(p: number): FacilityState | undefined {
    const people = this.people;
    if (people.holding[p] < 0) return undefined;
    const f = this.facilities[people.holding[p]];
    const now = this.engine.now;
    f.occupied--;
    this.t.occupancyChanged(f.index, now, -1);
    this.t.departed(f.index, now, now - people.admittedAt[p]);
    people.holding[p] = -1;
    return f;
  }

  /** Admits waiting persons into free places of `f`, in their waiting order. */
  private fill(f: FacilityState | undefined): void {
    if (!f) return;
    while (f.occupied < this.capacity(f)) {
      const next = f.kind === 'crisis' ? this.streetHead(f) : this.placeWaiterFor(f);
      if (next < 0) return;
      if (f.kind === 'crisis') this.admitFromStreet(next, f);
      else this.admitToPlace(next, f);
    }
  }

  private joinStreet(p: number, f: FacilityState): void {
    f.street.push(p);
    this.t.queueChanged(QueueLevel.street, this.engine.now, 1);
    this.moveTo(p, STREET);
    const patience = this.people.patienceDays[p];
    if (Number.isFinite(patience)) {
      this.people.patienceHandle[p] = this.schedule(patience, EventKind.GiveUp, p);
    }
  }

  /** The first person still in the street queue of `f`, or -1. */
  private streetHead(f: FacilityState): number {
    const q = f.street;
    while (f.streetHead < q.length) {
      const p = q[f.streetHead];
      if (!this.done(p) && this.people.location[p] === STREET) return p;
      f.streetHead++;
    }
    if (f.streetHead > 0) {
      q.length = 0;
      f.streetHead = 0;
    }
    return -1;
  }

  /** Takes `p` out of the street queue (lazily; the queue skips it later). */
  private leaveStreet(p: number): void {
    this.t.queueChanged(QueueLevel.street, this.engine.now, -1);
    const handle = this.people.patienceHandle[p];
    if (handle >= 0) {
      this.engine.cancel(handle);
      this.people.patienceHandle[p] = -1;
    }
  }

  private admitFromStreet(p: number, f: FacilityState): void {
    this.leaveStreet(p);
    f.streetHead++;
    this.occupy(p, f);
  }

  /** `p` needs a place of `kind`: takes a free one, or waits where they are. */
  private seekPlace(p: number, kind: PlaceKind): void {
    const type = this.people.type[p];
    for (const f of this.byKind[kind]) {
      if (f.servesType[type] && f.occupied < this.capacity(f)) {
        this.admitToPlace(p, f);
        return;
      }
    }
    this.setState(p, PersonState.WaitingForPlace);
    this.placeWait[kind].push(p);
    this.t.queueChanged(PLACE_WAIT_LEVEL[kind], this.engine.now, 1);
    if (this.people.holding[p] < 0) this.moveTo(p, WAITING_OUTSIDE);
  }

  /** The first person waiting for a place that `f` serves, or -1. */
  private placeWaiterFor(f: FacilityState): number {
    const kind = f.kind as PlaceKind;
    const list = this.placeWait[kind];
    const { state, type } = this.people;
    let dead = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (state[p] !== PersonState.WaitingForPlace) {
        dead++;
        continue;
      }
      if (f.servesType[type[p]]) {
        if (dead > 32) {
          this.placeWait[kind] = list.filter((q) => state[q] === PersonState.WaitingForPlace);
        }
        return p;
      }
    }
    return -1;
  }

  /** Moves `p` into a place of `f` (shelter24, bw or training) and starts the stay. */
  private admitToPlace(p: number, f: FacilityState): void {
    const now = this.engine.now;
    if (this.people.state[p] === PersonState.WaitingForPlace) {
      this.t.queueChanged(PLACE_WAIT_LEVEL[f.kind as PlaceKind], now, -1);
    }
    this.setState(p, PersonState.InStay);
    const vacated = this.vacate(p);
    this.occupy(p, f);
    if (placeIsHome(f.kind)) this.reachHome(p);
    this.schedule(f.stay!(), EventKind.StayEnd, p);
    this.fill(vacated);
  }

  /** The stay of `p` in the place they hold ends. */
  private endStay(p: number): void {
    if (this.done(p)) return;
    const f = this.facilities[this.people.holding[p]];
    if (leavesAfterStay(f.afterStayU(), f.exitAfterStayShare)) {
      this.exit(p, this.ends.exit);
    } else {
      this.becomeReady(p, routeAfterStay(f.kind as PlaceKind));
    }
  }

  // ---- crisis: triage ---------------------------------------------------------------

  private triage(p: number): void {
    if (this.done(p)) return;
    const people = this.people;
    const now = this.engine.now;
    const cumulative = this.pathwayCumulative[people.type[p]].at(this.calendarDay(now));
    this.triaging = p;
    const pathway = pickIndex(this.pathwayDraw, cumulative);
    people.pathway[p] = pathway;
    const since = now - people.arrival[p];
    this.t.triaged(now, people.cohortYear[p], since, pathway === EXIT);
    if (pathway === EXIT) {
      this.exit(p, this.ends.exit);
      return;
    }
    if (people.location[p] === STREET) {
      this.leaveStreet(p);
      this.moveTo(p, WAITING_OUTSIDE);
    }
    if (pathway === INDEPENDENT || pathway === HOUSING_FIRST) this.becomeReady(p, pathway);
    else this.seekPlace(p, PATHWAYS[pathway] as PlaceKind);
  }

  // ---- housing ----------------------------------------------------------------------

  /** `p` becomes ready for a home on `route` (index in HOUSING_ROUTES). */
  private becomeReady(p: number, route: number): void {
    const now = this.engine.now;
    const people = this.people;
    this.setState(p, PersonState.HousingReady);
    people.route[p] = route;
    this.t.queueChanged(QueueLevel.waitHome, now, 1);
    let vacated: FacilityState | undefined;
    if (
      people.holding[p] >= 0 &&
      waitsElsewhere(people.elsewhereU[p], this.s.housing.waitElsewhereShare)
    ) {
      vacated = this.vacate(p);
    }
    if (people.holding[p] >= 0) this.t.queueChanged(QueueLevel.waitHomeBlocking, now, 1);
    else this.moveTo(p, READY_ELSEWHERE);
    this.market.personReady(p);
    this.fill(vacated);
    this.market.offerBanked(p);
  }

  /** `p` is in a suitable home (or a place that counts as one) now: noted the first time. */
  private reachHome(p: number): void {
    const people = this.people;
    if (!Number.isNaN(people.homeTime[p])) return;
    const now = this.engine.now;
    people.homeTime[p] = now;
    this.t.reachedHome(now, people.cohortYear[p], now - people.arrival[p]);
  }

  /** `p` moves into a home: by a contingent unit, or else through the regular market. */
  private house(p: number, byContingent: boolean): void {
    if (this.done(p)) return;
    const now = this.engine.now;
    const people = this.people;
    this.reachHome(p);
    const boundAtEntry = this.market.boundAtEntry(p);
    this.t.housed(now, byContingent, people.route[p], boundAtEntry, now - people.arrival[p]);
    this.books.housed();
    this.leaveReady(p);
    this.setState(p, PersonState.Housed);
    const vacated = this.vacate(p);
    this.moveTo(p, this.ends.housed);
    this.fill(vacated);
    if (people.relapses[p]) this.schedule(people.relapseDays[p], EventKind.Return, p);
  }

  private returningFactory(i: number): PersonFactory {
    let f = this.returningFactories[i];
    if (!f) {
      const base = this.factories[i].origin;
      f = new PersonFactory(
        this.s,
        { ...base, prefix: `returning/${this.s.arrivals[i].id}` },
        (n) => this.rng(n),
        this.people,
      );
      this.returningFactories[i] = f;
    }
    return f;
  }

  /** `p`, if housing-ready, is no longer: out of the housing market and its levels. */
  private leaveReady(p: number): void {
    if (this.people.state[p] !== PersonState.HousingReady) return;
    const now = this.engine.now;
    this.t.queueChanged(QueueLevel.waitHome, now, -1);
    if (this.people.holding[p] >= 0) this.t.queueChanged(QueueLevel.waitHomeBlocking, now, -1);
    this.market.personLeft(p);
  }

  // ---- leaving, moving, bookkeeping ---------------------------------------------------

  /** `p` leaves the chain (not housed) to end location `to`. */
  private exit(p: number, to: number): void {
    const now = this.engine.now;
    const people = this.people;
    if (people.location[p] === STREET) this.leaveStreet(p);
    this.setState(p, PersonState.Left);
    const vacated = this.vacate(p);
    this.moveTo(p, to);
    this.books.exited();
    this.t.exited(to, now);
    this.fill(vacated);
  }

  private moveTo(p: number, location: number): void {
    const from = this.people.location[p];
    if (from === location) return;
    this.books.moved(from, location);
    this.t.moved(from, location, this.engine.now);
    this.people.location[p] = location;
  }

  // ---- capacity changes ---------------------------------------------------------------

  /** Admits waiting persons whenever a facility's capacity steps up. */
  private scheduleCapacityChanges(): void {
    for (const f of this.facilities) {
      for (const day of f.capacity.changeDays()) {
        const at = this.reportStart + day;
        if (at < this.horizon) this.engine.at(at, EventKind.CapacityChange, f.index);
      }
    }
  }

  private checkConservation(): void {
    const problems = this.books.problems(this.facilities.map((f) => f.occupied));
    if (problems.length > 0) {
      throw new Error(
        `conservation of people broken in replication ${this.rep}: ${problems.join('; ')}`,
      );
    }
  }
}
