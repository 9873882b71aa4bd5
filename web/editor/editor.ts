// The scenario editor: every parameter of the draft, grouped as users think (inflow, shelter,
// triage, homes and contingents, rules, goal, general), as controls bound to the draft.
// Renders from the draft alone; problems are marked afterwards by mark-problems.ts.
import { FACILITY_KINDS, HOUSING_ROUTES, PATHWAYS } from '../../sim/scenario/schema.ts';
import { formatPath } from '../../sim/scenario/validate.ts';
import { append, h, idFor, type Child } from '../dom.ts';
import type { Key } from '../i18n/index.ts';
import {
  checkboxField,
  checklistField,
  controlId,
  group,
  numberField,
  numberInput,
  numberSteps,
  noteParagraph,
  selectField,
  stepTable,
  textField,
  write,
  type EditorCtx,
} from './fields.ts';
import { getAt, setAt, deleteAt, cloneJson, type Path } from './json-path.ts';
import {
  addHouseholdType,
  newArrival,
  newContingent,
  newFacility,
  newUncertain,
  removeHouseholdType,
} from './templates.ts';
import { editable, parseNumber } from '../format.ts';

type Json = Record<string, unknown>;

/** Which collapsible parts are open, by their data-path; kept across renders. */
export type OpenState = Set<string>;

/** The parts open when a scenario is first shown. */
export function initialOpenState(): OpenState {
  return new Set(['group:housing', 'housing.contingents[0]']);
}

function items(ctx: EditorCtx, path: Path): Json[] {
  const v = getAt(ctx.draft, path);
  return Array.isArray(v) ? (v as Json[]) : [];
}

function details(
  open: OpenState,
  key: string,
  summary: Child[],
  ...children: Child[]
): HTMLDetailsElement {
  const el = h(
    'details',
    { 'data-open-key': key, open: open.has(key) },
    h('summary', {}, ...summary),
    ...children,
  );
  el.addEventListener('toggle', () => {
    if (el.open) open.add(key);
    else open.delete(key);
  });
  return el;
}

/** One item of a list (facility, contingent, …) as a collapsible part with a remove button. */
function item(
  ctx: EditorCtx,
  open: OpenState,
  path: Path,
  title: string,
  detail: string,
  remove: () => void,
  ...children: Child[]
): HTMLDetailsElement {
  const where = formatPath(path);
  const button = h(
    'button',
    { type: 'button', class: 'remove-item' },
    ctx.t('remove', { name: title }),
  );
  button.addEventListener('click', () => {
    remove();
    ctx.restructure();
  });
  const el = details(
    open,
    where,
    [
      h('span', { class: 'item-title' }, title),
      detail ? h('span', { class: 'item-detail' }, detail) : null,
    ],
    ...children,
    button,
  );
  el.classList.add('item');
  el.dataset.path = where;
  el.dataset.label = title;
  el.append(h('ul', { class: 'errors', id: idFor('e', where) }));
  return el;
}

function addButton(ctx: EditorCtx, label: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'add' }, `+ ${label}`);
  b.addEventListener('click', onClick);
  return b;
}

function options<T extends string>(ctx: EditorCtx, values: readonly T[], prefix: string) {
  return values.map((value) => ({ value, label: ctx.t(`${prefix}${value}` as Key) }));
}

function typeOptions(ctx: EditorCtx) {
  return items(ctx, ['householdTypes']).map((t) => ({
    value: String(t.id),
    label: String(t.label ?? t.id),
  }));
}

function facilityOptions(ctx: EditorCtx) {
  return items(ctx, ['facilities']).map((f) => ({
    value: String(f.id),
    label: String(f.name ?? f.id),
  }));
}

const DEFAULT_DURATION = { dist: 'lognormal', mean: 30, cv: 0.5 };

/** Converts a duration to another distribution, keeping its mean (and cv where both have one). */
function convertDuration(d: Json, dist: string): Json {
  const mean =
    typeof d.mean === 'number'
      ? d.mean
      : Array.isArray(d.values) && typeof d.values[0] === 'number'
        ? d.values[0]
        : 30;
  const cv = typeof d.cv === 'number' ? d.cv : 0.5;
  if (dist === 'lognormal' || dist === 'gamma') return { dist, mean, cv };
  if (dist === 'empirical') return { dist, values: [mean] };
  return { dist, mean };
}

