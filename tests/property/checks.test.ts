// The checks the property tests rely on, shown to catch what they are for: a problem path that
// is not in the input, a malformed problem list, a NaN or Infinity where none is allowed, books
// that disagree, a validator that throws, a case that hangs; and mutations that do what they say.
import { afterAll, describe, expect, it } from 'vitest';
import { runReplications } from '../../sim/run-replications.ts';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import type { ChainKpi } from '../../sim/results/columns.ts';
import type { Estimate } from '../../sim/results/stats.ts';
import { formatPath, type Problem } from '../../sim/scenario/validate.ts';
import { minimalScenario, mustValidate } from '../helpers/scenarios.ts';
import { pathInInput, problemListFaults } from './problem-paths.ts';
import { accountingFaults, nonFiniteFaults } from './result-faults.ts';
import { checkInput } from './check-case.ts';
import { applyMutation } from './mutations.ts';
import { CasePool } from './case-pool.ts';

describe('pathInInput', () => {
  const input = { a: { b: [10, { c: 1 }] } };
  it.each([
    ['the scenario itself', []],
    ['a field', ['a']],
    ['an entry of a list', ['a', 'b', 1]],
    ['a field in an entry', ['a', 'b', 1, 'c']],
    ['a missing last field of a group', ['a', 'x']],
  ] as const)('accepts %s', (_, path) => expect(pathInInput(input, path)).toBe(true));
  it.each([
    ['an index past the end', ['a', 'b', 2]],
    ['an index written as text', ['a', 'b', '1']],
    ['a number naming a field', ['a', 0]],
    ['a missing field in the middle', ['x', 'y']],
    ['a path below a number', ['a', 'b', 0, 'c']],
    ['a missing field of a list entry that is a number', ['a', 'b', 0, 'x']],
  ] as const)('rejects %s', (_, path) => expect(pathInInput(input, path)).toBe(false));
});

describe('problemListFaults', () => {
  const problem = (path: (string | number)[], message: string): Problem => ({
    path,
    where: formatPath(path),
    code: 'invalidForm',
    params: {},
    message,
  });
  it('finds nothing wrong with a proper list', () => {
    expect(problemListFaults([problem(['a', 0], 'must be a number')])).toEqual([]);
  });
  it('reports an empty list, a where that is not the path, and an empty message', () => {
    expect(problemListFaults([])).toEqual(['rejected without any problem']);
    expect(problemListFaults([{ ...problem(['a', 0], 'x'), where: 'a.0' }])).toEqual([
      'where "a.0" is not its path a[0]',
    ]);
    expect(problemListFaults([problem(['a'], ' ')])).toEqual(['a: no message']);
  });
});

describe('nonFiniteFaults and accountingFaults', () => {
  const summary = runReplications(mustValidate(minimalScenario()), { replications: 2 });
  const copy = (): RunSummary => structuredClone(summary);
  const est = (s: RunSummary, y: number, kpi: ChainKpi): Estimate => s.years[y][kpi];

  it('find nothing wrong with a real summary', () => {
    expect(nonFiniteFaults(summary, 2)).toEqual([]);
    expect(accountingFaults(summary)).toEqual([]);
  });
  it('report NaN and Infinity in figures that always have a value', () => {
    const s = copy();
    s.years[0].occupancy.crisis.mean = NaN;
    s.weekly.series.street.mean[3] = Infinity;
    s.perReplication.housed[1] = NaN;
    const faults = nonFiniteFaults(s, 2);
    expect(faults).toHaveLength(3);
    expect(faults).toEqual(
      expect.arrayContaining([
        'years[0].occupancy.crisis.mean: NaN',
        'weekly.series.street.mean[3]: Infinity',
        'perReplication.housed[1]: NaN',
      ]),
    );
  });
  it('report a figure that always has a value but is missing in a replication', () => {
    const s = copy();
    est(s, 0, 'arrivals').n = 1;
    expect(nonFiniteFaults(s, 2)).toEqual(['years[0].arrivals.n: 1 of 2 replications']);
  });
  it('allow NaN where it means "not defined", and nowhere else in the same figure', () => {
    const s = copy();
    Object.assign(est(s, 1, 'rehousingShare'), {
      mean: NaN,
      ci95: [NaN, NaN],
      p5: NaN,
      p50: NaN,
      p95: NaN,
      n: 0,
    });
    s.perReplication.triageShare[0] = NaN;
    expect(nonFiniteFaults(s, 2)).toEqual([]);
    est(s, 1, 'rehousingShare').n = 1;
    expect(nonFiniteFaults(s, 2)).toEqual([
      'years[1].rehousingShare.mean: NaN',
      'years[1].rehousingShare.p5: NaN',
      'years[1].rehousingShare.p50: NaN',
      'years[1].rehousingShare.p95: NaN',
    ]);
  });
  it('report a flow matrix that disagrees with the counts', () => {
    const s = copy();
    const n = s.flow.nodes.length;
    s.flow.mean[s.flow.nodes.indexOf('arrival') * n + s.flow.nodes.indexOf('crisis')] += 1;
    expect(accountingFaults(s)).toHaveLength(1);
    expect(accountingFaults(s)[0]).toMatch(/^out of arrival: /);
  });
});

