// What a contingent size buys: P(goal met) with its 95% band and the mean rehousing share
// against units per year (top), and the units used and lapsed (bottom), with the target, the
// answer and its interval, and today's size marked.
import { scaleLinear, type Selection } from 'd3';
import {
  PALETTE,
  axisBottom,
  axisLeft,
  frame,
  legend,
  legendHeight,
  r1,
  valueTicks,
  type ChartOptions,
  type LegendItem,
  verticalRule,
} from './common.ts';

/** The evaluated sizes, in increasing order of units, and what the search found. */
export interface SizingCurveData {
  /** Units per year (goal year) of each evaluated size. */
  units: ArrayLike<number>;
  /** P(goal met) and its 95% interval at each size. */
  pMet: ArrayLike<number>;
  pLo: ArrayLike<number>;
  pHi: ArrayLike<number>;
  /** Mean goal-year rehousing share at each size. */
  rehousing: ArrayLike<number>;
  /** Mean units used and lapsed per year at each size. */
  used: ArrayLike<number>;
  lapsed: ArrayLike<number>;
  /** Replications behind each size (fewer: drawn as an open dot). */
  replications: ArrayLike<number>;
  /** Target probability (0–1). */
  target: number;
  /** Units per year now. */
  current: number;
  /** The smallest size meeting the target, and its 95% interval (null: none found). */
  answer: number | null;
  interval: [number, number] | null;
}

export interface SizingCurveOptions extends ChartOptions {
  labels: {
    x: string;
    p: string;
    band: string;
    rehousing: string;
    yUnits: string;
    used: string;
    lapsed: string;
    /** The target line, e.g. "doel: kans ≥ 80%". */
    target: string;
    /** The answer mark, e.g. "nodig: 210". */
    answer: (units: string) => string;
    interval: string;
    /** Today's size, e.g. "nu 150". */
    current: (units: string) => string;
  };
}

const at = (a: ArrayLike<number>) => Array.from(a);

function line(xs: number[], ys: number[]): string {
  const parts: string[] = [];
  xs.forEach((x, i) => {
    if (Number.isFinite(ys[i])) parts.push(`${parts.length ? 'L' : 'M'}${r1(x)},${r1(ys[i])}`);
  });
  return parts.join('') || 'M0,0';
}

/** Appends a stroked polyline through (xs, ys) to `g`. */
function polyline(
  g: Selection<SVGGElement, unknown, null, undefined>,
  cls: string,
  xs: number[],
  ys: number[],
  stroke: string,
  dash?: string,
): void {
  const path = g
    .append('path')
    .attr('class', cls)
    .attr('d', line(xs, ys))
    .attr('fill', 'none')
    .attr('stroke', stroke)
    .attr('stroke-width', 2);
  if (dash) path.attr('stroke-dasharray', dash);
}

