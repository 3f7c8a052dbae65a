// The scanner's data: what a scan gives other files and the workspace (plain data, kept per file), and the
// state one walk of a file writes, shared by the modules of the walk.

import type { MarkupElement } from '../componentView';
import type { ts } from 'ts-morph';
import type { ObjectBag } from '../bags';
import type { ImportedKeyType, KeyTypeMember } from '../keyTypes';
import type { ClientParameter, RegistryProperty } from '../patterns';
import type { FlagCheck, FlagPattern, FlagValueType, Sdk, Span } from '../types';

/** A name exported by another module, then a member path: `F.Flags.NEW` after `import * as F from './flags'` is `{ specifier: './flags', names: ['Flags', 'NEW'] }`; no names is the whole module. */
export interface ModuleReference {
  readonly kind: 'import';
  readonly specifier: string;
  readonly names: readonly string[];
  /** For an exported name's origin: it is this import only where the program runs with it, a choice made once (`cond ? useUnleashFlag : onPremFlag`). */
  readonly chosen?: true;
}

/** An object of flag keys another file can import: an `as const` object, an enum, a class's static fields. */
export interface ExportedObject {
  readonly kind: 'object';
  readonly members: Readonly<Record<string, ExportedValue>>;
  /** True for an object whose every property holds its own name (see `LocalObject.mirror`). */
  readonly mirror?: true;
  /** For a class: the fields its constructor sets from its parameters (see `LocalObject.fields`). */
  readonly fields?: Readonly<Record<string, number>>;
  /** For an object made by `new` (see `LocalObject.constructed`): its class, and its arguments (null where not a key's). */
  readonly constructed?: { readonly of: ExportedValue; readonly args: ReadonlyArray<ExportedValue | null> };
}

/** What a file exports under one name, as far as flag keys go: a key, an object of keys, or another module's export. */
export type ExportedValue = string | ExportedObject | ModuleReference;

/** A check whose key is imported: `resolveChecks` follows `reference` to complete `checks[checkIndex]`. */
export interface ImportedKey {
  readonly checkIndex: number;
  readonly reference: ModuleReference;
}

/** What scanning one file found; plain data, so it can be kept for every file of a workspace. */
export interface FileScan {
  readonly fileName: string;
  /** Flag checks in source order; a key not resolved within the file holds the key argument's source text. */
  readonly checks: readonly FlagCheck[];
  readonly importedKeys: readonly ImportedKey[];
  /** Exported name → value, for keys other files import from this one. */
  readonly exports: Readonly<Record<string, ExportedValue>>;
  /** Specifiers of `export * from '...'`. */
  readonly starExports: readonly string[];
  /** Dynamic checks whose parameter type is imported; absent when there are none. */
  readonly importedKeyTypes?: readonly ImportedKeyType[];
  /** Exported type aliases that list keys (`export type FlagKey = 'a' | 'b'`); absent when there are none. */
  readonly typeExports?: Readonly<Record<string, readonly KeyTypeMember[]>>;
  /**
   * Checks whose evidence is in another module (`import { client } from './flags'`): `resolveChecks` keeps each only
   * when its reference leads to one of its packages. Absent when there are none.
   */
  readonly evidenceImports?: readonly EvidenceImport[];
  /**
   * Exported names holding a value made from another module's export (`export const client = OpenFeature.getClient()`),
   * for other files' evidence; absent when there are none.
   */
  readonly origins?: Readonly<Record<string, ModuleReference>>;
  /**
   * Exported types' properties typed by an import (`AuthRequest` → `gb` → `UserScopedGrowthBook` of @growthbook/growthbook),
   * for the evidence of `req.gb?.getFeatureValue(…)` where `req: AuthRequest`; absent when there are none.
   */
  readonly memberOrigins?: Readonly<Record<string, Readonly<Record<string, ModuleReference>>>>;
  /**
   * Exported names that are flag functions (`export const showBanner = flag({ key: 'x', ... })`, Vercel Flags): name →
   * the index in `checks` of the declaration's check, whose key a call in another file takes. Absent when there are none.
   */
  readonly flagFunctions?: Readonly<Record<string, number>>;
  /**
   * Checks made of calls of an imported name that may be a flag function (`await showBanner()`): `resolveChecks` keeps
   * each only when its reference leads to one, and gives it that declaration's key. Absent when there are none.
   */
  readonly flagFunctionCalls?: readonly FlagFunctionCall[];
  /**
   * Environment switches this file declares (`export const isDevFeaturesEnabled = yes(getEnv('DEV_FEATURES_ENABLED'))`,
   * or a class's property): name → the variable and line. Absent when there are none.
   */
  readonly switches?: Readonly<Record<string, SwitchDeclaration>>;
}

