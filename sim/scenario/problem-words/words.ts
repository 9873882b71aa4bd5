/**
 * What a problem catalogue writes with: numbers, shares and lists in its language, and the
 * words for facility kinds and housing routes.
 */
import type { Problem, ProblemCode, ProblemParams } from '../problem.ts';
import type { FacilityKind, HousingRoute } from '../schema.ts';
import { locale, plainNumber, plainPercent, type Lang } from '../../results/format.ts';

/** Helpers a catalogue's sentences are written with. */
export interface Words {
  /** A number as given, up to 6 decimals, grouped from 10,000 on ("2024", "10.000", "0,25" in Dutch). */
  n(x: number): string;
  /** A share (0–1) as a percentage, up to 2 decimals. */
  pct(x: number): string;
  /** Names as a list ("a, b en c"); beyond 10 names the rest is counted. */
  list(names: readonly string[]): string;
  /** A facility kind in words ("24-hour shelter"). */
  kind(kind: string): string;
  /** A housing route in words ("via supported housing"). */
  route(route: string): string;
  /** The sentence of a problem within this one, with its place. */
  inner(p: Problem): string;
}

/** A language's sentence for every problem code; a missing code fails the type-check. */
export type Catalogue = {
  [C in ProblemCode]: (p: ProblemParams[C], w: Words) => string;
};

/** The words a catalogue gives for kinds and routes, and for "and N more". */
export interface Vocabulary {
  kinds: Record<FacilityKind, string>;
  routes: Record<HousingRoute, string>;
  more(count: string): string;
}

/** At most this many names are written in one list. */
const LISTED = 10;

const listFormats = new Map<Lang, Intl.ListFormat>();
function listFormat(lang: Lang): Intl.ListFormat {
  let f = listFormats.get(lang);
  if (!f) {
    f = new Intl.ListFormat(locale(lang), { type: 'conjunction' });
    listFormats.set(lang, f);
  }
  return f;
}

/** The helpers for `lang`, with its vocabulary, writing inner problems with `inner`. */
export function wordsFor(lang: Lang, v: Vocabulary, inner: (p: Problem) => string): Words {
  const n = (x: number) => plainNumber(x, lang);
  return {
    n,
    pct: (x) => plainPercent(x, lang),
    list: (names) =>
      names.length > LISTED
        ? `${names.slice(0, LISTED).join(', ')} ${v.more(n(names.length - LISTED))}`
        : listFormat(lang).format(names),
    kind: (k) => v.kinds[k as FacilityKind] ?? k,
    route: (r) => v.routes[r as HousingRoute] ?? r,
    inner,
  };
}
