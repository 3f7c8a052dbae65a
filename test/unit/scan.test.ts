import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { camelCaseFromFlagKey, kebabCaseFromCamelCase } from '../../server/src/analysis/keys';
import { parseSkeleton, scanFile } from '../../server/src/analysis/scan';
import { parseSource } from '../../server/src/analysis/scan/parse';
import type { FlagCheck, FlagValueType, Sdk } from '../../server/src/analysis/types';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { namedPresets } from './named-presets';
import { mayHoldChecks } from '../../server/src/analysis/prefilter';
import { literalAlternation } from '../../server/src/analysis/regex';
import { removeFlagFromFile } from '../../server/src/analysis/remove/plan';

/** The fields of a check a case cares about; `keyText`/`callText` are the source under keySpan/callSpan. */
interface ExpectedCheck {
  key: string;
  resolved: boolean;
  sdk: Sdk;
  method: string;
  valueType?: FlagValueType;
  negate?: boolean;
  defaultValueText?: string | undefined;
  camelCaseName?: string | undefined;
  keyIsLiteral?: boolean;
  keyText?: string;
  callText?: string;
}

interface Case {
  name: string;
  code: string;
  expected: ExpectedCheck[];
  fileName?: string;
}

// The shapes of calls and keys, each found by name as if `.flaglens.json` named it; evidence has its own table below.
const PRESETS = namedPresets();

