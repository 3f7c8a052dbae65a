// Vercel Flags in the editor: the call of a flag function (`await showBanner()`, no key at the call) is a check of
// the declaration's flag for hover, diagnostics and the remove-flag code action.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { makeWorkspace, position, ServerSession, textAt, type OpenDocument } from './harness';

const FLAGS = {
  flags: {
    'show-banner': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
  },
};

describe('Vercel flag functions in the editor', () => {
  let session: ServerSession;
  let root: string;
  let page: OpenDocument;
  let header: OpenDocument;

  before(async () => {
    root = makeWorkspace({
      'flags/production.flagd.json': JSON.stringify(FLAGS),
      'src/flags.ts': `import { flag } from 'flags/next';\nexport const showBanner = flag({ key: 'show-banner', decide: () => false });\n`,
      'src/index.ts': `export * from './flags';\n`,
      'src/page.ts': `import { showBanner } from './index';\nexport async function Page(): Promise<string> {\n  if (await showBanner()) {\n    return 'banner';\n  }\n  return 'plain';\n}\n`,
      'src/header.ts': `import { showBanner } from './flags';\nexport const pending = showBanner();\n`,
    });
    session = await ServerSession.start({ folders: [root] });
    page = await session.open(path.join(root, 'src/page.ts'));
    header = await session.open(path.join(root, 'src/header.ts'));
  });

  after(async () => {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('hovers an awaited call with the flag\'s state and its references', async () => {
    const hover = await session.hover(page.uri, position(page.text, 'await show|Banner()')) as Hover | null;
    assert.ok(hover, 'a hover at the call');
    const markdown = (hover.contents as MarkupContent).value;
    assert.match(markdown, /\*\*show-banner\*\* — released: serves true in every environment · ready to remove/);
    assert.match(markdown, /3 references in 3 files/);
    assert.match(markdown, /found because `showBanner` is a flag function declared with flag\(\) \(imported from \.\/index\)/);
  });

  it('says the released flag may be removed at the awaited call, and offers to', async () => {
    const at = position(page.text, 'await show|Banner()');
    const diagnostics = (await session.diagnostics(page.uri)).filter((diagnostic) => diagnostic.range.start.line === at.line);
    assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, textAt(page.text, diagnostic.range)]), [['released-flag', 'showBanner']]);
    const actions = (await session.codeActions(page.uri, { start: at, end: at }, diagnostics) as CodeAction[])
      .filter((action) => action.title.startsWith('Remove flag'));
    assert.deepEqual(actions.map((action) => action.title), [
      "Remove flag 'show-banner' (serves true in every environment)",
      "Remove flag 'show-banner' (serves true in every environment) in all 3 files",
    ]);
  });

  it('hovers a call not awaited, which gives a promise', async () => {
    const at = position(header.text, 'show|Banner()');
    const hover = await session.hover(header.uri, at) as Hover | null;
    assert.ok(hover, 'a hover at the call');
    // The clean-up leaves this call (test/cli/vercel.test.ts); the hover says so, and why, as it does.
    const markdown = (hover.contents as MarkupContent).value;
    assert.doesNotMatch(markdown, /ready to remove/);
    assert.match(markdown, /not removable here: this check of 'show-banner' gives a promise of the flag's value \(not awaited here\), not the flag's value; left as it is/);
  });
});
