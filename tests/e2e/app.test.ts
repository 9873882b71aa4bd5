// End-to-end: the built app in real Chromium (Debian's, driven by playwright-core), served by
// vite preview on a free localhost port (harness.ts). Checks what a user relies on: a verdict, edits that
// change it, links that reopen the same run, imports that cannot break it, no traffic beyond
// its own origin, no CSP violations, and no long main-thread tasks while 1,000 futures run.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalVerdict, startApp, type App } from './harness.ts';

/** How long a full run of the default scenario (1,000 futures) may take on a slow machine. */
const FULL_RUN_MS = 200_000;

let app: App;

beforeAll(async () => {
  app = await startApp();
}, 240_000);

afterAll(async () => {
  await app?.close();
});

const open = (hash?: string) => app.open(hash);

const percent = (text: string) => Number(text.replace('%', '').replace(',', '.'));

describe('the app in Chromium', () => {
  let shared: { url: string; verdict: Awaited<ReturnType<typeof finalVerdict>> };

  it('loads the default scenario, streams a first impression, then shows the verdict and the charts', async () => {
    const page = await open('#n=60');
    const v = await finalVerdict(page);
    expect(v.headline).toMatch(/^Doel 2030 gehaald in \d+(,\d)?% van de 60 mogelijke toekomsten$/);
    expect(v.shares).toContain('doel 90%');
    const states = await page.evaluate(
      () => (window as unknown as { __states: string[] }).__states,
    );
    expect(states).toContain('preview');
    expect(states[states.length - 1]).toBe('final');
    await page.waitForFunction(() => document.querySelectorAll('#charts svg').length >= 10);
    expect(await page.locator('#scenario-select').inputValue()).toBe('drechtsteden-2024');
    await page.close();
  });

  it('offers the scenarios of scenarios/ and runs the one chosen', async () => {
    const page = await open('#n=40');
    await finalVerdict(page);
    const options = await page
      .locator('#scenario-select option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    const files = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
    expect(options).toHaveLength(files.length);
    const other = options.find((o) => o !== 'drechtsteden-2024')!;
    await page.locator('#scenario-select').selectOption(other);
    // Its file asks for 1,000 futures; 100 are enough here.
    await page.locator('#replications').selectOption('100');
    await finalVerdict(page, 2);
    expect((await finalVerdict(page, 2)).headline).toMatch(/van de 100 mogelijke toekomsten$/);
    expect(await page.locator('#scenario-select').inputValue()).toBe(other);
    // The link holds the scenario itself; opened again it is the same library scenario.
    await page.waitForFunction(() => location.hash.startsWith('#s=v1.'));
    const again = await app.context.newPage();
    await again.goto(page.url());
    await finalVerdict(again);
    expect(await again.locator('#scenario-select').inputValue()).toBe(other);
    await again.close();
    await page.close();
  });

  it('raising a contingent changes the verdict, and the link then holds the changed scenario', async () => {
    const page = await open('#n=60');
    const before = await finalVerdict(page);
    const units = page.locator('input[data-path="housing.contingents[0].unitsPerYear.2024"]');
    await units.fill('600');
    const after = await finalVerdict(page, 2);
    expect(percent(after.rehousing)).toBeGreaterThan(percent(before.rehousing));
    expect(after.shares).not.toBe(before.shares);
    await page.waitForFunction(() => location.hash.startsWith('#s=v1.'));
    shared = { url: page.url(), verdict: after };
    await page.close();
  });

  it('a shared link reopens the same scenario and the same numbers', async () => {
    const page = await app.context.newPage();
    page.on('pageerror', (e) => app.errors.push(`pageerror: ${e.message}`));
    await page.goto(shared.url);
    const v = await finalVerdict(page);
    expect(v).toEqual(shared.verdict);
    expect(
      await page
        .locator('input[data-path="housing.contingents[0].unitsPerYear.2024"]')
        .inputValue(),
    ).toBe('600');
    await page.close();
  });

  it('an invalid imported file shows an error, and the previous scenario stays', async () => {
    const page = await open('#n=40');
    const before = await finalVerdict(page);
    const scenario = JSON.parse(readFileSync('scenarios/drechtsteden-2024.json', 'utf8'));
    const facility = scenario.facilities[0].name;
    scenario.facilities[0].capacity = { '2024': -5 };
    scenario.name = 'Kapot scenario';
    await page.setInputFiles('#file-input', {
      name: 'kapot.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(scenario)),
    });
    const notice = page.locator('.notice.error');
    await expect.poll(() => notice.textContent()).toContain('“kapot.json” is niet ingelezen');
    // Each problem at its place in the editor's words, not as a JSON path.
    expect(await notice.textContent()).toContain(
      `Voorzieningen › “${facility}” › Plekken › 2024: mag niet negatief zijn`,
    );
    expect(await notice.textContent()).not.toContain('facilities[0]');
    await page.setInputFiles('#file-input', {
      name: 'tekst.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ niet json'),
    });
    await expect
      .poll(() => page.locator('.notice.error').last().textContent())
      .toContain('het is geen scenariobestand');
    // Nothing changed: same scenario in the editor, same verdict, no new run.
    expect(await page.locator('[data-path="name"] input').inputValue()).not.toBe('Kapot scenario');
    expect(await page.locator('#verdict').getAttribute('data-finals')).toBe('1');
    expect(await page.locator('#verdict').getAttribute('data-state')).toBe('final');
    const after = await page.evaluate(
      () => document.querySelector('#verdict .headline')?.textContent,
    );
    expect(after).toBe(before.headline);
    await page.close();
  });

  it('marks an invalid edit at its field, and keeps showing the last valid result', async () => {
    const page = await open('#n=40');
    await finalVerdict(page);
    const cap = page.locator('input[data-path="housing.contingents[0].unitsPerYear.2024"]');
    await cap.fill('-10');
    await expect.poll(() => cap.getAttribute('aria-invalid')).toBe('true');
    const errors = page.locator(
      'fieldset[data-path="housing.contingents[0].unitsPerYear"] > .errors',
    );
    expect(await errors.textContent()).toBe('2024: mag niet negatief zijn');
    expect(await page.locator('#problems').textContent()).toContain('1 fout in het scenario');
    await page.waitForTimeout(1000);
    expect(await page.locator('#verdict').getAttribute('data-finals')).toBe('1');
    await page.close();
  });

  it('compares a pinned scenario A with the changed B, paired', async () => {
    const page = await open('#n=40');
    await finalVerdict(page);
    await page.getByRole('button', { name: 'Zet vast als A' }).click();
    await page.locator('input[data-path="housing.contingents[0].unitsPerYear.2024"]').fill('400');
    await finalVerdict(page, 2);
    await page.waitForSelector('#compare[data-state="ready"]', { timeout: 90_000 });
    const row = await page.locator('#compare tr[data-kpi="rehousingShare"]').textContent();
    expect(row).toMatch(/Woning binnen termijn.*\+\d+,\d %-punt/);
    expect(await page.locator('#compare .changes').textContent()).toContain(
      'housing.contingents[0].unitsPerYear.2024',
    );
    await page.close();
  });

  it('switches to English, and offers the results and charts as downloads', async () => {
    const page = await open('#n=40');
    await finalVerdict(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('#verdict .headline').textContent()).toMatch(
      /^Goal 2030 met in \d+(\.\d)?% of the 40 possible futures$/,
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    const svgDownload = page.waitForEvent('download');
    await page.locator('[data-chart="queues"] button', { hasText: 'SVG' }).click();
    const svg = await (await svgDownload).path();
    expect(readFileSync(svg, 'utf8')).toMatch(
      /^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );
    const pngDownload = page.waitForEvent('download');
    await page.locator('[data-chart="flow"] button', { hasText: 'PNG' }).click();
    const png = readFileSync(await (await pngDownload).path());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    await page.locator('#save-menu summary').click();
    const csvDownload = page.waitForEvent('download');
    await page.locator('#export-years').click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('year,figure,of,mean,ci95_low,ci95_high,p5,p50,p95,n');
    await page.close();
  });

  it('stops a run on request', async () => {
    const page = await open('#n=5000');
    await page.waitForSelector('#progress:not([hidden])');
    await page.waitForSelector('#cancel:not([disabled])');
    await page.locator('#cancel').click();
    await expect
      .poll(() => page.locator('#run-status').textContent())
      .toContain('Berekening gestopt');
    expect(await page.locator('#progress').isHidden()).toBe(true);
    await page.close();
  });

  it('answers “Wat is er nodig?” off the page’s thread, with progress, and stops on request', async () => {
    const page = await open('#n=40');
    await finalVerdict(page);
    const panel = page.locator('#sizing');
    // Opened by keyboard, like every control.
    await page.locator('#sizing > summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator('#sizing-precision').inputValue()).toBe('quick');
    await page.locator('#sizing-run').click();
    await page.waitForSelector('#sizing[data-state="done"]', { timeout: 60_000 });
    // The default scenario cannot reach the goal with homes alone: a plain answer either way.
    const answer = (await page.locator('#sizing .sizing-answer').textContent()) ?? '';
    expect(answer).toMatch(
      /^(Met \d[\d.]* woningen per jaar \(alle contingenten samen\) wordt het doel 2030 in minstens 80% van de toekomsten gehaald|Ook met \d[\d.]* woningen per jaar \(alle contingenten samen\) wordt het doel 2030 niet in 80% van de toekomsten gehaald)/,
    );
    expect(await page.locator('#sizing svg path.p-met').count()).toBe(1);
    expect(await page.locator('#sizing svg line.current').count()).toBe(1);
    // A precise search, stopped while it runs: at once, saying so, and the panel can run again.
    await page.locator('#sizing-precision').selectOption('precise');
    await page.locator('#sizing-run').click();
    await page.waitForSelector('#sizing[data-state="running"]');
    await expect
      .poll(() => page.locator('#sizing-progress-text').textContent(), { timeout: 30_000 })
      .toMatch(/van 100 toekomsten$/);
    await page.locator('#sizing-stop').click();
    await page.waitForSelector('#sizing[data-state="cancelled"]', { timeout: 2_000 });
    expect(await page.locator('#sizing .analysis-note').textContent()).toMatch(
      /^Zoeken gestopt na \d+ omvang(en)?;/,
    );
    expect(await page.locator('#sizing-progress').isHidden()).toBe(true);
    await page.locator('#sizing-precision').selectOption('quick');
    await page.locator('#sizing-run').click();
    await page.waitForSelector('#sizing[data-state="done"]', { timeout: 60_000 });
    expect(await page.locator('#sizing .sizing-answer').textContent()).toBe(answer);
    await page.close();
  });

  it('has no serious accessibility problems (axe-core), with the editor and analyses opened up', async () => {
    const page = await open('#n=40');
    await finalVerdict(page);
    await page.evaluate(() =>
      document
        .querySelectorAll('#editor details, details.analysis')
        .forEach((d) => ((d as HTMLDetailsElement).open = true)),
    );
    const axeSource = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (o: unknown) => Promise<{
              violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
            }>;
          };
        }
      ).axe;
      const r = await axe.run({
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        );
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  // A guard against the page freezing, not a speed measurement: the target (no task over 50 ms)
  // and the measured longest tasks are in `npm run bench:browser` (docs/performance.md), where
  // 10 runs on a loaded 2-core machine gave 0–148 ms. Work moved back onto the page's thread
  // (folding or drawing 1,000 futures at once) shows as tasks of several hundred ms.
  it('runs 1,000 futures without a main-thread task over 250 ms, and renews the docs screenshot on request', async () => {
    const page = await open();
    const v = await finalVerdict(page, 1, FULL_RUN_MS);
    expect(v.headline).toMatch(/van de 1\.000 mogelijke toekomsten$/);
    const tasks = await page.evaluate(() => {
      const marks = performance.getEntriesByType('mark');
      const start = marks.find((m) => m.name === 'doorstroom:run-start')!.startTime;
      const ends = marks.filter((m) => m.name === 'doorstroom:run-end');
      const end = ends[ends.length - 1].startTime;
      const all = (window as unknown as { __longTasks: { start: number; duration: number }[] })
        .__longTasks;
      return {
        during: all.filter((t) => t.start + t.duration >= start && t.start <= end + 50),
        start,
        end,
      };
    });
    expect(tasks.end - tasks.start).toBeGreaterThan(0);
    expect(tasks.during.filter((t) => t.duration > 250)).toEqual([]);
    await page.waitForFunction(() => document.querySelectorAll('#charts svg').length >= 10);
    await page.waitForTimeout(500);
    // The screenshot in the README, renewed on request only: a test run leaves the tree as it was.
    if (process.env.UPDATE_SCREENSHOT) {
      mkdirSync('docs', { recursive: true });
      writeFileSync('docs/screenshot.png', await page.screenshot());
    }
    await page.close();
  });

  it('made no request beyond its own origin and caused no CSP violation or page error', async () => {
    expect(app.foreign).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(app.errors).toEqual([]);
    // The policy is in force: an injected inline script does not run, and is reported.
    const page = await open('#n=20');
    await finalVerdict(page);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      return (window as unknown as { __inline?: number }).__inline;
    });
    expect(ran).toBeUndefined();
    await expect.poll(() => app.cspViolations.length).toBe(1);
    expect(app.cspViolations[0]).toMatch(/^script-src(-elem)? inline/);
    await page.close();
    expect(app.foreign).toEqual([]);
  });
});
