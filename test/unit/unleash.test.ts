// The Unleash backend: Admin API answers (recorded from unleash-server 7.5.1, trimmed) turned into
// flag definitions, and the backend's behaviour against a loopback server that misbehaves.

import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { classifyRelease } from '../../server/src/analysis/release';
import type { EnvironmentFlagState } from '../../server/src/analysis/types';
import { ResponseShapeError } from '../../server/src/backends/jsonShape';
import { UnleashBackend } from '../../server/src/backends/unleash/backend';
import {
  describeConstraint,
  environmentState,
  parseFeatureDetails,
  parseFeatureSearch,
  parseLastChanges,
  parseSegmentNames,
  toFlagDefinition,
  type UnleashDefinitionContext,
  type UnleashStrategy,
  type UnleashVariant,
} from '../../server/src/backends/unleash/wire';

const CREATED_BY = { id: -42, name: 'Unleash Admin Token User', imageUrl: 'https://gravatar.com/avatar/3dc1?s=42&d=retro&r=g' };
const searchEnvironment = (name: string, enabled: boolean, sortOrder: number) => ({
  name, enabled, type: name, sortOrder, variantCount: 0, lastSeenAt: null, hasStrategies: enabled,
  hasEnabledStrategies: enabled, yes: 0, no: 0, changeRequestIds: [],
});

/** `GET /api/admin/search/features?project=IS:default` */
const SEARCH = {
  features: [
    {
      type: 'release', description: 'New checkout flow', project: 'default', favorite: false, name: 'new-checkout',
      createdAt: '2026-11-24T06:01:25.788Z', stale: false, archivedAt: null, impressionData: false, lastSeenAt: null,
      dependencyType: null,
      environments: [searchEnvironment('development', true, 2), searchEnvironment('production', true, 3)],
      segments: [], createdBy: CREATED_BY, lifecycle: { stage: 'initial', enteredStageAt: '2026-11-24T06:01:26.352Z' },
      tags: [{ value: 'checkout', type: 'simple', color: '#FFFFFF' }, { value: 'payments', type: 'team', color: '#FFFFFF' }],
    },
    {
      type: 'release', description: 'Holiday colours', project: 'default', favorite: false, name: 'holiday-theme',
      createdAt: '2026-11-24T06:01:26.103Z', stale: true, archivedAt: null, impressionData: false, lastSeenAt: '2026-11-24T07:00:00.000Z',
      dependencyType: null,
      // Listed out of order on purpose: Unleash's sortOrder decides the order.
      environments: [searchEnvironment('production', false, 3), searchEnvironment('development', true, 2)],
      segments: [], createdBy: CREATED_BY, lifecycle: { stage: 'initial', enteredStageAt: '2026-11-24T06:01:26.355Z' },
    },
  ],
  total: 2,
};

/** `GET /api/admin/search/features?project=IS:default&archived=IS:true` */
const ARCHIVED_SEARCH = {
  features: [{
    type: 'release', description: 'Spring sale banner', project: 'default', favorite: false, name: 'old-banner',
    createdAt: '2026-11-24T06:01:26.051Z', stale: false, archivedAt: '2026-11-24T06:01:26.097Z', impressionData: false,
    lastSeenAt: null, dependencyType: null,
    environments: [searchEnvironment('development', false, 2), searchEnvironment('production', true, 3)],
    segments: [], createdBy: CREATED_BY, lifecycle: { stage: 'initial', enteredStageAt: '2026-11-24T06:01:26.354Z' },
  }],
  total: 1,
};

