import type { FlagPattern } from '../types';
import { callPattern } from './define';

/** GrowthBook: the JS SDK's feature methods and the React SDK's hooks. `isOff` answers true when the feature is off. */
export const GROWTHBOOK_PATTERNS: readonly FlagPattern[] = [
  callPattern('growthbook', 'isOn', 'boolean'),
  callPattern('growthbook', 'isOff', 'boolean', { negate: true }),
  callPattern('growthbook', 'getFeatureValue', 'unknown', { defaultArg: 1, minArgs: 2 }),
  callPattern('growthbook', 'evalFeature', 'unknown'),
  callPattern('growthbook', 'feature', 'unknown'),
  callPattern('growthbook', 'useFeatureIsOn', 'boolean'),
  callPattern('growthbook', 'useFeatureValue', 'unknown', { defaultArg: 1, minArgs: 2 }),
];