/** How a module of flags makes a flag store: the function that makes it, and what the store holds. */
export interface StoreMaking {
  readonly factory: string;
  readonly valueType: FlagValueType;
}

/** What a file declares an environment switch as: the variable that sets it, and whether it is a class's property. */
export interface SwitchDeclaration {
  readonly key: string;
  readonly member: boolean;
  /** For a flag set in code (a module of flags exports `const X = false`): the value written there, or what gives it (a function, or a getter of the one instance of the module's class). */
  readonly inCode?: 'true' | 'false' | 'function' | 'getter' | 'expression';
  /** For a switch a module of flags reads from the browser's storage (`!!localStorage.getItem('X')`): that storage. */
  readonly inStorage?: 'localStorage' | 'sessionStorage';
  /** For a flag store a module of flags makes (`export const fModeEnabled = persisted(true, 'f-mode')`): what makes it, what it holds. */
  readonly store?: StoreMaking;
  /** True for a store set from the variable where the app starts (`is_feature_x_enabled.set(env.PUBLIC_FEATURE_X === 'true')`), not where it is made. */
  readonly storeSet?: true;
  /**
   * For a property whose own name says nothing of features (`teamFeatures: { sso: … }`): only a read through a
   * receiver named for features or flags (`env.teamFeatures.sso`, `features.sso`) is the switch's.
   */
  readonly byObject?: true;
  /**
   * For a member of an object of flags set in code (see `flagMembersOf`): only a read through that object, by its name
   * (`FEATURE_FLAGS.fastMode`), is the flag's; another object named for flags (a bag passed around, the defaults' copy)
   * holds what the program was given.
   */
  readonly ownerOnly?: true;
  /** For a property: the name of the class, or of the variable or property holding the object, that declares it. */
  readonly owner?: string;
  readonly line: number;
  /**
   * For a value a module stores from a flag check (`FEATURE_X: isFeatureEnabled('FEATURE_X')`) rather than from an
   * environment variable: that check. `key` is then its key, or, when `resolved` is false, its key's text, which the
   * workspace resolves through the declaring file's imports (see `environmentSwitchesOf`).
   */
  readonly check?: StoringCheck;
  /**
   * True for a module's constant that holds the variable's text (`getEnvironmentValue('FEATURE_FLAG_X', 'false')`): it is
   * a check only where it is made a boolean (`isActiveFeature(FEATURE_FLAG_X)`, `=== 'true'`), not wherever it is read.
   */
  readonly text?: true;
  /** For a store a module of flags gives out by name (`export const { ENABLE_X } = featureFlagsStore`): the object it comes from. */
  readonly givenBy?: string;
  /** For a selector of one flag (`createSelector(getFeatureFlagData, (flags) => flags.X)`, see flagSelectors.ts): the input selector it reads the flag from. */
  readonly selector?: string;
}

/** The check whose value a switch stores: where its call starts, and what its reads take from it. */
export interface StoringCheck {
  readonly start: number;
  readonly method: string;
  readonly sdk: Sdk;
  readonly valueType: FlagValueType;
  readonly resolved: boolean;
  /** True when the check itself reads an environment switch. */
  readonly environmentSwitch?: true;
}

/** A call of an imported name (`checks[checkIndex]`), kept only if `reference` leads to a flag function's declaration. */
export interface FlagFunctionCall {
  readonly checkIndex: number;
  readonly reference: ModuleReference;
  /** True for a name listed, not called (`precompute([showBanner])`): a flag function's reference, no helper's call. */
  readonly listed?: true;
}

/** A check kept only if `reference` leads, through the workspace's modules, to one of `packages`. */
export interface EvidenceImport {
  readonly checkIndex: number;
  readonly reference: ModuleReference;
  readonly packages: readonly string[];
  /** The name the evidence is about, as written (`client`, `useFlag`). */
  readonly subject: string;
  /** For a wrapper inferred from the code (see `FlagPattern.modules`): the modules that declare it; `packages` is then empty. */
  readonly modules?: readonly string[];
}

