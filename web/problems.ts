// The validator's problems in the user's language: its English messages rewritten into Dutch
// where a pattern is known (the English text otherwise), and shares shown as percentages.
import type { Lang } from '../sim/results/verdict.ts';

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const DUTCH: Rule[] = [
  [/^must be a finite number$/, () => 'moet een getal zijn'],
  [/^must be ≥ 0$/, () => 'mag niet negatief zijn'],
  [/^must be > 0$/, () => 'moet groter dan 0 zijn'],
  [/^must be a share between 0 and 1$/, () => 'moet een percentage tussen 0 en 100 zijn'],
  [
    /^must be lower-case letters, digits and hyphens, starting with a letter$/,
    () => 'alleen kleine letters, cijfers en streepjes, beginnend met een letter',
  ],
  [/^needs at least one year$/, () => 'heeft minstens één jaar nodig'],
  [/^must be a whole number$/, () => 'moet een geheel getal zijn'],
  [/^is required/, () => 'is verplicht'],
  [/^must be a number$/, () => 'moet een getal zijn'],
  [/^must be text$/, () => 'moet tekst zijn'],
  [/^must be true or false$/, () => 'moet ja of nee (true of false) zijn'],
  [/^must be a list$/, () => 'moet een lijst zijn'],
  [/^must be a group of (fields|named values)$/, () => 'heeft een verkeerde vorm'],
  [/^must not be empty$/, () => 'mag niet leeg zijn'],
  [
    /^must be at most (\S+) characters$/,
    (m) => `mag hoogstens ${dutchNumber(m[1])} tekens lang zijn`,
  ],
  [
    /^must (?:have at most|be at most) (\S+) (?:entries|values|weights)$/,
    (m) => `mag hoogstens ${dutchNumber(m[1])} waarden hebben`,
  ],
  [/^needs at least (\d+) entries$/, (m) => `heeft minstens ${m[1]} waarden nodig`],
  [/^needs at least one (.+)$/, () => 'heeft minstens één nodig'],
  [/^must be at most (\S+)$/, (m) => `mag hoogstens ${dutchNumber(m[1])} zijn`],
  [/^must be at least (\S+)$/, (m) => `moet minstens ${dutchNumber(m[1])} zijn`],
  [/^must be ≥ (-?[\d.,]+)$/, (m) => `moet minstens ${dutchNumber(m[1])} zijn`],
  [/^must be > (-?[\d.,]+)$/, (m) => `moet groter dan ${dutchNumber(m[1])} zijn`],
  [/^is nested more than (\d+) levels deep$/, (m) => `is dieper genest dan ${m[1]} niveaus`],
  [
    /^has (\S+) (?:entries|named values); at most (\S+) are allowed$/,
    (m) => `heeft ${dutchNumber(m[1])} waarden; hoogstens ${dutchNumber(m[2])} zijn toegestaan`,
  ],
  [/^names the same day as "(.+)"$/, (m) => `valt op dezelfde dag als “${m[1]}”`],
  [
    /^must not exceed the places in the start year \((\d+)\)$/,
    (m) => `mag niet meer zijn dan het aantal plaatsen in het eerste jaar (${m[1]})`,
  ],
  [
    /^"(.*)" is not a parameter path$/,
    (m) => `“${m[1]}” verwijst niet op de juiste manier naar een getal van het scenario`,
  ],
  [
    /^has (\S+) more problems; correct these first$/,
    (m) => `en nog ${dutchNumber(m[1])} problemen; los eerst deze op`,
  ],
  [/^must be printable text without "\/"$/, () => 'moet leesbare tekst zonder “/” zijn'],
  [
    /^must be a text without "\/" or a whole number$/,
    () => 'moet tekst zonder “/” of een geheel getal zijn',
  ],
  [/^must be one of: (.*)$/, (m) => `moet een van deze zijn: ${m[1]}`],
  [/^must serve at least one household type$/, () => 'kies minstens één huishoudtype'],
  [/^must serve at least one route$/, () => 'kies minstens één route'],
  [/^must have 12 monthly factors$/, () => 'moet 12 maandfactoren hebben'],
  [
    /^must not be before startYear \((\d+)\)$/,
    (m) => `mag niet voor het eerste jaar (${m[1]}) liggen`,
  ],
  [
    /^must lie between startYear and endYear \((.+)\)$/,
    (m) => `moet tussen het eerste en het laatste jaar liggen (${m[1]})`,
  ],
  [
    /^must end at least goal\.homeDays \((\d+)\) days after the goal year/,
    (m) =>
      `moet minstens ${m[1]} dagen na het doeljaar eindigen, zodat het doelcohort helemaal gevolgd wordt`,
  ],
  [/^"(.+)" is used twice$/, (m) => `“${m[1]}” komt twee keer voor`],
  [
    /^unknown household type "(.+)" \(known: (.*)\)$/,
    (m) => `onbekend huishoudtype “${m[1]}” (bekend: ${m[2]})`,
  ],
  [
    /^must give a value for the start year (\d+)$/,
    (m) => `moet een waarde hebben voor het eerste jaar ${m[1]}`,
  ],
  [
    /^is required for a (\w+) facility$/,
    (m) => `is verplicht voor een voorziening van soort ${m[1]}`,
  ],
  [
    /^applies only to crisis shelters \(their street queue\)$/,
    () => 'geldt alleen voor crisisopvang (de wachtrij op straat)',
  ],
  [
    /^unknown facility "(.+)" \(known: (.*)\)$/,
    (m) => `onbekende voorziening “${m[1]}” (bekend: ${m[2]})`,
  ],
  [
    /^facility "(.+)" does not serve household type "(.+)"$/,
    (m) => `voorziening “${m[1]}” is niet voor huishoudtype “${m[2]}”`,
  ],
  [
    /^applies only to streams entering a crisis shelter$/,
    () => 'geldt alleen voor instroom via crisisopvang',
  ],
  [/^is required when selfResolveShare > 0$/, () => 'is verplicht als een deel het zelf oplost'],
  [/^must have at least one factor > 0$/, () => 'minstens één factor moet groter dan 0 zijn'],
  [
    /^is required: this household type enters a crisis shelter$/,
    () => 'is verplicht: dit huishoudtype komt binnen via crisisopvang',
  ],
  [
    /^shares must add up to 1 \(they add up to (.+)\)$/,
    (m) => `de aandelen moeten samen 100% zijn (nu ${pct(m[1], 'nl')})`,
  ],
  [
    /^sends people to (\w+), but no \w+ facility serves "(.+)"$/,
    (m) => `stuurt mensen naar ${m[1]}, maar geen voorziening van die soort is voor “${m[2]}”`,
  ],
  [
    /^no contingent or market houses route "(.+)" for "(.+)"$/,
    (m) => `geen contingent of woningmarkt huisvest route “${m[1]}” voor “${m[2]}”`,
  ],
  [
    /^must be > 0 \(or set singleBindingOffer\)$/,
    () => 'moet groter dan 0 zijn (of kies één bindend aanbod)',
  ],
  [
    /^must be > 0 when unused is "bank"$/,
    () => 'moet groter dan 0 zijn als een woning wordt vastgehouden',
  ],
  [
    /^must have as many entries as values \((\d+)\)$/,
    (m) => `moet evenveel getallen hebben als de waarden (${m[1]})`,
  ],
  [/^must have at least one weight > 0$/, () => 'minstens één gewicht moet groter dan 0 zijn'],
  [/^has unknown field\(s\): (.*)$/, (m) => `heeft onbekende velden: ${m[1]}`],
  [/^has an invalid form/, () => 'heeft een ongeldige vorm'],
  [/^must be (\d+)$/, (m) => `moet ${m[1]} zijn`],
  [/^"(.+)" is not a number in this scenario$/, (m) => `“${m[1]}” is geen getal in dit scenario`],
  [/^must be ≥ low \((.+)\)$/, (m) => `moet minstens de ondergrens (${m[1]}) zijn`],
  [/^must lie between low and high$/, () => 'moet tussen de onder- en bovengrens liggen'],
  [
    /^makes the scenario invalid: ([^:]+): (.*)$/,
    (m) => `maakt het scenario ongeldig: ${m[1]}: ${problemMessage(m[2], 'nl')}`,
  ],
  [
    /^key is invalid: .*must be a year/,
    () => 'moet een jaar (2027) of een maand (2024-07) zijn, van 2000 tot en met 2100',
  ],
];

/** "100,000" (as the validator writes it) as Dutch writes it: "100.000". */
function dutchNumber(text: string): string {
  return text.replace(/[,.]/g, (c) => (c === ',' ? '.' : ','));
}

function pct(text: string, lang: Lang): string {
  const x = Number(text);
  if (!Number.isFinite(x)) return text;
  return `${new Intl.NumberFormat(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 }).format(x * 100)}%`;
}

/** The validator's message in `lang` (Dutch by pattern; English as it is, shares as %). */
export function problemMessage(message: string, lang: Lang): string {
  if (lang === 'en') {
    return message
      .replace(/^must be a share between 0 and 1$/, 'must be a percentage between 0 and 100')
      .replace(
        /^(shares must add up to) 1 \(they add up to (.+)\)$/,
        (_, a: string, b: string) => `${a} 100% (they add up to ${pct(b, 'en')})`,
      );
  }
  for (const [re, f] of DUTCH) {
    const m = message.match(re);
    if (m) return f(m);
  }
  return message;
}
