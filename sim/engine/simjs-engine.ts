/**
 * The simjs engine: the {@link Engine} contract on simjs's own event queue and step loop,
 * kept as a differential oracle for HeapKernel. Invariant: every request carries the exact
 * time asked for, so firing order and `now` are bit-identical to HeapKernel's.
 */
import type { SimjsEntity, SimjsRequest, SimjsSim } from 'simjs';
import type { EventHandle, EventHandler } from './engine.ts';
import { EngineBase } from './engine-base.ts';
import { simjs } from './simjs-global.ts';

/** What simjs hands back to us when a request is delivered. */
interface Scheduled {
  readonly handle: EventHandle;
  /** The exact time asked for (days). */
  readonly time: number;
  readonly kind: number;
  readonly subject: number;
}

/**
 * {@link Engine} on simjs@2.0.3. simjs orders its queue by `deliverAt`, ties by insertion
 * order, which is scheduling order here, as in HeapKernel.
 *
 * simjs's `Entity.setTimer(d)` inserts `new Request(entity, now, now + d)`; scheduling time
 * `t` that way gives `now + (t - now)`, which can be an ulp away from `t` (now 0.1,
 * t 0.30000000000000004 gives 0.3) and would reorder near-ties. So {@link at} does what
 * `setTimer` does with the exact time: a `Request` delivering at `t`, inserted into
 * `sim.queue`. {@link run} fires through `sim.step()`, one event at a time, peeking at the
 * queue so that nothing past `until` is popped (chunked `simulate()` loses that event).
 */
export class SimjsEngine extends EngineBase {
  private readonly sim: SimjsSim = new simjs.Sim();
  private readonly entity: SimjsEntity = new simjs.Entity(this.sim, 'doorstroom-engine');
  private readonly requests = new Map<EventHandle, SimjsRequest>();
  private nextHandle = 1;

  /** Called by simjs when a request is delivered (it never delivers cancelled ones). */
  private readonly deliver = (event: Scheduled): void => {
    if (this.sim.time() !== event.time) {
      throw new Error(`simjs delivered at ${this.sim.time()} an event for ${event.time}`);
    }
    this.requests.delete(event.handle);
    this.clock = event.time;
    this.fired++;
    this.handler(event.kind, event.subject);
  };

  /** @param handler called with (kind, subject) of each event as it fires */
  constructor(handler: EventHandler) {
    super(handler);
  }

  /** Events scheduled and neither fired nor cancelled. */
  get pending(): number {
    return this.requests.size;
  }

  /** Cancel a pending event. Returns false if it already ran, was cancelled, or is unknown. */
  cancel(handle: EventHandle): boolean {
    const request = this.requests.get(handle);
    if (request === undefined) return false;
    this.requests.delete(handle);
    request.cancel();
    return true;
  }

  /** Steps simjs through its events up to `until` (see EngineBase.run). */
  protected fireUntil(until: number): void {
    const queue = this.sim.queue;
    for (;;) {
      const next = queue.data[0];
      if (next === undefined || next.deliverAt > until) break;
      // step() skips cancelled requests by itself, but would then fire whatever comes
      // next, even past `until`; so drop them here.
      if (next.cancelled) queue.remove();
      else this.sim.step();
    }
  }

  protected schedule(time: number, kind: number, subject: number): EventHandle {
    const handle = this.nextHandle++;
    const request = new simjs.Request(this.entity, this.sim.time(), time);
    request.done(this.deliver, null, { handle, time, kind, subject });
    this.sim.queue.insert(request);
    this.requests.set(handle, request);
    return handle;
  }
}
