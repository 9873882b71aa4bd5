// The two engines must give bit-identical results on the whole model, not only on
// synthetic schedules: simjs is the differential oracle for the heap kernel. Checked on
// every shipped scenario and on variants that reach the rules none of them uses.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { runReplication } from '../../sim/run-replication.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { ReplicationResult } from '../../sim/results/replication-result.ts';
import type { WeeklySeries, YearlyColumn } from '../../sim/results/columns.ts';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SCENARIOS = new URL('../../scenarios/', import.meta.url);
const load = (file: string): Raw =>
  JSON.parse(readFileSync(new URL(file, SCENARIOS), 'utf8')) as Raw;

/** Variants of the default scenario: blocking first, rules that change, banked units. */
function variants(): [string, Raw][] {
  const blocking = load('drechtsteden-2024.json');
  blocking.housing.priority = 'blockingFirst';
  const banked = load('drechtsteden-2024.json');
  banked.housing.urgencyAfterDays = { 2024: 243, 2026: 400, '2027-07': 60 };
  banked.housing.bindingYears = { 2024: 3, 2027: 5, 2029: 1 };
  for (const c of banked.housing.contingents) {
    c.unused = 'bank';
    c.bankDays = 90;
    c.requiresUrgency = true;
  }
  const monthly = load('drechtsteden-2024.json');
  for (const c of monthly.housing.contingents) c.pattern = 'monthly';
  return [
    ['variant: blockingFirst', blocking],
    ['variant: banked units under changing rules', banked],
    ['variant: monthly supply', monthly],
  ];
}

const cases: [string, Raw][] = [
  ...readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f): [string, Raw] => [f.slice(0, -5), load(f)]),
  ...variants(),
];

function expectSame(simjs: ReplicationResult, fast: ReplicationResult): void {
  expect(simjs.events).toBe(fast.events);
  expect(simjs.goal).toEqual(fast.goal);
  for (const k of Object.keys(fast.yearly) as YearlyColumn[]) {
    expect(Array.from(simjs.yearly[k]), k).toEqual(Array.from(fast.yearly[k]));
  }
  for (const k of Object.keys(fast.weekly) as WeeklySeries[]) {
    expect(Array.from(simjs.weekly[k]), k).toEqual(Array.from(fast.weekly[k]));
  }
  expect(Array.from(simjs.flow)).toEqual(Array.from(fast.flow));
  expect(Array.from(simjs.daysToHome)).toEqual(Array.from(fast.daysToHome));
}

describe('the heap kernel and simjs on the whole model', () => {
  it.each(cases)('give bit-identical results on %s', (_, raw) => {
    const s: Scenario = parseScenario(raw);
    for (const replication of [0, 7]) {
      const fast = runReplication(s, replication, { engine: 'fast' });
      const simjs = runReplication(s, replication, { engine: 'simjs' });
      expectSame(simjs, fast);
    }
  });
});
