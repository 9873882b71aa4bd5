/**
 * The command-line interface: `run`, `size`, `compare` and `sensitivity`, on the worker pool.
 * Prints Dutch by default (--lang en for English); user errors exit with code 2 and a list
 * of problems, never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadScenario } from './load-scenario.ts';
import { UserError, runCommand } from './user-error.ts';
import { progressBar } from './progress.ts';
import { COMMON_OPTIONS, engineOf, langOf, replicationsOf, seedOf, workersOf } from './options.ts';
import { compareCommand, sensitivityCommand, sizeCommand } from './analysis-commands.ts';
import { createNodePool } from '../workers/node.ts';
import { verdict, percent } from '../sim/results/verdict.ts';

const USAGE = `Gebruik / usage:
  npm run sim -- run <scenario.json>          the verdict for the goal year
  npm run sim -- size <scenario.json> --contingent <id|all> [--target 0.8] [--max-units N]
                                              smallest contingent with P(goal met) ≥ target
  npm run sim -- compare <A.json> <B.json>    paired differences B − A, P(B better)
  npm run sim -- sensitivity <scenario.json> [--input-uncertainty] [--per-draw K]
                                              low/high of each uncertain parameter
options: [--replications N] [--seed S] [--engine fast|simjs] [--workers N]
         [--out result.json] [--lang nl|en]
  --workers: worker threads (standaard/default: one per core)`;

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: COMMON_OPTIONS,
  });
  if (positionals.length !== 1) {
    throw new UserError(`één scenariobestand nodig / one scenario file needed\n${USAGE}`);
  }
  const lang = langOf(values.lang);
  const engine = engineOf(values.engine);
  const replications = replicationsOf(values.replications);
  const seed = seedOf(values.seed);
  const workers = workersOf(values.workers);
  const scenario = loadScenario(positionals[0]);
  const total = replications ?? scenario.replications;
  const bar = progressBar(total, scenario.name);
  const pool = createNodePool({ workers });
  const summary = await pool
    .run(scenario, {
      replications: total,
      seed,
      engine,
      onProgress: (done, _total, interim) => bar(done, `P(doel) ${percent(interim.pMet, lang)}`),
    })
    .finally(() => pool.close());
  console.log(verdict(summary, lang));
  if (values.out) {
    writeFileSync(values.out, JSON.stringify(summary, null, 1) + '\n');
    console.error(
      lang === 'nl' ? `Resultaat geschreven naar ${values.out}` : `Result written to ${values.out}`,
    );
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  run,
  size: sizeCommand,
  compare: compareCommand,
  sensitivity: sensitivityCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  const f = COMMANDS[command];
  if (!f) throw new UserError(`onbekend commando / unknown command "${command}"\n${USAGE}`);
  await f(rest);
  return 0;
}

await runCommand(main);
