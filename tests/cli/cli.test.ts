// The CLI as a user runs it: a verdict on stdout, JSON with the documented top level,
// and exit code 2 with every problem listed (no stack trace) for bad input.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'doorstroom-cli-'));

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('doorstroom run', () => {
  it('prints a Dutch verdict and writes the documented JSON', () => {
    const out = join(dir, 'r.json');
    const r = sim(
      'run',
      'scenarios/drechtsteden-2024.json',
      '-n',
      '4',
      '--seed',
      'cli',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Doel 2030 gehaald in \d+% van 4 replicaties; herhuisvest ≤ 91 dagen: /);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(json.goal)).toEqual(
      expect.arrayContaining(['year', 'target', 'pMet', 'triageShare', 'rehousingShare']),
    );
    expect(json.goal.rehousingShare.ci95).toHaveLength(2);
    expect(json.years[0]).toMatchObject({ year: 2024 });
    for (const k of ['arrivals', 'housed', 'turnedAway']) {
      expect(json.years[0][k]).toHaveProperty('mean');
      expect(json.years[0][k]).toHaveProperty('ci95');
    }
    expect(json.years[0].occupancy.nachtopvang).toHaveProperty('mean');
    expect(json.meta).toMatchObject({
      seed: 'cli',
      replications: 4,
      engine: 'fast',
      schemaVersion: 1,
    });
    expect(json.meta.events).toBeGreaterThan(0);
  });

  it('speaks English when asked', () => {
    const r = sim('run', 'scenarios/drechtsteden-2024.json', '-n', '2', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Goal 2030 met in \d+% of 2 replications/);
  });

  it('lists every problem of an invalid scenario and exits with code 2', () => {
    const s = JSON.parse(readFileSync('scenarios/drechtsteden-2024.json', 'utf8'));
    s.facilities[0].capacity = { '2024': -5 };
    s.arrivals[0].ratePerYear = { '2024': 'veel' };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(s));
    const r = sim('run', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'facilities[0].capacity.2024: mag niet negatief zijn / must not be negative',
    );
    expect(r.err).toContain('arrivals[0].ratePerYear.2024: moet een getal zijn / must be a number');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects a file that is not JSON, a missing file and a bad option with code 2', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "schemaVersion": 1,');
    expect(sim('run', file).code).toBe(2);
    expect(sim('run', join(dir, 'missing.json')).code).toBe(2);
    const bad = sim('run', 'scenarios/drechtsteden-2024.json', '--replications', 'veel');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--replications');
    expect(sim('run', 'scenarios/drechtsteden-2024.json', '--engine', 'turbo').code).toBe(2);
  });
});

describe('doorstroom size, compare and sensitivity', () => {
  it('compares a scenario with itself as no difference at all', () => {
    const file = 'scenarios/drechtsteden-2024.json';
    const out = join(dir, 'cmp.json');
    const r = sim('compare', file, file, '-n', '4', '--workers', '2', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('B − A');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    for (const d of json.differences) {
      expect(d.diff, d.kpi).toBe(0);
      expect(d.pBetter, d.kpi).toBe(0.5);
    }
  });

  it('names an unknown contingent and exits with code 2', () => {
    const r = sim('size', 'scenarios/drechtsteden-2024.json', '--contingent', 'nergens');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--contingent');
    expect(r.err).toContain('uitstroom-corporaties');
    expect(sim('size', 'scenarios/drechtsteden-2024.json', '--target', '1.5').code).toBe(2);
  });

  it('says so when a scenario has no uncertain parameters', () => {
    const s = JSON.parse(readFileSync('scenarios/drechtsteden-2024.json', 'utf8'));
    delete s.uncertain;
    const file = join(dir, 'certain.json');
    writeFileSync(file, JSON.stringify(s));
    const r = sim('sensitivity', file, '-n', '2');
    expect(r.code).toBe(2);
    expect(r.err).toContain('uncertain');
  });

  it('sizes a contingent and writes the curve', () => {
    const out = join(dir, 'size.json');
    const r = sim(
      'size',
      'scenarios/wonen-eerst-2030.json',
      '--contingent',
      'all',
      '-n',
      '12',
      '--max-units',
      '400',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/woningen per jaar/);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.curve.length).toBeGreaterThan(2);
    const units = json.curve.map((p: { units: number }) => p.units);
    expect(units).toEqual([...units].sort((a: number, b: number) => a - b));
  }, 120_000);
});
