// Clients that cannot pull diagnostics (no `textDocument.diagnostic` capability, as Neovim 0.7) get them
// published: on open and change, when flag definitions change, and cleared on close. Clients that pull
// get nothing published.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { copyWorkspace, DEMO, messageOf, ServerSession, textAt, uriOf, type Published } from './harness';

const sessions: ServerSession[] = [];
const workspaces: string[] = [];

after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  for (const root of workspaces) fs.rmSync(root, { recursive: true, force: true });
});

const codesOf = (published: Published): string[] => published.diagnostics.map((diagnostic) => String(diagnostic.code));

describe('a client without pull diagnostics', () => {
  it('is not offered pull diagnostics, and gets them published as documents open, change and close', async () => {
    const root = copyWorkspace(DEMO);
    workspaces.push(root);
    const session = await ServerSession.start({ folders: [root], pullDiagnostics: false });
    sessions.push(session);
    assert.equal(session.initializeResult?.capabilities.diagnosticProvider, undefined);
    assert.equal(session.initializeResult?.capabilities.hoverProvider, true);

    const emails = await session.open(path.join(root, 'src/server/emails.ts'));
    const opened = await session.waitForPublished(emails.uri, (published) => published.diagnostics.length > 0);
    assert.equal(opened.version, 1);
    assert.deepEqual(codesOf(opened), ['unknown-flag', 'dead-flag']);
    assert.equal(textAt(emails.text, opened.diagnostics[0].range), "'new-chekout'");
    assert.match(messageOf(opened.diagnostics[0]), /^'new-chekout' is not defined in any environment \(production, staging\)\. Did you mean 'new-checkout'\?$/);
    assert.equal(opened.diagnostics[0].source, 'flaglens');

    // Fixing the typo in the editor: the key is now a released flag.
    await session.change(emails, emails.text.replace("'new-chekout'", "'new-checkout'"));
    const changed = await session.waitForPublished(emails.uri, (published) => published.version === 2);
    assert.deepEqual(codesOf(changed), ['released-flag', 'dead-flag']);

    // The flag files change on disk: 'holiday-promo' is switched on everywhere, so it is no longer dead.
    for (const environment of ['production', 'staging']) {
      const file = path.join(root, `flags/${environment}.flagd.json`);
      const flags = JSON.parse(fs.readFileSync(file, 'utf8')) as { flags: Record<string, { state: string; defaultVariant: string }> };
      flags.flags['holiday-promo'] = { ...flags.flags['holiday-promo'], state: 'ENABLED', defaultVariant: 'on' };
      fs.writeFileSync(file, JSON.stringify(flags, null, 2));
      await session.filesChanged([{ uri: uriOf(file), type: FileChangeType.Changed }]);
    }
    // After the first file alone the flag is rolling out (no finding): wait for both files to count.
    const redefined = await session.waitForPublished(emails.uri, (published) => codesOf(published).length === 2 && !codesOf(published).includes('dead-flag'), 'diagnostics after the flag files changed');
    assert.equal(redefined.version, 2);
    assert.deepEqual(codesOf(redefined), ['released-flag', 'released-flag']);

    await session.close(emails);
    const closed = await session.waitForPublished(emails.uri, (published) => published.diagnostics.length === 0, 'cleared diagnostics');
    assert.equal(closed.version, undefined);
  });
});

describe('a client with pull diagnostics', () => {
  it('gets none published', async () => {
    const session = await ServerSession.start({ folders: [DEMO] });
    sessions.push(session);
    assert.equal(session.initializeResult?.capabilities.diagnosticProvider?.identifier, 'flaglens');
    const emails = await session.open(path.join(DEMO, 'src/server/emails.ts'));
    // The pull answers after the folder has loaded and the document is in its index.
    assert.deepEqual((await session.diagnostics(emails.uri)).map((diagnostic) => String(diagnostic.code)), ['unknown-flag', 'dead-flag']);
    await session.change(emails, `${emails.text}\n`);
    await session.diagnostics(emails.uri);
    assert.deepEqual(session.messages('textDocument/publishDiagnostics'), []);
  });
});
