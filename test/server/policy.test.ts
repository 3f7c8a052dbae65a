// The flag policy in the editor: a key that breaks the naming rule is a diagnostic in code and in the
// flag file, whose quick fix renames the key in every flag file and at every check as one workspace
// edit; a kill switch (by a comment at its check) is never offered for removal. A flag without a creation
// date gets its age from the commit that first added its key, once git has been asked.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { applyEdits, makeWorkspace, positionAt, ServerSession, textAt, uriOf, waitFor } from './harness';

const flag = (metadata: object) => ({ state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on', metadata });
const flagFile = JSON.stringify({
  flags: {
    NewCheckout: flag({ owner: 'payments' }),
    'payments-off': flag({ owner: 'payments' }),
  },
}, null, 2);

const FILES = {
  '.flaglens.json': JSON.stringify({ policy: { naming: { casing: 'kebab' }, requiredMetadata: ['owner'] } }),
  'flags/production.flagd.json': flagFile,
  'flags/staging.flagd.json': flagFile,
  'src/checkout.ts': [
    "import { OpenFeature } from '@openfeature/server-sdk';",
    'const client = OpenFeature.getClient();',
    "export const checkout = () => client.getBooleanValue('NewCheckout', false);",
    '// flaglens: kill-switch',
    "export const paymentsOff = () => client.getBooleanValue('payments-off', false);",
  ].join('\n'),
  'src/cart.ts': [
    "import { OpenFeature } from '@openfeature/server-sdk';",
    "export const cart = () => OpenFeature.getClient().getBooleanValue('NewCheckout', true);",
    // Written negated: the rename keeps the '!'.
    "export const oldCart = () => OpenFeature.getClient().getBooleanValue('!NewCheckout', false);",
  ].join('\n'),
};

describe('the flag policy in the server', () => {
  let root: string;
  let session: ServerSession;

  before(async () => {
    root = fs.realpathSync(makeWorkspace(FILES));
    session = await ServerSession.start({ folders: [root] });
  });
  after(async () => {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('renames a key that breaks the naming rule in the flag files and at every check, as one workspace edit', async () => {
    const file = path.join(root, 'src/checkout.ts');
    const document = await session.open(file);
    const diagnostic: Diagnostic = await waitFor('naming-violation', async () => (await session.diagnostics(document.uri)).find((item) => item.code === 'naming-violation'));
    assert.equal(textAt(document.text, diagnostic.range), "'NewCheckout'");
    assert.equal(diagnostic.message, "'NewCheckout' is not kebab-case: rename it to 'new-checkout' here and in the flag files");
    const actions = await session.codeActions(document.uri, diagnostic.range, [diagnostic]) as CodeAction[];
    const rename = actions.find((action) => action.title.startsWith('Rename'));
    assert.equal(rename?.title, "Rename 'NewCheckout' to 'new-checkout' in 2 flag files and 3 checks");
    const changes = rename?.edit?.changes ?? {};
    const files = ['flags/production.flagd.json', 'flags/staging.flagd.json', 'src/cart.ts', 'src/checkout.ts'];
    assert.deepEqual(Object.keys(changes).sort(), files.map((relative) => uriOf(path.join(root, relative))).sort());
    for (const relative of files) {
      const before = fs.readFileSync(path.join(root, relative), 'utf8');
      const after = applyEdits(before, changes[uriOf(path.join(root, relative))]);
      assert.equal(after, before.replaceAll('NewCheckout', 'new-checkout'), relative);
    }
  });

  it('reports the key in the flag file too', async () => {
    const document = await session.open(path.join(root, 'flags/production.flagd.json'));
    const diagnostics = await waitFor('naming-violation in the flag file', async () => {
      const items = (await session.diagnostics(document.uri)).filter((item) => item.code === 'naming-violation');
      return items.length > 0 ? items : undefined;
    });
    assert.deepEqual(diagnostics.map((item) => textAt(document.text, item.range)), ['NewCheckout']);
  });

  it('never offers to remove a kill switch, and says why in the hover', async () => {
    const file = path.join(root, 'src/checkout.ts');
    const document = await session.open(file);
    const diagnostics = await session.diagnostics(document.uri);
    assert.deepEqual(diagnostics.filter((item) => textAt(document.text, item.range) === "'payments-off'").map((item) => item.code), []);
    const at = positionAt(document.text, document.text.indexOf("'payments-off'") + 1);
    const hover = await session.hover(document.uri, at);
    const text = (hover?.contents as MarkupContent).value;
    assert.match(text, /released: serves true in every environment · kill-switch flag: permanent, kept/);
    const range = { start: at, end: at };
    const actions = await session.codeActions(document.uri, range, []) as CodeAction[];
    assert.deepEqual(actions.filter((action) => action.title.startsWith('Remove flag')), []);
  });
});

describe('the age of a flag from git in the server', () => {
  let root: string;
  let session: ServerSession;

  before(async () => {
    root = fs.realpathSync(makeWorkspace({
      'flags/production.flagd.json': JSON.stringify({ flags: { 'old-banner': flag({ owner: 'web' }) } }),
      'src/banner.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nexport const banner = () => OpenFeature.getClient().getBooleanValue('old-banner', false);\n",
    }));
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], {
      cwd: root, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_DATE: '2025-01-15T09:00:00Z' },
    });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'first');
    session = await ServerSession.start({ folders: [root] });
  });
  after(async () => {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('shows the first commit of the key in the hover once git has answered', async () => {
    const document = await session.open(path.join(root, 'src/banner.ts'));
    const at = positionAt(document.text, document.text.indexOf("'old-banner'") + 1);
    const text = await waitFor('a hover with the age from git', async () => {
      const value = ((await session.hover(document.uri, at))?.contents as MarkupContent | undefined)?.value ?? '';
      return value.includes('(git)') ? value : undefined;
    });
    assert.match(text, /\*\*Stale\*\*: first seen in code 2025-01-15 \(git\), \d+ days ago, past the 40 days a release flag lives · serves true in every environment/);
  });
});
