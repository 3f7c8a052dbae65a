// Zero-config discovery, for the scan of a folder without `.flaglens.json` and for `flaglens init`: the
// team's wrappers (functions that forward a parameter as the key of a flag check, at any depth, also through
// a closure), functions that return a flag bag, and the flag registry in code with what it anchors:
// parameters typed by it and calls passed its members. Each finding says where it is and why it was chosen.

import { buildPatternSet, calleeLastName, type ClientParameter, type PatternSet } from '../patterns';
import type { UserPattern } from '../types';
import type { BagEntry } from '../bags';
import type { ModuleHost } from '../resolve';
import type { PackageTable } from '../packages';
import { registryLabel } from '../registryDeclarations';
import { escapeRegex } from '../regex';
import { anchoredBy, type Anchored, type AnchorRegistry } from './anchors';
import { clientParameters, clientParametersOf } from './clientParameters';
import { filledFromCamelCasedBag, launchDarklyProviders } from './keyNaming';
import { registryCopies } from './registryCopies';
import { anchorsBeside, checkedKeys, mostlyUnregistered, reweighed, saysItListsFlags, typesBags, weighRegistries, type CheckedKeys, type WeighedRegistry } from './registries';
import { SourceTrees, type Prescanned } from './sourceTrees';
import { bagsTypedBy } from './typedBags';
import { flagRecordBags, registryRecordBags, settingsSwitchBags } from './flagRecords';
import { takenRecordBags } from './takenRecords';
import { piniaFlagStoreBags } from './piniaStores';
import { zustandFlagStoreBags } from './zustandStores';
import { featureDecisionBags } from './featureDecisions';
import { checkedReturnBags } from './checkedReturns';
import { accessorServiceBags } from './accessorServices';
import { vendorConfigEvidence } from './vendorConfigs';
import { defaultedHookBags, hookReturnedBags } from './hookBags';
import { typedOptions } from './typedOptions';
import { bagsKeyedBy } from './keyedRecords';
import { comparedRecordBags } from './comparedRecords';
import { registryPropertiesOf, registryPropertyPattern } from './registryProperties';
import { typedFlagEvidence } from './listTyped';
import { keyTypedWrappers } from './keyTypes';
import { shortTypeText } from './typeText';
import { flagHookMethods, flagReadersGivenFlagNames, flagServiceMethods, packageFlagFunctions } from './namedFlagApis';
import { keyedListSearches } from './keyedListSearches';
import { injectedClientPatterns } from './injectedClients';
import { configNamedCalls, configSectionBags } from './configFlags';
import { stateComparingWrappers } from './stateComparisons';
import type { DiscoveredBag, DiscoveredRegistry, DiscoveredRegistryProperty, DiscoveredWrapper, Discovery, SourceText } from './types';
import { bagEntryOf } from './proposedConfig';
import { aliasesIn, isTestFile, ordinal, wrappersIn, type ClosureFactory } from './wrappers';

// Each level of wrappers reads the files that name the last level's names. Real code stops at three or four
// (a hook calling a closure another hook returns, which calls an override helper, which calls the SDK);
// past this depth a chain is not followed, so that discovery's cost stays bounded whatever the code.
const MAX_WRAPPER_DEPTH = 8;

/** How discovery reads a folder. */
export interface DiscoverOptions {
  /** Follows imports by package name (see `ModuleHost`). */
  readonly resolvePackage?: ModuleHost['resolvePackage'];
  /** Scans already made with the presets (the index's), so that those files are not parsed again. */
  readonly prescanned?: Prescanned;
  /** The sources' trees and scans, when the caller scans again with what is found (see `SourceTrees.patternSet`). */
  readonly trees?: SourceTrees;
  /** What node-config's flag sections declare (see nodeConfig.ts): the names they map to keys, and each section's members. */
  readonly configFlags?: Pick<PackageTable, 'configKeyNames' | 'configSections'>;
}

/** A registry beside the chosen one whose anchors are wrappers too, and why. */
interface BesideRegistry {
  readonly candidate: WeighedRegistry;
  readonly reason: string;
}

/** What the wrapper search has found so far. */
interface Found {
  readonly wrappers: DiscoveredWrapper[];
  readonly bags: DiscoveredBag[];
  readonly factories: ClosureFactory[];
  /** Parameters that hold an SDK's client by what every caller passes (see clientParameters.ts): calls on them are checks. */
  readonly clients: readonly ClientParameter[];
  /** Properties that hold the chosen registry (see registryProperties.ts): `features.Gate.X` is then a key. */
  readonly registryProperties: DiscoveredRegistryProperty[];
}

/**
 * Discovers wrappers, bag functions and the registry in a folder's source files. Each file is parsed at most
 * once, and only when a text test says it may hold a check, a registry or a use of one.
 */
