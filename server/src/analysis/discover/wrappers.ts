// Wrappers and bag functions: functions that forward a parameter as the key of a flag check (one or two
// levels deep), and functions that return a flag bag, found from the dynamic checks of each file's scan.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { calleeLastName, type PatternSet } from '../patterns';
import { scanFile } from '../scan';
import type { FlagCheck, UserPattern } from '../types';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredAt, DiscoveredBag, DiscoveredWrapper, SourceText } from './types';

// Method names so common outside flag code that a wrapper of that name would turn every such call into a check.
const GENERIC_NAMES = new Set(['get', 'set', 'has', 'call', 'apply', 'bind', 'map', 'then', 'find', 'value', 'check', 'is', 'run', 'execute', 'handle', 'render', 'constructor']);

/** The wrappers and bag functions one source declares, for the patterns of `level` (1: the presets, 2: the wrappers found). */
export function wrappersIn(root: string, source: SourceText, patterns: PatternSet, level: 1 | 2, trees: SourceTrees): { wrappers: DiscoveredWrapper[]; bags: DiscoveredBag[] } {
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
