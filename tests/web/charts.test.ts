// @vitest-environment jsdom
// Chart snapshots on fixed columns: each chart draws the same SVG for the same data (numbers
// rounded to one decimal in the markup), and stays small enough to redraw cheaply.
import { describe, expect, it } from 'vitest';
import { occupancyFan } from '../../web/charts/occupancy-fan.ts';
import { queues } from '../../web/charts/queues.ts';
import { daysToHome, shareBefore } from '../../web/charts/days-to-home.ts';
import { goalShares } from '../../web/charts/goal-shares.ts';
import { flowSankey } from '../../web/charts/flow-sankey.ts';
import { contingents } from '../../web/charts/contingents.ts';
import { numberFormat } from '../../web/format.ts';

const format = numberFormat('nl');

/** Markup with every number rounded to one decimal, one element per line. */
function normalise(svg: SVGSVGElement): string {
  return svg.outerHTML
    .replace(/-?\d+\.\d+/g, (m) => String(Math.round(Number(m) * 10) / 10))
    .replace(/></g, '>\n<');
}

/** Two years of weekly values (105 weeks): a slow wave around `level`. */
function weeks(
  level: number,
  amplitude: number,
): { days: number[]; p5: number[]; p50: number[]; p95: number[]; mean: number[] } {
  const days = Array.from({ length: 105 }, (_, w) => w * 7);
  const p50 = days.map((d) => level + amplitude * Math.sin(d / 60));
  return {
    days,
    p5: p50.map((v) => Math.max(0, v - amplitude)),
    p50,
    p95: p50.map((v) => v + amplitude),
    mean: p50.map((v) => v + 0.5),
  };
}

function host(): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  return el;
}

function countElements(svg: SVGSVGElement): number {
  return svg.querySelectorAll('*').length;
}

