// Replaces a flag's checks with the value it serves and simplifies only what that value flows into:
// conditions, ternaries, logical operators, comparisons, switches, variables and helpers that hold the
// value, JSX. Produces text edits on the original text, so code the removal does not touch keeps its
// exact text; kept blocks are lifted in place and re-indented by the difference of nesting.

import { ts } from 'ts-morph';
import { indentationAt, lineEnd, lineStart, reindent, renderRange, startsLine, type TextEdit } from './edits';
import { isFreeContext, needsParentheses, negation, precedenceTier } from './precedence';
import type { BoundFile } from './program';
import {
  blockScopedNames, declaredNames, hasRestSibling, isAssignment, isComparison, isConstDeclaration, isExit, isExported, isInlinableReference, isPure,
  isStatementNode, returnedExpression, skipParens, skipParentheses,
} from './syntax';
import { deleteLines } from './unused';

/** A value known at clean-up time, because it came from the flag. */
interface Known {
  value: unknown;
}

/** What simplifying an expression gave: a known value, or edits within its span. */
interface Folded {
  known?: Known;
  edits: TextEdit[];
  /** When the expression collapsed to one of its parts (`flag && x` → `x`): that part, and the edits inside it. */
  kept?: ts.Expression;
  keptEdits?: TextEdit[];
}

interface Rewritten {
  edits: TextEdit[];
  /** True when code lifted in place ends in a `return`, `throw`, `break` or `continue`: what follows is unreachable. */
  exits: boolean;
}

/** A check node (the call, the bag property, or a destructured bag element) and the value it stands for. */
export interface ValuedCheck {
  node: ts.Node;
  value: unknown;
}

/** A place the clean-up left as it was, and why. */
export interface SimplifyProblem {
  start: number;
  end: number;
  message: string;
}

/** The edits that remove a flag's checks from one file. */
export interface SimplifyResult {
  edits: TextEdit[];
  /** Names of declarations deleted because they held the flag's value or only wrapped its check. */
  deletedNames: string[];
  /** Exported constants and helpers that now always give one value; other files may use them, so they stay. */
  nowConstant: ExportedConstant[];
  problems: SimplifyProblem[];
}

/** An exported declaration that held or returned the flag's value and now always gives `value`. */
export interface ExportedConstant {
  name: string;
  kind: 'function' | 'variable';
  value: unknown;
}

const NONE: Rewritten = { edits: [], exits: false };

/** Simplifies one bound file given its checks of one flag and their values. */
export function simplifyChecks(bound: BoundFile, checks: readonly ValuedCheck[], flagName: string): SimplifyResult {
  const simplifier = new Simplifier(bound, flagName);
  simplifier.addChecks(checks);
  simplifier.findDerivedValues();
  const edits = simplifier.rewriteStatements(bound.sourceFile.statements).edits;
  return { edits, deletedNames: simplifier.deletedNames(), nowConstant: [...simplifier.nowConstant.values()], problems: simplifier.problems };
}

class Simplifier {
  readonly problems: SimplifyProblem[] = [];
  private readonly text: string;
  private readonly sourceFile: ts.SourceFile;
  private readonly sources = new Map<ts.Node, Known>();
  /** Declarations (variables, destructured elements, helper functions) the removal deletes. */
  private readonly deleted = new Set<ts.Node>();
  /** Exported constants whose uses in this file were inlined; the declarations stay. */
  private readonly inlined = new Set<ts.Node>();
  readonly nowConstant = new Map<ts.Node, ExportedConstant>();
  private spans: Array<{ start: number; end: number }> | undefined;
  private readonly quote: string;

