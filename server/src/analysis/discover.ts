// Zero-config discovery for `flaglens init`: the team's wrappers (functions that forward a parameter as
// the key of a flag check, one or two levels deep), functions that return a flag bag, and the flag
// registry in code whose keys the checks use. Each finding says where it is and why it was chosen.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { buildPatternSet, calleeLastName, type PatternSet } from './patterns';
import type { BagEntry } from './bags';
import { mayHoldChecks } from './prefilter';
import { coversAll, registryCandidates, type RegistryKind } from './registry';
import { resolveChecks, type ModuleHost } from './resolve';
import { escapeRegex } from './regex';
import { scanFile, type FileScan } from './scan';
import { scriptKindOf } from './scriptKind';
import type { FlagCheck, Sdk, UserPattern } from './types';

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

/** A function that forwards one of its parameters as a flag key. */
export interface DiscoveredWrapper {
  readonly pattern: UserPattern;
  readonly at: DiscoveredAt;
  /** The check it forwards to, as written: `unleash.isEnabled`, `useFlags`. */
  readonly forwardsTo: string;
  /** 1 when it forwards to an SDK call, 2 when to another wrapper. */
  readonly level: 1 | 2;
}

/** A function that returns a flag bag: `useAppFlags() { return useFlags() }`. */
export interface DiscoveredBag {
  /** As `.flaglens.json` writes it: `useAppFlags()`. */
  readonly spec: string;
  readonly at: DiscoveredAt;
  readonly forwardsTo: string;
  /** Taken from the bag it returns: LaunchDarkly's `useFlags()` names flags camelCased. */
  readonly camelCaseKeys?: boolean;
  /** The vendor of the bag it returns, when that is an SDK's (directly or through another bag function). */
  readonly sdk?: Exclude<Sdk, 'custom'>;
}

/** A declaration that lists flag keys, and how many of them flag checks use. */
export interface DiscoveredRegistry {
  readonly file: string;
  readonly symbol: string;
  readonly kind: RegistryKind;
  readonly keys: number;
  readonly usedKeys: number;
  /** The words of its name say it lists flags: `FeatureFlag`, `FLAGS`, `Experiments`. */
  readonly namedForFlags: boolean;
  /** Whether the evidence is enough to propose it. */
  readonly convincing: boolean;
  /** Why it is, or is not, proposed, for people. */
  readonly reason: string;
}

/** What discovery found in a folder. */
export interface Discovery {
  readonly wrappers: readonly DiscoveredWrapper[];
  readonly bags: readonly DiscoveredBag[];
  /** The candidate chosen as the registry, when one is convincing: enough of its keys are checked in code. */
  readonly registry?: DiscoveredRegistry;
  /** Every candidate weighed, convincing and best first: declarations that list a checked key, or whose name says they list flags. */
  readonly registryCandidates: readonly DiscoveredRegistry[];
}

/** The `.flaglens.json` discovery proposes (only the parts it found). */
export interface ProposedConfig {
  patterns?: Array<Omit<UserPattern, 'keyArg' | 'keyPath'> & { keyArg?: number | string }>;
  bags?: BagEntry[];
  registry?: { file: string; symbol: string };
}

// Method names so common outside flag code that a wrapper of that name would turn every such call into a check.
const GENERIC_NAMES = new Set(['get', 'set', 'has', 'call', 'apply', 'bind', 'map', 'then', 'find', 'value', 'check', 'is', 'run', 'execute', 'handle', 'render', 'constructor']);
// The last whole word of a name, not a part of one: `AggregatedFunctionMetrics` holds "gate" and
// `BenefitGrantFeatureFlagWebhook` holds "Flag", but neither is about flags.
const REGISTRY_WORDS = new Set(['flag', 'flags', 'feature', 'features', 'toggle', 'toggles', 'experiment', 'experiments', 'gate', 'gates']);
// Words after the flag word that still name a list of flags: `FlagKey`, `FeatureFlagNames`, `FLAGS_ENUM`.
const LIST_WORDS = new Set(['key', 'keys', 'name', 'names', 'id', 'ids', 'enum', 'type', 'types', 'list', 'set', 'map', 'registry', 'values']);
// A registry named for flags convinces when this share of its keys is checked; any other declaration of string keys
// (routes, metrics, CSS classes) needs most of its keys checked, and more than one, to be taken for a registry.
const NAMED_MIN_SHARE = 0.25;
const UNNAMED_MIN_SHARE = 0.5;
const UNNAMED_MIN_USED = 2;
// Cheap text tests for files that may declare a registry: a declaration that can list keys, and one named for flags.
const REGISTRY_TEXT = /\benum\b|\bas const\b|\btype\b|\binterface\b|Object\.freeze/;
const FLAG_NAMED_DECLARATION = /\b(?:enum|interface|type|const)\s+[\w$]*(?:flag|feature|toggle|experiment|gate)/i;

