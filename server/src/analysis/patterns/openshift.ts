import type { FlagPattern } from '../types';
import { callPattern, RETURNS_VALUE, vendorPresets } from './define';

/** The packages an OpenShift console plugin reads the console's flags from. */
export const OPENSHIFT_CONSOLE_PACKAGES = ['@openshift-console/dynamic-plugin-sdk', '@openshift-console/dynamic-plugin-sdk-internal'];

/**
 * The OpenShift console's feature flags, as its dynamic plugins read them: `useFlag('KUBEVIRT_DYNAMIC')` gives the flag's
 * state, set by the console or by a plugin's `console.flag` extensions. The flags an extension declares it needs
 * (`flags: { required: [...] }`) are evaluated by the console, not by the plugin's code, and are not read here.
 */
export const OPENSHIFT_CONSOLE_PATTERNS: readonly FlagPattern[] = vendorPresets(OPENSHIFT_CONSOLE_PACKAGES, [
  callPattern('openshift', 'useFlag', 'boolean', { returns: RETURNS_VALUE }),
]);
