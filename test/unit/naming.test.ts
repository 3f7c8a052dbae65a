// Naming rules as tables: key × rule → what breaks it and the key the rename fix proposes; and the
// naming and required-metadata findings on checks and on flag file keys.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsForChecks, findingsForFlagFile } from '../../server/src/analysis/findings';
import { flagFileKeys } from '../../server/src/analysis/policy/flagFileKeys';
import { conformingKey, namingViolation } from '../../server/src/analysis/policy/naming';
import { DEFAULT_POLICY, type NamingRule } from '../../server/src/analysis/policy/policy';
import { catalog, check, definition } from './catalog-builders';

const rows: Array<[string, NamingRule, string | undefined, string | undefined]> = [
  ['new-checkout', { casing: 'kebab' }, undefined, undefined],
  ['NewCheckout', { casing: 'kebab' }, 'is not kebab-case', 'new-checkout'],
  ['new_checkout', { casing: 'kebab' }, 'is not kebab-case', 'new-checkout'],
  ['new-checkout', { casing: 'snake' }, 'is not snake-case', 'new_checkout'],
  ['new-checkout', { casing: 'camel' }, 'is not camel-case', 'newCheckout'],
  ['HTTPCache', { casing: 'kebab' }, 'is not kebab-case', 'http-cache'],
  ['web-new-checkout', { casing: 'kebab', prefixes: ['web-', 'api-'] }, undefined, undefined],
  ['web-NewCheckout', { casing: 'kebab', prefixes: ['web-'] }, "is not kebab-case after 'web-'", 'web-new-checkout'],
  ['new-checkout', { casing: 'kebab', prefixes: ['web-'] }, "does not start with 'web-'", 'web-new-checkout'],
  ['new-checkout', { prefixes: ['web-', 'api-'] }, "does not start with 'web-' or 'api-'", undefined],
  ['checkout', { pattern: '^[a-z]+-[a-z]+$' }, 'does not match /^[a-z]+-[a-z]+$/', undefined],
];

describe('naming rules', () => {
  for (const [key, rule, violation, renamed] of rows) {
    it(`${key} under ${JSON.stringify(rule)}`, () => {
      assert.equal(namingViolation(key, rule), violation);
      assert.equal(conformingKey(key, rule), renamed);
    });
  }
});

describe('naming and metadata findings', () => {
  const policy = { ...DEFAULT_POLICY, naming: { casing: 'kebab' as const }, requiredMetadata: ['owner', 'description'] };
  const flags = catalog([definition('NewCheckout', { owner: 'web' }), definition('dark-mode', { owner: 'web', description: 'Dark' })]);

  it('on checks: the key, and the metadata a defined flag lacks', () => {
    const checks = [check('NewCheckout'), check('dark-mode'), check('newCheckout', { camelCaseName: 'newCheckout', key: 'new-checkout' })];
    const findings = findingsForChecks('/a.ts', checks, flags, {}, { policy, now: 0, checksOf: () => checks });
    assert.deepEqual(findings.filter((finding) => finding.code === 'naming-violation' || finding.code === 'missing-metadata').map((finding) => [finding.code, finding.key, finding.suggestion]), [
      ['naming-violation', 'NewCheckout', 'new-checkout'],
      ['missing-metadata', 'NewCheckout', undefined],
      // The bag property names the same flag: its metadata is missing there too, but its name is the SDK's.
      ['missing-metadata', 'new-checkout', undefined],
    ]);
  });

  it('on a flag file: at each key as written', () => {
    const text = '{"flags": {"NewCheckout": {}, "dark-mode": {}}}';
    const findings = findingsForFlagFile('/f.json', flagFileKeys(text, '/f.json'), flags, policy, {});
    assert.deepEqual(findings.map((finding) => [finding.code, text.slice(finding.span.start, finding.span.end)]), [
      ['naming-violation', 'NewCheckout'],
      ['missing-metadata', 'NewCheckout'],
    ]);
    assert.match(findings[1].message, /'NewCheckout' has no description: the policy requires it/);
  });

  it('nothing without a rule', () => {
    const findings = findingsForFlagFile('/f.json', flagFileKeys('{"flags": [{"key": "Bad_Key"}]}', '/f.json'), flags, DEFAULT_POLICY, {});
    assert.deepEqual(findings, []);
  });
});
