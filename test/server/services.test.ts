// The language server with a flag service on 127.0.0.1 (a fake Unleash Admin API): workspace trust,
// tokens per origin from the client, the last good state while the service is down, the status
// line, recovery, and the cache that outlives the server.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RefreshRequest, TokenRequest, type StatusParams } from '../../server/src/protocol';
import { FakeUnleash } from './fakeUnleash';
import { makeWorkspace, messageOf, position, ServerSession, waitFor, type StartOptions } from './harness';

const TOKEN = 'fake-unleash-admin-token-4242';
const fake = new FakeUnleash(TOKEN);
const sessions: ServerSession[] = [];
const temporary: string[] = [];
const APP = `import { unleash } from './unleash';

export function checkout(): string {
  return unleash.isEnabled('new-checkout') ? 'new' : 'old';
}
`;

let workspace: string;

before(async () => {
  await fake.start();
  workspace = makeWorkspace({
    '.flaglens.json': JSON.stringify({ backends: [{ type: 'unleash', url: fake.url }] }),
    'src/app.ts': APP,
    'src/unleash.ts': "import { initialize } from 'unleash-client';\nexport const unleash = initialize({ url: 'http://127.0.0.1:4242/api', appName: 'shop' });\n",
  });
  temporary.push(workspace);
});
after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  await fake.stop();
  for (const directory of temporary) fs.rmSync(directory, { recursive: true, force: true });
});

async function start(options: Partial<StartOptions>): Promise<ServerSession> {
  const session = await ServerSession.start({ folders: [workspace], ...options });
  sessions.push(session);
  return session;
}

/** The client side of VS Code: trusted, keeps tokens, answers them per origin. */
function editorOptions(tokens: Record<string, string>, cacheDir?: string): Partial<StartOptions> {
  return {
    initializationOptions: { trusted: true, storesTokens: true, cacheDir },
    answers: { [TokenRequest.method]: (params) => tokens[(params as { origin: string }).origin] ?? null },
  };
}

async function statusWhere(session: ServerSession, predicate: (status: StatusParams) => boolean): Promise<StatusParams> {
  const message = await session.waitForMessage('flaglens/status', (params) => predicate(params as StatusParams));
  return message.params as StatusParams;
}

async function hoverText(session: ServerSession): Promise<string> {
  const document = await session.open(path.join(workspace, 'src/app.ts'));
  const hover = await session.hover(document.uri, position(APP, "isEnabled('new-|checkout')"));
  const contents = hover?.contents;
  return typeof contents === 'object' && contents !== null && 'value' in contents ? contents.value : JSON.stringify(contents);
}

