import type { FlagPattern } from '../types';
import { callPattern, returnsObject, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Optimizely presets accept. */
export const OPTIMIZELY_PACKAGES = ['@optimizely/*'];

/**
 * Optimizely Feature Experimentation: a user context's `decide(key)` (from `client.createUserContext(...)`), the
 * legacy `isFeatureEnabled(key, userId, attributes?)`, and the React SDK's `useDecision(key)`.
 */
export const OPTIMIZELY_PATTERNS: readonly FlagPattern[] = vendorPresets(OPTIMIZELY_PACKAGES, [
  // A decision holds whether the flag is on at `.enabled`, beside the variation and its variables.
  callPattern('optimizely', 'decide', 'boolean', { returns: returnsObject(['enabled'], 'the decision (variationKey, variables, reasons)') }),
  callPattern('optimizely', 'isFeatureEnabled', 'boolean', { minArgs: 2, returns: RETURNS_VALUE }),
  // `[decision, clientReady, didTimeout]`: a tuple, not the value.
  callPattern('optimizely', 'useDecision', 'boolean', { returns: returnsOther('a tuple [decision, clientReady, didTimeout]') }),
]);
