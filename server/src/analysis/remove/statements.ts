// Statement rewriting: decided `if`s, kept blocks lifted in place, variables and statements deleted with
// their comments, and the walk through everything else (JSX included). Switches are the next layer up.

import { ts } from 'ts-morph';
import { deleteListItems, indentationAt, lineEnd, lineStart, reindent, renderRange, startsLine, type TextEdit } from './edits';
import { attachedCommentStart, introducingCommentStart } from './comments';
import { ExpressionFolder, truthy } from './fold';
import { blockScopedNames, declaredNames, isExit, isStatementNode, skipParens } from './syntax';

/** What rewriting a statement gave. */
export interface Rewritten {
  edits: TextEdit[];
  /** True when code lifted in place ends in a `return`, `throw`, `break` or `continue`: what follows is unreachable. */
  exits: boolean;
}

/** Where a statement stands: in a list, where it may become several statements or none, or alone as a branch. */
export type Slot = 'list' | 'single';

const NONE: Rewritten = { edits: [], exits: false };

/** Rewrites statements around the folded expressions; a subclass provides `rewriteSwitch`. */
export abstract class StatementRewriter extends ExpressionFolder {
  protected abstract rewriteSwitch(statement: ts.SwitchStatement, slot: Slot): Rewritten;

  rewriteStatements(statements: readonly ts.Statement[]): Rewritten {
    const edits: TextEdit[] = [];
    for (let index = 0; index < statements.length; index++) {
      const rewritten = this.rewriteStatement(statements[index], 'list');
      edits.push(...rewritten.edits);
      if (!rewritten.exits) continue;
      // Code after a lifted `return` is unreachable; function declarations are hoisted, so they stay.
      // Each run of unreachable statements goes as one, so that no blank line or comment is left between them.
      const later = statements.slice(index + 1);
      for (let first = 0; first < later.length; first++) {
        if (ts.isFunctionDeclaration(later[first])) {
          edits.push(...this.rewriteStatement(later[first], 'list').edits);
          continue;
        }
        let last = first;
        while (last + 1 < later.length && !ts.isFunctionDeclaration(later[last + 1])) last++;
        edits.push(this.deleteStatement(later[first], ts.isFunctionDeclaration, later[last]));
        first = last;
      }
      return { edits, exits: true };
    }
    return { edits, exits: false };
  }

