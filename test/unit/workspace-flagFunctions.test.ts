// The index and Vercel Flags' flag functions: the calls (`await showBanner()`, no key at the call, no flag-call name
// in the file) are references of the declaration's flag, after a full index and as open documents change.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { toPosixPath } from '../../server/src/workspace/files';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const roots: string[] = [];
after(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-flag-functions-'))));
  roots.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

async function indexed(root: string): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1024 * 1024, log: () => undefined });
  await index.indexAll();
  return index;
}

const FLAGS = `import { flag } from 'flags/next';\nexport const showBanner = flag({ key: 'show-banner', decide: () => false });\n`;

/** `file:line-text` of each reference of a key, the line as written. */
function referencesOf(index: WorkspaceIndex, root: string, key: string): string[] {
  return index.references(key).map(({ file, check }) => {
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    return `${path.posix.relative(root, file)}:${text.slice(check.callSpan.start, check.callSpan.end)}`;
  });
}

describe('the index and flag functions (Vercel Flags)', () => {
  it('gives the calls in other files, through a barrel, as references of the flag', async () => {
    const root = workspace({
      'src/flags.ts': FLAGS,
      'src/lib/index.ts': `export * from '../flags';\n`,
      'src/app/page.ts': `import { showBanner } from '../flags';\nexport async function Page() {\n  return (await showBanner()) ? 'a' : 'b';\n}\n`,
      'src/app/header.ts': `import { showBanner } from '../lib';\nexport const pending = showBanner();\n`,
      'src/app/unrelated.ts': `export function render() {\n  return 1;\n}\n`,
    });
    const index = await indexed(root);
    assert.deepEqual(referencesOf(index, root, 'show-banner'), [
      'src/app/header.ts:showBanner()',
      'src/app/page.ts:showBanner()',
      "src/flags.ts:flag({ key: 'show-banner', decide: () => false })",
    ]);
    assert.deepEqual(index.usage('show-banner'), { references: 3, files: 3 });
  });

  it('scans no file again in a folder without flag functions', async () => {
    const root = workspace({ 'src/a.ts': `import { OpenFeature } from '@openfeature/server-sdk';\nexport const on = OpenFeature.getClient().getBooleanValue('a', false);\n` });
    const index = await indexed(root);
    assert.equal(index.patterns.flagFunctionNames, undefined);
  });

  it('follows open documents: a new call, and a flag function declared after its call was written', async () => {
    const root = workspace({
      'src/flags.ts': FLAGS,
      'src/app/page.ts': `export const nothing = 1;\n`,
      'src/app/later.ts': `import { showSale } from '../flags';\nexport const sale = await showSale();\n`,
    });
    const index = await indexed(root);
    assert.deepEqual(index.checksIn(`${root}/src/app/later.ts`), []);
    index.setFileText(`${root}/src/app/page.ts`, `import { showBanner } from '../flags';\nexport const on = await showBanner();\n`);
    assert.deepEqual(index.checksIn(`${root}/src/app/page.ts`).map((check) => [check.key, check.resolved, check.returns?.kind]), [['show-banner', true, 'value']]);
    index.setFileText(`${root}/src/flags.ts`, FLAGS + `export const showSale = flag({ key: 'summer-sale', decide: () => false });\n`);
    assert.deepEqual(index.checksIn(`${root}/src/app/later.ts`).map((check) => check.key), ['summer-sale']);
    // The open document keeps its text: it is not read again from the disk.
    assert.deepEqual(index.checksIn(`${root}/src/app/page.ts`).map((check) => check.key), ['show-banner']);
  });
});
