// The Doorstroom web app: loads a scenario (link, file or library), keeps the last valid one
// running in the worker pool, and shows verdict, charts, editor and comparison. Everything that
// enters goes through validateScenario: links, files and edits in the validation worker, so a
// large scenario never holds up the page; a refused one leaves the scenario on screen as it
// was. Nothing leaves the browser.
import './zod-csp.ts';
import './styles.css';
import type { RunSummary, Interim } from '../sim/results/aggregate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import type { Problem, Validation } from '../sim/scenario/validate.ts';
import { runService, startPoolWorker } from './run/run-service.ts';
import { analysisService, type AnalysisService } from './analysis/analysis-service.ts';
import { SizingPanel } from './analysis/sizing-panel.ts';
import { SensitivityPanel } from './analysis/sensitivity-panel.ts';
import type { InputUncertainty } from '../sim/scenario/parameter-draws.ts';
import { loadLibrary, type LibraryScenario } from './scenario/catalogue.ts';
import { byId, h, nextFrame, replaceChildren } from './dom.ts';
import { fileDate, number } from './format.ts';
import { translator, type Lang, type T } from './i18n/index.ts';
import { runErrorMessage } from './run/run-errors.ts';
import { Runner, type Job, type SessionHandlers } from './run/runner.ts';
import { headline, renderVerdict } from './verdict/verdict-view.ts';
import { renderCharts } from './verdict/results-view.ts';
import { renderHeaderView, updateExportButtons } from './scenario/header-view.ts';
import { renderRunBarView, updateProgressView, type RunProgress } from './run/run-bar-view.ts';
import { renderCompare, type Side } from './compare/compare-view.ts';
import {
  renderEditor,
  renderEditorInSteps,
  initialOpenState,
  type OpenState,
} from './editor/editor.ts';
import { markProblems, problemSummary } from './editor/mark-problems.ts';
import { placeBelow } from './scenario/problem-place.ts';
import type { EditorCtx } from './editor/fields.ts';
import { cloneJson, stableStringify } from './editor/json-path.ts';
import {
  decodeHash,
  encodeHash,
  hasInlineScenario,
  linkLang,
  linkTooLong,
  type LinkState,
} from './scenario/url-state.ts';
import { openLink } from './scenario/open-link.ts';
import type { Refusal } from './scenario/refusal.ts';
import { refusalWords } from './scenario/refusal-words.ts';
import { MAX_FILE_BYTES, checkScenarioData } from './scenario/scenario-check.ts';
import { createValidationService } from './scenario/validation-service.ts';
import type { LinkOpened } from './scenario/validation-api.ts';
import {
  downloadText,
  fileSlug,
  resultsJson,
  scenarioJson,
  weeklyCsv,
  yearlyCsv,
} from './scenario/export.ts';

/**
 * Simulation workers asked for by the page's address (`?workers=N`, for measurements), else
 * the pool's own choice.
 */
function workersAsked(): number | undefined {
  const n = Number(new URLSearchParams(location.search).get('workers'));
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : undefined;
}

/**
 * The page's one worker pool: the verdict and every analysis run on it. Started before
 * anything else, so its workers load while the page draws.
 */
const poolWorker = startPoolWorker(workersAsked());

/** Replications of the first impression, whose charts show while the full run goes on. */
const PREVIEW_REPLICATIONS = 40;
/** Quiet time after the last keystroke before the draft is validated (ms). */
const VALIDATE_DELAY_MS = 120;
/**
 * Quiet time after the last valid change before a run starts (ms): none, since a run that a
 * newer edit supersedes stops at its next batch and keeps its workers.
 */
const RUN_DELAY_MS = 0;

type Json = Record<string, unknown>;

interface Notice {
  kind: 'error' | 'info';
  text: string;
  details?: string[];
}

const library = loadLibrary();
const runner = new Runner(runService(poolWorker));
/** Checks links, files and edits off the page's thread (started with the first check). */
const validation = createValidationService();

const analysis: AnalysisService = analysisService(poolWorker);

