import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveChecks, resolveModulePath, type ModuleHost } from '../../server/src/analysis/resolve';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { buildPatternSet, type PatternSet } from '../../server/src/analysis/patterns';
import type { Sdk } from '../../server/src/analysis/types';
import { namedPresets } from './named-presets';

// Key resolution, with presets found by name; evidence across files has its own table below.
const PRESETS = namedPresets();
const APP = '/ws/src/app.ts';

interface ExpectedKey {
  key: string;
  resolved: boolean;
}

interface Case {
  name: string;
  /** Path → code; the checks of `/ws/src/app.ts` are resolved. */
  files: Record<string, string>;
  expected: ExpectedKey[];
}

function hostOver(files: ReadonlyMap<string, string>): ModuleHost {
  return { fileExists: (path) => files.has(path) };
}

/** The scans of `texts`, each made once, on demand, with `patterns`. */
function scansOver(texts: ReadonlyMap<string, string>, patterns: PatternSet): (fileName: string) => FileScan | undefined {
  const scans = new Map<string, FileScan>();
  return (fileName) => {
    const text = texts.get(fileName);
    if (text === undefined) return undefined;
    let scan = scans.get(fileName);
    if (scan === undefined) {
      scan = scanFile(fileName, text, patterns);
      scans.set(fileName, scan);
    }
    return scan;
  };
}

function check(files: Record<string, string>, expected: ExpectedKey[]): void {
  const texts = new Map(Object.entries(files));
  const getScan = scansOver(texts, PRESETS);
  const app = getScan(APP);
  assert.ok(app);
  const checks = resolveChecks(app, getScan, hostOver(texts));
  assert.deepEqual(checks.map(({ key, resolved }) => ({ key, resolved })), expected);
  // Resolution only completes keys: every other field is what the scan found.
  checks.forEach((resolvedCheck, index) => assert.deepEqual({ ...resolvedCheck, key: '', resolved: false }, { ...app.checks[index], key: '', resolved: false }));
}

