/**
 * The bookkeeping of one replication: counters per reported year, time-weighted levels,
 * the flow matrix, the goal cohorts, and the counts that prove conservation of people.
 * Events before the reported period (warm-up) move people but are not reported.
 */
import { quantileSorted } from 'd3-array';
import { HOUSING_ROUTES, type Scenario } from '../scenario/schema.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';
import { Level, DAYS_PER_WEEK } from './level.ts';
import type { Person } from './person.ts';
import {
  CHAIN_KPIS,
  CONTINGENT_KPIS,
  HISTOGRAM_BINS,
  HISTOGRAM_BIN_DAYS,
  QUEUE_SERIES,
  ROUTE_KPIS,
  resultLayout,
  ResultColumns,
  type ChainKpi,
  type ReplicationResult,
  type ResultLayout,
} from '../results/replication-result.ts';

type QueueSeries = (typeof QUEUE_SERIES)[number];
type ContingentKpi = (typeof CONTINGENT_KPIS)[number];
type RouteKpi = (typeof ROUTE_KPIS)[number];

export class Tallies {
  readonly layout: ResultLayout;
  private readonly years: number;
  private readonly yearly: Record<string, Float64Array> = {};
  /** The chain-wide columns of `yearly`, in an object of fixed shape (fast keyed access). */
  private readonly chain: Record<ChainKpi, Float64Array>;
  /** Occupancy level per facility index. */
  readonly occupancy: Level[];
  /** Queue levels by name. */
  readonly series: Record<QueueSeries, Level>;
  /** Flow-node indices. */
  readonly node: {
    arrival: number;
    street: number;
    waitingOutside: number;
    readyElsewhere: number;
    housed: number;
    selfResolved: number;
    gaveUp: number;
    exit: number;
  };
  private readonly nodes: number;
  private readonly flow: Float64Array;
  /** Persons at each flow node now (all time, warm-up included). */
  private readonly at: Float64Array;
  private readonly admissions: Float64Array[];
  private readonly departures: Float64Array[];
  private readonly stayDays: Float64Array[];
  private readonly contingentCounts: Record<ContingentKpi, Float64Array>[];
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
  private arrivedTotal = 0;
  private housedTotal = 0;
  private exitedTotal = 0;

  constructor(
    private readonly s: Scenario,
    private readonly reportStart: number,
  ) {
    this.layout = resultLayout(s);
    this.years = this.layout.years.length;
    for (const name of this.layout.yearly) this.yearly[name] = new Float64Array(this.years);
    this.chain = Object.fromEntries(CHAIN_KPIS.map((k) => [k, this.yearly[k]])) as Record<
      ChainKpi,
      Float64Array
    >;
    const level = () => new Level(reportStart, this.years);
    this.occupancy = s.facilities.map(level);
    this.series = Object.fromEntries(QUEUE_SERIES.map((q) => [q, level()])) as Record<
      QueueSeries,
      Level
    >;
    const index = (name: string) => this.layout.flowNodes.indexOf(name);
    this.node = {
      arrival: index('arrival'),
      street: index('street'),
      waitingOutside: index('waitingOutside'),
      readyElsewhere: index('readyElsewhere'),
      housed: index('housed'),
      selfResolved: index('selfResolved'),
      gaveUp: index('gaveUp'),
      exit: index('exit'),
    };
    this.nodes = this.layout.flowNodes.length;
    this.flow = new Float64Array(this.nodes * this.nodes);
    this.at = new Float64Array(this.nodes);
    this.admissions = s.facilities.map((f) => this.yearly[`admissions:${f.id}`]);
    this.departures = s.facilities.map((f) => this.yearly[`departures:${f.id}`]);
    this.stayDays = s.facilities.map((f) => this.yearly[`stayDays:${f.id}`]);
    this.routeCounts = HOUSING_ROUTES.map(
      (r) =>
        Object.fromEntries(ROUTE_KPIS.map((k) => [k, this.yearly[`${k}:${r}`]])) as Record<
          RouteKpi,
          Float64Array
        >,
    );
    this.cohortTriaged = new Float64Array(this.years);
    this.cohortExits = new Float64Array(this.years);
    this.cohortHome = new Float64Array(this.years);
    this.cohortDays = Array.from({ length: this.years }, () => []);
    this.contingentCounts = s.housing.contingents.map(
      (c) =>
        Object.fromEntries(CONTINGENT_KPIS.map((k) => [k, this.yearly[`${k}:${c.id}`]])) as Record<
          ContingentKpi,
          Float64Array
        >,
    );
  }

