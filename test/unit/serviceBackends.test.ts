// Flag services as a folder's configuration makes them: workspace trust, which token goes where,
// the cache of last good definitions, and the catalog and hover while a service is down.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { describeFlagMarkdown } from '../../server/src/analysis/describe';
import type { FlagCheck } from '../../server/src/analysis/types';
import { CachedBackend, DefinitionCache } from '../../server/src/backends/cache';
import { buildCatalog } from '../../server/src/backends/catalog';
import type { BackendLoad, FlagBackend } from '../../server/src/backends/types';
import { backendOrigins, createBackends, type BackendSetup } from '../../server/src/workspace/createBackends';
import { defaultConfig, type BackendConfig } from '../../server/src/workspace/config';
import { FakeUnleash } from '../server/fakeUnleash';
import { policyContext } from './catalog-builders';

const TOKEN = 'unleash-admin-token-0123456789';
const fake = new FakeUnleash(TOKEN);
let folder: string;
const folders: string[] = [];

before(async () => {
  await fake.start();
  fake.flags = [{ name: 'new-checkout', enabled: { production: true } }];
});
after(async () => {
  await fake.stop();
});
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'flaglens-services-'));
  folders.push(folder);
  fake.mode = 'up';
  fake.requests.length = 0;
});

const unleashAt = (url: string, extra: Partial<Extract<BackendConfig, { type: 'unleash' }>> = {}): BackendConfig => ({ type: 'unleash', url, ...extra });
const backendsOf = (backends: BackendConfig[], setup: BackendSetup): FlagBackend[] => createBackends({ ...defaultConfig(), backends }, folder, setup);
const loadOne = async (backends: BackendConfig[], setup: BackendSetup): Promise<BackendLoad> => backendsOf(backends, setup)[0].load();

