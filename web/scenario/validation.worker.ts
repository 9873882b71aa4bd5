// The validation worker: checks links, files and the editor's drafts off the page's thread
// (validation-api.ts says what it does; the page reaches it through validation-service.ts).
import { expose, type Endpoint } from 'comlink';
import type { LibraryScenario } from './catalogue.ts';

// Imported dynamically, so comlink listens from the worker's first moment and no message sent
// while the validator loads is lost.
const loaded = import('./validation-api.ts').then((m) => m.createValidationApi());

const api = {
  checkDraft: async (data: unknown) => (await loaded).checkDraft(data),
  checkFile: async (text: string) => (await loaded).checkFile(text),
  openLink: async (hash: string, library: readonly LibraryScenario[]) =>
    (await loaded).openLink(hash, library),
};

/** The typed API of the validation worker, as the page holds it. */
export type ValidationWorkerApi = typeof api;

expose(api, self as unknown as Endpoint);