/** A list of numbers typed as "1; 2,5; 4" (unreadable entries are kept as text for the validator). */
function numberList(ctx: EditorCtx, path: Path, label: string): HTMLElement {
  const v = getAt(ctx.draft, path);
  const input = h('input', { type: 'text', autocomplete: 'off', class: 'list' });
  input.value = Array.isArray(v)
    ? v.map((x) => (typeof x === 'number' ? editable(x, ctx.lang) : String(x))).join('; ')
    : '';
  input.addEventListener('input', () => {
    const parts = input.value
      .split(';')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    const values = parts.map((p) => {
      const x = parseNumber(p, ctx.lang);
      return Number.isNaN(x) ? p : x;
    });
    write(
      ctx,
      path,
      input.value.trim() === '' && path[path.length - 1] === 'weights' ? undefined : values,
      input,
    );
  });
  const box = h(
    'div',
    { class: 'field', 'data-path': formatPath(path), 'data-label': label },
    h(
      'label',
      { for: controlId(path) },
      label,
      h('span', { class: 'hint' }, ` (${ctx.t('listHint')})`),
    ),
    input,
    h('ul', { class: 'errors', id: idFor('e', formatPath(path)) }),
  );
  input.id = controlId(path);
  input.setAttribute('aria-describedby', idFor('e', formatPath(path)));
  return box;
}

/** A random duration: distribution, mean and cv (or a table of values); optional ones can be unset. */
function durationField(
  ctx: EditorCtx,
  path: Path,
  label: string,
  unit: Key,
  optional = false,
): HTMLElement {
  const d = getAt(ctx.draft, path) as Json | undefined;
  if (d === undefined || d === null || typeof d !== 'object') {
    const set = h(
      'button',
      { type: 'button', class: 'add', id: controlId([...path, 'dist']) },
      ctx.t('set'),
    );
    set.addEventListener('click', () => {
      setAt(ctx.draft, path, cloneJson(DEFAULT_DURATION));
      ctx.restructure(controlId([...path, 'dist']));
    });
    return group(ctx, path, label, h('p', { class: 'unset' }, ctx.t('notSet'), ' ', set));
  }
  const dist = String(d.dist);
  const distSelect = selectField(
    ctx,
    [...path, 'dist'],
    ctx.t('dist'),
    options(ctx, ['fixed', 'exponential', 'lognormal', 'gamma', 'empirical'], 'dist_'),
    {
      onChange: (value) => {
        setAt(ctx.draft, path, convertDuration(getAt(ctx.draft, path) as Json, value));
        ctx.restructure(controlId([...path, 'dist']));
      },
    },
  );
  const parts: Child[] = [distSelect];
  if (dist === 'empirical') {
    parts.push(numberList(ctx, [...path, 'values'], `${ctx.t('values')} (${ctx.t(unit)})`));
    parts.push(numberList(ctx, [...path, 'weights'], ctx.t('weights')));
  } else {
    parts.push(numberField(ctx, [...path, 'mean'], ctx.t('mean'), { unit }));
    if (dist === 'lognormal' || dist === 'gamma')
      parts.push(numberField(ctx, [...path, 'cv'], ctx.t('cv')));
  }
  if (optional) {
    const unset = h('button', { type: 'button', class: 'link' }, ctx.t('unset'));
    unset.addEventListener('click', () => {
      deleteAt(ctx.draft, path);
      ctx.restructure(controlId([...path, 'dist']));
    });
    parts.push(unset);
  }
  const fs = group(ctx, path, label, h('div', { class: 'row' }, ...parts));
  fs.classList.add('duration');
  return fs;
}

