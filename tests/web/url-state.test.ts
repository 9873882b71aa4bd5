// The link format: a scenario survives the trip through the URL hash unchanged, links carry
// seed, replications, input uncertainty and language, and damaged or foreign links give a
// reason, never a throw.
import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import {
  LinkRefused,
  MAX_LINK_CHARS,
  MAX_URL_JSON_BYTES,
  URL_VERSION,
  compressJson,
  decodeHash,
  decompressJson,
  encodeHash,
  hasInlineScenario,
  linkLang,
  linkTooLong,
} from '../../web/scenario/url-state.ts';
import type { Refusal } from '../../web/scenario/refusal.ts';
import { defaultScenarioInput } from '../helpers/scenarios.ts';

/** `text` packed as a link packs it, but without checking that it is JSON. */
function compressedText(text: string): string {
  return `v1.${deflateRawSync(Buffer.from(text)).toString('base64url')}`;
}

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

  it('refuses a damaged or cut-off link, a newer format, and bad run settings, each with its kind', async () => {
    const good = await compressJson({ a: 1 });
    const big = await compressJson(defaultScenarioInput());
    const cases: [string, Refusal][] = [
      [`#s=v2.${good.slice(3)}`, { kind: 'linkNewer', version: 'v2' }],
      [`#s=v10.${good.slice(3)}`, { kind: 'linkNewer', version: 'v10' }],
      [`#s=v0.${good.slice(3)}`, { kind: 'linkDamaged' }],
      ['#s=v1.not*base64', { kind: 'linkDamaged' }],
      ['#s=v1.AAAAAAAA', { kind: 'linkDamaged' }],
      ['#s=garbage', { kind: 'linkDamaged' }],
      ['#s=', { kind: 'linkDamaged' }],
      // Cut off while copying: at several lengths, none of which can be read.
      ...[0.3, 0.6, 0.95].map((f): [string, Refusal] => [
        `#s=${big.slice(0, Math.floor(big.length * f))}`,
        { kind: 'linkDamaged' },
      ]),
      [`#s=${compressedText('{"schemaVersion": 1, "name": "x"')}`, { kind: 'linkDamaged' }],
      ['#id=x&n=1', { kind: 'linkSetting', setting: 'replications' }],
      ['#id=x&n=abc', { kind: 'linkSetting', setting: 'replications' }],
      ['#id=x&seed=', { kind: 'linkSetting', setting: 'seed' }],
      ['#id=x&iu=1', { kind: 'linkSetting', setting: 'perDraw' }],
      ['#id=x&iu=ten', { kind: 'linkSetting', setting: 'perDraw' }],
    ];
    for (const [hash, refusal] of cases) {
      expect(await decodeHash(hash), hash.slice(0, 40)).toEqual({ ok: false, refusal });
    }
  });

  it('refuses a link that unpacks to more than the limit (no zip bombs)', async () => {
    const big = await compressJson('x'.repeat(MAX_URL_JSON_BYTES + 10));
    expect(big.length).toBeLessThan(MAX_LINK_CHARS);
    await expect(decompressJson(big)).rejects.toThrow(LinkRefused);
    expect(await decodeHash(`#s=${big}`)).toEqual({
      ok: false,
      refusal: { kind: 'linkUnpacksTooLarge', maxBytes: MAX_URL_JSON_BYTES },
    });
  });

  it('refuses a link longer than the limit before decoding anything, naming its length', async () => {
    const hash = `#s=v1.${'A'.repeat(2_000_000)}`;
    expect(linkTooLong(hash)).toEqual({
      kind: 'linkTooLong',
      chars: hash.length,
      maxChars: MAX_LINK_CHARS,
    });
    expect(await decodeHash(hash)).toEqual({ ok: false, refusal: linkTooLong(hash) });
    expect(linkLang(`${hash}&lang=en`)).toBeUndefined();
    expect(
      linkTooLong(await encodeHash({ scenario: { kind: 'inline', data: defaultScenarioInput() } })),
    ).toBeUndefined();
  });

  it('tells links with a scenario of their own from links to the library, and reads the language', () => {
    expect(hasInlineScenario('#s=v1.abc&n=40')).toBe(true);
    expect(hasInlineScenario('#n=40&s=v1.abc')).toBe(true);
    expect(hasInlineScenario('s=v1.abc')).toBe(true);
    expect(hasInlineScenario('#seed=s&n=40')).toBe(false);
    expect(hasInlineScenario('#id=drechtsteden-2024')).toBe(false);
    expect(hasInlineScenario('')).toBe(false);
    expect(linkLang('#id=x&lang=en')).toBe('en');
    expect(linkLang('#id=x&lang=fr')).toBeUndefined();
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
