// The layering guard of `npm test` can fail: the lint rule refuses an import from a tier above
// (sim/ ← workers/ ← web/; cli/ and bench/ on top) and allows the imports downwards.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The lint messages of the layering rule for `code` placed at `filePath`. */
async function layeringProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the import layering', () => {
  it.each([
    ['sim/model/x.ts', "import { pool } from '../../workers/pool.ts';", 'workers'],
    ['sim/x.ts', "import { t } from '../web/i18n/index.ts';", 'web'],
    ['sim/results/x.ts', "import { main } from '../../cli/main.ts';", 'cli'],
    ['workers/x.ts', "import { t } from '../web/i18n/index.ts';", 'web'],
    ['workers/x.ts', "import { main } from '../cli/main.ts';", 'cli'],
    ['web/x.ts', "import { bench } from '../bench/bench.ts';", 'bench'],
  ])('refuses an import upwards in %s: %s', async (file, code, tier) => {
    const problems = await layeringProblems(file, `${code}\nvoid 0;\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${tier}/`);
  });

  it.each([
    ['workers/x.ts', "import { stream } from '../sim/random/streams.ts';"],
    ['web/x.ts', "import { pool } from '../workers/pool.ts';"],
    ['cli/x.ts', "import { t } from '../web/i18n/index.ts';"],
    ['sim/model/x.ts', "import { stream } from '../random/streams.ts';"],
  ])('allows an import downwards or within a tier in %s', async (file, code) => {
    expect(await layeringProblems(file, `${code}\nvoid 0;\n`)).toEqual([]);
  });
});
