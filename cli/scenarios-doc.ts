/**
 * `npm run scenarios:doc`: runs the baseline and every what-if in scenarios/ (seeded, paired
 * on common random numbers) and writes docs/scenarios.md: per scenario the question, the
 * change and the verdict. `--regenerate` first rewrites the what-if files from the baseline.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { loadScenario } from './load-scenario.ts';
import { UserError, runCommand } from './user-error.ts';
import { progressBar } from './progress.ts';
import { BASELINE_FILE, WHAT_IFS, makeWhatIf, type WhatIf } from './calibration/what-ifs.ts';
import { scenarioJson } from './calibration/scenario-json.ts';
import { ReplicationView } from './calibration/targets.ts';
import { validateScenario } from '../sim/scenario/validate.ts';
import type { Scenario, ScenarioInput } from '../sim/scenario/schema.ts';
import { runReplication } from '../sim/run-replication.ts';
import { estimate, wilson95, type Estimate } from '../sim/results/stats.ts';

const DIR = 'scenarios';
const OUT = 'docs/scenarios.md';
const DEFAULT_REPLICATIONS = 200;
/** Years after the mid-2024 changes, up to the goal year. */
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];
const GOAL_YEAR = 2030;

interface Metric {
  id: string;
  label: string;
  unit: 'share' | 'count' | 'days';
  /** Larger is better (for the words), or undefined when neither. */
  better?: 'up' | 'down';
  value: (v: ReplicationView) => number;
}

const crisisIds = (s: Scenario) => s.facilities.filter((f) => f.kind === 'crisis').map((f) => f.id);

const METRICS: Metric[] = [
  {
    id: 'goalMet',
    label: `Goal ${GOAL_YEAR} met (share of futures)`,
    unit: 'share',
    better: 'up',
    value: (v) => (v.r.goal.met ? 1 : 0),
  },
  {
    id: 'rehousing',
    label: `Home within 91 days (${GOAL_YEAR} cohort; target 90%)`,
    unit: 'share',
    better: 'up',
    value: (v) => v.r.goal.rehousingShare,
  },
  {
    id: 'triage',
    label: `Triaged within 42 days (${GOAL_YEAR} cohort; target 90%)`,
    unit: 'share',
    better: 'up',
    value: (v) => v.r.goal.triageShare,
  },
  {
    id: 'daysToHome',
    label: `Median days from arrival to a home (${GOAL_YEAR} cohort)`,
    unit: 'days',
    better: 'down',
    value: (v) => v.at('daysToHomeP50', GOAL_YEAR),
  },
  {
    id: 'turnedAwayShare',
    label: 'Crisis arrivals finding the shelter full (2025–2030)',
    unit: 'share',
    better: 'down',
    value: (v) => v.sum('turnedAway', YEARS) / v.sum('crisisArrivals', YEARS),
  },
  {
    id: 'gaveUp',
    label: 'Gave up waiting outside, per year (2025–2030)',
    unit: 'count',
    better: 'down',
    value: (v) => v.perYear('gaveUp', YEARS),
  },
  {
    id: 'crisisOccupancy',
    label: `Crisis places occupied, mean (${GOAL_YEAR})`,
    unit: 'count',
    value: (v) => crisisIds(v.s).reduce((sum, id) => sum + v.at(`occupancy:${id}`, GOAL_YEAR), 0),
  },
  {
    id: 'waitingHome',
    label: `Housing-ready people waiting for a home, mean (${GOAL_YEAR})`,
    unit: 'count',
    better: 'down',
    value: (v) => v.at('waitingHome', GOAL_YEAR),
  },
  {
    id: 'housed',
    label: 'Housed per year (2025–2030)',
    unit: 'count',
    better: 'up',
    value: (v) => v.perYear('housed', YEARS),
  },
  {
    id: 'lapsed',
    label: `Contingent homes unused (lapsed) in ${GOAL_YEAR}`,
    unit: 'count',
    better: 'down',
    value: (v) =>
      v.s.housing.contingents.reduce((sum, c) => sum + v.at(`lapsed:${c.id}`, GOAL_YEAR), 0),
  },
];

