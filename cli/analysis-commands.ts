/**
 * The inverse questions on the command line: `size` (smallest contingent for a target
 * P(goal met)), `compare` (paired B − A), `sensitivity` (tornado table, and with
 * --input-uncertainty the split of the spread between parameters and chance). All run on
 * the worker pool; output is Dutch by default.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadScenario } from './load-scenario.ts';
import { UserError } from './user-error.ts';
import { progressBar } from './progress.ts';
import {
  COMMON_OPTIONS,
  engineOf,
  langOf,
  probability,
  seedOf,
  wholeNumber,
  replicationsOf,
  workersOf,
} from './options.ts';
import { createNodePool } from '../workers/node.ts';
import type { SimPool } from '../workers/pool.ts';
import type { Runner } from '../sim/analysis/runner.ts';
import { sizeContingent } from '../sim/analysis/contingent-sizing.ts';
import { sensitivity } from '../sim/analysis/sensitivity.ts';
import { varianceSplit } from '../sim/analysis/variance-split.ts';
import { comparePaired, type PairedDifference } from '../sim/results/compare.ts';
import { number, percent, verdict, type Lang } from '../sim/results/verdict.ts';
import type { EngineKind } from '../sim/engine/engine.ts';

function runnerOf(pool: SimPool, engine: EngineKind): Runner {
  return (s, r) =>
    pool.run(s, {
      replications: r.replications,
      seed: r.seed,
      engine,
      inputUncertainty: r.inputUncertainty,
    });
}

function writeJson(path: string | undefined, data: unknown, lang: Lang): void {
  if (!path) return;
  writeFileSync(path, JSON.stringify(data, null, 1) + '\n');
  console.error(lang === 'nl' ? `Resultaat geschreven naar ${path}` : `Result written to ${path}`);
}

/** Pads cells into aligned columns. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `size <scenario> --contingent <id|all> [--target 0.8]`. */
export async function sizeCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      contingent: { type: 'string', short: 'c' },
      target: { type: 'string', short: 't' },
      'max-units': { type: 'string' },
    },
  });
  if (positionals.length !== 1)
    throw new UserError('één scenariobestand nodig / one scenario file needed');
  const lang = langOf(values.lang);
  const s = loadScenario(positionals[0]);
  const contingent = values.contingent ?? 'all';
  if (contingent !== 'all' && !s.housing.contingents.some((c) => c.id === contingent)) {
    const ids = s.housing.contingents.map((c) => c.id).join(', ');
    throw new UserError(`--contingent: onbekend / unknown "${contingent}" (${ids}, all)`);
  }
  const target = probability('target', values.target, 0.8);
  const fine = replicationsOf(values.replications, 10) ?? 400;
  const pool = createNodePool({ workers: workersOf(values.workers) });
  const bar = progressBar(20, lang === 'nl' ? 'Zoeken' : 'Searching');
  try {
    const result = await sizeContingent(s, runnerOf(pool, engineOf(values.engine)), {
      contingent,
      target,
      fineReplications: fine,
      coarseReplications: Math.max(10, Math.round(fine / 4)),
      maxUnits: wholeNumber('max-units', values['max-units'], 1, 100_000),
      seed: seedOf(values.seed) ?? s.seed,
      onPoint: (_, n) => bar(Math.min(n, 19)),
    });
    bar(20);
    const name =
      contingent === 'all' ? (lang === 'nl' ? 'alle contingenten' : 'all contingents') : contingent;
    const goal = `P(${lang === 'nl' ? 'doel' : 'goal'} ${s.goal.year}) ≥ ${percent(target, lang)}`;
    if (result.answer === null) {
      console.log(
        lang === 'nl'
          ? `${name}: ook met ${number(result.curve.at(-1)!.units, lang)} woningen per jaar geen ${goal}`
          : `${name}: even ${number(result.curve.at(-1)!.units, lang)} homes a year do not give ${goal}`,
      );
    } else {
      const [lo, hi] = result.interval!;
      console.log(
        lang === 'nl'
          ? `${name}: ${number(result.answer, lang)} woningen per jaar nodig voor ${goal} (95%-interval ${number(lo, lang)}–${number(hi, lang)}; nu ${number(result.current, lang)})`
          : `${name}: ${number(result.answer, lang)} homes a year needed for ${goal} (95% interval ${number(lo, lang)}–${number(hi, lang)}; now ${number(result.current, lang)})`,
      );
    }
    const head =
      lang === 'nl'
        ? [
            'woningen/jaar',
            'P(doel)',
            '95%-BI',
            'herhuisvest ≤ 91 d',
            'gebruikt',
            'vervallen',
            'replicaties',
          ]
        : ['homes/year', 'P(goal)', '95% CI', 'rehoused ≤ 91 d', 'used', 'lapsed', 'replications'];
    console.log(
      table([
        head,
        ...result.curve.map((p) => [
          number(p.units, lang),
          percent(p.pMet, lang),
          `${percent(p.pMetCi95[0], lang)}–${percent(p.pMetCi95[1], lang)}`,
          percent(p.rehousing, lang),
          number(p.used, lang, 1),
          number(p.lapsed, lang, 1),
          number(p.replications, lang),
        ]),
      ]),
    );
    writeJson(values.out, result, lang);
  } finally {
    await pool.close();
  }
}

