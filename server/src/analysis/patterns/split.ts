import type { FlagPattern } from '../types';
import { callPattern, returnsObject, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Split presets accept. */
export const SPLIT_PACKAGES = ['@splitsoftware/*'];

// The browser and React SDKs' clients hold the user: `getTreatment(split, attributes?)`. The isomorphic package's
// server form asks for the user first, `getTreatment(key, split, attributes?)`; with one argument it is the browser's.
const BROWSER = ['@splitsoftware/splitio-browserjs', '@splitsoftware/splitio-react', '@splitsoftware/splitio-react-native'];
const ISOMORPHIC = ['@splitsoftware/splitio'];
// The treatment (`'on'`, `'off'`, a variant name) is the flag's value; `WithConfig` adds the treatment's JSON config.
const WITH_CONFIG = returnsObject(['treatment'], "the treatment's config");
const EVERY_TREATMENT = returnsOther('the treatment of each name in the list');
const REACT = ['@splitsoftware/splitio-react'];

/**
 * Split: a treatment is the flag's value. `getTreatments`, `getTreatmentsWithConfig` and React's `useTreatments` take a
 * list of names, each a check (see callDrafts in scan/checks.ts); what they give is an object of every treatment, no one
 * flag's value. So do React's `useSplitTreatments({ names })`, the component `<SplitTreatments names={[…]}>` (it
 * renders its child function with them) and `withSplitTreatments(names)` (a wrapper of a component); React's
 * `useTreatment({ name })` gives one flag's treatment at `.treatment`.
 */
export const SPLIT_PATTERNS: readonly FlagPattern[] = vendorPresets(SPLIT_PACKAGES, [
  callPattern('split', 'getTreatment', 'string', { returns: RETURNS_VALUE, packages: BROWSER }),
  callPattern('split', 'getTreatment', 'string', { keyArg: 1, keyArgByArgCount: { 1: 0 }, returns: RETURNS_VALUE, packages: ISOMORPHIC }),
  callPattern('split', 'getTreatmentWithConfig', 'string', { returns: WITH_CONFIG, packages: BROWSER }),
  callPattern('split', 'getTreatmentWithConfig', 'string', { keyArg: 1, keyArgByArgCount: { 1: 0 }, returns: WITH_CONFIG, packages: ISOMORPHIC }),
  ...['getTreatments', 'getTreatmentsWithConfig'].flatMap((method) => [
    callPattern('split', method, 'string', { returns: EVERY_TREATMENT, packages: BROWSER }),
    callPattern('split', method, 'string', { keyArg: 1, keyArgByArgCount: { 1: 0 }, returns: EVERY_TREATMENT, packages: ISOMORPHIC }),
  ]),
  callPattern('split', 'useTreatments', 'string', { returns: EVERY_TREATMENT, packages: REACT }),
  callPattern('split', 'useSplitTreatments', 'string', { keyPath: ['names'], returns: EVERY_TREATMENT, packages: REACT }),
  callPattern('split', 'SplitTreatments', 'string', { keyPath: ['names'], returns: returnsOther('what the component renders with every treatment'), packages: REACT }),
  callPattern('split', 'withSplitTreatments', 'string', { returns: returnsOther('a wrapper of a component, which it renders with every treatment'), packages: REACT }),
  callPattern('split', 'useTreatment', 'string', { keyPath: ['name'], returns: returnsObject(['treatment'], 'whether the SDK is ready'), packages: REACT }),
]);
