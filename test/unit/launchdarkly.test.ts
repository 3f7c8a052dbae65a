// The LaunchDarkly backend: REST API v2 answers in the shapes LaunchDarkly documents (List feature
// flags with summary=0, List feature flag statuses) turned into flag definitions, and the backend
// against a loopback server that pages, fails and recovers. LaunchDarkly is hosted only, so no real
// server runs here.

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { classifyRelease } from '../../server/src/analysis/release';
import type { EnvironmentFlagState } from '../../server/src/analysis/types';
import { ResponseShapeError } from '../../server/src/backends/jsonShape';
import { LaunchDarklyBackend } from '../../server/src/backends/launchdarkly/backend';
import {
  describeClause,
  environmentState,
  flagLink,
  parseFlagList,
  parseFlagStatuses,
  toFlagDefinition,
  variationNames,
  type LaunchDarklyEnvironmentConfig,
} from '../../server/src/backends/launchdarkly/wire';

const TOKEN = 'api-0123456789abcdef-secret';
const CREATED = 1731484800000; // 2024-11-13T08:00:00Z
const MODIFIED = 1764000000000;

/** One environment of a flag as `GET /api/v2/flags/{project}?summary=0&env=…` returns it. */
function environmentJson(name: string, overrides: Record<string, unknown>): Record<string, unknown> {
  return {
    on: true,
    archived: false,
    salt: 'd2f6c4a1b8e0',
    sel: '8c5a2f1e9d7b',
    lastModified: MODIFIED,
    version: 4,
    targets: [],
    contextTargets: [],
    rules: [],
    fallthrough: { variation: 0 },
    offVariation: 1,
    prerequisites: [],
    _site: { href: `/default/${name}/features/flag/targeting`, type: 'text/html' },
    _environmentName: name[0].toUpperCase() + name.slice(1),
    trackEvents: false,
    trackEventsFallthrough: false,
    _summary: { variations: {}, prerequisites: 0 },
    ...overrides,
  };
}

const BOOLEAN_VARIATIONS = [{ _id: 'e432f62b-55f6-49dd-a02f-eb24acf39d05', value: true }, { _id: 'a00bf58d-d252-476c-b915-15a74becacb4', value: false }];

function flagJson(key: string, overrides: Record<string, unknown>, environments: Record<string, Record<string, unknown>>): Record<string, unknown> {
  return {
    name: key,
    kind: 'boolean',
    description: '',
    key,
    _version: 1,
    creationDate: CREATED,
    includeInSnippet: false,
    clientSideAvailability: { usingMobileKey: false, usingEnvironmentId: false },
    variations: BOOLEAN_VARIATIONS,
    temporary: true,
    tags: [],
    _links: { parent: { href: '/api/v2/flags/default', type: 'application/json' }, self: { href: `/api/v2/flags/default/${key}`, type: 'application/json' } },
    maintainerId: '569f183514f4432160000007',
    _maintainer: { _links: { self: { href: '/api/v2/members/569f183514f4432160000007', type: 'application/json' } }, _id: '569f183514f4432160000007', firstName: 'Ariel', lastName: 'Flores', role: 'reader', email: 'ariel@acme.com' },
    goalIds: [],
    experiments: { baselineIdx: 0, items: [] },
    customProperties: {},
    archived: false,
    deprecated: false,
    defaults: { onVariation: 0, offVariation: 1 },
    environments: Object.fromEntries(Object.entries(environments).map(([name, config]) => [name, environmentJson(name, config)])),
    ...overrides,
  };
}

