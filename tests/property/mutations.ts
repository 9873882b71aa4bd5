// What an adversarial user does to a scenario file, as plain data that fast-check can draw and
// shrink, and that crosses a worker boundary unchanged: each mutation names its kind and picks
// its target by `at`, an index into the nodes of the kind it acts on (taken modulo their number
// when it is applied, so every drawn mutation applies to every document it meets).
import fc from 'fast-check';
import { formatPath } from '../../sim/scenario/validate.ts';

type Segment = string | number;
type Container = Record<Segment, unknown>;

/** A value anywhere in a JSON document, with where it sits. */
interface Node {
  path: Segment[];
  /** The object or list holding it (null for the root). */
  parent: Container | null;
  value: unknown;
}

/** Values typed into a number field: edges, overflows, and numbers that are not JSON. */
export const ODD_NUMBERS = [
  0,
  -1,
  1,
  0.5,
  1e-200,
  1e5,
  1e6,
  1e9,
  1e308,
  -0,
  2 ** 53 + 2,
  NaN,
  Infinity,
  -Infinity,
] as const;
/** Factors a number is scaled by: what a user does who means "more" or "less" (most stay valid). */
export const SCALE_FACTORS = [0, 0.01, 0.5, 2, 10, 100, 1000];
/** Text that looks like a number, or almost. */
export const NUMBER_TEXTS = ['NaN', 'Infinity', '-Infinity', '1e999', '12abc', '', ' 12 ', '0x10'];
/** Coefficients of variation from zero to overflow (the schema allows 0–10). */
export const ODD_CVS = [0, Number.MIN_VALUE, 1e-200, 1e-12, 1e-6, 10, 10.000001, 1e3, 1e200, 1e308];
/** Step-function keys that are almost a year or a month. */
export const ODD_STEP_KEYS = [
  '2024-13',
  '2024-00',
  '2024-1',
  '1999',
  '2101',
  ' 2024',
  '02024',
  '2024.5',
  '2024-07-01',
  '',
  '٢٠٢٤',
];
/** Parameter paths for `uncertain` that are malformed, lead nowhere or not to a number. */
export const ODD_UNCERTAIN_PATHS = [
  'facilities[0',
  'x[1e3]',
  '',
  'a..b',
  '.',
  '[0]',
  'facilities[-1].capacity',
  'facilities[999999].capacity.2024',
  'facilities[1e3]',
  'facilities.0.capacity',
  'facilities[0]',
  'facilities[0].capacity.2024.x',
  'relapse',
  'seed',
  'schemaVersion',
  '__proto__.x',
  'constructor',
  'toString',
  'relapse.share ',
  'x'.repeat(201),
];
/** Seeds with "/" (the stream-name separator), control characters and other odd text. */
export const ODD_SEEDS: (string | number)[] = [
  '/',
  'a/b',
  '\u0000',
  'a\nb',
  '\u202e',
  '🙂',
  'é',
  ' ',
  '',
  'x'.repeat(10_000),
  1.5,
  2 ** 60,
  -0,
];
/** Unknown keys added first by `manyKeys`: names that are also properties of every object. */
const SPECIAL_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

/** One change to a scenario document (see the module header). */
export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'setNumber'; at: number; value: number | string }
  | { op: 'scale'; at: number; factor: number }
  | { op: 'wrongType'; at: number; value: 'text' | 'list' | 'group' | 'null' | 'true' | 'wrapped' }
  | { op: 'cv'; at: number; dist: 'gamma' | 'lognormal'; value: number }
  | { op: 'duplicateId'; at: number }
  | { op: 'yearAndMonth'; at: number }
  | { op: 'manyStepKeys'; at: number; count: number }
  | { op: 'oddStepKey'; at: number; key: string }
  | { op: 'manyKeys'; at: number; count: number }
  | { op: 'uncertainPath'; path: string; low: number; high: number }
  | { op: 'longUncertain'; at: number; count: number }
  | { op: 'seed'; value: string | number }
  | { op: 'swapYears' }
  | { op: 'emptyList'; at: number }
  | { op: 'longList'; at: number; count: number }
  | { op: 'longText'; at: number; length: number };

const at = fc.nat();

