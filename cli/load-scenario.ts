/**
 * Reads a scenario file for the CLI: JSON parse errors (a byte-order mark is fine, a field
 * written twice is not) and validation problems become a
 * UserError listing every problem (exit code 2), never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';

/** Largest scenario file read (bytes): a scenario with every list at its limit is far smaller. */
export const MAX_SCENARIO_BYTES = 20 * 2 ** 20;
import { validateScenario } from '../sim/scenario/validate.ts';
import { sentence } from '../sim/scenario/problem-words/index.ts';
import { parseJsonText } from '../sim/scenario/json-text.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { UserError } from './user-error.ts';

export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    const bytes = statSync(path).size;
    if (bytes > MAX_SCENARIO_BYTES) {
      const mb = (b: number) => (b / 2 ** 20).toFixed(0);
      throw new UserError(
        `${path}: het bestand is ${mb(bytes)} MB, groter dan ${mb(MAX_SCENARIO_BYTES)} MB / the file is ${mb(bytes)} MB, larger than ${mb(MAX_SCENARIO_BYTES)} MB`,
      );
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(
      `kan scenario niet lezen / cannot read scenario: ${path} (${(e as NodeJS.ErrnoException).code ?? e})`,
    );
  }
  const json = parseJsonText(text);
  if (!json.ok) {
    const nl = json.message
      .replace(/^not valid JSON: /, 'geen geldige JSON: ')
      .replace(/: the field "(.*)" is written twice$/, ': het veld “$1” staat er twee keer in');
    throw new UserError(`${path}: ${nl} / ${json.message}`);
  }
  const v = validateScenario(json.data);
  if (!v.ok) {
    const lines = v.problems.map(
      (p) => `  ${p.where}: ${sentence(p, 'nl')} / ${sentence(p, 'en')}`,
    );
    const n = v.problems.length;
    throw new UserError(
      `${path}: ongeldig scenario / invalid scenario (${n} ${n === 1 ? 'probleem / problem' : 'problemen / problems'}):\n${lines.join('\n')}`,
    );
  }
  return v.scenario;
}
