import type { FlagPattern } from '../types';
import { callPattern, RETURNS_DETAILS, returnsObject, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the ConfigCat presets accept: the JS, SSR, Node and React SDKs and the unified `@configcat/sdk`. */
export const CONFIGCAT_PACKAGES = ['configcat-js', 'configcat-js-ssr', 'configcat-node', 'configcat-react', 'configcat-common', '@configcat/*'];

/** ConfigCat: `(key, default, user?)` everywhere; the default is required. */
export const CONFIGCAT_PATTERNS: readonly FlagPattern[] = vendorPresets(CONFIGCAT_PACKAGES, [
  callPattern('configcat', 'getValueAsync', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_VALUE }),
  callPattern('configcat', 'getValueDetailsAsync', 'unknown', { defaultArg: 1, minArgs: 2, returns: RETURNS_DETAILS }),
  // `getValue(key, default, callback, user?)` hands the value to the callback (a snapshot's `getValue` returns it).
  callPattern('configcat', 'getValue', 'unknown', { defaultArg: 1, minArgs: 2, returns: returnsOther('the value, passed to a callback') }),
  callPattern('configcat', 'getValueDetails', 'unknown', { defaultArg: 1, minArgs: 2, returns: returnsOther('the evaluation details, passed to a callback') }),
  callPattern('configcat', 'useFeatureFlag', 'unknown', { defaultArg: 1, minArgs: 2, returns: returnsObject(['value'], 'the loading state') }),
]);
