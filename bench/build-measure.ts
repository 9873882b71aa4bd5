/**
 * One measurement of one simulation bundle (see sim-build.ts), in a process of its own that
 * loads nothing else of the simulation: replications of the scenario timed after a JIT
 * warm-up, or the bytes they allocate. Prints one line of JSON, a {@link BuildMeasured}.
 * Usage (bench.ts runs it): tsx bench/build-measure.ts --bundle file.mjs --what rate|allocation
 * --replications N --scenario path
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { measureAllocation } from './allocation.ts';
import type { SimBundle } from './sim-build.ts';

/** What one measurement of a bundle found. */
export interface BuildMeasured {
  /** Replications measured. */
  replications: number;
  /** Events fired in them (NaN if the build's results do not count events). */
  events: number;
  /** Wall time of the replications (ms); with `what` = allocation, slowed by the profiler. */
  ms: number;
  /**
   * CPU time of the whole process meanwhile, all threads (ms): less moved by other
   * processes on a busy machine than the wall time, but it counts GC and compiler threads.
   */
  cpuMs: number;
  /** With `what` = allocation: bytes allocated by the replications, sampled, and its relative error. */
  bytes?: number;
  bytesRelativeError?: number;
  /** With `what` = allocation: bytes by the GC-trace sum, the check on `bytes`. */
  gcSumBytes?: number;
}

/** Replications run first and not measured, so the code is compiled when measuring. */
const WARM_UP = 10;

const { values } = parseArgs({
  options: {
    bundle: { type: 'string' },
    what: { type: 'string', default: 'rate' },
    replications: { type: 'string', default: '100' },
    scenario: { type: 'string' },
  },
});
if (!values.bundle || !values.scenario)
  throw new Error('build-measure: --bundle and --scenario are required');
const n = Number(values.replications);

const sim = (await import(pathToFileURL(values.bundle).href)) as SimBundle;
const scenario = sim.parseScenario(JSON.parse(readFileSync(values.scenario, 'utf8')));

let events = 0;
const run = (): void => {
  for (let i = 0; i < n; i++) events += sim.runReplication(scenario, i).events ?? Number.NaN;
};
for (let i = 0; i < WARM_UP; i++) sim.runReplication(scenario, i);

let out: BuildMeasured;
if (values.what === 'allocation') {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const a = await measureAllocation(run);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  out = {
    replications: n,
    events,
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    bytes: a.sampled,
    bytesRelativeError: a.sampledRelativeError,
    gcSumBytes: a.gcSum,
  };
} else if (values.what === 'rate') {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  out = { replications: n, events, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
} else {
  throw new Error(`build-measure: --what must be rate or allocation, not ${values.what}`);
}
console.log(JSON.stringify(out));
