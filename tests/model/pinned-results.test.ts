// Pinned results: the summary of 8 replications of every shipped scenario, and of three
// variants that reach rules no shipped scenario uses (priority blockingFirst, urgency and
// binding rules that change over time, banked units with urgency), must stay bit for bit
// what they were. A refactoring or speed-up must not change a single number; a deliberate
// change of the model renews the pins:  UPDATE_PINS=1 npx vitest run tests/model/pinned-results.test.ts
// The pins hold the key figures in full and a hash per named part of the rest (see
// summary-pin.ts), so a failure lists the figures and parts that moved.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parseScenario } from '../../sim/scenario/validate.ts';
import { runReplications } from '../../sim/run-replications.ts';
import { exactJson, pinChanges, pinOf, type SummaryPin } from './summary-pin.ts';

const PINS = new URL('../golden/pinned-results.json', import.meta.url);
const SCENARIOS = new URL('../../scenarios/', import.meta.url);
const REPLICATIONS = 8;

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const load = (id: string): Raw =>
  JSON.parse(readFileSync(new URL(`${id}.json`, SCENARIOS), 'utf8')) as Raw;

/** Shipped scenarios, and variants of the default that reach the rules they leave out. */
function cases(): Record<string, Raw> {
  const out: Record<string, Raw> = {};
  for (const file of readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    out[file.slice(0, -5)] = load(file.slice(0, -5));
  }
  const blocking = load('drechtsteden-2024');
  blocking.housing.priority = 'blockingFirst';
  out['variant: blockingFirst'] = blocking;
  const rules = load('drechtsteden-2024');
  rules.housing.urgencyAfterDays = { 2024: 243, 2026: 400, '2027-07': 60 };
  rules.housing.bindingYears = { 2024: 3, 2027: 5, 2029: 1 };
  rules.housing.contingents[0].unitsPerYear = { 2024: 400 };
  rules.housing.contingents[0].acceptance = 0.5;
  out['variant: changing rules'] = rules;
  const banked = structuredClone(rules);
  banked.housing.priority = 'blockingFirst';
  for (const c of banked.housing.contingents) {
    c.unused = 'bank';
    c.bankDays = 90;
    c.requiresUrgency = true;
  }
  out['variant: banked units'] = banked;
  return out;
}

function pins(): Record<string, SummaryPin> {
  const out: Record<string, SummaryPin> = {};
  for (const [name, raw] of Object.entries(cases())) {
    const summary = runReplications(parseScenario(raw), { replications: REPLICATIONS });
    out[name] = pinOf(summary);
  }
  return out;
}

describe('pinned results', () => {
  it('gives bit for bit the pinned summaries of every scenario and variant', async () => {
    const now = pins();
    if (process.env.UPDATE_PINS) {
      // Written as the formatter keeps it, so a renewal diffs only in what moved.
      const options = await resolveConfig(fileURLToPath(PINS));
      writeFileSync(PINS, await format(exactJson(now), { ...options, parser: 'json' }));
    }
    const pinned = JSON.parse(readFileSync(PINS, 'utf8')) as Record<string, SummaryPin>;
    // What moved, by case and figure or part (e.g. "default › years.2026.arrivals").
    expect(pinChanges(pinned, JSON.parse(exactJson(now)))).toEqual([]);
  });
});
