/**
 * The command-line interface: `doorstroom run <scenario.json> [options]`.
 * Prints the verdict (Dutch by default) on stdout; user errors exit with code 2 and a
 * list of problems, never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadScenario } from './load-scenario.ts';
import { UserError } from './user-error.ts';
import { progressBar } from './progress.ts';
import { createNodePool } from '../workers/node.ts';
import { verdict, percent, type Lang } from '../sim/results/verdict.ts';
import type { EngineKind } from '../sim/engine/engine.ts';

const USAGE = `Gebruik / usage:
  npm run sim -- run <scenario.json> [--replications N] [--seed S] [--engine fast|simjs]
                                     [--workers N] [--out result.json] [--lang nl|en]
  --workers: worker threads (standaard/default: ${availableParallelism()}, one per core)`;

function positiveInt(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UserError(
      `--${name}: moet een geheel getal ≥ ${min} zijn / must be a whole number ≥ ${min} (got "${value}")`,
    );
  }
  return n;
}

function engineOf(value: string | undefined): EngineKind | undefined {
  if (value === undefined || value === 'fast' || value === 'simjs') return value;
  throw new UserError(
    `--engine: moet "fast" of "simjs" zijn / must be "fast" or "simjs" (got "${value}")`,
  );
}

function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'nl' || value === 'en') return value ?? 'nl';
  throw new UserError(`--lang: moet "nl" of "en" zijn / must be "nl" or "en" (got "${value}")`);
}

function seedOf(value: string | undefined): string | undefined {
  if (value !== undefined && (value === '' || value.includes('/'))) {
    throw new UserError(
      `--seed: mag niet leeg zijn of "/" bevatten / must be non-empty without "/"`,
    );
  }
  return value;
}

async function run(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      replications: { type: 'string', short: 'n' },
      seed: { type: 'string' },
      engine: { type: 'string' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      workers: { type: 'string', short: 'w' },
    },
  });
  if (positionals.length !== 1)
    throw new UserError(`één scenariobestand nodig / one scenario file needed\n${USAGE}`);
  const lang = langOf(values.lang);
  const engine = engineOf(values.engine) ?? 'fast';
  const replications = positiveInt('replications', values.replications, 2);
  const seed = seedOf(values.seed);
  // The main thread only folds results in, so every core can run a worker.
  const workers = positiveInt('workers', values.workers, 1) ?? availableParallelism();
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

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        await run(rest);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        console.log(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UserError(`onbekend commando / unknown command "${command}"\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof UserError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((e as Error).message);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
