// The two engines must give bit-identical results on the whole model, not only on
// synthetic schedules: simjs is the differential oracle for the heap kernel.
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { runReplication } from '../../sim/run-replication.ts';

const scenario = parseScenario(
  JSON.parse(readFileSync('scenarios/drechtsteden-2024.json', 'utf8')),
);

describe('the default scenario on both engines', () => {
  it.each([0, 1, 7])('gives bit-identical results in replication %i', (replication) => {
    const fast = runReplication(scenario, replication, { engine: 'fast' });
    const simjs = runReplication(scenario, replication, { engine: 'simjs' });
    expect(simjs.events).toBe(fast.events);
    expect(simjs.goal).toEqual(fast.goal);
    for (const [k, v] of Object.entries(fast.yearly)) {
      expect(Array.from(simjs.yearly[k]), k).toEqual(Array.from(v));
    }
    for (const [k, v] of Object.entries(fast.weekly)) {
      expect(Array.from(simjs.weekly[k]), k).toEqual(Array.from(v));
    }
    expect(Array.from(simjs.flow)).toEqual(Array.from(fast.flow));
    expect(Array.from(simjs.daysToHome)).toEqual(Array.from(fast.daysToHome));
  });
});
