/**
 * Folds replication results, in replication order, into the run summary (DESIGN §4):
 * per-replication yearly figures are kept (for CIs, percentiles and paired comparisons), in
 * chunks allocated as results arrive, so memory grows with the replications folded in, not
 * with the replications asked for; weekly series are folded into fixed histograms, so memory
 * does not grow with them. Same results in the same order ⇒ an identical summary.
 */
import type { HousingRoute, Scenario } from '../scenario/schema.ts';
import { HOUSING_ROUTES, SCHEMA_VERSION } from '../scenario/schema.ts';
import { Steps } from '../scenario/step-function.ts';
import {
  HISTOGRAM_BIN_DAYS,
  HISTOGRAM_BINS,
  resultLayout,
  type ReplicationResult,
  type ResultLayout,
} from './replication-result.ts';
import {
  CHAIN_KPIS,
  CONTINGENT_KPIS,
  FACILITY_KPIS,
  ROUTE_KPIS,
  chainColumn,
  contingentColumn,
  facilityColumn,
  routeColumn,
  type ChainKpi,
  type ContingentKpi,
  type FacilityKpi,
  type RouteKpi,
  type WeeklySeries,
  type YearlyColumn,
} from './columns.ts';
import { estimate, groupedWilson95, wilson95, type Estimate } from './stats.ts';
import { WeeklyHistograms } from './level-histogram.ts';

/** Facts about a run, reported with its summary. */
export interface RunMeta {
  scenarioId: string;
  seed: string | number;
  replications: number;
  engine: string;
  /** Events fired over all replications. */
  events: number;
  /** Wall-clock time of the run (ms). */
  wallMs: number;
  schemaVersion: number;
  /** Worker threads used (1 when run in the calling thread). */
  workers: number;
  /**
   * Replications per draw of the uncertain parameters, when the run had input uncertainty
   * (groups of this many consecutive replications share a draw, and the intervals rest on
   * the groups); absent when every replication is independent.
   */
  replicationsPerDraw?: number;
}

/** The figures of one facility kind across facilities: by facility id (see FACILITY_KPIS). */
export type FacilityFigures = Record<FacilityKpi, Record<string, Estimate>>;

/**
 * One reported year: every yearly figure across replications. The chain-wide figures
 * (CHAIN_KPIS) are fields of their own, e.g. `arrivals`; the figures of one facility are by
 * kind and then by facility id, e.g. `occupancy[facilityId]`; those of a route or a
 * contingent by route or contingent id and then by kind, e.g. `contingents[id].lapsed`.
 */
export interface YearSummary extends Record<ChainKpi, Estimate>, FacilityFigures {
  year: number;
  routes: Record<HousingRoute, Record<RouteKpi, Estimate>>;
  contingents: Record<string, Record<ContingentKpi, Estimate>>;
}

/** A weekly series across replications. */
export interface SeriesBand {
  mean: number[];
  p5: number[];
  p50: number[];
  p95: number[];
}

export interface RunSummary {
  goal: {
    year: number;
    target: { triageShare: number; rehousingShare: number; triageDays: number; homeDays: number };
    /** Share of replications in which both targets were met. */
    pMet: number;
    /** Wilson 95% interval of pMet (over the draws under input uncertainty, see groupedWilson95). */
    pMetCi95: [number, number];
    triageShare: Estimate;
    rehousingShare: Estimate;
  };
  years: YearSummary[];
  weekly: {
    /** Start of each week, days since 1 January of the start year. */
    weekStartDays: number[];
    /** By series name: the occupancy of each facility (see occupancySeries), then the queues. */
    series: Record<WeeklySeries, SeriesBand>;
    /** Places per facility at the start of each week. */
    capacity: Record<string, number[]>;
  };
  flow: {
    nodes: string[];
    /** Mean count per replication, row-major (from × to). */ mean: number[];
  };
  /**
   * Key goal-year figures of every replication, in replication order: what paired
   * comparisons of two scenarios on common random numbers are computed from.
   */
  perReplication: Record<PairedKpi, number[]>;
  daysToHome: { binDays: number; /** Mean count per bin per replication. */ mean: number[] };
  meta: RunMeta;
}

