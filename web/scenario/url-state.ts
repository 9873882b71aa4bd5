// The shareable state in the URL hash: `#s=v1.<deflate-raw, base64url of the scenario JSON>`
// (or `#id=<library scenario>`), plus seed, replications, input uncertainty and language.
// Decoding never trusts the hash: its length is checked before anything is decoded, and it
// gives raw data for the scenario check, or a refusal; decodeHash never throws.
import type { Lang } from '../../sim/results/verdict.ts';
import { REPLICATIONS } from '../../sim/scenario/schema.ts';
import type { Refusal } from './refusal.ts';

/** The version prefix of the compressed scenario in the hash. */
export const URL_VERSION = 'v1';

/** Largest scenario JSON accepted from a URL (bytes, after decompression). */
export const MAX_URL_JSON_BYTES = 2_000_000;

/**
 * Longest hash read at all (characters). The largest scenario the validator accepts (10,000
 * ranges with long labels) packs into about 450,000; Chromium's own URL limit is about 2 MB.
 */
export const MAX_LINK_CHARS = 1_000_000;

/** What a link carries. */
export interface LinkState {
  /** The scenario as written (unvalidated), or the id of a library scenario. */
  scenario: { kind: 'inline'; data: unknown } | { kind: 'library'; id: string } | { kind: 'none' };
  seed?: string;
  replications?: number;
  /** Input uncertainty switched on, with this many replications per parameter draw. */
  perDraw?: number;
  lang?: Lang;
}

export type Decoded = { ok: true; state: LinkState } | { ok: false; refusal: Refusal };

/** A link that cannot be decoded, and why (thrown by {@link decompressJson}). */
export class LinkRefused extends Error {
  override readonly name = 'LinkRefused';
  constructor(readonly refusal: Refusal) {
    super(refusal.kind);
  }
}

/** Whether a hash holds a scenario of its own (`s=`), which must be unpacked and checked. */
export function hasInlineScenario(hash: string): boolean {
  return /(^#?|&)s=/.test(hash);
}

/** The refusal of a hash longer than {@link MAX_LINK_CHARS}, before any decoding. */
export function linkTooLong(hash: string): Refusal | undefined {
  return hash.length > MAX_LINK_CHARS
    ? { kind: 'linkTooLong', chars: hash.length, maxChars: MAX_LINK_CHARS }
    : undefined;
}

/** A count of replications from the URL, or undefined unless it is a whole number in range. */
function replicationCount(text: string): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value >= REPLICATIONS.min && value <= REPLICATIONS.max
    ? value
    : undefined;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new LinkRefused({ kind: 'linkUnpacksTooLarge', maxBytes: limit });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function transform(
  bytes: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
) {
  const source = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  return readAll(source.pipeThrough(stream), limit);
}

/** Compresses a JSON value to `v1.<base64url>`. */
export async function compressJson(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  const packed = await transform(bytes, new CompressionStream('deflate-raw'), Infinity);
  return `${URL_VERSION}.${toBase64Url(packed)}`;
}

/**
 * Reverses {@link compressJson}; throws {@link LinkRefused} on any problem: a newer format
 * (`v2.` and later), text that is not base64url, deflate or UTF-8 JSON (a damaged or cut-off
 * link), or more than {@link MAX_URL_JSON_BYTES} once unpacked.
 */
export async function decompressJson(text: string): Promise<unknown> {
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (version !== URL_VERSION) {
    const newer = /^v(\d+)$/.exec(version);
    throw new LinkRefused(
      newer && Number(newer[1]) > Number(URL_VERSION.slice(1))
        ? { kind: 'linkNewer', version }
        : { kind: 'linkDamaged' },
    );
  }
  const damaged = new LinkRefused({ kind: 'linkDamaged' });
  let packed: Uint8Array;
  try {
    packed = fromBase64Url(text.slice(dot + 1));
  } catch {
    throw damaged;
  }
  let bytes: Uint8Array;
  try {
    bytes = await transform(packed, new DecompressionStream('deflate-raw'), MAX_URL_JSON_BYTES);
  } catch (e) {
    if (e instanceof LinkRefused) throw e;
    throw damaged;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damaged;
  }
}

/** Builds the hash (with its leading '#') for a state. */
export async function encodeHash(state: LinkState): Promise<string> {
  const params = new URLSearchParams();
  if (state.scenario.kind === 'library') params.set('id', state.scenario.id);
  if (state.scenario.kind === 'inline') params.set('s', await compressJson(state.scenario.data));
  if (state.seed !== undefined) params.set('seed', state.seed);
  if (state.replications !== undefined) params.set('n', String(state.replications));
  if (state.perDraw !== undefined) params.set('iu', String(state.perDraw));
  if (state.lang) params.set('lang', state.lang);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** The language a hash asks for, if any (read without decoding anything else). */
export function linkLang(hash: string): Lang | undefined {
  if (linkTooLong(hash)) return undefined;
  const lang = new URLSearchParams(hash.replace(/^#/, '')).get('lang');
  return lang === 'nl' || lang === 'en' ? lang : undefined;
}

/**
 * Reads a hash (with or without its leading '#'). An empty hash gives scenario kind 'none'.
 * Never throws: a hash that cannot be read gives a refusal.
 */
export async function decodeHash(hash: string): Promise<Decoded> {
  const tooLong = linkTooLong(hash);
  if (tooLong) return { ok: false, refusal: tooLong };
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: LinkState = { scenario: { kind: 'none' } };
  const setting = (s: 'seed' | 'replications' | 'perDraw'): Decoded => ({
    ok: false,
    refusal: { kind: 'linkSetting', setting: s },
  });
  // The settings first: they are cheap, and a link wrong in them is refused without unpacking.
  const seed = params.get('seed');
  if (seed !== null) {
    if (seed === '' || seed.length > 200) return setting('seed');
    state.seed = seed;
  }
  const n = params.get('n');
  if (n !== null) {
    const value = replicationCount(n);
    if (value === undefined) return setting('replications');
    state.replications = value;
  }
  const iu = params.get('iu');
  if (iu !== null) {
    const value = replicationCount(iu);
    if (value === undefined) return setting('perDraw');
    state.perDraw = value;
  }
  const lang = params.get('lang');
  if (lang === 'nl' || lang === 'en') state.lang = lang;
  try {
    const s = params.get('s');
    const id = params.get('id');
    if (s !== null) state.scenario = { kind: 'inline', data: await decompressJson(s) };
    else if (id !== null) state.scenario = { kind: 'library', id };
  } catch (e) {
    return {
      ok: false,
      refusal: e instanceof LinkRefused ? e.refusal : { kind: 'linkDamaged' },
    };
  }
  return { ok: true, state };
}
