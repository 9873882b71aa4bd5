// What a decoded link opens: the scenario to edit (the link's own, or a library scenario),
// with the link's seed and replications, checked; and the library scenario it equals if
// only those run settings differ. Pure: the page shows the outcome, it does not decide it.
import type { Validation } from '../../sim/scenario/validate.ts';
import type { LibraryScenario } from './catalogue.ts';
import { stableStringify } from '../editor/json-path.ts';
import type { Refusal } from './refusal.ts';
import { checkScenarioData, notAScenario } from './scenario-check.ts';
import type { LinkState } from './url-state.ts';

type Json = Record<string, unknown>;

/** A link opened: the draft, the scenario it was loaded from (for change marks), its check. */
export type Opened =
  | { ok: true; data: Json; base: Json; baseId: string | undefined; validation: Validation }
  /** Why the link opens nothing: not a scenario, a newer one, an unknown id, invalid, … */
  | { ok: false; refusal: Refusal };

/**
 * The scenario a link opens. `library[0]` is the default (a link without a scenario).
 * The link's scenario, with its seed and replications, goes through the scenario check.
 * Never throws.
 */
export function openLink(link: LinkState, library: readonly LibraryScenario[]): Opened {
  let data: Json;
  let base: Json;
  let baseId: string | undefined;
  if (link.scenario.kind === 'inline') {
    // Not a scenario at all: refused before the run settings go in (they would make any
    // object look like one).
    const notOne = notAScenario(link.scenario.data);
    if (notOne) return { ok: false, refusal: notOne };
    data = link.scenario.data as Json;
    base = data;
  } else {
    const id = link.scenario.kind === 'library' ? link.scenario.id : library[0]?.id;
    const lib = library.find((s) => s.id === id);
    if (!lib) return { ok: false, refusal: { kind: 'unknownScenario' } };
    data = lib.input;
    base = lib.input;
    baseId = lib.id;
  }
  // A shallow copy is enough: only top-level run settings are set.
  data = { ...data };
  if (link.seed !== undefined && String(data.seed ?? '') !== link.seed) data.seed = link.seed;
  if (link.replications !== undefined) data.replications = link.replications;
  const checked = checkScenarioData(data);
  if (!checked.ok) return checked;
  if (link.scenario.kind === 'inline') {
    // The library scenario it is, if only the run settings (seed, replications) differ.
    const key = (x: Json) => stableStringify({ ...x, seed: undefined, replications: undefined });
    const own = key(base);
    baseId = library.find((s) => key(s.input) === own)?.id;
  }
  return { ok: true, data, base, baseId, validation: { ok: true, scenario: checked.scenario } };
}
