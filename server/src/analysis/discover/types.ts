// What discovery reads and finds: source texts in, wrappers, bag functions and registry candidates out,
// each with where it is, for `flaglens init` and the editor's proposal of a `.flaglens.json`.

import type { BagEntry } from '../bags';
import type { RegistryKind } from '../registry';
import type { Sdk, UserPattern } from '../types';

/** One source file: absolute POSIX path and text. */
export interface SourceText {
  readonly file: string;
  readonly text: string;
}

/** A place in the workspace, for people: `packages/web/src/flags.ts:12`. */
export interface DiscoveredAt {
  /** Relative to the discovered folder, with `/`. */
  readonly file: string;
  readonly line: number;
}

/**
 * A function that takes a flag key: it forwards one of its parameters as the key of a check (directly or
 * through a closure), or that parameter is typed by the registry; or a call that the registry's members
 * are passed to.
 */
export interface DiscoveredWrapper {
  readonly pattern: UserPattern;
  readonly at: DiscoveredAt;
  /** The evidence, for people: "passes its first argument as the flag key to unleash.isEnabled". */
  readonly reason: string;
  /**
   * What makes it one: it forwards its parameter into a check, a parameter is typed by the registry, calls pass it the
   * registry's members, or its keys as strings (`keys`), or it is a dependency's function whose name says it reads one
   * feature flag.
   */
  readonly evidence: 'forwards' | 'typed' | 'members' | 'keys' | 'named';
  /** How many calls separate it from an SDK's call (1: it calls the SDK); 0 when the registry is the evidence. */
  readonly level: number;
  /** For a wrapper that forwards its key: the key parameter's declared type (`ExperimentName`, `keyof UiFlags`), when it names one. */
  readonly keyType?: string;
  /**
   * For a function found where it is declared: the files (absolute, with `/`) that declare a wrapper of its name.
   * A call of a function another module declares is no call of it (see `FlagPattern.modules`).
   */
  readonly declaredIn?: readonly string[];
  /** True when another module declares a function or method of its name too: `init` then writes where it is (`"from"`). */
  readonly sharesName?: true;
}

/**
 * A function that returns a flag bag (`useAppFlags() { return useFlags() }`), a property typed by a registry interface
 * (`flags: UiFlags`), or a function or property declared as a record of booleans keyed by a list of flags.
 */
export interface DiscoveredBag {
  /** As `.flaglens.json` writes it: `useAppFlags()`, or the property's name, `flags`. */
  readonly spec: string;
  readonly at: DiscoveredAt;
  /** The bag call the function returns. */
  readonly forwardsTo?: string;
  /** The registry interface the property is typed by, or the list of flags that keys the record it is declared as. */
  readonly typedBy?: string;
  /** The record of booleans a function is declared to return, or a property declared as (`Promise<Record<BetaFeatures, boolean>>`). */
  readonly declaredAs?: string;
  /** The registry whose member indexes the record somewhere (`flags?.[FEATURE_FLAG.x]`), so that its name holds flags. */
  readonly keyedBy?: string;
  /** True when `declaredAs` is the type of what a function without a declared return type returns (whole, or as this property). */
  readonly returned?: boolean;
  /** The only property names that are flags: the keys of the registry that types it. */
  readonly keys?: readonly string[];
  /** The team's hook named for flags that gives the bag back as this property (see hookBags.ts). */
  readonly hook?: string;
  /** The module's object of boolean defaults the hook spreads into what it gives back: its keys are the flags (see hookBags.ts). */
  readonly defaults?: string;
  /** True for a flag hook that gives back an object written out of booleans, flags set in code (see hookBags.ts). */
  readonly writtenOut?: true;
  /** The registry whose items name the record of booleans (`experiments` beside `experimentIds`, see flagRecords.ts). */
  readonly namedFor?: string;
  /** True for a record of feature flags with no list of keys: a parameter or variable of its name is the bag too (see flagRecords.ts). */
  readonly locals?: boolean;
  /** The flag's state the record's entries are compared with where they are read (see comparedRecords.ts). */
  readonly comparedWith?: string;
  /** For a function named for feature flags with no declared type: the property named for them its record is taken from (see flagRecords.ts). */
  readonly takenFrom?: string;
  /** True for a function named for feature flags that gives back a record of booleans, as declared or as its context holds it (see flagRecords.ts). */
  readonly gives?: boolean;
  /** True for the record a flag vendor serves, as the module that imports the vendor declares it (see vendorConfigs.ts). */
  readonly served?: boolean;
  /** For such a record that the module exports as a constant: the module, read under the name each importer gives it. */
  readonly exportedBy?: string;
  /** For such a record handed out by another module than the one that declares it: the declaring module (see vendorConfigs.ts). */
  readonly servedBy?: string;
  /** For such a record declared as an alias that holds the served type (`RemoteConfig & { refresh }`): the served type. */
  readonly servedType?: string;
  /** The React context the bag function gives back (`useContext(RemoteConfigContext)`), made to hold `declaredAs`. */
  readonly context?: string;
  /** The id of the Pinia store of flags whose fields the bag function gives (see piniaStores.ts). */
  readonly piniaStore?: string;
  /** The record's name as declared, for a bag of the same name respelled (`featureflags` for `featureFlags`, see flagRecords.ts). */
  readonly respelled?: string;
  /** The section of node-config's settings the bag is, read by the names it declares (see configFlags.ts). */
  readonly configSection?: string;
  /** True for the hook of a Zustand store of flags, whose boolean fields are the keys (see zustandStores.ts). */
  readonly zustandStore?: boolean;
  /** The flag a field names, where that is not the field's own name (a store's field filled from another flag). */
  readonly keyNames?: Readonly<Record<string, string>>;
  /** The service of flag accessors the bag holds, one flag for each of its methods (see accessorServices.ts). */
  readonly service?: string;
  /** True for an object a function named for several flags makes of its own checks, one property each (see checkedReturns.ts). */
  readonly checkedReturn?: boolean;
  /** For such an object written under a name for several flags in what a function gives back: that function (`loader()`). */
  readonly heldBy?: string;
  /** For a function whose callers take the registry's keys out of what it gives: how many names they take so (see destructuredKeys.ts). */
  readonly destructuredKeys?: number;
  /** True for an object of feature decisions, each a function called to ask for its feature (see featureDecisions.ts). */
  readonly accessors?: boolean;
  /** True for a store made to hold the record (`featureFlagsAtom = atom<FeatureFlags>({})`): its value, where read, is the bag. */
  readonly store?: boolean;
  /** For a record of switches in the app's settings: the settings' type that declares it (see `settingsSwitchBags`). */
  readonly setting?: string;
  /** For a function given the keys to check (`useFlags(['a', 'b'])`): the argument that lists them. */
  readonly keysArg?: number;
  /** Taken from the bag it returns: LaunchDarkly's `useFlags()` names flags camelCased. */
  readonly camelCaseKeys?: boolean;
  /** The vendor of the bag it returns, when that is an SDK's (directly or through another bag function). */
  readonly sdk?: Exclude<Sdk, 'custom'>;
}

