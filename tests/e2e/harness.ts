// The built app in real Chromium for the end-to-end tests: a production build served by vite
// preview on a free localhost port, and Debian's Chromium driven by playwright-core. Every page
// records its long main-thread tasks, the verdict's states, CSP violations, page errors and
// any request beyond the app's own origin.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** A long main-thread task a page saw (PerformanceObserver 'longtask'), in page time (ms). */
export interface LongTask {
  start: number;
  duration: number;
}

/** The app served and a browser on it. */
export interface App {
  context: BrowserContext;
  origin: string;
  /** Every request any page or worker made that did not go to the app's own origin. */
  foreign: string[];
  /** Page errors and console errors of every page. */
  errors: string[];
  /** Content-Security-Policy violations reported by any page. */
  cspViolations: string[];
  /** Opens the app at `hash` in a new page. */
  open(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

/** Builds the app, serves it and starts Chromium on a fresh profile. */
export async function startApp(): Promise<App> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const outDir = mkdtempSync(join(tmpdir(), 'doorstroom-dist-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'doorstroom-chromium-'));
  const configFile = resolve('vite.config.ts');
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port, strictPort: true },
  });
  const origin = `http://127.0.0.1:${port}`;
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1440, height: 1000 },
    locale: 'nl-NL',
    acceptDownloads: true,
  });
  const foreign: string[] = [];
  const errors: string[] = [];
  const cspViolations: string[] = [];
  context.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))
      foreign.push(url);
  });
  // A binding is called through the DevTools protocol, so the page's CSP does not stop it.
  await context.exposeBinding(
    '__reportCsp',
    (_source, text: string) => void cspViolations.push(text),
  );
  await context.addInitScript(() => {
    const w = window as unknown as {
      __longTasks: { start: number; duration: number }[];
      __states: string[];
      __reportCsp(text: string): void;
    };
    w.__longTasks = [];
    w.__states = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // Record every verdict state, to see results stream in (preview, then full).
    const watch = () => {
      const v = document.getElementById('verdict');
      if (!v) return void requestAnimationFrame(watch);
      new MutationObserver(() => {
        const s = v.dataset.state ?? '';
        if (w.__states[w.__states.length - 1] !== s) w.__states.push(s);
      }).observe(v, { attributes: true, attributeFilter: ['data-state'] });
    };
    document.addEventListener('DOMContentLoaded', watch);
  });
  return {
    context,
    origin,
    foreign,
    errors,
    cspViolations,
    async open(hash = '') {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      await page.goto(`${origin}/${hash}`);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(outDir, { recursive: true, force: true });
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Waits for full result number `n` (1 = the first) and returns the verdict's texts. */
export async function finalVerdict(page: Page, n = 1, timeout = 90_000) {
  await page.waitForSelector(`#verdict[data-state="final"][data-finals="${n}"]`, { timeout });
  return page.evaluate(() => {
    const v = document.getElementById('verdict')!;
    const text = (sel: string) => v.querySelector(sel)?.textContent ?? '';
    return {
      headline: text('.headline'),
      triage: text('[data-kpi="triage"] .share-value'),
      rehousing: text('[data-kpi="rehousing"] .share-value'),
      shares: text('.shares'),
      bottleneck: text('.bottleneck'),
      pMet: Number(v.dataset.pmet),
    };
  });
}

/** The long tasks a page has seen so far. */
export function longTasks(page: Page): Promise<LongTask[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: LongTask[] }).__longTasks);
}