/** Twelve monthly factors, or none. */
function seasonalityField(ctx: EditorCtx, path: Path): HTMLElement {
  const v = getAt(ctx.draft, path);
  const label = ctx.t('field_seasonality');
  if (!Array.isArray(v)) {
    const set = h(
      'button',
      { type: 'button', class: 'add', id: controlId([...path, 0]) },
      ctx.t('set'),
    );
    set.addEventListener('click', () => {
      setAt(ctx.draft, path, new Array(12).fill(1));
      ctx.restructure(controlId([...path, 0]));
    });
    return group(ctx, path, label, h('p', { class: 'unset' }, ctx.t('notSet'), ' ', set));
  }
  const months = ctx.t('months').split(';');
  const unset = h('button', { type: 'button', class: 'link' }, ctx.t('unset'));
  unset.addEventListener('click', () => {
    deleteAt(ctx.draft, path);
    ctx.restructure(controlId([...path, 0]));
  });
  const cells = months.map((m, i) => {
    const input = numberInput(ctx, [...path, i], { label: `${label}: ${m}`, emptyAs: 'null' });
    input.id = controlId([...path, i]);
    return h('span', { class: 'month' }, h('label', { for: input.id }, m), input);
  });
  const fs = group(ctx, path, label, h('div', { class: 'months' }, ...cells), unset);
  fs.classList.add('seasonality');
  return fs;
}

/** The triage-delay table: a duration per year. */
function delaySteps(ctx: EditorCtx): HTMLElement {
  const path = ['triage', 'delayDays'];
  const label = ctx.t('delayDays');
  return stepTable(
    ctx,
    path,
    label,
    [ctx.t('dist'), `${ctx.t('mean')} (${ctx.t('unit_days')})`, ctx.t('cv')],
    (rowPath, key) => {
      const d = (getAt(ctx.draft, rowPath) ?? {}) as Json;
      const select = h(
        'select',
        { 'aria-label': `${label} ${key}: ${ctx.t('dist')}`, id: controlId([...rowPath, 'dist']) },
        ...['fixed', 'exponential', 'lognormal', 'gamma', 'empirical'].map((v) =>
          h('option', { value: v, selected: d.dist === v }, ctx.t(`dist_${v}` as Key)),
        ),
      );
      select.addEventListener('change', () => {
        setAt(ctx.draft, rowPath, convertDuration(getAt(ctx.draft, rowPath) as Json, select.value));
        ctx.restructure(controlId([...rowPath, 'dist']));
      });
      if (d.dist === 'empirical') {
        return [
          select,
          numberList(ctx, [...rowPath, 'values'], ctx.t('values')),
          numberList(ctx, [...rowPath, 'weights'], ctx.t('weights')),
        ];
      }
      const mean = numberInput(ctx, [...rowPath, 'mean'], {
        label: `${label} ${key}: ${ctx.t('mean')}`,
        emptyAs: 'null',
      });
      const cv =
        d.dist === 'lognormal' || d.dist === 'gamma'
          ? numberInput(ctx, [...rowPath, 'cv'], {
              label: `${label} ${key}: ${ctx.t('cv')}`,
              emptyAs: 'null',
            })
          : h('span', {});
      return [select, mean, cv];
    },
    { newValue: (last) => cloneJson(last ?? DEFAULT_DURATION) },
  );
}

/** The triage outcomes of one household type: a share per pathway per year, with their sum. */
function pathwaySteps(ctx: EditorCtx, type: string, label: string): HTMLElement {
  const path = ['triage', 'pathways', type];
  const sumOf = (rowPath: Path) => {
    const shares = (getAt(ctx.draft, rowPath) ?? {}) as Json;
    return Object.values(shares).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
  };
  const table = stepTable(
    ctx,
    path,
    ctx.t('pathways', { type: label }),
    [...PATHWAYS.map((p) => `${ctx.t(`pathway_${p}`)} %`), ctx.t('stepSum')],
    (rowPath, key) => {
      const sum = h(
        'output',
        { class: 'sum' },
        `${editable(Math.round(sumOf(rowPath) * 1000) / 10, ctx.lang)}%`,
      );
      const inputs = PATHWAYS.map((p) => {
        const input = numberInput(ctx, [...rowPath, p], {
          percent: true,
          label: `${key} ${ctx.t(`pathway_${p}`)} (%)`,
        });
        input.addEventListener('input', () => {
          const total = sumOf(rowPath);
          sum.value = `${editable(Math.round(total * 1000) / 10, ctx.lang)}%`;
          sum.classList.toggle('off', Math.abs(total - 1) > 1e-6);
        });
        return input;
      });
      sum.classList.toggle('off', Math.abs(sumOf(rowPath) - 1) > 1e-6);
      return [...inputs, sum];
    },
    { newValue: (last) => cloneJson(last ?? { independent: 1 }) },
  );
  table.classList.add('pathways');
  return table;
}

