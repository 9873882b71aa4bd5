/** `npm run format:doc`: rewrites docs/scenario.md from the schema. */
import { writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { FORMAT_DOC, scenarioFormatDoc } from './scenario-format.ts';

const text = await prettier.format(scenarioFormatDoc(), {
  parser: 'markdown',
  proseWrap: 'preserve',
});
writeFileSync(FORMAT_DOC, text);
console.log(`wrote ${FORMAT_DOC}`);
