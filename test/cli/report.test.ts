// `flaglens report` as a user runs it, on a git repository the test builds with two commits: the debt
// now, and with --since what the second commit changed (a new check of a stale flag, a new flag without
// an owner, a flag cleaned up); the markdown is empty when nothing changed. And the age of a flag without a
// creation date, from the commit that first added its key.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { scanFolder } from '../../server/src/cli/scan';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'server/out/cli.js');
const HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-report-home-'));

const flag = (metadata: object, on = true) => ({ state: on ? 'ENABLED' : 'DISABLED', variants: { on: true, off: false }, defaultVariant: 'on', metadata });
const flagFile = (flags: object) => JSON.stringify({ flags }, null, 2);
const check = (key: string) => `if (client.getBooleanValue('${key}', false)) {\n  console.log('${key}');\n}\n`;
const HEADER = "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\n";

function flaglens(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: HOME, FLAGLENS_CODE_CACHE: 'off', NO_COLOR: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), text);
  }
}

function commit(root: string, message: string, authorDate?: string): void {
  const env = authorDate === undefined ? process.env : { ...process.env, GIT_AUTHOR_DATE: authorDate };
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: root, stdio: 'ignore', env });
  git('add', '-A');
  git('commit', '-q', '-m', message);
}

describe('flaglens report', () => {
  let root: string;

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-report-')));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
    write(root, {
      '.flaglens.json': JSON.stringify({ policy: { naming: { casing: 'kebab' } } }),
      'flags/production.flagd.json': flagFile({
        'old-banner': flag({ owner: 'web', createdAt: '2024-01-01' }),
        'legacy-search': { ...flag({ owner: 'search', createdAt: '2025-01-01', stale: true }), targeting: { fractional: [['on', 50], ['off', 50]] } },
      }),
      'src/app.ts': HEADER + check('old-banner') + check('legacy-search'),
    });
    commit(root, 'first');
    write(root, {
      'flags/production.flagd.json': flagFile({
        'old-banner': flag({ owner: 'web', createdAt: '2024-01-01' }),
        'legacy-search': { ...flag({ owner: 'search', createdAt: '2025-01-01', stale: true }), targeting: { fractional: [['on', 50], ['off', 50]] } },
        NewThing: { ...flag({ createdAt: '2026-01-01' }), targeting: { fractional: [['on', 10], ['off', 90]] } },
      }),
      'src/app.ts': HEADER + check('legacy-search'),
      'src/more.ts': HEADER + check('legacy-search') + check('NewThing'),
    });
    commit(root, 'second');
    // A flag released since the second commit, still checked: ready to remove.
    write(root, { 'src/banner.ts': HEADER + check('old-banner') });
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(HOME, { recursive: true, force: true });
  });

  it('gives the debt now as JSON: counts, removable flags with the lines a clean-up deletes, naming', () => {
    const run = flaglens(['report', '.', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stderr);
    const debt = JSON.parse(run.stdout) as { counts: { byState: object; byType: object; byStage: object }; readyToRemove: unknown[]; namingViolations: Array<{ key: string; where: string }>; oldestTemporary: Array<{ key: string }> };
    assert.deepEqual(debt.counts.byState, { 'rolling-out': 2, released: 1 });
    assert.deepEqual(debt.counts.byType, { release: 3 });
    assert.deepEqual(debt.counts.byStage, { production: { partial: 2, everyone: 1 } });
    assert.deepEqual(debt.readyToRemove, [{ key: 'old-banner', summary: 'serves true in every environment', references: 1, linesDeleted: 2 }]);
    assert.deepEqual(debt.oldestTemporary.map((item) => item.key), ['old-banner', 'legacy-search', 'NewThing']);
    const flagFileLine = fs.readFileSync(path.join(root, 'flags/production.flagd.json'), 'utf8').split('\n').findIndex((line) => line.includes('"NewThing"')) + 1;
    assert.deepEqual(debt.namingViolations.map((item) => [item.key, item.where]), [['NewThing', `flags/production.flagd.json:${flagFileLine}`], ['NewThing', 'src/more.ts:6']]);
  });

  it('gives the debt as one markdown table', () => {
    const run = flaglens(['report', '.'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^\*\*Flag debt\*\*: 2 rolling out · 1 released\n/);
    assert.equal(run.stdout.match(/^\| flag \|/gm)?.length, 1);
    assert.match(run.stdout, /\| `old-banner` \| ready to remove: serves true in every environment \| 1 \| 2 lines \|/);
    // A flag ready to remove is listed once, not again among the oldest.
    assert.equal(run.stdout.match(/`old-banner`/g)?.length, 1);
  });

  it('with --since, says what the change did', () => {
    const run = flaglens(['report', '.', '--since', 'HEAD~1', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      since: 'HEAD~1',
      // old-banner is released and long past its lifetime: stale by the default policy.
      newChecksOfStaleFlags: [{ key: 'legacy-search', file: 'src/more.ts', added: 1 }, { key: 'old-banner', file: 'src/banner.ts', added: 1 }],
      newFlagsWithoutOwner: ['NewThing'],
      cleanedUp: [],
    });
    const markdown = flaglens(['report', '.', '--since', 'HEAD~1'], root).stdout;
    assert.equal(markdown.match(/^\| flag \|/gm)?.length, 1);
    assert.match(markdown, /\| `legacy-search` \| stale flag: 1 new check \| src\/more\.ts \|/);
    assert.match(markdown, /\| `NewThing` \| new flag without an owner \|/);
  });

  it('says a flag was cleaned up, and nothing at all when nothing changed', () => {
    fs.rmSync(path.join(root, 'src/banner.ts'));
    const cleaned = flaglens(['report', '.', '--since', 'HEAD~1', '--format', 'json'], root);
    assert.deepEqual((JSON.parse(cleaned.stdout) as { cleanedUp: string[] }).cleanedUp, ['old-banner']);
    const unchanged = flaglens(['report', '.', '--since', 'HEAD'], root);
    assert.equal(unchanged.status, 0, unchanged.stderr);
    assert.equal(unchanged.stdout, '');
  });

  it('refuses a ref git does not know', () => {
    const run = flaglens(['report', '.', '--since', 'no-such-ref'], root);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--since no-such-ref: git could not give the folder at that ref/);
  });
});

