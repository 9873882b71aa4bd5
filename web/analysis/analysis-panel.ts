// What the analysis panels ("Wat is er nodig?", sensitivity) share: a <details> card that runs
// one analysis at a time on the analysis worker, with progress, a stop button, and a result
// marked as out of date once the scenario changes. Subclasses draw controls and results.
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { Lang } from '../../sim/results/verdict.ts';
import type { AnalysisService } from './analysis-service.ts';
import { h, replaceChildren, type Child } from '../dom.ts';
import type { Key, T } from '../i18n/index.ts';
import type { Precision } from './analysis-words.ts';

/** idle: nothing run yet; running; done; cancelled (by the user or a scenario change); failed. */
export type PanelStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

/** The page's language, as panels read it when they draw. */
export interface PanelContext {
  lang: Lang;
  t: T;
}

/** Progress of the analysis in flight. */
interface Progress {
  /** Replications done and total of the run in flight (0 of 0 before the first report). */
  done: number;
  total: number;
}

/** A run's reason to stop: the user, or a change of the scenario. */
export type StopReason = 'user' | 'changed';

export abstract class AnalysisPanel {
  protected status: PanelStatus = 'idle';
  /** The current valid scenario, and a key that changes whenever its content does. */
  protected scenario: Scenario | undefined;
  protected scenarioKey = '';
  /** The scenario key the shown result belongs to. */
  protected resultKey = '';
  protected controller: AbortController | undefined;
  protected progress: Progress | undefined;
  /** A message under the result: why the analysis stopped or failed. */
  protected note: string | undefined;
  protected precision: Precision = 'quick';
  protected startedAt = 0;

  constructor(
    protected readonly root: HTMLElement,
    protected readonly service: AnalysisService,
    protected readonly ctx: () => PanelContext,
    /** Whether another analysis is running (this one then waits its turn). */
    protected readonly othersBusy: () => boolean = () => false,
  ) {}

  /** Id prefix of the panel's controls, e.g. 'sizing'. */
  protected abstract readonly id: string;
  protected abstract readonly titleKey: Key;
  protected abstract readonly summaryKey: Key;
  protected abstract readonly stopKey: Key;
  protected abstract readonly progressLabelKey: Key;

  /** Whether an analysis is running. */
  get busy(): boolean {
    return this.status === 'running';
  }

  /** The scenario to analyse now; a change of content stops a running analysis. */
  setScenario(s: Scenario | undefined, key: string): void {
    if (s === this.scenario && key === this.scenarioKey) return;
    const changed = key !== this.scenarioKey;
    this.scenario = s;
    this.scenarioKey = key;
    if (changed && this.busy) this.stop('changed');
    else this.render();
  }

  /** Stops the analysis in flight (its panel says why). */
  stop(reason: StopReason = 'user'): void {
    this.controller?.abort(reason);
  }

  /** The panel's parts that stay in place: summary line, body, and a live region. */
  private parts: { summary: HTMLElement; body: HTMLElement; live: HTMLElement } | undefined;

  /**
   * Draws the panel, keeping the focus where it was (or, when that button was just disabled,
   * on its partner: run ↔ stop). The live region is never replaced, so screen readers hear
   * what it announces.
   */
  render(): void {
    const { t } = this.ctx();
    const active = document.activeElement;
    const focused = active && this.root.contains(active) ? active.id : '';
    this.root.dataset.state = this.status;
    this.root.classList.toggle('stale', this.isStale());
    if (!this.parts || !this.root.contains(this.parts.live)) {
      this.parts = {
        summary: h('summary', {}),
        body: h('div', { class: 'analysis-body' }),
        live: h('p', { class: 'sr-only', 'aria-live': 'polite' }),
      };
      replaceChildren(this.root, this.parts.summary, this.parts.body, this.parts.live);
    }
    replaceChildren(
      this.parts.summary,
      h('h2', {}, t(this.titleKey)),
      h('span', { class: 'summary-hint' }, ` — ${t(this.summaryKey)}`),
    );
    replaceChildren(this.parts.body, ...this.body());
    if (!focused) return;
    const partner: Record<string, string> = {
      [`${this.id}-run`]: `${this.id}-stop`,
      [`${this.id}-stop`]: `${this.id}-run`,
    };
    const again = document.getElementById(focused) as HTMLButtonElement | null;
    const target =
      again?.disabled && partner[focused] ? document.getElementById(partner[focused]) : again;
    target?.focus();
  }

