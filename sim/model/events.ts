/**
 * The kinds of event the model schedules. The engine stores an event as (kind, subject)
 * and hands both back to {@link ChainModel}'s dispatcher; the subject is a person's row
 * unless said otherwise.
 */
export const EventKind = {
  /** The next arrival of an arrival stream (subject: index in scenario.arrivals). */
  Arrival: 0,
  /** A crisis entrant is triaged. */
  Triage: 1,
  /** A self-resolving entrant leaves with an own solution. */
  SelfResolve: 2,
  /** A person in the street queue gives up waiting. */
  GiveUp: 3,
  /** A stay in a 24-hour, BW or training place ends. */
  StayEnd: 4,
  /** A housed person who relapses returns (subject: the housed person's row). */
  Return: 5,
  /** A housing-ready person finds a home on the regular market. */
  MarketHome: 6,
  /** A capacity step: admit waiting persons (subject: facility index). */
  CapacityChange: 7,
  /** The next unit of a Poisson or even supply year (subject: supply-year index). */
  SupplyUnit: 8,
  /** The units of one month of monthly supply (subject: monthly-delivery index). */
  MonthlySupply: 9,
  /** A banked unit's bank period ends (subject: the unit's number). */
  BankLapse: 10,
  /** A housing-ready person crosses a line a banked unit needs. */
  EligibilityCheck: 11,
  /** The urgency or binding rule changes: offer every banked unit again (subject: 0). */
  RuleChange: 12,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];
