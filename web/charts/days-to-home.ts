// Days from arrival to a home as a histogram of fixed-width bins, the last bin holding
// everything beyond; vertical marks (42 and 91 days) state the share reached by then.
import { scaleLinear } from 'd3';
import {
  PALETTE,
  axisBottom,
  axisLeft,
  frame,
  r1,
  valueTicks,
  type ChartOptions,
  verticalRule,
} from './common.ts';

export interface DaysToHomeData {
  /** Width of a bin (days). */
  binDays: number;
  /** Count per bin; the last bin holds everything from (length − 1) × binDays days on. */
  counts: ArrayLike<number>;
}

export interface DaysToHomeOptions extends ChartOptions {
  /** Day marks, e.g. the triage and home deadlines; each gets a line and the share by then. */
  marks: number[];
  labels: {
    y: string;
    x: string;
    /** Text of a mark, given its day and the share reached by then (formatted). */
    within: (day: number, share: string) => string;
    /** Label of the last (open) bin, given its first day. */
    over: (day: number) => string;
  };
}

/** Share of the total that lies below `day`, interpolating linearly within a bin. */
export function shareBefore(data: DaysToHomeData, day: number): number {
  let total = 0;
  for (let i = 0; i < data.counts.length; i++) total += data.counts[i];
  if (!(total > 0)) return NaN;
  let below = 0;
  const open = data.counts.length - 1;
  for (let i = 0; i < open; i++) {
    const lo = i * data.binDays;
    const hi = lo + data.binDays;
    if (day >= hi) below += data.counts[i];
    else if (day > lo) below += (data.counts[i] * (day - lo)) / data.binDays;
  }
  return below / total;
}

/** Draws the histogram into `element` (replacing its contents) and returns the SVG. */
export function daysToHome(
  element: Element,
  data: DaysToHomeData,
  options: DaysToHomeOptions,
): SVGSVGElement {
  const margin = { top: 46, right: 30, bottom: 40, left: 44 };
  const f = frame(element, options, margin, { width: 640, height: 260 });
  const open = data.counts.length - 1;
  const openDay = open * data.binDays;
  // The open bin is drawn after a gap, as wide as four bins.
  const gap = 1.5 * data.binDays;
  const xMax = openDay + gap + 4 * data.binDays;
  const x = scaleLinear().domain([0, xMax]).range([0, f.w]);
  let top = 0;
  for (let i = 0; i < data.counts.length; i++) top = Math.max(top, data.counts[i]);
  const { ticks, top: yTop } = valueTicks(top * 1.05, 4, (v) => options.format.number(v));
  const y = scaleLinear().domain([0, yTop]).range([f.h, 0]);
  axisLeft(f.plot, y, ticks, f.w, options.labels.y);
  const xTicks = [];
  for (let d = 0; d <= openDay; d += 8 * 7)
    xTicks.push({ value: d, label: options.format.number(d) });
  axisBottom(f.plot, x, xTicks, f.h, x(openDay), { label: options.labels.x });
  f.plot
    .append('text')
    .attr('x', r1(x(openDay + gap + 2 * data.binDays)))
    .attr('y', r1(f.h + 16))
    .attr('text-anchor', 'middle')
    .attr('fill', PALETTE.grey)
    .text(options.labels.over(openDay));

  // One path per colour: before the first mark, between marks, after the last.
  const marks = [...options.marks].sort((a, b) => a - b);
  const shades = [PALETTE.blue, PALETTE.sky, '#9e9e9e'];
  const paths: string[][] = marks.map(() => []).concat([[]]);
  for (let i = 0; i <= open; i++) {
    const lo = i < open ? i * data.binDays : openDay + gap;
    const hi = i < open ? lo + data.binDays : xMax;
    const x0 = r1(x(lo) + 0.5);
    const x1 = r1(x(hi) - 0.5);
    const y0 = r1(y(data.counts[i]));
    const hgt = r1(f.h - y0);
    if (!(hgt > 0)) continue;
    let k = marks.findIndex((m) => lo < m);
    if (k < 0 || i === open) k = marks.length;
    paths[k].push(`M${x0},${y0}h${r1(x1 - x0)}v${hgt}h${r1(x0 - x1)}Z`);
  }
  paths.forEach((p, k) => {
    f.plot
      .append('path')
      .attr('class', 'bars')
      .attr('d', p.join('') || 'M0,0')
      .attr('fill', shades[Math.min(k, shades.length - 1)]);
  });
  marks.forEach((m, k) => {
    const px = r1(x(m));
    verticalRule(f.plot, px, -4, f.h, { className: 'mark', stroke: PALETTE.black, dash: '4 3' });
    f.plot
      .append('text')
      .attr('x', px + 4)
      .attr('y', 8 + k * 14)
      .attr('font-weight', 600)
      .text(options.labels.within(m, options.format.percent(shareBefore(data, m))));
  });
  return f.svg.node()!;
}