const state = {
  lang: 'nl' as Lang,
  t: translator('nl') as T,
  /** The scenario being edited, as written (may be invalid). */
  draft: {} as Json,
  /** The scenario as loaded, for change marks and links. */
  base: {} as Json,
  /** The library scenario it was loaded from, if any. */
  baseId: undefined as string | undefined,
  /** Last valid scenario and its data as written. */
  valid: undefined as Scenario | undefined,
  validDraft: {} as Json,
  problems: [] as Problem[],
  summary: undefined as RunSummary | undefined,
  summaryScenario: undefined as Scenario | undefined,
  preview: false,
  finishedAt: undefined as Date | undefined,
  interim: undefined as { done: number; total: number; figures: Interim } | undefined,
  progress: undefined as RunProgress | undefined,
  status: (() => '') as () => string,
  stale: false,
  pinned: undefined as
    | (Side & {
        scenario: Scenario;
        /** Replications per draw of its summary, if any. */ perDraw?: number;
      })
    | undefined,
  /** Input uncertainty: switched on or off, and replications per parameter draw. */
  iu: { on: false, perDraw: 10 },
  /** Replications per draw of the summary shown (undefined: run without input uncertainty). */
  summaryPerDraw: undefined as number | undefined,
  open: initialOpenState() as OpenState,
  notices: [] as Notice[],
  /** Full results shown so far (the verdict's `data-finals`, for tests and tools). */
  finals: 0,
  runTimer: undefined as ReturnType<typeof setTimeout> | undefined,
  validateTimer: undefined as ReturnType<typeof setTimeout> | undefined,
  urlTimer: undefined as ReturnType<typeof setTimeout> | undefined,
  chartsToken: 0,
  /** Bumped by every link or file opened, so only the latest one's check is used. */
  openToken: 0,
  /** Bumped by every change of the draft, so only the check of the latest draft is used. */
  draftToken: 0,
  /** Bumped by every editor drawing, so a drawing in steps stops when overtaken. */
  editorToken: 0,
  lastHash: '',
};

const panelContext = () => ({ lang: state.lang, t: state.t });
const sizingPanel: SizingPanel = new SizingPanel(
  byId('sizing'),
  analysis,
  panelContext,
  () => sensitivityPanel.busy,
);
const sensitivityPanel: SensitivityPanel = new SensitivityPanel(
  byId('sensitivity'),
  analysis,
  panelContext,
  () => sizingPanel.busy,
);

/** Input uncertainty of a run of `s`: on when switched on and `s` has ranges to draw from. */
function inputUncertaintyOf(s: Scenario): InputUncertainty | undefined {
  return state.iu.on && s.uncertain.length > 0
    ? { replicationsPerDraw: state.iu.perDraw }
    : undefined;
}

// ---------------------------------------------------------------- notices and status

function notify(n: Notice): void {
  state.notices = [...state.notices.filter((x) => x.text !== n.text), n];
  renderNotices();
}

function renderNotices(): void {
  const t = state.t;
  replaceChildren(
    byId('notices'),
    ...state.notices.map((n, i) => {
      const close = h(
        'button',
        { type: 'button', class: 'small', 'aria-label': t('dismiss') },
        '×',
      );
      close.addEventListener('click', () => {
        state.notices.splice(i, 1);
        renderNotices();
      });
      return h(
        'div',
        { class: `notice ${n.kind}`, role: n.kind === 'error' ? 'alert' : 'status' },
        h('p', {}, n.text),
        n.details?.length ? h('ul', {}, ...n.details.map((d) => h('li', {}, d))) : null,
        close,
      );
    }),
  );
}

/**
 * Sets the status line; given as a function, so it is written again in a new language. Before
 * the run bar is first drawn there is no line yet: the bar shows the status when it is drawn.
 */
function setStatus(text: () => string): void {
  state.status = text;
  const line = document.getElementById('run-status');
  if (line) line.textContent = text();
}

// ---------------------------------------------------------------- header and run bar

