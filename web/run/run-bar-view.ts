// The run bar: number of replications, the input-uncertainty switch and its replications
// per draw, progress and the stop button, and the status line. Draws what it is given;
// acts only through its handlers.
import { h, replaceChildren } from '../dom.ts';
import { number } from '../format.ts';
import type { Lang, T } from '../i18n/index.ts';
import { PER_DRAW_CHOICES } from '../analysis/analysis-words.ts';

/** Choices of the number of replications offered. */
const REPLICATION_CHOICES = [100, 250, 500, 1000, 2500, 5000];

/** A run in progress: replications done of the total, and what is running. */
export interface RunProgress {
  label: string;
  done: number;
  total: number;
}

/** What the run bar shows. */
export interface RunBarView {
  t: T;
  lang: Lang;
  /** Replications of the scenario (offered among the choices even if not one of them). */
  replications: number;
  /** The scenario has uncertain parameters with ranges to draw from. */
  hasRanges: boolean;
  /** Input uncertainty switched on, and replications per parameter draw. */
  inputUncertainty: { on: boolean; perDraw: number };
  progress: RunProgress | undefined;
  /** The status line. */
  status: string;
}

/** What the run bar's controls do. */
export interface RunBarActions {
  setReplications(n: number): void;
  setInputUncertainty(on: boolean): void;
  setPerDraw(n: number): void;
  cancel(): void;
}

/** Draws the run bar into `root`. */
export function renderRunBarView(root: HTMLElement, v: RunBarView, on: RunBarActions): void {
  const t = v.t;
  const choices = [...new Set([...REPLICATION_CHOICES, v.replications])].sort((a, b) => a - b);
  const reps = h(
    'select',
    { id: 'replications' },
    ...choices.map((c) =>
      h('option', { value: c, selected: c === v.replications }, number(c, v.lang)),
    ),
  );
  reps.addEventListener('change', () => on.setReplications(Number(reps.value)));
  const iu = v.inputUncertainty;
  const iuBox = h('input', {
    type: 'checkbox',
    id: 'input-uncertainty',
    checked: iu.on && v.hasRanges,
    disabled: !v.hasRanges,
    'aria-describedby': 'iu-hint',
  });
  iuBox.addEventListener('change', () => on.setInputUncertainty(iuBox.checked));
  const perDraws = [...new Set([...PER_DRAW_CHOICES, iu.perDraw])].sort((a, b) => a - b);
  const perDraw = h(
    'select',
    { id: 'per-draw', disabled: !(iu.on && v.hasRanges) },
    ...perDraws.map((c) =>
      h('option', { value: c, selected: c === iu.perDraw }, number(c, v.lang)),
    ),
  );
  perDraw.addEventListener('change', () => on.setPerDraw(Number(perDraw.value)));
  const cancel = h('button', { type: 'button', id: 'cancel', disabled: !v.progress }, t('cancel'));
  cancel.addEventListener('click', () => on.cancel());
  const p = v.progress;
  replaceChildren(
    root,
    h('span', { class: 'control' }, h('label', { for: 'replications' }, t('replications')), reps),
    h(
      'span',
      { class: 'control iu-control' },
      iuBox,
      h('label', { for: 'input-uncertainty' }, t('iuToggle')),
      h('label', { for: 'per-draw', class: 'sub-label' }, t('iuPerDraw')),
      perDraw,
      h('span', { id: 'iu-hint', class: 'hint' }, t(v.hasRanges ? 'iuHint' : 'iuNone')),
    ),
    h(
      'div',
      { class: 'progress-box' },
      h('progress', {
        id: 'progress',
        max: p?.total ?? 1,
        value: p?.done ?? 0,
        'aria-label': t('progressLabel'),
        hidden: !p,
      }),
      h('span', { id: 'progress-text' }, p?.label ?? ''),
    ),
    cancel,
    h('p', { id: 'run-status', class: 'status', role: 'status' }, v.status),
  );
}

/**
 * Updates the progress bar in place (called up to 5 times a second). Returns false when
 * the run bar is not drawn yet (then draw it whole).
 */
export function updateProgressView(p: RunProgress | undefined): boolean {
  const bar = document.getElementById('progress') as HTMLProgressElement | null;
  if (!bar) return false;
  bar.hidden = !p;
  bar.max = p?.total ?? 1;
  bar.value = p?.done ?? 0;
  (document.getElementById('progress-text') as HTMLElement).textContent = p?.label ?? '';
  (document.getElementById('cancel') as HTMLButtonElement).disabled = !p;
  return true;
}
