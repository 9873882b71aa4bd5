// The library of scenarios: every file listed, the default first, names and ids read safely
// from data not yet validated (validation happens when a scenario is chosen).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLibrary, DEFAULT_SCENARIO_ID, loadLibrary } from '../../web/scenario/catalogue.ts';
import { SCENARIO_DIR } from '../helpers/scenarios.ts';

describe('the scenario library', () => {
  it('lists the default scenario first, then the others by name', () => {
    const lib = buildLibrary({
      '../scenarios/b.json': { id: 'b', name: 'Zuid' },
      '../scenarios/drechtsteden-2024.json': { id: DEFAULT_SCENARIO_ID, name: 'Drechtsteden' },
      '../scenarios/c.json': { id: 'c', name: 'Alblasserwaard' },
    });
    expect(lib.map((s) => s.id)).toEqual([DEFAULT_SCENARIO_ID, 'c', 'b']);
    expect(lib[1]).toMatchObject({ file: 'c.json', name: 'Alblasserwaard' });
  });

  it('falls back to the file name for data without id or name, and skips what is no object', () => {
    const lib = buildLibrary({
      '../scenarios/raar.json': { id: 3 },
      '../scenarios/lijst.json': [1, 2],
    });
    expect(lib).toEqual([{ file: 'raar.json', id: 'raar', name: 'raar', input: { id: 3 } }]);
  });

  it('bundles every file of scenarios/, the default first (as the page loads it)', () => {
    const lib = loadLibrary();
    const files = readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json'));
    expect(lib.map((s) => s.file).sort()).toEqual(files.sort());
    expect(lib[0].id).toBe(DEFAULT_SCENARIO_ID);
  });
});
