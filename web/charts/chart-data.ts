// Turns a run summary into the columns each chart draws, with names in the user's language.
// The only place that knows both the result format and the charts; pure, so it is tested.
import type { RunSummary } from '../../sim/results/aggregate.ts';
import { occupancySeries, type ChainKpi, type QueueSeries } from '../../sim/results/columns.ts';
import type { Estimate } from '../../sim/results/stats.ts';
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { FanData } from './occupancy-fan.ts';
import type { QueuesData } from './queues.ts';
import type { GoalSharesData } from './goal-shares.ts';
import type { ContingentsData } from './contingents.ts';
import type { FlowData } from './flow-sankey.ts';
import type { DaysToHomeData } from './days-to-home.ts';
import type { SizingCurveData } from './sizing-curve.ts';
import type { TornadoData } from './tornado.ts';
import type { SizingPoint } from '../../sim/analysis/contingent-sizing.ts';
import type { Sensitivity } from '../../sim/analysis/sensitivity.ts';
import { isKey, type T } from '../i18n/index.ts';

/** Queues shown in the queue chart, in order; the first three always, the rest when used. */
export const SHOWN_QUEUES = [
  'street',
  'waitBw',
  'waitHome',
  'waitShelter24',
  'waitTraining',
] as const satisfies readonly QueueSeries[];

/** The occupancy fan of facility `id`. */
export function occupancyData(s: RunSummary, id: string): FanData {
  const band = s.weekly.series[occupancySeries(id)];
  return {
    days: s.weekly.weekStartDays,
    p5: band.p5,
    p50: band.p50,
    p95: band.p95,
    capacity: s.weekly.capacity[id],
  };
}

/** The queue chart: the queues that matter, each with its mean and band. */
export function queueData(s: RunSummary, t: T): QueuesData {
  const series = SHOWN_QUEUES.filter((k, i) => {
    const band = s.weekly.series[k];
    return band && (i < 3 || band.p95.some((v) => v > 0));
  }).map((k) => {
    const band = s.weekly.series[k];
    return { label: t(`queue_${k}`), mean: band.mean, p5: band.p5, p95: band.p95 };
  });
  return { days: s.weekly.weekStartDays, series };
}

/** A yearly chain-wide estimate of year row `y`. */
export function yearly(s: RunSummary, y: number, kpi: ChainKpi): Estimate {
  return s.years[y][kpi];
}

/** The goal chart: triage and rehousing share of each year's cohort against their targets. */
export function goalData(s: RunSummary, t: T): GoalSharesData {
  const col = (kpi: ChainKpi, f: (e: Estimate) => number) =>
    s.years.map((_, y) => f(yearly(s, y, kpi)));
  const target = s.goal.target;
  return {
    years: s.years.map((y) => y.year),
    series: [
      {
        label: t('legendTriage', { d: target.triageDays }),
        mean: col('triageShare', (e) => e.mean),
        lo: col('triageShare', (e) => e.ci95[0]),
        hi: col('triageShare', (e) => e.ci95[1]),
        target: target.triageShare,
      },
      {
        label: t('legendHome', { d: target.homeDays }),
        mean: col('rehousingShare', (e) => e.mean),
        lo: col('rehousingShare', (e) => e.ci95[0]),
        hi: col('rehousingShare', (e) => e.ci95[1]),
        target: target.rehousingShare,
      },
    ],
  };
}

/** Shortens a long name for a legend. */
export function short(text: string, max = 36): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The contingent chart: units used and lapsed per contingent and year (named by owner, or by owner and id where owners look alike). */
export function contingentData(s: RunSummary, scenario: Scenario): ContingentsData {
  const shown = scenario.housing.contingents.filter((c) => s.years[0]?.contingents[c.id]);
  const owners = shown.map((c) => short(c.owner, 30));
  return {
    years: s.years.map((y) => y.year),
    series: shown.map((c, i) => ({
      label:
        owners.indexOf(owners[i]) !== owners.lastIndexOf(owners[i])
          ? `${short(c.owner, 22)} (${c.id})`
          : owners[i],
      used: s.years.map((y) => y.contingents[c.id].used.mean),
      lapsed: s.years.map((y) => y.contingents[c.id].lapsed.mean),
    })),
  };
}

