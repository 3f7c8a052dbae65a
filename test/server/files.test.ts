// Files that change on disk while the server runs: a flag file that breaks and is fixed, source files
// created and deleted, and a workspace without any flag file. Each test works on its own temp copy.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { copyWorkspace, DEMO, makeWorkspace, messageOf, position, ServerSession, textAt, uriOf, waitFor } from './harness';

const sessions: ServerSession[] = [];
const workspaces: string[] = [];

async function startOn(root: string): Promise<ServerSession> {
  workspaces.push(root);
  const session = await ServerSession.start({ folders: [root] });
  sessions.push(session);
  return session;
}

after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  for (const root of workspaces) fs.rmSync(root, { recursive: true, force: true });
});

async function codesOf(session: ServerSession, uri: string): Promise<string[]> {
  return (await session.diagnostics(uri)).map((diagnostic) => String(diagnostic.code));
}

describe('a flag file that breaks', () => {
  it('is reported at the error, while the other flags and the last good definitions keep working', async () => {
    const root = copyWorkspace(DEMO);
    const session = await startOn(root);
    const stagingFile = path.join(root, 'flags/staging.flagd.json');
    const app = await session.open(path.join(root, 'src/web/App.tsx'));
    const darkMode = position(app.text, "useBooleanFlagValue('dark-|mode'");
    assert.match(markdownOf(await session.hover(app.uri, darkMode)), /\| staging \| on \| on \(true\) to 100% \|/);

    // A missing comma: JSON parsers stop at the next property name.
    const broken = fs.readFileSync(stagingFile, 'utf8').replace('"defaultVariant": "on",', '"defaultVariant": "on"');
    fs.writeFileSync(stagingFile, broken);
    await session.filesChanged([{ uri: uriOf(stagingFile), type: FileChangeType.Changed }]);

    const diagnostics = await waitFor('malformed-flag-file on the staging file', async () => {
      const found = await session.diagnostics(uriOf(stagingFile));
      return found.length > 0 ? found : undefined;
    });
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, textAt(broken, diagnostic.range)]), [
      ['malformed-flag-file', 1, '"metadata"'],
    ]);
    assert.match(messageOf(diagnostics[0]), /expected ','/);
    assert.ok(diagnostics[0].range.start.line > 0, 'the error is not put at the top of the file');

    // Staging's flags come from its last good read; production is read as before.
    assert.match(markdownOf(await session.hover(app.uri, darkMode)), /\| staging \| on \| on \(true\) to 100% \|/);
    assert.deepEqual(await codesOf(session, app.uri), ['released-flag']);

    fs.writeFileSync(stagingFile, broken.replace('"defaultVariant": "on"\n', '"defaultVariant": "on",\n'));
    await session.filesChanged([{ uri: uriOf(stagingFile), type: FileChangeType.Changed }]);
    await waitFor('the staging file to be clean again', async () => ((await session.diagnostics(uriOf(stagingFile))).length === 0 ? true : undefined));
  });
});

describe('source files on disk', () => {
  it('follows files created and deleted outside the editor', async () => {
    const root = copyWorkspace(DEMO);
    const session = await startOn(root);
    const lateFile = path.join(root, 'src/server/late.ts');
    const checkout = await session.open(path.join(root, 'src/server/checkout.ts'));
    const newCheckout = position(checkout.text, 'getBooleanValue(FLAGS.NEW_|CHECKOUT');
    assert.match(markdownOf(await session.hover(checkout.uri, newCheckout)), /2 references in 2 files/);

    fs.writeFileSync(lateFile, "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nexport const late = client.getBooleanValue('new-checkout', false);\n");
    const refreshesBefore = session.messages('workspace/diagnostic/refresh').length;
    await session.filesChanged([{ uri: uriOf(lateFile), type: FileChangeType.Created }]);
    await waitFor('late.ts to be indexed', async () => ((await codesOf(session, uriOf(lateFile))).includes('released-flag') ? true : undefined));
    assert.match(markdownOf(await session.hover(checkout.uri, newCheckout)), /3 references in 3 files/);
    assert.ok(session.messages('workspace/diagnostic/refresh').length > refreshesBefore, 'the client is asked to pull diagnostics again');

    fs.rmSync(lateFile);
    await session.filesChanged([{ uri: uriOf(lateFile), type: FileChangeType.Deleted }]);
    await waitFor('late.ts to be forgotten', async () =>
      (/2 references in 2 files/.test(markdownOf(await session.hover(checkout.uri, newCheckout))) ? true : undefined));
  });
});

