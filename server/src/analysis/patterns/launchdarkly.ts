import type { FlagPattern } from '../types';
import { callPattern, RETURNS_DETAILS, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the LaunchDarkly presets accept: every SDK, old names and new. */
export const LAUNCHDARKLY_PACKAGES = ['launchdarkly-*', '@launchdarkly/*'];

// The server SDKs take (key, context, default); the browser SDK's `variation(key, default)` has no context.
// Every form requires the default.
const serverDefault = { defaultArg: 2, minArgs: 3, returns: RETURNS_VALUE };
const serverOrBrowserDefault = { defaultArg: 2, defaultArgByArgCount: { 2: 1 }, minArgs: 2, returns: RETURNS_VALUE };
// The `*Detail` methods give `{ value, variationIndex, reason }`.
const serverDetail = { ...serverDefault, returns: RETURNS_DETAILS };
const serverOrBrowserDetail = { ...serverOrBrowserDefault, returns: RETURNS_DETAILS };

const TYPES = [['bool', 'boolean'], ['string', 'string'], ['number', 'number'], ['json', 'object']] as const;

// The React Native and React Universal SDKs' hooks take (key, default): `useBoolVariation('x', false)`.
const hookDefault = { defaultArg: 1, minArgs: 1, returns: RETURNS_VALUE };
const hookDetail = { ...hookDefault, returns: RETURNS_DETAILS };

/**
 * LaunchDarkly: server and browser SDK evaluation methods, the React Native and React Universal SDKs' hooks, a server's
 * state of all flags, and the React SDK's `useFlags()` bag of camelCased flags.
 */
export const LAUNCHDARKLY_PATTERNS: readonly FlagPattern[] = vendorPresets(LAUNCHDARKLY_PACKAGES, [
  callPattern('launchdarkly', 'variation', 'unknown', serverOrBrowserDefault),
  callPattern('launchdarkly', 'variationDetail', 'unknown', serverOrBrowserDetail),
  ...TYPES.flatMap(([prefix, type]) => [
    callPattern('launchdarkly', `${prefix}Variation`, type, serverDefault),
    callPattern('launchdarkly', `${prefix}VariationDetail`, type, serverDetail),
  ]),
  callPattern('launchdarkly', 'useVariation', 'unknown', hookDefault),
  callPattern('launchdarkly', 'useVariationDetail', 'unknown', hookDetail),
  ...TYPES.flatMap(([prefix, type]) => {
    const name = `${prefix[0].toUpperCase()}${prefix.slice(1)}`;
    return [callPattern('launchdarkly', `use${name}Variation`, type, hookDefault), callPattern('launchdarkly', `use${name}VariationDetail`, type, hookDetail)];
  }),
  // The server SDKs' `allFlagsState(context)` gives every flag's state at once, read one by one: `state.getFlagValue('x')`.
  callPattern('launchdarkly', 'getFlagValue', 'unknown', { returns: RETURNS_VALUE }),
  { sdk: 'launchdarkly', callee: 'useFlags', kind: 'bag', keyArg: 0, valueType: 'unknown', negate: false, camelCaseKeys: true, returns: RETURNS_VALUE },
  // The browser SDK's `allFlags()` gives every flag's value by its key, as the server gives it.
  { sdk: 'launchdarkly', callee: 'allFlags', kind: 'bag', keyArg: 0, valueType: 'unknown', negate: false, returns: RETURNS_VALUE },
]);
