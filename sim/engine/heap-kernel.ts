/**
 * The fast engine: a binary min-heap in typed arrays, keyed by (time, scheduling sequence).
 * Invariant: events fire in order of time, ties in the order they were scheduled; a
 * cancelled event stays in the heap, flagged by kind {@link NO_EVENT}, until popped or
 * compacted.
 */
import type { EventHandle, EventHandler } from './engine.ts';
import { EngineBase } from './engine-base.ts';

/** A handle is `generation * SLOT_SPAN + slot`, so it stays a safe integer. */
const SLOT_SPAN = 2 ** 24;
/** Generations run 1..MAX_GENERATION, so no handle is 0 and handles stay below 2^53. */
const MAX_GENERATION = 2 ** 29 - 1;
/** Compact the heap when more than this many, and more than half, of its entries are cancelled. */
const COMPACT_MIN = 1024;
/** The kind of a free slot or a cancelled event. */
const NO_EVENT = -1;

/**
 * Discrete-event kernel on a binary heap stored in typed arrays: the heap holds times and
 * slot indices in parallel; per slot, typed arrays hold the event's kind and subject, its
 * generation and its scheduling sequence (read only to break exact ties). Scheduling and
 * firing allocate nothing once the arrays have grown to the peak number of pending events.
 *
 * Handles combine a slot with its generation, so a handle whose event ran or was cancelled
 * never matches a later event that reuses the slot. Handles are never 0.
 */
export class HeapKernel extends EngineBase {
  private nextSeq = 0;

  /** Heap entries 0..size-1: event time (days) and slot. */
  private size = 0;
  private times: Float64Array;
  private slots: Int32Array;

  /**
   * Per slot: the event's kind ({@link NO_EVENT} when free or cancelled) and subject, its
   * generation and its scheduling sequence (the tie-break, read only when two times are equal).
   */
  private kinds: Int32Array;
  private subjects: Int32Array;
  private generations: Uint32Array;
  private seqs: Float64Array;
  /** Slots handed out at least once; free ones below that are on the free stack. */
  private slotsMade = 0;
  private freeSlots: Int32Array;
  private freeTop = 0;
  /** Heap entries whose kind is NO_EVENT (cancelled, not yet popped). */
  private cancelledInHeap = 0;

  /**
   * @param handler called with (kind, subject) of each event as it fires
   * @param initialCapacity pending events to make room for up front (it grows as needed)
   */
  constructor(handler: EventHandler, initialCapacity = 1024) {
    super(handler);
    const capacity = Math.max(16, Math.min(SLOT_SPAN, Math.ceil(initialCapacity)));
    this.times = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.kinds = new Int32Array(capacity).fill(NO_EVENT);
    this.subjects = new Int32Array(capacity);
    this.generations = new Uint32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
  }

  /** Events scheduled and neither fired nor cancelled. */
  get pending(): number {
    return this.size - this.cancelledInHeap;
  }

  /**
   * Cancel a pending event in O(1) (amortised). Returns false if it already ran, was
   * cancelled, or is unknown.
   */
  cancel(handle: EventHandle): boolean {
    if (!Number.isSafeInteger(handle) || handle < 0) return false;
    const slot = handle % SLOT_SPAN;
    if (slot >= this.slotsMade) return false;
    if (this.generations[slot] !== (handle - slot) / SLOT_SPAN || this.kinds[slot] === NO_EVENT) {
      return false;
    }
    this.kinds[slot] = NO_EVENT;
    this.cancelledInHeap++;
    if (this.cancelledInHeap > COMPACT_MIN && 2 * this.cancelledInHeap > this.size) this.compact();
    return true;
  }

