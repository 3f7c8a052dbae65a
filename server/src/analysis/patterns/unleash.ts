import type { FlagPattern } from '../types';
import { callPattern } from './define';

/**
 * Unleash: the Node SDK's `isEnabled(name, context?, fallback?)` and `getVariant(name, context?, fallbackVariant?)`,
 * the browser client's one-argument forms, and the React SDK's `useVariant`. Its `useFlag` is the OpenFeature preset.
 */
export const UNLEASH_PATTERNS: readonly FlagPattern[] = [
  callPattern('unleash', 'isEnabled', 'boolean', { defaultArg: 2 }),
  callPattern('unleash', 'getVariant', 'object', { defaultArg: 2 }),
  callPattern('unleash', 'useVariant', 'object'),
];
