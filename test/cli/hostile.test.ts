// Workspaces that try to break FlagLens: one file nested deeper than a recursive walk can hold must not
// stop the scan of the others, nor the clean-up of the others.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planClean } from '../../server/src/cli/clean';
import { scanFolder } from '../../server/src/cli/scan';

const TERMS = 20_000;
const DEPTH = 5_000;

describe('a source file nested deeper than the call stack', () => {
  let root: string;
  const logged: string[] = [];
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-hostile-')));
    fs.mkdirSync(path.join(root, 'src'));
    const sum = Array.from({ length: TERMS }, (_, index) => `a${index}`).join(' + ');
    fs.writeFileSync(path.join(root, 'src', 'parens.ts'), `export const x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n`);
    fs.writeFileSync(path.join(root, 'src', 'client.ts'), "import { OpenFeature } from '@openfeature/server-sdk';\nexport const client = OpenFeature.getClient();\n");
    fs.writeFileSync(path.join(root, 'src', 'sum.ts'), `import { client } from './client';\nexport const on = client.getBooleanValue('deep-flag', false) && ${sum};\n`);
    fs.writeFileSync(path.join(root, 'src', 'app.ts'), "import { client } from './client';\nexport function f(): string {\n  if (client.getBooleanValue('deep-flag', false)) {\n    return 'new';\n  }\n  return 'old';\n}\n");
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is scanned with the others: the scan completes and finds every check', async () => {
    const report = await scanFolder(root, { log: (message) => logged.push(message) });
    assert.deepEqual(report.checks.map((located) => `${located.file} ${located.check.key}`).sort(), ['src/app.ts deep-flag', 'src/sum.ts deep-flag']);
    assert.equal(report.filesScanned, 4);
  });

  it('does not stop the clean-up of the other files; it is left as it was, with why', async () => {
    const result = await planClean({ key: 'deep-flag', directory: root, dryRun: true, value: { value: true } }, (message) => logged.push(message));
    const byFile = new Map(result.removal.files.map((file) => [path.basename(file.fileName), file]));
    assert.equal(byFile.get('app.ts')?.text, "export function f(): string {\n  return 'new';\n}\n");
    const deep = byFile.get('sum.ts');
    assert.equal(deep?.edits.length, 0);
    assert.match(deep?.problems[0]?.message ?? '', /could not be removed from this file \(Maximum call stack size exceeded\); it is left unchanged/);
  });
});
