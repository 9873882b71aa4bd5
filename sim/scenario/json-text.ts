/**
 * Reads a scenario file's text as JSON the way a person means it: a UTF-8 byte-order mark
 * (as some editors write) is ignored, and a field written twice in one object is an
 * error rather than silently the last one — so the value the user sees is the value used.
 */
import { formatPath } from './problem.ts';

export type JsonText = { ok: true; data: unknown } | { ok: false; message: string };

/** Parses `text`; the message of a failure is plain English (the CLI and UI translate it). */
export function parseJsonText(text: string): JsonText {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
  const twice = duplicateKey(body);
  if (twice)
    return { ok: false, message: `${twice.where}: the field "${twice.key}" is written twice` };
  return { ok: true, data };
}

/**
 * The first key written twice in one object of `text` (valid JSON), with the path of
 * that object. One pass over the text; no recursion.
 */
function duplicateKey(text: string): { key: string; where: string } | undefined {
  type Frame = { keys: Set<string> | null; path: (string | number)[]; index: number; key?: string };
  const stack: Frame[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (top?.keys && expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { key, where: formatPath(top.path) };
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const at = top ? [...top.path, top.keys ? top.key! : top.index] : [];
      stack.push({ keys: c === '{' ? new Set() : null, path: at, index: 0 });
      expectKey = c === '{';
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      if (top?.keys) expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}
