// @vitest-environment jsdom
// From a real (small) run to what the page shows: the chart columns, every chart drawn
// without NaN, the verdict in plain words, the comparison and the exports.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { runReplications } from '../../sim/run-replications.ts';
import {
  bottleneck,
  contingentData,
  flowData,
  goalData,
  queueData,
  short,
} from '../../web/charts/chart-data.ts';
import { renderCharts } from '../../web/verdict/results-view.ts';
import { headline, judgement, renderVerdict } from '../../web/verdict/verdict-view.ts';
import { formatDifference, pairable, renderCompare } from '../../web/compare/compare-view.ts';
import { comparePaired } from '../../sim/results/compare.ts';
import { yearlyCsv, weeklyCsv, resultsJson, fileSlug } from '../../web/scenario/export.ts';
import { translator } from '../../web/i18n/index.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseScenario } from '../../sim/scenario/validate.ts';

// Read from the project root: under jsdom, import.meta.url is not a file URL (so not via helpers/).
const defaultScenarioInput = () =>
  JSON.parse(readFileSync(resolve('scenarios/drechtsteden-2024.json'), 'utf8')) as Record<
    string,
    unknown
  >;

const t = translator('nl');
let scenario: Scenario;
let summary: RunSummary;

beforeAll(() => {
  scenario = parseScenario(defaultScenarioInput());
  summary = runReplications(scenario, { replications: 4 });
});

describe('chart columns from a run summary', () => {
  it('shows the street, BW and home queues first, named in Dutch', () => {
    const q = queueData(summary, t);
    expect(q.series.slice(0, 3).map((s) => s.label)).toEqual([
      'Op straat (opvang vol)',
      'Wacht op beschermd wonen',
      'Woonklaar, wacht op woning',
    ]);
    expect(q.days).toHaveLength(summary.weekly.weekStartDays.length);
  });

  it('gives flows per year, with facilities by name', () => {
    const f = flowData(summary, scenario, t);
    const n = f.nodes.length;
    expect(f.values).toHaveLength(n * n);
    expect(f.values[1]).toBeCloseTo(summary.flow.mean[1] / summary.years.length, 12);
    expect(f.nodes.map((x) => x.label)).toContain('Gehuisvest');
    expect(f.nodes.map((x) => x.label)).toContain(short(scenario.facilities[0].name, 26));
  });

  it('has one contingent series per contingent and the goal shares per year', () => {
    const c = contingentData(summary, scenario);
    expect(c.series).toHaveLength(scenario.housing.contingents.length);
    const g = goalData(summary, t);
    expect(g.series.map((s) => s.target)).toEqual([
      scenario.goal.triageTarget,
      scenario.goal.rehousingTarget,
    ]);
    expect(g.years).toEqual(summary.years.map((y) => y.year));
  });

  it('names the queue where the chain gets stuck', () => {
    const b = bottleneck(summary);
    expect(b).toBeDefined();
    expect(['street', 'waitBw', 'waitHome', 'waitShelter24', 'waitTraining']).toContain(b!.queue);
  });
});