/** Per metric, one value per replication. */
type Values = Record<string, Float64Array>;

function run(s: Scenario, n: number, seed: string | number, tick: () => void): Values {
  const out: Values = Object.fromEntries(METRICS.map((m) => [m.id, new Float64Array(n)]));
  for (let i = 0; i < n; i++) {
    const v = new ReplicationView(s, runReplication(s, i, { seed }));
    for (const m of METRICS) out[m.id][i] = m.value(v);
    tick();
  }
  return out;
}

function fmt(x: number, unit: Metric['unit'], signed = false): string {
  if (!Number.isFinite(x)) return '–';
  if (Math.abs(x) < 1e-9) x = 0;
  const sign = signed && x > 0 ? '+' : '';
  if (unit === 'share') return `${sign}${(x * 100).toFixed(1)}${signed ? ' pp' : '%'}`;
  return `${sign}${x.toFixed(unit === 'days' ? 0 : 1)}`;
}

function fmtEstimate(e: Estimate, unit: Metric['unit'], binary = false): string {
  if (binary) {
    const [lo, hi] = wilson95(Math.round(e.mean * e.n), e.n);
    return `${fmt(e.mean, unit)} (${fmt(lo, unit)}–${fmt(hi, unit)})`;
  }
  return fmt(e.mean, unit);
}

/**
 * Paired difference B − A (NaN pairs left out). `bounded` differences of shares keep their
 * interval within ±1 (the t interval of 0/1 outcomes can overshoot).
 */
function pairedDiff(a: Float64Array, b: Float64Array, bounded = false): Estimate {
  const d: number[] = [];
  for (let i = 0; i < a.length; i++)
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) d.push(b[i] - a[i]);
  const e = estimate(d);
  if (bounded) e.ci95 = [Math.max(-1, e.ci95[0]), Math.min(1, e.ci95[1])];
  return e;
}

/** "clearly lower", "clearly higher" or "no clear difference", from the interval. */
function direction(d: Estimate): 'up' | 'down' | 'none' {
  if (!(d.n >= 2) || (d.ci95[0] <= 0 && d.ci95[1] >= 0)) return 'none';
  return d.mean > 0 ? 'up' : 'down';
}

function tableRows(
  base: Values,
  other: Values | undefined,
  names: [string, string?],
  paired = true,
): string[] {
  const head = !other
    ? [`| Figure | ${names[0]} |`, '|---|---|']
    : paired
      ? [`| Figure | ${names[0]} | ${names[1]} | Difference (95% CI) |`, '|---|---|---|---|']
      : [`| Figure | ${names[0]} | ${names[1]} |`, '|---|---|---|'];
  const rows = METRICS.map((m) => {
    const a = estimate(base[m.id]);
    const binary = m.id === 'goalMet';
    if (!other) return `| ${m.label} | ${fmtEstimate(a, m.unit, binary)} |`;
    const b = estimate(other[m.id]);
    if (!paired)
      return `| ${m.label} | ${fmtEstimate(a, m.unit, binary)} | ${fmtEstimate(b, m.unit, binary)} |`;
    const d = pairedDiff(base[m.id], other[m.id], m.unit === 'share');
    const ci = `${fmt(d.mean, m.unit, true)} (${fmt(d.ci95[0], m.unit, true)} to ${fmt(d.ci95[1], m.unit, true)})`;
    return `| ${m.label} | ${fmtEstimate(a, m.unit, binary)} | ${fmtEstimate(b, m.unit, binary)} | ${ci} |`;
  });
  return [...head, ...rows];
}

