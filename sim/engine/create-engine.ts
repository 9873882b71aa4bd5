/**
 * Engine factory. Invariant: every kind honours the same {@link Engine} contract, and for
 * the same calls fires the same events at bit-identical times.
 */
import type { Engine, EngineKind, EventHandler } from './engine.ts';
import { HeapKernel } from './heap-kernel.ts';
import { SimjsEngine } from './simjs-engine.ts';

/**
 * Make an engine with `now` = 0 and nothing scheduled that hands each event to `handler`:
 * `'fast'` is {@link HeapKernel}, `'simjs'` is {@link SimjsEngine}, a differential oracle
 * (3–12× slower, the more so the more events are pending).
 * @throws RangeError for an unknown kind (e.g. from unvalidated JSON).
 */
export function createEngine(kind: EngineKind, handler: EventHandler): Engine {
  switch (kind) {
    case 'fast':
      return new HeapKernel(handler);
    case 'simjs':
      return new SimjsEngine(handler);
    default: {
      const unknown: never = kind;
      throw new RangeError(`unknown engine kind: ${String(unknown)}`);
    }
  }
}