function check(code: string, expected: ExpectedCheck[], fileName = '/work/app/src/app.tsx'): void {
  const scan = scanFile(fileName, code, PRESETS);
  const actual = scan.checks.map((found, index) => project(code, found, expected[index]));
  assert.deepEqual(actual, expected);
  for (const found of scan.checks) {
    assert.ok(found.callSpan.start <= found.keySpan.start && found.keySpan.end <= found.callSpan.end, `key inside the check: ${found.key}`);
    if (found.keyIsLiteral) assert.match(code.slice(found.keySpan.start, found.keySpan.end), /^['"`]/);
  }
}

/** The actual check reduced to the fields the expected one names, so each case states only what it is about. */
function project(code: string, found: FlagCheck, expected: ExpectedCheck | undefined): Partial<ExpectedCheck> {
  const full: ExpectedCheck = {
    key: found.key,
    resolved: found.resolved,
    sdk: found.sdk,
    method: found.method,
    valueType: found.valueType,
    negate: found.negate,
    defaultValueText: found.defaultValueText,
    camelCaseName: found.camelCaseName,
    keyIsLiteral: found.keyIsLiteral,
    keyText: code.slice(found.keySpan.start, found.keySpan.end),
    callText: code.slice(found.callSpan.start, found.callSpan.end),
  };
  if (expected === undefined) return full;
  return Object.fromEntries(Object.keys(expected).map((field) => [field, full[field as keyof ExpectedCheck]]));
}

const typedMethods: Array<[string, FlagValueType, string]> = [
  ['getBooleanValue', 'boolean', 'false'],
  ['getStringValue', 'string', "'blue'"],
  ['getNumberValue', 'number', '10'],
  ['getObjectValue', 'object', '{}'],
  ['getBooleanDetails', 'boolean', 'false'],
  ['getStringDetails', 'string', "'blue'"],
  ['getNumberDetails', 'number', '10'],
  ['getObjectDetails', 'object', '{ a: 1 }'],
  ['useBooleanFlagValue', 'boolean', 'true'],
  ['useStringFlagValue', 'string', "'a'"],
  ['useNumberFlagValue', 'number', '-1'],
  ['useObjectFlagValue', 'object', '[]'],
];

const openFeatureCases: Case[] = typedMethods.map(([method, valueType, defaultValueText]) => ({
  name: `OpenFeature ${method}`,
  code: `const value = client.${method}('new-checkout', ${defaultValueText});`,
  expected: [{ key: 'new-checkout', resolved: true, sdk: 'openfeature', method: `client.${method}`, valueType, defaultValueText, negate: false }],
}));

const launchDarklyTypedCases: Case[] = (
  [['boolVariation', 'boolean'], ['stringVariation', 'string'], ['numberVariation', 'number'], ['jsonVariation', 'object']] as const
).flatMap(([method, valueType]) => [method, `${method}Detail`].map((name) => ({
  name: `LaunchDarkly ${name}`,
  code: `const v = await ldClient.${name}('new-checkout', context, fallback);`,
  expected: [{ key: 'new-checkout', resolved: true, sdk: 'launchdarkly' as const, method: `ldClient.${name}`, valueType, defaultValueText: 'fallback' }],
})));

const cases: Case[] = [
  ...openFeatureCases,
  {
    name: 'OpenFeature with await, keySpan and callSpan as written',
    code: `const on = await client.getBooleanValue("new-checkout", false);`,
    expected: [{ key: 'new-checkout', resolved: true, sdk: 'openfeature', method: 'client.getBooleanValue', keyIsLiteral: true, keyText: '"new-checkout"', callText: `client.getBooleanValue("new-checkout", false)` }],
  },
  {
    name: 'OpenFeature React useFlag with a default reads the type off the default',
    code: `const { value } = useFlag('dark-mode', true);`,
    expected: [{ key: 'dark-mode', resolved: true, sdk: 'openfeature', method: 'useFlag', valueType: 'boolean', defaultValueText: 'true' }],
  },
  {
    name: "OpenFeature NestJS: a route guard checks each key of its list of flags, a parameter decorator its flag; an empty list none",
    code: `@RequireFlagsEnabled({
  flags: [{ flagKey: 'new-checkout' }, { flagKey: 'beta', defaultValue: true }],
})
class Orders {
  list(@StringFeatureFlag({ flagKey: 'theme', defaultValue: 'a' }) theme: Observable<EvaluationDetails<string>>) {}
}
@RequireFlagsEnabled({ flags: [] })
class Nothing {}`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'openfeature', method: 'RequireFlagsEnabled', valueType: 'boolean', keyText: "'new-checkout'" },
      { key: 'beta', resolved: true, sdk: 'openfeature', method: 'RequireFlagsEnabled', valueType: 'boolean', keyText: "'beta'" },
      { key: 'theme', resolved: true, sdk: 'openfeature', method: 'StringFeatureFlag', valueType: 'string', keyText: "'theme'" },
    ],
  },
  {
    name: 'useFlag with the key only (Unleash React) is the same preset, type unknown',
    code: `const enabled = useFlag('dark-mode');`,
    expected: [{ key: 'dark-mode', resolved: true, sdk: 'openfeature', method: 'useFlag', valueType: 'unknown', defaultValueText: undefined }],
  },
  {
    name: 'type arguments',
    code: `const theme = useStringFlagValue<'a' | 'b'>('theme', 'a');`,
    expected: [{ key: 'theme', resolved: true, sdk: 'openfeature', method: 'useStringFlagValue', valueType: 'string', defaultValueText: "'a'" }],
  },
  {
    name: 'optional chaining on the receiver and on the call',
    code: `client?.getBooleanValue('a', false); client.getBooleanValue?.('b', true);`,
    expected: [
      { key: 'a', resolved: true, sdk: 'openfeature', method: 'client?.getBooleanValue' },
      { key: 'b', resolved: true, sdk: 'openfeature', method: 'client.getBooleanValue' },
    ],
  },
  {
    name: 'a call split over lines',
    code: `const max = await OpenFeature
  .getClient()
  .getNumberValue(
    'max-items',
    10,
  );`,
    expected: [{ key: 'max-items', resolved: true, sdk: 'openfeature', method: 'OpenFeature.getClient().getNumberValue', valueType: 'number', defaultValueText: '10', keyText: "'max-items'" }],
  },
  {
    name: 'template literal without substitutions as key',
    code: 'client.getBooleanValue(`new-checkout`, false);',
    expected: [{ key: 'new-checkout', resolved: true, sdk: 'openfeature', method: 'client.getBooleanValue', keyIsLiteral: true, keyText: '`new-checkout`' }],
  },
  ...launchDarklyTypedCases,
  {
    name: 'LaunchDarkly server variation (key, context, default)',
    code: `const on = await ldClient.variation('new-checkout', context, false);`,
    expected: [{ key: 'new-checkout', resolved: true, sdk: 'launchdarkly', method: 'ldClient.variation', valueType: 'boolean', defaultValueText: 'false' }],
  },
  {
    name: 'LaunchDarkly browser variation (key, default)',
    code: `const color = ldClient.variation('button-color', 'blue');`,
    expected: [{ key: 'button-color', resolved: true, sdk: 'launchdarkly', method: 'ldClient.variation', valueType: 'string', defaultValueText: "'blue'" }],
  },
  {
    name: 'LaunchDarkly variationDetail with both arities',
    code: `ldClient.variationDetail('a', ctx, 3); ldClient.variationDetail('b', { x: 1 });`,
    expected: [
      { key: 'a', resolved: true, sdk: 'launchdarkly', method: 'ldClient.variationDetail', valueType: 'number', defaultValueText: '3' },
      { key: 'b', resolved: true, sdk: 'launchdarkly', method: 'ldClient.variationDetail', valueType: 'object', defaultValueText: '{ x: 1 }' },
    ],
  },
  {
    name: 'useFlags destructured, aliased, with a default, quoted, rest ignored',
    code: `const { newCheckout, darkMode: dm, showBanner = false, 'beta-users': beta, ...others } = useFlags();`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'launchdarkly', method: 'useFlags', camelCaseName: 'newCheckout', keyText: 'newCheckout', callText: 'newCheckout', keyIsLiteral: false },
      { key: 'dark-mode', resolved: true, sdk: 'launchdarkly', method: 'useFlags', camelCaseName: 'darkMode', keyText: 'darkMode', callText: 'darkMode: dm' },
      { key: 'show-banner', resolved: true, sdk: 'launchdarkly', method: 'useFlags', defaultValueText: 'false', valueType: 'boolean', callText: 'showBanner = false' },
      { key: 'beta-users', resolved: true, sdk: 'launchdarkly', method: 'useFlags', camelCaseName: undefined, keyIsLiteral: true, keyText: "'beta-users'" },
    ],
  },
  {
    name: 'useFlags bound to a variable, then property and element access',
    code: `function App() {
  const flags = useFlags();
  if (flags.newCheckout) return flags['dark-mode'] ? 1 : flags?.enableV2Api;
}`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'launchdarkly', method: 'useFlags', camelCaseName: 'newCheckout', keyText: 'newCheckout', callText: 'flags.newCheckout' },
      { key: 'dark-mode', resolved: true, sdk: 'launchdarkly', method: 'useFlags', camelCaseName: undefined, keyIsLiteral: true, keyText: "'dark-mode'", callText: "flags['dark-mode']" },
      { key: 'enable-v2-api', resolved: true, sdk: 'launchdarkly', method: 'useFlags', camelCaseName: 'enableV2Api', callText: 'flags?.enableV2Api' },
    ],
  },
  {
    name: 'property access on the useFlags() call itself',
    code: `const on = useFlags().newCheckout;`,
    expected: [{ key: 'new-checkout', resolved: true, sdk: 'launchdarkly', method: 'useFlags', callText: 'useFlags().newCheckout' }],
  },
  {
    name: 'bag element access with a constant key, destructured from a bag variable',
    code: `const KEY = 'new-checkout';
const flags = useFlags();
const a = flags[KEY];
const { darkMode } = flags;`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'launchdarkly', method: 'useFlags', keyIsLiteral: false, keyText: 'KEY' },
      { key: 'dark-mode', resolved: true, sdk: 'launchdarkly', method: 'useFlags' },
    ],
  },
  {
    name: 'a method call on the bag and a same-named variable in another function are not flags',
    code: `function A() { const flags = useFlags(); return flags.hasOwnProperty('x'); }
function B(flags: Record<string, boolean>) { return flags.newCheckout; }`,
    expected: [],
  },
  {
    name: 'Unleash server and browser calls',
    code: `unleash.isEnabled('new-checkout'); unleash.isEnabled('beta', context, true); client.getVariant('theme'); const v = useVariant('layout');`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'unleash', method: 'unleash.isEnabled', valueType: 'boolean', defaultValueText: undefined },
      { key: 'beta', resolved: true, sdk: 'unleash', method: 'unleash.isEnabled', valueType: 'boolean', defaultValueText: 'true' },
      { key: 'theme', resolved: true, sdk: 'unleash', method: 'client.getVariant', valueType: 'object' },
      { key: 'layout', resolved: true, sdk: 'unleash', method: 'useVariant', valueType: 'object' },
    ],
  },
  {
    name: "a key written with a '!' before it is that flag negated; a lone '!' or a doubled one is no key's negation",
    code: `gb.isOn('!a'); gb.isOff('!b'); gb.isOn('!'); gb.isOn('!!c');`,
    expected: [
      { key: 'a', resolved: true, sdk: 'growthbook', method: 'gb.isOn', valueType: 'boolean', negate: true, keyText: "'!a'" },
      { key: 'b', resolved: true, sdk: 'growthbook', method: 'gb.isOff', valueType: 'boolean', negate: false, keyText: "'!b'" },
      { key: '!', resolved: true, sdk: 'growthbook', method: 'gb.isOn', valueType: 'boolean', negate: false, keyText: "'!'" },
      { key: '!!c', resolved: true, sdk: 'growthbook', method: 'gb.isOn', valueType: 'boolean', negate: false, keyText: "'!!c'" },
    ],
  },
  {
    name: 'GrowthBook methods and hooks, isOff negated',
    code: `gb.isOn('a'); gb.isOff('b'); gb.getFeatureValue('c', 'blue'); gb.evalFeature('d'); gb.feature('e');
const f = useFeatureIsOn('f'); const g = useFeatureValue('g', 10);`,
    expected: [
      { key: 'a', resolved: true, sdk: 'growthbook', method: 'gb.isOn', valueType: 'boolean', negate: false },
      { key: 'b', resolved: true, sdk: 'growthbook', method: 'gb.isOff', valueType: 'boolean', negate: true },
      { key: 'c', resolved: true, sdk: 'growthbook', method: 'gb.getFeatureValue', valueType: 'string', defaultValueText: "'blue'" },
      { key: 'd', resolved: true, sdk: 'growthbook', method: 'gb.evalFeature', valueType: 'unknown' },
      { key: 'e', resolved: true, sdk: 'growthbook', method: 'gb.feature', valueType: 'unknown' },
      { key: 'f', resolved: true, sdk: 'growthbook', method: 'useFeatureIsOn', valueType: 'boolean' },
      { key: 'g', resolved: true, sdk: 'growthbook', method: 'useFeatureValue', valueType: 'number', defaultValueText: '10' },
    ],
  },
  {
    name: 'PostHog browser and Node calls (Node passes distinctId second, never a default) and hooks',
    code: `posthog.isFeatureEnabled('a'); await client.isFeatureEnabled('b', 'user-1'); posthog.getFeatureFlag('c'); posthog.getFeatureFlagPayload('d');
useFeatureFlagEnabled('e'); useFeatureFlagVariantKey('f'); useFeatureFlagPayload('g');`,
    expected: [
      { key: 'a', resolved: true, sdk: 'posthog', method: 'posthog.isFeatureEnabled', valueType: 'boolean' },
      { key: 'b', resolved: true, sdk: 'posthog', method: 'client.isFeatureEnabled', valueType: 'boolean', defaultValueText: undefined },
      { key: 'c', resolved: true, sdk: 'posthog', method: 'posthog.getFeatureFlag', valueType: 'unknown' },
      { key: 'd', resolved: true, sdk: 'posthog', method: 'posthog.getFeatureFlagPayload', valueType: 'object' },
      { key: 'e', resolved: true, sdk: 'posthog', method: 'useFeatureFlagEnabled', valueType: 'boolean' },
      { key: 'f', resolved: true, sdk: 'posthog', method: 'useFeatureFlagVariantKey', valueType: 'unknown' },
      { key: 'g', resolved: true, sdk: 'posthog', method: 'useFeatureFlagPayload', valueType: 'object' },
    ],
  },
  {
    name: 'key from a const, declared after the function that uses it',
    code: `function f() { return gb.isOn(NEW_CHECKOUT); }
export const NEW_CHECKOUT = 'new-checkout';`,
    expected: [{ key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn', keyIsLiteral: false, keyText: 'NEW_CHECKOUT' }],
  },
  {
    name: 'key from a string enum and a const enum',
    code: `enum Flags { NewCheckout = 'new-checkout' }
const enum More { Dark = \`dark-mode\` }
gb.isOn(Flags.NewCheckout); gb.isOn(More.Dark); gb.isOn(Flags['NewCheckout']);`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'dark-mode', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
    ],
  },
  {
    name: 'key from an as const object, nested, by element access, through casts',
    code: `const FLAGS = { NEW_CHECKOUT: 'new-checkout', checkout: { NEW: 'checkout-v2' }, 'dark-mode': 'dark' } as const;
gb.isOn(FLAGS.NEW_CHECKOUT); gb.isOn(FLAGS.checkout.NEW); gb.isOn(FLAGS['dark-mode']); gb.isOn((FLAGS.NEW_CHECKOUT as string)); gb.isOn(FLAGS.checkout.NEW satisfies string);`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn', keyText: 'FLAGS.NEW_CHECKOUT' },
      { key: 'checkout-v2', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'dark', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'checkout-v2', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
    ],
  },
  {
    name: 'key through a chain of consts, shorthand members, Object.freeze, class statics, destructuring',
    code: `const BASE = 'new-checkout';
const ALIAS = BASE;
const FROZEN = Object.freeze({ BASE, OTHER: ALIAS });
class Keys { static readonly DARK = 'dark-mode'; readonly notStatic = 'x'; }
const { OTHER } = FROZEN;
gb.isOn(ALIAS); gb.isOn(FROZEN.BASE); gb.isOn(Keys.DARK); gb.isOn(OTHER);`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'dark-mode', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'new-checkout', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
    ],
  },
  {
    name: 'a function-local const resolves; the innermost declaration wins',
    code: `const KEY = 'outer';
function A() { const KEY = 'inner'; return gb.isOn(KEY); }
function B() { return gb.isOn(KEY); }`,
    expected: [
      { key: 'inner', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'outer', resolved: true, sdk: 'growthbook', method: 'gb.isOn' },
    ],
  },
  {
    name: 'keys that cannot be resolved keep their source text',
    code: `const KEY = 'outer';
function A(KEY: string) { return gb.isOn(KEY); }
let mutable = 'x';
gb.isOn(mutable); gb.isOn(props.flagKey); gb.isOn(\`flag-\${name}\`); gb.isOn(FLAGS.NEW_CHECKOUT); gb.isOn(FLAGS_OBJ.MISSING);
const FLAGS_OBJ = { A: 'a' };`,
    expected: [
      { key: 'KEY', resolved: false, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'mutable', resolved: false, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'props.flagKey', resolved: false, sdk: 'growthbook', method: 'gb.isOn', keyText: 'props.flagKey' },
      { key: '`flag-${name}`', resolved: false, sdk: 'growthbook', method: 'gb.isOn', keyIsLiteral: false },
      { key: 'FLAGS.NEW_CHECKOUT', resolved: false, sdk: 'growthbook', method: 'gb.isOn' },
      { key: 'FLAGS_OBJ.MISSING', resolved: false, sdk: 'growthbook', method: 'gb.isOn' },
    ],
  },
  {
    name: 'generic names in unrelated code: no key-like argument, no check',
    code: `array.feature(1); el.isEnabled(); button.isOn({ animate: true }); feature(() => 1); ldClient.variation(42, ctx, x);
isEnabled(undefined); control.isOff([1]); const isOn = (x: number) => x > 0; isOn(3);`,
    expected: [],
  },
  {
    name: 'an identifier argument to a generic name is kept, unresolved (a dynamic key looks the same)',
    code: `toolbar.isEnabled(item);`,
    expected: [{ key: 'item', resolved: false, sdk: 'unleash', method: 'toolbar.isEnabled' }],
  },
  {
    name: 'too few arguments for an API whose default is required, and no literal key: some other function',
    code: `getBooleanValue(node); utils.getStringValue(ref.arguments[0]); ld.boolVariation(KEY, ctx); gb.getFeatureValue(name);`,
    expected: [],
  },
  {
    name: 'too few arguments but a literal key: kept (the default is not typed yet)',
    code: `client.getBooleanValue('new-checkout'); ld.boolVariation('dark-mode', ctx);`,
    expected: [
      { key: 'new-checkout', resolved: true, sdk: 'openfeature', method: 'client.getBooleanValue', defaultValueText: undefined },
      { key: 'dark-mode', resolved: true, sdk: 'launchdarkly', method: 'ld.boolVariation', defaultValueText: undefined },
    ],
  },
  {
    name: 'names that merely contain a callee name are not calls',
    code: `const getBooleanValueFromCache = 1; obj.isOnline('x'); myIsOn('x'); useFlagsStore('x');`,
    expected: [],
  },
  {
    name: 'half-written key while typing',
    code: `const on = client.getBooleanValue('new-ch`,
    expected: [{ key: 'new-ch', resolved: true, sdk: 'openfeature', method: 'client.getBooleanValue', keyIsLiteral: true }],
  },
  {
    name: 'missing closing braces and a broken statement before the check',
    code: `function App() {
  const x = ;
  if (ready) {
    return gb.isOn('still-found')
`,
    expected: [{ key: 'still-found', resolved: true, sdk: 'growthbook', method: 'gb.isOn' }],
  },
  {
    name: 'an empty argument list while typing',
    code: `client.getBooleanValue(`,
    expected: [],
  },
  {
    name: 'JSX in a .js file',
    fileName: '/work/app/src/App.js',
    code: `export function App() { return <div>{useFlag('jsx-flag', false) ? <New /> : <Old />}</div>; }`,
    expected: [{ key: 'jsx-flag', resolved: true, sdk: 'openfeature', method: 'useFlag', valueType: 'boolean' }],
  },
  {
    name: 'a type assertion in angle brackets in a .mts file',
    fileName: '/work/app/src/server.mts',
    code: `const KEY = <const>'a'; await client.getStringValue(<string>KEY, 'x');`,
    expected: [{ key: 'a', resolved: true, sdk: 'openfeature', method: 'client.getStringValue' }],
  },
  {
    name: 'CommonJS file',
    fileName: '/work/app/src/server.cjs',
    code: `const { init } = require('@launchdarkly/node-server-sdk');
module.exports = async (ld) => ld.boolVariation('cjs-flag', {}, false);`,
    expected: [{ key: 'cjs-flag', resolved: true, sdk: 'launchdarkly', method: 'ld.boolVariation', valueType: 'boolean', defaultValueText: 'false' }],
  },
];

