// Why a link or file was not opened, in the user's language and in plain words: sizes with
// their limit, what to do next, and for a scenario the validator refused, each problem at
// its place in the editor's words (never a JSON path, raw data or an internal id).
import type { Lang } from '../../sim/results/verdict.ts';
import { REPLICATIONS } from '../../sim/scenario/schema.ts';
import { number } from '../format.ts';
import type { T } from '../i18n/index.ts';
import { placeWords } from './problem-place.ts';
import { sentence } from '../../sim/scenario/problem-words/index.ts';
import type { LocatedProblem, Refusal } from './refusal.ts';

/** Problems listed one by one under a refusal; the rest are counted. */
export const LISTED_PROBLEMS = 8;

/** A refusal in words: the reason (a clause that fits in a sentence) and its details. */
export interface RefusalWords {
  reason: string;
  details?: string[];
}

/** A size in bytes as people say it: "6,2 MB", "830 kB", "12 bytes". */
export function sizeWords(bytes: number, lang: Lang): string {
  if (bytes >= 1e6) return `${number(bytes / 1e6, lang, bytes % 1e6 === 0 ? 0 : 1)} MB`;
  if (bytes >= 1e3) return `${number(bytes / 1e3, lang)} kB`;
  return `${number(bytes, lang)} bytes`;
}

/** The words of `refusal` in `lang`. */
export function refusalWords(refusal: Refusal, lang: Lang, t: T): RefusalWords {
  switch (refusal.kind) {
    case 'linkTooLong':
      return {
        reason: t('refuseLinkTooLong', {
          size: number(refusal.chars, lang),
          max: number(refusal.maxChars, lang),
        }),
      };
    case 'linkUnpacksTooLarge':
      return { reason: t('refuseLinkUnpacksTooLarge', { max: sizeWords(refusal.maxBytes, lang) }) };
    case 'linkDamaged':
      return { reason: t('refuseLinkDamaged') };
    case 'linkNewer':
      return { reason: t('refuseLinkNewer') };
    case 'linkSetting':
      return {
        reason: t(`refuseSetting_${refusal.setting}`, {
          min: number(REPLICATIONS.min, lang),
          max: number(REPLICATIONS.max, lang),
        }),
      };
    case 'unknownScenario':
      return { reason: t('refuseUnknownScenario') };
    case 'fileTooLarge':
      return {
        reason: t('refuseFileTooLarge', {
          size: sizeWords(refusal.bytes, lang),
          max: sizeWords(refusal.maxBytes, lang),
        }),
      };
    case 'fileUnreadable':
      return { reason: t('refuseFileUnreadable') };
    case 'truncated':
      return { reason: t('refuseTruncated') };
    case 'notJson':
      return { reason: t('refuseNotJson') };
    case 'notScenario':
      return { reason: t('refuseNotScenario') };
    case 'newerVersion':
      return {
        reason: t('refuseNewerVersion', { version: refusal.version, supported: refusal.supported }),
      };
    case 'invalid': {
      const shown = refusal.problems.slice(0, LISTED_PROBLEMS);
      const rest = refusal.problems.length - shown.length;
      return {
        reason: t('refuseInvalid', { n: number(refusal.problems.length, lang) }),
        details: [
          ...shown.map(
            (p) =>
              `${placeWords(p.place, t)}: ${sentence(p, lang, (q) => placeWords((q as LocatedProblem).place, t))}`,
          ),
          ...(rest > 0 ? [t('refuseMoreProblems', { n: number(rest, lang) })] : []),
        ],
      };
    }
    case 'unchecked':
      return refusal.cause === 'timeout'
        ? { reason: t('refuseTimeout', { seconds: number(refusal.seconds ?? 0, lang) }) }
        : { reason: t('refuseCrashed') };
  }
}
