import { parseBagSpec, type BagEntry, type ObjectBag } from '../bags';
import type { CallReturns, FlagPattern, UserPattern } from '../types';
import { calleeLastName, callPattern } from './define';
import { componentTags, isComponentName } from '../regex';
import { PRESET_OBJECT_BAGS, PRESET_PATTERNS } from './presets';
import type { StoreMaking, StoringCheck } from '../scan/types';

export { PRESET_PATTERNS, VENDOR_PACKAGES } from './presets';

/** The patterns one workspace folder scans with. */
export interface PatternSet {
  readonly patterns: readonly FlagPattern[];
  /**
   * Every callee's last name, for a cheap text prefilter; for a component keyed by a prop, also the kebab-case tag a Vue
   * template may render it by (`feature-flag` for `FeatureFlag`, see `componentTags`), and for a Vue directive, the
   * attribute (`v-feature` for `vFeature`).
   */
  readonly calleeNames: readonly string[];
  /** Bag objects named in `.flaglens.json` (`uiConfig.flags`); their last names are among `calleeNames`. */
  readonly objectBags?: readonly ObjectBag[];
  /** Options that name the flag gating the object they are written in (see `UserPattern.option`); never matched as calls. */
  readonly options?: readonly FlagPattern[];
  /**
   * Names other files export as flag functions (Vercel Flags' `export const showBanner = flag({...})`): a file that
   * mentions one is scanned whole for its calls (see scan/flagFunctions.ts). Absent when none is known.
   */
  readonly flagFunctionNames?: readonly string[];
  /**
   * Environment switches files declare (see scan/environmentSwitches.ts): a file that mentions one is scanned whole for
   * its reads. Absent when none is known.
   */
  readonly environmentSwitches?: readonly DeclaredSwitch[];
  /**
   * Parameters that every call found in the workspace passes an SDK's client (see discover/clientParameters.ts): inside
   * the function, calls on them have that SDK's evidence. Absent when none is known.
   */
  readonly clientParameters?: readonly ClientParameter[];
  /**
   * A registry of members that objects carry as a property (`Gate = Gate` in a client class): `features.Gate.SearchV2`
   * names that member's key wherever the object comes from. Absent when none is known.
   */
  readonly registryProperties?: readonly RegistryProperty[];
  /**
   * False where helpers of one flag are not followed (a configured workspace, whose patterns are what it asked for; see
   * scan/oneFlagHelpers.ts): a scan does not look for them. Absent: they are.
   */
  readonly oneFlagHelpers?: false;
}

/** A property that holds an enum or object registry, and the key of each of its members (see `PatternSet.registryProperties`). */
export interface RegistryProperty {
  readonly property: string;
  readonly keyOfMember: Readonly<Record<string, string>>;
}

/** An environment switch as the workspace knows it: its name, the variable that sets it, and where it is declared. */
export interface DeclaredSwitch {
  readonly name: string;
  /** The environment variable's name: the key of every read. */
  readonly key: string;
  /** True for a class's property, read as `x.name` on any object; false for a module's constant, read where it is imported. */
  readonly member: boolean;
  /** For a property known by its object's name alone: read only through a receiver named for features or flags. */
  readonly byObject?: true;
  /** For a member of an object of flags set in code: read only through that object, by its name (`FEATURE_FLAGS.fastMode`). */
  readonly ownerOnly?: true;
  /** For a property: the class, or the variable or property holding the object, that declares it. */
  readonly owner?: string;
  /** The declaring file (absolute, with `/`) and line, for the evidence. */
  readonly file: string;
  readonly line: number;
  /** For a value stored from a flag check rather than set from a variable: that check (`key` is then its key). */
  readonly check?: StoringCheck;
  /** For a flag set in code (a module of flags exports `const X = false`): the value written there, or what gives it (a function, or a getter of the one instance of the module's class). */
  readonly inCode?: 'true' | 'false' | 'function' | 'getter' | 'expression';
  /** For a switch a module of flags reads from the browser's storage (`!!localStorage.getItem('X')`): that storage. */
  readonly inStorage?: 'localStorage' | 'sessionStorage';
  /** For a flag store a module of flags makes (`export const fModeEnabled = persisted(true, 'f-mode')`): what makes it, what it holds. */
  readonly store?: StoreMaking;
  /** True for a store set from the variable where the app starts, not where it is made (see scan/environmentSwitches.ts). */
  readonly storeSet?: true;
  /** True for a constant holding the variable's text: a check only where it is made a boolean (see scan/environmentSwitches.ts). */
  readonly text?: true;
  /** For a store a module gives out by name from an object of flag stores: that object. */
  readonly givenBy?: string;
  /** For a selector of one flag: the input selector it reads the flag from (see scan/flagSelectors.ts). */
  readonly selector?: string;
}

/** A function's parameter (or a property of its object parameter) that holds a client from `specifier`, an SDK's package. */
export interface ClientParameter {
  /** The file that declares the function: absolute, with `/`. */
  readonly file: string;
  /** The function's name: a declaration's, or the variable's it initializes. */
  readonly functionName: string;
  readonly parameter: number;
  /** For an object parameter, the property that holds the client (`{ client }`). */
  readonly property?: string;
  readonly specifier: string;
}

export { calleeLastName, isFromPackages } from './define';

const LIST_ITEM: CallReturns = { kind: 'other', what: 'the item of the list of flags it looks for' };

/** A team's wrapper, from `.flaglens.json` or inferred from the code, as a pattern. */
export function userPatternToFlagPattern(user: UserPattern): FlagPattern {
  const negate = user.negate ?? false;
  const pattern = callPattern('custom', user.callee.trim(), user.type ?? (negate ? 'boolean' : 'unknown'), {
    keyArg: user.keyArg ?? 0,
    ...(user.defaultArg === undefined ? {} : { defaultArg: user.defaultArg }),
    ...(user.returns === undefined ? {} : { returns: user.returns }),
    negate,
  });
  pattern.evidence = user.evidence ?? `\`${pattern.callee}\` is named in .flaglens.json`;
  if (user.keyPath !== undefined && user.keyPath.length > 0) pattern.keyPath = [...user.keyPath];
  if (user.keys !== undefined) pattern.bagKeys = new Set(user.keys);
  if (user.modules !== undefined) pattern.modules = user.modules;
  if (user.restKeys === true) pattern.restKeys = true;
  if (user.camelCaseKeys === true) pattern.camelCaseKeys = true;
  if (user.keyCompared !== undefined) {
    pattern.keyCompared = user.keyCompared;
    // What a search of the list finds is the flag's record, not its value, unless the configuration says otherwise.
    pattern.returns ??= LIST_ITEM;
  }
  return pattern;
}

// A Vue directive as a `<script setup>` names it: `vFeature` for `v-feature`.
const VUE_DIRECTIVE = /^v[A-Z][\w$]*$/;

/**
 * The presets plus a team's own patterns. A user pattern replaces every preset with the same last name:
 * a team's own `useFlag(user, key)` must not also be read as a vendor's `useFlag(key)`.
 */
export function buildPatternSet(userPatterns: readonly UserPattern[], bags: readonly BagEntry[] = []): PatternSet {
  const specs = bags.flatMap((bag) => parseBagSpec(bag) ?? []);
  const bagCalls = specs.flatMap((spec) => (spec.kind === 'call' ? [spec.pattern] : []));
  // The team's bags before the presets': `featureToggles` of its own config is read before Grafana's `config.featureToggles`,
  // which holds only with Grafana's import.
  const objectBags = [...specs.flatMap((spec) => (spec.kind === 'object' ? [spec.bag] : [])), ...PRESET_OBJECT_BAGS];
  const options = userPatterns.filter((user) => user.option === true).map(optionPattern);
  const custom = [...userPatterns.filter((user) => user.option !== true).map(userPatternToFlagPattern), ...bagCalls];
  const replaced = new Set(custom.map((pattern) => calleeLastName(pattern.callee)));
  const patterns = [...PRESET_PATTERNS.filter((pattern) => !replaced.has(calleeLastName(pattern.callee))), ...custom];
  const elements = patterns.filter((pattern) => pattern.keyArg === 0 && (pattern.keyPath === undefined ? VUE_DIRECTIVE.test(pattern.callee) : pattern.keyPath.length === 1 && isComponentName(pattern.callee))).map((pattern) => pattern.callee);
  const calleeNames = [...new Set([...patterns.map((pattern) => calleeLastName(pattern.callee)), ...componentTags(elements), ...objectBags.map((bag) => bag.names[bag.names.length - 1])])];
  return { patterns, calleeNames, ...(objectBags.length > 0 ? { objectBags } : {}), ...(options.length > 0 ? { options } : {}) };
}

/** An option of `.flaglens.json` or discovery as the scan reads it: a key path of its one name, read wherever it is written. */
function optionPattern(user: UserPattern): FlagPattern {
  const name = user.callee.trim();
  return {
    sdk: 'custom', callee: name, kind: 'call', keyArg: 0, keyPath: [name], valueType: 'unknown', negate: false, option: true,
    returns: { kind: 'other', what: 'an option naming the flag that gates its object, not the flag\'s value' },
    evidence: user.evidence ?? `the option \`${name}\` is named in .flaglens.json`,
  };
}
