/**
 * Worker-pool benchmark, all figures from one run: replications/s on warm pools of 1 and of 2
 * workers, the parallel efficiency, the machine's own ceiling for it (two separate runs at
 * once), and a check that they give the same summaries. The pools take turns in rounds
 * (order alternating), so load from other processes hits both alike; they keep no
 * replications between runs. Last, what keeping them saves: raising a run's replications.
 * Usage: npx tsx bench/workers.ts [--replications 1000] [--rounds 5] [--counts 1,2]
 * [--scenario path]   (npm run bench -- --workers runs it too).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parseScenario } from '../sim/scenario/validate.ts';
import type { RunSummary } from '../sim/results/aggregate.ts';
import type { SimPool } from '../workers/pool.ts';
import { createNodePool } from '../workers/node.ts';

const { values } = parseArgs({
  options: {
    replications: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '5' },
    counts: { type: 'string', default: '1,2' },
    scenario: { type: 'string', default: 'scenarios/drechtsteden-2024.json' },
    workers: { type: 'boolean', default: false }, // the flag that routes bench.ts here
  },
});
const n = Number(values.replications);
const rounds = Number(values.rounds);
const perRound = Math.ceil(n / rounds);
const counts = values.counts.split(',').map(Number);
const scenario = parseScenario(JSON.parse(readFileSync(values.scenario, 'utf8')));

interface Tally {
  workers: number;
  pool: SimPool;
  /** Pool start: spawn, load, validate, and a JIT warm-up of 10 replications per worker (ms). */
  startMs: number;
  /** Wall time of the measured runs (ms), and CPU time of the whole process meanwhile (ms). */
  runMs: number;
  cpuMs: number;
  /** Per round: replications/s. */
  rates: number[];
  summary?: RunSummary;
}

async function start(workers: number): Promise<Tally> {
  const t0 = performance.now();
  // No replications kept between runs: every round computes all of its own.
  const pool = createNodePool({ workers, cacheBytes: 0 });
  await pool.run(scenario, { replications: 10 * workers, seed: 'warm-up' });
  return { workers, pool, startMs: performance.now() - t0, runMs: 0, cpuMs: 0, rates: [] };
}

async function measure(t: Tally): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  t.summary = await t.pool.run(scenario, { replications: perRound });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  t.runMs += ms;
  t.cpuMs += (cpu.user + cpu.system) / 1000;
  t.rates.push((perRound * 1000) / ms);
}

const normalised = (s: RunSummary | undefined) =>
  JSON.stringify({ ...s, meta: { ...s?.meta, wallMs: 0, workers: 0 } });
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

console.log(
  `${scenario.id}: ${rounds} rounds of ${perRound} replications per pool; ` +
    `${availableParallelism()} cores; load average before: ${load()}`,
);
const tallies: Tally[] = [];
for (const w of counts) tallies.push(await start(w));
let identical = true;
for (let r = 0; r < rounds; r++) {
  for (const t of r % 2 === 0 ? tallies : [...tallies].reverse()) await measure(t);
  identical &&= tallies.every((t) => normalised(t.summary) === normalised(tallies[0].summary));
}
await Promise.all(tallies.map((t) => t.pool.close()));

for (const t of tallies) {
  console.log(
    `  ${t.workers} worker${t.workers === 1 ? ' ' : 's'}: ` +
      `${((rounds * perRound * 1000) / t.runMs).toFixed(1).padStart(7)} replications/s` +
      ` (${(t.cpuMs / t.runMs).toFixed(2)} cores busy;` +
      ` pool start + warm-up ${(t.startMs / 1000).toFixed(2)} s)`,
  );
}
console.log(`load average after: ${load()} (other processes take cores from the workers)`);

/**
 * The machine's own ceiling for 2 workers: two separate single-threaded runs at once, each
 * against one run alone (replications/s; median of 3). No pool can beat it: it shows what
 * two busy cores cost each other here (shared caches and memory; the lone run's garbage
 * collector and compiler threads also have the idle core to themselves).
 */
async function machineCeiling(): Promise<number> {
  const part = () =>
    promisify(execFile)(
      process.execPath,
      [
        ...process.execArgv,
        new URL('./bench.ts', import.meta.url).pathname,
        '--part',
        'model:fast',
        '--replications',
        '150',
        '--scenario',
        values.scenario,
      ],
      { encoding: 'utf8' },
    ).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').pop()!) as { ms: number });
  const ratios: number[] = [];
  for (let r = 0; r < 3; r++) {
    const alone = await part();
    const together = await Promise.all([part(), part()]);
    ratios.push(alone.ms / ((together[0].ms + together[1].ms) / 2));
  }
  return median(ratios);
}
const ceiling = counts.includes(2) ? await machineCeiling() : undefined;

const one = tallies.find((t) => t.workers === 1);
for (const t of tallies) {
  if (!one || t === one) continue;
  const efficiency = one.runMs / (t.workers * t.runMs);
  const perRoundEff = t.rates.map((rate, r) => rate / (t.workers * one.rates[r]));
  console.log(
    `parallel efficiency 1 → ${t.workers} workers: ${(efficiency * 100).toFixed(1)}%` +
      ` (rounds: ${perRoundEff.map((e) => (e * 100).toFixed(0)).join(', ')}%;` +
      ` median ${(median(perRoundEff) * 100).toFixed(1)}%)` +
      (t.workers === 2 ? `; target ≥ 85%: ${efficiency >= 0.85 ? 'met' : 'NOT met'}` : ''),
  );
  if (t.workers === 2 && ceiling !== undefined) {
    const ofCeiling = efficiency / ceiling;
    console.log(
      `machine ceiling: two single-threaded runs at once each go at ${(ceiling * 100).toFixed(1)}%` +
        ` of one alone; the pool reaches ${(ofCeiling * 100).toFixed(1)}% of that` +
        ` (target ≥ 95%: ${ofCeiling >= 0.95 ? 'met' : 'NOT met'})`,
    );
  }
}
const two = tallies.find((t) => t.workers === 2);
if (two) {
  const s = two.runMs / (rounds * perRound); // ms per replication = s per 1000
  console.log(
    `1000 replications with 2 workers: ${s.toFixed(2)} s on a warm pool` +
      ` (target ≤ 3 s after the model rewrite: ${s <= 3 ? 'met' : 'NOT met'})`,
  );
}
if (two) {
  // Raising the replications of a run already made: only the new ones are computed.
  const pool = createNodePool({ workers: 2 });
  const half = Math.floor(n / 2);
  const t0 = performance.now();
  await pool.run(scenario, { replications: half, seed: 'kept' });
  const halfMs = performance.now() - t0;
  const t1 = performance.now();
  const raised = await pool.run(scenario, { replications: n, seed: 'kept' });
  const raiseMs = performance.now() - t1;
  const t2 = performance.now();
  const again = await pool.run(scenario, { replications: n, seed: 'kept' });
  const againMs = performance.now() - t2;
  await pool.close();
  identical &&= normalised(raised) === normalised(again);
  console.log(
    `raising ${half} to ${n} replications on a pool that keeps them: ${(raiseMs / 1000).toFixed(2)} s,` +
      ` ${(raiseMs / halfMs).toFixed(2)}× the first ${half} (only the new ones computed);` +
      ` the same ${n} again: ${againMs.toFixed(0)} ms`,
  );
}
console.log(`summaries identical across worker counts: ${identical ? 'yes' : 'NO'}`);
if (!identical) process.exitCode = 1;
