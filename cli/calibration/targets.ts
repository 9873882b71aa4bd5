/**
 * The calibration targets as data: each figure the region knows, its source, the band the
 * baseline must hit, and how to compute the simulated value from one replication's result.
 */
import type { Scenario } from '../../sim/scenario/schema.ts';
import { Steps } from '../../sim/scenario/step-function.ts';
import { DAYS_PER_YEAR } from '../../sim/scenario/calendar.ts';
import type { ReplicationResult } from '../../sim/results/replication-result.ts';
import {
  chainColumn,
  facilityColumn,
  occupancyOf,
  routeColumn,
  type WeeklySeries,
  type YearlyColumn,
} from '../../sim/results/columns.ts';
import type { HousingRoute } from '../../sim/scenario/schema.ts';

/** How a target's value is shown. */
export type Unit = 'persons' | 'perYear' | 'share' | 'days';

/** One replication's result, with the look-ups the targets need. */
export class ReplicationView {
  constructor(
    readonly s: Scenario,
    readonly r: ReplicationResult,
  ) {}

  private yearIndex(year: number): number {
    const i = year - this.s.startYear;
    if (i < 0 || year > this.s.endYear) throw new Error(`year ${year} is not reported`);
    return i;
  }

  /** Sum of yearly column `kpi` over `years`. */
  sum(kpi: YearlyColumn, years: readonly number[]): number {
    const col = this.r.yearly[kpi] as Float64Array | undefined;
    if (!col) throw new Error(`the model reports no column "${kpi}"`);
    let total = 0;
    for (const y of years) total += col[this.yearIndex(y)];
    return total;
  }

  /** Mean per year of yearly column `kpi` over `years`. */
  perYear(kpi: YearlyColumn, years: readonly number[]): number {
    return this.sum(kpi, years) / years.length;
  }

  /** Value of yearly column `kpi` in one year. */
  at(kpi: YearlyColumn, year: number): number {
    return this.sum(kpi, [year]);
  }

  /** Time-average of weekly series `name` over the weeks that start within `years`. */
  weeklyMean(name: WeeklySeries, years: readonly number[]): number {
    const series = this.r.weekly[name] as Float64Array | undefined;
    if (!series) throw new Error(`the model reports no weekly series "${name}"`);
    let sum = 0;
    let n = 0;
    for (let w = 0; w < series.length; w++) {
      const year = this.s.startYear + Math.floor((w * 7) / DAYS_PER_YEAR);
      if (years.includes(year)) {
        sum += series[w];
        n++;
      }
    }
    return sum / n;
  }

  /** Mean number of places of `facility` over `years` (by day). */
  capacity(facility: string, years: readonly number[]): number {
    const f = this.s.facilities.find((x) => x.id === facility);
    if (!f) throw new Error(`no facility "${facility}"`);
    const steps = new Steps(f.capacity, this.s.startYear);
    let sum = 0;
    for (const y of years) {
      const first = this.yearIndex(y) * DAYS_PER_YEAR;
      for (let d = 0; d < DAYS_PER_YEAR; d++) sum += steps.at(first + d);
    }
    return sum / (years.length * DAYS_PER_YEAR);
  }
}

/** One figure the baseline must reproduce. */
export interface CalibrationTarget {
  id: string;
  /** What is compared, in Dutch (as printed by default) and in English. */
  figure: string;
  figureEn: string;
  /** Citation key(s) and year of the observed figure, or "publiek" for public figures. */
  source: string;
  /** The documented figure as written in the table, e.g. "≈ 440" or "bijna vol". */
  observedText: string;
  /** The band the simulated mean (and its 95% interval) must lie in. */
  band: [number, number];
  /** Why the band is this wide. */
  bandWhy: string;
  unit: Unit;
  /** Reported years the value is computed over. */
  years: number[];
  /** The simulated value of one replication over `years`. */
  value: (v: ReplicationView, years: readonly number[]) => number;
}

/** Years whose figures are compared: the first three reported years. */
export const CALIBRATION_YEARS = [2024, 2025, 2026];
/**
 * Years after the mid-2024 changes (triage team from Q3 2024, youth crisis shelter from
 * July 2024): for figures that depend on them.
 */
