// Form controls bound to paths in the scenario draft: each writes its value into the draft on
// input and shows its label, unit, source/assumption note, change mark and validator errors.
// Every control's container carries `data-path` (the validator's `where`) to mark problems at.
import { formatPath } from '../../sim/scenario/validate.ts';
import { keyToCalendarDay } from '../../sim/scenario/calendar.ts';
import { STEP_KEY } from '../../sim/scenario/schema.ts';
import { editable, parseNumber } from '../format.ts';
import { h, idFor, type Child } from '../dom.ts';
import type { Key, T } from '../i18n/index.ts';
import type { Lang } from '../../sim/results/verdict.ts';
import { cloneJson, deleteAt, getAt, setAt, stableStringify, type Path } from './json-path.ts';

/** What every control needs: the draft, the language and how to report a change. */
export interface EditorCtx {
  lang: Lang;
  t: T;
  /** The scenario being edited (plain JSON, possibly invalid). */
  draft: Record<string, unknown>;
  /** The scenario as loaded, to mark changed values; none for no marks. */
  base?: unknown;
  /** The last valid scenario (defaults filled in): shown as placeholder where a value is left out. */
  defaults?: unknown;
  /** A value changed: validate (and run when valid). */
  changed(): void;
  /** The structure changed (rows, items): render again, then validate; focus `focusId` after. */
  restructure(focusId?: string): void;
}

/** Options of a numeric control. */
export interface NumberOpts {
  /** Unit key shown after the label. */
  unit?: Key;
  /** Shown and typed as a percentage of a 0–1 share. */
  percent?: boolean;
  /** What an empty field writes: nothing (the key is removed; default) or null. */
  emptyAs?: 'delete' | 'null';
}

/** The id of the control at `path`. */
export function controlId(path: Path): string {
  return idFor('f', formatPath(path));
}

function errorsId(path: Path): string {
  return idFor('e', formatPath(path));
}

/** The source/assumption note of the field at `path`: in the nearest enclosing object's `notes`. */
export function noteOf(
  draft: unknown,
  path: Path,
): { source?: string; assumption?: string } | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    const note = getAt(draft, [...path.slice(0, i), 'notes', key]);
    if (note && typeof note === 'object') return note as { source?: string; assumption?: string };
  }
  return undefined;
}

function noteElement(ctx: EditorCtx, path: Path, id: string): HTMLElement | null {
  const note = noteOf(ctx.draft, path);
  return note ? noteParagraph(ctx, note, id) : null;
}

/** A parameter's note: where its value comes from, or what was assumed (or both). */
export function noteParagraph(
  ctx: EditorCtx,
  note: { source?: string; assumption?: string },
  id?: string,
): HTMLElement {
  return h(
    'p',
    { class: 'note', id },
    note.source
      ? h(
          'span',
          {},
          h('span', { class: 'note-kind source' }, `${ctx.t('noteSource')}: `),
          note.source,
        )
      : null,
    note.source && note.assumption ? ' ' : null,
    note.assumption
      ? h(
          'span',
          {},
          h('span', { class: 'note-kind assumption' }, `${ctx.t('noteAssumption')}: `),
          note.assumption,
        )
      : null,
  );
}

/** Text of a value for the change mark. */
function shown(ctx: EditorCtx, v: unknown, percent?: boolean): string {
  if (typeof v === 'number')
    return percent ? `${editable(v * 100, ctx.lang)}%` : editable(v, ctx.lang);
  if (v === undefined) return '–';
  if (typeof v === 'boolean') return ctx.t(v ? 'yes' : 'no');
  if (typeof v === 'string') return v;
  // A step function of numbers reads as "2024: 55; 2027: 40".
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.every(([, x]) => typeof x === 'number')) {
      return entries.map(([k, x]) => `${k}: ${shown(ctx, x, percent)}`).join('; ');
    }
  }
  return JSON.stringify(v);
}

/** Updates the "changed, was …" mark of the box for `path`. */
export function markChanged(ctx: EditorCtx, box: HTMLElement, path: Path, percent?: boolean): void {
  if (ctx.base === undefined) return;
  const before = getAt(ctx.base, path);
  const now = getAt(ctx.draft, path);
  const changed = stableStringify(before) !== stableStringify(now);
  box.classList.toggle('changed', changed);
  let mark = box.querySelector(':scope > .changed-mark');
  if (changed) {
    if (!mark) {
      mark = h('p', { class: 'changed-mark' });
      box.querySelector(':scope > .errors')?.before(mark);
    }
    mark.textContent = ctx.t('changedFrom', { v: shown(ctx, before, percent) });
  } else mark?.remove();
}

