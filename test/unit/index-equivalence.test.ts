// The optimised index (text prefilter, exports read on demand, worker threads, incremental re-parse of
// open documents) must find exactly what a plain full parse finds: scanFile on every file, no shortcuts.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateWorkspace } from '../../bench/generate';
import { mayHoldChecks } from '../../server/src/analysis/prefilter';
import { resolveChecks } from '../../server/src/analysis/resolve';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import type { FlagCheck } from '../../server/src/analysis/types';
import { loadConfig } from '../../server/src/config';
import { buildPatternSet, type PatternSet } from '../../server/src/patterns';
import { listSourceFiles, toPosixPath } from '../../server/src/workspace/files';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { scanPath, scanPaths } from '../../server/src/workspace/scanFiles';

// Shapes the generator does not write: names the prefilter must see through, and some it may reject.
const EXTRA_FILES: Record<string, string> = {
  'src/extra/escaped.ts': `export const on = client.\\u0067etBooleanValue('escaped-key', false);\n`,
  'src/extra/generic.tsx': `export function A() { return useVariant<string>('generic-key'); }\n`,
  'src/extra/dollar.ts': `const $ = { isEnabled: (k: string) => k };\nexport const x = $.isEnabled('dollar-key');\n`,
  'src/extra/unicode.ts': `const ñ = 1; // é\nexport const y = unleash.isEnabled('unicode-key') && ñ;\n`,
  'src/extra/comment-only.ts': `// isEnabled is mentioned here only\nexport const z = 1;\n`,
  'src/extra/part-of-name.ts': `export const w = client.getBooleanValueOf('not-a-check');\n`,
  'src/extra/constants.ts': `export const KEY = 'from-constant';\nexport { KEY as RENAMED };\n`,
  'src/extra/uses-constant.ts': `import { RENAMED } from './constants';\nexport const v = client.getBooleanValue(RENAMED, false);\n`,
  'src/extra/no-export.ts': `const hidden = 'x';\nconsole.log(hidden);\n`,
};

let root: string;
let patterns: PatternSet;

before(() => {
  root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-equivalence-'))));
  generateWorkspace(root, 300, 7, { largeFileBytes: 40_000 });
  for (const [relative, text] of Object.entries(EXTRA_FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
  patterns = buildPatternSet(loadConfig(root).config.patterns);
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

const options = () => ({ patterns, ignore: [], maxFileSize: 1_000_000, log: () => undefined });

/** Every file's checks, keys resolved across files, from a full parse of every file. */
async function fullParse(): Promise<Map<string, FlagCheck[]>> {
  const files = await listSourceFiles(root, options());
  const scans = new Map<string, FileScan>(files.map((file) => [file, scanFile(file, fs.readFileSync(file, 'utf8'), patterns)]));
  const result = new Map<string, FlagCheck[]>();
  for (const file of files) {
    const checks = resolveChecks(scans.get(file)!, (name) => scans.get(name), { fileExists: (name) => scans.has(name) || fs.existsSync(name) });
    if (checks.length > 0) result.set(file, checks);
  }
  return result;
}

async function indexed(): Promise<WorkspaceIndex> {
  const index = new WorkspaceIndex(root, options());
  await index.indexAll();
  return index;
}

describe('the optimised index against a full parse', () => {
  it('finds exactly the same checks, with the same resolved keys, in every file', async () => {
    const expected = await fullParse();
    const index = await indexed();
    assert.deepEqual(index.allChecks(), expected);
    // The comparison means something: the workspace has checks of every kind, keys behind constants included.
    const all = [...expected.values()].flat();
    assert.ok(all.length > 20, `only ${all.length} checks`);
    assert.ok(all.some((check) => check.resolved && !check.keyIsLiteral), 'no key resolved through a constant');
    assert.ok(all.some((check) => check.key === 'from-constant'), 'the re-exported constant was not followed');
  });

  it('gives the same outcomes from worker threads as from this thread', async () => {
    const files = await listSourceFiles(root, options());
    const settings = { patterns, maxFileSize: 1_000_000 };
    const threaded = await scanPaths(files, settings, { filesPerWorker: 1, inThisThread: false });
    assert.deepEqual(threaded, files.map((file) => scanPath(file, settings)));
  });

  it('rejects only files in which a full parse finds no check', async () => {
    const files = await listSourceFiles(root, options());
    let rejected = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      if (mayHoldChecks(text, patterns)) continue;
      rejected++;
      assert.deepEqual(scanFile(file, text, patterns).checks, [], file);
    }
    assert.ok(rejected > files.length / 2, `the prefilter rejected only ${rejected} of ${files.length} files`);
  });

  it('re-scans an open document after each edit exactly as a fresh parse would', async () => {
    // `fresh` parses the edited text from scratch; `index` updates the tree it keeps for the open document.
    const index = await indexed();
    const file = `${root}/src/large/Catalog.tsx`;
    let text = fs.readFileSync(file, 'utf8');
    // Edits that add, break and remove checks, at the start, middle and end of the file.
    const edits: Array<(current: string) => string> = [
      (current) => current.replace(`useFeatureIsOn('`, `useFeatureIsOn('x`),
      (current) => `${current}\nexport const late = client.getBooleanValue('late-key', true);\n`,
      (current) => current.replace(`useFeatureIsOn(`, `useFeatureIsOn((`),
      (current) => `// header\n${current}`,
      (current) => current.replace(`useFeatureIsOn((`, `useFeatureIsOn(`),
      (current) => current.replace(/\nexport const late[^\n]*\n$/, '\n'),
    ];
    index.setFileText(file, text);
    for (const edit of edits) {
      const next = edit(text);
      assert.notEqual(next, text, 'an edit changed nothing');
      text = next;
      index.setFileText(file, text);
      const fresh = new WorkspaceIndex(root, options());
      await fresh.indexAll();
      fresh.setFileText(file, text);
      assert.deepEqual(index.checksIn(file), fresh.checksIn(file));
    }
  });
});

