import { OpenFeature, type EvaluationContext } from '@openfeature/server-sdk';

const client = OpenFeature.getClient('shop');

/** True when the flag is on for this request; `fallback` when the flag service cannot answer. */
export async function isFeatureOn(key: string, fallback = false, context?: EvaluationContext): Promise<boolean> {
  return client.getBooleanValue(key, fallback, context);
}

/** True when the flag is off: reads better than `!(await isFeatureOn(...))` for kill switches. */
export async function isFlagDisabled(key: string, context?: EvaluationContext): Promise<boolean> {
  return !(await client.getBooleanValue(key, false, context));
}
