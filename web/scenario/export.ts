// What the app lets a user take away: the scenario as JSON, results as CSV (per year, per week)
// and JSON, and each chart as SVG or PNG. Builders are pure; downloads stay in the browser.
import { dsvFormat } from 'd3';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import type { Estimate } from '../../sim/results/stats.ts';
import {
  CHAIN_KPIS,
  FACILITY_KPIS,
  capacityColumn,
  type WeeklySeries,
} from '../../sim/results/columns.ts';
import { verdict, type Lang } from '../../sim/results/verdict.ts';

/** CSV conventions per language: Dutch spreadsheets expect ';' and a decimal comma. */
function csvStyle(lang: Lang) {
  return lang === 'nl' ? { sep: ';', decimal: ',' } : { sep: ',', decimal: '.' };
}

/** A CSV field before formatting. */
type Cell = string | number;

/**
 * A field's text: a number to 10 significant digits with the language's decimal sign (empty
 * when it is not a finite number), text as it is.
 */
function cellText(v: Cell, decimal: string): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '';
  const s = String(Number(v.toPrecision(10)));
  return decimal === ',' ? s.replace('.', ',') : s;
}

/**
 * Rows as CSV text in the language's style (RFC 4180: CRLF after every row; a field that
 * holds the separator, a quote or a line break is quoted, its quotes doubled).
 */
function csv(rows: Cell[][], lang: Lang): string {
  const { sep, decimal } = csvStyle(lang);
  const format = dsvFormat(sep);
  return rows.map((r) => `${format.formatRow(r.map((v) => cellText(v, decimal)))}\r\n`).join('');
}

/**
 * Every yearly figure as rows: year, figure, facility or contingent (if any), mean, 95% CI,
 * P5, P50, P95 and the number of replications with a value. Per year: the facility figures
 * (by kind, then facility), the contingent figures (by contingent, then kind), then the
 * chain-wide figures. The route figures are not in this file.
 */
export function yearlyCsv(s: RunSummary, lang: Lang): string {
  const rows: Cell[][] = [
    ['year', 'figure', 'of', 'mean', 'ci95_low', 'ci95_high', 'p5', 'p50', 'p95', 'n'],
  ];
  const push = (year: number, figure: string, of: string, e: Estimate) =>
    rows.push([year, figure, of, e.mean, e.ci95[0], e.ci95[1], e.p5, e.p50, e.p95, e.n]);
  for (const y of s.years) {
    for (const k of FACILITY_KPIS) {
      for (const [id, e] of Object.entries(y[k])) push(y.year, k, id, e);
    }
    for (const [id, figures] of Object.entries(y.contingents)) {
      for (const [f, e] of Object.entries(figures)) push(y.year, f, id, e);
    }
    for (const k of CHAIN_KPIS) push(y.year, k, '', y[k]);
  }
  return csv(rows, lang);
}

/** Every weekly series as columns `<series>_mean`, `_p5`, `_p50`, `_p95`, plus capacity per facility. */
export function weeklyCsv(s: RunSummary, lang: Lang, startYear: number): string {
  // In the summary's order: the facilities' occupancy, then the queues.
  const names = Object.keys(s.weekly.series) as WeeklySeries[];
  const caps = Object.keys(s.weekly.capacity);
  const header = [
    'week_start_day',
    'year',
    ...names.flatMap((n) => ['mean', 'p5', 'p50', 'p95'].map((q) => `${n}_${q}`)),
    ...caps.map(capacityColumn),
  ];
  const rows: Cell[][] = [header];
  s.weekly.weekStartDays.forEach((d, w) => {
    rows.push([
      d,
      startYear + Math.floor(d / 365),
      ...names.flatMap((n) => {
        const b = s.weekly.series[n];
        return [b.mean[w], b.p5[w], b.p50[w], b.p95[w]];
      }),
      ...caps.map((c) => s.weekly.capacity[c][w]),
    ]);
  });
  return csv(rows, lang);
}

/** The full result as JSON, with the verdict in words and the scenario it belongs to. */
export function resultsJson(s: RunSummary, scenario: unknown, lang: Lang): string {
  return JSON.stringify(
    { format: 'doorstroom-results', version: 1, verdict: verdict(s, lang), scenario, summary: s },
    null,
    2,
  );
}

/** The scenario as a JSON file's text. */
export function scenarioJson(draft: unknown): string {
  return `${JSON.stringify(draft, null, 2)}\n`;
}

/** A safe file-name part from any text. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'doorstroom'
  );
}

/** Offers `blob` as a download named `name` (no network: an object URL, revoked after). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers text as a download. */
export function downloadText(name: string, text: string, type: string): void {
  download(name, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** The SVG's markup as a standalone file (it carries its own colours and fonts). */
export function svgMarkup(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}\n`;
}

/** Renders an SVG to a PNG at `scale` × its size (drawn through an image from an object URL). */
export async function svgToPng(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height;
  const url = URL.createObjectURL(new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