  protected rewriteStatement(statement: ts.Statement, slot: Slot): Rewritten {
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

  private rewriteIf(statement: ts.IfStatement, slot: Slot): Rewritten {
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
  private replaceStatement(statement: ts.Statement, kept: ts.Statement | undefined, slot: Slot): Rewritten {
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

  private rewriteVariableStatement(statement: ts.VariableStatement, slot: Slot): Rewritten {
    const declarations = statement.declarationList.declarations;
    const removed = declarations.map((declaration) => this.deleted.has(declaration) || this.allElementsDeleted(declaration));
    if (removed.every(Boolean)) return this.removeStatement(statement, slot);
    const edits = deleteListItems(declarations.map((declaration) => this.spanOf(declaration)), removed);
    declarations.forEach((declaration, index) => {
      if (removed[index]) return;
      if (ts.isObjectBindingPattern(declaration.name)) edits.push(...this.removeElements(declaration.name));
      // Slots dropped from `const [a, b] = await Promise.all([p, check])` go from the pattern too.
      if (ts.isArrayBindingPattern(declaration.name)) {
        const elements = declaration.name.elements;
        edits.push(...deleteListItems(elements.map((element) => this.spanOf(element)), elements.map((element) => this.deleted.has(element))));
      }
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

  private removeStatement(statement: ts.Statement, slot: Slot): Rewritten {
    return { edits: [slot === 'list' ? this.deleteStatement(statement) : this.replaceNode(statement, '{}')], exits: false };
  }

  /**
   * Deletes a statement in a list with its lines, the comments that introduce it, and a blank line it leaves
   * doubled or at the top of a block. `survives` says which statements after it stay (by default all: they
   * are rewritten apart); the deletion runs on to `last`, a later statement of the same list.
   */
  protected deleteStatement(statement: ts.Statement, survives?: (next: ts.Statement) => boolean, last: ts.Statement = statement): TextEdit {
    const text = this.text;
    let start = introducingCommentStart(text, this.sourceFile, statement, survives) ?? statement.getStart(this.sourceFile);
    let end = last.end;
    const trailing = /^[ \t]*(\/\/[^\n]*)?/.exec(text.slice(end))?.[0] ?? '';
    end += trailing.length;
    if (startsLine(text, start) && (text[end] === '\n' || text.startsWith('\r\n', end) || end === text.length)) {
      start = lineStart(text, start);
      end = end === text.length ? end : lineEnd(text, end) + 1;
      const previousLine = start > 0 ? lineStart(text, start - 1) : -1;
      const previousBlank = previousLine >= 0 && text.slice(previousLine, start).trim() === '';
      const nextLine = text.slice(end, lineEnd(text, end));
      // First in its block (after the brace, or after declarations deleted too), it takes the blank line after it.
      const opensBlock = (previousLine >= 0 && /\{[ \t]*\r?\n$/.test(text.slice(previousLine, start))) || this.onlyDeletedBefore(statement);
      if (opensBlock && nextLine.trim() === '' && end < text.length) end = lineEnd(text, end) + 1;
      else if (previousBlank && (nextLine.trim() === '' || /^\s*[}\])]/.test(nextLine) || end === text.length)) start = previousLine;
    } else {
      start = statement.getStart(this.sourceFile);
      end = last.end;
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    }
    return { start, end, newText: '' };
  }

  /** True when every statement before this one in its block is a declaration deleted whole. */
  private onlyDeletedBefore(statement: ts.Statement): boolean {
    const parent = statement.parent;
    if (!ts.isBlock(parent)) return false;
    const before = parent.statements.slice(0, parent.statements.indexOf(statement));
    return before.length > 0 && before.every((sibling) => (ts.isFunctionDeclaration(sibling) && this.deleted.has(sibling))
      || (ts.isVariableStatement(sibling) && sibling.declarationList.declarations.every((declaration) => this.deleted.has(declaration) || this.allElementsDeleted(declaration))));
  }

  /** Where the comments directly above a node begin (no blank line between), if any. */
  protected attachedCommentStart(node: ts.Node): number | undefined {
    return attachedCommentStart(this.text, this.sourceFile, node);
  }

  /** True when moving these statements into the statement's scope would declare a name twice there. */
  /**
   * True when lifting a kept block's statements out of their braces would change what a name means: a
   * name the block declares is also declared beside it (or is a parameter), or is used anywhere else in
   * the enclosing scope, where it means an outer declaration today and would mean the lifted one after.
   */
  protected clashes(statements: readonly ts.Statement[], replaced: ts.Statement): boolean {
    const lifted = new Set(statements.flatMap(blockScopedNames));
    if (lifted.size === 0) return false;
    const parent = replaced.parent;
    const siblings: readonly ts.Statement[] = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseClause(parent) || ts.isDefaultClause(parent)
      ? parent.statements
      : [];
    const others = siblings.filter((sibling) => sibling !== replaced);
    const outer = new Set(others.flatMap(declaredNames));
    if (ts.isBlock(parent) && ts.isFunctionLike(parent.parent)) {
      for (const parameter of parent.parent.parameters) outer.add(parameter.name.getText(this.sourceFile));
    }
    if ([...lifted].some((name) => outer.has(name))) return true;
    return others.some((sibling) => mentionsAny(sibling, lifted));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Everything else: walk the children, handling JSX and shorthand properties on the way.

  protected rewriteChildren(node: ts.Node): TextEdit[] {
    const edits: TextEdit[] = [];
    ts.forEachChild(node, (child) => {
      edits.push(...this.rewriteAny(child));
    });
    return edits;
  }

  protected rewriteAny(node: ts.Node): TextEdit[] {
    if (!this.isAffected(node)) return [];
    if (ts.isJsxExpression(node)) return this.rewriteJsxExpression(node);
    if (ts.isShorthandPropertyAssignment(node)) {
      const known = this.sources.get(node.name);
      if (known !== undefined) return [this.replaceNode(node.name, `${node.name.text}: ${this.literal(known.value, node.name)}`)];
      return this.rewriteChildren(node);
    }
    if (ts.isSpreadAssignment(node)) return this.rewriteObjectSpread(node);
    if (ts.isBlock(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node)) {
      const edits = ts.isCaseClause(node) ? this.materialize(node.expression, this.fold(node.expression, false)) : [];
      return [...edits, ...this.rewriteStatements(node.statements).edits];
    }
    if (isStatementNode(node)) return this.rewriteStatement(node, 'single').edits;
    if (ts.isExpression(node)) return this.materialize(node, this.fold(node, false));
    return this.rewriteChildren(node);
  }

  /**
   * `...(flag && { a: 1 })` in an object literal: a spread the removal made a primitive (`...false`)
   * adds nothing, and a type checker refuses it, so the element goes with its comma.
   */
  private rewriteObjectSpread(node: ts.SpreadAssignment): TextEdit[] {
    const folded = this.fold(node.expression, false);
    const value = folded.known?.value;
    const spreadsNothing = folded.known !== undefined && (value === null || (typeof value !== 'object' && typeof value !== 'function'));
    if (!spreadsNothing || typeof value === 'string') return this.materialize(node.expression, folded);
    return [this.deleteObjectElement(node)];
  }

  private deleteObjectElement(node: ts.ObjectLiteralElementLike): TextEdit {
    const elements = (node.parent as ts.ObjectLiteralExpression).properties;
    const index = elements.indexOf(node);
    let start = node.getStart(this.sourceFile);
    let end = node.end;
    const comma = /^\s*,/.exec(this.text.slice(end));
    if (comma !== null) end += comma[0].length;
    else if (index > 0) start = elements[index - 1].end;
    // An element on lines of its own takes those lines with it.
    if (startsLine(this.text, start) && /^[ \t]*(\r?\n|$)/.test(this.text.slice(end))) {
      start = lineStart(this.text, start);
      end = Math.min(this.text.length, lineEnd(this.text, end) + 1);
    }
    return { start, end, newText: '' };
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
}

/** True when `root` holds an identifier with one of `names`, other than a property name after a dot. */
function mentionsAny(root: ts.Node, names: ReadonlySet<string>): boolean {
  // Iterative: a generated file can nest deeper than the call stack.
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (ts.isIdentifier(node)) {
      if (names.has(node.text) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) return true;
      continue;
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return false;
}
