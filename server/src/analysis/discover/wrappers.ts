// Wrappers and bag functions: functions that forward a parameter as the key of a flag check (at any depth,
// also through a closure another function returns), and functions that return a flag bag, found from the
// dynamic checks of each file's scan.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { calleeLastName, type PatternSet } from '../patterns';
import { escapeRegex } from '../regex';
import { optionSaysNotEvaluating, saysNotEvaluating } from '../callNames';
import { isFlagOptionName } from '../patterns/options';
import type { FlagCheck, UserPattern } from '../types';
import { componentPropOf, directiveInputOf, enclosingFunctionOf, functionName, iteratedRestParameter, ownCallee, parameterOf, subjectFeeders, vuexGetterName, type FunctionNode } from './functions';
import type { SourceTrees } from './sourceTrees';
import { keyTypeOf } from './typeText';
import { directiveOf, vueComponentPropOf } from '../vueComponents';
import type { DiscoveredAt, DiscoveredBag, DiscoveredWrapper, SourceText } from './types';

// Method names so common outside flag code that a wrapper of that name would turn every such call into a check.
export const GENERIC_NAMES = new Set(['get', 'set', 'has', 'call', 'apply', 'bind', 'map', 'then', 'find', 'value', 'check', 'is', 'run', 'execute', 'handle', 'render', 'constructor', 'intercept', 'transform', 'predicate', 'callback']);

// Test code and mocks stub every API, flags' included: `cy.intercept`, a fake client. What they forward is no evidence.
// A test's own helpers live beside it: `testing/mocks.tsx`, `test-utils.tsx`, `setupTests.ts`.
const TEST_FILE = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|test|tests|testing|spec|e2e|cypress|mocks?|fixtures?|stories)\/|\.(?:test|spec|cy|stories|mock)\.[cm]?[jt]sx?$|(?:^|\/)(?:test-?utils|testUtils|setupTests)\.[cm]?[jt]sx?$/;

/** True for a test, a mock, a fixture or a story (a path relative to the folder), which never counts as evidence of a wrapper. */
export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}

/** A function that returns a closure forwarding its parameter as a flag key: `useEvaluator = () => (flag) => check(flag)`. */
export interface ClosureFactory {
  readonly name: string;
  /** The closure's parameter that holds the key. */
  readonly keyArg: number;
  readonly forwardsTo: string;
  readonly at: DiscoveredAt;
}