function inflowGroup(ctx: EditorCtx, open: OpenState): Part[] {
  const types = typeOptions(ctx);
  const facilities = facilityOptions(ctx);
  const streams = items(ctx, ['arrivals']).map((a, i) => (): Child => {
    const p: Path = ['arrivals', i];
    const rate =
      a.ratePerYear && typeof a.ratePerYear === 'object'
        ? Object.values(a.ratePerYear as Json)
        : [];
    const entry = facilities.find((f) => f.value === a.entry)?.label ?? String(a.entry);
    const type = types.find((t) => t.value === a.householdType)?.label ?? String(a.householdType);
    return item(
      ctx,
      open,
      p,
      `${type} → ${entry}`,
      typeof rate[0] === 'number' ? `${editable(rate[0], ctx.lang)} ${ctx.t('unit_perYear')}` : '',
      () => items(ctx, ['arrivals']).splice(i, 1),
      selectField(ctx, [...p, 'householdType'], ctx.t('field_householdType'), types),
      selectField(ctx, [...p, 'entry'], ctx.t('field_entry'), facilities),
      numberSteps(ctx, [...p, 'ratePerYear'], ctx.t('field_ratePerYear'), { unit: 'unit_perYear' }),
      numberField(ctx, [...p, 'selfResolveShare'], ctx.t('field_selfResolveShare'), {
        percent: true,
      }),
      durationField(
        ctx,
        [...p, 'selfResolveDays'],
        ctx.t('field_selfResolveDays'),
        'unit_days',
        true,
      ),
      seasonalityField(ctx, [...p, 'seasonality']),
      textField(ctx, [...p, 'id'], ctx.t('field_id')),
    );
  });
  const householdTypes = items(ctx, ['householdTypes']).map((t, i) => (): Child => {
    const p: Path = ['householdTypes', i];
    return item(
      ctx,
      open,
      p,
      String(t.label ?? t.id),
      '',
      () => removeHouseholdType(ctx.draft, i),
      textField(ctx, [...p, 'label'], ctx.t('field_label')),
      durationField(ctx, [...p, 'tenureYears'], ctx.t('field_tenureYears'), 'unit_years'),
      textField(ctx, [...p, 'id'], ctx.t('field_id')),
    );
  });
  return [
    h('h4', {}, ctx.t('arrivalStreams')),
    ...streams,
    addButton(ctx, ctx.t('addArrival'), () => {
      const list = items(ctx, ['arrivals']);
      list.push(newArrival(ctx.draft, ctx.lang));
      ctx.draft.arrivals = list;
      open.add(formatPath(['arrivals', list.length - 1]));
      ctx.restructure();
    }),
    h('h4', {}, ctx.t('householdTypes')),
    ...householdTypes,
    addButton(ctx, ctx.t('addHouseholdType'), () => {
      addHouseholdType(ctx.draft, ctx.lang);
      open.add(formatPath(['householdTypes', items(ctx, ['householdTypes']).length - 1]));
      ctx.restructure();
    }),
  ];
}