export function discover(root: string, sources: readonly SourceText[], options: DiscoverOptions = {}): Discovery {
  const trees = options.trees ?? new SourceTrees(sources, options.prescanned?.patterns ?? buildPatternSet([]), options.prescanned);
  // Clients handed in as arguments come first: the calls on them are checks, and what forwards a key into those a wrapper.
  const clients = clientParameters(root, trees, options.resolvePackage);
  const found: Found = { wrappers: [], bags: [], factories: [], clients: clientParametersOf(clients), registryProperties: [] };
  followWrappers(root, trees, found, 1, undefined, options.resolvePackage);
  // A team's own store with no SDK: functions that compare what their key names with a flag's state, and what forwards into them.
  const comparedNames = addNew(found, stateComparingWrappers(root, trees, new Set(found.wrappers.map((wrapper) => wrapper.pattern.callee))), []);
  if (comparedNames.length > 0) followWrappers(root, trees, found, 2, comparedNames, options.resolvePackage);
  // The team's declared types, for checks that call no SDK: bags and options typed by a list of flags, and what forwards into them.
  // A record of feature flags with no list of keys (see flagRecords.ts) holds what any list types it by, so it comes first.
  const typed = typedFlagEvidence(root, trees);
  // So does a flag hook that gives back its flags over their defaults (see hookBags.ts): the defaults list its keys.
  // What a vendor serves is read by its boolean members alone: it comes before a record of booleans of the same hook.
  const served = vendorConfigEvidence(root, trees);
  // A record found by its name and the states its entries are compared with: any written key is read from it, so its
  // keys vouch for no list of keys (onroutebc's flags named as permit types would make `PERMIT_TYPES` the registry).
  const compared = comparedRecordBags(root, trees);
  const records = [...served.bags, ...flagRecordBags(root, trees), ...takenRecordBags(root, trees), ...defaultedHookBags(root, trees), ...settingsSwitchBags(root, trees), ...compared, ...piniaFlagStoreBags(root, trees), ...zustandFlagStoreBags(root, trees), ...configSectionBags(root, trees, options.configFlags?.configSections), ...featureDecisionBags(root, trees), ...accessorServiceBags(root, trees, patternsOf(trees, found))];
  const typedNames = addNew(found, [...typed.wrappers, ...served.wrappers], [...records, ...typed.bags]);
  if (typedNames.length > 0) followWrappers(root, trees, found, 2, typedNames, options.resolvePackage);
  // Functions declared with the type of a forwarded key take flag keys too, and what forwards into them is found as for any wrapper.
  const known = new Set(found.wrappers.map((wrapper) => wrapper.pattern.callee));
  const keyTypedNames = addNew(found, keyTypedWrappers(root, trees, found.wrappers, known), []);
  if (keyTypedNames.length > 0) followWrappers(root, trees, found, 2, keyTypedNames, options.resolvePackage);
  // A dependency's flag API that FlagLens has no preset for, known by its name (see namedFlagApis.ts).
  const namedFunctions = addNew(found, [...packageFlagFunctions(root, trees, options.resolvePackage), ...flagServiceMethods(root, trees), ...flagHookMethods(root, trees), ...flagReadersGivenFlagNames(root, trees), ...injectedClientPatterns(root, trees), ...configNamedCalls(root, trees, options.configFlags?.configKeyNames), ...keyedListSearches(root, trees)], []);
  if (namedFunctions.length > 0) followWrappers(root, trees, found, 2, namedFunctions, options.resolvePackage);
  // A function named for several flags that gives back its own checks' values by name (see checkedReturns.ts).
  const checkedReturnNames = addNew(found, [], checkedReturnBags(root, trees, patternsOf(trees, found), options.resolvePackage));
  if (checkedReturnNames.length > 0) followWrappers(root, trees, found, 2, checkedReturnNames, options.resolvePackage);
  const anchors = new Map<string, Anchored>();
  const anchorsOf = (candidate: AnchorRegistry): Anchored => {
    const id = `${candidate.file}#${candidate.symbol}`;
    let anchored = anchors.get(id);
    if (anchored === undefined) anchors.set(id, anchored = anchoredBy(root, candidate, trees, options.resolvePackage));
    return anchored;
  };
  // A record of feature flags typed by an object of its keys (`featureFlags$: ReadonlySignal<DatabaseFlags>`) is read by
  // those keys because that is its shape: its reads do not vouch for that type as the registry. Nor do the calls of a
  // function that gives one member of what a vendor serves (`getRemoteConfigKey('perps_enabled')`).
  const shapedBy = new Set<DiscoveredBag | DiscoveredWrapper>([...records.filter((bag) => bag.keys !== undefined), ...compared, ...served.wrappers]);
  const checkedWithoutShaped = (): CheckedKeys => checkedKeys(trees, patternsOf(trees, {
    ...found, wrappers: found.wrappers.filter((wrapper) => !shapedBy.has(wrapper)), bags: found.bags.filter((bag) => !shapedBy.has(bag)),
  }), options.resolvePackage);
  const ownChecked = checkedWithoutShaped();
  // Names a store gives its fields, each filled from a flag of another name (see piniaStores.ts), are no flag keys.
  const renamed = new Set(records.flatMap((bag) => Object.keys(bag.keyNames ?? {})));
  const candidates = weighRegistries(root, trees, ownChecked, anchorsOf).filter((candidate) => !candidate.keyList.every((key) => renamed.has(key)));
  let chosen: WeighedRegistry | undefined = candidates[0]?.convincing === true ? candidates[0] : undefined;
  // A list whose keys are checked only by the calls its own members are passed to (`addFeatureToEvent(data,
  // MixpanelFeature.SSI)`) gives way to an interface named for flags alone of which more keys are read through what
  // it types (`featureFlags.enableX` on `const features: FeatureFlags`).
  if (chosen !== undefined && !chosen.keyList.some((key) => ownChecked.used.has(key))) {
    const outdone = chosen.usedKeys;
    const rival = candidates.slice(1, 1 + MAX_RIVAL_INTERFACES).find((candidate) => candidate.convincing && candidate.kind === 'interface' && typesBags(candidate)
      && keysReadThroughTyped(root, trees, found, candidate, options.resolvePackage) > outdone);
    if (rival !== undefined) {
      candidates.splice(candidates.indexOf(rival), 1);
      candidates.unshift(rival);
      chosen = rival;
    }
  }
  const besides: BesideRegistry[] = [];
  if (chosen !== undefined) {
    // The chosen registry's anchors are wrappers and checks, and so are those of any other that passes the stronger
    // bar for a second one; what forwards into them is found as for any wrapper.
    for (const candidate of candidates.slice(1)) {
      const reason = anchorsBeside(candidate, ownChecked);
      if (reason !== undefined) besides.push({ candidate, reason });
    }
    besides.push(...registryCopies(root, trees, chosen, candidates));
    // What the registry anchors stands on it: if it is not proposed after all, none of it is kept.
    // The bags as they are: a registry's bags may also add keys to one known already.
    const before = { wrappers: found.wrappers.length, bags: [...found.bags], factories: found.factories.length };
    // Its members read off an object that carries it are keys, not values a caller passes: known before wrappers are followed.
    found.registryProperties.push(...registryPropertiesOf(root, trees, chosen));
    const anchoredWrappers: DiscoveredWrapper[] = [];
    // Calls given keys as strings are the weakest anchors: a wrapper found otherwise, by what it forwards or as another
    // name for one, says more of the same callee, so these are taken after those are followed.
    const spelledChecks: DiscoveredWrapper[] = [];
    for (const registry of [chosen, ...besides.map((beside) => beside.candidate)]) {
      for (const wrapper of anchorsOf({ ...registry, file: `${root}/${registry.file}`, keys: registry.keyList, members: registry.memberList }).wrappers) {
        const callee = wrapper.pattern.callee;
        const taken = wrapper.evidence === 'keys' ? spelledChecks : anchoredWrappers;
        if (!alsoDeclared(found, wrapper) && !taken.some((other) => other.pattern.callee === callee)) taken.push(wrapper);
      }
    }
    // A property declared with the registry's key type, or a list of it, is an option naming the flags that gate its objects.
    // One a wrapper reads already (`withWorkspace(handler, { featureFlag })`) is found where that wrapper is called.
    if (chosen.kind !== 'interface') {
      const readByWrappers = new Set(found.wrappers.flatMap((wrapper) => wrapper.pattern.keyPath?.slice(-1) ?? []));
      for (const option of typedOptions(root, chosen, trees)) {
        if (!readByWrappers.has(option.pattern.callee) && !found.wrappers.some((other) => other.pattern.callee === option.pattern.callee)) anchoredWrappers.push(option);
      }
    }
    found.wrappers.push(...anchoredWrappers);
    // A property typed by a registry interface, or by a type keyed by a registry's keys, is a bag of its flags (see typedBags.ts).
    // Any other convincing interface whose name says nothing but flags types bags too: such a bag's reads are checks only
    // of the keys the interface lists, and a monorepo's front end may read its own list so (`uiConfig.flags.x`, `UiFlags`).
    const typing = [chosen, ...besides.map((beside) => beside.candidate)];
    for (const candidate of candidates.slice(1)) {
      if (!typing.includes(candidate) && candidate.convincing && candidate.kind === 'interface' && typesBags(candidate)) typing.push(candidate);
    }
    // And so is a record read by a member of an enum or object registry (see keyedRecords.ts).
    const withMembers = [chosen, ...besides.map((beside) => beside.candidate)].filter((registry) => registry.kind === 'enum' || registry.kind === 'object');
    // And a list named for flags that declares a hook of its flags beside it (a monorepo's other app's own list): the hook,
    // named for feature flags and giving a type keyed by the list, is the evidence. The few best such lists are read.
    const ownGivers = candidates.slice(1).filter((candidate) => !typing.includes(candidate) && saysItListsFlags(candidate.symbol)).slice(0, MAX_OWN_GIVER_LISTS);
    // An interface filled from LaunchDarkly's `useFlags()` names the flags as that bag does, camelCased (see keyNaming.ts).
    const camelCasedTypes = new Set(typing.filter((registry) => registry.kind === 'interface' && filledFromCamelCasedBag(trees, registry.symbol)).map((registry) => registry.symbol));
    const typedBags = [
      ...bagsTypedBy(root, [
        ...typing.map((registry) => ({ symbol: registry.symbol, file: `${root}/${registry.file}`, keys: registry.keyList, kind: registry.kind, checked: registry.usedKeys > 0, keyOfMember: registry.keyOfMember })),
        ...ownGivers.map((registry) => ({ symbol: registry.symbol, file: `${root}/${registry.file}`, keys: registry.keyList, kind: registry.kind, checked: registry.usedKeys > 0, ownGiversOnly: true as const })),
      ], trees),
      ...bagsKeyedBy(root, withMembers.map((registry) => ({ symbol: registry.symbol, keys: registry.keyList, members: registry.memberList })), trees),
      // And a property a hook named for flags gives back, read by the chosen registry's keys (see hookBags.ts).
      ...hookReturnedBags(root, { symbol: chosen.symbol, keys: chosen.keyList }, trees),
      // And a record of booleans named for what it lists (see flagRecords.ts).
      ...registryRecordBags(root, trees, { symbol: chosen.symbol, file: chosen.file, keys: chosen.keyList }),
    ].filter((bag, index, all) => !mergedKeys(found, bag) && all.findIndex((other) => other.spec === bag.spec) === index)
      .map((bag) => (bag.typedBy !== undefined && bag.camelCaseKeys !== true && camelCasedTypes.has(bag.typedBy) ? { ...bag, camelCaseKeys: true } : bag));
    found.bags.push(...typedBags);
    // A record named for the registry's items is a bag of the keys it lists, not of every key: a function that reads it
    // by its parameter (`experiments[tool]`, a tool's own switch when the tool is an experiment) takes other keys too.
    const seeds = [...anchoredWrappers.map((wrapper) => wrapper.pattern.callee), ...typedBags.filter((bag) => bag.namedFor === undefined).map((bag) => bag.spec)];
    if (seeds.length > 0) followWrappers(root, trees, found, 2, seeds, options.resolvePackage);
    const spelledNames = addNew(found, spelledChecks.filter((check) => !found.wrappers.some((other) => other.pattern.callee === check.pattern.callee)), []);
    if (spelledNames.length > 0) followWrappers(root, trees, found, 2, spelledNames, options.resolvePackage);
    // The records shaped by their type vouch for it no more now than they did when it was chosen.
    const checked = checkedWithoutShaped();
    chosen = reweighed(chosen, checked);
    const unregistered = mostlyUnregistered(chosen, checked);
    candidates[0] = unregistered === undefined ? chosen : { ...chosen, convincing: false, reason: `${chosen.reason}; but ${unregistered}` };
    if (unregistered !== undefined) {
      chosen = undefined;
      found.wrappers.length = before.wrappers;
      found.bags.splice(0, found.bags.length, ...before.bags);
      found.factories.length = before.factories;
      found.registryProperties.length = 0;
    }
  }
  const withoutLists = ({ keyList: _keyList, memberList: _memberList, keyOfMember: _keyOfMember, ...candidate }: WeighedRegistry): DiscoveredRegistry => candidate;
  const registryCandidates = candidates.map(withoutLists);
  const alsoAnchoring = chosen === undefined ? [] : besides.map(({ candidate, reason }) => ({ ...withoutLists(candidate), reason }));
  const providers = launchDarklyProviders(root, sources, trees);
  return {
    wrappers: found.wrappers.map((wrapper) => (declaredElsewhere(wrapper, trees) ? { ...wrapper, sharesName: true } : wrapper)), bags: found.bags, ...(chosen ? { registry: registryCandidates[0] } : {}),
    ...(found.registryProperties.length > 0 ? { registryProperties: found.registryProperties } : {}), registryCandidates,
    ...(alsoAnchoring.length > 0 ? { alsoAnchoring } : {}), ...(providers.length > 0 ? { providers } : {}), ...(clients.length > 0 ? { clients } : {}),
  };
}

