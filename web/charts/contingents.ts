// Contingent homes per year: for each contingent a stacked bar of units used (solid) and
// units lapsed (light, hatched outline), grouped by year, with the totals written above.
import { scaleBand, scaleLinear } from 'd3';
import {
  PALETTE,
  SERIES_COLOURS,
  yearBandAxis,
  axisLeft,
  frame,
  legend,
  legendHeight,
  r1,
  valueTicks,
  type ChartOptions,
} from './common.ts';

/** One contingent: units used and lapsed per year. */
export interface ContingentSeries {
  label: string;
  used: ArrayLike<number>;
  lapsed: ArrayLike<number>;
}

export interface ContingentsData {
  years: ArrayLike<number>;
  series: ContingentSeries[];
}

export interface ContingentsOptions extends ChartOptions {
  labels: { y: string; used: string; lapsed: string };
}

/** Draws the chart into `element` (replacing its contents) and returns the SVG. */
export function contingents(
  element: Element,
  data: ContingentsData,
  options: ContingentsOptions,
): SVGSVGElement {
  const width = options.width ?? 640;
  const items = [
    ...data.series.map((s) => `${s.label}: ${options.labels.used.toLowerCase()}`),
    options.labels.lapsed,
  ];
  const legendH = legendHeight(items, width - 16);
  const margin = { top: 46 + legendH, right: 14, bottom: 30, left: 44 };
  const f = frame(element, options, margin, { width, height: 250 + legendH });
  const years = Array.from(data.years);
  const x = scaleBand<number>().domain(years).range([0, f.w]).padding(0.2);
  const inner = scaleBand<number>()
    .domain(data.series.map((_, j) => j))
    .range([0, x.bandwidth()])
    .padding(0.1);
  let top = 0;
  for (const s of data.series) {
    years.forEach((_, i) => (top = Math.max(top, (s.used[i] || 0) + (s.lapsed[i] || 0))));
  }
  const { ticks, top: yTop } = valueTicks(top * 1.1, 4, (v) => options.format.number(v));
  const y = scaleLinear().domain([0, yTop]).range([f.h, 0]);
  axisLeft(f.plot, y, ticks, f.w, options.labels.y);
  yearBandAxis(f.plot, x, years, f.h, f.w);
  data.series.forEach((s, j) => {
    const colour = SERIES_COLOURS[j % SERIES_COLOURS.length];
    const used: string[] = [];
    const lapsed: string[] = [];
    const labels = f.plot
      .append('g')
      .attr('class', 'totals')
      .attr('text-anchor', 'middle')
      .attr('font-size', 9);
    years.forEach((year, i) => {
      const u = s.used[i] || 0;
      const l = s.lapsed[i] || 0;
      const x0 = r1(x(year)! + inner(j)!);
      const bw = r1(inner.bandwidth());
      const yu = r1(y(u));
      const yl = r1(y(u + l));
      if (u > 0) used.push(`M${x0},${yu}h${bw}V${r1(f.h)}h${-bw}Z`);
      if (yu - yl > 0) lapsed.push(`M${x0},${yl}h${bw}V${yu}h${-bw}Z`);
      if (bw >= 14) {
        labels
          .append('text')
          .attr('x', r1(x0 + bw / 2))
          .attr('y', yl - 3)
          .text(
            l >= 0.5
              ? `${options.format.number(u)}+${options.format.number(l)}`
              : options.format.number(u),
          );
      }
    });
    f.plot
      .append('path')
      .attr('class', 'used')
      .attr('d', used.join('') || 'M0,0')
      .attr('fill', colour);
    f.plot
      .append('path')
      .attr('class', 'lapsed')
      .attr('d', lapsed.join('') || 'M0,0')
      .attr('fill', colour)
      .attr('fill-opacity', 0.3)
      .attr('stroke', colour)
      .attr('stroke-dasharray', '2 2');
  });
  legend(
    f.svg,
    [
      ...data.series.map((s, j) => ({
        label: items[j],
        colour: SERIES_COLOURS[j % SERIES_COLOURS.length],
        kind: 'block' as const,
      })),
      { label: options.labels.lapsed, colour: PALETTE.grey, kind: 'block' as const, opacity: 0.3 },
    ],
    8,
    34,
    f.width - 16,
  );
  return f.svg.node()!;
}
