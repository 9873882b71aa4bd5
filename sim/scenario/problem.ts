/**
 * A problem with a scenario, located by its path, and the plain statements that replace
 * the schema library's own messages.
 */
import type { z } from 'zod';

/** One thing wrong with a scenario, located by its JSON path. */
export interface Problem {
  /** Path segments from the root, e.g. ['facilities', 0, 'capacity', '2027']. */
  path: (string | number)[];
  /** The same path as text, e.g. "facilities[0].capacity.2027". */
  where: string;
  /** Plain-language statement of the problem (English). */
  message: string;
}

/** Formats a path as `a[0].b.c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(scenario)' : out;
}

export function problem(path: (string | number)[], message: string): Problem {
  return { path, where: formatPath(path), message };
}

/** What a JSON value of each type the schema expects is called in a message. */
const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  record: 'a group of named values',
};

/** At most this many names are listed in one message (the rest are counted). */
const LISTED = 10;

function list(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

/** Rewrites a zod issue's message into a plain statement. */
export function zodMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `is required (${expected})` : `must be ${expected}`;
    }
    case 'unrecognized_keys':
      return `has unknown field(s): ${list(issue.keys)}`;
    case 'invalid_union':
      return 'has an invalid form (see docs/scenario.md for its fields)';
    case 'invalid_key':
      return `key is invalid: ${issue.issues.map((i) => i.message).join('; ')}`;
    case 'invalid_value':
      return `must be one of: ${list(issue.values.map((v) => JSON.stringify(v)))}`;
    case 'too_small':
      return issue.origin === 'array' && !issue.message.startsWith('needs')
        ? `needs at least ${issue.minimum} entries`
        : issue.message;
    case 'too_big':
      return issue.origin === 'array' && !issue.message.startsWith('must')
        ? `must have at most ${issue.maximum.toLocaleString('en-GB')} entries`
        : issue.message;
    default:
      return issue.message;
  }
}

/** The problems of zod `issues`, their paths under `at`. */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  at: (string | number)[] = [],
): Problem[] {
  return issues.map((i) => problem([...at, ...(i.path as (string | number)[])], zodMessage(i)));
}
