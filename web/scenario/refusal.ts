// Why a scenario that came in (a link or a file) was not opened, as data without words: the
// checks decide it (in a worker or in tests), refusal-words.ts says it in the user's language.
// Every way an input can fail, including a failure of the check itself, is one of these.
import type { Problem } from '../../sim/scenario/validate.ts';
import type { Place } from './problem-place.ts';

/** A problem of a refused scenario, with its place in the scenario for words. */
export type LocatedProblem = Problem & { place: Place };

/** A reason not to open an input. Sizes are in characters (links) or bytes (files). */
export type Refusal =
  /** The link is longer than a link may be; nothing of it was decoded. */
  | { kind: 'linkTooLong'; chars: number; maxChars: number }
  /** The link's scenario unpacks to more than `maxBytes` bytes of text. */
  | { kind: 'linkUnpacksTooLarge'; maxBytes: number }
  /** The link is damaged or cut off: not the encoding, compression or text a link has. */
  | { kind: 'linkDamaged' }
  /** The link was written by a newer version of the app (its format `v2.` or later). */
  | { kind: 'linkNewer'; version: string }
  /** One of the link's run settings is out of range. */
  | { kind: 'linkSetting'; setting: 'seed' | 'replications' | 'perDraw' }
  /** The link names a library scenario that is not (or no longer) there. */
  | { kind: 'unknownScenario' }
  /** The file is larger than a scenario file may be; it was not read. */
  | { kind: 'fileTooLarge'; bytes: number; maxBytes: number }
  /** The file could not be read from disk. */
  | { kind: 'fileUnreadable' }
  /** The text stops in the middle (an open bracket or string at its end). */
  | { kind: 'truncated' }
  /** The text is not JSON at all. */
  | { kind: 'notJson' }
  /** Readable data, but not a scenario (not an object, or none of a scenario's fields). */
  | { kind: 'notScenario' }
  /** A scenario of a newer schema version than this app reads. */
  | { kind: 'newerVersion'; version: number; supported: number }
  /** A scenario the validator refuses, with its problems. */
  | { kind: 'invalid'; problems: LocatedProblem[] }
  /** The check itself did not finish: it took too long, its worker died, or it threw. */
  | { kind: 'unchecked'; cause: 'timeout' | 'crashed'; seconds?: number };

/** A check's outcome: the value, or why not. */
export type Checked<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };
