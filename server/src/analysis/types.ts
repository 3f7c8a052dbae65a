// Plain data shared by the analysis core, the backends, the server and the CLI.
// Nothing here knows about LSP, the editor or the network.

/** The vendor SDK a pattern belongs to; `custom` is a team's own wrapper from `.flaglens.json`. */
export type Sdk = VendorSdk | 'custom';

/** The vendors FlagLens ships presets for (see analysis/patterns/). */
export type VendorSdk =
  | 'openfeature' | 'launchdarkly' | 'unleash' | 'growthbook' | 'posthog' | 'statsig' | 'devcycle' | 'configcat'
  | 'flagsmith' | 'split' | 'optimizely' | 'vercel' | 'grafana' | 'ember' | 'openshift' | 'flagged' | 'firebase' | 'reflag' | 'flipt';

/** The type of value a flag check asks for. */
export type FlagValueType = 'boolean' | 'string' | 'number' | 'object' | 'unknown';

/** A half-open range of UTF-16 offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

/** How a flag check looks in code. */
/**
 * What a pattern's call gives back (DESIGN.md "returns"): the flag's value; an object holding the value
 * at `valuePath` whose other properties are `others` (evaluation details); or something that is not the
 * value at all (a variant, a payload). Only a value is ever replaced by a literal.
 */
export type CallReturns =
  | { kind: 'value' }
  | { kind: 'object'; valuePath: readonly string[]; others: string }
  | { kind: 'other'; what: string };

export interface FlagPattern {
  sdk: Sdk;
  /** `name` matches a call of `name(...)` or `anything.name(...)`; `receiver.name` also requires the receiver's last name. */
  callee: string;
  /** `call`: the key is an argument. `bag`: the call returns an object holding every flag (`useFlags()`). */
  kind: 'call' | 'bag';
  /** Index of the argument that holds the key (for `call`). */
  keyArg: number;
  /** Argument count → index of the key, overriding `keyArg` (Split's `getTreatment(split)` beside `getTreatment(user, split)`). */
  keyArgByArgCount?: Readonly<Record<number, number>>;
  /** Property names leading to the key inside that argument: `['key']` for `getFlag({ key: 'x' })` (keyArg `"0.key"` in `.flaglens.json`). */
  keyPath?: readonly string[];
  /**
   * The key argument is a predicate over a list of flags, and the key is what it compares each item's property of this
   * name with: `'name'` for `featureFlags.find((flag) => flag.name === FeatureKeys.Sso)`.
   */
  keyCompared?: string;
  /**
   * Every argument from `keyArg` on is a key: the function takes a rest of them (`hasAnyFeature(authorised, ...features)`)
   * and gives what it makes of them, no one flag's value.
   */
  restKeys?: true;
  /** Index of the argument that holds the default value, when there is one. */
  defaultArg?: number;
  /** Argument count → index of the default, overriding `defaultArg` (LaunchDarkly's browser `variation(key, default)`). */
  defaultArgByArgCount?: Readonly<Record<number, number>>;
  /** The API's required argument count: a call with fewer, and no string literal key, is some other function of that name. */
  minArgs?: number;
  valueType: FlagValueType;
  /** True for a wrapper that answers true when the flag is off (`isFlagDisabled`). */
  negate: boolean;
  /**
   * For `bag`: property names are the flag keys in camelCase (LaunchDarkly's React SDK). For `call`: a key written as a
   * name in camelCase is the flag's key so (a function that reads such a bag by its parameter).
   */
  camelCaseKeys?: boolean;
  /**
   * For a bag call: what it gives back is a reactive box (a Vue ref, Nuxt's `useState`) whose `.value` holds the flags, as
   * a script reads it (`flags.value.x`); a Vue template reads the box unwrapped (`flags.x`).
   */
  box?: true;
  /**
   * For a bag call that lists its keys: the only property names of what it gives back that are flags (`isLoading` is none).
   * For a call: the only keys that are flags; a call with another key written as a text is no check.
   */
  bagKeys?: ReadonlySet<string>;
  /** For a bag: the flag a property names, where that is not the property's own name (a store's field filled from the flag). */
  bagKeyNames?: Readonly<Record<string, string>>;
  /** For a bag call: each property is a function called to read its flag (`decisions.useUrlSlug()`); the call is the check. */
  bagAccessors?: true;
  /** For a bag call: the argument that lists the keys it checks (`useFlags(['a', 'b'])`); a call without such a list gives no bag. */
  bagKeysArg?: number;
  /** An option of objects written anywhere, not a call: see `UserPattern.option`. Its `keyPath` is the option's name. */
  option?: true;
  /** What the call gives back; unknown when absent, and then read from how the code uses the result. */
  returns?: CallReturns;
  /**
   * A vendor preset's packages (`@openfeature/server-sdk`; `launchdarkly-*` for a family): it matches a call only
   * when the function or the receiver comes from one of them. Absent on a pattern from `.flaglens.json`, which is
   * evidence itself.
   */
  packages?: readonly string[];
  /**
   * For a call that gives a holder of any kind of setting (Firebase's `getValue(remoteConfig, 'x')`): the method its
   * result must be read with for the call to be a check (`.asBoolean()`).
   */
  readWith?: string;
  /** True for a call that declares the flag rather than checks it (Vercel Flags' `flag({ key })`): see `FlagCheck.declaration`. */
  declares?: true;
  /** Why a pattern without packages counts, for its checks ("`isFeatureOn` is named in .flaglens.json"). */
  evidence?: string;
  /**
   * For a wrapper inferred from the code: the modules (absolute, with `/`) that declare a function of its name. A call
   * of a function imported from, or declared in, another module of the workspace is no call of it (`DataStoreUtils.getValue`
   * is not the flag module's `getValue`); a call whose function or receiver comes from nowhere known still is.
   */
  modules?: readonly string[];
}

