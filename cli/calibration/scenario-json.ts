/**
 * Writes scenario JSON in the house style of scenarios/: objects that fit on a line (and
 * every source/assumption note) stay on one line; objects holding notes are spread out.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const WIDTH = 100;

function inline(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }`;
  }
  return JSON.stringify(v);
}

const isObject = (v: Json): v is { [key: string]: Json } =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function isNote(v: Json): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return (
    keys.length > 0 &&
    keys.every((k) => (k === 'source' || k === 'assumption') && typeof v[k] === 'string')
  );
}

/** Whether `v` holds notes (directly, or in an array of annotated objects). */
function holdsNotes(v: Json): boolean {
  if (isObject(v)) return 'notes' in v;
  return Array.isArray(v) && v.some((x) => isObject(x) && 'notes' in x);
}

/** Objects of step functions whose values are objects (e.g. triage pathways per type). */
function nestedSteps(v: Json): boolean {
  return (
    isObject(v) &&
    Object.values(v).some(
      (x) => isObject(x) && Object.keys(x).length > 1 && Object.values(x).some(isObject),
    )
  );
}

function format(v: Json, indent: number): string {
  const flat = inline(v);
  if (
    isNote(v) ||
    v === null ||
    typeof v !== 'object' ||
    (!holdsNotes(v) && !nestedSteps(v) && flat.length + indent * 2 <= WIDTH)
  ) {
    return flat;
  }
  const pad = '  '.repeat(indent + 1);
  const end = '  '.repeat(indent);
  if (Array.isArray(v))
    return `[\n${v.map((x) => pad + format(x, indent + 1)).join(',\n')}\n${end}]`;
  const items = Object.entries(v).map(
    ([k, x]) => `${pad}${JSON.stringify(k)}: ${format(x, indent + 1)}`,
  );
  return `{\n${items.join(',\n')}\n${end}}`;
}

/** The scenario as the text of a file in scenarios/ (ending in a newline). */
export function scenarioJson(scenario: unknown): string {
  return format(JSON.parse(JSON.stringify(scenario)) as Json, 0) + '\n';
}
