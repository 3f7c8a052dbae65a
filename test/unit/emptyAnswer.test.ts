// A flag service that suddenly answers no flags: believed only when it says so twice in a row. Until
// then the last good flags (of this run, or cached from an earlier one) stay, with a warning.

import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CachedBackend, DefinitionCache } from '../../server/src/backends/cache';
import type { HttpFailure } from '../../server/src/backends/http';
import { ServiceSync, type ServiceRead } from '../../server/src/backends/serviceSync';
import type { BackendLoad, FlagBackend } from '../../server/src/backends/types';
import { definition } from './catalog-builders';

const LABEL = 'Unleash (https://unleash.example.com)';
const folder = mkdtempSync(path.join(tmpdir(), 'flaglens-empty-answer-'));
after(() => rmSync(folder, { recursive: true, force: true }));

/** One answer of the service: its flag keys, or a failure. */
type Answer = string[] | 'down';

/** What one load gave: the keys in use and whether it warned of an empty answer held back. */
interface Outcome {
  keys: string[];
  held: boolean;
}

/** A service backend over a ServiceSync, answering `answers` one load after another (the clock ticks a second each). */
function scriptedService(answers: Answer[]): FlagBackend {
  let clock = 1_000_000;
  const sync = new ServiceSync(LABEL, () => (clock += 1000), ['production']);
  const queue = [...answers];
  return {
    label: LABEL,
    load: () => sync.load(async (): Promise<ServiceRead | { failure: HttpFailure }> => {
      const answer = queue.shift();
      if (answer === undefined) throw new Error('more loads than answers');
      if (answer === 'down') return { failure: { kind: 'unreachable', message: 'could not connect' } };
      return { definitions: answer.map((key) => definition(key)), environments: ['production'] };
    }, () => 'set a token'),
    watchedFiles: () => [],
  };
}

async function outcomesOf(backend: FlagBackend, count: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let index = 0; index < count; index++) {
    const load: BackendLoad = await backend.load();
    outcomes.push({ keys: load.definitions.map((item) => item.key), held: /answered no flags where it had/.test(load.message ?? '') });
  }
  return outcomes;
}

const AB = ['a', 'b'];
const kept = (keys: string[]): Outcome => ({ keys, held: true });
const taken = (keys: string[]): Outcome => ({ keys, held: false });

interface Row {
  name: string;
  answers: Answer[];
  expected: Outcome[];
}

const ROWS: Row[] = [
  { name: 'one empty answer after flags keeps them, with a warning', answers: [AB, []], expected: [taken(AB), kept(AB)] },
  { name: 'a second empty answer in a row is believed', answers: [AB, [], [], []], expected: [taken(AB), kept(AB), taken([]), taken([])] },
  { name: 'flags in between start the count again', answers: [AB, [], ['c'], []], expected: [taken(AB), kept(AB), taken(['c']), kept(['c'])] },
  { name: 'an empty first answer with nothing before is believed', answers: [[]], expected: [taken([])] },
  { name: 'a failure in between does not count as an answer', answers: [AB, 'down', [], []], expected: [taken(AB), taken(AB), kept(AB), taken([])] },
];

describe('a service that answers no flags (ServiceSync)', () => {
  for (const row of ROWS) {
    it(row.name, async () => {
      assert.deepEqual(await outcomesOf(scriptedService(row.answers), row.answers.length), row.expected);
    });
  }

  it('says which service and how many flags it keeps', async () => {
    const backend = scriptedService([AB, []]);
    await backend.load();
    const held = await backend.load();
    assert.equal(held.ok, true);
    assert.equal(held.message, `${LABEL}: answered no flags where it had 2 flags; the 2 flags stay in use until it answers none a second time in a row`);
  });
});

describe('an empty answer against the cache of an earlier run (CachedBackend)', () => {
  const CACHE_ROWS: Array<Row & { cacheAfter: string[] }> = [
    { name: 'the first answer of a run, empty, keeps the cached flags and the cache', answers: [[]], expected: [kept(['cached'])], cacheAfter: ['cached'] },
    { name: 'two empty answers replace them, in the editor and in the cache', answers: [[], []], expected: [kept(['cached']), taken([])], cacheAfter: [] },
    { name: 'an empty answer after flags of this run is held once, not twice', answers: [AB, [], []], expected: [taken(AB), kept(AB), taken([])], cacheAfter: [] },
    { name: 'flags after one empty answer are taken', answers: [[], AB, []], expected: [kept(['cached']), taken(AB), kept(AB)], cacheAfter: AB },
  ];
  for (const row of CACHE_ROWS) {
    it(row.name, async () => {
      const file = path.join(folder, `${row.name.replace(/\W+/g, '-')}.json`);
      await new DefinitionCache(file).set('k', { definitions: [definition('cached')], environments: ['production'], syncedAt: 1 });
      const backend = new CachedBackend(scriptedService(row.answers), new DefinitionCache(file), 'k');
      assert.deepEqual(await outcomesOf(backend, row.answers.length), row.expected);
      const written = JSON.parse(readFileSync(file, 'utf8')) as { entries: Record<string, { definitions: Array<{ key: string }> }> };
      assert.deepEqual(written.entries.k.definitions.map((item) => item.key), row.cacheAfter);
    });
  }
});
