import type { FlagPattern } from '../types';
import { callPattern, returnsOther, RETURNS_VALUE, vendorPresets } from './define';

/** The packages whose functions and clients the PostHog presets accept: the browser SDK (and its `/react`), Node, React Native. */
export const POSTHOG_PACKAGES = ['posthog-js', 'posthog-node', 'posthog-react-native', '@posthog/*'];

// A payload is the JSON attached to a flag's variant, not the flag's value.
const PAYLOAD = returnsOther("the variant's payload");

/**
 * PostHog: browser `(key)` and Node `(key, distinctId)` methods, and the React hooks. A flag answers a boolean or,
 * when it has variants, the variant's name, so only the boolean and payload methods name a value type.
 */
export const POSTHOG_PATTERNS: readonly FlagPattern[] = vendorPresets(POSTHOG_PACKAGES, [
  callPattern('posthog', 'isFeatureEnabled', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('posthog', 'getFeatureFlag', 'unknown', { returns: RETURNS_VALUE }),
  callPattern('posthog', 'getFeatureFlagPayload', 'object', { returns: PAYLOAD }),
  callPattern('posthog', 'useFeatureFlagEnabled', 'boolean', { returns: RETURNS_VALUE }),
  callPattern('posthog', 'useFeatureFlagVariantKey', 'unknown', { returns: RETURNS_VALUE }),
  callPattern('posthog', 'useFeatureFlagPayload', 'object', { returns: PAYLOAD }),
  // posthog-js/react's component, read as a JSX element (`<PostHogFeature flag="new-nav" match={true}>`).
  callPattern('posthog', 'PostHogFeature', 'unknown', { keyPath: ['flag'], returns: returnsOther('what the component renders') }),
  // posthog-node 5.33+: `const flags = await posthog.evaluateFlags(distinctId)` fetches once, then each flag is read from
  // the snapshot it gives. Only a receiver made from the Node client counts, so Unleash's own `isEnabled` is not taken.
  callPattern('posthog', 'isEnabled', 'boolean', { returns: RETURNS_VALUE, packages: ['posthog-node'] }),
  callPattern('posthog', 'getFlag', 'unknown', { returns: RETURNS_VALUE, packages: ['posthog-node'] }),
  callPattern('posthog', 'getFlagPayload', 'object', { returns: PAYLOAD, packages: ['posthog-node'] }),
  // Every flag at once, read one by one: `(await posthog.getAllFlags(distinctId))['x']` (Node).
  { sdk: 'posthog', callee: 'getAllFlags', kind: 'bag', keyArg: 0, valueType: 'unknown', negate: false, returns: RETURNS_VALUE },
]);
