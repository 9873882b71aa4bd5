// The verdict, first on the page: P(goal met) for the goal year in plain words, then the
// triage and rehousing shares with their 95% intervals against the targets, and where the
// chain gets stuck. Shows interim figures while the full run is going on.
import type { Interim, RunSummary } from '../../sim/results/aggregate.ts';
import type { Lang } from '../../sim/results/verdict.ts';
import { dateTime, number, share } from '../format.ts';
import { h, replaceChildren } from '../dom.ts';
import type { T } from '../i18n/index.ts';
import { bottleneck } from '../charts/chart-data.ts';
import { inputSplit, splitWords } from '../analysis/analysis-words.ts';

/** What the verdict shows. */
export interface VerdictView {
  /** The latest summary (preview or full), if any. */
  summary?: RunSummary;
  /** Whether `summary` is a preview of a run still going on. */
  preview: boolean;
  /** Interim figures of the full run in progress. */
  interim?: { done: number; total: number; figures: Interim };
  /** Goal year to name while nothing is known yet. */
  goalYear: number;
  /** When the summary was finished. */
  finishedAt?: Date;
  /** The summary ran with input uncertainty: replications per draw, uncertain parameters. */
  inputUncertainty?: { perDraw: number; parameters: number };
}

/** "Likely met" (≥ 80%), "likely not met" (≤ 20%) or "uncertain". */
export function judgement(pMet: number): 'likely' | 'unlikely' | 'uncertain' {
  if (pMet >= 0.8) return 'likely';
  if (pMet <= 0.2) return 'unlikely';
  return 'uncertain';
}

/** The headline in plain words: "Doel 2030 gehaald in 73% van de 1.000 mogelijke toekomsten". */
export function headline(s: RunSummary, lang: Lang, t: T): string {
  return t('verdictHeadline', {
    year: s.goal.year,
    p: share(s.goal.pMet, lang),
    n: number(s.meta.replications, lang),
  });
}

const SVG = 'http://www.w3.org/2000/svg';

function svgEl(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A bullet bar 0–100%: the interval as a band, the mean as a bar, the target as a tick. */
function bullet(mean: number, lo: number, hi: number, target: number, met: boolean): SVGElement {
  const w = 240;
  const x = (v: number) => Math.round(Math.max(0, Math.min(1, v)) * w * 10) / 10;
  const svg = svgEl('svg', {
    viewBox: `0 0 ${w} 22`,
    width: w,
    height: 22,
    class: 'bullet',
    'aria-hidden': 'true',
  });
  svg.append(svgEl('rect', { x: 0, y: 6, width: w, height: 10, fill: '#e6e6e6' }));
  if (Number.isFinite(mean)) {
    svg.append(
      svgEl('rect', { x: 0, y: 6, width: x(mean), height: 10, fill: met ? '#009E73' : '#D55E00' }),
    );
  }
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    svg.append(
      svgEl('rect', {
        x: x(lo),
        y: 3,
        width: Math.max(1, x(hi) - x(lo)),
        height: 16,
        fill: '#000000',
        'fill-opacity': 0.25,
      }),
    );
  }
  svg.append(
    svgEl('line', {
      x1: x(target),
      x2: x(target),
      y1: 0,
      y2: 22,
      stroke: '#000000',
      'stroke-width': 2,
    }),
  );
  return svg;
}

function shareRow(
  label: string,
  e: { mean: number; ci95: [number, number] },
  target: number,
  lang: Lang,
  t: T,
  kind: string,
): HTMLElement {
  const met = e.mean >= target;
  return h(
    'div',
    { class: `share-row ${met ? 'met' : 'not-met'}`, 'data-kpi': kind },
    h('div', { class: 'share-label' }, label),
    h('div', { class: 'share-value' }, share(e.mean, lang)),
    h(
      'div',
      { class: 'share-detail' },
      bullet(e.mean, e.ci95[0], e.ci95[1], target, met),
      h(
        'span',
        {},
        `${t('shareCi', { lo: share(e.ci95[0], lang), hi: share(e.ci95[1], lang) })}; ${t('targetIs', { t: share(target, lang) })} — `,
        h('strong', {}, met ? `✓ ${t('targetMet')}` : `✗ ${t('targetNotMet')}`),
      ),
    ),
  );
}