function renderHeader(): void {
  document.documentElement.lang = state.lang;
  document.title = `${state.t('appTitle')} — ${String(state.draft.name ?? '')}`;
  renderHeaderView(
    {
      t: state.t,
      lang: state.lang,
      scenarioName: String(state.draft.name ?? '—'),
      baseId: state.baseId,
      library,
      resultsReady: !!state.summary && !state.preview,
    },
    {
      loadLibrary: (id) => {
        const s = library.find((x) => x.id === id);
        if (s) loadLibraryScenario(s);
      },
      importFile: (file) => void importFile(file),
      exportScenario,
      exportResults,
      share: () => void shareLink(),
      switchLang: () => {
        setLang(state.lang === 'nl' ? 'en' : 'nl');
        scheduleUrlUpdate();
      },
    },
  );
}

function renderRunBar(): void {
  renderRunBarView(
    byId('runbar'),
    {
      t: state.t,
      lang: state.lang,
      replications:
        typeof state.draft.replications === 'number'
          ? state.draft.replications
          : (state.valid?.replications ?? 1000),
      hasRanges: (state.valid?.uncertain.length ?? 0) > 0,
      inputUncertainty: state.iu,
      progress: state.progress,
      status: state.status(),
    },
    {
      setReplications: (n) => {
        state.draft.replications = n;
        renderEditorPane();
        onDraftChanged();
      },
      setInputUncertainty: (on) => {
        state.iu.on = on;
        onRunSettingsChanged();
      },
      setPerDraw: (n) => {
        state.iu.perDraw = n;
        onRunSettingsChanged();
      },
      cancel: () => runner.stop('user'),
    },
  );
}

/** Input uncertainty was switched or its draws changed: the results are out of date. */
function onRunSettingsChanged(): void {
  renderRunBar();
  markStale();
  scheduleRun(0);
  scheduleUrlUpdate();
}

/** Updates the progress bar in place (called up to 5 times a second). */
function updateProgress(): void {
  if (!updateProgressView(state.progress)) renderRunBar();
}

// ---------------------------------------------------------------- results

function renderVerdictPane(): void {
  renderVerdict(
    byId('verdict'),
    {
      summary: state.summary,
      preview: state.preview,
      interim: state.interim,
      goalYear: state.valid?.goal.year ?? 2030,
      finishedAt: state.finishedAt,
      inputUncertainty:
        state.summaryPerDraw !== undefined && state.summaryScenario
          ? {
              perDraw: state.summaryPerDraw,
              parameters: state.summaryScenario.uncertain.length,
            }
          : undefined,
    },
    state.lang,
    state.t,
  );
  byId('results').classList.toggle('stale', state.stale);
  byId('verdict').dataset.finals = String(state.finals);
}

function renderChartsPane(): void {
  const s = state.summary;
  const scenario = state.summaryScenario;
  if (!s || !scenario) return;
  const token = ++state.chartsToken;
  void renderCharts(
    byId('charts'),
    s,
    scenario,
    state.lang,
    state.t,
    () => token === state.chartsToken,
  );
}

function renderComparePane(): void {
  const b: Side = {
    name: String(state.validDraft.name ?? ''),
    draft: state.validDraft,
    // Only a full result of the current scenario pairs with A.
    summary: state.summary && !state.preview && !state.stale ? state.summary : undefined,
  };
  renderCompare(
    byId('compare'),
    state.pinned,
    b,
    {
      pin: () => {
        if (!state.valid) return;
        state.pinned = {
          name: String(state.validDraft.name ?? ''),
          draft: cloneJson(state.validDraft),
          scenario: state.valid,
          summary: b.summary,
          perDraw: state.summaryPerDraw,
        };
        renderComparePane();
        if (!state.pinned.summary) scheduleRun(0);
      },
      unpin: () => {
        state.pinned = undefined;
        renderComparePane();
      },
      restoreA: () => {
        if (!state.pinned) return;
        state.draft = cloneJson(state.pinned.draft) as Json;
        renderEditorPane();
        onDraftChanged();
      },
    },
    state.lang,
    state.t,
  );
}

// ---------------------------------------------------------------- editor

