// @vitest-environment jsdom
// The analyses in the app: their words, the chart columns, the analysis worker's API (one
// analysis at a time, each cancellable, on a single-threaded stand-in for the pool), the page's
// handle on it, and the two panels drawn on a stand-in service.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario, ScenarioInput } from '../../sim/scenario/schema.ts';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { runReplications } from '../../sim/run-replications.ts';
import {
  sizeContingent,
  type SizingPoint,
  type SizingResult,
} from '../../sim/analysis/contingent-sizing.ts';
import { varianceSplit } from '../../sim/analysis/variance-split.ts';
import type { Sensitivity } from '../../sim/analysis/sensitivity.ts';
import { CancelledError, type PoolRunOptions } from '../../workers/pool.ts';
import {
  inputSplit,
  sizingWords,
  splitWords,
  unitsInterval,
} from '../../web/analysis/analysis-words.ts';
import { sizingCurveData, tornadoData } from '../../web/charts/chart-data.ts';
import { createAnalysisApi, type RunPool } from '../../workers/analysis-api.ts';
import { analysisService, type AnalysisService } from '../../web/analysis/analysis-service.ts';
import { RunCancelled } from '../../web/run/run-service.ts';
import { SizingPanel } from '../../web/analysis/sizing-panel.ts';
import { SensitivityPanel } from '../../web/analysis/sensitivity-panel.ts';
import { translator } from '../../web/i18n/index.ts';
import { renderVerdict } from '../../web/verdict/verdict-view.ts';

const nl = translator('nl');
const en = translator('en');

// Read from the project root: under jsdom, import.meta.url is not a file URL.
const scenarioFile = (name: string) =>
  JSON.parse(readFileSync(resolve('scenarios', name), 'utf8')) as ScenarioInput;

/** A small scenario that runs fast: the default over two years, two ranges kept. */
function smallScenario(): Scenario {
  const s = scenarioFile('drechtsteden-2024.json');
  s.endYear = 2025;
  s.warmupYears = 0;
  s.goal.year = 2024;
  s.uncertain = (s.uncertain ?? []).slice(0, 2);
  return parseScenario(s);
}

const point = (units: number, pMet: number, lapsed = 0, rehousing = 0.5): SizingPoint => ({
  units,
  replications: 100,
  pMet,
  pMetCi95: [Math.max(0, pMet - 0.1), Math.min(1, pMet + 0.1)],
  rehousing,
  used: Math.min(units, 200),
  lapsed,
});

const found: SizingResult = {
  contingent: 'all',
  target: 0.8,
  current: 150,
  answer: 210,
  interval: [200, 220],
  curve: [point(0, 0), point(150, 0.3), point(200, 0.7), point(210, 0.82, 2.5), point(300, 1, 60)],
};

