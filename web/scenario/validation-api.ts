// What the validation worker does, apart from how it is reached: checks every scenario that
// enters from outside (a link, a file) or from the editor, so that checking a large one never
// holds up the page. Pure and never throwing: every outcome, failures included, is data.
import type { Scenario } from '../../sim/scenario/schema.ts';
import type { LibraryScenario } from './catalogue.ts';
import { openLink, type Opened } from './open-link.ts';
import type { Checked } from './refusal.ts';
import { checkScenarioData, checkScenarioText } from './scenario-check.ts';
import { decodeHash, type LinkState } from './url-state.ts';

type Json = Record<string, unknown>;

/** A link opened: the scenario to edit and the link's settings beyond the scenario. */
export type LinkOpened = Checked<{
  opened: Extract<Opened, { ok: true }>;
  /** Input uncertainty's futures per draw, if the link switches it on. */
  perDraw?: LinkState['perDraw'];
}>;

/** The API of the validation worker. */
export interface ValidationApi {
  /** Checks the editor's draft. */
  checkDraft(data: unknown): Checked<{ scenario: Scenario }>;
  /** Parses and checks the text of a scenario file. */
  checkFile(text: string): Checked<{ data: Json; scenario: Scenario }>;
  /** Decodes the hash of a link and opens it against the library (see openLink). */
  openLink(hash: string, library: readonly LibraryScenario[]): Promise<LinkOpened>;
}

const crashed = { ok: false, refusal: { kind: 'unchecked', cause: 'crashed' } } as const;

/** The validation API (one per worker, or per test). */
export function createValidationApi(): ValidationApi {
  return {
    checkDraft: (data) => checkScenarioData(data),
    checkFile: (text) => checkScenarioText(text),
    async openLink(hash, library) {
      try {
        const decoded = await decodeHash(hash);
        if (!decoded.ok) return { ok: false, refusal: decoded.refusal };
        const opened = openLink(decoded.state, library);
        return opened.ok ? { ok: true, opened, perDraw: decoded.state.perDraw } : opened;
      } catch {
        return crashed;
      }
    },
  };
}
