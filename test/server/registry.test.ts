// The server on the fixture monorepo without `.flaglens.json`: the "propose a configuration" command
// writes one, and then the flag registry's findings and quick fixes appear in the editor.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, copyWorkspace, REPO_ROOT, ServerSession, textAt, uriOf, waitFor } from './harness';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'monorepo');

describe('flag registry and proposed configuration in the server', () => {
  let root: string;
  let session: ServerSession;

  before(async () => {
    root = fs.realpathSync(copyWorkspace(FIXTURE));
    session = await ServerSession.start({ folders: [root] });
  });

  after(async () => {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('advertises the command and writes .flaglens.json for a folder without one', async () => {
    assert.deepEqual(session.initializeResult?.capabilities.executeCommandProvider?.commands, ['flaglens.proposeConfig', 'flaglens.showRemovalSummary']);
    const result = await session.connection.sendRequest('workspace/executeCommand', { command: 'flaglens.proposeConfig', arguments: [] }) as { written?: string; found: string[]; message: string };
    assert.equal(result.written, path.join(root, '.flaglens.json'));
    assert.match(result.message, /wrote \.flaglens\.json in .*: 3 wrappers, 1 flag bag, the flag registry FeatureFlag/);
    const config = JSON.parse(fs.readFileSync(path.join(root, '.flaglens.json'), 'utf8')) as { registry: unknown };
    assert.deepEqual(config.registry, { file: 'packages/flags/src/keys.ts', symbol: 'FeatureFlag' });
    const again = await session.connection.sendRequest('workspace/executeCommand', { command: 'flaglens.proposeConfig', arguments: [] }) as { written?: string; message: string };
    assert.equal(again.written, undefined);
    assert.match(again.message, /has a \.flaglens\.json already/);
  });

  it('reports a key missing from the registry, with "Change to" and "Add to" fixes', async () => {
    const file = path.join(root, 'packages/api/src/routes.ts');
    const document = await session.open(file);
    const diagnostic = await waitFor('unregistered-flag', async () => (await session.diagnostics(document.uri)).find((item) => item.code === 'unregistered-flag'));
    assert.equal(textAt(document.text, diagnostic.range), "'beta-serach'");
    const actions = await session.codeActions(document.uri, diagnostic.range, [diagnostic]) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.title), ["Change to 'beta-search'", "Add 'beta-serach' to FeatureFlag"]);
    const registryFile = path.join(root, 'packages/flags/src/keys.ts');
    const added = applyEdits(fs.readFileSync(registryFile, 'utf8'), actions[1].edit?.changes?.[uriOf(registryFile)] ?? []);
    assert.match(added, /LegacyReports = 'legacy-reports',\n {2}BetaSerach = 'beta-serach',\n\}/);
  });

  it('reports a registry entry no check uses, with a fix that removes it', async () => {
    const file = path.join(root, 'packages/flags/src/keys.ts');
    const document = await session.open(file);
    const unused: Diagnostic[] = await waitFor('unused-flag', async () => {
      const items = (await session.diagnostics(document.uri)).filter((item) => item.code === 'unused-flag');
      return items.length > 0 ? items : undefined;
    });
    assert.deepEqual(unused.map((item) => textAt(document.text, item.range)), ["'legacy-reports'"]);
    const actions = await session.codeActions(document.uri, unused[0].range, unused) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.title), ["Remove 'legacy-reports' from FeatureFlag"]);
    const removed = applyEdits(document.text, actions[0].edit?.changes?.[document.uri] ?? []);
    assert.ok(!removed.includes('legacy-reports') && removed.includes("BulkExport = 'bulk-export',\n}"), removed);
  });
});
