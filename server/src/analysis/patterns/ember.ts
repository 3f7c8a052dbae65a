import type { FlagPattern } from '../types';
import { callPattern, RETURNS_VALUE, vendorPresets } from './define';

/** The package whose decorator injects an Ember service into a class's field. */
export const EMBER_SERVICE_PACKAGES = ['@ember/service'];

/**
 * ember-feature-flags registers the service `features`, which a class injects with `@service features;` and asks
 * `this.features.isEnabled('new-billing')`. Nothing imports the addon: the evidence is the injection, a field named
 * `features` decorated with @ember/service's `service` (or its older name, `inject`).
 */
export const EMBER_PATTERNS: readonly FlagPattern[] = vendorPresets(EMBER_SERVICE_PACKAGES, [
  callPattern('ember', 'features.isEnabled', 'boolean', { returns: RETURNS_VALUE }),
]);

/**
 * True when a text may read ember-feature-flags' service (it injects a service and names the addon's, see
 * scan/emberFeatures.ts); false only when it cannot. Most of an Ember app's classes inject some service: the name keeps the
 * others skeletons, and their open documents scanned a statement at a time.
 */
export function mayReadEmberFeatures(text: string): boolean {
  return text.includes('@ember/service') && text.includes('features');
}
