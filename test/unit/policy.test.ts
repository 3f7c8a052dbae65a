// The flag policy as tables: where a flag's type comes from, and type × age × what each environment
// serves × the last evaluation → the staleness verdict with the reasons that decided it; permanent types
// are never stale and never removable.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flagTypeAnnotation, flagTypeOf } from '../../server/src/analysis/policy/flagType';
import { flagHygiene } from '../../server/src/analysis/policy/hygiene';
import { DEFAULT_POLICY, type FlagPolicy } from '../../server/src/analysis/policy/policy';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { scanFile } from '../../server/src/analysis/scan';
import { scanDocument } from '../../server/src/analysis/scan/incremental';
import type { EnvironmentFlagState, FlagDefinition } from '../../server/src/analysis/types';
import { catalog, check, definition, environment } from './catalog-builders';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number): string => new Date(NOW - days * DAY).toISOString();

describe('flagTypeAnnotation', () => {
  const rows: Array<[string, string, string | undefined]> = [
    ['on the line above', "// flaglens: kill-switch\nif (client.getBooleanValue('x', false)) {}", 'kill-switch'],
    ['at the end of the line', "const on = isOn('x'); // flaglens: permission", 'permission'],
    ['as a block comment', "/* flaglens: operational */ isOn('x')", 'operational'],
    ['two lines above', "// flaglens: kill-switch\n\nisOn('x')", undefined],
    ['above, after code', "run(); // flaglens: kill-switch\nisOn('x')", undefined],
    ['another tool\'s comment', "// eslint-disable-next-line\nisOn('x')", undefined],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => assert.equal(flagTypeAnnotation(text, text.indexOf('isOn') >= 0 ? text.indexOf('isOn') : text.indexOf('client')), expected));
  }
});

describe('the annotation on a scanned check', () => {
  const text = [
    "import { OpenFeature } from '@openfeature/server-sdk';",
    'const client = OpenFeature.getClient();',
    '// flaglens: kill-switch',
    "if (client.getBooleanValue('payments-off', false)) stop();",
    "if (client.getBooleanValue('new-checkout', false)) go();",
  ].join('\n');
  const patterns = buildPatternSet([]);
  it('is kept with the check it stands above, and only that one', () => {
    const checks = scanFile('/a.ts', text, patterns).checks;
    assert.deepEqual(checks.map((found) => [found.key, found.typeAnnotation]), [['payments-off', 'kill-switch'], ['new-checkout', undefined]]);
  });
  it('is the same after an edit re-scans one statement', () => {
    const before = scanDocument('/a.ts', text, patterns);
    const edited = text.replace("'new-checkout', false", "'new-checkout', true");
    const after = scanDocument('/a.ts', edited, patterns, before);
    assert.deepEqual(after.scan.checks.map((found) => found.typeAnnotation), ['kill-switch', undefined]);
  });
});

describe('flagTypeOf', () => {
  const policy: FlagPolicy = { ...DEFAULT_POLICY, keyTypes: [{ pattern: 'ops-*', type: 'operational' }] };
  const rows: Array<{ name: string; key?: string; definition?: Partial<FlagDefinition>; annotation?: string; type: string; from: string }> = [
    { name: 'the default type', type: 'release', from: 'the default type' },
    { name: "the backend's type", definition: { flagType: 'experiment' }, type: 'experiment', from: 'flags/*.flagd.json' },
    { name: 'a tag that names a type', definition: { tags: ['web', 'kill-switch'] }, type: 'kill-switch', from: "the tag 'kill-switch'" },
    { name: 'a key pattern', key: 'ops-cache', type: 'operational', from: "the key pattern 'ops-*'" },
    { name: "LaunchDarkly's not temporary", definition: { temporary: false }, type: 'permanent', from: 'flags/*.flagd.json: not temporary' },
    { name: 'the comment at a check beats the backend', definition: { flagType: 'release' }, annotation: 'kill-switch', type: 'kill-switch', from: 'the comment at the check' },
    { name: 'an unknown backend type is passed over', definition: { flagType: 'mystery' }, key: 'ops-x', type: 'operational', from: "the key pattern 'ops-*'" },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const key = row.key ?? 'flag';
      const checks = row.annotation === undefined ? [] : [check(key, { typeAnnotation: row.annotation })];
      const verdict = flagTypeOf(key, definition(key, row.definition), checks, policy);
      assert.deepEqual([verdict.type, verdict.from], [row.type, row.from]);
    });
  }
});