/** The lead figures of a what-if against its comparator, in plain words. */
function inShort(focus: string[], base: Values, other: Values, baseName: string): string {
  const parts = focus.map((id) => {
    const m = METRICS.find((x) => x.id === id);
    if (!m) throw new Error(`unknown metric "${id}"`);
    const label = m.label.replace(/ \(.*\)$/, '').toLowerCase();
    const a = estimate(base[id]).mean;
    const b = estimate(other[id]).mean;
    const d = pairedDiff(base[id], other[id], m.unit === 'share');
    const dir = direction(d);
    if (dir === 'none')
      return `${label} does not change beyond the noise (${fmt(a, m.unit)} vs ${fmt(b, m.unit)})`;
    const verdict = m.better
      ? dir === m.better
        ? 'better'
        : 'worse'
      : dir === 'up'
        ? 'higher'
        : 'lower';
    return `${label} ${fmt(a, m.unit)} → ${fmt(b, m.unit)} (${verdict}; ${fmt(d.ci95[0], m.unit, true)} to ${fmt(d.ci95[1], m.unit, true)})`;
  });
  return `Against ${baseName}, on the same futures: ${parts.join('; ')}.`;
}

function goalSentence(v: Values): string {
  const g = estimate(v.goalMet);
  const r = estimate(v.rehousing);
  const t = estimate(v.triage);
  const [lo, hi] = wilson95(Math.round(g.mean * g.n), g.n);
  const met =
    g.mean === 0
      ? `The ${GOAL_YEAR} goal is met in none of the ${g.n} futures`
      : `The ${GOAL_YEAR} goal is met in ${fmt(g.mean, 'share')} of ${g.n} futures (95% CI ${fmt(lo, 'share')}–${fmt(hi, 'share')})`;
  return `${met}: ${fmt(r.mean, 'share')} of the ${GOAL_YEAR} cohort has a home within 91 days and ${fmt(t.mean, 'share')} is triaged within 42 days (targets 90%).`;
}

function section(
  w: WhatIf | undefined,
  file: string,
  results: Map<string, Values>,
  compareName: string,
): string[] {
  const v = results.get(file)!;
  const title = w ? w.title : 'Baseline: Drechtsteden 2024 (calibrated)';
  const lines = [`## ${title}`, '', `File: \`scenarios/${file}\`.`, ''];
  if (!w) {
    lines.push(
      'The calibrated baseline (see [calibration.md](calibration.md)): the chain as in 2024, with the triage team from Q3 2024 and the youth crisis shelter from July 2024, and no further policy change.',
      '',
      `**Verdict.** ${goalSentence(v)}`,
      '',
      ...tableRows(v, undefined, ['Baseline']),
    );
    return lines;
  }
  lines.push(`**Question.** ${w.question}`, '', `**What it changes.** ${w.changes}`, '');
  const cmpFile = w.compareWith ?? BASELINE_FILE;
  const base = results.get(cmpFile)!;
  const paired = w.id !== 'west-brabant-west-2024';
  let verdict = goalSentence(v);
  if (paired) {
    verdict += ` ${inShort(w.focus, base, v, compareName.toLowerCase() === 'baseline' ? 'the baseline' : compareName)}`;
  } else {
    verdict +=
      ' Beside it, the Drechtsteden baseline: a different region, so no paired difference; what differs comes from the scaling alone (smaller shelters fill up more often at the same relative load).';
  }
  if (w.reading && paired) {
    const mean = (f: string, id: string) => estimate(results.get(f)![id]).mean;
    verdict += ` ${w.reading({
      mean: (id) => mean(file, id),
      baseMean: (id) => mean(cmpFile, id),
      diff: (id) => pairedDiff(base[id], v[id]),
    })}`;
  }
  lines.push(`**Verdict.** ${verdict}`, '');
  lines.push(...tableRows(base, v, [compareName, w.name], paired));
  return lines;
}

