// Every word in the catalogues is used: its key appears as a string literal in the web app's
// sources, or it is reached through one of the prefixes below with a suffix that is a real value
// of the model or the scenario (so a key for a value that no longer exists is caught too).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dictionary } from '../../web/i18n/index.ts';
import { FACILITY_KINDS, HOUSING_ROUTES, PATHWAYS } from '../../sim/scenario/schema.ts';
import { PAIRED_KPIS } from '../../sim/results/aggregate.ts';
import { FLOW_NODES_AFTER, FLOW_NODES_BEFORE } from '../../sim/results/replication-result.ts';
import { QUEUE_SERIES } from '../../sim/results/columns.ts';

const read = (path: string) => readFileSync(resolve(path), 'utf8');
const SCHEMA = read('sim/scenario/schema.ts');

/** Whether `value` is written as a string literal in `source`, e.g. z.literal('fixed'). */
const literalIn = (source: string) => (value: string) =>
  new RegExp(`['"\`]${value}['"\`]`).test(source);

/** Whether `name` is a property of the scenario schema, e.g. `capacity: …` or `notes,`. */
const schemaProperty = (name: string) =>
  new RegExp(`(?:^|[\\s{])${name}\\s*[:,}]`, 'm').test(SCHEMA);

const among =
  (values: readonly string[]) =>
  (value: string): boolean =>
    values.includes(value);

/** Keys the app builds from a prefix and a value at run time, and what makes the value real. */
const DYNAMIC: Record<string, (suffix: string) => boolean> = {
  kpi_: among(PAIRED_KPIS),
  queue_: among(QUEUE_SERIES),
  node_: among([...FLOW_NODES_BEFORE, ...FLOW_NODES_AFTER]),
  kind_: among(FACILITY_KINDS),
  route_: among(HOUSING_ROUTES),
  pathway_: among(PATHWAYS),
  dist_: literalIn(SCHEMA),
  pattern_: literalIn(SCHEMA),
  unused_: literalIn(SCHEMA),
  priority_: literalIn(SCHEMA),
  field_: schemaProperty,
  refuseSetting_: literalIn(read('web/scenario/refusal.ts')),
};

/** The web app's sources (code and page), without the catalogues themselves. */
function sources(dir: string): string[] {
  return readdirSync(resolve(dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === join('web', 'i18n') ? [] : sources(path);
    return /\.(ts|html)$/.test(e.name) ? [read(path)] : [];
  });
}

describe('word use', () => {
  const files = sources('web');
  const code = files.join('\n');
  const usedLiterally = literalIn(code);

  it('reads the app’s sources', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(usedLiterally('verdictHeadline')).toBe(true);
    expect(usedLiterally('noSuchWordAnywhere')).toBe(false);
  });

  it('uses every key of the catalogues, literally or through a prefix with a real value', () => {
    const unused = Object.keys(dictionary('nl')).filter((key) => {
      if (usedLiterally(key)) return false;
      const prefix = Object.keys(DYNAMIC).find((p) => key.startsWith(p));
      return !prefix || !DYNAMIC[prefix](key.slice(prefix.length));
    });
    expect(unused).toEqual([]);
  });

  it('has every dynamic prefix in the app’s sources, so the list above stays true', () => {
    for (const prefix of Object.keys(DYNAMIC))
      expect(code.includes(`${prefix}\${`) || code.includes(`'${prefix}'`), prefix).toBe(true);
  });
});