  constructor(private readonly bound: BoundFile, private readonly flagName: string) {
    this.sourceFile = bound.sourceFile;
    this.text = bound.sourceFile.text;
    // New string literals use the quote the file uses most.
    const singles = (this.text.match(/'/g) ?? []).length;
    const doubles = (this.text.match(/"/g) ?? []).length;
    this.quote = doubles > singles ? '"' : "'";
  }

  addChecks(checks: readonly ValuedCheck[]): void {
    for (const { node, value } of checks) {
      if (ts.isBindingElement(node)) {
        this.addVariable(node, { value }, true);
      } else {
        this.addSource(node, { value });
      }
    }
  }

  deletedNames(): string[] {
    return [...this.deleted].flatMap((node) => {
      const name = (node as ts.Node & { name?: ts.Node }).name;
      return name !== undefined && ts.isIdentifier(name) ? [name.text] : [];
    });
  }

  /** Variables that hold the flag's value and helpers that only return it become sources of the value too. */
  findDerivedValues(): void {
    for (let changed = true, rounds = 0; changed && rounds < 16; rounds++) {
      changed = false;
      const visit = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && !this.deleted.has(node)) changed = this.tryVariable(node) || this.tryHelper(node) || changed;
        else if (ts.isFunctionDeclaration(node) && !this.deleted.has(node)) changed = this.tryHelper(node) || changed;
        ts.forEachChild(node, visit);
      };
      visit(this.sourceFile);
    }
  }

  private addSource(node: ts.Node, known: Known): void {
    this.sources.set(node, known);
    this.spans = undefined;
  }

  private markDeleted(node: ts.Node): void {
    this.deleted.add(node);
    this.spans = undefined;
  }

  private tryVariable(declaration: ts.VariableDeclaration): boolean {
    if (this.inlined.has(declaration) || !ts.isIdentifier(declaration.name) || declaration.initializer === undefined) return false;
    if (!isConstDeclaration(declaration)) return false;
    const known = this.fold(declaration.initializer, false).known;
    if (known === undefined) return false;
    if (!isExported(declaration)) return this.addVariable(declaration, known, false);
    // Other files may import an exported constant: it stays (holding the value), its uses here are inlined.
    this.inlined.add(declaration);
    this.nowConstant.set(declaration, { name: declaration.name.text, kind: 'variable', value: known.value });
    const references = this.bound.referencesTo(declaration.name);
    for (const reference of references.filter(isInlinableReference)) this.addSource(reference, known);
    return references.length > 0;
  }

  /** A `const` (or destructured bag element) holding the value: inline every use, delete the declaration. */
  private addVariable(declaration: ts.VariableDeclaration | ts.BindingElement, known: Known, isCheck: boolean): boolean {
    const references = this.bound.referencesTo(declaration.name);
    const unsafe = references.find((reference) => !isInlinableReference(reference));
    const statement = declaration.parent.parent;
    // A constant nobody used was not made unused by the removal: it stays, holding the value.
    if (!isCheck && references.length === 0) return false;
    if (unsafe !== undefined || (isCheck && ts.isVariableDeclaration(statement) && isExported(statement))) {
      if (isCheck) {
        this.problems.push({
          ...this.spanOf(declaration),
          message: `'${declaration.name.getText()}' holds the value of '${this.flagName}' but is exported, assigned or re-exported here; left as it is`,
        });
      }
      return false;
    }
    for (const reference of references) this.addSource(reference, known);
    // `const { newCheckout, ...rest } = useFlags()`: without the element, `rest` would hold the flag too.
    // Its uses are inlined; the element stays, and the summary lists it as now unused.
    if (!hasRestSibling(declaration)) this.markDeleted(declaration);
    return true;
  }

  /** A function whose only job was this flag: `function isNew() { return check; }`, `const isNew = () => check`. */
  private tryHelper(declaration: ts.FunctionDeclaration | ts.VariableDeclaration): boolean {
    let fn: ts.FunctionLikeDeclaration | undefined;
    if (ts.isFunctionDeclaration(declaration)) fn = declaration;
    else if (declaration.initializer !== undefined && isConstDeclaration(declaration)
      && (ts.isArrowFunction(declaration.initializer) || ts.isFunctionExpression(declaration.initializer))) fn = declaration.initializer;
    if (fn === undefined || declaration.name === undefined || !ts.isIdentifier(declaration.name) || this.inlined.has(declaration)) return false;
    const returned = returnedExpression(fn);
    if (returned === undefined) return false;
    const known = this.fold(returned, false).known;
    if (known === undefined) return false;
    const exported = isExported(declaration);
    // Other files may import an exported helper: it stays (answering the value), its calls here are inlined.
    if (exported) {
      this.inlined.add(declaration);
      this.nowConstant.set(declaration, { name: declaration.name.text, kind: 'function', value: known.value });
    }
    const references = this.bound.referencesTo(declaration.name);
    if (references.length === 0) return false;
    const isAsync = fn.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ?? false;
    const calls: ts.CallExpression[] = [];
    for (const reference of references) {
      const call = reference.parent;
      // An async helper answers a promise: only an awaited call stands for the value.
      const standsForValue = ts.isCallExpression(call) && call.expression === reference && call.arguments.every(isPure)
        && (!isAsync || ts.isAwaitExpression(skipParentheses(call)));
      // A helper that stays (exported) keeps its other uses; one that goes must have none.
      if (standsForValue) calls.push(call);
      else if (!exported) return false;
    }
    for (const call of calls) this.addSource(call, known);
    if (!exported) this.markDeleted(declaration);
    return true;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Statements

  rewriteStatements(statements: readonly ts.Statement[]): Rewritten {
    const edits: TextEdit[] = [];
    for (let index = 0; index < statements.length; index++) {
      const rewritten = this.rewriteStatement(statements[index], 'list');
      edits.push(...rewritten.edits);
      if (!rewritten.exits) continue;
      // Code after a lifted `return` is unreachable; function declarations are hoisted, so they stay.
      for (const later of statements.slice(index + 1)) {
        if (ts.isFunctionDeclaration(later)) edits.push(...this.rewriteStatement(later, 'list').edits);
        else edits.push(this.deleteStatement(later));
      }
      return { edits, exits: true };
    }
    return { edits, exits: false };
  }

  private rewriteStatement(statement: ts.Statement, slot: 'list' | 'single'): Rewritten {
    if (!this.isAffected(statement)) return NONE;
    if (ts.isIfStatement(statement)) return this.rewriteIf(statement, slot);
    if (ts.isSwitchStatement(statement)) return this.rewriteSwitch(statement, slot);
    if (ts.isBlock(statement)) return this.rewriteStatements(statement.statements);
    if (ts.isVariableStatement(statement)) return this.rewriteVariableStatement(statement, slot);
    if (ts.isFunctionDeclaration(statement) && this.deleted.has(statement)) return this.removeStatement(statement, slot);
    if (ts.isExpressionStatement(statement)) {
      const folded = this.fold(statement.expression, false);
      // A statement that only computed the flag's value does nothing once the value is known.
      if (folded.known !== undefined) return this.removeStatement(statement, slot);
      return { edits: folded.edits, exits: false };
    }
    return { edits: this.rewriteChildren(statement), exits: false };
  }

  private rewriteIf(statement: ts.IfStatement, slot: 'list' | 'single'): Rewritten {
    const condition = this.fold(statement.expression, true);
    if (condition.known === undefined) {
      const edits = [...this.materialize(statement.expression, condition), ...this.rewriteStatement(statement.thenStatement, 'single').edits];
      if (statement.elseStatement !== undefined) edits.push(...this.rewriteStatement(statement.elseStatement, 'single').edits);
      return { edits, exits: false };
    }
    let kept = truthy(condition.known.value) ? statement.thenStatement : statement.elseStatement;
    // `else if` branches that test the same flag are decided too.
    while (kept !== undefined && ts.isIfStatement(kept)) {
      const next = this.fold(kept.expression, true).known;
      if (next === undefined) break;
      kept = truthy(next.value) ? kept.thenStatement : kept.elseStatement;
    }
    return this.replaceStatement(statement, kept, slot);
  }

  /** Puts the kept statement (or nothing) where a decided statement was. */
  private replaceStatement(statement: ts.Statement, kept: ts.Statement | undefined, slot: 'list' | 'single'): Rewritten {
    if (slot === 'list') {
      if (kept === undefined) return { edits: [this.deleteStatement(statement)], exits: false };
      if (ts.isBlock(kept)) return this.liftBlock(statement, kept);
      const code = this.renderStatement(kept, statement, this.rewriteStatement(kept, 'single').edits);
      return { edits: [this.replaceNode(statement, code)], exits: isExit(kept) };
    }
    const parent = statement.parent;
    if (kept === undefined) {
      if (ts.isIfStatement(parent) && parent.elseStatement === statement) {
        return { edits: [{ start: parent.thenStatement.end, end: statement.end, newText: '' }], exits: false };
      }
      return { edits: [this.replaceNode(statement, '{}')], exits: false };
    }
    const inner = ts.isBlock(kept) ? this.rewriteStatements(kept.statements).edits : this.rewriteStatement(kept, 'single').edits;
    return { edits: [this.replaceNode(statement, this.renderStatement(kept, statement, inner))], exits: false };
  }

  private renderStatement(kept: ts.Node, replaced: ts.Node, edits: readonly TextEdit[]): string {
    const code = renderRange(this.text, kept.getStart(this.sourceFile), kept.end, edits);
    return reindent(code, indentationAt(this.text, kept.getStart(this.sourceFile)), indentationAt(this.text, replaced.getStart(this.sourceFile)));
  }

  /** Replaces a statement in a list with the statements of a block, one level less indented. */
  private liftBlock(statement: ts.Statement, block: ts.Block): Rewritten {
    const inner = this.rewriteStatements(block.statements);
    const exits = inner.exits || (block.statements.length > 0 && isExit(block.statements[block.statements.length - 1]));
    const open = block.getStart(this.sourceFile) + 1;
    const close = block.end - 1;
    const contents = this.text.slice(open, close);
    if (contents.trim() === '') return { edits: [this.deleteStatement(statement)], exits: false };
    const target = indentationAt(this.text, statement.getStart(this.sourceFile));
    if (this.clashes(block.statements, statement)) {
      // Lifting would declare a name twice in one scope: keep the braces.
      return { edits: [this.replaceNode(statement, this.renderStatement(block, statement, inner.edits))], exits };
    }
    const from = /^[ \t]*\r?\n/.test(contents) ? lineEnd(this.text, open) + 1 : open;
    const to = startsLine(this.text, close) ? lineStart(this.text, close) : close;
    let code = renderRange(this.text, from, to, inner.edits).replace(/\r?\n$/, '').replace(/^(?:[ \t]*\r?\n)+/, '');
    const firstCode = from + (/^\s*/.exec(this.text.slice(from, to))?.[0].length ?? 0);
    const innerIndent = from === open ? '' : indentationAt(this.text, firstCode);
    code = reindent(`\n${code}`, innerIndent, target).slice(1).replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
    return { edits: [this.replaceNode(statement, code)], exits };
  }

  private rewriteSwitch(statement: ts.SwitchStatement, slot: 'list' | 'single'): Rewritten {
    const discriminant = this.fold(statement.expression, false);
    const generic = (): Rewritten => ({
      edits: [...this.materialize(statement.expression, discriminant), ...statement.caseBlock.clauses.flatMap((clause) => this.rewriteAny(clause))],
      exits: false,
    });
    if (discriminant.known === undefined) return generic();
    const clauses = statement.caseBlock.clauses;
    let matched = -1;
    for (let index = 0; index < clauses.length && matched === -1; index++) {
      const clause = clauses[index];
      if (!ts.isCaseClause(clause)) continue;
      const label = this.operand(clause.expression);
      if (label === undefined) return generic();
      if (label.value === discriminant.known.value) matched = index;
    }
    if (matched === -1) matched = clauses.findIndex((clause) => ts.isDefaultClause(clause));
    const kept: ts.Statement[] = [];
    let exits = false;
    let last = matched;
    for (let index = matched; index >= 0 && index < clauses.length; index++) {
      last = index;
      const statements = flattenClause(clauses[index]);
      const final = statements[statements.length - 1];
      if (final !== undefined && ts.isBreakStatement(final) && final.label === undefined) {
        kept.push(...statements.slice(0, -1));
        break;
      }
      kept.push(...statements);
      if (final !== undefined && isExit(final)) {
        exits = true;
        break;
      }
    }
    const target = indentationAt(this.text, statement.getStart(this.sourceFile));
    const pieces = this.liftFromSwitch(kept, statement, target);
    if (pieces === undefined) return this.keepLiveClauses(statement, discriminant, matched, last);
    if (pieces.length === 0) return slot === 'list' ? { edits: [this.deleteStatement(statement)], exits: false } : { edits: [this.replaceNode(statement, '{}')], exits: false };
    if (slot === 'single' || this.clashes(kept, statement)) {
      const unit = indentUnit(this.text);
      const body = pieces.map((piece) => `${target}${unit}${reindent(piece, target, target + unit)}`).join('\n');
      return { edits: [this.replaceNode(statement, `{\n${body}\n${target}}`)], exits: exits && slot === 'list' };
    }
    return { edits: [this.replaceNode(statement, pieces.join(`\n${target}`))], exits };
  }

  /**
   * The kept case's statements as code at the switch's indentation, or undefined when a `break` in them
   * cannot be lifted. A guard `if (c) { ...; break; }` followed by the rest of the case becomes
   * `if (c) { ... } else { rest }`; any other nested break keeps the switch.
   */
  private liftFromSwitch(statements: readonly ts.Statement[], switchStatement: ts.SwitchStatement, target: string): string[] | undefined {
    const pieces: string[] = [];
    for (let index = 0; index < statements.length; index++) {
      const node = statements[index];
      if (!containsBreakOf(node, switchStatement)) {
        const piece = this.renderPiece(node, target);
        if (piece !== undefined) pieces.push(piece);
        continue;
      }
      const guard = breakingGuard(node, switchStatement);
      if (guard === undefined || this.fold(guard.statement.expression, true).known !== undefined) return undefined;
      const unit = indentUnit(this.text);
      const inner = guard.before.flatMap((kept) => this.renderPiece(kept, target + unit) ?? []);
      const rest = this.liftFromSwitch(statements.slice(index + 1), switchStatement, target + unit);
      if (rest === undefined) return undefined;
      const condition = renderRange(this.text, guard.statement.expression.getStart(this.sourceFile), guard.statement.expression.end,
        this.materialize(guard.statement.expression, this.fold(guard.statement.expression, true)));
      const block = (lines: string[]): string => `{\n${lines.map((line) => `${target}${unit}${line}`).join('\n')}\n${target}}`;
      // The comments above the guard stay above the code kept from it.
      const commentStart = this.attachedCommentStart(node);
      const comment = commentStart === undefined ? '' : `${reindent(this.text.slice(commentStart, node.getStart(this.sourceFile)), indentationAt(this.text, commentStart), target)}${target}`;
      if (inner.length === 0 && rest.length === 0) return pieces;
      if (inner.length === 0) pieces.push(`${comment}if (${negation(condition, guard.statement.expression)}) ${block(rest)}`);
      else if (rest.length === 0) pieces.push(`${comment}if (${condition}) ${block(inner)}`);
      else pieces.push(`${comment}if (${condition}) ${block(inner)} else ${block(rest)}`);
      return pieces;
    }
    return pieces;
  }

  /** One statement of a kept case, rewritten and moved to the given indentation, with the comments above it. */
  private renderPiece(node: ts.Statement, target: string): string | undefined {
    const start = this.attachedCommentStart(node) ?? node.getStart(this.sourceFile);
    // Whole lines, so that a statement the rewrite deletes (with its line) goes entirely.
    const from = startsLine(this.text, start) ? lineStart(this.text, start) : start;
    const restOfLine = this.text.slice(node.end, lineEnd(this.text, node.end));
    const to = /^[ \t]*(\/\/.*)?$/.test(restOfLine) ? Math.min(this.text.length, lineEnd(this.text, node.end) + 1) : node.end;
    const code = renderRange(this.text, from, to, this.rewriteStatement(node, 'list').edits).replace(/\r?\n$/, '');
    if (code.trim() === '') return undefined;
    return reindent(`\n${code}`, indentationAt(this.text, start), target).slice(1).replace(/^[ \t]+/, '');
  }

  /** A switch whose kept case cannot be lifted stays, holding only the cases that can still run. */
  private keepLiveClauses(statement: ts.SwitchStatement, discriminant: Folded, first: number, last: number): Rewritten {
    const clauses = statement.caseBlock.clauses;
    const edits: TextEdit[] = [...this.materialize(statement.expression, discriminant)];
    clauses.forEach((clause, index) => {
      if (index >= first && index <= last) edits.push(...this.rewriteAny(clause));
      else edits.push(deleteLines(this.text, this.attachedCommentStart(clause) ?? clause.getStart(this.sourceFile), clause.end));
    });
    return { edits, exits: false };
  }

  private rewriteVariableStatement(statement: ts.VariableStatement, slot: 'list' | 'single'): Rewritten {
    const declarations = statement.declarationList.declarations;
    const removed = declarations.map((declaration) => this.deleted.has(declaration) || this.allElementsDeleted(declaration));
    if (removed.every(Boolean)) return this.removeStatement(statement, slot);
    const edits: TextEdit[] = [];
    declarations.forEach((declaration, index) => {
      if (removed[index]) {
        const next = declarations[index + 1];
        const previous = declarations.slice(0, index).reverse().find((_declaration, back) => !removed[index - 1 - back]);
        if (next !== undefined) edits.push({ start: declaration.getStart(this.sourceFile), end: next.getStart(this.sourceFile), newText: '' });
        else if (previous !== undefined) edits.push({ start: previous.end, end: declaration.end, newText: '' });
        return;
      }
      if (ts.isObjectBindingPattern(declaration.name)) edits.push(...this.removeElements(declaration.name));
      if (declaration.initializer !== undefined) edits.push(...this.materialize(declaration.initializer, this.fold(declaration.initializer, false)));
    });
    return { edits, exits: false };
  }

  private allElementsDeleted(declaration: ts.VariableDeclaration): boolean {
    return ts.isObjectBindingPattern(declaration.name) && declaration.name.elements.length > 0
      && declaration.name.elements.every((element) => this.deleted.has(element));
  }

  private removeElements(pattern: ts.ObjectBindingPattern): TextEdit[] {
    const kept = pattern.elements.filter((element) => !this.deleted.has(element));
    if (kept.length === pattern.elements.length) return [];
    const start = pattern.getStart(this.sourceFile);
    if (!this.text.slice(start, pattern.end).includes('\n')) {
      return [{ start, end: pattern.end, newText: `{ ${kept.map((element) => element.getText(this.sourceFile)).join(', ')} }` }];
    }
    return pattern.elements.filter((element) => this.deleted.has(element)).map((element) => {
      const from = lineStart(this.text, element.getStart(this.sourceFile));
      return { start: from, end: Math.min(this.text.length, lineEnd(this.text, element.end) + 1), newText: '' };
    });
  }

  private removeStatement(statement: ts.Statement, slot: 'list' | 'single'): Rewritten {
    return { edits: [slot === 'list' ? this.deleteStatement(statement) : this.replaceNode(statement, '{}')], exits: false };
  }

  /** Deletes a statement in a list with its lines, the comments directly above it, and a blank line it leaves doubled. */
  private deleteStatement(statement: ts.Statement): TextEdit {
    const text = this.text;
    let start = this.attachedCommentStart(statement) ?? statement.getStart(this.sourceFile);
    let end = statement.end;
    const trailing = /^[ \t]*(\/\/[^\n]*)?/.exec(text.slice(end))?.[0] ?? '';
    end += trailing.length;
    if (startsLine(text, start) && (text[end] === '\n' || text.startsWith('\r\n', end) || end === text.length)) {
      start = lineStart(text, start);
      end = end === text.length ? end : lineEnd(text, end) + 1;
      const previousLine = start > 0 ? lineStart(text, start - 1) : -1;
      const previousBlank = previousLine >= 0 && text.slice(previousLine, start).trim() === '';
      const nextLine = text.slice(end, lineEnd(text, end));
      if (previousBlank && (nextLine.trim() === '' || /^\s*[}\])]/.test(nextLine) || end === text.length)) start = previousLine;
    } else {
      start = statement.getStart(this.sourceFile);
      end = statement.end;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    }
    return { start, end, newText: '' };
  }

