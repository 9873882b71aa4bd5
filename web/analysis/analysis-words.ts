// The analyses in plain words: the answer of a contingent sizing ("Met 210 woningen per jaar
// wordt het doel 2030 in minstens 80% van de toekomsten gehaald…"), and how much of the spread
// comes from uncertain parameters and how much from chance. Pure, so it is tested.
import type { SizingResult } from '../../sim/analysis/contingent-sizing.ts';
import { varianceSplit, type VarianceSplit } from '../../sim/analysis/variance-split.ts';
import type { RunSummary } from '../../sim/results/aggregate.ts';
import type { Lang } from '../../sim/results/verdict.ts';
import { number, percent, share } from '../format.ts';
import type { T } from '../i18n/index.ts';

/** Replications per evaluated size: coarse grid, then near the answer. */
export const SIZING_PRECISION = {
  quick: { coarse: 25, fine: 100 },
  precise: { coarse: 100, fine: 400 },
} as const;

/** Replications per run of a sensitivity analysis (1 + 2 × parameters runs). */
export const SENSITIVITY_PRECISION = { quick: 50, precise: 200 } as const;

export type Precision = keyof typeof SIZING_PRECISION;

/** Target probabilities offered for the sizing. */
export const TARGET_CHOICES = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/** Replications per parameter draw offered under input uncertainty. */
export const PER_DRAW_CHOICES = [5, 10, 20, 50];

/** A whole-number interval "200–220", or "200" when both ends agree. */
export function unitsInterval([lo, hi]: [number, number], lang: Lang): string {
  return lo === hi ? number(lo, lang) : `${number(lo, lang)}–${number(hi, lang)}`;
}

/** What the sizing context says about the scenario. */
export interface SizingContext {
  goalYear: number;
  /** The goal's rehousing target (0–1). */
  rehousingTarget: number;
  /** The chosen contingent in words ("alle contingenten samen", or its owner). */
  what: string;
}

/** The answer of a sizing in words: a headline and sentences that explain it. */
export function sizingWords(
  r: SizingResult,
  ctx: SizingContext,
  lang: Lang,
  t: T,
): { headline: string; details: string[] } {
  const n = (x: number) => number(x, lang);
  const last = r.curve[r.curve.length - 1];
  const details: string[] = [];
  if (r.answer !== null) {
    const at = r.curve.find((p) => p.units === r.answer);
    const headline = t('sizingAnswer', {
      units: n(r.answer),
      what: ctx.what,
      year: ctx.goalYear,
      p: share(r.target, lang),
      interval: r.interval ? unitsInterval(r.interval, lang) : n(r.answer),
      now: n(r.current),
    });
    const d = Math.round(r.answer - r.current);
    if (d > 0) details.push(t('sizingMore', { d: n(d) }));
    else if (d === 0) details.push(t('sizingExactly'));
    else details.push(t('sizingEnough', { d: n(-d) }));
    if (at) {
      details.push(
        t('sizingLapsed', {
          units: n(r.answer),
          lapsed: number(at.lapsed, lang, at.lapsed < 10 ? 1 : 0),
          max: n(last.units),
          lapsedMax: number(last.lapsed, lang, last.lapsed < 10 ? 1 : 0),
        }),
      );
    }
    return { headline, details };
  }
  const headline = t('sizingNone', {
    max: n(last?.units ?? 0),
    what: ctx.what,
    year: ctx.goalYear,
    p: share(r.target, lang),
    pmax: share(last?.pMet ?? 0, lang),
    now: n(r.current),
  });
  const best = Math.max(0, ...r.curve.map((p) => p.rehousing).filter(Number.isFinite));
  details.push(
    t('sizingCeiling', { share: share(best, lang), target: share(ctx.rehousingTarget, lang) }),
  );
  if (last) {
    details.push(
      t('sizingLapsedMax', {
        max: n(last.units),
        lapsedMax: number(last.lapsed, lang, last.lapsed < 10 ? 1 : 0),
      }),
    );
  }
  return { headline, details };
}

/**
 * The split of the spread in the goal-year rehousing share between the parameter draws and
 * chance, for a run with input uncertainty; undefined when it cannot be computed (fewer than
 * two draws of at least two replications, or a replication without a value).
 */
export function inputSplit(s: RunSummary, perDraw: number): VarianceSplit | undefined {
  const values = s.perReplication.rehousingShare;
  if (!values || values.some((v) => !Number.isFinite(v))) return undefined;
  if (perDraw < 2 || Math.floor(values.length / perDraw) < 2) return undefined;
  return varianceSplit(values, perDraw);
}

/** "62% van de spreiding komt van onzekere parameters, 38% van toeval (…)". */
export function splitWords(
  split: VarianceSplit | undefined,
  goalYear: number,
  lang: Lang,
  t: T,
): string {
  if (!split) return t('splitTooFew');
  if (!Number.isFinite(split.parameterShare)) return t('splitNone', { year: goalYear });
  // Whole percentages that add up to 100.
  const p = Math.round(split.parameterShare * 100);
  return t('splitWords', {
    p: percent(p / 100, lang),
    c: percent((100 - p) / 100, lang),
    year: goalYear,
    groups: number(split.groups, lang),
    per: number(split.perGroup, lang),
  });
}