/** How a name comes from a package: it is the import, a value made from it (a call, `new`, `await`), or declared with its type. */
export type OriginHow = 'imported' | 'created' | 'typed' | 'passed' | 'injected' | 'chosen';

/**
 * Where a name's value comes from, when that is not a key: the name (and path) it was made from, read at a position, or,
 * for a parameter every caller passes an SDK's client, that package.
 */
export interface Origin {
  readonly reference: LocalReference | ModuleReference;
  readonly how: Exclude<OriginHow, 'imported'>;
}

/**
 * What a preset's check needs for evidence: where its function or receiver comes from, and the packages that count.
 * For a wrapper inferred from the code, the modules that declare it instead (see `FlagPattern.modules`), and the name
 * it is called by, read from a module its receiver names (`import * as flags`).
 */
export interface EvidenceNeed {
  readonly reference: LocalReference;
  readonly packages: readonly string[];
  /** The name the evidence is about, as written. */
  readonly subject: string;
  readonly modules?: readonly string[];
  readonly calledName?: string;
  /** The receiver is one of two, chosen where the call runs (`(high ? highClient : lowClient).getValueAsync(key)`); `reference` is the first. */
  readonly chosenReceiver?: true;
}

// Values as the scanner first sees them: a reference to a local name is completed after the whole file
// is read, because a constant may be declared below the function that uses it.
/** A reference to a local name, resolved where it is written. */
export interface LocalReference {
  readonly kind: 'local';
  readonly names: readonly string[];
  /** Where the reference is written, to find the declaration in scope there. */
  readonly position: number;
}
/** An object of keys whose members may still name local names. */
export interface LocalObject {
  readonly kind: 'object';
  readonly members: Record<string, LocalValue>;
  /** Objects spread into it (`{ ...UserFeatureFlags, formTimer: 'formTimer' }`): it has their members where it has none of that name. */
  readonly spreads?: readonly LocalValue[];
  /**
   * True for an object declared as one whose every property holds its own name (`… as { [Flag in FlagType]: Flag }`, a
   * key mirror made at run time): a member it does not list is the member's name.
   */
  readonly mirror?: true;
  /**
   * For a class: each field its constructor sets from a parameter, with the parameter's position (`constructor(id:
   * string) { this.id = id }`, `constructor(readonly id: string)`), so that an object it makes has its argument there.
   */
  readonly fields?: Readonly<Record<string, number>>;
  /**
   * For an object made by `new` (`new Feature('show_error', false)`): its class and its arguments, by position. Its
   * field is the argument the class's constructor sets it from (`.id` is `'show_error'`).
   */
  readonly constructed?: { readonly of: LocalValue; readonly args: ReadonlyArray<LocalValue | undefined> };
}
/** A value as the walk records it, before local names are followed. */
export type LocalValue = string | LocalObject | LocalReference | ModuleReference;

/** A call that returns every flag at once (`useFlags()`): the patterns its name matches, the callee as written, and where it comes from. */
export interface BagSource {
  readonly patterns: readonly FlagPattern[];
  readonly method: string;
  /** For a preset's bag: the callee's reference, which must come from the pattern's packages. */
  readonly origin?: { readonly reference: LocalReference; readonly subject: string; readonly chosenReceiver?: true };
  /** The only property names that are flags, for a bag that lists them (see `ObjectBag.keys`). */
  readonly keys?: ReadonlySet<string>;
  /** For a bag call that gives a reactive box (see `FlagPattern.box`): its `.value` is the bag too. */
  readonly box?: true;
  /** For a bag of accessors (see `FlagPattern.bagAccessors`): a property is read by calling it. */
  readonly accessors?: true;
}