/** Colour group of each kind of flow node (see the flow chart's palette order). */
const NODE_GROUP: Record<string, number> = {
  arrival: 6,
  street: 1,
  waitingOutside: 1,
  gaveUp: 1,
  readyElsewhere: 3,
  housed: 2,
  selfResolved: 5,
  exit: 4,
};

/** The flow diagram: moves per year between stages (facilities by name). */
export function flowData(s: RunSummary, scenario: Scenario, t: T): FlowData {
  const names = new Map(scenario.facilities.map((f) => [f.id, f.name]));
  const years = Math.max(1, s.years.length);
  return {
    nodes: s.flow.nodes.map((id) => {
      const key = `node_${id}`;
      const label = isKey(key) ? t(key) : short(names.get(id) ?? id, 26);
      return { label, group: NODE_GROUP[id] ?? 0 };
    }),
    values: s.flow.mean.map((v) => v / years),
  };
}

/** The days-to-home histogram. */
export function daysData(s: RunSummary): DaysToHomeData {
  return { binDays: s.daysToHome.binDays, counts: s.daysToHome.mean };
}

/** A queue of the queue chart. */
type ShownQueue = (typeof SHOWN_QUEUES)[number];

/** Where it gets stuck: the queue that grows most from the first year to the goal year, or the longest. */
export interface Bottleneck {
  queue: ShownQueue;
  from: number;
  to: number;
  fromYear: number;
  toYear: number;
  grows: boolean;
}

/** Finds the {@link Bottleneck} of a run (undefined when no queue has anyone in it). */
export function bottleneck(s: RunSummary): Bottleneck | undefined {
  const startYear = s.years[0]?.year;
  if (startYear === undefined) return undefined;
  const goalIdx = Math.min(s.goal.year - startYear, s.years.length - 1);
  const meanOfYear = (k: ShownQueue, y: number) => {
    const band = s.weekly.series[k].mean;
    let sum = 0;
    let n = 0;
    s.weekly.weekStartDays.forEach((d, w) => {
      if (d >= y * 365 && d < (y + 1) * 365) {
        sum += band[w];
        n++;
      }
    });
    return n ? sum / n : NaN;
  };
  let best: Bottleneck | undefined;
  let largest: Bottleneck | undefined;
  for (const k of SHOWN_QUEUES) {
    if (!s.weekly.series[k]) continue;
    const from = meanOfYear(k, 0);
    const to = meanOfYear(k, goalIdx);
    const b = { queue: k, from, to, fromYear: startYear, toYear: startYear + goalIdx, grows: true };
    if (to - from >= 1 && (!best || to - from > best.to - best.from)) best = b;
    if (to > 0 && (!largest || to > largest.to)) largest = { ...b, grows: false };
  }
  return best ?? largest;
}

/**
 * The sizing curve: the sizes evaluated so far (by units), the target, today's size and,
 * once the search is done, its answer and interval.
 */
export function sizingCurveData(
  points: SizingPoint[],
  found: {
    target: number;
    current: number;
    answer?: number | null;
    interval?: [number, number] | null;
  },
): SizingCurveData {
  const p = [...points].sort((a, b) => a.units - b.units);
  return {
    units: p.map((x) => x.units),
    pMet: p.map((x) => x.pMet),
    pLo: p.map((x) => x.pMetCi95[0]),
    pHi: p.map((x) => x.pMetCi95[1]),
    rehousing: p.map((x) => x.rehousing),
    used: p.map((x) => x.used),
    lapsed: p.map((x) => x.lapsed),
    replications: p.map((x) => x.replications),
    target: found.target,
    current: found.current,
    answer: found.answer ?? null,
    interval: found.interval ?? null,
  };
}

/** The tornado chart of a sensitivity analysis (rows as sorted, largest swing first). */
export function tornadoData(r: Sensitivity): TornadoData {
  return {
    labels: r.rows.map((x) => x.label),
    lowValue: r.rows.map((x) => x.low),
    highValue: r.rows.map((x) => x.high),
    low: r.rows.map((x) => x.rehousingLow),
    high: r.rows.map((x) => x.rehousingHigh),
    pLow: r.rows.map((x) => x.pMetLow),
    pHigh: r.rows.map((x) => x.pMetHigh),
    nominal: r.rehousing,
    pNominal: r.pMet,
  };
}