const strategyJson = (rollout: string, extra: object = {}) => ({
  name: 'flexibleRollout', constraints: [], variants: [], parameters: { groupId: 'x', rollout, stickiness: 'default' },
  segments: [], sortOrder: 0, id: '571feea2-1160-451e-9937-d8ffcc25ea21', title: null, disabled: false, ...extra,
});
const detailsJson = (name: string, environments: object[]) => ({
  environments, name, impressionData: false, description: '', project: 'default', stale: false,
  createdAt: '2026-11-24T06:01:26.181Z', createdBy: CREATED_BY, type: 'release', lastSeenAt: null, variants: [],
  archived: false, dependencies: [], children: [], lifecycle: { stage: 'initial', enteredStageAt: '2026-11-24T06:01:26.354Z' },
  links: [], collaborators: { users: [CREATED_BY] },
});
const detailsEnvironment = (name: string, enabled: boolean, sortOrder: number, strategies: object[]) => ({
  name, lastSeenAt: null, enabled, yes: 0, no: 0, type: name, sortOrder, strategies,
});

/** `GET /api/admin/projects/default/features/{name}` for each active flag. */
const DETAILS: Record<string, object> = {
  'new-checkout': detailsJson('new-checkout', [
    detailsEnvironment('development', true, 2, [strategyJson('30')]),
    detailsEnvironment('production', true, 3, [strategyJson('100')]),
  ]),
  'holiday-theme': detailsJson('holiday-theme', [
    detailsEnvironment('development', true, 2, [strategyJson('100', {
      constraints: [{ values: ['alice', 'bob'], operator: 'IN', contextName: 'userId' }],
      segments: [1],
    })]),
    detailsEnvironment('production', false, 3, []),
  ]),
};

const SEGMENTS = {
  segments: [{
    id: 1, name: 'beta-testers', description: null, project: 'default',
    constraints: [{ values: ['@example.com'], operator: 'STR_ENDS_WITH', contextName: 'email' }],
    createdBy: 'admin', createdAt: '2026-11-24T06:01:26.173Z', usedInProjects: 1, usedInFeatures: 1,
  }],
};

/** `GET /api/admin/search/events?project=IS:default`, newest first. */
const EVENTS = {
  events: [
    { id: 9, type: 'feature-stale-on', createdBy: 'admin', createdAt: '2026-11-24T06:01:26.155Z', data: null, featureName: 'holiday-theme', project: 'default', environment: null },
    { id: 8, type: 'feature-environment-enabled', createdBy: 'admin', createdAt: '2026-11-24T06:01:26.121Z', featureName: 'holiday-theme', project: 'default', environment: 'development' },
    { id: 5, type: 'feature-environment-enabled', createdBy: 'admin', createdAt: '2026-11-24T06:01:25.942Z', featureName: 'new-checkout', project: 'default', environment: 'production' },
    { id: 4, type: 'feature-environment-enabled', createdBy: 'admin', createdAt: '2026-11-24T06:01:25.928Z', featureName: 'new-checkout', project: 'default', environment: 'development' },
    { id: 3, type: 'feature-strategy-add', createdBy: 'admin', createdAt: '2026-11-24T06:01:25.904Z', featureName: 'new-checkout', project: 'default', environment: 'production' },
    { id: 1, type: 'segment-created', createdBy: 'admin', createdAt: '2026-11-24T06:01:25.800Z', featureName: null, project: 'default', environment: null },
  ],
  total: 6,
};

const CONTEXT: UnleashDefinitionContext = {
  baseUrl: 'https://unleash.example.com',
  project: 'default',
  source: 'Unleash (https://unleash.example.com)',
  segmentNames: new Map([[1, 'beta-testers']]),
  lastChanges: parseLastChanges(EVENTS),
};

