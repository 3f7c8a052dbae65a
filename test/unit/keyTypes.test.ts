// The keys a dynamic check may hold when its parameter's type is declared in another file: an imported
// enum, union type alias, enum member or alias of enum members, through barrels, re-exports and packages.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveChecks, type ModuleHost } from '../../server/src/analysis/resolve';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { namedPresets } from './named-presets';

// Keys a type allows, with presets found by name (see named-presets.ts).
const PRESETS = namedPresets();
const APP = '/ws/src/app.ts';
const KEYS_ENUM = `export enum FeatureFlag { NewNav = 'new-nav', DarkMode = 'dark-mode' }`;

interface Case {
  name: string;
  /** Path → code; the one check of `/ws/src/app.ts` is resolved. */
  files: Record<string, string>;
  /** undefined: dynamic, with no known keys. */
  expected: string[] | undefined;
}

const cases: Case[] = [
  {
    name: 'an imported enum: every member',
    files: {
      [APP]: `import type { FeatureFlag } from './keys';\nexport const isOn = (flag: FeatureFlag) => gb.isOn(flag);`,
      '/ws/src/keys.ts': KEYS_ENUM,
    },
    expected: ['new-nav', 'dark-mode'],
  },
  {
    name: 'an imported union type alias',
    files: {
      [APP]: `import { type FlagKey } from './keys';\nexport function isOn(key: FlagKey) { return gb.isOn(key); }`,
      '/ws/src/keys.ts': `export type FlagKey = 'a' | 'b' | 'c';`,
    },
    expected: ['a', 'b', 'c'],
  },
  {
    name: 'an imported alias of enum members declared in its own file',
    files: {
      [APP]: `import type { SupportFlag } from './keys';\nexport const isOn = (flag: SupportFlag) => gb.isOn(flag);`,
      '/ws/src/keys.ts': `${KEYS_ENUM}\nexport type SupportFlag = FeatureFlag.DarkMode;`,
    },
    expected: ['dark-mode'],
  },
  {
    name: 'an imported enum member and a literal',
    files: {
      [APP]: `import { FeatureFlag } from './keys';\nexport const isOn = (flag: FeatureFlag.NewNav | 'other') => gb.isOn(flag);`,
      '/ws/src/keys.ts': KEYS_ENUM,
    },
    expected: ['new-nav', 'other'],
  },
  {
    name: 'a local alias of an imported enum',
    files: {
      [APP]: `import type { FeatureFlag } from './keys';\ntype Key = FeatureFlag | 'extra';\nexport const isOn = (flag: Key) => gb.isOn(flag);`,
      '/ws/src/keys.ts': KEYS_ENUM,
    },
    expected: ['new-nav', 'dark-mode', 'extra'],
  },
  {
    name: 'through a barrel and a renaming re-export of the alias',
    files: {
      [APP]: `import type { Key } from './flags';\nexport const isOn = (flag: Key) => gb.isOn(flag);`,
      '/ws/src/flags/index.ts': `export * from './reexport';`,
      '/ws/src/flags/reexport.ts': `export type { FlagKey as Key } from './keys';`,
      '/ws/src/flags/keys.ts': `type FlagKey = 'x' | 'y';\nexport { FlagKey };`,
    },
    expected: ['x', 'y'],
  },
  {
    name: 'a namespace import',
    files: {
      [APP]: `import type * as K from './keys';\nexport const isOn = (flag: K.FeatureFlag) => gb.isOn(flag);`,
      '/ws/src/keys.ts': KEYS_ENUM,
    },
    expected: ['new-nav', 'dark-mode'],
  },
  {
    name: 'through a workspace package name',
    files: {
      [APP]: `import type { FeatureFlag } from '@acme/flags';\nexport const isOn = (flag: FeatureFlag) => gb.isOn(flag);`,
      '/ws/packages/flags/src/index.ts': KEYS_ENUM,
    },
    expected: ['new-nav', 'dark-mode'],
  },
  {
    name: 'a type from a dependency stays unknown',
    files: { [APP]: `import type { Key } from 'some-sdk';\nexport const isOn = (flag: Key) => gb.isOn(flag);` },
    expected: undefined,
  },
  {
    name: 'an imported type that is not a list of keys stays unknown',
    files: {
      [APP]: `import type { Key } from './keys';\nexport const isOn = (flag: Key) => gb.isOn(flag);`,
      '/ws/src/keys.ts': `export type Key = string;`,
    },
    expected: undefined,
  },
];

function check({ files, expected }: Case): void {
  const scans = new Map<string, FileScan>();
  const getScan = (file: string): FileScan | undefined => {
    if (!Object.hasOwn(files, file)) return undefined;
    let scan = scans.get(file);
    if (scan === undefined) {
      scan = scanFile(file, files[file], PRESETS);
      scans.set(file, scan);
    }
    return scan;
  };
  // Stands in for the workspace's package table: one package, `@acme/flags`.
  const host: ModuleHost = {
    fileExists: (file) => Object.hasOwn(files, file),
    resolvePackage: (specifier) => (specifier === '@acme/flags' ? '/ws/packages/flags/src/index.ts' : undefined),
  };
  const [resolved, ...others] = resolveChecks(getScan(APP)!, getScan, host);
  assert.equal(others.length, 0);
  assert.equal(resolved.dynamic, true);
  assert.deepEqual(resolved.possibleKeys, expected);
}

describe('possible keys of a parameter typed in another file', () => {
  for (const row of cases) it(row.name, () => check(row));
});
