// The flag registry in code: reading each way of writing it, the findings it gives against flag checks,
// and the edits of its quick fixes as before/after text.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addEntryEdit,
  findingsForRegistry,
  readRegistry,
  listedKeys,
  registryCandidates,
  removeEntryEdit,
  renameEntryEdit,
  unusedRegistryFindings,
  type FlagRegistry,
  type TextEdit,
} from '../../server/src/analysis/registry';
import type { FlagCheck } from '../../server/src/analysis/types';

const FILE = '/work/app/src/flags.ts';

function registryOf(text: string, symbol: string): FlagRegistry {
  const { registry, problem } = readRegistry(FILE, 'src/flags.ts', text, symbol);
  assert.ok(registry, problem);
  return registry;
}

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.span.start) + edit.newText + text.slice(edit.span.end);
}

const readCases: Array<{ name: string; text: string; symbol: string; kind?: string; keys?: string[]; problem?: string }> = [
  { name: 'an enum (members without a string value are not keys)', text: `export enum FeatureFlag { NewNav = 'new-nav', Dark = "dark-mode", Count = 3 }`, symbol: 'FeatureFlag', kind: 'enum', keys: ['new-nav', 'dark-mode'] },
  { name: "an object of records about each flag: the property names are the keys, the records' strings are labels", text: `export const FLAGS = { enable_ai: { category: 'affine', displayName: 'Enable AI', configurable: true }, offline: { displayName: 'Offline', configurable: isBeta }, checkout: { V2: 'checkout-v2' } } satisfies Record<string, FlagInfo>;`, symbol: 'FLAGS', kind: 'object', keys: ['enable_ai', 'offline', 'checkout-v2'] },
  { name: 'an as const object, nested', text: `export const FLAGS = { NEW_NAV: 'new-nav', checkout: { V2: 'checkout-v2' } } as const;`, symbol: 'FLAGS', kind: 'object', keys: ['new-nav', 'checkout-v2'] },
  { name: 'an as const list of keys', text: `export const FLAGS = ['VisAvslag', "StudentV2"] as const;\nexport type FlagNames = (typeof FLAGS)[number];`, symbol: 'FLAGS', kind: 'list', keys: ['VisAvslag', 'StudentV2'] },
  { name: "a list of the module's string constants (and a key written beside them)", text: `export const DARKMODE = 'app.darkmode';\nexport const NEW_NAV = "new-nav";\nexport const FEATURES = [DARKMODE, NEW_NAV, 'beta'];`, symbol: 'FEATURES', kind: 'list', keys: ['app.darkmode', 'new-nav', 'beta'] },
  { name: 'a list of names that are not all string constants of the module', text: `import { IMPORTED } from './other';\nexport const A = 'a';\nlet B = 'b';\nexport const FEATURES = [A, IMPORTED];\nexport const MORE = [A, B];`, symbol: 'FEATURES', problem: 'is not declared in src/flags.ts' },
  { name: "an interface keyed by the module's string constants", text: `export const VIS_KLAGE = 'app.vis_klage';\nexport interface FeatureToggles { [VIS_KLAGE]: boolean; plain: boolean }`, symbol: 'FeatureToggles', kind: 'interface', keys: ['app.vis_klage', 'plain'] },
  {
    name: "a module's default export of its constants, by their own names (and a key written beside them)",
    text: `export const TABBED_CLUSTERS = 'ocmui-tabbed-clusters';\nexport const HTPASSWD_IMPORT = 'ocmui-htpasswd-import';\nexport const LIMIT = 3;\nexport default { TABBED_CLUSTERS, HTPASSWD_IMPORT, beta: 'beta' } as const;`,
    symbol: 'default', kind: 'object', keys: ['ocmui-tabbed-clusters', 'ocmui-htpasswd-import', 'beta'],
  },
  { name: 'a default export that is not an object, or `export =`', text: `const FLAGS = { A: 'a' };\nexport default FLAGS;\nexport = { B: 'b' };`, symbol: 'default', problem: 'is not declared in src/flags.ts' },
  { name: "a default export of settings, not all keys (a story's)", text: `export default { title: 'Toggle', subtitle: 'On and off', component: ToggleComponent };`, symbol: 'default', problem: 'is not declared in src/flags.ts' },
  {
    name: "an object keyed by the module's string constants: each constant names a key, whatever its record holds; keyof typeof it lists them too",
    text: `export const PROFILES = 'ENS Profiles';\nexport const CASH = 'Cash';\nconst config = { [PROFILES]: { settings: true, value: true }, [CASH]: { settings: true, value: IS_TEST }, [other]: { value: false } } as const;\nexport type ExperimentalConfigKey = keyof typeof config;`,
    symbol: 'config', kind: 'object', keys: ['ENS Profiles', 'Cash'],
  },
  {
    name: "a union of keyof typeof an object keyed by the module's string constants",
    text: `export const PROFILES = 'ENS Profiles';\nconst config = { [PROFILES]: { value: true }, plain: { value: false } } as const;\nexport type ExperimentalConfigKey = keyof typeof config;`,
    symbol: 'ExperimentalConfigKey', kind: 'union', keys: ['ENS Profiles', 'plain'],
  },
  {
    name: "a union of keyof typeof an object the module's own helper hands back as it is (a typo guard); another function's result lists nothing",
    text: `function experiments<Keys extends string>(exp: Record<Keys, Experiment>): Record<Keys, Experiment> {\n  return Object.freeze(exp);\n}\nfunction build(spec: object) { return { ...spec, extra: {} }; }\nconst ALL = experiments({ webframeworks: { shortDescription: 'Web' }, pintags: { shortDescription: 'Tags' } });\nconst OTHER = build({ other: {} });\nexport type ExperimentName = keyof typeof ALL;\nexport type OtherName = keyof typeof OTHER;`,
    symbol: 'ExperimentName', kind: 'union', keys: ['webframeworks', 'pintags'],
  },
  {
    name: "a union of keyof typeof an object the module's own arrow function hands back as it is; one that makes something else of it lists nothing",
    text: `const validateValues = <K extends PropertyKey>(flags: Record<K, boolean>) => flags;\nconst wrapValues = (flags: object) => ({ flags });\nexport const DEFAULT_FEATURE_FLAGS = validateValues({ developerMode: false, demoMode: true } as const);\nconst WRAPPED = wrapValues({ other: true });\nexport type FeatureFlag = keyof typeof DEFAULT_FEATURE_FLAGS;\nexport type OtherFlag = keyof typeof WRAPPED;`,
    symbol: 'FeatureFlag', kind: 'union', keys: ['developerMode', 'demoMode'],
  },
  {
    name: "a union of keyof typeof what an arrow function makes of an object: not a list of its keys",
    text: `const wrapValues = (flags: object) => { return { flags }; };\nconst WRAPPED = wrapValues({ other: true });\nexport type OtherFlag = keyof typeof WRAPPED;`,
    symbol: 'OtherFlag', problem: 'is not declared in src/flags.ts',
  },
  {
    name: "a union of keyof typeof what another function makes of an object: not a list of its keys",
    text: `function build(spec: object) { return { ...spec, extra: {} }; }\nconst OTHER = build({ other: {} });\nexport type OtherName = keyof typeof OTHER;`,
    symbol: 'OtherName', problem: 'is not declared in src/flags.ts',
  },
  { name: 'a plain array, whose items are any text', text: `export const FLAGS = ['a', 'b'];`, symbol: 'FLAGS', problem: 'is not declared in src/flags.ts' },
  { name: 'a frozen object', text: `export const FLAGS = Object.freeze({ A: 'a' });`, symbol: 'FLAGS', kind: 'object', keys: ['a'] },
  { name: 'a union of string literals', text: `export type FlagKey = 'a' | 'b' | "c";`, symbol: 'FlagKey', kind: 'union', keys: ['a', 'b', 'c'] },
  { name: "an interface's keys", text: `export interface Experiments { 'a.b': boolean; plain: string }`, symbol: 'Experiments', kind: 'interface', keys: ['a.b', 'plain'] },
  { name: 'a type literal', text: `type Flags = { x: boolean, y: boolean };`, symbol: 'Flags', kind: 'interface', keys: ['x', 'y'] },
  {
    name: "a class that only records its properties, read as an interface's",
    text: `export class FeatureFlags {
  [index: string]: boolean
  enableSms?: boolean = undefined
  'new-nav'?: boolean
}`,
    symbol: 'FeatureFlags', kind: 'interface', keys: ['enableSms', 'new-nav'],
  },
  { name: 'a class with a method serves flags, listing none', text: `export class FeatureFlags {
  enableSms?: boolean
  isOn(key: string) { return true; }
}`, symbol: 'FeatureFlags', problem: 'is not declared in src/flags.ts' },
  { name: 'a class with a static member or a function-valued property lists none', text: `export class FeatureFlags {
  static enableSms = false
}
export class Toggles {
  a = false
  check = () => true
}`, symbol: 'Toggles', problem: 'is not declared in src/flags.ts' },
  { name: 'a symbol that is not declared', text: `export enum Other { A = 'a' }`, symbol: 'FeatureFlag', problem: 'The flag registry FeatureFlag is not declared in src/flags.ts' },
  { name: 'a union with a non-literal member', text: `type K = 'a' | string;`, symbol: 'K', problem: 'is not declared in src/flags.ts' },
  {
    name: 'a union with keyof members: of an interface others extend (empty here), of an interface and of an object declared beside it',
    text: `export interface Overrides {}
interface More { c: boolean; 'd-e'?: boolean }
const extra = { f: 1 };
export type FlagKey = 'a' | 'b' | keyof Overrides | keyof More | keyof typeof extra;`,
    symbol: 'FlagKey', kind: 'union', keys: ['a', 'b', 'c', 'd-e', 'f'],
  },
  { name: 'a union of keyof a type declared elsewhere only', text: `export type Flag = keyof Flags;`, symbol: 'Flag', problem: 'is not declared in src/flags.ts' },
  { name: 'an enum without string members', text: `enum E { A, B }`, symbol: 'E', problem: 'lists no flag keys' },
];