  /** Flow node of facility `i`. */
  facilityNode(i: number): number {
    return this.node.readyElsewhere + 1 + i;
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

  arrived(p: Person, t: number, crisis: boolean): void {
    this.arrivedTotal++;
    this.at[this.node.arrival]++;
    const y = this.yearIndex(t);
    if (y < 0) return;
    const chain = this.chain;
    chain.arrivals[y]++;
    if (crisis) chain.crisisArrivals[y]++;
    if (p.returning) chain.returning[y]++;
    if (p.cohort) {
      p.cohortYear = y;
      this.yearly.cohortSize[y]++;
    }
  }

  /** `p` was triaged at `t` (its pathway chosen). */
  triaged(p: Person, t: number): void {
    const y = p.cohortYear;
    if (y < 0) return;
    if (t - p.arrival <= this.s.goal.triageDays) this.cohortTriaged[y]++;
    if (p.pathway === 'exit') this.cohortExits[y]++;
  }

  /** `p` reached a suitable home (a place in BW or training, or a home) for the first time, at `t`. */
  reachedHome(p: Person, t: number): void {
    const y = p.cohortYear;
    if (y < 0) return;
    const d = t - p.arrival;
    if (d <= this.s.goal.homeDays) this.cohortHome[y]++;
    this.cohortDays[y].push(d);
    this.daysToHome[Math.min(HISTOGRAM_BINS - 1, Math.floor(d / HISTOGRAM_BIN_DAYS))]++;
  }

  turnedAway(t: number): void {
    this.count(this.chain.turnedAway, t);
  }

  admitted(facility: number, t: number): void {
    const y = this.yearIndex(t);
    if (y >= 0) this.admissions[facility][y]++;
  }

  /** A stay of `days` in `facility` ended at `t`. */
  departed(facility: number, t: number, days: number): void {
    const y = this.yearIndex(t);
    if (y >= 0) {
      this.departures[facility][y]++;
      this.stayDays[facility][y] += days;
    }
  }

  /**
   * A person was housed at `t` after `daysInChain` days since arrival, by route
   * `route` (index in HOUSING_ROUTES); `boundAtEntry` says whether they met the
   * regional-binding rule when they arrived.
   */
  housed(
    t: number,
    byContingent: boolean,
    route: number,
    boundAtEntry: boolean,
    daysInChain: number,
  ): void {
    this.housedTotal++;
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

  exited(node: number, t: number): void {
    this.exitedTotal++;
    const chain = this.chain;
    this.count(
      node === this.node.selfResolved
        ? chain.selfResolved
        : node === this.node.gaveUp
          ? chain.gaveUp
          : chain.exits,
      t,
    );
  }

  contingent(i: number, kpi: ContingentKpi, t: number): void {
    const y = this.yearIndex(t);
    if (y >= 0) this.contingentCounts[i][kpi][y]++;
  }

  move(from: number, to: number, t: number): void {
    this.at[from]--;
    this.at[to]++;
    if (t >= this.reportStart) this.flow[from * this.nodes + to]++;
  }

  /** Everything that breaks conservation of people; empty when all is well. */
  conservationProblems(occupied: number[]): string[] {
    const out: string[] = [];
    const n = this.node;
    let inSystem = 0;
    for (let i = 0; i < this.nodes; i++) {
      if (i !== n.housed && i !== n.selfResolved && i !== n.gaveUp && i !== n.exit) {
        inSystem += this.at[i];
      }
    }
    const exited = this.at[n.selfResolved] + this.at[n.gaveUp] + this.at[n.exit];
    if (this.arrivedTotal !== inSystem + this.housedTotal + this.exitedTotal) {
      out.push(
        `arrived ${this.arrivedTotal} ≠ in system ${inSystem} + housed ${this.housedTotal} + exited ${this.exitedTotal}`,
      );
    }
    if (this.at[n.housed] !== this.housedTotal) out.push('housed count differs from housed node');
    if (exited !== this.exitedTotal) out.push('exit count differs from exit nodes');
    if (this.at[n.arrival] !== 0) out.push(`${this.at[n.arrival]} person(s) stuck at arrival`);
    occupied.forEach((o, i) => {
      if (o !== this.at[this.facilityNode(i)] || o < 0) {
        out.push(
          `facility ${this.s.facilities[i].id}: ${o} places taken but ${this.at[this.facilityNode(i)]} persons there`,
        );
      }
    });
    return out;
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
    const weekly: Record<string, Float64Array> = {};
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
      yearly[`placeDays:${f.id}`].set(placeDays);
      yearly[`occupancy:${f.id}`].set(placeDays.map((v) => v / DAYS_PER_YEAR));
      yearly[`cost:${f.id}`].set(placeDays.map((v) => v * f.costPerPlaceDay));
      weekly[`occupancy:${f.id}`] = perWeek(this.occupancy[i]);
    });
    for (const q of QUEUE_SERIES) weekly[q] = perWeek(this.series[q]);
    yearly.streetDays.set(this.series.street.yearly);
    yearly.waitingHome.set(this.series.waitHome.yearly.map((v) => v / DAYS_PER_YEAR));

    this.cohortOutcomes(horizon);
    const g = s.goal.year - s.startYear;
    const triageShare = yearly.triageShare[g];
    const rehousingShare = yearly.rehousingShare[g];
    const met = triageShare >= s.goal.triageTarget && rehousingShare >= s.goal.rehousingTarget;
    for (const k of CHAIN_KPIS) if (!yearly[k]) throw new Error(`missing column ${k}`);
    return {
      replication,
      events,
      yearly: Object.fromEntries(this.layout.yearly.map((k) => [k, packed(yearly[k])])),
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
