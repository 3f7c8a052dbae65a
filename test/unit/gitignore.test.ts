// GitignoreRules against the `ignore` package it stands in for: the same verdicts on written cases and
// on seeded random .gitignore files and paths.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ignore from 'ignore';
import { seededRandom } from '../../bench/generate';
import { GitignoreRules } from '../../server/src/workspace/ignore';

/** The package's verdict on a path, as IgnoreRules asked it before GitignoreRules. */
function packageVerdict(text: string, relative: string, isDirectory: boolean): { ignored: boolean; unignored: boolean } {
  const { ignored, unignored } = ignore().add(text).test(isDirectory ? `${relative}/` : relative);
  return { ignored, unignored };
}

describe('GitignoreRules', () => {
  const cases: Array<[text: string, relative: string, isDirectory: boolean, ignored: boolean]> = [
    ['*.log\n', 'debug.log', false, true],
    ['*.log\n', 'src/deep/debug.log', false, true],
    ['*.log\n', 'debug.ts', false, false],
    ['/build\n', 'build', true, true],
    ['/build\n', 'packages/build', true, false],
    ['dist/\n', 'dist', true, true],
    ['dist/\n', 'dist', false, false],
    ['.DS_Store\n', '.ds_store', false, true],
    ['yarn-debug.log*\n', 'yarn-debug.log.1', false, true],
    ['.env*.local\n', '.env.production.local', false, true],
    ['.env*.local\n', '.env', false, false],
    ['# a comment\n\nsecret.ts\n', 'a/secret.ts', false, true],
    ['build/Release\n', 'build/Release', true, true],
    ['build/Release\n', 'x/build/Release', true, false],
    ['**/tmp\nnode_modules\n', 'a/b/tmp', true, true],
    ['*.ts\n!keep.ts\n', 'keep.ts', false, false],
    ['*.ts\n!keep.ts\n', 'drop.ts', false, true],
    ['secret.ts  \n', 'secret.ts', false, true],
    ['secret.ts\r\nother.ts\r\n', 'other.ts', false, true],
  ];
  for (const [text, relative, isDirectory, ignored] of cases) {
    it(`${JSON.stringify(text)}: ${relative}${isDirectory ? '/' : ''} is ${ignored ? '' : 'not '}ignored`, () => {
      assert.equal(new GitignoreRules(text).test(relative, isDirectory).ignored, ignored);
      assert.equal(packageVerdict(text, relative, isDirectory).ignored, ignored);
    });
  }

  it('gives the package\'s verdicts on 400 random .gitignore files, 60 paths each', () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const names = ['build', 'dist', 'Build', 'app.ts', 'app.log', 'debug.log.1', '.env.local', '.DS_Store', 'keep.ts', 'x', 'tmp', 'Release', 'a.b.c', 'node_modules'];
    const lines = [
      'build', '/build', 'build/', '/build/', '*.log', '*.log*', 'debug.log*', '.env*.local', '.DS_Store', 'dist', 'tmp/',
      '*', 'keep.ts', '/x', 'a.b.c', '*.b.*', 'Release/', '# build', '', '  ', 'build  ',
      'build/Release', 'tmp/x', '**/tmp', 'a/**', '[bB]uild', 'debug.log?', '\\#x', '!keep.ts', '!build/', '!/x',
    ];
    let compared = 0;
    for (let file = 0; file < 400; file++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(lines)).join(random() < 0.2 ? '\r\n' : '\n');
      const rules = new GitignoreRules(text);
      for (let path = 0; path < 60; path++) {
        const relative = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(names)).join('/');
        const isDirectory = random() < 0.4;
        // Like a listing, which never asks about a path under an ignored directory.
        const parts = relative.split('/');
        if (parts.slice(0, -1).some((_, depth) => packageVerdict(text, parts.slice(0, depth + 1).join('/'), true).ignored)) continue;
        assert.deepEqual(rules.test(relative, isDirectory), packageVerdict(text, relative, isDirectory), `${JSON.stringify(text)} ${relative}${isDirectory ? '/' : ''}`);
        compared++;
      }
    }
    assert.ok(compared > 10_000, `only ${compared} paths compared`);
  });
});
