// JSON that FlagLens reads from a workspace (`.flaglens.json`, flag files) nested deeper than any real
// file: refused with a clear problem before a recursive parser could overflow the call stack.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deepestNesting, MAX_JSON_DEPTH } from '../../server/src/analysis/json';
import { parseFlagdFile } from '../../server/src/backends/flagd/wire';
import { parseConfig } from '../../server/src/workspace/config';

const DEEP = `{"flags": ${'['.repeat(5_000)}${']'.repeat(5_000)}}`;

describe('JSON nested too deep', () => {
  const rows: Array<[text: string, expected: number | undefined]> = [
    ['{"a": [1, {"b": 2}]}', undefined],
    [`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`, undefined],
    [`${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`, MAX_JSON_DEPTH],
    // Brackets in strings and comments do not nest.
    [`{"a": "${'['.repeat(500)}", "b": "\\"${'{'.repeat(500)}"} // ${'['.repeat(500)}`, undefined],
  ];
  for (const [text, expected] of rows) {
    it(`${text.slice(0, 30)}… → ${expected}`, () => assert.equal(deepestNesting(text, MAX_JSON_DEPTH), expected));
  }

  it('.flaglens.json: one problem, no crash', () => {
    const { problems } = parseConfig(DEEP, '/w/.flaglens.json');
    assert.deepEqual(problems.map((problem) => problem.message), ['Not read: nested deeper than 100 levels.']);
  });

  it('a flagd file: one problem, no crash', () => {
    const { definitions, problems } = parseFlagdFile(DEEP, '/w/flags/production.flagd.json', 'production');
    assert.deepEqual(definitions, []);
    assert.deepEqual(problems.map((problem) => problem.message), ['Not read: nested deeper than 100 levels.']);
  });
});