/** The box around a control: label (with unit), the control, its note and its error list. */
export function fieldBox(
  ctx: EditorCtx,
  path: Path,
  label: string,
  control: HTMLElement,
  opts: { unit?: Key; percent?: boolean; hint?: string } = {},
): HTMLElement {
  const where = formatPath(path);
  const id = controlId(path);
  const noteId = idFor('n', where);
  control.id = id;
  const note = noteElement(ctx, path, noteId);
  control.setAttribute(
    'aria-describedby',
    [note ? noteId : '', errorsId(path)].filter(Boolean).join(' '),
  );
  const box = h(
    'div',
    {
      class: 'field',
      'data-path': where,
      'data-jpath': JSON.stringify(path),
      'data-percent': opts.percent,
      'data-label': label,
    },
    h(
      'label',
      { for: id },
      label,
      opts.unit ? h('span', { class: 'unit' }, ` (${ctx.t(opts.unit)})`) : null,
      opts.hint ? h('span', { class: 'hint' }, ` — ${opts.hint}`) : null,
    ),
    control,
    note,
    h('ul', { class: 'errors', id: errorsId(path) }),
  );
  markChanged(ctx, box, path, opts.percent);
  return box;
}

/** A group of controls (fieldset) with its own error list, for objects and step tables. */
export function group(
  ctx: EditorCtx,
  path: Path,
  legend: string,
  ...children: Child[]
): HTMLFieldSetElement {
  const where = formatPath(path);
  return h(
    'fieldset',
    {
      class: 'group',
      'data-path': where,
      'data-jpath': JSON.stringify(path),
      'data-label': legend,
    },
    h('legend', {}, legend),
    ...children,
    h('ul', { class: 'errors', id: errorsId(path) }),
  );
}

/** Refreshes the change marks of every field or group around `el`. */
function refreshMarks(ctx: EditorCtx, el: Element): void {
  for (
    let box = el.closest<HTMLElement>('[data-jpath]');
    box;
    box = box.parentElement?.closest<HTMLElement>('[data-jpath]') ?? null
  ) {
    markChanged(ctx, box, JSON.parse(box.dataset.jpath!) as Path, box.dataset.percent === 'true');
  }
}

/** Writes `value` at `path`, refreshes the change marks around `el`, reports the change. */
export function write(ctx: EditorCtx, path: Path, value: unknown, el: Element): void {
  if (value === undefined) deleteAt(ctx.draft, path);
  else setAt(ctx.draft, path, value);
  refreshMarks(ctx, el);
  ctx.changed();
}

/** A bare number input bound to `path` (for tables); its value is written on every keystroke. */
export function numberInput(
  ctx: EditorCtx,
  path: Path,
  opts: NumberOpts & { label?: string } = {},
): HTMLInputElement {
  const v = getAt(ctx.draft, path);
  const scale = (x: number) => editable(opts.percent ? x * 100 : x, ctx.lang);
  const fallback = getAt(ctx.defaults, path);
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    class: 'num',
    'data-path': formatPath(path),
    'aria-label': opts.label,
    placeholder: v === undefined && typeof fallback === 'number' ? scale(fallback) : undefined,
    value: typeof v === 'number' ? scale(v) : v === undefined || v === null ? '' : String(v),
  });
  input.addEventListener('input', () => {
    const text = input.value;
    const x = parseNumber(text, ctx.lang);
    // Text that is no number goes into the draft as typed, so the validator names the field.
    const empty = opts.emptyAs === 'null' ? null : undefined;
    const value = Number.isNaN(x)
      ? text.trim() === ''
        ? empty
        : text
      : opts.percent
        ? x / 100
        : x;
    write(ctx, path, value, input);
  });
  return input;
}

/** A labelled number field. */
export function numberField(
  ctx: EditorCtx,
  path: Path,
  label: string,
  opts: NumberOpts = {},
): HTMLElement {
  return fieldBox(ctx, path, label, numberInput(ctx, path, opts), {
    ...opts,
    unit: opts.percent ? 'unit_percent' : opts.unit,
  });
}

