// The simplifier's shared state (the text, the nodes that stand for a known value, the declarations it
// deletes) and expression folding: what an expression becomes once the flag's value is known.
// The statement and switch layers build on this class; see simplify.ts for the whole.

import { ts } from 'ts-morph';
import { indentationAt, lineStart, reindent, renderRange, type TextEdit } from './edits';
import { isFreeContext, needsParentheses, precedenceTier } from './precedence';
import type { BoundFile } from './program';
import { isAssignment, isComparison, isPure, skipParens } from './syntax';

/** A value known at clean-up time, because it came from the flag. */
export interface Known {
  value: unknown;
}

/** What simplifying an expression gave: a known value, or edits within its span. */
export interface Folded {
  known?: Known;
  edits: TextEdit[];
  /** When the expression collapsed to one of its parts (`flag && x` → `x`): that part, and the edits inside it. */
  kept?: ts.Expression;
  keptEdits?: TextEdit[];
}

/**
 * Which results of an expression are read only for their truthiness. `true` and `false` stand for a
 * condition (both are) and a value (neither is); the left of `&&` reads a truthy result only as "go on",
 * so `x && true && y` is `x && y`, and the left of `||` reads a falsy one only as "go on".
 */
export type Reading = boolean | { truthy: boolean; falsy: boolean };

function readsTruthy(reading: Reading): boolean {
  return typeof reading === 'boolean' ? reading : reading.truthy;
}

function readsFalsy(reading: Reading): boolean {
  return typeof reading === 'boolean' ? reading : reading.falsy;
}

/** Folds expressions against the known values; statements reach it through `rewriteChildren`, which a subclass provides. */
export abstract class ExpressionFolder {
  protected readonly text: string;
  protected readonly sourceFile: ts.SourceFile;
  protected readonly sources = new Map<ts.Node, Known>();
  /** Declarations (variables, destructured elements, helper functions) the removal deletes. */
  protected readonly deleted = new Set<ts.Node>();
  private spans: Array<{ start: number; end: number }> | undefined;
  private readonly quote: string;

