// UnleashBackend against a real unleash-server (7.5.1) seeded by test/backends/unleash/seed.ts.
// Run through `bash test/backends/unleash/run.sh`, which starts the server and sets UNLEASH_URL
// and UNLEASH_TOKEN.

import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { classifyRelease } from '../../server/src/analysis/release';
import { stageOf } from '../../server/src/analysis/stages';
import type { EnvironmentFlagState, Exposure, FlagDefinition } from '../../server/src/analysis/types';
import { JsonClient } from '../../server/src/backends/http';
import type { BackendLoad } from '../../server/src/backends/types';
import { UnleashBackend } from '../../server/src/backends/unleash/backend';

const baseUrl = process.env.UNLEASH_URL ?? '';
const token = process.env.UNLEASH_TOKEN ?? '';

const ON_OFF = { on: true, off: false };
const onForEveryone = { enabled: true, hasRules: false, variants: ON_OFF, defaultVariant: 'on', rollout: [] };
const off = { enabled: false, hasRules: false, variants: ON_OFF, defaultVariant: 'off', offVariant: 'off', rollout: [] };

interface Expected {
  key: string;
  stale?: boolean;
  archived?: boolean;
  tags?: string[];
  description: string;
  /** What each environment serves, without its last change. */
  environments: Record<string, Omit<EnvironmentFlagState, 'environment' | 'lastModified'>>;
  release: { state: string; summary: string };
  /** The release stage FlagLens reports per environment, where the row is about it. */
  stages?: Record<string, Exposure>;
}

const EXPECTED: Expected[] = [
  {
    key: 'new-checkout',
    description: 'New checkout flow',
    tags: ['checkout'],
    environments: {
      development: { enabled: true, hasRules: false, variants: ON_OFF, rollout: [{ variant: 'on', percent: 30 }, { variant: 'off', percent: 70 }] },
      production: onForEveryone,
    },
    release: { state: 'rolling-out', summary: 'development serves on to 30% (fractional), production to 100%' },
  },
  {
    key: 'dark-mode',
    description: 'Dark theme for everyone',
    environments: { development: onForEveryone, production: onForEveryone },
    release: { state: 'released', summary: 'serves true in every environment' },
  },
  {
    key: 'legacy-search',
    description: 'Old search page',
    environments: { development: off, production: off },
    release: { state: 'dead', summary: 'off in every environment (serves false)' },
  },
  {
    key: 'old-banner',
    description: 'Spring sale banner',
    archived: true,
    // Archived flags reach no SDK, although production was enabled when it was archived.
    environments: {
      development: { enabled: false, hasRules: false, variants: {}, rollout: [] },
      production: { enabled: false, hasRules: false, variants: {}, rollout: [] },
    },
    release: { state: 'dead', summary: "off in every environment (serves the code's default)" },
  },
  {
    key: 'holiday-theme',
    description: 'Holiday colours',
    stale: true,
    environments: { development: onForEveryone, production: off },
    release: { state: 'rolling-out', summary: 'development serves on to 100%, production is off (serves false)' },
  },
  {
    key: 'button-color',
    description: 'Colour of the buy button',
    environments: {
      development: {
        enabled: true, hasRules: true, variants: ON_OFF, defaultVariant: 'off', rollout: [],
        rulesSummary: 'userId in [alice, bob], segment beta-testers, 50%',
        exposure: { stage: 'partial', percent: 50, who: 'userId in [alice, bob], segment beta-testers, 50%' },
      },
      production: {
        enabled: true, hasRules: false, variants: { blue: '#0000ff', green: '#00ff00' },
        rollout: [{ variant: 'blue', percent: 70 }, { variant: 'green', percent: 30 }],
      },
    },
    release: {
      state: 'rolling-out',
      summary: 'development has targeting rules (userId in [alice, bob], segment beta-testers, 50%), production serves "#0000ff" to 70%, "#00ff00" to 30% (fractional)',
    },
  },
  {
    key: 'search-v2',
    description: 'New search for a quarter of users',
    environments: {
      development: off,
      production: { enabled: true, hasRules: false, variants: ON_OFF, rollout: [{ variant: 'on', percent: 25 }, { variant: 'off', percent: 75 }] },
    },
    release: { state: 'rolling-out', summary: 'development is off (serves false), production serves on to 25% (fractional)' },
    stages: { development: { stage: 'off' }, production: { stage: 'partial', percent: 25 } },
  },
];

