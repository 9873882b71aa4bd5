// docs/scenario.md is written from the schema; this fails when the schema changed and the
// page was not rewritten (npm run format:doc), so the page never tells users a stale range.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { FORMAT_DOC, scenarioFormatDoc } from '../../cli/scenario-format.ts';

describe('docs/scenario.md', () => {
  it('is the page the schema writes', async () => {
    const page = await prettier.format(scenarioFormatDoc(), {
      parser: 'markdown',
      proseWrap: 'preserve',
    });
    expect(readFileSync(FORMAT_DOC, 'utf8')).toBe(page);
  });

  it('lists every field with its range, e.g. places and arrival rates', () => {
    const page = scenarioFormatDoc();
    expect(page).toMatch(
      /`facilities\[\]\.capacity` \| step function of whole number \| ≥ 0, ≤ 100,000 \|/,
    );
    expect(page).toMatch(
      /`arrivals\[\]\.ratePerYear` \| step function of number \| ≥ 0, ≤ 1,000,000 \|/,
    );
    expect(page).toContain('`"dist": "gamma"`: `mean` (> 0, ≤ 36,500), `cv` (≥ 0, ≤ 10)');
  });
});
