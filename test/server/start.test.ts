// Starting the server as an editor or a person would, and settings from the editor.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { DEMO, REPO_ROOT, ServerSession, waitFor } from './harness';

const sessions: ServerSession[] = [];

async function start(options: Parameters<typeof ServerSession.start>[0]): Promise<ServerSession> {
  const session = await ServerSession.start(options);
  sessions.push(session);
  return session;
}

after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
});

describe('starting the server', () => {
  it('prints its version', () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const output = execFileSync(process.execPath, [path.join(REPO_ROOT, 'server/out/server.js'), '--version'], { encoding: 'utf8', env: { ...process.env, FLAGLENS_CODE_CACHE: 'off' } });
    assert.equal(output, `flaglens-lsp ${version}\n`);
  });

  it('exits, saying why, on a message it cannot frame, so that the client starts a fresh server', () => {
    for (const args of [['--stdio'], []]) {
      const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'server/out/server.js'), ...args], {
        input: 'Content-Type: application/json\r\n\r\n{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}',
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, FLAGLENS_CODE_CACHE: 'off' },
      });
      assert.equal(run.status, 1, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr, 'flaglens-lsp: Header must provide a Content-Length property; exiting so that the editor restarts the server\n');
    }
  });

  it('speaks LSP over stdio without a transport flag, and says what it can do', async () => {
    const session = await start({ folders: [DEMO], args: [] });
    const capabilities = session.initializeResult?.capabilities;
    assert.equal(session.initializeResult?.serverInfo?.name, 'flaglens');
    assert.equal(capabilities?.hoverProvider, true);
    assert.deepEqual(capabilities?.completionProvider?.triggerCharacters, ['\'', '"', '`']);
    assert.deepEqual(capabilities?.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: true });
    assert.deepEqual(capabilities?.diagnosticProvider, { identifier: 'flaglens', interFileDependencies: true, workspaceDiagnostics: false });
    assert.deepEqual(capabilities?.textDocumentSync, { openClose: true, change: 2 });
  });
});

describe('editor settings', () => {
  it('change severities per code, and apply again after the client says they changed', async () => {
    const session = await start({ folders: [DEMO], settings: { severity: { 'stale-flag': 'error', 'released-flag': 'off' } } });
    const search = await session.open(path.join(DEMO, 'src/server/search.ts'));
    const checkout = await session.open(path.join(DEMO, 'src/server/checkout.ts'));
    assert.deepEqual((await session.diagnostics(search.uri)).map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['stale-flag', DiagnosticSeverity.Error]]);
    assert.deepEqual(await session.diagnostics(checkout.uri), []);

    session.settings = { severity: { 'stale-flag': 'hint' } };
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await waitFor('the new severities', async () => {
      const [stale] = await session.diagnostics(search.uri);
      return stale?.severity === DiagnosticSeverity.Hint ? true : undefined;
    });
    assert.deepEqual((await session.diagnostics(checkout.uri)).map((diagnostic) => diagnostic.code), ['released-flag', 'released-flag']);
  });

  it('count only the environments named in flaglens.environments', async () => {
    const session = await start({ folders: [DEMO], settings: { environments: ['staging'] } });
    const app = await session.open(path.join(DEMO, 'src/web/App.tsx'));
    const codes = (await session.diagnostics(app.uri)).map((diagnostic) => diagnostic.code);
    // dark-mode serves on to everyone in staging: counted alone, it is released.
    assert.deepEqual(codes, ['released-flag', 'released-flag']);
  });
});