  constructor(bound: BoundFile) {
    this.sourceFile = bound.sourceFile;
    this.text = bound.sourceFile.text;
    // New string literals use the quote the file uses most.
    const singles = (this.text.match(/'/g) ?? []).length;
    const doubles = (this.text.match(/"/g) ?? []).length;
    this.quote = doubles > singles ? '"' : "'";
  }

  /** The edits inside a node that is neither a statement nor an expression the folder knows. */
  protected abstract rewriteChildren(node: ts.Node): TextEdit[];

  protected addSource(node: ts.Node, known: Known): void {
    this.sources.set(node, known);
    this.spans = undefined;
  }

  protected markDeleted(node: ts.Node): void {
    this.deleted.add(node);
    this.spans = undefined;
  }

  /** Simplifies an expression; a known result is left for the caller to write or fold further. */
  protected fold(node: ts.Expression, booleanContext: Reading): Folded {
    const source = this.sources.get(node);
    if (source !== undefined) return { known: source, edits: [] };
    if (!this.isAffected(node)) return { edits: [] };
    if (ts.isParenthesizedExpression(node)) {
      const inner = this.fold(node.expression, booleanContext);
      if (inner.known !== undefined) return inner;
      if (inner.kept !== undefined && precedenceTier(skipParens(inner.kept)) === 'primary') return this.collapse(node, node.expression, inner);
      const edits = this.materialize(node.expression, inner);
      return { edits: edits.length > 0 ? this.unwrapChanged(node, inner.kept ?? node.expression, edits) : edits };
    }
    if (ts.isAwaitExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
      // Awaiting or asserting a constant gives the constant.
      const inner = this.fold(node.expression, booleanContext);
      return inner.known !== undefined ? inner : { edits: this.materialize(node.expression, inner) };
    }
    if (ts.isPrefixUnaryExpression(node)) return this.foldPrefix(node);
    if (ts.isTypeOfExpression(node)) {
      const inner = this.fold(node.expression, false);
      return inner.known !== undefined ? { known: { value: typeof inner.known.value }, edits: [] } : { edits: this.materialize(node.expression, inner) };
    }
    if (ts.isBinaryExpression(node)) return this.foldBinary(node, booleanContext);
    if (ts.isConditionalExpression(node)) {
      const condition = this.fold(node.condition, true);
      if (condition.known !== undefined) {
        const branch = truthy(condition.known.value) ? node.whenTrue : node.whenFalse;
        return this.collapse(node, branch, this.fold(branch, booleanContext));
      }
      return {
        edits: [
          ...this.materialize(node.condition, condition),
          ...this.materialize(node.whenTrue, this.fold(node.whenTrue, booleanContext)),
          ...this.materialize(node.whenFalse, this.fold(node.whenFalse, booleanContext)),
        ],
      };
    }
    if (ts.isTemplateExpression(node)) return this.foldTemplate(node);
    return { edits: this.rewriteChildren(node) };
  }

  private foldPrefix(node: ts.PrefixUnaryExpression): Folded {
    const isNot = node.operator === ts.SyntaxKind.ExclamationToken;
    const inner = this.fold(node.operand, isNot);
    if (inner.known !== undefined) {
      const value = inner.known.value;
      if (isNot) return { known: { value: !truthy(value) }, edits: [] };
      if (typeof value === 'number' && node.operator === ts.SyntaxKind.MinusToken) return { known: { value: -value }, edits: [] };
      if (typeof value === 'number' && node.operator === ts.SyntaxKind.PlusToken) return { known: { value }, edits: [] };
    }
    return { edits: this.materialize(node.operand, inner) };
  }

  private foldBinary(node: ts.BinaryExpression, booleanContext: Reading): Folded {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      return this.foldLogical(node, operator, booleanContext);
    }
    if (isComparison(operator)) {
      const left = this.operand(node.left);
      const right = this.operand(node.right);
      if (left !== undefined && right !== undefined && (left.fromFlag || right.fromFlag)) {
        return { known: { value: compare(operator, left.value, right.value) }, edits: [] };
      }
    }
    if (isAssignment(operator)) return { edits: this.materialize(node.right, this.fold(node.right, false)) };
    return {
      edits: [...this.materialize(node.left, this.fold(node.left, false)), ...this.materialize(node.right, this.fold(node.right, false))],
    };
  }

  private foldLogical(node: ts.BinaryExpression, operator: ts.SyntaxKind, booleanContext: Reading): Folded {
    const isAnd = operator === ts.SyntaxKind.AmpersandAmpersandToken;
    const isOr = operator === ts.SyntaxKind.BarBarToken;
    // A left operand's result that makes the operator go on to the right is never seen; `??` goes on
    // only for null and undefined, so a falsy left of `??` is read as itself.
    const leftReading: Reading = {
      truthy: isAnd || readsTruthy(booleanContext),
      falsy: isOr || (isAnd && readsFalsy(booleanContext)),
    };
    const left = this.fold(node.left, leftReading);
    if (left.known !== undefined) {
      const value = left.known.value;
      const takesRight = isAnd ? truthy(value)
        : isOr ? !truthy(value)
          : value === null || value === undefined;
      return takesRight ? this.collapse(node, node.right, this.fold(node.right, booleanContext)) : left;
    }
    const right = this.fold(node.right, booleanContext);
    // Where a truthy result is read only as truthy, `x && true` is `x`; where a falsy one is, `x || false` is.
    if (right.known !== undefined && (isAnd || isOr)) {
      const value = truthy(right.known.value);
      const readsResult = value ? readsTruthy(booleanContext) : readsFalsy(booleanContext);
      if (readsResult && isAnd === value) return this.collapse(node, node.left, left);
      // `pure && false` is false; with side effects on the left, the left must still run, so it stays.
      if (readsResult && isPure(node.left)) return { known: { value }, edits: [] };
    }
    return { edits: [...this.materialize(node.left, left), ...this.materialize(node.right, right)] };
  }

  private foldTemplate(node: ts.TemplateExpression): Folded {
    let inlined = false;
    let code = this.text.slice(node.head.getStart(this.sourceFile), node.head.end);
    let edits: TextEdit[] = [];
    let previousEnd = node.head.end;
    for (const span of node.templateSpans) {
      const folded = this.fold(span.expression, false);
      const literal = this.text.slice(span.literal.getStart(this.sourceFile), span.literal.end);
      const value = folded.known?.value;
      if (folded.known !== undefined && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
        inlined = true;
        code = code.slice(0, -2) + String(value).replace(/[`\\]|\$\{/g, (match) => `\\${match}`) + literal.slice(1);
      } else {
        const spanEdits = this.materialize(span.expression, folded);
        edits = edits.concat(spanEdits);
        code += renderRange(this.text, previousEnd, span.literal.getStart(this.sourceFile), spanEdits) + literal;
      }
      previousEnd = span.literal.end;
    }
    if (!inlined) return { edits };
    return { edits: [{ start: node.getStart(this.sourceFile), end: node.end, newText: code }] };
  }

  /** The expression collapses to one of its parts: the part's text, with parentheses where precedence needs them. */
  private collapse(replaced: ts.Expression, keptExpression: ts.Expression, folded: Folded): Folded {
    if (folded.known !== undefined) return folded;
    const kept = folded.kept ?? keptExpression;
    const keptEdits = folded.kept !== undefined ? folded.keptEdits ?? [] : folded.edits;
    let code = renderRange(this.text, keptExpression.getStart(this.sourceFile), keptExpression.end, folded.edits);
    code = reindent(code, this.hangingIndentation(keptExpression), indentationAt(this.text, replaced.getStart(this.sourceFile)));
    if (needsParentheses(kept, replaced)) code = `(${code})`;
    return { edits: [this.replaceNode(replaced, code)], kept, keptEdits };
  }

  /**
   * The indentation an expression's later lines hang from: where it ends on a line of closing brackets
   * (`? {` ... `}` as formatters write a branch), that line's, which is the column it opened at; else
   * its first line's.
   */
  private hangingIndentation(expression: ts.Expression): string {
    const start = expression.getStart(this.sourceFile);
    const lastLine = lineStart(this.text, expression.end);
    if (lastLine > start && /^[ \t]*[}\])]+$/.test(this.text.slice(lastLine, expression.end))) return indentationAt(this.text, lastLine);
    return indentationAt(this.text, start);
  }

  /**
   * Parentheses around a whole value (an initializer, a returned value, an argument, a condition) whose
   * contents the removal changed go when nothing needs them any more; a comma list, a comment inside, or
   * contents on several lines (a multi-line JSX block) keep them.
   */
  private unwrapChanged(node: ts.ParenthesizedExpression, result: ts.Expression, edits: TextEdit[]): TextEdit[] {
    const expression = node.expression;
    const start = expression.getStart(this.sourceFile);
    const isComma = (candidate: ts.Expression): boolean => ts.isBinaryExpression(candidate) && candidate.operatorToken.kind === ts.SyntaxKind.CommaToken;
    if (!isWholeValue(node) || isComma(result) || isComma(expression) || needsParentheses(result, node)) return edits;
    if (this.text.slice(node.getStart(this.sourceFile) + 1, start).trim() !== '' || this.text.slice(expression.end, node.end - 1).trim() !== '') return edits;
    const code = renderRange(this.text, start, expression.end, edits);
    return code.includes('\n') ? edits : [this.replaceNode(node, code)];
  }

  /** The edits that write an expression's simplified form in place. */
  protected materialize(node: ts.Expression, folded: Folded): TextEdit[] {
    if (folded.known === undefined) return folded.edits;
    return [this.replaceNode(node, this.literal(folded.known.value, node))];
  }

  /** A literal of a known value or one written in the code, for comparisons and `case` labels. */
  protected operand(node: ts.Expression): { value: unknown; fromFlag: boolean } | undefined {
    const folded = this.fold(node, false);
    if (folded.known !== undefined) return { value: folded.known.value, fromFlag: true };
    const expression = skipParens(node);
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return { value: expression.text, fromFlag: false };
    if (ts.isNumericLiteral(expression)) return { value: Number(expression.text), fromFlag: false };
    if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expression.operand)) {
      return { value: -Number(expression.operand.text), fromFlag: false };
    }
    if (expression.kind === ts.SyntaxKind.TrueKeyword) return { value: true, fromFlag: false };
    if (expression.kind === ts.SyntaxKind.FalseKeyword) return { value: false, fromFlag: false };
    if (expression.kind === ts.SyntaxKind.NullKeyword) return { value: null, fromFlag: false };
    if (ts.isIdentifier(expression) && expression.text === 'undefined') return { value: undefined, fromFlag: false };
    return undefined;
  }

  /** The source text of a value, fit for the place it goes. */
  protected literal(value: unknown, at: ts.Node): string {
    let code: string;
    if (typeof value === 'string') code = quoteString(value, this.quote);
    else if (value === undefined) code = 'undefined';
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) code = String(value);
    else code = JSON.stringify(value);
    const parent = at.parent;
    const isMemberObject = (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === at;
    if ((typeof value === 'number' && (value < 0 || Object.is(value, -0) || isMemberObject)) || (typeof value === 'object' && value !== null)) {
      if (!isFreeContext(at) || isMemberObject || ts.isExpressionStatement(parent) || ts.isArrowFunction(parent)) code = `(${code})`;
    }
    return code;
  }


  /** True when the node holds a check, a use of a value, or a declaration the removal deletes. */
  protected isAffected(node: ts.Node): boolean {
    if (this.spans === undefined) {
      this.spans = [...this.sources.keys(), ...this.deleted].map((source) => this.spanOf(source));
    }
    const start = node.getStart(this.sourceFile);
    return this.spans.some((span) => span.start >= start && span.end <= node.end);
  }

  protected replaceNode(node: ts.Node, newText: string): TextEdit {
    return { start: node.getStart(this.sourceFile), end: node.end, newText };
  }

  protected spanOf(node: ts.Node): { start: number; end: number } {
    return { start: node.getStart(this.sourceFile), end: node.end };
  }
}

/**
 * An initializer, a returned value, an argument, a condition, or the inside of other parentheses: places
 * where parentheses around the whole expression are never needed (at the start of a statement or an
 * arrow's body they may be: `({ a } = b);`).
 */
function isWholeValue(node: ts.ParenthesizedExpression): boolean {
  const parent = node.parent;
  if (ts.isParenthesizedExpression(parent) || ts.isReturnStatement(parent)) return true;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === node;
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.arguments?.includes(node) ?? false;
  return (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isSwitchStatement(parent)) && parent.expression === node;
}

/** Whether JavaScript treats the value as true in a condition. */
export function truthy(value: unknown): boolean {
  return Boolean(value);
}

/** A comparison as JavaScript computes it. */
function compare(operator: ts.SyntaxKind, left: unknown, right: unknown): boolean {
  const l = left as number;
  const r = right as number;
  switch (operator) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken: return left === right;
    case ts.SyntaxKind.ExclamationEqualsEqualsToken: return left !== right;
    // The loose comparisons the code wrote.
    case ts.SyntaxKind.EqualsEqualsToken: return left == right;
    case ts.SyntaxKind.ExclamationEqualsToken: return left != right;
    case ts.SyntaxKind.LessThanToken: return l < r;
    case ts.SyntaxKind.GreaterThanToken: return l > r;
    case ts.SyntaxKind.LessThanEqualsToken: return l <= r;
    default: return l >= r;
  }
}

/** A string literal in the given quote, escaped as the language needs. */
function quoteString(value: string, quote: string): string {
  const escaped = value.replace(/[\\\n\r\t\u2028\u2029]/g, (character) => JSON.stringify(character).slice(1, -1));
  return quote + escaped.split(quote).join(`\\${quote}`) + quote;
}
