import type { FlagPattern } from '../types';
import { callPattern } from './define';

// The default value is required, so `getBooleanValue(node)` elsewhere is not OpenFeature.
const withDefault = { defaultArg: 1, minArgs: 2 };

/** OpenFeature: the server and web SDKs' evaluation methods and the React SDK's hooks, all `(key, default, ...)`. */
export const OPENFEATURE_PATTERNS: readonly FlagPattern[] = [
  callPattern('openfeature', 'getBooleanValue', 'boolean', withDefault),
  callPattern('openfeature', 'getStringValue', 'string', withDefault),
  callPattern('openfeature', 'getNumberValue', 'number', withDefault),
  callPattern('openfeature', 'getObjectValue', 'object', withDefault),
  callPattern('openfeature', 'getBooleanDetails', 'boolean', withDefault),
  callPattern('openfeature', 'getStringDetails', 'string', withDefault),
  callPattern('openfeature', 'getNumberDetails', 'number', withDefault),
  callPattern('openfeature', 'getObjectDetails', 'object', withDefault),
  callPattern('openfeature', 'useBooleanFlagValue', 'boolean', withDefault),
  callPattern('openfeature', 'useStringFlagValue', 'string', withDefault),
  callPattern('openfeature', 'useNumberFlagValue', 'number', withDefault),
  callPattern('openfeature', 'useObjectFlagValue', 'object', withDefault),
  callPattern('openfeature', 'useBooleanFlagDetails', 'boolean', withDefault),
  callPattern('openfeature', 'useStringFlagDetails', 'string', withDefault),
  callPattern('openfeature', 'useNumberFlagDetails', 'number', withDefault),
  callPattern('openfeature', 'useObjectFlagDetails', 'object', withDefault),
  // `useFlag` is also Unleash's React hook, `useFlag(key)`. Both put the key at argument 0, so one preset
  // serves both; it is OpenFeature's because that is the vendor-neutral API. With no default argument
  // (Unleash) the value type stays unknown; with one, the scanner reads the type off the default.
  // A team that means something else by `useFlag` replaces this preset with its own pattern.
  callPattern('openfeature', 'useFlag', 'unknown', { defaultArg: 1 }),
];