const cases: Case[] = [
  {
    name: "a field of an object made by `new` of the workspace's class: the argument its constructor sets it from, as a parameter property too, inside an object and as a default export; not a field set otherwise",
    files: {
      [APP]: `import legacy, { beta, groups } from './flags';\ngb.isOn(beta.id); gb.isOn(groups.nav.key); gb.isOn(legacy.id); gb.isOn(beta.label);`,
      '/ws/src/feature.ts': `export class Feature {\n  readonly id: string;\n  readonly label: string;\n  constructor(id: string, defaultValue: unknown) {\n    this.id = id;\n    this.label = 'Feature ' + id;\n  }\n}\nexport class Flag { constructor(readonly key: string) {} }`,
      '/ws/src/flags.ts': `import { Feature, Flag } from './feature';\nexport const beta = new Feature('beta', false);\nexport const groups = { nav: new Flag('new-nav') };\nexport default new Feature('legacy', true);`,
    },
    expected: [{ key: 'beta', resolved: true }, { key: 'new-nav', resolved: true }, { key: 'legacy', resolved: true }, { key: 'beta.label', resolved: false }],
  },
  {
    name: 'named import of a const',
    files: {
      [APP]: `import { NEW_CHECKOUT } from './flags';\ngb.isOn(NEW_CHECKOUT);`,
      '/ws/src/flags.ts': `export const NEW_CHECKOUT = 'new-checkout';`,
    },
    expected: [{ key: 'new-checkout', resolved: true }],
  },
  {
    name: "a module's object of keys filled member by member after it is declared, exported whole or by name; a member set in a function is not followed",
    files: {
      [APP]: `import FEATURES from './features';
import { LATER } from './later';
gb.isOn(FEATURES.DARK_MODE); gb.isOn(FEATURES.EXPORT); gb.isOn(FEATURES.LOCAL); gb.isOn(LATER.X);`,
      '/ws/src/features.js': `const FEATURES = {};
FEATURES.DARK_MODE = 'dark_mode';
FEATURES.EXPORT = 'export';
function set() { FEATURES.LOCAL = 'local'; }
export default FEATURES;`,
      '/ws/src/later.js': `let LATER = {};
LATER.X = 'x';
export { LATER };`,
    },
    expected: [{ key: 'dark_mode', resolved: true }, { key: 'export', resolved: true }, { key: 'FEATURES.LOCAL', resolved: false }, { key: 'x', resolved: true }],
  },
  {
    name: 'aliased import, through a local const',
    files: {
      [APP]: `import { NEW_CHECKOUT as NC } from './flags';\nconst KEY = NC;\ngb.isOn(NC); gb.isOn(KEY);`,
      '/ws/src/flags.ts': `export const NEW_CHECKOUT = 'new-checkout';`,
    },
    expected: [{ key: 'new-checkout', resolved: true }, { key: 'new-checkout', resolved: true }],
  },
  {
    name: 'namespace import: a const, an enum member, a nested as const member',
    files: {
      [APP]: `import * as F from '../lib/flags';\ngb.isOn(F.NEW_CHECKOUT); gb.isOn(F.Flags.Dark); gb.isOn(F.GROUPS.checkout.V2); gb.isOn(F['NEW_CHECKOUT']);`,
      '/ws/lib/flags.ts': `export const NEW_CHECKOUT = 'new-checkout';
export enum Flags { Dark = 'dark-mode' }
export const GROUPS = { checkout: { V2: 'checkout-v2' } } as const;`,
    },
    expected: [
      { key: 'new-checkout', resolved: true },
      { key: 'dark-mode', resolved: true },
      { key: 'checkout-v2', resolved: true },
      { key: 'new-checkout', resolved: true },
    ],
  },
  {
    name: 'default exports: a string, an object, an identifier, export { X as default }',
    files: {
      [APP]: `import key from './a';\nimport FLAGS from './b';\nimport fromIdentifier from './c';\nimport renamed from './d';
gb.isOn(key); gb.isOn(FLAGS.NEW); gb.isOn(fromIdentifier); gb.isOn(renamed);`,
      '/ws/src/a.ts': `export default 'a-key';`,
      '/ws/src/b.ts': `export default { NEW: 'b-key' } as const;`,
      '/ws/src/c.ts': `import { C } from './c-source';\nexport default C;`,
      '/ws/src/c-source.ts': `export const C = 'c-key';`,
      '/ws/src/d.ts': `const D = 'd-key';\nexport { D as default };`,
    },
    expected: [
      { key: 'a-key', resolved: true },
      { key: 'b-key', resolved: true },
      { key: 'c-key', resolved: true },
      { key: 'd-key', resolved: true },
    ],
  },
  {
    name: 'CommonJS exports, imported and required: an object of constants and texts by name and whole, exports.X, module.exports.X; a name set in a function is not one',
    files: {
      [APP]: `import { UI_X, beta } from './flags';\nimport flags from './flags';\nconst { LEGACY, LATER } = require('./more');\ngb.isOn(UI_X); gb.isOn(beta); gb.isOn(flags.UI_X); gb.isOn(LEGACY); gb.isOn(LATER);`,
      '/ws/src/flags.js': `const UI_X = 'ui-x';\nmodule.exports = {\n  UI_X,\n  beta: 'beta-key',\n};`,
      '/ws/src/more.js': `exports.LEGACY = 'legacy-key';\nfunction later() { module.exports.LATER = 'later-key'; }`,
    },
    expected: [
      { key: 'ui-x', resolved: true },
      { key: 'beta-key', resolved: true },
      { key: 'ui-x', resolved: true },
      { key: 'legacy-key', resolved: true },
      { key: 'LATER', resolved: false },
    ],
  },
  {
    name: 'default exports of classes and enums',
    files: {
      [APP]: `import Keys from './keys';\nimport E from './enum';\ngb.isOn(Keys.NEW); gb.isOn(E.A);`,
      '/ws/src/keys.ts': `export default class Keys { static readonly NEW = 'class-key'; }`,
      '/ws/src/enum.ts': `enum E { A = 'enum-key' }\nexport default E;`,
    },
    expected: [{ key: 'class-key', resolved: true }, { key: 'enum-key', resolved: true }],
  },
  {
    name: 're-exports: named, renamed, of an import, and chains of them',
    files: {
      [APP]: `import { A, B2, C, D } from './reexports';\ngb.isOn(A); gb.isOn(B2); gb.isOn(C); gb.isOn(D);`,
      '/ws/src/reexports.ts': `export { A } from './source';
export { B as B2 } from './source';
import { C } from './source';
export { C };
export { D } from './middle';`,
      '/ws/src/middle.ts': `export { D } from './source';`,
      '/ws/src/source.ts': `export const A = 'a'; export const B = 'b'; export const C = 'c'; export const D = 'd';`,
    },
    expected: [
      { key: 'a', resolved: true },
      { key: 'b', resolved: true },
      { key: 'c', resolved: true },
      { key: 'd', resolved: true },
    ],
  },
  {
    name: 'barrels: export * through an index file, two levels deep',
    files: {
      [APP]: `import { CHECKOUT, Theme } from './flags';\ngb.isOn(CHECKOUT); gb.isOn(Theme.Dark);`,
      '/ws/src/flags/index.ts': `export * from './checkout';\nexport * from './ui';`,
      '/ws/src/flags/checkout.ts': `export const CHECKOUT = 'checkout';`,
      '/ws/src/flags/ui/index.ts': `export * from './theme';`,
      '/ws/src/flags/ui/theme.ts': `export enum Theme { Dark = 'dark-theme' }`,
    },
    expected: [{ key: 'checkout', resolved: true }, { key: 'dark-theme', resolved: true }],
  },
  {
    name: 'export * as namespace',
    files: {
      [APP]: `import { flags } from './barrel';\ngb.isOn(flags.NEW);`,
      '/ws/src/barrel.ts': `export * as flags from './flags';`,
      '/ws/src/flags.ts': `export const NEW = 'ns-key';`,
    },
    expected: [{ key: 'ns-key', resolved: true }],
  },
  {
    name: 'an exported object whose member is imported from a third file',
    files: {
      [APP]: `import { FLAGS } from './flags';\ngb.isOn(FLAGS.NEW);`,
      '/ws/src/flags.ts': `import { BASE } from './base';\nexport const FLAGS = { NEW: BASE } as const;`,
      '/ws/src/base.ts': `export const BASE = 'from-base';`,
    },
    expected: [{ key: 'from-base', resolved: true }],
  },
  {
    name: '.js written for a .ts file, and an explicit extension',
    files: {
      [APP]: `import { A } from './a.js';\nimport { B } from './b.tsx';\ngb.isOn(A); gb.isOn(B);`,
      '/ws/src/a.ts': `export const A = 'js-for-ts';`,
      '/ws/src/b.tsx': `export const B = 'tsx';`,
    },
    expected: [{ key: 'js-for-ts', resolved: true }, { key: 'tsx', resolved: true }],
  },
  {
    name: 'export * does not pass on the default export',
    files: {
      [APP]: `import { default as D } from './barrel';\ngb.isOn(D);`,
      '/ws/src/barrel.ts': `export * from './a';`,
      '/ws/src/a.ts': `export default 'hidden';`,
    },
    expected: [{ key: 'D', resolved: false }],
  },
  {
    name: 'import cycles end unresolved',
    files: {
      [APP]: `import { MISSING } from './a';\nimport { X } from './x';\ngb.isOn(MISSING); gb.isOn(X);`,
      '/ws/src/a.ts': `export * from './b';`,
      '/ws/src/b.ts': `export * from './a';`,
      '/ws/src/x.ts': `export { X } from './y';`,
      '/ws/src/y.ts': `export { X } from './x';`,
    },
    expected: [{ key: 'MISSING', resolved: false }, { key: 'X', resolved: false }],
  },
  {
    name: 'a cycle between barrels still finds a key one of them has',
    files: {
      [APP]: `import { FOUND } from './a';\ngb.isOn(FOUND);`,
      '/ws/src/a.ts': `export * from './b';`,
      '/ws/src/b.ts': `export * from './a';\nexport const FOUND = 'found';`,
    },
    expected: [{ key: 'found', resolved: true }],
  },
  {
    // One real shared package's index reaches 158 modules through `export *` before its enum.
    name: 'a barrel of barrels wider than a hundred modules, the key in the last one',
    files: wideBarrel(12, 12),
    expected: [{ key: 'deep-key', resolved: true }, { key: 'deep-key', resolved: true }],
  },
  {
    name: 'a chain of fifty re-exports',
    files: {
      [APP]: `import { KEY } from './chain0';\ngb.isOn(KEY);`,
      ...Object.fromEntries(Array.from({ length: 50 }, (_, index) => [`/ws/src/chain${index}.ts`, `export { KEY } from './chain${index + 1}';`])),
      '/ws/src/chain50.ts': `export const KEY = 'end-of-chain';`,
    },
    expected: [{ key: 'end-of-chain', resolved: true }],
  },
  {
    name: 'an export that grows its own path through a cycle ends unresolved',
    files: {
      [APP]: `import { A } from './a';\ngb.isOn(A);`,
      '/ws/src/a.ts': `import * as b from './b';\nexport const A = b.B.x;`,
      '/ws/src/b.ts': `import * as a from './a';\nexport const B = a.A.y;`,
    },
    expected: [{ key: 'A', resolved: false }],
  },
  {
    name: 'a key mirror made at run time and typed so (`as { [Flag in FlagType]: Flag }`): its members are their names, here and where imported',
    files: {
      [APP]: `import { FeatureFlags } from './features';\nimport * as features from './features';
const Local = Object.keys(defaults).reduce((all, name) => ({ ...all, [name]: name }), {}) as { [Name in keyof typeof defaults]: Name };
const NotMirror = build() as { [Name in Keys]: string };
gb.isOn(FeatureFlags.USE_MAINNET_FORK); gb.isOn(features.FeatureFlags.SHOW_TOKENS); gb.isOn(Local.LOCAL_FLAG); gb.isOn(NotMirror.X); gb.isOn(FeatureFlags.A.B);`,
      '/ws/src/features.ts': `export const FeatureFlags = (Object.keys({ ...BuildTimeFlag, ...RuntimeFlag }).reduce((types, flagName) => ({ ...types, [flagName]: flagName }), {}) as {\n  [Flag in FeatureFlagType]: Flag\n});`,
    },
    expected: [
      { key: 'USE_MAINNET_FORK', resolved: true },
      { key: 'SHOW_TOKENS', resolved: true },
      { key: 'LOCAL_FLAG', resolved: true },
      { key: 'NotMirror.X', resolved: false },
      { key: 'FeatureFlags.A.B', resolved: false },
    ],
  },
  {
    name: 'unresolvable keys keep their source text',
    files: {
      [APP]: `import { PKG } from 'flags-package';\nimport { GONE } from './gone';\nimport { FLAGS, mutable } from './flags';
gb.isOn(PKG); gb.isOn(GONE); gb.isOn(FLAGS.MISSING); gb.isOn(mutable); gb.isOn(FLAGS.NEW.deeper);`,
      '/ws/src/flags.ts': `export const FLAGS = { NEW: 'new' } as const;\nexport let mutable = 'x';`,
    },
    expected: [
      { key: 'PKG', resolved: false },
      { key: 'GONE', resolved: false },
      { key: 'FLAGS.MISSING', resolved: false },
      { key: 'mutable', resolved: false },
      { key: 'FLAGS.NEW.deeper', resolved: false },
    ],
  },
  {
    name: 'keys resolved in the file and bag checks stay as they are, in order',
    files: {
      [APP]: `import { A } from './flags';\nconst { darkMode } = useFlags();\ngb.isOn('literal'); gb.isOn(A);`,
      '/ws/src/flags.ts': `export const A = 'imported';`,
    },
    expected: [{ key: 'dark-mode', resolved: true }, { key: 'literal', resolved: true }, { key: 'imported', resolved: true }],
  },
  {
    name: 'a useFlags element access with an imported key',
    files: {
      [APP]: `import { KEY } from './flags';\nconst flags = useFlags();\nflags[KEY];`,
      '/ws/src/flags.ts': `export const KEY = 'element-key';`,
    },
    expected: [{ key: 'element-key', resolved: true }],
  },
];

