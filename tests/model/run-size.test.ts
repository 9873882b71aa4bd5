// The size of a run before it starts: people per replication and memory for its results.
// A run that would not fit is refused with its size in the message, never started.
import { describe, expect, it } from 'vitest';
import { checkRunSize, estimateRunSize, RunTooLargeError } from '../../sim/run-size.ts';
import { runReplications } from '../../sim/run-replications.ts';
import { parseJsonText } from '../../sim/scenario/json-text.ts';
import { defaultScenario, defaultScenarioInput, mustValidate } from '../helpers/scenarios.ts';

describe('the size of a run', () => {
  it('counts arrivals over every simulated year plus initial occupants', () => {
    const s = defaultScenario();
    const size = estimateRunSize(s, 1000);
    const years = s.warmupYears + s.endYear - s.startYear + 1;
    const initial = s.facilities.reduce((n, f) => n + f.initialOccupancy, 0);
    expect(size.years).toBe(years);
    expect(size.people).toBeGreaterThan(initial + years * 300);
    expect(size.people).toBeLessThan(initial + years * 2000);
    expect(() => checkRunSize(s, 1000)).not.toThrow();
  });

  it('refuses 10⁹ replications for the memory of their results, naming the count', () => {
    expect(() => checkRunSize(defaultScenario(), 1e9)).toThrow(RunTooLargeError);
    expect(() => checkRunSize(defaultScenario(), 1e9)).toThrow(/1,000,000,000 replications/);
  });

  it('refuses an arrival rate of 100,000 a year before the first replication', () => {
    const input = defaultScenarioInput();
    input.arrivals[0].ratePerYear = { 2024: 100_000 };
    const s = mustValidate(input);
    expect(() => runReplications(s, { replications: 2 })).toThrow(/people in one replication/);
  });
});

describe('scenario text', () => {
  it('ignores a byte-order mark and names a field written twice', () => {
    expect(parseJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, data: { a: 1 } });
    expect(parseJsonText('{"a": {"b": [1, {"c": 1, "c": 2}]}}')).toEqual({
      ok: false,
      message: 'a.b[1]: the field "c" is written twice',
    });
    expect(parseJsonText('{"a": "x\\"}", "b": 1, "a2": {"a": 1}}').ok).toBe(true);
    expect(parseJsonText('{"a": ').ok).toBe(false);
  });
});
