// Tornado chart of a one-at-a-time sensitivity: per uncertain parameter (in the given order,
// largest swing first) a bar from the nominal outcome to the outcome with the parameter at its
// low end and one to its high end, each end labelled with the value, the outcome and P(goal).
import { scaleLinear, type Selection } from 'd3';
import {
  PALETTE,
  axisBottom,
  frame,
  legend,
  legendHeight,
  r1,
  type ChartOptions,
  type LegendItem,
  verticalRule,
} from './common.ts';
import type { NumberFormat } from '../format.ts';

/** One row per parameter, in the order drawn (top first). */
export interface TornadoData {
  labels: string[];
  /** The parameter's low and high end. */
  lowValue: ArrayLike<number>;
  highValue: ArrayLike<number>;
  /** The outcome (a share 0–1) with the parameter at its low / high end. */
  low: ArrayLike<number>;
  high: ArrayLike<number>;
  /** P(goal met) with the parameter at its low / high end. */
  pLow: ArrayLike<number>;
  pHigh: ArrayLike<number>;
  /** The outcome and P(goal met) with every parameter nominal. */
  nominal: number;
  pNominal: number;
}

export interface TornadoOptions extends ChartOptions {
  labels: {
    x: string;
    low: string;
    high: string;
    /** The nominal line's label, given the outcome and P(goal met) as text. */
    nominal: (outcome: string, p: string) => string;
    /** A bar end's label, given the parameter value, the outcome and P(goal met) as text. */
    end: (value: string, outcome: string, p: string) => string;
  };
}

/** A parameter value with as many decimals as it needs (at most 3 significant after the point). */
export function parameterText(v: number, format: NumberFormat): string {
  if (Number.isInteger(v)) return format.number(v);
  const a = Math.abs(v);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  return format
    .number(v, digits)
    .replace(/([.,]\d*?)0+$/, '$1')
    .replace(/[.,]$/, '');
}

const ROW = 46;
/** Room kept on each side of the bars for the end labels. */
const PAD = 150;

/** Draws the chart into `element` (replacing its contents) and returns the SVG. */
export function tornado(
  element: Element,
  data: TornadoData,
  options: TornadoOptions,
): SVGSVGElement {
  const L = options.labels;
  const fmt = options.format;
  const width = options.width ?? 640;
  const items: LegendItem[] = [
    { label: L.low, colour: PALETTE.blue, kind: 'block' },
    { label: L.high, colour: PALETTE.orange, kind: 'block' },
  ];
  const legendH = legendHeight(
    items.map((i) => i.label),
    width - 16,
  );
  const n = data.labels.length;
  const margin = { top: 70 + legendH, right: 12, bottom: 36, left: 12 };
  const f = frame(element, options, margin, {
    width,
    height: margin.top + margin.bottom + Math.max(1, n) * ROW,
  });
  const values = [data.nominal];
  for (let i = 0; i < n; i++) values.push(data.low[i], data.high[i]);
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  const spread = hi - lo;
  lo = Math.max(0, lo - Math.max(spread * 0.05, 0.01));
  hi = Math.min(1, hi + Math.max(spread * 0.05, 0.01));
  const x = scaleLinear()
    .domain([lo, hi])
    .range([PAD, f.w - PAD]);
  const ticks = x.ticks(5);
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 0.01;
  const digits = step < 0.01 ? 1 : 0;
  const grid = f.plot.append('g').attr('class', 'grid');
  for (const t of ticks) {
    verticalRule(grid, r1(x(t)), 0, r1(f.h), { stroke: PALETTE.grid });
  }
  axisBottom(
    f.plot,
    (v) => x(v),
    ticks.map((v) => ({ value: v, label: fmt.percent(v, digits) })),
    f.h,
    f.w,
    { label: L.x },
  );
  const nx = r1(x(data.nominal));
  const rows = f.plot.append('g').attr('class', 'rows');
  const halo = (sel: Selection<SVGTextElement, unknown, null, undefined>) =>
    sel.attr('stroke', '#ffffff').attr('stroke-width', 3).attr('paint-order', 'stroke');
  for (let i = 0; i < n; i++) {
    const y0 = i * ROW;
    const row = rows.append('g').attr('class', 'row').attr('data-row', i);
    row
      .append('text')
      .attr('class', 'row-label')
      .attr('x', 0)
      .attr('y', y0 + 12)
      .attr('font-weight', 600)
      .text(data.labels[i]);
    const ends = [
      {
        key: 'low',
        v: data.low[i],
        p: data.pLow[i],
        value: data.lowValue[i],
        colour: PALETTE.blue,
      },
      {
        key: 'high',
        v: data.high[i],
        p: data.pHigh[i],
        value: data.highValue[i],
        colour: PALETTE.orange,
      },
    ];
    // Which side each end's label goes: away from the nominal line; if both ends lie on one
    // side, the nearer end's label goes to the other side, so the two never overlap.
    const side = ends.map((e, k): number =>
      e.v < data.nominal ? -1 : e.v > data.nominal ? 1 : k === 0 ? -1 : 1,
    );
    if (side[0] === side[1]) {
      const nearer = Math.abs(ends[0].v - data.nominal) <= Math.abs(ends[1].v - data.nominal);
      side[nearer ? 0 : 1] = -side[0];
    }
    // The longer bar first, so the shorter stays visible on top of it.
    const order = Math.abs(ends[0].v - data.nominal) >= Math.abs(ends[1].v - data.nominal);
    for (const k of order ? [0, 1] : [1, 0]) {
      const e = ends[k];
      if (!Number.isFinite(e.v)) continue;
      const ex = r1(x(e.v));
      row
        .append('rect')
        .attr('class', `bar ${e.key}`)
        .attr('x', Math.min(nx, ex))
        .attr('width', r1(Math.max(1, Math.abs(ex - nx))))
        .attr('y', y0 + 18)
        .attr('height', 16)
        .attr('fill', e.colour)
        .attr('fill-opacity', 0.9);
    }
    ends.forEach((e, k) => {
      const ex = Number.isFinite(e.v) ? x(e.v) : nx;
      const far = side[k] < 0 ? Math.min(ex, nx) : Math.max(ex, nx);
      halo(
        row
          .append('text')
          .attr('class', `end ${e.key}`)
          .attr('x', r1(far + side[k] * 5))
          .attr('y', y0 + 30)
          .attr('text-anchor', side[k] < 0 ? 'end' : 'start')
          .attr('font-size', 10)
          .text(L.end(parameterText(e.value, fmt), fmt.percent(e.v, 1), fmt.percent(e.p))),
      );
    });
  }
  verticalRule(f.plot, nx, -6, r1(f.h), {
    className: 'nominal',
    stroke: PALETTE.black,
    width: 1.5,
    dash: '4 3',
  });
  f.plot
    .append('text')
    .attr('class', 'nominal-label')
    .attr('x', nx)
    .attr('y', -10)
    .attr('text-anchor', 'middle')
    .text(L.nominal(fmt.percent(data.nominal, 1), fmt.percent(data.pNominal)));
  legend(f.svg, items, 8, 34, f.width - 16);
  return f.svg.node()!;
}
