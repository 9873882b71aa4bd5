/**
 * The command-line interface: `doorstroom run <scenario.json> [options]`.
 * Prints the verdict (Dutch by default) on stdout; user errors exit with code 2 and a
 * list of problems, never a stack trace.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadScenario } from './load-scenario.ts';
import { UserError } from './user-error.ts';
import { progressBar } from './progress.ts';
import { runReplications } from '../sim/run-replications.ts';
import { verdict, percent, type Lang } from '../sim/results/verdict.ts';
import type { EngineKind } from '../sim/engine/engine.ts';

const USAGE = `Gebruik / usage:
  npm run sim -- run <scenario.json> [--replications N] [--seed S] [--engine fast|simjs]
                                     [--out result.json] [--lang nl|en]`;

function positiveInt(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new UserError(`--${name}: moet een geheel getal ≥ ${min} zijn / must be a whole number ≥ ${min} (got "${value}")`);
  }
  return n;
}

function engineOf(value: string | undefined): EngineKind | undefined {
  if (value === undefined || value === 'fast' || value === 'simjs') return value;
  throw new UserError(`--engine: moet "fast" of "simjs" zijn / must be "fast" or "simjs" (got "${value}")`);
}

function langOf(value: string | undefined): Lang {
  if (value === undefined || value === 'nl' || value === 'en') return value ?? 'nl';
  throw new UserError(`--lang: moet "nl" of "en" zijn / must be "nl" or "en" (got "${value}")`);
}

function seedOf(value: string | undefined): string | undefined {
  if (value !== undefined && (value === '' || value.includes('/'))) {
    throw new UserError(`--seed: mag niet leeg zijn of "/" bevatten / must be non-empty without "/"`);
  }
  return value;
}

function run(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      replications: { type: 'string', short: 'n' },
      seed: { type: 'string' },
      engine: { type: 'string' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UserError(`één scenariobestand nodig / one scenario file needed\n${USAGE}`);
  const lang = langOf(values.lang);
  const engine = engineOf(values.engine) ?? 'fast';
  const replications = positiveInt('replications', values.replications, 2);
  const seed = seedOf(values.seed);
  const scenario = loadScenario(positionals[0]);
  const total = replications ?? scenario.replications;
  const bar = progressBar(total, scenario.name);
  const summary = runReplications(scenario, {
    replications: total,
    seed,
    engine,
    clock: () => performance.now(),
    onProgress: (done, agg) =>
      bar(done, done % 10 === 0 || done === total ? `P(doel) ${percent(agg.interim().pMet, lang)}` : ''),
  });
  console.log(verdict(summary, lang));
  if (values.out) {
    writeFileSync(values.out, JSON.stringify(summary, null, 1) + '\n');
    console.error(lang === 'nl' ? `Resultaat geschreven naar ${values.out}` : `Result written to ${values.out}`);
  }
}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        run(rest);
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

process.exitCode = main(process.argv.slice(2));