export const SETTLED_YEARS = [2025, 2026];

/** Facility ids of the default scenario the targets refer to. */
export const BW = 'bw';
export const SHELTER24 = 'opvang24';
export const WOMEN = 'vrouwenopvang';

/** Crisis registrations of adults and youth: all crisis arrivals but the women's shelter's. */
function registrations(v: ReplicationView, years: readonly number[]): number {
  return (
    v.sum(chainColumn('crisisArrivals'), years) - v.sum(facilityColumn('admissions', WOMEN), years)
  );
}

/**
 * Routes out of the night shelter and the 24-hour shelter: the people [S1] speaks of. BW
 * (years of treatment) and training (two years of woontraining) are left out.
 */
export const SHELTER_ROUTES: readonly HousingRoute[] = ['independent', 'housingFirst', 'shelter24'];

/** Mean days in the chain of the housed on `routes` who had (or lacked) binding at entry. */
function daysByBindingAtEntry(v: ReplicationView, bound: boolean, years: readonly number[]) {
  let days = 0;
  let n = 0;
  for (const r of SHELTER_ROUTES) {
    const boundDays = v.sum(routeColumn('housedBoundAtEntryDays', r), years);
    const boundN = v.sum(routeColumn('housedBoundAtEntry', r), years);
    days += bound ? boundDays : v.sum(routeColumn('housedDays', r), years) - boundDays;
    n += bound ? boundN : v.sum(routeColumn('housed', r), years) - boundN;
  }
  return days / n;
}