/** A team's wrapper as written in `.flaglens.json`. */
export interface UserPattern {
  callee: string;
  keyArg?: number;
  /** Property names inside the key argument, from a keyArg written as a path (`"0.key"` → keyArg 0, keyPath ['key']). */
  keyPath?: string[];
  /** See `FlagPattern.keyCompared`. */
  keyCompared?: string;
  /** See `FlagPattern.restKeys`. */
  restKeys?: true;
  /**
   * True when a name written as the key is the flag's key camelCased: the function reads LaunchDarkly's bag by it
   * (`useGetFF(name) { return useFlags()[name] }`), which names each flag so. See `FlagCheck.camelCasedKey`.
   */
  camelCaseKeys?: true;
  /**
   * The only keys of its calls that are flags: the boolean members of the record it reads (`getRemoteConfigKey(key:
   * K): RainbowConfig[K]` also reads texts and numbers). A call with another key written as a text is no check.
   */
  keys?: string[];
  defaultArg?: number;
  negate?: boolean;
  type?: FlagValueType;
  returns?: CallReturns;
  /** Why the pattern holds, for people, when discovery inferred it; one from `.flaglens.json` is named there. */
  evidence?: string;
  /**
   * The files (relative to the folder) that declare the function: a call of a function imported from, or declared in,
   * another module is no check of it. `.flaglens.json` writes it `"from"`; `flaglens init` writes where it found it.
   */
  from?: string[];
  /** `from` as the scan reads it (see `FlagPattern.modules`). */
  modules?: string[];
  /**
   * True when `callee` is no function but an option: a property of objects written anywhere that names the flag gating
   * its object (`featureToggle: FeatureName.X` in a table of check types), or a list of them. `.flaglens.json` writes it
   * `{"option": "featureToggle"}`.
   */
  option?: true;
}

