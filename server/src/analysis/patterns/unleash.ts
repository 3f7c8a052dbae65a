import type { FlagPattern } from '../types';
import { callPattern, returnsOther, RETURNS_VALUE } from './define';

// A variant is `{ name, enabled, payload }`: never the flag's value, so its checks are left as they are.
const VARIANT = returnsOther('a variant (name, enabled, payload)');

/**
 * Unleash: the Node SDK's `isEnabled(name, context?, fallback?)` and `getVariant(name, context?, fallbackVariant?)`,
 * the browser client's one-argument forms, and the React SDK's `useVariant`. Its `useFlag` is the OpenFeature preset.
 */
export const UNLEASH_PATTERNS: readonly FlagPattern[] = [
  callPattern('unleash', 'isEnabled', 'boolean', { defaultArg: 2, returns: RETURNS_VALUE }),
  callPattern('unleash', 'getVariant', 'object', { defaultArg: 2, returns: VARIANT }),
  callPattern('unleash', 'useVariant', 'object', { returns: VARIANT }),
];
