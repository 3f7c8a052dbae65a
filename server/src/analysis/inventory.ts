// The flag inventory of a folder: every defined flag with its release state, type and staleness, then
// every key checked in code that no environment defines, each with the checks that ask for it. The
// Flags view, the CLI's flag list and `flaglens report` are all made from it.

import { checksByFlag, flagHygiene, policyContextFor, type FlagHygiene } from './policy/hygiene';
import type { FlagPolicy } from './policy/policy';
import { removabilityAtCheck } from './removability';
import { stageOf } from './stages';
import type { FlagCatalog, FlagCheck, FlagDefinition, ReleaseStage, ReleaseState } from './types';

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
  /** The policy's verdicts on a defined flag: type, staleness with its reasons, removability. */
  hygiene?: FlagHygiene;
  /** ISO date of the first commit that added the key to the code, for a flag without `createdAt`, where git was asked. */
  firstSeenInCode?: string;
  references: InventoryReference[];
  /** True when the clean-up can remove it at one of its checks at least. */
  removable: boolean;
}

/** The inventory, by key. Without any definition loaded, every key checked in code is listed as unknown. */
export function flagInventory(
  allChecks: Iterable<[string, readonly FlagCheck[]]>,
  catalog: FlagCatalog,
  policy: FlagPolicy,
  now: number,
  firstSeenInCode?: (key: string) => string | undefined,
): InventoryEntry[] {
  const referencesByKey = checksByFlag(allChecks, catalog);
  const context = policyContextFor(referencesByKey, policy, now, firstSeenInCode);
  const entries: InventoryEntry[] = [...catalog.definitions.values()].map((definition) => {
    const references = referencesByKey.get(definition.key) ?? [];
    const hygiene = flagHygiene(definition, catalog, context);
    const whole = hygiene.removability;
    return {
      key: definition.key,
      state: whole.verdict.state,
      summary: whole.verdict.summary,
      definition,
      hygiene,
      // As in flagHygiene: only a checked flag without a creation date is looked up.
      firstSeenInCode: references.length > 0 && definition.createdAt === undefined ? firstSeenInCode?.(definition.key) : undefined,
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

/** How many flags are in each release state and of each type, and per environment in each stage. */
export interface InventoryCounts {
  byState: Record<string, number>;
  byType: Record<string, number>;
  byStage: Record<string, Partial<Record<ReleaseStage, number>>>;
}

/** The counts of `flaglens report` and the Flags view's header: states of every entry, types and stages of defined flags. */
export function inventoryCounts(inventory: readonly InventoryEntry[]): InventoryCounts {
  const byState: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const byStage: InventoryCounts['byStage'] = {};
  for (const entry of inventory) {
    byState[entry.state] = (byState[entry.state] ?? 0) + 1;
    if (entry.hygiene === undefined) continue;
    byType[entry.hygiene.type.type] = (byType[entry.hygiene.type.type] ?? 0) + 1;
    for (const state of entry.definition?.environments ?? []) {
      const stages = byStage[state.environment] ??= {};
      const { stage } = stageOf(state);
      stages[stage] = (stages[stage] ?? 0) + 1;
    }
  }
  return { byState, byType, byStage };
}

/** "2 rolling out · 1 released" and "3 release · 1 kill-switch": the counts in one line each. */
export function countsText(counts: Pick<InventoryCounts, 'byState' | 'byType'>): { states: string; types: string } {
  const states = Object.entries(counts.byState).map(([state, count]) => `${count} ${state.replace('-', ' ')}`).join(' · ');
  const types = Object.entries(counts.byType).map(([type, count]) => `${count} ${type}`).join(' · ');
  return { states, types };
}