/** A LaunchDarkly React provider the workspace configures, and whether `useFlags()` then camelCases flag keys. */
export interface DiscoveredProvider {
  readonly at: DiscoveredAt;
  /** False for `reactOptions: { useCamelCaseFlagKeys: false }`: the bag's property names are the flag keys as written. */
  readonly camelCaseKeys: boolean;
}

/** A function's parameter that every call found passes an SDK's client, though nothing in the function says so (`client: any`). */
export interface DiscoveredClient {
  readonly at: DiscoveredAt;
  /** The file that declares the function, absolute with `/`, as the scan names it. */
  readonly file: string;
  readonly function: string;
  /** The parameter's index. */
  readonly parameter: number;
  /** For an object parameter, the property that holds the client. */
  readonly property?: string;
  /** The SDK's package the callers' clients come from. */
  readonly specifier: string;
  /** Why, for people. */
  readonly reason: string;
}

/** A declaration that lists flag keys, and how many of them flag checks use. */
export interface DiscoveredRegistry {
  readonly file: string;
  readonly symbol: string;
  readonly kind: RegistryKind;
  readonly keys: number;
  /** How many of its keys checks in code use. */
  readonly usedKeys: number;
  /** The module constants a list or interface names its keys by (`DARKMODE` in `[DARKMODE, NEW_NAV]`), if it does. */
  readonly constants?: readonly string[];
  /** Parameters typed by it (`flag: FlagKey`, `keyof UiFlags`) and calls passed its members (`check(Flags.X)`). */
  readonly anchors: number;
  /** The words of its name say it lists flags: `FeatureFlag`, `FLAGS`, `Experiments`. */
  readonly namedForFlags: boolean;
  /** Whether the evidence is enough to propose it. */
  readonly convincing: boolean;
  /** Why it is, or is not, proposed, for people. */
  readonly reason: string;
}

/** A property that holds the registry (`Gate = Gate` in a client class), so that `features.Gate.X` is a member's key. */
export interface DiscoveredRegistryProperty {
  readonly property: string;
  /** The key of each of the registry's members. */
  readonly keyOfMember: Readonly<Record<string, string>>;
  /** The first place that declares it (file relative to the folder). */
  readonly at: { readonly file: string; readonly line: number };
}

/** What discovery found in a folder. */
export interface Discovery {
  readonly wrappers: readonly DiscoveredWrapper[];
  readonly bags: readonly DiscoveredBag[];
  /** The candidate chosen as the registry, when one is convincing: enough of its keys are checked in code. */
  readonly registry?: DiscoveredRegistry;
  /** Properties that hold the registry (see registryProperties.ts); absent when there are none. */
  readonly registryProperties?: readonly DiscoveredRegistryProperty[];
  /** Every candidate weighed, convincing and best first: declarations that list a checked key, or whose name says they list flags. */
  readonly registryCandidates: readonly DiscoveredRegistry[];
  /** Other candidates whose anchors are wrappers too (another part's registry), each with why it passes the bar for a second one. */
  readonly alsoAnchoring?: readonly DiscoveredRegistry[];
  /** LaunchDarkly React providers configured in the folder (see keyNaming.ts); absent when there are none. */
  readonly providers?: readonly DiscoveredProvider[];
  /** Parameters that hold an SDK's client by what every call passes them (see clientParameters.ts); absent when there are none. */
  readonly clients?: readonly DiscoveredClient[];
}

/** The `.flaglens.json` discovery proposes (only the parts it found). */
export interface ProposedConfig {
  patterns?: Array<(Omit<UserPattern, 'keyArg' | 'keyPath' | 'from' | 'modules' | 'returns'> & { keyArg?: number | string; from?: string | string[]; returns?: 'value' | 'other' | { path: string } }) | { option: string }>;
  bags?: BagEntry[];
  registry?: { file: string; symbol: string; properties?: string[] };
  keysAsWritten?: string[];
  clients?: Array<{ file: string; function: string; parameter: number | string; package: string }>;
}