describe('readRegistry', () => {
  for (const { name, text, symbol, kind, keys, problem } of readCases) {
    it(name, () => {
      const read = readRegistry(FILE, 'src/flags.ts', text, symbol);
      if (problem !== undefined) {
        assert.equal(read.registry, undefined);
        assert.ok(read.problem?.includes(problem), read.problem);
        return;
      }
      assert.equal(read.registry?.kind, kind);
      assert.deepEqual(read.registry === undefined ? undefined : listedKeys(read.registry), keys);
      for (const entry of read.registry?.entries ?? []) assert.ok(text.slice(entry.keySpan.start, entry.keySpan.end).includes(entry.key));
    });
  }

  it('reads a registry in a JavaScript file that also holds JSX', () => {
    // Read as TypeScript, the backtick in the JSX text would open a template that hides the registry.
    const text = "export const Hint = () => <p>Press ` to open the console</p>;\nexport const FLAGS = { newNav: 'new-nav', darkMode: 'dark-mode' };";
    const read = readRegistry('/work/src/flags.js', 'src/flags.js', text, 'FLAGS');
    assert.deepEqual(read.registry?.entries.map((entry) => entry.key), ['new-nav', 'dark-mode']);
  });

  it('lists candidates: registries with two or more keys, exported or not', () => {
    const candidates = registryCandidates(FILE, `export enum FeatureFlag { A = 'a', B = 'b' }
enum One { A = 'a' }
type Keys = 'x' | 'y';
interface Extra { z: boolean }
type More = 'w' | keyof Extra;
export const notFlags = { a: 1 };`);
    assert.deepEqual(candidates.map(({ keyOfMember, ...candidate }) => ({ ...candidate, members: Object.fromEntries(keyOfMember) })), [
      { symbol: 'FeatureFlag', kind: 'enum', keys: ['a', 'b'], members: { A: 'a', B: 'b' }, exported: true },
      { symbol: 'Keys', kind: 'union', keys: ['x', 'y'], members: { x: 'x', y: 'y' }, exported: false },
      { symbol: 'More', kind: 'union', keys: ['w', 'z'], members: { w: 'w' }, exported: false, keysFrom: ['Extra'] },
    ]);
  });
});

