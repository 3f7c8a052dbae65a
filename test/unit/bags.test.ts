// Shapes of flag checks in real codebases beyond a plain SDK call: bags named in `.flaglens.json`, keys
// inside object arguments, keys through a function's parameter (dynamic), and calls chained with `.then`.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBagSpec, type BagEntry } from '../../server/src/analysis/bags';
import { scanFile } from '../../server/src/analysis/scan';
import type { FlagCheck, UserPattern } from '../../server/src/analysis/types';
import { namedPresets } from './named-presets';

/** What a case states about a check; `keyText` is the source under keySpan. */
interface ExpectedCheck {
  key: string;
  resolved?: boolean;
  method?: string;
  keyText?: string;
  dynamic?: boolean | undefined;
  possibleKeys?: string[] | undefined;
  keyIsLiteral?: boolean;
}

interface Case {
  name: string;
  code: string;
  expected: ExpectedCheck[];
  patterns?: UserPattern[];
  bags?: BagEntry[];
}

function check({ code, expected, patterns = [], bags = [] }: Case): void {
  // Shapes, not evidence: the presets are found by name (see named-presets.ts).
  const scan = scanFile('/work/app/src/app.tsx', code, namedPresets(patterns, bags));
  assert.deepEqual(scan.checks.map((found, index) => project(code, found, expected[index])), expected);
}

function project(code: string, found: FlagCheck, expected: ExpectedCheck | undefined): Partial<ExpectedCheck> {
  const full: ExpectedCheck = {
    key: found.key,
    resolved: found.resolved,
    method: found.method,
    keyText: code.slice(found.keySpan.start, found.keySpan.end),
    dynamic: found.dynamic,
    possibleKeys: found.possibleKeys,
    keyIsLiteral: found.keyIsLiteral,
  };
  if (expected === undefined) return full;
  return Object.fromEntries(Object.keys(expected).map((field) => [field, full[field as keyof ExpectedCheck]]));
}

