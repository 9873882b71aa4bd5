/**
 * Browser benchmark, all figures from one run: the built app in real Chromium (as the
 * end-to-end tests serve it), on the default scenario with 1,000 replications, once per pool
 * size in interleaved rounds: page load → first verdict number, → final verdict; an edit →
 * first updated number, → final verdict; the longest main-thread task during the runs. The
 * pool sizes compared are the page's `?workers=N`: by default `hardwareConcurrency − 1` and
 * `hardwareConcurrency` of this machine, to choose between them by measurement.
 * Usage: npm run bench:browser [-- --rounds 3] [--workers 1,2]
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { startApp } from '../tests/e2e/harness.ts';

const cores = availableParallelism();
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    workers: { type: 'string', default: [...new Set([Math.max(1, cores - 1), cores])].join(',') },
  },
});
const rounds = Number(values.rounds);
const sizes = values.workers.split(',').map(Number);

/** What one page load, run and edit took (ms, page time). */
interface Timings {
  /** Page load (navigation start) → first number of the run in the verdict. */
  firstNumber: number;
  /** Page load → the first impression (summary of the first replications). */
  preview: number;
  /** Page load → the final 1,000-replication verdict. */
  final: number;
  /** Edit → first number of the new run. */
  editFirst: number;
  /** Edit → the final verdict of the edited scenario. */
  editFinal: number;
  /** Longest main-thread task between a run's start and its end. */
  longestTask: number;
  /** The pool's worker count as the verdict reports it. */
  workers: string;
}

/** Records, in the page, when the verdict first shows a number, a preview, and finals. */
function recordVerdict(): void {
  const w = window as unknown as {
    __verdict: { at: number; state: string; finals: string; interim: boolean }[];
  };
  w.__verdict = [];
  const watch = () => {
    const v = document.getElementById('verdict');
    if (!v) return void requestAnimationFrame(watch);
    new MutationObserver(() =>
      w.__verdict.push({
        at: performance.now(),
        state: v.dataset.state ?? '',
        finals: v.dataset.finals ?? '',
        interim: v.querySelector('.interim') !== null,
      }),
    ).observe(v, { attributes: true, childList: true, subtree: true });
  };
  document.addEventListener('DOMContentLoaded', watch);
}

async function measure(page: Page, origin: string, workers: number): Promise<Timings> {
  await page.goto(`${origin}/?workers=${workers}`);
  await page.waitForSelector('#verdict[data-state="final"][data-finals="1"]', { timeout: 300_000 });
  // The edit: one contingent's homes in 2024, as a user types a number.
  const editAt = await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>(
      'input[data-path="housing.contingents[0].unitsPerYear.2024"]',
    )!;
    const at = performance.now();
    input.value = String(Number(input.value) + 100);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return at;
  });
  await page.waitForSelector('#verdict[data-state="final"][data-finals="2"]', { timeout: 300_000 });
  return page.evaluate(
    ({ editAt }) => {
      const w = window as unknown as {
        __verdict: { at: number; state: string; finals: string; interim: boolean }[];
        __longTasks: { start: number; duration: number }[];
      };
      const log = w.__verdict;
      const shows = (e: (typeof log)[number]) => e.interim || e.state === 'preview';
      const first = (f: (e: (typeof log)[number]) => boolean) => log.find(f)?.at ?? NaN;
      const marks = performance.getEntriesByType('mark');
      const starts = marks.filter((m) => m.name === 'doorstroom:run-start').map((m) => m.startTime);
      const ends = marks.filter((m) => m.name === 'doorstroom:run-end').map((m) => m.startTime);
      const during = w.__longTasks.filter((t) =>
        starts.some((s, i) => t.start + t.duration >= s && t.start <= (ends[i] ?? Infinity)),
      );
      const meta = document.querySelector('#verdict .meta')?.textContent ?? '';
      return {
        firstNumber: first((e) => shows(e) || e.state === 'final'),
        preview: first((e) => e.state === 'preview'),
        final: first((e) => e.state === 'final' && e.finals === '1'),
        editFirst: first((e) => e.at > editAt && shows(e)) - editAt,
        editFinal: first((e) => e.at > editAt && e.state === 'final' && e.finals === '2') - editAt,
        longestTask: Math.max(0, ...during.map((t) => t.duration)),
        workers: /(\d+)\s*(rekenkern|worker)/i.exec(meta)?.[1] ?? '?',
      };
    },
    { editAt },
  );
}

const app = await startApp();
// tsx names functions with a helper `__name` that the page lacks when a function is sent there.
await app.context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
await app.context.addInitScript(recordVerdict);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
console.log(
  `Browser benchmark: default scenario, 1,000 replications; pools of ${sizes.join(' and ')} ` +
    `simulation workers on ${cores} cores, ${rounds} interleaved rounds; load average ${load()}`,
);
const results = new Map<number, Timings[]>(sizes.map((n) => [n, []]));
try {
  for (let r = 0; r < rounds; r++) {
    for (const n of r % 2 === 0 ? sizes : [...sizes].reverse()) {
      const page = await app.context.newPage();
      try {
        results.get(n)!.push(await measure(page, app.origin, n));
      } finally {
        await page.close();
      }
    }
  }
} finally {
  await app.close();
}

/** The median (of an even count, the lower middle one). */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rows: [string, keyof Timings, number, (ms: number) => string][] = [
  ['page load → first verdict number', 'firstNumber', Infinity, s],
  ['page load → first impression', 'preview', Infinity, s],
  ['page load → final 1,000-replication verdict', 'final', 4000, s],
  ['edit → first updated number', 'editFirst', 500, s],
  ['edit → final verdict', 'editFinal', Infinity, s],
  ['longest main-thread task during a run', 'longestTask', 50, (ms) => `${ms.toFixed(0)} ms`],
];
for (const [label, key, target, fmt] of rows) {
  const cells = sizes.map((n) => {
    const xs = results.get(n)!.map((t) => t[key] as number);
    return `${n} workers: ${fmt(median(xs)).padStart(8)} (${xs.map(fmt).join(', ')})`;
  });
  const goal = Number.isFinite(target) ? `  [target ≤ ${fmt(target)}]` : '';
  console.log(`${label.padEnd(44)} ${cells.join('   ')}${goal}`);
}
if (sizes.length === 2) {
  const [a, b] = sizes.map((n) => median(results.get(n)!.map((t) => t.final)));
  const [ea, eb] = sizes.map((n) => median(results.get(n)!.map((t) => t.editFinal)));
  console.log(
    `time to the final verdict, ${sizes[1]} vs ${sizes[0]} workers: ${(b / a).toFixed(3)}× ` +
      `(after an edit: ${(eb / ea).toFixed(3)}×)`,
  );
}
console.log(
  `workers named in the verdict: ${sizes.map((n) => results.get(n)!.map((t) => t.workers)).join(' | ')}`,
);
console.log(`load average after: ${load()}`);
