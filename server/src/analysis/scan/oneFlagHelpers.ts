// Helpers of one flag: a module's function, or a class's method, that gives back one check of a fixed flag
// (`const hasFlagBlockApiV4 = () => useFlag(BLOCK_V4).value`, `getAdminPortalTreatment() { return
// this.client.getTreatment('admin_portal') }`). Code gates on the flag by calling the helper, so each call is a check
// of that flag; the check inside is where the flag is read, and the clean-up ends there (the calls are left, since only
// the helper says what it gives). The declarations found here join the flag functions' (flagFunctions.ts), which find
// the calls in this file and follow imported ones to them; a method is named `Class.method`, and its calls are found
// through what their receiver is typed or made by (`this.userService.getX()` after `private userService: UserService`).

import { ts } from 'ts-morph';
import type { FlagCheck } from '../types';
import { ownConstant, ownReturns, unwrap } from './values';

const {
  SyntaxKind, forEachChild, isArrowFunction, isBinaryExpression, isBlock, isCallExpression, isClassDeclaration,
  isFunctionDeclaration, isFunctionExpression, isIdentifier, isMethodDeclaration, isOmittedExpression, isParameter, isPrefixUnaryExpression,
  isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isVariableDeclaration, isVariableStatement, isAwaitExpression,
} = ts;

/** A helper of one flag this file declares: `name` is how calls name it (`Class.method` for a method), `checkIndex` its check. */
export interface OneFlagHelper {
  readonly name: string;
  readonly checkIndex: number;
  /** Where the helper's name is declared, for the bindings. */
  readonly position: number;
  /** For a method: the class's span, inside which `this.method()` calls it. */
  readonly classSpan?: { readonly start: number; readonly end: number };
}

/**
 * True when the text has a check right after a `return`, an arrow, an `=` (a `const` the function gives back), or `||` or
 * `&&` (a condition joined to it): a file with none declares no helper, and is not walked for one.
 */
export function mayGiveCheck(text: string, checks: readonly FlagCheck[]): boolean {
  return checks.some((check) => followsArrowOrReturn(text, check.callSpan.start)
    || /(?:[^=!<>]=|\|\||&&)\s*(?:await\s+)?$/.test(text.slice(Math.max(0, check.callSpan.start - 24), check.callSpan.start)));
}

/**
 * The helpers of one flag a module declares at its top level: functions, `const`s of arrows or function expressions,
 * and the methods (and arrow properties) of its classes, each giving back one of `checks` (see `givenCheck`); and the
 * `const`s of arrows or function expressions of a function's body, called there. `eligible` tells which checks a helper may give.
 */
export function oneFlagHelpers(sourceFile: ts.SourceFile, checks: readonly FlagCheck[], eligible: (index: number) => boolean): OneFlagHelper[] {
  const byStart = new Map<number, number>();
  checks.forEach((check, index) => {
    if (eligible(index)) byStart.set(check.callSpan.start, index);
  });
  if (byStart.size === 0) return [];
  const checkAt = (expression: ts.Expression): number | undefined => {
    const index = byStart.get(expression.getStart(sourceFile));
    return index !== undefined && checks[index].callSpan.end === expression.end ? index : undefined;
  };
  const starts = [...byStart.keys()];
  const helpers: OneFlagHelper[] = [];
  const holdsCheck = (node: ts.Node): boolean => starts.some((start) => node.pos <= start && start < node.end);
  const consider = (name: string, fn: ts.SignatureDeclaration, position: number, classSpan?: OneFlagHelper['classSpan'], nested = false): void => {
    // Only a function that holds a check is read further.
    if (!holdsCheck(fn)) return;
    const checkIndex = givenCheck(fn, checkAt, checks, sourceFile, !nested);
    if (checkIndex !== undefined) helpers.push({ name, checkIndex, position, ...(classSpan === undefined ? {} : { classSpan }) });
  };
  const considerConstants = (statement: ts.VariableStatement, nested: boolean): void => {
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
      if (isIdentifier(declaration.name) && value !== undefined && (isArrowFunction(value) || isFunctionExpression(value))) consider(declaration.name.text, value, declaration.name.end, undefined, nested);
    }
  };
  // A function's own helper, a constant of its body (`const useV2 = () => featureFlags.flags.v2` in a store's setup),
  // is called in that body: found by its binding there. Only bodies that hold a check are looked into.
  const considerNested = (node: ts.Node): void => {
    if (!holdsCheck(node)) return;
    if (isBlock(node)) for (const statement of node.statements) if (isVariableStatement(statement)) considerConstants(statement, true);
    forEachChild(node, considerNested);
  };
  for (const statement of sourceFile.statements) {
    considerNested(statement);
    if (isFunctionDeclaration(statement) && statement.name !== undefined && statement.body !== undefined) {
      consider(statement.name.text, statement, statement.name.end);
    } else if (isVariableStatement(statement)) {
      considerConstants(statement, false);
    } else if (isClassDeclaration(statement) && statement.name !== undefined) {
      const className = statement.name.text;
      const classSpan = { start: statement.getStart(sourceFile), end: statement.end };
      for (const member of statement.members) {
        if (member.name === undefined || !isIdentifier(member.name)) continue;
        const method = isMethodDeclaration(member) && member.body !== undefined ? member
          : isPropertyDeclaration(member) && member.initializer !== undefined && isArrowFunction(unwrap(member.initializer)) ? unwrap(member.initializer) as ts.ArrowFunction
            : undefined;
        if (method !== undefined) consider(`${className}.${member.name.text}`, method, member.name.end, classSpan);
      }
    }
  }
  return helpers;
}

