// The bundled language server against the real Unleash that run.sh started and seeded: a workspace
// whose .flaglens.json points at it, the token in FLAGLENS_UNLEASH_TOKEN (the server reads the
// variable because this client, like editors other than VS Code, keeps no tokens), and the hover and
// diagnostics a person would see. Run through `bash test/backends/unleash/run.sh`.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeWorkspace, position, ServerSession, type OpenDocument } from '../server/harness';

const baseUrl = process.env.UNLEASH_URL ?? '';
const token = process.env.UNLEASH_TOKEN ?? '';

const APP = `import { unleash } from './unleash';

export const checkout = unleash.isEnabled('new-checkout');
export const theme = unleash.isEnabled('dark-mode');
export const search = unleash.isEnabled('legacy-search');
export const banner = unleash.isEnabled('old-banner');
export const holiday = unleash.isEnabled('holiday-theme');
export const button = unleash.getVariant('button-color');
export const searchV2 = unleash.isEnabled('search-v2');
`;

describe('the language server against a real Unleash server', () => {
  let session: ServerSession;
  let workspace: string;
  let app: OpenDocument;

  before(async () => {
    assert.ok(baseUrl && token, 'UNLEASH_URL and UNLEASH_TOKEN are not set: run bash test/backends/unleash/run.sh');
    workspace = makeWorkspace({
      '.flaglens.json': JSON.stringify({ backends: [{ type: 'unleash', url: baseUrl, tokenEnv: 'FLAGLENS_UNLEASH_TOKEN' }] }),
      'src/app.ts': APP,
      // Checks count where the receiver comes from the SDK.
      'src/unleash.ts': "import { initialize } from 'unleash-client';\nexport const unleash = initialize({ url: 'http://unleash', appName: 'app' });\n",
    });
    session = await ServerSession.start({ folders: [workspace], initializationOptions: { trusted: true }, env: { FLAGLENS_UNLEASH_TOKEN: token, FLAGLENS_UNLEASH_URL: baseUrl } });
    await session.waitForMessage('flaglens/status', (params) => (params as { text: string }).text.startsWith('7 flags'));
    app = await session.open(path.join(workspace, 'src/app.ts'));
  });
  after(async () => {
    await session?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("the hover shows both environments' real state", async () => {
    const hover = await session.hover(app.uri, position(APP, "isEnabled('new-|checkout')"));
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /\*\*new-checkout\*\* — rolling out: development serves on to 30% \(fractional\), production to 100%/);
    assert.match(text, /\| development \| on \| on \(true\) 30% · off \(false\) 70% \| none \| /);
    assert.match(text, /\| production \| on \| on \(true\) to 100% \| none \| /);
    assert.match(text, /from Unleash \(http:\/\/127\.0\.0\.1:\d+\) · synced just now/);
    assert.ok(!text.includes(token), 'the token is in the hover');
  });

  it('the hover shows the release stage of a 25% flexibleRollout', async () => {
    const hover = await session.hover(app.uri, position(APP, "isEnabled('search-|v2')"));
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /\ndevelopment: off · production: 25% *\n/);
  });

  it('diagnostics say which flags are released, stale and archived, and leave a kill switch alone', async () => {
    const diagnostics = await session.diagnostics(app.uri);
    const codesByKey = new Map<string, string[]>();
    for (const diagnostic of diagnostics) {
      const line = app.text.split('\n')[diagnostic.range.start.line];
      const key = /'([^']+)'/.exec(line)?.[1] ?? '?';
      codesByKey.set(key, [...(codesByKey.get(key) ?? []), String(diagnostic.code)]);
    }
    const expected: Array<[string, string]> = [
      ['dark-mode', 'released-flag'],
      ['holiday-theme', 'stale-flag'],
      ['old-banner', 'archived-flag'],
    ];
    for (const [key, code] of expected) assert.ok(codesByKey.get(key)?.includes(code), `${key} should have ${code}; got ${JSON.stringify([...codesByKey])}`);
    assert.equal(codesByKey.get('new-checkout'), undefined, 'a rolling-out flag has no finding');
    // Off everywhere, but its Unleash type is kill-switch: permanent, so never offered for removal.
    assert.equal(codesByKey.get('legacy-search'), undefined, 'a kill switch that is off has no finding');
    assert.ok(!diagnostics.some((diagnostic) => diagnostic.code === 'unknown-flag'), 'every seeded flag is known');
  });
});