function rangeParagraph(group: WhatIf[], results: Map<string, Values>): string[] {
  const base = results.get(BASELINE_FILE)!;
  const parts = METRICS.filter((m) =>
    ['rehousing', 'turnedAwayShare', 'housed', 'waitingHome'].includes(m.id),
  ).map((m) => {
    const diffs = group.map((w) => pairedDiff(base[m.id], results.get(w.file)![m.id]).mean);
    const lo = Math.min(...diffs);
    const hi = Math.max(...diffs);
    return `${m.label.replace(/ \(.*\)$/, '').toLowerCase()} ${fmt(lo, m.unit, true)} to ${fmt(hi, m.unit, true)}`;
  });
  return [`**As a range** (low to high effect, against the baseline): ${parts.join('; ')}.`, ''];
}

function regenerate(): void {
  const baseline = JSON.parse(readFileSync(`${DIR}/${BASELINE_FILE}`, 'utf8')) as ScenarioInput;
  for (const w of WHAT_IFS) {
    const s = makeWhatIf(w, baseline);
    const v = validateScenario(s);
    if (!v.ok) {
      throw new Error(`${w.file}: ${v.problems.map((p) => `${p.where}: ${p.message}`).join('; ')}`);
    }
    writeFileSync(`${DIR}/${w.file}`, scenarioJson(s));
    console.error(`geschreven / written: ${DIR}/${w.file}`);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      replications: { type: 'string', short: 'n' },
      regenerate: { type: 'boolean' },
      out: { type: 'string', short: 'o' },
    },
  });
  const n = Number(values.replications ?? DEFAULT_REPLICATIONS);
  if (!Number.isInteger(n) || n < 2) throw new UserError(`--replications: a whole number ≥ 2`);
  if (values.regenerate) regenerate();

  const files = [BASELINE_FILE, ...WHAT_IFS.map((w) => w.file)];
  const scenarios = new Map(files.map((f) => [f, loadScenario(`${DIR}/${f}`)]));
  const seed = scenarios.get(BASELINE_FILE)!.seed;
  const bar = progressBar(files.length * n, 'Scenario’s');
  let done = 0;
  const results = new Map<string, Values>();
  for (const f of files)
    results.set(
      f,
      run(scenarios.get(f)!, n, seed, () => bar(++done)),
    );

  const nameOf = (f: string) => WHAT_IFS.find((w) => w.file === f)?.name ?? 'Baseline';
  const doc: string[] = [
    '# Scenarios and their verdicts',
    '',
    `Generated by \`npm run scenarios:doc\` (cli/scenarios-doc.ts) from a seeded run: seed "${seed}", ${n} replications per scenario, each scenario on the same replications as the one it is compared with (common random numbers), so differences are paired. Figures are means across replications; "95% CI" is the interval of a mean or of a paired difference. Do not edit by hand: change the scenarios or the script and run it again.`,
    '',
    'Every what-if file is the calibrated baseline plus the changes described here (generated by `npm run scenarios:doc -- --regenerate` from cli/calibration/what-ifs.ts). Every parameter in every file carries a Dutch `source` or `assumption` note. "Goal" is the 2030 ambition of [S3] (triage at the latest six weeks after access, then a suitable home within three months) as the model measures it: 90% of the crisis cohort triaged within 42 days and 90% (of those not leaving the chain at triage) in a suitable home within 91 days of arrival. The two 90% targets are an assumption: the documents give no share.',
    '',
  ];
  doc.push(...section(undefined, BASELINE_FILE, results, 'Baseline'), '');
  for (const w of WHAT_IFS) {
    doc.push(...section(w, w.file, results, nameOf(w.compareWith ?? BASELINE_FILE)), '');
    const group = WHAT_IFS.filter((x) => w.rangeOf && x.rangeOf === w.rangeOf);
    if (group.length > 1 && group.at(-1) === w) doc.push(...rangeParagraph(group, results));
  }
  const out = values.out ?? OUT;
  const text = doc.join('\n').replace(/\n{3,}/g, '\n\n');
  const config = (await prettier.resolveConfig(out)) ?? {};
  writeFileSync(out, await prettier.format(text, { ...config, parser: 'markdown' }));
  console.error(`geschreven / written: ${out}`);
}

await runCommand(main);