describe('checkInput', () => {
  it('calls an input without a schema version rejected', () => {
    const s = minimalScenario() as Record<string, unknown>;
    delete s.schemaVersion;
    expect(checkInput(s, false).outcome).toBe('rejected with problems');
  });
  it('runs a valid scenario', () => {
    expect(checkInput(minimalScenario(), true)).toMatchObject({ outcome: 'ran OK' });
  });
  it('catches a validator that throws', () => {
    const s = minimalScenario() as Record<string, unknown>;
    Object.defineProperty(s, 'region', {
      enumerable: true,
      get: () => {
        throw new Error('unreadable');
      },
    });
    expect(checkInput(s, false)).toMatchObject({ outcome: 'validator exception' });
  });
});

describe('applyMutation', () => {
  const doc = () => minimalScenario() as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  it('names a year and its first month together', () => {
    const d = doc();
    const { did } = applyMutation(d, { op: 'yearAndMonth', at: 0 });
    expect(d.facilities[0].capacity).toEqual({ 2024: 10, '2024-01': 0 });
    expect(did).toBe('added 2024-01 beside 2024 in facilities[0].capacity');
  });
  it('adds unknown keys as own properties, __proto__ too (as JSON.parse does)', () => {
    const d = doc();
    applyMutation(d, { op: 'manyKeys', at: 0, count: 2 });
    expect(Object.keys(d).slice(-2)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(d)).toBe(Object.prototype);
  });
  it('adds a malformed uncertain path, swaps the years and sets a number', () => {
    const d = doc();
    applyMutation(d, { op: 'uncertainPath', path: 'facilities[0', low: 0, high: 1 });
    applyMutation(d, { op: 'swapYears' });
    applyMutation(d, { op: 'setNumber', at: 0, value: 'NaN' });
    expect(d.uncertain[0].path).toBe('facilities[0');
    expect([d.startYear, d.endYear]).toEqual([2025, 2024]);
    expect(d.schemaVersion).toBe('NaN');
  });
  it('can replace the whole scenario', () => {
    expect(applyMutation(doc(), { op: 'wrongType', at: 0, value: 'null' }).doc).toBeNull();
  });
});

describe('CasePool', () => {
  const base = { base: { file: 'drechtsteden-2024.json' }, inputUncertainty: false };
  const pool = new CasePool({ workers: 1, timeLimitMs: 1, memoryMb: 512 });
  afterAll(() => pool.close());

  it('counts a case that takes longer than its time limit as a hang, and goes on', async () => {
    const slow = await pool.check({ ...base, mutations: [] });
    expect(slow.verdict.outcome).toBe('hang');
    const again = await pool.check({ ...base, mutations: [] });
    expect(again.verdict.outcome).toBe('hang');
  });

  it('gives the verdict of this thread', async () => {
    const patient = new CasePool({ workers: 1, timeLimitMs: 60_000, memoryMb: 512 });
    const c = { ...base, mutations: [{ op: 'swapYears' as const }] };
    const { verdict } = await patient.check(c);
    await patient.close();
    expect(verdict.outcome).toBe('rejected with problems');
  });
});
