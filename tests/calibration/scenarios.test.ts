// The scenario files: every file in scenarios/ validates, runs, and notes every parameter
// with a source or an assumption; each what-if is exactly what cli/calibration/what-ifs.ts
// makes from the current baseline, so re-tuning the baseline cannot leave them stale.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../sim/scenario/schema.ts';
import { validateScenario } from '../../sim/scenario/validate.ts';
import { runReplication } from '../../sim/run-replication.ts';
import { BASELINE_FILE, WHAT_IFS, makeWhatIf } from '../../cli/calibration/what-ifs.ts';
import { scenarioJson } from '../../cli/calibration/scenario-json.ts';
import { mustValidate, readScenarioFile, scenarioFiles } from '../helpers/scenarios.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields that name or label a thing rather than set a number (as in tests/scenario). */
const NOT_PARAMETERS = new Set([
  'id',
  'name',
  'label',
  'description',
  'region',
  'owner',
  'kind',
  'householdType',
  'schemaVersion',
  'notes',
]);

const carriesNotes = (v: unknown): boolean =>
  (isObject(v) && 'notes' in v) || (Array.isArray(v) && v.length > 0 && v.every(carriesNotes));

/** Every object of a scenario that holds its own notes, with its path. */
function annotated(s: Json): [string, Json][] {
  const out: [string, Json][] = [];
  const walk = (v: unknown, where: string) => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${where}[${i}]`));
    else if (isObject(v)) {
      if ('notes' in v || where === '(scenario)') out.push([where, v]);
      for (const [k, x] of Object.entries(v)) {
        if (k !== 'notes') walk(x, where === '(scenario)' ? k : `${where}.${k}`);
      }
    }
  };
  walk(s, '(scenario)');
  return out;
}

describe.each(scenarioFiles())('scenarios/%s', (file) => {
  const input = readScenarioFile(file) as Json;

  it('validates and runs', () => {
    const v = validateScenario(input);
    expect(v.ok ? [] : v.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([]);
    const s = mustValidate(input);
    const r = runReplication(s, 0);
    expect(r.yearly.arrivals.every((x) => x > 0)).toBe(true);
  });

  it('has a source or assumption note for every parameter, and none for absent fields', () => {
    const missing: string[] = [];
    const stale: string[] = [];
    for (const [where, o] of annotated(input)) {
      const notes = isObject(o.notes) ? o.notes : {};
      for (const k of Object.keys(o)) {
        if (!NOT_PARAMETERS.has(k) && !carriesNotes(o[k]) && !(k in notes)) {
          missing.push(`${where}.${k}`);
        }
      }
      for (const k of Object.keys(notes)) if (!(k in o)) stale.push(`${where}.notes.${k}`);
      for (const [k, n] of Object.entries(notes)) {
        const ok = isObject(n) && ('source' in n || 'assumption' in n);
        if (!ok) missing.push(`${where}.notes.${k} (no source or assumption)`);
      }
    }
    expect(missing).toEqual([]);
    expect(stale).toEqual([]);
  });
});

describe('the what-if scenarios', () => {
  const baseline = readScenarioFile(BASELINE_FILE) as ScenarioInput;

  it('are exactly the files in scenarios/ besides the baseline', () => {
    expect(scenarioFiles()).toEqual([BASELINE_FILE, ...WHAT_IFS.map((w) => w.file)].sort());
  });

  it.each(WHAT_IFS.map((w): [string, (typeof WHAT_IFS)[number]] => [w.file, w]))(
    '%s is the baseline plus its changes (regenerate with npm run scenarios:doc -- --regenerate)',
    (file, w) => {
      expect(readScenarioFile(file)).toEqual(JSON.parse(scenarioJson(makeWhatIf(w, baseline))));
    },
  );

  it('leave the baseline file untouched', () => {
    const before = JSON.stringify(baseline);
    for (const w of WHAT_IFS) makeWhatIf(w, baseline);
    expect(JSON.stringify(baseline)).toBe(before);
  });

  it('keep the calibrated baseline identical up to the change (triage-zonder-team)', () => {
    const w = WHAT_IFS.find((x) => x.id === 'triage-zonder-team')!;
    const s = makeWhatIf(w, baseline) as Json;
    const without = (o: Json, keys: string[]) =>
      Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
    const varying = ['id', 'name', 'description', 'triage', 'uncertain', 'notes'];
    expect(without(s, varying)).toEqual(without(baseline as Json, varying));
    expect((s.triage as Json).pathways).toEqual(baseline.triage.pathways);
  });
});
