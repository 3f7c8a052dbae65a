// A short seeded run of the fuzz inputs (scripts/fuzzCases.ts) over the scanner and the clean-up; the
// full run is `npm run fuzz` (10,000 inputs, in .ci/run). remove-fuzz.test.ts generates snippets around
// checks for the clean-up alone; these inputs are the repository's own sources bent out of shape, run
// through the scanner as the index and the editor do as well.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkInput, fuzzInput, loadSeeds, type FuzzFailure } from '../../scripts/fuzzCases';

const SEED = 20261203;
const INPUTS = 200;

describe('the scanner and the clean-up on mutated sources', () => {
  const seeds = loadSeeds();

  it('makes the same input again from its seed and index, on its own', () => {
    assert.deepEqual(fuzzInput(seeds, SEED, 17), fuzzInput(seeds, SEED, 17));
    assert.notEqual(fuzzInput(seeds, SEED, 17).text, fuzzInput(seeds, SEED + 1, 17).text);
  });

  it(`neither crash nor write what does not parse, on ${INPUTS} inputs`, () => {
    const failures: Array<FuzzFailure & { index: number }> = [];
    let parsed = 0;
    let rewritten = 0;
    for (let index = 0; index < INPUTS; index++) {
      const outcome = checkInput(fuzzInput(seeds, SEED, index));
      failures.push(...outcome.failures.map((failure) => ({ ...failure, index })));
      if (outcome.parsed) parsed++;
      rewritten += outcome.rewritten;
    }
    assert.deepEqual(failures, [], `replay with: npm run fuzz -- --seed ${SEED} --inputs ${INPUTS}`);
    // The inputs still reach what they are meant to test: code that parses, and clean-ups that rewrite it.
    assert.ok(parsed > INPUTS / 5, `only ${parsed} inputs parsed`);
    assert.ok(rewritten > INPUTS / 5, `only ${rewritten} clean-ups rewrote a file`);
  });
});
