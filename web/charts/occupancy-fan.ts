// Occupancy of one facility over time as a fan: the P5–P95 band across futures, the median,
// and the capacity as a step line. One <path> per layer, however many weeks.
import { curveStepAfter, line, max, scaleLinear } from 'd3';
import {
  PALETTE,
  axisBottom,
  bandPath,
  axisLeft,
  frame,
  legend,
  r1,
  valueTicks,
  yearTicks,
  type ChartOptions,
} from './common.ts';

/** Columns of a fan: one value per week. */
export interface FanData {
  /** Start of each week (days since 1 January of the start year). */
  days: ArrayLike<number>;
  p5: ArrayLike<number>;
  p50: ArrayLike<number>;
  p95: ArrayLike<number>;
  /** Places per week; left out when absent. */
  capacity?: ArrayLike<number>;
}

export interface FanOptions extends ChartOptions {
  /** Calendar year of day 0, for the time axis. */
  startYear: number;
  labels: { capacity: string; median: string; band: string; y: string };
  /** Colour of band and median (default blue). */
  colour?: string;
}

/**
 * Draws the fan chart into `element` (replacing its contents) and returns the SVG.
 * Weeks with a NaN value break the band and the line.
 */
export function occupancyFan(element: Element, data: FanData, options: FanOptions): SVGSVGElement {
  const margin = { top: 62, right: 14, bottom: 30, left: 44 };
  const f = frame(element, options, margin, { width: 420, height: 230 });
  const n = data.days.length;
  const idx = Array.from({ length: n }, (_, i) => i);
  const lastDay = n > 0 ? data.days[n - 1] + 7 : 365;
  const x = scaleLinear().domain([0, lastDay]).range([0, f.w]);
  const top = Math.max(
    max(idx, (i) => data.p95[i]) ?? 0,
    data.capacity ? (max(idx, (i) => data.capacity![i]) ?? 0) : 0,
  );
  const { ticks, top: yTop } = valueTicks(top * 1.05, 4, (v) => options.format.number(v));
  const y = scaleLinear().domain([0, yTop]).range([f.h, 0]);
  const colour = options.colour ?? PALETTE.blue;

  axisLeft(f.plot, y, ticks, f.w, options.labels.y);
  const years = yearTicks(lastDay, options.startYear);
  axisBottom(f.plot, x, years.ticks, f.h, f.w, { labelsAt: years.labels });

  bandPath(f.plot, x, y, data.days, data, colour, 0.25);
  const median = line<number>()
    .defined((i) => Number.isFinite(data.p50[i]))
    .x((i) => x(data.days[i]))
    .y((i) => y(data.p50[i]))
    .digits(1);
  f.plot
    .append('path')
    .attr('class', 'median')
    .attr('d', median(idx))
    .attr('fill', 'none')
    .attr('stroke', colour)
    .attr('stroke-width', 1.5);
  if (data.capacity) {
    const cap = data.capacity;
    const capLine = line<number>()
      .x((i) => x(i < n ? data.days[i] : lastDay))
      .y((i) => y(cap[Math.min(i, n - 1)]))
      .curve(curveStepAfter)
      .digits(1);
    f.plot
      .append('path')
      .attr('class', 'capacity')
      .attr('d', capLine([...idx, n]))
      .attr('fill', 'none')
      .attr('stroke', PALETTE.black)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', '5 3');
  }
  legend(
    f.svg,
    [
      { label: options.labels.median, colour, kind: 'line' },
      { label: options.labels.band, colour, kind: 'block', opacity: 0.25 },
      ...(data.capacity
        ? [
            {
              label: options.labels.capacity,
              colour: PALETTE.black,
              kind: 'dash' as const,
              dash: '5 3',
            },
          ]
        : []),
    ],
    8,
    r1(34),
    f.width - 16,
  );
  return f.svg.node()!;
}
