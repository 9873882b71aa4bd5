/**
 * Addresses one number in a scenario by its path as the validator writes it, e.g.
 * `housing.contingents[0].unitsPerYear.2024`: for parameter ranges, sensitivity and the
 * sizing search. Setting returns a new object; the input is never changed.
 */

/** Splits `a.b[0].c` into ['a', 'b', 0, 'c']. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new Error(`not a parameter path: "${path}"`);
    if (m[1] !== '') out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** The value at `path` in `data`, or undefined when the path does not lead anywhere. */
export function getAt(data: unknown, path: string): unknown {
  let cur: unknown = data;
  for (const seg of parsePath(path)) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

/** A deep copy of `data` with the number at `path` replaced by `value`. */
export function setAt<T>(data: T, path: string, value: number): T {
  const copy = JSON.parse(JSON.stringify(data)) as T; // scenarios are plain JSON
  const segs = parsePath(path);
  let cur = copy as unknown as Record<string | number, unknown>;
  segs.forEach((seg, i) => {
    if (!Object.hasOwn(cur, seg)) throw new Error(`no parameter at "${path}"`);
    if (i === segs.length - 1) {
      if (typeof cur[seg] !== 'number') throw new Error(`"${path}" is not a number`);
      cur[seg] = value;
    } else {
      cur = cur[seg] as Record<string | number, unknown>;
    }
  });
  return copy;
}
