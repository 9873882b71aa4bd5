/**
 * Where an arrival enters the chain. An arrival stream names its entry facility: at a
 * crisis (night) shelter a person takes a free place or joins the street queue and waits
 * to be triaged (or leaves with an own solution first); any other entry (e.g. the central
 * access to beschermd wonen) is pre-triaged: the person's pathway is that facility's kind,
 * and they wait outside for a place of it.
 */
import type { FacilityKind } from '../scenario/schema.ts';
import { PATHWAYS } from '../scenario/schema.ts';

/** Whether entering at a facility of `kind` means waiting for triage at a crisis shelter. */
export function entersForTriage(kind: FacilityKind): boolean {
  return kind === 'crisis';
}

/** The pathway (index in PATHWAYS) of someone entering pre-triaged at a facility of `kind`. */
export function pretriagedPathway(kind: Exclude<FacilityKind, 'crisis'>): number {
  return PATHWAYS.indexOf(kind);
}
