/**
 * Benchmark, all figures from one run so they compare as ratios on a noisy machine:
 * events/s of the default scenario on each engine, of a bare heap loop doing nothing but
 * scheduling, and of each engine on that same hold model; replications/s on one core; and
 * this checkout (its working tree) side by side with an older commit (`--against`):
 * replications/s of each in interleaved rounds, their ratio, and the bytes each allocates
 * per replication.
 * Each measurement runs in its own process, so no call site is shared between engines or
 * between old and new code. Ends with every figure in one table (Markdown).
 * Usage: npm run bench [-- --replications N] [--rounds R] [--against REF] [--scenario path]
 * ; npm run bench -- --workers [--rounds R] [--counts 1,2] (the pool, bench/workers.ts).
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseScenario } from '../sim/scenario/validate.ts';
import { runReplication } from '../sim/run-replication.ts';
import { createEngine } from '../sim/engine/create-engine.ts';
import type { EngineKind } from '../sim/engine/engine.ts';
import { bareHeapLoop, engineHoldLoop } from './bare-loop.ts';
import type { BuildMeasured } from './build-measure.ts';
import { geometricMean, meanWithError } from './means.ts';
import {
  CHECKOUT_ROOT,
  SimBuildError,
  bundleSimulation,
  exportCommit,
  resolveCommit,
} from './sim-build.ts';

/**
 * Default reference of `--against`: the last commit before the model core was rewritten for
 * speed (issue 12), so `npm run bench` shows the rewrite's gain over the code it replaces.
 */
const REWRITE_BASE = '1ec065c';

/** Rounds of old and new, taking turns, unless `--rounds` says otherwise (even: each goes first equally often). */
const DEFAULT_ROUNDS = 6;

/** Replications whose allocation is counted per process (the profiler slows them; 50 give ≈ 1% sampling error at 1 MB each). */
const ALLOCATION_REPLICATIONS = 50;

/** Processes per build that count allocation (see where they run). */
const ALLOCATION_ROUNDS = 3;

/** Targets of issue 12. */
const TARGET_SCENARIO_OVER_BARE = 0.4;
const TARGET_SPEED_UP = 2.5;
const TARGET_MB_PER_REPLICATION = 1;

const { values } = parseArgs({
  options: {
    replications: { type: 'string', default: '200' },
    scenario: { type: 'string', default: 'scenarios/drechtsteden-2024.json' },
    against: { type: 'string', default: REWRITE_BASE },
    workers: { type: 'boolean', default: false },
    // Read by bench/workers.ts too when --workers routes there.
    rounds: { type: 'string' },
    counts: { type: 'string' },
    part: { type: 'string' },
  },
});

/** One measurement: events fired and wall time (ms). */
interface Measured {
  events: number;
  ms: number;
}

const HOLD_EVENTS = 2_000_000;
const PENDING = 1000;

function timed(f: () => number): Measured {
  const t0 = performance.now();
  const events = f();
  return { events, ms: performance.now() - t0 };
}

/** A whole number ≥ 1 from option `name`, or a clear error. */
function positiveInteger(name: string, text: string): number {
  const v = Number(text);
  if (!Number.isInteger(v) || v < 1) {
    throw new UsageError(`--${name} must be a whole number ≥ 1, not ${JSON.stringify(text)}`);
  }
  return v;
}

/** A mistake on the command line. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** A measuring process that failed or printed no result. */
class MeasurementError extends Error {
  override name = 'MeasurementError';
}

/** Runs one part of the benchmark in this process. */
function measure(part: string): Measured {
  const n = Number(values.replications);
  if (part === 'bare') {
    bareHeapLoop(HOLD_EVENTS / 4, PENDING);
    return timed(() => bareHeapLoop(HOLD_EVENTS, PENDING).events);
  }
  const [kind, engine] = part.split(':') as ['hold' | 'model', EngineKind];
  if (kind === 'hold') {
    const events = engine === 'simjs' ? HOLD_EVENTS / 4 : HOLD_EVENTS;
    engineHoldLoop((h) => createEngine(engine, h), events / 4, PENDING);
    return timed(() => engineHoldLoop((h) => createEngine(engine, h), events, PENDING).events);
  }
  const s = parseScenario(JSON.parse(readFileSync(values.scenario, 'utf8')));
  for (let i = 0; i < 10; i++) runReplication(s, i, { engine }); // warm up the JIT
  return timed(() => {
    let events = 0;
    for (let i = 0; i < n; i++) events += runReplication(s, i, { engine }).events;
    return events;
  });
}

