/**
 * What counts as a suitable home for the goal: a home (by a contingent unit or the regular
 * market), or a place in beschermd wonen or a training home, which are homes with support.
 * A crisis or 24-hour shelter place is not. A person's days to a home count up to the
 * first of these.
 */
import type { FacilityKind } from '../scenario/schema.ts';

/** Whether taking a place of a facility of `kind` means reaching a suitable home. */
export function placeIsHome(kind: FacilityKind): boolean {
  return kind === 'bw' || kind === 'training';
}
