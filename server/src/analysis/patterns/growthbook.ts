import type { FlagPattern } from '../types';
import { callPattern, RETURNS_VALUE } from './define';

// `evalFeature` and `feature` give a result object: the value at `.value`, beside `on`, `off` and `source`.
const FEATURE_RESULT = { kind: 'object', valuePath: ['value'], others: 'the evaluation result (on, off, source)' } as const;

/** GrowthBook: the JS SDK's feature methods and the React SDK's hooks. `isOff` answers true when the feature is off. */
export const GROWTHBOOK_PATTERNS: readonly FlagPattern[] = [
  callPattern('growthbook', 'isOn', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('growthbook', 'isOff', 'boolean', { negate: true, returns: RETURNS_VALUE }),
  callPattern('growthbook', 'getFeatureValue', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE }),
  callPattern('growthbook', 'evalFeature', 'unknown', { returns: FEATURE_RESULT }),
  callPattern('growthbook', 'feature', 'unknown', { returns: FEATURE_RESULT }),
  callPattern('growthbook', 'useFeatureIsOn', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('growthbook', 'useFeatureValue', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE }),
];