/** One place in code that asks a flag backend for a flag's value. */
export interface FlagCheck {
  /** The flag key when resolved; otherwise the key argument's source text. */
  key: string;
  resolved: boolean;
  /** For a camelCased bag property (`flags.newCheckout`): the name as written. `key` then holds the kebab-case guess. */
  camelCaseName?: string;
  /**
   * True when the key, written as a name in camelCase (`'freeCustomDomain'`), is the flag's key camelCased: a read of
   * LaunchDarkly's bag by it (`useFlags()['freeCustomDomain']`), or a call of a function that does. Once resolved, `key`
   * holds the kebab-case guess and `camelCaseName` the name, as for a property of the bag.
   */
  camelCasedKey?: true;
  /** The key argument, or the property name of a bag access. */
  keySpan: Span;
  /** True when the key is a string literal at this very call, so a quick fix can rewrite it in place. */
  keyIsLiteral: boolean;
  /** The whole check expression (the call, or the bag property access). */
  callSpan: Span;
  sdk: Sdk;
  /** The callee as written, e.g. `client.getBooleanValue`, `useFlags`. */
  method: string;
  /** Source text of the default-value argument, when the call has one. */
  defaultValueText?: string;
  valueType: FlagValueType;
  negate: boolean;
  /** True when the key comes from a parameter of the enclosing function: each caller decides it, so it is never unknown. */
  dynamic?: boolean;
  /** For a dynamic key: the keys the parameter's type allows (a union of literals, an enum), when written in this file. */
  possibleKeys?: string[];
  /** What the call gives back, as its pattern declares; absent when nothing declares it. */
  returns?: CallReturns;
  /**
   * True where the flag is declared, not checked (Vercel Flags' `export const f = flag({ key: 'x' })`, whose calls
   * `f()` are the checks): a reference to the flag, where its key is written and its clean-up ends, that evaluates nothing.
   */
  declaration?: true;
  /**
   * True when the key is one its bag lists itself (`betaFlags` declared as an object of fixed boolean keys): that list
   * registers it, so a registry of other flags does not have to.
   */
  listedByBag?: true;
  /**
   * For a read of a bag that lists its keys, by a key another module's constant gives (`features[DashTabItemType.X]`): those
   * keys. The key, once followed, is a flag only if they hold it (see `resolveChecks`), and the field is then dropped.
   */
  keysOfBag?: readonly string[];
  /** The flag type a `// flaglens: kill-switch` comment at the check names. */
  typeAnnotation?: string;
  /** Why the call counts as a check, for people ("`client` is created from @openfeature/server-sdk"); absent only in hand-made checks. */
  evidence?: string;
  /**
   * True for a read of an environment switch (`isDevFeaturesEnabled`, set from DEV_FEATURES_ENABLED), whose key is the
   * environment variable's name: no flag backend defines it, so it is never an unknown key, and the clean-up leaves it.
   */
  environmentSwitch?: true;
  /** For a switch: set in code (a module of flags exports `const SHOW_X = false`), not by the environment. */
  setInCode?: true;
  /** For a switch: read from the browser's storage under its key (`!!localStorage.getItem('IS_SOLANA_ENABLED')`), not the environment. */
  setInStorage?: 'localStorage' | 'sessionStorage';
  /** For a read of a flag store a module of flags makes (`persisted(true, 'f-mode')`): the function that makes it, which keeps its value. */
  heldInStore?: string;
  /** For a read of a selector of one flag (`useSelector(getEnableRedesign)`, see scan/flagSelectors.ts): the selector's name. */
  bySelector?: string;
  /**
   * For the row of a table that code loops over into a check (`feature: Feature.X` in `featureRoutes`, see
   * scan/tableRows.ts): the table's name. The row names the flag that gates it; the check is made where the loop runs.
   */
  rowOf?: string;
  /**
   * For a call of a helper of one flag (`hasFlagBlockApiV4()`, see scan/oneFlagHelpers.ts): the helper's name (`Class.method`
   * for a method), and the file and start of the check it gives back. The clean-up leaves the call; that check is the one
   * to clean up.
   */
  helperCall?: { readonly name: string; readonly file: string; readonly start: number };
  /**
   * True when the check's function is the SDK's only where the program runs with it, and a stand-in elsewhere
   * (`export const useFlag = isOnPremise ? onPremFlag : useUnleashFlag`): replacing the call by the flag's value would
   * change what the stand-in answers, so the clean-up leaves it.
   */
  standIn?: true;
  /**
   * True when the check's receiver is one of two clients chosen where it runs (`(risk === 'high' ? highRiskClient :
   * lowRiskClient).getValueAsync(key, false)`): each may answer from its own configuration, so the clean-up leaves it.
   */
  clientChosen?: true;
  /**
   * For a read of a value a module stored from a flag check (`features.FEATURE_X` after `FEATURE_X: isFeatureEnabled(…)`):
   * where that check is, `environment.ts:12`. The clean-up leaves the read; the check there is the one to clean up.
   */
  storedFrom?: string;
  /**
   * True when the key is written with a `!` before it (`*cxFeature="'!x'"`): no vendor allows `!` in a key, and teams
   * that write one mean the flag's opposite, which their own function works out. The check is of the flag, negated;
   * the clean-up leaves it, since only that function says what it gives.
   */
  negatedInKey?: true;
  /** True for a check in a component script's inline template (`template: \`<div *appFeatureFlag="'x'">\``): the clean-up never rewrites a template. */
  inTemplate?: true;
}

/** One environment's view of a flag, as a backend reports it. */
export interface EnvironmentFlagState {
  environment: string;
  /** Whether the flag is on in this environment; a disabled flag serves `offVariant`, else the code's default (flagd). */
  enabled: boolean;
  /** Variant name to the value it serves. */
  variants: Record<string, unknown>;
  /** The variant served to everyone no rule or split catches. */
  defaultVariant?: string;
  /** The variant served while disabled (Unleash: off, LaunchDarkly: the off variation); absent: the code's default. */
  offVariant?: string;
  /** A percentage split between variants (weights normalised to percentages that sum to 100); empty when none. */
  rollout: Array<{ variant: string; percent: number }>;
  /** Targeting other than a plain percentage split: rules, conditions, individual targets, segments. */
  hasRules: boolean;
  /** Human-readable summary of the rules, when there are any (e.g. "if email ends_with @example.com"). */
  rulesSummary?: string;
  /** ISO 8601 date of the last change in this environment, when known. */
  lastModified?: string;
  /** The backend's own word for the flag here, when it has one (LaunchDarkly: new, active, inactive, launched). */
  backendStatus?: string;
  /** ISO 8601 date when an SDK last evaluated the flag here (Unleash `lastSeenAt`, LaunchDarkly `lastRequested`). */
  lastSeenAt?: string;
  /** The release stage as the backend's rules say it, when they say more than the served values (analysis/stages.ts). */
  exposure?: Exposure;
  /** The stage before the current one and when it changed, as recorded between loads. */
  stageChange?: StageChange;
}

