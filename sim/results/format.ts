/**
 * Numbers and shares in words for nl-NL (default) and en-GB, as the CLI and the web app both
 * write them. Pure (no DOM); each Intl formatter is made once and kept, since making one is
 * slow and charts write hundreds of numbers per drawing.
 */

/** A language of the words: Dutch first, English as a switch. */
export type Lang = 'nl' | 'en';

/** The locale tag of a language: "nl-NL" or "en-GB". */
export function locale(lang: Lang): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One Intl formatter per language, style and number of decimals, made once. */
function formatter(lang: Lang, style: 'percent' | 'decimal', digits: number): Intl.NumberFormat {
  const key = `${lang}:${style}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * A number for the language with exactly `digits` decimals, e.g. "1.000" (nl) or "1,000"
 * (en); "–" when not finite.
 */
export function number(x: number, lang: Lang, digits = 0): string {
  return Number.isFinite(x) ? formatter(lang, 'decimal', digits).format(x) : '–';
}

/**
 * A share (0–1) as a percentage with exactly `digits` decimals, e.g. "86%" or "86,4%" (nl);
 * "–" when not finite.
 */
export function percent(x: number, lang: Lang, digits = 0): string {
  return Number.isFinite(x) ? formatter(lang, 'percent', digits).format(x) : '–';
}
