/**
 * Micro-benchmark of random numbers, old against new, all figures from one run so that they
 * compare as ratios on a noisy machine: ns per uniform, exponential, lognormal and gamma draw,
 * and per stream seeded. "old" is the previous path, seedrandom's Alea seeded with the
 * stream's string and d3-random's samplers (imported here directly, only for comparison);
 * "new" is sim/random (stream and durationSampler) as it is now, on the same Alea streams.
 * Each measurement runs in its own process, so that no call site is shared between the
 * paths, and the rounds alternate old and new; a figure is the median over its rounds.
 * Usage: npx tsx bench/random.ts [--rounds R] [--draws N]
 *
 * With `--against DIR[,DIR…]` it times whole replications instead: ms per replication of
 * `--scenario` (default scenarios/drechtsteden-2024.json; `--replications` timed after 20 to
 * warm up) in this checkout and in each other checkout DIR (e.g. the main branch), each
 * with its own sim/, alternating in blocks within each process (see measureReplications).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import alea from 'seedrandom/lib/alea.js';
import { randomExponential, randomGamma, randomLogNormal } from 'd3-random';
import { stream } from '../sim/random/streams.ts';
import { durationSampler } from '../sim/random/duration.ts';
import type { RandomSource } from '../sim/random/source.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    draws: { type: 'string', default: '10000000' },
    part: { type: 'string' },
    against: { type: 'string' },
    scenario: { type: 'string', default: 'scenarios/drechtsteden-2024.json' },
    replications: { type: 'string', default: '200' },
  },
});

/** Replications run to warm up the JIT before the timed ones. */
const WARM_UP_REPLICATIONS = 20;

type Path = 'old' | 'new';
const KINDS = ['uniform', 'exponential', 'lognormal', 'gamma', 'seeding'] as const;
type Kind = (typeof KINDS)[number];

/** Parameters as the default scenario uses them (days). */
const EXPONENTIAL_MEAN = 40;
const LOGNORMAL = { mean: 120, cv: 0.8 };
const GAMMA = { mean: 30, cv: 0.5 };
/** Streams seeded per seeding measurement (each with a name of its own, as in a run). */
const SEEDINGS = 200_000;

/** The previous stream: Alea seeded with the same string. */
function oldStream(seed: string, replication: number, name: string): RandomSource {
  const next = alea(`${seed}/${replication}/${name}`);
  return () => next();
}

/** A draw function of `kind` on `path`, over one stream. */
function sampler(path: Path, kind: Exclude<Kind, 'seeding'>): () => number {
  const source = path === 'old' ? oldStream('bench', 0, kind) : stream('bench', 0, kind);
  const cv2 = (cv: number) => cv * cv;
  if (path === 'old') {
    switch (kind) {
      case 'uniform':
        return source;
      case 'exponential':
        return randomExponential.source(source)(1 / EXPONENTIAL_MEAN);
      case 'lognormal': {
        const sigma2 = Math.log1p(cv2(LOGNORMAL.cv));
        const mu = Math.log(LOGNORMAL.mean) - sigma2 / 2;
        return randomLogNormal.source(source)(mu, Math.sqrt(sigma2));
      }
      case 'gamma':
        return randomGamma.source(source)(1 / cv2(GAMMA.cv), GAMMA.mean * cv2(GAMMA.cv));
    }
  }
  switch (kind) {
    case 'uniform':
      return source;
    case 'exponential':
      return durationSampler({ dist: 'exponential', mean: EXPONENTIAL_MEAN }, source);
    case 'lognormal':
      return durationSampler({ dist: 'lognormal', ...LOGNORMAL }, source);
    case 'gamma':
      return durationSampler({ dist: 'gamma', ...GAMMA }, source);
  }
}

/** ns per operation of one part (`path:kind`), measured in this process after a warm-up. */
function measure(part: string): number {
  const [path, kind] = part.split(':') as [Path, Kind];
  if (kind === 'seeding') {
    const make = path === 'old' ? oldStream : stream;
    const seedAll = (n: number, offset: number) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += make('bench', i & 1023, `stay/${offset + i}`)();
      return sum;
    };
    seedAll(SEEDINGS / 10, 0);
    const t0 = performance.now();
    const sum = seedAll(SEEDINGS, SEEDINGS);
    const ms = performance.now() - t0;
    if (!Number.isFinite(sum)) throw new Error('no sum');
    return (ms * 1e6) / SEEDINGS;
  }
  const draw = sampler(path, kind);
  const n = Number(values.draws);
  let sum = 0;
  for (let i = 0; i < n / 10; i++) sum += draw();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sum += draw();
  const ms = performance.now() - t0;
  if (!Number.isFinite(sum)) throw new Error('no sum');
  return (ms * 1e6) / n;
}

/** Replications per block when checkouts alternate within a process. */
const BLOCK = 10;

/**
 * ms per replication of the scenario with the sim/ of each checkout in `roots`, all in this
 * process: each is warmed up, then they alternate in blocks of {@link BLOCK} replications,
 * so that changes in the machine's load (other processes on two cores) hit them alike.
 * Their modules are separate files, so they share no call site of their own (only those of
 * packages both import).
 */