describe('tokens and trust', () => {
  it('an untrusted workspace makes no request and says why', async () => {
    const load = await loadOne([unleashAt(fake.url)], { network: false, tokenFor: () => TOKEN });
    assert.equal(load.ok, false);
    assert.match(load.message ?? '', /this workspace is not trusted, so FlagLens reads only local flag files/);
    assert.equal(fake.requests.length, 0);
  });

  it('uses the token stored for the configured origin', async () => {
    const load = await loadOne([unleashAt(fake.url)], { network: true, tokenFor: (origin) => (origin === fake.url ? TOKEN : undefined) });
    assert.equal(load.ok, true, load.message);
    assert.deepEqual(load.definitions.map((definition) => definition.key), ['new-checkout']);
    assert.ok(fake.requests.every((request) => request.authorization === TOKEN));
  });

  it('a token stored for another origin is never sent here, and the message says what to do', async () => {
    const stored = new Map([['https://unleash.example.com', TOKEN]]);
    const load = await loadOne([unleashAt(fake.url)], {
      network: true,
      tokenFor: (origin) => stored.get(origin),
      howToSetToken: (origin) => `run "FlagLens: Set Backend Token" for ${origin}`,
    });
    assert.equal(load.ok, false);
    assert.ok(fake.requests.length > 0 && fake.requests.every((request) => request.authorization === undefined), 'a token was sent');
    assert.match(load.message ?? '', /answered 401 \(no token is set\); set an Unleash admin or personal access token for this address \(run "FlagLens: Set Backend Token" for http:\/\/127\.0\.0\.1:\d+\)/);
    assert.ok(!(load.message ?? '').includes(TOKEN));
  });

  it('reads the token from the variable tokenEnv names, for the origin its URL variable names', async () => {
    const load = await loadOne([unleashAt(fake.url, { tokenEnv: 'FLAGLENS_TEST_TOKEN' })], {
      network: true,
      environmentVariables: { FLAGLENS_TEST_TOKEN: TOKEN, FLAGLENS_TEST_URL: fake.url, FLAGLENS_UNLEASH_TOKEN: 'wrong' },
    });
    assert.equal(load.ok, true, load.message);
  });

  it("sends a variable's token only to an origin the user's environment names, not the repository's", async () => {
    const elsewhere = { FLAGLENS_TEST_TOKEN: TOKEN, FLAGLENS_TEST_URL: 'https://unleash.example.com' };
    const refused = await loadOne([unleashAt(fake.url, { tokenEnv: 'FLAGLENS_TEST_TOKEN' })], { network: true, environmentVariables: elsewhere });
    assert.equal(refused.ok, false);
    assert.ok(fake.requests.every((request) => request.authorization === undefined), 'the token was sent to the origin the configuration names');
    assert.match(refused.message ?? '', /FLAGLENS_TEST_TOKEN is sent only to the origin in FLAGLENS_TEST_URL or FLAGLENS_ALLOWED_ORIGINS; set FLAGLENS_TEST_URL=http:\/\/127\.0\.0\.1:\d+ to send it to this one/);
    // FLAGLENS_ALLOWED_ORIGINS allows more origins for every token variable.
    const allowed = await loadOne([unleashAt(fake.url, { tokenEnv: 'FLAGLENS_TEST_TOKEN' })], {
      network: true,
      environmentVariables: { ...elsewhere, FLAGLENS_ALLOWED_ORIGINS: `https://other.example, ${fake.url}` },
    });
    assert.equal(allowed.ok, true, allowed.message);
  });

  it('a stored token wins over the variable', async () => {
    const load = await loadOne([unleashAt(fake.url)], { network: true, tokenFor: () => TOKEN, environmentVariables: { FLAGLENS_UNLEASH_TOKEN: 'wrong', FLAGLENS_UNLEASH_URL: fake.url } });
    assert.equal(load.ok, true, load.message);
  });

  it('lists the origins of flag services only, once each', () => {
    const backends: BackendConfig[] = [
      { type: 'flagd' },
      unleashAt('https://unleash.example.com/api/'),
      unleashAt('https://unleash.example.com', { project: 'other' }),
      { type: 'launchdarkly', project: 'p', environments: ['production'] },
    ];
    assert.deepEqual(backendOrigins({ ...defaultConfig(), backends }), ['https://unleash.example.com', 'https://app.launchdarkly.com']);
  });

  it('labels each backend, so the hover can say where a flag came from', () => {
    const labels = backendsOf([
      unleashAt('https://unleash.example.com', { project: 'web' }),
      { type: 'launchdarkly', project: 'p', environments: ['production'], baseUri: 'https://app.eu.launchdarkly.com' },
    ], { network: true }).map((backend) => [backend.label, backend.pollIntervalMs]);
    assert.deepEqual(labels, [
      ['Unleash (https://unleash.example.com, project web)', 60_000],
      ['LaunchDarkly (https://app.eu.launchdarkly.com, project p)', 60_000],
    ]);
  });
});

describe('maxResponseBytes', () => {
  it('a backend\'s own cap refuses a larger answer and names the setting; without it the 64 MB default reads it', async () => {
    const flags = fake.flags;
    fake.flags = Array.from({ length: 40 }, (_, index) => ({ name: `flag-with-a-long-name-${index}`, enabled: { production: true } }));
    try {
      const capped = await loadOne([unleashAt(fake.url, { maxResponseBytes: 1024 })], { network: true, tokenFor: () => TOKEN });
      assert.equal(capped.ok, false);
      assert.match(capped.message ?? '', /answered more than 1 KB, the most FlagLens reads; raise "maxResponseBytes" of this backend in \.flaglens\.json/);
      const uncapped = await loadOne([unleashAt(fake.url)], { network: true, tokenFor: () => TOKEN });
      assert.equal(uncapped.ok, true, uncapped.message);
      assert.equal(uncapped.definitions.length, 40);
    } finally {
      fake.flags = flags;
    }
  });
});