export const TARGETS: CalibrationTarget[] = [
  {
    id: 'bw-residents',
    figure: 'BW: bewoners (gemiddelde bezetting)',
    figureEn: 'BW: residents (mean occupancy)',
    source: '[S2] 2016',
    observedText: '≈ 440',
    band: [420, 460],
    bandWhy: '"ongeveer 440": ±20 (±4,5%), de afronding van het document',
    unit: 'persons',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.perYear(occupancyOf(BW), years),
  },
  {
    id: 'bw-stable',
    figure: 'BW: verschuiving bezetting in twee jaar',
    figureEn: 'BW: change in occupancy over two years',
    source: '[S2] 2016',
    observedText: 'stabiel',
    band: [-20, 20],
    bandWhy: 'instroom 73 ≈ uitstroom 70: de bezetting mag in twee jaar hooguit ±20 schuiven',
    unit: 'persons',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.at(occupancyOf(BW), years.at(-1)!) - v.at(occupancyOf(BW), years[0]),
  },
  {
    id: 'bw-in',
    figure: 'BW: instroom per jaar',
    figureEn: 'BW: admissions per year',
    source: '[S2] 2016',
    observedText: '73',
    band: [63, 83],
    bandWhy: 'één jaartelling (2016); ±10 dekt de schommeling van jaar tot jaar (Poisson: sd 8,5)',
    unit: 'perYear',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.perYear(facilityColumn('admissions', BW), years),
  },
  {
    id: 'bw-out',
    figure: 'BW: uitstroom per jaar',
    figureEn: 'BW: departures per year',
    source: '[S2] 2016',
    observedText: '70',
    band: [60, 80],
    bandWhy: 'één jaartelling (2016); ±10 dekt de schommeling van jaar tot jaar (Poisson: sd 8,4)',
    unit: 'perYear',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.perYear(facilityColumn('departures', BW), years),
  },
  {
    id: 'registrations',
    figure: 'Nacht-/crisisopvang: aanmeldingen per jaar (incl. jongeren)',
    figureEn: 'Night/crisis shelter: registrations per year (adults and youth)',
    source: 'publiek 2019; [S2] 2016: 293',
    observedText: '≈ 400',
    band: [360, 440],
    bandWhy:
      '"ongeveer 400" gebruikers in 2019, toen inclusief jongeren (de jongerenopvang bestond nog niet): ±10%',
    unit: 'perYear',
    years: CALIBRATION_YEARS,
    value: (v, years) => registrations(v, years) / years.length,
  },
  {
    id: 'self-resolve',
    figure: 'Nacht-/crisisopvang: aandeel zelf opgelost binnen enkele dagen',
    figureEn: 'Night/crisis shelter: share leaving within days with an own solution',
    source: '[S2] 2016: 124/293',
    observedText: '42%',
    band: [0.37, 0.47],
    bandWhy:
      '±5 procentpunt: "enkele dagen" is niet afgebakend en 36 van de 293 zijn niet ingedeeld',
    unit: 'share',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.sum(chainColumn('selfResolved'), years) / registrations(v, years),
  },
  {
    id: 'turned-away',
    figure: 'Crisisopvang: aandeel dat de opvang vol vindt',
    figureEn: 'Crisis shelter: share of registrations finding it full',
    source: 'publiek 2022-23; [S1]',
    observedText: '> 0, niet de regel',
    band: [0.05, 0.4],
    bandWhy:
      'geen getal in de bronnen: er wordt weggestuurd (≥ 5%), maar de meesten vinden direct een plek (≤ 40%); een oordeel',
    unit: 'share',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.sum(chainColumn('turnedAway'), years) / registrations(v, years),
  },
  {
    id: 'shelter24-full',
    figure: '24-uursopvang: bezettingsgraad',
    figureEn: '24-hour shelter: occupancy rate',
    source: 'publiek 2022-23; [S1]',
    observedText: 'bijna vol',
    band: [0.9, 1],
    bandWhy: '"bijna vol": gemiddeld minstens 90% van de plekken bezet',
    unit: 'share',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.perYear(occupancyOf(SHELTER24), years) / v.capacity(SHELTER24, years),
  },
  {
    id: 'shelter24-waiting',
    figure: '24-uursopvang: gemiddeld aantal wachtenden',
    figureEn: '24-hour shelter: mean number waiting for a place',
    source: 'publiek 2022-23; [S1]',
    observedText: '> 0',
    band: [1, 29],
    bandWhy:
      'er wordt gewacht (gemiddeld minstens 1), maar de wachtrij loopt niet weg (kleiner dan de helft van de 58 plekken)',
    unit: 'persons',
    years: CALIBRATION_YEARS,
    value: (v, years) => v.weeklyMean('waitShelter24', years),
  },
  {
    id: 'bound-days',
    figure: 'Met regiobinding: dagen tot een woning (opvang)',
    figureEn: 'With regional binding: days from arrival to a home (shelter routes)',
    source: '[S1] c. 2021',
    observedText: '8 mnd (243 d)',
    band: [200, 330],
    bandWhy:
      '"na 8 maanden met urgentie": vóór 243 dagen kan alleen via de markt of Housing First; tot 3 maanden later is nog "ongeveer 8 maanden"',
    unit: 'days',
    years: CALIBRATION_YEARS,
    value: (v, years) => daysByBindingAtEntry(v, true, years),
  },
  {
    id: 'unbound-days',
    figure: 'Zonder regiobinding: dagen tot een woning (opvang)',
    figureEn: 'Without regional binding: days from arrival to a home (shelter routes)',
    source: '[S1] c. 2021',
    observedText: 'tot 3 jaar',
    band: [365, 1095],
    bandWhy:
      '"kan het 3 jaar duren" is een bovengrens: gemiddeld tussen 1 en 3 jaar (na 3 jaar in de regio heeft iedereen binding)',
    unit: 'days',
    years: CALIBRATION_YEARS,
    value: (v, years) => daysByBindingAtEntry(v, false, years),
  },
  {
    id: 'women-stay',
    figure: 'Vrouwenopvang crisis: gemiddelde verblijfsduur',
    figureEn: "Women's crisis shelter: mean stay",
    source: '[S2] 2016',
    observedText: '5,2 wk (36 d)',
    band: [29, 44],
    bandWhy:
      '±20%: één jaar met 48 vrouwen. Pas vanaf 2025: in het model hangt het verblijf af van de triagetermijn, die in juli 2024 verandert',
    unit: 'days',
    years: SETTLED_YEARS,
    value: (v, years) =>
      v.sum(facilityColumn('stayDays', WOMEN), years) /
      v.sum(facilityColumn('departures', WOMEN), years),
  },
];
