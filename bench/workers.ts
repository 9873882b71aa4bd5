/**
 * Worker-pool benchmark, all figures from one run: replications/s of the same run (scenario,
 * seed, replications) on pools of 1 and 2 workers, the parallel efficiency, and a check that
 * both give the same summary. Usage: npx tsx bench/workers.ts [--replications 1000]
 * [--counts 1,2] [--scenario path]   (npm run bench -- --workers runs it too).
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parseScenario } from '../sim/scenario/validate.ts';
import type { RunSummary } from '../sim/results/aggregate.ts';
import { createNodePool } from '../workers/node.ts';

const { values } = parseArgs({
  options: {
    replications: { type: 'string', default: '1000' },
    counts: { type: 'string', default: '1,2' },
    scenario: { type: 'string', default: 'scenarios/drechtsteden-2024.json' },
    workers: { type: 'boolean', default: false }, // the flag that routes bench.ts here
  },
});
const n = Number(values.replications);
const counts = values.counts.split(',').map(Number);
const scenario = parseScenario(JSON.parse(readFileSync(values.scenario, 'utf8')));

interface Measure {
  workers: number;
  /** Pool start: spawn, load, validate, and a JIT warm-up of 3 replications per worker (ms). */
  startMs: number;
  /** The measured run of n replications on the warm pool (ms). */
  runMs: number;
  repsPerSec: number;
  summary: RunSummary;
}

async function measure(workers: number): Promise<Measure> {
  const t0 = performance.now();
  const pool = createNodePool({ workers });
  try {
    await pool.run(scenario, { replications: 3 * workers, seed: 'warm-up' });
    const t1 = performance.now();
    const summary = await pool.run(scenario, { replications: n });
    const runMs = performance.now() - t1;
    return { workers, startMs: t1 - t0, runMs, repsPerSec: (n * 1000) / runMs, summary };
  } finally {
    await pool.close();
  }
}

const normalised = (s: RunSummary) =>
  JSON.stringify({ ...s, meta: { ...s.meta, wallMs: 0, workers: 0 } });
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

console.log(
  `${scenario.id}: ${n} replications per run; ${availableParallelism()} cores; load average before: ${load()}`,
);
const results: Measure[] = [];
for (const w of counts) {
  const m = await measure(w);
  results.push(m);
  console.log(
    `  ${w} worker${w === 1 ? ' ' : 's'}: ${m.repsPerSec.toFixed(1).padStart(7)} replications/s` +
      `   run ${(m.runMs / 1000).toFixed(2)} s, pool start + warm-up ${(m.startMs / 1000).toFixed(2)} s`,
  );
}
console.log(`load average after: ${load()}`);

const one = results.find((r) => r.workers === 1);
for (const r of results) {
  if (!one || r === one) continue;
  const efficiency = r.repsPerSec / (r.workers * one.repsPerSec);
  console.log(
    `parallel efficiency 1 → ${r.workers} workers: ${(efficiency * 100).toFixed(1)}%` +
      (r.workers === 2 ? ` (target ≥ 85%: ${efficiency >= 0.85 ? 'met' : 'NOT met'})` : ''),
  );
}
const two = results.find((r) => r.workers === 2);
if (two) {
  const per1000 = (two.runMs / n) * 1000;
  console.log(
    `1000 replications with 2 workers: ${(per1000 / 1000).toFixed(2)} s on a warm pool` +
      ` (target ≤ 6 s: ${per1000 <= 6000 ? 'met' : 'NOT met'})`,
  );
}
const identical = results.every((r) => normalised(r.summary) === normalised(results[0].summary));
console.log(`summaries identical across worker counts: ${identical ? 'yes' : 'NO'}`);
if (!identical) process.exitCode = 1;
