// The Flags view's request (`flaglens/flags`) on the demo workspace: every flag with its state, stages
// and checks, the report's counts for the header, open documents counted as edited, and the
// notification that tells the view to ask again.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FlagListRequest, FlagsChangedNotification, type FlagListFolder, type FlagListItem } from '../../server/src/protocol';
import { DEMO, ServerSession, textAt, uriOf } from './harness';

describe('the flag list on the demo workspace', () => {
  let session: ServerSession;
  const flagsNow = async (): Promise<FlagListItem[]> => {
    const folders: FlagListFolder[] = await session.connection.sendRequest(FlagListRequest);
    assert.equal(folders.length, 1);
    return folders[0].flags;
  };
  const flag = (flags: FlagListItem[], key: string): FlagListItem => {
    const found = flags.find((candidate) => candidate.key === key);
    assert.ok(found, `no flag '${key}' in ${flags.map((candidate) => candidate.key).join(', ')}`);
    return found;
  };

  before(async () => {
    session = await ServerSession.start({ folders: [DEMO] });
  });

  after(async () => {
    await session.stop();
  });

  it('lists every flag with its state, marks and summary', async () => {
    const flags = await flagsNow();
    const rows = flags.map((item) => [item.key, item.state, item.stale, item.archived, item.references.length]);
    assert.deepEqual(rows, [
      ['checkout-button-color', 'rolling-out', false, false, 1],
      ['dark-mode', 'rolling-out', false, false, 1],
      ['free-shipping-threshold', 'released', false, false, 1],
      ['holiday-promo', 'dead', false, false, 2],
      ['legacy-search', 'rolling-out', true, false, 1],
      ['new-checkout', 'released', false, false, 2],
      ['new-chekout', 'unknown', false, false, 1],
      ['old-banner', 'dead', false, true, 1],
      ['search-v2', 'rolling-out', false, false, 1],
    ]);
    assert.equal(flag(flags, 'new-checkout').summary, 'serves true in every environment');
    assert.equal(flag(flags, 'new-chekout').summary, 'not defined in any environment');
  });

  it("gives a rolling-out flag's stages, and the counts of flaglens report", async () => {
    const folders: FlagListFolder[] = await session.connection.sendRequest(FlagListRequest);
    const flags = folders[0].flags;
    assert.match(flag(flags, 'dark-mode').stages ?? '', /^production: 30% for \d+ days · staging: everyone for \d+ days$/);
    assert.match(flag(flags, 'search-v2').stages ?? '', /^production: targeted for \d+ days · staging: 50% for \d+ days$/);
    // A released flag is everyone everywhere: its group says so.
    assert.equal(flag(flags, 'new-checkout').stages, undefined);
    assert.deepEqual(folders[0].counts, { states: '4 rolling out · 2 released · 2 dead · 1 unknown', types: '8 release' });
  });

  it('points each reference at the key as written', async () => {
    const flags = await flagsNow();
    const written = (key: string): string[] => flag(flags, key).references.map((reference) => {
      const file = new URL(reference.uri).pathname;
      return `${path.relative(DEMO, file)} ${textAt(fs.readFileSync(file, 'utf8'), reference.range)}`;
    });
    assert.deepEqual(written('new-checkout'), ['src/server/checkout.ts FLAGS.NEW_CHECKOUT', 'src/web/App.tsx newCheckout']);
    assert.deepEqual(written('new-chekout'), ["src/server/emails.ts 'new-chekout'"]);
  });

  it('counts the text of an open document, and tells the client when the flags change', async () => {
    const file = path.join(DEMO, 'src/server/emails.ts');
    const edited = fs.readFileSync(file, 'utf8').replace("'new-chekout'", "'new-checkout'");
    await session.open(file, edited);
    const flags = await flagsNow();
    assert.equal(flags.some((item) => item.key === 'new-chekout'), false);
    assert.deepEqual(flag(flags, 'new-checkout').references.map((reference) => reference.uri).sort(), [
      uriOf(path.join(DEMO, 'src/server/checkout.ts')),
      uriOf(file),
      uriOf(path.join(DEMO, 'src/web/App.tsx')),
    ]);
    // Sent whenever the definitions load, which happens once at start.
    await session.waitForMessage(FlagsChangedNotification.method);
  });
});
