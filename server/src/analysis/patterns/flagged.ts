import type { FlagPattern } from '../types';
import { callPattern, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The package whose hooks and components the flagged presets accept. */
export const FLAGGED_PACKAGES = ['flagged'];

/**
 * flagged, a small React library of flags a `<FlagsProvider features={…}>` hands down: `useFeature('v2')` (the
 * value; a group of flags for a group's name), `useFeatures()` (a bag of them, read `features.v2`), `<Feature
 * name="v2">` and `withFeature('v2')(Component)` (they render).
 */
export const FLAGGED_PATTERNS: readonly FlagPattern[] = vendorPresets(FLAGGED_PACKAGES, [
  callPattern('flagged', 'useFeature', 'unknown', { returns: RETURNS_VALUE }),
  { sdk: 'flagged', callee: 'useFeatures', kind: 'bag', keyArg: 0, valueType: 'unknown', negate: false, returns: RETURNS_VALUE },
  callPattern('flagged', 'Feature', 'boolean', { keyPath: ['name'], returns: returnsOther('what the component renders') }),
  callPattern('flagged', 'withFeature', 'boolean', { returns: returnsOther('a wrapper of a component, which renders it or not') }),
]);
