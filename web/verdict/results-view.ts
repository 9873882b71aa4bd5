// The charts of a run, in the order of the user's questions: where people wait (queues,
// occupancy per facility), the goal per year and time to a home, the flows, the contingents.
// Each chart is drawn in its own frame, so no single task blocks the page for long.
import type { RunSummary } from '../../sim/results/aggregate.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { Lang } from '../../sim/results/verdict.ts';
import { cssString, h, nextFrame } from '../dom.ts';
import { numberFormat } from '../format.ts';
import type { T } from '../i18n/index.ts';
import {
  short,
  contingentData,
  daysData,
  flowData,
  goalData,
  occupancyData,
  queueData,
} from '../charts/chart-data.ts';
import { occupancyFan } from '../charts/occupancy-fan.ts';
import { queues } from '../charts/queues.ts';
import { daysToHome } from '../charts/days-to-home.ts';
import { goalShares } from '../charts/goal-shares.ts';
import { flowSankey } from '../charts/flow-sankey.ts';
import { contingents } from '../charts/contingents.ts';
import { download, fileSlug, svgMarkup, svgToPng } from '../scenario/export.ts';

interface ChartSpec {
  key: string;
  title: string;
  description: string;
  wide?: boolean;
  /**
   * Drawn after the others: the first drawing in a page also pays for compiling the drawing
   * code, and that should not land on the chart that takes longest anyway.
   */
  heavy?: boolean;
  draw(host: HTMLElement): SVGSVGElement;
}

/**
 * A chart's card: a host for the SVG, its description as caption, and SVG/PNG download
 * buttons that save whatever the host shows when clicked.
 */
export function chartCard(
  spec: Pick<ChartSpec, 'key' | 'title' | 'description' | 'wide'>,
  t: T,
): { figure: HTMLElement; host: HTMLElement } {
  const host = h('div', { class: 'chart-host' });
  const downloads = (['SVG', 'PNG'] as const).map((format) => {
    const b = h(
      'button',
      {
        type: 'button',
        class: 'small',
        'aria-label': t('chartDownloadAs', { chart: spec.title, format }),
      },
      format,
    );
    b.addEventListener('click', () => {
      const svg = host.querySelector('svg');
      if (!svg) return;
      const name = `${fileSlug(spec.title)}.${format.toLowerCase()}`;
      if (format === 'SVG') download(name, new Blob([svgMarkup(svg)], { type: 'image/svg+xml' }));
      else void svgToPng(svg).then((png) => download(name, png));
    });
    return b;
  });
  const figure = h(
    'figure',
    { class: `card chart-card${spec.wide ? ' wide' : ''}`, 'data-chart': spec.key },
    host,
    h(
      'figcaption',
      {},
      h('span', {}, spec.description),
      h(
        'span',
        { class: 'downloads' },
        h('span', { class: 'sr-only' }, t('chartDownload')),
        ...downloads,
      ),
    ),
  );
  return { figure, host };
}

