// How tightly operators bind, and where a rewritten expression needs parentheses: the clean-up moves an
// expression's part into the place of the whole, and it must still parse as the same expression there.

import { ts } from 'ts-morph';
import { isAssignment, skipParens } from './syntax';

/** Named levels of the ECMAScript operator precedence table (MDN's numbering): a higher level binds tighter. */
export const Precedence = {
  Comma: 1,
  /** Also `?:`, `=>`, `yield` and spread. */
  Assignment: 2,
  LogicalOr: 3,
  /** `??` stands level with `||`; the language forbids mixing the two (or `&&`) without parentheses. */
  Coalesce: 3,
  LogicalAnd: 4,
  BitwiseOr: 5,
  BitwiseXor: 6,
  BitwiseAnd: 7,
  Equality: 8,
  Relational: 9,
  Shift: 10,
  Additive: 11,
  Multiplicative: 12,
  Exponentiation: 13,
  Prefix: 14,
  Postfix: 15,
  New: 16,
  Member: 17,
  Grouping: 18,
} as const;

/** One level of the precedence table. */
export type Precedence = (typeof Precedence)[keyof typeof Precedence];

/** Every binary operator but the assignments, which share one level; the type makes the table complete. */
const BINARY_PRECEDENCE: Record<Exclude<ts.BinaryOperator, ts.AssignmentOperator>, Precedence> = {
  [ts.SyntaxKind.CommaToken]: Precedence.Comma,
  [ts.SyntaxKind.QuestionQuestionToken]: Precedence.Coalesce,
  [ts.SyntaxKind.BarBarToken]: Precedence.LogicalOr,
  [ts.SyntaxKind.AmpersandAmpersandToken]: Precedence.LogicalAnd,
  [ts.SyntaxKind.BarToken]: Precedence.BitwiseOr,
  [ts.SyntaxKind.CaretToken]: Precedence.BitwiseXor,
  [ts.SyntaxKind.AmpersandToken]: Precedence.BitwiseAnd,
  [ts.SyntaxKind.EqualsEqualsToken]: Precedence.Equality,
  [ts.SyntaxKind.ExclamationEqualsToken]: Precedence.Equality,
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: Precedence.Equality,
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: Precedence.Equality,
  [ts.SyntaxKind.LessThanToken]: Precedence.Relational,
  [ts.SyntaxKind.GreaterThanToken]: Precedence.Relational,
  [ts.SyntaxKind.LessThanEqualsToken]: Precedence.Relational,
  [ts.SyntaxKind.GreaterThanEqualsToken]: Precedence.Relational,
  [ts.SyntaxKind.InstanceOfKeyword]: Precedence.Relational,
  [ts.SyntaxKind.InKeyword]: Precedence.Relational,
  [ts.SyntaxKind.LessThanLessThanToken]: Precedence.Shift,
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: Precedence.Shift,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: Precedence.Shift,
  [ts.SyntaxKind.PlusToken]: Precedence.Additive,
  [ts.SyntaxKind.MinusToken]: Precedence.Additive,
  [ts.SyntaxKind.AsteriskToken]: Precedence.Multiplicative,
  [ts.SyntaxKind.SlashToken]: Precedence.Multiplicative,
  [ts.SyntaxKind.PercentToken]: Precedence.Multiplicative,
  [ts.SyntaxKind.AsteriskAsteriskToken]: Precedence.Exponentiation,
};

/** How tightly a binary operator binds. */
export function binaryPrecedence(operator: ts.BinaryOperator): Precedence {
  return isAssignment(operator) ? Precedence.Assignment : BINARY_PRECEDENCE[operator];
}

/** How tightly an expression binds, as far as parenthesising needs: `Precedence.Member` or tighter, `Prefix`/`Postfix`, or looser. */
export type Tier = 'primary' | 'unary' | 'other';

/** The tier of an expression (not looking through parentheses: a parenthesised expression is primary). */
export function precedenceTier(node: ts.Expression): Tier {
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.SuperKeyword:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.ObjectLiteralExpression:
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.JsxElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
    case ts.SyntaxKind.JsxFragment:
    case ts.SyntaxKind.MetaProperty:
      return 'primary';
    case ts.SyntaxKind.PrefixUnaryExpression:
    case ts.SyntaxKind.PostfixUnaryExpression:
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.VoidExpression:
    case ts.SyntaxKind.DeleteExpression:
      return 'unary';
    default:
      return 'other';
  }
}

/** A place where any expression (but a comma list) stands without parentheses. */
export function isFreeContext(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isParenthesizedExpression(parent) || ts.isJsxExpression(parent) || ts.isTemplateSpan(parent) || ts.isSpreadElement(parent)) return true;
  if (ts.isExpressionStatement(parent) || ts.isReturnStatement(parent) || ts.isThrowStatement(parent)) return true;
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isSwitchStatement(parent) || ts.isCaseClause(parent)) {
    return parent.expression === node;
  }
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.initializer === node;
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression !== node;
  if (ts.isArrayLiteralExpression(parent)) return true;
  if (ts.isArrowFunction(parent)) return parent.body === node;
  if (ts.isConditionalExpression(parent)) return parent.condition !== node;
  if (ts.isExportAssignment(parent)) return true;
  return false;
}

/** True when `kept`, written where `replaced` stood, must be wrapped in parentheses to parse as itself. */
export function needsParentheses(kept: ts.Expression, replaced: ts.Expression): boolean {
  const inner = skipParens(kept);
  const parent = replaced.parent;
  // An object literal or function at the start of a statement or arrow body would read as a block or declaration.
  if ((ts.isObjectLiteralExpression(inner) || ts.isFunctionExpression(inner) || ts.isClassExpression(inner))
    && (ts.isExpressionStatement(parent) || (ts.isArrowFunction(parent) && parent.body === replaced))) {
    return kept === inner;
  }
  const tier = precedenceTier(kept);
  if (tier === 'primary' || isFreeContext(replaced)) return false;
  if (ts.isBinaryExpression(kept)) {
    const own = binaryPrecedence(kept.operatorToken.kind);
    // A condition of `?:` takes any binary but an assignment or a comma list.
    if (ts.isConditionalExpression(parent) && parent.condition === replaced) return own <= Precedence.Assignment;
    if (ts.isBinaryExpression(parent)) {
      const outer = binaryPrecedence(parent.operatorToken.kind);
      const mixesNullish = (kept.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) !== (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken);
      if (mixesNullish && own <= Precedence.LogicalAnd && outer <= Precedence.LogicalAnd) return true;
      // Assignment and `**` group from the right, so an operand of the same level on their left needs parentheses.
      const rightAssociative = outer === Precedence.Assignment || outer === Precedence.Exponentiation;
      return !(own > outer || (own === outer && parent.left === replaced && !rightAssociative));
    }
  }
  if (tier === 'unary') {
    return ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent) || ts.isCallExpression(parent)
      || ts.isNewExpression(parent) || ts.isTaggedTemplateExpression(parent) || ts.isNonNullExpression(parent)
      || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken);
  }
  return true;
}

/** The condition negated as a person writes it: `!x`, `!(a && b)`, and `!x` becomes `x`. */
export function negation(code: string, condition: ts.Expression): string {
  const expression = skipParens(condition);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken && code.startsWith('!')) return code.slice(1);
  return precedenceTier(condition) === 'primary' || precedenceTier(condition) === 'unary' ? `!${code}` : `!(${code})`;
}
