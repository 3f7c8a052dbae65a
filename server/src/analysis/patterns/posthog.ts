import type { FlagPattern } from '../types';
import { callPattern } from './define';

/**
 * PostHog: browser `(key)` and Node `(key, distinctId)` methods, and the React hooks. A flag answers a boolean or,
 * when it has variants, the variant's name, so only the boolean and payload methods name a value type.
 */
export const POSTHOG_PATTERNS: readonly FlagPattern[] = [
  callPattern('posthog', 'isFeatureEnabled', 'boolean'),
  callPattern('posthog', 'getFeatureFlag', 'unknown'),
  callPattern('posthog', 'getFeatureFlagPayload', 'object'),
  callPattern('posthog', 'useFeatureFlagEnabled', 'boolean'),
  callPattern('posthog', 'useFeatureFlagVariantKey', 'unknown'),
  callPattern('posthog', 'useFeatureFlagPayload', 'object'),
];
