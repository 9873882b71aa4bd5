/**
 * A problem of the validator as a sentence in the user's language, from its code and
 * values. The CLI and the web app both write problems through here.
 */
import type { Problem, ProblemCode } from '../problem.ts';
import type { Lang } from '../../results/format.ts';
import { wordsFor, type Catalogue, type Vocabulary, type Words } from './words.ts';
import { en, vocabulary as enWords } from './en.ts';
import { nl, vocabulary as nlWords } from './nl.ts';

const CATALOGUES: Record<Lang, { sentences: Catalogue; vocabulary: Vocabulary }> = {
  en: { sentences: en, vocabulary: enWords },
  nl: { sentences: nl, vocabulary: nlWords },
};

/** Every problem code, in the order of the catalogues. */
export const PROBLEM_CODES = Object.keys(en) as ProblemCode[];

/**
 * How a problem inside another one (an end of a parameter range that breaks the scenario)
 * names its place: a JSON path by default; the web app passes its place in words.
 */
export type PlaceOf = (p: Problem) => string;

/**
 * The sentence of problem `p` in `lang`, e.g. "mag niet negatief zijn" for a negative
 * count. Its place is not part of it (the caller says where).
 */
export function sentence(p: Problem, lang: Lang, placeOf: PlaceOf = (q) => q.where): string {
  const { sentences, vocabulary } = CATALOGUES[lang];
  const w = wordsFor(lang, vocabulary, (q) => `${placeOf(q)}: ${sentence(q, lang, placeOf)}`);
  const write = sentences[p.code] as (params: Problem['params'], w: Words) => string;
  return write(p.params, w);
}