const NEW_CHECKOUT = flagJson('new-checkout', { name: 'New checkout', description: 'New checkout flow', tags: ['checkout'] }, {
  staging: { fallthrough: { rollout: { variations: [{ variation: 0, weight: 30000 }, { variation: 1, weight: 70000 }], bucketBy: 'key' } } },
  production: { fallthrough: { variation: 0 } },
});
const DARK_MODE = flagJson('dark-mode', { temporary: false }, { staging: {}, production: {} });
const LEGACY_SEARCH = flagJson('legacy-search', { deprecated: true }, { staging: { on: false }, production: { on: false } });
const BUTTON_COLOR = flagJson('button-color', {
  kind: 'multivariate',
  variations: [{ _id: 'v1', value: 'blue', name: 'Blue' }, { _id: 'v2', value: 'green', name: 'Green' }],
}, {
  staging: {
    targets: [{ values: ['alice', 'bob'], variation: 1, contextKind: 'user' }],
    contextTargets: [{ values: [], variation: 1, contextKind: 'user' }],
    rules: [{ _id: 'r1', variation: 1, clauses: [{ _id: 'c1', attribute: 'email', op: 'endsWith', values: ['@example.com'], contextKind: 'user', negate: false }], trackEvents: false }],
  },
  production: { on: false, offVariation: null },
});
const OLD_BANNER = flagJson('old-banner', { archived: true, archivedDate: MODIFIED }, { staging: {}, production: {} });

/** `GET /api/v2/flags/default?summary=0&env=staging&env=production`, in two pages. */
const PAGES = [
  {
    items: [NEW_CHECKOUT, DARK_MODE, LEGACY_SEARCH],
    _links: {
      first: { href: '/api/v2/flags/default?env=staging&env=production&limit=3&offset=0&summary=0', type: 'application/json' },
      next: { href: '/api/v2/flags/default?env=staging&env=production&limit=3&offset=3&summary=0', type: 'application/json' },
      self: { href: '/api/v2/flags/default?env=staging&env=production&limit=3&summary=0', type: 'application/json' },
    },
    totalCount: 4,
  },
  {
    items: [BUTTON_COLOR],
    _links: {
      first: { href: '/api/v2/flags/default?env=staging&env=production&limit=3&offset=0&summary=0', type: 'application/json' },
      prev: { href: '/api/v2/flags/default?env=staging&env=production&limit=3&offset=0&summary=0', type: 'application/json' },
      self: { href: '/api/v2/flags/default?env=staging&env=production&limit=3&offset=3&summary=0', type: 'application/json' },
    },
    totalCount: 4,
  },
];
const ARCHIVED_PAGE = { items: [OLD_BANNER], _links: { self: { href: '/api/v2/flags/default?filter=state:archived', type: 'application/json' } }, totalCount: 1 };

/** `GET /api/v2/flag-statuses/default/{env}` */
function statusesJson(statuses: Record<string, string>): unknown {
  return {
    _links: { self: { href: '/api/v2/flag-statuses/default/production', type: 'application/json' } },
    items: Object.entries(statuses).map(([key, name]) => ({
      name,
      lastRequested: '2026-11-20T10:00:00.000Z',
      _links: { parent: { href: `/api/v2/flags/default/${key}`, type: 'application/json' }, self: { href: `/api/v2/flag-statuses/default/production/${key}`, type: 'application/json' } },
    })),
  };
}
const STATUSES: Record<string, Record<string, string>> = {
  staging: { 'new-checkout': 'active', 'dark-mode': 'launched', 'legacy-search': 'inactive', 'button-color': 'active' },
  production: { 'new-checkout': 'launched', 'dark-mode': 'launched', 'legacy-search': 'inactive', 'button-color': 'new' },
};

