/**
 * Addresses one number in a scenario by its path as the validator writes it, e.g.
 * `housing.contingents[0].unitsPerYear.2024`: for parameter ranges, sensitivity and the
 * sizing search. Setting returns a new object; the input is never changed.
 */

/** Parameter paths are short; longer text is not a path (and is not scanned). */
const MAX_PATH_LENGTH = 200;

/**
 * Splits `a.b[0].c` into ['a', 'b', 0, 'c'], or undefined when `path` is not of that form
 * (an unclosed bracket, an empty part, an index that is not a whole number).
 */
export function tryParsePath(path: string): (string | number)[] | undefined {
  if (path.length === 0 || path.length > MAX_PATH_LENGTH) return undefined;
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d{1,6}\])*)$/.exec(part);
    if (!m || (m[1] === '' && m[2] === '')) return undefined;
    if (m[1] !== '') out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Like {@link tryParsePath}, for paths the program wrote itself: throws on a malformed one. */
export function parsePath(path: string): (string | number)[] {
  const segs = tryParsePath(path);
  if (!segs) throw new Error(`not a parameter path: "${path}"`);
  return segs;
}

/**
 * The value at `path` in `data`, or undefined when the path does not lead anywhere (or is
 * not a path at all).
 */
export function getAt(data: unknown, path: string): unknown {
  const segs = tryParsePath(path);
  if (!segs) return undefined;
  let cur: unknown = data;
  for (const seg of segs) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** A deep copy of `data` with the number at `path` replaced by `value`. */
export function setAt<T>(data: T, path: string, value: number): T {
  const copy = JSON.parse(JSON.stringify(data)) as T; // scenarios are plain JSON
  setInPlace(copy, path, value);
  return copy;
}

/** Replaces the number at `path` in `data` itself (which the caller owns) by `value`. */
export function setInPlace(data: unknown, path: string, value: number): void {
  const segs = parsePath(path);
  let cur = data as Record<string | number, unknown>;
  segs.forEach((seg, i) => {
    if (!Object.hasOwn(cur, seg)) throw new Error(`no parameter at "${path}"`);
    if (i === segs.length - 1) {
      if (typeof cur[seg] !== 'number') throw new Error(`"${path}" is not a number`);
      cur[seg] = value;
    } else {
      cur = cur[seg] as Record<string | number, unknown>;
    }
  });
}
