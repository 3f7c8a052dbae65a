// Which flag definition a flag check asks for.

import { camelCaseFromFlagKey } from './keys';
import type { FlagCatalog, FlagCheck, FlagDefinition } from './types';

/** The definition a check refers to: by exact key, or for a camelCased bag property, by the key camelCased. */
export function findDefinition(check: FlagCheck, catalog: FlagCatalog): FlagDefinition | undefined {
  const exact = catalog.definitions.get(check.key);
  if (exact !== undefined || check.camelCaseName === undefined) return exact;
  return definitionsByCamelCaseName(catalog).get(check.camelCaseName);
}

// A catalog's definitions are replaced, not edited, when a backend reloads, so the lookup can live
// as long as the definitions map does.
const camelCaseLookups = new WeakMap<Map<string, FlagDefinition>, Map<string, FlagDefinition>>();

function definitionsByCamelCaseName(catalog: FlagCatalog): Map<string, FlagDefinition> {
  let lookup = camelCaseLookups.get(catalog.definitions);
  if (lookup === undefined) {
    lookup = new Map();
    for (const definition of catalog.definitions.values()) {
      const name = camelCaseFromFlagKey(definition.key);
      // Keys that camelCase alike are ambiguous; the first in catalog order wins, deterministically.
      if (!lookup.has(name)) lookup.set(name, definition);
    }
    camelCaseLookups.set(catalog.definitions, lookup);
  }
  return lookup;
}
