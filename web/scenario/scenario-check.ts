// The check of a scenario that comes in as text (a file) or as parsed data (a file, a link):
// too large, cut off, not JSON, not a scenario, a newer version, or refused by the validator.
// Never throws: any exception, from parsing or from the validator, becomes a refusal.
import { SCHEMA_VERSION, scenarioSchema, type Scenario } from '../../sim/scenario/schema.ts';
import { validateScenario, type Problem } from '../../sim/scenario/validate.ts';
import { isCutOffJson } from './json-prefix.ts';
import { placeOf } from './problem-place.ts';
import type { Checked, LocatedProblem, Refusal } from './refusal.ts';

type Json = Record<string, unknown>;

/** Largest scenario file accepted for import (bytes); larger files are not read at all. */
export const MAX_FILE_BYTES = 5_000_000;

/** The top-level fields of a scenario: data with none of them is not a scenario at all. */
const SCENARIO_FIELDS = Object.keys(scenarioSchema.shape);

const isObject = (x: unknown): x is Json =>
  x !== null && typeof x === 'object' && !Array.isArray(x);

/**
 * Whether data is no scenario of this app at all, before the validator sees it: not an
 * object, an object without any scenario field, or a newer schema version. Cheap.
 */
export function notAScenario(data: unknown): Refusal | undefined {
  if (!isObject(data) || !SCENARIO_FIELDS.some((k) => Object.hasOwn(data, k))) {
    return { kind: 'notScenario' };
  }
  const version = data.schemaVersion;
  if (typeof version === 'number' && Number.isFinite(version) && version > SCHEMA_VERSION) {
    return { kind: 'newerVersion', version, supported: SCHEMA_VERSION };
  }
  return undefined;
}

/**
 * Checks parsed data as a scenario: {@link notAScenario}, then the validator's problems;
 * else the validated scenario.
 */
export function checkScenarioData(data: unknown): Checked<{ scenario: Scenario }> {
  try {
    const refusal = notAScenario(data);
    if (refusal) return { ok: false, refusal };
    const v = validateScenario(data);
    return v.ok
      ? { ok: true, scenario: v.scenario }
      : {
          ok: false,
          refusal: {
            kind: 'invalid',
            problems: v.problems.map((p) => located(p, data)),
          },
        };
  } catch {
    return { ok: false, refusal: { kind: 'unchecked', cause: 'crashed' } };
  }
}

/**
 * Problem `p` with its place in `data`; a problem inside it (an end of a parameter range that
 * breaks the scenario) gets its own place too.
 */
function located(p: Problem, data: unknown): LocatedProblem {
  const place = placeOf(p.path, data);
  return p.code === 'endMakesInvalid'
    ? { ...p, params: { problem: located(p.params.problem, data) }, place }
    : { ...p, place };
}

/** Parses a scenario file's text (a leading byte-order mark is ignored). */
export function parseScenarioText(text: string): Checked<{ data: unknown }> {
  // A character is at least one byte, so more characters than the limit is too many bytes.
  if (text.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      refusal: { kind: 'fileTooLarge', bytes: text.length, maxBytes: MAX_FILE_BYTES },
    };
  }
  const body = text.replace(/^\uFEFF/, '');
  try {
    return { ok: true, data: JSON.parse(body) as unknown };
  } catch {
    return { ok: false, refusal: { kind: isCutOffJson(body) ? 'truncated' : 'notJson' } };
  }
}

/** Parses and checks a scenario file's text: the data as written and the validated scenario. */
export function checkScenarioText(text: string): Checked<{ data: Json; scenario: Scenario }> {
  const parsed = parseScenarioText(text);
  if (!parsed.ok) return parsed;
  const checked = checkScenarioData(parsed.data);
  return checked.ok ? { ok: true, data: parsed.data as Json, scenario: checked.scenario } : checked;
}
