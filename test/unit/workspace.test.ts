import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { formatBytes } from '../../server/src/io/boundedRead';
import { toPosixPath } from '../../server/src/workspace/files';
import { listSourceFiles } from '../../server/src/workspace/listing';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const MB = 1024 * 1024;
const temporaryRoots: string[] = [];

after(() => {
  for (const root of temporaryRoots) fs.rmSync(root, { recursive: true, force: true });
});

/** A temporary folder holding `files` (path → text or bytes); returns its absolute POSIX path. */
function workspace(files: Record<string, string | Buffer>): string {
  const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-workspace-'))));
  temporaryRoots.push(root);
  for (const [name, content] of Object.entries(files)) write(root, name, content);
  return root;
}

function write(root: string, name: string, content: string | Buffer): void {
  const file = path.join(root, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function newIndex(root: string, options: { ignore?: string[]; maxFileSize?: number } = {}): { index: WorkspaceIndex; logs: string[] } {
  const logs: string[] = [];
  const index = new WorkspaceIndex(root, {
    patterns: buildPatternSet([]),
    ignore: options.ignore ?? [],
    maxFileSize: options.maxFileSize ?? MB,
    log: (message) => logs.push(message),
  });
  return { index, logs };
}

const checkOf = (key: string): string => `import { OpenFeature } from '@openfeature/server-sdk';\nexport const on = OpenFeature.getClient().getBooleanValue('${key}', false);\n`;

/** The keys of a file's checks, in order. */
function keysIn(index: WorkspaceIndex, root: string, file: string): string[] {
  return index.checksIn(`${root}/${file}`).map((check) => (check.resolved ? check.key : `unresolved:${check.key}`));
}

describe('listSourceFiles', () => {
  it('applies a nested .gitignore only below it, and skips dependencies and build output where no .gitignore is', async () => {
    const root = workspace({
      'a/.gitignore': 'x.ts\n',
      'a/x.ts': '',
      'a/y.ts': '',
      'a/deep/x.ts': '',
      'b/x.ts': '',
      'b/node_modules/dep/index.ts': '',
      'b/dist/index.js': '',
    });
    const files = await listSourceFiles(root, { ignore: [], maxFileSize: MB, log: () => undefined });
    assert.deepEqual(files.map((file) => path.posix.relative(root, file)), ['a/y.ts', 'b/x.ts']);
  });

  it('lists source files and skips ignored paths, dependencies and build output', async () => {
    const root = workspace({
      '.gitignore': 'generated/\n*.gen.ts\n!keep.gen.ts\n',
      'src/app.ts': '',
      'src/view.tsx': '',
      'src/legacy.cjs': '',
      'src/types.d.ts': '',
      'src/readme.md': '',
      'src/build.ts': '',
      'src/out.ts': '',
      'src/schema.gen.ts': '',
      'src/keep.gen.ts': '',
      'src/generated/client.ts': '',
      'src/nested/.gitignore': 'secret.ts\n',
      'src/nested/secret.ts': '',
      'src/nested/public.ts': '',
      'src/vendor/lib.js': '',
      'node_modules/pkg/index.js': '',
      'packages/a/node_modules/dep/index.ts': '',
      'dist/bundle.js': '',
      'packages/a/build/index.js': '',
      'packages/build/tsconfig.json': '{}',
      'packages/build/src/core.ts': '',
      'packages/dist/package.json': '{}',
      'packages/dist/index.js': '',
      'out/main.js': '',
      'coverage/lcov.js': '',
      '.next/page.js': '',
      '.git/hooks/pre-commit.js': '',
    });
    const logs: string[] = [];
    const files = await listSourceFiles(root, { ignore: ['src/vendor/'], maxFileSize: MB, log: (message) => logs.push(message) });
    // A package named `build` with its own tsconfig.json is sources; a `dist` with only a package.json is output.
    assert.deepEqual(files.map((file) => path.posix.relative(root, file)), [
      'packages/build/src/core.ts',
      'src/app.ts',
      'src/build.ts',
      'src/keep.gen.ts',
      'src/legacy.cjs',
      'src/nested/public.ts',
      'src/out.ts',
      'src/view.tsx',
    ]);
    assert.ok(files.every((file) => path.posix.isAbsolute(file)));
    assert.deepEqual(logs, []);
  });

  it('lets the event loop run between slices of its walk', async () => {
    const root = workspace({ 'a/x.ts': '', 'a/b/y.ts': '', 'c/z.ts': '' });
    let ranDuringWalk = false;
    setImmediate(() => (ranDuringWalk = true));
    const files = await listSourceFiles(root, { ignore: [], maxFileSize: MB, log: () => undefined, walkSliceMs: 0 });
    assert.equal(files.length, 3);
    assert.ok(ranDuringWalk);
  });

  it('logs a directory it cannot read and lists the rest', async () => {
    const root = workspace({ 'a/x.ts': '', 'b/y.ts': '' });
    // Gone when the walk comes to it, as when a build deletes a folder meanwhile: the first pause of
    // the walk comes before the root is read, the second after it, before any directory in it.
    setImmediate(() => setImmediate(() => fs.rmSync(`${root}/a`, { recursive: true })));
    const logs: string[] = [];
    const files = await listSourceFiles(root, { ignore: [], maxFileSize: MB, log: (message) => logs.push(message), walkSliceMs: 0 });
    assert.deepEqual(files.map((file) => path.posix.relative(root, file)), ['b/y.ts']);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /^skipped a: ENOENT/);
  });

  it('skips a file over the size limit and a binary file, with one log line each', async () => {
    const root = workspace({
      'src/big.ts': Buffer.alloc(Math.round(2.3 * MB), 'a'),
      'src/image.js': Buffer.from([0x47, 0x49, 0x46, 0x00, 0x01]),
      'src/small.ts': checkOf('dark-mode'),
    });
    const { index, logs } = newIndex(root);
    await index.indexAll();
    assert.deepEqual(index.files(), [`${root}/src/small.ts`]);
    assert.deepEqual(logs, [
      'skipped src/big.ts: 2.3 MB is over the 1 MB limit (flaglens.maxFileSize)',
      'skipped src/image.js: binary file (it contains NUL bytes)',
    ]);
  });
});

describe('minified files', () => {
  // A bundle: a licence header, then its code on one line of 100 KB, a flag check in it.
  const bundle = `/*! vendor bundle\n * MIT\n */\n${'var a=1;'.repeat(12_800)}${checkOf('dark-mode').replace(/\n/g, ' ')}\n`;
  // As large, but written by hand: one statement per line.
  const written = `${'export const a = 1;\n'.repeat(5_000)}${checkOf('dark-mode')}`;

  it('skips a large file with long lines as minified, with one log line, whether the index or the listing reads it', async () => {
    const root = workspace({ 'public/vendor.js': bundle, 'src/settings.ts': written });
    const { index, logs } = newIndex(root);
    await index.indexAll();
    assert.deepEqual(index.files(), [`${root}/src/settings.ts`]);
    assert.deepEqual(logs, ['skipped public/vendor.js: minified or bundled code (3 line breaks in its first 64 KB)']);
    const listed: string[] = [];
    const files = await listSourceFiles(root, { ignore: [], maxFileSize: MB, log: (message) => listed.push(message) });
    assert.deepEqual(files, [`${root}/src/settings.ts`]);
    assert.deepEqual(listed, logs);
  });

  it('reads a small file on one line: only a large one is told minified', async () => {
    const root = workspace({ 'src/one-line.js': bundle.slice(-40_000) });
    const { index, logs } = newIndex(root);
    await index.indexAll();
    assert.deepEqual(index.files(), [`${root}/src/one-line.js`]);
    assert.deepEqual(logs, []);
  });
});

describe('formatBytes', () => {
  const cases: Array<[number, string]> = [[512, '512 bytes'], [1024, '1 KB'], [150 * 1024, '150 KB'], [MB, '1 MB'], [Math.round(2.3 * MB), '2.3 MB']];
  for (const [bytes, expected] of cases) it(`${bytes} is ${expected}`, () => assert.equal(formatBytes(bytes), expected));
});

describe('WorkspaceIndex', () => {
  it('indexes every file with progress and finds checks', async () => {
    const root = workspace({
      'src/a.ts': checkOf('dark-mode'),
      'src/b.ts': checkOf('dark-mode') + checkOf('new-checkout'),
      'src/none.ts': 'export const x = 1;\n',
    });
    const { index } = newIndex(root);
    const progress: Array<[number, number]> = [];
    await index.indexAll((done, total) => progress.push([done, total]));
    assert.deepEqual(progress, [[1, 3], [2, 3], [3, 3]]);
    assert.deepEqual(keysIn(index, root, 'src/b.ts'), ['dark-mode', 'new-checkout']);
    assert.deepEqual([...index.allChecks().keys()], [`${root}/src/a.ts`, `${root}/src/b.ts`]);
    assert.deepEqual(index.usage('dark-mode'), { references: 2, files: 2 });
    assert.deepEqual(index.usage('new-checkout'), { references: 1, files: 1 });
    assert.deepEqual(index.usage('nowhere'), { references: 0, files: 0 });
    assert.deepEqual(index.references('dark-mode').map((reference) => reference.file), [`${root}/src/a.ts`, `${root}/src/b.ts`]);
  });

  it('re-scans an edited document, and forgets deleted files and folders', async () => {
    const root = workspace({ 'src/a.ts': checkOf('dark-mode'), 'src/old/b.ts': checkOf('dark-mode'), 'src/old/c.ts': checkOf('dark-mode') });
    const { index } = newIndex(root);
    await index.indexAll();
    assert.equal(index.usage('dark-mode').references, 3);

    index.setFileText(`${root}/src/a.ts`, checkOf('new-checkout'));
    assert.deepEqual(keysIn(index, root, 'src/a.ts'), ['new-checkout']);
    assert.equal(index.usage('dark-mode').references, 2);

    index.deleteFile(`${root}/src/old`);
    assert.deepEqual(index.files(), [`${root}/src/a.ts`]);
    assert.equal(index.usage('dark-mode').references, 0);
  });

  it('follows files created, changed and deleted on disk', async () => {
    const root = workspace({ 'src/a.ts': checkOf('dark-mode') });
    const { index } = newIndex(root);
    await index.indexAll();

    write(root, 'src/new.ts', checkOf('search-v2'));
    await index.refreshFile(`${root}/src/new.ts`);
    assert.deepEqual(keysIn(index, root, 'src/new.ts'), ['search-v2']);

    write(root, 'src/a.ts', checkOf('old-banner'));
    await index.refreshFile(`${root}/src/a.ts`);
    assert.deepEqual(keysIn(index, root, 'src/a.ts'), ['old-banner']);

    fs.rmSync(`${root}/src/a.ts`);
    await index.refreshFile(`${root}/src/a.ts`);
    assert.deepEqual(index.files(), [`${root}/src/new.ts`]);
  });

  it('does not index a created file that is ignored or too large', async () => {
    const root = workspace({ '.gitignore': 'generated/\n', 'src/a.ts': checkOf('dark-mode') });
    const { index, logs } = newIndex(root, { maxFileSize: 200 });
    await index.indexAll();
    write(root, 'generated/api.ts', checkOf('dark-mode'));
    await index.refreshFile(`${root}/generated/api.ts`);
    write(root, 'src/big.ts', checkOf('dark-mode').padEnd(650, ' '));
    await index.refreshFile(`${root}/src/big.ts`);
    assert.deepEqual(index.files(), [`${root}/src/a.ts`]);
    assert.deepEqual(logs, ['skipped src/big.ts: 650 bytes is over the 200 bytes limit (flaglens.maxFileSize)']);
  });

  it('re-resolves checks in other files when an imported constants file changes', async () => {
    const root = workspace({
      'src/flags/keys.ts': "export const FLAGS = { CHECKOUT: 'new-checkout' } as const;\nexport enum Experiment { Search = 'search-v2' }\n",
      'src/flags/index.ts': "export * from './keys';\n",
      'src/client.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nexport const client = OpenFeature.getClient();\n",
      'src/checkout.ts': "import { FLAGS, Experiment } from './flags';\nimport { client } from './client';\nclient.getBooleanValue(FLAGS.CHECKOUT, false);\nclient.getBooleanValue(Experiment.Search, false);\n",
    });
    const { index } = newIndex(root);
    await index.indexAll();
    assert.deepEqual(keysIn(index, root, 'src/checkout.ts'), ['new-checkout', 'search-v2']);
    assert.equal(index.usage('new-checkout').references, 1);

    index.setFileText(`${root}/src/flags/keys.ts`, "export const FLAGS = { CHECKOUT: 'checkout-v3' } as const;\nexport enum Experiment { Search = 'search-v2' }\n");
    assert.deepEqual(keysIn(index, root, 'src/checkout.ts'), ['checkout-v3', 'search-v2']);
    assert.equal(index.usage('new-checkout').references, 0);
    assert.equal(index.usage('checkout-v3').references, 1);

    index.deleteFile(`${root}/src/flags/keys.ts`);
    assert.deepEqual(keysIn(index, root, 'src/checkout.ts'), ['unresolved:FLAGS.CHECKOUT', 'unresolved:Experiment.Search']);
  });

  it("resolves a Nuxt app's auto-imported names and its ~ and @ aliases; a name no app imports stays unresolved", async () => {
    const root = workspace({
      'web/nuxt.config.ts': "export default defineNuxtConfig({ ssr: false, imports: { dirs: ['composables/', 'stores/**', 'lib/types'] } });\n",
      'web/lib/types/config.ts': "export enum Feature { STORAGE = 'STORAGE', HOSTING = 'HOSTING' }\n",
      'web/lib/types/deep/other.ts': "export enum Hidden { X = 'hidden' }\n",
      'web/utils/flags.ts': "export const FLAGS = { RPC: 'rpc-v2' } as const;\n",
      'web/lib/client.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nexport const client = OpenFeature.getClient();\n",
      'web/pages/index.ts': [
        "import { client } from '~/lib/client';",
        "import { Feature as Named } from '@/lib/types/config';",
        'client.getBooleanValue(Feature.STORAGE, false);',
        'client.getBooleanValue(FLAGS.RPC, false);',
        'client.getBooleanValue(Named.HOSTING, false);',
        'client.getBooleanValue(Hidden.X, false);',
      ].join('\n'),
      'api/server.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nOpenFeature.getClient().getBooleanValue(Feature.STORAGE, false);\n",
    });
    const { index } = newIndex(root);
    await index.indexAll();
    assert.deepEqual(keysIn(index, root, 'web/pages/index.ts'), ['STORAGE', 'rpc-v2', 'HOSTING', 'unresolved:Hidden.X']);
    // Outside the Nuxt app, nothing is imported by itself.
    assert.deepEqual(keysIn(index, root, 'api/server.ts'), ['unresolved:Feature.STORAGE']);
  });

  it("resolves a Nuxt app's ~ and @ in its srcDir, ~~ in its own folder, and auto-imports from the srcDir's folders", async () => {
    const root = workspace({
      'web/nuxt.config.ts': "export default defineNuxtConfig({ srcDir: 'src/', imports: { dirs: ['enums'] } });\n",
      'web/src/enums/ld-flags.ts': "export enum LDFlags { BannerText = 'banner-text', Dissolution = 'supported-dissolution-entities' }\n",
      'web/enums/outside.ts': "export enum Outside { X = 'outside' }\n",
      'web/shared/keys.ts': "export const SHARED = 'shared-key';\n",
      'web/src/lib/client.ts': "import { OpenFeature } from '@openfeature/web-sdk';\nexport const client = OpenFeature.getClient();\n",
      'web/src/pages/index.ts': [
        "import { client } from '~/lib/client';",
        "import { LDFlags as Named } from '@/enums/ld-flags';",
        "import { SHARED } from '~~/shared/keys';",
        'client.getBooleanValue(Named.BannerText, false);',
        'client.getBooleanValue(LDFlags.Dissolution, false);',
        'client.getBooleanValue(SHARED, false);',
        'client.getBooleanValue(Outside.X, false);',
      ].join('\n'),
    });
    const { index } = newIndex(root);
    await index.indexAll();
    assert.deepEqual(keysIn(index, root, 'web/src/pages/index.ts'), ['banner-text', 'supported-dissolution-entities', 'shared-key', 'unresolved:Outside.X']);
  });

  it('counts camelCased bag properties as references of their key', async () => {
    const root = workspace({
      'src/App.tsx': "import { useFlags } from 'launchdarkly-react-client-sdk';\nconst { newCheckout } = useFlags();\nconst flags = useFlags();\nflags.darkMode;\n",
      'src/server.ts': checkOf('new-checkout'),
    });
    const { index } = newIndex(root);
    await index.indexAll();
    assert.deepEqual(index.usage('new-checkout'), { references: 2, files: 2 });
    assert.deepEqual(index.usage('dark-mode'), { references: 1, files: 1 });
  });

  it('says which paths it would index', async () => {
    const root = workspace({ '.gitignore': 'generated/\n', 'src/big.ts': Buffer.alloc(300, 'a'), 'packages/build/tsconfig.json': '{}' });
    const { index } = newIndex(root, { ignore: ['**/*.stories.tsx'], maxFileSize: 200 });
    const cases: Array<[string, boolean]> = [
      ['src/app.ts', true],
      ['src/new-unsaved.tsx', true],
      ['src/styles.css', false],
      ['src/big.ts', false],
      ['generated/api.ts', false],
      ['node_modules/pkg/index.js', false],
      ['packages/web/dist/index.js', false],
      ['packages/build/src/core.ts', true],
      ['src/Button.stories.tsx', false],
    ];
    for (const [file, expected] of cases) assert.equal(index.includes(`${root}/${file}`), expected, file);
    assert.equal(index.includes('/somewhere/else/app.ts'), false);
  });
});