function editorCtx(): EditorCtx {
  return {
    lang: state.lang,
    t: state.t,
    draft: state.draft,
    base: state.base,
    defaults: state.valid,
    changed: () => onDraftChanged(),
    restructure: (focusId) => {
      renderEditorPane();
      onDraftChanged();
      if (focusId) document.getElementById(focusId)?.focus();
    },
  };
}

/** Draws the editor one group per frame (the editor is the largest part of the page). */
function drawEditorInSteps(): void {
  const token = ++state.editorToken;
  const current = () => token === state.editorToken;
  void renderEditorInSteps(byId('editor'), editorCtx(), state.open, nextFrame, current).then(
    (done) => done && showProblems(),
  );
}

function renderEditorPane(): void {
  state.editorToken++;
  renderEditor(byId('editor'), editorCtx(), state.open);
  showProblems();
}

function showProblems(): void {
  const marked = markProblems(
    byId('editor'),
    state.problems,
    state.lang,
    placeBelow(state.draft, state.t),
  );
  replaceChildren(byId('problems'), problemSummary(marked, state.t));
}

/**
 * Takes the validation `v` of `checked` (the draft as it was checked): keeps it as the running
 * scenario when valid, else shows its problems.
 */
function validateDraft(v: Validation, checked: Json): boolean {
  clearTimeout(state.validateTimer);
  if (v.ok) {
    const hadRanges = (state.valid?.uncertain.length ?? 0) > 0;
    state.valid = v.scenario;
    state.validDraft = cloneJson(checked);
    state.problems = [];
    if (hadRanges !== v.scenario.uncertain.length > 0) renderRunBar();
    updatePanels();
  } else state.problems = v.problems;
  showProblems();
  return v.ok;
}

/** A change in the draft: checked after a short pause, in the validation worker. */
function onDraftChanged(): void {
  clearTimeout(state.validateTimer);
  state.draftToken++;
  state.validateTimer = setTimeout(() => void applyDraft(), VALIDATE_DELAY_MS);
}

async function applyDraft(): Promise<void> {
  const token = ++state.draftToken;
  const checked = cloneJson(state.draft);
  const outcome = await validation.checkDraft(checked);
  // A newer change, or another scenario loaded meanwhile: this check is out of date.
  if (token !== state.draftToken) return;
  const v: Validation | undefined = outcome.ok
    ? { ok: true, scenario: outcome.scenario }
    : outcome.refusal.kind === 'invalid'
      ? { ok: false, problems: outcome.refusal.problems }
      : undefined;
  if (!outcome.ok && !v) {
    const reason = refusalWords(outcome.refusal, state.lang, state.t).reason;
    setStatus(() => state.t('draftUnchecked', { reason }));
    notify({ kind: 'error', text: state.t('draftUnchecked', { reason }) });
  } else if (v && validateDraft(v, checked)) {
    markStale();
    scheduleRun(RUN_DELAY_MS);
    scheduleUrlUpdate();
  } else {
    setStatus(() => state.t('invalidKeepsRunning', { n: state.problems.length }));
  }
}

/** Gives the analysis panels the current valid scenario (a change stops their analyses). */
function updatePanels(): void {
  // Replications are the verdict's setting; the analyses choose their own.
  const key = stableStringify({ ...state.validDraft, replications: undefined });
  sizingPanel.setScenario(state.valid, key);
  sensitivityPanel.setScenario(state.valid, key);
}

function markStale(): void {
  state.stale = true;
  byId('results').classList.add('stale');
  setStatus(() => state.t('stale'));
  if (state.pinned) renderComparePane();
}

// ---------------------------------------------------------------- runs

function scheduleRun(delay: number): void {
  clearTimeout(state.runTimer);
  state.runTimer = setTimeout(startRun, delay);
}