describe('UnleashBackend against a real Unleash server', () => {
  let load: BackendLoad;
  const loadedAt = Date.now();
  const definition = (key: string): FlagDefinition => {
    const found = load.definitions.find((candidate) => candidate.key === key);
    assert.ok(found, `${key} is missing; loaded: ${load.definitions.map((candidate) => candidate.key).join(', ')}`);
    return found;
  };

  before(async () => {
    assert.ok(baseUrl && token, 'UNLEASH_URL and UNLEASH_TOKEN are not set: run bash test/backends/unleash/run.sh');
    load = await new UnleashBackend({ baseUrl, project: 'default', token }).load();
  });

  it('loads the seeded project', () => {
    assert.equal(load.ok, true, load.message);
    assert.equal(load.message, undefined);
    assert.deepEqual(load.environments, ['development', 'production']);
    assert.deepEqual(load.definitions.map((flag) => flag.key).sort(), EXPECTED.map((flag) => flag.key).sort());
    assert.ok(load.syncedAt !== undefined && load.syncedAt >= loadedAt);
  });

  for (const expected of EXPECTED) {
    it(`${expected.key}: ${expected.release.state}`, () => {
      const flag = definition(expected.key);
      assert.equal(flag.description, expected.description);
      assert.equal(flag.stale, expected.stale ?? false);
      assert.equal(flag.archived, expected.archived ?? false);
      assert.deepEqual(flag.tags, expected.tags ?? []);
      assert.equal(flag.link, `${baseUrl}/projects/default/features/${expected.key}`);
      assert.equal(flag.source, `Unleash (${baseUrl})`);
      assert.equal(flag.owner, 'Unleash Admin Token User');
      // Created by seed.ts a moment before this test started.
      const created = Date.parse(flag.createdAt ?? '');
      assert.ok(created <= loadedAt && loadedAt - created < 10 * 60_000, `createdAt ${flag.createdAt}`);

      const served = Object.fromEntries(flag.environments.map(({ environment, lastModified: _lastModified, ...state }) => [environment, state]));
      assert.deepEqual(served, expected.environments);
      const verdict = classifyRelease(flag);
      assert.deepEqual({ state: verdict.state, summary: verdict.summary }, expected.release);
      if (expected.stages !== undefined) {
        assert.deepEqual(Object.fromEntries(flag.environments.map((state) => [state.environment, stageOf(state)])), expected.stages);
      }
    });
  }

  it('takes the last change per environment from the events', () => {
    const flag = definition('new-checkout');
    const created = Date.parse(flag.createdAt ?? '');
    for (const state of flag.environments) {
      const changed = Date.parse(state.lastModified ?? '');
      assert.ok(changed >= created && changed <= Date.now(), `${state.environment}: lastModified ${state.lastModified}`);
    }
    // legacy-search was never switched on in development: no event names that environment.
    assert.equal(definition('legacy-search').environments.find((state) => state.environment === 'development')?.lastModified, undefined);
  });

  it('reads only the configured environments', async () => {
    const onlyProduction = await new UnleashBackend({ baseUrl, project: 'default', token, environments: ['production'] }).load();
    assert.deepEqual(onlyProduction.environments, ['production']);
    assert.deepEqual(new Set(onlyProduction.definitions.flatMap((flag) => flag.environments.map((state) => state.environment))), new Set(['production']));
  });

  it('answers a repeated request with "not modified" once nothing changes', async () => {
    const client = new JsonClient({ baseUrl, token });
    const path = 'api/admin/search/features?project=IS:default';
    const first = await client.getJson(path);
    assert.ok(first.ok && !first.notModified);
    // Unleash moves fresh flags through lifecycle stages in the background, so the first answers
    // may differ; poll until one repeats.
    const deadline = Date.now() + 15_000;
    let latest = await client.getJson(path);
    while (latest.ok && !latest.notModified && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      latest = await client.getJson(path);
    }
    assert.ok(latest.ok && latest.notModified, 'Unleash never answered 304 Not Modified');
    assert.ok(Array.isArray((latest.body as { features?: unknown }).features));
  });

  it('says a wrong token is unauthorised, without echoing it', async () => {
    const wrongToken = '*:*.not-the-right-token';
    const failed = await new UnleashBackend({ baseUrl, project: 'default', token: wrongToken }).load();
    assert.equal(failed.ok, false);
    assert.match(failed.message ?? '', /unauthorised: .* answered 401 \(the token was not accepted\)/);
    assert.ok(!(failed.message ?? '').includes(wrongToken));
  });
});
