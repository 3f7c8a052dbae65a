// A team's own flag store in the editor, with no `.flaglens.json`: a record read by a registry member
// (`orgFlags?.[FLAG.newNav]`) and a read of the same record's name by a key the registry lists (`featureFlags.newNav`)
// are checks, inferred in the server's thread, for hover and diagnostics as any other.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { makeWorkspace, position, ServerSession, textAt, waitFor, type OpenDocument } from './harness';

const FLAGS = {
  flags: {
    newNav: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
    darkMode: { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', targeting: { fractional: [['on', 30], ['off', 70]] } },
  },
};

describe('records of flags read by a registry member, in the editor', () => {
  let session: ServerSession;
  let root: string;
  let overrides: OpenDocument;

  before(async () => {
    root = makeWorkspace({
      'flags/production.flagd.json': JSON.stringify(FLAGS),
      'src/flags.ts': `export const FLAG = { newNav: 'newNav', darkMode: 'darkMode' } as const;\n`,
      'src/evaluate.ts': `import { FLAG } from './flags';\nexport const nav = () => flag({ key: FLAG.newNav, defaultValue: false });\nexport const dark = () => flag({ key: FLAG.darkMode, defaultValue: false });\n`,
      'src/overrides.ts': `import { FLAG } from './flags';\nexport function navOn(orgFlags: Record<string, unknown> | undefined): boolean {\n  return orgFlags?.[FLAG.newNav] === true || orgFlags?.darkMode === true;\n}\n`,
    });
    session = await ServerSession.start({ folders: [root] });
    overrides = await session.open(path.join(root, 'src/overrides.ts'));
  });

  after(async () => {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('hovers the record read with the flag\'s state', async () => {
    // Inference runs in the server's thread: the hover answers once it has.
    const markdown = await waitFor('a hover on the record read', async () => {
      const hover = await session.hover(overrides.uri, position(overrides.text, 'FLAG.new|Nav]')) as Hover | null;
      return hover === null ? undefined : (hover.contents as MarkupContent).value;
    });
    assert.match(markdown, /\*\*newNav\*\* — released: serves true in every environment · ready to remove/);
    const other = await session.hover(overrides.uri, position(overrides.text, 'orgFlags?.dark|Mode')) as Hover | null;
    assert.ok(other, 'a hover at the read by a listed key');
    assert.match((other.contents as MarkupContent).value, /\*\*darkMode\*\* — rolling out/);
  });

  it('says the released flag read from the record may be removed', async () => {
    const diagnostics = await session.diagnostics(overrides.uri);
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code === 'released-flag').map((diagnostic) => textAt(overrides.text, diagnostic.range)), ['FLAG.newNav']);
  });
});