/** Each source's syntax tree, parsed at most once and only when a stage needs it. */
class SourceTrees {
  private readonly trees = new Map<string, ts.SourceFile>();
  readonly byFile: ReadonlyMap<string, SourceText>;

  constructor(readonly sources: readonly SourceText[]) {
    this.byFile = new Map(sources.map((source) => [source.file, source]));
  }

  tree(source: SourceText): ts.SourceFile {
    let tree = this.trees.get(source.file);
    if (tree === undefined) {
      // Parent links: a wrapper's name is read from the declaration around its function.
      tree = ts.createSourceFile(source.file, source.text, ts.ScriptTarget.Latest, true, scriptKindOf(source.file));
      this.trees.set(source.file, tree);
    }
    return tree;
  }
}

/**
 * Discovers wrappers, bag functions and the registry in a folder's source files. `resolvePackage` follows
 * imports by package name (see `ModuleHost`). Each file is parsed at most once, and only when a text test
 * says it may hold a check or a registry.
 */
export function discover(root: string, sources: readonly SourceText[], resolvePackage?: ModuleHost['resolvePackage']): Discovery {
  const trees = new SourceTrees(sources);
  const wrappers: DiscoveredWrapper[] = [];
  const bags: DiscoveredBag[] = [];
  // Level 1 looks for calls of the presets; level 2 for calls of the wrappers level 1 found, so only files
  // that name one of those are read again.
  for (const level of [1, 2] as const) {
    const known = new Set([...wrappers.map((wrapper) => wrapper.pattern.callee), ...bags.map((bag) => bag.spec)]);
    const newNames = [...wrappers.map((wrapper) => wrapper.pattern.callee), ...bags.map((bag) => calleeLastName(bag.spec.replace(/\(\)$/, '')))];
    if (level === 2 && newNames.length === 0) break;
    const patterns = buildPatternSet(wrappers.map((wrapper) => wrapper.pattern), bags.map(bagEntryOf));
    for (const source of sources) {
      if (level === 1 ? !mayHoldChecks(source.text, patterns) : !newNames.some((name) => source.text.includes(name))) continue;
      const found = wrappersIn(root, source, patterns, level, trees);
      wrappers.push(...found.wrappers.filter((wrapper) => !known.has(wrapper.pattern.callee) && !wrappers.some((other) => other.pattern.callee === wrapper.pattern.callee)));
      bags.push(...found.bags.filter((bag) => !known.has(bag.spec) && !bags.some((other) => other.spec === bag.spec)));
    }
  }
  const finalPatterns = buildPatternSet(wrappers.map((wrapper) => wrapper.pattern), bags.map(bagEntryOf));
  const candidates = weighRegistries(root, trees, finalPatterns, resolvePackage);
  const chosen = candidates[0]?.convincing === true ? candidates[0] : undefined;
  return { wrappers, bags, ...(chosen ? { registry: chosen } : {}), registryCandidates: candidates };
}

/** The configuration a discovery proposes: its wrappers as patterns, its bag functions, its registry. */
export function proposeConfig(discovery: Discovery): ProposedConfig {
  const config: ProposedConfig = {};
  if (discovery.wrappers.length > 0) {
    config.patterns = discovery.wrappers.map(({ pattern }) => {
      const { keyPath, keyArg, callee, ...rest } = pattern;
      const argument = keyArg ?? 0;
      return { callee, keyArg: keyPath && keyPath.length > 0 ? [argument, ...keyPath].join('.') : argument, ...rest };
    });
  }
  if (discovery.bags.length > 0) config.bags = discovery.bags.map(bagEntryOf);
  if (discovery.registry) config.registry = { file: discovery.registry.file, symbol: discovery.registry.symbol };
  return config;
}