describe('charts draw the same SVG for the same columns', () => {
  it('occupancy fan: band, median and capacity step as one path each', async () => {
    const w = weeks(30, 6);
    const capacity = w.days.map((d) => (d < 365 ? 40 : 30));
    const svg = occupancyFan(
      host(),
      { ...w, capacity },
      {
        title: 'Bezetting: nachtopvang',
        format,
        startYear: 2024,
        labels: { capacity: 'Plekken', median: 'Mediaan', band: 'P5–P95', y: 'personen' },
      },
    );
    expect(svg.querySelectorAll('path.band, path.median, path.capacity')).toHaveLength(3);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Bezetting: nachtopvang');
    expect(countElements(svg)).toBeLessThan(80);
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/occupancy-fan.svg');
  });

  it('queues: a band and a line per queue, a legend entry each', async () => {
    const street = weeks(5, 2);
    const home = weeks(40, 10);
    const svg = queues(
      host(),
      {
        days: street.days,
        series: [
          { label: 'Op straat', ...street },
          { label: 'Wacht op woning', ...home },
        ],
      },
      { title: 'Wachtrijen', format, startYear: 2024, labels: { y: 'personen' } },
    );
    expect(svg.querySelectorAll('path.band')).toHaveLength(2);
    expect(svg.querySelectorAll('path.mean')).toHaveLength(2);
    expect(svg.querySelector('.legend')?.textContent).toContain('Wacht op woning');
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/queues.svg');
  });

  it('days to home: bars coloured by the 42 and 91 day marks, which state the share by then', async () => {
    const counts = [2, 5, 8, 6, 5, 4, 3, 3, 2, 2, 1, 1, 1, 1, 0, 0, 10];
    const data = { binDays: 7, counts };
    const svg = daysToHome(host(), data, {
      title: 'Tijd tot een woning',
      format,
      marks: [42, 91],
      labels: {
        y: 'personen',
        x: 'dagen',
        within: (d, p) => `≤ ${d} dagen: ${p}`,
        over: (d) => `≥ ${d} dagen`,
      },
    });
    expect(svg.querySelectorAll('path.bars')).toHaveLength(3);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(shareBefore(data, 42)).toBeCloseTo(30 / total, 12);
    expect(svg.textContent).toContain(`≤ 42 dagen: ${format.percent(30 / total)}`);
    expect(svg.textContent).toContain('≥ 112 dagen');
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/days-to-home.svg');
  });

  it('goal shares: dots and 95% bars per year, a target line per share; NaN years left out', async () => {
    const svg = goalShares(
      host(),
      {
        years: [2029, 2030, 2031],
        series: [
          {
            label: 'Getrieerd',
            mean: [0.6, 0.8, NaN],
            lo: [0.55, 0.77, NaN],
            hi: [0.65, 0.83, NaN],
            target: 0.9,
          },
          {
            label: 'Woning',
            mean: [0.2, 0.3, NaN],
            lo: [0.18, 0.27, NaN],
            hi: [0.22, 0.33, NaN],
            target: 0.9,
          },
        ],
      },
      {
        title: 'Het doel per jaar',
        format,
        goalYear: 2030,
        labels: { y: 'aandeel', target: 'Doel' },
      },
    );
    expect(svg.querySelectorAll('line.target')).toHaveLength(2);
    expect(svg.querySelector('rect.goal-year')).not.toBeNull();
    // Two years with values per series: each dot path has two shapes (M…Z or M…a…a).
    const dots = [...svg.querySelectorAll('path.dots')].map((p) => p.getAttribute('d') ?? '');
    expect(dots.map((d) => d.split('M').length - 1)).toEqual([2, 2]);
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/goal-shares.svg');
  });

  it('flow diagram: columns by longest path, self-loops and back edges left out', async () => {
    // a → b → c, a → c, b → b (self), c → a (back edge).
    const nodes = ['Instroom', 'Opvang', 'Gehuisvest'].map((label, i) => ({ label, group: i }));
    const values = [0, 10, 5, 0, 3, 8, 1, 0, 0];
    const svg = flowSankey(host(), { nodes, values }, { title: 'Stromen', format, minShare: 0 });
    expect(svg.querySelectorAll('.links path')).toHaveLength(3);
    expect(svg.querySelectorAll('.nodes rect')).toHaveLength(3);
    const titles = [...svg.querySelectorAll('.links title')].map((t) => t.textContent).sort();
    expect(titles).toEqual([
      'Instroom → Gehuisvest: 5',
      'Instroom → Opvang: 10',
      'Opvang → Gehuisvest: 8',
    ]);
    const x = [...svg.querySelectorAll('.nodes rect')].map((r) => Number(r.getAttribute('x')));
    expect(x[0]).toBeLessThan(x[1]);
    expect(x[1]).toBeLessThan(x[2]);
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/flow-sankey.svg');
  });

  it('contingents: used and lapsed stacked per contingent and year, totals written above', async () => {
    const svg = contingents(
      host(),
      {
        years: [2024, 2025],
        series: [
          { label: 'Corporaties', used: [100, 110], lapsed: [0, 4] },
          { label: 'Housing First', used: [8, 9], lapsed: [2, 1] },
        ],
      },
      {
        title: 'Contingenten',
        format,
        labels: { y: 'woningen', used: 'Gebruikt', lapsed: 'Vervallen' },
      },
    );
    expect(svg.querySelectorAll('path.used')).toHaveLength(2);
    expect(svg.querySelectorAll('path.lapsed')).toHaveLength(2);
    expect(svg.querySelector('.totals')?.textContent).toBe('100110+4');
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/contingents.svg');
  });

  it('draw colours, fonts and sizes as attributes only, never a style attribute (CSP)', () => {
    const w = weeks(10, 2);
    const svg = occupancyFan(host(), w, {
      title: 'x',
      format,
      startYear: 2024,
      labels: { capacity: 'c', median: 'm', band: 'b', y: 'y' },
    });
    expect(svg.querySelectorAll('[style]')).toHaveLength(0);
    expect(svg.getAttribute('font-family')).toContain('system-ui');
    expect(svg.getAttribute('width')).toBe('420');
  });
});
