// Release stages as tables: Unleash strategy shapes and LaunchDarkly's documented environment payloads
// → off, targeted (with who), partial (with the percentage), everyone; and a stage going back recorded
// between loads (by the definitions cache) and shown as un-released.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { describeFlagMarkdown } from '../../server/src/analysis/describe';
import { isStepBack, stageOf, withStageChanges } from '../../server/src/analysis/stages';
import type { Exposure } from '../../server/src/analysis/types';
import { environmentState as launchDarklyState, type LaunchDarklyEnvironmentConfig } from '../../server/src/backends/launchdarkly/wire';
import { environmentState as unleashState, type UnleashStrategy } from '../../server/src/backends/unleash/wire';
import { CachedBackend, DefinitionCache } from '../../server/src/backends/cache';
import type { BackendLoad, FlagBackend } from '../../server/src/backends/types';
import { catalog, check, definition, environment, policyContext } from './catalog-builders';

const SEGMENTS = new Map([[1, 'beta-testers']]);
const strategy = (name: string, parameters: Record<string, string> = {}, extra: Partial<UnleashStrategy> = {}): UnleashStrategy => ({
  name, parameters, constraints: [], segments: [], variants: [], disabled: false, ...extra,
});
const rollout = (percent: number, extra: Partial<UnleashStrategy> = {}) => strategy('flexibleRollout', { rollout: String(percent), stickiness: 'default', groupId: 'g' }, extra);
const emailConstraint = { contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'], inverted: false };

describe('release stages from Unleash strategies', () => {
  const rows: Array<[string, boolean, UnleashStrategy[], Exposure]> = [
    ['disabled', false, [strategy('default')], { stage: 'off' }],
    ['enabled without strategies', true, [], { stage: 'everyone' }],
    ['the default strategy', true, [strategy('default')], { stage: 'everyone' }],
    ['a flexible rollout of 100%', true, [rollout(100)], { stage: 'everyone' }],
    ['a flexible rollout of 25%', true, [rollout(25)], { stage: 'partial', percent: 25 }],
    ['a flexible rollout of 0%', true, [rollout(0)], { stage: 'off' }],
    ['user ids', true, [strategy('userWithId', { userIds: 'alice,bob' })], { stage: 'targeted', who: 'userId in [alice, bob]' }],
    ['a segment', true, [rollout(100, { segments: [1] })], { stage: 'targeted', who: 'segment beta-testers' }],
    ['constraints at 100%', true, [rollout(100, { constraints: [emailConstraint] })], { stage: 'targeted', who: 'email ends with @example.com' }],
    ['25% of the constrained users', true, [rollout(25, { constraints: [emailConstraint] })], { stage: 'partial', percent: 25, who: 'email ends with @example.com, 25%' }],
    ['user ids, then 10% of everyone', true, [strategy('userWithId', { userIds: 'alice' }), rollout(10)], { stage: 'partial', percent: 10, who: 'userId in [alice]' }],
    ['a disabled strategy does not count', true, [rollout(50), strategy('default', {}, { disabled: true })], { stage: 'partial', percent: 50 }],
  ];
  for (const [name, enabled, strategies, expected] of rows) {
    it(name, () => assert.deepEqual(stageOf(unleashState('production', { enabled, strategies, variants: [] }, SEGMENTS)), expected));
  }
});

describe('release stages from LaunchDarkly environments', () => {
  const BOOLEAN = [{ value: true }, { value: false }];
  const config = (overrides: Partial<LaunchDarklyEnvironmentConfig>): LaunchDarklyEnvironmentConfig => ({
    on: true, offVariation: 1, fallthrough: { variation: 0 }, rules: [], targets: [], prerequisites: [], archived: false, ...overrides,
  });
  const rows: Array<[string, LaunchDarklyEnvironmentConfig, Exposure]> = [
    ['off', config({ on: false }), { stage: 'off' }],
    ['on, the fallthrough serves true', config({}), { stage: 'everyone' }],
    ['on, the fallthrough serves the off variation', config({ fallthrough: { variation: 1 } }), { stage: 'off' }],
    ['a fallthrough rollout of 25%', config({ fallthrough: { rollout: [{ variation: 0, weight: 25_000 }, { variation: 1, weight: 75_000 }] } }), { stage: 'partial', percent: 25 }],
    ['individual targets, the fallthrough off', config({ fallthrough: { variation: 1 }, targets: [{ variation: 0, count: 2 }] }), { stage: 'targeted', who: '2 targets get on' }],
    [
      'a rule rolling out 10% of its users, the fallthrough off',
      config({ fallthrough: { variation: 1 }, rules: [{ clauses: [{ attribute: 'email', op: 'endsWith', values: ['@example.com'], negate: false }], rollout: [{ variation: 0, weight: 10_000 }, { variation: 1, weight: 90_000 }] }] }),
      { stage: 'partial', percent: 10, who: 'if email ends with @example.com: a percentage rollout' },
    ],
    ['targets, then everyone by the fallthrough', config({ targets: [{ variation: 1, count: 1 }] }), { stage: 'everyone' }],
    [
      'targets, then a fallthrough rollout of 50%',
      config({ targets: [{ variation: 0, count: 3 }], fallthrough: { rollout: [{ variation: 0, weight: 50_000 }, { variation: 1, weight: 50_000 }] } }),
      { stage: 'partial', percent: 50, who: '3 targets get on' },
    ],
  ];
  for (const [name, environmentConfig, expected] of rows) {
    it(name, () => assert.deepEqual(stageOf(launchDarklyState('production', environmentConfig, BOOLEAN)), expected));
  }
});

describe('stage changes between loads', () => {
  const at = '2026-06-01T00:00:00.000Z';
  const everyone = definition('f', { environments: [environment('production')] });
  const quarter = definition('f', { environments: [environment('production', { rollout: [{ variant: 'on', percent: 25 }, { variant: 'off', percent: 75 }] })] });

  it('a stage that differs starts now, remembering the one before', () => {
    const [changed] = withStageChanges([quarter], [everyone], at);
    assert.deepEqual(changed.environments[0].stageChange, { from: { stage: 'everyone' }, at });
    assert.ok(isStepBack({ stage: 'everyone' }, stageOf(changed.environments[0])));
  });
  it('the same stage keeps the change recorded before', () => {
    const [first] = withStageChanges([quarter], [everyone], at);
    const [second] = withStageChanges([quarter], [first], '2026-06-02T00:00:00.000Z');
    assert.deepEqual(second.environments[0].stageChange, { from: { stage: 'everyone' }, at });
  });
  it('a wider percentage is a step forward, a narrower one a step back', () => {
    assert.equal(isStepBack({ stage: 'partial', percent: 25 }, { stage: 'partial', percent: 50 }), false);
    assert.equal(isStepBack({ stage: 'partial', percent: 50 }, { stage: 'partial', percent: 25 }), true);
    assert.equal(isStepBack({ stage: 'targeted' }, { stage: 'partial', percent: 1 }), false);
  });

  it('the hover shows the progression and an un-release within the policy window', () => {
    const now = Date.parse(at) + 2 * 24 * 60 * 60 * 1000;
    const [changed] = withStageChanges([quarter], [everyone], at);
    const staging = environment('staging');
    const flag = { ...changed, environments: [...changed.environments, staging] };
    const markdown = describeFlagMarkdown(check('f'), catalog([flag]), { references: 1, files: 1 }, policyContext(now, [check('f')]));
    assert.ok(markdown.includes('production: 25% for 2 days · staging: everyone · **un-released** in production 2 days ago (was everyone)'), markdown);
    const later = describeFlagMarkdown(check('f'), catalog([flag]), { references: 1, files: 1 }, policyContext(now + 30 * 24 * 60 * 60 * 1000, [check('f')]));
    assert.ok(!later.includes('un-released'), later);
  });
});

describe('the definitions cache records stage changes', () => {
  it('a service taken back from everyone to 25% reads as a change at the second sync, kept across restarts', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'flaglens-stages-'));
    try {
      const file = path.join(folder, 'flag-definitions.json');
      const loads: BackendLoad[] = [
        { definitions: [definition('f', { environments: [environment('production')] })], environments: ['production'], problems: [], ok: true, syncedAt: Date.parse('2026-06-01T00:00:00Z') },
        { definitions: [definition('f', { environments: [environment('production', { rollout: [{ variant: 'on', percent: 25 }, { variant: 'off', percent: 75 }] })] })], environments: ['production'], problems: [], ok: true, syncedAt: Date.parse('2026-06-02T00:00:00Z') },
      ];
      const service: FlagBackend = { label: 'Unleash (u)', load: async () => loads.shift() as BackendLoad, watchedFiles: () => [] };
      const cached = new CachedBackend(service, new DefinitionCache(file), 'u');
      assert.equal((await cached.load()).definitions[0].environments[0].stageChange, undefined);
      const second = await cached.load();
      assert.deepEqual(second.definitions[0].environments[0].stageChange, { from: { stage: 'everyone' }, at: '2026-06-02T00:00:00.000Z' });
      assert.deepEqual(new DefinitionCache(file).get('u')?.definitions[0].environments[0].stageChange, { from: { stage: 'everyone' }, at: '2026-06-02T00:00:00.000Z' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
