import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanFile } from '../../server/src/analysis/scan';
import type { FlagValueType, Sdk, UserPattern } from '../../server/src/analysis/types';
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
    code: `client.getBooleanValue('a', false); isFeatureOn('b');`,
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
  it('declares what every preset returns, except useFlag, whose SDKs differ', () => {
    const undeclared = PRESET_PATTERNS.filter((pattern) => pattern.returns === undefined).map((pattern) => pattern.callee);
    assert.deepEqual(undeclared, ['useFlag']);
    const byCallee = new Map(PRESET_PATTERNS.map((pattern) => [pattern.callee, pattern.returns?.kind]));
    assert.deepEqual(
      ['getBooleanValue', 'getBooleanDetails', 'variationDetail', 'getVariant', 'evalFeature', 'getFeatureFlagPayload', 'useFlags'].map((callee) => byCallee.get(callee)),
      ['value', 'object', 'object', 'other', 'object', 'other', 'value'],
    );
  });

  it('has a preset for every vendor', () => {
    const sdks = new Set(PRESET_PATTERNS.map((pattern) => pattern.sdk));
    assert.deepEqual([...sdks].sort(), ['growthbook', 'launchdarkly', 'openfeature', 'posthog', 'unleash']);
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

  it('gives one preset to useFlag, shared by OpenFeature and Unleash React', () => {
    assert.equal(PRESET_PATTERNS.filter((pattern) => pattern.callee === 'useFlag').length, 1);
  });
});
