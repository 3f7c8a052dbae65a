import type { FlagPattern } from '../types';
import { callPattern, RETURNS_VALUE, returnsObject, returnsOther, vendorPresets } from './define';

/** The packages whose functions and clients the GrowthBook presets accept. */
export const GROWTHBOOK_PACKAGES = ['@growthbook/*'];

// `evalFeature`, `feature` and `useFeature` give a result object: the value at `.value`, beside `on`, `off` and `source`.
const FEATURE_RESULT = returnsObject(['value'], 'the evaluation result (on, off, source)');

/** GrowthBook: the JS SDK's feature methods and the React SDK's hooks. `isOff` answers true when the feature is off. */
export const GROWTHBOOK_PATTERNS: readonly FlagPattern[] = vendorPresets(GROWTHBOOK_PACKAGES, [
  callPattern('growthbook', 'isOn', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('growthbook', 'isOff', 'boolean', { negate: true, returns: RETURNS_VALUE }),
  callPattern('growthbook', 'getFeatureValue', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE }),
  callPattern('growthbook', 'evalFeature', 'unknown', { returns: FEATURE_RESULT }),
  callPattern('growthbook', 'feature', 'unknown', { returns: FEATURE_RESULT }),
  callPattern('growthbook', 'useFeatureIsOn', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('growthbook', 'useFeatureValue', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE }),
  callPattern('growthbook', 'useFeature', 'unknown', { returns: FEATURE_RESULT }),
  // The React SDK's components, read as JSX elements (`<IfFeatureEnabled feature="new-nav">`): they render, they give no value.
  callPattern('growthbook', 'IfFeatureEnabled', 'boolean', { keyPath: ['feature'], returns: returnsOther('what the component renders') }),
  callPattern('growthbook', 'FeatureString', 'string', { keyPath: ['feature'], returns: returnsOther('what the component renders') }),
]);
