import type { FlagPattern } from '../types';
import { callPattern, returnsObject, vendorPresets } from './define';

/** The packages whose functions and clients the Reflag presets accept: its browser, React, Vue and Node SDKs, and Bucket's, as it was named before. */
export const REFLAG_PACKAGES = ['@reflag/*', '@bucketco/*'];

// A flag is an object: on or off at `.isEnabled`, beside its remote config and the functions that track its use.
const FLAG = returnsObject(['isEnabled'], 'the flag (its remote config, track and requestFeedback)');

/**
 * Reflag: React's and Vue's `useFlag(key)` and a client's `getFlag(key)` (the browser's, the Node client's, or one bound
 * to a user or company, `client.bindClient({ company }).getFlag(key)`); Bucket's SDKs named them `useFeature` and
 * `getFeature`, which Reflag's keep.
 */
export const REFLAG_PATTERNS: readonly FlagPattern[] = vendorPresets(REFLAG_PACKAGES, [
  callPattern('reflag', 'useFlag', 'boolean', { returns: FLAG }),
  callPattern('reflag', 'getFlag', 'boolean', { returns: FLAG }),
  callPattern('reflag', 'useFeature', 'boolean', { returns: FLAG }),
  callPattern('reflag', 'getFeature', 'boolean', { returns: FLAG }),
]);
