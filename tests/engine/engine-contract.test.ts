// The Engine contract (sim/engine/engine.ts), checked on every engine kind.
import { describe, it, expect } from 'vitest';
import { createEngine } from '../../sim/engine/create-engine.ts';
import { actionEngine, type ActionEngine } from '../helpers/action-engine.ts';
import type { EngineKind } from '../../sim/engine/engine.ts';
import { HeapKernel } from '../../sim/engine/heap-kernel.ts';
import { SimjsEngine } from '../../sim/engine/simjs-engine.ts';

const kinds: EngineKind[] = ['fast', 'simjs'];

/** The next double after 5. */
const justAfter5 = 5 + 2 ** -50;

/** An engine and a log of `label@now` entries written by the actions from `note`. */
function logged(kind: EngineKind) {
  const engine = actionEngine(kind);
  const log: string[] = [];
  const note = (label: string) => () => {
    log.push(`${label}@${engine.now}`);
  };
  return { engine, log, note };
}

describe('createEngine', () => {
  it('makes the heap kernel for fast, and the simjs engine for simjs', () => {
    const handler = () => {};
    expect(createEngine('fast', handler)).toBeInstanceOf(HeapKernel);
    expect(createEngine('simjs', handler)).toBeInstanceOf(SimjsEngine);
  });

  it('throws a RangeError for an unknown kind', () => {
    expect(() => createEngine('slow' as EngineKind, () => {})).toThrow(RangeError);
  });
});