/** How far a flag reaches in one environment: off, specific users or segments, a percentage, everyone. */
export type ReleaseStage = 'off' | 'targeted' | 'partial' | 'everyone';

/** One environment's release stage: a percentage for `partial`, and who a targeted or partial stage targets. */
export interface Exposure {
  stage: ReleaseStage;
  percent?: number;
  who?: string;
}

/** A change of release stage: the stage before, and when (ISO 8601) the current one began. */
export interface StageChange {
  from: Exposure;
  at: string;
}

/** What the backend(s) say about one flag. */
export interface FlagDefinition {
  key: string;
  description?: string;
  owner?: string;
  /** ISO 8601 date. */
  createdAt?: string;
  stale: boolean;
  archived: boolean;
  tags: string[];
  /** A link to the flag in the backend's UI, when there is one. */
  link?: string;
  /** The backend's kind of flag, when it has kinds (Unleash: release, experiment, kill-switch...; flagd `metadata.type`). */
  flagType?: string;
  /** Whether the backend says the flag is meant to be removed one day (LaunchDarkly's `temporary`); absent when it has no such mark. */
  temporary?: boolean;
  /** Where the backend says the flag is in its life (Unleash: initial, pre-live, live, completed...). */
  lifecycleStage?: string;
  /** ISO 8601 date when an SDK last evaluated the flag, as the backend reports it. */
  lastSeenAt?: string;
  /** Where the definition came from, for people: `flags/*.flagd.json`, `Unleash (https://…)`. */
  source: string;
  /** One entry per environment that defines the flag. */
  environments: EnvironmentFlagState[];
}

/** Release state of a flag across the environments that count (see DESIGN.md). */
export type ReleaseState = 'released' | 'dead' | 'rolling-out';

/** A flag's release state and, when released or dead, the value it serves. */
export interface ReleaseVerdict {
  state: ReleaseState;
  /** The value served everywhere (released or dead). `undefined` when it is the code's default value. */
  value?: unknown;
  /** True when the served value is whatever default the code passes (flag disabled everywhere). */
  servesCodeDefault: boolean;
  /** One sentence for people: "serves true in every environment", "production serves on to 30% (fractional), staging to 100%". */
  summary: string;
}

/** A problem in a flag file, at a position in that file. */
export interface FileProblem {
  /** Absolute path of the file. */
  file: string;
  span: Span;
  message: string;
}

/** The diagnostic codes; the CLI's `kind` uses the same names. */
export type FindingCode =
  | 'unknown-flag'
  | 'archived-flag'
  | 'stale-flag'
  | 'released-flag'
  | 'dead-flag'
  | 'malformed-flag-file'
  | 'unregistered-flag'
  | 'unused-flag'
  | 'backend-unreachable'
  | 'naming-violation'
  | 'missing-metadata';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** Default severity of each finding; settings and `.flaglens.json` may change it or turn it off. */
export const DEFAULT_SEVERITIES: Record<FindingCode, Severity> = {
  'unknown-flag': 'warning',
  'archived-flag': 'warning',
  'stale-flag': 'warning',
  'released-flag': 'information',
  'dead-flag': 'information',
  'malformed-flag-file': 'error',
  'unregistered-flag': 'warning',
  'unused-flag': 'information',
  // A warning, so that a default `--fail-on error` does not fail CI for a service's bad minute; name it to.
  'backend-unreachable': 'warning',
  'naming-violation': 'warning',
  'missing-metadata': 'information',
};

/** One thing worth telling a person about a flag check or a flag file. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  /** Absolute path of the file the finding is in. */
  file: string;
  span: Span;
  key?: string;
  /** For `unknown-flag`: the closest defined key, offered as a quick fix. */
  suggestion?: string;
}

/** Everything known about flags in one workspace folder, merged from its backends. */
export interface FlagCatalog {
  definitions: Map<string, FlagDefinition>;
  /** Every environment any backend knows, in display order. */
  environments: string[];
  /** The environments that count for the release state; all of them when undefined. */
  countedEnvironments?: string[];
  /** False when no backend produced any definition: then no key is reported as unknown. */
  loaded: boolean;
  /** When the oldest of the backends' definitions were read, ms since epoch. */
  syncedAt?: number;
  /** Where the definitions came from, for people (`flags/*.flagd.json`). */
  sources: string[];
  /** Per source label: when it was last read, and whether the latest attempt to read it failed. */
  syncs?: Map<string, { syncedAt?: number; offline: boolean }>;
}