/** The wrappers and bag functions one source declares, for the patterns of `level` (1: the presets, 2: the wrappers found). */
export function wrappersIn(
  root: string, source: SourceText, checks: readonly FlagCheck[], patterns: PatternSet, level: number, trees: SourceTrees, factories: readonly ClosureFactory[],
): { wrappers: DiscoveredWrapper[]; bags: DiscoveredBag[]; factories: ClosureFactory[] } {
  const dynamicChecks = checks.filter((check) => check.dynamic === true);
  const bagCallees = patterns.patterns.filter((pattern) => pattern.kind === 'bag').map((pattern) => calleeLastName(pattern.callee));
  const mayReturnBag = bagCallees.some((name) => source.text.includes(name));
  const calledFactories = factories.filter((factory) => source.text.includes(factory.name));
  if (isTestFile(posix.relative(root, source.file)) || (dynamicChecks.length === 0 && !mayReturnBag && calledFactories.length === 0)) return { wrappers: [], bags: [], factories: [] };
  const sourceFile = trees.tree(source);
  const wrappers: DiscoveredWrapper[] = [];
  const bags: DiscoveredBag[] = [];
  const newFactories: ClosureFactory[] = [];
  const at = (node: ts.Node): DiscoveredAt => ({
    file: posix.relative(root, source.file),
    line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1,
  });

  for (const check of dynamicChecks) {
    const innermost = enclosingFunction(sourceFile, check.callSpan.start);
    const keyed = keyedFunction(innermost, check.key);
    // Above level 1 only the wrappers found so far are new evidence; the presets' checks were read at level 1.
    if (level > 1 && check.sdk !== 'custom') continue;
    if (keyed === undefined) {
      const input = directiveInputOf(innermost, check.key);
      if (input !== undefined && !wrappers.some((other) => other.pattern.callee === input.name)) {
        wrappers.push({
          pattern: { callee: input.name, keyArg: 0 }, at: at(input.node),
          reason: `its input ${input.name} is the flag key of ${check.method}${level > 1 ? ' (a wrapper itself)' : ''}`, evidence: 'forwards', level,
        });
        continue;
      }
      const component = componentPropOf(innermost, check.key) ?? vueComponentPropOf(sourceFile, innermost ?? sourceFile, check.key);
      if (component !== undefined && mayNameWrapper(component.name) && !wrappers.some((other) => other.pattern.callee === component.name)) {
        wrappers.push({
          pattern: { callee: component.name, keyArg: 0, keyPath: [component.prop] }, at: at(component.node),
          reason: `passes its prop ${component.prop} as the flag key to ${check.method}${level > 1 ? ' (a wrapper itself)' : ''}`, evidence: 'forwards', level,
        });
      }
      continue;
    }
    const { wrapper, keyArgument } = keyed;
    // A custom directive's hook (`mounted(el, binding)`) is called by Vue, never by its name: the directive's attribute is.
    const directive = directiveOf(wrapper, keyArgument);
    if (directive !== undefined) {
      if (!wrappers.some((other) => other.pattern.callee === directive.name)) {
        wrappers.push({ pattern: { callee: directive.name, keyArg: 0 }, at: at(directive.node), reason: `is a Vue directive whose value is the flag key of ${check.method}${level > 1 ? ' (a wrapper itself)' : ''}`, evidence: 'forwards', level, declaredIn: [source.file] });
      }
      continue;
    }
    const listing = listingFunction(wrapper, keyArgument, check, sourceFile);
    if (listing !== undefined) {
      if (!bags.some((bag) => bag.spec === `${listing.name}()`)) bags.push({ spec: `${listing.name}()`, at: at(listing.fn), forwardsTo: check.method, keysArg: listing.keysArg });
      continue;
    }
    const factory = factoryOf(wrapper);
    const factoryName = factory === undefined ? undefined : functionName(factory);
    if (factory !== undefined && factoryName !== undefined && keyArgument.keyPath === undefined) {
      if (!newFactories.some((other) => other.name === factoryName)) newFactories.push({ name: factoryName, keyArg: keyArgument.index, forwardsTo: check.method, at: at(factory) });
      continue;
    }
    const name = functionName(wrapper);
    // A stream's callback takes the key from a subject the class's members feed: they are the wrappers.
    if (name === undefined && keyArgument.index === 0 && keyArgument.keyPath === undefined) {
      for (const { member, index } of subjectFeeders(wrapper)) {
        const fed = functionName(member);
        if (fed === undefined || !mayNameWrapper(fed) || wrappers.some((other) => other.pattern.callee === fed)) continue;
        wrappers.push({ pattern: { callee: ownCallee(member, fed), keyArg: index }, at: at(member), reason: forwardReason({ index }, check.method, level), evidence: 'forwards', level, declaredIn: [source.file] });
      }
    }
    // A callback given each item of the rest parameter of the function around it: that function takes the keys there.
    const iterated = name === undefined && keyArgument.index === 0 && keyArgument.keyPath === undefined ? iteratedRestParameter(wrapper) : undefined;
    const iteratedName = iterated === undefined ? undefined : functionName(iterated.fn);
    if (iterated !== undefined && iteratedName !== undefined && mayNameWrapper(iteratedName) && !wrappers.some((other) => other.pattern.callee === iteratedName)) {
      const pattern: UserPattern = { callee: ownCallee(iterated.fn, iteratedName), keyArg: iterated.index, restKeys: true };
      wrappers.push({ pattern, at: at(iterated.fn), reason: `passes each of its arguments from the ${ordinal(iterated.index + 1)} on as a flag key to ${check.method}${level > 1 ? ' (a wrapper itself)' : ''}`, evidence: 'forwards', level, declaredIn: [source.file] });
      continue;
    }
    const option = name === undefined ? itemOption(wrapper, keyArgument, check.method) : undefined;
    if (option !== undefined && !wrappers.some((other) => other.pattern.callee === option.pattern.callee)) wrappers.push({ ...option, at: at(wrapper), level });
    // The check in its body proves the wrapper, whatever the length of its name (`fg(key)` over a Statsig gate).
    if (name === undefined || !mayNameWrapper(name)) continue;
    const pattern: UserPattern = { callee: ownCallee(wrapper, name), keyArg: keyArgument.index };
    if (keyArgument.keyPath !== undefined) pattern.keyPath = keyArgument.keyPath;
    // Over LaunchDarkly's bag read by the key (`useFlags()[name]`), a name given is the flag's key camelCased.
    if (check.camelCasedKey === true) pattern.camelCaseKeys = true;
    const defaultIndex = check.defaultValueText === undefined ? undefined : parameterOf(wrapper, check.defaultValueText);
    if (defaultIndex !== undefined && defaultIndex.keyPath === undefined) pattern.defaultArg = defaultIndex.index;
    // What the check gives is the wrapper's value only where the wrapper gives it back; a check inside an `if` of a
    // decorator or a middleware says nothing of what they return.
    const given = givenBack(wrapper, check, sourceFile);
    if (given !== undefined && given.negated !== check.negate) pattern.negate = true;
    if (given !== undefined && check.valueType !== 'unknown' && check.valueType !== 'object') pattern.type = check.valueType;
    if (wrappers.some((other) => other.pattern.callee === pattern.callee)) continue;
    const keyType = keyArgument.keyPath === undefined ? keyTypeOf(wrapper, keyArgument.index) : undefined;
    const reason = `${forwardReason(keyArgument, check.method, level)}${pattern.camelCaseKeys === true ? ', which names each flag camelCased' : ''}`;
    wrappers.push({ pattern, at: at(wrapper), reason, evidence: 'forwards', level, declaredIn: [source.file], ...(keyType === undefined ? {} : { keyType }) });
  }

  for (const { wrapper, keyArgument, factory, local } of closureCalls(sourceFile, calledFactories)) {
    const name = functionName(wrapper);
    if (name === undefined || !mayNameWrapper(name) || wrappers.some((other) => other.pattern.callee === name)) continue;
    const keyType = keyTypeOf(wrapper, keyArgument);
    wrappers.push({
      pattern: { callee: name, keyArg: keyArgument }, at: at(wrapper), reason: forwardReason({ index: keyArgument }, `${local}, the function ${factory.name}() returns`, level),
      evidence: 'forwards', level, declaredIn: [source.file], ...(keyType === undefined ? {} : { keyType }),
    });
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
  return { wrappers, bags, factories: newFactories };
}

/**
 * Other names for wrappers found already: `const useFlag = useFlagFromService`, or a choice made once between two
 * wrappers that take the key alike, `export const useFlag = isDev ? useFlagWithOverrides : useFlagFromService`; or a
 * property an object hands one over as (`<SharedProvider handlers={{ booleanFlag: useBooleanFlag }}>`), called on
 * whatever holds the object (`shared.booleanFlag(flag)`). Calls of the alias are calls of one of them, so the alias takes
 * the key where they do. A property is called on any receiver, so its name must say what it does, as a bag's must.
 */
export function aliasesIn(root: string, source: SourceText, trees: SourceTrees, known: readonly DiscoveredWrapper[]): DiscoveredWrapper[] {
  const relative = posix.relative(root, source.file);
  if (known.length === 0 || isTestFile(relative)) return [];
  const byName = new Map(known.map((wrapper) => [wrapper.pattern.callee, wrapper]));
  // Most files that name a wrapper only import and call it: they are not parsed for aliases.
  if (!mayAlias(source.text, [...byName.keys()])) return [];
  const aliases: DiscoveredWrapper[] = [];
  const sourceFile = trees.tree(source);
  const wrapperNamed = (expression: ts.Expression): DiscoveredWrapper | undefined => {
    const inner = withoutWrapping(expression);
    return ts.isIdentifier(inner) ? byName.get(inner.text) : undefined;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of node.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
        const name = declaration.name.text;
        if (byName.has(name) || !mayNameWrapper(name) || aliases.some((alias) => alias.pattern.callee === name)) continue;
        const value = withoutWrapping(declaration.initializer);
        const named = ts.isConditionalExpression(value) ? [value.whenTrue, value.whenFalse] : [value];
        const chosen = named.map(wrapperNamed).filter((wrapper): wrapper is DiscoveredWrapper => wrapper !== undefined);
        const [first] = chosen;
        if (first === undefined || chosen.length < named.length || !chosen.every((wrapper) => takesKeyAlike(wrapper.pattern, first.pattern))) continue;
        const names = chosen.map((wrapper) => wrapper.pattern.callee);
        aliases.push({
          pattern: { ...first.pattern, callee: name },
          at: { file: relative, line: sourceFile.getLineAndCharacterOfPosition(declaration.getStart(sourceFile)).line + 1 },
          reason: names.length === 1 ? `is another name for ${names[0]}, a wrapper` : `is ${names.join(' or ')}, each a wrapper taking the key alike`,
          evidence: first.evidence,
          level: Math.max(...chosen.map((wrapper) => wrapper.level)),
          declaredIn: [source.file],
        });
      }
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
      const name = node.name.text;
      const wrapper = wrapperNamed(node.initializer);
      if (wrapper !== undefined && !byName.has(name) && mayNameWrapper(name) && SAYS_FLAGS.test(name) && !aliases.some((alias) => alias.pattern.callee === name)) {
        aliases.push({
          pattern: { ...wrapper.pattern, callee: name },
          at: { file: relative, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 },
          reason: `is the property an object hands ${wrapper.pattern.callee} over as, a wrapper`,
          evidence: wrapper.evidence,
          level: wrapper.level,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return aliases;
}

// A property's name that says it evaluates flags, for an alias called on any receiver.
const SAYS_FLAGS = /flag|feature|experiment|toggle|gate/i;

/**
 * False when the text cannot hold an alias of a wrapper named `names`: none of them stands alone right after an `=`,
 * `?` or `:` (past spaces, comments and opening parentheses), where a const's value, one of its two choices or a
 * property's value starts,
 * and not called, read from or given type arguments there. A text with a Unicode escape, which may spell a name
 * otherwise, or a name with a letter past ASCII always may.
 */
function mayAlias(text: string, names: readonly string[]): boolean {
  // A name with a dot or a space is no identifier, so no const's value names it.
  const identifiers = names.filter((name) => /^[\w$\u0080-\uffff]+$/.test(name));
  if (identifiers.length === 0) return false;
  if (text.includes('\\u') || identifiers.some((name) => /[^\w$]/.test(name))) return true;
  const alternatives = identifiers.map(escapeRegex).join('|');
  return new RegExp(`[=?:](?:[\\s(]|/\\*[\\s\\S]*?\\*/|//[^\\n]*)*(?:${alternatives})(?![\\w$]|\\s*[(.<])`).test(text);
}

function withoutWrapping(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner) || ts.isNonNullExpression(inner)) inner = inner.expression;
  return inner;
}

/** The same key argument (and path into it) and the same default argument: a call reads the key the same way from either. */
function takesKeyAlike(left: UserPattern, right: UserPattern): boolean {
  return (left.keyArg ?? 0) === (right.keyArg ?? 0) && (left.keyPath ?? []).join('.') === (right.keyPath ?? []).join('.') && left.defaultArg === right.defaultArg;
}

/** "passes its first argument as the flag key to unleash.isEnabled", with " (a wrapper itself)" above level 1. */
function forwardReason(keyArgument: { index: number; keyPath?: readonly string[] }, to: string, level: number): string {
  const path = keyArgument.keyPath === undefined ? '' : `'s ${keyArgument.keyPath.join('.')}`;
  return `passes its ${ordinal(keyArgument.index + 1)} argument${path} as the flag key to ${to}${level > 1 ? ' (a wrapper itself)' : ''}`;
}

/** `first` for 1, up to `fifth`, then `#6`. */
export function ordinal(position: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth'][position - 1] ?? `#${position}`;
}

/** The named function that returns `node` as its closure (`return (flag) => …` or `() => (flag) => …`), if it is one. */
function factoryOf(node: FunctionNode): FunctionNode | undefined {
  // A Vuex getter's function is called by the getter's name, not made by calling the getter.
  if (vuexGetterName(node) !== undefined) return undefined;
  let parent = node.parent as ts.Node | undefined;
  while (parent !== undefined && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent))) parent = parent.parent;
  if (parent === undefined) return undefined;
  const outer = ts.isReturnStatement(parent) ? enclosingFunctionOf(parent) : ts.isArrowFunction(parent) && parent.body === node ? parent : undefined;
  return outer !== undefined && functionName(outer) !== undefined ? outer : undefined;
}