/** Shorthands for what one environment serves, so that a row reads as a sentence. */
const on = (overrides: Partial<EnvironmentFlagState> = {}) => overrides;
const split = (percent: number, overrides: Partial<EnvironmentFlagState> = {}) => ({ rollout: [{ variant: 'on', percent }, { variant: 'off', percent: 100 - percent }], ...overrides });

interface StalenessRow {
  name: string;
  type?: string;
  ageDays?: number;
  environments: Record<string, Partial<EnvironmentFlagState>>;
  lastSeenDays?: number;
  /** Days since the first commit that added the key (git), for a flag without a creation date. */
  firstSeenDays?: number;
  references?: number;
  markedStale?: boolean;
  stale: boolean;
  /** The reasons, in order. */
  reasons: string[];
}

const STALENESS: StalenessRow[] = [
  {
    name: 'a release flag past its lifetime, released and unchanged',
    ageDays: 90, environments: { production: on({ lastModified: daysAgo(50) }), staging: on({ lastModified: daysAgo(60) }) },
    stale: true, reasons: ['90 days old, past the 40 days a release flag lives', 'serves true in every environment, unchanged for 50 days'],
  },
  {
    name: 'a release flag within its lifetime',
    ageDays: 20, environments: { production: on(), staging: on() },
    stale: false, reasons: ['20 days old, within the 40 days a release flag lives'],
  },
  {
    name: 'an old release flag still rolling out and evaluated',
    ageDays: 90, environments: { production: split(25), staging: on() }, lastSeenDays: 1,
    stale: false, reasons: ['past its lifetime, but still rolling out: production serves on to 25% (fractional), staging to 100%'],
  },
  {
    name: 'an old flag rolling out that no SDK evaluated for 45 days',
    ageDays: 90, environments: { production: split(25, { lastSeenAt: daysAgo(45) }), staging: on({ lastSeenAt: daysAgo(50) }) },
    stale: true, reasons: ['90 days old, past the 40 days a release flag lives', 'last evaluated 45 days ago'],
  },
  {
    name: 'an operational flag is old after a week',
    type: 'operational', ageDays: 8, environments: { production: on() },
    stale: true, reasons: ['8 days old, past the 7 days an operational flag lives', 'serves true in every environment'],
  },
  {
    name: 'an experiment LaunchDarkly calls launched everywhere',
    type: 'experiment', ageDays: 41, environments: { production: split(50, { backendStatus: 'launched' }), staging: split(50, { backendStatus: 'launched' }) },
    stale: true, reasons: ['41 days old, past the 40 days an experiment flag lives', 'launched in every environment (serves one variation to everyone)'],
  },
  {
    name: 'an experiment LaunchDarkly calls inactive everywhere',
    type: 'experiment', ageDays: 60, environments: { production: split(50, { backendStatus: 'inactive' }) },
    stale: true, reasons: ['60 days old, past the 40 days an experiment flag lives', 'inactive in every environment (not evaluated for 7 days)'],
  },
  {
    name: 'a kill switch on everywhere for a year',
    type: 'kill-switch', ageDays: 365, environments: { production: on({ lastModified: daysAgo(300) }) }, lastSeenDays: 200,
    stale: false, reasons: ['kill-switch flag (from flags/*.flagd.json): permanent, never stale'],
  },
  {
    name: 'a permission flag the backend marks stale',
    type: 'permission', ageDays: 365, environments: { production: on() }, markedStale: true,
    stale: false, reasons: ['permission flag (from flags/*.flagd.json): permanent, never stale, though flags/*.flagd.json marks it stale'],
  },
  {
    name: 'a young flag the backend marks stale',
    ageDays: 3, environments: { production: split(10) }, markedStale: true,
    stale: true, reasons: ['marked stale in flags/*.flagd.json'],
  },
  {
    name: 'no creation date: released and unchanged past the lifetime',
    environments: { production: on({ lastModified: daysAgo(41) }) },
    stale: true, reasons: ['serves true in every environment, unchanged for 41 days', 'longer than the 40 days a release flag lives'],
  },
  {
    name: 'no creation date: released, changed recently',
    environments: { production: on({ lastModified: daysAgo(5) }) },
    stale: false, reasons: ['changed recently; no creation date'],
  },
  {
    name: 'no creation date, first seen in code (git) past the lifetime, released',
    firstSeenDays: 60, environments: { production: on({ lastModified: daysAgo(5) }) },
    stale: true, reasons: [`first seen in code ${daysAgo(60).slice(0, 10)} (git), 60 days ago, past the 40 days a release flag lives`, 'serves true in every environment, unchanged for 5 days'],
  },
  {
    name: 'no creation date, first seen in code (git) within the lifetime',
    firstSeenDays: 12, environments: { production: split(25) },
    stale: false, reasons: [`first seen in code ${daysAgo(12).slice(0, 10)} (git), 12 days ago, within the 40 days a release flag lives`],
  },
  {
    name: 'the creation date wins over the first commit',
    ageDays: 3, firstSeenDays: 300, environments: { production: on() },
    stale: false, reasons: ['3 days old, within the 40 days a release flag lives'],
  },
  {
    name: 'young, never checked in code and not evaluated for a month',
    ageDays: 10, environments: { production: split(30, { lastSeenAt: daysAgo(31) }) }, references: 0,
    stale: true, reasons: ['last evaluated 31 days ago', 'no check in code'],
  },
  {
    name: 'only counted environments decide: staging rolls out, production counts',
    ageDays: 50, environments: { production: on(), staging: split(5) },
    stale: true, reasons: ['50 days old, past the 40 days a release flag lives', 'serves true in every environment'],
  },
];

