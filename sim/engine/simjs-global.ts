/**
 * Loads simjs, a browserify bundle that only publishes itself as `window.Sim` and only
 * when `window` exists. Invariant: after this module has evaluated, {@link simjs} is set.
 */
import type { SimjsNamespace } from 'simjs';

const host = globalThis as unknown as { window?: unknown; Sim?: SimjsNamespace };

// ES imports are evaluated before the importing module's body, so a static
// `import 'simjs'` would run before `window` is set. A top-level await of a dynamic import
// keeps both steps in this module (Node, vitest, vite dev and vite build with ES output).
// A `window` made up here is removed again, so other libraries don't mistake Node or a
// worker for a page.
const madeWindow = host.window === undefined;
if (madeWindow) host.window = globalThis;
try {
  await import('simjs');
} finally {
  if (madeWindow) delete host.window;
}

if (host.Sim === undefined) throw new Error('simjs did not publish globalThis.Sim');

/** The simjs namespace (`Sim`, `Entity`, `Request`, …) the bundle published. */
export const simjs: SimjsNamespace = host.Sim;
