// Queues over time: for each queue its mean per week as a line and its P5–P95 band, in
// colour-blind-safe colours with dash patterns, named in a legend. One path per layer.
import { line, max, scaleLinear } from 'd3';
import {
  SERIES_COLOURS,
  SERIES_DASHES,
  axisBottom,
  bandPath,
  axisLeft,
  frame,
  legend,
  legendHeight,
  valueTicks,
  yearTicks,
  type ChartOptions,
} from './common.ts';

/** One queue: its name and one value per week. */
export interface QueueSeries {
  label: string;
  mean: ArrayLike<number>;
  p5: ArrayLike<number>;
  p95: ArrayLike<number>;
}

export interface QueuesData {
  /** Start of each week (days since 1 January of the start year). */
  days: ArrayLike<number>;
  series: QueueSeries[];
}

export interface QueuesOptions extends ChartOptions {
  startYear: number;
  labels: { y: string };
}

/** Draws the queues chart into `element` (replacing its contents) and returns the SVG. */
export function queues(element: Element, data: QueuesData, options: QueuesOptions): SVGSVGElement {
  const width = options.width ?? 640;
  const legendH = legendHeight(
    data.series.map((s) => s.label),
    width - 16,
  );
  const margin = { top: 46 + legendH, right: 14, bottom: 30, left: 44 };
  const f = frame(element, options, margin, { width, height: 264 + legendH });
  const n = data.days.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const lastDay = n > 0 ? data.days[n - 1] + 7 : 365;
  const x = scaleLinear().domain([0, lastDay]).range([0, f.w]);
  const top = max(data.series, (s) => max(idx, (i) => s.p95[i])) ?? 0;
  const { ticks, top: yTop } = valueTicks(top * 1.05, 5, (v) => options.format.number(v));
  const y = scaleLinear().domain([0, yTop]).range([f.h, 0]);

  axisLeft(f.plot, y, ticks, f.w, options.labels.y);
  const years = yearTicks(lastDay, options.startYear);
  axisBottom(f.plot, x, years.ticks, f.h, f.w, { labelsAt: years.labels });

  data.series.forEach((s, k) => {
    bandPath(f.plot, x, y, data.days, s, SERIES_COLOURS[k % SERIES_COLOURS.length], 0.15);
  });
  data.series.forEach((s, k) => {
    const colour = SERIES_COLOURS[k % SERIES_COLOURS.length];
    const mean = line<number>()
      .defined((i) => Number.isFinite(s.mean[i]))
      .x((i) => x(data.days[i]))
      .y((i) => y(s.mean[i]))
      .digits(1);
    f.plot
      .append('path')
      .attr('class', 'mean')
      .attr('d', mean(idx))
      .attr('fill', 'none')
      .attr('stroke', colour)
      .attr('stroke-width', 2)
      .attr('stroke-dasharray', SERIES_DASHES[k % SERIES_DASHES.length]);
  });
  legend(
    f.svg,
    data.series.map((s, k) => ({
      label: s.label,
      colour: SERIES_COLOURS[k % SERIES_COLOURS.length],
      kind: k % SERIES_DASHES.length === 0 ? ('line' as const) : ('dash' as const),
      dash: SERIES_DASHES[k % SERIES_DASHES.length],
    })),
    8,
    34,
    f.width - 16,
  );
  return f.svg.node()!;
}
