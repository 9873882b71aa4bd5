// End-to-end, in Chromium: links and files that cannot be opened. Each is answered with a plain
// Dutch message (English after the switch), never a JSON path or raw data, and the scenario on
// screen stays as it was; a bad first link loads the default scenario and runs it. Checking a
// scenario with 1,000 ranges happens off the page's thread: no long task while it is checked.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { compressJson } from '../../web/scenario/url-state.ts';
import { finalVerdict, longTasks, startApp, type App } from './harness.ts';

type Json = Record<string, unknown>;

let app: App;

beforeAll(async () => {
  app = await startApp();
}, 240_000);

afterAll(async () => {
  await app?.close();
});

const scenarioText = readFileSync('scenarios/drechtsteden-2024.json', 'utf8');
const scenario = (): Json => JSON.parse(scenarioText) as Json;

/** The default scenario with `n` valid ranges (cycling over three of its numbers). */
function withRanges(n: number): Json {
  const base = scenario() as {
    housing: { waitElsewhereShare: number };
    relapse: { afterDays: { mean: number } };
  };
  const numbers: [string, number][] = [
    ['housing.waitElsewhereShare', base.housing.waitElsewhereShare],
    ['relapse.afterDays.mean', base.relapse.afterDays.mean],
    ['goal.homeDays', 91],
  ];
  const uncertain = Array.from({ length: n }, (_, i) => {
    const [path, v] = numbers[i % numbers.length];
    const spread = 0.05 + (0.1 * i) / n;
    return {
      path,
      label: `Bandbreedte ${i + 1}`,
      low: v * (1 - spread),
      high: v * (1 + spread),
      note: { assumption: 'test' },
    };
  });
  return { ...base, name: 'Duizend bandbreedtes', uncertain };
}

const nameField = (page: Page) => page.locator('[data-path="name"] input');
const unitsField = (page: Page) =>
  page.locator('input[data-path="housing.contingents[0].unitsPerYear.2024"]');
const finals = (page: Page) => page.locator('#verdict').getAttribute('data-finals');

/** Closes every notice, so the next test sees only its own. */
async function dismissNotices(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (let b; (b = document.querySelector<HTMLElement>('#notices .notice button'));) b.click();
  });
}

/** The text of the error notice that appears next (the last one), once it is there. */
async function nextError(page: Page, startsWith: string | RegExp): Promise<string> {
  const notice = page.locator('#notices .notice.error').last();
  await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toMatch(startsWith);
  expect(await notice.getAttribute('role')).toBe('alert');
  return (await notice.textContent()) ?? '';
}

