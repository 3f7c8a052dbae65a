// Flag APIs known by what they read: a function whose every return gives the entry its own parameter keys in a record of
// booleans named for flags (`featureRunning(feature: string): boolean { return this.features[feature]; }` beside `features:
// { [key: string]: boolean } = {}`). Nothing in its name need say flag: the record's declared type says it holds a yes or
// no for any name, and its name says what those names are. It is the team's own flag API, filled at run time from
// wherever (an environment's `VITE_FEATURE_*` variables, a query string, a response), so no SDK is there to follow.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { functionName, ownReturns } from './functions';
import { namesFlags } from './checkedReturns';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredWrapper } from './types';
import { GENERIC_NAMES, isTestFile } from './wrappers';

// A declared record of a boolean for every text: `{ [key: string]: boolean }`, `Record<string, boolean>`.
const BOOLEAN_RECORD_TEXT = /\[\s*[\w$]+\s*:\s*string\s*\]\s*\??:\s*boolean\b|\bRecord<\s*string\s*,\s*boolean\s*>/;

/** The functions that read one entry of a record of flags by their first parameter, each a pattern of its name (see above). */
export function recordEntryReaders(root: string, trees: SourceTrees): DiscoveredWrapper[] {
  const found = new Map<string, DiscoveredWrapper>();
  for (const source of trees.sources) {
    if (!BOOLEAN_RECORD_TEXT.test(source.text)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const records = flagRecordsDeclared(sourceFile);
    if (records.size === 0) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const name = functionName(node);
        const record = name === undefined || GENERIC_NAMES.has(name) || found.has(name) ? undefined : recordReadByFirstParameter(node, records);
        if (name !== undefined && record !== undefined) {
          const parameter = (node.parameters[0].name as ts.Identifier).text;
          found.set(name, {
            pattern: { callee: name, keyArg: 0 },
            at: { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 },
            reason: `it gives back the entry \`${parameter}\` keys in \`${record}\`, a record of booleans named for flags`,
            evidence: 'named',
            level: 1,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...found.values()];
}

/** The names of the records of booleans for any text that the file declares under a name for flags: class properties and variables. */
function flagRecordsDeclared(sourceFile: ts.SourceFile): Set<string> {
  const records = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name) && node.type !== undefined
      && namesFlags(node.name.text) && isBooleanRecordType(node.type)) {
      records.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return records;
}

/** True for `{ [key: string]: boolean }` with nothing else in it, and `Record<string, boolean>`. */
function isBooleanRecordType(type: ts.TypeNode): boolean {
  if (ts.isTypeLiteralNode(type)) {
    const [only] = type.members;
    return type.members.length === 1 && ts.isIndexSignatureDeclaration(only) && only.parameters.length === 1
      && only.parameters[0].type?.kind === ts.SyntaxKind.StringKeyword && only.type.kind === ts.SyntaxKind.BooleanKeyword;
  }
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Record' && type.typeArguments?.length === 2
    && type.typeArguments[0].kind === ts.SyntaxKind.StringKeyword && type.typeArguments[1].kind === ts.SyntaxKind.BooleanKeyword;
}

/**
 * The record a function reads by its first parameter in every return (`this.features[feature]`, `flags?.[name] ?? false`,
 * `!!features[name]`), when that parameter is a text; undefined for any other function.
 */
function recordReadByFirstParameter(fn: ts.SignatureDeclaration, records: ReadonlySet<string>): string | undefined {
  const [first] = fn.parameters;
  if (first === undefined || !ts.isIdentifier(first.name) || (first.type !== undefined && first.type.kind !== ts.SyntaxKind.StringKeyword)) return undefined;
  const parameter = first.name.text;
  const returns = ownReturns(fn);
  if (returns.length === 0) return undefined;
  let record: string | undefined;
  for (const returned of returns) {
    const read = entryRead(returned);
    if (read === undefined || !ts.isIdentifier(read.argumentExpression) || read.argumentExpression.text !== parameter) return undefined;
    const holder = read.expression;
    const name = ts.isIdentifier(holder) ? holder.text : ts.isPropertyAccessExpression(holder) ? holder.name.text : undefined;
    if (name === undefined || !records.has(name) || (record !== undefined && record !== name)) return undefined;
    record = name;
  }
  return record;
}

/** The entry read a returned value is, as it is or made a boolean: `r[k]`, `!!r[k]`, `Boolean(r[k])`, `r[k] ?? false`, `r[k] === true`. */
function entryRead(value: ts.Expression): ts.ElementAccessExpression | undefined {
  let expression = value;
  for (;;) {
    if (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression) || ts.isAsExpression(expression)) expression = expression.expression;
    else if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken && ts.isPrefixUnaryExpression(expression.operand)
      && expression.operand.operator === ts.SyntaxKind.ExclamationToken) expression = expression.operand.operand;
    else if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'Boolean' && expression.arguments.length === 1) expression = expression.arguments[0];
    else if (ts.isBinaryExpression(expression) && (expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || expression.operatorToken.kind === ts.SyntaxKind.BarBarToken)
      && expression.right.kind === ts.SyntaxKind.FalseKeyword) expression = expression.left;
    else if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken && expression.right.kind === ts.SyntaxKind.TrueKeyword) expression = expression.left;
    else break;
  }
  return ts.isElementAccessExpression(expression) ? expression : undefined;
}
