/**
 * Benchmark, all figures from one run so they compare as ratios on a noisy machine:
 * events/s of the default scenario on each engine, of a bare heap loop doing nothing but
 * scheduling, and of each engine on that same hold model; replications/s on one core.
 * Each measurement runs in its own process, so no call site is shared between engines.
 * Usage: npm run bench [-- --replications N] ; npm run bench -- --workers [--rounds R]
 * [--counts 1,2] (the pool, bench/workers.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseScenario } from '../sim/scenario/validate.ts';
import { runReplication } from '../sim/run-replication.ts';
import { createEngine } from '../sim/engine/create-engine.ts';
import { bareHeapLoop, engineHoldLoop } from '../sim/engine/bare-loop.ts';
import type { EngineKind } from '../sim/engine/engine.ts';

const { values } = parseArgs({
  options: {
    replications: { type: 'string', default: '200' },
    scenario: { type: 'string', default: 'scenarios/drechtsteden-2024.json' },
    workers: { type: 'boolean', default: false },
    // Read by bench/workers.ts when --workers routes there.
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
    engineHoldLoop(createEngine(engine), events / 4, PENDING);
    return timed(() => engineHoldLoop(createEngine(engine), events, PENDING).events);
  }
  const s = parseScenario(JSON.parse(readFileSync(values.scenario, 'utf8')));
  for (let i = 0; i < 10; i++) runReplication(s, i, { engine }); // warm up the JIT
  return timed(() => {
    let events = 0;
    for (let i = 0; i < n; i++) events += runReplication(s, i, { engine }).events;
    return events;
  });
}

function inChild(part: string): Measured {
  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1],
      '--part',
      part,
      '--replications',
      values.replications!,
      '--scenario',
      values.scenario!,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Measured;
}

if (values.part) {
  console.log(JSON.stringify(measure(values.part)));
} else if (values.workers) {
  await import('./workers.ts');
} else {
  const n = Number(values.replications);
  const bare = inChild('bare');
  const rate = (m: Measured) => m.events / (m.ms / 1000);
  const row = (label: string, m: Measured) =>
    `${label.padEnd(44)} ${(rate(m) / 1e6).toFixed(2).padStart(7)} M events/s  ${(rate(m) / rate(bare)).toFixed(3).padStart(6)} × bare`;
  const holdFast = inChild('hold:fast');
  const holdSimjs = inChild('hold:simjs');
  const fast = inChild('model:fast');
  const simjs = inChild('model:simjs');
  console.log(`Doorstroom benchmark: ${values.scenario}, ${n} replications per engine, one core`);
  console.log(row(`bare heap loop (hold model, ${PENDING} pending)`, bare));
  console.log(row('heap kernel, same hold model', holdFast));
  console.log(row('simjs engine, same hold model', holdSimjs));
  console.log(row('scenario on heap kernel (default, fast)', fast));
  console.log(row('scenario on simjs', simjs));
  const repsPerSec = n / (fast.ms / 1000);
  console.log(
    `replications/s (fast): ${repsPerSec.toFixed(1)} → 1000 replications ≈ ${(1000 / repsPerSec).toFixed(1)} s on one core`,
  );
  console.log(
    `simjs takes ${(simjs.ms / fast.ms).toFixed(2)}× the time of the heap kernel on the scenario`,
  );
  console.log(`events per replication: ${(fast.events / n).toFixed(0)}`);
}
