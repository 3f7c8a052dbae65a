// Two workspace folders, each with its own .flaglens.json and flag file: each document is answered
// from its own folder's definitions and patterns.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeWorkspace, position, ServerSession, textAt, uriOf } from './harness';

function flagFile(flags: Record<string, boolean>): string {
  const entries = Object.entries(flags).map(([key, on]) => [key, {
    state: 'ENABLED',
    variants: { on: true, off: false },
    defaultVariant: on ? 'on' : 'off',
  }]);
  return JSON.stringify({ flags: Object.fromEntries(entries) }, null, 2);
}

describe('multi-root workspace', () => {
  let parent: string;
  let session: ServerSession;
  const shop = () => path.join(parent, 'shop');
  const admin = () => path.join(parent, 'admin');

  before(async () => {
    parent = makeWorkspace({
      'shop/.flaglens.json': JSON.stringify({ patterns: [{ callee: 'shopFlag', keyArg: 0 }] }),
      'shop/flags/production.flagd.json': flagFile({ 'shop-banner': true }),
      'shop/src/app.ts': "export const a = shopFlag('shop-banner');\nexport const b = shopFlag('admin-audit');\n",
      'admin/.flaglens.json': JSON.stringify({ patterns: [{ callee: 'adminFlag', keyArg: 1 }] }),
      'admin/flags/production.flagd.json': flagFile({ 'admin-audit': false }),
      'admin/src/app.ts': "export const c = adminFlag(user, 'admin-audit');\nexport const d = adminFlag(user, 'shop-banner');\n",
    });
    session = await ServerSession.start({ folders: [shop(), admin()] });
  });

  after(async () => {
    await session.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('reads each folder with its own patterns and flags', async () => {
    const shopDocument = await session.open(path.join(shop(), 'src/app.ts'));
    const adminDocument = await session.open(path.join(admin(), 'src/app.ts'));

    const shopDiagnostics = await session.diagnostics(shopDocument.uri);
    assert.deepEqual(
      shopDiagnostics.map((diagnostic) => [diagnostic.code, textAt(shopDocument.text, diagnostic.range)]),
      [['released-flag', "'shop-banner'"], ['unknown-flag', "'admin-audit'"]],
    );
    const adminDiagnostics = await session.diagnostics(adminDocument.uri);
    assert.deepEqual(
      adminDiagnostics.map((diagnostic) => [diagnostic.code, textAt(adminDocument.text, diagnostic.range)]),
      [['dead-flag', "'admin-audit'"], ['unknown-flag', "'shop-banner'"]],
    );

    const hover = await session.hover(adminDocument.uri, position(adminDocument.text, "adminFlag(user, 'admin-|audit')"));
    assert.match(markdownOf(hover), /admin-audit/);
    assert.match(markdownOf(hover), /from flags\/\\\*\.flagd\.json/);
  });

  it('reports both folders in the status', async () => {
    const status = await session.waitForMessage('flaglens/status', (params) => /2 flags/.test((params as { text: string }).text));
    assert.equal((status.params as { level: string }).level, 'ok');
    assert.match((status.params as { detail: string }).detail, /shop: 1 flag/);
    assert.match((status.params as { detail: string }).detail, /admin: 1 flag/);
  });

  it('fetches settings per folder', () => {
    const scopes = session.messages('workspace/configuration')
      .flatMap((message) => (message.params as { items: Array<{ scopeUri?: string }> }).items.map((item) => item.scopeUri));
    assert.deepEqual([...new Set(scopes)].sort(), [uriOf(admin()), uriOf(shop())].sort());
  });
});

function markdownOf(hover: { contents: unknown } | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { value: string };
  return contents.value;
}
