// Selectors of one flag: a store's memoized selector that reads one flag from a selector named for flags
// (`export const getEnableRedesign = createSelector(getFeatureFlagData, (flags) => flags.OT_PD_ENABLE_REDESIGN ?? false)`).
// The code gates on it by handing it to the store (`useSelector(getEnableRedesign)`) or to another selector, so each read
// of its name, where it is declared or imported, is a check of that flag. The clean-up leaves such a check: the value is
// what the selector gives where the store runs, and the name is no place to write it.

import { ts } from 'ts-morph';
import { unwrap } from './values';

const {
  SyntaxKind, isArrayLiteralExpression, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isElementAccessExpression,
  isFunctionExpression, isIdentifier, isPrefixUnaryExpression, isPropertyAccessExpression, isReturnStatement, isStringLiteralLike,
} = ts;

// The functions that make a memoized selector: reselect's and Redux Toolkit's.
const SELECTOR_MAKERS = new Set(['createSelector', 'createDraftSafeSelector']);
// An input selector whose name says it gives the flags: `getFeatureFlagData`, `selectFeatureFlags`, `selectToggles`.
const FLAGS_SELECTOR = /(?:flag|toggle)s?(?:data|state|map|values)?$/i;

/** The flag a constant's initializer selects, and the input selector it reads it from; undefined for anything else. */
export function flagSelectorOf(initializer: ts.Expression): { key: string; from: string } | undefined {
  const call = unwrap(initializer);
  if (!isCallExpression(call) || !isIdentifier(call.expression) || !SELECTOR_MAKERS.has(call.expression.text) || call.arguments.length < 2) return undefined;
  const result = call.arguments[call.arguments.length - 1];
  // One input selector, written alone or as the one item of a list.
  const inputs = call.arguments.length === 2 && isArrayLiteralExpression(call.arguments[0]) ? call.arguments[0].elements : call.arguments.slice(0, -1);
  if (inputs.length !== 1 || !(isArrowFunction(result) || isFunctionExpression(result)) || result.parameters.length !== 1) return undefined;
  const input = unwrap(inputs[0]);
  const from = isIdentifier(input) ? input.text : isPropertyAccessExpression(input) ? input.name.text : undefined;
  const [parameter] = result.parameters;
  if (from === undefined || !FLAGS_SELECTOR.test(from) || !isIdentifier(parameter.name)) return undefined;
  const body = isBlock(result.body) ? onlyReturned(result.body) : result.body;
  const key = body === undefined ? undefined : readFlag(body, parameter.name.text);
  return key === undefined ? undefined : { key, from };
}

/** What a block gives back when it is one return statement. */
function onlyReturned(block: ts.Block): ts.Expression | undefined {
  const [statement] = block.statements;
  return block.statements.length === 1 && isReturnStatement(statement) ? statement.expression : undefined;
}

/** The property of `flags` an expression reads as a boolean: `flags.X`, `flags?.['X']`, `flags.X ?? false`, `!!flags.X`, `flags.X === true`. */
function readFlag(node: ts.Expression, flags: string): string | undefined {
  const expression = unwrap(node);
  if (isBinaryExpression(expression)) {
    const operator = expression.operatorToken.kind;
    const literal = unwrap(expression.right).kind;
    const booleanFallback = (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken) && (literal === SyntaxKind.FalseKeyword || literal === SyntaxKind.TrueKeyword);
    const comparedWithTrue = operator === SyntaxKind.EqualsEqualsEqualsToken && literal === SyntaxKind.TrueKeyword;
    return booleanFallback || comparedWithTrue ? readFlag(expression.left, flags) : undefined;
  }
  if (isPrefixUnaryExpression(expression) && expression.operator === SyntaxKind.ExclamationToken) {
    const inner = unwrap(expression.operand);
    return isPrefixUnaryExpression(inner) && inner.operator === SyntaxKind.ExclamationToken ? readFlag(inner.operand, flags) : undefined;
  }
  const receiver = isPropertyAccessExpression(expression) || isElementAccessExpression(expression) ? unwrap(expression.expression) : undefined;
  if (receiver === undefined || !isIdentifier(receiver) || receiver.text !== flags) return undefined;
  if (isPropertyAccessExpression(expression)) return expression.name.text;
  const argument = (expression as ts.ElementAccessExpression).argumentExpression;
  return isStringLiteralLike(argument) ? argument.text : undefined;
}
