/**
 * The long mode of the property tests (tests/property): 10,000 generated and mutated scenarios,
 * each validated and, when accepted, run for two replications in a worker thread with a time
 * and a memory limit. Prints the count of every outcome by kind of case and exits with code 1
 * when any case failed (a validator exception, a crash, a hang, running out of memory, NaN or
 * Infinity in a result, a problem path not in the input, broken conservation).
 * Usage: npm run fuzz [-- --cases N] [--seed S] [--workers W] [--time-limit SECONDS]
 *   [--memory-mb MB] ; npm run fuzz -- --only I [--write FILE] re-checks case I (of the same
 *   seed) in this process and can write its input as JSON.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import {
  CASE_SOURCES,
  caseSource,
  materialize,
  scenarioCaseArb,
  type CaseSource,
} from '../tests/property/scenario-case.ts';
import { ANSWERS, FAILURES, checkInput, isFailure } from '../tests/property/check-case.ts';
import { CasePool, type Checked } from '../tests/property/case-pool.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    workers: { type: 'string', default: '2' },
    'time-limit': { type: 'string', default: '30' },
    'memory-mb': { type: 'string', default: '2048' },
    only: { type: 'string' },
    write: { type: 'string' },
  },
});

function whole(name: string, min: number): number {
  const n = Number(values[name as keyof typeof values]);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}`);
    process.exit(2);
  }
  return n;
}

const seed = whole('seed', 0);
/** Failures shown per outcome, with what to run to see one again. */
const EXAMPLES = 5;

if (values.only !== undefined) {
  const i = whole('only', 0);
  const c = fc.sample(scenarioCaseArb, { seed, numRuns: i + 1 })[i];
  const { input, steps } = materialize(c);
  if (values.write) writeFileSync(values.write, JSON.stringify(input, null, 2));
  console.log(
    `case ${i} (${caseSource(c)}), input uncertainty ${c.inputUncertainty ? 'on' : 'off'}`,
  );
  for (const s of steps) console.log(`  ${s}`);
  console.log(checkInput(input, c.inputUncertainty));
  process.exit(0);
}

const cases = whole('cases', 1);
const workers = whole('workers', 1);
const timeLimitMs = whole('time-limit', 1) * 1000;
const memoryMb = whole('memory-mb', 64);

const started = performance.now();
const all = fc.sample(scenarioCaseArb, { seed, numRuns: cases });
const pool = new CasePool({ workers, timeLimitMs, memoryMb });
const counts = new Map<string, number>();
const examples = new Map<string, string[]>();
const slowest: { ms: number; line: string }[] = [];
let done = 0;

const results = await Promise.all(
  all.map(async (c, i): Promise<Checked> => {
    const checked = await pool.check(c);
    const source = caseSource(c);
    const { outcome } = checked.verdict;
    counts.set(`${outcome}|${source}`, (counts.get(`${outcome}|${source}`) ?? 0) + 1);
    const failure = isFailure(checked.verdict);
    // A worker that died said nothing of its mutations: say them again from here.
    const steps = failure && checked.steps.length === 0 ? materialize(c).steps : checked.steps;
    const line = `case ${i} (${source}${c.inputUncertainty ? ', input uncertainty' : ''}): ${steps.join('; ') || 'as generated'} → ${checked.verdict.detail}`;
    if (failure) {
      const list = examples.get(outcome) ?? [];
      if (list.length < EXAMPLES) list.push(line);
      examples.set(outcome, list);
    }
    slowest.push({ ms: checked.ms, line: `${outcome}, ${line}` });
    slowest.sort((a, b) => b.ms - a.ms).splice(5);
    if (++done % 500 === 0) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      process.stderr.write(`${done} of ${cases} cases in ${s} s\n`);
    }
    return checked;
  }),
);
await pool.close();
const wallS = (performance.now() - started) / 1000;

const columns: (CaseSource | 'total')[] = [...CASE_SOURCES, 'total'];
const count = (outcome: string, source: CaseSource | 'total') =>
  source === 'total'
    ? CASE_SOURCES.reduce((sum, s) => sum + (counts.get(`${outcome}|${s}`) ?? 0), 0)
    : (counts.get(`${outcome}|${source}`) ?? 0);
const width = Math.max(...[...ANSWERS, ...FAILURES].map((o) => o.length));
const row = (label: string, cells: (string | number)[]) =>
  `${label.padEnd(width)}  ${cells.map((c, i) => String(c).padStart(columns[i].length)).join('  ')}`;

console.log(
  `${cases.toLocaleString('en-GB')} cases, seed ${seed}, ${workers} workers, ` +
    `at most ${timeLimitMs / 1000} s and ${memoryMb} MB a case`,
);
console.log(row('', columns));
for (const o of ANSWERS)
  console.log(
    row(
      o,
      columns.map((s) => count(o, s)),
    ),
  );
console.log('failures:');
for (const o of FAILURES)
  console.log(
    row(
      o,
      columns.map((s) => count(o, s)),
    ),
  );
const failed = results.filter((r) => isFailure(r.verdict)).length;
console.log(`${failed} failed; wall time ${wallS.toFixed(0)} s`);
for (const [outcome, lines] of examples) {
  console.log(`\n${outcome} (${count(outcome, 'total')}), e.g.:`);
  for (const l of lines) console.log(`  ${l}`);
}
console.log('\nslowest cases:');
for (const s of slowest) console.log(`  ${(s.ms / 1000).toFixed(1)} s ${s.line.slice(0, 300)}`);
console.log(`\nsee one again: npm run fuzz -- --seed ${seed} --only <case> [--write case.json]`);
process.exit(failed > 0 ? 1 : 0);
