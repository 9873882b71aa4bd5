/**
 * Reads a scenario file for the CLI: JSON parse errors and validation problems become a
 * UserError listing every problem (exit code 2), never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { validateScenario } from '../sim/scenario/validate.ts';
import type { Scenario } from '../sim/scenario/schema.ts';
import { UserError } from './user-error.ts';

export function loadScenario(path: string): Scenario {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(
      `kan scenario niet lezen / cannot read scenario: ${path} (${(e as NodeJS.ErrnoException).code ?? e})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${path}: geen geldige JSON / not valid JSON: ${(e as Error).message}`);
  }
  const v = validateScenario(data);
  if (!v.ok) {
    const lines = v.problems.map((p) => `  ${p.where}: ${p.message}`);
    throw new UserError(
      `${path}: ongeldig scenario / invalid scenario (${v.problems.length} problem${v.problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`,
    );
  }
  return v.scenario;
}