/** Goal-year figures kept per replication (see RunSummary.perReplication). */
export const PAIRED_KPIS = [
  'triageShare',
  'rehousingShare',
  'goalMet',
  'turnedAway',
  'gaveUp',
  'streetDays',
  'housed',
  'waitingHome',
  'lapsed',
] as const;
export type PairedKpi = (typeof PAIRED_KPIS)[number];

/** The figures shown while a run is in progress. */
export interface Interim {
  done: number;
  pMet: number;
  rehousingShare: number;
  triageShare: number;
}

/** Replications per storage chunk: what memory may run ahead of the results folded in. */
const CHUNK_REPLICATIONS = 1024;

/**
 * Rows of `width` numbers, one per replication in replication order, in chunks of
 * {@link CHUNK_REPLICATIONS} rows allocated when their first row arrives (the last chunk no
 * larger than the `total` rows expected).
 */
class ReplicationRows {
  private readonly chunks: Float64Array[] = [];
  private rows = 0;

  constructor(
    private readonly width: number,
    private readonly total: number,
  ) {}

  /** Appends the next row (`width` numbers; a number when width is 1); at most `total` rows. */
  append(row: ArrayLike<number> | number): void {
    const offset = this.rows % CHUNK_REPLICATIONS;
    if (offset === 0) {
      const rows = Math.min(CHUNK_REPLICATIONS, this.total - this.rows);
      this.chunks.push(new Float64Array(rows * this.width));
    }
    const chunk = this.chunks[this.chunks.length - 1];
    if (typeof row === 'number') chunk[offset] = row;
    else chunk.set(row, offset * this.width);
    this.rows++;
  }

  /** Entry `j` of every row so far, in replication order. */
  column(j: number): Float64Array {
    const out = new Float64Array(this.rows);
    for (let c = 0, i = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      const end = Math.min(this.rows - c * CHUNK_REPLICATIONS, CHUNK_REPLICATIONS) * this.width;
      for (let at = j; at < end; at += this.width) out[i++] = chunk[at];
    }
    return out;
  }
}

/**
 * Memory the folded results of one replication take in an {@link Aggregator} (bytes): every
 * yearly figure of every reported year and the three goal-year figures, as 8-byte numbers,
 * plus what the summary adds per replication (the {@link PAIRED_KPIS} kept per replication,
 * and the copy of one column that an estimate sorts). A run of n replications needs about n
 * times this, plus at most one chunk of {@link CHUNK_REPLICATIONS} replications ahead, plus
 * the fixed weekly histograms that do not grow with n.
 */
export function aggregationBytesPerReplication(s: Scenario): number {
  const layout = resultLayout(s);
  const folded = layout.yearly.length * layout.years.length + 3;
  const summary = PAIRED_KPIS.length + 2;
  return (folded + summary) * 8;
}

/** An object with one entry per name, in the order of `names`. */
function byName<K extends string, T>(names: readonly K[], f: (name: K) => T): Record<K, T> {
  return Object.fromEntries(names.map((k) => [k, f(k)])) as Record<K, T>;
}

export class Aggregator {
  readonly layout: ResultLayout;
  /**
   * Replications per draw of the uncertain parameters: 1 (independent replications) unless
   * the run has input uncertainty and the scenario has parameters to draw.
   */
  readonly groupSize: number;
  private readonly yearsN: number;
  /** Per yearly column: one row of years per replication. */
  private readonly yearly: Record<YearlyColumn, ReplicationRows>;
  private readonly weekly: Record<WeeklySeries, WeeklyHistograms>;
  private readonly weeklySum: Record<WeeklySeries, Float64Array>;
  private readonly flowSum: Float64Array;
  private readonly homeSum = new Float64Array(HISTOGRAM_BINS);
  /** Per replication: goal-year triage share, rehousing share, met (0/1). */
  private readonly goalTriage: ReplicationRows;
  private readonly goalRehousing: ReplicationRows;
  private readonly goalMet: ReplicationRows;
  private events = 0;
  private count = 0;
  private metCount = 0;
  /** Running sums of the goal-year shares, in replication order (for interim figures). */
  private triageSum = 0;
  private rehousingSum = 0;

