// The first commit of each key from one git pass, on repositories the test builds: the oldest commit
// wins, only a key in quotes counts, and git's limits give no date rather than a wrong one (a folder
// outside git, a shallow clone, a pass past its deadline).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gitFirstSeen, NOT_A_GIT_REPOSITORY } from '../../server/src/workspace/gitFirstSeen';

function git(cwd: string, args: string[], authorDate?: string): void {
  const env = authorDate === undefined ? process.env : { ...process.env, GIT_AUTHOR_DATE: authorDate };
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, stdio: 'ignore', env });
}

describe('gitFirstSeen', () => {
  let root: string;
  let scratch: string;

  before(() => {
    scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-git-first-seen-')));
    root = path.join(scratch, 'repo');
    fs.mkdirSync(root);
    git(root, ['init', '-q', '-b', 'main']);
    // 'beta' only as a word of a comment: not a key.
    fs.writeFileSync(path.join(root, 'a.ts'), "isOn('alpha');\n// beta is next\n");
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'one'], '2024-05-01T10:00:00Z');
    fs.writeFileSync(path.join(root, 'b.ts'), 'isOn("alpha");\nisOn(`beta`);\nisOn(\'a.pha\');\n');
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', 'two'], '2025-02-01T10:00:00Z');
  });
  after(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('gives the oldest commit that added each key in quotes', async () => {
    const { dates, problem } = await gitFirstSeen(root, ['alpha', 'beta', 'a.pha', 'gamma']);
    assert.equal(problem, undefined);
    assert.deepEqual(Object.fromEntries([...dates].map(([key, date]) => [key, date.slice(0, 10)])), { alpha: '2024-05-01', beta: '2025-02-01', 'a.pha': '2025-02-01' });
  });

  it('gives no date outside git, in a shallow clone, or past its deadline', async () => {
    assert.deepEqual(await gitFirstSeen(scratch, ['alpha']), { dates: new Map(), problem: NOT_A_GIT_REPOSITORY });
    const shallow = path.join(scratch, 'shallow');
    git(scratch, ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    assert.deepEqual(await gitFirstSeen(shallow, ['alpha']), { dates: new Map(), problem: 'a shallow clone: its history is cut short' });
    const late = await gitFirstSeen(root, ['alpha'], { timeoutMs: 0 });
    assert.equal(late.dates.size, 0);
    assert.match(late.problem ?? '', /^git log took longer than/);
  });

  it('asks for at most maxKeys keys', async () => {
    const { dates } = await gitFirstSeen(root, ['beta', 'alpha'], { maxKeys: 1 });
    assert.deepEqual([...dates.keys()], ['alpha']);
  });
});
