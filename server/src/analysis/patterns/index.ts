import { parseBagSpec, type BagEntry, type ObjectBag } from '../bags';
import type { FlagPattern, UserPattern } from '../types';
import { calleeLastName, callPattern } from './define';
import { CONFIGCAT_PATTERNS } from './configcat';
import { DEVCYCLE_PATTERNS } from './devcycle';
import { FLAGSMITH_PATTERNS } from './flagsmith';
import { GROWTHBOOK_PATTERNS } from './growthbook';
import { LAUNCHDARKLY_PATTERNS } from './launchdarkly';
import { OPENFEATURE_PATTERNS } from './openfeature';
import { OPTIMIZELY_PATTERNS } from './optimizely';
import { POSTHOG_PATTERNS } from './posthog';
import { SPLIT_PATTERNS } from './split';
import { STATSIG_PATTERNS } from './statsig';
import { UNLEASH_PATTERNS } from './unleash';
import { VERCEL_PATTERNS } from './vercel';

/** Every vendor's preset patterns; each matches only calls whose function or receiver comes from its packages. */
export const PRESET_PATTERNS: readonly FlagPattern[] = [
  ...OPENFEATURE_PATTERNS,
  ...LAUNCHDARKLY_PATTERNS,
  ...UNLEASH_PATTERNS,
  ...GROWTHBOOK_PATTERNS,
  ...POSTHOG_PATTERNS,
  ...STATSIG_PATTERNS,
  ...DEVCYCLE_PATTERNS,
  ...CONFIGCAT_PATTERNS,
  ...FLAGSMITH_PATTERNS,
  ...SPLIT_PATTERNS,
  ...OPTIMIZELY_PATTERNS,
  ...VERCEL_PATTERNS,
];

/** Every package a preset accepts: an import from one of these ends the search for a call's evidence. */
export const VENDOR_PACKAGES: readonly string[] = [...new Set(PRESET_PATTERNS.flatMap((pattern) => pattern.packages ?? []))];

/** The patterns one workspace folder scans with. */
export interface PatternSet {
  readonly patterns: readonly FlagPattern[];
  /** every callee's last name, for a cheap text prefilter */
  readonly calleeNames: readonly string[];
  /** Bag objects named in `.flaglens.json` (`uiConfig.flags`); their last names are among `calleeNames`. */
  readonly objectBags?: readonly ObjectBag[];
}

export { calleeLastName, isFromPackages } from './define';

/** A team's wrapper from `.flaglens.json` as a pattern. */
export function userPatternToFlagPattern(user: UserPattern): FlagPattern {
  const negate = user.negate ?? false;
  const pattern = callPattern('custom', user.callee.trim(), user.type ?? (negate ? 'boolean' : 'unknown'), {
    keyArg: user.keyArg ?? 0,
    ...(user.defaultArg === undefined ? {} : { defaultArg: user.defaultArg }),
    ...(user.returns === undefined ? {} : { returns: user.returns }),
    negate,
  });
  pattern.evidence = `\`${pattern.callee}\` is named in .flaglens.json`;
  if (user.keyPath !== undefined && user.keyPath.length > 0) pattern.keyPath = [...user.keyPath];
  return pattern;
}

/**
 * The presets plus a team's own patterns. A user pattern replaces every preset with the same last name:
 * a team's own `useFlag(user, key)` must not also be read as a vendor's `useFlag(key)`.
 */
export function buildPatternSet(userPatterns: readonly UserPattern[], bags: readonly BagEntry[] = []): PatternSet {
  const specs = bags.flatMap((bag) => parseBagSpec(bag) ?? []);
  const bagCalls = specs.flatMap((spec) => (spec.kind === 'call' ? [spec.pattern] : []));
  const objectBags = specs.flatMap((spec) => (spec.kind === 'object' ? [spec.bag] : []));
  const custom = [...userPatterns.map(userPatternToFlagPattern), ...bagCalls];
  const replaced = new Set(custom.map((pattern) => calleeLastName(pattern.callee)));
  const patterns = [...PRESET_PATTERNS.filter((pattern) => !replaced.has(calleeLastName(pattern.callee))), ...custom];
  const calleeNames = [...new Set([...patterns.map((pattern) => calleeLastName(pattern.callee)), ...objectBags.map((bag) => bag.names[bag.names.length - 1])])];
  return objectBags.length > 0 ? { patterns, calleeNames, objectBags } : { patterns, calleeNames };
}
