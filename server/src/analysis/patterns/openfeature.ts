import type { FlagPattern } from '../types';
import { callPattern, RETURNS_DETAILS, RETURNS_VALUE } from './define';

// The default value is required, so `getBooleanValue(node)` elsewhere is not OpenFeature.
const value = { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE };
const details = { defaultArg: 1, minArgs: 2, returns: RETURNS_DETAILS };
const TYPES = [['Boolean', 'boolean'], ['String', 'string'], ['Number', 'number'], ['Object', 'object']] as const;

/** OpenFeature: the server and web SDKs' evaluation methods and the React SDK's hooks, all `(key, default, ...)`. */
export const OPENFEATURE_PATTERNS: readonly FlagPattern[] = [
  ...TYPES.flatMap(([name, type]) => [
    callPattern('openfeature', `get${name}Value`, type, value),
    callPattern('openfeature', `get${name}Details`, type, details),
    callPattern('openfeature', `use${name}FlagValue`, type, value),
    callPattern('openfeature', `use${name}FlagDetails`, type, details),
  ]),
  // `useFlag` is also Unleash's React hook, `useFlag(key)`. Both put the key at argument 0, so one preset
  // serves both; it is OpenFeature's because that is the vendor-neutral API. With no default argument
  // (Unleash) the value type stays unknown; with one, the scanner reads the type off the default.
  // What it returns differs (Unleash: the boolean; OpenFeature: a query object with `.value`), so it
  // declares nothing and the clean-up reads the code's use of the result instead.
  // A team that means something else by `useFlag` replaces this preset with its own pattern.
  callPattern('openfeature', 'useFlag', 'unknown', { defaultArg: 1 }),
];
