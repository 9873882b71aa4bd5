/**
 * The schema library's issues as problem codes. The schema names a code where the issue
 * alone does not say enough (a share, an id, a key per year: see schema.ts); everything
 * else follows from the issue's kind and limits.
 */
import type { z } from 'zod';
import { EXPECTED_TYPES, problem, type Expected, type Problem } from './problem.ts';

/**
 * Codes the schema gives a check as its message, where the check's kind and limits alone
 * do not say what is wrong. Each carries no values.
 */
export const SCHEMA_CODES = [
  'share',
  'idFormat',
  'stepKeyFormat',
  'seedFormat',
  'seedTextFormat',
  'needsYear',
  'servesNoHouseholdType',
  'servesNoRoute',
  'monthlyFactors',
] as const;

/** A code the schema names (see {@link SCHEMA_CODES}). */
export type SchemaCode = (typeof SCHEMA_CODES)[number];

/** The code the schema gave an issue as its message, if it is one. */
function schemaCode(issue: z.core.$ZodIssue): SchemaCode | undefined {
  return (SCHEMA_CODES as readonly string[]).includes(issue.message)
    ? (issue.message as SchemaCode)
    : undefined;
}

/** The problem of one zod issue at `path`. */
function issueProblem(issue: z.core.$ZodIssue, path: (string | number)[]): Problem {
  const named = schemaCode(issue);
  if (named) return problem(path, named);
  switch (issue.code) {
    case 'invalid_type': {
      const expected = (EXPECTED_TYPES as readonly string[]).includes(issue.expected)
        ? (issue.expected as Expected)
        : 'other';
      return issue.input === undefined
        ? problem(path, 'required', { expected })
        : problem(path, 'wrongType', { expected });
    }
    case 'unrecognized_keys':
      return problem(path, 'unknownFields', { names: issue.keys });
    case 'invalid_value':
      return issue.values.length === 1
        ? problem(path, 'mustBe', { value: JSON.stringify(issue.values[0]) })
        : problem(path, 'notOneOf', { values: issue.values.map((v) => JSON.stringify(v)) });
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner ? issueProblem(inner, path) : problem(path, 'invalidForm');
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'int') {
        return issue.inclusive === false
          ? problem(path, 'greaterThan', { min })
          : problem(path, 'atLeast', { min });
      }
      if (issue.origin === 'string' && min <= 1) return problem(path, 'notEmpty');
      return problem(path, 'tooFewEntries', { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'int') {
        return problem(path, 'atMost', { max });
      }
      if (issue.origin === 'string') return problem(path, 'tooLong', { max });
      return problem(path, 'tooManyEntries', { max });
    }
    default:
      return problem(path, 'invalidForm');
  }
}

/** The problems of zod `issues`, their paths under `at`. */
export function zodProblems(
  issues: readonly z.core.$ZodIssue[],
  at: (string | number)[] = [],
): Problem[] {
  return issues.map((i) => issueProblem(i, [...at, ...(i.path as (string | number)[])]));
}