describe('the analyses in words', () => {
  const ctx = { goalYear: 2030, rehousingTarget: 0.9, what: 'alle contingenten samen' };

  it('says how many homes a year meet the goal, with the interval, today’s number and lapses', () => {
    const w = sizingWords(found, ctx, 'nl', nl);
    expect(w.headline).toBe(
      'Met 210 woningen per jaar (alle contingenten samen) wordt het doel 2030 in minstens 80% van de toekomsten gehaald (95%-interval 200–220); nu 150.',
    );
    expect(w.details[0]).toBe('Dat zijn er 60 meer dan nu.');
    expect(w.details[1]).toBe(
      'Bij 210 woningen per jaar vervallen er gemiddeld 2,5 per jaar, bij 300 woningen 60: wat een te groot contingent verspilt.',
    );
    const e = sizingWords(found, { ...ctx, what: 'all contingents together' }, 'en', en);
    expect(e.headline).toBe(
      'With 210 homes a year (all contingents together) the goal 2030 is met in at least 80% of the futures (95% interval 200–220); now 150.',
    );
  });

  it('says when today’s number is enough, or just enough', () => {
    const enough = sizingWords({ ...found, current: 240 }, ctx, 'nl', nl);
    expect(enough.details[0]).toBe(
      'Het huidige aantal is dus genoeg: met 30 minder wordt het doel ook gehaald.',
    );
    expect(sizingWords({ ...found, current: 210 }, ctx, 'nl', nl).details[0]).toBe(
      'Het huidige aantal is precies genoeg.',
    );
    expect(unitsInterval([200, 200], 'nl')).toBe('200');
    expect(unitsInterval([1200, 1500], 'nl')).toBe('1.200–1.500');
  });

  it('says plainly when no size up to the largest meets the goal, and why', () => {
    const none: SizingResult = {
      ...found,
      answer: null,
      interval: null,
      curve: [point(0, 0, 0, 0.04), point(300, 0, 90, 0.3), point(600, 0.01, 390, 0.29)],
    };
    const w = sizingWords(none, ctx, 'nl', nl);
    expect(w.headline).toBe(
      'Ook met 600 woningen per jaar (alle contingenten samen) wordt het doel 2030 niet in 80% van de toekomsten gehaald, maar in 1,0%; nu 150.',
    );
    expect(w.details[0]).toContain('komt niet boven 30% (doel 90%)');
    expect(w.details[1]).toBe('Bij 600 woningen per jaar vervallen er gemiddeld 390 per jaar.');
  });

  it('splits the spread between parameters and chance in whole percentages that add up to 100', () => {
    // Five draws of four: the draws differ much more than the replications within one.
    const values = Array.from(
      { length: 20 },
      (_, i) => 0.1 * Math.floor(i / 4) + (i % 2 ? 0.01 : -0.01),
    );
    const s = { perReplication: { rehousingShare: values } } as unknown as RunSummary;
    const split = inputSplit(s, 4)!;
    expect(split).toEqual(varianceSplit(values, 4));
    expect(split.parameterShare).toBeGreaterThan(0.9);
    const p = Math.round(split.parameterShare * 100);
    expect(splitWords(split, 2030, 'nl', nl)).toBe(
      `${p}% van de spreiding komt van onzekere parameters, ${100 - p}% van toeval (op tijd in een woning in 2030; 5 trekkingen × 4 toekomsten).`,
    );
    expect(splitWords(split, 2030, 'en', en)).toMatch(
      /^\d+% of the spread comes from uncertain parameters, \d+% from chance/,
    );
    // Too few draws, or a replication without a value: no split, and a plain reason.
    const few = { perReplication: { rehousingShare: values.slice(0, 7) } } as unknown as RunSummary;
    expect(inputSplit(few, 4)).toBeUndefined();
    const gap = { perReplication: { rehousingShare: [NaN, ...values] } } as unknown as RunSummary;
    expect(inputSplit(gap, 4)).toBeUndefined();
    expect(splitWords(undefined, 2030, 'nl', nl)).toContain('Te weinig toekomsten');
    const flat = {
      perReplication: { rehousingShare: values.map(() => 0.5) },
    } as unknown as RunSummary;
    expect(splitWords(inputSplit(flat, 4), 2030, 'nl', nl)).toContain('Geen spreiding');
  });
});

describe('chart columns of the analyses', () => {
  it('sizing: points by units, with the answer once found', () => {
    const shuffled = [found.curve[3], found.curve[0], found.curve[4]];
    const d = sizingCurveData(shuffled, { target: 0.8, current: 150 });
    expect(Array.from(d.units)).toEqual([0, 210, 300]);
    expect(Array.from(d.lapsed)).toEqual([0, 2.5, 60]);
    expect(d.answer).toBeNull();
    const done = sizingCurveData(found.curve, found);
    expect(done.answer).toBe(210);
    expect(done.interval).toEqual([200, 220]);
  });

  it('tornado: one row per parameter in the order given', () => {
    const r: Sensitivity = {
      rehousing: 0.2,
      pMet: 0.1,
      rows: [
        {
          path: 'a',
          label: 'A',
          low: 1,
          high: 2,
          rehousingLow: 0.1,
          rehousingHigh: 0.3,
          pMetLow: 0,
          pMetHigh: 0.4,
          swing: 0.2,
        },
        {
          path: 'b',
          label: 'B',
          low: 5,
          high: 9,
          rehousingLow: 0.21,
          rehousingHigh: 0.19,
          pMetLow: 0.1,
          pMetHigh: 0.1,
          swing: 0.02,
        },
      ],
    };
    const d = tornadoData(r);
    expect(d.labels).toEqual(['A', 'B']);
    expect(Array.from(d.low)).toEqual([0.1, 0.21]);
    expect(Array.from(d.pHigh)).toEqual([0.4, 0.1]);
    expect([d.nominal, d.pNominal]).toEqual([0.2, 0.1]);
  });
});

