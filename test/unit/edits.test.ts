// The line helpers of the clean-up's edits. They walk only the spaces and tabs next to an offset, not the
// whole line: on a long minified line, slicing back to the line's start for each check made a clean-up
// with a thousand checks take seconds (found by the fuzz run, scripts/fuzz.ts).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indentationAt, startsLine } from '../../server/src/analysis/remove/edits';

describe('startsLine and indentationAt', () => {
  // The text, with | at the offset asked about; whether only spaces and tabs stand before it on its line; the line's indentation.
  const cases: Array<[string, boolean, string]> = [
    ['|a', true, ''],
    ['  |a', true, '  '],
    ['\t |a', true, '\t '],
    ['x\n\t|a', true, '\t'],
    ['x |a', false, ''],
    ['  x|a', false, '  '],
    ['x\n|', true, ''],
    ['x\r\n  |a', true, '  '],
    [`${'a + '.repeat(50_000)}|b`, false, ''],
  ];
  for (const [marked, starts, indentation] of cases) {
    it(`${JSON.stringify(marked.slice(0, 20))} → ${starts}, ${JSON.stringify(indentation)}`, () => {
      const offset = marked.indexOf('|');
      const text = marked.slice(0, offset) + marked.slice(offset + 1);
      assert.equal(startsLine(text, offset), starts);
      assert.equal(indentationAt(text, offset), indentation);
    });
  }
});