function shelterGroup(ctx: EditorCtx, open: OpenState): Part[] {
  const types = typeOptions(ctx);
  const list = items(ctx, ['facilities']).map((f, i) => (): Child => {
    const p: Path = ['facilities', i];
    const cap =
      f.capacity && typeof f.capacity === 'object' ? Object.values(f.capacity as Json) : [];
    const last = cap[cap.length - 1];
    return item(
      ctx,
      open,
      p,
      String(f.name ?? f.id),
      typeof last === 'number' ? `${editable(last, ctx.lang)} ${ctx.t('unit_places')}` : '',
      () => items(ctx, ['facilities']).splice(i, 1),
      textField(ctx, [...p, 'name'], ctx.t('field_name')),
      selectField(ctx, [...p, 'kind'], ctx.t('field_kind'), options(ctx, FACILITY_KINDS, 'kind_')),
      checklistField(ctx, [...p, 'serves'], ctx.t('field_serves'), types),
      numberSteps(ctx, [...p, 'capacity'], ctx.t('field_capacity'), { unit: 'unit_places' }),
      durationField(ctx, [...p, 'stay'], ctx.t('field_stay'), 'unit_days', true),
      numberField(ctx, [...p, 'exitAfterStayShare'], ctx.t('field_exitAfterStayShare'), {
        percent: true,
      }),
      durationField(ctx, [...p, 'patienceDays'], ctx.t('field_patienceDays'), 'unit_days', true),
      numberField(ctx, [...p, 'initialOccupancy'], ctx.t('field_initialOccupancy'), {
        unit: 'unit_persons',
      }),
      numberField(ctx, [...p, 'costPerPlaceDay'], ctx.t('field_costPerPlaceDay'), {
        unit: 'unit_eurPerDay',
      }),
      textField(ctx, [...p, 'id'], ctx.t('field_id')),
    );
  });
  return [
    ...list,
    addButton(ctx, ctx.t('addFacility'), () => {
      const all = items(ctx, ['facilities']);
      all.push(newFacility(ctx.draft, ctx.lang));
      ctx.draft.facilities = all;
      open.add(formatPath(['facilities', all.length - 1]));
      ctx.restructure();
    }),
  ];
}

function triageGroup(ctx: EditorCtx): Child[] {
  const pathways = (getAt(ctx.draft, ['triage', 'pathways']) ?? {}) as Json;
  const labels = new Map(typeOptions(ctx).map((o) => [o.value, o.label]));
  return [
    delaySteps(ctx),
    ...Object.keys(pathways).map((type) => pathwaySteps(ctx, type, labels.get(type) ?? type)),
  ];
}

function housingGroup(ctx: EditorCtx, open: OpenState): Part[] {
  const types = typeOptions(ctx);
  const routes = options(ctx, HOUSING_ROUTES, 'route_');
  const list = items(ctx, ['housing', 'contingents']).map((c, i) => (): Child => {
    const p: Path = ['housing', 'contingents', i];
    const units =
      c.unitsPerYear && typeof c.unitsPerYear === 'object'
        ? Object.values(c.unitsPerYear as Json)
        : [];
    return item(
      ctx,
      open,
      p,
      String(c.owner ?? c.id),
      typeof units[0] === 'number'
        ? `${editable(units[0], ctx.lang)} ${ctx.t('unit_homesPerYear')}`
        : '',
      () => items(ctx, ['housing', 'contingents']).splice(i, 1),
      numberSteps(ctx, [...p, 'unitsPerYear'], ctx.t('field_unitsPerYear'), {
        unit: 'unit_homesPerYear',
      }),
      textField(ctx, [...p, 'owner'], ctx.t('field_owner')),
      checklistField(ctx, [...p, 'routes'], ctx.t('field_routes'), routes),
      checklistField(ctx, [...p, 'householdTypes'], ctx.t('field_householdTypes'), types),
      checkboxField(ctx, [...p, 'requiresBinding'], ctx.t('field_requiresBinding')),
      checkboxField(ctx, [...p, 'requiresUrgency'], ctx.t('field_requiresUrgency')),
      selectField(
        ctx,
        [...p, 'pattern'],
        ctx.t('field_pattern'),
        options(ctx, ['even', 'poisson', 'monthly'], 'pattern_'),
      ),
      numberField(ctx, [...p, 'acceptance'], ctx.t('field_acceptance'), { percent: true }),
      checkboxField(ctx, [...p, 'singleBindingOffer'], ctx.t('field_singleBindingOffer')),
      selectField(
        ctx,
        [...p, 'unused'],
        ctx.t('field_unused'),
        options(ctx, ['lapse', 'bank'], 'unused_'),
      ),
      numberField(ctx, [...p, 'bankDays'], ctx.t('field_bankDays'), { unit: 'unit_days' }),
      textField(ctx, [...p, 'id'], ctx.t('field_id')),
    );
  });
  const wait = (getAt(ctx.draft, ['housing', 'market', 'meanWaitDays']) ?? {}) as Json;
  const labels = new Map(types.map((o) => [o.value, o.label]));
  return [
    h('h4', {}, ctx.t('contingents')),
    ...list,
    addButton(ctx, ctx.t('addContingent'), () => {
      const all = items(ctx, ['housing', 'contingents']);
      all.push(newContingent(ctx.draft, ctx.lang));
      setAt(ctx.draft, ['housing', 'contingents'], all);
      open.add(formatPath(['housing', 'contingents', all.length - 1]));
      ctx.restructure();
    }),
    h('h4', {}, ctx.t('market')),
    checklistField(ctx, ['housing', 'market', 'routes'], ctx.t('field_routes'), routes),
    ...Object.keys(wait).map((type) =>
      numberSteps(
        ctx,
        ['housing', 'market', 'meanWaitDays', type],
        ctx.t('field_meanWaitDays', { type: labels.get(type) ?? type }),
        {
          unit: 'unit_days',
        },
      ),
    ),
  ];
}