  /** Says `text` to screen readers (the panel's live region). */
  protected announce(text: string): void {
    if (this.parts) this.parts.live.textContent = text;
  }

  /** What a finished analysis announces: its answer in one sentence. */
  protected abstract doneText(): string;

  /** Whether the result shown belongs to an earlier version of the scenario. */
  protected isStale(): boolean {
    return (
      this.status !== 'running' && this.resultKey !== '' && this.resultKey !== this.scenarioKey
    );
  }

  /** The panel's contents below its summary line. */
  protected abstract body(): Child[];

  /** The progress text of the analysis in flight. */
  protected abstract progressText(): string;

  /** A labelled select; `on` gets the chosen value. */
  protected select(
    name: string,
    label: string,
    options: [string, string][],
    value: string,
    on: (v: string) => void,
  ): HTMLElement {
    const id = `${this.id}-${name}`;
    const sel = h(
      'select',
      { id },
      ...options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
    );
    sel.addEventListener('change', () => on(sel.value));
    return h('span', { class: 'control' }, h('label', { for: id }, label), sel);
  }

  /** The run and stop buttons, the progress bar and its text. */
  protected runControls(runKey: Key, canRun: boolean, run: () => void): HTMLElement {
    const { t } = this.ctx();
    const running = this.status === 'running';
    const go = h(
      'button',
      { type: 'button', id: `${this.id}-run`, class: 'primary', disabled: running || !canRun },
      t(runKey),
    );
    go.addEventListener('click', run);
    const stop = h(
      'button',
      { type: 'button', id: `${this.id}-stop`, disabled: !running },
      t(this.stopKey),
    );
    stop.addEventListener('click', () => this.stop('user'));
    return h(
      'div',
      { class: 'analysis-run' },
      go,
      stop,
      h(
        'div',
        { class: 'progress-box', hidden: !running },
        h('progress', {
          id: `${this.id}-progress`,
          max: Math.max(1, this.progress?.total ?? 1),
          value: this.progress?.done ?? 0,
          'aria-label': t(this.progressLabelKey),
        }),
        h('span', { id: `${this.id}-progress-text`, class: 'progress-text' }, this.progressText()),
      ),
    );
  }

  /** Updates the progress bar and its text in place (called up to 5 times a second). */
  protected updateProgress(): void {
    const bar = document.getElementById(`${this.id}-progress`) as HTMLProgressElement | null;
    const text = document.getElementById(`${this.id}-progress-text`);
    if (!bar || !text || !this.root.contains(bar)) return;
    bar.max = Math.max(1, this.progress?.total ?? 1);
    bar.value = this.progress?.done ?? 0;
    text.textContent = this.progressText();
  }

  /** "Starting…" or "waiting for the other analysis…" before the first progress report. */
  protected waitingText(): string {
    const { t } = this.ctx();
    return t(this.othersBusy() ? 'analysisQueued' : 'analysisStarting');
  }

  /**
   * Runs `work` as this panel's analysis: marks it running, and on its end records the
   * outcome (done, or cancelled with the reason, or failed), then draws the panel again.
   * `onCancel` gives the note shown when the user stopped it.
   */
  protected async session(
    work: (signal: AbortSignal) => Promise<void>,
    onCancel: () => string,
  ): Promise<void> {
    this.controller?.abort('user');
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'running';
    this.note = undefined;
    this.progress = undefined;
    this.resultKey = this.scenarioKey;
    this.startedAt = performance.now();
    this.render();
    try {
      await work(controller.signal);
      if (this.controller !== controller) return;
      this.status = 'done';
    } catch (e) {
      if (this.controller !== controller) return;
      const { t } = this.ctx();
      if (controller.signal.aborted) {
        this.status = 'cancelled';
        this.note = controller.signal.reason === 'changed' ? t('analysisChanged') : onCancel();
      } else {
        this.status = 'failed';
        this.note = t('analysisFailed', { message: (e as Error)?.message ?? String(e) });
      }
    }
    this.controller = undefined;
    this.progress = undefined;
    this.render();
    this.announce(this.status === 'done' ? this.doneText() : (this.note ?? ''));
  }

  /** The note (why it stopped or failed) and the stale mark, if any. */
  protected notes(): Child[] {
    const { t } = this.ctx();
    return [
      this.note
        ? h(
            'p',
            {
              class: `analysis-note ${this.status}`,
              role: this.status === 'failed' ? 'alert' : null,
            },
            this.note,
          )
        : null,
      this.isStale() ? h('p', { class: 'analysis-note stale-note' }, t('analysisStale')) : null,
    ];
  }
}