describe('the page parts', () => {
  it('draws every chart, each an SVG with a title and no NaN anywhere', async () => {
    const root = document.createElement('div');
    await renderCharts(root, summary, scenario, 'nl', t, () => true);
    const svgs = [...root.querySelectorAll('svg')];
    // queues + one fan per facility + goal + days + flow + contingents
    expect(svgs).toHaveLength(1 + scenario.facilities.length + 4);
    for (const svg of svgs) {
      expect(svg.querySelector('title')?.textContent).toBeTruthy();
      expect(svg.outerHTML).not.toMatch(/NaN|undefined|Infinity/);
    }
    expect(root.querySelectorAll('button')).toHaveLength(svgs.length * 2);
  });

  it('states the verdict in plain words, with the shares against their targets', () => {
    const el = document.createElement('div');
    renderVerdict(el, { summary, preview: false, goalYear: 2030 }, 'nl', t);
    expect(el.dataset.state).toBe('final');
    expect(headline(summary, 'nl', t)).toMatch(
      /^Doel 2030 gehaald in \d+% van de 4 mogelijke toekomsten$/,
    );
    expect(el.textContent).toContain(headline(summary, 'nl', t));
    expect(el.querySelectorAll('.share-row')).toHaveLength(2);
    expect(el.textContent).toContain('doel 90%');
    expect(judgement(0.9)).toBe('likely');
    expect(judgement(0.5)).toBe('uncertain');
    expect(judgement(0.1)).toBe('unlikely');
  });

  it('compares a run with itself as no difference, paired', () => {
    expect(pairable(summary, summary)).toBe(true);
    const diffs = comparePaired(summary, summary);
    expect(
      formatDifference(
        diffs.find((d) => d.kpi === 'rehousingShare')!,
        'nl',
      ),
    ).toBe('0,0 %-punt (0,0 – 0,0)');
    const el = document.createElement('div');
    const noop = () => {};
    renderCompare(
      el,
      { name: 'A', draft: defaultScenarioInput(), summary },
      { name: 'B', draft: defaultScenarioInput(), summary },
      { pin: noop, unpin: noop, restoreA: noop },
      'nl',
      t,
    );
    expect(el.dataset.state).toBe('ready');
    expect(el.querySelectorAll('tbody tr')).toHaveLength(diffs.length);
    expect(el.textContent).toContain('B is nog gelijk aan A.');
  });

  it('exports the yearly figures as CSV for Dutch and English spreadsheets', () => {
    const nl = yearlyCsv(summary, 'nl').split('\r\n');
    expect(nl[0]).toBe('year;figure;of;mean;ci95_low;ci95_high;p5;p50;p95;n');
    expect(nl.find((r) => r.startsWith('2030;triageShare;;'))).toMatch(/^2030;triageShare;;0,\d+;/);
    const en = yearlyCsv(summary, 'en').split('\r\n');
    expect(en.find((r) => r.startsWith('2030,triageShare,,'))).toMatch(
      /^2030,triageShare,,0\.\d+,/,
    );
    expect(en.some((r) => r.startsWith(`2030,used,${scenario.housing.contingents[0].id},`))).toBe(
      true,
    );
    const weekly = weeklyCsv(summary, 'en', 2024).split('\r\n');
    expect(weekly[0].split(',')).toContain('street_p95');
    expect(weekly).toHaveLength(summary.weekly.weekStartDays.length + 2);
    const json = JSON.parse(resultsJson(summary, { id: 'x' }, 'nl')) as {
      verdict: string;
      summary: RunSummary;
    };
    expect(json.verdict).toMatch(/^Doel 2030 gehaald/);
    expect(json.summary.meta.replications).toBe(4);
    expect(fileSlug('Drechtsteden basislijn 2024 (één)')).toBe('drechtsteden-basislijn-2024-een');
  });

  it('quotes CSV fields that hold the separator, a quote or a line break', () => {
    const odd = structuredClone(summary);
    const id = scenario.housing.contingents[0].id;
    const name = 'corporaties; "west",\nnoord';
    for (const y of odd.years) {
      y.contingents = { [name]: y.contingents[id] };
    }
    const quoted = '"corporaties; ""west"",\nnoord"';
    const nl = yearlyCsv(odd, 'nl');
    const en = yearlyCsv(odd, 'en');
    expect(nl).toContain(`\r\n2030;used;${quoted};`);
    expect(en).toContain(`\r\n2030,used,${quoted},`);
    // A field without any of them stays bare in both styles, and each row ends with CRLF.
    expect(nl).toContain(`\r\n2030;triageShare;;`);
    expect(en.endsWith('\r\n')).toBe(true);
    // The Dutch decimal comma is no separator there, so numbers are not quoted.
    expect(nl).toMatch(/\r\n2030;triageShare;;0,\d+;/);
  });
});