/** A declared name. `value` is undefined for names that hold no known key (parameters, `let`), so they shadow outer constants. */
export interface Binding {
  readonly scopeStart: number;
  readonly scopeEnd: number;
  readonly value: LocalValue | undefined;
  readonly bag?: BagSource;
  /**
   * Set for a function parameter: a key read from it is dynamic, limited to what its type allows. `defaultName`: the last
   * name of what it defaults to, when that is a name (`flags = featureFlagService`), which calls on it are made on.
   */
  readonly parameter?: { readonly type: ts.TypeNode | undefined; readonly defaultName?: string };
  /** For a name that holds no key: what its value was made from or typed by, for the evidence of calls on it. */
  readonly origin?: Origin;
  /** True for the name a loop over an object's keys binds (`for (const key in flags)`): every key in turn, no one flag. */
  readonly everyKey?: true;
  /** For a constant that holds a list written in the code: that list, whose rows a loop over it reads (see tableRows.ts). */
  readonly list?: ts.ArrayLiteralExpression;
  /**
   * For a name a loop or an array method's callback binds to each row of a list in turn: the list as written, and the
   * property of the row the name holds when it is destructured (`for (const { feature } of routes)`).
   */
  readonly row?: { readonly of: ts.Expression; readonly property?: string };
}

/** A check as the walk finds it, its key not yet followed through the bindings. */
export interface DraftCheck {
  readonly check: FlagCheck;
  /** The key argument's value, completed once every declaration of the file is known; absent when `check.key` is final. */
  readonly keyValue?: LocalValue;
  /** For a preset's check: the evidence it needs, looked for once every declaration of the file is known. */
  readonly evidence?: EvidenceNeed;
  /** True for one key of a list written at the key's place (`getTreatments(['a', 'b'])`): each is a check of its own. */
  readonly listed?: true;
  /** For a read of a bag that lists its keys by a name or an expression (`features[Feature.X]`): those keys, the only flags it holds. */
  readonly onlyKeys?: ReadonlySet<string>;
}

/** What one walk of a file writes: its bindings, scopes, draft checks and type aliases. */
export interface ScanState {
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly patternsByName: ReadonlyMap<string, readonly FlagPattern[]>;
  readonly bindings: Map<string, Binding[]>;
  readonly scopes: Span[];
  readonly drafts: DraftCheck[];
  readonly objectBags: readonly ObjectBag[];
  /** True when a bag of the patterns is read by calling its properties (see `FlagPattern.bagAccessors`): method calls are looked at. */
  readonly accessorBags?: true;
  /** Properties that hold a registry (see `PatternSet.registryProperties`); absent when none. */
  readonly registryProperties?: readonly RegistryProperty[];
  /** `type FlagKey = 'a' | 'b'`, for the keys a parameter of that type may hold. */
  readonly typeAliases: Map<string, ts.TypeNode>;
  /** The parameters of this file's functions that hold an SDK's client (see `PatternSet.clientParameters`); absent when none. */
  readonly clientParameters?: readonly ClientParameter[];
  /** The names of the functions the walk met that declare one of `clientParameters` (trees have no parent links). */
  readonly clientFunctions?: Map<ts.Node, string>;
  /**
   * Whether a function without a declared return type is followed through its returns: only in a module that names an
   * SDK's package (the whole document's text decides for a walk of part of it). Set on first need.
   */
  followsReturns?: boolean;
  /** Set when a function without a declared return type had its body blanked by the skeleton: its returns are unknown. */
  blankedReturns?: boolean;
  /** What the dependency lists of hooks the walk met name (`flags.x` and `flags.x.value` in `useMemo(fn, [flags.x.value])`), set on first need. */
  dependencyReads?: Set<ts.Node>;
  /** The team's wrappers whose key is a property of their argument named for flags, by the path's first property (see flagOptions.ts); absent when none. */
  readonly flagOptions?: ReadonlyMap<string, readonly FlagPattern[]>;
  /** In a component whose markup renders other components' elements (Vue's), the reader of the element at a tag's `<` (see `visitMarkupElement`). */
  readonly markupElement?: (text: string, open: number) => MarkupElement | undefined;
  /** True in a module that imports the OpenShift console's SDK and writes an extension's flag lists (see consoleExtensionFlags.ts). */
  readonly consoleExtensionFlags?: true;
  /** The callbacks the walk met given to an array method that hands them each row (`routes.filter((route) => …)`), with the list. */
  rowCallbacks?: Map<ts.Node, ts.Expression>;
  /** The selectors the walk met given to a bag function (`useFeatureFlagStore((s) => s.x)`), each with that bag: their parameter holds it. */
  selectorBags?: Map<ts.Node, BagSource>;
  /** Every binding declared, in order, when one top-level statement's walk is recorded (`scanDocument`). */
  readonly declared?: Array<readonly [string, Binding]>;
}
