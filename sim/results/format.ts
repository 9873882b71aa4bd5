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

/**
 * One Intl formatter per language, style, decimals, whether they are fixed (else at most
 * `digits`) and grouping, made once.
 */
function formatter(
  lang: Lang,
  style: 'percent' | 'decimal',
  digits: number,
  fixed = true,
  grouped = true,
): Intl.NumberFormat {
  const key = `${lang}:${style}:${digits}:${fixed}:${grouped}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      style,
      minimumFractionDigits: fixed ? digits : 0,
      maximumFractionDigits: digits,
      useGrouping: grouped,
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

/**
 * A number as given, up to 6 decimals, grouped only from 10,000 on so that years read as
 * years: "2024", "10.000", "0,25" (nl). For numbers quoted in sentences, not for tables.
 */
export function plainNumber(x: number, lang: Lang): string {
  return formatter(lang, 'decimal', 6, false, Math.abs(x) >= 10_000).format(x);
}

/** A share (0–1) as a percentage with up to 2 decimals: "140%", "12,5%" (nl). */
export function plainPercent(x: number, lang: Lang): string {
  return formatter(lang, 'percent', 2, false).format(x);
}