/** An index re-exporting `width` barrels of `width` modules each, the key in the last module; two checks of it. */
function wideBarrel(width: number, depth: number): Record<string, string> {
  const files: Record<string, string> = {
    [APP]: `import { DEEP } from './shared';\ngb.isOn(DEEP); gb.isOn(DEEP);`,
    '/ws/src/shared/index.ts': Array.from({ length: width }, (_, group) => `export * from './group${group}';`).join('\n'),
  };
  for (let group = 0; group < width; group++) {
    files[`/ws/src/shared/group${group}/index.ts`] = Array.from({ length: depth }, (_, module) => `export * from './module${module}';`).join('\n');
    for (let module = 0; module < depth; module++) files[`/ws/src/shared/group${group}/module${module}.ts`] = `export const VALUE_${group}_${module} = 'v';`;
  }
  files[`/ws/src/shared/group${width - 1}/module${depth - 1}.ts`] += `\nexport enum Deep { A = 'deep-key' }\nexport const DEEP = Deep.A;`;
  return files;
}

describe('resolveChecks', () => {
  for (const { name, files, expected } of cases) {
    it(name, () => check(files, expected));
  }
});

const files = new Set([
  '/ws/src/a.ts',
  '/ws/src/b.tsx',
  '/ws/src/c.js',
  '/ws/src/c.ts',
  '/ws/src/d/index.ts',
  '/ws/src/e.mts',
  '/ws/src/f.cts',
  '/ws/src/g.jsx',
  '/ws/src/index.ts',
  '/ws/src/data.json',
  '/ws/lib/h.mjs',
]);
const host: ModuleHost = { fileExists: (path) => files.has(path) };

