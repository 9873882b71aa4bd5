// What a decoded link opens: the scenario to edit (the link's own, or a library scenario),
// with the link's seed and replications, validated; and the library scenario it equals if
// only those run settings differ. Pure: the page shows the outcome, it does not decide it.
import { validateScenario, type Problem, type Validation } from '../sim/scenario/validate.ts';
import type { LibraryScenario } from './catalogue.ts';
import { cloneJson, stableStringify } from './editor/json-path.ts';
import type { LinkState } from './url-state.ts';

type Json = Record<string, unknown>;

/** A link opened: the draft, the scenario it was loaded from (for change marks), its check. */
export type Opened =
  | { ok: true; data: Json; base: Json; baseId: string | undefined; validation: Validation }
  /** The link's scenario is not an object. */
  | { ok: false; reason: 'noScenario' }
  /** The link names a library scenario that is not there. */
  | { ok: false; reason: 'unknownId'; id: string | undefined }
  /** The scenario, with the link's run settings, does not pass the validator. */
  | { ok: false; reason: 'invalid'; problems: Problem[] };

/**
 * The scenario a link opens. `library[0]` is the default (a link without a scenario).
 * The link's scenario, with its seed and replications, goes through the validator.
 */
export function openLink(link: LinkState, library: readonly LibraryScenario[]): Opened {
  let data: Json;
  let base: Json;
  let baseId: string | undefined;
  if (link.scenario.kind === 'inline') {
    const inline = link.scenario.data;
    if (!inline || typeof inline !== 'object' || Array.isArray(inline)) {
      return { ok: false, reason: 'noScenario' };
    }
    data = inline as Json;
    base = data;
  } else {
    const id = link.scenario.kind === 'library' ? link.scenario.id : library[0]?.id;
    const lib = library.find((s) => s.id === id);
    if (!lib) return { ok: false, reason: 'unknownId', id };
    data = lib.input;
    base = lib.input;
    baseId = lib.id;
  }
  data = cloneJson(data);
  if (link.seed !== undefined && String(data.seed ?? '') !== link.seed) data.seed = link.seed;
  if (link.replications !== undefined) data.replications = link.replications;
  const validation = validateScenario(cloneJson(data));
  if (!validation.ok) return { ok: false, reason: 'invalid', problems: validation.problems };
  if (link.scenario.kind === 'inline') {
    // The library scenario it is, if only the run settings (seed, replications) differ.
    const key = (x: Json) => stableStringify({ ...x, seed: undefined, replications: undefined });
    baseId = library.find((s) => key(s.input) === key(base))?.id;
  }
  return { ok: true, data, base, baseId, validation };
}