describe('parsing REST API v2 answers', () => {
  it('reads a page of flags with their environments and the link to the next page', () => {
    const page = parseFlagList(PAGES[0]);
    assert.equal(page.next, '/api/v2/flags/default?env=staging&env=production&limit=3&offset=3&summary=0');
    assert.equal(page.totalCount, 4);
    const [newCheckout] = page.flags;
    assert.equal(newCheckout.key, 'new-checkout');
    assert.equal(newCheckout.maintainer, 'Ariel Flores');
    assert.equal(newCheckout.creationDate, '2024-11-13T08:00:00.000Z');
    assert.deepEqual(newCheckout.environments.staging.fallthrough, { rollout: [{ variation: 0, weight: 30000 }, { variation: 1, weight: 70000 }] });
    assert.equal(newCheckout.environments.production.offVariation, 1);
    assert.equal(newCheckout.environments.production.lastModified, new Date(MODIFIED).toISOString());
    assert.equal(parseFlagList(PAGES[1]).next, undefined);
  });

  it('counts individual targets once across targets and contextTargets', () => {
    const [buttonColor] = parseFlagList(PAGES[1]).flags;
    assert.deepEqual(buttonColor.environments.staging.targets, [{ variation: 1, count: 2, contextKind: 'user' }]);
    assert.equal(buttonColor.environments.production.offVariation, undefined);
  });

  it('reads flag statuses, keyed by the flag in each parent link', () => {
    assert.deepEqual(
      [...parseFlagStatuses(statusesJson(STATUSES.production))],
      Object.entries(STATUSES.production).map(([key, name]) => [key, { name, lastRequested: '2026-11-20T10:00:00.000Z' }]),
    );
  });

  const wrongShapes: Array<[string, unknown, RegExp]> = [
    ['a list instead of the page', [], /the flag list is not an object/],
    ['no items', { _links: {} }, /items is missing/],
    ['a flag without key', { items: [{ variations: [] }] }, /items\[0\]\.key is missing/],
    ['variations that are not a list', { items: [{ key: 'x', variations: {} }] }, /items\[0\]\.variations is not a list/],
    ['an environment without on', { items: [flagJson('x', {}, { production: { on: 'yes' } })] }, /environments\.production\.on is not true or false/],
    ['a rollout share without weight', { items: [flagJson('x', {}, { production: { fallthrough: { rollout: { variations: [{ variation: 0 }] } } } })] }, /rollout\.variations\[0\] needs a variation and a weight/],
  ];
  for (const [name, json, says] of wrongShapes) {
    it(`rejects JSON of the wrong shape: ${name}`, () => {
      assert.throws(() => parseFlagList(json), (error: unknown) => error instanceof ResponseShapeError && says.test(error.message));
    });
  }
  it('rejects statuses without items', () => {
    assert.throws(() => parseFlagStatuses({ _links: {} }), ResponseShapeError);
  });
});

