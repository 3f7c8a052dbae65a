// A list of flags searched for one by a function's parameter, and that item's state given back: `isFeatureFlagEnabled(envVar)
// { const flag = featureFlags.find((item) => item.envVar === envVar); return flag?.enabled ?? false; }`, or the same
// search written as a loop over pairs a server sent, `for (const flag of runtimeData.WAFFLE_FLAGS) { if (flag[0] ===
// flagName && flag[1] === true) return true; }`. The function evaluates the flag its parameter names, as one giving back
// a record's entry does (see stateComparisons.ts).

import { ts } from 'ts-morph';
import { predicateComparisons } from '../scan/predicates';
import { RESPELLINGS } from '../scan/settingReads';
import { unwrap } from '../scan/values';
import { enclosingFunctionOf, parameterOf, type FunctionNode } from './functions';

// The property of a flag's item that says whether it is on.
const STATE_PROPERTIES = new Set(['enabled', 'isEnabled', 'active', 'isActive']);

/**
 * A text test before a parse: a list is searched, and an item's state is read; or a list named for flags is looped over or
 * asked for one. In a file named for flags, any list asked for one (`releasedFeatures.includes(featureKey)`).
 */
export function maySearchList(text: string, fileSaysFlags = false): boolean {
  return (/\.find\s*\(/.test(text) && /\.(?:enabled|isEnabled|active|isActive)\b/.test(text)) || FLAG_LIST_LOOP.test(text) || membershipText(fileSaysFlags).test(text);
}

// `.includes(` or `.has(` on any list.
const MEMBERSHIP = /\.(?:includes|has)\s*\(/;

function membershipText(fileSaysFlags: boolean): RegExp {
  return fileSaysFlags ? MEMBERSHIP : FLAG_LIST_MEMBERSHIP;
}

// `tenant.featureFlags?.includes(`, `enabledFlags.has(`: a list or set named for flags asked whether it holds one; or one
// named for the features that are on (`site.enabledFeatures.includes(`), or for features, which the function's name may
// say are those that are on (see `listOfFlagsOn` in stateComparisons.ts).
// A Vue ref of the list is read at `.value` (`_flags.value?.includes(`).
const FLAG_LIST_MEMBERSHIP = /(?:[fF]lags?|FLAGS?|[tT]oggles?|TOGGLES?|[eE]xperiments?|EXPERIMENTS?|[fF]eatures|FEATURES)(?:\??\.value)?\??\.(?:includes|has)\s*\(/;

// `for (const flag of runtimeData.WAFFLE_FLAGS)`, `for (const [name, on] of flags)`: the loop's list says flags.
const FLAG_LIST_LOOP = /\bfor\s*\(\s*(?:const|let|var)\s+[^;()]*?\bof\s+[\w$.?]*(?:[fF]lag|FLAG|[fF]eature|FEATURE|[tT]oggle|TOGGLE)/;

/** A function that gives back the state of the item its parameter finds in a list. */
export interface SearchedRead {
  readonly owner: FunctionNode;
  /** The parameter the search compares each item with. */
  readonly index: number;
  /** The list searched, as written (`featureFlags`, `this.flags`). */
  readonly list: string;
  /** The item's property compared with the parameter (`envVar`), and the one given back (`enabled`). */
  readonly compared: string;
  readonly state: string;
  /** True for a list of the flags that are on, asked whether it holds the parameter (`featureFlags.includes(flag)`). */
  readonly membership?: true;
  /** True when the function gives the answer in a Vue `computed` box, read at `.value` (`return computed(() => flags.value.includes(name))`). */
  readonly boxed?: true;
}

/** Every function of a file that gives back, as it is or as a boolean, the state of the item of a list its parameter finds. */
export function searchedReads(sourceFile: ts.SourceFile, fileSaysFlags = false): SearchedRead[] {
  const reads: SearchedRead[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && STATE_PROPERTIES.has(node.name.text)) {
      const owner = enclosingFunctionOf(node);
      const search = owner === undefined ? undefined : searchOf(owner, unwrap(node.expression));
      if (owner !== undefined && search !== undefined && givenBack(owner, node)) {
        const callee = search.expression as ts.PropertyAccessExpression;
        for (const { property, key } of predicateComparisons(search.arguments[0])) {
          const parameter = ts.isIdentifier(unwrap(key)) ? parameterOf(owner, (unwrap(key) as ts.Identifier).text, false) : undefined;
          if (parameter === undefined || parameter.keyPath !== undefined) continue;
          reads.push({ owner, index: parameter.index, list: callee.expression.getText(sourceFile).replace(/\s+/g, '').replace(/\?\.?$/, ''), compared: property, state: node.name.text });
          break;
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...reads, ...loopedReads(sourceFile), ...membershipReads(sourceFile, fileSaysFlags)];
}

/**
 * The functions that give back whether a list of the flags that are on holds their parameter: `return
 * !!tenant.featureFlags?.includes(flag)`, `if (enabledFlags.has(name)) return true;`. The list's name must say flags, or
 * in a module named for flags, features (see `listOfFlagsOn` in stateComparisons.ts); what it holds is the names of those
 * that are on.
 */
function membershipReads(sourceFile: ts.SourceFile, fileSaysFlags: boolean): SearchedRead[] {
  if (!membershipText(fileSaysFlags).test(sourceFile.text)) return [];
  const reads: SearchedRead[] = [];
  const visit = (node: ts.Node): void => {
    const name = ts.isCallExpression(node) && node.arguments.length === 1 ? spelledName(node.arguments[0]) : undefined;
    if (name !== undefined && ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)
      && (node.expression.name.text === 'includes' || node.expression.name.text === 'has')) {
      const inner = enclosingFunctionOf(node);
      // A composable's answer in a box: the test is a `computed`'s function, and the box is what the composable gives back.
      const box = inner === undefined || !givenBack(inner, node) ? undefined : computedOf(inner, sourceFile);
      const outer = box === undefined ? undefined : enclosingFunctionOf(box);
      const boxed = outer !== undefined && box !== undefined && givenBack(outer, box) && parameterOf(inner as FunctionNode, name.text, false) === undefined;
      const owner = boxed ? outer : inner;
      const parameter = owner === undefined ? undefined : parameterOf(owner, name.text, false);
      // A type guard (`isKnownFeatureFlag(value: unknown): value is FeatureFlags`) asks whether a name is a flag at all.
      const guard = owner?.type !== undefined && ts.isTypePredicateNode(owner.type);
      if (owner !== undefined && !guard && parameter !== undefined && parameter.keyPath === undefined && (boxed || givenBack(owner, node) || testedForTrue(node))) {
        const list = node.expression.expression.getText(sourceFile).replace(/\s+/g, '').replace(/\?\.?$/, '');
        reads.push({ owner, index: parameter.index, list, compared: node.expression.name.text, state: '', membership: true, ...(boxed ? { boxed: true as const } : {}) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return reads;
}

/**
 * The call of Vue's `computed` a function is given to (`computed(() => …)`), or undefined: Angular's `computed` makes a
 * signal, which is called and not read at `.value`, so the module must not import it from elsewhere than Vue.
 */
function computedOf(fn: FunctionNode, sourceFile: ts.SourceFile): ts.CallExpression | undefined {
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isIdentifier(call.expression) || call.expression.text !== 'computed') return undefined;
  const from = /\bimport\s*\{[^}]*\bcomputed\b[^}]*\}\s*from\s*['"]([^'"]+)['"]/.exec(sourceFile.text)?.[1];
  return from === undefined || /^(?:vue|vue-demi|@vue\/)/.test(from) ? call : undefined;
}

/** The name a membership test asks for: `flag`, or `flag` respelled (`flag.toLowerCase()`, `flag.trim().toLowerCase()`). */
function spelledName(expression: ts.Expression): ts.Identifier | undefined {
  const inner = unwrap(expression);
  if (ts.isIdentifier(inner)) return inner;
  if (ts.isCallExpression(inner) && inner.arguments.length === 0 && ts.isPropertyAccessExpression(inner.expression) && RESPELLINGS.has(inner.expression.name.text)) {
    return spelledName(inner.expression.expression);
  }
  return undefined;
}

/** `if (list.includes(flag)) { return true; }`: the condition, as it is, decides a `return true` and nothing else. */
function testedForTrue(condition: ts.Expression): boolean {
  let node: ts.Node = condition;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return ts.isIfStatement(parent) && parent.expression === node && parent.elseStatement === undefined && returnedValue(parent.thenStatement)?.kind === ts.SyntaxKind.TrueKeyword;
}

/**
 * The functions that loop over a list and, where a part of the item equals their parameter, give back `true` (when the
 * item's state is tested too) or that state: `if (flag[0] === flagName && flag[1] === true) return true`, `if (name ===
 * flagName) return active` over `[name, active]`, `if (item.key === key) return item.enabled`.
 */
function loopedReads(sourceFile: ts.SourceFile): SearchedRead[] {
  if (!FLAG_LIST_LOOP.test(sourceFile.text)) return [];
  const reads: SearchedRead[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer) && node.initializer.declarations.length === 1) {
      const owner = enclosingFunctionOf(node);
      const item = node.initializer.declarations[0].name;
      const read = owner === undefined ? undefined : loopRead(owner, item, node.statement);
      if (owner !== undefined && read !== undefined) {
        reads.push({ owner, ...read, list: node.expression.getText(sourceFile).replace(/\s+/g, '').replace(/\?\.?$/, '') });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return reads;
}

/** The parameter a loop's body compares a part of its item with, where it gives back the item's state. */
function loopRead(owner: FunctionNode, item: ts.BindingName, body: ts.Statement): Omit<SearchedRead, 'owner' | 'list'> | undefined {
  const statements = ts.isBlock(body) ? body.statements : [body];
  for (const statement of statements) {
    if (!ts.isIfStatement(statement) || statement.elseStatement !== undefined) continue;
    const given = returnedValue(statement.thenStatement);
    if (given === undefined) continue;
    const terms = conjunction(statement.expression);
    const states = terms.map((term) => itemState(item, term)).filter((state): state is string => state !== undefined);
    // `return true` says the flag is on only with its state tested; the state given back says so itself.
    const state = given.kind === ts.SyntaxKind.TrueKeyword ? states[0] : itemState(item, given);
    if (state === undefined) continue;
    for (const term of terms) {
      if (!ts.isBinaryExpression(term) || (term.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && term.operatorToken.kind !== ts.SyntaxKind.EqualsEqualsToken)) continue;
      for (const [part, key] of [[term.left, term.right], [term.right, term.left]]) {
        const compared = itemPart(item, unwrap(part));
        const parameter = compared !== undefined && ts.isIdentifier(unwrap(key)) ? parameterOf(owner, (unwrap(key) as ts.Identifier).text, false) : undefined;
        if (compared !== undefined && parameter !== undefined && parameter.keyPath === undefined && compared !== state) return { index: parameter.index, compared, state };
      }
    }
  }
  return undefined;
}

/** What a branch returns: `return x;` or `{ return x; }`. */
function returnedValue(statement: ts.Statement): ts.Expression | undefined {
  const only = ts.isBlock(statement) && statement.statements.length === 1 ? statement.statements[0] : statement;
  return ts.isReturnStatement(only) && only.expression !== undefined ? unwrap(only.expression) : undefined;
}

/** The terms of `a && b && c`. */
function conjunction(expression: ts.Expression): ts.Expression[] {
  const bare = unwrap(expression);
  if (ts.isBinaryExpression(bare) && bare.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return [...conjunction(bare.left), ...conjunction(bare.right)];
  return [bare];
}

/** The item's state as a term tests it (`flag[1] === true`, `flag[1]`, `item.enabled`, `active`): its part's name. */
function itemState(item: ts.BindingName, term: ts.Expression): string | undefined {
  const bare = unwrap(term);
  const tested = ts.isBinaryExpression(bare) && isFalseFallbackOrTrueTest(bare) ? unwrap(bare.left) : bare;
  const part = itemPart(item, tested);
  if (part === undefined) return undefined;
  // A pair's second element, or a property that says the item is on.
  return part === '[1]' || STATE_PROPERTIES.has(part.replace(/^\./, '')) ? part : undefined;
}

/** A part of the loop's item as the body reads it: `flag[0]` → `[0]`, `item.key` → `.key`, a destructured `[name, active]`'s `name` → `[0]`. */
function itemPart(item: ts.BindingName, expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(item)) {
    if (ts.isElementAccessExpression(expression) && ts.isIdentifier(unwrap(expression.expression)) && (unwrap(expression.expression) as ts.Identifier).text === item.text && ts.isNumericLiteral(expression.argumentExpression)) {
      return `[${expression.argumentExpression.text}]`;
    }
    if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(unwrap(expression.expression)) && (unwrap(expression.expression) as ts.Identifier).text === item.text) return `.${expression.name.text}`;
    return undefined;
  }
  if (!ts.isIdentifier(expression)) return undefined;
  if (ts.isArrayBindingPattern(item)) {
    const index = item.elements.findIndex((element) => ts.isBindingElement(element) && ts.isIdentifier(element.name) && element.name.text === expression.text);
    return index < 0 ? undefined : `[${index}]`;
  }
  for (const element of item.elements) {
    if (!ts.isIdentifier(element.name) || element.name.text !== expression.text) continue;
    const property = element.propertyName === undefined ? element.name.text : ts.isIdentifier(element.propertyName) ? element.propertyName.text : undefined;
    return property === undefined ? undefined : `.${property}`;
  }
  return undefined;
}

/** The `list.find(predicate)` an item comes from: the call itself, or the constant of the function that holds its result. */
function searchOf(owner: FunctionNode, item: ts.Expression): ts.CallExpression | undefined {
  const isSearch = (expression: ts.Expression): expression is ts.CallExpression => ts.isCallExpression(expression) && expression.arguments.length === 1
    && ts.isPropertyAccessExpression(expression.expression) && expression.expression.name.text === 'find';
  if (isSearch(item)) return item;
  if (!ts.isIdentifier(item) || owner.body === undefined || !ts.isBlock(owner.body)) return undefined;
  for (const statement of owner.body.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== item.text || declaration.initializer === undefined) continue;
      const initializer = unwrap(declaration.initializer);
      return isSearch(initializer) ? initializer : undefined;
    }
  }
  return undefined;
}

/** True when the function returns the read as it is, or as a boolean (`!!x`, `Boolean(x)`, `x ?? false`, `x || false`, `x === true`). */
function givenBack(owner: FunctionNode, read: ts.Expression): boolean {
  let node: ts.Node = read;
  for (;;) {
    const parent = node.parent;
    // A cast (`as boolean`) or a double negation gives the same answer.
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken && ts.isPrefixUnaryExpression(parent.parent) && parent.parent.operator === ts.SyntaxKind.ExclamationToken)) {
      node = ts.isPrefixUnaryExpression(parent) ? parent.parent : parent;
    } else if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Boolean' && parent.arguments.length === 1) {
      node = parent;
    } else if (ts.isBinaryExpression(parent) && parent.left === node && isFalseFallbackOrTrueTest(parent)) {
      node = parent;
    } else break;
  }
  return owner.body === node || (ts.isReturnStatement(node.parent) && enclosingFunctionOf(node.parent) === owner);
}

/** `x ?? false`, `x || false`, `x === true`: a value made a boolean on its left. */
export function isFalseFallbackOrTrueTest(expression: ts.BinaryExpression): boolean {
  const operator = expression.operatorToken.kind;
  if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return expression.right.kind === ts.SyntaxKind.FalseKeyword;
  return (operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken) && expression.right.kind === ts.SyntaxKind.TrueKeyword;
}