/** Draws the chart into `element` (replacing its contents) and returns the SVG. */
export function sizingCurve(
  element: Element,
  data: SizingCurveData,
  options: SizingCurveOptions,
): SVGSVGElement {
  const L = options.labels;
  const width = options.width ?? 640;
  const items: LegendItem[] = [
    { label: L.p, colour: PALETTE.blue, kind: 'line' },
    { label: L.band, colour: PALETTE.blue, kind: 'block', opacity: 0.2 },
    { label: L.rehousing, colour: PALETTE.green, kind: 'dash', dash: '6 3' },
    { label: L.used, colour: PALETTE.sky, kind: 'dash', dash: '2 2' },
    { label: L.lapsed, colour: PALETTE.vermillion, kind: 'line' },
  ];
  if (data.interval) {
    items.push({ label: L.interval, colour: PALETTE.yellow, kind: 'block', opacity: 0.45 });
  }
  const legendH = legendHeight(
    items.map((i) => i.label),
    width - 16,
  );
  const margin = { top: 62 + legendH, right: 16, bottom: 34, left: 46 };
  const f = frame(element, options, margin, { width, height: 400 + legendH });
  const gap = 34;
  const h1 = Math.round((f.h - gap) * 0.62);
  const h2 = f.h - gap - h1;
  const units = at(data.units);
  const top = Math.max(
    1,
    ...units,
    data.current,
    data.answer ?? 0,
    ...(data.interval ? data.interval : []),
  );
  const { ticks: xTicks, top: xTop } = valueTicks(top, 6, (v) => options.format.number(v));
  const x = scaleLinear().domain([0, xTop]).range([0, f.w]);
  const px = units.map((u) => x(u));

  // Top panel: probabilities and shares, 0–100%.
  const upper = f.plot.append('g').attr('class', 'panel-p');
  const y1 = scaleLinear().domain([0, 1]).range([h1, 0]);
  const shareTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({
    value: v,
    label: options.format.percent(v),
  }));
  // The answer's interval, shaded over both panels.
  if (data.interval) {
    const [lo, hi] = data.interval;
    f.plot
      .append('rect')
      .attr('class', 'answer-interval')
      .attr('x', r1(x(lo)))
      .attr('width', r1(Math.max(2, x(hi) - x(lo))))
      .attr('y', 0)
      .attr('height', r1(f.h))
      .attr('fill', PALETTE.yellow)
      .attr('fill-opacity', 0.45);
  }
  axisLeft(upper, y1, shareTicks, f.w, L.p);
  const band = [
    ...units.map((_, i) => `${r1(px[i])},${r1(y1(data.pHi[i]))}`),
    ...units.map((_, i) => `${r1(px[i])},${r1(y1(data.pLo[i]))}`).reverse(),
  ];
  upper
    .append('path')
    .attr('class', 'band')
    .attr('d', units.length ? `M${band.join('L')}Z` : 'M0,0')
    .attr('fill', PALETTE.blue)
    .attr('fill-opacity', 0.2);
  const ty = r1(y1(data.target));
  upper
    .append('line')
    .attr('class', 'target')
    .attr('x1', 0)
    .attr('x2', r1(f.w))
    .attr('y1', ty)
    .attr('y2', ty)
    .attr('stroke', PALETTE.black)
    .attr('stroke-width', 1.5)
    .attr('stroke-dasharray', '6 4');
  polyline(
    upper,
    'rehousing',
    px,
    at(data.rehousing).map((v) => y1(v)),
    PALETTE.green,
    '6 3',
  );
  polyline(
    upper,
    'p-met',
    px,
    at(data.pMet).map((v) => y1(v)),
    PALETTE.blue,
  );
  // Dots: filled where a size ran the most replications, open where it ran fewer.
  const most = Math.max(0, ...at(data.replications));
  const dot = (i: number) => {
    const cx = r1(px[i]);
    const cy = r1(y1(data.pMet[i]));
    return `M${r1(cx - 3.5)},${cy}a3.5,3.5 0 1,0 7,0a3.5,3.5 0 1,0 -7,0`;
  };
  const full = units.map((_, i) => i).filter((i) => data.replications[i] >= most);
  const fewer = units.map((_, i) => i).filter((i) => data.replications[i] < most);
  upper
    .append('path')
    .attr('class', 'dots')
    .attr('d', full.map(dot).join('') || 'M0,0')
    .attr('fill', PALETTE.blue);
  upper
    .append('path')
    .attr('class', 'dots-coarse')
    .attr('d', fewer.map(dot).join('') || 'M0,0')
    .attr('fill', '#ffffff')
    .attr('stroke', PALETTE.blue)
    .attr('stroke-width', 1.5);

  upper
    .append('text')
    .attr('class', 'target-label')
    .attr('x', 4)
    .attr('y', ty - 4)
    .attr('text-anchor', 'start')
    .attr('stroke', '#ffffff')
    .attr('stroke-width', 3)
    .attr('paint-order', 'stroke')
    .text(L.target);

  // Bottom panel: units used and lapsed per year.
  const lower = f.plot
    .append('g')
    .attr('class', 'panel-units')
    .attr('transform', `translate(0,${h1 + gap})`);
  const most2 = Math.max(0, ...at(data.used), ...at(data.lapsed));
  const { ticks: uTicks, top: uTop } = valueTicks(most2 * 1.05, 3, (v) => options.format.number(v));
  const y2 = scaleLinear().domain([0, uTop]).range([h2, 0]);
  axisLeft(lower, y2, uTicks, f.w, L.yUnits);
  polyline(
    lower,
    'used',
    px,
    at(data.used).map((v) => y2(v)),
    PALETTE.sky,
    '2 2',
  );
  polyline(
    lower,
    'lapsed',
    px,
    at(data.lapsed).map((v) => y2(v)),
    PALETTE.vermillion,
  );
  lower
    .append('path')
    .attr('class', 'lapsed-dots')
    .attr(
      'd',
      units
        .map((_, i) => {
          const cx = r1(px[i]);
          const cy = r1(y2(data.lapsed[i]));
          return `M${r1(cx - 3)},${r1(cy - 3)}h6v6h-6Z`;
        })
        .join('') || 'M0,0',
    )
    .attr('fill', PALETTE.vermillion);
  axisBottom(lower, (v) => x(v), xTicks, h2, f.w, { label: L.x });

  // Today's size and the answer, across both panels.
  const marks = f.plot.append('g').attr('class', 'marks');
  const cx = r1(x(data.current));
  verticalRule(marks, cx, 0, r1(f.h), {
    className: 'current',
    stroke: PALETTE.grey,
    width: 1.5,
    dash: '1 3',
  });
  const ax = data.answer === null ? undefined : r1(x(data.answer));
  // Labels carry a white halo, so lines under them do not hide them. The answer's label sits
  // in the top row, today's in the second, on the side away from the answer; the target's
  // label is at the left, where small sizes keep the curves low.
  const halo = (t: Selection<SVGTextElement, unknown, null, undefined>) =>
    t.attr('stroke', '#ffffff').attr('stroke-width', 3).attr('paint-order', 'stroke');
  const currentLeft = ax !== undefined ? ax > cx : cx > f.w / 2;
  halo(
    marks
      .append('text')
      .attr('class', 'current-label')
      .attr('x', currentLeft ? cx - 4 : cx + 4)
      .attr('y', 28)
      .attr('text-anchor', currentLeft ? 'end' : 'start')
      .attr('fill', PALETTE.grey)
      .text(L.current(options.format.number(data.current))),
  );
  if (ax !== undefined) {
    verticalRule(marks, ax, 0, r1(f.h), { className: 'answer', stroke: PALETTE.black, width: 2 });
    const right = ax < 90;
    halo(
      marks
        .append('text')
        .attr('class', 'answer-label')
        .attr('x', right ? ax + 4 : ax - 4)
        .attr('y', 12)
        .attr('text-anchor', right ? 'start' : 'end')
        .attr('font-weight', 600)
        .text(L.answer(options.format.number(data.answer!))),
    );
  }
  legend(f.svg, items, 8, 34, f.width - 16);
  return f.svg.node()!;
}
