/**
 * The what-if scenarios the region's documents debate, as changes to the calibrated
 * baseline: each file in scenarios/ (but the baseline) is generated from here, so a
 * re-tuned baseline carries over. Notes are Dutch, with a source or assumption each.
 */
import type { Note, ScenarioInput } from '../../sim/scenario/schema.ts';

export const BASELINE_FILE = 'drechtsteden-2024.json';

type Facility = ScenarioInput['facilities'][number];
type Arrival = ScenarioInput['arrivals'][number];
type Contingent = ScenarioInput['housing']['contingents'][number];
type Shares = Partial<
  Record<'independent' | 'housingFirst' | 'shelter24' | 'bw' | 'training' | 'exit', number>
>;

/** The figures of a run that a what-if's reading may use (metric ids of cli/scenarios-doc.ts). */
export interface Results {
  /** Mean of a metric in this scenario. */
  mean(metric: string): number;
  /** Mean of a metric in the scenario this one is compared with. */
  baseMean(metric: string): number;
  /** Paired difference, this scenario minus the one compared with. */
  diff(metric: string): { mean: number; ci95: [number, number] };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const pp = (x: number) => `${Math.abs(x * 100).toFixed(1)} percentage points`;
/** Whether a paired difference is clearly away from zero. */
const clear = (d: { ci95: [number, number] }) => d.ci95[0] > 0 || d.ci95[1] < 0;

/** One what-if: the question it answers, what it changes, and the change itself. */
export interface WhatIf {
  /** File name in scenarios/. */
  file: string;
  id: string;
  /** Dutch name and description (in the file). */
  name: string;
  description: string;
  /** English, for docs/scenarios.md. */
  title: string;
  question: string;
  changes: string;
  /** File it is compared with (paired, on common random numbers); the baseline by default. */
  compareWith?: string;
  /** Figures the verdict leads with (metric ids of cli/scenarios-doc.ts). */
  focus: string[];
  /** What the figures mean, in words chosen by the figures themselves (English). */
  reading?: (r: Results) => string;
  /** Files reported together as a range (low and high assumption). */
  rangeOf?: string;
  /** Makes the scenario from a copy of the baseline. */
  apply: (s: ScenarioInput) => void;
}

// ---- helpers ------------------------------------------------------------------------

function facility(s: ScenarioInput, id: string): Facility {
  const f = s.facilities.find((x) => x.id === id);
  if (!f) throw new Error(`baseline has no facility "${id}"`);
  return f;
}

function arrival(s: ScenarioInput, id: string): Arrival {
  const a = s.arrivals.find((x) => x.id === id);
  if (!a) throw new Error(`baseline has no arrival stream "${id}"`);
  return a;
}

function contingent(s: ScenarioInput, id: string): Contingent {
  const c = s.housing.contingents.find((x) => x.id === id);
  if (!c) throw new Error(`baseline has no contingent "${id}"`);
  return c;
}

/** Sets `field` of `o` and its note. */
function set<T extends { notes?: Record<string, Note> }, K extends keyof T & string>(
  o: T,
  field: K,
  value: T[K],
  note: Note,
): void {
  o[field] = value;
  o.notes = { ...o.notes, [field]: note };
}

/** The baseline's shares of `type` in force in `year` (the last key ≤ year). */
function sharesOf(s: ScenarioInput, type: string, key = '2024'): Shares {
  const fn = s.triage.pathways[type];
  const keys = Object.keys(fn)
    .filter((k) => k <= key)
    .sort();
  return { ...fn[keys.at(-1)!] };
}

/** Moves `amount` of the share from pathway `from` to `to` (rounded to 3 decimals). */
function shift(shares: Shares, from: keyof Shares, to: keyof Shares, amount: number): Shares {
  const out = { ...shares };
  out[from] = round((out[from] ?? 0) - amount);
  out[to] = round((out[to] ?? 0) + amount);
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

const intro = (s: ScenarioInput, id: string, name: string, description: string) => {
  s.id = id;
  s.name = name;
  s.description = `${description} Verder gelijk aan de gekalibreerde basislijn (${BASELINE_FILE}); vergelijk beide met dezelfde seed (gepaard).`;
};

// ---- the scenarios -------------------------------------------------------------------

const triageWithoutTeam: WhatIf = {
  file: 'triage-zonder-team.json',
  focus: ['triage', 'turnedAwayShare', 'gaveUp'],
  reading: (r) =>
    r.diff('turnedAwayShare').mean > 0.1
      ? `In the model the triage team is a large lever on the crisis shelter: everyone not leaving within days holds a crisis place until triage, so a wait of 75 instead of 28 days fills the shelter (${pct(r.mean('turnedAwayShare'))} instead of ${pct(r.baseMean('turnedAwayShare'))} of arrivals find it full). It cannot bring the 91-day goal near (${pct(r.baseMean('rehousing'))} with the team, ${pct(r.mean('rehousing'))} without): the 8-month urgency wait blocks that either way.`
      : 'In the model the triage team changes the crisis shelter little.',
  id: 'triage-zonder-team',
  name: 'Zonder triageteam',
  description:
    'Wat als het triageteam in Q3 2024 niet was gestart? De triage blijft gemiddeld 75 dagen na aanmelding duren, zoals ervoor.',
  title: 'Without the triage team (Q3 2024)',
  question:
    'What does the triage team that starts in Q3 2024 (triage at the latest six weeks after access, [S3]) change? The baseline has the team; this file leaves it out, so the difference between the two is the effect of the team.',
  changes:
    'The triage delay stays at its pre-team estimate (lognormal, mean 75 days, CV 0.8) after July 2024 instead of dropping to a mean of 28 days (CV 0.5). The pre-team delay is an assumption (a few months; the documents give no delay before the team), so the size of the effect is as uncertain as that assumption.',
  apply(s) {
    intro(s, this.id, this.name, this.description);
    set(
      s.triage,
      'delayDays',
      { 2024: { dist: 'lognormal', mean: 75, cv: 0.8 } },
      {
        source: '[S3] het triageteam start in Q3 2024; dit wat-als laat het weg',
        assumption:
          'Aanname: zonder team blijft de termijn gemiddeld 75 dagen, CV 0,8, als in de basislijn vóór juli 2024. De documenten noemen geen termijn van vóór het triageteam; 75 dagen is een schatting van enkele maanden',
      },
    );
  },
};

/** Own contribution in the 24-hour shelter: the same change at a low or a high effect size. */
function ownContribution(level: 'laag' | 'hoog'): WhatIf {
  const high = level === 'hoog';
  const stayFactor = high ? 0.85 : 0.95;
  const exitShare = high ? 0.35 : 0.25;
  const avoid = high ? 0.05 : 0.02;
  return {
    file: `eigen-bijdrage-${level}.json`,
    focus: ['turnedAwayShare', 'daysToHome', 'housed'],
    reading: (r) =>
      r.diff('housed').mean < 0 && Math.abs(r.diff('rehousing').mean) < 0.03
        ? `The crisis shelter empties, but mostly because people leave the chain: ${Math.abs(r.diff('housed').mean).toFixed(0)} fewer a year are housed and the 91-day share moves only ${pp(r.diff('rehousing').mean)}. Whether those who leave find something is outside the model; the effect sizes are assumptions.`
        : 'The effect sizes are assumptions; read the two files as a range.',
    id: `eigen-bijdrage-${level}`,
    name: `Eigen bijdrage 24-uursopvang, ${high ? 'groot' : 'klein'} effect`,
    description: `Eigen bijdrage in de 24-uursopvang vanaf 1 maart 2024 ([S3]). De effecten zijn aannames; dit bestand neemt een ${high ? 'groot' : 'klein'} effect aan (samen met eigen-bijdrage-${high ? 'laag' : 'hoog'}.json een bandbreedte).`,
    title: `Own contribution in the 24-hour shelter, ${high ? 'high' : 'low'} effect`,
    question:
      'The own contribution for the 24-hour shelter (new clients from 1 March 2024, existing clients from 1 June 2024, [S3]) is meant to "get in-, through- and outflow going". Does it, and how much? The documents give neither the amount nor any effect, so two files bracket the effect: a low and a high assumption, reported as a range.',
    changes: `From March 2024 ${avoid * 100} percentage points of single adults and youth who would be triaged to the 24-hour shelter leave the chain instead (they avoid paying); the 24-hour stay is ${Math.round((1 - stayFactor) * 100)}% shorter and ${exitShare * 100}% (baseline 20%) leave the chain after it. The model has no time-varying stay or exit share, so those two hold from the start of the warm-up.`,
    rangeOf: 'eigen-bijdrage',
    apply(s) {
      intro(s, this.id, this.name, this.description);
      const o = facility(s, 'opvang24');
      const stay = o.stay as { dist: 'lognormal'; mean: number; cv: number };
      set(
        o,
        'stay',
        { ...stay, mean: Math.round(stay.mean * stayFactor) },
        {
          source:
            '[S3] eigen bijdrage 24-uursopvang vanaf 1 maart 2024 (nieuwe cliënten) en 1 juni 2024 (zittende)',
          assumption: `Aanname: verblijf ${Math.round((1 - stayFactor) * 100)}% korter dan de basislijn (${stay.mean} dagen); het model kent geen verblijfsduur per jaar, dus dit geldt vanaf de inloop`,
        },
      );
      set(o, 'exitAfterStayShare', exitShare, {
        assumption: `Aanname: ${exitShare * 100}% (basislijn 20%) vertrekt na de stabilisatie zelf, onder meer om de bijdrage te ontlopen; geldt vanaf de inloop`,
      });
      for (const type of ['single', 'youth']) {
        const base = sharesOf(s, type);
        s.triage.pathways[type] = {
          2024: base,
          '2024-03': shift(base, 'shelter24', 'exit', avoid),
        };
      }
      s.triage.notes = {
        ...s.triage.notes,
        pathways: {
          source:
            '[S3] eigen bijdrage vanaf 1 maart 2024; op de nachtopvang geldt geen eigen bijdrage',
          assumption: `Aanname: vanaf maart 2024 kiest ${avoid * 100} procentpunt van wie naar de 24-uursopvang zou gaan voor vertrek (eigen oplossing, buiten de regio); verder als de basislijn`,
        },
      };
    },
  };
}

const youthWithoutShelter: WhatIf = {
  file: 'jongeren-zonder-crisisopvang.json',
  focus: ['turnedAwayShare', 'gaveUp', 'rehousing'],
  reading: (r) =>
    clear(r.diff('turnedAwayShare')) && !clear(r.diff('rehousing'))
      ? `The youth shelter relieves the adult night shelter (${pp(r.diff('turnedAwayShare').mean)} more arrivals would find it full without it), but it does not get young people home sooner: they wait for the same homes under the same rules.`
      : 'The youth shelter makes little difference to the figures of the whole chain.',
  id: 'jongeren-zonder-crisisopvang',
  name: 'Zonder jongerencrisisopvang',
  description:
    'Wat als de jongerencrisisopvang (18-23) op 1 juli 2024 niet was geopend? Jongeren blijven naar de nachtopvang gaan; de woontraining blijft.',
  title: 'Without the youth crisis shelter (1 July 2024)',
  question:
    'What does the youth crisis shelter for 18–23-year-olds that opens on 1 July 2024 ([S3]) bring, together with woontraining (18–27, two years, [S0])? The baseline has both; this counterfactual keeps the young people in the adult night shelter.',
  changes:
    'The youth crisis shelter keeps 0 places; young people keep arriving at the night shelter (50 a year) after July 2024. Woontraining (in the baseline since 2023) stays.',
  apply(s) {
    intro(s, this.id, this.name, this.description);
    set(
      facility(s, 'jongerenopvang'),
      'capacity',
      { 2024: 0 },
      {
        source: '[S3] opent op 1 juli 2024; dit wat-als laat de opening weg',
      },
    );
    set(
      arrival(s, 'nacht-jong'),
      'ratePerYear',
      { 2024: 50 },
      {
        assumption:
          'Jongeren 18-23 blijven naar de nachtopvang gaan, ongeveer 50 per jaar (schatting, als in de basislijn)',
      },
    );
    set(
      arrival(s, 'crisis-jong'),
      'ratePerYear',
      { 2024: 0 },
      {
        source: '[S3] jongerencrisisopvang; in dit wat-als gaat er niemand heen',
      },
    );
  },
};

const youthOutflow: WhatIf = {
  file: 'jongeren-uitstroomafspraken.json',
  focus: ['rehousing', 'daysToHome', 'turnedAwayShare'],
  reading: (r) =>
    clear(r.diff('rehousing'))
      ? `Homes without the 8-month wait help where they apply: 15 homes a year for young people and six more woontraining places raise the 91-day share of the whole cohort by ${pp(r.diff('rehousing').mean)}.`
      : 'The agreements make no clear difference to the figures of the whole chain.',
  id: 'jongeren-uitstroomafspraken',
  name: 'Jongerencrisisopvang met uitstroomafspraken',
  description:
    'De jongerencrisisopvang met de bindende uitstroomafspraken waar [S3] over spreekt: vanaf 2025 een eigen contingent voor jongeren zonder wachttijd voor urgentie, en meer plekken woontraining.',
  title: 'Youth crisis shelter with binding outflow agreements',
  question:
    '[S3] warns that the youth crisis shelter fills up when young people cannot move on, and says binding outflow agreements with the corporations are being made. What do such agreements, and more woontraining places, do?',
  changes:
    'From 2025 a youth contingent of 15 homes a year (independent and woontraining routes, no regional binding, no 8-month urgency wait) and woontraining grows from 14 to 20 places. Both sizes are assumptions.',
  apply(s) {
    intro(s, this.id, this.name, this.description);
    set(
      facility(s, 'woontraining'),
      'capacity',
      { 2024: 14, 2025: 20 },
      {
        assumption:
          'Aanname: woontraining groeit in 2025 van 14 naar 20 plekken ([S0] Enver is de eerste aanbieder)',
      },
    );
    s.housing.contingents.push({
      id: 'jongeren-uitstroom',
      owner: 'Woningcorporaties Drechtsteden (uitstroomafspraken jongerencrisisopvang)',
      unitsPerYear: { 2024: 0, 2025: 15 },
      routes: ['independent', 'training'],
      householdTypes: ['youth'],
      requiresBinding: false,
      requiresUrgency: false,
      pattern: 'poisson',
      acceptance: 0.9,
      unused: 'lapse',
      notes: {
        unitsPerYear: {
          source: '[S3] bindende uitstroomafspraken met woningcorporaties worden gemaakt',
          assumption: 'Aanname: 15 woningen per jaar vanaf 2025',
        },
        routes: {
          source:
            '[S3] uitstroom uit de jongerencrisisopvang; [S0] na woontraining zelfstandig wonen',
        },
        householdTypes: { source: '[S3] jongeren 18-23' },
        requiresBinding: { assumption: 'Aanname: geen bindingseis in de afspraken' },
        requiresUrgency: {
          assumption:
            'Aanname: geen wachttijd van 8 maanden (doel van de afspraken: de opvang niet laten vollopen)',
        },
        pattern: { assumption: 'Woningen komen verspreid vrij' },
        acceptance: { assumption: '10% van de aanbiedingen wordt geweigerd (schatting)' },
        unused: { assumption: 'Een woning zonder kandidaat gaat terug naar de corporatie' },
      },
    });
  },
};

/** The contingent stretched by a factor from 2025 ([S1] "oprekking"). */
function stretched(percent: number): WhatIf {
  return {
    file: `contingent-plus-${percent}.json`,
    focus: ['rehousing', 'turnedAwayShare', 'waitingHome', 'lapsed'],
    reading: (r) => {
      const extra = 150 * (percent / 100);
      const lapsed = r.diff('lapsed').mean;
      return lapsed > extra / 2
        ? `Of the ${extra} extra homes a year, ${lapsed.toFixed(0)} go unused in 2030, so only about ${(extra - lapsed).toFixed(0)} are used: too few people are eligible. The 8-month urgency wait and the binding rule, not the number of homes, hold outflow back, so a bigger contingent alone cannot bring the 91-day goal near.`
        : `Most of the ${extra} extra homes a year are used (${lapsed.toFixed(0)} more lapse in 2030).`;
    },
    id: `contingent-plus-${percent}`,
    name: `Contingent +${percent}%`,
    description: `Het uitstroomcontingent van de corporaties vanaf 2025 ${percent}% groter ([S1] 'oprekking van de contingentafspraken').`,
    title: `Contingent stretched by ${percent}%`,
    question: `[S1] names stretching the contingent agreements as a possible remedy for the outflow jam. What does a contingent ${percent}% larger from 2025 do, and how many of the extra homes would go unused?`,
    changes: `The corporations' outflow contingent grows from 150 to ${150 * (1 + percent / 100)} homes a year from 2025. The rules (8 months' urgency, 3 years' binding) stay.`,
    rangeOf: 'contingent',
    apply(s) {
      intro(s, this.id, this.name, this.description);
      const c = contingent(s, 'uitstroom-corporaties');
      const base = (c.unitsPerYear as Record<string, number>)['2024'];
      set(
        c,
        'unitsPerYear',
        { 2024: base, 2025: Math.round(base * (1 + percent / 100)) },
        {
          source:
            "[S1] 'Eventuele oprekking van de contingentafspraken zou een mogelijke oplossing kunnen zijn'",
          assumption: `Basislijn ${base} per jaar (schatting); vanaf 2025 ${percent}% meer`,
        },
      );
    },
  };
}

const binding2: WhatIf = {
  file: 'binding-2-jaar.json',
  focus: ['waitingHome', 'daysToHome', 'turnedAwayShare'],
  reading: (r) =>
    Math.abs(r.diff('rehousing').mean) < 0.02
      ? `In the model the third year matters little (${r.diff('waitingHome').mean.toFixed(1)} people waiting for a home on average): in the assumed tenure distribution only 10% of clients arrive with 2–3 years in the region, and the contingent is already nearly fully used, so those who qualify a year sooner compete for the same homes. Whether the Leger des Heils' worry holds depends on how many clients have 2–3 years in the region, which is not public.`
      : `The binding year changes the 91-day share by ${pp(r.diff('rehousing').mean)}.`,
  id: 'binding-2-jaar',
  name: 'Regiobinding 2 jaar',
  description:
    'De bindingseis voor urgentie blijft 2 jaar in plaats van 3 ([S1]: voorstel van 2 naar 3 jaar).',
  title: 'Regional binding of 2 instead of 3 years',
  question:
    'The binding rule for urgency went from 2 to 3 years ([S1]); the Leger des Heils warned that many of its clients would not meet it and that outflow would jam. What difference does the year make?',
  changes:
    'Regional binding needs 2 years (tenure at entry plus time in the chain) instead of 3. With the baseline tenure distribution, 65% meet 3 years at entry and 75% meet 2 years.',
  compareWith: BASELINE_FILE,
  apply(s) {
    intro(s, this.id, this.name, this.description);
    set(
      s.housing,
      'bindingYears',
      { 2024: 2 },
      {
        source:
          "[S1] 'de aanpassing van de maatschappelijke binding van 2 naar 3 jaar'; dit wat-als houdt 2 jaar aan",
      },
    );
  },
};

/** The transition to "wonen is de norm" by 2030 ([S3]); `keepBinding` keeps the 3-year rule. */
function housingFirst2030(keepBinding: boolean): WhatIf {
  const suffix = keepBinding ? '-met-binding' : '';
  return {
    file: `wonen-eerst-2030${suffix}.json`,
    focus: ['goalMet', 'rehousing', 'turnedAwayShare', 'lapsed'],
    reading: keepBinding
      ? (r) =>
          r.mean('goalMet') < 0.5
            ? `Keeping the binding rule breaks the package: clients without 3 years in the region (35% at entry in the baseline) cannot use the contingent and wait for the market, the home-within-91-days share stays at ${pct(r.mean('rehousing'))}, and they take up the fewer crisis places again (${pct(r.mean('turnedAwayShare'))} of arrivals find the shelter full, against ${pct(r.baseMean('turnedAwayShare'))} with the whole package). In the model, the 2030 goal and the 3-year rule for outflow do not go together.`
            : `Even with the binding rule the package meets the goal in ${pct(r.mean('goalMet'))} of futures.`
      : (r) =>
          r.mean('goalMet') >= 0.8
            ? `This is what the goal takes in the model: all of it together (fast triage, Housing First at scale, urgency within a month, no binding for outflow, a bigger contingent). Its price is slack: ${r.mean('lapsed').toFixed(0)} homes of the three contingents lapse in 2030, the cost of having a home ready when someone needs one.`
            : `Even this package meets the goal in only ${pct(r.mean('goalMet'))} of futures.`,
    id: `wonen-eerst-2030${suffix}`,
    name: `Wonen Eerst 2030${keepBinding ? ' (met regiobinding)' : ''}`,
    description: `De transitie naar 'in 2030 is wonen de norm' ([S3]): de crisisopvang stap voor stap terug naar een triagevoorziening, Housing First opgeschaald, grotere contingenten, urgentie binnen een maand${keepBinding ? '; de bindingseis van 3 jaar blijft' : ' en geen bindingseis meer voor uitstroom uit de opvang'}. Alle omvang en data zijn aannames: wat het doel vraagt.`,
    title: `"Wonen Eerst 2030"${keepBinding ? ' keeping the 3-year binding rule' : ''}`,
    question: keepBinding
      ? 'Does the Wonen Eerst 2030 package still meet the goal if the 3-year regional-binding rule stays for the outflow contingent?'
      : 'What does the 2030 goal ("wonen is de norm": triage, then a suitable home within three months, [S3]) require? This file is one transition that meets it in most futures: the answer to "what it takes", not a plan from the documents.',
    changes: `Crisis places 55 → 45 (2026) → 40 → 35 → 30 → 25 (2030); 24-hour places 58 → 50 (2027) → 40 → 30 → 20 (2030). Triage within a mean of 18 days from 2026 (Regie Opvang, [S3]). Triage sends people home rather than to the 24-hour shelter: from 2028 singles 39% independent, 30% Housing First, 5% 24-hour shelter (baseline 29%, 5%, 40%); youth without 24-hour shelter. Housing First grows from 10 to 20, 30, 45 and 75 homes a year (2025–2028) and takes youth too. The outflow contingent grows from 150 to 180 (2026) and 200 (2028); unused homes are held 90 days. Urgency after 120 days from 2026 and 30 days from 2028${keepBinding ? '; regional binding stays at 3 years' : '; regional binding drops to 0 years from 2028 (no binding for outflow from the shelter)'}.`,
    compareWith: keepBinding ? 'wonen-eerst-2030.json' : BASELINE_FILE,
    apply(s) {
      intro(s, this.id, this.name, this.description);
      const why = 'Aanname (wat het doel vraagt, niet uit de documenten)';
      set(
        facility(s, 'nachtopvang'),
        'capacity',
        { 2024: 55, 2026: 45, 2027: 40, 2028: 35, 2029: 30, 2030: 25 },
        {
          source: "[S3] 'de opvang wordt afgebouwd' tot een voorziening voor triage",
          assumption: `${why}: van 55 stap voor stap naar 25 plekken in 2030`,
        },
      );
      set(
        facility(s, 'opvang24'),
        'capacity',
        { 2024: 58, 2027: 50, 2028: 40, 2029: 30, 2030: 20 },
        {
          source: '[S3] in 2030 is wonen de norm; 24-uursopvang is geen woning',
          assumption: `${why}: van 58 naar 20 plekken in 2030`,
        },
      );
      s.triage.delayDays = {
        ...s.triage.delayDays,
        2026: { dist: 'lognormal', mean: 18, cv: 0.4 },
      };
      s.triage.notes = {
        ...s.triage.notes,
        delayDays: {
          source:
            '[S3] triageteam vanaf Q3 2024 (uiterlijk zes weken); nieuw procesontwerp Regie Opvang vanaf 1 januari 2026',
          assumption: `${why}: vanaf 2026 gemiddeld 18 dagen, CV 0,4 (ruim binnen zes weken)`,
        },
        pathways: {
          assumption: `${why}: vanaf 2026 en 2028 stuurt triage mensen naar een woning (zelfstandig, Housing First) in plaats van naar de 24-uursopvang; basislijn-aandelen zijn schattingen`,
        },
      };
      s.triage.pathways.single = {
        ...s.triage.pathways.single,
        2026: { independent: 0.34, housingFirst: 0.15, shelter24: 0.25, bw: 0.05, exit: 0.21 },
        2028: { independent: 0.39, housingFirst: 0.3, shelter24: 0.05, bw: 0.05, exit: 0.21 },
      };
      s.triage.pathways.youth = {
        ...s.triage.pathways.youth,
        2028: { independent: 0.35, housingFirst: 0.1, training: 0.2, bw: 0.05, exit: 0.3 },
      };
      set(
        s.housing,
        'urgencyAfterDays',
        { 2024: 243, 2026: 120, 2028: 30 },
        {
          source:
            '[S1] nu urgentie na 8 maanden; [S3] binnen drie maanden naar een passende woonplek',
          assumption: `${why}: urgentie na 120 dagen vanaf 2026 en na 30 dagen vanaf 2028`,
        },
      );
      if (!keepBinding) {
        set(
          s.housing,
          'bindingYears',
          { 2024: 3, 2028: 0 },
          {
            source:
              "[S1] 3 jaar; 'mogelijk moet hier nog een aanscherping op geformuleerd worden t.b.v. uitstroom uit instellingen'",
            assumption: `${why}: vanaf 2028 geen bindingseis voor uitstroom uit de opvang`,
          },
        );
      }
      const c = contingent(s, 'uitstroom-corporaties');
      set(
        c,
        'unitsPerYear',
        { 2024: 150, 2026: 180, 2028: 200 },
        {
          assumption: `${why}: van 150 (basislijn, schatting) naar 180 in 2026 en 200 in 2028`,
        },
      );
      set(c, 'unused', 'bank', {
        assumption: `${why}: een woning zonder kandidaat wordt 90 dagen vastgehouden`,
      });
      set(c, 'bankDays', 90, { assumption: `${why}: 90 dagen` });
      const hf = contingent(s, 'housing-first');
      set(
        hf,
        'unitsPerYear',
        { 2024: 10, 2025: 20, 2026: 30, 2027: 45, 2028: 75 },
        {
          source: '[S2] Housing First bestaat als route (één casus)',
          assumption: `${why}: opgeschaald naar 75 woningen per jaar in 2028`,
        },
      );
      set(hf, 'householdTypes', ['single', 'youth'], {
        assumption: `${why}: ook voor jongeren`,
      });
    },
  };
}

const westBrabantWest: WhatIf = {
  file: 'west-brabant-west-2024.json',
  focus: ['turnedAwayShare', 'rehousing', 'daysToHome'],
  id: 'west-brabant-west-2024',
  name: 'West-Brabant West basislijn 2024 (voorbeeld)',
  description: '',
  title: 'West-Brabant West (Bergen op Zoom and five municipalities), a preset',
  question:
    "A second region to start from: the six municipalities of West-Brabant West with Bergen op Zoom as centrumgemeente ([S4]). The documents give no figures for it (docs/sources.md §4), so this is the Drechtsteden baseline scaled by population: every figure is an assumption to be replaced by the region's own.",
  changes:
    'All flows and places are the Drechtsteden values × 0.57 (about 247,000 inhabitants against about 435,000; general knowledge, to be checked); no youth crisis shelter or woontraining (none documented), so young people use the night shelter; triage as in the Drechtsteden baseline after Q3 2024 (28 days) from the start; housing rules and market as in the Drechtsteden.',
  apply(s) {
    const k = SCALE;
    s.id = this.id;
    s.name = this.name;
    s.description =
      'Voorbeeld voor de regio West-Brabant West: Bergen op Zoom (centrumgemeente), Halderberge, Roosendaal, Rucphen, Steenbergen en Woensdrecht ([S4]). De documenten geven voor deze regio GEEN cijfers (docs/sources.md §4): elk getal hieronder is een aanname, meestal de Drechtsteden-basislijn geschaald naar inwonertal (x 0,57). Vervang ze door eigen cijfers.';
    s.region = 'West-Brabant West';
    const scaled = (what: string, base: number | string) =>
      `Aanname: Drechtsteden-basislijn (${base}) x ${String(k).replace('.', ',')} naar inwonertal; [S4] geeft geen ${what}`;
    const copied = (what: string) =>
      `Aanname: overgenomen van de Drechtsteden-basislijn; [S4] geeft geen ${what}`;
    const sc = (x: number) => Math.round(x * k);

    // Every note is rewritten: nothing in this file comes from a Drechtsteden document.
    s.notes = {
      startYear: { assumption: 'Zelfde startjaar als de Drechtsteden-basislijn' },
      endYear: { assumption: 'Tot en met 2031, zodat het cohort van 2030 91 dagen gevolgd wordt' },
      warmupYears: {
        assumption:
          'Aanname (modelkeuze, geen cijfer uit de documenten): 3 jaar inloop vanaf de beginbezetting, zodat bezetting en wachtrijen zijn opgebouwd; de inloopjaren tellen niet mee in de uitkomsten',
      },
      seed: { assumption: 'Vaste seed: dezelfde invoer geeft dezelfde uitkomst' },
      replications: { assumption: '1000 mogelijke toekomsten' },
    };
    for (const h of s.householdTypes) {
      h.notes = { tenureYears: { assumption: copied('verdeling van jaren in de regio') } };
    }

    s.facilities = s.facilities.filter((f) => f.id !== 'jongerenopvang' && f.id !== 'woontraining');
    for (const f of s.facilities) {
      const cap = (f.capacity as Record<string, number>)['2024'];
      f.capacity = { 2024: sc(cap) };
      f.initialOccupancy = Math.min(sc(f.initialOccupancy ?? 0), sc(cap));
      const notes: Record<string, Note> = {
        capacity: { assumption: scaled('aantal plekken', cap) },
        initialOccupancy: { assumption: scaled('bezetting', 'beginbezetting') },
        costPerPlaceDay: { assumption: copied('kosten') },
        serves: { assumption: copied('doelgroep') },
      };
      if (f.stay) notes.stay = { assumption: copied('verblijfsduur') };
      if (f.exitAfterStayShare !== undefined)
        notes.exitAfterStayShare = { assumption: copied('uitstroomverdeling') };
      if (f.patienceDays) notes.patienceDays = { assumption: copied('gegevens over afhaken') };
      f.notes = notes;
    }
    facility(s, 'nachtopvang').name = 'Nacht-/crisisopvang volwassenen en jongeren';
    facility(s, 'opvang24').name = '24-uursopvang';
    facility(s, 'vrouwenopvang').name = 'Vrouwenopvang crisis';
    facility(s, 'vrouwenopvang').capacity = { 2024: Math.max(4, sc(7)) };
    facility(s, 'vervolgwoningen').name = 'Vervolgwoningen vrouwenopvang';

    s.arrivals = s.arrivals.filter((a) => a.id !== 'crisis-jong');
    for (const a of s.arrivals) {
      const rate = (a.ratePerYear as Record<string, number>)['2024'];
      a.ratePerYear = { 2024: sc(rate) };
      const notes: Record<string, Note> = {
        ratePerYear: { assumption: scaled('aantallen', rate) },
        entry: { assumption: copied('ingang') },
      };
      if (a.seasonality) notes.seasonality = { assumption: copied('seizoenspatroon') };
      if (a.selfResolveShare !== undefined)
        notes.selfResolveShare = {
          assumption: copied('aandeel zelfoplossers (Drechtsteden: [S2] 42% in 2016)'),
        };
      if (a.selfResolveDays) notes.selfResolveDays = { assumption: copied('duur') };
      a.notes = notes;
    }
    arrival(s, 'nacht-jong').notes!.ratePerYear = {
      assumption: `${scaled('aantallen', 50)}; geen jongerencrisisopvang bekend, dus jongeren komen in de nachtopvang`,
    };
    s.triage.delayDays = { 2024: { dist: 'lognormal', mean: 28, cv: 0.5 } };
    s.triage.pathways.youth = { 2024: { independent: 0.4, shelter24: 0.25, bw: 0.05, exit: 0.3 } };
    s.triage.notes = {
      delayDays: {
        assumption:
          'Aanname: triage gemiddeld 28 dagen na aanmelding, als in de Drechtsteden met triageteam; [S4] noemt geen triage',
      },
      pathways: {
        assumption:
          copied('triage-uitkomsten') + '; jongeren zonder woontraining (geen aanbod bekend)',
      },
    };

    s.housing.notes = {
      priority: { assumption: copied('toewijzingsregels') },
      waitElsewhereShare: { assumption: copied('aandeel ambulant wachten') },
      urgencyAfterDays: {
        assumption:
          copied('urgentieregeling') +
          ' ([S4] noemt prestatieafspraken met corporaties, zonder termijnen)',
      },
      bindingYears: { assumption: copied('bindingseis') },
    };
    for (const c of s.housing.contingents) {
      const units = (c.unitsPerYear as Record<string, number>)['2024'];
      c.unitsPerYear = { 2024: sc(units) };
      c.owner =
        c.id === 'housing-first'
          ? 'Housing First (aanname)'
          : 'Woningcorporaties West-Brabant West (aanname)';
      const notes: Record<string, Note> = {};
      for (const key of Object.keys(c.notes ?? {}))
        notes[key] = { assumption: copied('afspraken') };
      notes.unitsPerYear = {
        assumption: `${scaled('contingent', units)}; [S4]: gemeenten moeten de verwachte uitstroom in kaart brengen en prestatieafspraken maken`,
      };
      c.notes = notes;
    }
    s.housing.market.notes = {
      routes: { assumption: copied('gegevens over de woningmarkt') },
      meanWaitDays: { assumption: copied('zoektijd') + ' (Drechtsteden: publiek 3,2 jaar)' },
    };
    s.relapse.notes = {
      share: { assumption: copied('terugvalcijfers') },
      afterDays: { assumption: copied('terugvalcijfers') },
    };
    s.goal.notes = {
      year: {
        assumption:
          'Aanname: hetzelfde doeljaar 2030 als de Drechtsteden ([S4] noemt geen doeljaar)',
      },
      triageDays: { assumption: 'Aanname: zes weken, als in de Drechtsteden' },
      homeDays: { assumption: 'Aanname: drie maanden, als in de Drechtsteden' },
      triageTarget: {
        assumption:
          'Aanname: 90% van het cohort, als in de Drechtsteden-basislijn; [S4] noemt geen doel en geen aandeel',
      },
      rehousingTarget: {
        assumption:
          'Aanname: 90% van het cohort, als in de Drechtsteden-basislijn; [S4] noemt geen doel en geen aandeel',
      },
    };
  },
};

/** Inhabitants of West-Brabant West over those of Drechtsteden-AV (about 247,000 / 435,000). */
export const SCALE = 0.57;

export const WHAT_IFS: WhatIf[] = [
  triageWithoutTeam,
  ownContribution('laag'),
  ownContribution('hoog'),
  youthWithoutShelter,
  youthOutflow,
  stretched(50),
  stretched(100),
  binding2,
  housingFirst2030(false),
  housingFirst2030(true),
  westBrabantWest,
];

/**
 * The what-if made from a parsed copy of the baseline file. The baseline's parameter ranges
 * (`uncertain`, for sensitivity) are left out: their paths and values belong to the baseline.
 */
export function makeWhatIf(w: WhatIf, baseline: ScenarioInput): ScenarioInput {
  const s = structuredClone(baseline);
  delete s.uncertain;
  if (s.notes) delete s.notes.uncertain;
  w.apply(s);
  return s;
}
