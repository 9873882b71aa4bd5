// "Welke onzekerheid telt het zwaarst?": one-at-a-time sensitivity of the scenario's uncertain
// parameters on the analysis worker, drawn as a tornado chart (largest swing on top) with the
// same figures as a table. Says so plainly when the scenario has no ranges.
import type { Sensitivity } from '../../sim/analysis/sensitivity.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import { AnalysisPanel } from './analysis-panel.ts';
import { SENSITIVITY_PRECISION, type Precision } from './analysis-words.ts';
import { tornadoData } from '../charts/chart-data.ts';
import { parameterText, tornado } from '../charts/tornado.ts';
import { h, resultTable, type Child } from '../dom.ts';
import { number, numberFormat, percent, share } from '../format.ts';
import { chartCard } from '../verdict/results-view.ts';

export class SensitivityPanel extends AnalysisPanel {
  protected readonly id = 'sens';
  protected readonly titleKey = 'sensTitle';
  protected readonly summaryKey = 'sensSummary';
  protected readonly stopKey = 'sensStop';
  protected readonly progressLabelKey = 'sensProgressLabel';
  private result: Sensitivity | undefined;
  private ran: { scenario: Scenario; replications: number } | undefined;
  private step = { done: 0, total: 0 };
  private seconds = 0;

  /** Starts the analysis with the chosen precision (stopping one in flight). */
  run(): Promise<void> {
    const s = this.scenario;
    if (!s || s.uncertain.length === 0) return Promise.resolve();
    const replications = SENSITIVITY_PRECISION[this.precision];
    this.result = undefined;
    this.ran = { scenario: s, replications };
    this.step = { done: 0, total: 1 + 2 * s.uncertain.length };
    return this.session(
      async (signal) => {
        this.result = await this.service.sensitivity(
          s,
          { replications, seed: s.seed },
          {
            step: (done, total) => {
              this.step = { done, total };
              this.updateProgress();
            },
            run: (done, total) => {
              this.progress = { done, total };
              this.updateProgress();
            },
          },
          signal,
        );
        this.seconds = (performance.now() - this.startedAt) / 1000;
      },
      () => this.ctx().t('sensCancelled'),
    );
  }

  protected progressText(): string {
    const { lang, t } = this.ctx();
    if (!this.progress) return this.waitingText();
    return t('sensProgress', {
      step: Math.min(this.step.done + 1, this.step.total),
      steps: this.step.total,
      done: number(this.progress.done, lang),
      total: number(this.progress.total, lang),
    });
  }

  protected body(): Child[] {
    const { t } = this.ctx();
    const s = this.scenario;
    if (!s) return [];
    const year = s.goal.year;
    if (s.uncertain.length === 0) {
      return [h('p', { class: 'sens-none' }, t('sensNone')), ...this.notes()];
    }
    return [
      h('p', { class: 'intro' }, t('sensIntro', { year })),
      h(
        'div',
        { class: 'analysis-controls' },
        this.select(
          'precision',
          t('precision'),
          (['quick', 'precise'] as Precision[]).map((k) => [
            k,
            t(k === 'quick' ? 'precisionQuickRuns' : 'precisionPreciseRuns', {
              n: SENSITIVITY_PRECISION[k],
            }),
          ]),
          this.precision,
          (v) => {
            this.precision = v as Precision;
            this.render();
          },
        ),
        h(
          'span',
          { class: 'muted' },
          t('sensPlan', {
            k: s.uncertain.length,
            runs: 1 + 2 * s.uncertain.length,
            n: SENSITIVITY_PRECISION[this.precision],
          }),
        ),
      ),
      this.runControls('sensRun', true, () => void this.run()),
      h('div', { class: 'analysis-result' }, ...this.summary()),
      ...this.notes(),
      this.chart(),
      this.table(),
    ];
  }

  protected doneText(): string {
    return this.root.querySelector('.sens-top')?.textContent ?? '';
  }

  /** The largest effect in words. */
  private summary(): Child[] {
    const r = this.result;
    const ran = this.ran;
    if (!r || !ran || this.status === 'running' || r.rows.length === 0) return [];
    const { lang, t } = this.ctx();
    const f = numberFormat(lang);
    const top = r.rows[0];
    const [lo, hi] =
      top.rehousingLow <= top.rehousingHigh
        ? [
            [top.rehousingLow, top.low],
            [top.rehousingHigh, top.high],
          ]
        : [
            [top.rehousingHigh, top.high],
            [top.rehousingLow, top.low],
          ];
    return [
      h(
        'p',
        { class: 'sens-top' },
        t('sensTop', {
          label: top.label,
          lo: percent(lo[0], lang, 1),
          vlo: parameterText(lo[1], f),
          hi: percent(hi[0], lang, 1),
          vhi: parameterText(hi[1], f),
          nominal: percent(r.rehousing, lang, 1),
        }),
      ),
      h(
        'p',
        { class: 'meta' },
        t('sensMeta', {
          runs: 1 + 2 * r.rows.length,
          n: number(ran.replications, lang),
          seconds: number(this.seconds, lang, 1),
          seed: String(ran.scenario.seed),
        }),
      ),
    ];
  }

  private chart(): HTMLElement | null {
    const r = this.result;
    const ran = this.ran;
    if (!r || !ran || this.status === 'running') return null;
    const { lang, t } = this.ctx();
    const year = ran.scenario.goal.year;
    const title = t('sensChartTitle', { year });
    const description = t('sensChartDesc');
    const { figure, host } = chartCard({ key: 'tornado', title, description, wide: true }, t);
    tornado(host, tornadoData(r), {
      title,
      description,
      format: numberFormat(lang),
      labels: {
        x: t('sensAxis', { year }),
        low: t('sensLow'),
        high: t('sensHigh'),
        nominal: (o, p) => t('sensNominal', { o, p }),
        end: (v, o, p) => t('sensEnd', { v, o, p }),
      },
    });
    return figure;
  }

  /** The rows as a table, for reading and for screen readers. */
  private table(): HTMLElement | null {
    const r = this.result;
    if (!r || this.status === 'running') return null;
    const { lang, t } = this.ctx();
    const f = numberFormat(lang);
    const cell = (o: number, p: number) =>
      t('sensCell', { o: percent(o, lang, 1), p: share(p, lang) });
    return h(
      'details',
      { class: 'sens-table' },
      h('summary', {}, t('sensTable')),
      resultTable(
        [t('sensColParam'), t('sensColRange'), t('sensColLow'), t('sensColHigh')],
        r.rows.map((x) => ({
          attrs: { 'data-path': x.path },
          heading: x.label,
          cells: [
            `${parameterText(x.low, f)} – ${parameterText(x.high, f)}`,
            cell(x.rehousingLow, x.pMetLow),
            cell(x.rehousingHigh, x.pMetHigh),
          ],
        })),
      ),
    );
  }
}
