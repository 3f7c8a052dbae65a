// A team's flag policy (`policy` in `.flaglens.json`): the kinds of flag it has and how long each may
// live, which type a key has when nothing else says, how keys are named, which metadata every flag needs
// and what fails CI. Plain data with safe defaults; workspace/policyConfig.ts reads it from the file.

/** How long a type of flag may live: a number of days, or `permanent` (never stale, never removed). */
export type Lifetime = number | 'permanent';

/** A casing a flag key may be required to have. */
export type KeyCasing = 'kebab' | 'snake' | 'camel';

/** How flag keys are named: a casing and/or a regular expression, after one of the optional prefixes. */
export interface NamingRule {
  casing?: KeyCasing;
  /** A regular expression the whole key must match (prefix included). */
  pattern?: string;
  /** Allowed prefixes (`team-`); when given, a key must start with one, and the casing applies to the rest. */
  prefixes?: string[];
}

/** A key pattern (`*` matches any run of characters) and the flag type it gives. */
export interface KeyTypeRule {
  pattern: string;
  type: string;
}

/** The policy of one workspace folder. */
export interface FlagPolicy {
  /** Flag type → lifetime. */
  lifetimes: Readonly<Record<string, Lifetime>>;
  /** The type of a flag that neither the code, the backend nor a key pattern types. */
  defaultType: string;
  /** Key patterns that give a type, tried in order. */
  keyTypes: readonly KeyTypeRule[];
  /** A flag no SDK evaluated for this many days is unused (Unleash `lastSeenAt`, LaunchDarkly `lastRequested`). */
  unusedAfterDays: number;
  /** A stage that went backwards this many days ago or less is shown as un-released. */
  unreleasedWithinDays: number;
  naming?: NamingRule;
  /** Metadata every flag must have: `owner`, `description`, or another metadata field. */
  requiredMetadata: readonly string[];
  /** What `flaglens scan` and `report` fail on when `--fail-on` is not given. */
  failOn?: readonly string[];
}

/** The lifetimes flag services give their kinds of flag; `permanent` is LaunchDarkly's flag that is not temporary. */
export const DEFAULT_LIFETIMES: Readonly<Record<string, Lifetime>> = {
  release: 40,
  experiment: 40,
  operational: 7,
  'kill-switch': 'permanent',
  permission: 'permanent',
  permanent: 'permanent',
};

/** The policy of a folder whose `.flaglens.json` has none. */
export const DEFAULT_POLICY: FlagPolicy = {
  lifetimes: DEFAULT_LIFETIMES,
  defaultType: 'release',
  keyTypes: [],
  unusedAfterDays: 30,
  unreleasedWithinDays: 14,
  requiredMetadata: [],
};

/** True when the key matches a key pattern, where `*` stands for any run of characters. */
export function keyMatchesPattern(key: string, pattern: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(key);
}
