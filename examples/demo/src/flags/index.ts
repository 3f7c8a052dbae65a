export * from './keys';
export { isFeatureOn, isFlagDisabled } from './client';