/** The child process running now, so an interrupt can end it. */
let running: ChildProcess | undefined;

/** Runs `args` in a new Node process (with this one's loader) and parses its last line of JSON. */
function inNode<T>(label: string, args: string[]): Promise<T> {
  return new Promise((done, fail) => {
    running = execFile(
      process.execPath,
      [...process.execArgv, ...args],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
      (error, stdout) => {
        running = undefined;
        if (error) {
          const how = error.signal
            ? `was ended by ${error.signal}`
            : `failed with exit code ${String(error.code)}; its own message is above`;
          fail(new MeasurementError(`the measurement "${label}" ${how}`));
          return;
        }
        try {
          done(JSON.parse(stdout.trim().split('\n').pop()!) as T);
        } catch {
          fail(new MeasurementError(`the measurement "${label}" printed no result:\n${stdout}`));
        }
      },
    );
    running.stderr!.pipe(process.stderr);
  });
}

function inChild(part: string): Promise<Measured> {
  return inNode(part, [
    process.argv[1],
    '--part',
    part,
    '--replications',
    values.replications!,
    '--scenario',
    values.scenario!,
  ]);
}

const BUILD_MEASURE = fileURLToPath(new URL('./build-measure.ts', import.meta.url));

async function inBuild(
  label: string,
  bundle: string,
  what: 'rate' | 'allocation',
  replications: number,
): Promise<BuildMeasured> {
  const m = await inNode<BuildMeasured>(`${label} ${what}`, [
    BUILD_MEASURE,
    '--bundle',
    bundle,
    '--what',
    what,
    '--replications',
    String(replications),
    '--scenario',
    resolve(values.scenario!),
  ]);
  m.events ??= Number.NaN; // JSON has no NaN
  return m;
}

/** A table row: what, value, × bare loop, target. */
type Row = [string, string, string, string];

