// The optimised index (text prefilter, exports read on demand, reader threads, incremental re-parse of
// open documents, skeleton parses) must find exactly what a plain full parse finds: scanFile on the whole tree of every file.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateWorkspace } from '../../bench/generate';
import { mayHoldChecks } from '../../server/src/analysis/prefilter';
import { resolveChecks } from '../../server/src/analysis/resolve';
import { parseSource, scanDocument, scanFile, type DocumentScan, type FileScan } from '../../server/src/analysis/scan';
import type { FlagCheck } from '../../server/src/analysis/types';
import { loadConfig } from '../../server/src/workspace/config';
import { buildPatternSet, type PatternSet } from '../../server/src/analysis/patterns';
import { toPosixPath } from '../../server/src/workspace/files';
import { listSourceFiles } from '../../server/src/workspace/listing';
import { WorkspaceIndex, type WorkspaceIndexOptions } from '../../server/src/workspace/index';
import { scanPath, scanPaths } from '../../server/src/workspace/scanFiles';

// Shapes the generator does not write: names the prefilter must see through, and some it may reject.
const EXTRA_FILES: Record<string, string> = {
  'src/extra/client.ts': `import { OpenFeature } from '@openfeature/server-sdk';\nexport const client = OpenFeature.getClient();\n`,
  'src/extra/escaped.ts': `import { client } from './client';\nexport const on = client.\\u0067etBooleanValue('escaped-key', false);\n`,
  'src/extra/generic.tsx': `import { useVariant } from '@unleash/proxy-client-react';\nexport function A() { return useVariant<string>('generic-key'); }\n`,
  'src/extra/dollar.ts': `const $ = { isEnabled: (k: string) => k };\nexport const x = $.isEnabled('dollar-key');\n`,
  'src/extra/unicode.ts': `import { unleash } from '../unleash';\nconst ñ = 1; // é\nexport const y = unleash.isEnabled('unicode-key') && ñ;\n`,
  'src/extra/comment-only.ts': `// isEnabled is mentioned here only\nexport const z = 1;\n`,
  'src/extra/part-of-name.ts': `import { client } from './client';\nexport const w = client.getBooleanValueOf('not-a-check');\n`,
  'src/extra/constants.ts': `export const KEY = 'from-constant';\nexport { KEY as RENAMED };\n`,
  'src/extra/uses-constant.ts': `import { RENAMED } from './constants';\nimport { client } from './client';\nexport const v = client.getBooleanValue(RENAMED, false);\n`,
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
  const scans = new Map<string, FileScan>(files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return [file, scanFile(file, text, patterns, parseSource(file, text))];
  }));
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

  it('gives the same outcomes when reader threads read every file as when this thread does', async () => {
    const files = await listSourceFiles(root, options());
    const settings = { patterns, maxFileSize: 1_000_000 };
    const threaded = await scanPaths(files, settings, { filesPerReader: 1, inThisThread: false });
    assert.deepEqual(threaded, files.map((file) => scanPath(file, settings)));
  });

  it('reads in this thread what a reader that fails or exits did not', async () => {
    const files = await listSourceFiles(root, options());
    const settings = { patterns, maxFileSize: 1_000_000 };
    const expected = files.map((file) => scanPath(file, settings));
    // A reader that throws on its first chunk, and one that exits on it: every chunk comes back.
    for (const readerCode of ["require('node:worker_threads').parentPort.on('message', () => { throw new Error('reader failed'); });",
      "require('node:worker_threads').parentPort.on('message', () => process.exit(3));"]) {
      const logged: string[] = [];
      assert.deepEqual(await scanPaths(files, settings, { filesPerReader: 1, inThisThread: false, readerCode, log: (message) => logged.push(message) }), expected);
      assert.match(logged.join('\n'), /an index reader thread stopped \((reader failed|exit code 3)\)/);
    }
  });

  it('gives the same outcomes when reader threads and this thread share the reading', async () => {
    const larger = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-sample-'))));
    try {
      generateWorkspace(larger, 1000, 3, { largeFileBytes: 20_000 });
      const files = await listSourceFiles(larger, options());
      const settings = { patterns, maxFileSize: 1_000_000 };
      const shared = await scanPaths(files, settings, { filesPerReader: 1 });
      assert.deepEqual(shared, files.map((file) => scanPath(file, settings)));
    } finally {
      fs.rmSync(larger, { recursive: true, force: true });
    }
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

// A document with every kind of declaration a check's key can come from, for edits that change what they mean.
// The client's import is the last statement: where the seeded random edits below fell before it was needed.
const DOCUMENT = `import { useFlags } from 'launchdarkly-react-client-sdk';
import { FLAGS as IMPORTED } from './constants';
export const KEY = 'top-key';
const flags = useFlags();
type FlagKey = 'a-key' | 'b-key';
enum Keys { One = 'enum-one', Two = 'enum-two' }
export function check(key: FlagKey) { return client.getBooleanValue(key, false); }
export function A() { const { newCheckout } = useFlags(); return flags.darkMode && newCheckout; }
export const uses = client.getBooleanValue(KEY, false);
export const usesEnum = client.getBooleanValue(Keys.One, false);
export const usesImport = client.getBooleanValue(IMPORTED.X, false);
export class Flags { static readonly NEW = 'class-key'; }
export const viaClass = client.getBooleanValue(Flags.NEW, false);
function later() { return flags.lateFlag; }
const BASE = { SPREAD: 'spread-key' } as const;
const MERGED = { ...BASE, OWN: 'own-key' };
export const viaSpread = client.getBooleanValue(MERGED.SPREAD, false);
const MIRROR = build() as { [Name in FlagKey]: Name };
export const viaMirror = client.getBooleanValue(MIRROR['a-key'], false);
export default KEY;
import { client } from './client';
`;

// Statements typed at the end of a file: checks through the names above it, a bag, a parameter's type,
// a declaration (whose name statements above may resolve), a comment.
const TAIL = [
  "\nclient.getBooleanValue(KEY, false);",
  '\nexport const tail = flags.tailFlag;',
  '\nfunction tailCheck(key: FlagKey) { return client.getBooleanValue(key, false); }',
  "\nconst KEY = 'shadow';",
  '\n// a comment at the end',
  '\nclient.getBooleanValue(Keys.Two, false)',
];

// Characters that break and mend syntax: strings, comments, templates, blocks, statement ends.
const TYPED = [' ', 'x', ';', '\n', '{', '}', "'", '(', ')', '/', '*', '`', '.', ',', '=', 'await '];

/** A small seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('the index after changes, each file resolved before each change', () => {
  // Each change is written to disk (for the full parse) and told to the index the way the server does.
  type Change = { file: string; text: string | undefined; how: 'edit' | 'disk' };
  const changes = (): Change[] => [
    // A constant another file imports: that file's key must follow.
    { file: 'src/extra/constants.ts', text: `export const KEY = 'changed-constant';\nexport { KEY as RENAMED };\n`, how: 'edit' },
    { file: 'src/extra/constants.ts', text: `export const OTHER = 'x';\n`, how: 'disk' },
    // A module the import could not find before.
    { file: 'src/extra/constants.ts', text: undefined, how: 'disk' },
    { file: 'src/extra/constants/index.ts', text: `export const RENAMED = 'from-index';\n`, how: 'disk' },
    { file: 'src/extra/constants/index.ts', text: `export const RENAMED = 'from-index-edited';\n`, how: 'edit' },
  ];

  it('finds what a full parse finds after each change', async () => {
    const originals = new Map<string, string | undefined>();
    const index = await indexed();
    try {
      for (const change of changes()) {
        const file = `${root}/${change.file}`;
        if (!originals.has(file)) originals.set(file, fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined);
        index.allChecks();
        if (change.text === undefined) {
          fs.rmSync(file);
          index.deleteFile(file);
        } else {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          fs.writeFileSync(file, change.text);
          if (change.how === 'edit') index.setFileText(file, change.text);
          else await index.refreshFile(file);
        }
        assert.deepEqual(index.allChecks(), await fullParse(), `after ${change.how} of ${change.file}`);
      }
      const keys = [...index.allChecks().values()].flat().map((check) => check.key);
      assert.ok(keys.includes('from-index-edited'), 'the last change was not seen');
    } finally {
      for (const [file, text] of originals) {
        if (text === undefined) fs.rmSync(file, { force: true });
        else fs.writeFileSync(file, text);
      }
      fs.rmSync(`${root}/src/extra/constants`, { recursive: true, force: true });
    }
  });
});

describe('scanDocument against scanFile', () => {
  // Each edit is applied to the previous text; every other one goes back to the original so that the
  // text does not drift into noise. Semantic edits rename a file-level bag and change a constant's key.
  function check(fileName: string, original: string, edits: number, seed: number): { fast: number } {
    const next = random(seed);
    let document: DocumentScan = scanDocument(fileName, original, patterns);
    let fast = 0;
    for (let edit = 0; edit < edits; edit++) {
      let text = document.text;
      const at = Math.floor(next() * text.length);
      const choice = next();
      if (edit % 2 === 1 && choice < 0.5) text = original;
      else if (choice < 0.1) text = text.replace('const flags = useFlags()', 'const flagz = useFlags()');
      else if (choice < 0.2) text = text.replace("'top-key'", "'top-kez'");
      else if (choice < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
      // Typing at the end of the file, a character or a whole statement at a time.
      else if (choice < 0.55) text += next() < 0.5 ? TYPED[Math.floor(next() * TYPED.length)] : TAIL[Math.floor(next() * TAIL.length)];
      else text = text.slice(0, at) + TYPED[Math.floor(next() * TYPED.length)] + text.slice(at);
      const previous = document;
      document = scanDocument(fileName, text, patterns, previous);
      if (document.tree === previous.tree && document !== previous) fast++;
      const expected = scanFile(fileName, text, patterns);
      const message = `edit ${edit} (seed ${seed}) of ${fileName}`;
      assert.deepEqual(document.scan.checks, expected.checks, message);
      assert.deepEqual(document.scan.importedKeys, expected.importedKeys, message);
      assert.deepEqual(document.scan.importedKeyTypes, expected.importedKeyTypes, message);
      assert.deepEqual(document.scan.exports, expected.exports, message);
      assert.deepEqual(document.scan.starExports, expected.starExports, message);
      assert.deepEqual(document.scan.typeExports, expected.typeExports, message);
    }
    return { fast };
  }

  it('finds what a full scan finds after each of many random edits', () => {
    const { fast } = check(`${root}/src/extra/document.tsx`, DOCUMENT, 600, 11);
    // Most edits stay inside one statement and take the short path: the comparison covers it.
    assert.ok(fast > 150, `only ${fast} of 600 edits re-scanned one statement`);
  });

  it("follows an SDK function's import as it is renamed and back, as a full scan does", () => {
    const fileName = `${root}/src/extra/renamed.tsx`;
    const call = "\nexport const banner = () => useUnleashFlag('renamed-flag');\n";
    const texts = [
      `import { useFlag as useUnleashFlag } from '@unleash/proxy-client-react';${call}`,
      `import { useFlag } from '@unleash/proxy-client-react';${call}`,
      `import { useFlag as useUnleashFlag } from './flags';${call}`,
      `import { useFlag as useUnleashFlag } from '@unleash/proxy-client-react';${call}// edited\n`,
    ];
    let document: DocumentScan | undefined;
    for (const text of texts) {
      document = scanDocument(fileName, text, patterns, document);
      assert.deepEqual(document.scan.checks, scanFile(fileName, text, patterns).checks, text);
    }
    assert.deepEqual(scanDocument(fileName, texts[0], patterns).scan.checks.map((check) => [check.key, check.method]), [['renamed-flag', 'useUnleashFlag']]);
    assert.deepEqual(document?.scan.checks.map((check) => check.key), ['renamed-flag']);
  });

  it('re-parses only the end of the file while a statement is typed there', () => {
    const fileName = `${root}/src/extra/document.tsx`;
    let document = scanDocument(fileName, DOCUMENT, patterns);
    const typed = "\nexport const atTheEnd = client.getBooleanValue('typed-at-the-end', false); // done\n";
    let fast = 0;
    for (let length = 1; length <= typed.length; length++) {
      const text = DOCUMENT + typed.slice(0, length);
      const previous = document;
      document = scanDocument(fileName, text, patterns, previous);
      if (document.tree === previous.tree) fast++;
      assert.deepEqual(document.scan.checks, scanFile(fileName, text, patterns).checks, `after ${length} characters`);
    }
    assert.ok(document.scan.checks.some((check) => check.key === 'typed-at-the-end'));
    // Every keystroke at which the end parses on its own (most of them) takes the short path.
    assert.ok(fast > typed.length / 2, `only ${fast} of ${typed.length} keystrokes re-parsed the end alone`);
  });

  it('finds what a full scan finds after random edits of the large generated file', () => {
    const file = `${root}/src/large/Catalog.tsx`;
    const { fast } = check(file, fs.readFileSync(file, 'utf8'), 150, 5);
    assert.ok(fast > 40, `only ${fast} of 150 edits re-scanned one statement`);
  });
});

describe('the index cache on disk', () => {
  const cacheFile = () => `${root}/.flaglens-cache/index.json`;
  const cached = async (patternSet = patterns, more: Partial<WorkspaceIndexOptions> = {}): Promise<WorkspaceIndex> => {
    const index = new WorkspaceIndex(root, { ...options(), patterns: patternSet, cacheFile: cacheFile(), ...more });
    await index.indexAll();
    return index;
  };
  // The fixture's files were written seconds ago: runs an hour later find them settled, and stamp them.
  const anHourLater = () => Date.now() + 3_600_000;
  type Stored = { entries: Record<string, { hash: string; scan: FileScan; stamp?: string }>; unparsed: string[] };
  const readCache = (): Stored => JSON.parse(fs.readFileSync(cacheFile(), 'utf8')) as Stored;
  const file = () => `${root}/src/extra/uses-constant.ts`;

  after(() => fs.rmSync(`${root}/.flaglens-cache`, { recursive: true, force: true }));

  it('finds what a full parse finds, on the first run and on the next', async () => {
    fs.rmSync(cacheFile(), { force: true });
    assert.deepEqual((await cached()).allChecks(), await fullParse());
    assert.ok(Object.keys(readCache().entries).includes(file()), 'the scan was not kept');
    assert.deepEqual((await cached()).allChecks(), await fullParse());
  });

  it('uses a kept scan while the file is unchanged, and never once it changed', async () => {
    await cached();
    // A kept scan that differs from the file's real one shows whether the index read it.
    const stored = readCache();
    const entry = stored.entries[file()];
    entry.scan = { ...entry.scan, checks: entry.scan.checks.map((check) => ({ ...check, method: 'fromTheCache' })) };
    fs.writeFileSync(cacheFile(), JSON.stringify(stored));
    assert.equal((await cached()).checksIn(file())[0]?.method, 'fromTheCache');

    fs.writeFileSync(cacheFile(), JSON.stringify(stored));
    const original = fs.readFileSync(file(), 'utf8');
    try {
      // Same length, other key: only the content tells them apart.
      fs.writeFileSync(file(), original.replace('client.getBooleanValue(RENAMED', 'client.getBooleanValue(\'abcdefg\''));
      const index = await cached();
      assert.equal(index.checksIn(file())[0]?.key, 'abcdefg');
      assert.deepEqual(index.allChecks(), await fullParse());
    } finally {
      fs.writeFileSync(file(), original);
    }
  });

  it('does not read a file whose stamp is the one it had, and reads one whose stamp changed', async () => {
    fs.rmSync(cacheFile(), { force: true });
    await cached(patterns, { now: anHourLater });
    // A first run keeps no stamps; the next one, which reads every file to compare hashes, does.
    assert.equal(readCache().entries[file()]?.stamp, undefined);
    assert.deepEqual(readCache().unparsed, []);
    await cached(patterns, { now: anHourLater });
    const stored = readCache();
    assert.ok(stored.entries[file()]?.stamp !== undefined, 'a parsed file has no stamp');
    // A flat list: path, stamp, path, stamp…
    assert.ok(stored.unparsed.indexOf(`${root}/src/extra/no-export.ts`) % 2 === 0, 'a file without checks has no stamp');
    assert.deepEqual((await cached(patterns, { now: anHourLater })).allChecks(), await fullParse());

    const original = fs.readFileSync(file(), 'utf8');
    try {
      fs.writeFileSync(file(), original.replace('client.getBooleanValue(RENAMED', 'client.getBooleanValue(\'abcdefg\''));
      assert.equal((await cached(patterns, { now: anHourLater })).checksIn(file())[0]?.key, 'abcdefg');
      // The kept scan under the file's new stamp: the index trusts the stamp and does not read the
      // file, which shows as the old key.
      const tampered = readCache();
      tampered.entries[file()] = { ...stored.entries[file()], stamp: tampered.entries[file()].stamp };
      fs.writeFileSync(cacheFile(), JSON.stringify(tampered));
      assert.equal((await cached(patterns, { now: anHourLater })).checksIn(file())[0]?.key, 'from-constant');
    } finally {
      fs.writeFileSync(file(), original);
    }
  });

  it('gives no stamp to a file changed just before the run, and reads a file now over the size limit', async () => {
    fs.rmSync(cacheFile(), { force: true });
    await cached();
    await cached();
    // Written seconds ago: a second change within the same tick of the clock could keep its stamp.
    assert.equal(readCache().entries[file()]?.stamp, undefined);

    await cached(patterns, { now: anHourLater });
    const size = fs.statSync(file()).size;
    const logs: string[] = [];
    const index = await cached(patterns, { now: anHourLater, maxFileSize: size - 1, log: (message) => logs.push(message) });
    assert.ok(!index.files().includes(file()));
    assert.ok(logs.some((message) => message.startsWith('skipped src/extra/uses-constant.ts: ')), logs.join('\n'));
  });

  it('ignores a cache written for other patterns, and one that cannot be read', async () => {
    await cached(buildPatternSet([{ callee: 'isFeatureOn', keyArg: 0 }]));
    assert.deepEqual((await cached()).allChecks(), await fullParse());
    fs.writeFileSync(cacheFile(), '{"format": 1, "entries": [');
    assert.deepEqual((await cached()).allChecks(), await fullParse());
  });
});
