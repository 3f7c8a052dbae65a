import type { FlagPattern } from '../types';
import { callPattern, RETURNS_DETAILS, RETURNS_VALUE, returnsObject, returnsOther, vendorPresets } from './define';

/** The packages whose functions and clients the OpenFeature presets accept. */
export const OPENFEATURE_PACKAGES = ['@openfeature/*'];

// The default value is required, so `getBooleanValue(node)` elsewhere is not OpenFeature.
const value = { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE };
const details = { defaultArg: 1, minArgs: 2, returns: RETURNS_DETAILS };
const TYPES = [['Boolean', 'boolean'], ['String', 'string'], ['Number', 'number'], ['Object', 'object']] as const;

/** OpenFeature: the server and web SDKs' evaluation methods and the React SDK's hooks, all `(key, default, ...)`. */
export const OPENFEATURE_PATTERNS: readonly FlagPattern[] = vendorPresets(OPENFEATURE_PACKAGES, [
  ...TYPES.flatMap(([name, type]) => [
    callPattern('openfeature', `get${name}Value`, type, value),
    callPattern('openfeature', `get${name}Details`, type, details),
    callPattern('openfeature', `use${name}FlagValue`, type, value),
    callPattern('openfeature', `use${name}FlagDetails`, type, details),
  ]),
  // The React SDK's `useFlag(key, default)` gives a query: the value at `.value` (Unleash's `useFlag` is its own preset).
  callPattern('openfeature', 'useFlag', 'unknown', { defaultArg: 1, returns: returnsObject(['value'], 'the flag query (details, loading state)') }),
  // The NestJS SDK's decorators: a controller or route that answers only while its boolean flags are on
  // (`@RequireFlagsEnabled({ flags: [{ flagKey: 'a' }, { flagKey: 'b', defaultValue: true }] })`), and a handler's
  // parameter given a flag's evaluation (`@BooleanFeatureFlag({ flagKey: 'x', defaultValue: false }) x: Observable<…>`).
  callPattern('openfeature', 'RequireFlagsEnabled', 'boolean', { keyPath: ['flags', 'flagKey'], returns: returnsOther('a guard of the route (a decorator)') }),
  ...TYPES.map(([name, type]) => callPattern('openfeature', `${name}FeatureFlag`, type, { keyPath: ['flagKey'], returns: returnsOther('the evaluation details as an Observable (a parameter decorator)') })),
]);