function startRun(): void {
  const scenario = state.valid;
  if (!scenario) return;
  const seed = scenario.seed;
  const n = scenario.replications;
  const jobs: Job[] = [];
  const pinned = state.pinned;
  // A runs as B does: same seed, replications and input uncertainty, so the pairs match.
  const iuA = pinned && inputUncertaintyOf(pinned.scenario);
  if (
    pinned &&
    !(
      pinned.summary &&
      String(pinned.summary.meta.seed) === String(seed) &&
      pinned.summary.meta.replications === n &&
      pinned.perDraw === iuA?.replicationsPerDraw
    )
  ) {
    pinned.summary = undefined;
    jobs.push({
      key: 'A',
      scenario: pinned.scenario,
      seed,
      replications: n,
      inputUncertainty: iuA,
    });
  }
  jobs.push({
    key: 'B',
    scenario,
    seed,
    replications: n,
    preview: PREVIEW_REPLICATIONS,
    inputUncertainty: inputUncertaintyOf(scenario),
  });
  state.interim = undefined;
  // Progress reports and results travel on different channels: a report may arrive after its
  // job's full result, and would then show a finished run as still running.
  const complete = new Set<Job>();
  const handlers: SessionHandlers = {
    progress(job, stage, done, total, interim) {
      if (complete.has(job)) return;
      const label =
        job.key === 'A'
          ? state.t('progressA', {
              done: number(done, state.lang),
              total: number(total, state.lang),
            })
          : state.t(stage === 'preview' ? 'progressPreview' : 'progressFull', {
              done: number(done, state.lang),
              total: number(total, state.lang),
            });
      state.progress = { label, done, total };
      updateProgress();
      if (job.key === 'B' && stage === 'full' && done < total) {
        state.interim = { done, total, figures: interim };
        renderVerdictPane();
      }
    },
    result(job, stage, summary) {
      if (stage === 'full') complete.add(job);
      if (job.key === 'A') {
        if (state.pinned) {
          state.pinned.summary = summary;
          state.pinned.perDraw = job.inputUncertainty?.replicationsPerDraw;
        }
        renderComparePane();
        return;
      }
      state.summary = summary;
      state.summaryScenario = job.scenario;
      state.summaryPerDraw = job.inputUncertainty?.replicationsPerDraw;
      state.preview = stage === 'preview';
      state.stale = false;
      state.finishedAt = new Date();
      if (stage === 'full') {
        state.interim = undefined;
        state.finals++;
      }
      renderVerdictPane();
      renderChartsPane();
      if (stage === 'full') {
        renderComparePane();
        updateExportButtons(!!state.summary && !state.preview);
        byId('verdict-live').textContent = headline(summary, state.lang, state.t);
      }
    },
    finished() {
      performance.mark('doorstroom:run-end');
      state.progress = undefined;
      updateProgress();
      const s = state.summary;
      setStatus(() =>
        s
          ? state.t('done', {
              n: number(s.meta.replications, state.lang),
              seconds: number(s.meta.wallMs / 1000, state.lang, 1),
            })
          : '',
      );
    },
    cancelled() {
      state.progress = undefined;
      state.interim = undefined;
      updateProgress();
      renderVerdictPane();
      setStatus(() => state.t('cancelled'));
    },
    failed(error) {
      state.progress = undefined;
      updateProgress();
      const explained = () =>
        state.t('runError', { message: runErrorMessage(error.message, state.lang) });
      setStatus(explained);
      notify({ kind: 'error', text: explained() });
    },
  };
  state.progress = { label: '', done: 0, total: jobs[0].preview ?? jobs[0].replications };
  updateProgress();
  setStatus(() => '');
  // User Timing marks: the end-to-end test measures long tasks between them.
  performance.mark('doorstroom:run-start');
  runner.start(jobs, handlers);
}

// ---------------------------------------------------------------- loading, links, files

/** Makes `data`, valid as `validation` says, the scenario being edited and runs it. */
function loadDraft(
  data: Json,
  base: Json,
  baseId: string | undefined,
  validation: Validation,
): void {
  clearTimeout(state.validateTimer);
  state.draftToken++; // a check of the previous draft in flight no longer applies
  state.draft = cloneJson(data);
  state.base = cloneJson(base);
  state.baseId = baseId;
  state.open = initialOpenState();
  state.problems = [];
  validateDraft(validation, state.draft);
  renderHeader();
  renderRunBar();
  renderComparePane();
  markStale();
  scheduleRun(0);
  drawEditorInSteps();
}

