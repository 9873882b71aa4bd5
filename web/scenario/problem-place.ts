// Where in a scenario a problem is, in the editor's words instead of a JSON path:
// "Voorzieningen › “Nachtopvang” › Plekken › 2024" for facilities[0].capacity.2024. For a
// scenario that was refused, so there is no editor to point at. The place is found where the
// data is (in the validation worker) as steps without words; the page puts them in words.
import type { Key, T } from '../i18n/index.ts';
import { isKey } from '../i18n/index.ts';
import type { Path } from '../editor/json-path.ts';

/** One step of a place, without words. */
export type PlaceStep =
  /** A named part or field (`facilities`, `capacity`), or a year or month key. */
  | { kind: 'key'; key: string }
  /** An item of a list, by the name a user gave it, or else by its position (0-based). */
  | { kind: 'item'; index: number; name?: string }
  /** A value of a group keyed by household type (`pathways.single`), by the type's label. */
  | { kind: 'perType'; key: string; type: string };

/** Where a problem is: its steps from the top of the scenario (none: the whole scenario). */
export type Place = PlaceStep[];

/** Parts of a scenario whose word in the editor is not `field_<key>`. */
const PARTS: Record<string, Key> = {
  householdTypes: 'householdTypes',
  facilities: 'facilities',
  arrivals: 'arrivalStreams',
  triage: 'group_triage',
  housing: 'group_housing',
  contingents: 'contingents',
  market: 'market',
  relapse: 'relapse',
  uncertain: 'group_uncertain',
  goal: 'group_goal',
  delayDays: 'delayDays',
  dist: 'dist',
  mean: 'mean',
  cv: 'cv',
  values: 'values',
  weights: 'weights',
};

/** Groups of named values keyed by a household type's id, and their word. */
const PER_HOUSEHOLD_TYPE: Record<string, Key> = {
  pathways: 'pathways',
  meanWaitDays: 'field_meanWaitDays',
};

/** Longest name shown (characters); longer names are cut with an ellipsis. */
const NAME_CHARS = 60;

const child = (x: unknown, key: string | number): unknown =>
  x !== null && typeof x === 'object' ? (x as Record<string | number, unknown>)[key] : undefined;

/** The name a user gave an item of a list (a facility's name, a range's label, …), if any. */
function itemName(item: unknown): string | undefined {
  for (const field of ['name', 'label', 'owner']) {
    const v = child(item, field);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

/** The label of household type `id` in `data`, or the id itself. */
function householdTypeLabel(data: unknown, id: string): string {
  const types = child(data, 'householdTypes');
  const type = Array.isArray(types) ? types.find((x) => child(x, 'id') === id) : undefined;
  return itemName(type) ?? id;
}

/** The place of `path` in `data` (the scenario as written). */
export function placeOf(path: Path, data: unknown): Place {
  const steps: Place = [];
  let at: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (typeof step === 'number') {
      at = child(at, step);
      steps.push({ kind: 'item', index: step, name: itemName(at) });
    } else if (Object.hasOwn(PER_HOUSEHOLD_TYPE, step) && i + 1 < path.length) {
      const type = String(path[i + 1]);
      steps.push({ kind: 'perType', key: step, type: householdTypeLabel(data, type) });
      at = child(child(at, step), type);
      i++;
    } else {
      at = child(at, step);
      steps.push({ kind: 'key', key: step });
    }
  }
  return steps;
}

function quoted(text: string): string {
  const short = text.length > NAME_CHARS ? `${text.slice(0, NAME_CHARS - 1)}…` : text;
  return `“${short}”`;
}

function keyWord(key: string, t: T): string {
  if (Object.hasOwn(PARTS, key)) return t(PARTS[key]);
  const field = `field_${key}`;
  if (isKey(field)) return t(field);
  if (/^\d{4}(-\d{2})?$/.test(key)) return key; // a year or month of a step function
  return quoted(key);
}

/** A place in the words of `t`, e.g. "Voorzieningen › “Nachtopvang” › Plekken › 2024". */
export function placeWords(place: Place, t: T): string {
  if (place.length === 0) return t('placeScenario');
  return place
    .map((s) =>
      s.kind === 'item'
        ? s.name
          ? quoted(s.name)
          : t('placeItem', { n: s.index + 1 })
        : s.kind === 'perType'
          ? t(PER_HOUSEHOLD_TYPE[s.key], { type: quoted(s.type) })
          : keyWord(s.key, t),
    )
    .join(' › ');
}

/**
 * Words for the places in `data`: the steps of a path after its first `from` segments (all of
 * it for 0), or undefined when there are none. For marking problems in the editor, where the
 * field that lists a problem already says the first part.
 */
export function placeBelow(data: unknown, t: T): (path: Path, from: number) => string | undefined {
  return (path, from) => {
    const steps = placeOf(path, data).slice(placeOf(path.slice(0, from), data).length);
    return steps.length > 0 ? placeWords(steps, t) : undefined;
  };
}
