// Imports by package name: which workspace file `@acme/flags`, `@acme/flags/keys` or a tsconfig alias names,
// from package.json fields and tsconfig.json files given as text (comments, trailing commas, `extends`).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { resolveChecks } from '../../server/src/analysis/resolve';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { toPosixPath } from '../../server/src/workspace/files';
import { listFolder } from '../../server/src/workspace/listing';
import { WorkspaceIndex } from '../../server/src/workspace/index';
import { buildPackageTable, PACKAGE_TABLE_FILES, readPackageTable, withPackageResolution } from '../../server/src/workspace/packages';
import { packageDirOf } from '../../server/src/analysis/packages';

const ROOT = '/ws';
const FROM = '/ws/packages/web/src/app.ts';

interface Case {
  name: string;
  /** Path → text: package.json and tsconfig.json files, and the source files that exist. */
  files: Record<string, string>;
  specifier: string;
  /** The importing file; FROM unless given. */
  from?: string;
  expected: string | undefined;
}

const FLAGS_SOURCES = {
  '/ws/packages/flags/src/index.ts': '',
  '/ws/packages/flags/src/keys.ts': '',
};

const cases: Case[] = [
  {
    name: 'main pointing at build output resolves to the source twin',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "main": "dist/index.js" }', ...FLAGS_SOURCES },
    specifier: '@acme/flags',
    expected: '/ws/packages/flags/src/index.ts',
  },
  {
    name: "exports '.' with conditions, types first",
    files: {
      '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "exports": { ".": { "import": "./dist/esm/index.mjs", "types": "./dist/types/index.d.ts" } } }',
      ...FLAGS_SOURCES,
    },
    specifier: '@acme/flags',
    expected: '/ws/packages/flags/src/index.ts',
  },
  {
    name: 'a build sub-folder no rule names (dist/types/) maps to src/ when src/types/ holds no such source',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "types": "dist/types/keys.d.ts" }', ...FLAGS_SOURCES },
    specifier: '@acme/flags',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: 'exports as one string naming a source file',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "exports": "./src/keys.ts" }', ...FLAGS_SOURCES },
    specifier: '@acme/flags',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: 'a subpath listed in exports',
    files: {
      '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "exports": { ".": "./dist/index.js", "./keys": { "default": "./dist/keys.js" } } }',
      ...FLAGS_SOURCES,
    },
    specifier: '@acme/flags/keys',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: 'a subpath matched by an exports pattern',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "exports": { "./*": "./lib/*.js" } }', ...FLAGS_SOURCES },
    specifier: '@acme/flags/keys',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: 'a subpath without exports is looked up in the package, then in its src folder',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags" }', ...FLAGS_SOURCES },
    specifier: '@acme/flags/keys',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: 'no entry field: src/index.ts',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "version": "1.0.0" }', ...FLAGS_SOURCES },
    specifier: '@acme/flags',
    expected: '/ws/packages/flags/src/index.ts',
  },
  {
    name: 'an unscoped package with types next to its index',
    files: { '/ws/libs/flags/package.json': '{ "name": "flags", "types": "index.d.ts" }', '/ws/libs/flags/index.ts': '' },
    specifier: 'flags',
    expected: '/ws/libs/flags/index.ts',
  },
  {
    name: "main in the package tsconfig's outDir resolves to its rootDir",
    files: {
      '/ws/packages/shared/package.json': '{ "name": "@team/shared", "main": "build/index.js", "types": "build/index.d.ts" }',
      '/ws/packages/shared/tsconfig.json': '{ "compilerOptions": { "outDir": "./build", "rootDir": "./lib" } }',
      '/ws/packages/shared/lib/index.ts': '',
    },
    specifier: '@team/shared',
    expected: '/ws/packages/shared/lib/index.ts',
  },
  {
    name: 'the package folder as rootDir, outDir from the tsconfig it extends: dist/src/flags.js is src/flags.ts',
    files: {
      '/ws/packages/shared/package.json': '{ "name": "@team/shared", "main": "dist/src/flags.js" }',
      '/ws/packages/shared/tsconfig.json': '{ "extends": "./tsconfig.base.json", "compilerOptions": { "rootDir": "." } }',
      '/ws/packages/shared/tsconfig.base.json': '{ "compilerOptions": { "outDir": "dist" } }',
      '/ws/packages/shared/src/flags.ts': '',
    },
    specifier: '@team/shared',
    expected: '/ws/packages/shared/src/flags.ts',
  },
  {
    name: 'one build per flavour (outDir dist/cjs, exports into dist/esm, a types entry with a .d.js typo) all map to src',
    files: {
      '/ws/packages/shared/package.json': `{ "name": "@team/shared", "main": "dist/cjs/index.js", "types": "dist/cjs/index.d.ts",
        "exports": { ".": { "require": "./dist/cjs/index.js", "import": "./dist/esm/index.js", "types": "./dist/esm/index.d.js" } } }`,
      '/ws/packages/shared/tsconfig.json': '{ "compilerOptions": { "outDir": "./dist/cjs", "rootDir": "./src" } }',
      '/ws/packages/shared/src/index.ts': '',
    },
    specifier: '@team/shared',
    expected: '/ws/packages/shared/src/index.ts',
  },
  {
    name: "a subpath's JavaScript shim at the package root gives way to the TypeScript source under src/",
    files: {
      '/ws/packages/shared/package.json': '{ "name": "shared", "main": "dist/index.js", "types": "src/index.ts" }',
      '/ws/packages/shared/enterprise.js': 'module.exports = require("./dist/enterprise");',
      '/ws/packages/shared/src/index.ts': '',
      '/ws/packages/shared/src/enterprise/index.ts': '',
    },
    specifier: 'shared/enterprise',
    expected: '/ws/packages/shared/src/enterprise/index.ts',
  },
  {
    name: 'a JavaScript package with no TypeScript twin still resolves to its JavaScript',
    files: { '/ws/packages/legacy/package.json': '{ "name": "legacy", "main": "index.js" }', '/ws/packages/legacy/index.js': '', '/ws/packages/legacy/keys.js': '' },
    specifier: 'legacy/keys',
    expected: '/ws/packages/legacy/keys.js',
  },
  {
    name: 'a dependency that is not a workspace package',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags" }', ...FLAGS_SOURCES },
    specifier: 'react',
    expected: undefined,
  },
  {
    name: 'exports that point outside the package are not followed',
    files: { '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "exports": "../../secret/index.ts" }', '/ws/secret/index.ts': '' },
    specifier: '@acme/flags',
    expected: undefined,
  },
  {
    name: "a paths alias of the importing file's nearest tsconfig, relative to baseUrl",
    files: {
      '/ws/packages/web/tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
      '/ws/packages/web/src/flags/keys.ts': '',
    },
    specifier: '@/flags/keys',
    expected: '/ws/packages/web/src/flags/keys.ts',
  },
  {
    name: 'the root tsconfig serves files of packages without their own',
    files: {
      '/ws/tsconfig.json': '{ "compilerOptions": { "paths": { "@flags": ["./packages/flags/src/index.ts"] } } }',
      ...FLAGS_SOURCES,
    },
    specifier: '@flags',
    expected: '/ws/packages/flags/src/index.ts',
  },
  {
    name: 'extends one level, with comments and trailing commas; inherited paths stay relative to the base',
    files: {
      '/ws/tsconfig.base.json': `{
        // shared options
        "compilerOptions": { "paths": { "@flags/*": ["packages/flags/src/*",], }, },
      }`,
      '/ws/packages/web/tsconfig.json': '{ "extends": "../../tsconfig.base", /* own */ "compilerOptions": { "strict": true } }',
      ...FLAGS_SOURCES,
    },
    specifier: '@flags/keys',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: 'baseUrl alone resolves non-relative paths under it',
    files: { '/ws/packages/web/tsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }', '/ws/packages/web/src/flags.ts': '' },
    specifier: 'flags',
    expected: '/ws/packages/web/src/flags.ts',
  },
  {
    name: 'the alias with the longest prefix wins',
    files: {
      '/ws/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["wrong/*"], "@/flags/*": ["packages/flags/src/*"] } } }',
      '/ws/wrong/flags/keys.ts': '',
      ...FLAGS_SOURCES,
    },
    specifier: '@/flags/keys',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: 'an alias is tried before a package of the same name',
    files: {
      '/ws/tsconfig.json': '{ "compilerOptions": { "paths": { "@acme/flags": ["packages/flags/src/keys.ts"] } } }',
      '/ws/packages/flags/package.json': '{ "name": "@acme/flags" }',
      ...FLAGS_SOURCES,
    },
    specifier: '@acme/flags',
    expected: '/ws/packages/flags/src/keys.ts',
  },
  {
    name: "an alias only another project's tsconfig declares: a bundler's alias holds for the plugins it builds",
    files: {
      '/ws/web/tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["./*"] } } }',
      '/ws/plugins/billing/tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@billing/*": ["./*"] } } }',
      '/ws/web/modules/flags.ts': '',
    },
    specifier: '@app/modules/flags',
    from: '/ws/plugins/billing/plugin.ts',
    expected: '/ws/web/modules/flags.ts',
  },
  {
    name: 'an alias two projects declare means something else in each: not followed from a third',
    files: {
      '/ws/web/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      '/ws/admin/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      '/ws/plugins/billing/tsconfig.json': '{ "compilerOptions": {} }',
      '/ws/web/src/flags.ts': '',
    },
    specifier: '@/flags',
    from: '/ws/plugins/billing/plugin.ts',
    expected: undefined,
  },
  {
    name: "another project's catch-all alias (`*`) is not followed: it matches every specifier",
    files: {
      '/ws/web/tsconfig.json': '{ "compilerOptions": { "paths": { "*": ["./types/*"] } } }',
      '/ws/web/types/flags.ts': '',
    },
    specifier: 'flags',
    from: '/ws/plugins/billing/plugin.ts',
    expected: undefined,
  },
  {
    name: "`@/` that no tsconfig declares is the source folder the importing file is in, as Vue CLI's and Vite's own configuration alias it",
    files: { '/ws/packages/web/package.json': '{ "name": "web" }', '/ws/packages/web/src/helpers/flags/index.js': '' },
    specifier: '@/helpers/flags',
    from: '/ws/packages/web/src/views/Home.vue',
    expected: '/ws/packages/web/src/helpers/flags/index.js',
  },
  {
    name: "`@/` from a file outside the source folder is its package's source folder",
    files: { '/ws/packages/web/package.json': '{ "name": "web" }', '/ws/packages/web/src/helpers/flags.js': '' },
    specifier: '@/helpers/flags',
    from: '/ws/packages/web/reporter/views/Home.vue',
    expected: '/ws/packages/web/src/helpers/flags.js',
  },
  {
    name: "Nuxt 2's `~/` with no src folder is the package's own folder",
    files: { '/ws/app/package.json': '{ "name": "app" }', '/ws/app/components/flags.js': '' },
    specifier: '~/components/flags',
    from: '/ws/app/pages/index.vue',
    expected: '/ws/app/components/flags.js',
  },
  {
    name: 'a malformed package.json is left out',
    files: { '/ws/packages/flags/package.json': '{ "name": ', ...FLAGS_SOURCES },
    specifier: '@acme/flags',
    expected: undefined,
  },
];