describe('scanFile', () => {
  for (const { name, code, expected, fileName } of cases) {
    it(name, () => check(code, expected, fileName));
  }

  it('never throws on garbage', () => {
    for (const code of [')))(((', 'useFlags(', 'const { = useFlags()', 'flags[', '`${', 'enum {', 'export * from', 'import {', '\u0000']) {
      assert.doesNotThrow(() => scanFile('/a.ts', code, PRESETS), code);
    }
  });

  it('skips parsing a file with no callee name and no export', () => {
    const scan = scanFile('/a.ts', 'const x = 1; function f() { return x }', PRESETS);
    assert.deepEqual(scan, { fileName: '/a.ts', checks: [], importedKeys: [], exports: {}, starExports: [] });
  });

  it('collects exports of a constants file that has no flag call', () => {
    const scan = scanFile('/flags.ts', `export const NEW_CHECKOUT = 'new-checkout';
export enum Flags { Dark = 'dark-mode' }
const hidden = 'x';
export { hidden as renamed };
export * from './more';`, PRESETS);
    assert.deepEqual({ ...scan.exports }, {
      NEW_CHECKOUT: 'new-checkout',
      Flags: { kind: 'object', members: { Dark: 'dark-mode' } },
      renamed: 'x',
    });
    assert.deepEqual(scan.starExports, ['./more']);
  });
});

const kebabCases: Array<[string, string]> = [
  ['newCheckout', 'new-checkout'],
  ['enableV2Api', 'enable-v2-api'],
  ['newHTTPClient', 'new-http-client'],
  ['simple', 'simple'],
  ['feature2', 'feature2'],
];

describe('camelCase names of LaunchDarkly flags', () => {
  for (const [camel, kebab] of kebabCases) {
    it(`${camel} ↔ ${kebab}`, () => {
      assert.equal(kebabCaseFromCamelCase(camel), kebab);
      assert.equal(camelCaseFromFlagKey(kebab), camel === 'newHTTPClient' ? 'newHttpClient' : camel);
    });
  }

  it('maps underscores and dots like the React SDK', () => {
    assert.equal(camelCaseFromFlagKey('new_checkout.v2'), 'newCheckoutV2');
  });
});

/**
 * Evidence: a preset matches a call only when its function, or its receiver, comes from the vendor's package (imported,
 * made from an import, or declared with a type from one); a team's pattern is evidence itself. `expected` lists
 * key, sdk and evidence of each check; `pending` the name whose evidence another module of the workspace decides.
 */
interface EvidenceCase {
  name: string;
  code: string;
  expected: Array<[key: string, sdk: Sdk, evidence: string]>;
  pending?: string[];
  patterns?: Parameters<typeof buildPatternSet>[0];
}

