/**
 * The calibration table as text: one row per target with its source, the documented
 * figure, the simulated mean with its 95% interval, the band and whether it is met.
 */
import { number, percent, type Lang } from '../../sim/results/verdict.ts';
import type { CalibrationRow, Status } from './run.ts';
import type { Unit } from './targets.ts';

const STATUS: Record<Lang, Record<Status, string>> = {
  nl: { met: 'ja', near: 'krap', missed: 'NEE' },
  en: { met: 'yes', near: 'borderline', missed: 'NO' },
};

const HEADERS: Record<Lang, string[]> = {
  nl: ['Figuur', 'Bron', 'Waargenomen', 'Gesimuleerd (95%-BI)', 'Band', 'Gehaald'],
  en: ['Figure', 'Source', 'Observed', 'Simulated (95% CI)', 'Band', 'Met'],
};

/**
 * A value in its unit: shares as percentages, days whole, counts with one decimal;
 * `coarse` (for the bands) drops the decimal.
 */
export function formatValue(x: number, unit: Unit, lang: Lang, coarse = false): string {
  if (unit === 'share') return percent(x, lang, coarse ? 0 : 1);
  return number(x, lang, unit === 'days' || coarse ? 0 : 1);
}

function cells(row: CalibrationRow, lang: Lang): string[] {
  const { target: t, estimate: e } = row;
  const f = (x: number) => formatValue(x, t.unit, lang);
  return [
    lang === 'nl' ? t.figure : t.figureEn,
    t.source,
    t.observedText,
    `${f(e.mean)} (${f(e.ci95[0])} – ${f(e.ci95[1])})`,
    `${formatValue(t.band[0], t.unit, lang, true)} – ${formatValue(t.band[1], t.unit, lang, true)}`,
    STATUS[lang][row.status],
  ];
}

/** The table as aligned plain text. */
export function textTable(rows: CalibrationRow[], lang: Lang): string {
  const body = [HEADERS[lang], ...rows.map((r) => cells(r, lang))];
  const widths = body[0].map((_, c) => Math.max(...body.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(body[0]), rule, ...body.slice(1).map(line)].join('\n');
}

/** The table in Markdown (for docs/calibration.md). */
export function markdownTable(rows: CalibrationRow[], lang: Lang): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const line = (r: string[]) => `| ${r.map(esc).join(' | ')} |`;
  return [
    line(HEADERS[lang]),
    line(HEADERS[lang].map(() => '---')),
    ...rows.map((r) => line(cells(r, lang))),
  ].join('\n');
}