/** The pool in the calling thread: one run at a time (it throws on overlap), abortable. */
function threadPool(log: string[]): RunPool {
  let busy = false;
  const tick = () => new Promise((r) => setTimeout(r, 1));
  return {
    async run(s: Scenario, o: PoolRunOptions) {
      if (busy) throw new Error('the pool is already running');
      busy = true;
      log.push(`run ${o.replications}`);
      try {
        await tick();
        if (o.signal?.aborted) throw new CancelledError();
        const r = runReplications(s, { replications: o.replications, seed: o.seed });
        o.onProgress?.(o.replications!, o.replications!, {
          done: o.replications!,
          pMet: r.goal.pMet,
          rehousingShare: 0,
          triageShare: 0,
        });
        await tick();
        if (o.signal?.aborted) throw new CancelledError();
        return r;
      } finally {
        busy = false;
      }
    },
  };
}

const request = {
  contingent: 'all',
  target: 0.8,
  coarseReplications: 3,
  fineReplications: 4,
  seed: 'x',
  maxUnits: 400,
};

describe('the analysis worker’s API', () => {
  let s: Scenario;
  beforeAll(() => {
    s = smallScenario();
  });

  it('finds the same answer as the search run directly, reporting every size and run', async () => {
    const log: string[] = [];
    let pools = 0;
    const api = createAnalysisApi(() => (pools++, threadPool(log)));
    const points: number[] = [];
    let runs = 0;
    const r = await api.size(
      1,
      s,
      request,
      (p) => points.push(p.units),
      () => runs++,
    );
    const direct = await sizeContingent(s, async (x, o) => runReplications(x, o), request);
    expect(r).toEqual(direct);
    expect(points).toHaveLength(log.length);
    expect(runs).toBe(log.length);
    expect(pools).toBe(1);
  });

  it('runs one analysis at a time, and cancels a running or a waiting one', async () => {
    const log: string[] = [];
    const api = createAnalysisApi(() => threadPool(log));
    const noop = () => undefined;
    const first = api.size(1, s, request, noop, noop);
    const second = api.sensitivity(2, s, { replications: 2, seed: 'x' }, noop, noop);
    const third = api.sensitivity(3, s, { replications: 2, seed: 'x' }, noop, noop);
    api.cancel(3); // waiting: never runs
    await new Promise((r) => setTimeout(r, 5));
    api.cancel(1); // running: stops at its next run
    await expect(first).rejects.toBeInstanceOf(CancelledError);
    const sens = await second;
    await expect(third).rejects.toBeInstanceOf(CancelledError);
    expect(sens.rows).toHaveLength(2);
    // The sensitivity ran 1 + 2 × 2 runs of 2 after the cancelled search, and nothing else.
    expect(log.slice(-5)).toEqual(Array(5).fill('run 2'));
    expect(log.filter((l) => l === 'run 2')).toHaveLength(5);
  });
});

describe('the page’s handle on the analysis worker', () => {
  it('passes progress on, and on a stop rejects at once, tells the worker and goes quiet', async () => {
    const cancelled: number[] = [];
    let report: ((p: SizingPoint, n: number) => void) | undefined;
    let finish: ((r: SizingResult) => void) | undefined;
    const service = analysisService({
      size: (_id, _s, _r, onPoint) => {
        report = onPoint;
        return new Promise<SizingResult>((res) => (finish = res));
      },
      sensitivity: () => Promise.reject(new CancelledError()),
      cancel: (id) => void cancelled.push(id),
    });
    const seen: number[] = [];
    const controller = new AbortController();
    const p = service.size(
      {} as Scenario,
      request,
      { point: (x) => seen.push(x.units) },
      controller.signal,
    );
    report!(point(100, 0), 1);
    controller.abort();
    await expect(p).rejects.toBeInstanceOf(RunCancelled);
    report!(point(200, 0), 2);
    finish!(found);
    expect(seen).toEqual([100]);
    expect(cancelled).toEqual([1]);
    // A cancellation inside the worker reaches the page as RunCancelled too.
    await expect(
      service.sensitivity({} as Scenario, { replications: 2, seed: 1 }, {}),
    ).rejects.toBeInstanceOf(RunCancelled);
  });
});