function checkOf(key: string, extra: Partial<FlagCheck> = {}): FlagCheck {
  return {
    key, resolved: true, keySpan: { start: 0, end: key.length }, keyIsLiteral: true, callSpan: { start: 0, end: key.length },
    sdk: 'custom', method: 'isOn', valueType: 'boolean', negate: false, ...extra,
  };
}

describe('registry findings', () => {
  const registry = registryOf(`export enum FeatureFlag {\n  NewNav = 'new-nav',\n  DarkMode = 'dark-mode',\n  Legacy = 'legacy-export',\n  Typo = 'beta-serach',\n}\n`, 'FeatureFlag');

  it('reports a checked key the registry does not list, with the closest listed key', () => {
    const findings = findingsForRegistry('/app.ts', [checkOf('new-nav'), checkOf('dark-mdoe'), checkOf('brand-new'), checkOf('x', { resolved: false, dynamic: true })], registry, {});
    assert.deepEqual(findings.map((finding) => [finding.code, finding.key, finding.suggestion, finding.message]), [
      ['unregistered-flag', 'dark-mdoe', 'dark-mode', "'dark-mdoe' is not listed in the flag registry FeatureFlag (src/flags.ts). Did you mean 'dark-mode'?"],
      ['unregistered-flag', 'brand-new', undefined, "'brand-new' is not listed in the flag registry FeatureFlag (src/flags.ts). Add it to FeatureFlag, or check the key for a typo."],
    ]);
  });

  it('matches a camelCased bag property against the listed keys', () => {
    assert.deepEqual(findingsForRegistry('/app.ts', [checkOf('dark-mode', { camelCaseName: 'darkMode' })], registry, {}), []);
  });

  it("leaves a key its bag lists itself (another list of flags, `betaFlags: z.object({ payment: … })`)", () => {
    assert.deepEqual(findingsForRegistry('/app.ts', [checkOf('payment', { listedByBag: true }), checkOf('payment')], registry, {}).map((finding) => finding.key), ['payment']);
  });

  it('reports entries no check uses; possible keys of a dynamic check count; a close unlisted key is suggested', () => {
    const checks = [checkOf('new-nav'), checkOf('flag', { resolved: false, dynamic: true, possibleKeys: ['dark-mode'] }), checkOf('beta-search')];
    const findings = unusedRegistryFindings(registry, checks, {});
    assert.deepEqual(findings.map((finding) => [finding.code, finding.key, finding.suggestion, finding.file]), [
      ['unused-flag', 'legacy-export', undefined, FILE],
      ['unused-flag', 'beta-serach', 'beta-search', FILE],
    ]);
    assert.match(findings[1].message, /Code checks 'beta-search', which FeatureFlag does not list: did you mean 'beta-search'\?/);
  });

  it('does not count a parameter typed as the whole registry as a use of every entry', () => {
    const everyKey = registry.entries.map((entry) => entry.key);
    const checks = [checkOf('new-nav'), checkOf('flag', { resolved: false, dynamic: true, possibleKeys: everyKey })];
    assert.deepEqual(unusedRegistryFindings(registry, checks, {}).map((finding) => finding.key), ['dark-mode', 'legacy-export', 'beta-serach']);
  });

  it('turns off with the severity', () => {
    assert.deepEqual(unusedRegistryFindings(registry, [], { 'unused-flag': 'off' }), []);
    assert.deepEqual(findingsForRegistry('/app.ts', [checkOf('zzz')], registry, { 'unregistered-flag': 'off' }), []);
  });
});

