/**
 * Builds of the simulation for side-by-side benchmarks: this checkout's, or a clean one of
 * an older git commit. Either way the same entry (one replication, and the scenario parser)
 * is bundled by esbuild with the same options into one ES module, so old and new code are
 * loaded and compiled alike and only the simulation differs.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, type Message } from 'esbuild';

/** Root of this checkout (the folder above bench/). */
export const CHECKOUT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * What a bundle exports, typed loosely on purpose: an older commit's types are not this
 * checkout's, and the benchmark needs no more than this from either.
 */
export interface SimBundle {
  /** Validates a parsed scenario file; throws on an invalid one. */
  parseScenario(data: unknown): unknown;
  /** Runs replication `replication` (0-based) of a parsed scenario on the default engine. */
  runReplication(scenario: unknown, replication: number): { events?: number };
}

/** The entry that is bundled, relative to the root of a source tree. */
const ENTRY = [
  "export { runReplication } from './sim/run-replication.ts';",
  "export { parseScenario } from './sim/scenario/validate.ts';",
].join('\n');

/** Thrown for a ref that names no commit, or a tree that cannot be built. */
export class SimBuildError extends Error {
  override name = 'SimBuildError';
}

/**
 * The full commit hash that `ref` names in this checkout's repository.
 * @throws SimBuildError if `ref` names no commit
 */
export function resolveCommit(ref: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: CHECKOUT_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    throw new SimBuildError(
      `--against ${JSON.stringify(ref)}: no such commit in this repository (try a hash, tag or branch that \`git log\` shows)`,
    );
  }
}

/**
 * Writes the files of `commit` into the empty folder `dir`, with a link to this checkout's
 * node_modules for the bundler to resolve dependencies. `git archive` rather than `git
 * worktree add`: it registers nothing in the shared repository, so a benchmark that is
 * killed halfway leaves no stale worktree behind, only a temporary folder.
 */
export function exportCommit(commit: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  const tar = join(dir, 'commit.tar');
  execFileSync('git', ['archive', '--format=tar', '-o', tar, commit], { cwd: CHECKOUT_ROOT });
  execFileSync('tar', ['-xf', tar, '-C', dir]);
  rmSync(tar);
  symlinkSync(realpathSync(join(CHECKOUT_ROOT, 'node_modules')), join(dir, 'node_modules'));
}

/**
 * Bundles the simulation of the source tree at `root` into the ES module `outfile`.
 * @throws SimBuildError with esbuild's messages if the tree does not build
 */
export function bundleSimulation(root: string, outfile: string): void {
  try {
    buildSync({
      stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'bench-entry.ts', loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
      // CommonJS dependencies (simjs) may require Node built-ins: give the module a require.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
    });
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors ?? [];
    const lines = errors.map(
      (m) => `  ${m.location ? `${m.location.file}:${m.location.line}: ` : ''}${m.text}`,
    );
    throw new SimBuildError(
      `cannot bundle the simulation in ${root}:\n${lines.join('\n') || String(e)}`,
    );
  }
}
