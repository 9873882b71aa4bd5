// @vitest-environment jsdom
// The scenario editor: every control is labelled and writes into the draft at the path the
// validator uses; the validator's problems are marked at their field, in Dutch; adding and
// removing items keeps the rest intact.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateScenario } from '../../sim/scenario/validate.ts';
import { renderEditor, initialOpenState, type OpenState } from '../../web/editor/editor.ts';
import { markProblems, problemSummary } from '../../web/editor/mark-problems.ts';
import type { EditorCtx } from '../../web/editor/fields.ts';
import { jsonDiff } from '../../web/editor/json-path.ts';
import { translator } from '../../web/i18n/index.ts';
import { placeBelow } from '../../web/scenario/problem-place.ts';

type Json = Record<string, unknown>;

const input = () =>
  JSON.parse(readFileSync(resolve('scenarios/drechtsteden-2024.json'), 'utf8')) as Json;

let root: HTMLElement;
let ctx: EditorCtx;
let open: OpenState;
let changes: number;

function render() {
  renderEditor(root, ctx, open);
}

/** Validates the draft and marks its problems, as the app does after each change. */
function check() {
  const v = validateScenario(JSON.parse(JSON.stringify(ctx.draft)));
  const marked = markProblems(root, v.ok ? [] : v.problems, 'nl');
  return { v, marked };
}

function type(selector: string, value: string) {
  const el = root.querySelector<HTMLInputElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  return el;
}

beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('form');
  document.body.append(root);
  open = initialOpenState();
  changes = 0;
  const draft = input();
  ctx = {
    lang: 'nl',
    t: translator('nl'),
    draft,
    base: input(),
    changed: () => changes++,
    restructure: () => {
      render();
      changes++;
    },
  };
  render();
});

