// The validation worker's API over a MessageChannel, and the page's handle on it: links and
// files come back checked as data, and a check that hangs, throws or loses its worker still
// settles, as a refusal, with a fresh worker for the next one.
import { describe, expect, it } from 'vitest';
import { expose, wrap } from 'comlink';
import { buildLibrary } from '../../web/scenario/catalogue.ts';
import { createValidationApi, type ValidationApi } from '../../web/scenario/validation-api.ts';
import {
  validationService,
  type ValidationWorker,
  type ValidationWorkerFactory,
} from '../../web/scenario/validation-service.ts';
import { encodeHash } from '../../web/scenario/url-state.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

const input = defaultScenarioInput() as unknown as Record<string, unknown>;
const library = buildLibrary({ 'a/drechtsteden-2024.json': input });

/** Workers in this thread: the real API on one end of a MessageChannel, as comlink sees it. */
function channelWorkers() {
  const spawned: { terminated: boolean; die: () => void }[] = [];
  const factory: ValidationWorkerFactory = (onDeath) => {
    const { port1, port2 } = new MessageChannel();
    expose(createValidationApi(), port1);
    const record = { terminated: false, die: onDeath };
    spawned.push(record);
    const worker: ValidationWorker = {
      api: wrap<ValidationApi>(port2),
      terminate: () => {
        record.terminated = true;
        port1.close();
        port2.close();
      },
    };
    return worker;
  };
  return { factory, spawned };
}

/** A worker whose every call never answers. */
const hanging: ValidationWorkerFactory = () => ({
  api: {
    checkDraft: () => new Promise(() => {}),
    checkFile: () => new Promise(() => {}),
    openLink: () => new Promise(() => {}),
  },
  terminate: () => {},
});

describe('the validation worker', () => {
  it('opens a link with a scenario of its own, recognised as the library scenario it is', async () => {
    const { factory, spawned } = channelWorkers();
    const service = validationService(factory);
    const hash = await encodeHash({
      scenario: { kind: 'inline', data: input },
      seed: 'z',
      replications: 50,
      perDraw: 10,
    });
    const out = await service.openLink(hash, library);
    if (!out.ok) throw new Error(out.refusal.kind);
    expect(out.opened.baseId).toBe('drechtsteden-2024');
    expect(out.opened.data.seed).toBe('z');
    expect(out.opened.validation.ok && out.opened.validation.scenario.replications).toBe(50);
    expect(out.perDraw).toBe(10);
    expect(spawned).toHaveLength(1);
    spawned[0].die();
  });

  it('refuses a bad link or file as data, each with its reason', async () => {
    const { factory, spawned } = channelWorkers();
    const service = validationService(factory);
    expect(await service.openLink('#s=v1.AAAA', library)).toEqual({
      ok: false,
      refusal: { kind: 'linkDamaged' },
    });
    const newer = await encodeHash({
      scenario: { kind: 'inline', data: { ...input, schemaVersion: 2 } },
    });
    expect(await service.openLink(newer, library)).toEqual({
      ok: false,
      refusal: { kind: 'newerVersion', version: 2, supported: 1 },
    });
    expect(await service.checkFile('{"schemaVersion": 1, "name": ')).toEqual({
      ok: false,
      refusal: { kind: 'truncated' },
    });
    expect(await service.checkFile('[1, 2, 3]')).toEqual({
      ok: false,
      refusal: { kind: 'notScenario' },
    });
    const file = await service.checkFile(JSON.stringify(input));
    expect(file.ok && file.scenario.id).toBe('drechtsteden-2024');
    const draft = await service.checkDraft({ ...input, endYear: 'soon' });
    expect(!draft.ok && draft.refusal.kind === 'invalid' && draft.refusal.problems[0].where).toBe(
      'endYear',
    );
    expect(spawned).toHaveLength(1);
    spawned[0].die();
  });

  it('gives up a check that takes too long, and checks the next one on a fresh worker', async () => {
    let spawns = 0;
    let terminated = 0;
    const { factory } = channelWorkers();
    const service = validationService((onDeath) => {
      const worker = spawns++ === 0 ? hanging(onDeath) : factory(onDeath);
      return { api: worker.api, terminate: () => (terminated++, worker.terminate()) };
    }, 200);
    const started = Date.now();
    const [first, second] = await Promise.all([service.checkFile('{}'), service.checkDraft(input)]);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Both waited on the hung worker: both are given up, and it is ended.
    for (const out of [first, second]) {
      expect(out).toEqual({
        ok: false,
        refusal: { kind: 'unchecked', cause: 'timeout', seconds: 0.2 },
      });
    }
    expect(terminated).toBe(1);
    const again = await service.checkFile(JSON.stringify(input));
    expect(again.ok).toBe(true);
    expect(spawns).toBe(2);
  });

  it('answers a check whose worker dies, or throws, or cannot start, with a refusal', async () => {
    let kill: () => void = () => {};
    const dying = validationService((onDeath) => {
      kill = onDeath;
      return hanging(onDeath);
    });
    const pending = dying.checkDraft(input);
    kill();
    expect(await pending).toEqual({ ok: false, refusal: { kind: 'unchecked', cause: 'crashed' } });

    const throwing = validationService(() => ({
      api: {
        checkDraft: () => {
          throw new Error('boom');
        },
        checkFile: () => Promise.reject(new Error('boom')),
        openLink: () => Promise.reject(new Error('boom')),
      },
      terminate: () => {},
    }));
    const crashed = { ok: false, refusal: { kind: 'unchecked', cause: 'crashed' } };
    expect(await throwing.checkDraft(input)).toEqual(crashed);
    expect(await throwing.checkFile('{}')).toEqual(crashed);
    expect(await throwing.openLink('#s=x', library)).toEqual(crashed);

    const unstartable = validationService(() => {
      throw new Error('no workers here');
    });
    expect(await unstartable.checkFile('{}')).toEqual(crashed);
  });
});
