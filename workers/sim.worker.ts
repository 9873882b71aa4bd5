/**
 * The simulation worker for the browser (bundled by vite as a module worker): exposes the
 * worker API on `self` with comlink. The Node entry is sim.worker.node.ts.
 */
import { expose, type Endpoint } from 'comlink';
import type { RunSpec } from './sim-api.ts';

// The simulation code is imported dynamically, so comlink listens from the worker's first
// moment. A static import would hold this module back until simjs' top-level await settles,
// and a browser drops the messages that arrive meanwhile (the pool's first call would hang).
const loaded = import('./sim-api.ts').then((m) => m.createSimApi());

const api = {
  /** See SimWorkerApi.init. */
  init: async (spec: RunSpec) => (await loaded).init(spec),
  /** See SimWorkerApi.runBatch; the result's buffers are transferred. */
  runBatch: async (from: number, to: number, id?: number) => (await loaded).runBatch(from, to, id),
  /** See SimWorkerApi.forget. */
  forget: async (id: number) => (await loaded).forget?.(id),
};

/** The typed API of a simulation worker; the pool holds a `Remote<SimApi>`. */
export type SimApi = typeof api;

// `self` passed explicitly (not comlink's default globalThis), as @vitest/web-worker needs.
expose(api, self as unknown as Endpoint);
