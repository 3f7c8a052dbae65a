import type { FlagPattern } from '../types';
import { callPattern, returnsObject, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Flipt presets accept: the client SDKs (JS, browser, React) and the server SDK. */
export const FLIPT_PACKAGES = ['@flipt-io/*'];

/**
 * Flipt: a client's `evaluateBoolean({ flagKey, entityId, context })` (on at `.enabled`) and `evaluateVariant(…)` (the
 * variant at `.variantKey`); the server SDK's `client.evaluation.boolean(…)` and `.variant(…)`, given the same request;
 * React's `useFliptBoolean(flagKey, fallback, entityId)` and `useFliptVariant`, which give the value.
 */
export const FLIPT_PATTERNS: readonly FlagPattern[] = vendorPresets(FLIPT_PACKAGES, [
  callPattern('flipt', 'evaluateBoolean', 'boolean', { keyPath: ['flagKey'], returns: returnsObject(['enabled'], 'the evaluation (reason, flag key)') }),
  callPattern('flipt', 'evaluateVariant', 'string', { keyPath: ['flagKey'], returns: returnsObject(['variantKey'], 'the evaluation (match, attachment, reason)') }),
  callPattern('flipt', 'evaluation.boolean', 'boolean', { keyPath: ['flagKey'], returns: returnsObject(['enabled'], 'the evaluation (reason, flag key)') }),
  callPattern('flipt', 'evaluation.variant', 'string', { keyPath: ['flagKey'], returns: returnsObject(['variantKey'], 'the evaluation (match, attachment, reason)') }),
  callPattern('flipt', 'useFliptBoolean', 'boolean', { defaultArg: 1, returns: RETURNS_VALUE }),
  callPattern('flipt', 'useFliptVariant', 'string', { defaultArg: 1, returns: RETURNS_VALUE }),
]);