/**
 * The check a function gives back, or undefined. Every return gives that one check (also negated, awaited, compared
 * with a constant, with a constant fallback, read at `.value`, joined with a condition that asks nothing of the call, or
 * through a `const` holding it), or a constant (a guard's `return false`); at least one gives the check, and the function
 * holds no other check. A function of the state alone is a store's selector, read as such (storedChecks.ts); a component
 * (its name in PascalCase, or a check written as an element) renders, and its elements are no calls. Without `joins`, no
 * condition may join the check: in a function's body, what the condition reads of that body is the caller's (`isAdmin &&
 * …` of a component's props).
 */
function givenCheck(fn: ts.SignatureDeclaration, checkAt: (expression: ts.Expression) => number | undefined, checks: readonly FlagCheck[], sourceFile: ts.SourceFile, joins: boolean): number | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body === undefined) return undefined;
  if (fn.parameters.length === 1 && isIdentifier(fn.parameters[0].name) && fn.parameters[0].name.text === 'state') return undefined;
  let given: number | undefined;
  let names: Set<string> | undefined;
  const declared = (): ReadonlySet<string> => (names ??= declaredNames(fn));
  for (const returned of ownReturns(fn)) {
    const value = standsFor(returned);
    if (isConstant(value)) continue;
    let index = joins ? checkIn(value, checkAt, declared) : checkAt(value);
    if (index === undefined && isIdentifier(value) && isBlock(body)) {
      const held = ownConstant(fn, value.text);
      index = held === undefined ? undefined : checkAt(standsFor(held));
    }
    if (index === undefined || (given !== undefined && given !== index)) return undefined;
    given = index;
  }
  if (given === undefined || sourceFile.text[checks[given].callSpan.start] === '<') return undefined;
  const start = body.getStart(sourceFile);
  const others = checks.some((check, index) => index !== given && check.callSpan.start >= start && check.callSpan.end <= body.end);
  return others ? undefined : given;
}

/**
 * The check an expression gives, also where a condition joins it that asks no flag and nothing of the call
 * (`isLocalDevelopment() || isOrganizationFeatureEnabled(id, FLAG)`): such a helper still answers, in a given
 * environment, as the flag does. A condition that reads a parameter, a local or `this` (`isKubeKind(app) || isOn('x')`,
 * `isOn('x') && story.mode === QA`) makes the function a predicate of what it is given, in which the flag is a part,
 * and its calls no checks. That no other check joins it is the caller's test.
 */
function checkIn(value: ts.Expression, checkAt: (expression: ts.Expression) => number | undefined, declared: () => ReadonlySet<string>): number | undefined {
  const index = checkAt(value);
  if (index !== undefined || !isBinaryExpression(value)) return index;
  const operator = value.operatorToken.kind;
  if (operator !== SyntaxKind.AmpersandAmpersandToken && operator !== SyntaxKind.BarBarToken) return undefined;
  const left = checkIn(standsFor(value.left), checkAt, declared);
  if (left !== undefined) return asksNothingOfTheCall(value.right, declared()) ? left : undefined;
  const right = checkIn(standsFor(value.right), checkAt, declared);
  return right !== undefined && asksNothingOfTheCall(value.left, declared()) ? right : undefined;
}

