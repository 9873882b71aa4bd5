// Reading and writing plain JSON data by path (['facilities', 0, 'capacity', '2027']), the
// same paths the scenario validator reports problems at.

export type Path = (string | number)[];

/** The value at `path`, or undefined when any step is missing. */
export function getAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

/** Sets the value at `path`, creating objects (or arrays, for numeric steps) on the way. */
export function setAt(root: Record<string, unknown>, path: Path, value: unknown): void {
  if (path.length === 0) throw new Error('empty path');
  let v = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    let next = v[seg];
    if (next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      v[seg] = next;
    }
    v = next as Record<string | number, unknown>;
  }
  v[path[path.length - 1]] = value;
}

/** Removes the value at `path` (an array element is spliced out). */
export function deleteAt(root: unknown, path: Path): void {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (parent !== null && typeof parent === 'object')
    delete (parent as Record<string, unknown>)[last];
}

/** A deep copy of plain JSON data. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** JSON text with object keys sorted, so equal data gives equal text whatever the key order. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** A change between two JSON values: its path and the values before and after. */
export interface Change {
  path: Path;
  before: unknown;
  after: unknown;
}

/**
 * The leaf differences from `a` to `b` (objects compared key by key, arrays of objects
 * element by element, other arrays and values as a whole). `notes` are left out.
 */
export function jsonDiff(a: unknown, b: unknown, path: Path = []): Change[] {
  if (stableStringify(a) === stableStringify(b)) return [];
  const isObj = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ao), ...Object.keys(bo)])].filter(
      (k) => k !== 'notes',
    );
    return keys.flatMap((k) => jsonDiff(ao[k], bo[k], [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.some(isObj) && b.some(isObj)) {
    const n = Math.max(a.length, b.length);
    return Array.from({ length: n }, (_, i) => jsonDiff(a[i], b[i], [...path, i])).flat();
  }
  return [{ path, before: a, after: b }];
}
