// What every chart shares: the SVG frame (self-contained: colours, fonts and sizes are
// attributes, so a downloaded SVG looks the same), axes with rounded positions, the palette.
import { area, curveStepAfter, select, type ScaleBand, type ScaleLinear, type Selection } from 'd3';
import type { NumberFormat } from '../format.ts';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  green: '#009E73',
  orange: '#E69F00',
  purple: '#CC79A7',
  sky: '#56B4E9',
  yellow: '#F0E442',
  black: '#000000',
  grey: '#595959',
  grid: '#d9d9d9',
} as const;

/** Series colours in order of use. */
export const SERIES_COLOURS = [
  PALETTE.blue,
  PALETTE.vermillion,
  PALETTE.green,
  PALETTE.orange,
  PALETTE.purple,
  PALETTE.sky,
  PALETTE.black,
];

/** Dash patterns in order of use, so series differ without colour too. */
export const SERIES_DASHES = [null, '6 3', '2 2', '8 3 2 3', '1 3', '10 4', '4 4'];

/** The font of every chart: the system's own (no web fonts). */
export const FONT =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Options every chart takes. */
export interface ChartOptions {
  /** Title, drawn in the SVG and used as its accessible name. */
  title: string;
  /** Longer text for screen readers (SVG <desc>). */
  description?: string;
  /** Width and height of the drawing in SVG units (it scales to its container). */
  width?: number;
  height?: number;
  /** How to write numbers. */
  format: NumberFormat;
}

export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;
export type G = Selection<SVGGElement, unknown, null, undefined>;

