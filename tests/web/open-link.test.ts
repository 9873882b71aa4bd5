// What a link opens: its own scenario or a library one, with the link's run settings,
// validated; the library scenario it equals when only run settings differ; and a reason
// (never a throw) for a link that opens nothing.
import { describe, expect, it } from 'vitest';
import { openLink } from '../../web/open-link.ts';
import { buildLibrary } from '../../web/catalogue.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

const input = defaultScenarioInput() as unknown as Record<string, unknown>;
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
    expect(openLink({ scenario: { kind: 'inline', data: 3 } }, library)).toEqual({
      ok: false,
      reason: 'noScenario',
    });
    expect(openLink({ scenario: { kind: 'library', id: 'gone' } }, library)).toEqual({
      ok: false,
      reason: 'unknownId',
      id: 'gone',
    });
  });

  it('refuses a scenario the validator refuses, with every problem and its path', () => {
    const broken = { ...structuredClone(input), endYear: 'soon' };
    const o = openLink({ scenario: { kind: 'inline', data: broken } }, library);
    expect(o.ok).toBe(false);
    if (o.ok || o.reason !== 'invalid') throw new Error('expected invalid');
    expect(o.problems.map((p) => p.path)).toContainEqual(['endYear']);
  });

  it('refuses a link whose replications break the scenario', () => {
    const o = openLink({ scenario: { kind: 'library', id: 'other' }, replications: 0 }, library);
    expect(o.ok === false && o.reason).toBe('invalid');
  });
});