describe.each(kinds)('the %s engine', (kind) => {
  it('starts at time 0 with no events processed', () => {
    const engine = actionEngine(kind);
    expect(engine.now).toBe(0);
    expect(engine.eventsProcessed).toBe(0);
  });

  it('runs events in time order, and events at the same time in scheduling order', () => {
    const { engine, log, note } = logged(kind);
    engine.at(2, note('a'));
    engine.at(1, note('b'));
    engine.after(1, note('c'));
    engine.at(0.5, note('d'));
    engine.at(1, note('e'));
    engine.at(2, note('f'));
    engine.after(1, note('g'));
    engine.run(10);
    expect(log).toEqual(['d@0.5', 'b@1', 'c@1', 'e@1', 'g@1', 'a@2', 'f@2']);
  });

  it('runs a thousand events at one time in the order they were scheduled', () => {
    const engine = actionEngine(kind);
    const fired: number[] = [];
    for (let i = 0; i < 1000; i++) {
      engine.at(i % 3 === 0 ? 3 : 1 + (i % 7), () => fired.push(i));
    }
    engine.run(10);
    const atThree = fired.filter((i) => i % 3 === 0);
    expect(atThree).toEqual([...atThree].sort((a, b) => a - b));
    expect(fired).toHaveLength(1000);
  });

  it('sets now to until after a run, whether or not events ran', () => {
    const engine = actionEngine(kind);
    engine.run(3.5);
    expect(engine.now).toBe(3.5);
    engine.at(4, () => {});
    engine.run(7);
    expect(engine.now).toBe(7);
    engine.run(7);
    expect(engine.now).toBe(7);
  });

  it('runs events that actions schedule at the current time within the same run', () => {
    const { engine, log, note } = logged(kind);
    engine.at(1, () => {
      log.push(`first@${engine.now}`);
      engine.at(engine.now, note('at-now'));
      engine.after(0, note('after-0'));
    });
    engine.at(1, note('second'));
    engine.at(2, note('later'));
    engine.run(1);
    expect(log).toEqual(['first@1', 'second@1', 'at-now@1', 'after-0@1']);
    expect(engine.eventsProcessed).toBe(4);
  });

  it('hands the handler the kind and subject of each event, never of a cancelled one', () => {
    const seen: string[] = [];
    const engine = createEngine(kind, (k, subject) => seen.push(`${k}:${subject}@${engine.now}`));
    engine.at(2, 1, 20);
    engine.after(1, 0, 10);
    const cancelled = engine.at(1.5, 2, 99);
    engine.at(2, 3, 0);
    engine.cancel(cancelled);
    engine.run(5);
    expect(seen).toEqual(['0:10@1', '1:20@2', '3:0@2']);
  });

  describe('run in steps', () => {
    /** Events at the boundary 5, just after it, and some scheduled from actions. */
    function schedule(engine: ActionEngine, log: string[]) {
      const note = (label: string) => () => {
        log.push(`${label}@${engine.now}`);
      };
      engine.at(0, note('zero'));
      engine.at(2.5, note('a'));
      engine.at(5, note('five-1'));
      engine.at(justAfter5, note('just-after-5'));
      engine.at(5, note('five-2'));
      engine.at(4, () => {
        log.push(`four@${engine.now}`);
        engine.at(5, note('five-from-4'));
        engine.after(1 + 2 ** -50, note('just-after-5-from-4')); // 4 + (1 + 2^-50) = justAfter5
        engine.after(3, note('seven-from-4'));
      });
      engine.at(5, () => {
        log.push(`five-3@${engine.now}`);
        engine.after(0, note('five-from-5'));
        engine.at(10, note('ten-from-5'));
      });
      engine.at(10, note('ten'));
      engine.at(10.5, note('ten-and-a-half'));
    }

    it('gives the same log run to 5 then to 10 as run to 10 at once', () => {
      const once = logged(kind);
      schedule(once.engine, once.log);
      once.engine.run(10);

      const stepped = logged(kind);
      schedule(stepped.engine, stepped.log);
      stepped.engine.run(5);
      stepped.engine.run(10);

      expect(stepped.log).toEqual(once.log);
      expect(stepped.engine.eventsProcessed).toBe(once.engine.eventsProcessed);
      expect(once.log).toHaveLength(13);
      expect(once.log.at(-1)).toBe('ten-from-5@10');
    });

    it('runs events exactly at until, and keeps those just after it for the next run', () => {
      const { engine, log } = logged(kind);
      schedule(engine, log);
      engine.run(5);
      expect(log.slice(-5)).toEqual([
        'five-1@5',
        'five-2@5',
        'five-3@5',
        'five-from-4@5',
        'five-from-5@5',
      ]);
      expect(engine.now).toBe(5);
      engine.run(justAfter5);
      expect(log.slice(-2)).toEqual([
        `just-after-5@${justAfter5}`,
        `just-after-5-from-4@${justAfter5}`,
      ]);
      expect(engine.now).toBe(justAfter5);
    });

    it('loses nothing when run in many small steps', () => {
      const once = logged(kind);
      schedule(once.engine, once.log);
      once.engine.run(11);

      const stepped = logged(kind);
      schedule(stepped.engine, stepped.log);
      for (let t = 0; t <= 11; t += 0.25) stepped.engine.run(t);
      stepped.engine.run(11);
      expect(stepped.log).toEqual(once.log);
      expect(once.log).toHaveLength(14);
    });
  });

  describe('cancel', () => {
    it('keeps a cancelled event from running and from being counted', () => {
      const { engine, log, note } = logged(kind);
      engine.at(1, note('a'));
      const b = engine.at(2, note('b'));
      engine.at(3, note('c'));
      expect(engine.cancel(b)).toBe(true);
      engine.run(5);
      expect(log).toEqual(['a@1', 'c@3']);
      expect(engine.eventsProcessed).toBe(2);
    });

    it('returns false for an event that was already cancelled or already ran', () => {
      const engine = actionEngine(kind);
      const a = engine.at(1, () => {});
      const b = engine.at(2, () => {});
      expect(engine.cancel(b)).toBe(true);
      expect(engine.cancel(b)).toBe(false);
      engine.run(5);
      expect(engine.cancel(a)).toBe(false);
      expect(engine.cancel(b)).toBe(false);
    });

    it('returns false for handles it never gave out', () => {
      const engine = actionEngine(kind);
      engine.at(1, () => {});
      for (const handle of [-1, 0.5, NaN, Infinity, 2 ** 53, 123_456_789]) {
        expect(engine.cancel(handle)).toBe(false);
      }
      engine.run(1);
      expect(engine.eventsProcessed).toBe(1);
    });

    it('lets an action cancel a later event, also one at its own time', () => {
      const { engine, log, note } = logged(kind);
      const handles: number[] = [];
      engine.at(1, () => {
        log.push(`canceller@${engine.now}`);
        expect(engine.cancel(handles[0])).toBe(true);
        expect(engine.cancel(handles[1])).toBe(true);
      });
      handles.push(engine.at(1, note('same-time')));
      handles.push(engine.at(2, note('later')));
      engine.at(2, note('kept'));
      engine.run(5);
      expect(log).toEqual(['canceller@1', 'kept@2']);
      expect(engine.eventsProcessed).toBe(2);
    });

    it('returns false when an action cancels its own event', () => {
      const engine = actionEngine(kind);
      let result: boolean | undefined;
      const self = engine.at(1, () => {
        result = engine.cancel(self);
      });
      engine.run(1);
      expect(result).toBe(false);
      expect(engine.eventsProcessed).toBe(1);
    });
  });

  describe('errors', () => {
    it('throws a RangeError when scheduling before now or at a non-finite time', () => {
      const engine = actionEngine(kind);
      engine.run(5);
      for (const time of [4, 5 - 2 ** -50, -1, NaN, Infinity, -Infinity]) {
        expect(() => engine.at(time, () => {})).toThrow(RangeError);
      }
      expect(() => engine.at(5, () => {})).not.toThrow();
    });

    it('throws a RangeError for a negative or non-finite delay', () => {
      const engine = actionEngine(kind);
      for (const delay of [-1, -(2 ** -1074), NaN, Infinity, Number.MAX_VALUE * 2]) {
        expect(() => engine.after(delay, () => {})).toThrow(RangeError);
      }
      engine.run(Number.MAX_VALUE / 2);
      expect(() => engine.after(Number.MAX_VALUE, () => {})).toThrow(RangeError); // overflows
      expect(() => engine.after(0, () => {})).not.toThrow();
    });

    it('throws a RangeError when running to before now or to a non-finite time', () => {
      const engine = actionEngine(kind);
      engine.run(5);
      for (const until of [4, NaN, Infinity]) {
        expect(() => engine.run(until)).toThrow(RangeError);
      }
      expect(engine.now).toBe(5);
    });

    it('schedules nothing when it throws', () => {
      const engine = actionEngine(kind);
      expect(() => engine.at(NaN, () => {})).toThrow(RangeError);
      expect(() => engine.after(-1, () => {})).toThrow(RangeError);
      engine.run(10);
      expect(engine.eventsProcessed).toBe(0);
    });

    it('throws when run is called from inside an event', () => {
      const engine = actionEngine(kind);
      engine.at(1, () => engine.run(2));
      expect(() => engine.run(3)).toThrow(/inside an event/);
    });

    it('rejects a kind or subject that is not an integer in [0, 2^31)', () => {
      const engine = createEngine(kind, () => {});
      for (const bad of [-1, 0.5, NaN, 2 ** 31, Infinity]) {
        expect(() => engine.at(1, bad, 0)).toThrow(/event kind/);
        expect(() => engine.after(1, 0, bad)).toThrow(/event subject/);
      }
      expect(engine.pending).toBe(0);
    });

    it('hands each event its kind and subject', () => {
      const seen: number[] = [];
      const engine = createEngine(kind, (k, s) => seen.push(k, s, engine.now));
      engine.at(2, 7, 2 ** 31 - 1);
      engine.after(1, 0, 3);
      engine.run(5);
      expect(seen).toEqual([0, 3, 1, 7, 2 ** 31 - 1, 2]);
    });

    it('passes on an error thrown by an action, and resumes after it', () => {
      const { engine, log, note } = logged(kind);
      engine.at(1, () => {
        throw new Error('boom');
      });
      engine.at(1, note('same-time'));
      engine.at(2, note('later'));
      expect(() => engine.run(5)).toThrow('boom');
      expect(engine.now).toBe(1);
      expect(engine.eventsProcessed).toBe(1);
      engine.run(5);
      expect(log).toEqual(['same-time@1', 'later@2']);
      expect(engine.now).toBe(5);
    });
  });

  it('turns a time of -0 into 0', () => {
    const engine = actionEngine(kind);
    let seen = NaN;
    engine.at(-0, () => {
      seen = engine.now;
    });
    engine.run(0);
    expect(Object.is(seen, 0)).toBe(true);
  });
});
