import type { FlagPattern } from '../types';
import { callPattern } from './define';

// The server SDKs take (key, context, default); the browser SDK's `variation(key, default)` has no context.
// Every form requires the default.
const serverDefault = { defaultArg: 2, minArgs: 3 };
const serverOrBrowserDefault = { defaultArg: 2, defaultArgByArgCount: { 2: 1 }, minArgs: 2 };

/** LaunchDarkly: server and browser SDK evaluation methods, and the React SDK's `useFlags()` bag of camelCased flags. */
export const LAUNCHDARKLY_PATTERNS: readonly FlagPattern[] = [
  callPattern('launchdarkly', 'variation', 'unknown', serverOrBrowserDefault),
  callPattern('launchdarkly', 'variationDetail', 'unknown', serverOrBrowserDefault),
  callPattern('launchdarkly', 'boolVariation', 'boolean', serverDefault),
  callPattern('launchdarkly', 'boolVariationDetail', 'boolean', serverDefault),
  callPattern('launchdarkly', 'stringVariation', 'string', serverDefault),
  callPattern('launchdarkly', 'stringVariationDetail', 'string', serverDefault),
  callPattern('launchdarkly', 'numberVariation', 'number', serverDefault),
  callPattern('launchdarkly', 'numberVariationDetail', 'number', serverDefault),
  callPattern('launchdarkly', 'jsonVariation', 'object', serverDefault),
  callPattern('launchdarkly', 'jsonVariationDetail', 'object', serverDefault),
  { sdk: 'launchdarkly', callee: 'useFlags', kind: 'bag', keyArg: 0, valueType: 'unknown', negate: false, camelCaseKeys: true },
];
