// Explainable staleness: one verdict from every signal there is, with the signals that decided it.
//
// Decisions:
// - A permanent type (kill-switch, permission) is never stale, even when a backend marks it so: a
//   scanner that calls a kill switch stale invites its removal.
// - A backend's stale mark is stale.
// - Otherwise a flag is stale when it is past its type's lifetime (from `createdAt`, else from the first
//   commit that added its key to the code) and either settled
//   (released or dead, or LaunchDarkly's `launched` everywhere) or unused (no SDK evaluated it for
//   `unusedAfterDays`, LaunchDarkly's `inactive` everywhere, or no check in code);
// - without a creation date, when it is settled and unchanged for longer than its lifetime;
// - at any age, when no SDK evaluates it and no code checks it: nothing uses it.

import type { EnvironmentFlagState, FlagDefinition, ReleaseVerdict } from '../types';
import type { FlagTypeVerdict } from './flagType';
import type { FlagPolicy } from './policy';

const DAY = 24 * 60 * 60 * 1000;

/** Whether a flag is stale, and the signals that decided it, for people. */
export interface StalenessVerdict {
  stale: boolean;
  reasons: string[];
}

/** What the staleness of one flag is decided from. */
export interface StalenessInput {
  definition: FlagDefinition;
  type: FlagTypeVerdict;
  release: ReleaseVerdict;
  /** How many checks of the flag the code has. */
  references: number;
  countedEnvironments?: readonly string[];
  policy: FlagPolicy;
  /** ms since epoch. */
  now: number;
  /** ISO date of the first commit that added the key to the code (from git), for a flag without `createdAt`. */
  firstSeenInCode?: string;
}

/** The staleness verdict of one flag, with its reasons. */
export function stalenessOf(input: StalenessInput): StalenessVerdict {
  const { definition, type, release, references, policy, now } = input;
  if (type.lifetime === 'permanent') {
    const marked = definition.stale ? `, though ${definition.source} marks it stale` : '';
    return { stale: false, reasons: [`${type.type} flag (from ${type.from}): permanent, never stale${marked}`] };
  }
  if (definition.stale) return { stale: true, reasons: [`marked stale in ${definition.source}`] };

  const environments = countedStates(definition, input.countedEnvironments);
  const lifetimeText = `the ${type.lifetime} days ${/^[aeiou]/i.test(type.type) ? 'an' : 'a'} ${type.type} flag lives`;
  const created = daysSince(definition.createdAt, now);
  const seenInCode = created === undefined ? daysSince(input.firstSeenInCode, now) : undefined;
  const ageDays = created ?? seenInCode;
  // Age from git is told with its date, so a person can check the commit.
  const ageText = seenInCode === undefined
    ? `${plural(ageDays ?? 0, 'day')} old`
    : `first seen in code ${input.firstSeenInCode?.slice(0, 10) ?? ''} (git), ${plural(seenInCode, 'day')} ago`;
  const unchangedDays = newestDays(environments.map((environment) => environment.lastModified), now);
  const settled = settledReason(release, environments, unchangedDays);
  const unused = unusedReason(definition, environments, policy, now);
  const noReferences = references === 0 ? 'no check in code' : undefined;

  if (ageDays !== undefined && ageDays > type.lifetime) {
    const age = `${ageText}, past ${lifetimeText}`;
    const evidence = [settled, unused, noReferences].filter((reason): reason is string => reason !== undefined);
    if (evidence.length > 0) return { stale: true, reasons: [age, ...evidence] };
  }
  if (ageDays === undefined && settled !== undefined && unchangedDays !== undefined && unchangedDays > type.lifetime) {
    return { stale: true, reasons: [settled, `longer than ${lifetimeText}`] };
  }
  if (unused !== undefined && noReferences !== undefined) return { stale: true, reasons: [unused, noReferences] };

  return { stale: false, reasons: [notStaleReason(ageDays, ageText, type.lifetime, lifetimeText, settled, release)] };
}

// The one signal that kept the flag from being stale, the most telling first.
function notStaleReason(ageDays: number | undefined, ageText: string, lifetime: number, lifetimeText: string, settled: string | undefined, release: ReleaseVerdict): string {
  if (ageDays === undefined) return settled === undefined ? `${release.summary}; no creation date` : 'changed recently; no creation date';
  if (ageDays <= lifetime) return `${ageText}, within ${lifetimeText}`;
  return `past its lifetime, but still rolling out: ${release.summary}`;
}

// "serves true in every environment, unchanged for 45 days", or LaunchDarkly's launched everywhere.
function settledReason(release: ReleaseVerdict, environments: readonly EnvironmentFlagState[], unchangedDays: number | undefined): string | undefined {
  if (release.state === 'released' || release.state === 'dead') {
    return unchangedDays === undefined ? release.summary : `${release.summary}, unchanged for ${plural(unchangedDays, 'day')}`;
  }
  if (environments.length > 0 && environments.every((environment) => environment.backendStatus === 'launched')) {
    return 'launched in every environment (serves one variation to everyone)';
  }
  return undefined;
}

// No SDK evaluated it lately: the newest evaluation any environment reports, or LaunchDarkly's inactive everywhere.
function unusedReason(definition: FlagDefinition, environments: readonly EnvironmentFlagState[], policy: FlagPolicy, now: number): string | undefined {
  if (environments.length > 0 && environments.every((environment) => environment.backendStatus === 'inactive')) {
    return 'inactive in every environment (not evaluated for 7 days)';
  }
  const seen = [...environments.map((environment) => environment.lastSeenAt), definition.lastSeenAt];
  const days = newestDays(seen, now);
  if (days !== undefined && days >= policy.unusedAfterDays) return `last evaluated ${plural(days, 'day')} ago`;
  return undefined;
}

function countedStates(definition: FlagDefinition, counted: readonly string[] | undefined): EnvironmentFlagState[] {
  if (counted === undefined || counted.length === 0) return definition.environments;
  return definition.environments.filter((environment) => counted.includes(environment.environment));
}

/** Whole days from the newest of the dates to now; undefined when none is a date. */
function newestDays(dates: ReadonlyArray<string | undefined>, now: number): number | undefined {
  const times = dates.flatMap((date) => (date === undefined || Number.isNaN(Date.parse(date)) ? [] : [Date.parse(date)]));
  return times.length === 0 ? undefined : Math.max(0, Math.floor((now - Math.max(...times)) / DAY));
}

function daysSince(date: string | undefined, now: number): number | undefined {
  return newestDays([date], now);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