/** Loads a library scenario after validating it; an invalid file is refused with a notice. */
function loadLibraryScenario(s: LibraryScenario): boolean {
  // Here, not in the worker: the library's files are small and the first run waits for this.
  const checked = checkScenarioData(s.input);
  if (!checked.ok) {
    notify({
      kind: 'error',
      text: state.t('catalogueInvalid', { file: s.file }),
      details: refusalWords(checked.refusal, state.lang, state.t).details,
    });
    renderHeader();
    return false;
  }
  loadDraft(s.input, s.input, s.id, { ok: true, scenario: checked.scenario });
  scheduleUrlUpdate();
  return true;
}

function defaultScenario(): LibraryScenario {
  return library[0];
}

/**
 * The link state of the current valid scenario: always the scenario itself, so a link keeps
 * reopening the same run even after the library's file changes.
 */
function linkState(): LinkState {
  const d = state.validDraft;
  const lang = state.lang === 'nl' ? undefined : state.lang;
  // Seed and replications are in the scenario; repeated in the link so a reader sees them.
  const seed = d.seed === undefined ? undefined : String(d.seed);
  const n = typeof d.replications === 'number' ? d.replications : undefined;
  const perDraw = state.valid && inputUncertaintyOf(state.valid)?.replicationsPerDraw;
  return { scenario: { kind: 'inline', data: d }, seed, replications: n, perDraw, lang };
}

function scheduleUrlUpdate(): void {
  clearTimeout(state.urlTimer);
  state.urlTimer = setTimeout(() => void updateUrl(), 300);
}

async function updateUrl(): Promise<string> {
  const hash = await encodeHash(linkState());
  state.lastHash = hash;
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}

async function shareLink(): Promise<void> {
  const url = await updateUrl();
  const t = state.t;
  try {
    await navigator.clipboard.writeText(url);
    notify({ kind: 'info', text: t('shareCopied') });
  } catch {
    notify({ kind: 'info', text: t('shareManual'), details: [url] });
  }
}

/**
 * Resolves in a task of its own: what follows a check's answer (drawing the scenario) does not
 * lengthen the task that took the answer in, and the page may respond in between.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Drops the notices of earlier refusals: a scenario was opened after all. */
function clearErrors(): void {
  state.notices = state.notices.filter((n) => n.kind !== 'error');
  renderNotices();
}

/**
 * Refuses a link: says why, and keeps the scenario on screen (its status as it was, its link
 * back in the address bar), or loads the default scenario when there is none yet.
 */
function refuseLink(refusal: Refusal, status: () => string): void {
  const { reason, details } = refusalWords(refusal, state.lang, state.t);
  const kept = state.valid !== undefined;
  notify({
    kind: 'error',
    text: state.t(kept ? 'linkRefusedKept' : 'linkRefusedDefault', { reason }),
    details,
  });
  if (kept) {
    setStatus(status);
    scheduleUrlUpdate();
  } else if (!loadLibraryScenario(defaultScenario())) renderVerdictPane();
}

/**
 * Opens the link in the current hash. A link with a scenario of its own is decoded and checked
 * in the validation worker; a link to a library scenario (or none, the default) here, at once.
 * Anything wrong, even an exception, is refused with a notice, never left unanswered.
 */