  /**
   * @param replications replications the run will fold in; memory is taken as they arrive.
   * @param replicationsPerDraw replications per draw of the uncertain parameters when the run
   *   has input uncertainty (as `RunOptions.inputUncertainty.replicationsPerDraw`); ignored
   *   when the scenario has no uncertain parameters, since nothing is drawn then.
   * @throws RangeError when `replicationsPerDraw` is not a whole number ≥ 1.
   */
  constructor(
    private readonly s: Scenario,
    readonly replications: number,
    replicationsPerDraw?: number,
  ) {
    if (
      replicationsPerDraw !== undefined &&
      (!Number.isInteger(replicationsPerDraw) || replicationsPerDraw < 1)
    ) {
      throw new RangeError(
        `replications per draw must be a whole number ≥ 1 (got ${replicationsPerDraw})`,
      );
    }
    this.groupSize = s.uncertain.length > 0 ? (replicationsPerDraw ?? 1) : 1;
    this.layout = resultLayout(s);
    this.yearsN = this.layout.years.length;
    this.yearly = byName(this.layout.yearly, () => new ReplicationRows(this.yearsN, replications));
    this.weekly = byName(this.layout.weekly, () => new WeeklyHistograms(this.layout.weeks));
    this.weeklySum = byName(this.layout.weekly, () => new Float64Array(this.layout.weeks));
    this.flowSum = new Float64Array(this.layout.flowNodes.length ** 2);
    this.goalTriage = new ReplicationRows(1, replications);
    this.goalRehousing = new ReplicationRows(1, replications);
    this.goalMet = new ReplicationRows(1, replications);
  }

  /** Replications folded in so far. */
  get done(): number {
    return this.count;
  }

  /** Folds in the next replication; results must come in replication order. */
  add(r: ReplicationResult): void {
    if (r.replication !== this.count) {
      throw new Error(`expected replication ${this.count}, got ${r.replication}`);
    }
    if (r.replication >= this.replications) {
      throw new Error(`replication ${r.replication} is beyond the ${this.replications} of the run`);
    }
    this.count++;
    for (const k of this.layout.yearly) this.yearly[k].append(r.yearly[k]);
    for (const k of this.layout.weekly) {
      const series = r.weekly[k];
      this.weekly[k].add(series);
      const sum = this.weeklySum[k];
      for (let w = 0; w < series.length; w++) sum[w] += series[w];
    }
    for (let j = 0; j < r.flow.length; j++) this.flowSum[j] += r.flow[j];
    for (let j = 0; j < HISTOGRAM_BINS; j++) this.homeSum[j] += r.daysToHome[j];
    this.goalTriage.append(r.goal.triageShare);
    this.goalRehousing.append(r.goal.rehousingShare);
    this.goalMet.append(r.goal.met ? 1 : 0);
    this.triageSum += r.goal.triageShare;
    this.rehousingSum += r.goal.rehousingShare;
    if (r.goal.met) this.metCount++;
    this.events += r.events;
  }

  /** Running figures for progress reports (cheap). */
  interim(): Interim {
    const n = this.count;
    return {
      done: n,
      pMet: n ? this.metCount / n : NaN,
      triageShare: this.triageSum / n,
      rehousingShare: this.rehousingSum / n,
    };
  }

  /** Values of yearly column `c` in year index `y`, one per replication done. */
  column(c: YearlyColumn, y: number): Float64Array {
    return this.yearly[c].column(y);
  }

  private perReplication(): Record<PairedKpi, number[]> {
    const g = this.s.goal.year - this.s.startYear;
    const col = (k: ChainKpi) => Array.from(this.column(chainColumn(k), g));
    const lapsed = new Array<number>(this.count).fill(0);
    for (const c of this.s.housing.contingents) {
      this.column(contingentColumn('lapsed', c.id), g).forEach((v, i) => (lapsed[i] += v));
    }
    return {
      triageShare: Array.from(this.goalTriage.column(0)),
      rehousingShare: Array.from(this.goalRehousing.column(0)),
      goalMet: Array.from(this.goalMet.column(0)),
      turnedAway: col('turnedAway'),
      gaveUp: col('gaveUp'),
      streetDays: col('streetDays'),
      housed: col('housed'),
      waitingHome: col('waitingHome'),
      lapsed,
    };
  }

