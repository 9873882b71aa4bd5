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
import { sizingCurve, type SizingCurveData } from '../../web/charts/sizing-curve.ts';
import { parameterText, tornado } from '../../web/charts/tornado.ts';
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

  it('sizing curve: P(goal met) with its band, target, answer, today, and lapsed units below', async () => {
    const units = [0, 75, 150, 225, 262, 281, 290, 300, 375, 450, 600];
    const pMet = [0, 0, 0.04, 0.4, 0.7, 0.79, 0.81, 0.84, 0.96, 1, 1];
    const reps = [25, 25, 25, 100, 100, 100, 100, 100, 25, 25, 25];
    const half = pMet.map((p, i) => 1.96 * Math.sqrt((p * (1 - p) + 0.01) / reps[i]));
    const data: SizingCurveData = {
      units,
      pMet,
      pLo: pMet.map((p, i) => Math.max(0, p - half[i])),
      pHi: pMet.map((p, i) => Math.min(1, p + half[i])),
      rehousing: [0.1, 0.3, 0.55, 0.8, 0.87, 0.9, 0.905, 0.91, 0.94, 0.95, 0.95],
      used: units.map((u) => Math.min(u, 280)),
      lapsed: units.map((u) => Math.max(0, u - 280)),
      replications: reps,
      target: 0.8,
      current: 200,
      answer: 290,
      interval: [281, 300],
    };
    const labels = {
      x: 'woningen per jaar in 2030',
      p: 'Kans dat het doel gehaald wordt',
      band: '95%-interval',
      rehousing: 'Op tijd gehuisvest',
      yUnits: 'woningen per jaar',
      used: 'Gebruikt',
      lapsed: 'Vervallen',
      target: 'doel: kans ≥ 80%',
      answer: (u: string) => `nodig: ${u}`,
      interval: '95%-interval van het antwoord',
      current: (u: string) => `nu ${u}`,
    };
    const svg = sizingCurve(host(), data, { title: 'Wat is er nodig?', format, labels });
    expect(svg.querySelectorAll('path.band, path.p-met, path.rehousing')).toHaveLength(3);
    expect(svg.querySelectorAll('line.target, line.answer, line.current')).toHaveLength(3);
    expect(svg.querySelector('.answer-label')?.textContent).toBe('nodig: 290');
    expect(svg.querySelector('.current-label')?.textContent).toBe('nu 200');
    // Sizes run with the most replications are filled dots, the others open ones.
    const shapes = (sel: string) =>
      (svg.querySelector(sel)?.getAttribute('d') ?? '').split('M').length - 1;
    expect(shapes('path.dots')).toBe(5);
    expect(shapes('path.dots-coarse')).toBe(6);
    expect(svg.querySelector('rect.answer-interval')).not.toBeNull();
    expect(countElements(svg)).toBeLessThan(120);
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/sizing-curve.svg');
    // No answer: no answer mark and no interval, but the curve and today's size.
    const none = sizingCurve(
      host(),
      { ...data, answer: null, interval: null, pMet: units.map(() => 0) },
      { title: 'x', format, labels },
    );
    expect(none.querySelector('line.answer')).toBeNull();
    expect(none.querySelector('rect.answer-interval')).toBeNull();
    expect(none.querySelector('line.current')).not.toBeNull();
  });

  it('tornado: a low and a high bar per parameter from the nominal line, in the given order', async () => {
    const data = {
      labels: ['Contingent corporaties', 'Aandeel dat elders wacht', 'Terugval'],
      lowValue: [100, 0.5, 0.05],
      highValue: [200, 0.85, 0.2],
      low: [0.15, 0.27, 0.231],
      high: [0.33, 0.2, 0.229],
      pLow: [0, 0, 0],
      pHigh: [0.02, 0, 0],
      nominal: 0.23,
      pNominal: 0,
    };
    const svg = tornado(host(), data, {
      title: 'Welke onzekerheid telt het zwaarst?',
      format,
      labels: {
        x: 'op tijd gehuisvest in 2030',
        low: 'Parameter op ondergrens',
        high: 'Parameter op bovengrens',
        nominal: (o, p) => `nominaal ${o} (kans ${p})`,
        end: (v, o, p) => `${v}: ${o} (kans ${p})`,
      },
    });
    const rows = [...svg.querySelectorAll('.row-label')].map((r) => r.textContent);
    expect(rows).toEqual(data.labels);
    expect(svg.querySelectorAll('rect.bar.low')).toHaveLength(3);
    expect(svg.querySelectorAll('rect.bar.high')).toHaveLength(3);
    const ends = [...svg.querySelectorAll('text.end')].map((e) => e.textContent);
    expect(ends.slice(0, 2)).toEqual(['100: 15,0% (kans 0%)', '200: 33,0% (kans 2%)']);
    expect(ends[2]).toBe('0,5: 27,0% (kans 0%)');
    // Low ends below nominal are labelled to the left, high ends above it to the right.
    const anchor = (sel: string) => svg.querySelector(sel)?.getAttribute('text-anchor');
    expect(anchor('.row[data-row="0"] text.end.low')).toBe('end');
    expect(anchor('.row[data-row="0"] text.end.high')).toBe('start');
    expect(anchor('.row[data-row="1"] text.end.low')).toBe('start');
    expect(svg.querySelector('.nominal-label')?.textContent).toBe('nominaal 23,0% (kans 0%)');
    expect(parameterText(0.35, format)).toBe('0,35');
    expect(parameterText(1500, format)).toBe('1.500');
    expect(parameterText(28.25, format)).toBe('28,3');
    await expect(normalise(svg)).toMatchFileSnapshot('__snapshots__/tornado.svg');
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