/** A stand-in service: sizing reports two sizes then answers; stops reject at once. */
function fakeService(gate: Promise<void>): AnalysisService {
  const abortable = <R>(signal: AbortSignal | undefined, work: () => Promise<R>) =>
    new Promise<R>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new RunCancelled()));
      work().then(resolve, reject);
    });
  return {
    size: (_s, _r, on, signal) =>
      abortable(signal, async () => {
        on.point?.(found.curve[0], 1);
        on.run?.(10, 100);
        on.point?.(found.curve[1], 2);
        await gate;
        return found;
      }),
    sensitivity: (_s, _r, on, signal) =>
      abortable(signal, async () => {
        on.step?.(1, 5);
        await gate;
        return {
          rehousing: 0.23,
          pMet: 0,
          rows: [
            {
              path: 'relapse.share',
              label: 'Terugval',
              low: 0.05,
              high: 0.2,
              rehousingLow: 0.24,
              rehousingHigh: 0.2,
              pMetLow: 0,
              pMetHigh: 0,
              swing: 0.04,
            },
          ],
        };
      }),
  };
}

// Panels find their parts by id, as on the page: one panel in the document at a time.
afterEach(() => document.body.replaceChildren());

function panelRoot(id: string): HTMLElement {
  const el = document.createElement('details');
  el.id = id;
  el.open = true;
  document.body.append(el);
  return el;
}

const ctx = () => ({ lang: 'nl' as const, t: nl });

describe('the “Wat is er nodig?” panel', () => {
  it('offers contingent, probability and precision with labels, runs, and shows the answer and the curve', async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const root = panelRoot('sizing');
    const panel = new SizingPanel(root, fakeService(gate), ctx);
    const s = smallScenario();
    panel.setScenario(s, 'k1');
    expect(root.querySelector('summary h2')?.textContent).toBe('Wat is er nodig?');
    for (const id of ['sizing-contingent', 'sizing-target', 'sizing-precision']) {
      expect(root.querySelector(`label[for="${id}"]`)).not.toBeNull();
    }
    const options = [...root.querySelectorAll('#sizing-contingent option')].map(
      (o) => o.textContent,
    );
    expect(options[0]).toBe('Alle contingenten samen');
    expect(options).toHaveLength(1 + s.housing.contingents.length);
    expect((root.querySelector('#sizing-target') as HTMLSelectElement).value).toBe('0.8');
    // Started by keyboard: the focus moves to the stop button, and back when done.
    (root.querySelector('#sizing-run') as HTMLButtonElement).focus();
    const done = panel.run();
    expect(document.activeElement?.id).toBe('sizing-stop');
    expect(root.dataset.state).toBe('running');
    expect((root.querySelector('#sizing-stop') as HTMLButtonElement).disabled).toBe(false);
    expect((root.querySelector('#sizing-run') as HTMLButtonElement).disabled).toBe(true);
    // The curve grows as sizes come in; progress counts them.
    expect(root.querySelectorAll('#sizing-chart svg')).toHaveLength(1);
    expect(root.querySelector('#sizing-progress-text')?.textContent).toBe(
      '2 omvangen doorgerekend — nu 10 van 100 toekomsten',
    );
    open();
    await done;
    expect(root.dataset.state).toBe('done');
    expect(document.activeElement?.id).toBe('sizing-run');
    expect(root.querySelector('[aria-live]')?.textContent).toBe(
      root.querySelector('.sizing-answer')?.textContent,
    );
    expect(root.querySelector('.sizing-answer')?.textContent).toMatch(
      /^Met 210 woningen per jaar \(alle contingenten samen\) wordt het doel 2024 in minstens 80%/,
    );
    expect(root.querySelector('.answer-label')?.textContent).toBe('nodig: 210');
    // A change of the scenario marks the answer as out of date.
    panel.setScenario(s, 'k2');
    expect(root.classList.contains('stale')).toBe(true);
    expect(root.textContent).toContain('hoort bij een eerdere versie van het scenario');
  });

  it('stops on request, and when the scenario changes, saying which', async () => {
    const root = panelRoot('sizing');
    const panel = new SizingPanel(root, fakeService(new Promise(() => undefined)), ctx);
    panel.setScenario(smallScenario(), 'k1');
    const first = panel.run();
    (root.querySelector('#sizing-stop') as HTMLButtonElement).click();
    await first;
    expect(root.dataset.state).toBe('cancelled');
    expect(root.querySelector('.analysis-note')?.textContent).toBe(
      'Zoeken gestopt na 2 omvangen; de curve hieronder is onvolledig.',
    );
    expect(root.querySelectorAll('#sizing-chart svg')).toHaveLength(1);
    const second = panel.run();
    panel.setScenario(smallScenario(), 'k2');
    await second;
    expect(root.dataset.state).toBe('cancelled');
    expect(root.querySelector('.analysis-note')?.textContent).toContain(
      'het scenario is gewijzigd',
    );
  });
});

