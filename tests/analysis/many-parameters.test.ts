// Input uncertainty with the longest allowed list of ranges: setting the drawn values costs
// one copy of the scenario, not one per range (10,000 ranges once took minutes a replication).
import { describe, expect, it } from 'vitest';
import { drawParameters, withParameters } from '../../sim/scenario/parameter-draws.ts';
import { getAt } from '../../sim/scenario/parameter-path.ts';
import { defaultScenarioInput, mustValidate } from '../helpers/scenarios.ts';

describe('many uncertain parameters', () => {
  it('sets 10,000 drawn values in one copy, each at its path', () => {
    const input = defaultScenarioInput();
    const paths = ['relapse.share', 'facilities[3].stay.mean', 'housing.waitElsewhereShare'];
    input.uncertain = Array.from({ length: 10_000 }, (_, i) => {
      const path = paths[i % 3];
      const v = getAt(input, path) as number;
      return { path, label: `r${i}`, low: v * 0.9, high: v, note: { assumption: 't' } };
    });
    const s = mustValidate(input);
    const values = drawParameters(s, 'seed', 0);
    const t0 = performance.now();
    const drawn = withParameters(s, values);
    const ms = performance.now() - t0;
    // The last range for each path wins, as when they were set one after another.
    for (let k = 0; k < 3; k++)
      expect(getAt(drawn, paths[k])).toBe(values[9_999 - ((9_999 - k) % 3)]);
    expect(getAt(s, 'relapse.share')).toBe(getAt(input, 'relapse.share')); // the input is untouched
    expect(drawn.uncertain).toBe(s.uncertain);
    expect(ms).toBeLessThan(2000); // one copy takes ~1 ms; one copy per range took ~145 s
  });
});
