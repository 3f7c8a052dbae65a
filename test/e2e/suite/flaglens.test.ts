// FlagLens inside a real VS Code extension host, on a copy of the demo workspace: what the editor's own
// commands get from the extension (hover, diagnostics, completion, code actions) and the Flags view.
/// <reference types="mocha" />

import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FlagsViewSnapshot } from '../../../client/src/flagsView';
import { EXTENSION_ID, folderUri, markdownText, positionOf, show, waitFor } from './editor';

suite('FlagLens in VS Code', () => {
  suiteSetup(async () => {
    // Opening a TypeScript file is what activates the extension.
    await show('src/server/emails.ts');
    await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive || undefined);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the hover shows the rollout in every environment', async () => {
    const document = await show('src/server/checkout.ts');
    const markdown = await waitFor('a hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, 'FLAGS.NEW_|CHECKOUT'));
      const text = hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n');
      return text.includes('new-checkout') ? text : undefined;
    });
    assert.match(markdown, /new-checkout\*\* — released: serves true in every environment · ready to remove/);
    assert.match(markdown, /\| environment \| state \| serves \| rules \| last change \|/);
    assert.match(markdown, /\| production \| on \| on \(true\) to 100% \| none \|/);
    assert.match(markdown, /\| staging \| on \| on \(true\) to 100% \| none \|/);
  });

  // File → every FlagLens diagnostic as [code, the text it covers], in document order.
  const diagnosticCases: Array<{ file: string; expected: Array<[string, string]> }> = [
    { file: 'src/server/emails.ts', expected: [['unknown-flag', "'new-chekout'"], ['dead-flag', "'holiday-promo'"]] },
    { file: 'src/server/search.ts', expected: [['stale-flag', "'legacy-search'"]] },
    { file: 'src/server/checkout.ts', expected: [['released-flag', 'FLAGS.FREE_SHIPPING_THRESHOLD'], ['released-flag', 'FLAGS.NEW_CHECKOUT']] },
    { file: 'src/web/PromoBanner.tsx', expected: [['dead-flag', "'holiday-promo'"], ['archived-flag', "'old-banner'"], ['dead-flag', "'old-banner'"]] },
  ];
  for (const { file, expected } of diagnosticCases) {
    test(`diagnostics of ${file}: ${expected.map(([code]) => code).join(', ')}`, async () => {
      const document = await show(file);
      const described = (): Array<[string, string]> => flagLensDiagnostics(document.uri)
        .map((diagnostic): [string, string] => [codeOf(diagnostic), document.getText(diagnostic.range)]);
      await waitFor(`the diagnostics of ${file}`, () => (described().length === expected.length ? true : undefined)).catch(() => undefined);
      assert.deepEqual(described(), expected);
    });
  }

  test('the unknown key says what it may have meant, as a warning', async () => {
    const document = await show('src/server/emails.ts');
    const unknown = await waitFor('the unknown-flag diagnostic', () => flagLensDiagnostics(document.uri).find((diagnostic) => codeOf(diagnostic) === 'unknown-flag'));
    assert.equal(unknown.message, "'new-chekout' is not defined in any environment (production, staging). Did you mean 'new-checkout'?");
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('completion inside a key offers the defined keys', async () => {
    const document = await show('src/web/App.tsx');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, "useBooleanFlagValue('dark-|mode'"));
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const key of ['dark-mode', 'new-checkout', 'legacy-search', 'search-v2']) assert.ok(labels.includes(key), `${key} in ${labels.join(', ')}`);
  });

  test('the Flags view groups the flags by what to do about them', async () => {
    const snapshot = await vscode.commands.executeCommand<FlagsViewSnapshot[]>('flaglens.flags.snapshot');
    const groups = snapshot.map((group) => [group.label, group.children.map((flag) => flag.label)]);
    assert.deepEqual(groups, [
      ['Unknown keys', ['new-chekout']],
      ['Stale or archived', ['legacy-search', 'old-banner']],
      ['Released: ready to remove', ['free-shipping-threshold', 'new-checkout']],
      ['Dead: ready to remove', ['holiday-promo']],
      ['Rolling out', ['checkout-button-color', 'dark-mode', 'search-v2']],
    ]);
    const newCheckout = snapshot[2].children.find((flag) => flag.label === 'new-checkout');
    // The line stays short for the side bar; what the flag serves is in the tooltip.
    assert.equal(newCheckout?.description, '2 references');
    assert.equal(newCheckout?.tooltip, '**new-checkout**\n\nserves true in every environment\n\n2 references in 2 files');
    const legacySearch = snapshot[1].children.find((flag) => flag.label === 'legacy-search');
    // A rolling-out flag's line says where the rollout stands.
    assert.equal(legacySearch?.description, 'stale · production: everyone · staging: off · 1 reference');
    const darkMode = snapshot[4].children.find((flag) => flag.label === 'dark-mode');
    assert.match(darkMode?.description ?? '', /^production: 30% for \d+ days · staging: everyone for \d+ days · 1 reference$/);
    assert.deepEqual(newCheckout?.children.map((reference) => `${reference.label} ${reference.description ?? ''}`), ['checkout.ts:22 src/server', 'App.tsx:7 src/web']);
  });

  test('the removal code action rewrites the check of a released flag', async () => {
    const document = await show('src/server/checkout.ts');
    const actions = await waitFor('the removal actions', async () => {
      const offered = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, rangeOf(document, 'FLAGS.NEW_CHECKOUT'), undefined, 10);
      return offered.some((action) => action.title.startsWith("Remove flag 'new-checkout'")) ? offered : undefined;
    });
    const removals = actions.filter((action) => action.title.startsWith('Remove flag'));
    assert.deepEqual(removals.map((action) => action.title), [
      "Remove flag 'new-checkout' (serves true in every environment)",
      "Remove flag 'new-checkout' (serves true in every environment) in all 2 files",
    ]);
    assert.ok(removals[0].edit, 'the action is resolved with its edit');
    assert.equal(await vscode.workspace.applyEdit(removals[0].edit), true);
    assert.doesNotMatch(document.getText(), /NEW_CHECKOUT/);
    assert.match(document.getText(), /template: 'checkout-v2'/);
    await revertAll();
  });

  test("the Flags view's Remove Flag from Code removes it from every file", async () => {
    await vscode.commands.executeCommand('flaglens.flags.remove', 'new-checkout');
    const changed = vscode.workspace.textDocuments.filter((document) => document.isDirty).map((document) => vscode.workspace.asRelativePath(document.uri)).sort();
    // The two checks, and the constant that only they used.
    assert.deepEqual(changed, ['src/flags/keys.ts', 'src/server/checkout.ts', 'src/web/App.tsx']);
    const checkout = await vscode.workspace.openTextDocument(folderUri('src/server/checkout.ts'));
    assert.doesNotMatch(checkout.getText(), /NEW_CHECKOUT/);
    await revertAll();
  });

  test('the did-you-mean quick fix rewrites the key', async () => {
    const document = await show('src/server/emails.ts');
    const keyRange = rangeOf(document, "'new-chekout'");
    const fix = await waitFor('the quick fix', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, keyRange);
      return actions.find((action) => action.title === "Change to 'new-checkout'");
    });
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(fix.edit, 'the fix carries an edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(document.getText(), /isFeatureOn\('new-checkout', false, context\)/);
    await waitFor('the unknown-flag diagnostic to go', () =>
      flagLensDiagnostics(document.uri).some((diagnostic) => codeOf(diagnostic) === 'unknown-flag') ? undefined : true);
    await revertAll();
  });
});

/** Undo every unsaved change, so each test starts from the files on disk. */
async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((candidate) => candidate.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}

function rangeOf(document: vscode.TextDocument, text: string): vscode.Range {
  const start = document.getText().indexOf(text);
  assert.ok(start >= 0, `${text} is in ${document.uri.path}`);
  return new vscode.Range(document.positionAt(start), document.positionAt(start + text.length));
}

function flagLensDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'flaglens')
    .sort((a, b) => a.range.start.compareTo(b.range.start) || codeOf(a).localeCompare(codeOf(b)));
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}