/** The chart specifications of a run (what is drawn, not yet drawn). */
function specs(s: RunSummary, scenario: Scenario, lang: Lang, t: T) {
  const format = numberFormat(lang);
  const startYear = s.years[0]?.year ?? scenario.startYear;
  const y0 = startYear;
  const y1 = s.years[s.years.length - 1]?.year ?? scenario.endYear;
  const wait: ChartSpec[] = [
    {
      key: 'queues',
      title: t('queuesTitle'),
      description: t('queuesDesc'),
      wide: true,
      heavy: true,
      draw: (host) =>
        queues(host, queueData(s, t), {
          title: t('queuesTitle'),
          description: t('queuesDesc'),
          format,
          startYear,
          labels: { y: t('axisPersons') },
        }),
    },
    ...scenario.facilities.map((f): ChartSpec => ({
      key: `occupancy:${f.id}`,
      title: t('occupancyTitle', { name: short(f.name, 34) }),
      description: t('occupancyDesc'),
      draw: (host) =>
        occupancyFan(host, occupancyData(s, f.id), {
          title: t('occupancyTitle', { name: short(f.name, 34) }),
          description: t('occupancyDesc'),
          format,
          startYear,
          labels: {
            capacity: t('legendCapacity'),
            median: t('legendMedian'),
            band: t('legendBand'),
            y: t('axisPersons'),
          },
        }),
    })),
  ];
  const goal: ChartSpec[] = [
    {
      key: 'goal',
      title: t('goalTitle'),
      description: t('goalDesc'),
      wide: true,
      draw: (host) =>
        goalShares(host, goalData(s, t), {
          title: t('goalTitle'),
          description: t('goalDesc'),
          format,
          goalYear: s.goal.year,
          labels: { y: t('axisShare'), target: t('legendTarget') },
        }),
    },
    {
      key: 'days',
      title: t('daysTitle'),
      wide: true,
      description: t('daysDesc', {
        y0,
        y1,
        triage: s.goal.target.triageDays,
        home: s.goal.target.homeDays,
      }),
      draw: (host) =>
        daysToHome(host, daysData(s), {
          title: t('daysTitle'),
          description: t('daysDesc', {
            y0,
            y1,
            triage: s.goal.target.triageDays,
            home: s.goal.target.homeDays,
          }),
          format,
          marks: [s.goal.target.triageDays, s.goal.target.homeDays],
          labels: {
            y: t('axisCount'),
            x: t('axisDays'),
            within: (d, p) => t('daysWithin', { d, p }),
            over: (d) => t('daysOver', { d }),
          },
        }),
    },
  ];
  const flow: ChartSpec = {
    key: 'flow',
    title: t('flowTitle'),
    description: t('flowDesc', { y0, y1 }),
    wide: true,
    draw: (host) =>
      flowSankey(host, flowData(s, scenario, t), {
        title: t('flowTitle'),
        description: t('flowDesc', { y0, y1 }),
        format,
      }),
  };
  const homes: ChartSpec = {
    key: 'contingents',
    title: t('contTitle'),
    description: t('contDesc'),
    wide: true,
    draw: (host) =>
      contingents(host, contingentData(s, scenario), {
        title: t('contTitle'),
        description: t('contDesc'),
        format,
        labels: { y: t('axisHomes'), used: t('legendUsed'), lapsed: t('legendLapsed') },
      }),
  };
  return [
    { title: t('sectionWait'), charts: wait },
    { title: t('goalTitle'), charts: goal },
    { title: t('sectionFlow'), charts: [flow] },
    { title: t('sectionHousing'), charts: scenario.housing.contingents.length ? [homes] : [] },
  ];
}

/**
 * Draws every chart of `s` into `root`, one chart per animation frame; resolves when done.
 * Returns early (leaving the rest) when `isCurrent` turns false, i.e. a newer result came.
 * When the sections and cards are the ones already shown (a preview followed by its final
 * result, say), they stay and only the drawings are renewed, so no frame lays out all cards.
 */
export async function renderCharts(
  root: HTMLElement,
  s: RunSummary,
  scenario: Scenario,
  lang: Lang,
  t: T,
  isCurrent: () => boolean,
): Promise<void> {
  const sections = specs(s, scenario, lang, t).filter((sec) => sec.charts.length > 0);
  const layout = JSON.stringify(
    sections.map((sec) => [
      sec.title,
      sec.charts.map((c) => [c.key, c.title, c.description, c.wide]),
    ]),
  );
  const todo: { spec: ChartSpec; host: HTMLElement }[] = [];
  if (root.dataset.layout === layout) {
    for (const sec of sections)
      for (const spec of sec.charts) {
        const host = root.querySelector<HTMLElement>(
          `[data-chart="${cssString(spec.key)}"] .chart-host`,
        );
        if (host) todo.push({ spec, host });
      }
  } else {
    const nodes = sections.map((sec) => {
      const cards = sec.charts.map((spec) => {
        const c = chartCard(spec, t);
        todo.push({ spec, host: c.host });
        // Keep the old drawing in place until the new one is ready, so the page does not jump.
        const old = root.querySelector<HTMLElement>(
          `[data-chart="${cssString(spec.key)}"] .chart-host svg`,
        );
        if (old) c.host.append(old);
        return c.figure;
      });
      return h(
        'section',
        { class: 'chart-section' },
        h('h2', {}, sec.title),
        h('div', { class: 'chart-grid' }, ...cards),
      );
    });
    root.replaceChildren(...nodes);
    root.dataset.layout = layout;
  }
  const order = [...todo.filter((d) => !d.spec.heavy), ...todo.filter((d) => d.spec.heavy)];
  for (const { spec, host } of order) {
    await nextFrame();
    if (!isCurrent()) return;
    spec.draw(host);
  }
}