const addCases: Array<{ name: string; before: string; symbol: string; key: string; after: string }> = [
  {
    name: 'an enum, one member a line, trailing comma',
    before: `export enum FeatureFlag {\n  NewNav = 'new-nav',\n  DarkMode = 'dark-mode',\n}\n`,
    symbol: 'FeatureFlag', key: 'beta-search',
    after: `export enum FeatureFlag {\n  NewNav = 'new-nav',\n  DarkMode = 'dark-mode',\n  BetaSearch = 'beta-search',\n}\n`,
  },
  {
    name: 'an as const object in upper case, on one line, without trailing comma',
    before: `export const FLAGS = { NEW_NAV: "new-nav" } as const;`,
    symbol: 'FLAGS', key: 'beta-search',
    after: `export const FLAGS = { NEW_NAV: "new-nav", BETA_SEARCH: "beta-search" } as const;`,
  },
  {
    name: 'a union',
    before: `export type FlagKey = 'a' | 'b';`,
    symbol: 'FlagKey', key: 'c',
    after: `export type FlagKey = 'a' | 'b' | 'c';`,
  },
  {
    name: 'an as const list, one key a line, trailing comma',
    before: `export const FLAGS = [\n  'a',\n  'b',\n] as const;`,
    symbol: 'FLAGS', key: 'c',
    after: `export const FLAGS = [\n  'a',\n  'b',\n  'c',\n] as const;`,
  },
  {
    name: "a list of the module's constants: the key is written beside them as a string",
    before: `export const A = 'app.a';\nexport const FEATURES = [\n  A,\n];`,
    symbol: 'FEATURES', key: 'app.b',
    after: `export const A = 'app.a';\nexport const FEATURES = [\n  A,\n  'app.b',\n];`,
  },
  {
    name: 'an interface, members on their own lines',
    before: `interface Experiments {\n  'a.b': boolean;\n}`,
    symbol: 'Experiments', key: 'c.d',
    after: `interface Experiments {\n  'a.b': boolean;\n  'c.d': boolean;\n}`,
  },
];

