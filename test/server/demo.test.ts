// The language server on the demo workspace, as an editor sees it: hover, diagnostics, completion,
// quick fixes, edits, status and progress. Nothing here writes to disk; unsaved documents stand in.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ResponseError, type CodeAction, type Diagnostic, type Hover } from 'vscode-languageserver-protocol';
import { applyEdits, DEMO, messageOf, position, REPO_ROOT, ServerSession, textAt, uriOf, waitFor, type OpenDocument } from './harness';

const README_URL = pathToFileURL(path.join(REPO_ROOT, 'README.md')).href;

describe('the language server on the demo workspace', () => {
  let session: ServerSession;
  const open = (relative: string, text?: string): Promise<OpenDocument> => session.open(path.join(DEMO, relative), text);

  before(async () => {
    session = await ServerSession.start({ folders: [DEMO] });
  });

  after(async () => {
    await session.stop();
  });

  describe('hover', () => {
    it('shows a released flag in every environment, ready to remove', async () => {
      const document = await open('src/server/checkout.ts');
      const markdown = markdownOf(await session.hover(document.uri, position(document.text, 'getBooleanValue(FLAGS.NEW_|CHECKOUT')));
      assert.match(markdown, /^\*\*new-checkout\*\* — released: serves true in every environment · ready to remove/);
      assert.match(markdown, /New checkout flow · owner payments · created 2025-01-10/);
      assert.match(markdown, /\| production \| on \| on \(true\) to 100% \| none \|/);
      assert.match(markdown, /\| staging \| on \| on \(true\) to 100% \| none \|/);
      // The check in checkout.ts and the destructured `newCheckout` in App.tsx.
      assert.match(markdown, /2 references in 2 files/);
    });

    it('says what differs for a flag that is rolling out', async () => {
      const document = await open('src/web/App.tsx');
      const markdown = markdownOf(await session.hover(document.uri, position(document.text, "useBooleanFlagValue('dark-|mode'")));
      assert.match(markdown, /\*\*dark-mode\*\* — rolling out: production serves on to 30% \(fractional\), staging to 100%/);
      assert.doesNotMatch(markdown, /ready to remove/);
      assert.match(markdown, /\| production \| on \| on \(true\) 30% · off \(false\) 70% \|/);
    });

    it('covers the key the hover is about', async () => {
      const document = await open('src/web/App.tsx');
      const hover = await session.hover(document.uri, position(document.text, "useBoolean|FlagValue('dark-mode'"));
      assert.ok(hover?.range);
      assert.equal(textAt(document.text, hover.range), "'dark-mode'");
    });

    it('answers null away from flag checks', async () => {
      const document = await open('src/web/App.tsx');
      assert.equal(await session.hover(document.uri, position(document.text, 'export function A|pp()')), null);
    });
  });

  describe('diagnostics', () => {
    // File → every diagnostic as [code, the text it covers]; the message pattern applies to the first.
    const cases: Array<{ file: string; expected: Array<[string, string]>; message?: RegExp }> = [
      {
        file: 'src/server/emails.ts',
        expected: [['unknown-flag', "'new-chekout'"], ['dead-flag', "'holiday-promo'"]],
        message: /^'new-chekout' is not defined in any environment \(production, staging\)\. Did you mean 'new-checkout'\?$/,
      },
      {
        file: 'src/server/search.ts',
        expected: [['stale-flag', "'legacy-search'"]],
        message: /'legacy-search' is marked stale/,
      },
      {
        file: 'src/server/checkout.ts',
        expected: [['released-flag', 'FLAGS.FREE_SHIPPING_THRESHOLD'], ['released-flag', 'FLAGS.NEW_CHECKOUT']],
        message: /'free-shipping-threshold' serves 50 in every environment: remove the flag/,
      },
      {
        file: 'src/web/PromoBanner.tsx',
        expected: [['dead-flag', "'holiday-promo'"], ['archived-flag', "'old-banner'"], ['dead-flag', "'old-banner'"]],
        message: /'holiday-promo' is off in every environment/,
      },
      { file: 'src/web/App.tsx', expected: [['released-flag', 'newCheckout']] },
      { file: 'flags/production.flagd.json', expected: [] },
      { file: 'src/flags/keys.ts', expected: [] },
    ];

    for (const { file, expected, message } of cases) {
      it(`reports ${expected.map(([code]) => code).join(', ') || 'nothing'} in ${file}`, async () => {
        const document = await open(file);
        const diagnostics = await session.diagnostics(document.uri);
        assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.code, textAt(document.text, diagnostic.range)]), expected);
        if (message) assert.match(messageOf(diagnostics[0]), message);
        for (const diagnostic of diagnostics) checkDiagnosticShape(diagnostic);
      });
    }

    it('answers for a file the editor has not opened, from the disk', async () => {
      const diagnostics = await session.diagnostics(uriOf(path.join(DEMO, 'src/server/search.ts')));
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['stale-flag']);
    });

    it('re-scans a document when it is edited', async () => {
      const document = await open('src/server/draft.ts', "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mod', false);\n");
      assert.deepEqual((await session.diagnostics(document.uri)).map((diagnostic) => diagnostic.code), ['unknown-flag']);
      await session.change(document, "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('old-banner', false);\n");
      const diagnostics = await session.diagnostics(document.uri);
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['archived-flag', 'dead-flag']);
      assert.deepEqual(diagnostics.map((diagnostic) => (diagnostic.data as { version: number }).version), [2, 2]);
    });
  });

  describe('completion', () => {
    it('offers every defined key inside a key string, with its state in the detail', async () => {
      const document = await open('src/web/App.tsx');
      const items = await session.completion(document.uri, position(document.text, "useBooleanFlagValue('dark-|mode'"));
      assert.deepEqual(items.map((item) => item.label).sort(), [
        'checkout-button-color', 'dark-mode', 'free-shipping-threshold', 'holiday-promo',
        'legacy-search', 'new-checkout', 'old-banner', 'search-v2',
      ]);
      const byKey = new Map(items.map((item) => [item.label, item]));
      assert.equal(byKey.get('new-checkout')?.detail, 'released: serves true in every environment');
      assert.match(byKey.get('legacy-search')?.detail ?? '', /^stale · /);
      assert.match(byKey.get('old-banner')?.detail ?? '', /^archived · dead: /);
      assert.deepEqual(byKey.get('dark-mode')?.documentation, { kind: 'plaintext', value: 'Dark colour scheme for the storefront' });
      // The edit replaces the string's contents and keeps its quotes.
      const edit = byKey.get('search-v2')?.textEdit;
      assert.ok(edit && 'range' in edit);
      assert.equal(textAt(document.text, edit.range), 'dark-mode');
    });

    it('works in a string that is still being typed', async () => {
      const text = "import { useBooleanFlagValue } from '@openfeature/react-sdk';\nconst ready = useBooleanFlagValue('new-ch\nexport default ready;\n";
      const document = await open('src/web/Typing.tsx', text);
      const items = await session.completion(document.uri, position(text, "useBooleanFlagValue('new-ch|"));
      const item = items.find((candidate) => candidate.label === 'new-checkout');
      assert.ok(item?.textEdit && 'range' in item.textEdit, 'expected new-checkout with a text edit');
      assert.equal(applyEdits(text, [item.textEdit]), "import { useBooleanFlagValue } from '@openfeature/react-sdk';\nconst ready = useBooleanFlagValue('new-checkout\nexport default ready;\n");
    });

    it('offers nothing outside a key string', async () => {
      const document = await open('src/web/App.tsx');
      assert.deepEqual(await session.completion(document.uri, position(document.text, "useBooleanFlagValue('dark-mode', fa|lse)")), []);
    });
  });

  describe('code actions', () => {
    it("changes an unknown key to the closest defined one", async () => {
      const document = await open('src/server/emails.ts');
      const diagnostic = (await session.diagnostics(document.uri)).find((candidate) => candidate.code === 'unknown-flag');
      assert.ok(diagnostic);
      const actions = await session.codeActions(document.uri, diagnostic.range, [diagnostic]) as CodeAction[];
      assert.deepEqual(actions.map((action) => [action.title, action.kind, action.isPreferred]), [["Change to 'new-checkout'", 'quickfix', true]]);
      assert.deepEqual(actions[0].diagnostics, [diagnostic]);
      const edits = actions[0].edit?.changes?.[document.uri];
      assert.ok(edits);
      const fixed = applyEdits(document.text, edits);
      assert.match(fixed, /isFeatureOn\('new-checkout', false, context\)/);
      assert.equal(fixed.length, document.text.length + 1);
    });

    it('refuses a diagnostic computed on an older version of the text', async () => {
      const document = await open('src/server/typo.ts', "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mod', false);\n");
      const [diagnostic] = await session.diagnostics(document.uri);
      await session.change(document, "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mod', true);\n");
      assert.deepEqual(await session.codeActions(document.uri, diagnostic.range, [diagnostic]), []);
    });
  });

  describe('robustness', () => {
    it('answers null for a document that was never opened and does not exist', async () => {
      assert.equal(await session.hover(uriOf(path.join(DEMO, 'src/missing.ts')), { line: 0, character: 0 }), null);
    });

    it('answers a failing request with an error, logs it, and keeps serving', async () => {
      const document = await open('src/web/App.tsx');
      const malformed = session.connection.sendRequest('textDocument/hover', { textDocument: { uri: document.uri }, position: null });
      await assert.rejects(malformed, (error: unknown) => error instanceof ResponseError && /FlagLens could not answer textDocument\/hover/.test(error.message));
      await waitFor('the failure in the log', () => session.messages('window/logMessage')
        .find((message) => /textDocument\/hover failed/.test((message.params as { message: string }).message)));
      const hover: Hover | null = await session.hover(document.uri, position(document.text, "useBooleanFlagValue('dark-|mode'"));
      assert.match(markdownOf(hover), /dark-mode/);
      assert.ok(session.isRunning());
    });
  });

  describe('status and start-up', () => {
    it('sends the number of flags and where they come from', async () => {
      const status = await session.waitForMessage('flaglens/status');
      assert.deepEqual(status.params, {
        level: 'ok',
        text: '8 flags · flags/production.flagd.json, flags/staging.flagd.json',
        detail: 'demo: 8 flags from flags/production.flagd.json, flags/staging.flagd.json, read just now',
      });
    });

    it('reports indexing progress from begin to end, then asks for fresh diagnostics', async () => {
      await session.waitForMessage('workspace/diagnostic/refresh');
      const kinds = await waitFor('the end of the progress', () => {
        const values = session.messages('$/progress').map((message) => (message.params as { value: { kind: string } }).value.kind);
        return values.includes('end') ? values : undefined;
      });
      assert.equal(kinds[0], 'begin');
      assert.equal(kinds.at(-1), 'end');
      assert.equal(session.messages('window/workDoneProgress/create').length, 1);
    });

    it('asks the client to watch source files, flag files and .flaglens.json', async () => {
      const registration = await session.waitForMessage('client/registerCapability');
      const [{ method, registerOptions }] = (registration.params as { registrations: Array<{ method: string; registerOptions: { watchers: Array<{ globPattern: string }> } }> }).registrations;
      assert.equal(method, 'workspace/didChangeWatchedFiles');
      assert.deepEqual(registerOptions.watchers.map((watcher) => watcher.globPattern), ['**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}', '**/*.flagd.json', '**/.flaglens.json']);
    });
  });
});

function checkDiagnosticShape(diagnostic: Diagnostic): void {
  assert.equal(diagnostic.source, 'flaglens');
  assert.equal(diagnostic.codeDescription?.href, `${README_URL}#${diagnostic.code}`);
  assert.equal(typeof (diagnostic.data as { key?: unknown }).key, 'string');
}

function markdownOf(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}
