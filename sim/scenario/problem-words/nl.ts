/** The validator's problems in Dutch. */
import type { Catalogue, Vocabulary } from './words.ts';
import type { Expected } from '../problem.ts';

const EXPECTED: Record<Expected, string> = {
  number: 'een getal',
  int: 'een geheel getal',
  string: 'tekst',
  boolean: 'ja of nee (true of false)',
  array: 'een lijst',
  object: 'een groep velden',
  record: 'een groep benoemde waarden',
  other: 'een geldige waarde',
};

export const vocabulary: Vocabulary = {
  kinds: {
    crisis: 'crisis- of nachtopvang',
    shelter24: '24-uursopvang',
    bw: 'beschermd wonen',
    training: 'woontraining',
  },
  routes: {
    independent: 'zelfstandig wonen',
    housingFirst: 'Housing First',
    shelter24: 'via 24-uursopvang',
    bw: 'via beschermd wonen',
    training: 'via woontraining',
  },
  more: (count) => `en nog ${count}`,
};

export const nl: Catalogue = {
  required: () => 'is verplicht',
  wrongType: (p) => `moet ${EXPECTED[p.expected]} zijn`,
  unknownFields: (p, w) =>
    p.names.length === 1
      ? `heeft een onbekend veld: ${p.names[0]}`
      : `heeft onbekende velden: ${w.list(p.names)}`,
  invalidForm: () => 'heeft een ongeldige vorm',
  notOneOf: (p, w) => `moet een van deze zijn: ${w.list(p.values)}`,
  mustBe: (p) => `moet ${p.value} zijn`,
  atLeast: (p, w) => (p.min === 0 ? 'mag niet negatief zijn' : `moet minstens ${w.n(p.min)} zijn`),
  greaterThan: (p, w) => `moet groter dan ${w.n(p.min)} zijn`,
  atMost: (p, w) => `mag hoogstens ${w.n(p.max)} zijn`,
  notEmpty: () => 'mag niet leeg zijn',
  tooLong: (p, w) => `mag hoogstens ${w.n(p.max)} tekens lang zijn`,
  tooFewEntries: (p, w) =>
    p.min === 1 ? 'heeft minstens één waarde nodig' : `heeft minstens ${w.n(p.min)} waarden nodig`,
  tooManyEntries: (p, w) => `mag hoogstens ${w.n(p.max)} waarden hebben`,
  share: () => 'moet een percentage tussen 0 en 100 zijn',
  idFormat: () => 'alleen kleine letters, cijfers en streepjes, beginnend met een letter',
  stepKeyFormat: () => 'moet een jaar (2027) of een maand (2024-07) zijn, van 2000 tot en met 2100',
  seedFormat: () => 'moet tekst zonder “/” of een geheel getal zijn',
  seedTextFormat: () => 'moet leesbare tekst zonder “/” zijn',
  needsYear: () => 'heeft minstens één jaar nodig',
  servesNoHouseholdType: () => 'kies minstens één huishoudtype',
  servesNoRoute: () => 'kies minstens één route',
  monthlyFactors: () => 'moet 12 maandfactoren hebben',
  nestedTooDeep: (p) => `is dieper genest dan ${p.levels} niveaus`,
  tooManyMembers: (p, w) =>
    `heeft ${w.n(p.count)} waarden; hoogstens ${w.n(p.max)} zijn toegestaan`,
  moreProblems: (p, w) => `en nog ${w.n(p.count)} problemen; los eerst deze op`,

  endBeforeStart: (p) => `mag niet voor het eerste jaar (${p.startYear}) liggen`,
  goalYearOutside: (p) =>
    `moet tussen het eerste en het laatste jaar liggen (${p.startYear}–${p.endYear})`,
  endTooEarly: (p, w) =>
    `moet minstens ${w.n(p.days)} dagen na het doeljaar eindigen, zodat wie in het doeljaar instroomt zo lang gevolgd wordt als het doel vraagt`,
  usedTwice: (p) => `“${p.id}” komt twee keer voor`,
  unknownHouseholdType: (p, w) => `onbekend huishoudtype “${p.id}” (bekend: ${w.list(p.known)})`,
  sameDay: (p) => `valt op dezelfde dag als “${p.key}”`,
  noStartValue: (p) => `moet een waarde hebben voor het eerste jaar ${p.startYear}`,
  initialOverCapacity: (p, w) =>
    `mag niet meer zijn dan het aantal plaatsen in het eerste jaar (${w.n(p.places)})`,
  stayRequired: (p, w) => `is verplicht voor een voorziening van de soort ${w.kind(p.kind)}`,
  patienceOnlyCrisis: () => 'geldt alleen voor crisisopvang (de wachtrij op straat)',
  unknownFacility: (p, w) => `onbekende voorziening “${p.id}” (bekend: ${w.list(p.known)})`,
  facilityNotForType: (p) => `voorziening “${p.facility}” is niet voor huishoudtype “${p.type}”`,
  selfResolveOnlyCrisis: () => 'geldt alleen voor instroom via crisisopvang',
  selfResolveDaysRequired: () => 'is verplicht als een deel het zelf oplost',
  seasonalityAllZero: () => 'minstens één factor moet groter dan 0 zijn',
  pathwaysRequired: () => 'is verplicht: dit huishoudtype komt binnen via crisisopvang',
  sharesSum: (p, w) => `de aandelen moeten samen 100% zijn (nu ${w.pct(p.sum)})`,
  noFacilityForPathway: (p, w) =>
    `stuurt mensen naar ${w.kind(p.kind)}, maar geen voorziening van die soort is voor “${p.type}”`,
  noRouteHousing: (p, w) =>
    `geen contingent of woningmarkt huisvest de route ${w.route(p.route)} voor “${p.type}”`,
  acceptanceZero: () => 'moet groter dan 0 zijn (of kies één bindend aanbod)',
  bankDaysZero: () => 'moet groter dan 0 zijn als een woning wordt vastgehouden',
  weightsLength: (p) => `moet evenveel getallen hebben als de waarden (${p.values})`,
  weightsAllZero: () => 'minstens één gewicht moet groter dan 0 zijn',

  notParameterPath: (p) =>
    `“${p.path}” verwijst niet op de juiste manier naar een getal van het scenario`,
  notNumberInScenario: (p) => `“${p.path}” is geen getal in dit scenario`,
  highBelowLow: (p, w) => `moet minstens de ondergrens (${w.n(p.low)}) zijn`,
  modeOutside: () => 'moet tussen de onder- en bovengrens liggen',
  endMakesInvalid: (p, w) => `maakt het scenario ongeldig: ${w.inner(p.problem)}`,
};
