// Compare: scenario A (pinned) beside B (the current one), both run with the same seed and
// number of replications, and the paired differences B − A with their 95% intervals.
import type { PairedKpi, RunSummary } from '../../sim/results/aggregate.ts';
import { comparePaired, type PairedDifference } from '../../sim/results/compare.ts';
import { formatPath } from '../../sim/scenario/validate.ts';
import type { Lang } from '../../sim/results/verdict.ts';
import { number, share } from '../format.ts';
import { h, replaceChildren, resultTable } from '../dom.ts';
import type { Key, T } from '../i18n/index.ts';
import { jsonDiff } from '../editor/json-path.ts';
import { headline } from '../verdict/verdict-view.ts';

/** One side of the comparison. */
export interface Side {
  name: string;
  /** The scenario as written. */
  draft: unknown;
  /** Its full run (not a preview), once there is one. */
  summary?: RunSummary;
}

export interface CompareActions {
  pin(): void;
  unpin(): void;
  restoreA(): void;
}

/** Paired figures that are shares (shown in percent, differences in percentage points). */
const SHARES = new Set<PairedKpi>(['triageShare', 'rehousingShare', 'goalMet']);

/** Whether two summaries can be compared paired (same seed and number of replications). */
export function pairable(a?: RunSummary, b?: RunSummary): boolean {
  return (
    !!a &&
    !!b &&
    String(a.meta.seed) === String(b.meta.seed) &&
    a.meta.replications === b.meta.replications
  );
}

function signed(text: string, x: number): string {
  return x > 0 ? `+${text}` : text;
}

/** A difference with its interval: shares in percentage points, counts as numbers. */
export function formatDifference(d: PairedDifference, lang: Lang): string {
  const isShare = SHARES.has(d.kpi);
  const f = (x: number) => (isShare ? number(x * 100, lang, 1) : number(x, lang, 1));
  const unit = isShare ? (lang === 'nl' ? ' %-punt' : ' pp') : '';
  return `${signed(f(d.diff), d.diff)}${unit} (${signed(f(d.ci95[0]), d.ci95[0])} – ${signed(f(d.ci95[1]), d.ci95[1])})`;
}

function value(kpi: PairedKpi, x: number, lang: Lang): string {
  return SHARES.has(kpi) ? share(x, lang) : number(x, lang, 1);
}

function sideCard(label: string, side: Side, lang: Lang, t: T): HTMLElement {
  const s = side.summary;
  return h(
    'div',
    { class: 'card side' },
    h('h3', {}, label),
    s
      ? h(
          'div',
          {},
          h('p', { class: 'side-headline' }, headline(s, lang, t)),
          h(
            'p',
            {},
            `${t('triageLine', { days: s.goal.target.triageDays })}: ${share(s.goal.triageShare.mean, lang)}; ` +
              `${t('rehousingLine', { days: s.goal.target.homeDays })}: ${share(s.goal.rehousingShare.mean, lang)}`,
          ),
        )
      : h('p', { class: 'muted' }, t('compareWaiting')),
  );
}

function changeList(a: unknown, b: unknown, lang: Lang, t: T): HTMLElement {
  const changes = jsonDiff(a, b);
  if (changes.length === 0) return h('p', { class: 'muted' }, t('compareNoChanges'));
  const show = (v: unknown) =>
    v === undefined
      ? t('compareRemoved')
      : typeof v === 'number'
        ? number(v, lang, 4)
            .replace(/([.,]\d*?)0+$/, '$1')
            .replace(/[.,]$/, '')
        : JSON.stringify(v);
  const shown = changes.slice(0, 12);
  return h(
    'ul',
    { class: 'changes' },
    ...shown.map((c) =>
      h('li', {}, h('code', {}, formatPath(c.path)), `: ${show(c.before)} → ${show(c.after)}`),
    ),
    changes.length > shown.length
      ? h('li', {}, t('compareMoreChanges', { n: changes.length - shown.length }))
      : null,
  );
}

/** Draws the comparison (or the button to start one) into `el`. */
export function renderCompare(
  el: HTMLElement,
  a: Side | undefined,
  b: Side,
  actions: CompareActions,
  lang: Lang,
  t: T,
): void {
  const button = (key: Key, on: () => void) => {
    const x = h('button', { type: 'button' }, t(key));
    x.addEventListener('click', on);
    return x;
  };
  if (!a) {
    replaceChildren(
      el,
      h('h2', {}, t('compareTitle')),
      h('p', {}, t('compareIntro')),
      h('div', { class: 'actions' }, button('pin', actions.pin)),
    );
    el.dataset.state = 'off';
    return;
  }
  const paired = pairable(a.summary, b.summary);
  const diffs = paired ? comparePaired(a.summary!, b.summary!) : [];
  const year = (b.summary ?? a.summary)?.goal.year ?? '';
  el.dataset.state = paired ? 'ready' : 'waiting';
  replaceChildren(
    el,
    h('h2', {}, t('compareTitle')),
    h(
      'div',
      { class: 'actions' },
      button('unpin', actions.unpin),
      button('restoreA', actions.restoreA),
    ),
    h(
      'div',
      { class: 'sides' },
      sideCard(t('compareA', { name: a.name }), a, lang, t),
      sideCard(t('compareB', { name: b.name }), b, lang, t),
    ),
    paired
      ? resultTable(
          [t('compareKpi', { year }), 'A', 'B', t('compareDiff'), t('compareBetter')],
          diffs.map((d) => ({
            attrs: { 'data-kpi': d.kpi },
            heading: t(`kpi_${d.kpi}`),
            cells: [
              value(d.kpi, d.meanA, lang),
              value(d.kpi, d.meanB, lang),
              formatDifference(d, lang),
              share(d.pBetter, lang),
            ],
          })),
        )
      : h('p', { class: 'muted' }, t('compareWaiting')),
    h('h3', {}, t('compareChanges')),
    changeList(a.draft, b.draft, lang, t),
  );
}
