/**
 * The results of one replication, counted from what the model reports (it is the model's
 * {@link ChainObserver}): counters per reported year, time-weighted levels, the flow
 * matrix and the goal cohorts. Events before the reported period (warm-up) move people
 * but are not reported.
 */
import { quantileSorted } from 'd3-array';
import { HOUSING_ROUTES, type Scenario } from '../scenario/schema.ts';
import { DAYS_PER_YEAR, reportStartOf } from '../scenario/calendar.ts';
import { QueueLevel, UnitOutcome, type ChainObserver } from '../model/observer.ts';
import { endLocations } from '../model/location.ts';
import { goalMet, homeInTime, triagedInTime } from '../model/goal.ts';
import { Level, DAYS_PER_WEEK } from './level.ts';
import {
  HISTOGRAM_BINS,
  HISTOGRAM_BIN_DAYS,
  resultLayout,
  ResultColumns,
  type ReplicationResult,
  type ResultLayout,
} from './replication-result.ts';
import {
  CHAIN_KPIS,
  CONTINGENT_KPIS,
  QUEUE_SERIES,
  ROUTE_KPIS,
  contingentColumn,
  facilityColumn,
  occupancySeries,
  routeColumn,
  type ChainKpi,
  type QueueSeries,
  type RouteKpi,
  type WeeklySeries,
  type YearlyColumn,
} from './columns.ts';

// The model's queue levels and unit outcomes are the results' series and contingent
// columns, in the same order.
QUEUE_SERIES.forEach((q, i) => {
  if (QueueLevel[q] !== i) throw new Error(`queue level ${q} is not series ${i}`);
});
CONTINGENT_KPIS.forEach((k, i) => {
  if (UnitOutcome[k] !== i) throw new Error(`unit outcome ${k} is not column ${i}`);
});

export class ReplicationTallies implements ChainObserver {
  readonly layout: ResultLayout;
  private readonly years: number;
  private readonly yearly = {} as Record<YearlyColumn, Float64Array>;
  /** The chain-wide columns of `yearly`, in an object of fixed shape (fast keyed access). */
  private readonly chain: Record<ChainKpi, Float64Array>;
  /** Occupancy level per facility index. */
  private readonly occupancy: Level[];
  /** Queue levels by name, and by QueueLevel index. */
  private readonly series: Record<QueueSeries, Level>;
  private readonly queues: Level[];
  /** End locations (flow nodes) of an episode. */
  private readonly ends: ReturnType<typeof endLocations>;
  private readonly nodes: number;
  private readonly flow: Float64Array;
  private readonly admissions: Float64Array[];
  private readonly departures: Float64Array[];
  private readonly stayDays: Float64Array[];
  private readonly contingentCounts: Float64Array[][];
  private readonly routeCounts: Record<RouteKpi, Float64Array>[];
  /**
   * The goal cohorts, by reported year of arrival (crisis entries who did not self-resolve),
   * counted as things happen: triaged within the goal's days, triaged to "exit" (so not
   * waiting for a home), reached a home within the goal's days, and the days to a home of
   * each who reached one. Their size is the yearly column cohortSize.
   */
  private readonly cohortTriaged: Float64Array;
  private readonly cohortExits: Float64Array;
  private readonly cohortHome: Float64Array;
  private readonly cohortDays: number[][];
  /** Days-to-home histogram of all reported cohorts (bins of HISTOGRAM_BIN_DAYS). */
  private readonly daysToHome = new Float64Array(HISTOGRAM_BINS);

  /** Model time (days) where the reported period begins. */
  private readonly reportStart: number;

  constructor(private readonly s: Scenario) {
    this.reportStart = reportStartOf(s);
    this.layout = resultLayout(s);
    this.years = this.layout.years.length;
    for (const name of this.layout.yearly) this.yearly[name] = new Float64Array(this.years);
    this.chain = Object.fromEntries(CHAIN_KPIS.map((k) => [k, this.yearly[k]])) as Record<
      ChainKpi,
      Float64Array
    >;
    const level = () => new Level(this.reportStart, this.years);
    this.occupancy = s.facilities.map(level);
    this.queues = QUEUE_SERIES.map(level);
    this.series = Object.fromEntries(QUEUE_SERIES.map((q, i) => [q, this.queues[i]])) as Record<
      QueueSeries,
      Level
    >;
    this.ends = endLocations(s.facilities.length);
    this.nodes = this.layout.flowNodes.length;
    this.flow = new Float64Array(this.nodes * this.nodes);
    const ofFacilities = (k: 'admissions' | 'departures' | 'stayDays') =>
      s.facilities.map((f) => this.yearly[facilityColumn(k, f.id)]);
    this.admissions = ofFacilities('admissions');
    this.departures = ofFacilities('departures');
    this.stayDays = ofFacilities('stayDays');
    this.routeCounts = HOUSING_ROUTES.map(
      (r) =>
        Object.fromEntries(ROUTE_KPIS.map((k) => [k, this.yearly[routeColumn(k, r)]])) as Record<
          RouteKpi,
          Float64Array
        >,
    );
    this.cohortTriaged = new Float64Array(this.years);
    this.cohortExits = new Float64Array(this.years);
    this.cohortHome = new Float64Array(this.years);
    this.cohortDays = Array.from({ length: this.years }, () => []);
    // Indexed by UnitOutcome, which follows CONTINGENT_KPIS.
    this.contingentCounts = s.housing.contingents.map((c) =>
      CONTINGENT_KPIS.map((k) => this.yearly[contingentColumn(k, c.id)]),
    );
  }

