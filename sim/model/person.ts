/**
 * A person (or household) in one episode in the chain: from arrival to being housed or
 * leaving. Random attributes are drawn at arrival from the person's own streams, so a
 * change elsewhere in the scenario does not change who this person is.
 */
import type { HousingRoute, Pathway } from '../scenario/schema.ts';
import { DAYS_PER_YEAR } from '../scenario/calendar.ts';

/** Random attributes drawn at arrival (days unless stated). */
export interface PersonDraws {
  /** Years lived in the region at entry. */
  tenureYears: number;
  /** Leaves within days with an own solution (crisis entries only). */
  selfResolves: boolean;
  /** Days until a self-resolving person leaves (NaN for others). */
  selfResolveDays: number;
  /** Days the person would wait in the street queue before giving up (Infinity: never). */
  patienceDays: number;
  /** Days from arrival to triage (NaN when not triaged: self-resolvers, direct entries). */
  triageDelayDays: number;
  /** Uniform draw choosing the triage pathway. */
  pathwayU: number;
  /** Uniform draw deciding whether, once housing-ready, the person waits elsewhere. */
  elsewhereU: number;
  /** Unit-exponential draw: market wait = this × mean market wait. */
  marketE: number;
  /** Returns to the chain some time after being housed. */
  relapses: boolean;
  /** Days from being housed to returning (NaN for those who do not relapse). */
  relapseDays: number;
}

export class Person {
  /** Flow-node index of where the person is now (see NodeIndex in tallies). */
  location = 0;
  /** Facility index of the place held, or -1. */
  holding = -1;
  /** When the place held was taken (days). */
  admittedAt = NaN;
  /** Time of triage (days), NaN until triaged. */
  triageTime = NaN;
  pathway: Pathway | undefined = undefined;
  /** First time (days) the person reached a suitable home, NaN until then. */
  homeTime = NaN;
  /** Time (days) the person became ready for a home, NaN until then. */
  readyTime = NaN;
  route: HousingRoute | undefined = undefined;
  /** Index of `route` in HOUSING_ROUTES, -1 until ready. */
  routeIndex = -1;
  /** True once the episode has ended (housed or exited). */
  done = false;
  /** Waiting for a place of this facility kind (shelter24, bw, training), if any. */
  waitingForPlace = false;
  /** Handle of the pending give-up event, or -1. */
  patienceHandle = -1;
  marketHandle = -1;

  constructor(
    /** Episode sequence number within the replication. */
    readonly id: number,
    /** Index of the arrival stream (or -1 for an initial occupant). */
    readonly stream: number,
    /** Index into scenario.householdTypes. */
    readonly type: number,
    /** Index into scenario.facilities where this episode entered. */
    readonly entry: number,
    /** Arrival time (days since warm-up start). */
    readonly arrival: number,
    /** A returning (relapsed) person. */
    readonly returning: boolean,
    /** Counts in its arrival year's goal cohort. */
    readonly cohort: boolean,
    readonly draws: PersonDraws,
  ) {
    this.bindingKey = draws.tenureYears * DAYS_PER_YEAR - arrival;
  }

  /**
   * Tenure at entry (days) minus arrival time: the person meets a binding rule of B years
   * at time t when bindingKey ≥ B × 365 − t (tenure + time in chain ≥ B).
   */
  readonly bindingKey: number;
}