describe('what an environment serves', () => {
  const variations = [{ value: true }, { value: false }];
  const config = (overrides: Partial<LaunchDarklyEnvironmentConfig>): LaunchDarklyEnvironmentConfig => ({
    on: true, offVariation: 1, fallthrough: { variation: 0 }, rules: [], targets: [], prerequisites: [], archived: false, ...overrides,
  });
  const cases: Array<{ name: string; config: LaunchDarklyEnvironmentConfig; variations?: Array<{ value: unknown; name?: string }>; expected: Omit<EnvironmentFlagState, 'environment'> }> = [
    {
      name: 'on, falling through to true',
      config: config({}),
      expected: { enabled: true, variants: { on: true, off: false }, defaultVariant: 'on', offVariant: 'off', rollout: [], hasRules: false },
    },
    {
      name: 'off serves the off variation',
      config: config({ on: false }),
      expected: { enabled: false, variants: { on: true, off: false }, offVariant: 'off', rollout: [], hasRules: false },
    },
    {
      name: "off without an off variation serves the code's default",
      config: config({ on: false, offVariation: undefined }),
      expected: { enabled: false, variants: { on: true, off: false }, rollout: [], hasRules: false },
    },
    {
      name: 'a rollout: weights out of 100000',
      config: config({ fallthrough: { rollout: [{ variation: 0, weight: 33333 }, { variation: 1, weight: 66667 }] } }),
      expected: { enabled: true, variants: { on: true, off: false }, offVariant: 'off', rollout: [{ variant: 'on', percent: 33.333 }, { variant: 'off', percent: 66.667 }], hasRules: false },
    },
    {
      name: 'targets, rules and prerequisites are targeting',
      config: config({
        prerequisites: ['new-checkout'],
        targets: [{ variation: 1, count: 2, contextKind: 'user' }, { variation: 0, count: 1, contextKind: 'organization' }],
        rules: [
          { variation: 0, clauses: [{ attribute: 'email', op: 'endsWith', values: ['@example.com'], negate: false }] },
          { rollout: [{ variation: 0, weight: 50000 }, { variation: 1, weight: 50000 }], clauses: [{ attribute: 'country', op: 'in', values: ['de', 'fr'], negate: true }] },
        ],
      }),
      expected: {
        enabled: true, variants: { on: true, off: false }, defaultVariant: 'on', offVariant: 'off', rollout: [], hasRules: true,
        rulesSummary: 'prerequisite new-checkout; 2 targets get off; 1 organization target get on; if email ends with @example.com: on; if not country is one of [de, fr]: a percentage rollout',
        // The fallthrough serves on to everyone the targets and rules leave.
        exposure: { stage: 'everyone' },
      },
    },
    {
      name: 'named string variations',
      config: config({ fallthrough: { variation: 1 }, offVariation: 0 }),
      variations: [{ value: 'blue', name: 'Blue' }, { value: 'green', name: 'Green' }],
      expected: { enabled: true, variants: { Blue: 'blue', Green: 'green' }, defaultVariant: 'Green', offVariant: 'Blue', rollout: [], hasRules: false },
    },
  ];
  for (const { name, config: environmentConfig, variations: own, expected } of cases) {
    it(name, () => assert.deepEqual(environmentState('production', environmentConfig, own ?? variations), { environment: 'production', ...expected }));
  }

  it('names variations so that each name is unique', () => {
    assert.deepEqual(variationNames([{ value: 1 }, { value: 2, name: 'two' }, { value: 'x', name: 'same' }, { value: 'y', name: 'same' }]), ['variation 1', 'two', 'same (3)', 'same (4)']);
  });

  it('describes clauses for people', () => {
    assert.equal(describeClause({ attribute: 'key', op: 'in', values: ['a', 'b', 'c', 'd', 'e'], negate: false }), 'key is one of [a, b, c, … 2 more]');
    assert.equal(describeClause({ attribute: 'plan', op: 'segmentMatch', values: ['beta'], negate: false }), 'plan in segment beta');
  });
});

describe('flag definitions and release state', () => {
  const context = {
    baseUri: 'https://app.eu.launchdarkly.com',
    project: 'default',
    source: 'LaunchDarkly (https://app.eu.launchdarkly.com, project default)',
    environments: ['staging', 'production'],
    statuses: new Map([['production', new Map([['new-checkout', { name: 'launched', lastRequested: '2026-11-20T10:00:00.000Z' }]])]]),
  };
  const definitionOf = (json: unknown) => toFlagDefinition(parseFlagList({ items: [json] }).flags[0], context);

  it('builds the whole definition: owner, dates, tags, link, statuses', () => {
    const definition = definitionOf(NEW_CHECKOUT);
    assert.deepEqual({ ...definition, environments: definition.environments.map((environment) => environment.environment) }, {
      key: 'new-checkout',
      description: 'New checkout flow',
      owner: 'Ariel Flores',
      createdAt: '2024-11-13T08:00:00.000Z',
      stale: false,
      archived: false,
      temporary: true,
      tags: ['checkout', 'temporary'],
      link: 'https://app.eu.launchdarkly.com/projects/default/flags/new-checkout',
      source: context.source,
      environments: ['staging', 'production'],
    });
    assert.equal(definition.environments[1].backendStatus, 'launched');
    assert.equal(definition.environments[1].lastSeenAt, '2026-11-20T10:00:00.000Z');
    assert.equal(flagLink('https://app.launchdarkly.com/', 'web app', 'a/b'), 'https://app.launchdarkly.com/projects/web%20app/flags/a%2Fb');
  });

  const releases: Array<[string, unknown, { state: string; summary: string; value?: unknown }]> = [
    ['new-checkout', NEW_CHECKOUT, { state: 'rolling-out', summary: 'staging serves on to 30% (fractional), production to 100%' }],
    ['dark-mode', DARK_MODE, { state: 'released', summary: 'serves true in every environment', value: true }],
    ['legacy-search (off everywhere, off variation false)', LEGACY_SEARCH, { state: 'dead', summary: 'off in every environment (serves false)', value: false }],
    ['button-color', BUTTON_COLOR, { state: 'rolling-out', summary: "staging has targeting rules (2 targets get Green; if email ends with @example.com: Green), production is off (serves the code's default)" }],
    ['old-banner (archived)', OLD_BANNER, { state: 'dead', summary: "off in every environment (serves the code's default)" }],
  ];
  for (const [name, json, expected] of releases) {
    it(`release state: ${name}`, () => {
      const verdict = classifyRelease(definitionOf(json));
      assert.deepEqual({ state: verdict.state, summary: verdict.summary, value: verdict.value }, { value: undefined, ...expected });
    });
  }

  it('a deprecated flag reads as stale', () => {
    assert.equal(definitionOf(LEGACY_SEARCH).stale, true);
  });
});

