import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanFile } from '../../server/src/analysis/scan';
import type { CallReturns, FlagValueType, Sdk, UserPattern } from '../../server/src/analysis/types';
import { removeFlagFromFile } from '../../server/src/analysis/remove/plan';
import { buildPatternSet, PRESET_PATTERNS } from '../../server/src/analysis/patterns';

interface ExpectedCheck {
  key: string;
  sdk: Sdk;
  method: string;
  valueType: FlagValueType;
  negate: boolean;
  defaultValueText?: string;
}

interface Case {
  name: string;
  userPatterns: UserPattern[];
  code: string;
  expected: ExpectedCheck[];
}

function check(userPatterns: UserPattern[], code: string, expected: ExpectedCheck[]): void {
  const scan = scanFile('/work/app/src/app.ts', code, buildPatternSet(userPatterns));
  const actual = scan.checks.map(({ key, sdk, method, valueType, negate, defaultValueText }) => ({
    key, sdk, method, valueType, negate, ...(defaultValueText === undefined ? {} : { defaultValueText }),
  }));
  assert.deepEqual(actual, expected);
}

const cases: Case[] = [
  {
    name: 'a user pattern replaces the preset with the same callee',
    userPatterns: [{ callee: 'useFlag', keyArg: 1 }],
    code: `useFlag(user, 'new-checkout'); useFlag('not-a-key-here', false);`,
    expected: [{ key: 'new-checkout', sdk: 'custom', method: 'useFlag', valueType: 'unknown', negate: false }],
  },
  {
    name: 'a receiver-qualified user pattern replaces the bare preset of its last name',
    userPatterns: [{ callee: 'features.isOn' }],
    code: `gb.isOn('vendor'); features.isOn('ours');`,
    expected: [{ key: 'ours', sdk: 'custom', method: 'features.isOn', valueType: 'unknown', negate: false }],
  },
  {
    name: 'receiver.name matches on the receiver\'s last name only',
    userPatterns: [{ callee: 'flags.check' }],
    code: `this.flags.check('a'); flags.check('b'); ctx.flags?.check('c'); other.check('no'); check('no'); getFlags().check('no');`,
    expected: [
      { key: 'a', sdk: 'custom', method: 'this.flags.check', valueType: 'unknown', negate: false },
      { key: 'b', sdk: 'custom', method: 'flags.check', valueType: 'unknown', negate: false },
      { key: 'c', sdk: 'custom', method: 'ctx.flags?.check', valueType: 'unknown', negate: false },
    ],
  },
  {
    name: 'a bare user pattern matches any receiver',
    userPatterns: [{ callee: 'isFeatureOn' }],
    code: `isFeatureOn('a'); services.flags.isFeatureOn('b');`,
    expected: [
      { key: 'a', sdk: 'custom', method: 'isFeatureOn', valueType: 'unknown', negate: false },
      { key: 'b', sdk: 'custom', method: 'services.flags.isFeatureOn', valueType: 'unknown', negate: false },
    ],
  },
  {
    name: 'negate defaults the type to boolean',
    userPatterns: [{ callee: 'isFlagDisabled', negate: true }],
    code: `if (isFlagDisabled('new-checkout')) {}`,
    expected: [{ key: 'new-checkout', sdk: 'custom', method: 'isFlagDisabled', valueType: 'boolean', negate: true }],
  },
  {
    name: 'keyArg, defaultArg and type',
    userPatterns: [{ callee: 'flagValue', keyArg: 1, defaultArg: 2, type: 'string' }],
    code: `flagValue(user, 'theme', 'light');`,
    expected: [{ key: 'theme', sdk: 'custom', method: 'flagValue', valueType: 'string', negate: false, defaultValueText: "'light'" }],
  },
  {
    name: 'without a declared type, the default value gives it',
    userPatterns: [{ callee: 'flagValue', defaultArg: 1 }],
    code: `flagValue('limit', 25);`,
    expected: [{ key: 'limit', sdk: 'custom', method: 'flagValue', valueType: 'number', negate: false, defaultValueText: '25' }],
  },
  {
    name: 'a key argument beyond the call\'s arguments is no check',
    userPatterns: [{ callee: 'flagValue', keyArg: 1 }],
    code: `flagValue('only-one');`,
    expected: [],
  },
  {
    name: 'presets of other names stay',
    userPatterns: [{ callee: 'isFeatureOn' }],
    code: `import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('a', false); isFeatureOn('b');`,
    expected: [
      { key: 'a', sdk: 'openfeature', method: 'client.getBooleanValue', valueType: 'boolean', negate: false, defaultValueText: 'false' },
      { key: 'b', sdk: 'custom', method: 'isFeatureOn', valueType: 'unknown', negate: false },
    ],
  },
];