const KPI_LABEL: Record<string, { nl: string; en: string }> = {
  triageShare: { nl: 'triage ≤ termijn', en: 'triaged in time' },
  rehousingShare: { nl: 'herhuisvest ≤ termijn', en: 'rehoused in time' },
  goalMet: { nl: 'doel gehaald', en: 'goal met' },
  turnedAway: { nl: 'opvang vol bij aankomst', en: 'found shelter full' },
  gaveUp: { nl: 'afgehaakt', en: 'gave up' },
  streetDays: { nl: 'dagen op straat', en: 'street days' },
  housed: { nl: 'gehuisvest', en: 'housed' },
  waitingHome: { nl: 'wachtend op woning (gem.)', en: 'waiting for a home (mean)' },
  lapsed: { nl: 'vervallen woningen', en: 'lapsed homes' },
};

function differenceRows(d: PairedDifference[], lang: Lang): string[][] {
  const share = (k: string) => k === 'triageShare' || k === 'rehousingShare' || k === 'goalMet';
  const fmt = (k: string, x: number) => (share(k) ? percent(x, lang, 1) : number(x, lang, 1));
  return d.map((x) => [
    KPI_LABEL[x.kpi][lang],
    fmt(x.kpi, x.meanA),
    fmt(x.kpi, x.meanB),
    fmt(x.kpi, x.diff),
    `${fmt(x.kpi, x.ci95[0])} – ${fmt(x.kpi, x.ci95[1])}`,
    percent(x.pBetter, lang),
  ]);
}

/** `compare <A.json> <B.json>`: both on the same seed and replications, paired. */
export async function compareCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: COMMON_OPTIONS,
  });
  if (positionals.length !== 2)
    throw new UserError('twee scenariobestanden nodig / two scenario files needed');
  const lang = langOf(values.lang);
  const [a, b] = positionals.map(loadScenario);
  const replications = replicationsOf(values.replications) ?? a.replications;
  const seed = seedOf(values.seed) ?? a.seed;
  const pool = createNodePool({ workers: workersOf(values.workers) });
  try {
    const run = runnerOf(pool, engineOf(values.engine));
    const ra = await run(a, { replications, seed });
    const rb = await run(b, { replications, seed });
    const d = comparePaired(ra, rb);
    console.log(`A: ${a.name}\n${verdict(ra, lang)}\nB: ${b.name}\n${verdict(rb, lang)}\n`);
    const head =
      lang === 'nl'
        ? [`${a.goal.year}`, 'A', 'B', 'B − A', '95%-BI (gepaard)', 'P(B beter)']
        : [`${a.goal.year}`, 'A', 'B', 'B − A', '95% CI (paired)', 'P(B better)'];
    console.log(table([head, ...differenceRows(d, lang)]));
    writeJson(values.out, { a: ra.meta, b: rb.meta, differences: d }, lang);
  } finally {
    await pool.close();
  }
}

