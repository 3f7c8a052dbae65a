// The type checker's word on what a check's call returns (DESIGN.md "returns"): evidence beside its
// pattern's declaration and the code's use. Pure: the program and its host are made by the caller
// (workspace/callTypes.ts) and only asked here.

import { ts } from 'ts-morph';
import type { Span } from '../types';

/**
 * What the checker says a call gives back where it is used: the flag's value (a primitive, a literal
 * union, an array or a record), an object holding the value at `valuePath`, or something else. `what`
 * names the type for people: "`Variant` (from unleash-client)".
 */
export type TypedReturns =
  | { kind: 'value'; what: string }
  | { kind: 'object'; valuePath: readonly string[]; what: string }
  | { kind: 'other'; what: string; /** A promise not awaited, a function or a class instance: never a flag's value. */ notData: boolean };

/** The type checker's answers for the checks of the files being cleaned; built lazily by its maker. */
export interface CallTypes {
  /** What the call (or bag property) at this span of the file returns, or undefined when its type says nothing (any, unknown, unresolved). */
  returnsOf(fileName: string, span: Span): TypedReturns | undefined;
  /** The promise type the code expects where the expression at this span stands without awaiting it (see `expectedPromiseAt`). */
  expectedPromiseOf(fileName: string, span: Span): string | undefined;
  /** For a call of a bare function name: the project source file that declares the function, when the checker finds it there (not in a package). */
  projectDeclarationOf(fileName: string, span: Span): string | undefined;
}

// The property a typed object holds the flag's value at. Only `value`: evaluation details (OpenFeature,
// LaunchDarkly), GrowthBook's feature result and a vendor's variable name it so, while `enabled` on
// Unleash's Variant says whether a variant was assigned, which is not the flag's value.
const VALUE_PROPERTY = 'value';
const MAX_TYPE_TEXT = 60;

/** What the checker says the check at `span` of `sourceFile` (a file of the checker's program) returns. */
export function typedReturnsAt(checker: ts.TypeChecker, sourceFile: ts.SourceFile, span: Span): TypedReturns | undefined {
  const node = nodeAtSpan(sourceFile, span.start, span.end);
  if (node === undefined) return undefined;
  const located = ts.isBindingElement(node) ? node.name : node;
  let type = checker.getTypeAtLocation(located);
  // Where the code awaits the call, the value is what the promise resolves to.
  if (isAwaited(node)) type = checker.getAwaitedType(type) ?? type;
  return classify(checker, type, node);
}

/**
 * The promise the code expects where the expression at `span` stands without awaiting it: `return call` in a function
 * declared `Promise<boolean>` that is not async, `const p: Promise<boolean> = call`, an argument of a parameter typed
 * so. There the call gives a promise, whatever a pattern says of its value, and a literal in its place would change
 * what the code does. Undefined when the code awaits it or expects anything else.
 */
export function expectedPromiseAt(checker: ts.TypeChecker, sourceFile: ts.SourceFile, span: Span): string | undefined {
  const node = nodeAtSpan(sourceFile, span.start, span.end);
  if (node === undefined || !ts.isExpression(node) || isAwaited(node)) return undefined;
  let outer: ts.Expression = node;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  const expected = checker.getContextualType(outer);
  if (expected === undefined || !isPromiseLike(expected)) return undefined;
  return `\`${checker.typeToString(expected, node, ts.TypeFormatFlags.NoTruncation).replace(/\s+/g, ' ').slice(0, MAX_TYPE_TEXT)}\``;
}