/** A labelled text field (multi-line when `long`). */
export function textField(ctx: EditorCtx, path: Path, label: string, long = false): HTMLElement {
  const v = getAt(ctx.draft, path);
  const control = long
    ? h('textarea', { rows: 3 })
    : h('input', { type: 'text', autocomplete: 'off' });
  control.value = v === undefined || v === null ? '' : String(v);
  control.addEventListener('input', () => write(ctx, path, control.value, control));
  return fieldBox(ctx, path, label, control);
}

/** A labelled choice among `options`; a current value not among them is shown as it is. */
export function selectField(
  ctx: EditorCtx,
  path: Path,
  label: string,
  options: { value: string; label: string }[],
  opts: { onChange?: (value: string) => void } = {},
): HTMLElement {
  const v = getAt(ctx.draft, path);
  const all =
    options.some((o) => o.value === v) || v === undefined
      ? options
      : [...options, { value: String(v), label: String(v) }];
  const select = h(
    'select',
    {},
    ...all.map((o) => h('option', { value: o.value, selected: o.value === v }, o.label)),
  );
  select.addEventListener('change', () => {
    if (opts.onChange) opts.onChange(select.value);
    else write(ctx, path, select.value, select);
  });
  return fieldBox(ctx, path, label, select);
}

/** A labelled yes/no checkbox. */
export function checkboxField(ctx: EditorCtx, path: Path, label: string): HTMLElement {
  const input = h('input', { type: 'checkbox', checked: getAt(ctx.draft, path) === true });
  input.addEventListener('change', () => write(ctx, path, input.checked, input));
  const box = fieldBox(ctx, path, label, input);
  box.classList.add('check');
  return box;
}

