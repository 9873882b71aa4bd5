/**
 * The first check of untrusted data, before the schema: no list or group is longer, and no
 * nesting deeper, than any scenario needs. It walks the data without recursion, so a file
 * of any shape is measured without exhausting the stack, and it keeps the schema check
 * from building an unbounded list of problems.
 */
import { problem, type Problem } from './problem.ts';

/** Most entries of one list or one group of named values (the longest lists the schema allows). */
export const MAX_MEMBERS = 10_000;
/** Deepest nesting of lists and groups (a scenario needs 7). */
export const MAX_DEPTH = 32;

/** Problems with the size of `data` (empty when every part is within the limits). */
export function inputSizeProblems(data: unknown): Problem[] {
  const out: Problem[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0 && out.length < MAX_MEMBERS) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      out.push(problem(path, 'nestedTooDeep', { levels: MAX_DEPTH }));
      continue;
    }
    const isList = Array.isArray(value);
    const keys = isList ? null : Object.keys(value);
    const count = isList ? value.length : keys!.length;
    if (count > MAX_MEMBERS) {
      out.push(problem(path, 'tooManyMembers', { count, max: MAX_MEMBERS, list: isList }));
      continue;
    }
    if (isList) value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
    else
      for (const k of keys!)
        stack.push({ value: (value as Record<string, unknown>)[k], path: [...path, k] });
  }
  return out;
}
