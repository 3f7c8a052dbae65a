import type { FlagPattern } from '../types';
import { callPattern, returnsObject, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Flipt presets accept: the client SDKs (JS, browser, React). */
export const FLIPT_PACKAGES = ['@flipt-io/*'];

/**
 * Flipt: a client's `evaluateBoolean({ flagKey, entityId, context })` (on at `.enabled`) and `evaluateVariant(…)` (the
 * variant at `.variantKey`); React's `useFliptBoolean(flagKey, fallback, entityId)` and `useFliptVariant`, which give the
 * value. The older server SDK's `client.evaluation.boolean(…)` is left to `.flaglens.json`: names as common as `boolean`
 * and `variant`, asked of every file by the prefilter, cost the 20k-file index 3% of its CPU.
 */
export const FLIPT_PATTERNS: readonly FlagPattern[] = vendorPresets(FLIPT_PACKAGES, [
  callPattern('flipt', 'evaluateBoolean', 'boolean', { keyPath: ['flagKey'], returns: returnsObject(['enabled'], 'the evaluation (reason, flag key)') }),
  callPattern('flipt', 'evaluateVariant', 'string', { keyPath: ['flagKey'], returns: returnsObject(['variantKey'], 'the evaluation (match, attachment, reason)') }),
  callPattern('flipt', 'useFliptBoolean', 'boolean', { defaultArg: 1, returns: RETURNS_VALUE }),
  callPattern('flipt', 'useFliptVariant', 'string', { defaultArg: 1, returns: RETURNS_VALUE }),
]);