  /** Fires the heap's events up to `until` (see EngineBase.run). */
  protected fireUntil(until: number): void {
    const handler = this.handler;
    while (this.size > 0) {
      // Fields are re-read every iteration: the handler may grow or compact the heap.
      const time = this.times[0];
      if (time > until) break;
      const slot = this.slots[0];
      this.removeTop();
      const kind = this.kinds[slot];
      const subject = this.subjects[slot];
      this.kinds[slot] = NO_EVENT;
      this.freeSlots[this.freeTop++] = slot;
      if (kind !== NO_EVENT) {
        this.clock = time;
        this.fired++;
        handler(kind, subject);
      } else {
        this.cancelledInHeap--;
      }
    }
  }

  /** Put a validated event into the heap; returns its handle. */
  protected schedule(time: number, kind: number, subject: number): EventHandle {
    if (this.size === this.times.length) this.grow();
    const slot = this.freeTop > 0 ? this.freeSlots[--this.freeTop] : this.slotsMade++;
    const generation = this.generations[slot] === MAX_GENERATION ? 1 : this.generations[slot] + 1;
    this.generations[slot] = generation;
    this.kinds[slot] = kind;
    this.subjects[slot] = subject;
    this.seqs[slot] = this.nextSeq++;

    // Sift up. The new entry has the largest sequence, so it only passes later times.
    const times = this.times;
    const slots = this.slots;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent];
      if (parentTime <= time) break;
      times[i] = parentTime;
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    slots[i] = slot;
    return generation * SLOT_SPAN + slot;
  }

  /** Remove the root entry (the caller has read it). */
  private removeTop(): void {
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.times[last], this.slots[last]);
  }

  /** Place entry (time, slot) at hole `i` or below, moving smaller children up. */
  private siftDown(i: number, time: number, slot: number): void {
    const times = this.times;
    const slots = this.slots;
    const seqs = this.seqs;
    const size = this.size;
    const half = size >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      let childTime = times[child];
      const right = child + 1;
      if (right < size) {
        const rightTime = times[right];
        if (
          rightTime < childTime ||
          (rightTime === childTime && seqs[slots[right]] < seqs[slots[child]])
        ) {
          child = right;
          childTime = rightTime;
        }
      }
      if (childTime > time || (childTime === time && seqs[slots[child]] > seqs[slot])) break;
      times[i] = childTime;
      slots[i] = slots[child];
      i = child;
    }
    times[i] = time;
    slots[i] = slot;
  }

  /** Double the capacity of the heap and the slot tables. */
  private grow(): void {
    const capacity = this.times.length;
    if (capacity >= SLOT_SPAN) {
      throw new RangeError(`HeapKernel: more than ${SLOT_SPAN} events pending at once`);
    }
    const next = Math.min(SLOT_SPAN, capacity * 2);
    const widen = <T extends Float64Array | Int32Array | Uint32Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.times = widen(this.times, new Float64Array(next));
    this.slots = widen(this.slots, new Int32Array(next));
    this.seqs = widen(this.seqs, new Float64Array(next));
    this.generations = widen(this.generations, new Uint32Array(next));
    this.freeSlots = widen(this.freeSlots, new Int32Array(next));
    this.kinds = widen(this.kinds, new Int32Array(next).fill(NO_EVENT));
    this.subjects = widen(this.subjects, new Int32Array(next));
  }

  /**
   * Drop cancelled entries and rebuild the heap (O(n), amortised O(1) per cancel). Firing
   * order is unchanged: it depends only on the (time, sequence) keys, which are unique.
   */
  private compact(): void {
    const { times, slots, kinds } = this;
    let kept = 0;
    for (let i = 0; i < this.size; i++) {
      const slot = slots[i];
      if (kinds[slot] === NO_EVENT) {
        this.freeSlots[this.freeTop++] = slot;
        continue;
      }
      times[kept] = times[i];
      slots[kept] = slot;
      kept++;
    }
    this.size = kept;
    this.cancelledInHeap = 0;
    for (let i = (kept >> 1) - 1; i >= 0; i--) this.siftDown(i, times[i], slots[i]);
  }
}