describe('the scenario editor', () => {
  it('gives every control an accessible name', () => {
    const controls = [...root.querySelectorAll<HTMLElement>('input, select, textarea, button')];
    expect(controls.length).toBeGreaterThan(200);
    const unnamed = controls.filter((c) => {
      if (c.getAttribute('aria-label')) return false;
      if (c.tagName === 'BUTTON') return !c.textContent?.trim();
      return !(c.id && root.querySelector(`label[for="${c.id}"]`));
    });
    expect(unnamed.map((c) => c.outerHTML.slice(0, 80))).toEqual([]);
    const ids = controls.map((c) => c.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows each parameter’s source or assumption note', () => {
    const box = root.querySelector('[data-path="housing.contingents[0].unitsPerYear"]')!;
    expect(box.querySelector('.note')?.textContent).toMatch(/^(Bron|Aanname): /);
    const triage = root.querySelector('[data-path="triage.delayDays"]')!;
    expect(triage.querySelector('.note')?.textContent).toContain('Bron: ');
  });

  it('writes a typed contingent size into the draft at the validator’s path, and marks it changed', () => {
    const path = 'housing.contingents[0].unitsPerYear.2024';
    const el = type(`input[data-path="${path}"]`, '175');
    const contingents = (ctx.draft.housing as Json).contingents as Json[];
    expect(contingents[0].unitsPerYear).toEqual({ '2024': 175 });
    expect(changes).toBe(1);
    expect(el.closest('fieldset')?.classList.contains('changed')).toBe(true);
    expect(check().v.ok).toBe(true);
  });

  it('reads percentages as shares and Dutch decimals', () => {
    type('[data-path="relapse.share"] input', '12,5');
    expect((ctx.draft.relapse as Json).share).toBe(0.125);
  });

  it('marks an invalid value at its field with the validator’s message in Dutch', () => {
    type('input[data-path="facilities[0].capacity.2024"]', '-5');
    const { v, marked } = check();
    expect(v.ok).toBe(false);
    const input = root.querySelector('input[data-path="facilities[0].capacity.2024"]')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const group = input.closest('fieldset')!;
    expect(group.querySelector(':scope > .errors')?.textContent).toBe(
      '2024: mag niet negatief zijn',
    );
    // The error list describes the input, so screen readers hear it.
    expect(input.getAttribute('aria-describedby')).toBe(
      group.querySelector(':scope > .errors')?.id,
    );
    expect(marked[0].labels.join(' › ')).toContain('Plekken');
    const summary = problemSummary(marked, ctx.t)!;
    expect(summary.textContent).toContain('1 fout in het scenario');
    expect(summary.textContent).toContain('Plekken');
    expect(summary.textContent).not.toContain('facilities[0]');
    expect(summary.querySelector('li')?.dataset.where).toBe('facilities[0].capacity.2024');
    // Fixing it clears every mark.
    type('input[data-path="facilities[0].capacity.2024"]', '60');
    expect(check().marked).toEqual([]);
    expect(root.querySelectorAll('[aria-invalid], .invalid')).toHaveLength(0);
  });

  it('names a place below the field that lists a problem in the editor’s words, not as a path', () => {
    const types = ctx.draft.householdTypes as { tenureYears: { weights: number[] } }[];
    types[0].tenureYears.weights[2] = -1;
    render();
    const v = validateScenario(JSON.parse(JSON.stringify(ctx.draft)));
    if (v.ok) throw new Error('expected a problem');
    const listed = () => [...root.querySelectorAll('.errors li')].map((li) => li.textContent);
    markProblems(root, v.problems, 'nl', placeBelow(ctx.draft, ctx.t));
    expect(listed()).toEqual(['nr. 3: mag niet negatief zijn']);
    // Without the words, the same place as a path (the fallback, e.g. in tests).
    markProblems(root, v.problems, 'nl');
    expect(listed()).toEqual(['[2]: mag niet negatief zijn']);
  });

  it('keeps text that is not a number in the draft, so the validator names the field', () => {
    type('input[data-path="goal.triageDays"], [data-path="goal.triageDays"] input', 'zes weken');
    const { marked } = check();
    expect(marked.map((m) => [m.problem.where, m.message])).toEqual([
      ['goal.triageDays', 'moet een getal zijn'],
    ]);
    const box = root.querySelector('[data-path="goal.triageDays"]')!;
    expect(box.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('adds and removes contingents, facilities and household types, keeping the scenario valid', () => {
    const click = (text: string) => {
      const b = [...root.querySelectorAll('button')].find((x) => x.textContent === text);
      if (!b) throw new Error(`no button ${text}`);
      b.click();
    };
    click('+ Contingent toevoegen');
    click('+ Voorziening toevoegen');
    click('+ Huishoudtype toevoegen');
    const housing = ctx.draft.housing as { contingents: Json[] };
    expect(housing.contingents).toHaveLength(
      input().housing ? ((input().housing as Json).contingents as Json[]).length + 1 : 0,
    );
    expect(check().v.ok).toBe(true);
    // The new contingent is open for editing.
    const last = housing.contingents.length - 1;
    expect(
      root.querySelector(`details[data-path="housing.contingents[${last}]"]`)?.hasAttribute('open'),
    ).toBe(true);
    const remove = root.querySelector<HTMLButtonElement>(
      `details[data-path="housing.contingents[${last}]"] .remove-item`,
    )!;
    remove.click();
    expect(housing.contingents).toHaveLength(last);
    expect(check().v.ok).toBe(true);
  });

  it('reports what breaks when a facility others rely on is removed', () => {
    root
      .querySelector<HTMLButtonElement>('details[data-path="facilities[0]"] .remove-item')!
      .click();
    const { v, marked } = check();
    expect(v.ok).toBe(false);
    expect(marked.some((m) => /^onbekende voorziening “nachtopvang”/.test(m.message))).toBe(true);
    // Marked inside the arrival stream that names it, which is flagged even while closed.
    const stream = marked.find((m) => m.problem.where.startsWith('arrivals['))!;
    expect(stream.target.closest('details.item')?.classList.contains('has-problem')).toBe(true);
  });

  it('edits a triage table, with the sum of the shares shown', () => {
    const row = root.querySelector('[data-path="triage.pathways.family.2024"]')!;
    const inputs = [...row.querySelectorAll<HTMLInputElement>('input.num')];
    inputs[0].value = '10';
    inputs[0].dispatchEvent(new Event('input', { bubbles: true }));
    expect(row.querySelector('output')?.textContent).not.toBe('100%');
    const { marked } = check();
    expect(marked.map((m) => m.problem.where)).toEqual(['triage.pathways.family.2024']);
    expect(marked[0].message).toMatch(/^de aandelen moeten samen 100% zijn/);
  });

  it('lists what changed, path by path (for the comparison)', () => {
    const b = input();
    ((b.housing as Json).contingents as Json[])[0].unitsPerYear = { '2024': 999 };
    const diff = jsonDiff(input(), b);
    expect(diff).toEqual([
      {
        path: ['housing', 'contingents', 0, 'unitsPerYear', '2024'],
        before: expect.any(Number),
        after: 999,
      },
    ]);
  });
});