/** A bag function as `.flaglens.json` lists it: its call, with how it names flags when it returns an SDK's bag. */
export function bagEntryOf(bag: DiscoveredBag): BagEntry {
  if (bag.camelCaseKeys !== true && bag.sdk === undefined) return bag.spec;
  return { bag: bag.spec, ...(bag.camelCaseKeys === true ? { camelCaseKeys: true } : {}), ...(bag.sdk ? { sdk: bag.sdk } : {}) };
}

/** One line per discovery, saying what was found, where, and why. */
export function describeDiscovery(discovery: Discovery): string[] {
  const lines: string[] = [];
  for (const wrapper of discovery.wrappers) {
    const argument = ordinal((wrapper.pattern.keyArg ?? 0) + 1);
    const path = wrapper.pattern.keyPath ? `'s ${wrapper.pattern.keyPath.join('.')}` : '';
    const through = wrapper.level === 2 ? ' (a wrapper itself)' : '';
    lines.push(`wrapper ${wrapper.pattern.callee} (${wrapper.at.file}:${wrapper.at.line}): passes its ${argument} argument${path} as the flag key to ${wrapper.forwardsTo}${through}`);
  }
  for (const bag of discovery.bags) {
    const camelCase = bag.camelCaseKeys === true ? ', whose property names are the flag keys camelCased' : '';
    lines.push(`bag ${bag.spec} (${bag.at.file}:${bag.at.line}): returns the flags of ${bag.forwardsTo}()${camelCase}`);
  }
  const registry = discovery.registry;
  const kind = (candidate: DiscoveredRegistry): string => (candidate.kind === 'object' ? 'as const object' : candidate.kind);
  if (registry) {
    lines.push(`registry ${registry.symbol} (${registry.file}, ${kind(registry)}): ${registry.reason}`);
  } else {
    const nearest = discovery.registryCandidates[0];
    if (nearest) lines.push(`no registry proposed: the nearest candidate, ${nearest.symbol} (${nearest.file}, ${kind(nearest)}), ${nearest.reason}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Wrappers

function wrappersIn(root: string, source: SourceText, patterns: PatternSet, level: 1 | 2, trees: SourceTrees): { wrappers: DiscoveredWrapper[]; bags: DiscoveredBag[] } {
  const scan = scanFile(source.file, source.text, patterns, trees.tree(source));
  const dynamicChecks = scan.checks.filter((check) => check.dynamic === true);
  const bagCallees = patterns.patterns.filter((pattern) => pattern.kind === 'bag').map((pattern) => calleeLastName(pattern.callee));
  const mayReturnBag = bagCallees.some((name) => source.text.includes(name));
  if (dynamicChecks.length === 0 && !mayReturnBag) return { wrappers: [], bags: [] };
  const sourceFile = trees.tree(source);
  const wrappers: DiscoveredWrapper[] = [];
  const bags: DiscoveredBag[] = [];
  const at = (node: ts.Node): DiscoveredAt => ({
    file: posix.relative(root, source.file),
    line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
  });

  for (const check of dynamicChecks) {
    const wrapper = enclosingFunction(sourceFile, check.callSpan.start);
    const name = wrapper === undefined ? undefined : functionName(wrapper);
    if (wrapper === undefined || name === undefined || GENERIC_NAMES.has(name) || name.length < 3) continue;
    const keyArgument = parameterOf(wrapper, check.key);
    if (keyArgument === undefined) continue;
    // A method that forwards to the same method of an SDK client is found by the preset already.
    if (name === calleeLastName(check.method) && keyArgument.keyPath === undefined) continue;
    if (level === 2 && check.sdk !== 'custom') continue;
    const pattern: UserPattern = { callee: name, keyArg: keyArgument.index };
    if (keyArgument.keyPath !== undefined) pattern.keyPath = keyArgument.keyPath;
    const defaultIndex = check.defaultValueText === undefined ? undefined : parameterOf(wrapper, check.defaultValueText);
    if (defaultIndex !== undefined && defaultIndex.keyPath === undefined) pattern.defaultArg = defaultIndex.index;
    const negate = isNegated(source.text, check) !== check.negate;
    if (negate) pattern.negate = true;
    if (check.valueType !== 'unknown' && check.valueType !== 'object') pattern.type = check.valueType;
    if (!wrappers.some((other) => other.pattern.callee === name)) wrappers.push({ pattern, at: at(wrapper), forwardsTo: check.method, level });
  }

  if (mayReturnBag) {
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const returned = returnedCallee(node, bagCallees);
        const name = functionName(node);
        if (returned !== undefined && name !== undefined && !GENERIC_NAMES.has(name) && !bagCallees.includes(name)) {
          // The bag function hands out the same object, so it names flags as the bag it returns does.
          const forwarded = patterns.patterns.find((pattern) => pattern.kind === 'bag' && calleeLastName(pattern.callee) === returned);
          bags.push({
            spec: `${name}()`,
            at: at(node),
            forwardsTo: returned,
            ...(forwarded?.camelCaseKeys === true ? { camelCaseKeys: true } : {}),
            ...(forwarded !== undefined && forwarded.sdk !== 'custom' ? { sdk: forwarded.sdk } : {}),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { wrappers, bags };
}

type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

function enclosingFunction(sourceFile: ts.SourceFile, position: number): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(sourceFile) || position >= node.end) return;
    if (ts.isFunctionLike(node)) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The name a function is called by: its own, its variable's, its property's or its method's. */
function functionName(node: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name !== undefined && ts.isIdentifier(node.name)) {
    return node.name.text;
  }
  const parent = node.parent as ts.Node | undefined;
  if (parent === undefined) return undefined;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  // `export const useFlag = memo((key) => ...)` and similar wrappers of the function itself are not followed.
  return undefined;
}

/** Which parameter a key's source text reads: `flag` → its index; `options.key` or a destructured `{ key }` → index and path. */
function parameterOf(node: ts.SignatureDeclaration, keyText: string): { index: number; keyPath?: string[] } | undefined {
  const [first, ...rest] = keyText.split('.');
  if (rest.some((name) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))) return undefined;
  for (const [index, parameter] of node.parameters.entries()) {
    if (ts.isIdentifier(parameter.name) && parameter.name.text === first) return rest.length === 0 ? { index } : { index, keyPath: rest };
    if (ts.isObjectBindingPattern(parameter.name) && rest.length === 0) {
      for (const element of parameter.name.elements) {
        if (!ts.isIdentifier(element.name) || element.name.text !== first || element.dotDotDotToken !== undefined) continue;
        const property = element.propertyName === undefined ? first : ts.isIdentifier(element.propertyName) || ts.isStringLiteral(element.propertyName) ? element.propertyName.text : undefined;
        return property === undefined ? undefined : { index, keyPath: [property] };
      }
    }
  }
  return undefined;
}

/** True when the check is written as `!check`, so the wrapper answers the opposite. */
function isNegated(text: string, check: FlagCheck): boolean {
  return /!\s*(await\s+)?$/.test(text.slice(Math.max(0, check.callSpan.start - 20), check.callSpan.start));
}

/** The bag callee a function returns directly: `return useFlags()` or `=> useFlags()`. */
function returnedCallee(node: ts.SignatureDeclaration & { body?: ts.Node }, bagCallees: readonly string[]): string | undefined {
  const body = node.body;
  if (body === undefined) return undefined;
  const returned: ts.Expression[] = [];
  if (ts.isBlock(body)) {
    for (const statement of body.statements) if (ts.isReturnStatement(statement) && statement.expression) returned.push(statement.expression);
  } else if (ts.isExpression(body)) {
    returned.push(body);
  }
  for (const expression of returned) {
    let inner = expression;
    while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isAwaitExpression(inner)) inner = inner.expression;
    if (!ts.isCallExpression(inner)) continue;
    const callee = inner.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name !== undefined && bagCallees.includes(name)) return name;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Registries

/**
 * The registry candidates with the number of their keys the checks use, best first. Only files that may hold a
 * check are scanned whole; others are read for their exports when a key's import leads there, and for
 * candidates only when their text holds a checked key or a declaration named for flags.
 */
function weighRegistries(root: string, trees: SourceTrees, patterns: PatternSet, resolvePackage: ModuleHost['resolvePackage']): DiscoveredRegistry[] {
  const scans = new Map<string, FileScan>();
  const scanOf = (file: string): FileScan | undefined => {
    let scan = scans.get(file);
    const source = trees.byFile.get(file);
    if (scan === undefined && source !== undefined) {
      scan = scanFile(file, source.text, patterns, trees.tree(source));
      scans.set(file, scan);
    }
    return scan;
  };
  const host: ModuleHost = { fileExists: (file) => trees.byFile.has(file), ...(resolvePackage ? { resolvePackage } : {}) };
  const used = new Set<string>();
  const possibleKeySets: Array<readonly string[]> = [];
  for (const source of trees.sources) {
    if (!mayHoldChecks(source.text, patterns)) continue;
    const scan = scanOf(source.file);
    if (scan === undefined) continue;
    for (const check of resolveChecks(scan, scanOf, host)) {
      if (check.resolved) used.add(check.key);
      if (check.possibleKeys !== undefined) possibleKeySets.push(check.possibleKeys);
    }
  }
  const mentioned = new Set([...used, ...possibleKeySets.flat()]);
  // With no key checked anywhere, a name that says it lists flags is the only evidence there can be.
  const noKeyChecked = mentioned.size === 0;
  const usedKeyText = mentioned.size === 0 ? undefined : new RegExp([...mentioned].map(escapeRegex).join('|'));
  const candidates: Array<DiscoveredRegistry & { exported: boolean }> = [];
  for (const source of trees.sources) {
    if (!REGISTRY_TEXT.test(source.text)) continue;
    if (!(usedKeyText?.test(source.text) ?? false) && !FLAG_NAMED_DECLARATION.test(source.text)) continue;
    for (const candidate of registryCandidates(source.file, source.text, trees.tree(source))) {
      // As for unused flags: a parameter typed as the whole candidate does not say which of its keys are used.
      const listed = new Set(candidate.keys);
      const usedHere = new Set([...used, ...possibleKeySets.filter((keys) => !coversAll(keys, listed)).flat()]);
      const usedKeys = candidate.keys.filter((key) => usedHere.has(key)).length;
      const namedForFlags = saysItListsFlags(candidate.symbol);
      if (usedKeys === 0 && !namedForFlags) continue;
      candidates.push({
        file: posix.relative(root, source.file),
        symbol: candidate.symbol,
        kind: candidate.kind,
        keys: candidate.keys.length,
        usedKeys,
        namedForFlags,
        ...weighEvidence(candidate.keys.length, usedKeys, namedForFlags, noKeyChecked),
        exported: candidate.exported,
      });
    }
  }
  candidates.sort((a, b) => Number(b.convincing) - Number(a.convincing)
    || Number(b.namedForFlags) - Number(a.namedForFlags)
    || b.usedKeys - a.usedKeys
    || Number(b.exported) - Number(a.exported)
    || b.keys - a.keys
    || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return candidates.map(({ exported: _exported, ...candidate }) => candidate);
}

/** Whether a candidate's checked keys are enough to propose it, and why, in words. */
function weighEvidence(keys: number, usedKeys: number, namedForFlags: boolean, noKeyChecked: boolean): { convincing: boolean; reason: string } {
  const checked = `${usedKeys} of its ${keys} keys ${usedKeys === 1 ? 'is' : 'are'} checked in code`;
  if (namedForFlags && noKeyChecked) return { convincing: true, reason: `its name says it lists flags (${keys} keys), and no check in code names a key yet` };
  if (namedForFlags) {
    return usedKeys / keys >= NAMED_MIN_SHARE
      ? { convincing: true, reason: `${checked}, and its name says it lists flags` }
      : { convincing: false, reason: `is named for flags, but ${usedKeys === 0 ? `none of its ${keys} keys is checked in code` : `only ${checked}`}; at least a quarter would have to be` };
  }
  return usedKeys >= UNNAMED_MIN_USED && usedKeys / keys >= UNNAMED_MIN_SHARE
    ? { convincing: true, reason: checked }
    : { convincing: false, reason: `is not named for flags (Flag, Feature, Toggle, Experiment) and only ${checked}; more than one and at least half would have to be` };
}

/** True when the name is about flags: `FeatureFlag`, `FLAGS`, `experiments`, `LDFlags`, `FlagKey`, not `FeatureTier`. */
function saysItListsFlags(symbol: string): boolean {
  const words = nameWords(symbol);
  while (words.length > 1 && (LIST_WORDS.has(words[words.length - 1]) || /^v\d+$/.test(words[words.length - 1]))) words.pop();
  return REGISTRY_WORDS.has(words[words.length - 1] ?? '');
}

/** `LDFeatureFlags_v2` → `['ld', 'feature', 'flags', 'v2']`. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

// ---------------------------------------------------------------------------------------------------------------
// Text

function ordinal(position: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][position - 1] ?? `#${position}`;
}