  /** The scenario these tallies count for. */
  get scenario(): Scenario {
    return this.s;
  }

  /**
   * Empties every count for the next replication of the same scenario, keeping the arrays:
   * a batch of replications reuses one tallies object.
   */
  reset(): void {
    for (const name of this.layout.yearly) this.yearly[name].fill(0);
    for (const l of this.occupancy) l.reset();
    for (const l of this.queues) l.reset();
    this.flow.fill(0);
    this.cohortTriaged.fill(0);
    this.cohortExits.fill(0);
    this.cohortHome.fill(0);
    for (const days of this.cohortDays) days.length = 0;
    this.daysToHome.fill(0);
  }

  /** Reported year index of model time `t`, or -1 outside the reported period. */
  private yearIndex(t: number): number {
    const y = Math.floor((t - this.reportStart) / DAYS_PER_YEAR);
    return y >= 0 && y < this.years ? y : -1;
  }

  /** Counts one in the chain-wide yearly `column` (e.g. this.chain.gaveUp) at time `t`. */
  private count(column: Float64Array, t: number): void {
    const y = this.yearIndex(t);
    if (y >= 0) column[y]++;
  }

  arrived(t: number, crisis: boolean, returning: boolean, cohortYear: number): void {
    const y = this.yearIndex(t);
    if (y < 0) return;
    const chain = this.chain;
    chain.arrivals[y]++;
    if (crisis) chain.crisisArrivals[y]++;
    if (returning) chain.returning[y]++;
    if (cohortYear >= 0) this.yearly.cohortSize[cohortYear]++;
  }

  triaged(_t: number, cohortYear: number, daysSinceArrival: number, toExit: boolean): void {
    if (cohortYear < 0) return;
    if (triagedInTime(daysSinceArrival, this.s.goal)) this.cohortTriaged[cohortYear]++;
    if (toExit) this.cohortExits[cohortYear]++;
  }

  reachedHome(_t: number, cohortYear: number, daysSinceArrival: number): void {
    if (cohortYear < 0) return;
    const d = daysSinceArrival;
    if (homeInTime(d, this.s.goal)) this.cohortHome[cohortYear]++;
    this.cohortDays[cohortYear].push(d);
    this.daysToHome[Math.min(HISTOGRAM_BINS - 1, Math.floor(d / HISTOGRAM_BIN_DAYS))]++;
  }

  turnedAway(t: number): void {
    this.count(this.chain.turnedAway, t);
  }

  admitted(facility: number, t: number): void {
    const y = this.yearIndex(t);
    if (y >= 0) this.admissions[facility][y]++;
  }

  departed(facility: number, t: number, stayDays: number): void {
    const y = this.yearIndex(t);
    if (y >= 0) {
      this.departures[facility][y]++;
      this.stayDays[facility][y] += stayDays;
    }
  }

  housed(
    t: number,
    byContingent: boolean,
    route: number,
    boundAtEntry: boolean,
    daysInChain: number,
  ): void {
    const y = this.yearIndex(t);
    if (y < 0) return;
    this.chain.housed[y]++;
    (byContingent ? this.chain.housedContingent : this.chain.housedMarket)[y]++;
    const c = this.routeCounts[route];
    c.housed[y]++;
    c.housedDays[y] += daysInChain;
    if (boundAtEntry) {
      c.housedBoundAtEntry[y]++;
      c.housedBoundAtEntryDays[y] += daysInChain;
    }
  }

  exited(location: number, t: number): void {
    const chain = this.chain;
    this.count(
      location === this.ends.selfResolved
        ? chain.selfResolved
        : location === this.ends.gaveUp
          ? chain.gaveUp
          : chain.exits,
      t,
    );
  }

  unit(contingent: number, outcome: UnitOutcome, t: number): void {
    const y = this.yearIndex(t);
    if (y >= 0) this.contingentCounts[contingent][outcome][y]++;
  }

