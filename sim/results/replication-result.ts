/**
 * What one replication returns: columns of numbers (typed arrays, so they cross the
 * worker boundary by transfer), laid out by a {@link ResultLayout} derived from the
 * scenario alone. NaN means "did not happen / not defined" (e.g. an empty cohort).
 */
import { HOUSING_ROUTES, type Scenario } from '../scenario/schema.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';

/** Width of a days-to-home histogram bin (days). */
export const HISTOGRAM_BIN_DAYS = 7;
/** Number of histogram bins; the last one holds everything from 52 weeks on. */
export const HISTOGRAM_BINS = 53;

/** Yearly figures reported for the whole chain (per calendar year). */
export const CHAIN_KPIS = [
  /** Episodes arriving (new and returning), all entries. */
  'arrivals',
  /** Of which arriving at a crisis shelter. */
  'crisisArrivals',
  /** Of which returning after being housed (relapse). */
  'returning',
  /** Arrivals who found their crisis shelter full and had to wait outside. */
  'turnedAway',
  /** Person-days spent in street queues. */
  'streetDays',
  'selfResolved',
  /** Gave up waiting in the street queue (hidden demand). */
  'gaveUp',
  /** Left the chain after triage or after a stay (care, Wlz, out of region). */
  'exits',
  /** Housed, by any route. */
  'housed',
  'housedContingent',
  'housedMarket',
  /** Mean number of housing-ready persons waiting for a home. */
  'waitingHome',
  /** Goal cohort of the year: crisis arrivals that did not self-resolve. */
  'cohortSize',
  /** Share of the year's cohort triaged within goal.triageDays of arrival. */
  'triageShare',
  /** Share of the year's cohort (excluding triage exits) home within goal.homeDays. */
  'rehousingShare',
  /** Median days from arrival to a home in the year's cohort (NaN if not reached by half). */
  'daysToHomeP50',
  /** 90th percentile of days from arrival to a home (NaN if not reached by 90%). */
  'daysToHomeP90',
] as const;
export type ChainKpi = (typeof CHAIN_KPIS)[number];

/**
 * Yearly figures per facility, named `<kpi>:<facilityId>`: mean occupancy (persons),
 * place-days, cost (euro), admissions, departures, and the summed length of the stays
 * that ended in the year (days; with departures it gives the mean sojourn, for Little's law).
 */
export const FACILITY_KPIS = [
  'occupancy',
  'placeDays',
  'cost',
  'admissions',
  'departures',
  'stayDays',
] as const;
/**
 * Yearly figures per housing route (independent, housingFirst, shelter24, bw, training),
 * named `<kpi>:<route>`: persons housed, their summed days from arrival to housed, and the
 * same for those who already met the regional-binding rule when they arrived.
 */
export const ROUTE_KPIS = [
  'housed',
  'housedDays',
  'housedBoundAtEntry',
  'housedBoundAtEntryDays',
] as const;

/** Yearly figures per contingent, named `<kpi>:<contingentId>`. */
export const CONTINGENT_KPIS = ['delivered', 'used', 'lapsed', 'refused'] as const;

/** Weekly series of levels, time-averaged per week. */
export const QUEUE_SERIES = [
  /** Persons in street queues (all crisis shelters). */
  'street',
  /** Triaged persons waiting for a 24-hour shelter place (inside a shelter or outside). */
  'waitShelter24',
  'waitBw',
  'waitTraining',
  /** Housing-ready persons waiting for a home. */
  'waitHome',
  /** Of whom holding a place (blocking). */
  'waitHomeBlocking',
] as const;

/** Terminal and waiting nodes of the flow matrix (facility ids go between). */
export const FLOW_NODES_BEFORE = ['arrival', 'street', 'waitingOutside', 'readyElsewhere'] as const;
export const FLOW_NODES_AFTER = ['housed', 'selfResolved', 'gaveUp', 'exit'] as const;

/** Names and sizes of every column, derived from the scenario alone. */
export interface ResultLayout {
  /** Reported calendar years. */
  years: number[];
  /** Number of reported weeks (the last may be partial). */
  weeks: number;
  /** Names of the yearly columns. */
  yearly: string[];
  /** Names of the weekly series: `occupancy:<facilityId>` and QUEUE_SERIES. */
  weekly: string[];
  /** Nodes of the flow matrix, in row/column order. */
  flowNodes: string[];
}

export function resultLayout(s: Scenario): ResultLayout {
  const years: number[] = [];
  for (let y = s.startYear; y <= s.endYear; y++) years.push(y);
  return {
    years,
    weeks: Math.ceil((years.length * DAYS_PER_YEAR) / 7),
    yearly: [
      ...CHAIN_KPIS,
      ...s.facilities.flatMap((f) => FACILITY_KPIS.map((k) => `${k}:${f.id}`)),
      ...HOUSING_ROUTES.flatMap((r) => ROUTE_KPIS.map((k) => `${k}:${r}`)),
      ...s.housing.contingents.flatMap((c) => CONTINGENT_KPIS.map((k) => `${k}:${c.id}`)),
    ],
    weekly: [...s.facilities.map((f) => `occupancy:${f.id}`), ...QUEUE_SERIES],
    flowNodes: [...FLOW_NODES_BEFORE, ...s.facilities.map((f) => f.id), ...FLOW_NODES_AFTER],
  };
}

/** The outcome of one replication. */
export interface ReplicationResult {
  replication: number;
  /** Events the engine fired. */
  events: number;
  /** Yearly columns by name (see ResultLayout.yearly), each of length years. */
  yearly: Record<string, Float64Array>;
  /** Weekly series by name (see ResultLayout.weekly), each of length weeks. */
  weekly: Record<string, Float64Array>;
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