// A loopback LaunchDarkly that answers with the documented JSON until told to misbehave.
type Fault = 'none' | '500' | '401' | '429' | 'wrong-shape' | 'foreign-next';
let fault: Fault = 'none';
let requests: IncomingMessage[] = [];
let server: Server;
let baseUri = '';

function answer(request: IncomingMessage, response: ServerResponse): void {
  requests.push(request);
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  if (request.headers.authorization !== TOKEN) return send(401, { code: 'unauthorized', message: 'Invalid access token' });
  if (fault === '500') return send(500, { code: 'internal_server_error', message: 'oops' });
  if (fault === '401') return send(401, { code: 'unauthorized', message: 'Invalid access token' });
  if (fault === '429') return send(429, { code: 'rate_limited', message: 'Slow down' }, { 'Retry-After': '30' });
  if (fault === 'wrong-shape') return send(200, { flags: [] });
  const status = url.pathname.match(/^\/api\/v2\/flag-statuses\/default\/([^/]+)$/);
  if (status) return send(200, statusesJson(STATUSES[status[1]] ?? {}));
  if (url.pathname !== '/api/v2/flags/default') return send(404, { code: 'not_found', message: 'Unknown resource' });
  if (url.searchParams.get('filter') === 'state:archived') return send(200, ARCHIVED_PAGE);
  const page = url.searchParams.get('offset') === '3' ? PAGES[1] : PAGES[0];
  if (fault === 'foreign-next') return send(200, { ...PAGES[0], _links: { next: { href: 'https://evil.example.com/api/v2/flags/default?offset=3', type: 'application/json' } } });
  send(200, page);
}

