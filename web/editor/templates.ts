// New items a user adds in the editor (facility, contingent, arrival stream, household type),
// with unique ids and a note that says they were added by hand. The validator still judges them.
import type { Lang } from '../../sim/results/verdict.ts';

type Json = Record<string, unknown>;

const ADDED: Record<Lang, string> = {
  nl: 'Toegevoegd in de app; vul de bron of aanname aan',
  en: 'Added in the app; fill in the source or assumption',
};

function list(draft: Json, key: string): Json[] {
  const v = draft[key];
  return Array.isArray(v) ? (v as Json[]) : [];
}

/** `${prefix}-N` with the smallest N ≥ 1 not used by any id in `items`. */
export function uniqueId(items: { id?: unknown }[], prefix: string): string {
  const ids = new Set(items.map((i) => i.id));
  for (let n = 1; ; n++) if (!ids.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

function startKey(draft: Json): string {
  return String(typeof draft.startYear === 'number' ? draft.startYear : 2024);
}

function typeIds(draft: Json): string[] {
  return list(draft, 'householdTypes').map((h) => String(h.id));
}

/** A crisis shelter with 10 places for the first household type. */
export function newFacility(draft: Json, lang: Lang): Json {
  return {
    id: uniqueId(list(draft, 'facilities'), lang === 'nl' ? 'voorziening' : 'facility'),
    name: lang === 'nl' ? 'Nieuwe voorziening' : 'New facility',
    kind: 'crisis',
    serves: typeIds(draft).slice(0, 1),
    capacity: { [startKey(draft)]: 10 },
    notes: { capacity: { assumption: ADDED[lang] } },
  };
}

/** A contingent of 20 homes a year for every household type, route independent. */
export function newContingent(draft: Json, lang: Lang): Json {
  const housing = (draft.housing ?? {}) as Json;
  return {
    id: uniqueId(list(housing, 'contingents'), 'contingent'),
    owner: lang === 'nl' ? 'Nieuw contingent' : 'New contingent',
    unitsPerYear: { [startKey(draft)]: 20 },
    routes: ['independent'],
    householdTypes: typeIds(draft),
    requiresBinding: false,
    requiresUrgency: true,
    pattern: 'even',
    acceptance: 0.9,
    unused: 'lapse',
    notes: { unitsPerYear: { assumption: ADDED[lang] } },
  };
}

/** An arrival stream of 20 a year of the first household type at the first crisis shelter. */
export function newArrival(draft: Json, lang: Lang): Json {
  const facilities = list(draft, 'facilities');
  const entry = facilities.find((f) => f.kind === 'crisis') ?? facilities[0];
  return {
    id: uniqueId(list(draft, 'arrivals'), lang === 'nl' ? 'instroom' : 'arrivals'),
    householdType: typeIds(draft)[0] ?? '',
    entry: entry ? String(entry.id) : '',
    ratePerYear: { [startKey(draft)]: 20 },
    notes: { ratePerYear: { assumption: ADDED[lang] } },
  };
}

/**
 * Adds a household type, with triage outcomes (half independent, half exit) and a market
 * search time, so that the scenario stays valid; returns its id.
 */
export function addHouseholdType(draft: Json, lang: Lang): string {
  const types = list(draft, 'householdTypes');
  const id = uniqueId(types, 'type');
  types.push({
    id,
    label: lang === 'nl' ? 'Nieuw huishoudtype' : 'New household type',
    tenureYears: { dist: 'fixed', mean: 5 },
    notes: { tenureYears: { assumption: ADDED[lang] } },
  });
  draft.householdTypes = types;
  const key = startKey(draft);
  const triage = (draft.triage ?? (draft.triage = {})) as Json;
  const pathways = (triage.pathways ?? (triage.pathways = {})) as Json;
  pathways[id] = { [key]: { independent: 0.5, exit: 0.5 } };
  const housing = (draft.housing ?? (draft.housing = {})) as Json;
  const market = (housing.market ?? (housing.market = {})) as Json;
  const wait = (market.meanWaitDays ?? (market.meanWaitDays = {})) as Json;
  wait[id] = { [key]: 1000 };
  return id;
}

/** Removes household type `index` and the triage outcomes and market time kept for it. */
export function removeHouseholdType(draft: Json, index: number): void {
  const types = list(draft, 'householdTypes');
  const [removed] = types.splice(index, 1);
  const id = String(removed?.id);
  const pathways = ((draft.triage as Json | undefined)?.pathways ?? {}) as Json;
  delete pathways[id];
  const wait = (((draft.housing as Json | undefined)?.market as Json | undefined)?.meanWaitDays ??
    {}) as Json;
  delete wait[id];
}

/** A range for the first contingent's size in the start year: its value −50% to +50%. */
export function newUncertain(draft: Json, lang: Lang): Json {
  const key = startKey(draft);
  const housing = (draft.housing ?? {}) as Json;
  const first = list(housing, 'contingents')[0] as Json | undefined;
  const units = (first?.unitsPerYear ?? {}) as Json;
  const value = typeof units[key] === 'number' ? (units[key] as number) : 100;
  return {
    path: `housing.contingents[0].unitsPerYear.${key}`,
    label: lang === 'nl' ? 'Nieuwe bandbreedte' : 'New range',
    low: Math.round(value * 0.5),
    high: Math.round(value * 1.5),
    note: { assumption: ADDED[lang] },
  };
}
