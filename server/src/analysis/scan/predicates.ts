// Predicates a flag API takes instead of a key: `getFlag((flag) => flag.name === KEY)`, the key being what the predicate
// compares its item's property with. The scan reads keys so (see `keyCompared` in checks.ts), and discovery anchors such
// calls to a registry by the members they compare (anchors.ts).

import { ts } from 'ts-morph';
import { unwrap } from './values';

const { SyntaxKind, isArrowFunction, isBinaryExpression, isBlock, isExpression, isFunctionExpression, isIdentifier, isObjectBindingPattern, isPropertyAccessExpression, isReturnStatement, isStringLiteral } = ts;

/**
 * What a predicate compares its item's `property` with: `KEY` in `(flag) => flag.name === KEY`, also beside other
 * conditions joined by `&&` (`flag.name === KEY && flag.active`), in an arrow's body or its one `return`.
 */
export function keyInPredicate(argument: ts.Expression, property: string): ts.Expression | undefined {
  return predicateComparisons(argument).find((comparison) => comparison.property === property)?.key;
}

/** Each property of its item a predicate compares (`flag.name === KEY`), with what it compares it with, in source order. */
export function predicateComparisons(argument: ts.Expression): Array<{ property: string; key: ts.Expression }> {
  const predicate = unwrap(argument);
  if (!isArrowFunction(predicate) && !isFunctionExpression(predicate)) return [];
  const item = predicate.parameters[0]?.name;
  if (item === undefined) return [];
  // An item taken apart in the parameter (`({ key }) => key === KEY`) names its properties by the names it binds.
  const bound = isObjectBindingPattern(item) ? boundProperties(item) : undefined;
  if (bound === undefined && !isIdentifier(item)) return [];
  let body: ts.Node | undefined = predicate.body;
  if (isBlock(body)) body = body.statements.length === 1 && isReturnStatement(body.statements[0]) ? body.statements[0].expression : undefined;
  const conditions: ts.Expression[] = [];
  const collect = (expression: ts.Expression): void => {
    const inner = unwrap(expression);
    if (isBinaryExpression(inner) && inner.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) {
      collect(inner.left);
      collect(inner.right);
    } else conditions.push(inner);
  };
  if (body !== undefined && isExpression(body)) collect(body);
  const itemProperty = (side: ts.Expression): string | undefined => {
    const read = unwrap(side);
    if (bound !== undefined) return isIdentifier(read) ? bound.get(read.text) : undefined;
    return isIdentifier(item) && isPropertyAccessExpression(read) && isIdentifier(read.expression) && read.expression.text === item.text ? read.name.text : undefined;
  };
  const comparisons: Array<{ property: string; key: ts.Expression }> = [];
  for (const condition of conditions) {
    if (!isBinaryExpression(condition)) continue;
    const operator = condition.operatorToken.kind;
    if (operator !== SyntaxKind.EqualsEqualsEqualsToken && operator !== SyntaxKind.EqualsEqualsToken) continue;
    for (const [side, key] of [[condition.left, condition.right], [condition.right, condition.left]] as const) {
      const property = itemProperty(side);
      if (property !== undefined) comparisons.push({ property, key });
    }
  }
  return comparisons;
}

/** The names an object pattern binds, each to the property it takes: `key` → `key`, `name: flagName` → `name` for `flagName`. */
function boundProperties(pattern: ts.ObjectBindingPattern): Map<string, string> {
  const bound = new Map<string, string>();
  for (const element of pattern.elements) {
    if (element.dotDotDotToken !== undefined || !isIdentifier(element.name)) continue;
    const property = element.propertyName === undefined ? element.name.text : isIdentifier(element.propertyName) || isStringLiteral(element.propertyName) ? element.propertyName.text : undefined;
    if (property !== undefined) bound.set(element.name.text, property);
  }
  return bound;
}
