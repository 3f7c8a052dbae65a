import type { FlagPattern } from '../types';
import { callPattern, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Unleash presets accept: the Node SDK, the browser client and the framework SDKs. */
export const UNLEASH_PACKAGES = ['unleash-client', 'unleash-proxy-client', '@unleash/*'];

// A variant is `{ name, enabled, payload }`: never the flag's value, so its checks are left as they are.
const VARIANT = returnsOther('a variant (name, enabled, payload)');

/**
 * Unleash: the Node SDK's `isEnabled(name, context?, fallback?)` and `getVariant(name, context?, fallbackVariant?)`,
 * the browser client's one-argument forms, and the React SDK's `useFlag` and `useVariant`.
 */
export const UNLEASH_PATTERNS: readonly FlagPattern[] = vendorPresets(UNLEASH_PACKAGES, [
  callPattern('unleash', 'isEnabled', 'boolean', { defaultArg: 2, returns: RETURNS_VALUE }),
  callPattern('unleash', 'getVariant', 'object', { defaultArg: 2, returns: VARIANT }),
  callPattern('unleash', 'useFlag', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('unleash', 'useVariant', 'object', { returns: VARIANT }),
]);
