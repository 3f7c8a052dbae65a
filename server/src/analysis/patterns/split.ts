import type { FlagPattern } from '../types';
import { callPattern, returnsObject, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Split presets accept. */
export const SPLIT_PACKAGES = ['@splitsoftware/*'];

// The browser and React SDKs' clients hold the user: `getTreatment(split, attributes?)`. The isomorphic package's
// server form asks for the user first, `getTreatment(key, split, attributes?)`; with one argument it is the browser's.
const BROWSER = ['@splitsoftware/splitio-browserjs', '@splitsoftware/splitio-react', '@splitsoftware/splitio-react-native'];
const ISOMORPHIC = ['@splitsoftware/splitio'];
// The treatment (`'on'`, `'off'`, a variant name) is the flag's value; `WithConfig` adds the treatment's JSON config.
const WITH_CONFIG = returnsObject(['treatment'], "the treatment's config");

/** Split: a treatment is the flag's value. `getTreatments` and `useTreatments` take arrays of names: not a check of one key. */
export const SPLIT_PATTERNS: readonly FlagPattern[] = vendorPresets(SPLIT_PACKAGES, [
  callPattern('split', 'getTreatment', 'string', { returns: RETURNS_VALUE, packages: BROWSER }),
  callPattern('split', 'getTreatment', 'string', { keyArg: 1, keyArgByArgCount: { 1: 0 }, returns: RETURNS_VALUE, packages: ISOMORPHIC }),
  callPattern('split', 'getTreatmentWithConfig', 'string', { returns: WITH_CONFIG, packages: BROWSER }),
  callPattern('split', 'getTreatmentWithConfig', 'string', { keyArg: 1, keyArgByArgCount: { 1: 0 }, returns: WITH_CONFIG, packages: ISOMORPHIC }),
]);
