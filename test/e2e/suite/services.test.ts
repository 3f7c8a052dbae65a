// A flag service in the real editor: the workspace's .flaglens.json gains an Unleash backend at a fake
// Admin API on 127.0.0.1 (test/server/fakeUnleash.ts, run here in the extension host), and the token is set with
// `FlagLens: Set Backend Token`. What is checked: the token goes to its own origin only (the fake
// records every Authorization header), the hover shows the service's state, and the last good state
// stays, marked offline, once the service is gone. Runs after flaglens.test.ts and puts everything back.
//
// Workspace trust: code-server runs with --disable-workspace-trust, so the workspace is trusted here;
// that the fake is asked at all shows the client told the server so (an untrusted server contacts no
// service). Untrusted workspaces are covered by the protocol tests (test/server/services.test.ts).
/// <reference types="mocha" />

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FlagsViewSnapshot } from '../../../client/src/flagsView';
import { EXTENSION_ID, folderUri, hoverMarkdown, show, waitFor } from './editor';
import { FakeUnleash } from '../../server/fakeUnleash';

const TOKEN = 'e2e-unleash-admin-token-7319';
const FLAG = 'checkout-rollout';
const ROLLOUT_FILE = 'src/server/rollout.ts';
const CONFIG_FILE = '.flaglens.json';
const HOVER_AT = `isEnabled('checkout-|rollout'`;
/** The hover's title once the service's state is known (before, it says the flag is not defined). */
const ROLLING_OUT_TITLE = `**${FLAG}** — rolling out: `;

const fake = new FakeUnleash(TOKEN);
fake.flags = [{ name: FLAG, enabled: { development: true, production: true }, percent: { development: 30, production: 100 } }];
/** Tokens stored for other origins, one of them the same server under another name; none may reach the fake. */
let otherTokens: Array<{ origin: string; token: string }> = [];
let originalConfig: Uint8Array | undefined;

suite('FlagLens with a flag service and its token', () => {
  suiteSetup(async () => {
    await show('src/server/emails.ts');
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive || undefined);
    assert.equal(vscode.workspace.isTrusted, true, 'code-server runs with --disable-workspace-trust');
    await fake.start();
    otherTokens = [
      { origin: `http://localhost:${new URL(fake.url).port}`, token: 'e2e-token-for-localhost' },
      { origin: 'https://unleash.example.com', token: 'e2e-token-for-unleash-example-com' },
    ];
    for (const { origin, token } of otherTokens) await vscode.commands.executeCommand('flaglens.setBackendToken', origin, token);

    originalConfig = await vscode.workspace.fs.readFile(folderUri(CONFIG_FILE));
    const config = JSON.parse(Buffer.from(originalConfig).toString('utf8')) as { backends: unknown[] };
    config.backends.push({ type: 'unleash', url: fake.url, project: 'default' });
    await writeText(ROLLOUT_FILE, [
      "import { initialize } from 'unleash-client';",
      '',
      `const unleash = initialize({ url: '${fake.url}/api', appName: 'shop-checkout' });`,
      '',
      'export function showsNewCheckout(userId: string): boolean {',
      `  return unleash.isEnabled('${FLAG}', { userId });`,
      '}',
      '',
    ].join('\n'));
    await writeText(CONFIG_FILE, `${JSON.stringify(config, null, 2)}\n`);
  });

  suiteTeardown(async () => {
    await fake.stop();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // An empty token removes the stored one.
    const origins = [...otherTokens.map(({ origin }) => origin), ...(fake.url ? [fake.url] : [])];
    for (const origin of origins) await vscode.commands.executeCommand('flaglens.setBackendToken', origin, '');
    if (originalConfig) await vscode.workspace.fs.writeFile(folderUri(CONFIG_FILE), originalConfig);
    // VS Code keeps a document the tests opened for minutes after its editor closed, and the server
    // keeps the text of open documents: emptied first, the file takes its check along when it goes.
    await writeText(ROLLOUT_FILE, '');
    await waitFor(`${FLAG} to leave the Flags view`, async () => {
      const snapshot = await vscode.commands.executeCommand<FlagsViewSnapshot[]>('flaglens.flags.snapshot');
      return snapshot.some((group) => group.children.some((flag) => flag.label === FLAG)) ? undefined : true;
    });
    await vscode.workspace.fs.delete(folderUri(ROLLOUT_FILE));
  });

  test('without a token for its own origin the service gets none, not even the one stored for localhost on its port', async () => {
    await waitFor('the fake Unleash to be asked', () => (fake.requests.length > 0 ? true : undefined));
    assert.deepEqual(authorizationsSince(0), [undefined]);
  });

  test('FlagLens: Set Backend Token sends exactly that token to that service', async () => {
    await vscode.commands.executeCommand('flaglens.setBackendToken', fake.url, TOKEN);
    await waitFor('a request with the token', () => (fake.requests.some((request) => request.authorization === TOKEN) ? true : undefined));
    await hoverWhere('the state from the service', (markdown) => markdown.includes(ROLLING_OUT_TITLE));
    // Once the service has been read with the token, every read sends it.
    const before = fake.requests.length;
    await vscode.commands.executeCommand('flaglens.refresh');
    assert.ok(fake.requests.length > before, 'Refresh Flags read the service');
    assert.deepEqual(authorizationsSince(before), [TOKEN]);
  });

  test("the hover shows the service's rollout in each environment and where it came from", async () => {
    const markdown = await hoverWhere('the state from the service', (text) => text.includes(ROLLING_OUT_TITLE));
    assert.match(markdown, /\*\*checkout-rollout\*\* — rolling out: /);
    assert.match(markdown, /\| development \| on \| on \(true\) 30% · off \(false\) 70% \| none \|/);
    assert.match(markdown, /\| production \| on \| on \(true\) to 100% \| none \|/);
    assert.match(markdown, new RegExp(`1 reference in 1 file · from Unleash \\(${escapeRegExp(fake.url)}\\) · synced just now`));
  });

  test('with the service stopped, the hover keeps the last good state and says it is offline', async () => {
    await fake.stop();
    await vscode.commands.executeCommand('flaglens.refresh');
    const markdown = await hoverWhere('the offline state', (text) => text.includes(ROLLING_OUT_TITLE) && text.includes('offline'));
    assert.match(markdown, /\| development \| on \| on \(true\) 30% · off \(false\) 70% \| none \|/);
    assert.match(markdown, new RegExp(`from Unleash \\(${escapeRegExp(fake.url)}\\) · offline, last synced (just now|\\d+ min ago)`));
  });

  test('no token stored for another origin ever reached the service', () => {
    const sent = new Set(fake.requests.map((request) => request.authorization));
    for (const { origin, token } of otherTokens) assert.ok(!sent.has(token), `the token of ${origin} was sent to ${fake.url}`);
    assert.deepEqual([...sent].sort(), [TOKEN, undefined]);
  });
});

/** The distinct Authorization headers of the requests from index `start` on, in order of first use. */
function authorizationsSince(start: number): Array<string | undefined> {
  return [...new Set(fake.requests.slice(start).map((request) => request.authorization))];
}

/** Polls the hover over the flag check until `accept` takes it; a timeout names the last hover seen. */
async function hoverWhere(what: string, accept: (markdown: string) => boolean): Promise<string> {
  const document = await show(ROLLOUT_FILE);
  let last = '';
  try {
    return await waitFor(what, async () => {
      last = await hoverMarkdown(document, HOVER_AT);
      return accept(last) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the last hover was:\n${last}`, { cause: error });
  }
}

async function writeText(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(folderUri(relative), Buffer.from(text, 'utf8'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