const moduleCases: Array<[string, string | undefined]> = [
  ['./a', '/ws/src/a.ts'],
  ['./b', '/ws/src/b.tsx'],
  ['./c', '/ws/src/c.ts'],
  ['./c.js', '/ws/src/c.ts'],
  ['./a.js', '/ws/src/a.ts'],
  ['./a.ts', '/ws/src/a.ts'],
  ['./d', '/ws/src/d/index.ts'],
  ['./d/', '/ws/src/d/index.ts'],
  ['./e.mjs', '/ws/src/e.mts'],
  ['./f.cjs', '/ws/src/f.cts'],
  ['./g', '/ws/src/g.jsx'],
  ['.', '/ws/src/index.ts'],
  ['../lib/h', '/ws/lib/h.mjs'],
  ['/ws/src/a', '/ws/src/a.ts'],
  ['./data.json', undefined],
  ['./missing', undefined],
  ['react', undefined],
  ['@scope/flags', undefined],
];

describe('resolveModulePath', () => {
  for (const [specifier, expected] of moduleCases) {
    it(`${specifier} → ${expected ?? 'nothing'}`, () => assert.equal(resolveModulePath('/ws/src/app.ts', specifier, host), expected));
  }
});

/**
 * Evidence across files: a check whose function or receiver is imported from a module of the workspace is kept
 * only when that module re-exports it from the vendor's package, or exports a client made from it.
 */