async function measureReplications(roots: string[]): Promise<number[]> {
  const runs = await Promise.all(
    roots.map(async (root) => {
      const sim = (file: string) => pathToFileURL(resolve(root, 'sim', file)).href;
      const { runReplication } = (await import(sim('run-replication.ts'))) as {
        runReplication: (s: unknown, replication: number) => unknown;
      };
      const { parseScenario } = (await import(sim('scenario/validate.ts'))) as {
        parseScenario: (data: unknown) => unknown;
      };
      const scenario = parseScenario(JSON.parse(readFileSync(values.scenario!, 'utf8')));
      return (replication: number) => runReplication(scenario, replication);
    }),
  );
  for (const run of runs) for (let i = 0; i < WARM_UP_REPLICATIONS; i++) run(i);
  const n = Number(values.replications);
  const ms = runs.map(() => 0);
  for (let start = 0; start < n; start += BLOCK) {
    runs.forEach((run, k) => {
      const t0 = performance.now();
      for (let i = start; i < Math.min(n, start + BLOCK); i++) run(WARM_UP_REPLICATIONS + i);
      ms[k] += performance.now() - t0;
    });
  }
  return ms.map((t) => t / n);
}

function inChild(part: string): string {
  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1],
      '--part',
      part,
      '--draws',
      values.draws!,
      '--scenario',
      values.scenario!,
      '--replications',
      values.replications!,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return out.trim().split('\n').pop()!;
}

/** Times replications in this checkout and the `others`, side by side. */
function compareReplications(others: string[]): void {
  const roots = [resolve('.'), ...others.map((dir) => resolve(dir))];
  const rounds = Number(values.rounds);
  const times = roots.map((): number[] => []);
  for (let r = 0; r < rounds; r++) {
    // Rotate which checkout goes first in each block, round by round.
    const order = roots.map((_, j) => (j + r) % roots.length);
    const ms = JSON.parse(inChild(`replications:${order.map((k) => roots[k]).join(',')}`));
    order.forEach((k, j) => times[k].push((ms as number[])[j]));
  }
  const here = median(times[0]);
  console.log(
    `ms per replication of ${values.scenario} (${values.replications} after ` +
      `${WARM_UP_REPLICATIONS} to warm up, checkouts alternating in blocks of ${BLOCK} ` +
      `within a process; median of ${rounds} rounds, one process each)`,
  );
  roots.forEach((root, k) => {
    const ms = median(times[k]);
    // Paired by round: the geometric mean of this / other over the rounds, ± its standard
    // error (from the spread of the log ratios), less sensitive to load than the medians.
    const logs = times[k].map((t, r) => Math.log(times[0][r] / t));
    const meanLog = logs.reduce((a, b) => a + b, 0) / rounds;
    const se =
      rounds > 1
        ? Math.sqrt(logs.reduce((a, b) => a + (b - meanLog) ** 2, 0) / (rounds - 1) / rounds)
        : NaN;
    const paired =
      k === 0 ? '' : `  this / it, paired: ${Math.exp(meanLog).toFixed(3)} ± ${se.toFixed(3)}`;
    console.log(
      `${(k === 0 ? `${root} (this)` : root).padEnd(28)}${ms.toFixed(3).padStart(9)} ms  ` +
        `median ${(ms / here).toFixed(3)} × this${paired}`,
    );
    console.log(`${''.padEnd(28)}rounds: ${times[k].map((t) => t.toFixed(2)).join(' ')}`);
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (values.part?.startsWith('replications:')) {
  const roots = values.part.slice('replications:'.length).split(',');
  console.log(JSON.stringify(await measureReplications(roots)));
} else if (values.part) {
  console.log(measure(values.part));
} else if (values.against) {
  compareReplications(values.against.split(','));
} else {
  const rounds = Number(values.rounds);
  const times: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++) {
    // Alternate which path goes first, so that drift in the machine's load hits both.
    const order: Path[] = r % 2 === 0 ? ['old', 'new'] : ['new', 'old'];
    for (const kind of KINDS) {
      for (const path of order) {
        (times[`${path}:${kind}`] ??= []).push(Number(inChild(`${path}:${kind}`)));
      }
    }
  }
  console.log(
    `Random numbers, ns per operation (median of ${rounds} rounds, one process each; ` +
      `old = Alea + d3-random, new = sim/random)`,
  );
  console.log(`${'operation'.padEnd(14)}${'old'.padStart(10)}${'new'.padStart(10)}  old / new`);
  for (const kind of KINDS) {
    const oldNs = median(times[`old:${kind}`]);
    const newNs = median(times[`new:${kind}`]);
    const label = kind === 'seeding' ? 'stream seeded' : kind;
    console.log(
      `${label.padEnd(14)}${oldNs.toFixed(1).padStart(10)}${newNs.toFixed(1).padStart(10)}  ` +
        `${(oldNs / newNs).toFixed(2).padStart(6)}×`,
    );
  }
}