describe('LaunchDarklyBackend against a loopback server', () => {
  before(async () => {
    server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const newBackend = (clock = { now: Date.parse('2026-11-24T08:00:00Z') }) =>
    new LaunchDarklyBackend({ baseUri, project: 'default', environments: ['staging', 'production'], token: TOKEN, timeoutMs: 2000, now: () => clock.now, howToSetToken: 'set FLAGLENS_LAUNCHDARKLY_TOKEN' });

  it('follows the pages, adds archived flags and statuses, and sends the token as the Authorization header', async () => {
    fault = 'none';
    requests = [];
    const load = await newBackend().load();
    assert.equal(load.ok, true, load.message);
    assert.deepEqual(load.definitions.map((definition) => [definition.key, definition.archived]), [
      ['new-checkout', false], ['dark-mode', false], ['legacy-search', false], ['button-color', false], ['old-banner', true],
    ]);
    assert.deepEqual(load.environments, ['staging', 'production']);
    assert.equal(load.definitions[3].environments[1].backendStatus, 'new');
    const first = new URL(requests[0].url ?? '', baseUri);
    assert.equal(first.pathname, '/api/v2/flags/default');
    assert.deepEqual([first.searchParams.get('summary'), first.searchParams.getAll('env')], ['0', ['staging', 'production']]);
    assert.ok(requests.some((request) => request.url?.includes('offset=3')), 'the second page was not read');
    assert.ok(requests.every((request) => request.headers.authorization === TOKEN));
  });

  const faults: Array<{ fault: Fault; says: RegExp }> = [
    { fault: '500', says: /bad response: 127\.0\.0\.1:\d+\/api\/v2\/flags\/default answered 500 \(server error\)/ },
    { fault: '401', says: /unauthorised: .* answered 401 \(the token was not accepted\); check the token .* \(set FLAGLENS_LAUNCHDARKLY_TOKEN\)/ },
    { fault: '429', says: /rate limited: .* answered 429 \(too many requests\); it asks for 30 s before the next request/ },
    { fault: 'wrong-shape', says: /bad response: \/api\/v2\/flags\/default is not what LaunchDarkly answers \(items is missing\)/ },
    { fault: 'foreign-next', says: /bad response: the next page of flags is on another server \(https:\/\/evil\.example\.com\)/ },
  ];
  for (const { fault: kind, says } of faults) {
    it(`${kind}: keeps the last good flags, says what is wrong in one line, recovers`, async () => {
      const clock = { now: Date.parse('2026-11-24T08:00:00Z') };
      const backend = newBackend(clock);
      fault = 'none';
      const good = await backend.load();
      assert.equal(good.ok, true);

      fault = kind;
      requests = [];
      clock.now += 60_000;
      const failed = await backend.load();
      assert.equal(failed.ok, false);
      assert.match(failed.message ?? '', says);
      assert.match(failed.message ?? '', /^LaunchDarkly \(http:\/\/127\.0\.0\.1:\d+, project default\): .*; showing the flags from the last sync$/);
      assert.ok(!(failed.message ?? '').includes(TOKEN), 'the token is in the message');
      assert.ok(requests.every((request) => request.headers.host?.startsWith('127.0.0.1')), 'a request left the server');
      assert.deepEqual(failed.definitions, good.definitions);
      assert.equal(failed.syncedAt, good.syncedAt);
      assert.ok(backend.nextLoadDelay(60_000, 0) < 60_000 || kind === '429');

      fault = 'none';
      if (kind === '429') clock.now += 30_000;
      const recovered = await backend.load();
      assert.equal(recovered.ok, true, recovered.message);
      assert.equal(recovered.syncedAt, clock.now);
      assert.equal(backend.nextLoadDelay(60_000, 0), 60_000);
    });
  }

  it('sends no token to an instance the token was not set for', async () => {
    fault = 'none';
    requests = [];
    const backend = new LaunchDarklyBackend({ baseUri, project: 'default', environments: ['production'], token: TOKEN, tokenOrigin: 'https://app.launchdarkly.com', timeoutMs: 2000 });
    const load = await backend.load();
    assert.equal(load.ok, false);
    assert.match(load.message ?? '', /no token was sent, because the token was set for https:\/\/app\.launchdarkly\.com, not for this address/);
    assert.ok(requests.length > 0 && requests.every((request) => request.headers.authorization === undefined));
  });

  it('refuses http:// to another machine without sending anything', async () => {
    const load = await new LaunchDarklyBackend({ baseUri: 'http://ld.example.com', project: 'default', environments: ['production'], token: TOKEN }).load();
    assert.equal(load.message, 'LaunchDarkly (http://ld.example.com, project default): refused: http:// to ld.example.com would send flag data and the token unencrypted; use https://');
  });

  it('warns about configured environments the project does not have', async () => {
    fault = 'none';
    const load = await new LaunchDarklyBackend({ baseUri, project: 'default', environments: ['production', 'qa'], token: TOKEN }).load();
    assert.equal(load.ok, true);
    assert.deepEqual(load.environments, ['production']);
    assert.match(load.message ?? '', /has no environment 'qa'; check "environments" in \.flaglens\.json/);
  });
});
