// What a link opens: its own scenario or a library one, with the link's run settings,
// validated; the library scenario it equals when only run settings differ; and a reason
// (never a throw) for a link that opens nothing.
import { describe, expect, it } from 'vitest';
import { openLink } from '../../web/scenario/open-link.ts';
import { buildLibrary } from '../../web/scenario/catalogue.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

const scenario = defaultScenarioInput();
const input = scenario as unknown as Record<string, unknown>;
const other = { ...structuredClone(input), id: 'other', name: 'Other' };
const library = buildLibrary({ 'a/drechtsteden-2024.json': input, 'a/other.json': other });

describe('openLink', () => {
  it('opens the default library scenario for a link without a scenario', () => {
    const o = openLink({ scenario: { kind: 'none' } }, library);
    expect(o.ok && o.baseId).toBe('drechtsteden-2024');
  });

  it('opens a library scenario by id, with the link’s seed and replications', () => {
    const o = openLink(
      { scenario: { kind: 'library', id: 'other' }, seed: 'x7', replications: 250 },
      library,
    );
    if (!o.ok) throw new Error('not opened');
    expect(o.baseId).toBe('other');
    expect(o.data.seed).toBe('x7');
    expect(o.data.replications).toBe(250);
    expect(o.base).toEqual(other); // change marks compare against the file as written
    expect(o.validation.ok).toBe(true);
  });

  it('recognises an inline scenario as the library one when only run settings differ', () => {
    const inline = { ...structuredClone(other), seed: 'changed', replications: 100 };
    const o = openLink({ scenario: { kind: 'inline', data: inline } }, library);
    expect(o.ok && o.baseId).toBe('other');
    const edited = { ...structuredClone(other), name: 'Edited' };
    const p = openLink({ scenario: { kind: 'inline', data: edited } }, library);
    expect(p.ok && p.baseId).toBe(undefined);
  });

  it('gives a reason for a link that opens nothing', () => {
    for (const data of [3, null, 'text', [input], { hello: 'world' }]) {
      expect(
        openLink({ scenario: { kind: 'inline', data } }, library),
        JSON.stringify(data),
      ).toEqual({
        ok: false,
        refusal: { kind: 'notScenario' },
      });
    }
    expect(openLink({ scenario: { kind: 'library', id: 'gone' } }, library)).toEqual({
      ok: false,
      refusal: { kind: 'unknownScenario' },
    });
  });

  it('does not make a scenario of any object by putting the link’s run settings in', () => {
    const o = openLink(
      { scenario: { kind: 'inline', data: { hello: 'world' } }, seed: 'x', replications: 100 },
      library,
    );
    expect(o).toEqual({ ok: false, refusal: { kind: 'notScenario' } });
  });

  it('refuses a scenario of a newer schema version as such, not as a list of problems', () => {
    for (const version of [2, 7]) {
      const newer = { ...structuredClone(input), schemaVersion: version, futureField: {} };
      expect(openLink({ scenario: { kind: 'inline', data: newer } }, library)).toEqual({
        ok: false,
        refusal: { kind: 'newerVersion', version, supported: 1 },
      });
    }
  });

  it('refuses a scenario the validator refuses, with every problem, its path and its place', () => {
    const broken = defaultScenarioInput() as unknown as {
      endYear: unknown;
      facilities: { capacity: unknown }[];
    };
    broken.endYear = 'soon';
    broken.facilities[0].capacity = { '2024': -5 };
    const o = openLink({ scenario: { kind: 'inline', data: broken } }, library);
    if (o.ok || o.refusal.kind !== 'invalid') throw new Error('expected invalid');
    const problems = o.refusal.problems;
    expect(problems.map((p) => p.path)).toContainEqual(['endYear']);
    const capacity = problems.find((p) => p.where === 'facilities[0].capacity.2024');
    expect(capacity?.place).toEqual([
      { kind: 'key', key: 'facilities' },
      { kind: 'item', index: 0, name: scenario.facilities[0].name },
      { kind: 'key', key: 'capacity' },
      { kind: 'key', key: '2024' },
    ]);
  });

  it('refuses a link whose replications break the scenario', () => {
    const o = openLink({ scenario: { kind: 'library', id: 'other' }, replications: 0 }, library);
    expect(o.ok === false && o.refusal.kind).toBe('invalid');
  });

  it('leaves the library scenario it opens as it was', () => {
    const before = structuredClone(library[1].input);
    openLink(
      { scenario: { kind: 'library', id: 'other' }, seed: 'changed', replications: 7 },
      library,
    );
    expect(library[1].input).toEqual(before);
  });

  it('refuses, without throwing, scenarios that once made the validator throw', () => {
    const cases: unknown[] = [
      { ...structuredClone(input), uncertain: [{ path: 'facilities[0', low: 1, high: 2 }] },
      { ...structuredClone(input), uncertain: [{ path: 'x[1e3]', low: 1, high: 2 }] },
      { ...structuredClone(input), description: deep(100_000) },
    ];
    for (const data of cases) {
      const o = openLink({ scenario: { kind: 'inline', data } }, library);
      expect(o.ok).toBe(false);
      if (!o.ok) expect(o.refusal.kind).toBe('invalid');
    }
  });
});

/** A list nested `depth` levels deep, built without recursion. */
function deep(depth: number): unknown {
  let x: unknown = 0;
  for (let i = 0; i < depth; i++) x = [x];
  return x;
}
