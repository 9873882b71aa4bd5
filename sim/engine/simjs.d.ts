/**
 * Types for the part of simjs@2.0.3 that sim/engine uses. The package is a browserify
 * bundle with no module exports: it only assigns {@link SimjsNamespace} to `window.Sim`.
 * So this module declares types only; load the runtime through `./simjs-global.ts`.
 */
declare module 'simjs' {
  /** What the bundle assigns to `window.Sim`. */
  export interface SimjsNamespace {
    Sim: new () => SimjsSim;
    Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
    Request: new (entity: SimjsEntity, scheduledAt: number, deliverAt: number) => SimjsRequest;
  }

  /** The simulator: a clock and a priority queue of requests. */
  export interface SimjsSim {
    /** Time of the last request delivered (it stops at the last event, not at an end time). */
    time(): number;
    /**
     * Pops requests until one is not cancelled, sets the clock to its `deliverAt` and
     * delivers it. Returns false when the queue is empty.
     */
    step(): boolean;
    /** The future event list. */
    readonly queue: SimjsPQueue;
  }

  /**
   * Binary heap of requests ordered by `deliverAt`, ties by insertion order (`order`,
   * a counter stamped by `insert`).
   */
  export interface SimjsPQueue {
    /** The heap array; `data[0]` is the next request, if any. */
    readonly data: readonly SimjsRequest[];
    insert(request: SimjsRequest): void;
    remove(): SimjsRequest | null;
  }

  /** An entity owns requests; `setTimer(d)` inserts `new Request(this, now, now + d)`. */
  export interface SimjsEntity {
    setTimer(duration: number): SimjsRequest;
  }

  /** A scheduled event. */
  export interface SimjsRequest {
    /** Time at which the request fires. Must not change while it is in the queue. */
    readonly deliverAt: number;
    /** Set by `cancel()` and when delivered. */
    readonly cancelled: boolean;
    cancel(): void;
    /**
     * Adds a callback, called as `callback.call(context ?? entity, argument)` on delivery
     * (an array `argument` is spread; a falsy one is left out).
     */
    done<A>(callback: (argument: A) => void, context: object | null, argument: A): SimjsRequest;
  }
}
