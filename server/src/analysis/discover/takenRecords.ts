// Records of feature flags in JavaScript, which declares no type: a function named for feature flags that gives back the
// record a property named for them holds (`getFeatureFlags() { const defaults = window.APP_CONFIG.featureFlags || {};
// return merge({}, defaults, overrides) }`). See flagRecords.ts for the records a type declares.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { unwrap } from '../scan/values';
import { saysFeatureFlags } from './flagRecords';
import { functionName, ownReturns, type FunctionNode } from './functions';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

// A function named for feature flags, declared in a text that also takes something named for them as a property.
const TAKES_FLAGS_TEXT = /(?:function\s+|\b(?:const|let)\s+)[\w$]*(?:[fF]eature|[bB]eta)_?(?:[fF]lags|[tT]oggles)\b[\s\S]*\.\s*(?:feature|beta)_?(?:flags|toggles)\b/i;
// Functions that make one object of the objects they are given (lodash's `merge`, `Object.assign`, `deepmerge`).
const MERGERS = new Set(['merge', 'mergeWith', 'assign', 'defaults', 'defaultsDeep', 'deepmerge', 'mergeDeep']);
// How far a record is followed back through the function's constants.
const MAX_TAKEN_DEPTH = 4;

/**
 * Functions named for feature flags, with no declared type, whose every return gives a record taken from a property named
 * for them (`getFeatureFlags() { const defaults = window.APP_CONFIG.featureFlags || {}; return merge({}, defaults,
 * overrides) }`), through `||`, `??`, a merge, a spread or the function's own constants: what each gives is a record of
 * feature flags with no list of keys, as one declared so is. The two names are the evidence, as a name and a type are
 * for a declared record; JavaScript declares no type.
 */
export function takenRecordBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!TAKES_FLAGS_TEXT.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      const name = ts.isFunctionLike(node) && node.type === undefined ? functionName(node as FunctionNode) : undefined;
      if (name !== undefined && saysFeatureFlags(name)) {
        const returns = ownReturns(node as ts.SignatureDeclaration);
        const taken = returns.map((returned) => (isEmptyObject(returned) ? '' : recordTakenFrom(returned, node as FunctionNode, 0)));
        const from = taken.find((property) => property !== undefined && property !== '');
        if (from !== undefined && taken.every((property) => property !== undefined)) {
          bags.push({ spec: `${name}()`, at: { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 }, takenFrom: from });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return bags;
}

/** The property named for feature flags (`appConfig.featureFlags`) a record given back is taken from, or undefined. */
function recordTakenFrom(expression: ts.Expression, owner: FunctionNode, depth: number): string | undefined {
  const node = unwrap(expression);
  if (ts.isAwaitExpression(node)) return recordTakenFrom(node.expression, owner, depth);
  if (ts.isPropertyAccessExpression(node)) return saysFeatureFlags(node.name.text) ? node.getText() : undefined;
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return isEmptyObject(node.right) ? recordTakenFrom(node.left, owner, depth) : undefined;
  }
  // `merge({}, defaults, overrides)`, `{ ...defaults, ...overrides }`: one of the parts is taken from such a property.
  const parts = ts.isCallExpression(node) && MERGERS.has(calledName(node.expression)) ? node.arguments
    : ts.isObjectLiteralExpression(node) && node.properties.every(ts.isSpreadAssignment) ? node.properties.map((spread) => (spread as ts.SpreadAssignment).expression) : undefined;
  if (parts !== undefined) {
    for (const part of parts) {
      const from = recordTakenFrom(part, owner, depth);
      if (from !== undefined) return from;
    }
    return undefined;
  }
  if (!ts.isIdentifier(node) || depth >= MAX_TAKEN_DEPTH || owner.body === undefined || !ts.isBlock(owner.body)) return undefined;
  for (const statement of owner.body.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === node.text && declaration.initializer !== undefined) return recordTakenFrom(declaration.initializer, owner, depth + 1);
    }
  }
  return undefined;
}

function calledName(callee: ts.Expression): string {
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
}

function isEmptyObject(expression: ts.Expression): boolean {
  const node = unwrap(expression);
  return ts.isObjectLiteralExpression(node) && node.properties.length === 0;
}