/** Every kind of mutation, weighted towards changing single numbers. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at }) },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('setNumber' as const),
      at,
      value: fc.constantFrom<number | string>(...ODD_NUMBERS, ...NUMBER_TEXTS),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('scale' as const),
      at,
      factor: fc.constantFrom(...SCALE_FACTORS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('wrongType' as const),
      at,
      value: fc.constantFrom(
        'text' as const,
        'list' as const,
        'group' as const,
        'null' as const,
        'true' as const,
        'wrapped' as const,
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('cv' as const),
      at,
      dist: fc.constantFrom('gamma' as const, 'lognormal' as const),
      value: fc.constantFrom(...ODD_CVS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicateId' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('yearAndMonth' as const), at }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('manyStepKeys' as const),
      at,
      count: fc.constantFrom(20, 1_313, 10_001, 130_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('oddStepKey' as const),
      at,
      key: fc.constantFrom(...ODD_STEP_KEYS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('manyKeys' as const),
      at,
      count: fc.constantFrom(1, 4, 100, 10_001),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('uncertainPath' as const),
      path: fc.constantFrom(...ODD_UNCERTAIN_PATHS),
      low: fc.constantFrom(0, 1, -1, 1e308),
      high: fc.constantFrom(0, 1, 100, 1e308),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('longUncertain' as const),
      at,
      count: fc.constantFrom(30, 300, 3_000, 10_000, 10_001),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('seed' as const),
      value: fc.constantFrom(...ODD_SEEDS),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapYears' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('emptyList' as const), at }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('longList' as const),
      at,
      count: fc.constantFrom(13, 101, 201, 10_001),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('longText' as const),
      at,
      length: fc.constantFrom(201, 5_001, 20_001, 1_000_000),
    }),
  },
);

/** Every value in `doc` with its path, in document order, without recursion. */
function nodes(doc: unknown): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [{ path: [], parent: null, value: doc }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    const v = node.value;
    if (v === null || typeof v !== 'object') continue;
    const children: Node[] = Array.isArray(v)
      ? v.map((c, i) => ({ path: [...node.path, i], parent: v as unknown as Container, value: c }))
      : Object.keys(v).map((k) => ({
          path: [...node.path, k],
          parent: v as Container,
          value: (v as Container)[k],
        }));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

const isGroup = (v: unknown): v is Container =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const STEP_KEY_FORM = /^\d{4}(-\d\d)?$/;
/** A step function: a group whose keys are all years or months. */
const isSteps = (v: unknown): v is Container =>
  isGroup(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => STEP_KEY_FORM.test(k));
/** A list of groups with an `id`. */
const isIdList = (v: unknown): v is Container[] =>
  Array.isArray(v) && v.length > 0 && v.every((e) => isGroup(e) && 'id' in e);
/** A random duration: a group with a `dist`. */
const isDuration = (v: unknown): v is Container => isGroup(v) && 'dist' in v;

/** Sets own property `key` of `group` (also `__proto__`, as JSON.parse does). */
function setOwn(group: Container, key: string, value: unknown): void {
  Object.defineProperty(group, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Replaces the value at `node` (the root cannot be replaced: the caller returns a new one). */
function replace(node: Node, value: unknown): void {
  const key = node.path[node.path.length - 1];
  if (Array.isArray(node.parent)) node.parent[key as number] = value;
  else setOwn(node.parent!, String(key), value);
}

/** Every year key 2000–2100 and every month key, in order: all the valid step keys. */
function validStepKeys(): string[] {
  const keys: string[] = [];
  for (let y = 2000; y <= 2100; y++) {
    keys.push(String(y));
    for (let m = 1; m <= 12; m++) keys.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return keys;
}

/**
 * Applies `m` to `doc` (changed in place, except when the root itself is replaced) and says
 * what it did; a mutation with no target of its kind leaves the document as it is.
 */
export function applyMutation(doc: unknown, m: Mutation): { doc: unknown; did: string } {
  const all = nodes(doc);
  const pick = (ok: (n: Node) => boolean): Node | undefined => {
    const candidates = all.filter(ok);
    return 'at' in m && candidates.length > 0 ? candidates[m.at % candidates.length] : undefined;
  };
  const where = (n: Node) => formatPath(n.path);
  const none = { doc, did: `${m.op}: no target` };
  const root = isGroup(doc) ? doc : undefined;

  switch (m.op) {
    case 'delete': {
      const n = pick((x) => x.parent !== null);
      if (!n) return none;
      const key = n.path[n.path.length - 1];
      if (Array.isArray(n.parent)) n.parent.splice(key as number, 1);
      else delete n.parent![key];
      return { doc, did: `deleted ${where(n)}` };
    }
    case 'setNumber': {
      const n = pick((x) => typeof x.value === 'number' && x.parent !== null);
      if (!n) return none;
      replace(n, m.value);
      return { doc, did: `set ${where(n)} to ${describe(m.value)}` };
    }
    case 'scale': {
      const n = pick((x) => typeof x.value === 'number' && x.parent !== null);
      if (!n) return none;
      replace(n, (n.value as number) * m.factor);
      return { doc, did: `scaled ${where(n)} by ${m.factor}` };
    }
    case 'wrongType': {
      const n = pick(() => true);
      if (!n) return none;
      const value = {
        text: 'text',
        list: [],
        group: {},
        null: null,
        true: true,
        wrapped: [n.value],
      }[m.value];
      if (n.parent === null)
        return { doc: value, did: `replaced the whole scenario by ${m.value}` };
      replace(n, value);
      return { doc, did: `set ${where(n)} to ${m.value}` };
    }
    case 'cv': {
      const n = pick((x) => isDuration(x.value));
      if (!n) return none;
      const d = n.value as Container;
      const mean = typeof d.mean === 'number' ? d.mean : 30;
      for (const k of Object.keys(d)) delete d[k];
      Object.assign(d, { dist: m.dist, mean, cv: m.value });
      return { doc, did: `made ${where(n)} ${m.dist} with cv ${describe(m.value)}` };
    }
    case 'duplicateId': {
      const n = pick((x) => isIdList(x.value));
      if (!n) return none;
      const list = n.value as Container[];
      if (list.length === 1) list.push(structuredClone(list[0]));
      else list[list.length - 1].id = list[0].id;
      return { doc, did: `gave ${where(n)}[${list.length - 1}] the id of [0]` };
    }
    case 'yearAndMonth': {
      const n = pick((x) => isSteps(x.value) && Object.keys(x.value).some((k) => k.length === 4));
      if (!n) return none;
      const steps = n.value as Container;
      const year = Object.keys(steps).find((k) => k.length === 4)!;
      const value = steps[year];
      steps[`${year}-01`] = typeof value === 'number' ? 0 : structuredClone(value);
      return { doc, did: `added ${year}-01 beside ${year} in ${where(n)}` };
    }
    case 'manyStepKeys': {
      const n = pick((x) => isSteps(x.value));
      if (!n) return none;
      const steps = n.value as Container;
      const value = steps[Object.keys(steps)[0]];
      const valid = validStepKeys();
      for (let i = 0; i < m.count; i++) {
        // Past the valid keys: month numbers that no calendar has.
        const key = i < valid.length ? valid[i] : `2024-${i}`;
        steps[key] = structuredClone(value);
      }
      return { doc, did: `gave ${where(n)} ${m.count} keys` };
    }
    case 'oddStepKey': {
      const n = pick((x) => isSteps(x.value));
      if (!n) return none;
      const steps = n.value as Container;
      setOwn(steps, m.key, structuredClone(steps[Object.keys(steps)[0]]));
      return { doc, did: `added key ${JSON.stringify(m.key)} to ${where(n)}` };
    }
    case 'manyKeys': {
      const n = pick((x) => isGroup(x.value));
      if (!n) return none;
      const group = n.value as Container;
      for (let i = 0; i < m.count; i++) {
        setOwn(group, i < SPECIAL_KEYS.length ? SPECIAL_KEYS[i] : `extra-${i}`, i);
      }
      return { doc, did: `added ${m.count} unknown keys to ${where(n)}` };
    }
    case 'uncertainPath': {
      if (!root) return none;
      const list = Array.isArray(root.uncertain) ? root.uncertain : (root.uncertain = []);
      list.push(rangeEntry(m.path, m.low, m.high));
      return {
        doc,
        did: `added uncertain path ${JSON.stringify(m.path)} (${describe(m.low)}–${describe(m.high)})`,
      };
    }
    case 'longUncertain': {
      if (!root) return none;
      const numbers = all.filter((x) => typeof x.value === 'number' && x.path[0] !== 'uncertain');
      if (numbers.length === 0) return none;
      const list = Array.isArray(root.uncertain) ? root.uncertain : (root.uncertain = []);
      for (let i = 0; i < m.count; i++) {
        const n = numbers[(m.at + i) % numbers.length];
        const v = n.value as number;
        list.push(rangeEntry(formatPath(n.path), v, v));
      }
      return { doc, did: `added ${m.count} uncertain entries` };
    }
    case 'seed': {
      if (!root) return none;
      root.seed = m.value;
      return { doc, did: `set seed to ${describe(m.value)}` };
    }
    case 'swapYears': {
      if (!root) return none;
      [root.startYear, root.endYear] = [root.endYear, root.startYear];
      return { doc, did: 'swapped startYear and endYear' };
    }
    case 'emptyList': {
      const n = pick((x) => Array.isArray(x.value));
      if (!n) return none;
      (n.value as unknown[]).length = 0;
      return { doc, did: `emptied ${where(n)}` };
    }
    case 'longList': {
      const n = pick((x) => Array.isArray(x.value) && x.value.length > 0);
      if (!n) return none;
      const list = n.value as unknown[];
      const len = list.length;
      for (let i = len; i < m.count; i++) list.push(structuredClone(list[i % len]));
      return { doc, did: `made ${where(n)} ${m.count} entries long` };
    }
    case 'longText': {
      const n = pick((x) => typeof x.value === 'string' && x.parent !== null);
      if (!n) return none;
      replace(n, 'x'.repeat(m.length));
      return { doc, did: `made ${where(n)} ${m.length} characters long` };
    }
  }
}

/** An `uncertain` entry for `path` with range low–high. */
function rangeEntry(path: string, low: number, high: number): Container {
  return { path, label: 'range', low, high, note: { assumption: 'adversarial input' } };
}

/** A short text for a value in a description (strings quoted, long ones cut). */
function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
  return Object.is(v, -0) ? '-0' : String(v);
}
