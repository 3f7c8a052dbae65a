import type { FlagPattern } from '../types';
import { callPattern, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The packages an OpenShift console plugin reads the console's flags from. */
export const OPENSHIFT_CONSOLE_PACKAGES = ['@openshift-console/dynamic-plugin-sdk', '@openshift-console/dynamic-plugin-sdk-internal'];

/**
 * The OpenShift console's feature flags, as its dynamic plugins read them: `useFlag('KUBEVIRT_DYNAMIC')` gives the flag's
 * state, set by the console or by a plugin's `console.flag` extensions.
 */
export const OPENSHIFT_CONSOLE_PATTERNS: readonly FlagPattern[] = vendorPresets(OPENSHIFT_CONSOLE_PACKAGES, [
  callPattern('openshift', 'useFlag', 'boolean', { returns: RETURNS_VALUE }),
]);

/**
 * The flags a console extension requires, or must not have, to be loaded: `{ type: 'console.navigation/href', properties,
 * flags: { required: ['KUBEVIRT_DYNAMIC'], disallowed: ['KUBEVIRT_DYNAMIC_ACM'] } }`. The console evaluates them, so each
 * is a check of its flag, at the key, though no call of the plugin's reads it; what it gives is the extension's loading.
 * Only in a module that names the console's SDK (an extension's types come from it, `EncodedExtension` from its webpack
 * package): elsewhere `flags: { required }` is any object's.
 */
export const CONSOLE_EXTENSION_FLAG_LISTS: ReadonlyMap<string, FlagPattern> = new Map([
  ['required', extensionFlagPattern('required', false)],
  ['disallowed', extensionFlagPattern('disallowed', true)],
]);

function extensionFlagPattern(list: string, negate: boolean): FlagPattern {
  return callPattern('openshift', `flags.${list}`, 'boolean', { negate, returns: returnsOther(`the console loads the extension only when it ${negate ? 'lacks' : 'has'} the flag`) });
}

// The console SDK's packages as a module names them, `@openshift-console/dynamic-plugin-sdk-webpack` among them.
const CONSOLE_SDK_TEXT = '@openshift-console/dynamic-plugin-sdk';
const FLAG_LISTS_TEXT = /\bflags\s*:\s*\{\s*(?:required|disallowed)\s*:/;

/** True when the text may list the flags a console extension requires: it names the console's SDK and writes such a list. */
export function mayListConsoleFlags(text: string): boolean {
  return text.includes(CONSOLE_SDK_TEXT) && FLAG_LISTS_TEXT.test(text);
}

/** True for a module specifier of the console's SDK. */
export function isConsoleSdk(specifier: string): boolean {
  return specifier.startsWith(CONSOLE_SDK_TEXT);
}