// Interfaces weighed against a list vouched for by its own anchors alone: each costs a read of the files that name it.
const MAX_RIVAL_INTERFACES = 3;

/** How many of an interface's keys are read through what it types: properties, parameters, what a flag hook gives back. */
function keysReadThroughTyped(root: string, trees: SourceTrees, found: Found, candidate: WeighedRegistry, resolvePackage: DiscoverOptions['resolvePackage']): number {
  const registry = { symbol: candidate.symbol, file: `${root}/${candidate.file}`, keys: candidate.keyList, kind: candidate.kind, checked: false };
  const bags = [...bagsTypedBy(root, [registry], trees), ...hookReturnedBags(root, { symbol: candidate.symbol, keys: candidate.keyList }, trees)];
  if (bags.length === 0) return 0;
  const { used } = checkedKeys(trees, patternsOf(trees, { ...found, bags: [...found.bags, ...bags] }), resolvePackage);
  return candidate.keyList.filter((key) => used.has(key)).length;
}

/**
 * Wrappers at any depth: level 1 reads the files that may call a preset; each next level the files that name
 * a wrapper, bag function or closure factory the last level found (or `seeds`), until a level finds nothing
 * new or `MAX_WRAPPER_DEPTH` is reached.
 */
function followWrappers(root: string, trees: SourceTrees, found: Found, firstLevel: number, seeds: readonly string[] | undefined, resolvePackage: ModuleHost['resolvePackage']): void {
  let newNames = seeds;
  for (let level = firstLevel; level <= MAX_WRAPPER_DEPTH; level++) {
    if (newNames !== undefined && newNames.length === 0) return;
    const patterns = patternsOf(trees, found);
    const known = new Set([...found.wrappers.map((wrapper) => wrapper.pattern.callee), ...found.bags.map((bag) => bag.spec), ...found.factories.map((factory) => factory.name)]);
    const added: string[] = [];
    for (const source of trees.sources) {
      if (newNames === undefined ? !trees.mayHoldChecks(source, patterns) : !trees.names(source, newNames)) continue;
      const inFile = wrappersIn(root, source, trees.resolvedChecks(source, patterns, resolvePackage), patterns, level, trees, found.factories);
      for (const wrapper of inFile.wrappers) {
        if (known.has(wrapper.pattern.callee)) {
          alsoDeclared(found, wrapper);
          continue;
        }
        known.add(wrapper.pattern.callee);
        found.wrappers.push(wrapper);
        added.push(wrapper.pattern.callee);
      }
      for (const bag of inFile.bags) {
        if (known.has(bag.spec)) continue;
        known.add(bag.spec);
        found.bags.push(bag);
        added.push(calleeLastName(bag.spec.replace(/\(\)(?:\.value)?$/, '')));
      }
      for (const factory of inFile.factories) {
        if (known.has(factory.name)) continue;
        known.add(factory.name);
        found.factories.push(factory);
        added.push(factory.name);
      }
      // Aliases name a wrapper of an earlier level, so they are looked for in the files that name new ones.
      if (newNames === undefined) continue;
      for (const alias of aliasesIn(root, source, trees, found.wrappers)) {
        if (known.has(alias.pattern.callee)) {
          alsoDeclared(found, alias);
          continue;
        }
        known.add(alias.pattern.callee);
        found.wrappers.push(alias);
        added.push(alias.pattern.callee);
      }
    }
    newNames = added;
  }
}

