import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsForChecks, findingsForProblems, type SeverityOverrides } from '../../server/src/analysis/findings';
import type { FlagCatalog, FlagCheck } from '../../server/src/analysis/types';
import { catalog, check, dead, policyContext, released, rollingOut } from './catalog-builders';

const NOW = Date.parse('2025-11-26T12:00:00Z');

const FILE = '/work/app/src/checkout.ts';

const CATALOG = catalog([
  released('new-checkout'),
  dead('old-promo'),
  rollingOut('dark-mode'),
  rollingOut('old-banner', { archived: true }),
  rollingOut('legacy-search', { stale: true }),
  released('one-click-buy', { stale: true }),
]);

/** What a test expects of one finding; severity and suggestion only when given. */
interface Expected {
  code: string;
  message?: string;
  severity?: string;
  suggestion?: string;
}

describe('findingsForChecks', () => {
  const cases: Array<{ name: string; checks: FlagCheck[]; catalog?: FlagCatalog; severities?: SeverityOverrides; expected: Expected[] }> = [
    {
      name: 'an unknown key with a close defined key',
      checks: [check('new-chekout')],
      expected: [{
        code: 'unknown-flag',
        severity: 'warning',
        message: "'new-chekout' is not defined in any environment (production, staging). Did you mean 'new-checkout'?",
        suggestion: 'new-checkout',
      }],
    },
    {
      name: 'an unknown key with nothing close',
      checks: [check('payment-retry')],
      expected: [{ code: 'unknown-flag', message: "'payment-retry' is not defined in any environment (production, staging). Check the key for a typo, or define the flag." }],
    },
    {
      name: 'an unknown camelCased bag property is named and corrected as written',
      checks: [check('new-chekout', { camelCaseName: 'newChekout', sdk: 'launchdarkly', method: 'useFlags' })],
      expected: [{ code: 'unknown-flag', suggestion: 'newCheckout', message: "'newChekout' is not defined in any environment (production, staging). Did you mean 'newCheckout'?" }],
    },
    {
      name: 'a camelCased bag property of a defined key',
      checks: [check('dark-mode', { camelCaseName: 'darkMode' })],
      expected: [],
    },
    {
      name: 'a camelCased property found only by camelCasing the defined keys',
      checks: [check('one-click-buy', { camelCaseName: 'oneClickBuy', key: 'one-click-buy' })],
      catalog: catalog([released('one_click_buy')]),
      expected: [{ code: 'released-flag', message: "'one_click_buy' serves true in every environment: remove the flag and its dead branch" }],
    },
    {
      name: 'no unknown-flag when no definitions are loaded',
      checks: [check('new-chekout')],
      catalog: catalog([]),
      expected: [],
    },
    {
      name: 'no unknown-flag for a key that could not be worked out',
      checks: [check('flagName', { resolved: false, keyIsLiteral: false })],
      expected: [],
    },
    {
      name: 'a released flag',
      checks: [check('new-checkout')],
      expected: [{ code: 'released-flag', severity: 'information', message: "'new-checkout' serves true in every environment: remove the flag and its dead branch" }],
    },
    {
      name: 'a dead flag',
      checks: [check('old-promo')],
      expected: [{ code: 'dead-flag', severity: 'information', message: "'old-promo' is off in every environment (serves the code's default): remove the flag and its dead branch" }],
    },
    {
      name: 'a rolling-out flag has nothing to report',
      checks: [check('dark-mode')],
      expected: [],
    },
    {
      name: 'an archived flag',
      checks: [check('old-banner')],
      expected: [{ code: 'archived-flag', severity: 'warning', message: "'old-banner' is archived but still checked here: remove the check or restore the flag" }],
    },
    {
      name: 'a stale flag',
      checks: [check('legacy-search')],
      expected: [{ code: 'stale-flag', severity: 'warning', message: "'legacy-search' is marked stale: remove the check and the flag, or clear the stale mark if it is still needed" }],
    },
    {
      name: 'a stale released flag gets both findings',
      checks: [check('one-click-buy')],
      expected: [{ code: 'stale-flag' }, { code: 'released-flag' }],
    },
    {
      name: 'a severity override',
      checks: [check('new-chekout'), check('new-checkout')],
      severities: { 'unknown-flag': 'error', 'released-flag': 'hint' },
      expected: [{ code: 'unknown-flag', severity: 'error' }, { code: 'released-flag', severity: 'hint' }],
    },
    {
      name: 'a code turned off',
      checks: [check('one-click-buy')],
      severities: { 'released-flag': 'off' },
      expected: [{ code: 'stale-flag' }],
    },
    {
      name: 'counted environments decide the release state',
      checks: [check('dark-mode')],
      catalog: { ...CATALOG, countedEnvironments: ['staging'] },
      expected: [{ code: 'released-flag' }],
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => checkFindings(testCase.checks, testCase.catalog ?? CATALOG, testCase.severities ?? {}, testCase.expected));
  }

  it('puts each finding on the key of its check, in the given file', () => {
    const typo = check('new-chekout');
    const [finding] = findingsForChecks(FILE, [typo], CATALOG, {}, policyContext(NOW, [typo]));
    assert.equal(finding.file, FILE);
    assert.deepEqual(finding.span, typo.keySpan);
    assert.equal(finding.key, 'new-chekout');
  });

  function checkFindings(checks: FlagCheck[], flags: FlagCatalog, severities: SeverityOverrides, expected: Expected[]): void {
    const actual = findingsForChecks(FILE, checks, flags, severities, policyContext(NOW, checks)).map((finding) => {
      const shown: Expected = { code: finding.code };
      const wanted = expected.find((item) => item.code === finding.code);
      if (wanted?.message !== undefined) shown.message = finding.message;
      if (wanted?.severity !== undefined) shown.severity = finding.severity;
      if (wanted?.suggestion !== undefined) shown.suggestion = finding.suggestion;
      return shown;
    });
    assert.deepEqual(actual, expected);
  }
});

describe('findingsForProblems', () => {
  const problem = { file: '/work/app/flags/production.flagd.json', span: { start: 10, end: 11 }, message: "Expected ',' or '}' after a property" };

  it('reports a malformed flag file as an error at its position', () => {
    assert.deepEqual(findingsForProblems([problem], {}), [
      { code: 'malformed-flag-file', severity: 'error', message: problem.message, file: problem.file, span: problem.span },
    ]);
  });

  it('honours a severity override and off', () => {
    assert.equal(findingsForProblems([problem], { 'malformed-flag-file': 'warning' })[0].severity, 'warning');
    assert.deepEqual(findingsForProblems([problem], { 'malformed-flag-file': 'off' }), []);
  });
});
