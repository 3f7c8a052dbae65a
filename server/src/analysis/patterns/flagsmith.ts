import type { FlagPattern } from '../types';
import { callPattern, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Flagsmith presets accept: the JS SDK (and its `/react`), Node and React Native. */
export const FLAGSMITH_PACKAGES = ['flagsmith', 'flagsmith-nodejs', 'react-native-flagsmith', '@flagsmith/*'];

/**
 * Flagsmith: the JS SDK's `hasFeature` and `getValue`, and the Node SDK's flags object (`getEnvironmentFlags()`,
 * `getIdentityFlags()`) with `isFeatureEnabled` and `getFeatureValue`. The React SDK's `useFlags([...])` names its
 * flags in an array and gives `{ [name]: { enabled, value } }`: not a check of one key.
 */
export const FLAGSMITH_PATTERNS: readonly FlagPattern[] = vendorPresets(FLAGSMITH_PACKAGES, [
  callPattern('flagsmith', 'hasFeature', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('flagsmith', 'getValue', 'unknown', { returns: RETURNS_VALUE }),
  callPattern('flagsmith', 'isFeatureEnabled', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('flagsmith', 'getFeatureValue', 'unknown', { returns: RETURNS_VALUE }),
]);