  /** Where the comments directly above a node begin (no blank line between), if any. */
  private attachedCommentStart(node: ts.Node): number | undefined {
    const comments = ts.getLeadingCommentRanges(this.text, node.getFullStart()) ?? [];
    let start: number | undefined;
    let next = node.getStart(this.sourceFile);
    for (let index = comments.length - 1; index >= 0; index--) {
      const between = this.text.slice(comments[index].end, next);
      if ((between.match(/\n/g) ?? []).length > 1) break;
      start = comments[index].pos;
      next = start;
    }
    return start !== undefined && startsLine(this.text, start) ? start : undefined;
  }

  /** True when moving these statements into the statement's scope would declare a name twice there. */
  private clashes(statements: readonly ts.Statement[], replaced: ts.Statement): boolean {
    const lifted = new Set(statements.flatMap(blockScopedNames));
    if (lifted.size === 0) return false;
    const parent = replaced.parent;
    const siblings: readonly ts.Statement[] = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)
      ? parent.statements
      : [];
    const outer = new Set(siblings.filter((sibling) => sibling !== replaced).flatMap(declaredNames));
    if (ts.isBlock(parent) && ts.isFunctionLike(parent.parent)) {
      for (const parameter of parent.parent.parameters) outer.add(parameter.name.getText(this.sourceFile));
    }
    return [...lifted].some((name) => outer.has(name));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Expressions

