// The shareable state in the URL hash: `#s=v1.<deflate-raw, base64url of the scenario JSON>`
// (or `#id=<library scenario>`), plus seed, replications, input uncertainty and language.
// Decoding never trusts the hash: raw data for validateScenario, or an error; never throws.
import type { Lang } from '../sim/results/verdict.ts';
import { REPLICATIONS } from '../sim/scenario/schema.ts';

/** The version prefix of the compressed scenario in the hash. */
export const URL_VERSION = 'v1';

/** Largest scenario JSON accepted from a URL (bytes, after decompression). */
export const MAX_URL_JSON_BYTES = 2_000_000;

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

export type Decoded = { ok: true; state: LinkState } | { ok: false; reason: string };

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
      throw new Error(`larger than ${limit} bytes`);
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

/** Reverses {@link compressJson}; throws with a plain reason on any problem. */
export async function decompressJson(text: string): Promise<unknown> {
  const dot = text.indexOf('.');
  const version = dot < 0 ? '' : text.slice(0, dot);
  if (version !== URL_VERSION)
    throw new Error(`unknown link version "${version || text.slice(0, 8)}"`);
  const packed = fromBase64Url(text.slice(dot + 1));
  let bytes: Uint8Array;
  try {
    bytes = await transform(packed, new DecompressionStream('deflate-raw'), MAX_URL_JSON_BYTES);
  } catch (e) {
    throw new Error(`cannot unpack the scenario (${(e as Error).message})`);
  }
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
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

/** Reads a hash (with or without its leading '#'). An empty hash gives scenario kind 'none'. */
export async function decodeHash(hash: string): Promise<Decoded> {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: LinkState = { scenario: { kind: 'none' } };
  try {
    const s = params.get('s');
    const id = params.get('id');
    if (s !== null) state.scenario = { kind: 'inline', data: await decompressJson(s) };
    else if (id !== null) state.scenario = { kind: 'library', id };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
  const seed = params.get('seed');
  if (seed !== null) {
    if (seed === '' || seed.length > 200) return { ok: false, reason: 'invalid seed' };
    state.seed = seed;
  }
  const n = params.get('n');
  if (n !== null) {
    const value = replicationCount(n);
    if (value === undefined) return { ok: false, reason: `invalid number of replications "${n}"` };
    state.replications = value;
  }
  const iu = params.get('iu');
  if (iu !== null) {
    const value = replicationCount(iu);
    if (value === undefined) return { ok: false, reason: `invalid futures per draw "${iu}"` };
    state.perDraw = value;
  }
  const lang = params.get('lang');
  if (lang === 'nl' || lang === 'en') state.lang = lang;
  return { ok: true, state };
}
