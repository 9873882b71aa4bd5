/**
 * The page docs/scenario.md, written from the schema itself (sim/scenario/schema.ts): every
 * field of a scenario file with its type, allowed range, default and meaning, so the page
 * cannot drift from what the validator accepts. `npm run format:doc` rewrites the page; a
 * test checks that it is current.
 */
import { z } from 'zod';
import { scenarioSchema, SCHEMA_VERSION } from '../sim/scenario/schema.ts';

/** The page's place in the repository. */
export const FORMAT_DOC = 'docs/scenario.md';

type Node = {
  type?: string | string[];
  description?: string;
  default?: unknown;
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  additionalProperties?: Node | boolean;
  propertyNames?: Node;
  oneOf?: Node[];
  anyOf?: Node[];
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

const num = (x: number) => (Math.abs(x) < 10_000 ? String(x) : x.toLocaleString('en-GB'));

/** A duration: the union of forms told apart by `dist`. */
const isDuration = (n: Node) =>
  n.oneOf?.every((o) => o.properties?.dist?.const !== undefined) ?? false;
/** A step function: a group keyed by year or month. */
const isSteps = (n: Node) => n.propertyNames?.pattern?.startsWith('^(20') ?? false;

function range(n: Node): string {
  const parts: string[] = [];
  if (n.exclusiveMinimum !== undefined) parts.push(`> ${num(n.exclusiveMinimum)}`);
  if (n.minimum !== undefined) parts.push(`≥ ${num(n.minimum)}`);
  if (n.maximum !== undefined && Math.abs(n.maximum) < 1e15) parts.push(`≤ ${num(n.maximum)}`);
  if (n.minItems !== undefined && n.minItems > 0) parts.push(`at least ${num(n.minItems)} entries`);
  if (n.maxItems !== undefined) parts.push(`at most ${num(n.maxItems)} entries`);
  if (n.minLength !== undefined && n.minLength > 0) parts.push('not empty');
  if (n.maxLength !== undefined) parts.push(`at most ${num(n.maxLength)} characters`);
  if (n.enum) parts.push(`one of ${n.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (n.const !== undefined) parts.push(`\`${String(n.const)}\``);
  return parts.join(', ');
}

function typeOf(n: Node): string {
  if (isDuration(n)) return 'duration';
  if (isSteps(n)) return `step function of ${typeOf(n.additionalProperties as Node)}`;
  if (n.anyOf) return n.anyOf.map(typeOf).join(' or ');
  if (n.oneOf) return 'one of several forms';
  if (n.type === 'array') return `list of ${typeOf(n.items!)}`;
  if (n.type === 'integer') return 'whole number';
  if (n.type === 'object') return n.properties ? 'group of fields' : 'group of named values';
  if (n.type === 'string') return 'text';
  if (n.type === 'boolean') return 'true or false';
  return String(n.type ?? 'any');
}

function rangeOf(n: Node): string {
  if (isSteps(n)) return range(n.additionalProperties as Node);
  if (n.type === 'array' && n.items && !n.items.properties) {
    return [range(n), range(n.items) && `each ${range(n.items)}`].filter(Boolean).join('; ');
  }
  if (n.anyOf) return n.anyOf.map(range).filter(Boolean).join(' / ');
  return range(n);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Rows of the table for `n` at `path`, and its fields below it. */
function rows(n: Node, path: string, required: boolean, out: string[]): void {
  if (path !== '' && !path.endsWith('.notes') && !path.endsWith('].note')) {
    const def =
      n.default === undefined
        ? required
          ? 'required'
          : 'optional'
        : `\`${JSON.stringify(n.default)}\``;
    out.push(
      `| \`${path}\` | ${typeOf(n)} | ${cell(rangeOf(n))} | ${def} | ${cell(n.description ?? '')} |`,
    );
  }
  if (isDuration(n) || path.endsWith('notes') || path.endsWith('.note')) return;
  const inner = isSteps(n) ? (n.additionalProperties as Node) : n.type === 'array' ? n.items : n;
  if (!inner) return;
  const prefix = n.type === 'array' ? `${path}[]` : isSteps(n) ? `${path}.‹year›` : path;
  for (const [k, child] of Object.entries(inner.properties ?? {})) {
    rows(child, prefix === '' ? k : `${prefix}.${k}`, inner.required?.includes(k) ?? false, out);
  }
  if (
    !inner.properties &&
    inner.type === 'object' &&
    inner.additionalProperties &&
    typeof inner.additionalProperties === 'object' &&
    !isSteps(n) &&
    inner.additionalProperties.properties === undefined &&
    isSteps(inner.additionalProperties)
  ) {
    rows(inner.additionalProperties, `${path}.‹household type›`, true, out);
  }
}

/** The page, as Markdown. */
export function scenarioFormatDoc(): string {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Node;
  const table: string[] = [];
  rows(schema, '', true, table);
  const duration = (schema.properties!.relapse.properties!.afterDays.oneOf ?? [])
    .map((o) => {
      const fields = Object.entries(o.properties ?? {})
        .filter(([k]) => k !== 'dist')
        .map(([k, f]) => `\`${k}\` (${rangeOf(f)})`)
        .join(', ');
      return `- \`"dist": "${String(o.properties!.dist.const)}"\`: ${fields}`;
    })
    .join('\n');
  return `# The scenario file (schema version ${SCHEMA_VERSION})

<!-- Written by \`npm run format:doc\` from sim/scenario/schema.ts; do not edit by hand. -->

A scenario is one JSON file describing a region's chain from shelter to housing. The
validator accepts exactly what this page lists: every number has a range a real region
could have (the reason is in its description), and a file outside them is rejected with
the field and the problem named. Paths below use \`[]\` for "each entry of the list" and
\`‹year›\` for a key of a step function.

## Step functions

A value that changes over time is a group keyed by the year (\`"2027"\`) or month
(\`"2024-07"\`, from its first day) from which it holds, within 2000–2100. The first key
must not be after \`startYear\`, and no two keys may name the same day (\`"2024"\` and
\`"2024-01"\` both mean 1 January 2024).

## Durations

A duration is in the unit its field names (days unless it says years), given as one of:

${duration}

\`cv\` is the coefficient of variation (standard deviation / mean); 0 means always the
mean. An \`empirical\` table draws one of \`values\` with probability proportional to
\`weights\` (equal when absent; as many weights as values, at least one > 0).

## Notes

Every object may have \`notes\`: field name → \`{ "source": … }\` and/or
\`{ "assumption": … }\`, saying where a value comes from. A parameter range in
\`uncertain\` has one \`note\`.

## Cross-field rules

Beyond each field's own range: \`endYear\` ≥ \`startYear\`; the goal year lies between
them with its cohort fully observed before \`endYear\` ends; ids are unique within their
list; household types, facilities and routes that are named must exist and serve each
other; a facility's \`initialOccupancy\` is at most its places in the start year; triage
shares of each household type add up to 1; a contingent's \`acceptance\` is > 0 unless it
is a single binding offer; \`bankDays\` > 0 when unused homes are banked; each
\`uncertain\` entry points at a number of the scenario, and the scenario stays valid with
that number at either end of its range.

## Fields

| Field | Type | Allowed | Default | Meaning |
| --- | --- | --- | --- | --- |
${table.join('\n')}
`;
}
