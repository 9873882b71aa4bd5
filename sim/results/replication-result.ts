/**
 * What one replication returns: columns of numbers (typed arrays, so they cross the
 * worker boundary by transfer), laid out by a {@link ResultLayout} derived from the
 * scenario alone. NaN means "did not happen / not defined" (e.g. an empty cohort).
 */
import { HOUSING_ROUTES, type Scenario } from '../scenario/schema.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';
import { LOCATIONS_AFTER, LOCATIONS_BEFORE } from '../model/location.ts';
import {
  CHAIN_KPIS,
  CONTINGENT_KPIS,
  FACILITY_KPIS,
  QUEUE_SERIES,
  ROUTE_KPIS,
  contingentColumn,
  facilityColumn,
  occupancySeries,
  routeColumn,
  type WeeklySeries,
  type YearlyColumn,
} from './columns.ts';

/** Width of a days-to-home histogram bin (days). */
export const HISTOGRAM_BIN_DAYS = 7;
/** Number of histogram bins; the last one holds everything from 52 weeks on. */
export const HISTOGRAM_BINS = 53;

/** Terminal and waiting nodes of the flow matrix (facility ids go between). */
export const FLOW_NODES_BEFORE = LOCATIONS_BEFORE;
export const FLOW_NODES_AFTER = LOCATIONS_AFTER;

/** Names and sizes of every column, derived from the scenario alone. */
export interface ResultLayout {
  /** Reported calendar years. */
  years: number[];
  /** Number of reported weeks (the last may be partial). */
  weeks: number;
  /** Names of the yearly columns (see columns.ts). */
  yearly: YearlyColumn[];
  /** Names of the weekly series: the occupancy of each facility, then QUEUE_SERIES. */
  weekly: WeeklySeries[];
  /** Nodes of the flow matrix, in row/column order. */
  flowNodes: string[];
}

/** Layouts made so far, by scenario (a scenario is not changed once validated). */
const layouts = new WeakMap<Scenario, ResultLayout>();

/**
 * The layout of the results of scenario `s`: made once per scenario object and shared by
 * every replication of it (do not change the returned layout).
 */
export function resultLayout(s: Scenario): ResultLayout {
  let layout = layouts.get(s);
  if (!layout) {
    layout = layoutOf(s);
    layouts.set(s, layout);
  }
  return layout;
}

function layoutOf(s: Scenario): ResultLayout {
  const years: number[] = [];
  for (let y = s.startYear; y <= s.endYear; y++) years.push(y);
  return {
    years,
    weeks: Math.ceil((years.length * DAYS_PER_YEAR) / 7),
    yearly: [
      ...CHAIN_KPIS,
      ...s.facilities.flatMap((f) => FACILITY_KPIS.map((k) => facilityColumn(k, f.id))),
      ...HOUSING_ROUTES.flatMap((r) => ROUTE_KPIS.map((k) => routeColumn(k, r))),
      ...s.housing.contingents.flatMap((c) =>
        CONTINGENT_KPIS.map((k) => contingentColumn(k, c.id)),
      ),
    ],
    weekly: [...s.facilities.map((f) => occupancySeries(f.id)), ...QUEUE_SERIES],
    flowNodes: [...FLOW_NODES_BEFORE, ...s.facilities.map((f) => f.id), ...FLOW_NODES_AFTER],
  };
}

/** The outcome of one replication. */
export interface ReplicationResult {
  replication: number;
  /** Events the engine fired. */
  events: number;
  /** Yearly columns by name (see ResultLayout.yearly), each of length years. */
  yearly: Record<YearlyColumn, Float64Array>;
  /** Weekly series by name (see ResultLayout.weekly), each of length weeks. */
  weekly: Record<WeeklySeries, Float64Array>;
  /** Flow counts in the reported period, row-major: flow[from × n + to]. */
  flow: Float64Array;
  /** Days-to-home histogram of all reported cohorts (bins of HISTOGRAM_BIN_DAYS). */
  daysToHome: Float64Array;
  /** The goal year's outcome. */
  goal: { triageShare: number; rehousingShare: number; met: boolean };
}

/**
 * The columns of one result as views on a single buffer, handed out in the order asked for,
 * so that a result crosses a worker boundary as one transfer: transferring costs per buffer,
 * not per byte (about 100 columns took four times as long as one buffer).
 */
export class ResultColumns {
  private readonly buffer: Float64Array;
  private used = 0;

  constructor(layout: ResultLayout) {
    this.buffer = new Float64Array(
      layout.yearly.length * layout.years.length +
        layout.weekly.length * layout.weeks +
        layout.flowNodes.length ** 2 +
        HISTOGRAM_BINS,
    );
  }

  /** The next `length` numbers of the buffer, all 0. */
  take(length: number): Float64Array {
    if (this.used + length > this.buffer.length) {
      throw new RangeError(`result columns: ${length} more numbers do not fit the layout`);
    }
    const view = this.buffer.subarray(this.used, this.used + length);
    this.used += length;
    return view;
  }
}

/** Every buffer of a result, for `transfer` across a worker boundary. */
export function resultBuffers(r: ReplicationResult): ArrayBuffer[] {
  return [...Object.values(r.yearly), ...Object.values(r.weekly), r.flow, r.daysToHome].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
