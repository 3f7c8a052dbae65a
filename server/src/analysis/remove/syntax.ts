// Questions about TypeScript syntax nodes the simplifier asks in several places: what a node is, what it
// declares, whether dropping it is safe. Kept apart so each part of the simplifier reads only its own logic.

import { ts } from 'ts-morph';

/** The expression inside any parentheses around it. */
export function skipParens(node: ts.Expression): ts.Expression {
  let expression = node;
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  return expression;
}

/** The nearest ancestor that is not a parenthesis around the node. */
export function skipParentheses(node: ts.Node): ts.Node {
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent)) parent = parent.parent;
  return parent;
}

/** Evaluating it has no side effect, so it may be dropped: names, literals, member reads. */
export function isPure(node: ts.Expression): boolean {
  const expression = skipParens(node);
  if (ts.isIdentifier(expression) || ts.isLiteralExpression(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return true;
  switch (expression.kind) {
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ThisKeyword:
      return true;
  }
  if (ts.isPropertyAccessExpression(expression)) return isPure(expression.expression);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) return isPure(expression.operand);
  return false;
}

/** Any assignment operator, plain or compound (`=`, `+=`, `??=`, ...). */
export function isAssignment(operator: ts.SyntaxKind): operator is ts.AssignmentOperator {
  return operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment;
}

/** An equality or relational operator whose result the clean-up can compute from known operands. */
export function isComparison(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken
    || operator === ts.SyntaxKind.EqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken
    || operator === ts.SyntaxKind.LessThanToken || operator === ts.SyntaxKind.GreaterThanToken
    || operator === ts.SyntaxKind.LessThanEqualsToken || operator === ts.SyntaxKind.GreaterThanEqualsToken;
}

/** A statement after which the rest of its list never runs. */
export function isExit(statement: ts.Statement): boolean {
  return ts.isReturnStatement(statement) || ts.isThrowStatement(statement) || ts.isBreakStatement(statement) || ts.isContinueStatement(statement);
}

/** A node that stands in a statement list, declarations included. */
export function isStatementNode(node: ts.Node): node is ts.Statement {
  return ts.isStatement(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isVariableStatement(node);
}

/** A declaration in a `const` list: its value cannot change after it is set. */
export function isConstDeclaration(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** True for a declaration (or the statement holding a variable) marked `export`; destructured elements never are. */
export function isExported(declaration: ts.Node): boolean {
  let node: ts.Node = declaration;
  if (ts.isVariableDeclaration(node)) node = node.parent.parent;
  if (ts.isBindingElement(node)) return false;
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

/** A use of a variable that can become its value: read, not written, exported or used as a type. */
export function isInlinableReference(reference: ts.Identifier): boolean {
  const parent = reference.parent;
  if (ts.isExportSpecifier(parent) || ts.isTypeQueryNode(parent) || ts.isExportAssignment(parent)) return false;
  if (ts.isBinaryExpression(parent) && parent.left === reference && isAssignment(parent.operatorToken.kind)) return false;
  if ((ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent))
    && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)) return false;
  if (ts.isDeleteExpression(parent)) return false;
  if (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) return false;
  return true;
}

/**
 * True when a reference is written to: assigned (plainly, compound, or inside a destructuring assignment
 * `[x] = ...`, `({ x } = ...)`), incremented, or the variable of a `for ... in/of` loop over an existing name.
 */
export function isWrittenReference(reference: ts.Identifier): boolean {
  let target: ts.Node = reference;
  for (;;) {
    const parent = target.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)
      || ts.isShorthandPropertyAssignment(parent) || ts.isObjectLiteralExpression(parent)
      || (ts.isPropertyAssignment(parent) && parent.initializer === target)) {
      target = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent)) return parent.left === target && isAssignment(parent.operatorToken.kind);
    if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
      return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
    }
    return (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === target;
  }
}

/** True for an element of an object pattern that also gathers the other properties (`...rest`). */
export function hasRestSibling(declaration: ts.VariableDeclaration | ts.BindingElement): boolean {
  return ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)
    && declaration.parent.elements.some((element) => element.dotDotDotToken !== undefined);
}

/** The expression a function returns when its body is nothing else. */
export function returnedExpression(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  if (body === undefined) return undefined;
  if (!ts.isBlock(body)) return body;
  if (body.statements.length !== 1) return undefined;
  const only = body.statements[0];
  return ts.isReturnStatement(only) ? only.expression : undefined;
}

/** Names a statement declares in its block: `let`, `const`, classes, functions, enums. */
export function blockScopedNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === 0) return [];
  return declaredNames(statement);
}

/** Every name a statement declares in its scope, `var` and imports included. */
export function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name !== undefined) {
    return [statement.name.text];
  }
  if (ts.isImportDeclaration(statement) && statement.importClause !== undefined) {
    const clause = statement.importClause;
    const names = clause.name !== undefined ? [clause.name.text] : [];
    if (clause.namedBindings !== undefined) {
      if (ts.isNamespaceImport(clause.namedBindings)) names.push(clause.namedBindings.name.text);
      else names.push(...clause.namedBindings.elements.map((element) => element.name.text));
    }
    return names;
  }
  return [];
}

/** The names a binding introduces, looking into nested patterns. */
function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}
