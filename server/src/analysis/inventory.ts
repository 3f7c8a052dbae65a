// The flag inventory of a folder: every defined flag with its release state, then every key checked in
// code that no environment defines, each with the checks that ask for it. The Flags view and the CLI's
// flag list are both made from it.

import { findDefinition } from './match';
import { flagRemovability, removabilityAtCheck } from './removability';
import type { FlagCatalog, FlagCheck, FlagDefinition, ReleaseState } from './types';

/** One check of a flag and the file it is in. */
export interface InventoryReference {
  file: string;
  check: FlagCheck;
}

/** One flag of the inventory. */
export interface InventoryEntry {
  key: string;
  state: ReleaseState | 'unknown';
  /** What the flag serves, for people: "serves true in every environment", "not defined in any environment". */
  summary: string;
  definition?: FlagDefinition;
  references: InventoryReference[];
  /** True when the clean-up can remove it at one of its checks at least. */
  removable: boolean;
}

/** The inventory, by key. Without any definition loaded, every key checked in code is listed as unknown. */
export function flagInventory(allChecks: Iterable<[string, readonly FlagCheck[]]>, catalog: FlagCatalog): InventoryEntry[] {
  const referencesByKey = new Map<string, InventoryReference[]>();
  for (const [file, checks] of allChecks) {
    for (const check of checks) {
      // A key that could not be worked out names no flag.
      if (!check.resolved) continue;
      const key = findDefinition(check, catalog)?.key ?? check.key;
      const list = referencesByKey.get(key) ?? [];
      list.push({ file, check });
      referencesByKey.set(key, list);
    }
  }
  const entries: InventoryEntry[] = [...catalog.definitions.values()].map((definition) => {
    const references = referencesByKey.get(definition.key) ?? [];
    const whole = flagRemovability(definition, catalog.countedEnvironments);
    return {
      key: definition.key,
      state: whole.verdict.state,
      summary: whole.verdict.summary,
      definition,
      references,
      removable: references.some(({ check }) => removabilityAtCheck(whole, check).removable),
    };
  });
  const unknownSummary = catalog.loaded ? 'not defined in any environment' : 'no flag definitions loaded';
  for (const [key, references] of referencesByKey) {
    if (!catalog.definitions.has(key)) entries.push({ key, state: 'unknown', summary: unknownSummary, references, removable: false });
  }
  return entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