describe('parsing Admin API answers', () => {
  it('reads the feature search: metadata, tags, environments', () => {
    const { flags, total } = parseFeatureSearch(SEARCH);
    assert.equal(total, 2);
    assert.deepEqual(flags[0], {
      name: 'new-checkout', description: 'New checkout flow', type: 'release', createdAt: '2026-11-24T06:01:25.788Z',
      createdBy: 'Unleash Admin Token User', stale: false, archived: false, lifecycleStage: 'initial', lastSeenAt: undefined,
      tags: ['checkout', 'team:payments'],
      environments: [{ name: 'development', enabled: true, sortOrder: 2 }, { name: 'production', enabled: true, sortOrder: 3 }],
    });
    assert.equal(flags[1].stale, true);
    assert.equal(parseFeatureSearch(ARCHIVED_SEARCH).flags[0].archived, true);
  });

  it("keeps each environment's last evaluation for the staleness verdict", () => {
    const seen = { ...SEARCH.features[1], environments: [{ ...searchEnvironment('production', true, 3), lastSeenAt: '2026-11-25T08:00:00.000Z' }] };
    const [flag] = parseFeatureSearch({ features: [seen] }).flags;
    const definition = toFlagDefinition(flag, undefined, CONTEXT);
    assert.deepEqual(definition.environments.map((environment) => [environment.environment, environment.lastSeenAt]), [['production', '2026-11-25T08:00:00.000Z']]);
  });

  it('reads strategies, constraints, segments and variants of one flag', () => {
    const details = parseFeatureDetails(detailsJson('button-color', [detailsEnvironment('production', true, 3, [strategyJson('100', {
      variants: [
        { name: 'blue', weight: 700, payload: { type: 'string', value: '#0000ff' }, stickiness: 'default', weightType: 'fix' },
        { name: 'green', weight: 300, stickiness: 'default', weightType: 'variable' },
      ],
      constraints: [{ values: ['1'], operator: 'IN', contextName: 'userId', inverted: true }],
      segments: [1],
    })])]));
    assert.deepEqual(details.environments[0].strategies[0], {
      name: 'flexibleRollout',
      parameters: { groupId: 'x', rollout: '100', stickiness: 'default' },
      constraints: [{ contextName: 'userId', operator: 'IN', values: ['1'], value: undefined, inverted: true }],
      segments: [1],
      variants: [{ name: 'blue', weight: 700, payload: { type: 'string', value: '#0000ff' } }, { name: 'green', weight: 300, payload: undefined }],
      disabled: false,
    });
  });

  it('reads segment names and the last change per flag and environment', () => {
    assert.deepEqual(parseSegmentNames(SEGMENTS), new Map([[1, 'beta-testers']]));
    assert.deepEqual(parseLastChanges(EVENTS), new Map([
      ['holiday-theme', new Map([['development', '2026-11-24T06:01:26.121Z']])],
      ['new-checkout', new Map([['production', '2026-11-24T06:01:25.942Z'], ['development', '2026-11-24T06:01:25.928Z']])],
    ]));
  });

  const wrongShapes: Array<{ name: string; parse: (json: unknown) => unknown; json: unknown; says: string }> = [
    { name: 'search without features', parse: parseFeatureSearch, json: { flags: [] }, says: 'features is missing' },
    { name: 'search answered with a list', parse: parseFeatureSearch, json: [], says: 'the feature search is not an object' },
    { name: 'a flag without a name', parse: parseFeatureSearch, json: { features: [{ environments: [] }] }, says: 'features[0].name is missing' },
    { name: 'details without environments', parse: parseFeatureDetails, json: { name: 'x' }, says: 'environments is missing' },
    {
      name: 'a variant without a weight',
      parse: parseFeatureDetails,
      json: detailsJson('x', [detailsEnvironment('production', true, 3, [strategyJson('100', { variants: [{ name: 'a' }] })])]),
      says: 'environments[0].strategies[0].variants[0].weight is not a weight',
    },
    { name: 'events not a list', parse: parseLastChanges, json: { events: {} }, says: 'events is not a list' },
  ];
  for (const { name, parse, json, says } of wrongShapes) {
    it(`rejects JSON of the wrong shape: ${name}`, () => {
      assert.throws(() => parse(json), (error: unknown) => error instanceof ResponseShapeError && error.message === says);
    });
  }
});