/**
 * Functions that call a closure a factory returned with one of their own parameters as the key:
 * `const evaluate = useEvaluator(); return evaluate(flag)` (or `useEvaluator()(flag)`).
 */
function closureCalls(sourceFile: ts.SourceFile, factories: readonly ClosureFactory[]): Array<{ wrapper: FunctionNode; keyArgument: number; factory: ClosureFactory; local: string }> {
  if (factories.length === 0) return [];
  const found: Array<{ wrapper: FunctionNode; keyArgument: number; factory: ClosureFactory; local: string }> = [];
  const factoryCalled = (expression: ts.Expression): ClosureFactory | undefined => {
    let inner = expression;
    while (ts.isParenthesizedExpression(inner) || ts.isAwaitExpression(inner) || ts.isAsExpression(inner)) inner = inner.expression;
    if (!ts.isCallExpression(inner)) return undefined;
    const callee = inner.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    return factories.find((factory) => factory.name === name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let factory = factoryCalled(callee);
      let local = factory === undefined ? '' : `${factory.name}()`;
      if (factory === undefined && ts.isIdentifier(callee)) {
        const declaration = localDeclaration(callee);
        if (declaration?.initializer !== undefined) {
          factory = factoryCalled(declaration.initializer);
          local = callee.text;
        }
      }
      const argument = factory === undefined ? undefined : node.arguments[factory.keyArg];
      const wrapper = argument === undefined ? undefined : enclosingFunctionOf(node);
      const index = wrapper === undefined || argument === undefined || !ts.isIdentifier(argument) ? undefined : parameterOf(wrapper, argument.text);
      if (factory !== undefined && wrapper !== undefined && index !== undefined && index.keyPath === undefined) found.push({ wrapper, keyArgument: index.index, factory, local });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The `const name = …` of the function around a call, when `name` is declared there. */
function localDeclaration(name: ts.Identifier): ts.VariableDeclaration | undefined {
  const scope = enclosingFunctionOf(name);
  const body = scope?.body;
  if (body === undefined || !ts.isBlock(body)) return undefined;
  for (const statement of body.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name.text) return declaration;
    }
  }
  return undefined;
}

/**
 * A name a wrapper proven by its body may be matched by: not a generic method name, more than one character, since one
 * letter (`t`, `f`, `_`) names a different local function in every other file, and not a name that says it changes,
 * logs or records the flag it is given (`toggleFeature(feature)` reads the flag to flip it; its callers evaluate none).
 */
export function mayNameWrapper(name: string): boolean {
  return name.length > 1 && !GENERIC_NAMES.has(name) && !saysNotEvaluating(name);
}

/**
 * An option of the items of a list, read into a check by a callback the list is handed to: `settings.filter((s) =>
 * getFeatureEnabled(s.featureFlag))` makes `featureFlag: 'x'`, wherever such an item is written, the flag that gates
 * it. The option's name must say flag, feature, toggle, experiment or gate, and be more than the bare word.
 */
function itemOption(callback: FunctionNode, keyArgument: { index: number; keyPath?: string[] }, method: string): Omit<DiscoveredWrapper, 'at' | 'level'> | undefined {
  const property = keyArgument.keyPath?.length === 1 ? keyArgument.keyPath[0] : undefined;
  if (property === undefined || !ts.isCallExpression(callback.parent) || !callback.parent.arguments.includes(callback as ts.Expression)) return undefined;
  if (!isFlagOptionName(property) || optionSaysNotEvaluating(property)) return undefined;
  return { pattern: { callee: property, option: true }, reason: `each item's ${property} is passed as the flag key to ${method}: the key written there names a flag that gates its object`, evidence: 'forwards' };
}

// The array methods that hand each item of a list to their callback, and where it takes the item.
const ITEM_PARAMETER: Readonly<Record<string, number>> = { reduce: 1, forEach: 0, map: 0 };

/**
 * A function given a list of keys that checks each and gives back a record of the answers by key: `useFlags(keys)`
 * with `keys.reduce((acc, key) => { acc[key] = getFlag(key); return acc; }, {})` or `keys.map((key) => [key, isOn(key)])`.
 * Its calls given a list written out (`useFlags(['a', 'b'])`) are bags of those keys. The check is the callback's own:
 * its result is stored under the key it checks.
 */
function listingFunction(callback: FunctionNode, keyArgument: { index: number; keyPath?: string[] }, check: FlagCheck, sourceFile: ts.SourceFile): { fn: FunctionNode; name: string; keysArg: number } | undefined {
  if (keyArgument.keyPath !== undefined || !storedUnderKey(sourceFile, check)) return undefined;
  const iteration = callback.parent;
  if (!ts.isCallExpression(iteration) || iteration.arguments[0] !== callback || !ts.isPropertyAccessExpression(iteration.expression)) return undefined;
  const listName = listNameOf(iteration.expression.expression);
  if (ITEM_PARAMETER[iteration.expression.name.text] !== keyArgument.index || listName === undefined) return undefined;
  // The function that takes the list: a hook may iterate inside its `useMemo(() => …)`.
  for (let fn = enclosingFunctionOf(iteration); fn !== undefined; fn = enclosingFunctionOf(fn)) {
    const list = parameterOf(fn, listName, false);
    if (list === undefined) {
      if (declaresParameter(fn, listName)) return undefined;
      continue;
    }
    const name = functionName(fn);
    return list.keyPath === undefined && name !== undefined && mayNameWrapper(name) ? { fn, name, keysArg: list.index } : undefined;
  }
  return undefined;
}

/** The name of a list iterated as it is, or defaulted to an empty one: `keys`, `(keys ?? [])`. */
function listNameOf(expression: ts.Expression): string | undefined {
  let list = expression;
  while (ts.isParenthesizedExpression(list)) list = list.expression;
  if (ts.isBinaryExpression(list) && (list.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || list.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    && ts.isArrayLiteralExpression(list.right) && list.right.elements.length === 0) list = list.left;
  return ts.isIdentifier(list) ? list.text : undefined;
}

/** True when a check's result is stored under the key it checks: `acc[key] = check(key)`, `[key, check(key)]`. */
function storedUnderKey(sourceFile: ts.SourceFile, check: FlagCheck): boolean {
  const call = nodeAt(sourceFile, check.callSpan);
  let node: ts.Node | undefined = call;
  while (node !== undefined && node.parent !== undefined && (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent))) node = node.parent;
  const holder = node?.parent;
  if (holder === undefined || node === undefined) return false;
  if (ts.isBinaryExpression(holder) && holder.right === node && holder.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return ts.isElementAccessExpression(holder.left) && ts.isIdentifier(holder.left.argumentExpression) && holder.left.argumentExpression.text === check.key;
  }
  return ts.isArrayLiteralExpression(holder) && holder.elements.length === 2 && holder.elements[1] === node && ts.isIdentifier(holder.elements[0]) && holder.elements[0].text === check.key;
}

/** The node that spans exactly `span`: the call of a check. */
function nodeAt(sourceFile: ts.SourceFile, span: { start: number; end: number }): ts.Node | undefined {
  const find = (node: ts.Node): ts.Node | undefined => {
    if (node.getStart(sourceFile) === span.start && node.end === span.end) return node;
    if (node.pos > span.start || node.end < span.end) return undefined;
    return ts.forEachChild(node, find);
  };
  return find(sourceFile);
}

/**
 * The function whose parameter a key reads: the innermost function around the check, or, when the key is a
 * parameter captured from further out, the outer function that declares it (`fgComponent(key, …)` returning a
 * component that checks `key`): each call of the outer function decides the key.
 */
function keyedFunction(innermost: FunctionNode | undefined, key: string): { wrapper: FunctionNode; keyArgument: { index: number; keyPath?: string[] } } | undefined {
  for (let node: FunctionNode | undefined = innermost; node !== undefined; node = enclosingFunctionOf(node)) {
    const keyArgument = parameterOf(node, key);
    if (keyArgument !== undefined) return { wrapper: node, keyArgument };
    // A parameter of this function named as the key's root hides any outer one of that name.
    if (declaresParameter(node, key.split('.')[0])) return undefined;
  }
  return undefined;
}

function declaresParameter(node: FunctionNode, name: string): boolean {
  const declares = (binding: ts.BindingName): boolean => ts.isIdentifier(binding) ? binding.text === name : binding.elements.some((element) => !ts.isOmittedExpression(element) && declares(element.name));
  return node.parameters.some((parameter) => declares(parameter.name));
}

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

/**
 * Whether `wrapper` gives back the check's call as its value, and negated or not: as its arrow body or in a `return`
 * of its own, through parentheses, `await`, type assertions and `!`. Undefined when it does something else with it.
 */
function givenBack(wrapper: FunctionNode, check: FlagCheck, sourceFile: ts.SourceFile): { negated: boolean } | undefined {
  let call: ts.Node | undefined;
  const find = (node: ts.Node): void => {
    if (call !== undefined || check.callSpan.start < node.getStart(sourceFile) || check.callSpan.start >= node.end) return;
    if (node.getStart(sourceFile) === check.callSpan.start && node.end === check.callSpan.end) call = node;
    else ts.forEachChild(node, find);
  };
  find(wrapper);
  if (call === undefined) return undefined;
  let node: ts.Node = call;
  let negated = false;
  for (;;) {
    const parent = node.parent;
    if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) negated = !negated;
    else if (!(ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isSatisfiesExpression(parent))) break;
    node = parent;
  }
  if (wrapper.body === node) return { negated };
  return ts.isReturnStatement(node.parent) && enclosingFunctionOf(node.parent) === wrapper ? { negated } : undefined;
}

/** The bag callee a function returns directly: `return useFlags()` or `=> useFlags()`. */
function returnedCallee(node: ts.SignatureDeclaration & { body?: ts.Node }, bagCallees: readonly string[]): string | undefined {
  const body = node.body;
  if (body === undefined) return undefined;
  const returned: ts.Expression[] = [];
  // `const flags = useFlags(); return flags`: a constant of the body's own, given back as it is.
  const constants = new Map<string, ts.Expression>();
  if (ts.isBlock(body)) {
    for (const statement of body.statements) {
      if (ts.isReturnStatement(statement) && statement.expression) returned.push(statement.expression);
      if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer !== undefined) constants.set(declaration.name.text, declaration.initializer);
      }
    }
  } else if (ts.isExpression(body)) {
    returned.push(body);
  }
  for (const expression of returned) {
    let inner = withoutWrapping(expression);
    if (ts.isIdentifier(inner)) inner = withoutWrapping(constants.get(inner.text) ?? inner);
    while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isAwaitExpression(inner)) inner = inner.expression;
    if (!ts.isCallExpression(inner)) continue;
    const callee = inner.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name !== undefined && bagCallees.includes(name)) return name;
  }
  return undefined;
}