describe('user patterns', () => {
  for (const { name, userPatterns, code, expected } of cases) {
    it(name, () => check(userPatterns, code, expected));
  }
});

describe('buildPatternSet', () => {
  it('declares what every preset returns', () => {
    assert.deepEqual(PRESET_PATTERNS.filter((pattern) => pattern.returns === undefined).map((pattern) => pattern.callee), []);
    const byCallee = new Map(PRESET_PATTERNS.map((pattern) => [`${pattern.sdk} ${pattern.callee}`, pattern.returns?.kind]));
    assert.deepEqual(
      ['openfeature getBooleanValue', 'openfeature getBooleanDetails', 'launchdarkly variationDetail', 'unleash getVariant', 'growthbook evalFeature', 'posthog getFeatureFlagPayload', 'launchdarkly useFlags'].map((callee) => byCallee.get(callee)),
      ['value', 'object', 'object', 'other', 'object', 'other', 'value'],
    );
  });

  it('has a preset for every vendor, each with the packages it must come from', () => {
    const sdks = new Set(PRESET_PATTERNS.map((pattern) => pattern.sdk));
    assert.deepEqual([...sdks].sort(), ['configcat', 'devcycle', 'ember', 'firebase', 'flagged', 'flagsmith', 'flipt', 'growthbook', 'launchdarkly', 'openfeature', 'openshift', 'optimizely', 'posthog', 'reflag', 'split', 'statsig', 'unleash', 'vercel']);
    assert.deepEqual(PRESET_PATTERNS.filter((pattern) => (pattern.packages ?? []).length === 0), []);
  });

  it('lists each callee\'s last name once', () => {
    const set = buildPatternSet([{ callee: 'flags.isOn' }, { callee: 'isOn' }, { callee: 'myFlag' }]);
    assert.equal(new Set(set.calleeNames).size, set.calleeNames.length);
    assert.ok(set.calleeNames.includes('isOn'));
    assert.ok(set.calleeNames.includes('myFlag'));
    assert.ok(set.calleeNames.includes('useFlags'));
    assert.ok(set.calleeNames.every((name) => !name.includes('.')));
  });

  it('drops every preset with a replaced last name', () => {
    const set = buildPatternSet([{ callee: 'variation' }]);
    assert.deepEqual(set.patterns.filter((pattern) => pattern.callee === 'variation').map((pattern) => pattern.sdk), ['custom']);
  });

  it('gives useFlag a preset per SDK: the import decides which', () => {
    assert.deepEqual(PRESET_PATTERNS.filter((pattern) => pattern.callee === 'useFlag').map((pattern) => [pattern.sdk, pattern.returns?.kind]), [['openfeature', 'object'], ['unleash', 'value'], ['openshift', 'value'], ['reflag', 'object']]);
  });
});

/**
 * One row per vendor method: `imports` bring the SDK in, `setup` makes what the call needs from it (a client, a
 * user context), `call` asks for the flag `new-checkout`. With the imports the call is a check of the vendor,
 * saying what it returns; the same setup and call without them is no check (names alone are never evidence).
 */
interface VendorRow {
  sdk: Sdk;
  imports: string;
  setup?: string;
  call: string;
  returns: CallReturns['kind'];
}