/** Plot area inside the frame. */
export interface Frame {
  svg: Svg;
  /** Group translated to the plot area's top-left corner. */
  plot: G;
  width: number;
  height: number;
  /** Width and height of the plot area. */
  w: number;
  h: number;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Rounds to one decimal, so positions in the DOM (and in snapshots) stay short. */
export function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** How a vertical rule looks: its class, colour, width and dashes (SVG's defaults if absent). */
export interface RuleStyle {
  className?: string;
  stroke: string;
  width?: number;
  dash?: string;
}

/**
 * Appends a vertical line at `x` from `y1` to `y2` to `parent`: a grid line, a marker, a
 * reference value. Attributes come in one fixed order, so snapshots of the SVG stay stable.
 */
export function verticalRule(
  parent: Selection<SVGGElement, unknown, null, undefined>,
  x: number,
  y1: number,
  y2: number,
  style: RuleStyle,
): Selection<SVGLineElement, unknown, null, undefined> {
  const line = parent.append('line');
  if (style.className) line.attr('class', style.className);
  line.attr('x1', x).attr('x2', x).attr('y1', y1).attr('y2', y2).attr('stroke', style.stroke);
  if (style.width !== undefined) line.attr('stroke-width', style.width);
  if (style.dash) line.attr('stroke-dasharray', style.dash);
  return line;
}

/**
 * Empties `element` and draws an SVG frame with title and description in it.
 * The title is drawn at the top left; the plot area starts below it.
 */
export function frame(
  element: Element,
  o: ChartOptions,
  margin: Margin,
  defaults: { width: number; height: number },
): Frame {
  const width = o.width ?? defaults.width;
  const height = o.height ?? defaults.height;
  element.replaceChildren();
  const svg = select(element)
    .append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('class', 'chart')
    .attr('role', 'img')
    .attr('font-family', FONT)
    .attr('font-size', 11)
    .attr('fill', PALETTE.black) as Svg;
  svg.attr('aria-label', o.title);
  svg.append('title').text(o.title);
  if (o.description) svg.append('desc').text(o.description);
  svg.append('rect').attr('width', width).attr('height', height).attr('fill', '#ffffff');
  svg
    .append('text')
    .attr('class', 'chart-title')
    .attr('x', 8)
    .attr('y', 18)
    .attr('font-size', 14)
    .attr('font-weight', 600)
    .text(o.title);
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`) as G;
  return {
    svg,
    plot,
    width,
    height,
    w: width - margin.left - margin.right,
    h: height - margin.top - margin.bottom,
  };
}

/** A tick: where (in data units) and what it says. */
export interface Tick {
  value: number;
  label: string;
}

/** Draws a left axis with horizontal grid lines across the plot width. */
export function axisLeft(
  g: G,
  y: (v: number) => number,
  ticks: Tick[],
  w: number,
  label?: string,
): void {
  const axis = g.append('g').attr('class', 'axis axis-y');
  for (const t of ticks) {
    const py = r1(y(t.value));
    axis
      .append('line')
      .attr('x1', 0)
      .attr('x2', w)
      .attr('y1', py)
      .attr('y2', py)
      .attr('stroke', PALETTE.grid);
    axis
      .append('text')
      .attr('x', -6)
      .attr('y', py)
      .attr('dy', '0.32em')
      .attr('text-anchor', 'end')
      .attr('fill', PALETTE.grey)
      .text(t.label);
  }
  if (label) {
    axis
      .append('text')
      .attr('x', 0)
      .attr('y', -8)
      .attr('text-anchor', 'start')
      .attr('fill', PALETTE.grey)
      .text(label);
  }
}

/** Draws a bottom axis line at `h` with tick marks and labels (label positions may differ from ticks). */
export function axisBottom(
  g: G,
  x: (v: number) => number,
  ticks: Tick[],
  h: number,
  w: number,
  options: { label?: string; labelsAt?: Tick[] } = {},
): void {
  const axis = g
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${r1(h)})`);
  axis.append('line').attr('x1', 0).attr('x2', r1(w)).attr('stroke', PALETTE.grey);
  for (const t of ticks) {
    const px = r1(x(t.value));
    axis.append('line').attr('x1', px).attr('x2', px).attr('y2', 4).attr('stroke', PALETTE.grey);
  }
  for (const t of options.labelsAt ?? ticks) {
    axis
      .append('text')
      .attr('x', r1(x(t.value)))
      .attr('y', 16)
      .attr('text-anchor', 'middle')
      .attr('fill', PALETTE.grey)
      .text(t.label);
  }
  if (options.label) {
    axis
      .append('text')
      .attr('x', r1(w))
      .attr('y', 32)
      .attr('text-anchor', 'end')
      .attr('fill', PALETTE.grey)
      .text(options.label);
  }
}

/** "Nice" ticks from 0 to at least `max` (about `count` of them), written with `format`. */
export function valueTicks(
  max: number,
  count: number,
  format: (v: number) => string,
): { ticks: Tick[]; top: number } {
  const top = max > 0 ? max : 1;
  const raw = top / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: Tick[] = [];
  const n = Math.ceil(top / step - 1e-9);
  for (let i = 0; i <= n; i++) ticks.push({ value: i * step, label: format(i * step) });
  return { ticks, top: n * step };
}

/** Year boundaries (ticks) and mid-year labels for a time axis in days since 1 January of `startYear`. */
export function yearTicks(lastDay: number, startYear: number): { ticks: Tick[]; labels: Tick[] } {
  const ticks: Tick[] = [];
  const labels: Tick[] = [];
  const years = Math.ceil(lastDay / 365 - 1e-9);
  const every = years > 12 ? Math.ceil(years / 12) : 1;
  for (let y = 0; y <= years; y++) {
    if (y * 365 <= lastDay + 1e-9) ticks.push({ value: y * 365, label: '' });
    // A label sits mid-year, or mid-way through a year cut short by the end of the axis.
    const mid = Math.min(y * 365 + 182.5, (y * 365 + lastDay) / 2);
    if (y < years && y % every === 0 && lastDay - y * 365 >= 60) {
      labels.push({ value: mid, label: String(startYear + y) });
    }
  }
  return { ticks, labels };
}

/** A legend entry: a swatch (line, dashed line or block) and a label. */
export interface LegendItem {
  label: string;
  colour: string;
  kind: 'line' | 'dash' | 'block';
  dash?: string | null;
  opacity?: number;
}

const itemWidth = (label: string) => 30 + label.length * 6.4;

/** Height of the legend of `labels` when wrapped at `maxWidth` (as {@link legend} draws it). */
export function legendHeight(labels: string[], maxWidth: number): number {
  let cx = 0;
  let rows = labels.length > 0 ? 1 : 0;
  for (const label of labels) {
    const width = itemWidth(label);
    if (cx > 0 && cx + width > maxWidth) {
      cx = 0;
      rows++;
    }
    cx += width;
  }
  return rows * 16;
}

/** Draws a one-row (wrapping) legend starting at (x, y) in the SVG; returns its height. */
export function legend(
  svg: Svg,
  items: LegendItem[],
  x: number,
  y: number,
  maxWidth: number,
): number {
  const g = svg.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
  let cx = 0;
  let cy = 0;
  for (const item of items) {
    const width = itemWidth(item.label);
    if (cx > 0 && cx + width > maxWidth) {
      cx = 0;
      cy += 16;
    }
    const e = g.append('g').attr('transform', `translate(${r1(cx)},${cy})`);
    if (item.kind === 'block') {
      e.append('rect')
        .attr('y', -6)
        .attr('width', 16)
        .attr('height', 10)
        .attr('fill', item.colour)
        .attr('fill-opacity', item.opacity ?? 1);
    } else {
      e.append('line')
        .attr('x1', 0)
        .attr('x2', 16)
        .attr('y1', -1)
        .attr('y2', -1)
        .attr('stroke', item.colour)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', item.kind === 'dash' ? (item.dash ?? '4 3') : null);
    }
    e.append('text').attr('x', 20).attr('y', 3).text(item.label);
    cx += width;
  }
  return cy + 16;
}

/**
 * Draws the P5–P95 band of a weekly series as a stepped area (weeks where either end is
 * not a number are left open), for the fan charts.
 */
export function bandPath(
  plot: Selection<SVGGElement, unknown, null, undefined>,
  x: ScaleLinear<number, number>,
  y: ScaleLinear<number, number>,
  days: ArrayLike<number>,
  band: { p5: ArrayLike<number>; p95: ArrayLike<number> },
  colour: string,
  opacity: number,
): void {
  const idx = Array.from({ length: days.length }, (_, i) => i);
  const shape = area<number>()
    .defined((i) => Number.isFinite(band.p5[i]) && Number.isFinite(band.p95[i]))
    .x((i) => x(days[i]))
    .y0((i) => y(band.p5[i]))
    .y1((i) => y(band.p95[i]))
    .curve(curveStepAfter)
    .digits(1);
  plot
    .append('path')
    .attr('class', 'band')
    .attr('d', shape(idx))
    .attr('fill', colour)
    .attr('fill-opacity', opacity);
}

/** The bottom axis of a chart with one band per year, labelled with the years. */
export function yearBandAxis(
  plot: Selection<SVGGElement, unknown, null, undefined>,
  x: ScaleBand<number>,
  years: number[],
  h: number,
  w: number,
): void {
  axisBottom(
    plot,
    (v) => x(v)! + x.bandwidth() / 2,
    years.map((v) => ({ value: v, label: String(v) })),
    h,
    w,
  );
}
