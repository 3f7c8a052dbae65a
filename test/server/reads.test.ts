// What the server reads and what it refuses to: files that are named pipes or links to /dev/zero (a
// read of them never ended), documents it was never sent, and a document too large to analyse (a 10 MB
// one made every request wait 26 s). Each answers at once, and the rest of the workspace keeps working.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification, ShowMessageNotification, type Hover } from 'vscode-languageserver-protocol';
import { copyWorkspace, DEMO, position, ServerSession, uriOf, waitFor } from './harness';

const sessions: ServerSession[] = [];
const workspaces: string[] = [];

after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  for (const root of workspaces) fs.rmSync(root, { recursive: true, force: true });
});

async function startOn(root: string, settings?: Record<string, unknown>): Promise<ServerSession> {
  const session = await ServerSession.start({ folders: [root], settings });
  sessions.push(session);
  return session;
}

function demoCopy(): string {
  const root = copyWorkspace(DEMO);
  workspaces.push(root);
  return root;
}

function markdownOf(hover: Hover | null): string {
  const contents = hover?.contents;
  return contents !== undefined && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

const DARK_MODE = "useBooleanFlagValue('dark-|mode'";
const HOLIDAY_PROMO = "useFeatureFlagEnabled('holiday-|promo')";

describe('files that are not regular files', () => {
  it('a hover or diagnostics on an unopened named pipe, a link to /dev/zero, or /dev/zero itself answer null at once', async () => {
    const root = demoCopy();
    execFileSync('mkfifo', [path.join(root, 'src/pipe.ts')]);
    fs.symlinkSync('/dev/zero', path.join(root, 'src/zero.ts'));
    const session = await startOn(root);
    const at = { line: 0, character: 0 };
    for (const uri of [uriOf(path.join(root, 'src/pipe.ts')), uriOf(path.join(root, 'src/zero.ts')), 'file:///dev/zero']) {
      assert.equal(await session.hover(uri, at), null, uri);
      assert.deepEqual(await session.diagnostics(uri), [], uri);
    }
    // The server was not blocked by any of them.
    const app = await session.open(path.join(root, 'src/web/App.tsx'));
    assert.match(markdownOf(await session.hover(app.uri, position(app.text, DARK_MODE))), /dark-mode/);
  });

  it('.flaglens.json, .gitignore and package.json linked to /dev/zero: the folder loads without them and says why', async () => {
    const root = demoCopy();
    for (const name of ['.flaglens.json', '.gitignore', 'package.json']) {
      fs.rmSync(path.join(root, name), { force: true });
      fs.symlinkSync('/dev/zero', path.join(root, name));
    }
    const session = await startOn(root);
    const app = await session.open(path.join(root, 'src/web/App.tsx'));
    // Without the configuration, flags/*.flagd.json is found by itself.
    assert.match(markdownOf(await session.hover(app.uri, position(app.text, DARK_MODE))), /dark-mode/);
    const logs = session.messages('window/logMessage').map((message) => (message.params as { message: string }).message).join('\n');
    assert.match(logs, /\.gitignore is not read, so its rules do not apply: not a regular file \(a character device\)/);
    assert.match(logs, /package\.json is not read: not a regular file \(a character device\)/);
    const status = session.messages('flaglens/status').map((message) => JSON.stringify(message.params)).join('\n');
    assert.match(status, /problem/, 'the status says the configuration has a problem');
  });
});

describe('a document over flaglens.maxFileSize', () => {
  it('gets one message and no analysis, holds no text, and other documents keep their answers', async () => {
    const root = demoCopy();
    const session = await startOn(root);
    const app = await session.open(path.join(root, 'src/web/App.tsx'));
    const darkMode = position(app.text, DARK_MODE);
    assert.match(markdownOf(await session.hover(app.uri, darkMode)), /dark-mode/);

    // The banner's own text with 10 MB of comment after it: the check is at the top, where a hover would find it.
    const bannerFile = path.join(root, 'src/web/PromoBanner.tsx');
    const small = fs.readFileSync(bannerFile, 'utf8');
    const big = small + '// padding\n'.repeat(1024 * 1024);
    const banner = await session.open(bannerFile, big);
    const warning = await session.waitForMessage(ShowMessageNotification.method);
    assert.match((warning.params as { message: string }).message, /^FlagLens does not analyse PromoBanner\.tsx: 11(\.\d)? MB is over the 1 MB limit \(flaglens\.maxFileSize\)/);

    const onCheck = position(small, HOLIDAY_PROMO);
    assert.equal(await session.hover(banner.uri, onCheck), null);
    assert.deepEqual(await session.diagnostics(banner.uri), []);
    assert.deepEqual(await session.completion(banner.uri, onCheck), []);

    // An edit of a range cannot be applied to a text let go: the document stays out, without a second message.
    banner.version++;
    await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: banner.uri, version: banner.version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// edited\n' }],
    });
    assert.equal(await session.hover(banner.uri, onCheck), null);
    assert.match(markdownOf(await session.hover(app.uri, darkMode)), /dark-mode/);
    assert.equal(session.messages(ShowMessageNotification.method).length, 1);

    // Closed and opened again at its size on disk, it is analysed as before.
    await session.close(banner);
    const reopened = await session.open(bannerFile);
    const hover = await waitFor('a hover on the reopened banner', async () => {
      const answer = await session.hover(reopened.uri, onCheck);
      return answer === null ? undefined : answer;
    });
    assert.match(markdownOf(hover), /holiday-promo/);
    assert.equal(session.messages(ShowMessageNotification.method).length, 1);
  });

  it('a flag file over it is kept: flag files are read up to their own limit, and its problems still show', async () => {
    const root = demoCopy();
    const stagingFile = path.join(root, 'flags/staging.flagd.json');
    // A missing comma, and 2 MB of blanks after the JSON.
    const broken = fs.readFileSync(stagingFile, 'utf8').replace('"defaultVariant": "on",', '"defaultVariant": "on"') + ' '.repeat(2 * 1024 * 1024);
    fs.writeFileSync(stagingFile, broken);
    const session = await startOn(root);
    const staging = await session.open(stagingFile, broken);
    const diagnostics = await waitFor('malformed-flag-file on the staging file', async () => {
      const found = await session.diagnostics(staging.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['malformed-flag-file']);
    assert.equal(session.messages(ShowMessageNotification.method).length, 0);
  });

  it('a larger flaglens.maxFileSize lets the same document be analysed', async () => {
    const root = demoCopy();
    const session = await startOn(root, { maxFileSize: 32 * 1024 * 1024 });
    const bannerFile = path.join(root, 'src/web/PromoBanner.tsx');
    const small = fs.readFileSync(bannerFile, 'utf8');
    const banner = await session.open(bannerFile, small + '// padding\n'.repeat(1024 * 1024));
    assert.match(markdownOf(await session.hover(banner.uri, position(small, HOLIDAY_PROMO))), /holiday-promo/);
    assert.equal(session.messages(ShowMessageNotification.method).length, 0);
  });
});