function fmt(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

function markdownTable(header: Row, rows: Row[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) =>
    `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

function met(ok: boolean): string {
  return ok ? 'met' : 'not met';
}

async function main(): Promise<void> {
  const n = positiveInteger('replications', values.replications!);
  const rounds = positiveInteger('rounds', values.rounds ?? String(DEFAULT_ROUNDS));
  if (rounds < 2) throw new UsageError('--rounds must be at least 2 (for a standard error)');
  try {
    parseScenario(JSON.parse(readFileSync(values.scenario!, 'utf8')));
  } catch (e) {
    throw new UsageError(`--scenario ${values.scenario}: ${(e as Error).message}`);
  }
  const ref = values.against!;
  const commit = resolveCommit(ref);
  const short = commit.slice(0, 7);
  const load0 = loadavg()[0];

  const dir = mkdtempSync(join(tmpdir(), 'doorstroom-bench-'));
  const cleanUp = () => rmSync(dir, { recursive: true, force: true });
  const interrupted = () => {
    running?.kill();
    cleanUp();
    console.error('bench: interrupted');
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    console.log(
      `Doorstroom benchmark: ${values.scenario}, ${n} replications per measurement, one core; ` +
        `this checkout against ${ref} (${short}) in ${rounds} rounds; load average ${load0.toFixed(2)}`,
    );
    const oldBundle = join(dir, 'old.mjs');
    const newBundle = join(dir, 'new.mjs');
    exportCommit(commit, join(dir, 'old'));
    bundleSimulation(join(dir, 'old'), oldBundle);
    bundleSimulation(CHECKOUT_ROOT, newBundle);
    rmSync(join(dir, 'old'), { recursive: true, force: true });

    const rate = (m: Measured) => m.events / (m.ms / 1000);
    const bare = await inChild('bare');
    const row = (label: string, m: Measured) =>
      `${label.padEnd(44)} ${(rate(m) / 1e6).toFixed(2).padStart(7)} M events/s  ${(rate(m) / rate(bare)).toFixed(3).padStart(6)} × bare`;
    console.log(row(`bare heap loop (hold model, ${PENDING} pending)`, bare));
    const holdFast = await inChild('hold:fast');
    console.log(row('heap kernel, same hold model', holdFast));
    const holdSimjs = await inChild('hold:simjs');
    console.log(row('simjs engine, same hold model', holdSimjs));
    const fast = await inChild('model:fast');
    console.log(row('scenario on heap kernel (default, fast)', fast));
    const simjs = await inChild('model:simjs');
    console.log(row('scenario on simjs', simjs));
    const repsPerSec = n / (fast.ms / 1000);
    console.log(
      `replications/s (fast): ${repsPerSec.toFixed(1)} → 1000 replications ≈ ${(1000 / repsPerSec).toFixed(1)} s on one core`,
    );
    console.log(
      `simjs takes ${(simjs.ms / fast.ms).toFixed(2)}× the time of the heap kernel on the scenario`,
    );
    console.log(`events per replication: ${(fast.events / n).toFixed(0)}`);

    // Old and new take turns, each in a process of its own, the order swapped every round,
    // so a change in the machine's load falls on both alike. The ratio is also taken by each
    // process's CPU time: on a machine busy with other work the wall time of a round can
    // swing severalfold, its CPU time far less (same code against itself, 16 rounds at a
    // load average of 8 on 2 cores: 0.89 ± 0.07 by wall time, 1.00 ± 0.02 by CPU time). CPU
    // time counts the GC and compiler threads as well, so on an idle machine the wall-time
    // ratio is the one that says how long a user waits.
    const perRound = { new: [] as BuildMeasured[], old: [] as BuildMeasured[] };
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const);
      for (const which of order) {
        const bundle = which === 'new' ? newBundle : oldBundle;
        perRound[which].push(await inBuild(which, bundle, 'rate', n));
      }
      const repsPerSecOf = (m: BuildMeasured) => m.replications / (m.ms / 1000);
      const [nw, od] = [perRound.new[r], perRound.old[r]].map(repsPerSecOf);
      ratios.push(nw / od);
      const perCpu = (m: BuildMeasured) => m.replications / m.cpuMs;
      cpuRatios.push(perCpu(perRound.new[r]) / perCpu(perRound.old[r]));
      console.log(
        `round ${r + 1}/${rounds} (${order.join(' first, then ')}): new ${nw.toFixed(1)}, old ${od.toFixed(1)} replications/s, new/old ${(nw / od).toFixed(3)} (by CPU time ${cpuRatios[r].toFixed(3)})`,
      );
    }
    const speedUp = geometricMean(ratios);
    const cpuSpeedUp = geometricMean(cpuRatios);
    const pooled = (ms: BuildMeasured[]) =>
      ms.reduce((a, m) => a + m.replications, 0) / (ms.reduce((a, m) => a + m.ms, 0) / 1000);
    const eventsPerReplication = (ms: BuildMeasured[]) =>
      ms.reduce((a, m) => a + m.events, 0) / ms.reduce((a, m) => a + m.replications, 0);

    // Allocation differs by a few per cent from process to process for the same code, most
    // likely with the timing of the compiler and GC threads (under --single-threaded the
    // GC-trace sum repeats to the byte). So it is counted in
    // a few processes of each, taking turns, and quoted as their mean ± standard error.
    const allocated = {
      new: [] as number[],
      old: [] as number[],
      newGc: [] as number[],
      oldGc: [] as number[],
    };
    const allocationReplications = Math.min(n, ALLOCATION_REPLICATIONS);
    for (let r = 0; r < ALLOCATION_ROUNDS; r++) {
      const order = r % 2 === 0 ? (['new', 'old'] as const) : (['old', 'new'] as const);
      for (const which of order) {
        const bundle = which === 'new' ? newBundle : oldBundle;
        const m = await inBuild(which, bundle, 'allocation', allocationReplications);
        const mb = m.bytes! / allocationReplications / 1e6;
        const gcMb = m.gcSumBytes! / allocationReplications / 1e6;
        allocated[which].push(mb);
        allocated[which === 'new' ? 'newGc' : 'oldGc'].push(gcMb);
        if (Math.abs(gcMb / mb - 1) > 0.25) {
          throw new Error(
            `the two allocation counts of ${which} differ by more than 25% (${mb.toFixed(2)} MB sampled, ${gcMb.toFixed(2)} MB by the GC trace): the heap profiler may have dropped collected objects`,
          );
        }
      }
    }
    const allocation = {
      new: meanWithError(allocated.new),
      old: meanWithError(allocated.old),
      newGc: meanWithError(allocated.newGc),
      oldGc: meanWithError(allocated.oldGc),
    };
    const allocationRows: Row[] = (['new', 'old'] as const).map((which) => {
      const label = which === 'new' ? 'this checkout' : `${ref} (${short})`;
      const a = allocation[which];
      const gc = allocation[which === 'new' ? 'newGc' : 'oldGc'];
      console.log(
        `MB allocated per replication, ${label}: ${allocated[which].map((mb) => mb.toFixed(2)).join(', ')} ` +
          `(heap sampling, ${allocationReplications} replications per process), mean ${fmt(a.mean, 2)} ± ${fmt(a.standardError, 2)}; ` +
          `GC-trace sum ${fmt(gc.mean, 2)}`,
      );
      return [
        `MB allocated per replication, ${label} (GC-trace sum ${fmt(gc.mean, 2)})`,
        `${fmt(a.mean, 2)} ± ${fmt(a.standardError, 2)}`,
        '',
        which === 'new'
          ? `≤ ${TARGET_MB_PER_REPLICATION}: ${met(a.mean <= TARGET_MB_PER_REPLICATION)}`
          : '',
      ];
    });
    const allocations = { new: allocation.new.mean, old: allocation.old.mean };
    const load1 = loadavg()[0];

    const x = (m: Measured) => fmt(rate(m) / rate(bare), 3);
    const mev = (m: Measured) => fmt(rate(m) / 1e6, 2);
    const scenarioOverBare = rate(fast) / rate(bare);
    const rows: Row[] = [
      [
        `bare heap loop: hold model, ${PENDING} pending events, scheduling only (M events/s)`,
        mev(bare),
        x(bare),
        '',
      ],
      ['heap kernel (`fast`) on the same hold model (M events/s)', mev(holdFast), x(holdFast), ''],
      ['simjs engine on the same hold model (M events/s)', mev(holdSimjs), x(holdSimjs), ''],
      [
        'default scenario on the default engine, `fast` (M events/s)',
        mev(fast),
        x(fast),
        `≥ ${TARGET_SCENARIO_OVER_BARE.toFixed(2)}: ${met(scenarioOverBare >= TARGET_SCENARIO_OVER_BARE)}`,
      ],
      ['default scenario on simjs (M events/s)', mev(simjs), x(simjs), ''],
      ['simjs time / heap kernel time on the scenario', fmt(simjs.ms / fast.ms, 2), '', ''],
      ['replications/s, default engine (this checkout, from source)', fmt(repsPerSec, 1), '', ''],
      ['1,000 replications on one core (s)', fmt(1000 / repsPerSec, 1), '', ''],
      [
        'events per replication, this checkout / old',
        `${fmt(eventsPerReplication(perRound.new), 0)} / ${fmt(eventsPerReplication(perRound.old), 0)}`,
        '',
        '',
      ],
      [
        `replications/s, this checkout (bundled, ${rounds} rounds)`,
        fmt(pooled(perRound.new), 1),
        '',
        '',
      ],
      [
        `replications/s, ${ref} (${short}) (bundled, ${rounds} rounds)`,
        fmt(pooled(perRound.old), 1),
        '',
        '',
      ],
      [
        `replications/s new/old (geometric mean ± SE over ${rounds} rounds)`,
        `${fmt(speedUp.mean, 3)} ± ${fmt(speedUp.standardError, 3)}`,
        '',
        `≥ ${TARGET_SPEED_UP}: ${met(speedUp.mean >= TARGET_SPEED_UP)}`,
      ],
      [
        `the same by CPU time of each process (less moved by the machine's load)`,
        `${fmt(cpuSpeedUp.mean, 3)} ± ${fmt(cpuSpeedUp.standardError, 3)}`,
        '',
        '',
      ],
      ...allocationRows,
      ['MB allocated per replication new/old', fmt(allocations.new / allocations.old, 3), '', ''],
    ];
    console.log(
      `\nAll figures (${values.scenario}, ${n} replications per measurement, load average ${load0.toFixed(2)} → ${load1.toFixed(2)}):\n`,
    );
    console.log(markdownTable(['what', 'value', '× bare loop', 'target'], rows));
  } finally {
    cleanUp();
  }
}

if (values.part) {
  console.log(JSON.stringify(measure(values.part)));
} else if (values.workers) {
  await import('./workers.ts');
} else {
  try {
    await main();
  } catch (e) {
    const known =
      e instanceof SimBuildError || e instanceof UsageError || e instanceof MeasurementError;
    console.error(`bench: ${known ? (e as Error).message : ((e as Error).stack ?? String(e))}`);
    process.exit(1);
  }
}