/** Adds the wrappers and bags not found already; gives the names that files calling them would name. */
/**
 * True when a bag of that name is known already; when both list their keys, the known one lists the keys of both (a
 * component's `featureFlags?: { hasAiAccess?: boolean }` names some of the flags the registry keys `featureFlags` by).
 */
function mergedKeys(found: Found, bag: DiscoveredBag): boolean {
  const index = found.bags.findIndex((other) => other.spec === bag.spec);
  if (index < 0) return false;
  const known = found.bags[index];
  // What a vendor serves is read by its boolean members alone (see vendorConfigs.ts): a registry's keys add none to it.
  if (known.keys !== undefined && bag.keys !== undefined && known.served !== true) found.bags[index] = { ...known, keys: [...new Set([...known.keys, ...bag.keys])] };
  // A record made of checks says which flag each of its names is (`featureFlags: { jul }` with `jul = isEnabled('app.jul')`),
  // also where the record was found by its type first.
  if (bag.keyNames !== undefined && known.served !== true) found.bags[index] = { ...found.bags[index], keyNames: { ...bag.keyNames, ...known.keyNames } };
  return true;
}

function addNew(found: Found, wrappers: readonly DiscoveredWrapper[], bags: readonly DiscoveredBag[]): string[] {
  const names: string[] = [];
  for (const wrapper of wrappers) {
    if (alsoDeclared(found, wrapper)) continue;
    found.wrappers.push(wrapper);
    names.push(wrapper.pattern.callee);
  }
  for (const bag of bags) {
    if (mergedKeys(found, bag)) continue;
    found.bags.push(bag);
    // A bag held in a reactive box (`featureFlags$.value`) is named by its box: `value` is any object's.
    names.push(calleeLastName(bag.spec.replace(/(?:\(\))?\.value$|\(\)$/, '')));
  }
  return names;
}

