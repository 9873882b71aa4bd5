/**
 * The verdict in plain words (Dutch first, English as a switch), as the CLI prints it and
 * the web app shows it: P(goal met) and the goal year's shares with their 95% intervals.
 */
import type { RunSummary } from './aggregate.ts';
import { number, percent, type Lang } from './format.ts';

export type { Lang };
export { number, percent };

/** Half-width of a 95% interval, in percentage points. */
function pm(ci: [number, number], lang: Lang): string {
  const half = ((ci[1] - ci[0]) / 2) * 100;
  return Number.isFinite(half) ? number(half, lang, 1) : '–';
}

/** Two or three lines: the verdict, then the two shares against their targets. */
export function verdict(r: RunSummary, lang: Lang = 'nl'): string {
  const g = r.goal;
  const n = number(r.meta.replications, lang);
  const t = g.target;
  if (lang === 'nl') {
    return [
      `Doel ${g.year} gehaald in ${percent(g.pMet, lang)} van ${n} replicaties` +
        `; herhuisvest ≤ ${t.homeDays} dagen: ${percent(g.rehousingShare.mean, lang)} ± ${pm(g.rehousingShare.ci95, lang)}`,
      `  triage ≤ ${t.triageDays} dagen: ${percent(g.triageShare.mean, lang)} ± ${pm(g.triageShare.ci95, lang)} (doel ${percent(t.triageShare, lang)})`,
      `  herhuisvest ≤ ${t.homeDays} dagen: ${percent(g.rehousingShare.mean, lang)} ± ${pm(g.rehousingShare.ci95, lang)} (doel ${percent(t.rehousingShare, lang)})`,
    ].join('\n');
  }
  return [
    `Goal ${g.year} met in ${percent(g.pMet, lang)} of ${n} replications` +
      `; rehoused ≤ ${t.homeDays} days: ${percent(g.rehousingShare.mean, lang)} ± ${pm(g.rehousingShare.ci95, lang)}`,
    `  triage ≤ ${t.triageDays} days: ${percent(g.triageShare.mean, lang)} ± ${pm(g.triageShare.ci95, lang)} (target ${percent(t.triageShare, lang)})`,
    `  rehoused ≤ ${t.homeDays} days: ${percent(g.rehousingShare.mean, lang)} ± ${pm(g.rehousingShare.ci95, lang)} (target ${percent(t.rehousingShare, lang)})`,
  ].join('\n');
}
