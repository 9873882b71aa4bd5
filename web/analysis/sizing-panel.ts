// "Wat is er nodig?": the smallest contingent (one, or all scaled together) that meets the
// goal with a chosen probability, found on the analysis worker. Shows the answer in words and
// the curve of P(goal met) and lapsed homes against the size, growing as sizes are evaluated.
import {
  goalYearUnits,
  type SizingPoint,
  type SizingResult,
} from '../../sim/analysis/contingent-sizing.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { AnalysisPanel } from './analysis-panel.ts';
import { SIZING_PRECISION, TARGET_CHOICES, sizingWords, type Precision } from './analysis-words.ts';
import { short, sizingCurveData } from '../charts/chart-data.ts';
import { sizingCurve } from '../charts/sizing-curve.ts';
import { h, type Child } from '../dom.ts';
import { number, numberFormat, share } from '../format.ts';
import { chartCard } from '../verdict/results-view.ts';

/** The contingents of a scenario as [id, name] (by owner, with the id where owners repeat). */
export function contingentChoices(s: Scenario): [string, string][] {
  const owners = s.housing.contingents.map((c) => short(c.owner, 60));
  return s.housing.contingents.map((c, i) => [
    c.id,
    owners.indexOf(owners[i]) !== owners.lastIndexOf(owners[i])
      ? `${owners[i]} (${c.id})`
      : owners[i],
  ]);
}

export class SizingPanel extends AnalysisPanel {
  protected readonly id = 'sizing';
  protected readonly titleKey = 'sizingTitle';
  protected readonly summaryKey = 'sizingSummary';
  protected readonly stopKey = 'sizingStop';
  protected readonly progressLabelKey = 'sizingProgressLabel';
  private contingent = 'all';
  private target = 0.8;
  /** The sizes evaluated so far (by units; a size evaluated again replaces its point). */
  private points: SizingPoint[] = [];
  private result: SizingResult | undefined;
  /** The search's scenario and settings, for the words and the chart. */
  private ran:
    { scenario: Scenario; contingent: string; target: number; current: number } | undefined;
  private seconds = 0;

  /** Starts a search with the chosen settings (stopping one in flight). */
  run(): Promise<void> {
    const s = this.scenario;
    if (!s || s.housing.contingents.length === 0) return Promise.resolve();
    const contingent = this.contingent;
    const target = this.target;
    const reps = SIZING_PRECISION[this.precision];
    this.points = [];
    this.result = undefined;
    this.ran = { scenario: s, contingent, target, current: goalYearUnits(s, contingent) };
    return this.session(
      async (signal) => {
        this.result = await this.service.size(
          s,
          {
            contingent,
            target,
            coarseReplications: reps.coarse,
            fineReplications: reps.fine,
            seed: s.seed,
          },
          {
            point: (p) => {
              this.points = [...this.points.filter((x) => x.units !== p.units), p];
              this.renderChart();
              this.updateProgress();
            },
            run: (done, total) => {
              this.progress = { done, total };
              this.updateProgress();
            },
          },
          signal,
        );
        this.points = this.result.curve;
        this.seconds = (performance.now() - this.startedAt) / 1000;
      },
      () => this.ctx().t('sizingCancelled', { n: this.points.length }),
    );
  }

  protected progressText(): string {
    const { lang, t } = this.ctx();
    if (!this.progress) return this.waitingText();
    return t('sizingProgress', {
      n: this.points.length,
      done: number(this.progress.done, lang),
      total: number(this.progress.total, lang),
    });
  }