const VENDOR_ROWS: VendorRow[] = [
  ...[['getBooleanValue', 'false', 'value'], ['getStringDetails', "'a'", 'object']].map(([method, fallback, returns]): VendorRow => ({
    sdk: 'openfeature', imports: `import { OpenFeature } from '@openfeature/server-sdk';`, setup: 'const client = OpenFeature.getClient();',
    call: `client.${method}('new-checkout', ${fallback})`, returns: returns as CallReturns['kind'],
  })),
  { sdk: 'openfeature', imports: `import { OpenFeature } from '@openfeature/web-sdk';`, call: `OpenFeature.getClient().getNumberValue('new-checkout', 1)`, returns: 'value' },
  { sdk: 'openfeature', imports: `import { useFlag } from '@openfeature/react-sdk';`, call: `useFlag('new-checkout', false)`, returns: 'object' },
  { sdk: 'openfeature', imports: `import { useBooleanFlagValue } from '@openfeature/react-sdk';`, call: `useBooleanFlagValue('new-checkout', false)`, returns: 'value' },
  { sdk: 'launchdarkly', imports: `import * as LaunchDarkly from '@launchdarkly/node-server-sdk';`, setup: 'const ld = LaunchDarkly.init(sdkKey);', call: `ld.variation('new-checkout', context, false)`, returns: 'value' },
  { sdk: 'launchdarkly', imports: `import { init } from 'launchdarkly-node-server-sdk';`, setup: 'const ld = init(sdkKey);', call: `ld.boolVariationDetail('new-checkout', context, false)`, returns: 'object' },
  { sdk: 'launchdarkly', imports: `import { initialize } from 'launchdarkly-js-client-sdk';`, setup: 'const ld = initialize(id, context);', call: `ld.variation('new-checkout', false)`, returns: 'value' },
  { sdk: 'launchdarkly', imports: `import { useLDClient } from 'launchdarkly-react-client-sdk';`, call: `useLDClient().variation('new-checkout', false)`, returns: 'value' },
  { sdk: 'unleash', imports: `import { initialize } from 'unleash-client';`, setup: 'const unleash = initialize({ url, appName });', call: `unleash.isEnabled('new-checkout')`, returns: 'value' },
  { sdk: 'unleash', imports: `import { Unleash } from 'unleash-client';`, setup: 'const unleash = new Unleash({ url, appName });', call: `unleash.getVariant('new-checkout')`, returns: 'other' },
  { sdk: 'unleash', imports: `import { isEnabled } from 'unleash-client';`, call: `isEnabled('new-checkout')`, returns: 'value' },
  { sdk: 'unleash', imports: `import { useFlag } from '@unleash/proxy-client-react';`, call: `useFlag('new-checkout')`, returns: 'value' },
  { sdk: 'unleash', imports: `import { useVariant } from '@unleash/proxy-client-react';`, call: `useVariant('new-checkout')`, returns: 'other' },
  { sdk: 'unleash', imports: `import { flagsClient } from '@unleash/nextjs';`, setup: 'const flags = flagsClient(toggles);', call: `flags.isEnabled('new-checkout')`, returns: 'value' },
  ...[['isOn', 'value'], ['isOff', 'value'], ['evalFeature', 'object'], ['feature', 'object']].map(([method, returns]): VendorRow => ({
    sdk: 'growthbook', imports: `import { GrowthBook } from '@growthbook/growthbook';`, setup: 'const gb = new GrowthBook({ clientKey });',
    call: `gb.${method}('new-checkout')`, returns: returns as CallReturns['kind'],
  })),
  { sdk: 'growthbook', imports: `import { GrowthBook } from '@growthbook/growthbook';`, setup: 'const gb = new GrowthBook({ clientKey });', call: `gb.getFeatureValue('new-checkout', false)`, returns: 'value' },
  { sdk: 'growthbook', imports: `import { useFeatureIsOn } from '@growthbook/growthbook-react';`, call: `useFeatureIsOn('new-checkout')`, returns: 'value' },
  { sdk: 'growthbook', imports: `import { useFeatureValue } from '@growthbook/growthbook-react';`, call: `useFeatureValue('new-checkout', 'blue')`, returns: 'value' },
  { sdk: 'growthbook', imports: `import { useFeature } from '@growthbook/growthbook-react';`, call: `useFeature('new-checkout')`, returns: 'object' },
  { sdk: 'growthbook', imports: `import { useGrowthBook } from '@growthbook/growthbook-react';`, setup: 'const gb = useGrowthBook();', call: `gb.isOn('new-checkout')`, returns: 'value' },
  ...[['isFeatureEnabled', 'value'], ['getFeatureFlag', 'value'], ['getFeatureFlagPayload', 'other']].map(([method, returns]): VendorRow => ({
    sdk: 'posthog', imports: `import posthog from 'posthog-js';`, call: `posthog.${method}('new-checkout')`, returns: returns as CallReturns['kind'],
  })),
  { sdk: 'posthog', imports: `import { PostHog } from 'posthog-node';`, setup: 'const client = new PostHog(apiKey);', call: `client.isFeatureEnabled('new-checkout', distinctId)`, returns: 'value' },
  ...[['isEnabled', 'value'], ['getFlag', 'value'], ['getFlagPayload', 'other']].map(([method, returns]): VendorRow => ({
    sdk: 'posthog', imports: `import { PostHog } from 'posthog-node';`, setup: 'const client = new PostHog(apiKey);\nconst flags = await client.evaluateFlags(distinctId);',
    call: `flags.${method}('new-checkout')`, returns: returns as CallReturns['kind'],
  })),
  ...[['useFeatureFlagEnabled', 'value'], ['useFeatureFlagVariantKey', 'value'], ['useFeatureFlagPayload', 'other']].map(([hook, returns]): VendorRow => ({
    sdk: 'posthog', imports: `import { ${hook} } from 'posthog-js/react';`, call: `${hook}('new-checkout')`, returns: returns as CallReturns['kind'],
  })),
  { sdk: 'posthog', imports: `import { usePostHog } from 'posthog-js/react';`, call: `usePostHog().getFeatureFlag('new-checkout')`, returns: 'value' },
  ...[['checkGate', 'value'], ['getFeatureGate', 'object'], ['getExperiment', 'other'], ['getDynamicConfig', 'other'], ['getLayer', 'other']].map(([method, returns]): VendorRow => ({
    sdk: 'statsig', imports: `import { StatsigClient } from '@statsig/js-client';`, setup: 'const client = new StatsigClient(sdkKey, user);',
    call: `client.${method}('new-checkout')`, returns: returns as CallReturns['kind'],
  })),
  { sdk: 'statsig', imports: `import Statsig from 'statsig-js';`, call: `Statsig.getConfig('new-checkout')`, returns: 'other' },
  { sdk: 'statsig', imports: `import Statsig from 'statsig-node';`, call: `Statsig.checkGate(user, 'new-checkout')`, returns: 'value' },
  { sdk: 'statsig', imports: `import { Statsig } from '@statsig/statsig-node-core';`, setup: 'const statsig = new Statsig(secret);', call: `statsig.getExperiment(user, 'new-checkout')`, returns: 'other' },
  ...[['useGate', 'object'], ['useExperiment', 'other'], ['useConfig', 'other'], ['useLayer', 'other']].map(([hook, returns]): VendorRow => ({
    sdk: 'statsig', imports: `import { ${hook} } from 'statsig-react';`, call: `${hook}('new-checkout')`, returns: returns as CallReturns['kind'],
  })),
  { sdk: 'statsig', imports: `import { useGateValue } from '@statsig/react-bindings';`, call: `useGateValue('new-checkout')`, returns: 'value' },
  { sdk: 'statsig', imports: `import { useFeatureGate } from '@statsig/react-bindings';`, call: `useFeatureGate('new-checkout')`, returns: 'object' },
  { sdk: 'statsig', imports: `import { useStatsigClient } from '@statsig/react-bindings';`, setup: 'const { client } = useStatsigClient();', call: `client.checkGate('new-checkout')`, returns: 'value' },
  { sdk: 'devcycle', imports: `import { initializeDevCycle } from '@devcycle/js-client-sdk';`, setup: 'const devcycle = initializeDevCycle(sdkKey, user);', call: `devcycle.variableValue('new-checkout', false)`, returns: 'value' },
  { sdk: 'devcycle', imports: `import { initializeDevCycle } from '@devcycle/js-client-sdk';`, setup: 'const devcycle = initializeDevCycle(sdkKey, user);', call: `devcycle.variable('new-checkout', false)`, returns: 'object' },
  { sdk: 'devcycle', imports: `import { initializeDevCycle } from '@devcycle/nodejs-server-sdk';`, setup: 'const devcycle = initializeDevCycle(sdkKey);', call: `devcycle.variableValue(user, 'new-checkout', false)`, returns: 'value' },
  { sdk: 'devcycle', imports: `import { DevCycleClient } from '@devcycle/nodejs-server-sdk';`, setup: 'const devcycle = new DevCycleClient(sdkKey);', call: `devcycle.variable(user, 'new-checkout', false)`, returns: 'object' },
  { sdk: 'devcycle', imports: `import { useVariableValue } from '@devcycle/react-client-sdk';`, call: `useVariableValue('new-checkout', false)`, returns: 'value' },
  { sdk: 'devcycle', imports: `import { useVariable } from '@devcycle/react-client-sdk';`, call: `useVariable('new-checkout', false)`, returns: 'object' },
  ...[['getValueAsync', 'value'], ['getValueDetailsAsync', 'object']].map(([method, returns]): VendorRow => ({
    sdk: 'configcat', imports: `import * as configcat from 'configcat-node';`, setup: 'const client = configcat.getClient(sdkKey);',
    call: `client.${method}('new-checkout', false, user)`, returns: returns as CallReturns['kind'],
  })),
  { sdk: 'configcat', imports: `import * as configcat from '@configcat/sdk';`, setup: 'const client = configcat.getClient(sdkKey);', call: `client.getValue('new-checkout', false, (value) => render(value))`, returns: 'other' },
  { sdk: 'configcat', imports: `import { useFeatureFlag } from 'configcat-react';`, call: `useFeatureFlag('new-checkout', false)`, returns: 'object' },
  { sdk: 'flagsmith', imports: `import flagsmith from 'flagsmith';`, call: `flagsmith.hasFeature('new-checkout')`, returns: 'value' },
  { sdk: 'flagsmith', imports: `import flagsmith from 'flagsmith';`, call: `flagsmith.getValue('new-checkout')`, returns: 'value' },
  ...['isFeatureEnabled', 'getFeatureValue'].map((method): VendorRow => ({
    sdk: 'flagsmith', imports: `import Flagsmith from 'flagsmith-nodejs';`, setup: 'const flagsmith = new Flagsmith({ environmentKey });\nconst flags = await flagsmith.getEnvironmentFlags();',
    call: `flags.${method}('new-checkout')`, returns: 'value',
  })),
  { sdk: 'flagsmith', imports: `import { useFlagsmith } from 'flagsmith/react';`, call: `useFlagsmith().hasFeature('new-checkout')`, returns: 'value' },
  { sdk: 'split', imports: `import { SplitFactory } from '@splitsoftware/splitio';`, setup: 'const client = SplitFactory(settings).client();', call: `client.getTreatment('user-1', 'new-checkout')`, returns: 'value' },
  { sdk: 'split', imports: `import { SplitFactory } from '@splitsoftware/splitio';`, setup: 'const client = SplitFactory(settings).client();', call: `client.getTreatment('new-checkout')`, returns: 'value' },
  { sdk: 'split', imports: `import { SplitFactory } from '@splitsoftware/splitio';`, setup: 'const client = SplitFactory(settings).client();', call: `client.getTreatmentWithConfig('user-1', 'new-checkout')`, returns: 'object' },
  { sdk: 'split', imports: `import { SplitFactory } from '@splitsoftware/splitio-browserjs';`, setup: 'const client = SplitFactory(settings).client();', call: `client.getTreatment('new-checkout', attributes)`, returns: 'value' },
  { sdk: 'split', imports: `import { useSplitClient } from '@splitsoftware/splitio-react';`, setup: 'const { client } = useSplitClient();', call: `client.getTreatmentWithConfig('new-checkout')`, returns: 'object' },
  // A list of names: a check of each, and what it gives is every treatment, no one flag's value.
  { sdk: 'split', imports: `import { SplitFactory } from '@splitsoftware/splitio';`, setup: 'const client = SplitFactory(settings).client();', call: `client.getTreatments('user-1', ['new-checkout'])`, returns: 'other' },
  { sdk: 'split', imports: `import { SplitFactory } from '@splitsoftware/splitio-browserjs';`, setup: 'const client = SplitFactory(settings).client();', call: `client.getTreatmentsWithConfig(['new-checkout'])`, returns: 'other' },
  { sdk: 'split', imports: `import { useTreatments } from '@splitsoftware/splitio-react';`, call: `useTreatments(['new-checkout'])`, returns: 'other' },
  { sdk: 'openshift', imports: `import { useFlag } from '@openshift-console/dynamic-plugin-sdk';`, call: `useFlag('new-checkout')`, returns: 'value' },
  { sdk: 'optimizely', imports: `import { createInstance } from '@optimizely/optimizely-sdk';`, setup: "const optimizely = createInstance({ sdkKey });\nconst user = optimizely.createUserContext('u1');", call: `user.decide('new-checkout')`, returns: 'object' },
  { sdk: 'optimizely', imports: `import { createInstance } from '@optimizely/optimizely-sdk';`, setup: 'const optimizely = createInstance({ sdkKey });', call: `optimizely.isFeatureEnabled('new-checkout', userId)`, returns: 'value' },
  { sdk: 'optimizely', imports: `import { useDecision } from '@optimizely/react-sdk';`, call: `useDecision('new-checkout')`, returns: 'other' },
  { sdk: 'reflag', imports: `import { useFlag } from '@reflag/react-sdk';`, call: `useFlag('new-checkout')`, returns: 'object' },
  { sdk: 'reflag', imports: `import { ReflagClient } from '@reflag/node-sdk';`, setup: 'const reflag = new ReflagClient();', call: `reflag.bindClient(ctx).getFlag('new-checkout')`, returns: 'object' },
  { sdk: 'reflag', imports: `import { BucketClient } from '@bucketco/browser-sdk';`, setup: 'const bucket = new BucketClient({ publishableKey });', call: `bucket.getFeature('new-checkout')`, returns: 'object' },
  { sdk: 'openfeature', imports: `import { RequireFlagsEnabled } from '@openfeature/nestjs-sdk';`, call: `RequireFlagsEnabled({ flags: [{ flagKey: 'new-checkout' }] })`, returns: 'other' },
  { sdk: 'flipt', imports: `import { FliptClient } from '@flipt-io/flipt-client-js';`, setup: 'const flipt = await FliptClient.init({ url });', call: `flipt.evaluateBoolean({ flagKey: 'new-checkout', entityId, context })`, returns: 'object' },
  { sdk: 'flipt', imports: `import { FliptClient } from '@flipt-io/flipt-client-browser';`, setup: 'const flipt = await FliptClient.init({ url });', call: `flipt.evaluateVariant({ flagKey: 'new-checkout', entityId, context })`, returns: 'object' },
  { sdk: 'flipt', imports: `import { useFliptBoolean } from '@flipt-io/flipt-client-react';`, call: `useFliptBoolean('new-checkout', false, userId)`, returns: 'value' },
  { sdk: 'vercel', imports: `import { flag } from 'flags/next';`, call: `flag({ key: 'new-checkout', decide: () => false })`, returns: 'other' },
  { sdk: 'vercel', imports: `import { flag } from '@vercel/flags/next';`, call: `flag({ key: 'new-checkout', decide() { return true; } })`, returns: 'other' },
];

