import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestKey, editDistance } from '../../server/src/analysis/suggest';

const DEFINED = ['new-checkout', 'dark-mode', 'search-v2', 'old-banner', 'promo-banner', 'ai-assistant'];

describe('closestKey', () => {
  const cases: Array<{ name: string; key: string; candidates?: string[]; expected: string | undefined }> = [
    { name: 'a missing letter', key: 'new-chekout', expected: 'new-checkout' },
    { name: 'an extra letter', key: 'dark-modee', expected: 'dark-mode' },
    { name: 'two swapped letters', key: 'dakr-mode', expected: 'dark-mode' },
    { name: 'underscores for dashes', key: 'new_checkout', expected: 'new-checkout' },
    { name: 'camelCase of a kebab key', key: 'newCheckout', expected: 'new-checkout' },
    { name: 'different case', key: 'New-Checkout', expected: 'new-checkout' },
    { name: 'nothing close', key: 'payment-retry', expected: undefined },
    { name: 'a short key allows one edit only', key: 'ab', candidates: ['ab', 'xy', 'ac'], expected: 'ac' },
    { name: 'a short key with two edits is not a typo', key: 'ab', candidates: ['cd'], expected: undefined },
    { name: 'the key itself is not suggested', key: 'dark-mode', candidates: ['dark-mode'], expected: undefined },
    { name: 'a separator difference beats a one-letter typo', key: 'search_v2', candidates: ['search-v3', 'search-v2'], expected: 'search-v2' },
    { name: 'ties go to the alphabetically first key', key: 'banner-b', candidates: ['banner-c', 'banner-a'], expected: 'banner-a' },
    { name: 'no candidates', key: 'dark-mode', candidates: [], expected: undefined },
  ];
  for (const { name, key, candidates, expected } of cases) {
    it(name, () => check(key, candidates ?? DEFINED, expected));
  }

  function check(key: string, candidates: string[], expected: string | undefined): void {
    assert.equal(closestKey(key, candidates), expected);
    // The order candidates come in must not change the answer.
    assert.equal(closestKey(key, [...candidates].reverse()), expected);
  }
});

describe('editDistance', () => {
  const cases: Array<[string, string, number]> = [
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['checkout', 'chekout', 1],
    ['ab', 'ba', 1],
    ['dark-mode', 'dark-mode', 0],
  ];
  for (const [a, b, expected] of cases) {
    it(`${JSON.stringify(a)} → ${JSON.stringify(b)} is ${expected}`, () => {
      assert.equal(editDistance(a, b, Number.POSITIVE_INFINITY), expected);
      assert.equal(editDistance(b, a, Number.POSITIVE_INFINITY), expected);
    });
  }
});
