// Registries: the declarations that list flag keys (enum, `as const` object, union, interface), weighed by
// how many of their keys the workspace's checks use, what they anchor (parameters typed by them, calls passed
// their members) and whether their name says they list flags.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { PatternSet } from '../patterns';
import { calleeLastName } from '../patterns/define';
import { coversAll, registryCandidates, type RegistryCandidate } from '../registry';
import { DEFAULT_EXPORT } from '../registryDeclarations';
import type { ModuleHost } from '../resolve';
import { escapeRegex } from '../regex';
import { namesVendorPackage } from '../skeleton';
import type { Anchored, AnchorRegistry } from './anchors';
import { isTestFile } from './wrappers';
import type { SourceTrees } from './sourceTrees';
import { holdsBoolean } from './typeText';
import type { DiscoveredRegistry, SourceText } from './types';

// The last whole word of a name, not a part of one: `AggregatedFunctionMetrics` holds "gate" and
// `BenefitGrantFeatureFlagWebhook` holds "Flag", but neither is about flags.
const REGISTRY_WORDS = new Set(['flag', 'flags', 'feature', 'features', 'toggle', 'toggles', 'experiment', 'experiments', 'experimental', 'gate', 'gates']);
// Of those, the words that name nothing but flags: a product "feature" (a pricing plan's), an "experiment" or a "gate"
// is as often something else, so a second registry with such a name needs the bar of one not named for flags.
const FLAG_ONLY_WORDS = new Set(['flag', 'flags', 'toggle', 'toggles']);
// Words that name nothing but flags after "feature": `feature-gates/`, `FeatureSwitches`.
const FEATURE_PAIR_WORDS = new Set(['gate', 'gates', 'switch', 'switches']);
// Words after the flag word that still name a list of flags: `FlagKey`, `FeatureFlagNames`, `FLAGS_ENUM`.
const LIST_WORDS = new Set(['key', 'keys', 'name', 'names', 'id', 'ids', 'uuid', 'uuids', 'slug', 'slugs', 'code', 'codes', 'enum', 'type', 'types', 'list', 'set', 'map', 'registry', 'values', 'constants', 'consts', 'config', 'interface']);
// A registry named for flags convinces when this share of its keys is checked; any other declaration of string keys
// (routes, metrics, CSS classes) needs most of its keys checked, and more than one, to be taken for a registry.
const NAMED_MIN_SHARE = 0.25;
const UNNAMED_MIN_SHARE = 0.5;
const UNNAMED_MIN_USED = 2;
// Cheap text tests for files that may declare a registry: a declaration that can list keys, and one named for flags.
const DECLARATION_TEXT = /\benum\s|\bas const\b|\btype\s+[\w$]+(?:<[^=]*>)?\s*=|\binterface\s|Object\.freeze|\bclass\s+[\w$]*(?:Flag|Toggle)/;
// A constant named for flags, up to the start of its value.
const FLAG_NAMED_CONSTANT = String.raw`\bconst\s+[\w$]*(?:flag|feature|toggle|experiment|gate)[\w$]*\s*(?::[^=\n]*)?=\s*`;
// A plain list is a registry only when named for flags and made of the module's constants (`FEATURES = [DARKMODE, …]`).
const FLAG_NAMED_LIST = new RegExp(`${FLAG_NAMED_CONSTANT}\\[`, 'i');
// So is a plain object, its keys not fixed by `as const`, in a module that imports a flag vendor's SDK (`export const
// FEATURE_FLAGS = { dom1SignIn: 'dom1' }` beside the team's LaunchDarkly service): elsewhere such a name is as often a
// plan's features (`EnterpriseFeatures`) or a debugging switch's settings.
export const FLAG_NAMED_OBJECT = new RegExp(`${FLAG_NAMED_CONSTANT}\\{`, 'i');
const FLAG_NAMED_DECLARATION = /\b(?:enum|interface|type|const|class)\s+([\w$]*(?:flag|feature|toggle|experiment|gate)[\w$]*)/gi;
// A module's default export of an object, which goes by the module's name (see `registryName`).
const DEFAULT_OBJECT_TEXT = /\bexport\s+default\s+(?:Object\.freeze\(\s*)?\{/;

// The kinds of value a flag may have: a list of nothing else names no flag.
const VALUE_KINDS = new Set(['boolean', 'bool', 'string', 'number', 'integer', 'int', 'float', 'double', 'json', 'object', 'array', 'variant', 'multivariate']);

// Candidates whose anchors are looked for (see `weighRegistries`).
const MAX_ANCHORED_CANDIDATES = 4;

const NO_ANCHORS: Anchored = { wrappers: [], count: 0, membersPassed: new Set(), keysPassed: new Set() };

/** What checks in code use: resolved keys, and the keys dynamic checks' parameter types allow. */
export interface CheckedKeys {
  readonly used: ReadonlySet<string>;
  readonly possibleKeySets: ReadonlyArray<readonly string[]>;
  /** Resolved checks, one entry per check (a key checked twice is there twice): the names a registry may list it by. */
  readonly resolvedKeys: ReadonlyArray<readonly string[]>;
  /** Resolved checks of keys their bag lists itself (`FlagCheck.listedByBag`), likewise: for a registry that lists them, against none. */
  readonly bagListedKeys: ReadonlyArray<readonly string[]>;
  /**
   * The names environment switches are declared under and the keys they are read by (`sso` and FEATURE_TEAM_SSO of
   * `teamFeatures: { sso: process.env.FEATURE_TEAM_SSO !== 'false' }`): flags no registry lists.
   */
  readonly switches: ReadonlySet<string>;
}

/** Every check the patterns find, resolved across files. Only files that may hold a check are scanned; others are read for their exports when a key's import leads there. */
export function checkedKeys(trees: SourceTrees, patterns: PatternSet, resolvePackage: ModuleHost['resolvePackage']): CheckedKeys {
  const used = new Set<string>();
  const resolvedKeys: Array<readonly string[]> = [];
  const bagListedKeys: Array<readonly string[]> = [];
  const possibleKeySets: Array<readonly string[]> = [];
  const switches = new Set<string>();
  for (const source of trees.sources) {
    if (!trees.mayHoldChecks(source, patterns)) continue;
    for (const name of Object.keys(trees.scan(source, patterns).switches ?? {})) switches.add(name);
    for (const check of trees.resolvedChecks(source, patterns, resolvePackage)) {
      // An environment switch's key is the variable's name: no registry of flags lists it, and it says nothing of one.
      if (check.environmentSwitch === true) {
        switches.add(check.key);
        continue;
      }
      if (check.resolved) {
        // LaunchDarkly's bag names a flag camelCased; a registry that types the bag (`interface Flags { newNav?: boolean }`)
        // lists it by that name, as the registry's findings match it.
        const names = check.camelCaseName === undefined ? [check.key] : [check.key, check.camelCaseName];
        for (const name of names) used.add(name);
        // A key its bag lists itself is registered there: it counts for a registry that lists it too, and against none.
        (check.listedByBag === true ? bagListedKeys : resolvedKeys).push(names);
      }
      if (check.possibleKeys !== undefined) possibleKeySets.push(check.possibleKeys);
    }
  }
  return { used, possibleKeySets, resolvedKeys, bagListedKeys, switches };
}

/** A registry candidate with its keys and members, for anchoring and the last check before it is proposed. */
export type WeighedRegistry = DiscoveredRegistry & { readonly keyList: readonly string[]; readonly memberList: readonly string[]; readonly keyOfMember: ReadonlyMap<string, string> };

/**
 * The registry candidates, best first: those the evidence convinces, then by keys checked in code, by
 * parameters typed by them and calls passed their members (`anchors`), by whether the name says they list
 * flags, and by size. Files are read for candidates only when their text holds a checked key or a declaration
 * named for flags. `anchorsOf` gives a candidate's anchors; it is asked only of candidates worth it.
 */
export function weighRegistries(root: string, trees: SourceTrees, checked: CheckedKeys, anchorsOf: (candidate: AnchorRegistry) => Anchored): WeighedRegistry[] {
  const { used, possibleKeySets } = checked;
  const mentioned = new Set([...used, ...possibleKeySets.flat()]);
  // With no key checked anywhere, a name that says it lists flags is the only evidence there can be.
  const noKeyChecked = mentioned.size === 0;
  // A key as a registry lists it: quoted (a union, an enum's or object's value) or as a property name (an interface).
  const keys = [...mentioned].map(escapeRegex).join('|');
  const usedKeyText = mentioned.size === 0 ? undefined : new RegExp(`(['"\`])(?:${keys})\\1|(?:^|[\\s{;,])(?:${keys})\\??:`, 'm');
  const found: Array<{ source: string; candidate: RegistryCandidate; usedHere: ReadonlySet<string>; usedKeys: number; namedForFlags: boolean }> = [];
  const collect = (source: SourceText): void => {
    // A story's or a test's objects are props and fixtures: a product's list of flags is declared with the product.
    if (isTestFile(posix.relative(root, source.file))) return;
    // Parsed without keeping the tree: most of these files declare no registry. A list of one key is a registry only
    // when its name says flags and nothing else (`type FEATURE_FLAGS = { COMPLEX_BINDINGS: boolean }`): a team's first
    // flag, and the list it will grow.
    for (const candidate of registryCandidates(source.file, source.text, undefined, 1)) {
      const name = registryName(candidate.symbol, source.file);
      if (candidate.keys.length < 2 && !namesOnlyFlags(name)) continue;
      // `type FeatureFlagType = 'boolean' | 'number'` lists the kinds of value a flag may have, not flags.
      if (candidate.keys.every((key) => VALUE_KINDS.has(key))) continue;
      if (listsModelFlags(candidate.symbol, source.text) || isStoredRecord(candidate.keys)) continue;
      // As for unused flags: a parameter typed as the whole candidate does not say which of its keys are used.
      const listed = new Set(candidate.keys);
      const usedHere = new Set([...used, ...possibleKeySets.filter((keys) => !coversAll(keys, listed)).flat()]);
      const usedKeys = candidate.keys.filter((key) => usedHere.has(key)).length;
      const namedForFlags = saysItListsFlags(name);
      if (usedKeys === 0 && !namedForFlags) continue;
      found.push({ source: source.file, candidate, usedHere, usedKeys, namedForFlags });
    }
  };
  const declaring = trees.sources.filter((source) => DECLARATION_TEXT.test(source.text) || FLAG_NAMED_LIST.test(source.text)
    || (FLAG_NAMED_OBJECT.test(source.text) && namesVendorPackage(source.text)));
  const namedFiles = new Set<string>();
  for (const source of declaring) {
    if (!declaresNameForFlags(source.text) && !(DEFAULT_OBJECT_TEXT.test(source.text) && saysItListsFlags(registryName(DEFAULT_EXPORT, source.file)))) continue;
    namedFiles.add(source.file);
    collect(source);
  }
  // A declaration named for flags that lists at least half the keys checked in code leaves no room for one that is
  // not named so to do better; then the files that only hold checked keys are not read (on 20,000 files, testing
  // every text for hundreds of keys costs more than the rest of this stage).
  const namedCovers = found.some((entry) => entry.namedForFlags && entry.usedKeys * 2 >= used.size && entry.usedKeys / entry.candidate.keys.length >= NAMED_MIN_SHARE);
  if (usedKeyText !== undefined && !namedCovers) {
    for (const source of declaring) if (!namedFiles.has(source.file) && usedKeyText.test(source.text)) collect(source);
  }
  // Anchors are looked for only for the few candidates named for flags with the most checked keys: each reads
  // every file that names it, and a declaration of string keys not named for flags (schemas, routes) cannot
  // convince by its anchors alone. Among those with as many, a name that says nothing but flags goes first, then the
  // longer list: `FEATURE_FLAG` of 28 keys before a `RunColumnGate`.
  const saysOnlyFlags = (entry: (typeof found)[number]): boolean => namesOnlyFlags(registryName(entry.candidate.symbol, entry.source)) || pathMentionsFlags(posix.relative(root, entry.source));
  const anchoredOnes = new Set(found.filter((entry) => entry.namedForFlags)
    .sort((a, b) => b.usedKeys - a.usedKeys || Number(saysOnlyFlags(b)) - Number(saysOnlyFlags(a)) || b.candidate.keys.length - a.candidate.keys.length)
    .slice(0, MAX_ANCHORED_CANDIDATES));
  const candidates: Array<WeighedRegistry & { exported: boolean; ownUsedKeys: number }> = found.map((entry) => {
    const { candidate, usedHere, namedForFlags } = entry;
    const members = [...candidate.keyOfMember.keys()];
    const anchored = anchoredOnes.has(entry) ? anchorsOf({ file: entry.source, symbol: candidate.symbol, kind: candidate.kind, keys: candidate.keys, members, ...(candidate.constants === undefined ? {} : { constants: candidate.constants }) }) : NO_ANCHORS;
    // Members passed to calls no pattern knows yet are keys checked in code, too.
    const passedKeys = [...anchored.membersPassed].flatMap((member) => candidate.keyOfMember.get(member) ?? []);
    const ownUsed = new Set([...candidate.keys.filter((key) => usedHere.has(key)), ...passedKeys]);
    // So are keys written where a parameter typed by it takes them, for a list whose name, or the name of the type it
    // takes its keys from, says flags (`type Feature = keyof FeatureFlagConfig`): plan features (`CommercialFeature`)
    // and other lists of string keys type such parameters too. They convince; they do not rank it above a list the
    // checks found on their own.
    const name = registryName(candidate.symbol, entry.source);
    // A function whose own name says flags, typed by a list named for features alone (`getFeatureFlag(name: keyof typeof
    // FEATURE_NAME)`), says what the list's keys are, and the keys written where it takes them are checks found as any are.
    const typedByFlagFunction = anchored.wrappers.some((wrapper) => wrapper.evidence === 'typed' && mentionsOnlyFlags(calleeLastName(wrapper.pattern.callee)));
    const saysFlags = typedByFlagFunction || [name, ...(candidate.keysFrom ?? [])].some(mentionsOnlyFlags);
    const usedKeys = saysFlags ? new Set([...ownUsed, ...anchored.keysPassed]).size : ownUsed.size;
    return {
      file: posix.relative(root, entry.source),
      symbol: candidate.symbol,
      kind: candidate.kind,
      keys: candidate.keys.length,
      keyList: candidate.keys,
      memberList: members,
      keyOfMember: candidate.keyOfMember,
      ...(candidate.constants === undefined ? {} : { constants: candidate.constants }),
      usedKeys,
      anchors: anchored.count,
      namedForFlags,
      ...weighEvidence(candidate.keys.length, usedKeys, anchored.count, namedForFlags, noKeyChecked && ((anchored.count > 0 && (typedByFlagFunction || anchorsMayConvince(name, posix.relative(root, entry.source))))
        || (mentionsOnlyFlags(name) && pathMentionsFlags(posix.relative(root, entry.source)))
        || (namedForFlags && candidate.kind === 'interface' && !candidate.keys.some((key) => checked.switches.has(key)) && listsSwitches(trees, entry.source, candidate.symbol) && typesASetting(root, trees, candidate.symbol)))),
      exported: candidate.exported,
      ownUsedKeys: typedByFlagFunction ? usedKeys : ownUsed.size,
    };
  });
  candidates.sort((a, b) => Number(b.convincing) - Number(a.convincing)
    || b.ownUsedKeys - a.ownUsedKeys
    || b.usedKeys - a.usedKeys
    || b.anchors - a.anchors
    || Number(b.namedForFlags) - Number(a.namedForFlags)
    || Number(b.exported) - Number(a.exported)
    || b.keys - a.keys
    || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return candidates.map(({ exported: _exported, ownUsedKeys: _ownUsedKeys, ...candidate }) => candidate);
}

// The share of an interface's properties that must be booleans for it to list switches: deck's `IFeatures` has a number
// and a text among 30 booleans; a record about one feature (`{ id, title, description, isDefaultBundle }`) is no list.
const SWITCHES_SHARE = 0.75;

/** True when most properties of the interface or object type `symbol` declared in `file` are booleans: a list of switches. */
function listsSwitches(trees: SourceTrees, file: string, symbol: string): boolean {
  const source = trees.byFile.get(file);
  if (source === undefined) return false;
  for (const statement of trees.tree(source).statements) {
    const members = ts.isInterfaceDeclaration(statement) && statement.name.text === symbol ? statement.members
      : ts.isTypeAliasDeclaration(statement) && statement.name.text === symbol && ts.isTypeLiteralNode(statement.type) ? statement.type.members : undefined;
    if (members === undefined) continue;
    const properties = members.filter(ts.isPropertySignature);
    const switches = properties.filter((property) => property.type !== undefined && holdsBoolean(property.type)).length;
    return properties.length > 0 && switches >= properties.length * SWITCHES_SHARE;
  }
  return false;
}

/**
 * True when a property of the app's settings, outside tests, is declared with the interface as its type (`feature:
 * IFeatures` in `interface ISpinnakerSettings`): the settings' switches are read as a bag of them, which is all a
 * workspace with no flag check yet shows of its flags. Elsewhere such a type is as often a plan's (`features: OrgFeatures`
 * on an organization) or a view's (`viewFlags: ViewFlags`). A workspace whose environment switches go by the interface's
 * names has its checks already (`teamFeatures: TeamFeature` types the object of `env.teamFeatures.sso`): its interface
 * would report them twice. A switch of another name (deck's `canaryFeatureDisabled`) says nothing of it.
 */
function typesASetting(root: string, trees: SourceTrees, symbol: string): boolean {
  const typed = new RegExp(`[\\w$]\\??\\s*:\\s*(?:(?:Partial|Readonly)<\\s*)?${escapeRegex(symbol)}\\s*>?\\s*[;,}\\n]`);
  return [...trees.filesNaming(symbol)].some((file) => {
    const source = trees.byFile.get(file);
    if (source === undefined || isTestFile(posix.relative(root, file)) || !typed.test(source.text)) return false;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.name !== undefined && SETTINGS_NAME.test(node.name.text)) {
        const members = ts.isTypeAliasDeclaration(node) ? (ts.isTypeLiteralNode(node.type) ? node.type.members : undefined) : node.members;
        found = (members ?? []).some((member) => (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) && member.type !== undefined && namesType(member.type, symbol));
      }
      ts.forEachChild(node, visit);
    };
    visit(trees.tree(source));
    return found;
  });
}

// The name of an app's settings: `ISpinnakerSettings`, `AppConfig`, `Configuration`.
const SETTINGS_NAME = /(?:config(?:uration)?|settings?)$/i;

/** `IFeatures`, `Partial<IFeatures>`, `IFeatures | undefined`. */
function namesType(type: ts.TypeNode, symbol: string): boolean {
  if (ts.isUnionTypeNode(type)) return type.types.some((member) => namesType(member, symbol));
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  return name === symbol || ((name === 'Partial' || name === 'Readonly') && type.typeArguments?.length === 1 && namesType(type.typeArguments[0], symbol));
}

/** The candidate weighed again with the checks the final patterns find (its own anchors among them). */
export function reweighed(candidate: WeighedRegistry, checked: CheckedKeys): WeighedRegistry {
  const usedKeys = Math.max(candidate.usedKeys, candidate.keyList.filter((key) => checked.used.has(key)).length);
  const name = registryName(candidate.symbol, candidate.file);
  const nameAlone = checked.used.size === 0 && ((candidate.anchors > 0 && anchorsMayConvince(name, candidate.file)) || (mentionsOnlyFlags(name) && pathMentionsFlags(candidate.file)));
  return { ...candidate, usedKeys, ...weighEvidence(candidate.keys, usedKeys, candidate.anchors, candidate.namedForFlags, nameAlone) };
}

/**
 * Why a registry must not be proposed, or undefined when it may: under it, most resolved checks would be
 * `unregistered-flag` findings (their keys are not listed). A check resolved to a key the registry lists counts for it.
 */
export function mostlyUnregistered(registry: WeighedRegistry, checked: CheckedKeys): string | undefined {
  const listed = new Set(registry.keyList);
  const listedHere = (names: readonly string[]): boolean => names.some((name) => listed.has(name));
  const unlisted = checked.resolvedKeys.filter((names) => !listedHere(names)).length;
  const counted = checked.resolvedKeys.length + checked.bagListedKeys.filter(listedHere).length;
  if (unlisted * 2 <= counted) return undefined;
  return `${unlisted} of the ${counted} checks with a known key would check keys it does not list`;
}

// A data model's class: an ORM's decorator (`@Table`, `@Entity`, `@Model`) before it, or a base class named for models.
const MODEL_CLASS = (name: string): RegExp => new RegExp(`@(?:Table|Entity|Model)\\b[^@]*?\\bclass\\s+${name}\\b|\\bclass\\s+${name}\\s+extends\\s+[\\w$.]*Model\\b`);

/**
 * True for the flags a data model stores on each of its records, declared beside it: `enum UserFlag { InviteSent =
 * 'inviteSent' }` in the file of `@Table(…) class User extends ParanoidModel`, set and read per user (`user.getFlag(…)`).
 */
function listsModelFlags(symbol: string, text: string): boolean {
  const model = /^([A-Z][A-Za-z0-9]*?)Flags?$/.exec(symbol)?.[1];
  return model !== undefined && MODEL_CLASS(model).test(text);
}

// The times a stored row keeps of its own making and change.
const ROW_TIMES = [['createdAt', 'created_at'], ['updatedAt', 'updated_at']];

/**
 * True for the type of a row a database stores, which has the times of its own making and change: `type UserProductFlags
 * = { userId; sentReadyToCoachEmail: boolean; …; createdAt: Date; updatedAt: Date }` is what the app recorded of one user,
 * not a list of the product's flags, whatever its name.
 */
function isStoredRecord(keys: readonly string[]): boolean {
  return ROW_TIMES.every((names) => names.some((name) => keys.includes(name)));
}

/**
 * True when a registry other than the chosen one may type bags beside it: its name says nothing but flags (`UiFlags`),
 * and it is not declared in a test. A bag it types is read only by the keys it lists.
 */
export function typesBags(candidate: WeighedRegistry): boolean {
  return namesOnlyFlags(registryName(candidate.symbol, candidate.file)) && !isTestFile(candidate.file);
}

/**
 * Why a registry other than the chosen one anchors wrappers too, or undefined when it must not. A monorepo's
 * front end and server each list their own flags (a `UiFlags` type and an `IFlagKey` union), and only one is
 * proposed; the other still types its side's wrappers. A name and one checked key is not enough for that: a
 * union of pricing-plan features (`CommercialFeature`) is named for "features" and types many functions that
 * are no flag checks. So a second registry must not be declared in a test, and a share of its keys, more than
 * one, must be checked by calls found with evidence of their own (`ownChecked`: before any registry anchored a
 * call, so its own anchors do not vouch for it): a quarter when its name says nothing but flags (`…Flag…`,
 * `…Toggle…`), half, as for a declaration not named for flags, when the name is a word used for other things
 * too (`Feature`, `Experiment`, `Gate`).
 */
export function anchorsBeside(candidate: WeighedRegistry, ownChecked: CheckedKeys): string | undefined {
  if (!candidate.convincing || candidate.anchors === 0 || isTestFile(candidate.file)) return undefined;
  const checked = candidate.keyList.filter((key) => ownChecked.used.has(key)).length;
  const flagsOnly = namesOnlyFlags(registryName(candidate.symbol, candidate.file));
  const share = flagsOnly ? NAMED_MIN_SHARE : UNNAMED_MIN_SHARE;
  if (checked < UNNAMED_MIN_USED || checked / candidate.keys < share) return undefined;
  const keys = `${checked} of its ${candidate.keys} keys are checked by calls with evidence of their own`;
  return flagsOnly ? `${keys}, and its name says it lists flags` : `${keys}, at least half`;
}

/**
 * Whether a candidate's checked keys and anchors are enough to propose it, and why, in words. `nameAlone`: no check
 * in code names a key, and the name says flags and nothing else (`FeatureFlag`, `UiFlags`) or functions take its keys
 * (`key: keyof Experiments`), so it may convince by its name; a `Features` type nothing takes the keys of may be the
 * plan's entitlements, whose reads through its own bags would then vouch for it.
 */
function weighEvidence(keys: number, usedKeys: number, anchors: number, namedForFlags: boolean, nameAlone: boolean): { convincing: boolean; reason: string } {
  const checked = `${usedKeys} of its ${keys} keys ${usedKeys === 1 ? 'is' : 'are'} checked in code`;
  const anchored = anchors === 0 ? '' : `, ${anchors} ${anchors === 1 ? 'parameter typed by it or call passed a member' : 'parameters typed by it or calls passed its members'}`;
  if (namedForFlags && nameAlone) {
    return { convincing: true, reason: `its name says it lists flags (${keys} keys)${anchored}, and no check in code names a key yet` };
  }
  if (namedForFlags) {
    return usedKeys / keys >= NAMED_MIN_SHARE || (anchors > 0 && usedKeys > 0)
      ? { convincing: true, reason: `${checked}${anchored}, and its name says it lists flags` }
      : { convincing: false, reason: `is named for flags, but ${usedKeys === 0 ? `none of its ${keys} keys is checked in code` : `only ${checked}`}; at least a quarter would have to be` };
  }
  return usedKeys >= UNNAMED_MIN_USED && usedKeys / keys >= UNNAMED_MIN_SHARE
    ? { convincing: true, reason: `${checked}${anchored}` }
    : { convincing: false, reason: `is not named for flags (Flag, Feature, Toggle, Experiment) and only ${checked}; more than one and at least half would have to be` };
}

/**
 * The name a registry goes by: its own, or for a module's default export, which has none, the module's
 * (`featureConstants.ts` for `export default { HYPERSHIFT_WIZARD_FEATURE, … } as const`).
 */
export function registryName(symbol: string, file: string): string {
  if (symbol !== DEFAULT_EXPORT) return symbol;
  const base = posix.basename(file);
  return base.slice(0, base.indexOf('.') > 0 ? base.indexOf('.') : undefined);
}

/** True when the text declares a name that says it lists flags (a cheap test before a parse: `FeatureSchema` does not). */
function declaresNameForFlags(text: string): boolean {
  for (const match of text.matchAll(FLAG_NAMED_DECLARATION)) if (saysItListsFlags(match[1])) return true;
  return false;
}

/** True when the name is about flags: `FeatureFlag`, `FLAGS`, `experiments`, `LDFlags`, `FlagKey`, not `FeatureTier` nor `CliFlags`. */
export function saysItListsFlags(symbol: string): boolean {
  return REGISTRY_WORDS.has(subjectWord(symbol)) && !namesOtherFlags(symbol);
}

// Words that make "flags" a command line's (`CliFlags`, `parseFlags`, `CompilerFlags`), not features'; or a plan's, what a
// customer's tier pays for (`TierFeatureFlags`, `PlanFeatures`, `commercialFeatures`, `PremiumFeature`), an entitlement
// checked against billing, not a flag.
const OTHER_FLAGS_WORDS = new Set(['cli', 'command', 'commands', 'cmd', 'arg', 'args', 'argv', 'parse', 'parsed', 'compiler', 'linker',
  'tier', 'tiers', 'plan', 'plans', 'entitlement', 'entitlements', 'billing', 'pricing', 'subscription', 'license', 'licence',
  'commercial', 'premium', 'paid']);

/** True when a name's words say its flags are a command line's or its features a plan's. */
export function namesOtherFlags(name: string): boolean {
  return nameWords(name).some((word) => OTHER_FLAGS_WORDS.has(word));
}

/** True when the name says flags and nothing else can be meant: `IFlagKey`, `UiFlags`, `Toggles`, not `CommercialFeature`. */
function namesOnlyFlags(symbol: string): boolean {
  return FLAG_ONLY_WORDS.has(subjectWord(symbol));
}

/**
 * With no key checked anywhere, whether parameters typed by a candidate may convince: when its name says nothing but
 * flags, or experiments, or its path says flags. A list named for features alone is as often the product's own
 * (`SERVER_FEATURES = ['firestore', 'auth', …]` typing a tool registry's `feature: ServerFeature`), and with no check to
 * go by, functions typed by it are all there is.
 */
function anchorsMayConvince(name: string, file: string): boolean {
  return mentionsOnlyFlags(name) || EXPERIMENT_WORDS.has(subjectWord(name)) || pathMentionsFlags(file);
}

// The words of a name that say experiments, which a team's own A/B and preview switches go by (`ExperimentName`).
const EXPERIMENT_WORDS = new Set(['experiment', 'experiments', 'experimental']);

/** True when a file's path says flags in a folder's or its own name (`feature-flag/constant.ts`, `featureFlags.server.ts`). */
function pathMentionsFlags(file: string): boolean {
  return file.split('/').some((part) => mentionsOnlyFlags(part.replace(/\.[^.]*$/, '')));
}

/** True when a word of the name says flags and nothing else can be meant: `FeatureFlagConfig`, `Toggles`, not `CommercialFeature`. */
function mentionsOnlyFlags(symbol: string): boolean {
  const words = nameWords(symbol);
  // "Feature gates" and "feature switches" are flags by other names (Statsig's, Kubernetes', a news site's), as "gates"
  // or "switches" alone are not.
  const featurePair = words.some((word, index) => word === 'feature' && FEATURE_PAIR_WORDS.has(words[index + 1]));
  return (featurePair || words.some((word) => FLAG_ONLY_WORDS.has(word))) && !namesOtherFlags(symbol);
}

/** The word a name is about: its last, past the words that say it is a list (`FlagKey` → `flag`). */
export function subjectWord(symbol: string): string {
  const words = nameWords(symbol);
  while (words.length > 1 && (LIST_WORDS.has(words[words.length - 1]) || /^v\d+$/.test(words[words.length - 1]))) words.pop();
  return words[words.length - 1] ?? '';
}

/** `LDFeatureFlags_v2` → `['ld', 'feature', 'flags', 'v2']`. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

// The last word of a boolean that holds the state of what serves the flags, not a flag: `remoteConfigReady`, `isLoading`,
// `featureFlagsLoaded`.
const OWN_STATE_WORDS = new Set(['ready', 'loading', 'loaded', 'initialized', 'initialised', 'fetching', 'fetched', 'pending', 'error']);

/** True when a boolean's name says it holds the state of what serves the flags (see `OWN_STATE_WORDS`). */
export function saysOwnState(name: string): boolean {
  return OWN_STATE_WORDS.has(nameWords(name).at(-1) ?? '');
}
