import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFlagMarkdown, escapeMarkdown, formatAge, servesText } from '../../server/src/analysis/describe';
import type { EnvironmentFlagState, FlagCatalog, FlagCheck } from '../../server/src/analysis/types';
import { catalog, check, dead, environment, policyContext, released, rollingOut } from './catalog-builders';

const NOW = Date.parse('2025-11-26T12:00:00Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (msAgo: number): string => new Date(NOW - msAgo).toISOString();

const NEW_CHECKOUT = released('new-checkout', {
  description: 'New checkout flow',
  owner: 'payments',
  createdAt: '2025-01-10T09:00:00Z',
  environments: [
    environment('production', { lastModified: iso(3 * DAY) }),
    environment('staging', { lastModified: iso(12 * DAY) }),
  ],
});

const CATALOG = catalog(
  [
    NEW_CHECKOUT,
    rollingOut('dark-mode'),
    dead('old-promo', { stale: true, archived: true }),
    released('beta_*banner*', { description: '| pipes | and <b>tags</b>' }),
  ],
  { syncedAt: NOW - 2 * MINUTE },
);

describe('describeFlagMarkdown', () => {
  it("shows a service's flag type, lifecycle stage and when an SDK last asked for it", () => {
    const payments = released('payments-v2', {
      owner: 'Ada', createdAt: '2025-11-01T00:00:00Z', flagType: 'release', lifecycleStage: 'live', lastSeenAt: iso(5 * MINUTE),
    });
    const markdown = describeFlagMarkdown(check('payments-v2'), catalog([payments]), { references: 1, files: 1 }, policyContext(NOW));
    assert.equal(markdown.split('\n')[1], 'release flag · owner Ada · created 2025-11-01 (25 days) · stage live · last seen 5 min ago');
  });

  const cases: Array<{ name: string; check: FlagCheck; catalog?: FlagCatalog; usage?: [number, number]; expected: string }> = [
    {
      name: 'a released flag: the shape DESIGN.md shows',
      check: check('new-checkout'),
      usage: [14, 9],
      expected: [
        '**new-checkout** — released: serves true in every environment · ready to remove  ',
        'New checkout flow · owner payments · created 2025-01-10 (320 days)  ',
        '**Stale**: 320 days old, past the 40 days a release flag lives · serves true in every environment, unchanged for 3 days',
        '',
        '| environment | state | serves | rules | last change |',
        '|-------------|-------|--------|-------|-------------|',
        '| production | on | on (true) to 100% | none | 3 days ago |',
        '| staging | on | on (true) to 100% | none | 12 days ago |',
        '',
        '14 references in 9 files · from flags/\\*.flagd.json · synced 2 min ago',
      ].join('\n'),
    },
    {
      name: 'a rolling-out flag says what differs',
      check: check('dark-mode'),
      usage: [1, 1],
      expected: [
        '**dark-mode** — rolling out: production serves on to 30% (fractional), staging to 100%  ',
        'production: 30% · staging: everyone',
        '',
        '| environment | state | serves | rules | last change |',
        '|-------------|-------|--------|-------|-------------|',
        '| production | on | on (true) 30% · off (false) 70% | none | — |',
        '| staging | on | on (true) to 100% | none | — |',
        '',
        '1 reference in 1 file · from flags/\\*.flagd.json · synced 2 min ago',
      ].join('\n'),
    },
    {
      name: 'a dead, stale and archived flag',
      check: check('old-promo'),
      expected: [
        "**old-promo** — dead: off in every environment (serves the code's default) · ready to remove  ",
        '**archived**  ',
        '**Stale**: marked stale in flags/\\*.flagd.json',
        '',
        '| environment | state | serves | rules | last change |',
        '|-------------|-------|--------|-------|-------------|',
        '| production | off | off (code default) | none | — |',
        '| staging | off | off (code default) | none | — |',
        '',
        '2 references in 1 file · from flags/\\*.flagd.json · synced 2 min ago',
      ].join('\n'),
    },
    {
      name: 'an unknown key, with did-you-mean',
      check: check('new-chekout'),
      expected: [
        '**new-chekout** — not defined  ',
        "'new-chekout' is not defined in any environment (production, staging). Did you mean 'new-checkout'?",
        '',
        '2 references in 1 file · from flags/\\*.flagd.json · synced 2 min ago',
      ].join('\n'),
    },
    {
      name: 'a key that could not be worked out',
      check: check('flags[name]', { resolved: false, keyIsLiteral: false }),
      expected: [
        'The flag key could not be worked out from `flags[name]`.',
        '',
        'FlagLens reads a key written as a string literal, a `const`, an enum member or a member of an `as const` ' +
          "object, also when imported from another file. Pass one of those to see this flag's state here.",
      ].join('\n'),
    },
    {
      name: 'no definitions loaded and no source configured',
      check: check('new-checkout'),
      catalog: catalog([], { sources: [] }),
      expected: [
        '**new-checkout**',
        '',
        "No flag definitions are loaded, so this flag's state is not known: there is no flags/\\*.flagd.json file " +
          'and no backend in .flaglens.json. Add a flag file or configure a backend to see it here.',
        '',
        '2 references in 1 file',
      ].join('\n'),
    },
    {
      name: 'no definitions could be loaded from a configured source',
      check: check('new-checkout'),
      catalog: catalog([], { sources: ['Unleash (https://unleash.example.com)'] }),
      expected: [
        '**new-checkout**',
        '',
        "No flag definitions could be loaded from Unleash (https://unleash.example.com), so this flag's state is not known. " +
          'The FlagLens output says why.',
        '',
        '2 references in 1 file',
      ].join('\n'),
    },
  ];

  for (const testCase of cases) {
    it(testCase.name, () => {
      const [references, files] = testCase.usage ?? [2, 1];
      const actual = describeFlagMarkdown(testCase.check, testCase.catalog ?? CATALOG, { references, files }, policyContext(NOW, [testCase.check]));
      assert.equal(actual, testCase.expected);
    });
  }

  it('says why the call is a check, under the references', () => {
    const evidence = '`client` comes from @openfeature/server-sdk (through ./feature_flags)';
    const text = describeFlagMarkdown(check('new-checkout', { evidence }), CATALOG, { references: 1, files: 1 }, policyContext(NOW));
    assert.match(text, /\n\n1 reference in 1 file · .* {2}\nfound because `client` comes from @openfeature\/server-sdk \(through \.\/feature_flags\)$/);
    assert.doesNotMatch(describeFlagMarkdown(check('new-checkout'), CATALOG, { references: 1, files: 1 }, policyContext(NOW)), /found because/);
  });

  it("at a call of a helper of one flag, names the helper and sends the clean-up to the helper's check", () => {
    const helperCall = { name: 'isNewCheckoutEnabled', file: '/ws/src/flags.ts', start: 120 };
    const evidence = '`isNewCheckoutEnabled` gives back a check of the flag, client.getBooleanValue() in flags.ts';
    const text = describeFlagMarkdown(check('new-checkout', { helperCall, evidence }), CATALOG, { references: 2, files: 2 }, policyContext(NOW));
    assert.match(text.split('\n')[0], / · not removable here: this check calls isNewCheckoutEnabled \(in flags\.ts\), a helper that gives back a check of 'new-checkout'; clean up the check inside the helper/);
    assert.match(text, /\nfound because `isNewCheckoutEnabled` gives back a check of the flag, `?client\.getBooleanValue\(\)`? in flags\.ts$/);
  });

  it('escapes markdown in keys and descriptions', () => {
    const text = describeFlagMarkdown(check('beta_*banner*'), CATALOG, { references: 1, files: 1 }, policyContext(NOW));
    assert.match(text, /^\*\*beta\\_\\\*banner\\\*\*\* — released/);
    assert.ok(text.includes('\\| pipes \\| and \\<b\\>tags\\</b\\>'), text);
  });

  it('finds a camelCased bag property by its key', () => {
    const text = describeFlagMarkdown(check('new-checkout', { camelCaseName: 'newCheckout' }), CATALOG, { references: 1, files: 1 }, policyContext(NOW));
    assert.match(text, /^\*\*new-checkout\*\* — released/);
  });

  it('marks an environment that does not define the flag and one that does not count', () => {
    const flags = catalog([released('search-v2', { environments: [environment('production')] })], { environments: ['production', 'staging', 'qa'], countedEnvironments: ['production', 'staging'] });
    const text = describeFlagMarkdown(check('search-v2'), flags, { references: 1, files: 1 }, policyContext(NOW));
    assert.ok(text.includes('| staging | not defined | — | — | — |'), text);
    assert.ok(text.includes('| qa (not counted) | not defined | — | — | — |'), text);
  });
});

describe('servesText', () => {
  const cases: Array<[string, Partial<EnvironmentFlagState>, string]> = [
    ['off', { enabled: false }, 'off (code default)'],
    ['off with an off variant', { enabled: false, offVariant: 'off' }, 'off (false) to 100%'],
    ['everyone gets the default variant', {}, 'on (true) to 100%'],
    ['a fractional split', { rollout: [{ variant: 'on', percent: 30 }, { variant: 'off', percent: 70 }] }, 'on (true) 30% · off (false) 70%'],
    ['one variant to all by a split', { rollout: [{ variant: 'on', percent: 100 }] }, 'on (true) to 100%'],
    ['thirds', { rollout: [{ variant: 'on', percent: 100 / 3 }, { variant: 'off', percent: 200 / 3 }] }, 'on (true) 33.3% · off (false) 66.7%'],
    ['rules with a default variant', { hasRules: true, rulesSummary: 'if email ends_with @example.com' }, 'on (true) unless a rule matches'],
    ['string variants named after their values', { variants: { blue: 'blue', green: 'green' }, rollout: [{ variant: 'blue', percent: 50 }, { variant: 'green', percent: 50 }] }, '"blue" 50% · "green" 50%'],
    ['a string variant with another name', { variants: { control: 'blue', treatment: 'green' }, defaultVariant: 'treatment' }, 'treatment ("green") to 100%'],
    ['a number variant', { variants: { standard: 50, low: 25 }, defaultVariant: 'standard' }, 'standard (50) to 100%'],
    ['no default variant', { defaultVariant: undefined }, 'code default'],
  ];
  for (const [name, overrides, expected] of cases) {
    it(name, () => assert.equal(servesText(environment('production', overrides)), expected));
  }
});

describe('formatAge', () => {
  const cases: Array<[number, string]> = [
    [-5 * MINUTE, 'just now'],
    [0, 'just now'],
    [59_999, 'just now'],
    [MINUTE, '1 min ago'],
    [2 * MINUTE + 30_000, '2 min ago'],
    [59 * MINUTE, '59 min ago'],
    [60 * MINUTE, '1 hour ago'],
    [23 * 60 * MINUTE, '23 hours ago'],
    [DAY, '1 day ago'],
    [12 * DAY, '12 days ago'],
    [59 * DAY, '59 days ago'],
    [60 * DAY, '2 months ago'],
    [400 * DAY, '13 months ago'],
    [730 * DAY, '2 years ago'],
  ];
  for (const [ms, expected] of cases) {
    it(`${ms} ms is "${expected}"`, () => assert.equal(formatAge(ms), expected));
  }
});

describe('escapeMarkdown', () => {
  const cases: Array<[string, string]> = [
    ['new-checkout', 'new-checkout'],
    ['new_checkout', 'new_checkout'],
    ['_private_', '\\_private\\_'],
    ['a *b* `c` [d](e) <f> | g ~h~ \\', 'a \\*b\\* \\`c\\` \\[d\\](e) \\<f\\> \\| g \\~h\\~ \\\\'],
    ['# heading', '\\# heading'],
    ['1. item', '1\\. item'],
    ['&amp;', '&amp;amp;'],
    ['Tom & Jerry', 'Tom & Jerry'],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => assert.equal(escapeMarkdown(text), expected));
  }
});