/**
 * True when a module other than those that declare the wrapper declares a function or method of its name
 * (`getValue`): the configuration `init` writes then says where the wrapper is (`"from"`), as the scan knows it.
 */
function declaredElsewhere(wrapper: DiscoveredWrapper, trees: SourceTrees): boolean {
  const { declaredIn } = wrapper;
  const name = wrapper.pattern.callee;
  if (declaredIn === undefined || !/^[\w$]+$/.test(name)) return false;
  const word = escapeRegex(name);
  const declares = new RegExp(`(?:function\\s*\\*?\\s*${word}\\s*[<(]|(?<![\\w$.])${word}\\s*[:=]\\s*(?:async\\s+)?(?:function\\b|\\(|[\\w$]+\\s*=>)|^\\s*(?:(?:public|private|protected|static|async|get)\\s+)*${word}\\s*\\([^)]*\\)\\s*(?::[^{;]+)?\\{)`, 'm');
  for (const file of trees.filesNaming(name)) {
    const source = trees.byFile.get(file);
    // A test's stand-in of the wrapper, or a declaration file's type of it, is no other function the program calls.
    if (source === undefined || declaredIn.includes(file) || file.endsWith('.d.ts') || isTestFile(file)) continue;
    if (declares.test(source.text)) return true;
  }
  return false;
}

