import type { ObjectBag } from '../bags';
import { RETURNS_VALUE } from './define';

/** The package whose `config` holds Grafana's feature toggles. */
export const GRAFANA_PACKAGES = ['@grafana/runtime'];

/**
 * Grafana's feature toggles, as Grafana's front end and its plugins read them: `config.featureToggles.logsPanelControls`,
 * a bag of booleans the server renders into the page, with `config` imported from @grafana/runtime. Not a call: the
 * bag is an object read where the import names it, so a plugin's own `config` of another origin is no bag.
 */
export const GRAFANA_OBJECT_BAGS: readonly ObjectBag[] = [{
  names: ['config', 'featureToggles'],
  pattern: {
    sdk: 'grafana', callee: 'config.featureToggles', kind: 'bag', keyArg: 0, valueType: 'boolean', negate: false, returns: RETURNS_VALUE,
    packages: GRAFANA_PACKAGES,
  },
}];
