// Replaces a flag's checks with the value it serves and simplifies only what that value flows into:
// conditions, ternaries, logical operators, comparisons, switches, variables and helpers that hold the
// value, JSX. Produces text edits on the original text, so code the removal does not touch keeps its
// exact text; kept blocks are lifted in place and re-indented by the difference of nesting.
// The work is layered over four files, each building on the one before: fold.ts (shared state and
// expressions), statements.ts, switch.ts, and here the values the flag flows into and the entry point.

import { ts } from 'ts-morph';
import { deleteListItems, type TextEdit } from './edits';
import type { Known } from './fold';
import type { BoundFile } from './program';
import { SwitchRewriter } from './switch';
import { hasRestSibling, isConstDeclaration, isExported, isInlinableReference, isPure, isWrittenReference, returnedExpression, skipParens, skipParentheses } from './syntax';

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

// Each round finds values one step further from a check (a constant holding a constant, a helper calling a
// helper); the bound is a safety net should the rounds keep finding something.
const MAX_DERIVATION_ROUNDS = 16;

/** Simplifies one bound file given its checks of one flag and their values. */
export function simplifyChecks(bound: BoundFile, checks: readonly ValuedCheck[], flagName: string): SimplifyResult {
  const simplifier = new Simplifier(bound, flagName);
  simplifier.addChecks(checks);
  simplifier.findDerivedValues();
  const edits = simplifier.rewriteStatements(bound.sourceFile.statements).edits;
  return { edits, deletedNames: simplifier.deletedNames(), nowConstant: [...simplifier.nowConstant.values()], problems: simplifier.problems };
}

/** Finds what holds the flag's value in one file; the layers below rewrite the code that uses it. */
class Simplifier extends SwitchRewriter {
  readonly problems: SimplifyProblem[] = [];
  /** Exported constants whose uses in this file were inlined; the declarations stay. */
  private readonly inlined = new Set<ts.Node>();
  /** Elements of `Promise.all([...])` whose slot goes with the check they held. */
  private readonly droppedSlots = new Set<ts.Expression>();
  readonly nowConstant = new Map<ts.Node, ExportedConstant>();

  constructor(private readonly bound: BoundFile, private readonly flagName: string) {
    super(bound);
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
    for (let changed = true, rounds = 0; changed && rounds < MAX_DERIVATION_ROUNDS; rounds++) {
      changed = false;
      const visit = (node: ts.Node): void => {
        if (ts.isVariableDeclaration(node) && !this.deleted.has(node)) changed = this.tryVariable(node) || this.tryHelper(node) || this.tryAllSlots(node) || changed;
        else if (ts.isFunctionDeclaration(node) && !this.deleted.has(node)) changed = this.tryHelper(node) || changed;
        ts.forEachChild(node, visit);
      };
      visit(this.sourceFile);
    }
  }