  protected body(): Child[] {
    const { lang, t } = this.ctx();
    const s = this.scenario;
    if (!s) return [];
    const choices = contingentChoices(s);
    if (!choices.some(([id]) => id === this.contingent)) this.contingent = 'all';
    const controls =
      choices.length === 0
        ? h('p', { class: 'muted' }, t('sizingNoContingents'))
        : h(
            'div',
            { class: 'analysis-controls' },
            this.select(
              'contingent',
              t('sizingContingent'),
              [['all', t('sizingAll')], ...choices],
              this.contingent,
              (v) => (this.contingent = v),
            ),
            this.select(
              'target',
              t('sizingTarget'),
              TARGET_CHOICES.map((p) => [String(p), share(p, lang)]),
              String(this.target),
              (v) => (this.target = Number(v)),
            ),
            this.select(
              'precision',
              t('precision'),
              (['quick', 'precise'] as Precision[]).map((k) => [
                k,
                t(k === 'quick' ? 'precisionQuickSizing' : 'precisionPreciseSizing', {
                  coarse: SIZING_PRECISION[k].coarse,
                  fine: SIZING_PRECISION[k].fine,
                }),
              ]),
              this.precision,
              (v) => (this.precision = v as Precision),
            ),
          );
    return [
      h('p', { class: 'intro' }, t('sizingIntro', { year: s.goal.year })),
      controls,
      choices.length ? this.runControls('sizingRun', true, () => void this.run()) : null,
      h('div', { class: 'analysis-result' }, ...this.answer()),
      ...this.notes(),
      h('div', { id: 'sizing-chart' }, this.chart()),
    ];
  }

  protected doneText(): string {
    return this.root.querySelector('.sizing-answer')?.textContent ?? '';
  }

  /** The answer in words, once the search is done. */
  private answer(): Child[] {
    const { lang, t } = this.ctx();
    const r = this.result;
    const ran = this.ran;
    if (!r || !ran || this.status === 'running') return [];
    const what =
      ran.contingent === 'all'
        ? t('sizingAllWhat')
        : (contingentChoices(ran.scenario).find(([id]) => id === ran.contingent)?.[1] ??
          ran.contingent);
    const words = sizingWords(
      r,
      {
        goalYear: ran.scenario.goal.year,
        rehousingTarget: ran.scenario.goal.rehousingTarget,
        what,
      },
      lang,
      t,
    );
    return [
      h(
        'p',
        {
          class: `sizing-answer ${r.answer === null ? 'unreachable' : 'found'}`,
          'data-answer': r.answer ?? '',
        },
        words.headline,
      ),
      ...words.details.map((d) => h('p', { class: 'sizing-detail' }, d)),
      h(
        'p',
        { class: 'meta' },
        t('sizingMeta', {
          n: number(r.curve.length, lang),
          reps: number(
            r.curve.reduce((a, p) => a + p.replications, 0),
            lang,
          ),
          seconds: number(this.seconds, lang, 1),
          seed: String(ran.scenario.seed),
        }),
      ),
    ];
  }

  /** Draws the curve again in place (as each evaluated size comes in). */
  private renderChart(): void {
    const host = document.getElementById('sizing-chart');
    if (!host || !this.root.contains(host)) return;
    const chart = this.chart();
    host.replaceChildren(...(chart ? [chart] : []));
  }

  /** The curve so far (or the whole curve with the answer marked). */
  private chart(): HTMLElement | null {
    const ran = this.ran;
    if (!ran || this.points.length === 0) return null;
    const { lang, t } = this.ctx();
    const year = ran.scenario.goal.year;
    const title = t('sizingChartTitle');
    const description = t('sizingChartDesc', { year });
    const { figure, host } = chartCard({ key: 'sizing', title, description, wide: true }, t);
    const r = this.status === 'running' ? undefined : this.result;
    sizingCurve(
      host,
      sizingCurveData(this.points, {
        target: ran.target,
        current: ran.current,
        answer: r?.answer,
        interval: r?.interval,
      }),
      {
        title,
        description,
        format: numberFormat(lang),
        labels: {
          x: t('sizingAxisX', { year }),
          p: t('sizingLegendP'),
          band: t('sizingLegendBand'),
          rehousing: t('sizingLegendRehousing'),
          yUnits: t('sizingAxisUnits'),
          used: t('legendUsed'),
          lapsed: t('legendLapsed'),
          target: t('sizingTargetLine', { p: share(ran.target, lang) }),
          answer: (units) => t('sizingAnswerMark', { units }),
          interval: t('sizingIntervalLegend'),
          current: (units) => t('sizingCurrentMark', { units }),
        },
      },
    );
    return figure;
  }
}