const removeCases: Array<{ name: string; before: string; symbol: string; key: string; after: string }> = [
  {
    name: 'an enum member alone on its line',
    before: `enum F {\n  A = 'a',\n  B = 'b',\n  C = 'c',\n}`,
    symbol: 'F', key: 'b',
    after: `enum F {\n  A = 'a',\n  C = 'c',\n}`,
  },
  {
    name: 'an object property on a shared line',
    before: `const F = { A: 'a', B: 'b', C: 'c' } as const;`,
    symbol: 'F', key: 'b',
    after: `const F = { A: 'a', C: 'c' } as const;`,
  },
  { name: 'a key of an as const list on a shared line', before: `const F = ['a', 'b', 'c'] as const;`, symbol: 'F', key: 'b', after: `const F = ['a', 'c'] as const;` },
  { name: "a constant of a list of the module's constants, which stays declared", before: `const A = 'a';\nconst B = 'b';\nconst F = [A, B];`, symbol: 'F', key: 'b', after: `const A = 'a';\nconst B = 'b';\nconst F = [A];` },
  { name: 'the last key of an as const list on a shared line', before: `const F = ['a', 'b'] as const;`, symbol: 'F', key: 'b', after: `const F = ['a'] as const;` },
  { name: 'the last property of an object on a shared line', before: `const F = { A: 'a', B: 'b' } as const;`, symbol: 'F', key: 'b', after: `const F = { A: 'a' } as const;` },
  { name: 'the first union member', before: `type K = 'a' | 'b';`, symbol: 'K', key: 'a', after: `type K = 'b';` },
  { name: 'a later union member', before: `type K = 'a' | 'b' | 'c';`, symbol: 'K', key: 'b', after: `type K = 'a' | 'c';` },
  { name: 'a union member after a keyof member, which stays', before: `interface X {}
type K = 'a' | keyof X | 'b';`, symbol: 'K', key: 'b', after: `interface X {}
type K = 'a' | keyof X;` },
];

describe('registry edits', () => {
  for (const { name, before, symbol, key, after } of addCases) {
    it(`adds to ${name}`, () => assert.equal(apply(before, addEntryEdit(registryOf(before, symbol), before, key)), after));
  }
  for (const { name, before, symbol, key, after } of removeCases) {
    it(`removes ${name}`, () => {
      const registry = registryOf(before, symbol);
      const entry = registry.entries.find((candidate) => candidate.key === key);
      assert.ok(entry);
      assert.equal(apply(before, removeEntryEdit(registry, before, entry)), after);
    });
  }
  it('renames a quoted key in place and quotes a property name that needs it', () => {
    const enumText = `enum F { A = 'beta-serach' }`;
    const [enumEntry] = registryOf(enumText, 'F').entries;
    assert.equal(apply(enumText, renameEntryEdit(enumText, enumEntry, 'beta-search')), `enum F { A = 'beta-search' }`);
    const interfaceText = `interface E { plain: boolean }`;
    const [interfaceEntry] = registryOf(interfaceText, 'E').entries;
    assert.equal(apply(interfaceText, renameEntryEdit(interfaceText, interfaceEntry, 'a.b')), `interface E { 'a.b': boolean }`);
  });
});