describe('the sensitivity panel', () => {
  it('says plainly when the scenario has no ranges', () => {
    const root = panelRoot('sensitivity');
    const panel = new SensitivityPanel(root, fakeService(Promise.resolve()), ctx);
    const input = scenarioFile('drechtsteden-2024.json');
    input.uncertain = [];
    panel.setScenario(parseScenario(input), 'k');
    expect(root.querySelector('.sens-none')?.textContent).toContain(
      'geen onzekere getallen met een bandbreedte',
    );
    expect(root.querySelector('#sens-run')).toBeNull();
  });

  it('runs and draws the tornado with the same figures as a table', async () => {
    const root = panelRoot('sensitivity');
    const panel = new SensitivityPanel(root, fakeService(Promise.resolve()), ctx);
    panel.setScenario(smallScenario(), 'k');
    expect(root.textContent).toContain('2 onzekere getallen: 5 berekeningen van 50 toekomsten.');
    await panel.run();
    expect(root.dataset.state).toBe('done');
    expect(root.querySelectorAll('svg rect.bar')).toHaveLength(2);
    expect(root.querySelector('.sens-top')?.textContent).toBe(
      'Het zwaarst telt “Terugval”: op tijd in een woning van 20,0% (bij 0,2) tot 24,0% (bij 0,05); met de gewone waarden 23,0%.',
    );
    expect(root.querySelector('tr[data-path="relapse.share"]')?.textContent).toBe(
      'Terugval0,05 – 0,224,0% (kans 0%)20,0% (kans 0%)',
    );
  });
});

describe('input uncertainty in the verdict', () => {
  it('says the parameters were drawn, and how the spread splits between them and chance', () => {
    const s = smallScenario();
    const summary = runReplications(s, {
      replications: 8,
      inputUncertainty: { replicationsPerDraw: 2 },
    });
    const el = document.createElement('div');
    renderVerdict(
      el,
      {
        summary,
        preview: false,
        goalYear: 2024,
        inputUncertainty: { perDraw: 2, parameters: s.uncertain.length },
      },
      'nl',
      nl,
    );
    expect(el.querySelector('.uncertainty-note p')?.textContent).toBe(
      'Met onzekere parameters: elke 2 toekomsten trekken eigen waarden voor 2 getallen binnen hun bandbreedte.',
    );
    expect(el.querySelector('.split-words')?.textContent).toBe(
      splitWords(inputSplit(summary, 2), 2024, 'nl', nl),
    );
    expect(el.querySelector('.split-words')?.textContent).toMatch(
      /^\d+% van de spreiding komt van onzekere parameters, \d+% van toeval \(op tijd in een woning in 2024; 4 trekkingen × 2 toekomsten\)\.$/,
    );
    // Without input uncertainty, no such note.
    renderVerdict(el, { summary, preview: false, goalYear: 2024 }, 'nl', nl);
    expect(el.querySelector('.uncertainty-note')).toBeNull();
  });
});
