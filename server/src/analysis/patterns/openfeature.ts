import type { FlagPattern } from '../types';
import { callPattern, RETURNS_DETAILS, RETURNS_VALUE } from './define';

// The default value is required, so `getBooleanValue(node)` elsewhere is not OpenFeature.
const value = { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE };
const details = { defaultArg: 1, minArgs: 2, returns: RETURNS_DETAILS };

/** OpenFeature: the server and web SDKs' evaluation methods and the React SDK's hooks, all `(key, default, ...)`. */
export const OPENFEATURE_PATTERNS: readonly FlagPattern[] = [
  callPattern('openfeature', 'getBooleanValue', 'boolean', value),
  callPattern('openfeature', 'getStringValue', 'string', value),
  callPattern('openfeature', 'getNumberValue', 'number', value),
  callPattern('openfeature', 'getObjectValue', 'object', value),
  callPattern('openfeature', 'getBooleanDetails', 'boolean', details),
  callPattern('openfeature', 'getStringDetails', 'string', details),
  callPattern('openfeature', 'getNumberDetails', 'number', details),
  callPattern('openfeature', 'getObjectDetails', 'object', details),
  callPattern('openfeature', 'useBooleanFlagValue', 'boolean', value),
  callPattern('openfeature', 'useStringFlagValue', 'string', value),
  callPattern('openfeature', 'useNumberFlagValue', 'number', value),
  callPattern('openfeature', 'useObjectFlagValue', 'object', value),
  callPattern('openfeature', 'useBooleanFlagDetails', 'boolean', details),
  callPattern('openfeature', 'useStringFlagDetails', 'string', details),
  callPattern('openfeature', 'useNumberFlagDetails', 'number', details),
  callPattern('openfeature', 'useObjectFlagDetails', 'object', details),
  // `useFlag` is also Unleash's React hook, `useFlag(key)`. Both put the key at argument 0, so one preset
  // serves both; it is OpenFeature's because that is the vendor-neutral API. With no default argument
  // (Unleash) the value type stays unknown; with one, the scanner reads the type off the default.
  // What it returns differs (Unleash: the boolean; OpenFeature: a query object with `.value`), so it
  // declares nothing and the clean-up reads the code's use of the result instead.
  // A team that means something else by `useFlag` replaces this preset with its own pattern.
  callPattern('openfeature', 'useFlag', 'unknown', { defaultArg: 1 }),
];
