// The link format: a scenario survives the trip through the URL hash unchanged, links carry
// seed, replications, input uncertainty and language, and damaged or foreign links give a
// reason, never a throw.
import { describe, expect, it } from 'vitest';
import {
  MAX_URL_JSON_BYTES,
  URL_VERSION,
  compressJson,
  decodeHash,
  decompressJson,
  encodeHash,
} from '../../web/url-state.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

describe('url state', () => {
  it('round-trips a whole scenario through the hash, compressed and versioned', async () => {
    const scenario = defaultScenarioInput();
    const hash = await encodeHash({
      scenario: { kind: 'inline', data: scenario },
      seed: 'abc',
      replications: 250,
      lang: 'en',
    });
    expect(hash.startsWith(`#s=${URL_VERSION}.`)).toBe(true);
    // Compressed: much shorter than the JSON it carries.
    expect(hash.length).toBeLessThan(JSON.stringify(scenario).length / 2);
    expect(hash).toMatch(/^#s=v1\.[A-Za-z0-9_-]+&seed=abc&n=250&lang=en$/);
    const back = await decodeHash(hash);
    expect(back).toEqual({
      ok: true,
      state: {
        scenario: { kind: 'inline', data: scenario },
        seed: 'abc',
        replications: 250,
        lang: 'en',
      },
    });
  });

  it('names a library scenario by id when it is unchanged', async () => {
    const hash = await encodeHash({
      scenario: { kind: 'library', id: 'drechtsteden-2024' },
      replications: 60,
    });
    expect(hash).toBe('#id=drechtsteden-2024&n=60');
    expect(await decodeHash(hash)).toEqual({
      ok: true,
      state: { scenario: { kind: 'library', id: 'drechtsteden-2024' }, replications: 60 },
    });
  });

  it('carries input uncertainty as the futures per parameter draw', async () => {
    const hash = await encodeHash({
      scenario: { kind: 'library', id: 'drechtsteden-2024' },
      replications: 200,
      perDraw: 20,
    });
    expect(hash).toBe('#id=drechtsteden-2024&n=200&iu=20');
    expect(await decodeHash(hash)).toEqual({
      ok: true,
      state: {
        scenario: { kind: 'library', id: 'drechtsteden-2024' },
        replications: 200,
        perDraw: 20,
      },
    });
  });

  it('reads an empty hash as "no scenario"', async () => {
    expect(await decodeHash('')).toEqual({ ok: true, state: { scenario: { kind: 'none' } } });
  });

  it('refuses an unknown version, broken base64, data that is not deflate, and bad numbers', async () => {
    const good = await compressJson({ a: 1 });
    const cases = [
      `#s=v9.${good.slice(3)}`,
      '#s=v1.not*base64',
      '#s=v1.AAAAAAAA',
      '#s=garbage',
      '#id=x&n=1',
      '#id=x&n=abc',
      '#id=x&seed=',
      '#id=x&iu=1',
      '#id=x&iu=ten',
    ];
    for (const hash of cases) {
      const out = await decodeHash(hash);
      expect(out.ok, hash).toBe(false);
      if (!out.ok) expect(out.reason.length).toBeGreaterThan(3);
    }
  });

  it('refuses a link that unpacks to more than the limit (no zip bombs)', async () => {
    const big = await compressJson('x'.repeat(MAX_URL_JSON_BYTES + 10));
    await expect(decompressJson(big)).rejects.toThrow(/larger than/);
  });

  it('hands back what the link holds without judging it: validation is the caller’s', async () => {
    const out = await decodeHash(
      await encodeHash({ scenario: { kind: 'inline', data: { not: 'a scenario' } } }),
    );
    expect(out).toEqual({
      ok: true,
      state: { scenario: { kind: 'inline', data: { not: 'a scenario' } } },
    });
  });
});