  moved(from: number, to: number, t: number): void {
    if (t >= this.reportStart) this.flow[from * this.nodes + to]++;
  }

  occupancyChanged(facility: number, t: number, delta: number): void {
    this.occupancy[facility].add(t, delta);
  }

  queueChanged(level: number, t: number, delta: number): void {
    this.queues[level].add(t, delta);
  }

  /**
   * Closes the levels at `horizon` and builds the replication's result columns, in one
   * buffer (ResultColumns). While the run lasts, each column is an array of its own: as views
   * on one shared buffer, the counts made the whole replication about 5% slower.
   */
  finish(horizon: number, events: number, replication: number): ReplicationResult {
    const { s, years, yearly } = this;
    const columns = new ResultColumns(this.layout);
    const packed = (values: Float64Array) => {
      const column = columns.take(values.length);
      column.set(values);
      return column;
    };
    for (const l of [...this.occupancy, ...Object.values(this.series)]) l.advance(horizon);
    const weekly = {} as Record<WeeklySeries, Float64Array>;
    const weeks = this.layout.weeks;
    const lastWeekDays = years * DAYS_PER_YEAR - (weeks - 1) * DAYS_PER_WEEK;
    const perWeek = (l: Level) => {
      const mean = columns.take(weeks);
      for (let w = 0; w < weeks - 1; w++) mean[w] = l.weekly[w] / DAYS_PER_WEEK;
      mean[weeks - 1] = l.weekly[weeks - 1] / lastWeekDays;
      return mean;
    };
    s.facilities.forEach((f, i) => {
      const placeDays = this.occupancy[i].yearly;
      yearly[facilityColumn('placeDays', f.id)].set(placeDays);
      yearly[facilityColumn('occupancy', f.id)].set(placeDays.map((v) => v / DAYS_PER_YEAR));
      yearly[facilityColumn('cost', f.id)].set(placeDays.map((v) => v * f.costPerPlaceDay));
      weekly[occupancySeries(f.id)] = perWeek(this.occupancy[i]);
    });
    for (const q of QUEUE_SERIES) weekly[q] = perWeek(this.series[q]);
    yearly.streetDays.set(this.series.street.yearly);
    yearly.waitingHome.set(this.series.waitHome.yearly.map((v) => v / DAYS_PER_YEAR));

    this.cohortOutcomes(horizon);
    const g = s.goal.year - s.startYear;
    const triageShare = yearly.triageShare[g];
    const rehousingShare = yearly.rehousingShare[g];
    const met = goalMet(triageShare, rehousingShare, s.goal);
    for (const k of CHAIN_KPIS) if (!yearly[k]) throw new Error(`missing column ${k}`);
    return {
      replication,
      events,
      yearly: Object.fromEntries(this.layout.yearly.map((k) => [k, packed(yearly[k])])) as Record<
        YearlyColumn,
        Float64Array
      >,
      weekly,
      flow: packed(this.flow),
      daysToHome: packed(this.daysToHome),
      goal: { triageShare, rehousingShare, met },
    };
  }

  /** Fills the cohort columns from the counts made as things happened. */
  private cohortOutcomes(horizon: number): void {
    const { s, years, yearly } = this;
    const { triageDays, homeDays } = s.goal;
    for (let y = 0; y < years; y++) {
      const size = yearly.cohortSize[y];
      // Everyone not triaged to "exit" waits for a home, also those never triaged.
      const waiting = size - this.cohortExits[y];
      const days = this.cohortDays[y];
      for (let never = waiting - days.length; never > 0; never--) days.push(NEVER);
      const yearEnd = this.reportStart + (y + 1) * DAYS_PER_YEAR;
      yearly.triageShare[y] = yearEnd + triageDays <= horizon ? this.cohortTriaged[y] / size : NaN;
      const observed = yearEnd + homeDays <= horizon;
      yearly.rehousingShare[y] = observed ? this.cohortHome[y] / waiting : NaN;
      // A typed array sorts numerically without a comparator call per step; ∞ ("never") last.
      const sorted = Array.from(Float64Array.from(days).sort());
      yearly.daysToHomeP50[y] = observed ? reachedQuantile(sorted, 0.5) : NaN;
      yearly.daysToHomeP90[y] = observed ? reachedQuantile(sorted, 0.9) : NaN;
    }
  }
}

/** Sorts after every real number of days: "never reached a home". */
const NEVER = Infinity;

/**
 * The q-quantile of sorted days to a home, or NaN when it depends on anyone who
 * never reached one (it is then not a number of days).
 */
function reachedQuantile(sorted: number[], q: number): number {
  if (sorted.length === 0 || sorted[Math.ceil((sorted.length - 1) * q)] === NEVER) return NaN;
  return quantileSorted(sorted, q)!;
}
