import type { FlagPattern } from '../types';
import { callPattern, returnsObject, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Flagsmith presets accept: the JS SDK (and its `/react`), Node and React Native. */
export const FLAGSMITH_PACKAGES = ['flagsmith', 'flagsmith-nodejs', 'react-native-flagsmith', '@flagsmith/*'];

/**
 * Flagsmith: the JS SDK's `hasFeature` and `getValue`, and the Node SDK's flags object (`getEnvironmentFlags()`,
 * `getIdentityFlags()`) with `isFeatureEnabled` and `getFeatureValue`. The React SDK's `useFlags(['new_nav'])` gives
 * a bag of the flags it names, as written, each `{ enabled, value }`: a read of one (`flags.new_nav.enabled`) is a
 * check whose answer is at `.enabled`, `.value` being the flag's remote configuration.
 */
export const FLAGSMITH_PATTERNS: readonly FlagPattern[] = vendorPresets(FLAGSMITH_PACKAGES, [
  callPattern('flagsmith', 'hasFeature', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('flagsmith', 'getValue', 'unknown', { returns: RETURNS_VALUE }),
  callPattern('flagsmith', 'isFeatureEnabled', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('flagsmith', 'getFeatureValue', 'unknown', { returns: RETURNS_VALUE }),
  {
    sdk: 'flagsmith', callee: 'useFlags', kind: 'bag', keyArg: 0, valueType: 'boolean', negate: false,
    returns: returnsObject(['enabled'], "the flag's remote configuration (.value)"), packages: ['flagsmith/react', 'react-native-flagsmith/react'],
  },
]);