const evidenceCases: Array<{ name: string; files: Record<string, string>; expected: Array<[key: string, sdk: Sdk, evidence: string]> }> = [
  {
    name: 'a hook re-exported by a module of the workspace, its SDK from the re-export',
    files: {
      [APP]: `import { useFlag } from './flags';\nuseFlag('a');`,
      '/ws/src/flags.ts': `export { useFlag } from '@unleash/proxy-client-react';`,
    },
    expected: [['a', 'unleash', '`useFlag` comes from @unleash/proxy-client-react (through ./flags)']],
  },
  {
    name: 'a hook imported, then exported under another name',
    files: {
      [APP]: `import { useFeatureFlag as useFlag } from './flags';\nuseFlag('a', false);`,
      '/ws/src/flags.ts': `import { useFlag } from '@openfeature/react-sdk';\nexport { useFlag as useFeatureFlag };`,
    },
    expected: [['a', 'openfeature', '`useFlag` comes from @openfeature/react-sdk (through ./flags)']],
  },
  {
    name: 'an exported client, a default-exported client, a client behind a barrel and a namespace import',
    files: {
      [APP]: `import { ldClient } from './ld';\nimport unleash from './unleash';\nimport { client } from './features';\nimport * as gb from './gb';
ldClient.variation('a', context, false);\nunleash.isEnabled('b');\nclient.getBooleanValue('c', false);\ngb.growthbook.isOn('d');`,
      '/ws/src/ld.ts': `import * as LaunchDarkly from 'launchdarkly-node-server-sdk';\nexport const ldClient = LaunchDarkly.init(process.env.LD_KEY);`,
      '/ws/src/unleash.ts': `import { Unleash } from 'unleash-client';\nexport default new Unleash({ url, appName });`,
      '/ws/src/features/index.ts': `export * from './client';`,
      '/ws/src/features/client.ts': `import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nexport { client };`,
      '/ws/src/gb.ts': `import { GrowthBook } from '@growthbook/growthbook';\nexport const growthbook = new GrowthBook({});`,
    },
    expected: [
      ['a', 'launchdarkly', '`ldClient` comes from launchdarkly-node-server-sdk (through ./ld)'],
      ['b', 'unleash', '`unleash` comes from unleash-client (through ./unleash)'],
      ['c', 'openfeature', '`client` comes from @openfeature/server-sdk (through ./features)'],
      ['d', 'growthbook', '`gb` comes from @growthbook/growthbook (through ./gb)'],
    ],
  },
  {
    // linode/manager's useFlags: LaunchDarkly's bag with the dev tools' mock flags on top, under the SDK hook's own name.
    name: "a team's hook of the SDK hook's name that hands out the vendor's bag, kept in a local and merged with overrides by spreads",
    files: {
      [APP]: `import { useFlags } from './hooks/useFlags';\nconst flags = useFlags();\nif (flags.dbaasV2) show();`,
      '/ws/src/hooks/useFlags.ts': `import { useFlags as ldUseFlags } from 'launchdarkly-react-client-sdk';
export const useFlags = () => {
  const flags = ldUseFlags() as FlagSet;
  const mockFlags = useSelector((state) => state.mockFeatureFlags);
  return { ...flags, ...mockFlags };
};`,
    },
    expected: [
      ['dbaas-v2', 'launchdarkly', '`useFlags` comes from launchdarkly-react-client-sdk (through ./hooks/useFlags)'],
    ],
  },
  {
    name: "a module's own function or object of a preset's name, a package outside the workspace, a missing file: no check",
    files: {
      [APP]: `import { isEnabled } from './permissions';\nimport { store } from './store';\nimport { client } from '@acme/flags';\nimport { gb } from './missing';
isEnabled('a');\nstore.getBooleanValue('b', false);\nclient.getBooleanValue('c', false);\ngb.isOn('d');`,
      '/ws/src/permissions.ts': `export function isEnabled(permission: string) { return permission !== ''; }`,
      '/ws/src/store.ts': `export const store = createStore();`,
    },
    expected: [],
  },
  {
    name: "a workspace function without a declared return type that returns the SDK's client (its body free of flag calls)",
    files: {
      [APP]: `import getServerClient from './ld';
import { getPosthog } from './posthog';
const ldClient = await getServerClient(key);
ldClient.variation('a', context, false);
const posthog = getPosthog();
const flags = await posthog?.evaluateFlags(user);
flags?.isEnabled('b');`,
      '/ws/src/ld.ts': `import { init, LDClient } from '@launchdarkly/node-server-sdk';
export let ldClient: LDClient;
const getServerClient = async (sdkKey: string) => {
  if (!ldClient) {
    ldClient = await init(sdkKey, { plugins: [] });
  }
  await ldClient.waitForInitialization();
  return ldClient;
};
export default getServerClient;`,
      '/ws/src/posthog.ts': `import { PostHog } from 'posthog-node';
let client: PostHog | undefined;
export function getPosthog() {
  if (!process.env.KEY) return;
  if (!client) client = new PostHog(process.env.KEY);
  return client;
}`,
    },
    expected: [
      ['a', 'launchdarkly', '`ldClient` comes from @launchdarkly/node-server-sdk (through ./ld)'],
      ['b', 'posthog', '`flags` comes from posthog-node (through ./posthog)'],
    ],
  },
  {
    name: "a function made of another by a helper of no SDK (`memoize(async () => …)`, `useMemo(() => …)`) gives what that one gives; one giving the team's own object is no client; an SDK's own call given a function makes the client itself",
    files: {
      [APP]: `import { init } from '@launchdarkly/node-server-sdk';
import { memoize } from 'lodash';
import { useMemo } from 'react';
import { Rollout } from './rollout';
const client = init('key');
const getClient = memoize(async () => {
  await client.waitForInitialization();
  return client;
});
export async function check(email: string) {
  const ready = await getClient();
  const made = useMemo(() => client, []);
  const own = useMemo(() => new Rollout(), []);
  const direct = init(() => new Rollout());
  return (await ready.variation('a', { kind: 'user', key: email }, false)) && made.variation('b', context, false) && own.variation('c', context, false)
    && direct.variation('d', context, false);
}`,
      '/ws/src/rollout.ts': `export class Rollout { variation(key: string, context: unknown, fallback: boolean) { return key !== '' || fallback; } }`,
    },
    expected: [
      ['a', 'launchdarkly', '`ready` is created from @launchdarkly/node-server-sdk'],
      ['b', 'launchdarkly', '`made` is created from @launchdarkly/node-server-sdk'],
      ['d', 'launchdarkly', '`direct` is created from @launchdarkly/node-server-sdk'],
    ],
  },
  {
    name: "a workspace function whose declared return type is the SDK's client, called through ?.",
    files: {
      [APP]: `import { getGrowthBookClient, getRollout } from './growthbook';
getGrowthBookClient()?.evalFeature('a', {});
getRollout()?.isOn('b');`,
      '/ws/src/growthbook.ts': `import { GrowthBookClient } from '@growthbook/growthbook';
import { Rollout } from './rollout';
let gbClient: GrowthBookClient | null = null;
export function getGrowthBookClient(): GrowthBookClient | null { return gbClient; }
export function getRollout(): Rollout { return new Rollout(); }`,
      '/ws/src/rollout.ts': `export class Rollout { isOn(key: string) { return key !== ''; } }`,
    },
    expected: [['a', 'growthbook', '`getGrowthBookClient` comes from @growthbook/growthbook (through ./growthbook)']],
  },
  {
    name: "a workspace function declared to give a promise of the SDK's client, awaited",
    files: {
      [APP]: `import { getLaunchDarklyClient, getRollout } from './ld';
export async function check(flag: string) {
  const client = await getLaunchDarklyClient();
  const rollout = await getRollout();
  return (await client.variation('a', context, false)) && rollout.variation('b');
}`,
      '/ws/src/ld.ts': `import { init, type LDClient } from '@launchdarkly/node-server-sdk';
import { Rollout } from './rollout';
let client: LDClient;
export async function getLaunchDarklyClient(): Promise<LDClient> { client ??= init('key'); await client.waitForInitialization(); return client; }
export async function getRollout(): Promise<Rollout> { return new Rollout(); }`,
      '/ws/src/rollout.ts': `export class Rollout { variation(key: string) { return key !== ''; } }`,
    },
    expected: [['a', 'launchdarkly', '`client` comes from @launchdarkly/node-server-sdk (through ./ld)']],
  },
  {
    name: "a workspace function declared to give part of the SDK's client (`Pick<PostHog, …>`), its result held in a local; part of the team's own class is no client",
    files: {
      [APP]: `import PostHogClient from './posthog';
import { rollout } from './rollout';
export async function survey(userId: string) {
  const posthogClient = PostHogClient();
  const own = rollout();
  return (await posthogClient.isFeatureEnabled('a', userId)) && own.isFeatureEnabled('b', userId);
}`,
      '/ws/src/posthog.ts': `import { PostHog } from 'posthog-node';
let instance: PostHog | null = null;
export default function PostHogClient(): Pick<PostHog, 'isFeatureEnabled' | 'getFeatureFlag'> { return (instance ??= new PostHog('key', {})); }`,
      '/ws/src/rollout.ts': `export class Rollout { isFeatureEnabled(key: string, id: string) { return key !== id; } }
export function rollout(): Readonly<Rollout> { return new Rollout(); }`,
    },
    expected: [['a', 'posthog', '`posthogClient` comes from posthog-node (through ./posthog)']],
  },
  {
    name: "a class's method that makes the SDK's client and gives it back, called by the class's other methods; one that gives back something else is no client",
    files: {
      [APP]: `const { GrowthBook } = require('@growthbook/growthbook');
class FeatureToggleManager {
  async growthBook(features) { const growthbook = new GrowthBook(); growthbook.setFeatures(features); return growthbook; }
  local() { return { isOn: (key) => key !== '' }; }
  async isFeatureEnabled(features) { const growthbook = await this.growthBook(features); return growthbook.isOn('a') && this.local().isOn('b'); }
}
module.exports = { manager: new FeatureToggleManager() };`,
    },
    expected: [['a', 'growthbook', '`growthbook` is created from @growthbook/growthbook']],
  },
  {
    name: "a property of the workspace's request type typed by the SDK's class: an intersection's type literal, an interface",
    files: {
      [APP]: `import type { AuthRequest } from './types/AuthRequest';
import { ApiRequest } from './types/ApiRequest';
export function handler(req: AuthRequest<null>) { return req.gb?.getFeatureValue('a', true); }
export function other(req: ApiRequest) { return req.flags.isOn('b'); }`,
      '/ws/src/types/AuthRequest.ts': `import { Request } from 'express';
import { UserScopedGrowthBook } from '@growthbook/growthbook';
export type AuthRequest<Body = unknown> = Request<Body> & { email: string; gb?: UserScopedGrowthBook<AppFeatures> } & Permissions;`,
      '/ws/src/types/ApiRequest.ts': `import type { GrowthBook } from '@growthbook/growthbook';
export interface ApiRequest { flags: GrowthBook }`,
    },
    expected: [
      ['a', 'growthbook', '`req` comes from @growthbook/growthbook (through ./types/AuthRequest)'],
      ['b', 'growthbook', '`req` comes from @growthbook/growthbook (through ./types/ApiRequest)'],
    ],
  },
  {
    name: "a property of the workspace's type typed by its own class, or not exported: no check",
    files: {
      [APP]: `import type { AuthRequest } from './types/AuthRequest';
export function handler(req: AuthRequest) { return req.gb.getFeatureValue('a', true) && req.rollout.isOn('b'); }`,
      '/ws/src/types/AuthRequest.ts': `import { Rollout } from './rollout';
import { GrowthBook } from '@growthbook/growthbook';
type Hidden = { gb: GrowthBook };
export type AuthRequest = Hidden & { rollout: Rollout };`,
      '/ws/src/types/rollout.ts': `export class Rollout { isOn(key: string) { return key !== ''; } }`,
    },
    expected: [],
  },
  {
    name: 'a workspace package that exports a client',
    files: {
      [APP]: `import { posthog } from '@team/analytics';\nposthog.isFeatureEnabled('a');`,
      '/ws/packages/analytics/src/index.ts': `import { PostHog } from 'posthog-node';\nexport const posthog = new PostHog(key);`,
    },
    expected: [['a', 'posthog', '`posthog` comes from posthog-node (through @team/analytics)']],
  },
];

