// Seeds a fresh Unleash server through its Admin API with flags in every state FlagLens tells apart.
// Run after start.sh: `UNLEASH_URL=… UNLEASH_TOKEN=… node --import tsx test/backends/unleash/seed.ts`.
// test/backends/unleash.test.ts asserts exactly these flags; change both together.

const baseUrl = requiredEnvironment('UNLEASH_URL').replace(/\/$/, '');
const token = requiredEnvironment('UNLEASH_TOKEN');
const project = 'default';
const projectPath = `/api/admin/projects/${project}`;

interface Variant {
  name: string;
  weight: number;
  weightType: 'fix' | 'variable';
  stickiness: string;
  payload?: { type: 'string' | 'json' | 'number'; value: string };
}

interface Strategy {
  name: string;
  parameters?: Record<string, string>;
  constraints?: Array<{ contextName: string; operator: string; values?: string[]; value?: string }>;
  segments?: number[];
  variants?: Variant[];
}

function requiredEnvironment(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through test/backends/unleash/run.sh`);
  return value;
}

async function call(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: token, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

function rollout(percent: number, flag: string, extra: Omit<Strategy, 'name' | 'parameters'> = {}): Strategy {
  return { name: 'flexibleRollout', parameters: { rollout: String(percent), stickiness: 'default', groupId: flag }, ...extra };
}

async function createFlag(name: string, description: string, type = 'release'): Promise<void> {
  await call('POST', `${projectPath}/features`, { name, description, type });
}

async function addStrategy(flag: string, environment: string, strategy: Strategy): Promise<void> {
  await call('POST', `${projectPath}/features/${flag}/environments/${environment}/strategies`, strategy);
}

async function enable(flag: string, environment: string): Promise<void> {
  await call('POST', `${projectPath}/features/${flag}/environments/${environment}/on`);
}

async function tag(flag: string, value: string): Promise<void> {
  await call('POST', `/api/admin/features/${flag}/tags`, { type: 'simple', value });
}

async function seed(): Promise<void> {
  // Rolling out: 30% in development, everyone in production.
  await createFlag('new-checkout', 'New checkout flow');
  await addStrategy('new-checkout', 'development', rollout(30, 'new-checkout'));
  await addStrategy('new-checkout', 'production', rollout(100, 'new-checkout'));
  await enable('new-checkout', 'development');
  await enable('new-checkout', 'production');
  await tag('new-checkout', 'checkout');

  // Released: on for everyone everywhere.
  await createFlag('dark-mode', 'Dark theme for everyone');
  for (const environment of ['development', 'production']) {
    await addStrategy('dark-mode', environment, rollout(100, 'dark-mode'));
    await enable('dark-mode', environment);
  }

  // Dead: has a strategy but is off in every environment.
  await createFlag('legacy-search', 'Old search page', 'kill-switch');
  await addStrategy('legacy-search', 'production', rollout(100, 'legacy-search'));

  // Archived after it was on in production.
  await createFlag('old-banner', 'Spring sale banner');
  await addStrategy('old-banner', 'production', rollout(100, 'old-banner'));
  await enable('old-banner', 'production');
  await call('DELETE', `${projectPath}/features/old-banner`);

  // Stale: still on in development only.
  await createFlag('holiday-theme', 'Holiday colours');
  await addStrategy('holiday-theme', 'development', rollout(100, 'holiday-theme'));
  await enable('holiday-theme', 'development');
  await call('POST', `${projectPath}/stale`, { features: ['holiday-theme'], stale: true });

  // Variants on a strategy (70/30 by weight) in production; constraints and a segment in development.
  const segment = await call('POST', '/api/admin/segments', {
    name: 'beta-testers',
    project,
    constraints: [{ contextName: 'email', operator: 'STR_ENDS_WITH', values: ['@example.com'] }],
  }) as { id: number };
  await createFlag('button-color', 'Colour of the buy button', 'experiment');
  await addStrategy('button-color', 'production', rollout(100, 'button-color', {
    variants: [
      { name: 'blue', weight: 700, weightType: 'fix', stickiness: 'default', payload: { type: 'string', value: '#0000ff' } },
      { name: 'green', weight: 300, weightType: 'variable', stickiness: 'default', payload: { type: 'string', value: '#00ff00' } },
    ],
  }));
  await addStrategy('button-color', 'development', rollout(50, 'button-color', {
    constraints: [{ contextName: 'userId', operator: 'IN', values: ['alice', 'bob'] }],
    segments: [segment.id],
  }));
  await enable('button-color', 'development');
  await enable('button-color', 'production');

  // A release stage: 25% of users in production by a flexibleRollout, off in development.
  await createFlag('search-v2', 'New search for a quarter of users');
  await addStrategy('search-v2', 'production', rollout(25, 'search-v2'));
  await enable('search-v2', 'production');
}

seed().then(
  () => console.log(`seed.ts: seeded 7 flags into ${baseUrl}`),
  (error: unknown) => {
    console.error(`seed.ts: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
