// The rule that a rejected scenario's problems point into the input the user gave:
//
// A problem's path [s0, …, sk] is in the input when, walking from the input's root,
//  - every segment names a member that is there: a number segment is an index within a list,
//    a string segment is an own property of a group (an object that is not a list); or
//  - the problem is about a missing field: s0 … s(k−1) are there in that sense, they lead to
//    a group, sk is a string and that group has no own property sk.
// The empty path is the scenario itself and always in the input. A number segment never names
// a member of a group, nor a string segment an index of a list, so that `where` (which writes
// [i] for numbers and .name for text) shows the user where the problem is.
import { formatPath, type Problem } from '../../sim/scenario/validate.ts';

type Segment = string | number;

const isGroup = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Whether `path` is in `input` by the rule above. */
export function pathInInput(input: unknown, path: readonly Segment[]): boolean {
  let cur: unknown = input;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (Array.isArray(cur)) {
      if (typeof seg !== 'number' || !Number.isInteger(seg) || seg < 0 || seg >= cur.length) {
        return false;
      }
      cur = cur[seg];
    } else if (isGroup(cur) && typeof seg === 'string') {
      if (!Object.hasOwn(cur, seg)) return i === path.length - 1; // a missing field
      cur = cur[seg];
    } else {
      return false;
    }
  }
  return true;
}

/**
 * What is wrong with a rejection's problem list as a list (empty when nothing): it is not
 * empty, and every problem has a path of strings and numbers, `where` written from that path,
 * and a message.
 */
export function problemListFaults(problems: readonly Problem[]): string[] {
  const out: string[] = [];
  if (problems.length === 0) out.push('rejected without any problem');
  for (const p of problems) {
    if (
      !Array.isArray(p.path) ||
      !p.path.every((s) => typeof s === 'string' || typeof s === 'number')
    ) {
      out.push(`a path that is not a list of names and indexes: ${JSON.stringify(p.path)}`);
    } else if (p.where !== formatPath(p.path)) {
      out.push(`where "${p.where}" is not its path ${formatPath(p.path)}`);
    }
    if (typeof p.message !== 'string' || p.message.trim() === '') {
      out.push(`${p.where}: no message`);
    }
  }
  return out;
}