describe('evidence across files', () => {
  for (const { name, files, expected } of evidenceCases) {
    it(name, () => {
      const texts = new Map(Object.entries(files));
      const getScan = scansOver(texts, buildPatternSet([]));
      const host: ModuleHost = { ...hostOver(texts), resolvePackage: (specifier) => (specifier === '@team/analytics' ? '/ws/packages/analytics/src/index.ts' : undefined) };
      const app = getScan(APP);
      assert.ok(app);
      assert.deepEqual(resolveChecks(app, getScan, host).map((found) => [found.key, found.sdk, found.evidence]), expected);
    });
  }
});

// An inferred wrapper is declared in `/ws/src/flags.ts` (and, for one row, also in another module): a call of it is a check
// unless its function or receiver is imported from, or declared in, a module that is none of those.
const WRAPPER_MODULE = '/ws/src/flags.ts';
const wrapperModuleCases: Array<{ name: string; files: Record<string, string>; modules?: string[]; expected: string[] }> = [
  {
    name: 'imported from the module that declares it, directly, through a barrel or a namespace, or handed on in an object: checks',
    files: {
      [APP]: `import { getValue } from './flags';
import { getValue as viaBarrel } from './index';
import * as flags from './flags';
import featureFlag from './flags';
const handed = { getValue };
getValue('a'); viaBarrel('b'); flags.getValue('c'); featureFlag.getValue('d'); handed.getValue('e');`,
      [WRAPPER_MODULE]: `export function getValue(key) { return posthog.getFeatureFlag(key); }
export default { getValue };`,
      '/ws/src/index.ts': `export * from './flags';`,
    },
    expected: ['a', 'b', 'c', 'd', 'e'],
  },
  {
    name: "another module's function or object of the same name, imported or declared here: no checks",
    files: {
      [APP]: `import DataStoreUtils from './DataStoreUtils';
import { getValue as read } from './firebase';
function getValue(path) { return path; }
const Local = { getValue: (path) => path };
DataStoreUtils.getValue(['users', 'profile']); read('signup'); getValue('customProfile'); Local.getValue('attributes');`,
      [WRAPPER_MODULE]: `export function getValue(key) { return posthog.getFeatureFlag(key); }`,
      '/ws/src/DataStoreUtils.ts': `const DataStoreUtils = { getValue(path) { return path; } };\nexport default DataStoreUtils;`,
      '/ws/src/firebase.ts': `export const getValue = (path) => path;`,
    },
    expected: [],
  },
  {
    name: 'a receiver that comes from nowhere known (a parameter, `this`, what a call gave, a package): checks, as matched by name',
    files: {
      [APP]: `import { makeClient } from './client';
import { sdk } from 'some-package';
export function f(service) { return service.getValue('a'); }
class C { g() { return this.getValue('b'); } }
makeClient().getValue('c'); sdk.getValue('d');`,
      [WRAPPER_MODULE]: `export function getValue(key) { return posthog.getFeatureFlag(key); }`,
      '/ws/src/client.ts': `export function makeClient() { return { getValue: (key) => key }; }`,
    },
    expected: ['a', 'b', 'c', 'd'],
  },
  {
    name: 'two modules that each declare the wrapper: calls of either are checks',
    files: {
      [APP]: `import { getValue } from './flags';\nimport { getValue as other } from './admin/flags';\ngetValue('a'); other('b');`,
      [WRAPPER_MODULE]: `export function getValue(key) { return posthog.getFeatureFlag(key); }`,
      '/ws/src/admin/flags.ts': `export function getValue(key) { return posthog.getFeatureFlag(key); }`,
    },
    modules: [WRAPPER_MODULE, '/ws/src/admin/flags.ts'],
    expected: ['a', 'b'],
  },
];

