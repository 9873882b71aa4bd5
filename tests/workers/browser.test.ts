// The pool in a real browser: vite bundles the module workers of a small page
// (fixtures/browser-page), which Chromium runs; same summaries, progress and cancel as in Node.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { PoolCheck } from './fixtures/browser-page/main.ts';
import { runReplications } from '../../sim/run-replications.ts';
import { scenario } from './helpers.ts';

/** Chromium to drive (CHROMIUM overrides); .ci/run installs Debian's. Missing = failure. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

describe('the pool in Chromium', () => {
  let outDir = '';
  let server: Server;
  let check: PoolCheck;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    outDir = mkdtempSync(join(tmpdir(), 'doorstroom-pool-page-'));
    await build({
      configFile: false,
      logLevel: 'warn',
      root: fileURLToPath(new URL('./fixtures/browser-page/', import.meta.url)),
      worker: { format: 'es' },
      build: { outDir, emptyOutDir: true },
    });
    server = createServer((req, res) => {
      const file = join(outDir, req.url === '/' ? 'index.html' : (req.url ?? '').split('?')[0]);
      if (!file.startsWith(outDir) || !existsSync(file)) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
      await page.waitForFunction(
        () => (window as unknown as { poolCheck?: PoolCheck }).poolCheck?.done,
        null,
        {
          timeout: 120_000,
        },
      );
      check = await page.evaluate(() => (window as unknown as { poolCheck: PoolCheck }).poolCheck);
    } finally {
      await browser.close();
    }
  }, 180_000);

  afterAll(() => {
    server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('runs without error', () => {
    expect(check.error).toBeUndefined();
  });

  test('gives byte-identical summaries for 1 and 2 workers, and again after a cancel', () => {
    expect(check.json.two).toBe(check.json.one);
    expect(check.json.afterCancel).toBe(check.json.one);
  });

  test('follows the same sample paths as Node (events and flows; floats may differ in the last bit)', () => {
    const node = runReplications(scenario, { replications: 8 });
    expect(check.events).toBe(node.meta.events);
    expect(check.flow).toEqual(node.flow.mean);
  });

  test('reports progress monotonically up to the total', () => {
    expect(check.progress.at(-1)).toBe(8);
    expect(check.progress.every((d, i) => i === 0 || d > check.progress[i - 1])).toBe(true);
  });

  test('cancel rejects the run with "cancelled" within 200 ms, and keeps the Web Workers', () => {
    expect(check.cancel).toMatchObject({ isCancelledError: true, message: 'cancelled' });
    expect(check.cancel.ms).toBeLessThan(200);
    expect(check.sameWorkers).toBe(true);
  });
});
