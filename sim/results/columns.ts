/**
 * The names of the result columns, in one place: every kind of yearly column and weekly
 * series, with a typed constructor for each, so no other file spells a `<kpi>:<id>` name by
 * hand. The names are also what exported files call the figures (e.g. the weekly CSV's
 * `occupancy:<facilityId>_mean`), so they must not change.
 */
import type { HousingRoute } from '../scenario/schema.ts';

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
/** A chain-wide yearly figure; its column is named by the figure alone. */
export type ChainKpi = (typeof CHAIN_KPIS)[number];

/**
 * Yearly figures per facility (column {@link facilityColumn}): mean occupancy (persons),
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
export type FacilityKpi = (typeof FACILITY_KPIS)[number];

/**
 * Yearly figures per housing route (column {@link routeColumn}): persons housed, their
 * summed days from arrival to housed, and the same for those who already met the
 * regional-binding rule when they arrived.
 */
export const ROUTE_KPIS = [
  'housed',
  'housedDays',
  'housedBoundAtEntry',
  'housedBoundAtEntryDays',
] as const;
export type RouteKpi = (typeof ROUTE_KPIS)[number];

/** Yearly figures per contingent (column {@link contingentColumn}): what became of its units. */
export const CONTINGENT_KPIS = ['delivered', 'used', 'lapsed', 'refused'] as const;
export type ContingentKpi = (typeof CONTINGENT_KPIS)[number];

/** Weekly series of levels, time-averaged per week (persons). */
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
export type QueueSeries = (typeof QUEUE_SERIES)[number];

/** The name of a yearly column: a chain-wide figure, or a figure of one facility, route or contingent. */
export type YearlyColumn =
  | ChainKpi
  | `${FacilityKpi}:${string}`
  | `${RouteKpi}:${HousingRoute}`
  | `${ContingentKpi}:${string}`;

/** The name of a weekly series: a queue, or the occupancy of one facility. */
export type WeeklySeries = QueueSeries | `occupancy:${string}`;

/** The column of chain-wide figure `kpi`. */
export function chainColumn(kpi: ChainKpi): YearlyColumn {
  return kpi;
}

/** The column of figure `kpi` of facility `facilityId`. */
export function facilityColumn(kpi: FacilityKpi, facilityId: string): YearlyColumn {
  return `${kpi}:${facilityId}`;
}

/** The column of figure `kpi` of housing route `route`. */
export function routeColumn(kpi: RouteKpi, route: HousingRoute): YearlyColumn {
  return `${kpi}:${route}`;
}

/** The column of figure `kpi` of contingent `contingentId`. */
export function contingentColumn(kpi: ContingentKpi, contingentId: string): YearlyColumn {
  return `${kpi}:${contingentId}`;
}

/** The column of the mean occupancy of facility `facilityId` in a year (persons). */
export function occupancyOf(facilityId: string): YearlyColumn {
  return facilityColumn('occupancy', facilityId);
}

/** The weekly series of the occupancy of facility `facilityId` (persons). */
export function occupancySeries(facilityId: string): WeeklySeries {
  return `occupancy:${facilityId}`;
}

/** The weekly CSV's column of the places of facility `facilityId` (a name users see in files). */
export function capacityColumn(facilityId: string): string {
  return `capacity:${facilityId}`;
}