function rulesGroup(ctx: EditorCtx): Child[] {
  return [
    selectField(
      ctx,
      ['housing', 'priority'],
      ctx.t('field_priority'),
      options(ctx, ['fifo', 'blockingFirst'], 'priority_'),
    ),
    numberField(ctx, ['housing', 'waitElsewhereShare'], ctx.t('field_waitElsewhereShare'), {
      percent: true,
    }),
    numberSteps(ctx, ['housing', 'urgencyAfterDays'], ctx.t('field_urgencyAfterDays'), {
      unit: 'unit_days',
    }),
    numberSteps(ctx, ['housing', 'bindingYears'], ctx.t('field_bindingYears'), {
      unit: 'unit_years',
    }),
    h('h4', {}, ctx.t('relapse')),
    numberField(ctx, ['relapse', 'share'], ctx.t('field_share'), { percent: true }),
    durationField(ctx, ['relapse', 'afterDays'], ctx.t('field_afterDays'), 'unit_days'),
  ];
}

function goalGroup(ctx: EditorCtx): Child[] {
  return [
    numberField(ctx, ['goal', 'year'], ctx.t('field_year'), { unit: 'unit_year' }),
    numberField(ctx, ['goal', 'triageDays'], ctx.t('field_triageDays'), { unit: 'unit_days' }),
    numberField(ctx, ['goal', 'homeDays'], ctx.t('field_homeDays'), { unit: 'unit_days' }),
    numberField(ctx, ['goal', 'triageTarget'], ctx.t('field_triageTarget'), { percent: true }),
    numberField(ctx, ['goal', 'rehousingTarget'], ctx.t('field_rehousingTarget'), {
      percent: true,
    }),
  ];
}

function uncertainGroup(ctx: EditorCtx, open: OpenState): Part[] {
  const list = items(ctx, ['uncertain']).map((u, i) => (): Child => {
    const p: Path = ['uncertain', i];
    const note = (u.note ?? {}) as { source?: string; assumption?: string };
    return item(
      ctx,
      open,
      p,
      String(u.label ?? u.path),
      typeof u.low === 'number' && typeof u.high === 'number'
        ? `${editable(u.low, ctx.lang)} – ${editable(u.high, ctx.lang)}`
        : '',
      () => items(ctx, ['uncertain']).splice(i, 1),
      textField(ctx, [...p, 'label'], ctx.t('field_label')),
      textField(ctx, [...p, 'path'], ctx.t('field_path')),
      h(
        'div',
        { class: 'row' },
        numberField(ctx, [...p, 'low'], ctx.t('field_low')),
        numberField(ctx, [...p, 'high'], ctx.t('field_high')),
      ),
      selectField(
        ctx,
        [...p, 'dist'],
        ctx.t('dist'),
        options(ctx, ['uniform', 'triangular'], 'dist_'),
      ),
      numberField(ctx, [...p, 'mode'], ctx.t('field_mode')),
      note.source || note.assumption ? noteParagraph(ctx, note) : null,
    );
  });
  return [
    h('p', { class: 'intro' }, ctx.t('uncertainIntro')),
    ...list,
    addButton(ctx, ctx.t('addUncertain'), () => {
      const all = items(ctx, ['uncertain']);
      all.push(newUncertain(ctx.draft, ctx.lang));
      ctx.draft.uncertain = all;
      open.add(formatPath(['uncertain', all.length - 1]));
      ctx.restructure();
    }),
  ];
}

