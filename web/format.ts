// Number, share and date formatting for nl-NL (default) and en-GB: the same output as the
// verdict's formatters (sim/results/verdict.ts, which the CLI uses), with each Intl formatter
// made once and kept, since charts write hundreds of numbers per drawing.
import type { Lang } from '../sim/results/verdict.ts';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(lang: Lang, percentStyle: boolean, digits: number): Intl.NumberFormat {
  const key = `${lang}:${percentStyle}:${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), {
      style: percentStyle ? 'percent' : 'decimal',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A number for the language, e.g. "1.000" (nl) or "1,000" (en); "–" when not finite. */
export function number(x: number, lang: Lang, digits = 0): string {
  return Number.isFinite(x) ? formatter(lang, false, digits).format(x) : '–';
}

/** A share (0–1) as a percentage, e.g. "86%" or "86,4%"; "–" when not finite. */
export function percent(x: number, lang: Lang, digits = 0): string {
  return Number.isFinite(x) ? formatter(lang, true, digits).format(x) : '–';
}

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

/** The locale tag of a language. */
export function locale(lang: Lang): string {
  return lang === 'nl' ? 'nl-NL' : 'en-GB';
}

/** A wall-clock date and time, e.g. "24 nov 2025 14:05". */
export function dateTime(d: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

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
