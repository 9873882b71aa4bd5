// The goal's shares per year: for each share its mean (dot) and 95% interval (bar) in each
// cohort year, against its target (dashed line); the goal year is shaded.
import { scaleBand, scaleLinear } from 'd3';
import {
  PALETTE,
  SERIES_COLOURS,
  yearBandAxis,
  axisLeft,
  frame,
  legend,
  r1,
  type ChartOptions,
} from './common.ts';

/** One share across years: mean and interval per year (NaN = no cohort that year). */
export interface ShareSeries {
  label: string;
  mean: ArrayLike<number>;
  lo: ArrayLike<number>;
  hi: ArrayLike<number>;
  /** Target share (0–1). */
  target: number;
}

export interface GoalSharesData {
  years: ArrayLike<number>;
  series: ShareSeries[];
}

export interface GoalSharesOptions extends ChartOptions {
  /** The year to shade. */
  goalYear?: number;
  labels: { y: string; target: string };
}

/** Draws the chart into `element` (replacing its contents) and returns the SVG. */
export function goalShares(
  element: Element,
  data: GoalSharesData,
  options: GoalSharesOptions,
): SVGSVGElement {
  const margin = { top: 60, right: 14, bottom: 30, left: 44 };
  const f = frame(element, options, margin, { width: 640, height: 270 });
  const years = Array.from(data.years);
  const x = scaleBand<number>().domain(years).range([0, f.w]).padding(0.2);
  const y = scaleLinear().domain([0, 1]).range([f.h, 0]);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({
    value: v,
    label: options.format.percent(v),
  }));
  if (options.goalYear !== undefined && years.includes(options.goalYear)) {
    f.plot
      .append('rect')
      .attr('class', 'goal-year')
      .attr('x', r1(x(options.goalYear)! - (x.step() * x.paddingInner()) / 2))
      .attr('width', r1(x.step()))
      .attr('y', 0)
      .attr('height', r1(f.h))
      .attr('fill', PALETTE.yellow)
      .attr('fill-opacity', 0.25);
  }
  axisLeft(f.plot, y, ticks, f.w, options.labels.y);
  yearBandAxis(f.plot, x, years, f.h, f.w);
  const k = data.series.length;
  data.series.forEach((s, j) => {
    const colour = SERIES_COLOURS[j % SERIES_COLOURS.length];
    const py = r1(y(s.target));
    f.plot
      .append('line')
      .attr('class', 'target')
      .attr('x1', 0)
      .attr('x2', r1(f.w))
      .attr('y1', py)
      .attr('y2', py)
      .attr('stroke', colour)
      .attr('stroke-width', 1.5)
      .attr('stroke-dasharray', j === 0 ? '6 4' : '2 3');
    const whiskers: string[] = [];
    const dots: string[] = [];
    years.forEach((year, i) => {
      const m = s.mean[i];
      if (!Number.isFinite(m)) return;
      const cx = r1(x(year)! + (x.bandwidth() * (j + 1)) / (k + 1));
      const lo = Number.isFinite(s.lo[i]) ? s.lo[i] : m;
      const hi = Number.isFinite(s.hi[i]) ? s.hi[i] : m;
      whiskers.push(
        `M${cx - 4},${r1(y(lo))}h8M${cx},${r1(y(lo))}V${r1(y(hi))}M${cx - 4},${r1(y(hi))}h8`,
      );
      // A square for the first series, a circle for the others: shape as well as colour.
      const cy = r1(y(m));
      dots.push(
        j === 0
          ? `M${cx - 4},${cy - 4}h8v8h-8Z`
          : `M${cx - 4.5},${cy}a4.5,4.5 0 1,0 9,0a4.5,4.5 0 1,0 -9,0`,
      );
    });
    f.plot
      .append('path')
      .attr('class', 'ci')
      .attr('d', whiskers.join('') || 'M0,0')
      .attr('stroke', colour)
      .attr('stroke-width', 1.5)
      .attr('fill', 'none');
    f.plot
      .append('path')
      .attr('class', 'dots')
      .attr('d', dots.join('') || 'M0,0')
      .attr('fill', colour);
  });
  legend(
    f.svg,
    [
      ...data.series.map((s, j) => ({
        label: `${s.label} (${options.labels.target.toLowerCase()} ${options.format.percent(s.target)})`,
        colour: SERIES_COLOURS[j % SERIES_COLOURS.length],
        kind: 'dash' as const,
        dash: j === 0 ? '6 4' : '2 3',
      })),
    ],
    8,
    34,
    f.width - 16,
  );
  return f.svg.node()!;
}
