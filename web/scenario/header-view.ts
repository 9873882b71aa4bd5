// The page header: scenario picker, import, the file menu (scenario and result exports),
// share link and language switch. Draws what it is given; acts only through its handlers.
import type { LibraryScenario } from './catalogue.ts';
import { byId, h, replaceChildren } from '../dom.ts';
import type { Lang, T } from '../i18n/index.ts';

/** What the header shows. */
export interface HeaderView {
  t: T;
  lang: Lang;
  /** Name of the scenario being edited. */
  scenarioName: string;
  /** Library scenario it was loaded from, if any. */
  baseId: string | undefined;
  library: readonly LibraryScenario[];
  /** A full result is there to export. */
  resultsReady: boolean;
}

/** What the header's controls do. */
export interface HeaderActions {
  loadLibrary(id: string): void;
  importFile(file: File): void;
  exportScenario(): void;
  exportResults(kind: 'years' | 'weeks' | 'json'): void;
  share(): void;
  switchLang(): void;
}

/** Result export buttons of the file menu. */
const RESULT_EXPORTS = ['export-years', 'export-weeks', 'export-json'];

/** Draws the header and the page texts that do not belong to any pane. */
export function renderHeaderView(v: HeaderView, on: HeaderActions): void {
  const t = v.t;
  byId('skip-link').textContent = t('skipToResults');
  byId('tagline').textContent = t('tagline');
  byId('footer').textContent = t('footer');
  byId('editor-title').textContent = t('editorTitle');
  byId('editor-intro').textContent = t('editorIntro');

  const select = h(
    'select',
    { id: 'scenario-select' },
    ...(v.baseId === undefined ? [h('option', { value: '', selected: true }, v.scenarioName)] : []),
    ...v.library.map((s) => h('option', { value: s.id, selected: s.id === v.baseId }, s.name)),
  );
  select.addEventListener('change', () => on.loadLibrary(select.value));
  const fileInput = h('input', {
    type: 'file',
    id: 'file-input',
    accept: '.json,application/json',
    class: 'sr-only',
    tabindex: -1,
    'aria-hidden': 'true',
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) on.importFile(file);
  });
  const open = h('button', { type: 'button', id: 'open-file' }, t('importScenario'));
  open.addEventListener('click', () => fileInput.click());
  const saveItems: [string, string, () => void, boolean][] = [
    ['export-scenario', t('exportScenario'), on.exportScenario, true],
    ['export-years', t('exportCsvYears'), () => on.exportResults('years'), v.resultsReady],
    ['export-weeks', t('exportCsvWeeks'), () => on.exportResults('weeks'), v.resultsReady],
    ['export-json', t('exportJson'), () => on.exportResults('json'), v.resultsReady],
  ];
  const menu = h(
    'details',
    { class: 'menu', id: 'save-menu' },
    h('summary', {}, t('fileMenu')),
    h(
      'div',
      { class: 'menu-items' },
      ...saveItems.map(([id, label, fn, enabled]) => {
        const b = h('button', { type: 'button', id, disabled: !enabled }, label);
        b.addEventListener('click', () => {
          fn();
          byId<HTMLDetailsElement>('save-menu').open = false;
        });
        return b;
      }),
    ),
  );
  const share = h('button', { type: 'button', id: 'share' }, t('share'));
  share.addEventListener('click', () => on.share());
  const lang = h(
    'button',
    {
      type: 'button',
      id: 'lang-switch',
      lang: v.lang === 'nl' ? 'en' : 'nl',
      'aria-label': t('switchLangLabel'),
    },
    t('switchLang'),
  );
  lang.addEventListener('click', () => on.switchLang());
  replaceChildren(
    byId('header-controls'),
    h(
      'span',
      { class: 'control' },
      h('label', { for: 'scenario-select' }, t('scenarioPicker')),
      select,
    ),
    open,
    fileInput,
    menu,
    share,
    lang,
  );
}

/** Enables the result exports once a full result is there (without redrawing the header). */
export function updateExportButtons(resultsReady: boolean): void {
  for (const id of RESULT_EXPORTS) {
    const b = document.getElementById(id) as HTMLButtonElement | null;
    if (b) b.disabled = !resultsReady;
  }
}
