/**
 * The chain from shelter to housing as a discrete-event model (DESIGN §2), for one
 * replication: arrivals, places and triage live here, the way out in HousingMarket; the
 * engine only orders events. Invariant, checked at the end of every run: arrived = in
 * system + housed + exited, and every facility's occupancy equals the persons there.
 */
import { MAX_PEOPLE_PER_REPLICATION, RunTooLargeError, tooManyPeople } from '../run-size.ts';
import type { Engine, EventHandle } from '../engine/engine.ts';
import type { Scenario, HousingRoute, Pathway, FacilityKind } from '../scenario/schema.ts';
import { PATHWAYS, HOUSING_ROUTES } from '../scenario/schema.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';
import { Steps } from '../scenario/step-function.ts';
import type { RandomSource } from '../random/source.ts';
import { stream } from '../random/streams.ts';
import { durationSampler, lengthBiased } from '../random/duration.ts';
import { pickIndex } from '../random/choice.ts';
import { Person } from './person.ts';
import { PersonFactory } from './person-factory.ts';
import { Level } from './level.ts';
import { advanceByIntegral, monthStart } from './piecewise-rate.ts';
import { Tallies } from './tallies.ts';
import { HousingMarket } from './housing-market.ts';
import type { ReplicationResult } from '../results/replication-result.ts';

/** A facility while the model runs. */
interface FacilityState {
  index: number;
  id: string;
  kind: FacilityKind;
  capacity: Steps<number>;
  occupied: number;
  /** servesType[typeIndex] */
  servesType: boolean[];
  stay: (() => number) | undefined;
  afterStayU: RandomSource;
  exitAfterStayShare: number;
  level: Level;
  /** Crisis only: the street queue, in arrival order (lazy removal). */
  street: Person[];
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
}

const ROUTE_INDEX = new Map<string, number>(HOUSING_ROUTES.map((r, i) => [r, i]));
/** Kinds of facility that people wait for after triage. */
type PlaceKind = 'shelter24' | 'bw' | 'training';

export class ChainModel {
  private readonly s: Scenario;
  private readonly engine: Engine;
  private readonly seed: string | number;
  private readonly rep: number;
  /** Model time (days) of 1 January of the start year. */
  private readonly reportStart: number;
  /** Model time (days) at which the run ends. */
  readonly horizon: number;
  private readonly t: Tallies;
  private readonly facilities: FacilityState[];
  private readonly byKind: Record<FacilityKind, FacilityState[]>;
  private readonly placeWait: Record<PlaceKind, Person[]> = { shelter24: [], bw: [], training: [] };
  private readonly placeWaitLevel: Record<PlaceKind, Level>;
  private readonly market: HousingMarket;
  private readonly pathwayCumulative: Steps<Float64Array>[];
  private readonly factories: PersonFactory[];
  private readonly returningFactories: (PersonFactory | undefined)[];
  private nextId = 0;
  /** Streams of this replication by name (each made once). */
  private readonly streams = new Map<string, RandomSource>();

  // Event actions, made once; each is scheduled with the person (or source) it is for.
  private readonly onArrival = (a: ArrivalSource) => {
    this.arrive(a.factory, false);
    this.scheduleArrival(a, this.engine.now);
  };
  private readonly onTriage = (p: Person) => this.triage(p);
  private readonly onSelfResolve = (p: Person) => this.selfResolve(p);
  private readonly onGiveUp = (p: Person) => this.giveUp(p);
  private readonly onStayEnd = (p: Person) => this.endStay(p);
  private readonly onReturn = (p: Person) => this.arrive(this.returningFactory(p.stream), true);