/**
 * True when a wrapper of that name is known already. One known by where it is declared is then declared where this
 * one is too (two apps' `useFlag`), or, when this one was found otherwise (by its key's type), known by its name alone.
 */
function alsoDeclared(found: Found, wrapper: DiscoveredWrapper): boolean {
  const index = found.wrappers.findIndex((other) => other.pattern.callee === wrapper.pattern.callee);
  if (index < 0) return false;
  const { declaredIn, ...known } = found.wrappers[index];
  if (declaredIn === undefined) return true;
  if (wrapper.declaredIn === undefined) found.wrappers[index] = known;
  else found.wrappers[index] = { ...known, declaredIn: [...new Set([...declaredIn, ...wrapper.declaredIn])] };
  return true;
}

/** The presets with the wrappers and bag functions found so far. */
function patternsOf(trees: SourceTrees, found: Found): PatternSet {
  return trees.patternSet(found.wrappers.map(inferredPattern), found.bags.map(inferredBag), found.clients, found.registryProperties.map(registryPropertyPattern));
}

/** A wrapper's pattern, saying why it was inferred: a check found through it says so, not that a configuration names it. */
export function inferredPattern(wrapper: DiscoveredWrapper): UserPattern {
  const what = wrapper.evidence === 'members' || wrapper.evidence === 'keys' ? 'a check' : wrapper.evidence === 'named' ? 'a flag API known by its name' : 'a wrapper';
  return {
    ...wrapper.pattern, evidence: `\`${wrapper.pattern.callee}\` was inferred from the code as ${what}: ${wrapper.reason} (${wrapper.at.file}:${wrapper.at.line})`,
    ...(wrapper.declaredIn === undefined ? {} : { modules: [...wrapper.declaredIn] }),
  };
}

// How many lists beside the registry are read for a hook of their own flags (see `discover`).
const MAX_OWN_GIVER_LISTS = 4;

/** True for a bag function's entry: its call (`useFlags()`), or the value of the box it gives (`useFeatureFlags().value`). */
function isCallSpec(spec: string): boolean {
  return /\(\)(?:\.value)?$/.test(spec);
}

/** How a bag function gives its record: declared, through a context, or in a reactive box it makes. */
function givesWording(bag: DiscoveredBag): string {
  if (bag.spec.endsWith('.value')) return 'gives back a reactive box it makes to hold';
  return bag.context === undefined ? 'declared to return' : `gives back the context ${bag.context}, made to hold`;
}

/** Why a bag was found, for people: "a property typed UiFlags, which lists flags; a read of one it lists is a check". */
function bagReason(bag: DiscoveredBag): string {
  const reason = bagKindReason(bag.declaredAs === undefined ? bag : { ...bag, declaredAs: shortTypeText(bag.declaredAs) });
  // A registry filled from LaunchDarkly's `useFlags()` names the flags as that bag does (see keyNaming.ts).
  return bag.camelCaseKeys === true && bag.typedBy !== undefined ? `${reason}; ${bag.typedBy} is filled from LaunchDarkly's useFlags(), so its names are the flag keys camelCased` : reason;
}

