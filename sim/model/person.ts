/**
 * A person (or household) in one episode in the chain: from arrival to being housed or
 * leaving. Random attributes are drawn at arrival from the person's own streams, so a
 * change elsewhere in the scenario does not change who this person is.
 */
import type { HousingRoute, Pathway } from '../scenario/schema.ts';

export class Person {
  /** Flow-node index of where the person is now (see NodeIndex in tallies). */
  location = 0;
  /** Facility index of the place held, or -1. */
  holding = -1;
  /** When the place held was taken (days). */
  admittedAt = NaN;
  pathway: Pathway | undefined = undefined;
  /** First time (days) the person reached a suitable home, NaN until then. */
  homeTime = NaN;
  /** Time (days) the person became ready for a home, NaN until then. */
  readyTime = NaN;
  route: HousingRoute | undefined = undefined;
  /** Order in which persons became housing-ready (0, 1, …), -1 until ready. */
  readySeq = -1;
  /** Index of `route` in HOUSING_ROUTES, -1 until ready. */
  routeIndex = -1;
  /** True once the episode has ended (housed or exited). */
  done = false;
  /** Waiting for a place of this facility kind (shelter24, bw, training), if any. */
  waitingForPlace = false;
  /** Handle of the pending give-up event, or -1. */
  patienceHandle = -1;
  marketHandle = -1;

  // Random attributes, set at arrival by PersonFactory (days unless stated).

  /** Years lived in the region at entry. */
  tenureYears = 0;
  /** Leaves within days with an own solution (crisis entries only). */
  selfResolves = false;
  /** Days until a self-resolving person leaves (NaN for others). */
  selfResolveDays = NaN;
  /** Days the person would wait in the street queue before giving up (Infinity: never). */
  patienceDays = Infinity;
  /** Days from arrival to triage (NaN when not triaged: self-resolvers, direct entries). */
  triageDelayDays = NaN;
  /** Uniform draw choosing the triage pathway. */
  pathwayU = 0;
  /** Uniform draw deciding whether, once housing-ready, the person waits elsewhere. */
  elsewhereU = 0;
  /** Unit-exponential draw: market wait = this × mean market wait. */
  marketE = 0;
  /** Returns to the chain some time after being housed. */
  relapses = false;
  /** Days from being housed to returning (NaN for those who do not relapse). */
  relapseDays = NaN;

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
  ) {}

  /** Counts in its arrival year's goal cohort: entered at a crisis shelter and did not self-resolve. */
  cohort = false;
  /** Reported year index (0 = startYear) of the goal cohort it counts in, or -1. */
  cohortYear = -1;

  /**
   * Tenure at entry (days) minus arrival time: the person meets a binding rule of B years
   * at time t when bindingKey ≥ B × 365 − t (tenure + time in chain ≥ B).
   */
  bindingKey = 0;
}
