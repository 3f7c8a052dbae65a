// A Vue single-file component over the protocol: hover and diagnostics on checks in its template and its script, at the
// component's own positions, and no removal offered in it (the clean-up does not rewrite components).

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { copyWorkspace, DEMO, position, ServerSession, textAt, type OpenDocument } from './harness';

const COMPONENT = `<template>
  <section>
    <NewCheckout v-if="client.getBooleanValue('new-checkout', false)" />
    <p>{{ onCheckout ? 'new' : 'old' }}</p>
  </section>
</template>

<script setup lang="ts">
import { OpenFeature } from '@openfeature/web-sdk';
const client = OpenFeature.getClient();
const onCheckout = client.getBooleanValue('new-checkout', false);
</script>
`;

function markdownOf(hover: Hover | null): string {
  const contents = hover?.contents;
  return contents !== undefined && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}

describe('a Vue component in the editor', () => {
  let session: ServerSession;
  let root: string;
  let document: OpenDocument;

  before(async () => {
    root = copyWorkspace(DEMO);
    const file = path.join(root, 'src/web/Checkout.vue');
    fs.writeFileSync(file, COMPONENT);
    session = await ServerSession.start({ folders: [root] });
    document = await session.open(file);
  });

  after(async () => {
    await session.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('hovers the checks in its template and its script', async () => {
    for (const marked of ["v-if=\"client.getBooleanValue('new-|checkout'", "onCheckout = client.getBooleanValue('new-|checkout'"]) {
      assert.match(markdownOf(await session.hover(document.uri, position(document.text, marked))), /new-checkout/, marked);
    }
    assert.equal(await session.hover(document.uri, position(document.text, '<sec|tion>')), null);
  });

  it('marks both checks of the released flag, at the component\'s own ranges', async () => {
    const released = (await session.diagnostics(document.uri)).filter((diagnostic) => diagnostic.code === 'released-flag');
    assert.deepEqual(released.map((diagnostic) => [diagnostic.range.start.line, textAt(document.text, diagnostic.range)]), [
      [2, "'new-checkout'"],
      [10, "'new-checkout'"],
    ]);
  });

  it('offers no removal in it', async () => {
    const released = (await session.diagnostics(document.uri)).filter((diagnostic) => diagnostic.code === 'released-flag');
    const actions = await session.codeActions(document.uri, released[0].range, released) as CodeAction[];
    assert.deepEqual(actions.filter((action) => action.title.startsWith('Remove flag')), []);
  });
});