describe('describeConstraint', () => {
  const cases: Array<[Parameters<typeof describeConstraint>[0], string]> = [
    [{ contextName: 'userId', operator: 'IN', values: ['alice', 'bob'], inverted: false }, 'userId in [alice, bob]'],
    [{ contextName: 'userId', operator: 'NOT_IN', values: ['a', 'b', 'c', 'd', 'e'], inverted: false }, 'userId not in [a, b, c, … 2 more]'],
    [{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'], inverted: false }, 'email ends with @example.com'],
    [{ contextName: 'age', operator: 'NUM_GTE', values: [], value: '18', inverted: false }, 'age >= 18'],
    [{ contextName: 'appVersion', operator: 'SEMVER_LT', values: [], value: '2.0.0', inverted: true }, 'not appVersion < version 2.0.0'],
  ];
  for (const [constraint, expected] of cases) {
    it(expected, () => assert.equal(describeConstraint(constraint), expected));
  }
});

describe('what an environment serves', () => {
  const rollout = (percent: number, extra: Partial<UnleashStrategy> = {}): UnleashStrategy => ({
    name: 'flexibleRollout', parameters: { rollout: String(percent), stickiness: 'default', groupId: 'x' },
    constraints: [], segments: [], variants: [], disabled: false, ...extra,
  });
  const blueGreen: UnleashVariant[] = [
    { name: 'blue', weight: 700, payload: { type: 'string', value: '#0000ff' } },
    { name: 'green', weight: 300 },
  ];
  const ON_OFF = { on: true, off: false };
  const cases: Array<{ name: string; enabled?: boolean; strategies: UnleashStrategy[]; variants?: UnleashVariant[]; expected: Omit<EnvironmentFlagState, 'environment'> }> = [
    {
      name: 'disabled: serves off',
      enabled: false, strategies: [rollout(100)],
      expected: { enabled: false, variants: ON_OFF, defaultVariant: 'off', offVariant: 'off', rollout: [], hasRules: false },
    },
    {
      name: 'enabled without strategies: on for everyone',
      strategies: [],
      expected: { enabled: true, variants: ON_OFF, defaultVariant: 'on', rollout: [], hasRules: false },
    },
    {
      name: 'a 100% rollout: on for everyone',
      strategies: [rollout(100)],
      expected: { enabled: true, variants: ON_OFF, defaultVariant: 'on', rollout: [], hasRules: false },
    },
    {
      name: 'the legacy default strategy: on for everyone',
      strategies: [{ name: 'default', parameters: {}, constraints: [], segments: [], variants: [], disabled: false }],
      expected: { enabled: true, variants: ON_OFF, defaultVariant: 'on', rollout: [], hasRules: false },
    },
    {
      name: 'a 30% rollout: on to 30%, off to 70%',
      strategies: [rollout(30)],
      expected: { enabled: true, variants: ON_OFF, rollout: [{ variant: 'on', percent: 30 }, { variant: 'off', percent: 70 }], hasRules: false },
    },
    {
      name: 'a disabled strategy is ignored',
      strategies: [rollout(100, { disabled: true }), rollout(25)],
      expected: { enabled: true, variants: ON_OFF, rollout: [{ variant: 'on', percent: 25 }, { variant: 'off', percent: 75 }], hasRules: false },
    },
    {
      name: 'strategy variants at 100%: split by weight out of 1000',
      strategies: [rollout(100, { variants: blueGreen })],
      expected: { enabled: true, variants: { blue: '#0000ff', green: 'green' }, rollout: [{ variant: 'blue', percent: 70 }, { variant: 'green', percent: 30 }], hasRules: false },
    },
    {
      name: 'strategy variants at 50%: the rest is off',
      strategies: [rollout(50, { variants: blueGreen })],
      expected: {
        enabled: true, variants: { blue: '#0000ff', green: 'green', off: false },
        rollout: [{ variant: 'blue', percent: 35 }, { variant: 'green', percent: 15 }, { variant: 'off', percent: 50 }], hasRules: false,
      },
    },
    {
      name: 'environment variants apply when the strategy has none',
      strategies: [rollout(100)], variants: [{ name: 'a', weight: 500, payload: { type: 'json', value: '{"size":2}' } }, { name: 'b', weight: 500, payload: { type: 'number', value: '3' } }],
      expected: { enabled: true, variants: { a: { size: 2 }, b: 3 }, rollout: [{ variant: 'a', percent: 50 }, { variant: 'b', percent: 50 }], hasRules: false },
    },
    {
      name: 'constraints and a segment: targeting',
      strategies: [rollout(50, { constraints: [{ contextName: 'userId', operator: 'IN', values: ['alice', 'bob'], inverted: false }], segments: [1, 7] })],
      expected: {
        enabled: true, variants: ON_OFF, defaultVariant: 'off', rollout: [], hasRules: true,
        rulesSummary: 'userId in [alice, bob], segment beta-testers, segment 7, 50%',
        exposure: { stage: 'partial', percent: 50, who: 'userId in [alice, bob], segment beta-testers, segment 7, 50%' },
      },
    },
    {
      name: 'a user list: targeting',
      strategies: [{ name: 'userWithId', parameters: { userIds: 'ann, ben' }, constraints: [], segments: [], variants: [], disabled: false }],
      expected: { enabled: true, variants: ON_OFF, defaultVariant: 'off', rollout: [], hasRules: true, rulesSummary: 'userId in [ann, ben]', exposure: { stage: 'targeted', who: 'userId in [ann, ben]' } },
    },
    {
      name: 'two partial rollouts: targeting, not a guess at their union',
      strategies: [rollout(10), { name: 'gradualRolloutRandom', parameters: { percentage: '20' }, constraints: [], segments: [], variants: [], disabled: false }],
      expected: { enabled: true, variants: ON_OFF, defaultVariant: 'off', rollout: [], hasRules: true, rulesSummary: '10%; or 20%', exposure: { stage: 'partial', percent: 20 } },
    },
    {
      name: 'a constrained strategy before a 100% one, no variants: on for everyone',
      strategies: [rollout(100, { constraints: [{ contextName: 'country', operator: 'IN', values: ['NO'], inverted: false }] }), rollout(100)],
      expected: { enabled: true, variants: ON_OFF, defaultVariant: 'on', rollout: [], hasRules: false },
    },
    {
      name: 'a constrained strategy with variants before a 100% one: targeting',
      strategies: [rollout(100, { constraints: [{ contextName: 'country', operator: 'IN', values: ['NO'], inverted: false }], variants: blueGreen }), rollout(100)],
      expected: {
        enabled: true, variants: { on: true, off: false, blue: '#0000ff', green: 'green' }, defaultVariant: 'off', rollout: [], hasRules: true,
        rulesSummary: 'country in [NO]; or everyone',
        // Norway gets a colour, everyone else on: everyone is reached.
        exposure: { stage: 'everyone' },
      },
    },
    {
      name: 'a custom strategy: targeting named by the strategy',
      strategies: [{ name: 'tenant', parameters: { tenants: 'a' }, constraints: [], segments: [], variants: [], disabled: false }],
      expected: { enabled: true, variants: ON_OFF, defaultVariant: 'off', rollout: [], hasRules: true, rulesSummary: 'strategy tenant', exposure: { stage: 'targeted', who: 'strategy tenant' } },
    },
  ];
  for (const { name, enabled = true, strategies, variants = [], expected } of cases) {
    it(name, () => {
      const state = environmentState('production', { enabled, strategies, variants }, CONTEXT.segmentNames);
      assert.deepEqual(state, { environment: 'production', ...expected });
    });
  }
});

describe('flag definitions', () => {
  const [newCheckout, holidayTheme] = parseFeatureSearch(SEARCH).flags;
  const [oldBanner] = parseFeatureSearch(ARCHIVED_SEARCH).flags;

  it('builds the whole definition with link, source, environments and last changes', () => {
    const definition = toFlagDefinition(newCheckout, parseFeatureDetails(DETAILS['new-checkout']), CONTEXT);
    assert.deepEqual(definition, {
      key: 'new-checkout',
      description: 'New checkout flow',
      owner: 'Unleash Admin Token User',
      createdAt: '2026-11-24T06:01:25.788Z',
      stale: false,
      archived: false,
      tags: ['checkout', 'team:payments'],
      link: 'https://unleash.example.com/projects/default/features/new-checkout',
      flagType: 'release',
      lifecycleStage: 'initial',
      source: 'Unleash (https://unleash.example.com)',
      environments: [
        {
          environment: 'development', lastModified: '2026-11-24T06:01:25.928Z', enabled: true, hasRules: false,
          variants: { on: true, off: false }, rollout: [{ variant: 'on', percent: 30 }, { variant: 'off', percent: 70 }],
        },
        {
          environment: 'production', lastModified: '2026-11-24T06:01:25.942Z', enabled: true, hasRules: false,
          variants: { on: true, off: false }, defaultVariant: 'on', rollout: [],
        },
      ],
    });
  });

  it("orders environments by Unleash's sortOrder and keeps only the configured ones", () => {
    const details = parseFeatureDetails(DETAILS['holiday-theme']);
    assert.deepEqual(toFlagDefinition(holidayTheme, details, CONTEXT).environments.map((state) => state.environment), ['development', 'production']);
    const onlyProduction = toFlagDefinition(holidayTheme, details, { ...CONTEXT, environments: ['production', 'staging'] });
    assert.deepEqual(onlyProduction.environments.map((state) => state.environment), ['production']);
  });

  it("an archived flag serves the code's default everywhere, whatever was enabled", () => {
    const definition = toFlagDefinition(oldBanner, undefined, CONTEXT);
    assert.equal(definition.archived, true);
    assert.deepEqual(definition.environments.map((state) => [state.environment, state.enabled]), [['development', false], ['production', false]]);
  });

  // The shared classifier must read these definitions the way Unleash serves them.
  const releaseCases: Array<{ name: string; strategies: Record<string, { enabled: boolean; strategies: UnleashStrategy[] }>; state: string; summary: string }> = [
    {
      name: '30% in development, 100% in production',
      strategies: {
        development: { enabled: true, strategies: [parseFeatureDetails(DETAILS['new-checkout']).environments[0].strategies[0]] },
        production: { enabled: true, strategies: [] },
      },
      state: 'rolling-out', summary: 'development serves on to 30% (fractional), production to 100%',
    },
    {
      name: '100% everywhere',
      strategies: { development: { enabled: true, strategies: [] }, production: { enabled: true, strategies: [] } },
      state: 'released', summary: 'serves true in every environment',
    },
    {
      name: 'off everywhere',
      strategies: { development: { enabled: false, strategies: [] }, production: { enabled: false, strategies: [] } },
      // Unleash answers false for a disabled flag, whatever default the code passes.
      state: 'dead', summary: 'off in every environment (serves false)',
    },
  ];
  for (const { name, strategies, state, summary } of releaseCases) {
    it(`release state: ${name}`, () => {
      const environments = Object.entries(strategies).map(([environment, detail]) => environmentState(environment, { ...detail, variants: [] }, new Map()));
      const verdict = classifyRelease({ key: 'x', stale: false, archived: false, tags: [], source: 'Unleash', environments });
      assert.deepEqual([verdict.state, verdict.summary], [state, summary]);
    });
  }
});

// A loopback Unleash that answers with the recorded JSON until told to misbehave.
type Fault = 'none' | 'timeout' | '500' | '401' | '403' | '429' | 'malformed' | 'wrong-shape' | 'reset-mid-body' | 'slow-body' | 'html';
const TOKEN = '*:*.secret-admin-token-4f1d9c';
let fault: Fault = 'none';
let requests: IncomingMessage[] = [];
let server: Server;
let baseUrl: string;

function okBody(request: IncomingMessage): unknown {
  const url = new URL(request.url ?? '/', 'http://x');
  if (url.pathname === '/api/admin/search/features') return url.searchParams.get('archived') === 'IS:true' ? ARCHIVED_SEARCH : SEARCH;
  if (url.pathname === '/api/admin/segments') return SEGMENTS;
  if (url.pathname === '/api/admin/search/events') return EVENTS;
  const flag = /^\/api\/admin\/projects\/default\/features\/([^/]+)$/.exec(url.pathname)?.[1];
  return flag ? DETAILS[decodeURIComponent(flag)] : undefined;
}

function answer(request: IncomingMessage, response: ServerResponse): void {
  requests.push(request);
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
  if (request.headers.authorization !== TOKEN) return json(401, { message: 'unauthorised' });
  switch (fault) {
    case 'timeout':
      return; // Never answers; the client's deadline ends it.
    case '500':
    case '401':
    case '403':
      return json(Number(fault), { name: 'Error', message: 'no' });
    case '429':
      return json(429, { message: 'slow down' }, { 'Retry-After': '30' });
    case 'malformed':
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return void response.end('{"features": [');
    case 'html':
      response.writeHead(200, { 'Content-Type': 'text/html' });
      return void response.end('<!DOCTYPE html><p>Sign in</p>');
    case 'wrong-shape':
      return json(200, { items: [], count: 0 });
    case 'reset-mid-body':
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '5000' });
      response.write('{"features": [');
      return void response.socket?.destroy();
    case 'slow-body': {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"features": [');
      const drip = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(drip));
      return;
    }
    case 'none': {
      const body = okBody(request);
      return body === undefined ? json(404, { message: 'not found' }) : json(200, body);
    }
  }
}