/** What may never be shown to a user: JSON paths, raw JSON, internal ids, stack traces. */
function expectPlainWords(text: string): void {
  expect(text).not.toMatch(/\w\[\d+\]|[{}]|"\w+":|\bat \w+ \(|Error:|undefined|drechtsteden-2024/);
}

/** The page errors of `page` (collected by the harness) since `from`. */
const newErrors = (from: number) => app.errors.slice(from);

describe('a link that cannot be opened, over an edited scenario', () => {
  let page: Page;
  /** The link of the edited scenario on screen. */
  let good: string;
  let errorsBefore: number;
  let finalsBefore: string | null;

  beforeAll(async () => {
    page = await app.open('#n=40');
    await finalVerdict(page);
    await unitsField(page).fill('600');
    await finalVerdict(page, 2);
    await page.waitForFunction(() => location.hash.startsWith('#s=v1.'));
    good = await page.evaluate(() => location.hash);
    finalsBefore = await finals(page);
  }, 120_000);

  afterAll(async () => {
    await page?.close();
  });

  /** Opens `hash` as a user would (pasted into the address bar) and returns the notice. */
  async function openLink(
    hash: string,
    startsWith = 'Deze link is niet geopend: ',
  ): Promise<string> {
    await dismissNotices(page);
    errorsBefore = app.errors.length;
    await page.evaluate((h) => void (location.hash = h), hash);
    return nextError(page, startsWith);
  }

  /** The edited scenario is still there, with its result, its link and no new run. */
  async function expectKept(): Promise<void> {
    expect(await unitsField(page).inputValue()).toBe('600');
    expect(await page.locator('#verdict').getAttribute('data-state')).toBe('final');
    expect(await finals(page)).toBe(finalsBefore);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(good);
    expect(await page.locator('#verdict').textContent()).not.toContain('wordt berekend');
    expect(newErrors(errorsBefore)).toEqual([]);
  }

  it('a malformed link: damaged, and the scenario stays', async () => {
    const text = await openLink('#s=v1.niet*een*link&n=40');
    expect(text).toContain(
      'Deze link is niet geopend: de link is beschadigd of onvolledig; misschien is hij niet helemaal gekopieerd.',
    );
    expect(text).toContain('Het scenario dat u had, blijft staan; er is niets verloren.');
    expectPlainWords(text);
    await expectKept();
  });

  it('a link cut off while copying: damaged, and the scenario stays', async () => {
    const text = await openLink(good.slice(0, Math.floor(good.length * 0.6)));
    expect(text).toContain('de link is beschadigd of onvolledig');
    expectPlainWords(text);
    await expectKept();
  });

  it('a link from a newer version: says so, and the scenario stays', async () => {
    const newer = await compressJson({ ...scenario(), schemaVersion: 2, newField: true });
    const text = await openLink(`#s=${newer}&n=40`);
    expect(text).toContain(
      'het scenario is gemaakt met een nieuwere versie van Doorstroom (scenarioversie 2); deze versie kan alleen scenarioversie 1 lezen',
    );
    expectPlainWords(text);
    await expectKept();
    const format = await openLink(`#s=v2.${newer.slice(3)}`);
    expect(format).toContain('de link is gemaakt met een nieuwere versie van Doorstroom');
    await expectKept();
  });

  it('a 2 MB link: names its length and the limit, without decoding it', async () => {
    const hash = `#s=v1.${'A'.repeat(2_000_000)}`;
    const text = await openLink(hash);
    expect(text).toContain(
      'de link is 2.000.006 tekens lang, en een link mag hoogstens 1.000.000 tekens hebben',
    );
    await expectKept();
  });

  it('a link whose scenario the validator refuses: its problems in the editor’s words', async () => {
    const broken = scenario() as { facilities: Json[]; uncertain: Json[] };
    broken.facilities[0].capacity = { '2024': -5 };
    // A malformed path once made the validator throw, which left the page without an answer.
    broken.uncertain.push({
      path: 'facilities[0',
      low: 1,
      high: 2,
      label: 'Kapotte verwijzing',
      note: { assumption: 'test' },
    });
    const text = await openLink(`#s=${await compressJson(broken)}&n=40`);
    expect(text).toMatch(
      /^Deze link is niet geopend: het scenario klopt niet op (1 punt|\d+ punten)\./,
    );
    expect(text).toContain(
      `Voorzieningen › “${String(broken.facilities[0].name)}” › Plekken › 2024: mag niet negatief zijn`,
    );
    await expectKept();
  });

  it('in English after the language switch', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.waitForFunction(() => location.hash.includes('lang=en'));
    good = await page.evaluate(() => location.hash);
    const text = await openLink('#s=v1.broken&lang=en', 'This link was not opened: ');
    expect(text).toContain(
      'This link was not opened: the link is damaged or incomplete; perhaps it was not copied in full.',
    );
    expect(text).toContain('The scenario you had stays; nothing is lost.');
    await expectKept();
  });
});

describe('a bad link as the first page', () => {
  it.each([
    ['a damaged link', '#s=v1.AAAAAAAA&n=40', 'de link is beschadigd of onvolledig'],
    ['a scenario that once made the validator throw', null, 'het scenario klopt niet op 1 punt'],
  ])(
    '%s: says why, loads the default scenario and runs it, never stuck waiting',
    async (_what, given, reason) => {
      const range = { path: 'x[1e3]', low: 1, high: 2, label: 'Kapot', note: { assumption: 'x' } };
      const thrower = { ...scenario(), uncertain: [range] };
      const hash = given ?? `#s=${await compressJson(thrower)}&n=40`;
      const before = app.errors.length;
      const page = await app.open(hash);
      const text = await nextError(page, 'Deze link is niet geopend: ');
      expect(text).toContain(reason);
      expect(text).toContain('Daarom is het standaardscenario geladen.');
      await finalVerdict(page);
      expect(await page.locator('#scenario-select').inputValue()).toBe('drechtsteden-2024');
      expect(newErrors(before)).toEqual([]);
      await page.close();
    },
  );
});

