// What a person sees in a real VS Code (code-server in headless Chromium) with the FlagLens .vsix
// installed, on a copy of the demo workspace: the hover, the Problems list, the Flags view and the
// quick fix. Every step waits for something visible, with a deadline. Screenshots go to artifacts/e2e.
// Started by test/e2e/run.sh, which starts code-server and passes its URL.

import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { artifactPath, launchBrowser, setting, workbenchUrl } from './browser';

const DEADLINE_MS = 60_000;

describe('FlagLens in the browser', () => {
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    ({ context, page } = await launchBrowser('ui'));
    page.setDefaultTimeout(DEADLINE_MS);
    await page.goto(workbenchUrl(setting('FLAGLENS_E2E_UI_WORKSPACE')));
    await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible' });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ state: 'visible' });
  });

  after(async () => {
    await context?.close();
  });

  // What the page showed when a step failed is the quickest way to see why.
  afterEach(async (test) => {
    const failed = (test as unknown as { passed?: boolean }).passed === false;
    if (failed && page) await page.screenshot({ path: artifactPath(`failed-${test.name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
  });

  it('shows the rollout table when the mouse rests on a flag check', async () => {
    const editor = await openFile(page, 'checkout.ts', 'renderCheckout');
    // A squiggle is the visible sign that the extension is active and has answered.
    await editor.locator('.squiggly-info').first().waitFor({ state: 'visible' });
    // The flag's title, not just its key: the diagnostic's part of the hover, which names the key too, may come first.
    const hover = await hoverUntilShown(page, token(editor, 'NEW_CHECKOUT'), 'new-checkout — released');
    const text = await hover.innerText();
    assert.match(text, /new-checkout — released: serves true in every environment · ready to remove/);
    assert.match(text, /production\s+on\s+on \(true\) to 100%\s+none/);
    assert.match(text, /staging\s+on\s+on \(true\) to 100%\s+none/);
    await page.screenshot({ path: artifactPath('hover.png') });
  });

  it('lists the findings in Problems', async () => {
    await page.mouse.move(5, 5);
    const editor = await openFile(page, 'emails.ts', 'orderConfirmation');
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'visible' });
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    const unknown = problems.locator('.monaco-list-row', { hasText: "'new-chekout' is not defined in any environment" });
    await unknown.waitFor({ state: 'visible' });
    await problems.locator('.monaco-list-row', { hasText: "'new-checkout' serves true in every environment" }).first().waitFor({ state: 'visible' });
    await problems.locator('.monaco-list-row', { hasText: "'holiday-promo' is off in every environment" }).first().waitFor({ state: 'visible' });
    assert.match(await unknown.innerText(), /Did you mean 'new-checkout'\?/);
    await page.screenshot({ path: artifactPath('problems.png') });
  });

  it('groups the flags in the Flags view', async () => {
    await page.keyboard.press('Control+Shift+E');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Flags/ }) });
    const header = view.locator('.pane-header');
    await header.waitFor({ state: 'visible' });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // The folder tree above takes room the screenshot should give to the flags, and the descriptions want width.
    const folders = page.locator('.pane-header', { hasText: /^ui-workspace/i });
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await widenSideBar(page, 560);
    const rows = view.locator('.monaco-list-row');
    for (const group of ['Unknown keys', 'Stale or archived', 'Released: ready to remove', 'Dead: ready to remove', 'Rolling out']) {
      await rows.filter({ hasText: group }).waitFor({ state: 'visible' });
    }
    const released = rows.filter({ hasText: 'new-checkout' }).filter({ hasText: '2 references' });
    await released.click();
    await rows.filter({ hasText: 'App.tsx:7' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: artifactPath('flags-view.png') });
  });

  it('applies the did-you-mean fix from the light bulb menu', async () => {
    const editor = await openFile(page, 'emails.ts', 'orderConfirmation');
    // The fix comes with the diagnostic: asked for before the server has sent it (a loaded machine), the menu says there
    // is none and stays so. Wait for the squiggle, then ask again while the menu has not caught up.
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'visible' });
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: "Change to 'new-checkout'" });
    for (let attempt = 1; ; attempt++) {
      await token(editor, "'new-chekout'").click();
      await page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ state: 'visible', timeout: 15_000 });
        break;
      } catch (error) {
        if (attempt === 4) throw error;
        await page.keyboard.press('Escape');
      }
    }
    await page.screenshot({ path: artifactPath('quick-fix.png') });
    await fix.click();
    await editor.locator('.view-line', { hasText: "isFeatureOn('new-checkout', false, context)" }).waitFor({ state: 'visible' });
    assert.equal(await editor.locator('.view-line', { hasText: 'new-chekout' }).count(), 0);
  });
});

/** Open a workspace file through Quick Open and wait until its text shows; returns the editor. */
async function openFile(page: Page, name: string, textInFile: string): Promise<Locator> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  const editor = page.locator('.editor-instance .monaco-editor', { has: page.locator('.view-line', { hasText: textInFile }) });
  await editor.waitFor({ state: 'visible' });
  return editor;
}

/** The rendered token whose text is exactly `text`. */
function token(editor: Locator, text: string): Locator {
  return editor.locator('.view-line span span', { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).first();
}

/**
 * Rest the mouse on a token until a visible hover mentions `expected`. The hidden hover widget keeps
 * old text in the page, so only a visible one counts; moving away and back asks again.
 */
async function hoverUntilShown(page: Page, target: Locator, expected: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover:visible', { hasText: expected }).first();
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    await target.hover();
    try {
      await hover.waitFor({ state: 'visible', timeout: 5_000 });
      return hover;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.mouse.move(5, 5);
    }
  }
}

/** Drag the sash on the side bar's right edge until the side bar is `width` pixels wide. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const sideBar = await page.locator('.part.sidebar').boundingBox();
  assert.ok(sideBar, 'the side bar is shown');
  const edge = sideBar.x + sideBar.width;
  const sashes = await page.locator('.monaco-sash.vertical').evaluateAll((elements) =>
    elements.map((element) => element.getBoundingClientRect()).map((rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 })));
  const sash = sashes.sort((a, b) => Math.abs(a.x - edge) - Math.abs(b.x - edge))[0];
  assert.ok(sash && Math.abs(sash.x - edge) < 10, `a sash on the side bar's edge at x=${edge}`);
  await page.mouse.move(sash.x, sash.y);
  await page.mouse.down();
  await page.mouse.move(sideBar.x + width, sash.y, { steps: 5 });
  await page.mouse.up();
}