describe('the cache of last good definitions', () => {
  it('keeps a good load and shows it when the service is down at the next start', async () => {
    const file = path.join(folder, 'cache', 'flags.json');
    const setup = (): BackendSetup => ({ network: true, tokenFor: () => TOKEN, cache: new DefinitionCache(file) });
    const good = await loadOne([unleashAt(fake.url)], setup());
    assert.equal(good.ok, true);
    assert.ok(!readFileSync(file, 'utf8').includes(TOKEN), 'the token is in the cache');

    fake.mode = 'down-500';
    const offline = await loadOne([unleashAt(fake.url)], setup());
    assert.equal(offline.ok, false);
    assert.deepEqual(offline.definitions, good.definitions);
    assert.equal(offline.syncedAt, good.syncedAt);
    assert.match(offline.message ?? '', /answered 500 \(server error\); showing the flags cached at \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });

  it('keys entries by service, project and environments', async () => {
    const cache = new DefinitionCache(path.join(folder, 'flags.json'));
    await loadOne([unleashAt(fake.url)], { network: true, tokenFor: () => TOKEN, cache });
    fake.mode = 'down-500';
    const otherProject = await loadOne([unleashAt(fake.url, { project: 'other' })], { network: true, tokenFor: () => TOKEN, cache });
    assert.deepEqual(otherProject.definitions, []);
  });

  it('ignores a cache file that is broken or of another version', async () => {
    const file = path.join(folder, 'flags.json');
    for (const text of ['{not json', JSON.stringify({ version: 99, entries: {} }), JSON.stringify({ version: 1, entries: { k: { definitions: 'x' } } })]) {
      writeFileSync(file, text);
      const logged: string[] = [];
      assert.equal(new DefinitionCache(file, (message) => logged.push(message)).get('k'), undefined);
    }
  });

  it('a failing service before any good load, without a cache entry, stays empty', async () => {
    const failing: FlagBackend = {
      label: 'Unleash (x)',
      load: async () => ({ definitions: [], environments: [], problems: [], ok: false, message: 'Unleash (x): unreachable' }),
      watchedFiles: () => [],
    };
    const load = await new CachedBackend(failing, new DefinitionCache(path.join(folder, 'none.json')), 'k').load();
    assert.deepEqual([load.ok, load.definitions, load.message], [false, [], 'Unleash (x): unreachable']);
  });
});

describe('a service that is down, next to one that is not', () => {
  const check: FlagCheck = {
    key: 'new-checkout', resolved: true, keySpan: { start: 0, end: 1 }, keyIsLiteral: true, callSpan: { start: 0, end: 1 },
    sdk: 'unleash', method: 'isEnabled', valueType: 'boolean', negate: false,
  };
  const now = Date.parse('2026-11-24T10:00:00Z');
  const definition = (key: string, source: string) => ({
    key, stale: false, archived: false, tags: [], source,
    environments: [{ environment: 'production', enabled: true, variants: { on: true, off: false }, defaultVariant: 'on', rollout: [], hasRules: false }],
  });
  const loads: BackendLoad[] = [
    { definitions: [definition('new-checkout', 'Unleash (u)')], environments: ['production'], problems: [], ok: false, message: 'Unleash (u): unreachable', syncedAt: now - 3 * 60_000 },
    { definitions: [definition('dark-mode', 'flags/*.flagd.json')], environments: ['production'], problems: [], ok: true, syncedAt: now - 60_000 },
  ];
  const catalog = buildCatalog(loads, ['Unleash (u)', 'flags/*.flagd.json']);

  it('keeps both sources in the catalog', () => {
    assert.deepEqual([...catalog.definitions.keys()], ['new-checkout', 'dark-mode']);
  });
  it('the hover of its flag says it is offline and how old the data is', () => {
    const markdown = describeFlagMarkdown(check, catalog, { references: 1, files: 1 }, policyContext(now));
    assert.match(markdown, /from Unleash \(u\) · offline, last synced 3 min ago$/);
  });
  it("the other source's flags say synced", () => {
    const markdown = describeFlagMarkdown({ ...check, key: 'dark-mode' }, catalog, { references: 1, files: 1 }, policyContext(now));
    assert.match(markdown, /from flags\/\\\*\.flagd\.json · synced 1 min ago$/);
  });
});

after(() => {
  for (const created of folders) rmSync(created, { recursive: true, force: true });
});
