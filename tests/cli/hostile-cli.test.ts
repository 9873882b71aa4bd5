// The CLI against absurd options and odd files (issue cases): each is a user error with a
// plain message naming the option or file, exit code 2 and no stack trace — never a crash,
// a thousand threads or an allocation the size of the request.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'doorstroom-cli-hostile-'));
const DEFAULT = 'scenarios/drechtsteden-2024.json';

function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function expectUserError(r: ReturnType<typeof sim>, ...texts: string[]) {
  expect(r.code, r.err).toBe(2);
  for (const t of texts) expect(r.err).toContain(t);
  expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function writeScenario(name: string, change: (s: Json) => void): string {
  const s = JSON.parse(readFileSync(DEFAULT, 'utf8'));
  change(s);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('options are checked with the scenario’s own rules', () => {
  it.each([
    ['--replications', '1000000000', 'must be at most 100,000'],
    ['--replications', '100001', 'mag hoogstens 100.000 zijn'],
    ['--replications', '1', 'must be at least 2'],
    ['--replications', '', 'must be a number'],
    ['--workers', '100000', 'must be a whole number from 1 to 64'],
    ['--workers', '0', '--workers'],
    ['--seed', 'a/b', 'must be printable text without "/"'],
  ])('%s %s', (option, value, message) => {
    expectUserError(sim('run', DEFAULT, option, value), option, message);
  });
});

describe('scenario files', () => {
  it('reads a file with a UTF-8 byte-order mark, as the web app does', () => {
    const file = join(dir, 'bom.json');
    writeFileSync(file, '\uFEFF' + readFileSync(DEFAULT, 'utf8'));
    const r = sim('run', file, '--replications', '2', '--workers', '1');
    expect(r.code, r.err).toBe(0);
  });

  it('rejects a field written twice instead of taking the last one', () => {
    const file = join(dir, 'twice.json');
    const text = readFileSync(DEFAULT, 'utf8').replace('"seed":', '"seed": "x", "seed":');
    writeFileSync(file, text);
    expectUserError(sim('run', file), 'the field "seed" is written twice');
  });

  it('refuses a run too large for memory with its size, before it starts', () => {
    const file = writeScenario('huge.json', (s) => {
      s.arrivals[0].ratePerYear = { 2024: 1_000_000 };
    });
    expectUserError(sim('run', file, '--replications', '2'), 'people in one replication');
  });
});
