// A Sankey-style diagram of flows between stages from a square flow matrix: columns by
// longest path from the sources, sinks at the right, labels right of their node, bands as wide as the flow. Self-loops
// and flows that run back (cycles) are left out; so are flows too thin to see.
import { scaleLinear } from 'd3';
import { PALETTE, SERIES_COLOURS, frame, r1, type ChartOptions } from './common.ts';

export interface FlowNode {
  label: string;
  /** Colour group (index into the series colours); nodes of a group share a colour. */
  group: number;
}

export interface FlowData {
  nodes: FlowNode[];
  /** Row-major n × n: values[from × n + to]. */
  values: ArrayLike<number>;
}

export interface FlowOptions extends ChartOptions {
  /** Flows below this share of the largest node are left out (default 0.005). */
  minShare?: number;
}

interface LNode {
  i: number;
  depth: number;
  value: number;
  x: number;
  y: number;
  h: number;
  outs: LLink[];
  ins: LLink[];
}
interface LLink {
  from: LNode;
  to: LNode;
  value: number;
  w: number;
  sy: number;
  ty: number;
}

/** The links kept: no self-loops, none below `min`, and no edge closing a cycle (DFS order). */
function acyclicLinks(
  n: number,
  values: ArrayLike<number>,
  min: number,
): [number, number, number][] {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++)
      if (i !== j && values[i * n + j] >= min && values[i * n + j] > 0) adj[i].push(j);
  }
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const kept: [number, number, number][] = [];
  const visit = (i: number) => {
    state[i] = 1;
    for (const j of adj[i]) {
      if (state[j] === 1) continue; // back edge: closes a cycle
      kept.push([i, j, values[i * n + j]]);
      if (state[j] === 0) visit(j);
    }
    state[i] = 2;
  };
  for (let i = 0; i < n; i++) if (state[i] === 0) visit(i);
  return kept;
}

/** Draws the diagram into `element` (replacing its contents) and returns the SVG. */
export function flowSankey(element: Element, data: FlowData, options: FlowOptions): SVGSVGElement {
  const margin = { top: 34, right: 10, bottom: 10, left: 10 };
  const f = frame(element, options, margin, { width: 900, height: 440 });
  const n = data.nodes.length;
  let largest = 0;
  for (let i = 0; i < n; i++) {
    let out = 0;
    let inn = 0;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      out += data.values[i * n + j] || 0;
      inn += data.values[j * n + i] || 0;
    }
    largest = Math.max(largest, out, inn);
  }
  const links = acyclicLinks(n, data.values, largest * (options.minShare ?? 0.005));
  const nodes = new Map<number, LNode>();
  const node = (i: number) => {
    let v = nodes.get(i);
    if (!v) nodes.set(i, (v = { i, depth: 0, value: 0, x: 0, y: 0, h: 0, outs: [], ins: [] }));
    return v;
  };
  const ls: LLink[] = links.map(([i, j, value]) => {
    const l = { from: node(i), to: node(j), value, w: 0, sy: 0, ty: 0 };
    l.from.outs.push(l);
    l.to.ins.push(l);
    return l;
  });
  const list = [...nodes.values()].sort((a, b) => a.i - b.i);
  // Longest path from the sources (the graph is acyclic now): relax until stable.
  for (let changed = true, guard = 0; changed && guard <= list.length; guard++) {
    changed = false;
    for (const l of ls) {
      if (l.to.depth < l.from.depth + 1) {
        l.to.depth = l.from.depth + 1;
        changed = true;
      }
    }
  }
  const maxDepth = Math.max(0, ...list.map((v) => v.depth));
  for (const v of list) {
    if (v.outs.length === 0) v.depth = maxDepth;
    v.value = Math.max(
      v.ins.reduce((s, l) => s + l.value, 0),
      v.outs.reduce((s, l) => s + l.value, 0),
    );
  }
  const columns: LNode[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (const v of list) columns[v.depth].push(v);
  const nodeWidth = 12;
  const pad = 14;
  const labelRoom = 150;
  const x = scaleLinear()
    .domain([0, Math.max(1, maxDepth)])
    .range([0, f.w - nodeWidth - labelRoom]);
  const ky = Math.min(
    ...columns
      .filter((c) => c.length > 0)
      .map(
        (c) =>
          (f.h - (c.length - 1) * pad) /
          Math.max(
            1e-9,
            c.reduce((s, v) => s + v.value, 0),
          ),
      ),
  );
  for (const c of columns) {
    const total = c.reduce((s, v) => s + v.value * ky, 0) + (c.length - 1) * pad;
    let y = (f.h - total) / 2;
    for (const v of c) {
      v.x = x(v.depth);
      v.y = y;
      v.h = Math.max(1, v.value * ky);
      y += v.value * ky + pad;
    }
  }
  for (const v of list) {
    let sy = v.y;
    for (const l of [...v.outs].sort((a, b) => a.to.y - b.to.y)) {
      l.w = l.value * ky;
      l.sy = sy;
      sy += l.w;
    }
    let ty = v.y;
    for (const l of [...v.ins].sort((a, b) => a.from.y - b.from.y)) {
      l.ty = ty;
      ty += l.value * ky;
    }
  }
  const colour = (v: LNode) => SERIES_COLOURS[data.nodes[v.i].group % SERIES_COLOURS.length];
  const linkG = f.plot.append('g').attr('class', 'links').attr('fill-opacity', 0.35);
  for (const l of ls) {
    const x0 = r1(l.from.x + nodeWidth);
    const x1 = r1(l.to.x);
    const mx = r1((x0 + x1) / 2);
    const s0 = r1(l.sy);
    const t0 = r1(l.ty);
    const w = r1(Math.max(0.5, l.w));
    linkG
      .append('path')
      .attr(
        'd',
        `M${x0},${s0}C${mx},${s0} ${mx},${t0} ${x1},${t0}v${w}C${mx},${r1(t0 + w)} ${mx},${r1(s0 + w)} ${x0},${r1(s0 + w)}Z`,
      )
      .attr('fill', colour(l.from))
      .append('title')
      .text(
        `${data.nodes[l.from.i].label} → ${data.nodes[l.to.i].label}: ${options.format.number(l.value)}`,
      );
  }
  const nodeG = f.plot.append('g').attr('class', 'nodes');
  for (const v of list) {
    nodeG
      .append('rect')
      .attr('x', r1(v.x))
      .attr('y', r1(v.y))
      .attr('width', nodeWidth)
      .attr('height', r1(v.h))
      .attr('fill', colour(v));
    nodeG
      .append('text')
      .attr('x', r1(v.x + nodeWidth + 5))
      .attr('y', r1(v.y + v.h / 2))
      .attr('dy', '0.32em')
      .attr('stroke', '#ffffff')
      .attr('stroke-width', 4)
      .attr('stroke-linejoin', 'round')
      .attr('paint-order', 'stroke')
      .attr('fill', PALETTE.black)
      .text(`${data.nodes[v.i].label} ${options.format.number(v.value)}`);
  }
  return f.svg.node()!;
}
