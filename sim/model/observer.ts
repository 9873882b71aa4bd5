/**
 * What the model reports while it runs: the narrow interface through which results are
 * counted. The model calls these as things happen and never keeps result columns itself;
 * an observer (sim/results/replication-tallies.ts) turns them into yearly, weekly and flow
 * figures. Times are model days since warm-up start; `cohortYear` is the reported year
 * index of the person's goal cohort, or -1 when they are not in one (see goal.ts).
 */

/** Levels the model changes over time (occupancy per facility, then the queues). */
export const QueueLevel = {
  /** Persons in street queues (all crisis shelters). */
  street: 0,
  /** Triaged persons waiting for a 24-hour shelter place (inside a shelter or outside). */
  waitShelter24: 1,
  waitBw: 2,
  waitTraining: 3,
  /** Housing-ready persons waiting for a home. */
  waitHome: 4,
  /** Of whom holding a place (blocking). */
  waitHomeBlocking: 5,
} as const;

/** What happened to a contingent's unit. */
export const UnitOutcome = { delivered: 0, used: 1, lapsed: 2, refused: 3 } as const;
export type UnitOutcome = (typeof UnitOutcome)[keyof typeof UnitOutcome];

export interface ChainObserver {
  /** A person arrived at `t`; `crisis`: at a crisis shelter. */
  arrived(t: number, crisis: boolean, returning: boolean, cohortYear: number): void;
  /** A person was triaged at `t`, `daysSinceArrival` after arriving. */
  triaged(t: number, cohortYear: number, daysSinceArrival: number, toExit: boolean): void;
  /** A person reached a suitable home for the first time at `t`. */
  reachedHome(t: number, cohortYear: number, daysSinceArrival: number): void;
  /** A crisis entrant found no free place at `t` and joined the street queue. */
  turnedAway(t: number): void;
  /** A place of facility `facility` was taken at `t`. */
  admitted(facility: number, t: number): void;
  /** A stay of `stayDays` in facility `facility` ended at `t`. */
  departed(facility: number, t: number, stayDays: number): void;
  /**
   * A person was housed at `t` after `daysInChain` days, by route `route` (index in
   * HOUSING_ROUTES); `boundAtEntry`: met the regional-binding rule when they arrived.
   */
  housed(
    t: number,
    byContingent: boolean,
    route: number,
    boundAtEntry: boolean,
    daysInChain: number,
  ): void;
  /** A person left the chain at `t` to end location `location` (not housed). */
  exited(location: number, t: number): void;
  /** A unit of contingent `contingent` had `outcome` at `t`. */
  unit(contingent: number, outcome: UnitOutcome, t: number): void;
  /** A person moved from location `from` to `to` at `t`. */
  moved(from: number, to: number, t: number): void;
  /** Occupancy of facility `facility` changed by `delta` at `t`. */
  occupancyChanged(facility: number, t: number, delta: number): void;
  /** Queue level `level` (a {@link QueueLevel}) changed by `delta` at `t`. */
  queueChanged(level: number, t: number, delta: number): void;
}