function generalGroup(ctx: EditorCtx): Child[] {
  return [
    textField(ctx, ['name'], ctx.t('field_name')),
    textField(ctx, ['region'], ctx.t('field_region')),
    textField(ctx, ['description'], ctx.t('field_description'), true),
    numberField(ctx, ['startYear'], ctx.t('field_startYear'), { unit: 'unit_year' }),
    numberField(ctx, ['endYear'], ctx.t('field_endYear'), { unit: 'unit_year' }),
    numberField(ctx, ['warmupYears'], ctx.t('field_warmupYears'), { unit: 'unit_years' }),
    textField(ctx, ['seed'], ctx.t('field_seed')),
    numberField(ctx, ['replications'], ctx.t('field_replications'), { unit: 'unit_count' }),
    textField(ctx, ['id'], ctx.t('field_id')),
  ];
}

/**
 * What a group draws: an element, or one drawn on demand (a list item), so that drawing in
 * steps can pause between the items of a long list.
 */
type Part = Child | (() => Child);

const drawn = (part: Part): Child => (typeof part === 'function' ? part() : part);

/** The editor's groups in order, each a function listing its parts. */
function groups(ctx: EditorCtx, open: OpenState): [string, Key, () => Part[]][] {
  return [
    ['inflow', 'group_inflow', () => inflowGroup(ctx, open)],
    ['shelter', 'group_shelter', () => shelterGroup(ctx, open)],
    ['triage', 'group_triage', () => triageGroup(ctx)],
    ['housing', 'group_housing', () => housingGroup(ctx, open)],
    ['rules', 'group_rules', () => rulesGroup(ctx)],
    ['goal', 'group_goal', () => goalGroup(ctx)],
    ['uncertain', 'group_uncertain', () => uncertainGroup(ctx, open)],
    ['general', 'group_general', () => generalGroup(ctx)],
  ];
}

function section(ctx: EditorCtx, open: OpenState, key: string, title: Key, content: Child[]) {
  const body = h('div', { class: 'group-body' }, ...content);
  const el = details(open, `group:${key}`, [h('h3', {}, ctx.t(title))], body);
  el.classList.add('editor-group');
  el.dataset.group = key;
  return { el, body };
}

/** Draws the whole editor for `ctx.draft` into `root` (replacing it), keeping `open` parts open. */
export function renderEditor(root: HTMLElement, ctx: EditorCtx, open: OpenState): void {
  root.replaceChildren(
    ...groups(ctx, open).map(
      ([key, title, draw]) => section(ctx, open, key, title, draw().map(drawn)).el,
    ),
  );
  root.dataset.path = formatPath([]);
}

/** How long one step of {@link renderEditorInSteps} may draw before it pauses (ms). */
const STEP_MS = 8;

/**
 * Like {@link renderEditor}, in steps of about {@link STEP_MS} with a `pause` between them
 * (each group, and within a group between list items), so a large scenario never holds the
 * page for long. Stops, returning false, when `current` turns false.
 */
export async function renderEditorInSteps(
  root: HTMLElement,
  ctx: EditorCtx,
  open: OpenState,
  pause: () => Promise<void>,
  current: () => boolean,
): Promise<boolean> {
  root.replaceChildren();
  root.dataset.path = formatPath([]);
  for (const [key, title, draw] of groups(ctx, open)) {
    await pause();
    if (!current()) return false;
    let stepStart = performance.now();
    const { el, body } = section(ctx, open, key, title, []);
    root.append(el);
    for (const part of draw()) {
      if (performance.now() - stepStart > STEP_MS) {
        await pause();
        if (!current()) return false;
        stepStart = performance.now();
      }
      append(body, drawn(part));
    }
  }
  return true;
}