/** What input uncertainty means for this run, and how much of the spread it explains. */
function uncertaintyNote(
  s: RunSummary,
  iu: { perDraw: number; parameters: number },
  lang: Lang,
  t: T,
): HTMLElement {
  return h(
    'div',
    { class: 'uncertainty-note' },
    h('p', {}, t('verdictIu', { per: number(iu.perDraw, lang), k: iu.parameters })),
    h('p', { class: 'split-words' }, splitWords(inputSplit(s, iu.perDraw), s.goal.year, lang, t)),
  );
}

/** "n of N futures done, P(goal) so far …" while a run is in flight, else nothing. */
function interimNote(v: VerdictView, year: number, lang: Lang, t: T): HTMLElement | null {
  if (!v.interim) return null;
  return h(
    'p',
    { class: 'interim' },
    t('verdictInterim', {
      done: number(v.interim.done, lang),
      n: number(v.interim.total, lang),
      year,
      p: share(v.interim.figures.pMet, lang),
    }),
  );
}

/** Draws the verdict into `el`; `data-state` says empty | preview | running | final. */
export function renderVerdict(el: HTMLElement, v: VerdictView, lang: Lang, t: T): void {
  const s = v.summary;
  const state = !s ? 'empty' : v.preview ? 'preview' : v.interim ? 'running' : 'final';
  el.dataset.state = state;
  if (!s) {
    replaceChildren(
      el,
      h('h2', { id: 'verdict-title', class: 'headline' }, t('verdictWaiting')),
      interimNote(v, v.goalYear, lang, t),
    );
    return;
  }
  const g = s.goal;
  const j = judgement(g.pMet);
  const neck = bottleneck(s);
  const kind = neck ? (`queue_${neck.queue}` as const) : undefined;
  el.dataset.pmet = String(g.pMet);
  el.dataset.replications = String(s.meta.replications);
  replaceChildren(
    el,
    h(
      'div',
      { class: 'headline-row' },
      h(
        'span',
        { class: `judgement ${j}` },
        t(
          j === 'likely'
            ? 'judgementLikely'
            : j === 'unlikely'
              ? 'judgementUnlikely'
              : 'judgementUncertain',
        ),
      ),
      h('h2', { id: 'verdict-title', class: 'headline' }, headline(s, lang, t)),
    ),
    h(
      'p',
      { class: 'pmet-ci' },
      t('pMetCi', { lo: share(g.pMetCi95[0], lang), hi: share(g.pMetCi95[1], lang) }),
    ),
    v.preview
      ? h(
          'p',
          { class: 'preview-note' },
          t('verdictPreview', { n: number(s.meta.replications, lang) }),
        )
      : null,
    interimNote(v, g.year, lang, t),
    h(
      'div',
      { class: 'shares' },
      shareRow(
        t('triageLine', { days: g.target.triageDays }),
        g.triageShare,
        g.target.triageShare,
        lang,
        t,
        'triage',
      ),
      shareRow(
        t('rehousingLine', { days: g.target.homeDays }),
        g.rehousingShare,
        g.target.rehousingShare,
        lang,
        t,
        'rehousing',
      ),
    ),
    v.inputUncertainty ? uncertaintyNote(s, v.inputUncertainty, lang, t) : null,
    neck && kind
      ? h(
          'p',
          { class: 'bottleneck' },
          neck.grows
            ? t('bottleneckGrows', {
                queue: t(kind),
                from: number(neck.from, lang),
                to: number(neck.to, lang),
                y0: neck.fromYear,
                y1: neck.toYear,
              })
            : t('bottleneckLargest', {
                queue: t(kind),
                n: number(neck.to, lang),
                year: neck.toYear,
              }),
        )
      : null,
    h(
      'p',
      { class: 'meta' },
      t('runMeta', {
        seed: String(s.meta.seed),
        n: number(s.meta.replications, lang),
        workers: s.meta.workers,
        seconds: number(s.meta.wallMs / 1000, lang, 1),
        date: dateTime(v.finishedAt ?? new Date(), lang),
      }),
    ),
  );
}