function hostOver(files: Record<string, string>) {
  const paths = Object.keys(files);
  const table = buildPackageTable(
    ROOT,
    paths.filter((file) => file.endsWith('/package.json')),
    paths.filter((file) => file.endsWith('/tsconfig.json')),
    (file) => files[file],
  );
  return withPackageResolution({ fileExists: (file) => Object.hasOwn(files, file) }, () => table);
}

function check({ files, specifier, from = FROM, expected }: Case): void {
  const host = hostOver(files);
  assert.equal(host.resolvePackage?.(specifier, from), expected);
}

describe('package-name resolution', () => {
  for (const row of cases) it(row.name, () => check(row));

  it('resolves a key imported through a workspace package and its barrel', () => {
    const files: Record<string, string> = {
      '/ws/packages/flags/package.json': '{ "name": "@acme/flags", "main": "dist/index.js" }',
      '/ws/packages/flags/src/index.ts': `export * from './keys';`,
      '/ws/packages/flags/src/keys.ts': `export enum FeatureFlag { NewNav = 'new-nav' }`,
      [FROM]: `import { FeatureFlag } from '@acme/flags';\nimport { GrowthBook } from '@growthbook/growthbook';\nconst gb = new GrowthBook({});\ngb.isOn(FeatureFlag.NewNav);`,
    };
    const patterns = buildPatternSet([]);
    const getScan = (file: string): FileScan | undefined => (Object.hasOwn(files, file) ? scanFile(file, files[file], patterns) : undefined);
    const checks = resolveChecks(getScan(FROM)!, getScan, hostOver(files));
    assert.deepEqual(checks.map(({ key, resolved }) => ({ key, resolved })), [{ key: 'new-nav', resolved: true }]);
  });

  it("resolves an enum's member imported from the client Prisma generates by the workspace's schemas; not a member they lack, nor another package's enum", async () => {
    const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-prisma-'))));
    try {
      const files: Record<string, string> = {
        'prisma/schema/features.prisma': `/// Features an admin switches on.\nenum Feature {\n  BLEETER\n  TOW // towing\n  TAXI @map("taxi")\n  @@schema("public")\n}\nmodel CadFeature {\n  feature Feature\n}\n`,
        'api/src/app.ts': `import { Feature } from '@prisma/client';\nimport { Other } from 'other-orm';\nimport { GrowthBook } from '@growthbook/growthbook';\nconst gb = new GrowthBook({});\ngb.isOn(Feature.TOW);\ngb.isOn(Feature.TAXI);\ngb.isOn(Feature.COURTHOUSE);\ngb.isOn(Other.TOW);\n`,
      };
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), text);
      }
      const { files: listed, named } = await listFolder(root, { ignore: [], maxFileSize: 1 << 20, log: () => undefined }, PACKAGE_TABLE_FILES);
      const table = readPackageTable(root, named, undefined, listed);
      assert.deepEqual([...(table.prismaEnums?.get('Feature') ?? [])], ['BLEETER', 'TOW', 'TAXI']);
      const app = `${root}/api/src/app.ts`;
      const scan = scanFile(app, fs.readFileSync(app, 'utf8'), buildPatternSet([]));
      const host = withPackageResolution({ fileExists: (file) => listed.includes(file) }, () => table);
      const checks = resolveChecks(scan, () => undefined, host);
      assert.deepEqual(checks.map(({ key, resolved }) => `${key} ${resolved}`), ['TOW true', 'TAXI true', 'Feature.COURTHOUSE false', 'Other.TOW false']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("gives a check of a name node-config's flag section maps the backend's key; a read of the setting itself keeps its name; a default.yaml outside a config folder is none", async () => {
    const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-node-config-'))));
    try {
      const files: Record<string, string> = {
        'config/default.yaml': `featureToggles:\n  ft_pcq: 'probate-pcq'\n  enableX: 'x-flag'\n`,
        'docs/default.yaml': `featureToggles:\n  ft_other: 'docs-flag'\n`,
        'app/step.ts': `import { GrowthBook } from '@growthbook/growthbook';\nconst gb = new GrowthBook({});\ngb.isOn('ft_pcq');\ngb.isOn('ft_other');\nexport const x = config.get<boolean>('featureToggles.enableX');\n`,
      };
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), text);
      }
      const { files: listed, named } = await listFolder(root, { ignore: [], maxFileSize: 1 << 20, log: () => undefined }, PACKAGE_TABLE_FILES);
      const table = readPackageTable(root, named, undefined, listed);
      assert.deepEqual(Object.fromEntries(table.configKeyNames ?? []), { ft_pcq: 'probate-pcq', enableX: 'x-flag' });
      const app = `${root}/app/step.ts`;
      const scan = scanFile(app, fs.readFileSync(app, 'utf8'), buildPatternSet([]));
      const checks = resolveChecks(scan, () => undefined, withPackageResolution({ fileExists: (file) => listed.includes(file) }, () => table));
      assert.deepEqual(checks.map(({ key }) => key), ['probate-pcq', 'ft_other', 'enableX']);
      assert.match(checks[0].evidence ?? '', /; the workspace's settings give the name 'ft_pcq' this key$/);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("reads a JavaScript project's jsconfig.json as its tsconfig.json, and a folder's tsconfig.json over it", () => {
    const root = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-jsconfig-'))));
    try {
      const files: Record<string, string> = {
        'web/jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@web/*": ["./*"] } } }',
        'both/jsconfig.json': '{ "compilerOptions": { "paths": { "@both/*": ["./js/*"] } } }',
        'both/tsconfig.json': '{ "compilerOptions": { "paths": { "@both/*": ["./ts/*"] } } }',
      };
      for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
        fs.writeFileSync(path.join(root, name), text);
      }
      assert.ok(PACKAGE_TABLE_FILES.includes('jsconfig.json'));
      const named = new Map([['jsconfig.json', [`${root}/web/jsconfig.json`, `${root}/both/jsconfig.json`]], ['tsconfig.json', [`${root}/both/tsconfig.json`]]]);
      const table = readPackageTable(root, named);
      assert.deepEqual(Object.keys(table.tsconfigs.get(`${root}/web`)?.paths ?? {}), ['@web/*']);
      assert.deepEqual(table.tsconfigs.get(`${root}/both`)?.paths, { '@both/*': ['./ts/*'] });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("gives a file's nearest workspace package folder, else the root", () => {
    const table = buildPackageTable(ROOT, ['/ws/package.json', '/ws/apps/store/package.json', '/ws/apps/store/nested/package.json'], [], (file) => (file === '/ws/apps/store/package.json' ? '{ "name": "store" }' : file === '/ws/package.json' ? '{ "name": "root" }' : '{ "private": true }'));
    assert.equal(packageDirOf('/ws/apps/store/src/main.tsx', table), '/ws/apps/store');
    assert.equal(packageDirOf('/ws/apps/store/nested/a.ts', table), '/ws/apps/store');
    assert.equal(packageDirOf('/ws/apps/bank/src/main.tsx', table), '/ws');
    assert.equal(packageDirOf('/ws/main.tsx', table), '/ws');
  });

  it('reads the fixture monorepo: packages, and an alias from a tsconfig that extends another', async () => {
    const root = toPosixPath(path.resolve(__dirname, '../fixtures/monorepo'));
    const { named } = await listFolder(root, { ignore: [], maxFileSize: 1 << 20, log: () => undefined }, PACKAGE_TABLE_FILES);
    const table = readPackageTable(root, named);
    assert.deepEqual([...table.packages.keys()].sort(), ['@acme/api', '@acme/flags', '@acme/web', 'acme']);
    assert.deepEqual(table.tsconfigs.get(`${root}/packages/api`), { baseUrl: root, pathsBase: root, paths: { '@flags': ['packages/flags/src/index.ts'] } });
  });

  it('reads a base tsconfig that several extend once, and gives each its aliases', () => {
    const files: Record<string, string> = {
      '/ws/tsconfig.base.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@flags": ["packages/flags/src/index.ts"] } } }',
      '/ws/packages/a/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }',
      '/ws/packages/b/tsconfig.json': '{ "extends": "../../tsconfig.base.json" }',
      '/ws/packages/c/tsconfig.json': '{ "extends": "../../tsconfig.base.json", /* own */ "compilerOptions": {} }',
    };
    const reads: string[] = [];
    const tsconfigs = Object.keys(files).filter((file) => file.endsWith('/tsconfig.json'));
    const table = buildPackageTable(ROOT, [], tsconfigs, (file) => {
      reads.push(file);
      return files[file];
    });
    assert.deepEqual(reads.filter((file) => file === '/ws/tsconfig.base.json'), ['/ws/tsconfig.base.json']);
    for (const name of ['a', 'b', 'c']) {
      assert.deepEqual(table.tsconfigs.get(`/ws/packages/${name}`), { baseUrl: '/ws', pathsBase: '/ws', paths: { '@flags': ['packages/flags/src/index.ts'] } });
    }
  });

  it("the workspace index resolves the fixture's keys and parameter types through package names", async () => {
    const root = toPosixPath(path.resolve(__dirname, '../fixtures/monorepo'));
    const index = new WorkspaceIndex(root, { patterns: buildPatternSet([{ callee: 'useFeature', keyArg: 0 }, { callee: 'isFeatureOn', keyArg: 0 }]), ignore: [], maxFileSize: 1 << 20, log: () => undefined });
    await index.indexAll();
    const keysIn = (file: string) => index.checksIn(`${root}/${file}`).map((check) => (check.dynamic ? check.possibleKeys : check.key));
    const everyKey = ['new-nav', 'dark-mode', 'beta-search', 'bulk-export', 'legacy-reports'];
    assert.deepEqual(keysIn('packages/web/src/App.tsx'), ['new-nav', 'dark-mode']);
    assert.deepEqual(keysIn('packages/api/src/routes.ts'), ['beta-search', 'beta-serach']);
    assert.deepEqual(keysIn('packages/web/src/useFeature.ts'), [everyKey]);
    assert.deepEqual(keysIn('packages/flags/src/client.ts'), [everyKey, everyKey]);
  });
});