function bagKindReason(bag: DiscoveredBag): string {
  if (bag.locals === true && bag.setting !== undefined) return `a property of the app's settings ${bag.setting} declared as ${bag.declaredAs ?? 'a record'}, a record of booleans named for switches; a property read of it is a check`;
  if (bag.served === true) {
    // The type is declared where the record is handed out, or imported from the vendor's module that declares it.
    const declarer = bag.servedBy === undefined ? undefined : `${bag.servedBy}, importing a flag vendor's SDK, declares`;
    const declared = (here: string): string => (declarer === undefined ? `which ${here}, importing a flag vendor's SDK, declares`
      : bag.servedType === undefined ? `which ${declarer}` : `which holds ${bag.servedType}, a type that ${declarer}`);
    if (bag.exportedBy !== undefined) return `the record ${bag.exportedBy} exports, declared as ${bag.declaredAs ?? 'a record'}, ${declared('that module')} for what the vendor serves; a read of one of its boolean members is a check`;
    return `${!isCallSpec(bag.spec) ? 'the state of ' : `gives back ${bag.context === undefined ? '' : `the context ${bag.context}, made to hold `}`}${bag.declaredAs ?? 'a record'}, ${declared('its module')} for what the vendor serves; a read of one of its boolean members is a check`;
  }
  if (bag.checkedReturn === true && bag.heldBy !== undefined) return `the record ${bag.heldBy} gives back as its ${bag.spec}, made of its own checks, one property each (${(bag.keys ?? []).slice(0, 2).map((property) => `${property} holds '${bag.keyNames?.[property] ?? property}'`).join(', ')}); a read of one is a check`;
  if (bag.checkedReturn === true) return `gives back what its own checks give, one property each (${(bag.keys ?? []).slice(0, 2).map((property) => `${property} holds '${bag.keyNames?.[property] ?? property}'`).join(', ')}); a read of one is a check`;
  if (bag.service !== undefined) return `holds ${bag.service}, named for feature flags, whose every method gives one flag's value and takes nothing (${(bag.keys ?? []).slice(0, 2).join(', ')}); a call of one is a check`;
  if (bag.destructuredKeys !== undefined) return `its callers take ${bag.destructuredKeys} of ${registryLabel(bag.typedBy ?? '')}'s keys out of what it gives, and little else, under a name that says flags or features; a read of one it lists is a check`;
  if (bag.accessors === true) return `gives back an object of feature decisions, each asking the list of features it is given for one (${Object.entries(bag.keyNames ?? {}).slice(0, 2).map(([decision, feature]) => `${decision}() asks for '${feature}'`).join(', ')}); a call of one is a check`;
  if (bag.piniaStore !== undefined && !isCallSpec(bag.spec)) return `a record the Pinia store '${bag.piniaStore}', whose id says feature flags, gives back as its ${bag.spec}, one flag in each property; a read of one it lists is a check`;
  if (bag.respelled !== undefined) return `the record ${bag.respelled}, ${bag.declaredAs === undefined ? 'a record of booleans' : `declared as ${bag.declaredAs}`} under a name that says feature flags, here read under the same name respelled; a property read of it is a check`;
  if (bag.configSection !== undefined) return `the section ${bag.configSection} of node-config's settings, which declares ${(bag.keys ?? []).slice(0, 2).join(', ')}${(bag.keys ?? []).length > 2 ? ' …' : ''}; a read of one it declares is a check`;
  if (bag.zustandStore === true) return `a Zustand store's hook whose name says feature flags, its state holding one flag in each boolean field; a field read through its selector, or of the state it gives whole, is a check`;
  if (bag.piniaStore !== undefined) return `gives the Pinia store '${bag.piniaStore}', whose id says feature flags and whose state holds one in each field; a read of a field is a check`;
  if (bag.store === true) return `a store made to hold ${bag.declaredAs ?? 'a record'}, a record of booleans, under a name that says feature flags; a property read of its value is a check`;
  if (bag.takenFrom !== undefined) return `gives back the record ${bag.takenFrom} holds, under a name that says feature flags; a property read of what it gives is a check`;
  if (bag.gives === true) return `${givesWording(bag)} ${bag.declaredAs ?? 'a record'}, a record of booleans, under a name that says feature flags; a property read of what it gives is a check`;
  if (bag.comparedWith !== undefined) return `a record under a name that says feature flags, its entries compared with '${bag.comparedWith}' where they are read; a property read of it is a check`;
  if (bag.locals === true) return `declared as ${bag.declaredAs ?? 'a record'}, a record of booleans under a name that says feature flags; a property read of it is a check`;
  if (bag.namedFor !== undefined) return `declared as ${bag.declaredAs ?? 'a record'}, a record of booleans named for what ${registryLabel(bag.namedFor)} lists; a read of one it lists is a check`;
  if (bag.declaredAs !== undefined) {
    const declared = bag.returned === true
      ? (isCallSpec(bag.spec) ? 'returns what is declared' : 'a property of what a function returns, declared')
      : (isCallSpec(bag.spec) ? givesWording(bag) : 'declared as');
    return `${declared} ${bag.declaredAs}, and ${bag.typedBy ?? ''} lists flags`;
  }
  if (bag.keyedBy !== undefined) return `read by a member of ${bag.keyedBy}, so a record of its flags; a read of one it lists is a check`;
  if (bag.writtenOut === true) return `a hook named for flags that gives back an object written out of booleans, flags set in code; a read of one of its keys is a check`;
  if (bag.defaults !== undefined) return `gives back the flags over their defaults, ${bag.defaults}, an object of booleans named for flags; a read of one of its keys is a check`;
  if (bag.hook !== undefined) return `a property the team's hook ${bag.hook}() gives back, named for flags; a read of one ${bag.typedBy ?? 'the registry'} lists is a check`;
  if (bag.typedBy !== undefined) return `a property typed ${bag.typedBy}, which lists flags; a read of one it lists is a check`;
  if (bag.keysArg !== undefined) return `checks each key of the list its ${ordinal(bag.keysArg + 1)} argument gives with ${bag.forwardsTo ?? 'a check'} and gives back the answers by key; a read of a key a call lists is a check`;
  return `returns the flags of ${bag.forwardsTo ?? 'a bag'}()${bag.camelCaseKeys === true ? ', whose property names are the flag keys camelCased' : ''}`;
}