/** A set of checkboxes editing an array of values (kept in the options' order). */
export function checklistField(
  ctx: EditorCtx,
  path: Path,
  label: string,
  options: { value: string; label: string }[],
): HTMLElement {
  const current = getAt(ctx.draft, path);
  const chosen = new Set(Array.isArray(current) ? current.map(String) : []);
  const extra = [...chosen].filter((c) => !options.some((o) => o.value === c));
  const all = [...options, ...extra.map((value) => ({ value, label: value }))];
  const where = formatPath(path);
  const fs = group(ctx, path, label);
  fs.classList.add('checklist');
  const errors = fs.querySelector(':scope > .errors')!;
  all.forEach((o, i) => {
    const id = idFor('f', `${where}#${i}`);
    const input = h('input', {
      type: 'checkbox',
      id,
      value: o.value,
      checked: chosen.has(o.value),
      'aria-describedby': errors.id,
    });
    input.addEventListener('change', () => {
      const boxes = [...fs.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
      write(
        ctx,
        path,
        boxes.filter((b) => b.checked).map((b) => b.value),
        fs,
      );
    });
    errors.before(
      h(
        'span',
        { class: 'check-item', 'data-path': formatPath([...path, i]) },
        input,
        h('label', { for: id }, o.label),
      ),
    );
  });
  const note = noteElement(ctx, path, idFor('n', where));
  if (note) errors.before(note);
  markChanged(ctx, fs, path);
  return fs;
}

/** Keys of a step function in calendar order (unreadable keys last, in their order). */
export function sortedKeys(fn: Record<string, unknown>, startYear: number): string[] {
  const day = (k: string) => (STEP_KEY.test(k) ? keyToCalendarDay(k, startYear) : Infinity);
  return Object.keys(fn).sort((a, b) => day(a) - day(b));
}

/** The key after the last: its year plus one. */
function nextKey(keys: string[], startYear: number): string {
  const years = keys.filter((k) => STEP_KEY.test(k)).map((k) => Number(k.slice(0, 4)));
  return String(years.length ? Math.max(...years) + 1 : startYear);
}

/** Renames key `from` to `to` in a record, keeping the other keys' order; false if `to` exists. */
function renameKey(record: Record<string, unknown>, from: string, to: string): boolean {
  if (from === to) return true;
  if (Object.prototype.hasOwnProperty.call(record, to)) return false;
  const entries = Object.entries(record).map(([k, v]) => [k === from ? to : k, v] as const);
  for (const k of Object.keys(record)) delete record[k];
  for (const [k, v] of entries) record[k] = v;
  return true;
}

/** The start year of the draft (for ordering step keys); the current year if unreadable. */
function startYearOf(ctx: EditorCtx): number {
  const y = ctx.draft.startYear;
  return typeof y === 'number' ? y : 2024;
}

/**
 * A step function (value per year or month) as a small table: one row per key, with the key,
 * the value cell(s) drawn by `cells`, and a remove button; plus "add year".
 */
export function stepTable(
  ctx: EditorCtx,
  path: Path,
  label: string,
  columns: string[],
  cells: (rowPath: Path, key: string) => HTMLElement[],
  opts: {
    footer?: (keys: string[]) => HTMLElement | null;
    newValue?: (last: unknown) => unknown;
  } = {},
): HTMLFieldSetElement {
  const fn = getAt(ctx.draft, path);
  const record =
    fn && typeof fn === 'object' && !Array.isArray(fn) ? (fn as Record<string, unknown>) : {};
  const keys = sortedKeys(record, startYearOf(ctx));
  const where = formatPath(path);
  const rows = keys.map((key) => {
    const rowPath = [...path, key];
    const keyInput = h('input', {
      type: 'text',
      class: 'key',
      value: key,
      autocomplete: 'off',
      'aria-label': `${label}: ${ctx.t('stepKey')} (${ctx.t('stepKeyHint')})`,
      'aria-describedby': errorsId(path),
      id: idFor('k', formatPath(rowPath)),
    });
    keyInput.addEventListener('change', () => {
      const to = keyInput.value.trim();
      const rec = getAt(ctx.draft, path) as Record<string, unknown>;
      if (!to || !renameKey(rec, key, to)) {
        keyInput.value = key;
        return;
      }
      ctx.restructure(idFor('k', formatPath([...path, to])));
    });
    const remove = h(
      'button',
      {
        type: 'button',
        class: 'icon remove',
        'aria-label': ctx.t('removeRow', { key }),
        title: ctx.t('removeRow', { key }),
        disabled: keys.length <= 1,
      },
      '×',
    );
    remove.addEventListener('click', () => {
      deleteAt(ctx.draft, rowPath);
      ctx.restructure(idFor('add', where));
    });
    return h(
      'tr',
      { 'data-path': formatPath(rowPath), 'data-label': key },
      h('td', {}, keyInput),
      ...cells(rowPath, key).map((c) => {
        // Cell controls are described by the table's error list, where their problems go.
        for (const control of [c, ...c.querySelectorAll('input, select')]) {
          if (control.matches('input, select') && !control.hasAttribute('aria-describedby')) {
            control.setAttribute('aria-describedby', errorsId(path));
          }
        }
        return h('td', {}, c);
      }),
      h('td', {}, remove),
    );
  });
  const add = h(
    'button',
    { type: 'button', class: 'add', id: idFor('add', where) },
    `+ ${ctx.t('addYear')}`,
  );
  add.addEventListener('click', () => {
    const rec = (getAt(ctx.draft, path) as Record<string, unknown> | undefined) ?? {};
    const key = nextKey(Object.keys(rec), startYearOf(ctx));
    const last = keys.length ? rec[keys[keys.length - 1]] : undefined;
    setAt(ctx.draft, [...path, key], opts.newValue ? opts.newValue(last) : cloneJson(last ?? 0));
    ctx.restructure(idFor('k', formatPath([...path, key])));
  });
  const table = h(
    'table',
    { class: 'steps' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, ctx.t('stepKey')),
        ...columns.map((c) => h('th', { scope: 'col' }, c)),
        h('td', {}),
      ),
    ),
    h('tbody', {}, ...rows),
    opts.footer ? h('tfoot', {}, opts.footer(keys)) : null,
  );
  const fs = group(ctx, path, label, h('div', { class: 'table-wrap' }, table), add);
  fs.classList.add('step-table');
  const note = noteElement(ctx, path, idFor('n', where));
  if (note) fs.querySelector(':scope > .errors')!.before(note);
  markChanged(ctx, fs, path);
  return fs;
}

/** A step table of numbers. */
export function numberSteps(
  ctx: EditorCtx,
  path: Path,
  label: string,
  opts: NumberOpts = {},
): HTMLFieldSetElement {
  const unit = opts.percent
    ? ctx.t('unit_percent')
    : opts.unit
      ? ctx.t(opts.unit)
      : ctx.t('stepValue');
  return stepTable(ctx, path, label, [unit], (rowPath, key) => [
    numberInput(ctx, rowPath, { emptyAs: 'null', ...opts, label: `${label} ${key} (${unit})` }),
  ]);
}
