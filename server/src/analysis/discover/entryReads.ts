// Reads of a record's entry by a function's parameter, as the rules of stateComparisons.ts look at them: the entry given
// back as a boolean (`!!flags[key]`, `features[id]?.enabled ?? false`), given back as it is, or held in a constant first
// (`const feature = config.features[name]`), and the parts of an entry that are its state.

import { ts } from 'ts-morph';
import { ownConstant } from '../scan/values';
import { enclosingFunctionOf, ownReturns, type FunctionNode } from './functions';
import { isFalseFallbackOrTrueTest } from './listSearches';

// The property of a record's entry that holds whether it is on (`features[id].enabled`), and the one compared with a
// state (`features[name].state === 'enabled'`).
export const ENTRY_SWITCHES = new Set(['enabled', 'isEnabled', 'active', 'isActive']);
export const ENTRY_STATES = new Set(['state', 'status']);

/** `record[key]` given back as it is, or with nothing in its place (`record[key] ?? null`). */
export function valueReads(sourceFile: ts.SourceFile): BooleanRead[] {
  const reads: BooleanRead[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isElementAccessExpression(node)) {
      let expression: ts.Node = node;
      while (ts.isParenthesizedExpression(expression.parent) || ts.isNonNullExpression(expression.parent) || ts.isAsExpression(expression.parent)) expression = expression.parent;
      const parent = expression.parent;
      const nothing = (side: ts.Expression): boolean => side.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(side) && side.text === 'undefined');
      if (ts.isBinaryExpression(parent) && parent.left === expression && parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken && nothing(parent.right)) reads.push({ lookup: node, expression: parent });
      else reads.push({ lookup: node, expression: expression as ts.Expression });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return reads;
}

/** An entry of a record read as a boolean, and the expression that makes it one. */
export interface BooleanRead {
  readonly lookup: ts.ElementAccessExpression;
  readonly expression: ts.Expression;
}

/**
 * `!!record[key]`, `Boolean(record[key])`, `record[key] ?? false`, `record[key] || false`, `record[key] === true`; and
 * `record[key]` given back as it is, or through a constant it was stored in, by a function declared to give a boolean.
 */
export function booleanReads(sourceFile: ts.SourceFile): BooleanRead[] {
  const reads: BooleanRead[] = [];
  // The entry, or its own switch (`features?.[id]?.enabled ?? false`).
  const entry = (expression: ts.Expression): ts.ElementAccessExpression | undefined => {
    const read = unwrapped(expression);
    const inner = ts.isPropertyAccessExpression(read) && ENTRY_SWITCHES.has(read.name.text) ? unwrapped(read.expression) : read;
    return ts.isElementAccessExpression(inner) ? inner : undefined;
  };
  const visit = (node: ts.Node): void => {
    let lookup: ts.ElementAccessExpression | undefined;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      const inner = unwrapped(node.operand);
      if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) lookup = entry(inner.operand);
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Boolean' && node.arguments.length === 1) {
      lookup = entry(node.arguments[0]);
    } else if (ts.isBinaryExpression(node) && isFalseFallbackOrTrueTest(node)) {
      lookup = entry(node.left) ?? heldEntry(node.left);
    }
    if (lookup !== undefined) reads.push({ lookup, expression: node as ts.Expression });
    else if (ts.isElementAccessExpression(node)) {
      const given = givenBackAsBoolean(node);
      if (given !== undefined) reads.push({ lookup: node, expression: given });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return reads;
}

/** The entry a `const` of the function around holds, read by its name: `flag` in `const flag = flags[key]; return flag ?? false`. */
export function heldEntry(expression: ts.Expression): ts.ElementAccessExpression | undefined {
  const name = unwrapped(expression);
  const owner = ts.isIdentifier(name) ? enclosingFunctionOf(name) : undefined;
  const held = owner === undefined ? undefined : ownConstant(owner, (name as ts.Identifier).text);
  const value = held === undefined ? undefined : unwrapped(held);
  return value !== undefined && ts.isElementAccessExpression(value) ? value : undefined;
}

/**
 * What a function declared to give a boolean returns of an entry it reads: the entry itself, or the name of the constant
 * that holds it (`const value = flags[name]; … return value;`); undefined when it gives back something else.
 */
export function givenBackAsBoolean(lookup: ts.ElementAccessExpression): ts.Expression | undefined {
  const owner = enclosingFunctionOf(lookup);
  if (owner?.type?.kind !== ts.SyntaxKind.BooleanKeyword) return undefined;
  let node: ts.Node = lookup;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const holder = node.parent;
  if (!ts.isVariableDeclaration(holder) || holder.initializer !== node || !ts.isIdentifier(holder.name)) return lookup;
  if ((ts.getCombinedNodeFlags(holder) & ts.NodeFlags.Const) === 0) return undefined;
  const name = holder.name.text;
  return ownReturns(owner).find((returned) => ts.isIdentifier(returned) && returned.text === name);
}

// The parts of an entry that are its flag's state or value; any other (`settings`, `exceptions`) describes the flag.
const STATE_PARTS = new Set([...ENTRY_SWITCHES, ...ENTRY_STATES, 'value', 'variant', 'treatment', 'variation']);

/**
 * True when a function gives back another part of the entry than its state (`getFeatureSettings(name) { const feature =
 * config.features[name]; return feature.settings; }`): what it reads of a flag is how the flag is set up, not whether it is on.
 */
export function givesPartOfEntry(owner: FunctionNode, lookup: ts.ElementAccessExpression): boolean {
  return ownReturns(owner).some((returned) => {
    const read = unwrapped(returned);
    if (!ts.isPropertyAccessExpression(read) || STATE_PARTS.has(read.name.text)) return false;
    const entry = unwrapped(read.expression);
    return entry === lookup || (ts.isIdentifier(entry) && heldEntry(entry) === lookup);
  });
}

/** The entry's own switch read there (`enabled` of `features[id]?.enabled`), else undefined. */
export function entrySwitch(lookup: ts.ElementAccessExpression): string | undefined {
  let node: ts.Node = lookup;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return ts.isPropertyAccessExpression(parent) && parent.expression === node && ENTRY_SWITCHES.has(parent.name.text) ? parent.name.text : undefined;
}

/** The expression inside parentheses, `await`, `!` and `as`. */
export function unwrapped(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAwaitExpression(inner) || ts.isNonNullExpression(inner) || ts.isAsExpression(inner)) inner = inner.expression;
  return inner;
}
