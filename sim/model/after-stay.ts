/**
 * What happens after a stay in a 24-hour, BW or training place: with the facility's
 * `exitAfterStayShare` the person leaves the chain (elsewhere, a care setting, unknown);
 * everyone else becomes ready for a home, on the route named after the facility's kind.
 * Once ready, a person holding a place gives it up to wait elsewhere with the scenario's
 * `housing.waitElsewhereShare`; the others keep it (and block it) until housed.
 */
import { HOUSING_ROUTES, type FacilityKind } from '../scenario/schema.ts';

/** Whether the person leaves the chain after the stay, given their uniform draw `u`. */
export function leavesAfterStay(u: number, exitAfterStayShare: number): boolean {
  return u < exitAfterStayShare;
}

/** The route to a home (index in HOUSING_ROUTES) after a stay in a facility of `kind`. */
export function routeAfterStay(kind: Exclude<FacilityKind, 'crisis'>): number {
  return HOUSING_ROUTES.indexOf(kind);
}

/** Whether a housing-ready person holding a place leaves it to wait elsewhere (draw `u`). */
export function waitsElsewhere(u: number, waitElsewhereShare: number): boolean {
  return u < waitElsewhereShare;
}
