// Feature decisions: a function named for features or flags that is given the features that are on and gives back an
// object of decisions, each asking whether that list holds one feature (`createFeatureDecisions(features) { return {
// useUrlSlug() { return features.includes('UrlSlug'); }, … } }`). A decision is called where the feature is gated,
// `createFeatureDecisions(page.data.features).useUrlSlug()`: each such call is a check of the feature it asks for. The
// decision's body asks a list, not a flag service, so it is no check itself; its callers are.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { givenExpression } from './contexts';
import { functionName, type FunctionNode } from './functions';
import { nameWords } from './registries';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';
import { unwrap } from '../scan/values';

// A text test: the file may ask a list for a feature written as a text.
const ASKS_LIST_TEXT = /\.\s*(?:includes|has|isEnabled)\s*\(\s*['"`]/;
// Words of the function's name that say what its decisions are about.
const FEATURE_WORDS = new Set(['feature', 'features', 'flag', 'flags', 'toggle', 'toggles']);
// How a decision asks the list it is given for its feature: `features.includes('X')`, `features.has('X')`, `features.isEnabled('X')`.
const ASKS = new Set(['includes', 'has', 'isEnabled']);

/** The bag function of each object of feature decisions (see the top of this file), with the feature each decision asks for. */
export function featureDecisionBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!ASKS_LIST_TEXT.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
        const name = functionName(node as FunctionNode);
        const decisions = name !== undefined && nameWords(name).some((word) => FEATURE_WORDS.has(word)) ? decisionsOf(node) : undefined;
        if (name !== undefined && decisions !== undefined && !bags.some((bag) => bag.spec === `${name}()`)) {
          const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
          bags.push({ spec: `${name}()`, at: { file, line }, keys: Object.keys(decisions), keyNames: decisions, accessors: true });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return bags;
}

/**
 * Decision to feature, when every member of the object the function gives back is a decision of no parameters asking its
 * first parameter for one feature written as a text, and there are two at least; undefined otherwise.
 */
function decisionsOf(fn: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression): Record<string, string> | undefined {
  const [list] = fn.parameters;
  if (list === undefined || !ts.isIdentifier(list.name)) return undefined;
  const given = givenObject(fn);
  if (given === undefined || given.properties.length < 2) return undefined;
  const decisions: Record<string, string> = {};
  for (const member of given.properties) {
    const decision = ts.isMethodDeclaration(member) ? member
      : ts.isPropertyAssignment(member) && (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer)) ? member.initializer : undefined;
    const feature = decision === undefined || decision.parameters.length > 0 ? undefined : askedFeature(decision, list.name.text);
    if (feature === undefined || !ts.isIdentifier(member.name as ts.Node)) return undefined;
    decisions[(member.name as ts.Identifier).text] = feature;
  }
  return decisions;
}

/** The object literal a function gives back: an arrow's `({ … })`, or the one statement of a block, `return { … }`. */
function givenObject(fn: ts.SignatureDeclaration): ts.ObjectLiteralExpression | undefined {
  const returned = givenExpression(fn);
  const given = returned === undefined ? undefined : unwrap(returned);
  return given !== undefined && ts.isObjectLiteralExpression(given) ? given : undefined;
}

/** The feature a decision asks the list for: `list.includes('X')`, given back or as the arrow's expression. */
function askedFeature(decision: ts.SignatureDeclaration, list: string): string | undefined {
  const asked = givenExpression(decision);
  if (asked === undefined || !ts.isCallExpression(asked) || asked.arguments.length !== 1 || !ts.isPropertyAccessExpression(asked.expression)) return undefined;
  const [feature] = asked.arguments;
  const receiver = asked.expression.expression;
  return ASKS.has(asked.expression.name.text) && ts.isIdentifier(receiver) && receiver.text === list && ts.isStringLiteralLike(feature) ? feature.text : undefined;
}
