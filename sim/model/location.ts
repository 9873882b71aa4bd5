/**
 * Where a person is, as one small integer: a waiting place, a facility, or where they went.
 * The order is that of the flow matrix in the results: the waiting places, then one
 * location per facility (in scenario order), then the places an episode ends.
 */

/** Locations before the facilities. */
export const LOCATIONS_BEFORE = ['arrival', 'street', 'waitingOutside', 'readyElsewhere'] as const;
/** Locations after the facilities: where episodes end. */
export const LOCATIONS_AFTER = ['housed', 'selfResolved', 'gaveUp', 'exit'] as const;

/** Just arrived, not yet anywhere. */
export const ARRIVAL = 0;
/** In the street queue of a crisis shelter (no place). */
export const STREET = 1;
/** Triaged, waiting for a place without holding one. */
export const WAITING_OUTSIDE = 2;
/** Housing-ready, waiting for a home without holding a place. */
export const READY_ELSEWHERE = 3;

/** The location of facility `i` (index in scenario.facilities). */
export function facilityLocation(i: number): number {
  return LOCATIONS_BEFORE.length + i;
}

/** The locations where episodes end, for a scenario with `facilities` facilities. */
export function endLocations(facilities: number) {
  const first = LOCATIONS_BEFORE.length + facilities;
  return { housed: first, selfResolved: first + 1, gaveUp: first + 2, exit: first + 3 };
}

/** Number of locations for a scenario with `facilities` facilities. */
export function locationCount(facilities: number): number {
  return LOCATIONS_BEFORE.length + facilities + LOCATIONS_AFTER.length;
}
