/**
 * Folds replication results, in replication order, into the run summary (DESIGN §4):
 * per-replication yearly figures are kept (for CIs, percentiles and paired comparisons);
 * weekly series are folded into fixed histograms, so memory does not grow with them.
 * Same results in the same order ⇒ an identical summary.
 */
import type { Scenario } from '../scenario/schema.ts';
import { HOUSING_ROUTES, SCHEMA_VERSION } from '../scenario/schema.ts';
import { Steps } from '../scenario/step-function.ts';
import {
  CHAIN_KPIS,
  CONTINGENT_KPIS,
  ROUTE_KPIS,
  HISTOGRAM_BIN_DAYS,
  HISTOGRAM_BINS,
  resultLayout,
  type ReplicationResult,
  type ResultLayout,
} from './replication-result.ts';
import { estimate, wilson95, type Estimate } from './stats.ts';
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
}

/** One reported year: every yearly figure across replications. */
export interface YearSummary {
  year: number;
  /** Chain-wide figures by name (see CHAIN_KPIS). */
  [kpi: string]: unknown;
  occupancy: Record<string, Estimate>;
  placeDays: Record<string, Estimate>;
  cost: Record<string, Estimate>;
  admissions: Record<string, Estimate>;
  departures: Record<string, Estimate>;
  stayDays: Record<string, Estimate>;
  contingents: Record<string, Record<(typeof CONTINGENT_KPIS)[number], Estimate>>;
  routes: Record<string, Record<(typeof ROUTE_KPIS)[number], Estimate>>;
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
    /** Wilson 95% interval of pMet. */
    pMetCi95: [number, number];
    triageShare: Estimate;
    rehousingShare: Estimate;
  };
  years: YearSummary[];
  weekly: {
    /** Start of each week, days since 1 January of the start year. */
    weekStartDays: number[];
    series: Record<string, SeriesBand>;
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

export class Aggregator {
  readonly layout: ResultLayout;
  private readonly yearsN: number;
  /** Per yearly column: values[rep × years + y]. */
  private readonly yearly: Record<string, Float64Array>;
  private readonly weekly: Record<string, WeeklyHistograms>;
  private readonly weeklySum: Record<string, Float64Array>;
  private readonly flowSum: Float64Array;
  private readonly homeSum = new Float64Array(HISTOGRAM_BINS);
  /** Per replication: goal-year triage share, rehousing share, met (0/1). */
  readonly goalTriage: Float64Array;
  readonly goalRehousing: Float64Array;
  readonly goalMet: Float64Array;
  private events = 0;
  private count = 0;
  private metCount = 0;

  constructor(
    private readonly s: Scenario,
    readonly replications: number,
  ) {
    this.layout = resultLayout(s);
    this.yearsN = this.layout.years.length;
    this.yearly = Object.fromEntries(
      this.layout.yearly.map((k) => [k, new Float64Array(replications * this.yearsN)]),
    );
    this.weekly = Object.fromEntries(
      this.layout.weekly.map((k) => [k, new WeeklyHistograms(this.layout.weeks)]),
    );
    this.weeklySum = Object.fromEntries(
      this.layout.weekly.map((k) => [k, new Float64Array(this.layout.weeks)]),
    );
    this.flowSum = new Float64Array(this.layout.flowNodes.length ** 2);
    this.goalTriage = new Float64Array(replications);
    this.goalRehousing = new Float64Array(replications);
    this.goalMet = new Float64Array(replications);
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
    const i = this.count++;
    for (const k of this.layout.yearly) this.yearly[k].set(r.yearly[k], i * this.yearsN);
    for (const k of this.layout.weekly) {
      const series = r.weekly[k];
      this.weekly[k].add(series);
      const sum = this.weeklySum[k];
      for (let w = 0; w < series.length; w++) sum[w] += series[w];
    }
    for (let j = 0; j < r.flow.length; j++) this.flowSum[j] += r.flow[j];
    for (let j = 0; j < HISTOGRAM_BINS; j++) this.homeSum[j] += r.daysToHome[j];
    this.goalTriage[i] = r.goal.triageShare;
    this.goalRehousing[i] = r.goal.rehousingShare;
    this.goalMet[i] = r.goal.met ? 1 : 0;
    if (r.goal.met) this.metCount++;
    this.events += r.events;
  }

  /** Running figures for progress reports (cheap). */
  interim(): Interim {
    const n = this.count;
    let tri = 0;
    let reh = 0;
    for (let i = 0; i < n; i++) {
      tri += this.goalTriage[i];
      reh += this.goalRehousing[i];
    }
    return {
      done: n,
      pMet: n ? this.metCount / n : NaN,
      triageShare: tri / n,
      rehousingShare: reh / n,
    };
  }

  /** Values of yearly column `kpi` in year index `y`, one per replication done. */
  column(kpi: string, y: number): Float64Array {
    const out = new Float64Array(this.count);
    const values = this.yearly[kpi];
    for (let i = 0; i < this.count; i++) out[i] = values[i * this.yearsN + y];
    return out;
  }

  private perReplication(): Record<PairedKpi, number[]> {
    const g = this.s.goal.year - this.s.startYear;
    const col = (k: string) => Array.from(this.column(k, g));
    const lapsed = new Array<number>(this.count).fill(0);
    for (const c of this.s.housing.contingents) {
      this.column(`lapsed:${c.id}`, g).forEach((v, i) => (lapsed[i] += v));
    }
    return {
      triageShare: Array.from(this.goalTriage.subarray(0, this.count)),
      rehousingShare: Array.from(this.goalRehousing.subarray(0, this.count)),
      goalMet: Array.from(this.goalMet.subarray(0, this.count)),
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
    meta: Omit<RunMeta, 'events' | 'replications' | 'schemaVersion' | 'scenarioId'>,
  ): RunSummary {
    const s = this.s;
    const n = this.count;
    const byId = <T>(ids: string[], f: (id: string) => T) =>
      Object.fromEntries(ids.map((id) => [id, f(id)]));
    const facilityIds = s.facilities.map((f) => f.id);
    const years: YearSummary[] = this.layout.years.map((year, y) => {
      const est = (k: string) => estimate(this.column(k, y));
      const row: YearSummary = {
        year,
        occupancy: byId(facilityIds, (id) => est(`occupancy:${id}`)),
        placeDays: byId(facilityIds, (id) => est(`placeDays:${id}`)),
        cost: byId(facilityIds, (id) => est(`cost:${id}`)),
        admissions: byId(facilityIds, (id) => est(`admissions:${id}`)),
        departures: byId(facilityIds, (id) => est(`departures:${id}`)),
        stayDays: byId(facilityIds, (id) => est(`stayDays:${id}`)),
        routes: byId(
          [...HOUSING_ROUTES],
          (r) =>
            Object.fromEntries(ROUTE_KPIS.map((k) => [k, est(`${k}:${r}`)])) as Record<
              (typeof ROUTE_KPIS)[number],
              Estimate
            >,
        ),
        contingents: byId(
          s.housing.contingents.map((c) => c.id),
          (id) =>
            Object.fromEntries(CONTINGENT_KPIS.map((k) => [k, est(`${k}:${id}`)])) as Record<
              (typeof CONTINGENT_KPIS)[number],
              Estimate
            >,
        ),
      };
      for (const k of CHAIN_KPIS) row[k] = est(k);
      return row;
    });
    const weeks = this.layout.weeks;
    const series = byId(this.layout.weekly, (k) => {
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
        pMetCi95: wilson95(this.metCount, n),
        triageShare: estimate(this.goalTriage.subarray(0, n)),
        rehousingShare: estimate(this.goalRehousing.subarray(0, n)),
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
      },
    };
  }
}
