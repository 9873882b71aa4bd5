// Number, share and date formatting for the web app. Numbers and shares come from the one
// module the CLI uses too (sim/results/format.ts); here are the web's helpers around them:
// charts' number format, dates, adaptive shares, and reading and showing numbers for editing.
import { locale, number, percent, type Lang } from '../sim/results/format.ts';

export { locale, number, percent };

/** How charts write numbers; a chart gets one of these and knows nothing of languages. */
export interface NumberFormat {
  /** A count or level, e.g. "1.234" (nl) or "1,234" (en). */
  number(x: number, digits?: number): string;
  /** A share 0–1 as a percentage, e.g. "86%". */
  percent(x: number, digits?: number): string;
}

/** The number format of a language. */
export function numberFormat(lang: Lang): NumberFormat {
  return {
    number: (x, digits = 0) => number(x, lang, digits),
    percent: (x, digits = 0) => percent(x, lang, digits),
  };
}

/** A wall-clock date and time, e.g. "24 nov 2025 14:05". */
export function dateTime(d: Date, lang: Lang): string {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    dateTimeFormats.set(lang, f);
  }
  return f.format(d);
}

const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** A date stamp for file names: "2025-11-24". */
export function fileDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A share with adaptive precision: one decimal below 10%, none above, e.g. "0,4%" / "67%". */
export function share(x: number, lang: Lang): string {
  return percent(x, lang, Math.abs(x) < 0.1 && x !== 0 ? 1 : 0);
}

/**
 * Shows a number for editing: no grouping, the language's decimal mark, at most 6
 * significant decimals (so 0.35 × 100 shows as "35", not "35.00000000000001").
 */
export function editable(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '';
  const s = String(Number(x.toPrecision(12)));
  return lang === 'nl' ? s.replace('.', ',') : s;
}

/**
 * Reads a number typed by a person: accepts "1,5" and "1.5"; in Dutch "1.000" is a thousand,
 * in English "1,000" is. Returns NaN for text that is not a number and for an empty field.
 */
export function parseNumber(text: string, lang: Lang): number {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return NaN;
  if (lang === 'nl') {
    if (/^-?\d{1,3}(\.\d{3})+(,\d*)?$/.test(s)) s = s.replace(/\./g, '');
    s = s.replace(',', '.');
  } else {
    if (/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
    else s = s.replace(',', '.');
  }
  if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}
