// The remove-flag code action over the protocol, on the demo workspace: offered on a released flag and
// not on a rolling-out one, resolved to an edit for this file or for all files, refused when stale.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionResolveRequest, ExecuteCommandRequest, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, type CodeAction, type Range, type ShowMessageParams } from 'vscode-languageserver-protocol';
import { applyEdits, DEMO, position, ServerSession, textAt, uriOf, type OpenDocument } from './harness';

describe('the remove-flag code action', () => {
  let session: ServerSession;
  const open = (relative: string, text?: string): Promise<OpenDocument> => session.open(path.join(DEMO, relative), text);
  const actionsAt = async (document: OpenDocument, marked: string): Promise<CodeAction[]> => {
    const at = position(document.text, marked);
    const range: Range = { start: at, end: at };
    const actions = await session.codeActions(document.uri, range, []) as CodeAction[];
    return actions.filter((action) => action.title.startsWith('Remove flag'));
  };
  const resolve = (action: CodeAction): Promise<CodeAction> => session.connection.sendRequest(CodeActionResolveRequest.type, action);

  before(async () => {
    session = await ServerSession.start({ folders: [DEMO] });
  });

  after(async () => {
    await session.stop();
  });

  it('is offered on a released flag, for this file and for all its files', async () => {
    const document = await open('src/server/checkout.ts');
    const actions = await actionsAt(document, 'getBooleanValue(FLAGS.NEW_|CHECKOUT');
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [
      ["Remove flag 'new-checkout' (serves true in every environment)", 'refactor.rewrite'],
      ["Remove flag 'new-checkout' (serves true in every environment) in all 2 files", 'refactor.rewrite'],
    ]);
    assert.deepEqual(actions[0].data, { kind: 'flaglens.removeFlag', uri: document.uri, version: 1, key: 'new-checkout', scope: 'file' });
  });

  it('is the quick fix of the released-flag diagnostic it is asked about', async () => {
    const document = await open('src/server/checkout.ts');
    const released = (await session.diagnostics(document.uri)).filter((diagnostic) => diagnostic.code === 'released-flag'
      && textAt(document.text, diagnostic.range) === 'FLAGS.NEW_CHECKOUT');
    assert.equal(released.length, 1);
    const actions = (await session.codeActions(document.uri, released[0].range, released) as CodeAction[])
      .filter((action) => action.title.startsWith('Remove flag'));
    assert.deepEqual(actions.map((action) => [action.kind, action.isPreferred === true, action.diagnostics?.length]), [
      ['quickfix', true, 1],
      ['quickfix', false, 1],
    ]);
  });

  it('is not offered on a flag that is rolling out', async () => {
    const document = await open('src/web/App.tsx');
    assert.deepEqual(await actionsAt(document, "useBooleanFlagValue('dark-|mode'"), []);
  });

  it('resolves to an edit of this file that removes the flag and its dead branch', async () => {
    const document = await open('src/server/checkout.ts');
    const [thisFile] = await actionsAt(document, 'getBooleanValue(FLAGS.NEW_|CHECKOUT');
    const resolved = await resolve(thisFile);
    const edits = resolved.edit?.changes?.[document.uri];
    assert.ok(edits !== undefined && edits.length > 0);
    const after = applyEdits(document.text, edits);
    assert.doesNotMatch(after, /NEW_CHECKOUT|template: 'checkout',/);
    assert.match(after, /\n {2}return \{ template: 'checkout-v2', freeShipping \};\n\}\n$/);
    assert.deepEqual(Object.keys(resolved.edit?.changes ?? {}), [document.uri]);
  });

  it('resolves "in all files" to one workspace edit, the key constant included', async () => {
    const document = await open('src/server/checkout.ts');
    const [, allFiles] = await actionsAt(document, 'getBooleanValue(FLAGS.NEW_|CHECKOUT');
    const resolved = await resolve(allFiles);
    const changed = Object.keys(resolved.edit?.changes ?? {}).sort();
    assert.deepEqual(changed, ['src/flags/keys.ts', 'src/server/checkout.ts', 'src/web/App.tsx'].map((file) => uriOf(path.join(DEMO, file))).sort());
  });

  it('carries a command that shows, once the edit is applied, what the removal left unused', async () => {
    const original = await open('src/server/checkout.ts');
    const text = original.text
      .replace("  return { template: 'checkout', freeShipping };", '  return oldPage(freeShipping);')
      .concat("\nfunction oldPage(freeShipping: boolean): CheckoutPage {\n  return { template: 'checkout', freeShipping };\n}\n");
    await session.change(original, text);
    const [thisFile] = await actionsAt(original, 'getBooleanValue(FLAGS.NEW_|CHECKOUT');
    const resolved = await resolve(thisFile);
    assert.equal(resolved.command?.command, 'flaglens.showRemovalSummary');
    await session.connection.sendRequest(ExecuteCommandRequest.type, { command: resolved.command.command, arguments: resolved.command.arguments });
    const shown = await session.waitForMessage(ShowMessageNotification.method, (params) => (params as ShowMessageParams).message.includes('oldPage'));
    const params = shown.params as ShowMessageParams;
    assert.equal(params.type, MessageType.Info);
    assert.match(params.message, /^Removed 'new-checkout'\. Now unused, not deleted: function 'oldPage' \(src\/server\/checkout\.ts:\d+\); delete them if nothing else needs them\.$/);
  });

  it('carries no command when nothing is left to decide', async () => {
    const document = await open('src/server/checkout.ts');
    const [thisFile] = await actionsAt(document, 'getBooleanValue(FLAGS.NEW_|CHECKOUT');
    assert.equal((await resolve(thisFile)).command, undefined);
  });

  it('is offered on a flag that serves the code default through a negating wrapper without a default', async () => {
    const document = await open('src/server/emails.ts');
    const [thisFile] = await actionsAt(document, "isFlagDisabled('holiday-|promo'");
    assert.ok(thisFile !== undefined);
    const resolved = await resolve(thisFile);
    const after = applyEdits(document.text, resolved.edit?.changes?.[document.uri] ?? []);
    // Off everywhere, the wrapper answers true, so the promotion's section is never added.
    assert.doesNotMatch(after, /holiday-promo/);
    assert.match(after, /import \{ isFeatureOn \} from '\.\.\/flags';/);
  });

  it('refuses to resolve an action offered for an older version of the file', async () => {
    const document = await open('src/web/App.tsx');
    const [action] = await actionsAt(document, 'const { new|Checkout }');
    assert.ok(action !== undefined);
    await session.change(document, `${document.text}\n// edited\n`);
    await assert.rejects(resolve(action), (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified);
  });
});