describe('UnleashBackend against a loopback server', () => {
  before(async () => {
    server = createServer(answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const newBackend = (clock = { now: Date.parse('2026-11-24T08:00:00Z') }) =>
    new UnleashBackend({ baseUrl, project: 'default', token: TOKEN, timeoutMs: 2000, now: () => clock.now });

  it('loads every flag, archived ones included', async () => {
    fault = 'none';
    const load = await newBackend().load();
    assert.equal(load.ok, true, load.message);
    assert.deepEqual(load.definitions.map((definition) => [definition.key, definition.archived, definition.stale]), [
      ['new-checkout', false, false], ['holiday-theme', false, true], ['old-banner', true, false],
    ]);
    assert.deepEqual(load.environments, ['development', 'production']);
    assert.equal(load.definitions[1].environments[0].rulesSummary, 'userId in [alice, bob], segment beta-testers');
  });

  const faults: Array<{ fault: Fault; says: RegExp }> = [
    { fault: 'timeout', says: /unreachable: 127\.0\.0\.1:\d+ did not answer within 2 s/ },
    { fault: '500', says: /bad response: 127\.0\.0\.1:\d+\/api\/admin\/search\/features answered 500 \(server error\)/ },
    { fault: '401', says: /unauthorised: .* answered 401 \(the token was not accepted\); check the token/ },
    { fault: '403', says: /unauthorised: .* answered 403 \(the token has no access to this\)/ },
    { fault: '429', says: /rate limited: .* answered 429 \(too many requests\); it asks for 30 s before the next request/ },
    { fault: 'malformed', says: /bad response: .* did not answer with JSON \(application\/json\)/ },
    { fault: 'html', says: /bad response: .* did not answer with JSON \(text\/html\)/ },
    { fault: 'wrong-shape', says: /bad response: \/api\/admin\/search\/features is not what Unleash answers \(features is missing\)/ },
    { fault: 'reset-mid-body', says: /unreachable: the connection to 127\.0\.0\.1:\d+ was dropped/ },
    { fault: 'slow-body', says: /unreachable: 127\.0\.0\.1:\d+ did not answer within 2 s/ },
  ];
  for (const { fault: kind, says } of faults) {
    it(`${kind}: keeps the last good flags, says what is wrong in one line, recovers`, async () => {
      const clock = { now: Date.parse('2026-11-24T08:00:00Z') };
      const backend = newBackend(clock);
      fault = 'none';
      const good = await backend.load();
      assert.equal(good.ok, true);

      fault = kind;
      clock.now += 60_000;
      const failed = await backend.load();
      assert.equal(failed.ok, false);
      assert.match(failed.message ?? '', says);
      assert.match(failed.message ?? '', /^Unleash \(http:\/\/127\.0\.0\.1:\d+\): .*; showing the flags from the last sync$/);
      assert.doesNotMatch(failed.message ?? '', /\n/);
      assert.ok(!(failed.message ?? '').includes(TOKEN), 'the token is in the message');
      assert.deepEqual(failed.definitions, good.definitions);
      assert.equal(failed.syncedAt, good.syncedAt);
      assert.ok(backend.nextLoadDelay(60_000, 0) >= 500, 'no backoff after a failure');

      fault = 'none';
      // A 429 asked for 30 s: until then the backend does not ask again.
      if (kind === '429') {
        const before = requests.length;
        const waiting = await backend.load();
        assert.equal(requests.length, before);
        assert.equal(waiting.ok, false);
        assert.equal(backend.nextLoadDelay(1_000, 0), 30_000);
        clock.now += 30_000;
      }
      const recovered = await backend.load();
      assert.equal(recovered.ok, true, recovered.message);
      assert.equal(recovered.syncedAt, clock.now);
      assert.equal(backend.nextLoadDelay(60_000, 0), 60_000);
    });
  }

  it('backs off exponentially while the server keeps failing', async () => {
    const backend = newBackend();
    fault = '500';
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      await backend.load();
      delays.push(backend.nextLoadDelay(60_000, 0));
    }
    fault = 'none';
    assert.deepEqual(delays, [500, 1000, 2000, 4000]);
  });

  it('a first load that fails has no flags and says so', async () => {
    fault = '500';
    const load = await newBackend().load();
    fault = 'none';
    assert.deepEqual([load.ok, load.definitions, load.syncedAt], [false, [], undefined]);
    assert.doesNotMatch(load.message ?? '', /last sync/);
  });

  it('sends no token to a URL the token was not set for, and says why it was refused', async () => {
    fault = 'none';
    requests = [];
    const backend = new UnleashBackend({ baseUrl, project: 'default', token: TOKEN, tokenOrigin: 'https://unleash.example.com', timeoutMs: 2000 });
    const load = await backend.load();
    assert.equal(load.ok, false);
    assert.match(load.message ?? '', /no token was sent, because the token was set for https:\/\/unleash\.example\.com, not for this address/);
    assert.ok(requests.length > 0 && requests.every((request) => request.headers.authorization === undefined));
  });

  it('refuses http:// to another machine without sending anything', async () => {
    const load = await new UnleashBackend({ baseUrl: 'http://unleash.example.com', project: 'default', token: TOKEN }).load();
    assert.equal(load.ok, false);
    assert.equal(load.message, 'Unleash (http://unleash.example.com): refused: http:// to unleash.example.com would send flag data and the token unencrypted; use https://');
  });

  it('warns about configured environments the project does not have', async () => {
    fault = 'none';
    const load = await new UnleashBackend({ baseUrl, project: 'default', token: TOKEN, environments: ['production', 'staging'] }).load();
    assert.equal(load.ok, true);
    assert.deepEqual(load.environments, ['production']);
    assert.match(load.message ?? '', /has no environment 'staging' \(it has development, production\)/);
  });
});
