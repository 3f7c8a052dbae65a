// What a registry in code anchors: functions whose parameter is typed by it (`isEnabled(flag: FlagKey)`,
// `<K extends keyof UiFlags>(flag: K)`) are wrappers, and calls passed one of its members
// (`provider.evaluate(FeatureFlag.X)`, `run({ flag: Flags.X })`) are checks whose callee becomes a pattern.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { callParameters } from '../scan/values';
import { saysNotEvaluating } from '../callNames';
import { calleeLastName } from '../patterns/define';
import type { RegistryKind } from '../registry';
import { registryLabel } from '../registryDeclarations';
import type { ModuleHost } from '../resolve';
import type { FlagCheck, UserPattern } from '../types';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredWrapper } from './types';
import type { FileScan } from '../scan/types';
import { predicateComparisons } from '../scan/predicates';
import { awaitingEvidence } from '../scan/completeChecks';
import { functionName, givesNothing, heldMethodName, type FunctionNode } from './functions';
import { GENERIC_NAMES, isTestFile, ordinal } from './wrappers';
import { keyAliases, keyTypeNames } from './keyAliases';
import { escapeRegex } from '../regex';

// Calls that take a member without asking for the flag: collections, assertions, logging, strings, and a command line's
// options (`program.option('--mode <mode>', 'The mode', DEFAULT_FLAGS.mode)`: the defaults of a CLI's flags).
const NOT_CHECKS = new Set([
  ...GENERIC_NAMES, 'includes', 'indexOf', 'push', 'add', 'delete', 'filter', 'some', 'every', 'concat', 'keys', 'values', 'entries',
  'equal', 'toBe', 'toEqual', 'toStrictEqual', 'toContain', 'toHaveBeenCalledWith', 'expect', 'log', 'warn', 'error', 'debug', 'info',
  'String', 'Boolean', 'JSON', 'stringify', 'parse', 'assign', 'push', 'resolve', 'reject', 'emit', 'dispatch', 'navigate', 'track',
  'option', 'requiredOption', 'addOption',
]);

// An array's searches whose predicate may compare an item with a member: the search finds one flag of a list.
const LIST_SEARCHES = new Set(['find', 'some']);

/** True when a function of this name may evaluate a flag: its name does not say it does something else to one. */
export function mayEvaluate(name: string): boolean {
  return !GENERIC_NAMES.has(name) && !saysNotEvaluating(name);
}

/** A declaration that lists flag keys, as anchoring needs it. */
export interface AnchorRegistry {
  readonly file: string;
  readonly symbol: string;
  readonly kind: RegistryKind;
  readonly keys: readonly string[];
  /** The names of an enum's or object's members (`NewNav`, `checkout.V2`): only those passed count (`FLAGS.length` is none). */
  readonly members: readonly string[];
  /** The module constants that hold its keys (`DARKMODE` in `[DARKMODE, NEW_NAV]`): a call passed one is passed a member. */
  readonly constants?: readonly string[];
}

/** The wrappers and checked callees a registry anchors, and how many places gave that evidence. */
export interface Anchored {
  readonly wrappers: DiscoveredWrapper[];
  /** Typed parameters plus calls passed a member. */
  readonly count: number;
  /** The names of the members passed to calls (`NewNav` for `Flags.NewNav`). */
  readonly membersPassed: ReadonlySet<string>;
  /** Its keys written as strings where a parameter typed by it takes them (`isFeatureEnabled('emailLogin')`). */
  readonly keysPassed: ReadonlySet<string>;
}

