/**
 * The people of a replication as rows of typed-array columns: a person is a row index.
 * One table serves every replication of a batch ({@link People.reset}); it grows by doubling
 * when a run needs more rows, so a replication allocates no per-person objects.
 *
 * A column array is replaced when the table grows: read columns through the table
 * (`people.arrival[p]`), never keep one across a call that may add a person.
 */
import { PersonState } from './person-state.ts';

const INITIAL_ROWS = 8192;

export class People {
  /** Rows in use (persons made in this replication). */
  count = 0;
  private rows = 0;

  // Who the person is (set when made).
  /** Index of the arrival stream, or -1 for an initial occupant. */
  stream!: Int16Array;
  /** Index into scenario.householdTypes. */
  type!: Int16Array;
  /** Arrival time (days since warm-up start). */
  arrival!: Float64Array;
  /** 1 for a returning (relapsed) person. */
  returning!: Uint8Array;
  /** Reported year index (0 = startYear) of the goal cohort the person counts in, or -1. */
  cohortYear!: Int16Array;

  // Where the person is (changes as the episode goes on).
  /** A {@link PersonState}. */
  state!: Uint8Array;
  /** Location (see location.ts). */
  location!: Int16Array;
  /** Facility index of the place held, or -1. */
  holding!: Int16Array;
  /** When the place held was taken (days). */
  admittedAt!: Float64Array;
  /** Index in PATHWAYS of the pathway, or -1 before triage. */
  pathway!: Int8Array;
  /** Index in HOUSING_ROUTES of the route to a home, or -1 until housing-ready. */
  route!: Int8Array;
  /** First time (days) the person reached a suitable home, NaN until then. */
  homeTime!: Float64Array;
  /** Order in which persons became housing-ready (0, 1, …), -1 until ready. */
  readySeq!: Int32Array;
  /** Handle of the pending give-up event, or -1. */
  patienceHandle!: Float64Array;
  /** Handle of the pending regular-market home, or -1. */
  marketHandle!: Float64Array;

  // Random attributes, drawn at arrival (days unless stated).
  /** Years lived in the region at entry. */
  tenureYears!: Float64Array;
  /**
   * Tenure at entry (days) minus arrival time: the person meets a binding rule of B years
   * at time t when bindingKey ≥ B × 365 − t (tenure + time in chain ≥ B).
   */
  bindingKey!: Float64Array;
  /** 1 if the person leaves within days with an own solution (crisis entries only). */
  selfResolves!: Uint8Array;
  /** Days until a self-resolving person leaves (NaN for others). */
  selfResolveDays!: Float64Array;
  /** Days the person would wait in the street queue before giving up (Infinity: never). */
  patienceDays!: Float64Array;
  /** Days from arrival to triage (NaN when not triaged). */
  triageDelayDays!: Float64Array;
  /** Uniform draw choosing the triage pathway. */
  pathwayU!: Float64Array;
  /** Uniform draw deciding whether, once housing-ready, the person waits elsewhere. */
  elsewhereU!: Float64Array;
  /** Unit-exponential draw: market wait = this × mean market wait. */
  marketE!: Float64Array;
  /** 1 if the person returns to the chain some time after being housed. */
  relapses!: Uint8Array;
  /** Days from being housed to returning (NaN for those who do not relapse). */
  relapseDays!: Float64Array;

  constructor(rows = INITIAL_ROWS) {
    this.resize(Math.max(16, rows));
  }

  /** Empties the table for the next replication (the columns are kept). */
  reset(): void {
    this.count = 0;
  }

  /**
   * A new row with its fields at their starting values (arriving, nowhere, nothing drawn);
   * the caller sets who the person is.
   */
  add(): number {
    if (this.count === this.rows) this.resize(this.rows * 2);
    const p = this.count++;
    this.state[p] = PersonState.Arriving;
    this.location[p] = 0;
    this.holding[p] = -1;
    this.admittedAt[p] = NaN;
    this.pathway[p] = -1;
    this.route[p] = -1;
    this.homeTime[p] = NaN;
    this.readySeq[p] = -1;
    this.patienceHandle[p] = -1;
    this.marketHandle[p] = -1;
    this.cohortYear[p] = -1;
    this.selfResolveDays[p] = NaN;
    this.patienceDays[p] = Infinity;
    this.triageDelayDays[p] = NaN;
    this.relapseDays[p] = NaN;
    return p;
  }

  private resize(rows: number): void {
    const grow = <T extends Float64Array | Int32Array | Int16Array | Int8Array | Uint8Array>(
      old: T | undefined,
      fresh: T,
    ): T => {
      if (old) fresh.set(old.subarray(0, this.count));
      return fresh;
    };
    this.stream = grow(this.stream, new Int16Array(rows));
    this.type = grow(this.type, new Int16Array(rows));
    this.arrival = grow(this.arrival, new Float64Array(rows));
    this.returning = grow(this.returning, new Uint8Array(rows));
    this.cohortYear = grow(this.cohortYear, new Int16Array(rows));
    this.state = grow(this.state, new Uint8Array(rows));
    this.location = grow(this.location, new Int16Array(rows));
    this.holding = grow(this.holding, new Int16Array(rows));
    this.admittedAt = grow(this.admittedAt, new Float64Array(rows));
    this.pathway = grow(this.pathway, new Int8Array(rows));
    this.route = grow(this.route, new Int8Array(rows));
    this.homeTime = grow(this.homeTime, new Float64Array(rows));
    this.readySeq = grow(this.readySeq, new Int32Array(rows));
    this.patienceHandle = grow(this.patienceHandle, new Float64Array(rows));
    this.marketHandle = grow(this.marketHandle, new Float64Array(rows));
    this.tenureYears = grow(this.tenureYears, new Float64Array(rows));
    this.bindingKey = grow(this.bindingKey, new Float64Array(rows));
    this.selfResolves = grow(this.selfResolves, new Uint8Array(rows));
    this.selfResolveDays = grow(this.selfResolveDays, new Float64Array(rows));
    this.patienceDays = grow(this.patienceDays, new Float64Array(rows));
    this.triageDelayDays = grow(this.triageDelayDays, new Float64Array(rows));
    this.pathwayU = grow(this.pathwayU, new Float64Array(rows));
    this.elsewhereU = grow(this.elsewhereU, new Float64Array(rows));
    this.marketE = grow(this.marketE, new Float64Array(rows));
    this.relapses = grow(this.relapses, new Uint8Array(rows));
    this.relapseDays = grow(this.relapseDays, new Float64Array(rows));
    this.rows = rows;
  }
}
