import type { FlagPattern } from '../types';
import { callPattern, returnsObject, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the Statsig presets accept: the legacy and current client, React and server SDKs. */
export const STATSIG_PACKAGES = ['statsig-js', 'statsig-react', 'statsig-react-native', 'statsig-node', '@statsig/*'];

// The server SDKs ask for a user first: `checkGate(user, gate)`; the client SDKs hold the user: `checkGate(gate)`.
// Every other package of the vendor is a client's (React, React Native, Angular bindings): the server form is
// listed first, so that a server package's call takes it.
const SERVER = ['statsig-node', '@statsig/statsig-node-core'];
const CLIENT = STATSIG_PACKAGES;

// A gate object (`{ name, value, ruleID, details }`) holds the gate's answer at `.value`.
const GATE = returnsObject(['value'], 'the gate (rule, evaluation details)');
// An experiment, a dynamic config or a layer is a set of parameters read with `.get(name, default)`: no one value.
const PARAMETERS = returnsOther('a set of parameters (experiment, config or layer)');

/** Statsig: gates (the flags), and experiments, dynamic configs and layers (other), on clients, servers and in React. */
export const STATSIG_PATTERNS: readonly FlagPattern[] = vendorPresets(STATSIG_PACKAGES, [
  ...(['checkGate', 'checkGateSync'] as const).flatMap((name) => [
    callPattern('statsig', name, 'boolean', { keyArg: 1, returns: RETURNS_VALUE, packages: SERVER }),
    callPattern('statsig', name, 'boolean', { returns: RETURNS_VALUE, packages: CLIENT }),
  ]),
  callPattern('statsig', 'getFeatureGate', 'boolean', { keyArg: 1, returns: GATE, packages: SERVER }),
  callPattern('statsig', 'getFeatureGate', 'boolean', { returns: GATE, packages: CLIENT }),
  ...['getExperiment', 'getExperimentSync', 'getConfig', 'getConfigSync', 'getDynamicConfig', 'getLayer', 'getLayerSync'].flatMap((name) => [
    callPattern('statsig', name, 'object', { keyArg: 1, returns: PARAMETERS, packages: SERVER }),
    callPattern('statsig', name, 'object', { returns: PARAMETERS, packages: CLIENT }),
  ]),
  // statsig-react's `useGate` gives `{ value, isLoading }`; the current bindings' `useGateValue` the boolean, `useFeatureGate` the gate.
  callPattern('statsig', 'useGate', 'boolean', { returns: returnsObject(['value'], 'the loading state') }),
  callPattern('statsig', 'useGateValue', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('statsig', 'useFeatureGate', 'boolean', { returns: GATE }),
  ...['useExperiment', 'useConfig', 'useDynamicConfig', 'useLayer'].map((name) => callPattern('statsig', name, 'object', { returns: PARAMETERS })),
]);
