// The app's words: one catalogue per language (nl.ts, the default, defines the keys; en.ts
// has the same ones), and `translate`, which fills `{name}` placeholders and chooses plural
// forms with the language's plural rules.
import { locale, type Lang } from '../../sim/results/format.ts';
import { parseNumber } from '../format.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

export type { Lang };

/** The dictionary type: every key of the Dutch catalogue, each a text. */
export type Dict = typeof nl;
/** A message key. */
export type Key = keyof Dict;

/** A placeholder's value: a number, or a text (often a number already formatted). */
type Params = Record<string, string | number>;

const tables: Record<Lang, Dict> = { nl, en };

/** The dictionary of a language (for tests and completeness checks). */
export function dictionary(lang: Lang): Dict {
  return tables[lang];
}

/** Whether `key` is a known message key. */
export function isKey(key: string): key is Key {
  return Object.prototype.hasOwnProperty.call(nl, key);
}

/**
 * A plural placeholder: `{n, plural, one {# punt} other {# punten}}`. The branch is chosen by
 * Intl.PluralRules for the value of `n`; `#` in it becomes that value as given. Branches hold
 * plain text and `#` only (no nested placeholders).
 */
const PLURAL = /\{(\w+),\s*plural,((?:\s*[\w=]+\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /([\w=]+)\s*\{([^{}]*)\}/g;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/** The plural category ("one", "other", …) of a value in `lang`. */
function pluralCategory(value: string | number, lang: Lang): Intl.LDMLPluralRule {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(locale(lang));
    pluralRules.set(lang, rules);
  }
  const x = typeof value === 'number' ? value : parseNumber(value, lang);
  return Number.isFinite(x) ? rules.select(x) : 'other';
}

/** The branch of a plural placeholder for `value`: `=n` first, then the category, then `other`. */
function pluralBranch(branches: string, value: string | number, lang: Lang): string | undefined {
  const forms = new Map<string, string>();
  for (const [, name, text] of branches.matchAll(BRANCH)) forms.set(name, text);
  const x = typeof value === 'number' ? value : parseNumber(value, lang);
  return forms.get(`=${x}`) ?? forms.get(pluralCategory(value, lang)) ?? forms.get('other');
}

/**
 * The text of `key` in `lang`, with `{name}` placeholders filled from `params` and plural
 * placeholders (see {@link PLURAL}) resolved; an unknown placeholder stays visible.
 */
export function translate(lang: Lang, key: Key, params: Params = {}): string {
  return tables[lang][key]
    .replace(PLURAL, (m, name: string, branches: string) => {
      if (!(name in params)) return m;
      const value = params[name];
      const text = pluralBranch(branches, value, lang);
      return text === undefined ? m : text.replace(/#/g, String(value));
    })
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** A translator bound to one language. */
export type T = (key: Key, params?: Params) => string;

/** Binds {@link translate} to `lang`. */
export function translator(lang: Lang): T {
  return (key, params) => translate(lang, key, params);
}