describe("an inferred wrapper's calls, by the module that declares it", () => {
  for (const { name, files, modules, expected } of wrapperModuleCases) {
    it(name, () => {
      const texts = new Map(Object.entries(files));
      const patterns = buildPatternSet([{ callee: 'getValue', keyArg: 0, modules: modules ?? [WRAPPER_MODULE] }]);
      const getScan = scansOver(texts, patterns);
      const app = getScan(APP);
      assert.ok(app);
      assert.deepEqual(resolveChecks(app, getScan, hostOver(texts)).map((found) => found.key), expected);
    });
  }
});

describe('a bag that lists its keys, read by a key written elsewhere', () => {
  it("holds a flag at another module's constant it lists, or one of another list named for flags; not at one it does not list, nor at a local value nothing follows; a parameter stays a dynamic check", () => {
    const texts = new Map(Object.entries({
      [APP]: `import { Feature, FeatureVars } from './feature';
import { DashTabItemType } from './dash';
const features = window.DL.features;
export const on = [features[Feature.Collections], features[DashTabItemType.GroupControl], features['collections'], features['group_control'], features[FeatureVars.Rate]];
export function read(data, openedDialog) {
  const local = openedDialog + 1;
  for (let i = 0; i < data.features.length; i++) draw(data.features[i]);
  return features?.[local];
}
export const isOn = (name: string) => features[name];`,
      '/ws/src/feature.ts': `export enum Feature { Collections = 'collections', Export = 'export' }\nexport enum FeatureVars { Rate = 'sample-rate' }`,
      '/ws/src/dash.ts': `export enum DashTabItemType { GroupControl = 'group_control' }`,
    }));
    const patterns = buildPatternSet([], [{ bag: 'features', keys: ['collections', 'export'] }]);
    const getScan = scansOver(texts, patterns);
    const app = getScan(APP);
    assert.ok(app);
    assert.deepEqual(resolveChecks(app, getScan, hostOver(texts)).map((found) => [found.key, found.resolved, found.dynamic === true, found.keysOfBag]), [
      ['collections', true, false, undefined],
      ['collections', true, false, undefined],
      ['sample-rate', true, false, undefined],
      ['name', false, true, undefined],
    ]);
  });
});