describe('a flag service in the editor', () => {
  it('an untrusted workspace contacts no service and says so in the status', async () => {
    fake.flags = [{ name: 'new-checkout', enabled: { development: true, production: true } }];
    fake.mode = 'up';
    fake.requests.length = 0;
    const session = await start({ initializationOptions: { trusted: false, storesTokens: true } });
    const status = await statusWhere(session, (params) => params.detail.includes('not trusted'));
    assert.match(status.text, /Unleash not read/);
    assert.equal(fake.requests.length, 0);
  });

  it('sends the token stored for its origin, keeps the last good flags while it is down, and recovers', async () => {
    fake.flags = [{ name: 'new-checkout', enabled: { development: true, production: true } }];
    fake.mode = 'up';
    fake.requests.length = 0;
    const session = await start(editorOptions({ [fake.url]: TOKEN, 'https://unleash.example.com': 'other-token' }));
    const good = await statusWhere(session, (params) => params.text.startsWith('1 flag'));
    assert.equal(good.level, 'ok', good.detail);
    assert.ok(fake.requests.every((request) => request.authorization === TOKEN));
    assert.match(await hoverText(session), /released: serves true in every environment[\s\S]*from Unleash \(http:\/\/127\.0\.0\.1:\d+\) · synced just now/);

    fake.mode = 'down-500';
    const down = await session.connection.sendRequest(RefreshRequest);
    assert.equal(down.level, 'warning');
    assert.match(down.text, /^1 flag · Unleash offline$/);
    assert.match(down.detail, /answered 500 \(server error\); showing the flags from the last sync/);
    assert.doesNotMatch(down.detail, new RegExp(TOKEN));
    assert.match(await hoverText(session), /released: serves true in every environment[\s\S]*· offline, last synced just now/);
    const released = await session.diagnostics((await session.open(path.join(workspace, 'src/app.ts'))).uri);
    assert.deepEqual(released.map((diagnostic) => diagnostic.code), ['released-flag']);

    // No refresh this time: the retry after the failure (backing off from about a second) finds the
    // service back, and the status and diagnostics follow by themselves.
    const refreshesBefore = session.messages('workspace/diagnostic/refresh').length;
    const statusesBefore = session.messages('flaglens/status').length;
    fake.mode = 'up';
    fake.flags = [{ name: 'new-checkout', enabled: { development: false, production: false } }];
    await waitFor('the status after the service came back', () => session.messages('flaglens/status').slice(statusesBefore)
      .find((message) => (message.params as StatusParams).level === 'ok'));
    // The status goes out just before the refresh: wait for it rather than race it.
    await waitFor('the diagnostics refresh after the service came back', () => session.messages('workspace/diagnostic/refresh').length > refreshesBefore || undefined);
    const uri = (await session.open(path.join(workspace, 'src/app.ts'))).uri;
    const dead = await waitFor('the dead-flag diagnostic', async () => {
      const diagnostics = await session.diagnostics(uri);
      return diagnostics.some((diagnostic) => diagnostic.code === 'dead-flag') ? diagnostics : undefined;
    });
    assert.match(messageOf(dead[0]), /new-checkout/);
    // Its retries after the failure above must not reach the fake during the next tests.
    await session.stop();
  });

  it('a token stored for another origin is not sent, and the status says how to set one', async () => {
    fake.mode = 'up';
    fake.requests.length = 0;
    const session = await start(editorOptions({ 'https://unleash.example.com': TOKEN }));
    const status = await statusWhere(session, (params) => params.level === 'error');
    assert.match(status.detail, /answered 401 \(no token is set\); set an Unleash admin or personal access token for this address \(run "FlagLens: Set Backend Token" for http:\/\/127\.0\.0\.1:\d+\)/);
    assert.ok(fake.requests.length > 0 && fake.requests.every((request) => request.authorization === undefined));
  });

  it('shows the cached flags at start-up while the service is down', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-cache-'));
    temporary.push(cacheDir);
    fake.mode = 'up';
    fake.flags = [{ name: 'new-checkout', enabled: { development: true, production: true } }];
    const first = await start(editorOptions({ [fake.url]: TOKEN }, cacheDir));
    await statusWhere(first, (params) => params.level === 'ok' && params.text.startsWith('1 flag'));
    await waitFor('the cache file', () => (fs.existsSync(path.join(cacheDir, 'flag-definitions.json')) ? true : undefined));
    await first.stop();

    fake.mode = 'down-500';
    const second = await start(editorOptions({ [fake.url]: TOKEN }, cacheDir));
    const status = await statusWhere(second, (params) => params.text.startsWith('1 flag'));
    assert.match(status.detail, /showing the flags cached at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    assert.match(await hoverText(second), /released: serves true in every environment[\s\S]*· offline, last synced just now/);
    assert.ok(!fs.readFileSync(path.join(cacheDir, 'flag-definitions.json'), 'utf8').includes(TOKEN), 'the token is in the cache');
  });

  it('reads the token from FLAGLENS_UNLEASH_TOKEN for a client that keeps no tokens, for the origin in FLAGLENS_UNLEASH_URL', async () => {
    fake.mode = 'up';
    const session = await start({ initializationOptions: { trusted: true }, env: { FLAGLENS_UNLEASH_TOKEN: TOKEN, FLAGLENS_UNLEASH_URL: fake.url } });
    const status = await statusWhere(session, (params) => params.text.startsWith('1 flag'));
    assert.equal(status.level, 'ok', status.detail);
  });
});