  /** The summary of the replications folded in so far. */
  summary(
    meta: Omit<
      RunMeta,
      'events' | 'replications' | 'schemaVersion' | 'scenarioId' | 'replicationsPerDraw'
    >,
  ): RunSummary {
    const s = this.s;
    const n = this.count;
    const byId = <T>(ids: string[], f: (id: string) => T) =>
      Object.fromEntries(ids.map((id) => [id, f(id)]));
    const facilityIds = s.facilities.map((f) => f.id);
    const years: YearSummary[] = this.layout.years.map((year, y) => {
      const est = (c: YearlyColumn) => estimate(this.column(c, y), this.groupSize);
      const ofFacilities = (k: FacilityKpi) =>
        byId(facilityIds, (id) => est(facilityColumn(k, id)));
      // Built in this order (facility kinds, routes, contingents, then the chain-wide
      // figures): the order of the keys in the summary's JSON and in the yearly CSV.
      return {
        year,
        ...byName(FACILITY_KPIS, ofFacilities),
        routes: byName(HOUSING_ROUTES, (r) => byName(ROUTE_KPIS, (k) => est(routeColumn(k, r)))),
        contingents: byId(
          s.housing.contingents.map((c) => c.id),
          (id) => byName(CONTINGENT_KPIS, (k) => est(contingentColumn(k, id))),
        ),
        ...byName(CHAIN_KPIS, (k) => est(chainColumn(k))),
      };
    });
    const weeks = this.layout.weeks;
    const series = byName(this.layout.weekly, (k) => {
      const h = this.weekly[k];
      const band: SeriesBand = { mean: [], p5: [], p50: [], p95: [] };
      for (let w = 0; w < weeks; w++) {
        band.mean.push(this.weeklySum[k][w] / n);
        band.p5.push(h.quantile(w, 0.05));
        band.p50.push(h.quantile(w, 0.5));
        band.p95.push(h.quantile(w, 0.95));
      }
      return band;
    });
    const weekStartDays = Array.from({ length: weeks }, (_, w) => w * 7);
    const capacity = byId(facilityIds, (id) => {
      const steps = new Steps(s.facilities.find((f) => f.id === id)!.capacity, s.startYear);
      return weekStartDays.map((d) => steps.at(d));
    });
    return {
      goal: {
        year: s.goal.year,
        target: {
          triageShare: s.goal.triageTarget,
          rehousingShare: s.goal.rehousingTarget,
          triageDays: s.goal.triageDays,
          homeDays: s.goal.homeDays,
        },
        pMet: n ? this.metCount / n : NaN,
        pMetCi95:
          this.groupSize > 1
            ? groupedWilson95(this.goalMet.column(0), this.groupSize)
            : wilson95(this.metCount, n),
        triageShare: estimate(this.goalTriage.column(0), this.groupSize),
        rehousingShare: estimate(this.goalRehousing.column(0), this.groupSize),
      },
      years,
      weekly: { weekStartDays, series, capacity },
      flow: { nodes: this.layout.flowNodes, mean: Array.from(this.flowSum, (v) => v / n) },
      perReplication: this.perReplication(),
      daysToHome: { binDays: HISTOGRAM_BIN_DAYS, mean: Array.from(this.homeSum, (v) => v / n) },
      meta: {
        scenarioId: s.id,
        seed: meta.seed,
        replications: n,
        engine: meta.engine,
        events: this.events,
        wallMs: meta.wallMs,
        schemaVersion: SCHEMA_VERSION,
        workers: meta.workers,
        ...(this.groupSize > 1 ? { replicationsPerDraw: this.groupSize } : {}),
      },
    };
  }
}
