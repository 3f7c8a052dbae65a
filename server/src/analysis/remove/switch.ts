// Switches on the flag's value: the matching case (with its fall-through) lifted in place of the switch,
// or, where a `break` inside it cannot be lifted, the switch kept with only the cases that can still run.

import { ts } from 'ts-morph';
import { indentationAt, lineEnd, lineStart, reindent, renderRange, startsLine, type TextEdit } from './edits';
import type { Folded } from './fold';
import { negation } from './precedence';
import { StatementRewriter, type Rewritten, type Slot } from './statements';
import { isExit } from './syntax';
import { deleteLines } from './unused';

/** Adds switch statements to the statement rewriter. */
export abstract class SwitchRewriter extends StatementRewriter {
  protected rewriteSwitch(statement: ts.SwitchStatement, slot: Slot): Rewritten {
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

/** The indentation step the file uses: a tab, four spaces or two. */
function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  return match?.[1].startsWith('\t') ? '\t' : match?.[1].length === 4 ? '    ' : '  ';
}