  constructor(s: Scenario, engine: Engine, options: ReplicationOptions) {
    this.s = s;
    this.engine = engine;
    this.seed = options.seed;
    this.rep = options.replication;
    this.reportStart = s.warmupYears * DAYS_PER_YEAR;
    const years = s.endYear - s.startYear + 1;
    this.horizon = this.reportStart + years * DAYS_PER_YEAR;
    this.t = new Tallies(s, this.reportStart);
    const typeIndex = new Map(s.householdTypes.map((h, i) => [h.id, i]));
    const servesOf = (ids: string[]) => s.householdTypes.map((h) => ids.includes(h.id));

    this.facilities = s.facilities.map((f, index) => ({
      index,
      id: f.id,
      kind: f.kind,
      capacity: new Steps(f.capacity, s.startYear),
      occupied: 0,
      servesType: servesOf(f.serves),
      stay: f.stay ? durationSampler(f.stay, this.rng(`stay/${f.id}`)) : undefined,
      afterStayU: this.rng(`afterStay/${f.id}`),
      exitAfterStayShare: f.exitAfterStayShare,
      level: this.t.occupancy[index],
      street: [],
      streetHead: 0,
    }));
    this.byKind = { crisis: [], shelter24: [], bw: [], training: [] };
    for (const f of this.facilities) this.byKind[f.kind].push(f);
    this.placeWaitLevel = {
      shelter24: this.t.series.waitShelter24,
      bw: this.t.series.waitBw,
      training: this.t.series.waitTraining,
    };

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
      engine,
      tallies: this.t,
      rng: (n) => this.rng(n),
      reportStart: this.reportStart,
      horizon: this.horizon,
      house: (p, byContingent) => this.house(p, byContingent),
      schedule: (delay, action, p) => this.schedule(delay, action, p),
    });

    const facilityIndex = new Map(s.facilities.map((f, i) => [f.id, i]));
    const originOf = (a: Scenario['arrivals'][number], i: number, prefix: string) => ({
      prefix: `${prefix}/${a.id}`,
      stream: i,
      type: typeIndex.get(a.householdType)!,
      entry: facilityIndex.get(a.entry)!,
    });
    this.factories = s.arrivals.map(
      (a, i) => new PersonFactory(s, originOf(a, i, 'persons'), (n) => this.rng(n)),
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

  /** Runs the replication to the horizon and returns its result. */
  run(): ReplicationResult {
    this.seedInitialOccupants();
    this.s.arrivals.forEach((_, i) => this.scheduleArrivals(i));
    this.market.scheduleSupply();
    this.scheduleCapacityChanges();
    this.market.scheduleRuleChanges();
    this.engine.run(this.horizon);
    this.checkConservation();
    return this.t.finish(this.horizon, this.engine.eventsProcessed, this.rep);
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
    const source: ArrivalSource = {
      factory: this.factories[i],
      e: durationSampler({ dist: 'exponential', mean: 1 }, this.rng(`arrivals/${a.id}`)),
      rate: (m) => rate[m],
    };
    this.scheduleArrival(source, 0);
  }

  /** Schedules the next arrival of `a` after time `from` (days), if within the horizon. */
  private scheduleArrival(a: ArrivalSource, from: number): void {
    const at = advanceByIntegral(from, a.e(), a.rate, this.horizon);
    if (at <= this.horizon) this.engine.at(at, this.onArrival, a);
  }

  /**
   * Schedules `action(p)` after `delay` days. An event past the horizon would never fire,
   * so it is not scheduled; the handle is then -1, as for no event.
   */
  private schedule(delay: number, action: (p: Person) => void, p: Person): EventHandle {
    if (this.engine.now + delay > this.horizon) return -1;
    return this.engine.after(delay, action, p);
  }

  private arrive(factory: PersonFactory, returning: boolean): Person {
    if (this.nextId >= MAX_PEOPLE_PER_REPLICATION) {
      throw new RunTooLargeError(
        tooManyPeople(this.nextId, Math.round(this.horizon / DAYS_PER_YEAR)),
      );
    }
    const now = this.engine.now;
    const entry = this.facilities[factory.origin.entry];
    const crisis = entry.kind === 'crisis';
    const p = factory.make(this.nextId++, now, this.calendarDay(now), returning);
    this.t.arrived(p, now, crisis);
    if (crisis) {
      if (p.selfResolves) {
        this.schedule(p.selfResolveDays, this.onSelfResolve, p);
      } else {
        this.schedule(p.triageDelayDays, this.onTriage, p);
      }
      if (entry.occupied < this.capacity(entry)) {
        this.occupy(p, entry);
      } else {
        this.t.turnedAway(now);
        this.joinStreet(p, entry);
      }
    } else {
      // Pre-triaged entry (e.g. the central BW access): waits outside for a place.
      p.pathway = entry.kind as Pathway;
      this.seekPlace(p, entry.kind as PlaceKind);
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
      );
      const residual = this.rng(`initial/${f.id}/residual`);
      const wholeStay = f.stay
        ? durationSampler(lengthBiased(f.stay), this.rng(`initial/${f.id}/stay`))
        : undefined;
      for (let k = 0; k < f.initialOccupancy; k++) {
        const p = factory.make(this.nextId++, 0, this.calendarDay(0), false);
        this.t.arrived(p, 0, false);
        this.occupy(p, fac);
        const u = residual();
        if (f.kind === 'crisis') {
          this.schedule(u * p.triageDelayDays, this.onTriage, p);
        } else {
          p.pathway = f.kind as Pathway;
          p.homeTime = f.kind === 'shelter24' ? NaN : 0;
          this.schedule(u * wholeStay!(), this.onStayEnd, p);
        }
      }
    });
  }

  // ---- places ---------------------------------------------------------------------

  private capacity(f: FacilityState): number {
    return f.capacity.at(this.calendarDay(this.engine.now));
  }

  private occupy(p: Person, f: FacilityState): void {
    f.occupied++;
    f.level.add(this.engine.now, 1);
    p.holding = f.index;
    p.admittedAt = this.engine.now;
    this.t.admitted(f.index, this.engine.now);
    this.moveTo(p, this.t.facilityNode(f.index));
  }

  /** Gives up the place `p` holds (if any); returns the facility to refill afterwards. */
  private vacate(p: Person): FacilityState | undefined {
    if (p.holding < 0) return undefined;
    const f = this.facilities[p.holding];
    const now = this.engine.now;
    f.occupied--;
    f.level.add(now, -1);
    this.t.departed(f.index, now, now - p.admittedAt);
    p.holding = -1;
    return f;
  }

  /** Admits waiting persons into free places of `f`, in their waiting order. */
  private fill(f: FacilityState | undefined): void {
    if (!f) return;
    while (f.occupied < this.capacity(f)) {
      const next = f.kind === 'crisis' ? this.streetHead(f) : this.placeWaiterFor(f);
      if (!next) return;
      if (f.kind === 'crisis') this.admitFromStreet(next, f);
      else this.admitToPlace(next, f);
    }
  }

  private joinStreet(p: Person, f: FacilityState): void {
    f.street.push(p);
    this.t.series.street.add(this.engine.now, 1);
    this.moveTo(p, this.t.node.street);
    if (Number.isFinite(p.patienceDays)) {
      p.patienceHandle = this.schedule(p.patienceDays, this.onGiveUp, p);
    }
  }

  private streetHead(f: FacilityState): Person | undefined {
    const q = f.street;
    while (f.streetHead < q.length) {
      const p = q[f.streetHead];
      if (!p.done && p.location === this.t.node.street) return p;
      f.streetHead++;
    }
    if (f.streetHead > 0) {
      q.length = 0;
      f.streetHead = 0;
    }
    return undefined;
  }

  /** Takes `p` out of the street queue (lazily; the queue skips it later). */
  private leaveStreet(p: Person): void {
    this.t.series.street.add(this.engine.now, -1);
    if (p.patienceHandle >= 0) {
      this.engine.cancel(p.patienceHandle);
      p.patienceHandle = -1;
    }
  }

  private admitFromStreet(p: Person, f: FacilityState): void {
    this.leaveStreet(p);
    f.streetHead++;
    this.occupy(p, f);
  }

  /** `p` needs a place of `kind`: takes a free one, or waits where they are. */
  private seekPlace(p: Person, kind: PlaceKind): void {
    for (const f of this.byKind[kind]) {
      if (f.servesType[p.type] && f.occupied < this.capacity(f)) {
        this.admitToPlace(p, f, false);
        return;
      }
    }
    p.waitingForPlace = true;
    this.placeWait[kind].push(p);
    this.placeWaitLevel[kind].add(this.engine.now, 1);
    if (p.holding < 0) this.moveTo(p, this.t.node.waitingOutside);
  }

  private placeWaiterFor(f: FacilityState): Person | undefined {
    const list = this.placeWait[f.kind as PlaceKind];
    let dead = 0;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (!p.waitingForPlace) {
        dead++;
        continue;
      }
      if (f.servesType[p.type]) {
        if (dead > 32) this.placeWait[f.kind as PlaceKind] = list.filter((q) => q.waitingForPlace);
        return p;
      }
    }
    return undefined;
  }

  /** Moves `p` into a place of `f` (shelter24, bw or training) and starts the stay. */
  private admitToPlace(p: Person, f: FacilityState, wasWaiting = true): void {
    const now = this.engine.now;
    if (wasWaiting) {
      p.waitingForPlace = false;
      this.placeWaitLevel[f.kind as PlaceKind].add(now, -1);
    }
    const vacated = this.vacate(p);
    this.occupy(p, f);
    if (f.kind !== 'shelter24') this.reachHome(p);
    this.schedule(f.stay!(), this.onStayEnd, p);
    this.fill(vacated);
  }

  /** The stay of `p` in the place they hold ends. */
  private endStay(p: Person): void {
    if (p.done) return;
    const f = this.facilities[p.holding];
    if (f.afterStayU() < f.exitAfterStayShare) {
      this.exit(p, this.t.node.exit);
    } else {
      this.becomeReady(p, f.kind as HousingRoute);
    }
  }

  // ---- crisis: self-resolve, give up, triage ---------------------------------------

  private selfResolve(p: Person): void {
    if (!p.done) this.exit(p, this.t.node.selfResolved);
  }

  private giveUp(p: Person): void {
    p.patienceHandle = -1;
    if (!p.done && p.location === this.t.node.street) this.exit(p, this.t.node.gaveUp);
  }

  private triage(p: Person): void {
    if (p.done) return;
    const now = this.engine.now;
    const cumulative = this.pathwayCumulative[p.type].at(this.calendarDay(now));
    const pathway = PATHWAYS[pickIndex(() => p.pathwayU, cumulative)];
    p.pathway = pathway;
    this.t.triaged(p, now);
    if (pathway === 'exit') {
      this.exit(p, this.t.node.exit);
      return;
    }
    if (p.location === this.t.node.street) {
      this.leaveStreet(p);
      this.moveTo(p, this.t.node.waitingOutside);
    }
    if (pathway === 'independent' || pathway === 'housingFirst') this.becomeReady(p, pathway);
    else this.seekPlace(p, pathway);
  }

  // ---- housing ----------------------------------------------------------------------

  private becomeReady(p: Person, route: HousingRoute): void {
    const now = this.engine.now;
    p.route = route;
    p.routeIndex = ROUTE_INDEX.get(route)!;
    p.readyTime = now;
    this.t.series.waitHome.add(now, 1);
    let vacated: FacilityState | undefined;
    if (p.holding >= 0 && p.elsewhereU < this.s.housing.waitElsewhereShare) {
      vacated = this.vacate(p);
    }
    if (p.holding >= 0) this.t.series.waitHomeBlocking.add(now, 1);
    else this.moveTo(p, this.t.node.readyElsewhere);
    this.market.personReady(p);
    this.fill(vacated);
    this.market.offerBanked(p);
  }

  /** `p` is in a suitable home (or a place that counts as one) now: noted the first time. */
  private reachHome(p: Person): void {
    if (!Number.isNaN(p.homeTime)) return;
    p.homeTime = this.engine.now;
    this.t.reachedHome(p, p.homeTime);
  }

  /** `p` moves into a home: by a contingent unit, or else through the regular market. */
  private house(p: Person, byContingent: boolean): void {
    if (p.done) return;
    const now = this.engine.now;
    this.reachHome(p);
    const boundAtEntry = this.market.boundAtEntry(p);
    this.t.housed(now, byContingent, p.routeIndex, boundAtEntry, now - p.arrival);
    this.leaveReady(p);
    const vacated = this.vacate(p);
    this.moveTo(p, this.t.node.housed);
    p.done = true;
    this.fill(vacated);
    if (p.relapses) {
      this.schedule(p.relapseDays, this.onReturn, p);
    }
  }

  private returningFactory(i: number): PersonFactory {
    let f = this.returningFactories[i];
    if (!f) {
      const base = this.factories[i].origin;
      f = new PersonFactory(
        this.s,
        { ...base, prefix: `returning/${this.s.arrivals[i].id}` },
        (n) => this.rng(n),
      );
      this.returningFactories[i] = f;
    }
    return f;
  }

  /** `p` is no longer housing-ready: out of the housing market and its levels. */
  private leaveReady(p: Person): void {
    if (Number.isNaN(p.readyTime)) return;
    const now = this.engine.now;
    this.t.series.waitHome.add(now, -1);
    if (p.holding >= 0) this.t.series.waitHomeBlocking.add(now, -1);
    p.readyTime = NaN;
    this.market.personLeft(p);
  }

  // ---- leaving, moving, bookkeeping ---------------------------------------------------

  private exit(p: Person, node: number): void {
    const now = this.engine.now;
    if (p.location === this.t.node.street) this.leaveStreet(p);
    if (p.waitingForPlace) {
      p.waitingForPlace = false;
      this.placeWaitLevel[p.pathway as PlaceKind].add(now, -1);
    }
    this.leaveReady(p);
    const vacated = this.vacate(p);
    this.moveTo(p, node);
    p.done = true;
    this.t.exited(node, now);
    this.fill(vacated);
  }

  private moveTo(p: Person, node: number): void {
    if (p.location === node) return;
    this.t.move(p.location, node, this.engine.now);
    p.location = node;
  }

  // ---- capacity changes ---------------------------------------------------------------

  /** Admits waiting persons whenever a facility's capacity steps up. */
  private scheduleCapacityChanges(): void {
    for (const f of this.facilities) {
      for (const day of f.capacity.changeDays()) {
        const at = this.reportStart + day;
        if (at < this.horizon) this.engine.at(at, () => this.fill(f));
      }
    }
  }

  private checkConservation(): void {
    const problems = this.t.conservationProblems(this.facilities.map((f) => f.occupied));
    if (problems.length > 0) {
      throw new Error(
        `conservation of people broken in replication ${this.rep}: ${problems.join('; ')}`,
      );
    }
  }
}