const evidenceCases: EvidenceCase[] = [
  {
    name: "a file's own function of a preset's name is not the vendor's",
    code: `function feature(key: string) { return key; }\nfeature('new-checkout');\nfunction isOn(key: string) { return !!key; }\nisOn('dark-mode');`,
    expected: [],
  },
  {
    name: "a class's own method of a preset's name is not the vendor's",
    code: `class Rollout {\n  isFeatureEnabled(key: string) { return !!key; }\n  render() { return this.isFeatureEnabled('new-checkout'); }\n}`,
    expected: [],
  },
  {
    name: 'a global of the vendor, without an import, is no evidence',
    code: `window.posthog.isFeatureEnabled('new-checkout');\nposthog.getFeatureFlag('dark-mode');`,
    expected: [],
  },
  {
    name: 'a parameter shadows the import of the same name',
    code: `import posthog from 'posthog-js';\nfunction track(posthog: Tracker) { return posthog.isFeatureEnabled('new-checkout'); }\nposthog.isFeatureEnabled('dark-mode');`,
    expected: [['dark-mode', 'posthog', '`posthog` is imported from posthog-js']],
  },
  {
    name: "useFlag is labelled by its import: Unleash's React SDK",
    code: `import { useFlag } from '@unleash/proxy-client-react';\nconst on = useFlag('new-checkout');`,
    expected: [['new-checkout', 'unleash', '`useFlag` is imported from @unleash/proxy-client-react']],
  },
  {
    name: "useFlag is labelled by its import: OpenFeature's React SDK, renamed on import",
    code: `import { useFlag as useOpenFeatureFlag, useFlag } from '@openfeature/react-sdk';\nconst { value } = useFlag('new-checkout', false);`,
    expected: [['new-checkout', 'openfeature', '`useFlag` is imported from @openfeature/react-sdk']],
  },
  {
    name: 'a client created from the SDK, at any remove: awaited, through a variable, through a call',
    code: `import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nconst same = client;\nasync function f() {\n  await same.getBooleanValue('a', false);\n  await (await OpenFeature.getClient()).getStringValue('b', 'x');\n}`,
    expected: [['a', 'openfeature', '`same` is created from @openfeature/server-sdk'], ['b', 'openfeature', '`OpenFeature` is imported from @openfeature/server-sdk']],
  },
  {
    name: "a class's client: a field, a parameter property, an assignment in the constructor",
    code: `import { OpenFeature, type Client } from '@openfeature/server-sdk';
import * as LaunchDarkly from '@launchdarkly/node-server-sdk';
class Checkout {
  private readonly features = OpenFeature.getClient();
  private ld;
  constructor(private readonly client: Client) {
    this.ld = LaunchDarkly.init(sdkKey);
  }
  run() {
    this.features.getBooleanValue('a', false);
    this.client.getBooleanValue('b', false);
    this.ld.variation('c', context, false);
    this.other.getBooleanValue('d', false);
  }
}`,
    expected: [
      ['a', 'openfeature', '`this.features` is created from @openfeature/server-sdk'],
      ['b', 'openfeature', '`this.client` is declared with a type from @openfeature/server-sdk'],
      ['c', 'launchdarkly', '`this.ld` is created from @launchdarkly/node-server-sdk'],
    ],
  },
  {
    name: "CommonJS: a module required whole, a function required by name or as a member, also in a var",
    code: `const LaunchDarkly = require('@launchdarkly/node-server-sdk');
const { init } = require('launchdarkly-node-server-sdk');
var Unleash = require('unleash-client').Unleash;
const notRequired = load('@launchdarkly/node-server-sdk');
const ldClient = LaunchDarkly.init(sdkKey);
const other = init(sdkKey);
const unleash = new Unleash({});
ldClient.variation('a', context, false);
other.variation('b', context, false);
unleash.isEnabled('c');
notRequired.init(sdkKey).variation('d', context, false);`,
    expected: [
      ['a', 'launchdarkly', '`ldClient` is created from @launchdarkly/node-server-sdk'],
      ['b', 'launchdarkly', '`other` is created from launchdarkly-node-server-sdk'],
      ['c', 'unleash', '`unleash` is created from unleash-client'],
    ],
  },
  {
    name: 'a parameter typed by the SDK, also in a union and through a namespace',
    code: `import type { LDClient } from 'launchdarkly-node-server-sdk';\nimport type * as Unleash from 'unleash-client';\nfunction gate(ld: LDClient | undefined, unleash: Unleash.Unleash) {\n  ld?.variation('a', context, false);\n  unleash.isEnabled('b');\n}`,
    expected: [['a', 'launchdarkly', '`ld` is declared with a type from launchdarkly-node-server-sdk'], ['b', 'unleash', '`unleash` is declared with a type from unleash-client']],
  },
  {
    name: "a value asserted to be the SDK's client (`as LDClient`, with or without `?? undefined`) is one, wherever it was kept; one asserted to be the team's own type waits on that type's module",
    code: `import * as LDClient from '@launchdarkly/node-server-sdk';
import type { FlagStore } from './store';
export async function flag(req: Request, flagName: string) {
  const ldClient = (req.app?.locals?.launchDarklyClient as LDClient.LDClient | undefined) ?? undefined;
  const other = req.app.locals.second as LDClient.LDClient;
  const store = req.app.locals.store as FlagStore;
  return [await ldClient?.variation('a', context, false), other.variation('b', context, false), store.variation('c', context, false)];
}`,
    expected: [['a', 'launchdarkly', '`ldClient` is declared with a type from @launchdarkly/node-server-sdk'], ['b', 'launchdarkly', '`other` is declared with a type from @launchdarkly/node-server-sdk']],
    // The team's type may yet be the SDK's, given another name in ./store.
    pending: ['store'],
  },
  {
    name: "a value injected by a key this module types with the SDK's client (Vue's `InjectionKey<T>`, Angular's `InjectionToken<T>`) is that client; a key typed otherwise, or another function's, says nothing",
    code: `import type { IConfigCatClient } from 'configcat-common';
import type { LDClient } from '@launchdarkly/js-client-sdk';
import { inject, type InjectionKey } from 'vue';
import { InjectionToken } from '@angular/core';
export const FeaturesKey: InjectionKey<IConfigCatClient> = Symbol('features');
export const LD_TOKEN = new InjectionToken<LDClient>('ld');
export const OtherKey: InjectionKey<Store> = Symbol('store');
export function useFlags() {
  const client = inject(FeaturesKey);
  const ld = inject(LD_TOKEN);
  const store = inject(OtherKey);
  const other = provide(FeaturesKey);
  return [client?.getValueAsync('a', false), ld.variation('b', false), store.getValueAsync('c', false), other.getValueAsync('d', false)];
}`,
    expected: [['a', 'configcat', '`client` is declared with a type from configcat-common'], ['b', 'launchdarkly', '`ld` is declared with a type from @launchdarkly/js-client-sdk']],
  },
  {
    name: "a variable typed by what an SDK's function gives (`ReturnType`, `Awaited`, an indexed access, `typeof`) holds the SDK's client",
    code: `import { init } from '@launchdarkly/node-server-sdk';
import { Unleash } from 'unleash-client';
let ldClient: Awaited<ReturnType<ReturnType<typeof init>['waitForInitialization']>>;
let unleash: InstanceType<typeof Unleash> | undefined;
export async function getFlagValue(key: string) { return ldClient.variation('a', user, false) && unleash?.isEnabled('b'); }`,
    expected: [['a', 'launchdarkly', '`ldClient` is declared with a type from @launchdarkly/node-server-sdk'], ['b', 'unleash', '`unleash` is declared with a type from unleash-client']],
  },
  {
    name: "a function whose declared return type is the SDK's client makes one, called through ?. and awaited",
    code: `import type { GrowthBookClient } from '@growthbook/growthbook';
import type { LDClient } from '@launchdarkly/node-server-sdk';
function getClient(): GrowthBookClient | null { return client; }
const getLd = async (): Promise<void> => {};
const ld = (): LDClient => make();
getClient()?.evalFeature('a', {});
const gb = getClient();
gb?.isOn('b');
ld().variation('c', context, false);`,
    expected: [
      ['a', 'growthbook', '`getClient` is created from @growthbook/growthbook'],
      ['b', 'growthbook', '`gb` is created from @growthbook/growthbook'],
      ['c', 'launchdarkly', '`ld` is created from @launchdarkly/node-server-sdk'],
    ],
  },
  {
    name: "a function without a declared return type makes the client its returns name: a module's typed client, a created one, an arrow's body",
    code: `import { init, type LDClient } from '@launchdarkly/node-server-sdk';
import { PostHog } from 'posthog-node';
import { GrowthBook } from '@growthbook/growthbook';
let ldClient: LDClient;
let posthog: PostHog | undefined;
const getServerClient = async (sdkKey: string) => {
  if (!ldClient) ldClient = await init(sdkKey);
  await ldClient.waitForInitialization();
  return ldClient;
};
function getPosthog() {
  if (!key) return;
  if (!posthog) posthog = new PostHog(key);
  return posthog;
}
const makeGrowthBook = () => new GrowthBook({});
const ld = await getServerClient(key);
ld.variation('a', context, false);
const flags = await getPosthog()?.evaluateFlags(user);
flags?.isEnabled('b');
makeGrowthBook().isOn('c');`,
    expected: [
      ['a', 'launchdarkly', '`ld` is created from @launchdarkly/node-server-sdk'],
      ['b', 'posthog', '`flags` is created from posthog-node'],
      ['c', 'growthbook', '`makeGrowthBook` is created from @growthbook/growthbook'],
    ],
  },
  {
    name: 'a function that returns an object holding the client, or a client only inside a nested function, makes none',
    code: `import { init } from '@launchdarkly/node-server-sdk';
const ldClient = init(sdkKey);
function wrapped() { return { client: ldClient }; }
function later() { return () => ldClient; }
wrapped().variation('a', context, false);
later().variation('b', context, false);`,
    expected: [],
  },
  {
    name: "a function of the file's own return type, or of none, makes no client",
    code: `import type { GrowthBookClient } from '@growthbook/growthbook';
class Rollout { isOn(key: string) { return !!key; } }
function getRollout(): Rollout { return new Rollout(); }
function getAny() { return makeClient(); }
function check(client: GrowthBookClient) { return client; }
getRollout().isOn('a');
getAny()?.isOn('b');
const own = getRollout();
own?.isOn('c');`,
    expected: [],
  },
  {
    name: 'a hook that returns the client, destructured',
    code: `import { useStatsigClient } from '@statsig/react-bindings';\nconst { client } = useStatsigClient();\nclient.checkGate('new-checkout');`,
    expected: [['new-checkout', 'statsig', '`client` is created from @statsig/react-bindings']],
  },
  {
    name: 'an import from a module of the workspace is decided there',
    code: `import { client } from './flags';\nimport { isEnabled } from '@/permissions';\nclient.getBooleanValue('a', false);\nisEnabled('b');`,
    expected: [],
    // Unleash's and PostHog's `isEnabled` each wait for the module to say which vendor it leads to, if any.
    pending: ['client', 'isEnabled', 'isEnabled'],
  },
  {
    name: 'an import from a package of another vendor matches none of its names',
    code: `import { GrowthBook } from '@growthbook/growthbook';\nconst gb = new GrowthBook({});\ngb.isEnabled('a');\ngb.isOn('b');`,
    expected: [['b', 'growthbook', '`gb` is created from @growthbook/growthbook']],
  },
  {
    name: 'a key that is not a constant is unresolved and named by its expression, without a type assertion',
    code: `import { useVariant } from '@unleash/proxy-client-react';\nfunction Banner({ flag }: { flag: string }) {\n  return useVariant(flag as Variant);\n}`,
    expected: [['flag', 'unleash', '`useVariant` is imported from @unleash/proxy-client-react']],
  },
  {
    name: "a name a parameter destructures from an object of a type the file declares has its property's type: an interface's, a type literal's; another property's type is none",
    code: `import type { GrowthBook } from '@growthbook/growthbook-react';
interface Props { gb: GrowthBook; flags: Record<string, boolean> }
export const a = ({ gb }: Props): boolean => gb.getFeatureValue('is-singpass-enabled', true);
export const b = ({ gb: client }: { gb: GrowthBook }) => client.isOn('renamed');
export const c = ({ flags }: Props) => flags.isOn('not-a-client');`,
    expected: [
      ['is-singpass-enabled', 'growthbook', '`gb` is declared with a type from @growthbook/growthbook-react'],
      ['renamed', 'growthbook', '`client` is declared with a type from @growthbook/growthbook-react'],
    ],
  },
  {
    name: 'a call on one of two clients chosen in place is on a client; with an object of its own in one branch, it is none',
    code: `import { GrowthBook } from '@growthbook/growthbook';\nconst high = new GrowthBook({});\nconst low = new GrowthBook({});\nexport const a = (risk === 'high' ? high : low).isOn('wallet');\nexport const b = (risk ? high : { isOn: () => true }).isOn('stub');`,
    expected: [['wallet', 'growthbook', '`high` is created from @growthbook/growthbook']],
  },
  {
    name: "an SDK function imported under another name is the preset's, under that name; a rename from elsewhere is not",
    code: `import { useFlag as useUnleashFlag, useVariant as variantOf } from '@unleash/proxy-client-react';
import { useFlag as useLocalFlag } from './flags';
import { isEnabled as allowed } from '@/permissions';
export function Banner() { return useUnleashFlag('new-nav') && variantOf('layout') && useLocalFlag('x') && allowed('y'); }`,
    expected: [
      ['new-nav', 'unleash', '`useUnleashFlag` is imported from @unleash/proxy-client-react'],
      ['layout', 'unleash', '`variantOf` is imported from @unleash/proxy-client-react'],
    ],
  },
  {
    name: "Grafana's feature toggles: a bag object read where `config` is imported from @grafana/runtime; written, or of another config, none",
    code: `import { config } from '@grafana/runtime';
if (config.featureToggles.logsPanelControls) show();
const k8s = config.featureToggles['kubernetesDashboards'];
config.featureToggles.scenes = true;
function local(config: { featureToggles: Record<string, boolean> }) { return config.featureToggles.other; }`,
    expected: [
      ['logsPanelControls', 'grafana', '`config` is imported from @grafana/runtime'],
      ['kubernetesDashboards', 'grafana', '`config` is imported from @grafana/runtime'],
    ],
  },
  {
    name: "ember-feature-flags: a field named features injected with @ember/service's decorator, or another field given the service by its name; another decorator's or a field of its own, none",
    code: `import { service } from '@ember/service';
import { tracked } from '@glimmer/tracking';
export default class TargetsController extends Controller {
  @service features;
  get rdp() { return this.features.isEnabled('rdp-target'); }
}
class Tracked { @tracked features; get x() { return this.features.isEnabled('a'); } }
class Named { @service('features') flags; get y() { return this.flags.isEnabled('b'); } }
class Own { features = new FeatureSet(); get z() { return this.features.isEnabled('c'); } }`,
    expected: [
      ['rdp-target', 'ember', '`this.features` is a service injected with @ember/service'],
      ['b', 'ember', "ember-feature-flags' features service, injected into the class with @ember/service's service() as flags"],
    ],
    // Another package's decorator is followed as any package's import is, where the index finds it is no vendor's.
    pending: ['this.features'],
  },
  {
    name: "ember-feature-flags read as Ember reads a property: the injected service's property, get and isEnabled, Ember's get of its path and the computed macros that read one, in a classic class or a mixin; a write, a call of the service's own method, another object's features, a path of another property or a class without the injection, none",
    code: `import Component from '@ember/component';
import Mixin from '@ember/object/mixin';
import { get } from '@ember/object';
import { reads, and, not } from '@ember/object/computed';
import { inject as service } from '@ember/service';
export default Component.extend({
  features: service(),
  isPro: reads('features.proVersion'),
  both: and('features.logScanner', 'user.isAdmin'),
  hidden: not('features.enterpriseVersion'),
  show() {
    if (this.get('features.dashboard') && get(this, 'features.debugLogging')) return this.features.isEnabled('beta-features');
    if (this.features.get('comicSans') || this.features.tracer) this.features.enable('pride');
    this.features.redirect = true;
    return other.features.landingPageCta || this.get('user.features.x');
  },
});
export const Migrate = Mixin.create({ features: service(), check() { return this.get('features.migrate'); } });
export const Plain = Component.extend({ notFeatures: service(), x() { return this.get('features.unseen') && this.features.unseenToo; } });`,
    expected: [
      ...['pro-version', 'log-scanner', 'enterprise-version', 'dashboard', 'debug-logging', 'beta-features', 'comic-sans', 'tracer', 'migrate']
        .map((key): [string, Sdk, string] => [key, 'ember', "ember-feature-flags' features service, injected into the class with @ember/service's service() as features"]),
    ],
  },
  {
    name: 'flagged: its hook, bag, component and component wrapper where imported from flagged; the same names from elsewhere, none',
    code: `import { Feature, useFeature, useFeatures, withFeature } from 'flagged';
import { useFeature as useGrowthFeature } from './growth';
export function Report() {
  const universal = useFeature('universalReportingEnabled');
  const hiv = Boolean(useFeature('hivEnabled'));
  const features = useFeatures();
  return <Feature name="v2">{features.moderate && universal && hiv && useGrowthFeature('other')}</Feature>;
}
export const Admin = withFeature('admin')(Panel);`,
    expected: [
      ['universalReportingEnabled', 'flagged', '`useFeature` is imported from flagged'],
      ['hivEnabled', 'flagged', '`useFeature` is imported from flagged'],
      ['v2', 'flagged', '`Feature` is imported from flagged'],
      ['moderate', 'flagged', '`useFeatures` is imported from flagged'],
      ['admin', 'flagged', '`withFeature` is imported from flagged'],
    ],
  },
  {
    name: "a key that is every key of an object in turn (a for-in loop's) checks no one flag; a loop over a list's items still checks each",
    code: `import { initialize } from 'unleash-client';
const unleash = initialize({ url: 'x', appName: 'y' });
const LIST = ['a', 'b'];
export function audit(flags: Record<string, boolean>) {
  for (const key in flags) if (unleash.isEnabled(key)) console.log(key);
  for (const name of LIST) unleash.isEnabled(name);
  return unleash.isEnabled('new-nav');
}`,
    expected: [
      ['name', 'unleash', '`unleash` is created from unleash-client'],
      ['new-nav', 'unleash', '`unleash` is created from unleash-client'],
    ],
  },
  {
    name: "Split's React hooks, component and component wrapper: each name of a list is a check",
    code: `import { SplitTreatments, useSplitTreatments, useTreatment, withSplitTreatments } from '@splitsoftware/splitio-react';
export function Claims() {
  const { treatments } = useSplitTreatments({ names: ['show_claims', 'show_eob'] });
  const { treatment } = useTreatment({ name: 'new_nav' });
  return <SplitTreatments names={['chat_widget']}>{() => null}</SplitTreatments>;
}
export const Panel = withSplitTreatments(['panel_v2'])(Base);`,
    expected: [
      ['show_claims', 'split', '`useSplitTreatments` is imported from @splitsoftware/splitio-react'],
      ['show_eob', 'split', '`useSplitTreatments` is imported from @splitsoftware/splitio-react'],
      ['new_nav', 'split', '`useTreatment` is imported from @splitsoftware/splitio-react'],
      ['chat_widget', 'split', '`SplitTreatments` is imported from @splitsoftware/splitio-react'],
      ['panel_v2', 'split', '`withSplitTreatments` is imported from @splitsoftware/splitio-react'],
    ],
  },
  {
    name: 'Firebase Remote Config: a parameter read as a boolean, in the modular and the instance forms; one read as a number or a text is configuration',
    code: `import { getRemoteConfig, getBoolean, getValue, getString } from 'firebase/remote-config';
import remoteConfig from '@react-native-firebase/remote-config';
import { getValue as getSetting } from './settings';
const rc = getRemoteConfig(app);
export const on = getBoolean(rc, 'new_checkout') && getValue(rc, 'dark_mode').asBoolean();
export const native = remoteConfig().getValue('nonCustodialEnabled')?.asBoolean() && remoteConfig().getBoolean('card_enabled');
export const settings = [getValue(rc, 'support_url').asString(), getValue(rc, 'limit').asNumber(), getString(rc, 'banner'), getValue(rc, 'raw'), getSetting(rc, 'local').asBoolean()];`,
    expected: [
      ['new_checkout', 'firebase', '`getBoolean` is imported from firebase/remote-config'],
      ['dark_mode', 'firebase', '`getValue` is imported from firebase/remote-config'],
      ['nonCustodialEnabled', 'firebase', '`remoteConfig` is imported from @react-native-firebase/remote-config'],
      ['card_enabled', 'firebase', '`remoteConfig` is imported from @react-native-firebase/remote-config'],
    ],
  },
  {
    name: "Reflag's hook and clients, and Bucket's names for them: the flag is an object, on at .isEnabled; the file's own getFlag is none",
    code: `import { useFlag } from '@reflag/react-sdk';
import { ReflagClient } from '@reflag/node-sdk';
import { useFeature } from '@bucketco/react-sdk';
const reflag = new ReflagClient();
const getFlag = (key: string) => settings[key];
export function Sidebar({ orgId }) {
  const { isEnabled } = useFlag('in-app-search');
  const bound = reflag.bindClient({ company: { id: orgId } }).getFlag('backfill-threads').isEnabled;
  return [isEnabled, bound, useFeature('huddle').isEnabled, reflag.getFlag('crawler'), getFlag('theme')];
}`,
    expected: [
      ['in-app-search', 'reflag', '`useFlag` is imported from @reflag/react-sdk'],
      ['backfill-threads', 'reflag', '`reflag` is created from @reflag/node-sdk'],
      ['huddle', 'reflag', '`useFeature` is imported from @bucketco/react-sdk'],
      ['crawler', 'reflag', '`reflag` is created from @reflag/node-sdk'],
    ],
  },
  {
    name: "Grafana's feature toggles through a module of the workspace: pending that module's import",
    code: `import { config } from './runtime';
if (config.featureToggles.logsPanelControls) show();`,
    expected: [],
    pending: ['config'],
  },
  {
    name: "LaunchDarkly's state of all flags read one by one; another object's getFlagValue is none",
    code: `import * as ld from '@launchdarkly/node-server-sdk';
const client = ld.init('sdk-key');
export async function load(key: string) {
  const state = await client.allFlagsState({ key });
  const settings = new SettingsStore();
  return [state.getFlagValue('new-checkout'), settings.getFlagValue('theme')];
}`,
    expected: [['new-checkout', 'launchdarkly', '`state` is created from @launchdarkly/node-server-sdk']],
  },
  {
    name: "LaunchDarkly's React Native and React Universal hooks, given the key and the default; a hook of the name from elsewhere is none",
    code: `import { useBoolVariation, useJsonVariationDetail } from '@launchdarkly/react-native-client-sdk';
import { useVariation } from '@launchdarkly/react-universal-sdk/client';
import { useStringVariation } from './hooks';
export const useBrowserFlag = () => useBoolVariation('release_browser', false);
export const useBanner = () => [useJsonVariationDetail('banner', {}).value, useVariation('theme'), useStringVariation('locale', 'en')];`,
    expected: [
      ['release_browser', 'launchdarkly', '`useBoolVariation` is imported from @launchdarkly/react-native-client-sdk'],
      ['banner', 'launchdarkly', '`useJsonVariationDetail` is imported from @launchdarkly/react-native-client-sdk'],
      ['theme', 'launchdarkly', '`useVariation` is imported from @launchdarkly/react-universal-sdk/client'],
    ],
    // The workspace's own module decides whether its hook is the SDK's.
    pending: ['useStringVariation'],
  },
  {
    name: 'a pattern whose keys are a rest of arguments: each written from keyArg on is a check, a spread one none',
    code: `hasAnyFeature(user, 'a', 'b');\nhasAnyFeature(user, ...others, 'c');`,
    patterns: [{ callee: 'hasAnyFeature', keyArg: 1, restKeys: true }],
    expected: [
      ['a', 'custom', '`hasAnyFeature` is named in .flaglens.json'],
      ['b', 'custom', '`hasAnyFeature` is named in .flaglens.json'],
      ['c', 'custom', '`hasAnyFeature` is named in .flaglens.json'],
    ],
  },
  {
    name: "redux-saga's call effect calls the function it is given with the arguments after it: a check of that function's pattern; another module's call, a fork, or a function no pattern names, none",
    code: `import { call, fork } from 'redux-saga/effects';
import { call as callTyped } from 'typed-redux-saga';
import { call as notSaga } from './calls';
function* flow() {
  const getFeatureEnabled = yield* getContext('getFeatureEnabled');
  const chat = yield call(getFeatureEnabled, FeatureFlags.CHAT_ENABLED);
  const cache = yield* callTyped(flags.getFeatureEnabled, 'fast-cache', false);
  yield fork(getFeatureEnabled, 'forked');
  yield notSaga(getFeatureEnabled, 'not-saga');
  yield call(fetchUser, 'not-a-flag');
}`,
    patterns: [{ callee: 'getFeatureEnabled' }],
    expected: [
      ['FeatureFlags.CHAT_ENABLED', 'custom', '`getFeatureEnabled` is named in .flaglens.json'],
      ['fast-cache', 'custom', '`getFeatureEnabled` is named in .flaglens.json'],
    ],
  },
  {
    name: 'a pattern of .flaglens.json needs no import',
    code: `useFlag('new-checkout');`,
    patterns: [{ callee: 'useFlag' }],
    expected: [['new-checkout', 'custom', '`useFlag` is named in .flaglens.json']],
  },
  {
    name: 'an option named alone: each key written as its value, or in a list there, is a check; a name each caller decides, a call of its name, and an object handed to a logger are none',
    code: `import { FeatureName } from './types';
const CHECK_TYPES = [{ label: 'gRPC', featureToggle: FeatureName.GRPCChecks }, { label: 'HTTP', featureToggle: 'http-v2' }];
const filters = { featureToggle: ['ROX_SCANNER_V4', 'ROX_CISA_KEV'], other: ['x'] };
const row = (flag: string) => ({ featureToggle: flag });
featureToggle('not-an-option');
recordError(error, { featureToggle: 'logged' });`,
    patterns: [{ callee: 'featureToggle', option: true }],
    expected: [
      ['FeatureName.GRPCChecks', 'custom', 'the option `featureToggle` is named in .flaglens.json'],
      ['http-v2', 'custom', 'the option `featureToggle` is named in .flaglens.json'],
      ['ROX_SCANNER_V4', 'custom', 'the option `featureToggle` is named in .flaglens.json'],
      ['ROX_CISA_KEV', 'custom', 'the option `featureToggle` is named in .flaglens.json'],
    ],
  },
  {
    name: 'a pattern on the checker a call gives back matches that call called at once, and no other call of either',
    code: `const a = useFeatureSelector()('portefolje.darkmode');
const b = useFeatureSelector('not-a-key');
const c = useOther()('other');
const d = useFeatureSelector(state)('with-an-argument');`,
    patterns: [{ callee: 'useFeatureSelector()', keyArg: 0 }],
    expected: [['portefolje.darkmode', 'custom', '`useFeatureSelector()` is named in .flaglens.json']],
  },
];