describe('a file that cannot be opened, over an imported scenario', () => {
  let page: Page;
  let errorsBefore: number;

  beforeAll(async () => {
    page = await app.open('#n=40');
    await finalVerdict(page);
    await page.setInputFiles('#file-input', {
      name: 'eigen.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({ ...scenario(), name: 'Ingelezen scenario', replications: 40 }),
      ),
    });
    await finalVerdict(page, 2);
    expect(await nameField(page).inputValue()).toBe('Ingelezen scenario');
  }, 120_000);

  afterAll(async () => {
    await page?.close();
  });

  /** Imports a file named `name` with `content` and returns the notice. */
  async function importFile(
    name: string,
    content: Buffer | string,
    startsWith = `Het bestand “${name}” is niet ingelezen: `,
  ): Promise<string> {
    await dismissNotices(page);
    errorsBefore = app.errors.length;
    await page.setInputFiles('#file-input', {
      name,
      mimeType: 'application/json',
      buffer: Buffer.isBuffer(content) ? content : Buffer.from(content),
    });
    return nextError(page, startsWith);
  }

  /** The imported scenario is still there, with its result and no new run. */
  async function expectKept(): Promise<void> {
    expect(await nameField(page).inputValue()).toBe('Ingelezen scenario');
    expect(await page.locator('#verdict').getAttribute('data-state')).toBe('final');
    expect(await finals(page)).toBe('2');
    expect(newErrors(errorsBefore)).toEqual([]);
  }

  it('not JSON: not a scenario file', async () => {
    const text = await importFile('notulen.json', '%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >>');
    expect(text).toContain(
      'het is geen scenariobestand: Doorstroom kan de inhoud niet lezen. Een scenario is een .json-bestand dat u met “Scenario opslaan” maakt.',
    );
    expect(text).toContain('Het vorige scenario blijft staan.');
    expectPlainWords(text);
    await expectKept();
  });

  it('truncated JSON: the file stops halfway', async () => {
    const text = await importFile('half.json', scenarioText.slice(0, scenarioText.length / 2));
    expect(text).toContain('het bestand is onvolledig: het houdt halverwege op');
    expectPlainWords(text);
    await expectKept();
  });

  it('JSON that is not a scenario: other data', async () => {
    for (const content of ['{"rapport": "kwartaal 3", "cijfers": [1, 2, 3]}', '[1, 2, 3]', '42']) {
      const text = await importFile('cijfers.json', content);
      expect(text, content).toContain(
        'er staat geen scenario van Doorstroom in, maar andere gegevens',
      );
      expectPlainWords(text);
      await expectKept();
    }
  });

  it('a huge file: names its size and the limit, without reading it', async () => {
    const text = await importFile('groot.json', Buffer.alloc(6_000_000, 0x20));
    expect(text).toContain(
      'het bestand is 6 MB groot, en een scenariobestand mag hoogstens 5 MB zijn',
    );
    await expectKept();
  });

  it('a newer scenario version, in English after the language switch', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    const text = await importFile(
      'newer.json',
      JSON.stringify({ ...scenario(), schemaVersion: 3 }),
      'The file “newer.json” was not read: ',
    );
    expect(text).toContain(
      'the scenario was made with a newer version of Doorstroom (scenario version 3); this version can only read scenario version 1. The previous scenario stays.',
    );
    await expectKept();
  });
});

describe('a link with 1,000 ranges', () => {
  it('is checked off the page’s thread: no task over 50 ms while it is checked, and the page responds', async () => {
    const page = await app.open('#n=40');
    await finalVerdict(page);
    // Event-loop responsiveness: the longest gap between timer ticks, recorded throughout.
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: { at: number; gap: number }[] };
      w.__gaps = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__gaps.push({ at: now, gap: now - last });
        last = now;
      }, 10);
    });
    const hash = `#s=${await compressJson(withRanges(1000))}&n=40`;
    await page.evaluate((h) => void (location.hash = h), hash);
    await expect
      .poll(() => nameField(page).inputValue(), { timeout: 60_000 })
      .toBe('Duizend bandbreedtes');
    const seen = await page.evaluate(() => {
      const marks = performance.getEntriesByType('mark');
      const last = (name: string) => marks.filter((m) => m.name === name).pop()!.startTime;
      return {
        start: last('doorstroom:check-start'),
        end: last('doorstroom:check-end'),
        gaps: (window as unknown as { __gaps: { at: number; gap: number }[] }).__gaps,
      };
    });
    const during = (t: { start: number; duration: number }) =>
      t.start + t.duration >= seen.start && t.start <= seen.end;
    const tasks = (await longTasks(page)).filter(during);
    const gaps = seen.gaps.filter((g) => g.at >= seen.start && g.at - g.gap <= seen.end);
    console.log(
      `check of 1,000 ranges: ${Math.round(seen.end - seen.start)} ms; long tasks meanwhile: ` +
        `[${tasks.map((t) => Math.round(t.duration)).join(', ')}] ms; longest timer gap ` +
        `${Math.round(Math.max(0, ...gaps.map((g) => g.gap)))} ms`,
    );
    expect(seen.end).toBeGreaterThan(seen.start);
    expect(tasks.filter((t) => t.duration > 50)).toEqual([]);
    // The page kept responding: timers ran all through the check, never 100 ms apart.
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.filter((g) => g.gap > 100)).toEqual([]);
    await page.close();
  });
});