async function loadFromHash(): Promise<void> {
  const token = ++state.openToken;
  const hash = location.hash;
  const status = state.status;
  try {
    const lang = linkLang(hash);
    if (lang && lang !== state.lang) setLang(lang);
    const tooLong = linkTooLong(hash);
    let outcome: LinkOpened;
    if (tooLong) outcome = { ok: false, refusal: tooLong };
    else if (hasInlineScenario(hash)) {
      setStatus(() => state.t('linkChecking'));
      performance.mark('doorstroom:check-start');
      outcome = await validation.openLink(hash, library);
      performance.mark('doorstroom:check-end');
      await nextTask();
    } else {
      const decoded = await decodeHash(hash);
      const opened = decoded.ok ? openLink(decoded.state, library) : decoded;
      outcome = opened.ok
        ? { ok: true, opened, perDraw: decoded.ok ? decoded.state.perDraw : undefined }
        : opened;
    }
    if (token !== state.openToken) return; // another link was opened meanwhile
    if (!outcome.ok) return refuseLink(outcome.refusal, status);
    state.iu = { on: outcome.perDraw !== undefined, perDraw: outcome.perDraw ?? state.iu.perDraw };
    const { data, base, baseId, validation: v } = outcome.opened;
    clearErrors();
    loadDraft(data, base, baseId, v);
  } catch {
    if (token === state.openToken) refuseLink({ kind: 'unchecked', cause: 'crashed' }, status);
  }
}

/** Opens a scenario file, checked in the validation worker; refused, nothing changes. */
async function importFile(file: File): Promise<void> {
  const token = ++state.openToken;
  const status = state.status;
  const refuse = (refusal: Refusal) => {
    const { reason, details } = refusalWords(refusal, state.lang, state.t);
    notify({
      kind: 'error',
      text: state.t('importError', { file: file.name, reason }),
      details,
    });
    setStatus(status);
  };
  // The size first: a file too large is not even read.
  if (file.size > MAX_FILE_BYTES) {
    return refuse({ kind: 'fileTooLarge', bytes: file.size, maxBytes: MAX_FILE_BYTES });
  }
  try {
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse({ kind: 'fileUnreadable' });
    }
    setStatus(() => state.t('fileChecking'));
    performance.mark('doorstroom:check-start');
    const outcome = await validation.checkFile(text);
    performance.mark('doorstroom:check-end');
    await nextTask();
    if (token !== state.openToken) return;
    if (!outcome.ok) return refuse(outcome.refusal);
    clearErrors();
    loadDraft(outcome.data, outcome.data, undefined, { ok: true, scenario: outcome.scenario });
    scheduleUrlUpdate();
  } catch {
    if (token === state.openToken) refuse({ kind: 'unchecked', cause: 'crashed' });
  }
}

function exportScenario(): void {
  downloadText(
    `${fileSlug(String(state.draft.id ?? 'scenario'))}.json`,
    scenarioJson(state.draft),
    'application/json',
  );
}

function exportResults(kind: 'years' | 'weeks' | 'json'): void {
  const s = state.summary;
  const scenario = state.summaryScenario;
  if (!s || !scenario) return;
  const stem = `${fileSlug(scenario.id)}-${fileDate(new Date())}`;
  if (kind === 'years') downloadText(`${stem}-per-jaar.csv`, yearlyCsv(s, state.lang), 'text/csv');
  if (kind === 'weeks')
    downloadText(`${stem}-per-week.csv`, weeklyCsv(s, state.lang, scenario.startYear), 'text/csv');
  if (kind === 'json')
    downloadText(`${stem}.json`, resultsJson(s, state.validDraft, state.lang), 'application/json');
}

/** Switches the language, and draws the page again if a scenario is on it. */
function setLang(lang: Lang): void {
  state.lang = lang;
  state.t = translator(lang);
  if (state.valid) renderAll();
}

function renderAll(): void {
  renderHeader();
  renderNotices();
  renderRunBar();
  renderVerdictPane();
  renderComparePane();
  sizingPanel.render();
  sensitivityPanel.render();
  drawEditorInSteps();
  renderChartsPane();
}

function start(): void {
  byId('editor').addEventListener('submit', (e) => e.preventDefault());
  sizingPanel.render();
  sensitivityPanel.render();
  window.addEventListener('hashchange', () => {
    if (location.hash !== state.lastHash) void loadFromHash();
  });
  // After the first paint, so the page shows at once and the start-up work is split.
  void nextFrame()
    .then(loadFromHash)
    .then(() => {
      renderNotices();
      renderVerdictPane();
    });
}

start();