describe('staleness', () => {
  for (const row of STALENESS) {
    it(row.name, () => {
      const key = 'flag';
      const flag = definition(key, {
        flagType: row.type,
        stale: row.markedStale ?? false,
        ...(row.ageDays === undefined ? {} : { createdAt: daysAgo(row.ageDays) }),
        ...(row.lastSeenDays === undefined ? {} : { lastSeenAt: daysAgo(row.lastSeenDays) }),
        environments: Object.entries(row.environments).map(([name, state]) => environment(name, state)),
      });
      const counted = row.name.startsWith('only counted') ? ['production'] : undefined;
      const checks = Array.from({ length: row.references ?? 1 }, () => check(key));
      const firstSeenInCode = row.firstSeenDays === undefined ? undefined : daysAgo(row.firstSeenDays);
      const { staleness } = flagHygiene(flag, catalog([flag], { countedEnvironments: counted }), { policy: DEFAULT_POLICY, now: NOW, checksOf: () => checks, firstSeenInCode: () => firstSeenInCode });
      assert.deepEqual(staleness, { stale: row.stale, reasons: row.reasons });
    });
  }
});

describe('removability under the policy', () => {
  it('a released kill switch is kept, saying why', () => {
    const flag = definition('kill-payments', { flagType: 'kill-switch' });
    const { removability } = flagHygiene(flag, catalog([flag]), { policy: DEFAULT_POLICY, now: NOW, checksOf: () => [] });
    assert.equal(removability.removable, false);
    assert.ok(!removability.removable && removability.permanent === true);
    assert.match(!removability.removable ? removability.why : '', /'kill-payments' is a kill-switch flag \(from flags\/\*\.flagd\.json\), which is permanent: it stays/);
  });
  it('the comment at any check of the flag makes it permanent', () => {
    const flag = definition('new-checkout');
    const checks = [check('new-checkout'), check('new-checkout', { typeAnnotation: 'permission' })];
    assert.equal(flagHygiene(flag, catalog([flag]), { policy: DEFAULT_POLICY, now: NOW, checksOf: () => checks }).removability.removable, false);
  });
  it('a lifetime of "permanent" in the policy makes a type permanent', () => {
    const flag = definition('new-checkout', { flagType: 'release' });
    const policy = { ...DEFAULT_POLICY, lifetimes: { ...DEFAULT_POLICY.lifetimes, release: 'permanent' as const } };
    assert.equal(flagHygiene(flag, catalog([flag]), { policy, now: NOW, checksOf: () => [] }).removability.removable, false);
  });
});
