/**
 * `npm run calibrate`: runs the baseline and prints, per figure from the region's
 * documents, the simulated mean with its 95% interval against the tolerance band.
 * Exit code 1 when a checked target is missed; 2 on a user error.
 */
import { parseArgs } from 'node:util';
import { loadScenario } from './load-scenario.ts';
import { UserError, runCommand } from './user-error.ts';
import { langOf, replicationsOf, seedOf } from './options.ts';
import { progressBar } from './progress.ts';
import { calibrate } from './calibration/run.ts';
import { markdownTable, textTable } from './calibration/table.ts';
import { number, type Lang } from '../sim/results/verdict.ts';

const DEFAULT_SCENARIO = 'scenarios/drechtsteden-2024.json';
const DEFAULT_REPLICATIONS = 200;

const USAGE = `Gebruik / usage:
  npm run calibrate -- [scenario.json] [--replications N] [--seed S] [--lang nl|en] [--markdown]
  standaard / default: ${DEFAULT_SCENARIO}, ${DEFAULT_REPLICATIONS} replicaties, seed van het scenario`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      replications: { type: 'string', short: 'n' },
      seed: { type: 'string' },
      lang: { type: 'string' },
      markdown: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length > 1)
    throw new UserError(`hooguit één scenario / at most one scenario\n${USAGE}`);
  const lang = langOf(values.lang);
  const n = replicationsOf(values.replications) ?? DEFAULT_REPLICATIONS;
  const file = positionals[0] ?? DEFAULT_SCENARIO;
  const s = loadScenario(file);
  const seed = seedOf(values.seed) ?? s.seed;
  const bar = progressBar(n, lang === 'nl' ? 'Kalibratie' : 'Calibration');
  const rows = calibrate(s, { replications: n, seed, onProgress: (done) => bar(done) });

  const met = rows.filter((r) => r.status === 'met').length;
  const missed = rows.filter((r) => r.status === 'missed').length;
  const l: Lang = lang;
  console.log(
    l === 'nl'
      ? `Kalibratie van ${s.name} (${file}): ${number(n, l)} replicaties, seed "${seed}"`
      : `Calibration of ${s.name} (${file}): ${number(n, l)} replications, seed "${seed}"`,
  );
  console.log('');
  console.log(values.markdown ? markdownTable(rows, l) : textTable(rows, l));
  console.log('');
  console.log(
    l === 'nl'
      ? `${met} van ${rows.length} getoetste doelen gehaald (gemiddelde én 95%-interval binnen de band)` +
          (missed ? `; ${missed} gemist` : '')
      : `${met} of ${rows.length} checked targets met (mean and 95% interval inside the band)` +
          (missed ? `; ${missed} missed` : ''),
  );
  return missed > 0 ? 1 : 0;
}

await runCommand(main);