describe('vendor presets: matched with their import, never without', () => {
  const presets = buildPatternSet([]);
  for (const { sdk, imports, setup, call, returns } of VENDOR_ROWS) {
    const code = `${setup === undefined ? '' : `${setup}\n`}export const result = ${call};\n`;
    it(`${sdk} ${call} (${imports.replace(/^import .* from /, 'from ')})`, () => {
      const found = scanFile('/work/app/src/app.tsx', `${imports}\n${code}`, presets).checks;
      assert.deepEqual(found.map((check) => [check.key, check.sdk, check.method, check.returns?.kind]), [['new-checkout', sdk, call.slice(0, call.lastIndexOf('(', call.indexOf("'new-checkout'"))), returns]]);
      assert.match(found[0].evidence ?? '', new RegExp(`(imported|created) from ${imports.replace(/^.* from '(.*)';$/, '$1')}$`));
      assert.deepEqual(scanFile('/work/app/src/app.tsx', code, presets).checks, []);
    });
  }
});

/** Per vendor, a use of an object-returning method other than at its value path: the clean-up leaves it and says why. */
const OBJECT_USES: Array<{ imports: string; before: string; why: RegExp }> = [
  { imports: `import { OpenFeature } from '@openfeature/server-sdk';`, before: "const details = await OpenFeature.getClient().getBooleanDetails('new-checkout', false);\nlog(details.reason);", why: /only its \.value is the flag's value/ },
  { imports: `import { init } from '@launchdarkly/node-server-sdk';`, before: "const detail = await init(sdkKey).variationDetail('new-checkout', context, false);\nlog(detail.reason);", why: /only its \.value is the flag's value/ },
  { imports: `import { useVariant } from '@unleash/proxy-client-react';`, before: "const variant = useVariant('new-checkout');\nlog(variant.name);", why: /gives a variant/ },
  { imports: `import { useFeature } from '@growthbook/growthbook-react';`, before: "const result = useFeature('new-checkout');\nlog(result.source);", why: /only its \.value is the flag's value/ },
  { imports: `import posthog from 'posthog-js';`, before: "log(posthog.getFeatureFlagPayload('new-checkout'));", why: /gives the variant's payload, not the flag's value/ },
  { imports: `import { useFeatureGate } from '@statsig/react-bindings';`, before: "const gate = useFeatureGate('new-checkout');\nlog(gate.ruleID);", why: /only its \.value is the flag's value/ },
  { imports: `import { useVariable } from '@devcycle/react-client-sdk';`, before: "const variable = useVariable('new-checkout', false);\nlog(variable.isDefaulted);", why: /only its \.value is the flag's value/ },
  { imports: `import { useFeatureFlag } from 'configcat-react';`, before: "const flag = useFeatureFlag('new-checkout', false);\nlog(flag.loading);", why: /only its \.value is the flag's value/ },
  { imports: `import { useSplitClient } from '@splitsoftware/splitio-react';`, before: "const { client } = useSplitClient();\nconst result = client.getTreatmentWithConfig('new-checkout');\nlog(result.config);", why: /only its \.treatment is the flag's value/ },
  { imports: `import { useDecision } from '@optimizely/react-sdk';`, before: "const [decision] = useDecision('new-checkout');\nlog(decision.variationKey);", why: /gives a tuple/ },
  { imports: `import { flag } from 'flags/next';`, before: "export const newCheckout = flag({ key: 'new-checkout', decide: () => false });", why: /gives the flag's function/ },
  { imports: `import { useFlags } from 'flagsmith/react';`, before: "const flags = useFlags(['new-checkout']);\nlog(flags['new-checkout'].value);", why: /only its \.enabled is the flag's value/ },
];

describe("Flagsmith React's useFlags([...]): a bag of the flags it names, each answering at .enabled", () => {
  const presets = buildPatternSet([]);
  const rows: Array<{ imports: string; code: string; keys: string[]; cleaned?: string }> = [
    {
      imports: "import { useFlags } from 'flagsmith/react';",
      code: "const flags = useFlags(['new_nav', 'font_size']);\nexport const nav = flags.new_nav.enabled ? 'new' : 'old';\nexport const size = flags.font_size.value;\n",
      keys: ['new_nav', 'font_size'],
      cleaned: "const flags = useFlags(['new_nav', 'font_size']);\nexport const nav = 'new';\nexport const size = flags.font_size.value;\n",
    },
    { imports: "import { useFlags } from 'flagsmith/react';", code: "const { new_nav: nav } = useFlags(['new_nav']);\nexport const on = nav.enabled;\n", keys: ['new_nav'] },
    { imports: "import { useFlags } from 'react-native-flagsmith/react';", code: "export const on = useFlags(['new_nav']).new_nav.enabled;\n", keys: ['new_nav'] },
    { imports: "import { useFlags } from './flags';", code: "export const on = useFlags(['new_nav']).new_nav.enabled;\n", keys: [] },
  ];
  for (const { imports, code, keys, cleaned } of rows) {
    it(`${imports} ${code.split('\n')[0]}`, () => {
      const text = `${imports}\n${code}`;
      const scan = scanFile('/work/app/src/app.tsx', text, presets);
      const pending = new Set((scan.evidenceImports ?? []).map(({ checkIndex }) => checkIndex));
      const checks = scan.checks.filter((_, index) => !pending.has(index));
      assert.deepEqual(checks.map((check) => [check.key, check.sdk, check.returns?.kind]), keys.map((key) => [key, 'flagsmith', 'object']));
      if (cleaned !== undefined) {
        const removal = removeFlagFromFile('/work/app/src/app.tsx', text, checks.filter((check) => check.key === 'new_nav'), { kind: 'value', value: true }, 'new_nav');
        assert.equal(removal.text, `${imports}\n${cleaned}`);
      }
    });
  }
});

describe("every flag at once: PostHog Node's getAllFlags and LaunchDarkly's browser allFlags are bags of flags by their keys, with the client's import", () => {
  const presets = buildPatternSet([]);
  const rows: Array<{ sdk: string; imports: string; code: string; keys: string[]; cleaned?: string }> = [
    {
      sdk: 'posthog', imports: "import { PostHog } from 'posthog-node';",
      code: "const posthog = new PostHog(apiKey);\nexport async function nav(id: string) {\n  const flags = await posthog.getAllFlags(id);\n  return flags['new-nav'] ? 'new' : 'old';\n}\n",
      keys: ['new-nav'],
      cleaned: "const posthog = new PostHog(apiKey);\nexport async function nav(id: string) {\n  const flags = await posthog.getAllFlags(id);\n  return 'new';\n}\n",
    },
    { sdk: 'posthog', imports: "import { PostHog } from 'posthog-node';", code: "const posthog = new PostHog(apiKey);\nexport const on = async (id: string) => (await posthog.getAllFlags(id)).beta_banner === true;\n", keys: ['beta_banner'] },
    { sdk: 'launchdarkly', imports: "import { initialize } from 'launchdarkly-js-client-sdk';", code: "const ld = initialize(id, context);\nexport const on = () => ld.allFlags()['new-nav'];\n", keys: ['new-nav'] },
    { sdk: 'posthog', imports: "import { store } from './store';", code: "export const on = async () => (await store.getAllFlags()).beta_banner;\n", keys: [] },
  ];
  for (const { sdk, imports, code, keys, cleaned } of rows) {
    it(`${imports} ${code.split('\n')[1] ?? code}`, () => {
      const text = `${imports}\n${code}`;
      const scan = scanFile('/work/app/src/app.ts', text, presets);
      const pending = new Set((scan.evidenceImports ?? []).map(({ checkIndex }) => checkIndex));
      const checks = scan.checks.filter((_, index) => !pending.has(index));
      assert.deepEqual(checks.map((check) => [check.key, check.sdk]), keys.map((key) => [key, sdk]));
      if (cleaned !== undefined) {
        const removal = removeFlagFromFile('/work/app/src/app.ts', text, checks, { kind: 'value', value: true }, keys[0]);
        assert.equal(removal.text, `${imports}\n${cleaned}`);
      }
    });
  }
});

describe("the team's object bags before the presets'", () => {
  it("reads `config.featureToggles.x` as the team's bag `featureToggles`, not as Grafana's `config.featureToggles` without Grafana's import", () => {
    const patterns = buildPatternSet([], [{ bag: 'featureToggles', keys: ['newNav'] }]);
    const scan = scanFile('/work/app/src/app.ts', "import config from './config';\nexport const on = config.featureToggles.newNav;\n", patterns);
    const pending = new Set((scan.evidenceImports ?? []).map(({ checkIndex }) => checkIndex));
    assert.deepEqual(scan.checks.filter((_, index) => !pending.has(index)).map((check) => [check.key, check.sdk]), [['newNav', 'custom']]);
  });
});

describe('vendor presets: an object-returning check used other than at its value is left, saying why', () => {
  const presets = buildPatternSet([]);
  for (const { imports, before, why } of OBJECT_USES) {
    it(imports, () => {
      const text = `${imports}\n${before}\n`;
      const checks = scanFile('/work/app/src/app.tsx', text, presets).checks;
      assert.equal(checks.length, 1);
      const removal = removeFlagFromFile('/work/app/src/app.tsx', text, checks, { kind: 'value', value: true }, 'new-checkout');
      assert.equal(removal.text, text);
      assert.match(removal.problems.map((problem) => problem.message).join('\n'), why);
    });
  }
});