  private tryVariable(declaration: ts.VariableDeclaration): boolean {
    if (this.inlined.has(declaration) || !ts.isIdentifier(declaration.name) || declaration.initializer === undefined) return false;
    if (!this.neverReassigned(declaration)) return false;
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

  /**
   * A `const`, or a `let` or `var` in a statement that nothing writes to and that is read only after it and
   * within the block holding it: a `var` read before its statement, or outside a block that may not have
   * run, holds undefined there.
   */
  private neverReassigned(declaration: ts.VariableDeclaration): boolean {
    if (isConstDeclaration(declaration)) return true;
    const statement = declaration.parent.parent;
    if (!ts.isIdentifier(declaration.name) || !ts.isVariableStatement(statement)) return false;
    const scope = statement.parent;
    // `var` may declare the name again anywhere in its function, which assigns it.
    if ((statement.declarationList.flags & ts.NodeFlags.BlockScoped) === 0 && declaresElsewhere(functionScopeOf(statement), declaration.name)) return false;
    return this.bound.referencesTo(declaration.name).every((reference) => !isWrittenReference(reference)
      && reference.getStart(this.sourceFile) > statement.end && reference.end <= scope.end);
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

  /**
   * `const [a, b] = await Promise.all([p, check])`: the check's slot goes from the array and the pattern, and
   * `b` is inlined. The pattern keeps its shape (`const [a] = await Promise.all([p])`) rather than becoming
   * `const a = await p`: the edit stays as small as the removal, a type written on the pattern still fits,
   * and the next slot added needs no rewrite back. A slot is left as it is (the value written in it) when
   * a spread or rest comes before it, the pattern has holes or a type or is exported, its name has a
   * default or a nested pattern or is re-exported, or it is the last name of the pattern.
   */
  private tryAllSlots(declaration: ts.VariableDeclaration): boolean {
    const pattern = declaration.name;
    const all = declaration.initializer === undefined ? undefined : promiseAllArray(declaration.initializer);
    // A type written on the pattern (`: [User, boolean]`) would no longer fit it.
    if (!ts.isArrayBindingPattern(pattern) || all === undefined || !isConstDeclaration(declaration) || declaration.type !== undefined) return false;
    if (pattern.elements.some(ts.isOmittedExpression) || isExported(declaration)) return false;
    let changed = false;
    for (let index = 0; index < all.elements.length && index < pattern.elements.length; index++) {
      const slot = all.elements[index];
      const element = pattern.elements[index] as ts.BindingElement;
      if (ts.isSpreadElement(slot) || element.dotDotDotToken !== undefined) break;
      if (this.deleted.has(element) || !ts.isIdentifier(element.name) || element.initializer !== undefined) continue;
      const known = this.fold(slot, false).known;
      const namesLeft = pattern.elements.filter((other) => !this.deleted.has(other)).length;
      // A name assigned or re-exported keeps its slot (holding the value), as a variable would.
      const writable = this.bound.referencesTo(element.name).some((reference) => !isInlinableReference(reference));
      if (known === undefined || namesLeft <= 1 || writable || !this.addVariable(element, known, true)) continue;
      this.droppedSlots.add(slot);
      changed = true;
    }
    return changed;
  }

  /** An array holding a dropped slot loses it; everything else is rewritten as usual. */
  protected override rewriteChildren(node: ts.Node): TextEdit[] {
    if (!ts.isArrayLiteralExpression(node) || !node.elements.some((element) => this.droppedSlots.has(element))) return super.rewriteChildren(node);
    const dropped = node.elements.map((element) => this.droppedSlots.has(element));
    const edits = deleteListItems(node.elements.map((element) => this.spanOf(element)), dropped);
    node.elements.forEach((element, index) => {
      if (!dropped[index]) edits.push(...this.rewriteAny(element));
    });
    return edits;
  }

  /** A function whose only job was this flag: `function isNew() { return check; }`, `const isNew = () => check`. */
  private tryHelper(declaration: ts.FunctionDeclaration | ts.VariableDeclaration): boolean {
    let fn: ts.FunctionLikeDeclaration | undefined;
    if (ts.isFunctionDeclaration(declaration)) fn = declaration;
    else if (declaration.initializer !== undefined && this.neverReassigned(declaration)
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
}

/** The array of `await Promise.all([...])`, when that is the expression. */
function promiseAllArray(initializer: ts.Expression): ts.ArrayLiteralExpression | undefined {
  const awaited = skipParens(initializer);
  if (!ts.isAwaitExpression(awaited)) return undefined;
  const call = skipParens(awaited.expression);
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || !ts.isArrayLiteralExpression(call.arguments[0])) return undefined;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise' && callee.name.text === 'all'
    ? call.arguments[0] : undefined;
}

/** The function (or file) whose scope a `var` belongs to. */
function functionScopeOf(node: ts.Node): ts.Node {
  let scope = node.parent;
  while (!ts.isSourceFile(scope) && !ts.isFunctionLike(scope)) scope = scope.parent;
  return scope;
}

/** True when something within `scope` other than `name` itself declares a variable, parameter or function of that name. */
function declaresElsewhere(scope: ts.Node, name: ts.Identifier): boolean {
  const visit = (node: ts.Node): boolean => {
    if ((ts.isVariableDeclaration(node) || ts.isBindingElement(node) || ts.isParameter(node) || ts.isFunctionDeclaration(node))
      && node.name !== undefined && node.name !== name && ts.isIdentifier(node.name) && node.name.text === name.text) return true;
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(scope);
}
