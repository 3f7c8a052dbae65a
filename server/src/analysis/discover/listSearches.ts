// A list of flags searched for one by a function's parameter, and that item's state given back: `isFeatureFlagEnabled(envVar)
// { const flag = featureFlags.find((item) => item.envVar === envVar); return flag?.enabled ?? false; }`. The function
// evaluates the flag its parameter names, as one giving back a record's entry does (see stateComparisons.ts).

import { ts } from 'ts-morph';
import { predicateComparisons } from '../scan/predicates';
import { unwrap } from '../scan/values';
import { enclosingFunctionOf, parameterOf, type FunctionNode } from './wrappers';

// The property of a flag's item that says whether it is on.
const STATE_PROPERTIES = new Set(['enabled', 'isEnabled', 'active', 'isActive']);

/** A text test before a parse: a list is searched, and an item's state is read. */
export function maySearchList(text: string): boolean {
  return /\.find\s*\(/.test(text) && /\.(?:enabled|isEnabled|active|isActive)\b/.test(text);
}

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
}

/** Every function of a file that gives back, as it is or as a boolean, the state of the item of a list its parameter finds. */
export function searchedReads(sourceFile: ts.SourceFile): SearchedRead[] {
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
  return reads;
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
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent) || (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken && ts.isPrefixUnaryExpression(parent.parent) && parent.parent.operator === ts.SyntaxKind.ExclamationToken)) {
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