/** A bag's entry, saying why it was inferred: a check found through it says so, not that a configuration names it. */
export function inferredBag(bag: DiscoveredBag): BagEntry {
  const entry = bagEntryOf(bag);
  return { ...(typeof entry === 'string' ? { bag: entry } : entry), evidence: `the bag ${bag.spec} was inferred from the code: ${bagReason(bag)} (${bag.at.file}:${bag.at.line})` };
}

/** One line per discovery, saying what was found, where, and why. */
export function describeDiscovery(discovery: Discovery): string[] {
  const lines: string[] = [];
  for (const wrapper of discovery.wrappers) {
    const what = wrapper.pattern.option === true ? 'option' : wrapper.evidence === 'members' || wrapper.evidence === 'keys' ? 'check' : wrapper.evidence === 'named' ? 'flag function' : 'wrapper';
    lines.push(`${what} ${wrapper.pattern.callee} (${wrapper.at.file}:${wrapper.at.line}): ${wrapper.reason}`);
  }
  for (const bag of discovery.bags) lines.push(`bag ${bag.spec} (${bag.at.file}:${bag.at.line}): ${bagReason(bag)}`);
  for (const provider of discovery.providers ?? []) {
    if (!provider.camelCaseKeys) lines.push(`LaunchDarkly provider (${provider.at.file}:${provider.at.line}): useCamelCaseFlagKeys is false, so the names useFlags() gives in its package are the flag keys as written`);
  }
  for (const client of discovery.clients ?? []) {
    lines.push(`SDK client ${client.property === undefined ? `argument ${client.parameter + 1}` : `{ ${client.property} }`} of ${client.function} (${client.at.file}:${client.at.line}): ${client.reason}`);
  }
  const registry = discovery.registry;
  const kind = (candidate: DiscoveredRegistry): string => (candidate.kind === 'object' ? 'object' : candidate.kind === 'list' ? (candidate.constants === undefined ? 'as const list' : 'list of constants') : candidate.kind);
  if (registry) {
    lines.push(`registry ${registryLabel(registry.symbol)} (${registry.file}, ${kind(registry)}): ${registry.reason}`);
    for (const carried of discovery.registryProperties ?? []) lines.push(`registry ${registryLabel(registry.symbol)} is carried as the property ${carried.property} (${carried.at.file}:${carried.at.line}): \`x.${carried.property}.Member\` is that member's key`);
    for (const other of discovery.alsoAnchoring ?? []) lines.push(`registry ${registryLabel(other.symbol)} (${other.file}, ${kind(other)}) anchors wrappers too: ${other.reason}`);
  } else {
    const nearest = discovery.registryCandidates[0];
    if (nearest) lines.push(`no registry proposed: the nearest candidate, ${registryLabel(nearest.symbol)} (${nearest.file}, ${kind(nearest)}), ${nearest.reason}`);
  }
  return lines;
}