describe('a workspace without flag files', () => {
  it('reports no unknown flags, says why once, and picks up a flag file created later', async () => {
    const root = makeWorkspace({ 'src/app.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nexport const on = client.getBooleanValue('new-checkout', false);\n" });
    const session = await startOn(root);
    const app = await session.open(path.join(root, 'src/app.ts'));
    assert.deepEqual(await codesOf(session, app.uri), []);

    const status = await session.waitForMessage('flaglens/status');
    assert.deepEqual([(status.params as { level: string }).level, (status.params as { text: string }).text], ['warning', 'no flags']);
    const explanation = await session.waitForMessage('window/showMessage');
    assert.match((explanation.params as { message: string }).message, /no flag definitions for .*there is no flags\/\*\.flagd\.json file/);

    // Reloading the same nothing does not repeat the message.
    await session.connection.sendRequest('flaglens/refresh');
    assert.equal(session.messages('window/showMessage').length, 1);

    const flagFile = path.join(root, 'flags/production.flagd.json');
    fs.mkdirSync(path.dirname(flagFile));
    fs.writeFileSync(flagFile, JSON.stringify({ flags: { 'new-checkout-v2': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off' } } }));
    await session.filesChanged([{ uri: uriOf(flagFile), type: FileChangeType.Created }]);
    await waitFor('unknown-flag once a flag file exists', async () => ((await codesOf(session, app.uri)).includes('unknown-flag') ? true : undefined));
    const latest = session.messages('flaglens/status').at(-1);
    assert.deepEqual(latest?.params, {
      level: 'ok',
      text: '1 flag · flags/*.flagd.json',
      detail: `${path.basename(root)}: 1 flag from flags/*.flagd.json, read just now`,
    });
  });
});

function markdownOf(hover: { contents: unknown } | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as { value: string }).value;
}

describe('a .flaglens.json that changes', () => {
  it('is reported when broken, and its patterns apply once fixed', async () => {
    const root = makeWorkspace({
      'flags/production.flagd.json': JSON.stringify({ flags: { 'dark-mode': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' } } }),
      'src/app.ts': "export const dark = myFlag('dark-mode');\n",
    });
    const session = await startOn(root);
    const app = await session.open(path.join(root, 'src/app.ts'));
    assert.deepEqual(await codesOf(session, app.uri), []);

    const configFile = path.join(root, '.flaglens.json');
    const broken = '{ "patterns": [ { "callee": "myFlag" } ';
    fs.writeFileSync(configFile, broken);
    await session.filesChanged([{ uri: uriOf(configFile), type: FileChangeType.Created }]);
    const [problem] = await waitFor('a problem in .flaglens.json', async () => {
      const found = await session.diagnostics(uriOf(configFile));
      return found.length > 0 ? found : undefined;
    });
    assert.equal(problem.source, 'flaglens');
    assert.equal(problem.range.start.character, broken.length);

    fs.writeFileSync(configFile, JSON.stringify({ patterns: [{ callee: 'myFlag', keyArg: 0 }] }));
    await session.filesChanged([{ uri: uriOf(configFile), type: FileChangeType.Changed }]);
    await waitFor('the wrapper to be read', async () => ((await codesOf(session, app.uri)).includes('released-flag') ? true : undefined));
    assert.deepEqual(await session.diagnostics(uriOf(configFile)), []);
  });
});