/** `sensitivity <scenario> [--input-uncertainty] [--per-draw K]`. */
export async function sensitivityCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...COMMON_OPTIONS,
      'input-uncertainty': { type: 'boolean' },
      'per-draw': { type: 'string' },
    },
  });
  if (positionals.length !== 1)
    throw new UserError('één scenariobestand nodig / one scenario file needed');
  const lang = langOf(values.lang);
  const s = loadScenario(positionals[0]);
  if (s.uncertain.length === 0) {
    throw new UserError(
      `${positionals[0]}: geen onzekere parameters (uncertain) / no uncertain parameters`,
    );
  }
  const replications = replicationsOf(values.replications) ?? 200;
  const seed = seedOf(values.seed) ?? s.seed;
  const pool = createNodePool({ workers: workersOf(values.workers) });
  try {
    const run = runnerOf(pool, engineOf(values.engine));
    const bar = progressBar(
      1 + 2 * s.uncertain.length,
      lang === 'nl' ? 'Gevoeligheid' : 'Sensitivity',
    );
    const r = await sensitivity(s, run, replications, seed, (done) => bar(done));
    const head =
      lang === 'nl'
        ? [
            'parameter',
            'laag',
            'hoog',
            'herhuisvest laag',
            'herhuisvest hoog',
            'P(doel) laag',
            'P(doel) hoog',
          ]
        : [
            'parameter',
            'low',
            'high',
            'rehoused low',
            'rehoused high',
            'P(goal) low',
            'P(goal) high',
          ];
    console.log(
      `${lang === 'nl' ? 'Nominaal' : 'Nominal'}: ${percent(r.rehousing, lang, 1)}, P = ${percent(r.pMet, lang)}`,
    );
    console.log(
      table([
        head,
        ...r.rows.map((x) => [
          x.label,
          number(x.low, lang, 2),
          number(x.high, lang, 2),
          percent(x.rehousingLow, lang, 1),
          percent(x.rehousingHigh, lang, 1),
          percent(x.pMetLow, lang),
          percent(x.pMetHigh, lang),
        ]),
      ]),
    );
    let split;
    if (values['input-uncertainty']) {
      const perDraw = wholeNumber('per-draw', values['per-draw'], 2, 10_000) ?? 10;
      if (replications < 2 * perDraw) {
        throw new UserError(
          `--replications: moet minstens 2 × --per-draw (${2 * perDraw}) zijn om de spreiding te splitsen / must be at least 2 × --per-draw (${2 * perDraw}) to split the spread (got ${replications})`,
        );
      }
      const withParams = await run(s, {
        replications,
        seed,
        inputUncertainty: { replicationsPerDraw: perDraw },
      });
      split = varianceSplit(withParams.perReplication.rehousingShare, perDraw);
      console.log(
        lang === 'nl'
          ? `\nMet onzekere invoer (${split.groups} trekkingen × ${perDraw} replicaties): ${percent(split.parameterShare, lang)} van de spreiding in herhuisvesting komt van de parameters, ${percent(1 - split.parameterShare, lang)} van toeval.\n${verdict(withParams, lang)}`
          : `\nWith input uncertainty (${split.groups} draws × ${perDraw} replications): ${percent(split.parameterShare, lang)} of the spread in rehousing comes from the parameters, ${percent(1 - split.parameterShare, lang)} from chance.\n${verdict(withParams, lang)}`,
      );
    }
    writeJson(values.out, { sensitivity: r, varianceSplit: split }, lang);
  } finally {
    await pool.close();
  }
}
