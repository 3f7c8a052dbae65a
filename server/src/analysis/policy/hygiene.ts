// What the policy makes of one flag: its type, whether it is stale and why, and whether it may be
// removed. The hover, the diagnostics, the code actions, the Flags view and the CLI all ask here, so
// that a kill switch is "permanent" and never "ready to remove" everywhere at once.

import { findDefinition } from '../match';
import { flagRemovability, type Removability } from '../removability';
import type { FlagCatalog, FlagCheck, FlagDefinition } from '../types';
import { flagTypeOf, type FlagTypeVerdict } from './flagType';
import type { FlagPolicy } from './policy';
import { stalenessOf, type StalenessVerdict } from './staleness';

/** What the verdicts are decided against: the policy, the time, and every check of a flag in the workspace. */
export interface PolicyContext {
  policy: FlagPolicy;
  /** ms since epoch. */
  now: number;
  /** Every check of the flag with this (defined) key in the workspace: their annotations and their count count. */
  checksOf(key: string): readonly FlagCheck[];
  /** ISO date of the first commit that added the key to the code, where git was asked (see workspace/gitFirstSeen.ts). */
  firstSeenInCode?(key: string): string | undefined;
}

/** A flag's type, staleness and removability as a whole. */
export interface FlagHygiene {
  type: FlagTypeVerdict;
  staleness: StalenessVerdict;
  removability: Removability;
}

/** The policy's verdicts on one defined flag. */
export function flagHygiene(definition: FlagDefinition, catalog: FlagCatalog, context: PolicyContext): FlagHygiene {
  const checks = context.checksOf(definition.key);
  const type = flagTypeOf(definition.key, definition, checks, context.policy);
  const removability = flagRemovability(definition, catalog.countedEnvironments, type);
  const staleness = stalenessOf({
    definition,
    type,
    release: removability.verdict,
    references: checks.length,
    countedEnvironments: catalog.countedEnvironments,
    policy: context.policy,
    now: context.now,
    // Only a flag checked in code and without a creation date needs one: git is asked for no other.
    firstSeenInCode: checks.length > 0 && !validDate(definition.createdAt) ? context.firstSeenInCode?.(definition.key) : undefined,
  });
  return { type, staleness, removability };
}

function validDate(date: string | undefined): boolean {
  return date !== undefined && !Number.isNaN(Date.parse(date));
}

/**
 * True when the flag is to be reported as stale: the backend marks it and the policy agrees, or the policy
 * finds it stale while it still rolls out. A released or dead flag that is stale is told as released or
 * dead instead, with its removal as the remedy.
 */
export function reportedStale(hygiene: FlagHygiene, definition: FlagDefinition): boolean {
  if (!hygiene.staleness.stale) return false;
  const { state } = hygiene.removability.verdict;
  return definition.stale || (state !== 'released' && state !== 'dead');
}

/** Every resolved check by the key of the flag it names (a camelCased bag property under its flag's key). */
export function checksByFlag(allChecks: Iterable<[string, readonly FlagCheck[]]>, catalog: FlagCatalog): Map<string, Array<{ file: string; check: FlagCheck }>> {
  const byKey = new Map<string, Array<{ file: string; check: FlagCheck }>>();
  for (const [file, checks] of allChecks) {
    for (const check of checks) {
      // A key that could not be worked out names no flag.
      if (!check.resolved) continue;
      const key = findDefinition(check, catalog)?.key ?? check.key;
      const list = byKey.get(key) ?? [];
      list.push({ file, check });
      byKey.set(key, list);
    }
  }
  return byKey;
}

/** A context whose checks are those of `allChecks`, for callers that hold them all (the CLI, tests). */
export function policyContextOf(
  allChecks: Iterable<[string, readonly FlagCheck[]]>,
  catalog: FlagCatalog,
  policy: FlagPolicy,
  now: number,
  firstSeenInCode?: (key: string) => string | undefined,
): PolicyContext {
  return policyContextFor(checksByFlag(allChecks, catalog), policy, now, firstSeenInCode);
}

/** A context over checks already grouped by flag (`checksByFlag`). */
export function policyContextFor(
  byKey: ReadonlyMap<string, ReadonlyArray<{ check: FlagCheck }>>,
  policy: FlagPolicy,
  now: number,
  firstSeenInCode?: (key: string) => string | undefined,
): PolicyContext {
  return { policy, now, checksOf: (key) => (byKey.get(key) ?? []).map((reference) => reference.check), firstSeenInCode };
}