  /** Simplifies an expression; a known result is left for the caller to write or fold further. */
  private fold(node: ts.Expression, booleanContext: boolean): Folded {
    const source = this.sources.get(node);
    if (source !== undefined) return { known: source, edits: [] };
    if (!this.isAffected(node)) return { edits: [] };
    if (ts.isParenthesizedExpression(node)) {
      const inner = this.fold(node.expression, booleanContext);
      if (inner.known !== undefined) return inner;
      if (inner.kept !== undefined && precedenceTier(skipParens(inner.kept)) === 'primary') return this.collapse(node, node.expression, inner);
      return { edits: this.materialize(node.expression, inner) };
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

  private foldBinary(node: ts.BinaryExpression, booleanContext: boolean): Folded {
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

  private foldLogical(node: ts.BinaryExpression, operator: ts.SyntaxKind, booleanContext: boolean): Folded {
    const left = this.fold(node.left, booleanContext);
    if (left.known !== undefined) {
      const value = left.known.value;
      const takesRight = operator === ts.SyntaxKind.AmpersandAmpersandToken ? truthy(value)
        : operator === ts.SyntaxKind.BarBarToken ? !truthy(value)
          : value === null || value === undefined;
      return takesRight ? this.collapse(node, node.right, this.fold(node.right, booleanContext)) : left;
    }
    const right = this.fold(node.right, booleanContext);
    // Where only truthiness matters, `x && true` is `x` and `x || false` is `x`.
    if (right.known !== undefined && booleanContext && operator !== ts.SyntaxKind.QuestionQuestionToken) {
      const value = truthy(right.known.value);
      const neutral = operator === ts.SyntaxKind.AmpersandAmpersandToken ? value : !value;
      if (neutral) return this.collapse(node, node.left, left);
      // `pure && false` is false; with side effects on the left, the left must still run, so it stays.
      if (isPure(node.left)) return { known: { value }, edits: [] };
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
    code = reindent(code, indentationAt(this.text, keptExpression.getStart(this.sourceFile)), indentationAt(this.text, replaced.getStart(this.sourceFile)));
    if (needsParentheses(kept, replaced)) code = `(${code})`;
    return { edits: [this.replaceNode(replaced, code)], kept, keptEdits };
  }

  /** The edits that write an expression's simplified form in place. */
  private materialize(node: ts.Expression, folded: Folded): TextEdit[] {
    if (folded.known === undefined) return folded.edits;
    return [this.replaceNode(node, this.literal(folded.known.value, node))];
  }

  /** A literal of a known value or one written in the code, for comparisons and `case` labels. */
  private operand(node: ts.Expression): { value: unknown; fromFlag: boolean } | undefined {
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
  private literal(value: unknown, at: ts.Node): string {
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

  // ---------------------------------------------------------------------------------------------------------
  // Everything else: walk the children, handling JSX and shorthand properties on the way.

  private rewriteChildren(node: ts.Node): TextEdit[] {
    const edits: TextEdit[] = [];
    ts.forEachChild(node, (child) => {
      edits.push(...this.rewriteAny(child));
    });
    return edits;
  }

  private rewriteAny(node: ts.Node): TextEdit[] {
    if (!this.isAffected(node)) return [];
    if (ts.isJsxExpression(node)) return this.rewriteJsxExpression(node);
    if (ts.isShorthandPropertyAssignment(node)) {
      const known = this.sources.get(node.name);
      if (known !== undefined) return [this.replaceNode(node.name, `${node.name.text}: ${this.literal(known.value, node.name)}`)];
      return this.rewriteChildren(node);
    }
    if (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      const edits = ts.isCaseClause(node) ? this.materialize(node.expression, this.fold(node.expression, false)) : [];
      return [...edits, ...this.rewriteStatements(node.statements).edits];
    }
    if (isStatementNode(node)) return this.rewriteStatement(node, 'single').edits;
    if (ts.isExpression(node)) return this.materialize(node, this.fold(node, false));
    return this.rewriteChildren(node);
  }

  private rewriteJsxExpression(node: ts.JsxExpression): TextEdit[] {
    const expression = node.expression;
    if (expression === undefined) return [];
    const folded = this.fold(expression, false);
    const parent = node.parent;
    if (ts.isJsxAttribute(parent)) {
      const kept = folded.kept === undefined ? undefined : skipParens(folded.kept);
      const value = folded.known !== undefined ? folded.known.value : kept !== undefined && ts.isStringLiteral(kept) ? kept.text : undefined;
      // `className="theme-dark"` reads as written by hand; `{'theme-dark'}` does not.
      if (typeof value === 'string' && /^[^"\\\n{}<>&]*$/.test(value)) return [this.replaceNode(node, `"${value}"`)];
      return this.materialize(expression, folded);
    }
    if (!ts.isJsxElement(parent) && !ts.isJsxFragment(parent)) return this.materialize(expression, folded);
    const rendersNothing = (value: unknown): boolean => value === null || value === undefined || typeof value === 'boolean';
    if (folded.known !== undefined) {
      return rendersNothing(folded.known.value) ? [this.deleteJsxChild(node)] : this.materialize(expression, folded);
    }
    if (folded.kept !== undefined) {
      const kept = skipParens(folded.kept);
      const literal = this.operand(kept);
      if (literal !== undefined && !literal.fromFlag && rendersNothing(literal.value)) return [this.deleteJsxChild(node)];
      if (ts.isJsxElement(kept) || ts.isJsxSelfClosingElement(kept) || ts.isJsxFragment(kept)) {
        const start = kept.getStart(this.sourceFile);
        const code = renderRange(this.text, start, kept.end, folded.keptEdits ?? []);
        return [this.replaceNode(node, reindent(code, indentationAt(this.text, start), indentationAt(this.text, node.getStart(this.sourceFile))))];
      }
    }
    return this.materialize(expression, folded);
  }

  private deleteJsxChild(node: ts.JsxExpression): TextEdit {
    const start = node.getStart(this.sourceFile);
    const rest = this.text.slice(node.end, lineEnd(this.text, node.end));
    if (startsLine(this.text, start) && rest.trim() === '') {
      return { start: lineStart(this.text, start), end: Math.min(this.text.length, lineEnd(this.text, node.end) + 1), newText: '' };
    }
    return { start, end: node.end, newText: '' };
  }

  // ---------------------------------------------------------------------------------------------------------

  /** True when the node holds a check, a use of a value, or a declaration the removal deletes. */
  private isAffected(node: ts.Node): boolean {
    if (this.spans === undefined) {
      this.spans = [...this.sources.keys(), ...this.deleted].map((source) => this.spanOf(source));
    }
    const start = node.getStart(this.sourceFile);
    return this.spans.some((span) => span.start >= start && span.end <= node.end);
  }

  private replaceNode(node: ts.Node, newText: string): TextEdit {
    return { start: node.getStart(this.sourceFile), end: node.end, newText };
  }

  private spanOf(node: ts.Node): { start: number; end: number } {
    return { start: node.getStart(this.sourceFile), end: node.end };
  }
}

// ---------------------------------------------------------------------------------------------------------------

function truthy(value: unknown): boolean {
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

function quoteString(value: string, quote: string): string {
  const escaped = value.replace(/[\\\n\r\t\u2028\u2029]/g, (character) => JSON.stringify(character).slice(1, -1));
  return quote + escaped.split(quote).join(`\\${quote}`) + quote;
}

/** A clause's statements; a clause written as one block `case 'a': { ... }` gives the block's statements. */
function flattenClause(clause: ts.CaseOrDefaultClause): readonly ts.Statement[] {
  if (clause.statements.length === 1 && ts.isBlock(clause.statements[0])) return clause.statements[0].statements;
  return clause.statements;
}

/** True when a `break` inside the node leaves the given switch (it would leave something else once lifted). */
function containsBreakOf(node: ts.Node, switchStatement: ts.SwitchStatement): boolean {
  if (ts.isBreakStatement(node) && node.label === undefined) {
    let parent = node.parent;
    while (parent !== switchStatement && !ts.isIterationStatement(parent, false) && !ts.isSwitchStatement(parent) && !ts.isFunctionLike(parent)) parent = parent.parent;
    return parent === switchStatement;
  }
  if (ts.isFunctionLike(node)) return false;
  return ts.forEachChild(node, (child) => containsBreakOf(child, switchStatement) || undefined) ?? false;
}

/** `if (c) { ...; break; }` (or `if (c) break;`) whose only break of the switch is its last statement. */
function breakingGuard(node: ts.Statement, switchStatement: ts.SwitchStatement): { statement: ts.IfStatement; before: readonly ts.Statement[] } | undefined {
  if (!ts.isIfStatement(node) || node.elseStatement !== undefined) return undefined;
  const then = node.thenStatement;
  const statements = ts.isBlock(then) ? then.statements : [then];
  const final = statements[statements.length - 1];
  if (final === undefined || !ts.isBreakStatement(final) || final.label !== undefined) return undefined;
  const before = statements.slice(0, -1);
  return before.some((statement) => containsBreakOf(statement, switchStatement)) ? undefined : { statement: node, before };
}

function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match?.[1].startsWith('\t') ? '\t' : match?.[1].length === 4 ? '    ' : '  ';
}
