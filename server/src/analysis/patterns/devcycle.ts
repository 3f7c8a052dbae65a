import type { FlagPattern } from '../types';
import { callPattern, RETURNS_VALUE, returnsObject, vendorPresets } from './define';

/** The packages whose functions and clients the DevCycle presets accept: the JS, React, Node and OpenFeature-provider SDKs. */
export const DEVCYCLE_PACKAGES = ['@devcycle/*'];

// The server SDKs ask for a user first: `variableValue(user, key, default)`; the client SDKs hold the user.
const SERVER = ['@devcycle/nodejs-server-sdk', '@devcycle/js-cloud-server-sdk'];
const CLIENT = ['@devcycle/js-client-sdk', '@devcycle/react-client-sdk', '@devcycle/nextjs-sdk', '@devcycle/react-native-client-sdk'];
// A variable object holds the value at `.value`, beside `isDefaulted` and the evaluation reason.
const VARIABLE = returnsObject(['value'], 'the variable (isDefaulted, evaluation reason)');

/** DevCycle: `variableValue` gives the value, `variable` the variable object; every form requires the default. */
export const DEVCYCLE_PATTERNS: readonly FlagPattern[] = vendorPresets(DEVCYCLE_PACKAGES, [
  callPattern('devcycle', 'variableValue', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE, packages: CLIENT }),
  callPattern('devcycle', 'variableValue', 'unknown', { keyArg: 1, defaultArg: 2, minArgs: 3, returns: RETURNS_VALUE, packages: SERVER }),
  callPattern('devcycle', 'variable', 'unknown', { defaultArg: 1, minArgs: 2, returns: VARIABLE, packages: CLIENT }),
  callPattern('devcycle', 'variable', 'unknown', { keyArg: 1, defaultArg: 2, minArgs: 3, returns: VARIABLE, packages: SERVER }),
  callPattern('devcycle', 'useVariableValue', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE }),
  callPattern('devcycle', 'useVariable', 'unknown', { defaultArg: 1, minArgs: 2, returns: VARIABLE }),
]);