describe('the age of a flag without a creation date, from git', () => {
  let root: string;

  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-report-age-')));
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
    // No createdAt: released everywhere, which is stale only once the flag is known to be old.
    write(root, {
      'flags/production.flagd.json': flagFile({ 'quiet-banner': flag({ owner: 'web' }) }),
      'src/app.ts': HEADER + check('quiet-banner'),
    });
    commit(root, 'first', '2025-03-01T12:00:00Z');
    // A later check of the same key does not make it younger; a key that only contains it is its own flag.
    write(root, {
      'flags/production.flagd.json': flagFile({
        'quiet-banner': flag({ owner: 'web' }),
        'quiet-banner-v2': { ...flag({ owner: 'web' }), targeting: { fractional: [['on', 50], ['off', 50]] } },
      }),
      'src/more.ts': HEADER + check('quiet-banner') + check('quiet-banner-v2'),
    });
    commit(root, 'second');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is the first commit that added the key, and the staleness reason says so', async () => {
    const options = { log: () => undefined, cacheFile: path.join(HOME, 'age-definitions.json') };
    const withGit = await scanFolder(root, { ...options, ageFromGit: true });
    const byKey = new Map(withGit.inventory.map((entry) => [entry.key, entry]));
    assert.equal(byKey.get('quiet-banner')?.firstSeenInCode?.slice(0, 10), '2025-03-01');
    assert.equal(byKey.get('quiet-banner')?.hygiene?.staleness.stale, true);
    assert.match(byKey.get('quiet-banner')?.hygiene?.staleness.reasons[0] ?? '', /^first seen in code 2025-03-01 \(git\), \d+ days ago, past the 40 days a release flag lives$/);
    const today = new Date().toISOString().slice(0, 10);
    assert.match(byKey.get('quiet-banner-v2')?.hygiene?.staleness.reasons[0] ?? '', new RegExp(`^first seen in code ${today} \\(git\\), 0 days ago, within`));
    // Without the history the same released flag has no age, and is not stale.
    const withoutGit = await scanFolder(root, options);
    assert.deepEqual(withoutGit.inventory.find((entry) => entry.key === 'quiet-banner')?.hygiene?.staleness, { stale: false, reasons: ['changed recently; no creation date'] });
  });

  it('dates the oldest temporary flags in the report', () => {
    const run = flaglens(['report', '.', '--format', 'json'], root);
    assert.equal(run.status, 0, run.stderr);
    const debt = JSON.parse(run.stdout) as { oldestTemporary: Array<{ key: string; createdAt: string; fromGit?: boolean }> };
    assert.deepEqual(debt.oldestTemporary.map((item) => [item.key, item.fromGit]), [['quiet-banner', true], ['quiet-banner-v2', true]]);
    assert.equal(debt.oldestTemporary[0].createdAt.slice(0, 19), '2025-03-01T12:00:00');
    assert.match(flaglens(['report', '.'], root).stdout, /\| `quiet-banner-v2` \| release flag first seen in code \d{4}-\d\d-\d\d \(git\) \|/);
  });
});
