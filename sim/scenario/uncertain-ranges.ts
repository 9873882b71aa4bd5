/**
 * The rule for parameter ranges (`uncertain`): each entry points at a number of the
 * scenario, and the scenario stays valid with that number at either end of its range.
 *
 * Checked in one pass, in time linear in the number of entries: an end is checked against
 * the schema of the field that holds it (not the whole scenario), then against the
 * cross-field rules on one working copy whose number is set and put back, and each
 * (path, value) is checked once however many entries repeat it.
 */
import type { z } from 'zod';
import { scenarioSchema, type Scenario } from './schema.ts';
import { tryParsePath } from './parameter-path.ts';
import type { Problem } from './problem.ts';
import { problem } from './problem.ts';
import { zodProblems } from './zod-problems.ts';

type Segment = string | number;
type Container = Record<Segment, unknown>;

/** The zod definition behind a schema (zod 4 keeps it on `_zod.def`). */
function def(schema: z.ZodType): { type: string } & Record<string, unknown> {
  return (schema as unknown as { _zod: { def: { type: string } & Record<string, unknown> } })._zod
    .def;
}

/** Unwraps optional and default wrappers down to the schema that checks the value. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (
    let t = def(s).type;
    t === 'optional' || t === 'default' || t === 'nullable';
    t = def(s).type
  ) {
    s = def(s).innerType as z.ZodType;
  }
  return s;
}

/** The schema of `data[seg]` within `schema`, which checks `data`; undefined if none. */
function childSchema(schema: z.ZodType, data: unknown, seg: Segment): z.ZodType | undefined {
  let s = unwrap(schema);
  const d = def(s);
  if (d.type === 'union') {
    // The option that accepts the (valid) data, e.g. the duration form its `dist` names.
    s = (d.options as z.ZodType[]).find((o) => o.safeParse(data).success) ?? s;
    return childSchema(s, data, seg);
  }
  if (d.type === 'object' && typeof seg === 'string') {
    return (d.shape as Record<string, z.ZodType>)[seg];
  }
  if (d.type === 'array' && typeof seg === 'number') return d.element as z.ZodType;
  if (d.type === 'record' && typeof seg === 'string') return d.valueType as z.ZodType;
  return undefined;
}

/**
 * Problems with `s.uncertain` (a scenario that passed the shape and cross-field checks).
 * @param crossFieldProblems the cross-field rules, run on the working copy for each end.
 */
export function uncertainProblems(
  s: Scenario,
  crossFieldProblems: (s: Scenario) => Problem[],
): Problem[] {
  const out: Problem[] = [];
  // The cross-field rules never read `uncertain`; leaving it out keeps each check small.
  const work = JSON.parse(JSON.stringify({ ...s, uncertain: [] })) as Scenario; // plain JSON
  const checked = new Map<string, Problem[]>();

  s.uncertain.forEach((u, i) => {
    const at: Segment[] = ['uncertain', i];
    const segs = tryParsePath(u.path);
    if (!segs) {
      out.push(problem([...at, 'path'], 'notParameterPath', { path: u.path }));
      return;
    }
    const target = locate(work, segs);
    if (!target) {
      out.push(problem([...at, 'path'], 'notNumberInScenario', { path: u.path }));
      return;
    }
    if (u.low > u.high) out.push(problem([...at, 'high'], 'highBelowLow', { low: u.low }));
    if (u.mode !== undefined && (u.mode < u.low || u.mode > u.high)) {
      out.push(problem([...at, 'mode'], 'modeOutside'));
    }
    for (const end of ['low', 'high'] as const) {
      const key = `${u.path}\u0000${u[end]}`;
      let found = checked.get(key);
      if (!found) {
        found = endProblems(work, target, u[end], crossFieldProblems);
        checked.set(key, found);
      }
      for (const x of found) {
        out.push(problem([...at, end], 'endMakesInvalid', { problem: x }));
      }
    }
  });
  return out;
}

/** Where a number sits in the working copy, and the schema of the object or list holding it. */
interface Target {
  parent: Container;
  parentPath: Segment[];
  parentSchema: z.ZodType;
  key: Segment;
}

function locate(work: Scenario, segs: Segment[]): Target | undefined {
  let schema: z.ZodType | undefined = scenarioSchema;
  let cur: unknown = work;
  for (let i = 0; i < segs.length - 1; i++) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, segs[i])) return undefined;
    schema = childSchema(schema, cur, segs[i]);
    if (!schema) return undefined;
    cur = (cur as Container)[segs[i]];
  }
  const key = segs[segs.length - 1];
  if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
  if (typeof (cur as Container)[key] !== 'number') return undefined;
  return { parent: cur as Container, parentPath: segs.slice(0, -1), parentSchema: schema, key };
}

/** Problems of the scenario with the number at `target` set to `value`. */
function endProblems(
  work: Scenario,
  target: Target,
  value: number,
  crossFieldProblems: (s: Scenario) => Problem[],
): Problem[] {
  const { parent, key } = target;
  const variant = Array.isArray(parent) ? [...parent] : { ...parent };
  (variant as Container)[key] = value;
  const shape = target.parentSchema.safeParse(variant, { reportInput: true });
  if (!shape.success) return zodProblems(shape.error.issues, target.parentPath);
  const before = parent[key];
  parent[key] = value;
  try {
    return crossFieldProblems(work);
  } finally {
    parent[key] = before;
  }
}