const cases: Case[] = [
  {
    name: 'a bag that lists its keys: only listed properties are flags, read through any receiver or a destructured name',
    bags: [{ bag: 'flags', keys: ['newNav', 'UG', 'new-nav'] }],
    code: `const a = uiConfig.flags.newNav; const b = props.flags.length; const c = config?.flags?.['new-nav']; const d = uiConfig.flags['other'];
const { flags } = uiConfig; const e = flags.UG; const f = flags.some; const g = uiConfig.flags[UG];
const { flags: fromServer, version } = this.config; const h = fromServer.newNav; const i = version.newNav;
const { flags: fallen } = state ?? {}; const j = fallen?.UG;`,
    expected: [
      { key: 'newNav', resolved: true, method: 'flags', keyText: 'newNav' },
      { key: 'new-nav', resolved: true, method: 'flags', keyText: "'new-nav'" },
      { key: 'UG', resolved: true, method: 'flags', keyText: 'UG' },
      { key: 'UG', resolved: false, method: 'flags', keyText: 'UG' },
      { key: 'newNav', resolved: true, method: 'flags', keyText: 'newNav' },
      // Destructured from \`state ?? {}\`: an empty fallback is no other object.
      { key: 'UG', resolved: true, method: 'flags', keyText: 'UG' },
    ],
  },
  {
    name: 'a bag call that lists its keys: only listed properties of what it gives back are flags, read, destructured or held',
    bags: [{ bag: 'useWaffleFlags()', keys: ['useNewEditor', 'enable-optimizer'] }],
    code: `const flags = useWaffleFlags(id); const a = flags.useNewEditor && !flags.isLoading;
const { isError, useNewEditor } = useWaffleFlags(); const b = useWaffleFlags()['enable-optimizer'] || useWaffleFlags()['id'];`,
    expected: [
      { key: 'useNewEditor', resolved: true, method: 'useWaffleFlags', keyText: 'useNewEditor' },
      { key: 'useNewEditor', resolved: true, method: 'useWaffleFlags', keyText: 'useNewEditor' },
      { key: 'enable-optimizer', resolved: true, method: 'useWaffleFlags', keyText: "'enable-optimizer'" },
    ],
  },
  {
    name: 'a bag that lists its keys: a parameter or local of its name, through a cast; writes, deletes and other objects are not reads',
    bags: [{ bag: 'flags', keys: ['newNav', 'UG'] }, { bag: 'featureFlags', keys: ['newNav'] }],
    code: `function a(flags: Record<string, unknown>) { return flags?.[FLAGS.newNav] && (flags as Record<string, unknown>).UG && flags.size; }
function b(org: Org) { const on = (org?.featureFlags as Record<string, unknown> | null)?.[FLAGS.newNav]; return on; }
function c(flags: Record<string, unknown>) { flags.newNav = true; flags[FLAGS.UG] = false; delete flags.UG; flags.newNav++; return flags; }
function d() { const flags = new Set<string>(); return flags.size; }`,
    expected: [
      { key: 'FLAGS.newNav', resolved: false, method: 'flags', keyText: 'FLAGS.newNav' },
      { key: 'UG', resolved: true, method: 'flags', keyText: 'UG' },
      { key: 'FLAGS.newNav', resolved: false, method: 'featureFlags', keyText: 'FLAGS.newNav' },
    ],
  },
  {
    name: "a hook's dependency list names a flag to re-run the hook, and reads none; the hook's body and other arrays do",
    bags: [{ bag: 'features', keys: ['WhiteLabel'] }],
    code: `function NavCard({ features }: Props) {
  const config = useMemo(() => (features.WhiteLabel ? parse(features.WhiteLabel) : null), [features.WhiteLabel]);
  useEffect(() => track(features.WhiteLabel), [features.WhiteLabel, config]);
  const go = useCallback(() => open(config), [config, features.WhiteLabel!.title]);
  return [features.WhiteLabel, title];
}`,
    expected: [
      { key: 'WhiteLabel', resolved: true, method: 'features', keyText: 'WhiteLabel' },
      { key: 'WhiteLabel', resolved: true, method: 'features', keyText: 'WhiteLabel' },
      { key: 'WhiteLabel', resolved: true, method: 'features', keyText: 'WhiteLabel' },
      { key: 'WhiteLabel', resolved: true, method: 'features', keyText: 'WhiteLabel' },
    ],
  },
  {
    name: 'a bag defaulted to an empty object is that bag; defaulted to anything else it is not',
    bags: [{ bag: 'flags', keys: ['newNav', 'UG'] }],
    code: `function a(flags?: Record<string, unknown>) { const source = flags ?? {}; const other = flags || { UG: true }; return source.newNav && (flags || {}).UG && other.UG; }`,
    expected: [
      { key: 'newNav', resolved: true, method: 'flags', keyText: 'newNav' },
      { key: 'UG', resolved: true, method: 'flags', keyText: 'UG' },
    ],
  },
  {
    name: 'a bag that does not list its keys is named only by its path: a local of its name is not one',
    bags: ['flags'],
    code: `function a(flags: string[]) { return flags.length; } const b = ctx.flags.newNav;`,
    expected: [{ key: 'newNav', resolved: true, method: 'flags' }],
  },
  {
    name: 'a destructured property of the same name is a bag only for a bag that lists its keys',
    bags: ['flags'],
    code: `const { flags } = uiConfig; const e = flags.UG; const a = uiConfig.flags.newNav;`,
    expected: [{ key: 'newNav', resolved: true, method: 'flags' }],
  },
  {
    name: 'a bag whose locals are it: a parameter or destructured local of its name is the bag; the record\'s own members and calls are not flags',
    bags: [{ bag: 'featureFlags', locals: true }],
    code: `function a(featureFlags: FeatureFlags) { return featureFlags.trace_nft || featureFlags.length || featureFlags.hasOwnProperty('x'); }
const b = ({ featureFlags }) => featureFlags?.['server-entry'];
function c() { const { featureFlags } = options; const { db_setup } = featureFlags; return db_setup; }`,
    expected: [
      { key: 'trace_nft', resolved: true, method: 'featureFlags', keyText: 'trace_nft' },
      { key: 'server-entry', resolved: true, method: 'featureFlags' },
      { key: 'db_setup', resolved: true, method: 'featureFlags' },
    ],
  },
  {
    name: 'a bag property destructured in turn, at any depth, reads each flag where it is destructured, under any receiver as its reads are; the names beside it are none',
    bags: [{ bag: 'uiConfig.flags', keys: ['UNLEASH_CLOUD', 'newNav'] }, { bag: 'featureFlags', keys: ['enableLoris'] }],
    code: `const { uiConfig: { flags: { UNLEASH_CLOUD, newNav: nav = false }, version } } = useUiConfig();
const { featureFlags: { enableLoris }, reset } = useFeatureFlags();
const { settings: { featureFlags: { enableLoris: other } }, user: { name } } = useSettings();
export const all = [UNLEASH_CLOUD, nav, version, enableLoris, reset, other, name];`,
    expected: [
      { key: 'UNLEASH_CLOUD', resolved: true, method: 'uiConfig.flags', keyText: 'UNLEASH_CLOUD' },
      { key: 'newNav', resolved: true, method: 'uiConfig.flags', keyText: 'newNav' },
      { key: 'enableLoris', resolved: true, method: 'featureFlags', keyText: 'enableLoris' },
      { key: 'enableLoris', resolved: true, method: 'featureFlags', keyText: 'enableLoris' },
    ],
  },
  {
    name: "asking the type of what the record holds there reads no flag; its value compared, defaulted, or asked whether it is served does",
    bags: [{ bag: 'featureFlags', keys: ['atomic_swaps', 'delegation'] }],
    code: `const a = typeof state.featureFlags.atomic_swaps === 'boolean' && state.featureFlags.delegation !== undefined;
const c = state.featureFlags.delegation === true || (state.featureFlags.delegation ?? false);`,
    expected: [
      { key: 'delegation', resolved: true },
      { key: 'delegation', resolved: true },
      { key: 'delegation', resolved: true },
    ],
  },
  {
    name: 'a bag chosen against an empty object is that bag; chosen against anything else it is not',
    code: `const flags = session ? await getFeatureFlags(session.id) : {};\nconst other = session ? {} : useFlags();\nconst either = session ? useFlags() : defaults;\nexport const all = [flags['new-nav'], other.darkMode, either.gone];`,
    patterns: [],
    bags: ['getFeatureFlags()'],
    expected: [
      { key: 'new-nav', resolved: true, method: 'getFeatureFlags' },
      { key: 'dark-mode', resolved: true },
    ],
  },
  {
    name: 'a bag property that lists its keys, destructured from a call or an awaited call, holds what the property does',
    bags: [{ bag: 'flags', keys: ['newNav'] }, { bag: 'partner.featureFlags', keys: ['postbacks'] }],
    code: `function Page() { const { flags, slug } = useWorkspace(); return flags?.newNav && flags?.length && slug.newNav; }
async function Nav() { const { flags: workspaceFlags } = await loadWorkspace(); return workspaceFlags.newNav; }
function Sidebar() { const { featureFlags } = useOther(); return featureFlags?.postbacks; }`,
    expected: [
      { key: 'newNav', resolved: true, method: 'flags', keyText: 'newNav' },
      { key: 'newNav', resolved: true, method: 'flags' },
    ],
  },
  {
    name: 'a bag function awaited: the name it is bound to holds the bag',
    bags: ['getFeatureFlags()'],
    code: `async function route() { const flags = await getFeatureFlags({ workspaceId }); if (!flags.noProration) return; }`,
    expected: [{ key: 'noProration', resolved: true, method: 'getFeatureFlags' }],
  },
  {
    name: 'a bag function awaited among others with Promise.all: the name at its place holds the bag, not those after a spread',
    bags: ['getFeatureFlags()'],
    code: `async function page() {
  const [doc, , flags] = await Promise.all([getDocument(id), getLimits(id), getFeatureFlags({ teamId })]);
  const [more, late] = await Promise.all([...pending, getFeatureFlags({ teamId })]);
  const [settled] = await Promise.allSettled([getFeatureFlags({ teamId })]);
  return doc.annotations || flags.annotations || late.annotations || settled.annotations;
}`,
    expected: [{ key: 'annotations', resolved: true, method: 'getFeatureFlags', keyText: 'annotations' }],
  },
  {
    name: 'a variable of a bag\'s name declared as an object of booleans, each a key the bag lists, is that bag, as an untyped one is',
    bags: [{ bag: 'features', keys: ['tokens', 'webhooks'] }],
    code: `function Settings() {
  const { data: features, error } = useSWR<{ tokens: boolean }>('/api/feature-flags', fetcher);
  const other: { tokens: boolean; views: boolean } = load();
  return features?.tokens && error.tokens && other.tokens;
}
function Webhooks() { const features: { webhooks: boolean } = useFlagsOf(team); return features.webhooks; }
function Plain() { const { data: features } = useSWR('/api/feature-flags'); return features.tokens; }`,
    // A local of the bag's name is the bag wherever it is bound (see the record rows): `Plain` reads it too.
    expected: [{ key: 'tokens', resolved: true, method: 'features' }, { key: 'webhooks', resolved: true, method: 'features' }, { key: 'tokens', resolved: true, method: 'features' }],
  },
  {
    name: 'a declared bag object: property, quoted element, optional chaining, a longer receiver chain',
    bags: ['uiConfig.flags'],
    code: `const a = uiConfig.flags.newNav; const b = uiConfig.flags['new-nav']; const c = this.props.uiConfig?.flags?.beta;`,
    expected: [
      { key: 'newNav', resolved: true, method: 'uiConfig.flags', keyText: 'newNav', keyIsLiteral: false },
      { key: 'new-nav', resolved: true, method: 'uiConfig.flags', keyText: "'new-nav'", keyIsLiteral: true },
      { key: 'beta', resolved: true, method: 'uiConfig.flags' },
    ],
  },
  {
    name: 'a declared bag destructured, and bound to a name first',
    bags: ['config.flags'],
    code: `const { newNav, 'dark-mode': dark } = config.flags;
function App() { const flags = config.flags; return flags.search && flags.hasOwnProperty('x'); }`,
    expected: [
      { key: 'newNav', resolved: true, method: 'config.flags', keyText: 'newNav' },
      { key: 'dark-mode', resolved: true, method: 'config.flags', keyText: "'dark-mode'" },
      { key: 'search', resolved: true, method: 'config.flags' },
    ],
  },
  {
    name: 'a bag object is matched by its whole path: other objects with a flags property are not bags',
    bags: ['uiConfig.flags'],
    code: `const a = options.flags.newNav; const b = uiConfig.flagsOld.x; const c = uiConfig.flags;`,
    expected: [],
  },
  {
    name: 'a local name shadows a one-name bag',
    bags: ['flags'],
    code: `flags.global; function f() { const flags = load(); return flags.local; }`,
    expected: [{ key: 'global', resolved: true, method: 'flags' }],
  },
  {
    name: 'a call declared as a bag: bound, indexed directly, keys as written (not camelCased)',
    bags: ['useFeatureFlags()', 'flagService.all()'],
    code: `const flags = useFeatureFlags(); flags.newNav; useFeatureFlags()['dark-mode']; const { beta } = flagService.all();`,
    expected: [
      { key: 'newNav', resolved: true, method: 'useFeatureFlags' },
      { key: 'dark-mode', resolved: true, method: 'useFeatureFlags' },
      { key: 'beta', resolved: true, method: 'flagService.all' },
    ],
  },
  {
    name: 'a key inside an object argument, from an enum, by shorthand, and a literal',
    patterns: [{ callee: 'getFeatureFlag', keyArg: 0, keyPath: ['key'] }],
    code: `enum Flags { X = 'x-flag' }
getFeatureFlag({ key: Flags.X, user }); const key = 'short'; getFeatureFlag({ user, key }); getFeatureFlag({ key: 'lit' } as Options);`,
    expected: [
      { key: 'x-flag', resolved: true, method: 'getFeatureFlag', keyText: 'Flags.X' },
      { key: 'short', resolved: true, method: 'getFeatureFlag', keyText: 'key' },
      { key: 'lit', resolved: true, method: 'getFeatureFlag', keyText: "'lit'", keyIsLiteral: true },
    ],
  },
  {
    name: 'a key nested in a factory call argument',
    patterns: [{ callee: 'Command.create', keyArg: 0, keyPath: ['options', 'flag'] }],
    code: `export const cmd = Command.create({ name: 'x', options: { flag: 'nested-flag' } }); Command.create({ options: {} }); Command.create(other);`,
    expected: [{ key: 'nested-flag', resolved: true, method: 'Command.create', keyText: "'nested-flag'" }],
  },
  {
    name: 'an options object passed whole: a parameter of an object type holding the key is dynamic, a constant object resolves; a string or an untyped name is no check',
    patterns: [{ callee: 'flag', keyArg: 0, keyPath: ['key'] }],
    code: `const fixed = { key: 'fixed-flag' } as const;
export function cached(opts: { key: FlagKey; fallback?: boolean }) { return flag(opts); }
export function named(opts: FlagOptions) { return flag(opts); }
export function notKeys(orgId: string, env: { organizationId: string }, loose, listed: { other: string }) { flag(orgId); flag(env.organizationId); flag(loose); flag(listed); }
flag(fixed); flag(make());`,
    expected: [
      { key: 'opts.key', resolved: false, method: 'flag', keyText: 'opts', dynamic: true },
      { key: 'opts.key', resolved: false, method: 'flag', keyText: 'opts', dynamic: true },
      { key: 'fixed-flag', resolved: true, method: 'flag', keyText: 'fixed' },
    ],
  },
  {
    name: 'a key through a parameter typed as a union of literals, an alias, an enum: dynamic with the possible keys',
    code: `type FlagKey = 'a' | 'b';
enum Flags { X = 'x', Y = 'y' }
export function one(flag: 'p' | 'q') { return gb.isOn(flag); }
export function two(flag: FlagKey | undefined) { return gb.isOn(flag); }
export const three = (flag: Flags) => gb.isOn(flag);
export function four(flag: FlagKey | Flags) { return useFlags()[flag]; }`,
    expected: [
      { key: 'flag', resolved: false, dynamic: true, possibleKeys: ['p', 'q'] },
      { key: 'flag', resolved: false, dynamic: true, possibleKeys: ['a', 'b'] },
      { key: 'flag', resolved: false, dynamic: true, possibleKeys: ['x', 'y'] },
      { key: 'flag', resolved: false, method: 'useFlags', dynamic: true, possibleKeys: ['a', 'b', 'x', 'y'] },
    ],
  },
  {
    name: 'a parameter of another type, a destructured parameter, a member of a parameter: dynamic without possible keys',
    code: `function a(flag: string) { return gb.isOn(flag); }
function b({ flag }: Props) { return gb.isOn(flag); }
function c(props: Props) { return gb.isOn(props.flag); }`,
    expected: [
      { key: 'flag', resolved: false, dynamic: true, possibleKeys: undefined },
      { key: 'flag', resolved: false, dynamic: true, possibleKeys: undefined },
      { key: 'props.flag', resolved: false, dynamic: true, possibleKeys: undefined },
    ],
  },
  {
    name: 'a local variable that is not a constant is unresolved, not dynamic',
    code: `function a() { let flag = pick(); return gb.isOn(flag); }`,
    expected: [{ key: 'flag', resolved: false, dynamic: undefined }],
  },
  {
    name: 'calls chained with .then, awaited, with type arguments, split over lines',
    code: `client.getBooleanValue('a', false).then((on) => on);
const v = await useVariant<Payload>(
  'b',
);
client?.getStringValue?.<'x'>('c', 'x');`,
    expected: [
      { key: 'a', resolved: true, method: 'client.getBooleanValue' },
      { key: 'b', resolved: true, method: 'useVariant' },
      { key: 'c', resolved: true, method: 'client?.getStringValue' },
    ],
  },
];

describe('detection shapes', () => {
  for (const row of cases) it(row.name, () => check(row));
});

describe('parseBagSpec', () => {
  const specs: Array<[string, string | undefined]> = [
    ['uiConfig.flags', 'object'],
    ['flags', 'object'],
    ['useFeatureFlags()', 'call'],
    ['flagService.all()', 'call'],
    ['a.b.c()', undefined],
    ['flags[0]', undefined],
    ['', undefined],
  ];
  for (const [spec, kind] of specs) {
    it(`${JSON.stringify(spec)} is ${kind ?? 'not a bag'}`, () => assert.equal(parseBagSpec(spec)?.kind, kind));
  }
});