/** Reads every source that names the registry (tests and mocks aside) for parameters typed by it and calls passed its members. */
export function anchoredBy(root: string, registry: AnchorRegistry, trees: SourceTrees, resolvePackage?: ModuleHost['resolvePackage']): Anchored {
  // A parameter typed by an alias of the registry's keys (`flagName: T` with `T extends FeatureFlagName`) takes one too.
  const aliases = keyAliases(root, registry.symbol, trees);
  const keyTypes = new Set(keyTypeNames(root, registry.symbol, trees));
  const constants = registry.constants ?? [];
  const named = new Set([...keyTypes, ...constants].flatMap((name) => [...trees.filesNaming(name)]));
  const typed = new Map<string, DiscoveredWrapper>();
  // The typed wrappers that take a list of keys (`allEnabled(flags: FlagKey[])`).
  const takingLists = new Set<string>();
  const calls = new Map<string, AnchoredCall>();
  let count = 0;
  const hasMembers = registry.kind === 'enum' || registry.kind === 'object' || constants.length > 0;
  const members = new Set(registry.members);
  // An interface's keys are its property names: a parameter typed by it (`flags: UiFlags`) holds every flag, not one key.
  const keysOnlyThroughKeyof = registry.kind === 'interface';
  for (const source of trees.sources) {
    if (!named.has(source.file) || isTestFile(posix.relative(root, source.file))) continue;
    const proven = provenChecks(trees.scan(source, trees.base));
    // The registry's constants a call here may pass: declared here, or imported under their own names.
    const constantsHere = constants.length === 0 ? NO_NAMES : constantsIn(source.text, source.file === registry.file, constants);
    if (![...keyTypes].some((name) => mayAnchor(source.text, name, proven)) && !mayPassConstant(source.text, constantsHere)) continue;
    const sourceFile = trees.tree(source);
    const at = (node: ts.Node): DiscoveredWrapper['at'] => ({
      file: posix.relative(root, source.file),
      line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
    });
    const countCall = (identity: string, passed: MemberPassed, node: ts.Node): void => {
      const known = calls.get(identity);
      if (known === undefined) {
        const pattern: UserPattern = { callee: identity, keyArg: passed.index };
        if (passed.keyPath !== undefined) pattern.keyPath = passed.keyPath;
        if (passed.keyCompared !== undefined) pattern.keyCompared = passed.keyCompared;
        calls.set(identity, { pattern, at: at(node), sites: 1, used: valueUsed(node, source.file) ? 1 : 0, members: new Set([passed.key]) });
      } else {
        known.sites++;
        if (valueUsed(node, source.file)) known.used++;
        known.members.add(passed.key);
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const index = callParameters(node).findIndex((parameter) => parameter.type !== undefined && typedBy(parameter.type, registry.symbol, aliases, node, keysOnlyThroughKeyof));
        const name = index < 0 ? undefined : functionName(node) ?? heldMethodName(node);
        if (name !== undefined && mayEvaluate(calleeLastName(name))) {
          count++;
          const type = (callParameters(node)[index].type as ts.TypeNode).getText(sourceFile);
          // A function typed by the registry that gives nothing back (stores the flag, logs it) is evidence of the registry, and no check.
          if (!typed.has(name) && !givesNothing(node)) {
            typed.set(name, { pattern: { callee: name, keyArg: index }, at: at(node), reason: `its ${ordinal(index + 1)} parameter is typed ${type}, and ${registryLabel(registry.symbol)} lists flags`, evidence: 'typed', level: 0 });
            if (isListType(callParameters(node)[index].type as ts.TypeNode)) takingLists.add(name);
          }
        }
      } else if (hasMembers && (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node))) {
        // `<FeatureCan feature={Features.Branches}>` is the call `FeatureCan({ feature: Features.Branches })` React makes.
        const passed = memberAttribute(node, registry.symbol, members, sourceFile, constantsHere);
        if (passed !== undefined) countCall(passed.component, { index: 0, keyPath: [passed.attribute], key: passed.key }, node);
      } else if (hasMembers && ts.isCallExpression(node)) {
        const callee = node.expression;
        // `useFeatureSelector()(FLAG)` calls the checker the hook gives back: the pattern is `useFeatureSelector()`.
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text
          : ts.isCallExpression(callee) && callee.arguments.length === 0 && ts.isIdentifier(callee.expression) ? `${callee.expression.text}()` : undefined;
        // A list of flags searched for one by a member (`featureFlags.find((flag) => flag.name === Flags.X)`): the search is
        // the check, known by the list's name, since `find` alone is every array's.
        const searched = name !== undefined && LIST_SEARCHES.has(name) && ts.isPropertyAccessExpression(callee) ? memberCompared(node, registry.symbol, members, sourceFile, constantsHere) : undefined;
        const list = searched === undefined ? undefined : receiverName((callee as ts.PropertyAccessExpression).expression);
        const passed: MemberPassed | undefined = searched !== undefined && list !== undefined ? searched : memberArgument(node, registry.symbol, members, sourceFile, constantsHere);
        const evaluates = name !== undefined && (list !== undefined || (!NOT_CHECKS.has(name) && mayEvaluate(name) && name.length >= 3));
        if (passed !== undefined && name !== undefined && evaluates) countCall(list !== undefined ? `${list}.${name}` : anchoredCallee(callee, name), passed, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  const { keysPassed, listsWritten } = literalKeysPassed(root, [...typed.values()], new Set(registry.keys), trees);
  // A list of keys is each key written in it (`allEnabled(['a', 'b'])`); one no call writes is the list of flags that are on,
  // handed down (`getFilteredMenu(items, enabledFlags)`), and its function checks none by its argument.
  for (const name of takingLists) if (!listsWritten.has(name)) typed.delete(name);
  const wrappers = [...typed.values()];
  const general = takingOtherValues(trees, [...calls.values()].map((call) => call.pattern), registry, resolvePackage);
  // Calls given its keys as strings, by functions no type ties to it, are checks only when nearly all they are given is a key.
  const spelled = registry.kind === 'enum' || registry.kind === 'object' ? new Map<string, AnchoredCall>() : keysSpelledOut(root, registry, trees, new Set([...typed.keys(), ...calls.keys()]));
  const spelledGeneral = takingOtherValues(trees, [...spelled.values()].map((call) => call.pattern), registry, resolvePackage, SPELLED_MIN_SHARE);
  for (const [name, call] of spelled) {
    if (spelledGeneral.has(name) || call.members.size < SPELLED_MIN_KEYS) continue;
    calls.set(name, call);
  }
  const membersPassed = new Set<string>();
  for (const [name, call] of calls) {
    if (general.has(name)) continue;
    // Keys spelled out make a function's calls checks once the registry is chosen; they do not vouch for it, as any list
    // of words is given to some function as strings.
    if (call.spelled !== true) {
      count += call.sites;
      for (const member of call.members) membersPassed.add(member);
    }
    // A call given the member itself whose value every site drops (`addFeatureFlagToLocalStorage(Flags.X);`) does something
    // with the flag, and reads none. One given it inside an object (`commands.register({ flag: Flags.X })`) may gate what it makes.
    if (typed.has(name) || (call.used === 0 && call.pattern.keyPath === undefined && call.pattern.keyCompared === undefined)) continue;
    const path = call.pattern.keyPath === undefined ? '' : `'s ${call.pattern.keyPath.join('.')}`;
    const sites = call.sites === 1 ? 'a call' : `${call.sites} calls`;
    const compared = call.pattern.keyCompared;
    const what = call.spelled === true ? 'keys' : 'a member';
    const reason = compared === undefined
      ? `${sites} pass${call.sites === 1 ? 'es' : ''} ${what} of ${registryLabel(registry.symbol)} as its ${ordinal((call.pattern.keyArg ?? 0) + 1)} argument${path}`
      : `${call.sites === 1 ? 'a search looks' : `${call.sites} searches look`} for the item whose ${compared} is a member of ${registryLabel(registry.symbol)}`;
    wrappers.push({ pattern: call.pattern, at: call.at, reason, evidence: call.spelled === true ? 'keys' : 'members', level: 0 });
  }
  return { wrappers, count, membersPassed, keysPassed };
}

// Files whose markup the scan reads as code: Angular's templates, Vue's and Svelte's components.
const MARKUP_FILE = /\.(?:html|vue|svelte)$/;

/**
 * True when the code around a call takes its value: anything but a statement of the call alone, awaited or not, or its
 * value dropped by `void`. A component rendered with a member (a JSX element) gates what it wraps, and a call given a
 * function may hand the flag's value to it (`variation(Flags.X, user, false, (error, on) => …)`, `onFlagChange(Flags.X, () => …)`).
 */
function valueUsed(node: ts.Node, file: string): boolean {
  // A component's markup is read as statements of its expressions (`*featureFlag="Feature.X"` is `featureFlag(Feature.X);`),
  // whose values the markup takes.
  if (!ts.isCallExpression(node) || MARKUP_FILE.test(file) || node.arguments.some((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) return true;
  let outer: ts.Node = node.parent;
  while (ts.isParenthesizedExpression(outer) || ts.isAwaitExpression(outer)) outer = outer.parent;
  return !ts.isExpressionStatement(outer) && !ts.isVoidExpression(outer);
}

/**
 * The callees a member was passed to that are general functions, not checks: most of their calls take values the
 * registry does not list, or values not known at all (`Type.Literal(Flags.X)` among hundreds of `Type.Literal('x')`,
 * `eq(column, Flags.X)` among `eq(column, id)`, `localStorage.getItem(GUIDES.X)` among other storage keys), as a
 * registry is not proposed when most checks under it would check keys it does not list.
 */
function takingOtherValues(trees: SourceTrees, patterns: readonly UserPattern[], registry: AnchorRegistry, resolvePackage: ModuleHost['resolvePackage'], minListedShare = 0.5): Set<string> {
  const general = new Set<string>();
  if (patterns.length === 0) return general;
  const keys = new Set(registry.keys);
  const members = new Set(registry.members);
  // A member whose import could not be followed (a path alias, a package without its build) is still the registry's.
  const memberText = new RegExp(`^${registry.symbol.replace(/\$/g, '\\$')}\\??\\.([\\w$]+)$`);
  const listed = (check: FlagCheck): boolean => (check.resolved ? keys.has(check.key) : members.has(memberText.exec(check.key)?.[1] ?? ''));
  const tallies = new Map(patterns.map((pattern) => [calleeLastName(pattern.callee), { callee: pattern.callee, listed: 0, other: 0 }]));
  const set = trees.patternSet(patterns, []);
  for (const source of trees.sources) {
    if (!trees.mayHoldChecks(source, set)) continue;
    for (const check of trees.resolvedChecks(source, set, resolvePackage)) {
      const tally = check.sdk === 'custom' && check.dynamic !== true ? tallies.get(calleeLastName(check.method)) : undefined;
      if (tally === undefined) continue;
      if (listed(check)) tally.listed++;
      else tally.other++;
    }
  }
  // Fewer than that share of its calls are given a listed key: `other > listed` at one half.
  for (const tally of tallies.values()) if (tally.other * minListedShare > tally.listed * (1 - minListedShare)) general.add(tally.callee);
  return general;
}

// A function no type ties to the registry is a check when at least this share of the keys its calls are given are the
// registry's (`featureConfig.isEnabled('a11yX')`): `isProductEnabled(flags, 'support')`, given a product's name that
// stands for two flags as often as a flag's, is not; nor is one given a single key, which may be a label that names it.
const SPELLED_MIN_SHARE = 0.75;
// A handler called with a string (`onToggle('modernSession', on)`, `handleSelect('compactTimeline')`) is told which item of a
// list changed: the string is that item's name. A member passed to one (`onFlagChange(Flags.X, cb)`) is a flag by its type.
const EVENT_HANDLER = /^(?:on|handle)[A-Z]/;
const SPELLED_MIN_KEYS = 2;

/** A call that takes a member or a key, by callee, with where it was first seen and how often. */
interface AnchoredCall {
  pattern: UserPattern;
  at: DiscoveredWrapper['at'];
  sites: number;
  /** The sites whose call gives its value to the code around it (see `valueUsed`). */
  used: number;
  /** The members passed, or the keys when spelled out. */
  members: Set<string>;
  /** Given keys as strings, not members. */
  spelled?: true;
}

/**
 * The calls given one of the registry's keys as a string (`featureConfigService.isEnabled('a11yX')`), by callee, in
 * the files that write one quoted; callees in `known` (typed by it, or passed its members) aside.
 */
function keysSpelledOut(root: string, registry: AnchorRegistry, trees: SourceTrees, known: ReadonlySet<string>): Map<string, AnchoredCall> {
  const calls = new Map<string, AnchoredCall>();
  const keys = new Set(registry.keys.filter((key) => key.length >= 3));
  if (keys.size === 0) return calls;
  // A key written negated (`'!x'`) is passed too (see `FlagCheck.negatedInKey`).
  const quoted = new RegExp(`(['"\`])!?(?:${[...keys].map(escapeRegex).join('|')})\\1`);
  const keyOf = (argument: ts.Expression): string | undefined => {
    if (!ts.isStringLiteralLike(argument)) return undefined;
    const text = argument.text.startsWith('!') ? argument.text.slice(1) : argument.text;
    return keys.has(text) ? text : undefined;
  };
  for (const source of trees.sources) {
    if (!quoted.test(source.text) || isTestFile(posix.relative(root, source.file))) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const index = node.arguments.findIndex((argument) => keyOf(argument) !== undefined);
        const identity = name === undefined ? undefined : anchoredCallee(callee, name);
        // A callee typed by the registry or passed its members is found already.
        if (name !== undefined && identity !== undefined && index >= 0 && !known.has(identity) && !NOT_CHECKS.has(name) && mayEvaluate(name) && name.length >= 3 && !EVENT_HANDLER.test(name)) {
          const key = keyOf(node.arguments[index]) as string;
          const call = calls.get(identity);
          if (call === undefined) {
            const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
            calls.set(identity, { pattern: { callee: identity, keyArg: index }, at: { file: posix.relative(root, source.file), line }, sites: 1, used: valueUsed(node, source.file) ? 1 : 0, members: new Set([key]), spelled: true });
          } else if (call.pattern.keyArg === index) {
            call.sites++;
            if (valueUsed(node, source.file)) call.used++;
            call.members.add(key);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return calls;
}

/**
 * The registry's keys written as strings at the calls of the functions typed by it: the compiler holds each to be a
 * key, so each is checked in code as surely as a member passed (`useFeatureFlag('captcha')` with `name: Feature`).
 */
function literalKeysPassed(root: string, typed: readonly DiscoveredWrapper[], keys: ReadonlySet<string>, trees: SourceTrees): { keysPassed: Set<string>; listsWritten: Set<string> } {
  const passed = new Set<string>();
  const listsWritten = new Set<string>();
  const keyArgOf = new Map(typed.flatMap((wrapper) => (wrapper.pattern.keyPath === undefined ? [[wrapper.pattern.callee, wrapper.pattern.keyArg ?? 0] as const] : [])));
  if (keyArgOf.size === 0) return { keysPassed: passed, listsWritten };
  const files = new Set([...keyArgOf.keys()].flatMap((name) => [...trees.filesNaming(name)]));
  for (const source of trees.sources) {
    if (!files.has(source.file) || isTestFile(posix.relative(root, source.file))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
        const index = name === undefined ? undefined : keyArgOf.get(name);
        const argument = index === undefined ? undefined : node.arguments[index];
        if (argument !== undefined && ts.isStringLiteralLike(argument) && keys.has(argument.text)) passed.add(argument.text);
        if (argument !== undefined && ts.isArrayLiteralExpression(argument) && name !== undefined) listsWritten.add(name);
      }
      ts.forEachChild(node, visit);
    };
    visit(trees.tree(source));
  }
  return { keysPassed: passed, listsWritten };
}

/** True for a type of a list only (`FlagKey[]`, `readonly FlagKey[]`, `Array<FlagKey>`, and either `| undefined`). */
function isListType(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isListType(type.type);
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return isListType(type.type);
  if (ts.isUnionTypeNode(type)) {
    const rest = type.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
    return rest.length > 0 && rest.every(isListType);
  }
  return ts.isArrayTypeNode(type) || (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && /^(?:Readonly)?Array$/.test(type.typeName.text));
}

/**
 * The callee a call passed a member becomes, as a pattern: a method of a class or namespace keeps that receiver
 * (`GetFeatureFlagCommand.create`), since its name alone would match every class's `create`; any other call is
 * taken by its name, the receivers of one method varying with how each caller named its instance.
 */
function anchoredCallee(callee: ts.Expression, name: string): string {
  if (!ts.isPropertyAccessExpression(callee)) return name;
  const receiver = callee.expression;
  return ts.isIdentifier(receiver) && /^[A-Z]/.test(receiver.text) ? `${receiver.text}.${name}` : name;
}

/**
 * The checks of a file scan that stand on their own evidence. A call matched by a preset's name whose import
 * still has to be followed into another module is not one yet: `useFeature(Flags.X)` may be the team's own hook.
 */
function provenChecks(scan: FileScan): FlagCheck[] {
  const pending = awaitingEvidence(scan.evidenceImports);
  return scan.checks.filter((_, index) => !pending.has(index));
}

/**
 * A text test before a parse: the symbol is written where a type is (`: FlagKey`, `keyof`, `extends`, `|`, `<`),
 * or as a member outside the keys of checks found already (`check(Flags.X)` where `check` is a preset adds nothing).
 */
function mayAnchor(text: string, symbol: string, checks: readonly FlagCheck[]): boolean {
  const escaped = symbol.replace(/\$/g, '\\$');
  if (new RegExp(`(?:[:|<,(]|\\bkeyof|\\bextends|\\btypeof)\\s*(?:typeof\\s+)?${escaped}\\b(?!\\s*\\.)`).test(text)) return true;
  const member = new RegExp(`(?<![\\w$.])${escaped}\\s*\\.`, 'g');
  for (const match of text.matchAll(member)) {
    const at = match.index;
    if (!checks.some((check) => at >= check.keySpan.start && at < check.keySpan.end)) return true;
  }
  return false;
}

/**
 * True when a parameter's type is one key of the registry: `FlagKey`, `keyof UiFlags`, `keyof typeof FLAGS`, an alias
 * of its keys, with `| undefined` or `| null`, or a type parameter of the function constrained so (`K extends FlagKey`), or a
 * list of those (`FlagKey[]`). With
 * `onlyKeyof` (an interface), the registry's own name is the object of all flags and does not count.
 */
function typedBy(type: ts.TypeNode, symbol: string, aliases: ReadonlySet<string>, owner: FunctionNode, onlyKeyof: boolean): boolean {
  if (ts.isParenthesizedTypeNode(type)) return typedBy(type.type, symbol, aliases, owner, onlyKeyof);
  // A list of its keys (`allEnabled(flags: FlagKey[])`) takes keys too: each one written in the list passed is a check.
  if (ts.isArrayTypeNode(type)) return typedBy(type.elementType, symbol, aliases, owner, onlyKeyof);
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.ReadonlyKeyword) return typedBy(type.type, symbol, aliases, owner, onlyKeyof);
  if (ts.isUnionTypeNode(type)) {
    const rest = type.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
    return rest.length === 1 && typedBy(rest[0], symbol, aliases, owner, onlyKeyof);
  }
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword) {
    const operand = type.type;
    return (ts.isTypeReferenceNode(operand) && lastName(operand.typeName) === symbol)
      || (ts.isTypeQueryNode(operand) && lastName(operand.exprName) === symbol);
  }
  if (!ts.isTypeReferenceNode(type) || type.typeArguments !== undefined) return false;
  const name = lastName(type.typeName);
  if (name === symbol) return !onlyKeyof;
  if (aliases.has(name)) return true;
  const parameter = owner.typeParameters?.find((candidate) => candidate.name.text === name);
  return parameter?.constraint !== undefined && typedBy(parameter.constraint, symbol, aliases, owner, onlyKeyof);
}

function lastName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}

/** Where a call takes a member: the argument, the path inside an object argument, or the property a predicate compares with it. */
interface MemberPassed {
  readonly index: number;
  readonly keyPath?: string[];
  readonly keyCompared?: string;
  /** The member's name. */
  readonly key: string;
}

/** The predicate argument that compares its item's property with a member of the registry: `(flag) => flag.name === Flags.X`. */
function memberCompared(call: ts.CallExpression, symbol: string, members: ReadonlySet<string>, sourceFile: ts.SourceFile, constants: ReadonlySet<string>): MemberPassed | undefined {
  for (const [index, argument] of call.arguments.entries()) {
    const comparisons = predicateComparisons(argument);
    for (const [at, { property, key: compared }] of comparisons.entries()) {
      // The scan reads the key where the predicate first compares that property (see keyInPredicate).
      if (comparisons.findIndex((other) => other.property === property) !== at) continue;
      const key = memberKey(compared, symbol, members, sourceFile, constants);
      if (key !== undefined) return { index, keyCompared: property, key };
    }
  }
  return undefined;
}

/** The last name of a list searched: `featureFlags` for `featureFlags?.find`, `this.featureFlags.find` or `ctx.featureFlags.find`. */
export function receiverName(receiver: ts.Expression): string | undefined {
  let expression = receiver;
  while (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression)) expression = expression.expression;
  if (ts.isIdentifier(expression)) return expression.text;
  return ts.isPropertyAccessExpression(expression) ? expression.name.text : undefined;
}

/** The argument (or property of an object argument) that is a member of the registry: `Flags.X`, `{ flag: Flags.X }`. */
function memberArgument(call: ts.CallExpression, symbol: string, members: ReadonlySet<string>, sourceFile: ts.SourceFile, constants: ReadonlySet<string>): MemberPassed | undefined {
  for (const [index, argument] of call.arguments.entries()) {
    const key = memberKey(argument, symbol, members, sourceFile, constants);
    if (key !== undefined) return { index, key };
    if (!ts.isObjectLiteralExpression(argument)) continue;
    for (const property of argument.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
      const inner = memberKey(property.initializer, symbol, members, sourceFile, constants);
      if (inner !== undefined) return { index, keyPath: [property.name.text], key: inner };
    }
  }
  return undefined;
}

/**
 * The component an element renders and the attribute given a member of the registry (`<FeatureCan feature={Features.X}>`),
 * for a component whose name may evaluate a flag. An HTML element (`<option value={Flags.X}>`) renders no flag's gate.
 */
function memberAttribute(element: ts.JsxOpeningElement | ts.JsxSelfClosingElement, symbol: string, members: ReadonlySet<string>, sourceFile: ts.SourceFile, constants: ReadonlySet<string>): { component: string; attribute: string; key: string } | undefined {
  const tag = element.tagName;
  if (!ts.isIdentifier(tag) || !/^[A-Z]/.test(tag.text) || NOT_CHECKS.has(tag.text) || !mayEvaluate(tag.text)) return undefined;
  for (const attribute of element.attributes.properties) {
    if (!ts.isJsxAttribute(attribute) || !ts.isIdentifier(attribute.name) || attribute.initializer === undefined || !ts.isJsxExpression(attribute.initializer)) continue;
    const expression = attribute.initializer.expression;
    const key = expression === undefined ? undefined : memberKey(expression, symbol, members, sourceFile, constants);
    if (key !== undefined) return { component: tag.text, attribute: attribute.name.text, key };
  }
  return undefined;
}

/**
 * The member `Flags.X` (or `Flags.group.X`) names, when it is a listed member written with the registry's name, or the
 * registry's constant a name is (`DARKMODE`), when `constants` holds those bound to them in this file.
 */
export function memberKey(node: ts.Expression, symbol: string, members: ReadonlySet<string>, sourceFile: ts.SourceFile, constants: ReadonlySet<string> = NO_NAMES): string | undefined {
  let expression = node;
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression)) expression = expression.expression;
  if (ts.isIdentifier(expression)) return constants.has(expression.text) ? expression.text : undefined;
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const text = expression.getText(sourceFile);
  if (!text.startsWith(`${symbol}.`)) return undefined;
  // The member's name is enough to count it; which key it holds is for the scan to resolve. A name it does not
  // list is a property of the object itself (`flags.length`), or of something else that shares its name.
  const member = text.slice(symbol.length + 1);
  return members.has(member) ? member : undefined;
}

const NO_NAMES: ReadonlySet<string> = new Set();
const NAMED_IMPORTS = /\bimport\s+(?:type\s+)?(?:[\w$]+\s*,\s*)?\{([^}]*)\}/g;

/** The registry's constants a file binds to them: all of them in the registry's own file, else those it imports under their own names. */
function constantsIn(text: string, ownFile: boolean, constants: readonly string[]): ReadonlySet<string> {
  if (ownFile) return new Set(constants);
  const wanted = new Set(constants);
  const bound = new Set<string>();
  for (const match of text.matchAll(NAMED_IMPORTS)) {
    for (const specifier of match[1].split(',')) {
      const name = specifier.trim().replace(/^type\s+/, '');
      if (wanted.has(name)) bound.add(name);
    }
  }
  return bound;
}

/** A text test before a parse: one of the constants is written as an argument or an object argument's value (`check(DARKMODE)`, `{ flag: DARKMODE }`). */
function mayPassConstant(text: string, constants: ReadonlySet<string>): boolean {
  if (constants.size === 0) return false;
  return new RegExp(`[(,:]\\s*(?:${[...constants].map((name) => name.replace(/\$/g, '\\$')).join('|')})\\s*[,)}]`).test(text);
}
