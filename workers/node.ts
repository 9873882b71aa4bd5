/**
 * The pool in Node: simulation workers as worker_threads, reached through comlink's node
 * adapter. A TypeScript entry is bundled once per process with esbuild into one plain
 * module, which each thread loads in a fraction of the time that registering tsx in it
 * takes; should bundling fail, the thread registers tsx itself.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism, tmpdir } from 'node:os';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { SimPool, defaultWorkerCount, type PoolOptions, type WorkerFactory } from './pool.ts';

/** The Node entry of the simulation worker. */
export const SIM_WORKER_NODE = new URL('./sim.worker.node.ts', import.meta.url);

/**
 * Source of an eval'd worker that registers tsx and then imports `entry`. (Node 20 does not
 * apply `--import tsx` hooks to a worker's own entry module, so execArgv alone fails.)
 */
function tsBootstrap(entry: URL): string {
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}

/** Bundles made in this process, by entry. */
const bundles = new Map<string, URL | undefined>();

/**
 * `entry` bundled into one ES module (made once per process), or undefined if esbuild
 * fails. The file is named by a hash of its contents in a shared temporary folder, so
 * processes reuse it; bundles of older code go once unused for a week. The bundle carries
 * a source map, so stack traces name the TypeScript sources. An entry that reads its own
 * URL (a query) cannot be bundled.
 */
export function bundled(entry: URL): URL | undefined {
  if (entry.search) return undefined;
  if (!bundles.has(entry.href)) {
    let url: URL | undefined;
    const dir = join(tmpdir(), 'doorstroom-workers');
    try {
      const { outputFiles } = buildSync({
        entryPoints: [fileURLToPath(entry)],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        write: false,
        // Nominal: puts the source map's paths relative to the folder the bundle goes to.
        outfile: join(dir, 'sim.worker.mjs'),
        // Stack traces of model errors then name the TypeScript sources (see the Worker below).
        sourcemap: 'inline',
        sourcesContent: false,
        logLevel: 'silent',
        // CommonJS dependencies may require Node built-ins: give the ES module a require.
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
      });
      const code = outputFiles[0].contents;
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
      const file = join(dir, `sim.worker.${hash}.mjs`);
      if (existsSync(file)) {
        const now = new Date();
        utimesSync(file, now, now); // in use: not stale
      } else {
        mkdirSync(dir, { recursive: true });
        const partial = `${file}.${process.pid}.part`;
        writeFileSync(partial, code);
        renameSync(partial, file); // atomic: another process never loads half a file
        removeStaleBundles(dir);
      }
      url = pathToFileURL(file);
    } catch {
      url = undefined;
    }
    bundles.set(entry.href, url);
  }
  return bundles.get(entry.href);
}

/** Bundles unused this long are removed when a new one is written (ms): a week. */
const STALE_BUNDLE_MS = 7 * 24 * 3600 * 1000;

/**
 * Removes bundles of older code from `dir`: those not used for STALE_BUNDLE_MS (a process
 * touches its bundle when it first starts a pool, so one running old code keeps its own).
 */
export function removeStaleBundles(dir: string): void {
  const cutoff = Date.now() - STALE_BUNDLE_MS;
  for (const name of readdirSync(dir)) {
    if (!/^sim\.worker\.[0-9a-f]+\.mjs/.test(name)) continue;
    const path = join(dir, name);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path);
    } catch {
      // removed by another process meanwhile
    }
  }
}

/**
 * Makes worker_threads running `entry` (default: the simulation worker). Death is the
 * thread's 'error' (uncaught exception, out of memory) or 'exit' event.
 */
export function nodeWorkerFactory(entry: URL = SIM_WORKER_NODE): WorkerFactory {
  return (onDeath) => {
    const ts = entry.pathname.endsWith('.ts');
    const bundle = ts ? bundled(entry) : undefined;
    const worker = !ts
      ? new Worker(entry)
      : bundle
        ? new Worker(bundle, { execArgv: ['--enable-source-maps'] })
        : new Worker(tsBootstrap(entry), { eval: true });
    worker.on('error', (e: Error) => onDeath(`worker error: ${e.message}`));
    worker.on('messageerror', (e: Error) => onDeath(`message could not be read: ${e.message}`));
    worker.on('exit', (code: number) => onDeath(`worker exited with code ${code}`));
    return { endpoint: nodeEndpoint(worker), terminate: () => worker.terminate() };
  };
}

/** A pool of Node worker threads; by default one per available core, less one (at least 1). */
export function createNodePool(options: PoolOptions = {}): SimPool {
  return new SimPool(nodeWorkerFactory(), {
    ...options,
    workers: options.workers ?? defaultWorkerCount(availableParallelism()),
  });
}