// A promise, or a union of promises and nothing (`Promise<boolean> | undefined` of an optional parameter).
function isPromiseLike(type: ts.Type): boolean {
  const members = (type.isUnion() ? type.types : [type]).filter((member) => (member.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0);
  return members.length > 0 && members.every((member) => (member.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) === 0 && member.getProperty('then') !== undefined);
}

/**
 * The project source file (not a package's declarations) declaring the function a call at `span` calls
 * by a bare name: `getStringValue('hello')` imported from `./utils`.
 */
export function projectDeclarationAt(checker: ts.TypeChecker, sourceFile: ts.SourceFile, span: Span): string | undefined {
  const node = nodeAtSpan(sourceFile, span.start, span.end);
  if (node === undefined || !ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  let symbol = checker.getSymbolAtLocation(node.expression);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.[0];
  if (declaration === undefined) return undefined;
  const declaringFile = declaration.getSourceFile();
  if (declaringFile.isDeclarationFile || declaringFile.fileName.includes('/node_modules/')) return undefined;
  return declaringFile.fileName;
}

function classify(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): TypedReturns | undefined {
  const what = describe(checker, type, at);
  if ((type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.TypeParameter | ts.TypeFlags.Void | ts.TypeFlags.NonPrimitive)) !== 0) return undefined;
  if (type.isUnion()) {
    const members = type.types.map((member) => classify(checker, member, at));
    if (members.some((member) => member === undefined)) return undefined;
    const known = members as TypedReturns[];
    if (known.every((member) => member.kind === 'value')) return { kind: 'value', what };
    // `Details | undefined` is other: its value is read with `?.`, which the clean-up does not fold.
    if (known.every((member) => member.kind === 'object')) return { kind: 'object', valuePath: [VALUE_PROPERTY], what };
    return { kind: 'other', what, notData: known.some((member) => member.kind === 'other' && member.notData) };
  }
  const primitive = ts.TypeFlags.BooleanLike | ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.EnumLike
    | ts.TypeFlags.Null | ts.TypeFlags.Undefined;
  if ((type.flags & primitive) !== 0) return { kind: 'value', what };
  if ((type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) === 0) return undefined;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return { kind: 'value', what };
  const notData = type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0 || type.getProperty('then') !== undefined
    || ((type.getSymbol()?.flags ?? 0) & ts.SymbolFlags.Class) !== 0;
  if (notData) return { kind: 'other', what, notData };
  if (type.getProperty(VALUE_PROPERTY) !== undefined) return { kind: 'object', valuePath: [VALUE_PROPERTY], what };
  const properties = type.getProperties();
  // A record (`{ [key: string]: JsonValue }`) is a JSON object flag value; named properties are a shape of the SDK's.
  if (properties.length === 0 && (type.getStringIndexType() !== undefined || type.getNumberIndexType() !== undefined)) return { kind: 'value', what };
  if (properties.length === 0) return undefined;
  return { kind: 'other', what, notData: false };
}

/** "`Variant` (from unleash-client)", "`Promise<boolean>` (a promise not awaited here)". */
function describe(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): string {
  // The package is named apart, so `import("unleash-client").Variant` reads `Variant`.
  let text = checker.typeToString(type, at, ts.TypeFormatFlags.NoTruncation).replace(/import\("[^"]*"\)\./g, '').replace(/\s+/g, ' ');
  if (text.length > MAX_TYPE_TEXT) text = `${text.slice(0, MAX_TYPE_TEXT - 1)}…`;
  const declaration = (type.aliasSymbol ?? type.getSymbol())?.declarations?.[0];
  const from = declaration === undefined ? undefined : packageOf(declaration.getSourceFile().fileName);
  const promise = type.getProperty('then') !== undefined ? ' (a promise not awaited here)' : '';
  return `\`${text}\`${from === undefined ? '' : ` (from ${from})`}${promise}`;
}

/**
 * The package a declaration file belongs to: `unleash-client`, `@openfeature/web-sdk`, `react` for
 * `@types/react`; none for the standard library (`Promise`), which every reader knows.
 */
function packageOf(fileName: string): string | undefined {
  const at = fileName.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const parts = fileName.slice(at + '/node_modules/'.length).split('/');
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  if (name === 'typescript') return undefined;
  return name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : name;
}

/**
 * True where the code uses what the call's promise resolves to: `await call`, a slot of an awaited
 * `Promise.all([...])`, or the value an async function returns.
 */
function isAwaited(node: ts.Node): boolean {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isNonNullExpression(current.parent)
    || ts.isSatisfiesExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isArrayLiteralExpression(parent) && ts.isCallExpression(parent.parent) && parent.parent.arguments[0] === parent) {
    const callee = parent.parent.expression;
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'all' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise'
      && isAwaited(parent.parent);
  }
  const returnedFrom = ts.isReturnStatement(parent) ? ts.findAncestor(parent, ts.isFunctionLike)
    : ts.isArrowFunction(parent) && parent.body === current ? parent : undefined;
  return returnedFrom !== undefined && (ts.getCombinedModifierFlags(returnedFrom as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/** The deepest expression (or destructured element) with exactly this span. */
export function nodeAtSpan(sourceFile: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) === start && node.end === end && (ts.isExpression(node) || ts.isBindingElement(node))) found = node;
    if (node.pos <= start && node.end >= end) ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  // A destructured element `{ newCheckout }` and its name share a span; the element is the check.
  if (found !== undefined && ts.isIdentifier(found) && ts.isBindingElement(found.parent) && found.parent.name === found) return found.parent;
  return found;
}
