// Reading a file for the first index: the text given back (kept for a clean-up or for inference) is the file's
// UTF-8 text, whether its bytes are ASCII or not, and whether or not it may hold a check.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { readAndFilter } from '../../server/src/workspace/readFilter';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-read-'));
after(() => fs.rmSync(temporary, { recursive: true, force: true }));

const ROWS: Array<{ name: string; text: string; kind: 'read' | 'unparsed' }> = [
  { name: 'ASCII, no check', text: `export const total = 1;\n`, kind: 'unparsed' },
  { name: 'not ASCII, no check', text: `// Größe, 价格 ✓\nexport const label = 'café';\n`, kind: 'unparsed' },
  { name: 'ASCII, a check', text: `import { useFlag } from '@unleash/proxy-client-react';\nuseFlag('new-nav');\n`, kind: 'read' },
  { name: 'not ASCII, a check', text: `import { useFlag } from '@unleash/proxy-client-react';\n// naïve\nuseFlag('新しい');\n`, kind: 'read' },
];

describe('the text a read gives back', () => {
  const settings = { patterns: buildPatternSet([]), maxFileSize: 1_000_000, keepTexts: true };
  for (const [index, row] of ROWS.entries()) {
    it(row.name, () => {
      const file = path.join(temporary, `file${index}.ts`);
      fs.writeFileSync(file, row.text);
      const read = readAndFilter(file, settings);
      assert.equal(read.kind, row.kind);
      assert.equal('text' in read ? read.text : undefined, row.text);
    });
  }
});