/** True when an expression reads no parameter or local of the function (`declared`) and not `this`. */
function asksNothingOfTheCall(expression: ts.Expression, declared: ReadonlySet<string>): boolean {
  let reads = false;
  const visit = (node: ts.Node): void => {
    if (reads) return;
    if (node.kind === SyntaxKind.ThisKeyword || (isIdentifier(node) && declared.has(node.text))) reads = true;
    else if (isPropertyAccessExpression(node)) visit(node.expression);
    else if (isPropertyAssignment(node)) visit(node.initializer);
    else forEachChild(node, visit);
  };
  visit(expression);
  return !reads;
}

/** The names a function declares: its parameters, destructured too, and whatever its body declares. */
function declaredNames(fn: ts.SignatureDeclaration): Set<string> {
  const names = new Set<string>();
  const bind = (name: ts.BindingName): void => {
    if (isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!isOmittedExpression(element)) bind(element.name);
  };
  for (const parameter of fn.parameters) bind(parameter.name);
  const visit = (node: ts.Node): void => {
    if (isVariableDeclaration(node) || isParameter(node)) bind(node.name);
    else if ((isFunctionDeclaration(node) || isClassDeclaration(node)) && node.name !== undefined) names.add(node.name.text);
    forEachChild(node, visit);
  };
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body !== undefined) visit(body);
  return names;
}

/** What a returned expression is the value of: past parentheses, casts, `await`, `!`, `Boolean(…)`, a comparison with a constant, a constant fallback and `.value`. */
function standsFor(expression: ts.Expression): ts.Expression {
  let value = unwrap(expression);
  for (;;) {
    if (isAwaitExpression(value)) value = unwrap(value.expression);
    else if (isPrefixUnaryExpression(value) && value.operator === SyntaxKind.ExclamationToken) value = unwrap(value.operand);
    else if (isCallExpression(value) && isIdentifier(value.expression) && value.expression.text === 'Boolean' && value.arguments.length === 1) value = unwrap(value.arguments[0]);
    else if (isBinaryExpression(value) && COMPARED_WITH_CONSTANT.has(value.operatorToken.kind) && isConstant(unwrap(value.right))) value = unwrap(value.left);
    else if (isPropertyAccessExpression(value) && value.name.text === 'value') value = unwrap(value.expression);
    else return value;
  }
}

const COMPARED_WITH_CONSTANT = new Set<ts.SyntaxKind>([
  SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.QuestionQuestionToken, SyntaxKind.BarBarToken,
]);

/**
 * A literal, or a name that stands for one: an enum's member or a constant object's (`BaseVariant.Enabled`,
 * `Treatments.ON`), or a constant named in capitals (`ENABLED`).
 */
function isConstant(expression: ts.Expression): boolean {
  if (isLiteral(expression)) return true;
  if (isIdentifier(expression)) return /^[A-Z][A-Z0-9_]*$/.test(expression.text);
  let root: ts.Expression = expression;
  while (isPropertyAccessExpression(root) && isIdentifier(root.name)) root = root.expression;
  return root !== expression && isIdentifier(root) && /^[A-Z]/.test(root.text);
}

function isLiteral(expression: ts.Expression): boolean {
  switch (expression.kind) {
    case SyntaxKind.TrueKeyword: case SyntaxKind.FalseKeyword: case SyntaxKind.NullKeyword:
    case SyntaxKind.StringLiteral: case SyntaxKind.NoSubstitutionTemplateLiteral: case SyntaxKind.NumericLiteral:
      return true;
    default:
      return isIdentifier(expression) && expression.text === 'undefined';
  }
}

/** True when the text before `position`, past white space, parentheses, `!` and `await`, is an arrow (`=>`) or the keyword `return`. */
export function followsArrowOrReturn(text: string, position: number): boolean {
  let at = position - 1;
  for (;;) {
    while (at >= 0 && /[\s(!]/.test(text[at])) at--;
    if (at >= 4 && text.startsWith('await', at - 4) && !/[\w$]/.test(text[at - 5] ?? '')) at -= 5;
    else if (at >= 6 && text.startsWith('Boolean', at - 6) && !/[\w$]/.test(text[at - 7] ?? '')) at -= 7;
    else break;
  }
  return (text[at] === '>' && text[at - 1] === '=') || (text.startsWith('return', at - 5) && !/[\w$]/.test(text[at - 6] ?? ''));
}