describe('evidence', () => {
  for (const { name, code, expected, pending = [], patterns = [] } of evidenceCases) {
    it(name, () => {
      const scan = scanFile('/work/app/src/app.tsx', code, buildPatternSet(patterns));
      // A file whose only mention of an SDK's function renames it on import is read too.
      if (expected.length > 0) assert.equal(mayHoldChecks(code, buildPatternSet(patterns)), true, 'the prefilter lets the file through');
      const confirmed = new Set(scan.checks.map((_, index) => index));
      for (const { checkIndex } of scan.evidenceImports ?? []) confirmed.delete(checkIndex);
      assert.deepEqual(scan.checks.filter((_, index) => confirmed.has(index)).map((found) => [found.key, found.sdk, found.evidence]), expected);
      assert.deepEqual((scan.evidenceImports ?? []).map((entry) => entry.subject), pending);
    });
  }

  it("a module's function that makes a client and gives it back, awaited or not, is an origin for other files; one giving back something else is none", () => {
    const code = `import { GrowthBook } from '@growthbook/growthbook';
export const createGrowthBookContext = async () => {
  const growthbookContext = new GrowthBook({ apiHost: 'x' });
  await growthbookContext.init({ timeout: 2000 });
  return growthbookContext;
};
export function makeClient() { const client = new GrowthBook({}); return client; }
export function makeOptions() { const options = { apiHost: 'x' }; return options; }
`;
    const scan = scanFile('/work/app/src/server/context.ts', code, buildPatternSet([]));
    assert.deepEqual(Object.keys(scan.origins ?? {}), ['createGrowthBookContext', 'makeClient']);
  });

  it('a call on one of two clients chosen in place is marked so, and the clean-up leaves it: each client may answer from its own configuration', () => {
    const code = `import { GrowthBook } from '@growthbook/growthbook';\nconst high = new GrowthBook({});\nconst low = new GrowthBook({});\nexport const a = (risk === 'high' ? high : low).isOn('wallet');\nexport const b = high.isOn('plain');\n`;
    const checks = scanFile('/work/app/src/app.ts', code, buildPatternSet([])).checks;
    assert.deepEqual(checks.map((found) => [found.key, found.clientChosen]), [['wallet', true], ['plain', undefined]]);
    const cleaned = removeFlagFromFile('/work/app/src/app.ts', code, checks.slice(0, 1), { kind: 'value', value: true }, 'wallet');
    assert.equal(cleaned.text, code);
    assert.match(cleaned.problems[0].message, /one of two clients, chosen where the program runs/);
  });

  it("a field declared with the SDK's type keeps that evidence whatever the constructor assigns it, whole text or skeleton", () => {
    const code = `import { type Unleash } from 'unleash-client';
import { unleash } from '../unleash';
export class Handler {
  private unleashClient: Unleash;
  constructor(unleashClient?: Unleash) {
    const client = unleashClient ?? unleash();
    this.unleashClient = client;
  }
  poll() {
    return this.unleashClient.isEnabled('kill-switch');
  }
}`;
    for (const tree of [parseSource('/work/app/src/handler.ts', code), undefined]) {
      const scan = scanFile('/work/app/src/handler.ts', code, buildPatternSet([]), tree);
      assert.deepEqual(scan.checks.map((found) => [found.key, found.evidence]), [['kill-switch', '`this.unleashClient` is declared with a type from unleash-client']]);
      assert.deepEqual(scan.evidenceImports ?? [], []);
    }
  });

  it("a switch read as a check's default is the check's fallback, no check of its own; read as a gate, it is one", () => {
    const code = `import * as config from 'config';
export const pcq = () => launchDarkly.serviceVariation('pcq', toBoolean(config.get<boolean>('featureToggles.pcq')));
export const chat = () => (toBoolean(config.get<boolean>('featureToggles.webChat')) ? 'chat' : 'none');`;
    const scan = scanFile('/work/app/src/toggles.ts', code, buildPatternSet([{ callee: 'serviceVariation', keyArg: 0, defaultArg: 1 }]));
    assert.deepEqual(scan.checks.map((found) => [found.key, found.method]), [['pcq', 'launchDarkly.serviceVariation'], ['webChat', "config.get<boolean>('featureToggles.webChat')"]]);
  });

  it("a static field declared with the SDK's type is named through its class in the class; another class's field of that name is not", () => {
    const code = `import * as ld from '@launchdarkly/node-server-sdk';
export class LaunchDarklyClient {
  private static client: ld.LDClient;
  static init() { LaunchDarklyClient.client = ld.init('key'); }
  serviceVariation(): Promise<boolean> { return LaunchDarklyClient.client.variation('help-with-fees', {}, false); }
}
export class Other {
  run() { return LaunchDarklyClient.client.variation('outside', {}, false); }
}`;
    for (const tree of [parseSource('/work/app/src/ld.ts', code), undefined]) {
      const scan = scanFile('/work/app/src/ld.ts', code, buildPatternSet([]), tree);
      assert.deepEqual(scan.checks.map((found) => [found.key, found.evidence]), [['help-with-fees', '`LaunchDarklyClient.client` is declared with a type from @launchdarkly/node-server-sdk']]);
    }
  });

  it("a key a class holds from what its maker passes (a parameter property's member, a field set from a parameter) is dynamic, whole text or skeleton; a field set otherwise is not", () => {
    const code = `import type { Unleash } from 'unleash-client';
export class QueueConfig {
  private _flagName: string;
  private _fixed: string;
  constructor(private unleash: Unleash, private overrides: { pollInterval: string }, config: { flagName: string }) {
    this._flagName = config.flagName;
    this._fixed = computeName();
  }
  get pollInterval() {
    return this.unleash.getVariant(this.overrides.pollInterval);
  }
  sample() {
    return this.unleash.getVariant(this._flagName) && this.unleash.getVariant(this._fixed);
  }
}`;
    for (const tree of [parseSource('/work/app/src/queue.ts', code), undefined]) {
      const checks = scanFile('/work/app/src/queue.ts', code, buildPatternSet([]), tree).checks;
      assert.deepEqual(checks.map((found) => `${found.key} ${found.dynamic === true ? 'dynamic' : ''}`), ['this.overrides.pollInterval dynamic', 'this._flagName dynamic', 'this._fixed ']);
    }
  });

  it('reads each key of a list written where a key goes, in a call or a JSX attribute; what the call makes of them is no flag value, and a module object holding it stores no check', () => {
    const code = `const routes = { compliance: { featureFlagRequirements: allEnabled(['ROX_A', FLAGS.B]) } };
export const on = routes.compliance.featureFlagRequirements;
export const Badge = () => <FeatureFlagIndicator flags={['ROX_C', 'ROX_D']} fullLabel />;
export const one = allEnabled('ROX_E');`;
    const scan = scanFile('/work/app/src/routes.tsx', code, buildPatternSet([{ callee: 'allEnabled', keyArg: 0 }, { callee: 'FeatureFlagIndicator', keyArg: 0, keyPath: ['flags'] }]));
    assert.deepEqual(scan.checks.map((found) => [found.key, found.method, found.returns?.kind ?? 'unknown']), [
      ['ROX_A', 'allEnabled', 'other'],
      ['FLAGS.B', 'allEnabled', 'other'],
      ['ROX_C', 'FeatureFlagIndicator', 'other'],
      ['ROX_D', 'FeatureFlagIndicator', 'other'],
      ['ROX_E', 'allEnabled', 'unknown'],
    ]);
  });

  it("keeps a key's unresolved text free of type assertions, and dynamic through a parameter", () => {
    const [found] = scanFile('/a.tsx', `import { useVariant } from '@unleash/proxy-client-react';\nfunction Banner(flag: string) { return useVariant(flag as Variant); }`, buildPatternSet([])).checks;
    assert.deepEqual([found.key, found.resolved, found.dynamic], ['flag', false, true]);
  });

  const throughConstants: Array<[string, string, boolean]> = [
    ['function f(options: { key: string }) { const { key } = options; return isOn(key); }', 'key', true],
    ['function f(options: { org: { flag: string } }) { const name = options.org.flag; const again = name; return isOn(again); }', 'again', true],
    ['function f(options: { key: string }) { let { key } = options; key = key.trim(); return isOn(key); }', 'key', false],
    ["function f() { const options = { key: other() }; const { key } = options; return isOn(key); }", 'key', false],
  ];
  for (const [code, key, dynamic] of throughConstants) {
    it(`a key taken from a parameter through constants is dynamic, another is not: ${code}`, () => {
      const [found] = scanFile('/a.ts', code, buildPatternSet([{ callee: 'isOn', keyArg: 0 }])).checks;
      assert.deepEqual([found.key, found.resolved, found.dynamic === true], [key, false, dynamic]);
    });
  }

  it('takes a client parameter the configuration names, in a tree parsed without parent links', () => {
    const file = '/work/app/src/results.ts';
    const code = `export const send = async ({ client, runs }: { client: any; runs: number }) => client?.variation('cart', false);
export function legacy(tracker) { return tracker.variation('legacy', 0); }`;
    const patterns = { ...buildPatternSet([]), clientParameters: [{ file, functionName: 'send', parameter: 0, property: 'client', specifier: 'launchdarkly-react-client-sdk' }] };
    assert.deepEqual(scanFile(file, code, patterns).checks.map((found) => [found.key, found.sdk, found.method]), [['cart', 'launchdarkly', 'client?.variation']]);
  });

  const jsxRows: Array<{ name: string; imports: string; jsx: string; expected: Array<[string, string, string]> }> = [
    { name: "a team's gate component, nested, its key a string and a member", imports: "import { IfFeatureEnabled } from './flags';", jsx: '<div><IfFeatureEnabled feature="billing"><Billing /></IfFeatureEnabled><IfFeatureEnabled feature={Flags.Feedback} /></div>', expected: [['billing', 'custom', 'IfFeatureEnabled'], ['Flags.Feedback', 'custom', 'IfFeatureEnabled']] },
    { name: 'a spread after the key may replace it; another component with the attribute is none', imports: "import { IfFeatureEnabled } from './flags';", jsx: '<div><IfFeatureEnabled feature="billing" {...props} /><Other feature="billing" /></div>', expected: [] },
    { name: "GrowthBook's components", imports: "import { IfFeatureEnabled, FeatureString } from '@growthbook/growthbook-react';", jsx: '<div><IfFeatureEnabled feature="new-nav"><Nav /></IfFeatureEnabled><FeatureString feature="banner-text" default="Hi" /></div>', expected: [['new-nav', 'growthbook', 'IfFeatureEnabled'], ['banner-text', 'growthbook', 'FeatureString']] },
    { name: "PostHog's component", imports: "import { PostHogFeature } from 'posthog-js/react';", jsx: '<PostHogFeature flag="new-nav" match={true}><Nav /></PostHogFeature>', expected: [['new-nav', 'posthog', 'PostHogFeature']] },
  ];
  for (const { name, imports, jsx, expected } of jsxRows) {
    it(`a JSX element of a pattern's component is a check that gives no value: ${name}`, () => {
      // The team's component is named in the configuration; a vendor's is a preset.
      const patterns = buildPatternSet(imports.includes('./flags') ? [{ callee: 'IfFeatureEnabled', keyArg: 0, keyPath: ['feature'] }] : []);
      const text = `${imports}\nexport function Page() {\n  return (\n    ${jsx}\n  );\n}\n`;
      // Only the element names the component: the prefilter and the skeleton keep the body for it.
      assert.equal(mayHoldChecks(text, patterns), true);
      const checks = scanFile('/work/app/src/page.tsx', text, patterns).checks;
      assert.deepEqual(checks.map((found) => [found.key, found.sdk, found.method]), expected);
      const fromSkeleton = scanFile('/work/app/src/page.tsx', text, patterns, parseSkeleton('/work/app/src/page.tsx', text, patterns)).checks;
      assert.deepEqual(fromSkeleton.map((found) => [found.key, found.sdk, found.method]), expected, 'the skeleton keeps the element');
      assert.ok(checks.every((found) => found.returns?.kind === 'other'));
      const cleaned = removeFlagFromFile('/work/app/src/page.tsx', text, checks, { kind: 'value', value: true }, expected[0]?.[0] ?? 'none');
      assert.equal(cleaned.text, text);
      if (checks.length > 0) assert.match(cleaned.problems[0].message, /gives what the component renders/);
    });
  }

  // A list of flags searched for one: the key is what the predicate compares the item's `name` with.
  const searchRows: Array<{ name: string; code: string; expected: string[] }> = [
    { name: 'a find whose predicate compares the name with a member, read at ?.active', code: "const on = featureFlags?.find((flag) => flag.name === FeatureKeys.Sso)?.active;", expected: ['sso'] },
    { name: 'the key on the left, beside another condition, in a function with a return', code: "const on = this.featureFlags.some(function (f) { return 'beta-nav' === f.name && f.active; });", expected: ['beta-nav'] },
    { name: 'another property compared, another list searched, a predicate that does not compare', code: "const a = featureFlags.find((flag) => flag.id === FeatureKeys.Sso);\nconst b = users.find((user) => user.name === 'sso');\nconst c = featureFlags.find(isSso);", expected: [] },
  ];
  it("a bag function handed whole to a store's selector hook gives the bag, read or destructured; handed to another function, or another selector handed, gives none", () => {
    const patterns = buildPatternSet([], ['selectFeatures()']);
    const text = `const { newNav, [Feature.darkMode]: dark } = useAppSelector(selectFeatures);
const flags = useSelector(selectFeatures);
const user = useSelector(selectUser);
const all = [selectFeatures].map(String);
const copied = clone(selectFeatures);
export const on = newNav && dark && flags.betaSearch && user.admin && all && copied.x;
`;
    // The file calls no bag function: the name handed to the hook is what lets it through.
    assert.equal(mayHoldChecks(text, patterns), true);
    assert.equal(mayHoldChecks('const user = useSelector(selectUser);\n', patterns), false);
    assert.deepEqual(scanFile('/work/app/src/a.ts', text, patterns).checks.map((found) => found.key), ['newNav', 'Feature.darkMode', 'betaSearch']);
  });

  it('a search a pattern names with its list: only a file that names the list may hold one', () => {
    const patterns = buildPatternSet([{ callee: 'featureFlags.find', keyArg: 0, keyCompared: 'name' }]);
    assert.equal(mayHoldChecks("const admin = users.find((user) => user.name === 'admin');\n", patterns), false);
    // The scan matches the list by its last name, however the receiver is written.
    const cast = "const on = (ctx.featureFlags as Flag[]).find((flag) => flag.name === 'sso');\n";
    assert.equal(mayHoldChecks(cast, patterns), true);
    assert.deepEqual(scanFile('/work/app/src/a.ts', cast, patterns).checks.map((found) => found.key), ['sso']);
  });

  for (const { name, code, expected } of searchRows) {
    it(`a search of a list of flags: ${name}`, () => {
      const patterns = buildPatternSet([{ callee: 'featureFlags.find', keyArg: 0, keyCompared: 'name' }, { callee: 'featureFlags.some', keyArg: 0, keyCompared: 'name' }]);
      const text = `enum FeatureKeys { Sso = 'sso' }\n${code}\n`;
      assert.equal(mayHoldChecks(text, patterns), true);
      const checks = scanFile('/work/app/src/nav.ts', text, patterns).checks;
      assert.deepEqual(checks.map((found) => found.key), expected);
      // What the search finds is the flag's record: the clean-up leaves it.
      assert.ok(checks.every((found) => found.returns?.kind === 'other'));
    });
  }

  it('a wrapper with its keys listed checks only those among the texts written as its key; a constant is resolved as for any wrapper; its list registers them', () => {
    const patterns = buildPatternSet([{ callee: 'getRemoteConfigKey', keyArg: 0, keys: ['perps_enabled', 'polymarket_enabled'] }]);
    const text = `const PERPS = 'perps_enabled';
const a = store.getRemoteConfigKey('polymarket_enabled');
const b = store.getRemoteConfigKey('default_slippage_bips');
const c = state.getRemoteConfigKey(PERPS);
`;
    const checks = scanFile('/work/app/src/a.ts', text, patterns).checks;
    assert.deepEqual(checks.map((found) => `${found.key} ${found.listedByBag === true ? 'listed' : ''}`), ['polymarket_enabled listed', 'perps_enabled ']);
  });

  it("a bag call that gives a reactive box is read through the box's value, which is no flag itself; destructured from it too", () => {
    const patterns = buildPatternSet([], ['useFeatureFlags().value']);
    const text = `const flags = useFeatureFlags();
const a = flags.value.developerMode;
const whole = flags.value;
const { demoMode } = useFeatureFlags().value;
`;
    assert.deepEqual(scanFile('/work/app/src/a.ts', text, patterns).checks.map((found) => found.key), ['developerMode', 'demoMode']);
  });

  it("a Vuex getter called by its path is a call of the function of the getter's name; any other object's bracketed call is none", () => {
    const patterns = buildPatternSet([{ callee: 'getFeatureEnabled', keyArg: 0 }]);
    const text = `export default {
  computed: {
    pinning() { return this.$store.getters['harvester-common/getFeatureEnabled']('cpuPinning'); },
    usb() { return this.$rootGetters["getFeatureEnabled"]('usbPassthrough') && rootGetters[\`common/getFeatureEnabled\`] ('vmSnapshot'); },
    other() { return this.cache['common/getFeatureEnabled']('x') || getters['common/getFeatureEnabled'] || getters['common/get-feature']('y'); },
  },
};
`;
    assert.equal(mayHoldChecks(text, patterns), true);
    assert.equal(mayHoldChecks("const on = store.getters['common/isReady']('x');\n", patterns), false);
    const expected = ['cpuPinning', 'usbPassthrough', 'vmSnapshot'];
    assert.deepEqual(scanFile('/work/app/src/Pinning.vue.ts', text, patterns).checks.map((found) => found.key), expected);
    const fromSkeleton = scanFile('/work/app/src/Pinning.vue.ts', text, patterns, parseSkeleton('/work/app/src/Pinning.vue.ts', text, patterns)).checks;
    assert.deepEqual(fromSkeleton.map((found) => found.key), expected, 'the skeleton keeps the calls');
  });

  it('an element whose tag starts with a lowercase letter is an HTML element, not a component a pattern names', () => {
    const patterns = buildPatternSet([{ callee: 'flagGate', keyArg: 0, keyPath: ['feature'] }, { callee: 'FlagGate', keyArg: 0, keyPath: ['feature'] }]);
    const lowercase = 'export const Page = () => <flagGate feature="billing"><Billing /></flagGate>;\n';
    assert.equal(mayHoldChecks(lowercase, patterns), false);
    assert.deepEqual(scanFile('/work/app/src/page.tsx', lowercase, patterns).checks, []);
    const component = lowercase.replace(/flagGate/g, 'FlagGate');
    assert.equal(mayHoldChecks(component, patterns), true);
    assert.deepEqual(scanFile('/work/app/src/page.tsx', component, patterns).checks.map((found) => found.key), ['billing']);
  });

  it("keeps a constructor in the skeleton: a method's client may have no other evidence", () => {
    const code = `import { OpenFeature } from '@openfeature/server-sdk';
class Checkout {
  private client;
  constructor() {
    this.client = OpenFeature.getClient();
  }
  run() {
    return this.client.getBooleanValue('new-checkout', false);
  }
}`;
    const presets = buildPatternSet([]);
    assert.equal(parseSkeleton('/a.ts', `${code}\nfunction other() { return 1; }`, presets)?.text.includes('OpenFeature.getClient()'), true, 'the skeleton keeps the constructor');
    assert.deepEqual(scanFile('/a.ts', code, presets).checks.map((found) => found.evidence), ['`this.client` is created from @openfeature/server-sdk']);
  });
});

describe('names as one alternation of shared beginnings', () => {
  const names = ['getFlag', 'getFlagValue', 'get', 'useFlag', 'useFlags', 'flags.isOn', 'x$y', 'useFlag'];
  it('matches exactly the names a flat list matches, longer names first', () => {
    const tree = new RegExp(`^${literalAlternation(names)}$`);
    const probes = [...names, '', 'getFla', 'getFlagValues', 'useFlagz', 'flagsXisOn', 'x$', 'gets', 'g', 'u', 'ge'];
    assert.deepEqual(probes.filter((probe) => tree.test(probe)), [...names]);
    assert.equal(literalAlternation(names), '(?:get(?:Flag(?:Value|)|)|useFlag(?:s|)|flags\\.isOn|x\\$y)');
    assert.equal(new RegExp(literalAlternation(names)).exec('useFlags(')?.[0], 'useFlags');
    assert.equal(new RegExp(`^${literalAlternation([])}`).test('x'), false);
  });
});
