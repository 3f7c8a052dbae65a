// The server offers `.flaglens.json` by itself: one window/showMessageRequest for a folder without the file
// where discovery finds wrappers or a registry; none for a folder with one, or when the setting is off.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { ShowMessageRequestParams } from 'vscode-languageserver-protocol';
import { copyWorkspace, REPO_ROOT, ServerSession, uriOf, waitFor, type Received } from './harness';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'monorepo');
const SHOW_MESSAGE_REQUEST = 'window/showMessageRequest';

const sessions: ServerSession[] = [];
const roots: string[] = [];
after(async () => {
  for (const session of sessions) await session.stop();
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

function fixtureCopy(): string {
  const root = fs.realpathSync(copyWorkspace(FIXTURE));
  roots.push(root);
  return root;
}

async function start(root: string, answer: string | undefined, settings: Record<string, unknown> = {}): Promise<ServerSession> {
  const session = await ServerSession.start({
    folders: [root],
    settings,
    showMessageRequest: true,
    answers: { [SHOW_MESSAGE_REQUEST]: () => (answer === undefined ? null : { title: answer }) },
  });
  sessions.push(session);
  return session;
}

/** The server's log line about the folder's proposal, once it has decided. */
function waitForLog(session: ServerSession, pattern: RegExp): Promise<Received> {
  return session.waitForMessage('window/logMessage', (params) => pattern.test((params as { message: string }).message));
}

describe('the server proposes .flaglens.json', () => {
  it('asks once in a folder without one, and on Create writes it and uses it', async () => {
    const root = fixtureCopy();
    const session = await start(root, 'Create');
    const configFile = path.join(root, '.flaglens.json');
    const written = await session.waitForMessage('window/showMessage', (params) => /wrote/.test((params as { message: string }).message));
    assert.match((written.params as { message: string }).message, /^FlagLens wrote \.flaglens\.json in .*: 3 wrappers, 1 flag bag, the flag registry FeatureFlag\.$/);
    const requests = session.messages(SHOW_MESSAGE_REQUEST);
    assert.equal(requests.length, 1);
    const params = requests[0].params as ShowMessageRequestParams;
    assert.equal(params.message, `FlagLens found 3 flag wrappers, a flag bag and a flag registry in ${path.basename(root)}. Create .flaglens.json?`);
    assert.deepEqual(params.actions?.map((action) => action.title), ['Create', 'Not now']);
    const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { registry?: unknown };
    assert.deepEqual(config.registry, { file: 'packages/flags/src/keys.ts', symbol: 'FeatureFlag' });

    // The folder reloads with the new file: the registry's findings appear in a file that imports by package name.
    const document = await session.open(path.join(root, 'packages/api/src/routes.ts'));
    const diagnostic = await waitFor('unregistered-flag', async () => (await session.diagnostics(document.uri)).find((item) => item.code === 'unregistered-flag'));
    assert.match(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value, /'beta-serach' is not listed .* Did you mean 'beta-search'\?/);

    // A reload (settings changed) does not ask again.
    const loads = () => session.messages('window/logMessage').filter((message) => /source files indexed/.test((message.params as { message: string }).message)).length;
    const loadsBefore = loads();
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await waitFor('the folder to reload', () => (loads() > loadsBefore ? true : undefined));
    await session.diagnostics(uriOf(path.join(root, 'packages/web/src/App.tsx')));
    assert.equal(session.messages(SHOW_MESSAGE_REQUEST).length, 1);
  });

  it('Not now leaves the folder without the file', async () => {
    const root = fixtureCopy();
    const session = await start(root, 'Not now');
    await waitForLog(session, /\.flaglens\.json not created/);
    assert.equal(session.messages(SHOW_MESSAGE_REQUEST).length, 1);
    assert.equal(fs.existsSync(path.join(root, '.flaglens.json')), false);
  });

  const silentCases: Array<{ name: string; prepare: (root: string) => void; settings?: Record<string, unknown>; log: RegExp }> = [
    {
      name: 'a folder that has .flaglens.json',
      prepare: (root) => fs.writeFileSync(path.join(root, '.flaglens.json'), '{ "ignore": [] }\n'),
      log: /uses \.flaglens\.json; nothing to propose/,
    },
    { name: 'flaglens.proposeConfig set to false', prepare: () => undefined, settings: { proposeConfig: false }, log: /flaglens\.proposeConfig is off/ },
  ];
  for (const row of silentCases) {
    it(`does not ask for ${row.name}`, async () => {
      const root = fixtureCopy();
      row.prepare(root);
      const session = await start(root, 'Create', row.settings);
      await waitForLog(session, row.log);
      assert.equal(session.messages(SHOW_MESSAGE_REQUEST).length, 0);
    });
  }
});
