// The remove-flag code action over the protocol, on the demo workspace: offered on a released flag and
// not on a rolling-out one, resolved to an edit for this file or for all files, refused when stale.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionResolveRequest, LSPErrorCodes, ResponseError, type CodeAction, type Range } from 'vscode-languageserver-protocol';
import { applyEdits, DEMO, position, ServerSession, uriOf, type OpenDocument } from './harness';

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

  it('refuses to resolve an action offered for an older version of the file', async () => {
    const document = await open('src/web/App.tsx');
    const [action] = await actionsAt(document, 'const { new|Checkout }');
    assert.ok(action !== undefined);
    await session.change(document, `${document.text}\n// edited\n`);
    await assert.rejects(resolve(action), (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified);
  });
});
