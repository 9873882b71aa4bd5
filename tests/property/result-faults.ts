// What a run summary must satisfy whatever the scenario: finite numbers, except where NaN is
// the documented "not defined", and books of people that agree with each other.
//
// NaN is allowed only
//  - in the Estimates of the goal-year shares (`goal.triageShare`, `goal.rehousingShare`) and
//    of the yearly cohort figures NOT_DEFINED_KPIS (a cohort that is empty or not fully
//    observed, a percentile that fewer than half or 90% reach): such an Estimate counts in
//    `n` the replications with a value; with n = 0 its mean, interval and percentiles are NaN,
//    with n = 1 its interval is NaN (one value has no interval), otherwise all are finite;
//  - in `ci95` of any Estimate with n < 2 (see sim/results/stats.ts);
//  - in `perReplication.triageShare` and `perReplication.rehousingShare` (the goal-year shares
//    of each replication).
// Every other Estimate has n equal to the replications run (a NaN in one replication shows as
// a smaller n), and every other number in the summary is finite. ±Infinity is never allowed.
import type { RunSummary } from '../../sim/results/aggregate.ts';
import type { ChainKpi } from '../../sim/results/columns.ts';

/** Yearly cohort figures that are NaN when not defined (see CHAIN_KPIS). */
export const NOT_DEFINED_KPIS = ['triageShare', 'rehousingShare', 'daysToHomeP50', 'daysToHomeP90'];
/** Figures of each replication that are NaN when not defined. */
const NOT_DEFINED_PER_REPLICATION = ['triageShare', 'rehousingShare'];

type Segment = string | number;
const isEstimate = (
  v: object,
): v is { mean: number; ci95: number[]; p5: number; p50: number; p95: number; n: number } =>
  ['mean', 'ci95', 'p5', 'p50', 'p95', 'n'].every((k) => k in v) && Object.keys(v).length === 6;

function where(path: readonly Segment[]): string {
  return path
    .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
    .join('')
    .slice(1);
}

/** Whether the Estimate at `path` may count fewer than all replications. */
function mayBeUndefined(path: readonly Segment[]): boolean {
  if (path.length === 2 && path[0] === 'goal')
    return NOT_DEFINED_PER_REPLICATION.includes(String(path[1]));
  return path.length === 3 && path[0] === 'years' && NOT_DEFINED_KPIS.includes(String(path[2]));
}

/** Every number of `summary` that breaks the rule above, as "path: value" (empty when none). */
export function nonFiniteFaults(summary: RunSummary, replications: number): string[] {
  const out: string[] = [];
  const stack: { value: unknown; path: Segment[] }[] = [{ value: summary, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) continue;
      const allowedNaN =
        Number.isNaN(value) &&
        path.length === 3 &&
        path[0] === 'perReplication' &&
        NOT_DEFINED_PER_REPLICATION.includes(String(path[1]));
      if (!allowedNaN) out.push(`${where(path)}: ${value}`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (isEstimate(value)) {
      out.push(...estimateFaults(value, path, replications));
      continue;
    }
    for (const [k, v] of Object.entries(value)) {
      stack.push({ value: v, path: [...path, Array.isArray(value) ? Number(k) : k] });
    }
  }
  return out;
}

function estimateFaults(
  e: { mean: number; ci95: number[]; p5: number; p50: number; p95: number; n: number },
  path: Segment[],
  replications: number,
): string[] {
  const at = where(path);
  const out: string[] = [];
  const full = !mayBeUndefined(path);
  if (!Number.isInteger(e.n) || e.n < 0 || e.n > replications || (full && e.n !== replications)) {
    out.push(`${at}.n: ${e.n} of ${replications} replications`);
  }
  const check = (name: string, v: number, nanAllowed: boolean) => {
    if (!Number.isFinite(v) && !(Number.isNaN(v) && nanAllowed)) out.push(`${at}.${name}: ${v}`);
  };
  for (const k of ['mean', 'p5', 'p50', 'p95'] as const) check(k, e[k], e.n === 0);
  e.ci95.forEach((v, i) => check(`ci95[${i}]`, v, e.n < 2));
  return out;
}

/**
 * Where the summary's flow matrix and its yearly counts disagree (empty when they agree): in
 * the reported years, the people leaving the arrival node are the arrivals, those entering
 * housed, exit, selfResolved and gaveUp are the housed, exits, self-resolved and gave-up
 * counts, nobody enters the arrival node, and no count is negative. Both sides are means over
 * the same replications, so they agree up to rounding.
 */
export function accountingFaults(summary: RunSummary): string[] {
  const out: string[] = [];
  const { nodes, mean } = summary.flow;
  const n = nodes.length;
  const index = (node: string) => nodes.indexOf(node);
  const sum = (f: (k: number) => number) => {
    let total = 0;
    for (let k = 0; k < n; k++) total += f(k);
    return total;
  };
  const outOf = (node: string) => sum((j) => mean[index(node) * n + j]);
  const into = (node: string) => sum((i) => mean[i * n + index(node)]);
  const yearly = (kpi: ChainKpi) => summary.years.reduce((total, y) => total + y[kpi].mean, 0);
  const agree = (what: string, flow: number, count: number) => {
    if (!(Math.abs(flow - count) <= 1e-9 * Math.max(1, Math.abs(count)))) {
      out.push(`${what}: ${flow} in the flow matrix, ${count} counted`);
    }
  };
  agree('out of arrival', outOf('arrival'), yearly('arrivals'));
  agree('into housed', into('housed'), yearly('housed'));
  agree('into exit', into('exit'), yearly('exits'));
  agree('into selfResolved', into('selfResolved'), yearly('selfResolved'));
  agree('into gaveUp', into('gaveUp'), yearly('gaveUp'));
  agree('into arrival', into('arrival'), 0);
  mean.forEach((v, k) => {
    if (v < 0) out.push(`flow ${nodes[Math.floor(k / n)]} → ${nodes[k % n]}: ${v}`);
  });
  return out;
}
