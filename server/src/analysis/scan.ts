import { ts } from 'ts-morph';
import { calleeLastName, type PatternSet } from '../patterns';
import { keyInObjectArgument, objectBagOf, type ObjectBag } from './bags';
import { kebabCaseFromCamelCase } from './keys';
import { literalUnionKeys } from './registry';
import type { FlagCheck, FlagPattern, FlagValueType, Span } from './types';

/** A name exported by another module, then a member path: `F.Flags.NEW` after `import * as F from './flags'` is `{ specifier: './flags', names: ['Flags', 'NEW'] }`; no names is the whole module. */
export interface ModuleReference {
  readonly kind: 'import';
  readonly specifier: string;
  readonly names: readonly string[];
}

/** An object of flag keys another file can import: an `as const` object, an enum, a class's static fields. */
export interface ExportedObject {
  readonly kind: 'object';
  readonly members: Readonly<Record<string, ExportedValue>>;
}

/** What a file exports under one name, as far as flag keys go: a key, an object of keys, or another module's export. */
export type ExportedValue = string | ExportedObject | ModuleReference;

/** A check whose key is imported: `resolveChecks` follows `reference` to complete `checks[checkIndex]`. */
export interface ImportedKey {
  readonly checkIndex: number;
  readonly reference: ModuleReference;
}

/** What scanning one file found; plain data, so it can be kept for every file of a workspace. */
export interface FileScan {
  readonly fileName: string;
  /** Flag checks in source order; a key not resolved within the file holds the key argument's source text. */
  readonly checks: readonly FlagCheck[];
  readonly importedKeys: readonly ImportedKey[];
  /** Exported name → value, for keys other files import from this one. */
  readonly exports: Readonly<Record<string, ExportedValue>>;
  /** Specifiers of `export * from '...'`. */
  readonly starExports: readonly string[];
}

// Values as the scanner first sees them: a reference to a local name is completed after the whole file
// is read, because a constant may be declared below the function that uses it.
interface LocalReference {
  readonly kind: 'local';
  readonly names: readonly string[];
  /** Where the reference is written, to find the declaration in scope there. */
  readonly position: number;
}
interface LocalObject {
  readonly kind: 'object';
  readonly members: Record<string, LocalValue>;
}
type LocalValue = string | LocalObject | LocalReference | ModuleReference;

/** A call that returns every flag at once (`useFlags()`), and the callee as written there. */
interface BagSource {
  readonly pattern: FlagPattern;
  readonly method: string;
}

/** A declared name. `value` is undefined for names that hold no known key (parameters, `let`), so they shadow outer constants. */
interface Binding {
  readonly scopeStart: number;
  readonly scopeEnd: number;
  readonly value: LocalValue | undefined;
  readonly bag?: BagSource;
  /** Set for a function parameter: a key read from it is dynamic, limited to what its type allows. */
  readonly parameter?: { readonly type: ts.TypeNode | undefined };
}

interface DraftCheck {
  readonly check: FlagCheck;
  /** The key argument's value, completed once every declaration of the file is known; absent when `check.key` is final. */
  readonly keyValue?: LocalValue;
}

interface ScanState {
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly patternsByName: ReadonlyMap<string, readonly FlagPattern[]>;
  readonly bindings: Map<string, Binding[]>;
  readonly scopes: Span[];
  readonly drafts: DraftCheck[];
  readonly objectBags: readonly ObjectBag[];
  /** `type FlagKey = 'a' | 'b'`, for the keys a parameter of that type may hold. */
  readonly typeAliases: Map<string, ts.TypeNode>;
}

const SCRIPT_KINDS: Readonly<Record<string, ts.ScriptKind>> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JSX,
  '.jsx': ts.ScriptKind.JSX,
  '.mjs': ts.ScriptKind.JSX,
  '.cjs': ts.ScriptKind.JSX,
};

/** The file extensions the scanner reads. */
export const SCANNED_EXTENSIONS: readonly string[] = Object.keys(SCRIPT_KINDS);

// Enough for any real chain of constants; stops self-referencing ones.
const MAX_REFERENCE_DEPTH = 32;

const patternIndexes = new WeakMap<PatternSet, ReadonlyMap<string, readonly FlagPattern[]>>();

/**
 * Finds the flag checks in one file and what it exports for other files' keys. Never throws: code with
 * syntax errors is scanned as far as the parser recovers. `parsed`, when given, is the tree of this very text.
 */
export function scanFile(fileName: string, text: string, patterns: PatternSet, parsed?: ts.SourceFile): FileScan {
  const mayHaveChecks = patterns.calleeNames.some((name) => text.includes(name));
  if (!mayHaveChecks && !text.includes('export')) {
    return { fileName, checks: [], importedKeys: [], exports: {}, starExports: [] };
  }
  const sourceFile = parsed ?? parseSource(fileName, text);
  const state: ScanState = {
    sourceFile,
    text,
    patternsByName: patternIndex(patterns),
    bindings: new Map(),
    scopes: [],
    drafts: [],
    objectBags: patterns.objectBags ?? [],
    typeAliases: new Map(),
  };
  if (mayHaveChecks) {
    visit(state, sourceFile, undefined);
  } else {
    // Without a callee name there is no check; only the top-level declarations that exports name matter.
    state.scopes.push({ start: sourceFile.pos, end: sourceFile.end });
    for (const statement of sourceFile.statements) {
      if (ts.isVariableStatement(statement)) declareVariables(state, statement.declarationList);
      else declareStatement(state, statement);
    }
  }
  const { checks, importedKeys } = completeChecks(state);
  const { exports, starExports } = collectExports(state);
  return { fileName, checks, importedKeys, exports, starExports };
}

/** The syntax tree `scanFile` reads; a caller may keep it for an open document and pass updates of it back as `parsed`. */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKindOf(fileName));
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  const dot = fileName.lastIndexOf('.');
  return SCRIPT_KINDS[fileName.slice(dot).toLowerCase()] ?? ts.ScriptKind.TS;
}

function patternIndex(patterns: PatternSet): ReadonlyMap<string, readonly FlagPattern[]> {
  let index = patternIndexes.get(patterns);
  if (index === undefined) {
    const byName = new Map<string, FlagPattern[]>();
    for (const pattern of patterns.patterns) {
      const name = calleeLastName(pattern.callee);
      byName.set(name, [...(byName.get(name) ?? []), pattern]);
    }
    index = byName;
    patternIndexes.set(patterns, index);
  }
  return index;
}

function visit(state: ScanState, node: ts.Node, parent: ts.Node | undefined): void {
  const opensScope = isScope(node);
  if (opensScope) state.scopes.push({ start: node.pos, end: node.end });
  switch (node.kind) {
    case ts.SyntaxKind.CallExpression:
      visitCall(state, node as ts.CallExpression);
      break;
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      visitBagAccess(state, node as ts.PropertyAccessExpression | ts.ElementAccessExpression, parent);
      break;
    case ts.SyntaxKind.VariableDeclarationList:
      declareVariables(state, node as ts.VariableDeclarationList);
      break;
    case ts.SyntaxKind.Parameter:
      declareOpaqueNames(state, (node as ts.ParameterDeclaration).name, { type: (node as ts.ParameterDeclaration).type });
      break;
    default:
      declareStatement(state, node);
  }
  ts.forEachChild(node, (child) => visit(state, child, node));
  if (opensScope) state.scopes.pop();
}

function isScope(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.SourceFile:
    case ts.SyntaxKind.Block:
    case ts.SyntaxKind.ModuleBlock:
    case ts.SyntaxKind.CaseBlock:
    case ts.SyntaxKind.ForStatement:
    case ts.SyntaxKind.ForInStatement:
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.CatchClause:
      return true;
    default:
      return ts.isFunctionLike(node);
  }
}

/** Imports, enums and classes a constant key may come from; the full walk and the exports-only pass share them. */
function declareStatement(state: ScanState, node: ts.Node): void {
  if (ts.isImportDeclaration(node)) declareImports(state, node);
  else if (ts.isEnumDeclaration(node)) declare(state, node.name.text, enumValue(node));
  else if (ts.isClassDeclaration(node) && node.name !== undefined) declare(state, node.name.text, classStaticsValue(node));
  else if (ts.isTypeAliasDeclaration(node)) state.typeAliases.set(node.name.text, node.type);
}

// ---------------------------------------------------------------------------------------------------------------
// Flag checks

function visitCall(state: ScanState, call: ts.CallExpression): void {
  const pattern = matchCallee(state, call.expression);
  if (pattern === undefined || pattern.kind !== 'call') return;
  const args = call.arguments;
  const argument = args[pattern.keyArg] as ts.Expression | undefined;
  const keyNode = argument === undefined || pattern.keyPath === undefined ? argument : keyInObjectArgument(argument, pattern.keyPath);
  if (keyNode === undefined || !isKeyLike(keyNode)) return;
  if (args.slice(0, pattern.keyArg).some(ts.isSpreadElement)) return;
  // A literal key is evidence enough, and while typing the default is often not written yet.
  if (pattern.minArgs !== undefined && args.length < pattern.minArgs && !ts.isStringLiteralLike(unwrap(keyNode))) return;
  const defaultIndex = pattern.defaultArgByArgCount?.[args.length] ?? pattern.defaultArg;
  const defaultNode = defaultIndex === undefined ? undefined : args[defaultIndex];
  state.drafts.push({
    check: {
      ...checkBase(state, pattern, calleeText(state, call.expression), call, defaultNode),
      key: textOf(state, keyNode),
      resolved: false,
      keySpan: spanOf(state, keyNode),
      keyIsLiteral: ts.isStringLiteral(keyNode) || ts.isNoSubstitutionTemplateLiteral(keyNode),
    },
    keyValue: evaluate(keyNode),
  });
}

/** `flags.newCheckout`, `flags['new-checkout']`, `useFlags().newCheckout`. */
function visitBagAccess(state: ScanState, node: ts.PropertyAccessExpression | ts.ElementAccessExpression, parent: ts.Node | undefined): void {
  // `flags.hasOwnProperty(...)` asks the bag object itself, not a flag.
  if (parent !== undefined && ts.isCallExpression(parent) && parent.expression === node) return;
  const bag = bagSourceOf(state, node.expression);
  if (bag === undefined) return;
  if (ts.isPropertyAccessExpression(node)) {
    if (ts.isIdentifier(node.name)) addBagNameCheck(state, bag, node.name, node, undefined);
  } else {
    addBagKeyCheck(state, bag, node.argumentExpression, node, undefined);
  }
}

/** `const { newCheckout, 'dark-mode': darkMode = false } = useFlags()`. */
function addDestructuredBagChecks(state: ScanState, bag: BagSource, pattern: ts.ObjectBindingPattern): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken !== undefined) continue;
    const nameNode = element.propertyName ?? element.name;
    if (ts.isIdentifier(nameNode)) {
      addBagNameCheck(state, bag, nameNode, element, element.initializer);
    } else if (ts.isComputedPropertyName(nameNode)) {
      addBagKeyCheck(state, bag, nameNode.expression, element, element.initializer);
    } else if (ts.isStringLiteral(nameNode) || ts.isNoSubstitutionTemplateLiteral(nameNode)) {
      addBagKeyCheck(state, bag, nameNode, element, element.initializer);
    }
  }
}

/** A flag named by an identifier: camelCased in LaunchDarkly's bag. */
function addBagNameCheck(state: ScanState, bag: BagSource, name: ts.Identifier, whole: ts.Node, defaultNode: ts.Expression | undefined): void {
  if (name.text === '') return;
  const camelCase = bag.pattern.camelCaseKeys === true;
  state.drafts.push({
    check: {
      ...checkBase(state, bag.pattern, bag.method, whole, defaultNode),
      key: camelCase ? kebabCaseFromCamelCase(name.text) : name.text,
      resolved: true,
      ...(camelCase ? { camelCaseName: name.text } : {}),
      keySpan: spanOf(state, name),
      keyIsLiteral: false,
    },
  });
}

/** A flag named by a string or an expression (`flags['new-checkout']`, `flags[FLAGS.NEW]`): the key as is, never camelCased. */
function addBagKeyCheck(state: ScanState, bag: BagSource, keyNode: ts.Expression, whole: ts.Node, defaultNode: ts.Expression | undefined): void {
  if (!isKeyLike(keyNode)) return;
  state.drafts.push({
    check: {
      ...checkBase(state, bag.pattern, bag.method, whole, defaultNode),
      key: textOf(state, keyNode),
      resolved: false,
      keySpan: spanOf(state, keyNode),
      keyIsLiteral: ts.isStringLiteral(keyNode) || ts.isNoSubstitutionTemplateLiteral(keyNode),
    },
    keyValue: evaluate(keyNode),
  });
}

/** The fields of a check that do not depend on its key. */
function checkBase(state: ScanState, pattern: FlagPattern, method: string, whole: ts.Node, defaultNode: ts.Expression | undefined) {
  const defaultValueText = defaultNode === undefined ? undefined : textOf(state, defaultNode);
  return {
    callSpan: spanOf(state, whole),
    sdk: pattern.sdk,
    method,
    ...(defaultValueText ? { defaultValueText } : {}),
    valueType: pattern.valueType === 'unknown' && defaultNode !== undefined ? valueTypeOfDefault(defaultNode) : pattern.valueType,
    negate: pattern.negate,
  };
}

/** The pattern a callee matches: `receiver.name` patterns first, then a bare `name`. */
function matchCallee(state: ScanState, callee: ts.Expression): FlagPattern | undefined {
  let name: string;
  let receiver: ts.Expression | undefined;
  if (ts.isIdentifier(callee)) {
    name = callee.text;
  } else if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.name)) {
    name = callee.name.text;
    receiver = callee.expression;
  } else {
    return undefined;
  }
  const candidates = state.patternsByName.get(name);
  if (candidates === undefined) return undefined;
  let bare: FlagPattern | undefined;
  const receiverName = receiver === undefined ? undefined : lastNameOf(receiver);
  for (const pattern of candidates) {
    const dot = pattern.callee.lastIndexOf('.');
    if (dot < 0) {
      bare ??= pattern;
    } else if (receiverName !== undefined && receiverName === calleeLastName(pattern.callee.slice(0, dot))) {
      return pattern;
    }
  }
  return bare;
}

/** The last name of a receiver: `flags` for `this.flags`, `ctx.flags` or `flags`. */
function lastNameOf(node: ts.Expression): string | undefined {
  const expression = unwrap(node);
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isElementAccessExpression(expression) && ts.isStringLiteralLike(expression.argumentExpression)) return expression.argumentExpression.text;
  return undefined;
}

function bagSourceOf(state: ScanState, node: ts.Expression): BagSource | undefined {
  const expression = unwrap(node);
  if (ts.isCallExpression(expression)) {
    const pattern = matchCallee(state, expression.expression);
    return pattern?.kind === 'bag' ? { pattern, method: calleeText(state, expression.expression) } : undefined;
  }
  const declared = objectBagOf(expression, state.objectBags);
  if (ts.isIdentifier(expression)) {
    const binding = lookupBinding(state, expression.text, expression.end);
    if (binding !== undefined || declared === undefined) return binding?.bag;
  }
  return declared === undefined ? undefined : { pattern: declared.pattern, method: declared.pattern.callee };
}

/**
 * Generic names (`isEnabled`, `feature`, `variation`) are common outside flag SDKs; a key argument that
 * cannot be a string (a number, an object, a function) or a missing one means the call is something else.
 */
function isKeyLike(node: ts.Expression): boolean {
  const expression = unwrap(node);
  switch (expression.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
      return true;
    case ts.SyntaxKind.Identifier: {
      const name = (expression as ts.Identifier).text;
      return name !== '' && name !== 'undefined';
    }
    default:
      return false;
  }
}

/** The type a default value literal implies, for patterns whose method does not say (`variation`, `useFlag`). */
function valueTypeOfDefault(node: ts.Expression): FlagValueType {
  const expression = unwrap(node);
  switch (expression.kind) {
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return 'boolean';
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
      return 'string';
    case ts.SyntaxKind.NumericLiteral:
      return 'number';
    case ts.SyntaxKind.PrefixUnaryExpression:
      return ts.isNumericLiteral((expression as ts.PrefixUnaryExpression).operand) ? 'number' : 'unknown';
    case ts.SyntaxKind.ObjectLiteralExpression:
    case ts.SyntaxKind.ArrayLiteralExpression:
      return 'object';
    default:
      return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Declarations

function declare(state: ScanState, name: string, value: LocalValue | undefined, bag?: BagSource, parameter?: Binding['parameter']): void {
  if (name === '') return;
  const scope = state.scopes[state.scopes.length - 1] ?? { start: 0, end: state.text.length };
  const binding: Binding = { scopeStart: scope.start, scopeEnd: scope.end, value, ...(bag ? { bag } : {}), ...(parameter ? { parameter } : {}) };
  const existing = state.bindings.get(name);
  if (existing === undefined) state.bindings.set(name, [binding]);
  else existing.push(binding);
}

/** Names that hold no known key; a destructured parameter's names are parameters of no known type. */
function declareOpaqueNames(state: ScanState, name: ts.BindingName, parameter?: Binding['parameter']): void {
  if (ts.isIdentifier(name)) {
    declare(state, name.text, undefined, undefined, parameter);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) declareOpaqueNames(state, element.name, parameter && { type: undefined });
  }
}

function declareVariables(state: ScanState, list: ts.VariableDeclarationList): void {
  const isConst = (list.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.Const;
  for (const declaration of list.declarations) {
    const bag = declaration.initializer === undefined ? undefined : bagSourceOf(state, declaration.initializer);
    const name = declaration.name;
    if (bag !== undefined) {
      if (ts.isObjectBindingPattern(name)) addDestructuredBagChecks(state, bag, name);
      if (ts.isIdentifier(name)) declare(state, name.text, undefined, bag);
      else declareOpaqueNames(state, name);
      continue;
    }
    const value = isConst && declaration.initializer !== undefined ? evaluate(declaration.initializer) : undefined;
    if (ts.isIdentifier(name)) {
      declare(state, name.text, value);
    } else if (ts.isObjectBindingPattern(name) && value !== undefined) {
      // `const { NEW_CHECKOUT } = FLAGS`
      for (const element of name.elements) {
        const memberName = element.propertyName === undefined ? undefined : propertyNameText(element.propertyName);
        if (element.dotDotDotToken === undefined && ts.isIdentifier(element.name)) {
          declare(state, element.name.text, memberOf(value, memberName ?? element.name.text));
        } else {
          declareOpaqueNames(state, element.name);
        }
      }
    } else {
      declareOpaqueNames(state, name);
    }
  }
}

function declareImports(state: ScanState, node: ts.ImportDeclaration): void {
  const clause = node.importClause;
  if (clause === undefined || !ts.isStringLiteral(node.moduleSpecifier)) return;
  const specifier = node.moduleSpecifier.text;
  if (clause.name !== undefined) declare(state, clause.name.text, { kind: 'import', specifier, names: ['default'] });
  const named = clause.namedBindings;
  if (named === undefined) return;
  if (ts.isNamespaceImport(named)) {
    declare(state, named.name.text, { kind: 'import', specifier, names: [] });
    return;
  }
  for (const element of named.elements) {
    const imported = element.propertyName ?? element.name;
    declare(state, element.name.text, { kind: 'import', specifier, names: [imported.text] });
  }
}

function enumValue(node: ts.EnumDeclaration): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const member of node.members) {
    const name = propertyNameText(member.name);
    const value = member.initializer === undefined ? undefined : evaluate(member.initializer);
    if (name !== undefined && value !== undefined) setMember(members, name, value);
  }
  return { kind: 'object', members };
}

/** `class Flags { static readonly NEW_CHECKOUT = 'new-checkout' }` */
function classStaticsValue(node: ts.ClassDeclaration): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const member of node.members) {
    if (!ts.isPropertyDeclaration(member) || member.initializer === undefined) continue;
    if (!member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) continue;
    const name = propertyNameText(member.name);
    const value = evaluate(member.initializer);
    if (name !== undefined && value !== undefined) setMember(members, name, value);
  }
  return { kind: 'object', members };
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/** What an expression holds, as far as flag keys go; undefined when it cannot be a key or an object of keys. */
function evaluate(node: ts.Expression): LocalValue | undefined {
  const expression = unwrap(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (ts.isIdentifier(expression)) {
    return expression.text === '' ? undefined : { kind: 'local', names: [expression.text], position: expression.end };
  }
  if (ts.isPropertyAccessExpression(expression)) {
    return ts.isIdentifier(expression.name) ? memberOf(evaluate(expression.expression), expression.name.text) : undefined;
  }
  if (ts.isElementAccessExpression(expression)) {
    const member = unwrap(expression.argumentExpression);
    return ts.isStringLiteralLike(member) || ts.isNumericLiteral(member) ? memberOf(evaluate(expression.expression), member.text) : undefined;
  }
  if (ts.isObjectLiteralExpression(expression)) return objectValue(expression);
  if (isObjectFreeze(expression)) return evaluate(expression.arguments[0]);
  return undefined;
}

function objectValue(node: ts.ObjectLiteralExpression): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property)) {
      const name = propertyNameText(property.name);
      const value = evaluate(property.initializer);
      if (name !== undefined && value !== undefined) setMember(members, name, value);
    } else if (ts.isShorthandPropertyAssignment(property) && property.name.text !== '') {
      setMember(members, property.name.text, { kind: 'local', names: [property.name.text], position: property.name.end });
    }
  }
  return { kind: 'object', members };
}

function isObjectFreeze(node: ts.Expression): node is ts.CallExpression & { arguments: ts.NodeArray<ts.Expression> } {
  return ts.isCallExpression(node)
    && node.arguments.length === 1
    && ts.isPropertyAccessExpression(node.expression)
    && ts.isIdentifier(node.expression.expression)
    && node.expression.expression.text === 'Object'
    && node.expression.name.text === 'freeze';
}

function memberOf(value: LocalValue | undefined, name: string): LocalValue | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  if (value.kind === 'object') return Object.hasOwn(value.members, name) ? value.members[name] : undefined;
  return { ...value, names: [...value.names, name] };
}

/** Plain objects keep scans easy to compare and serialise; `__proto__` is the one name they cannot hold. */
function setMember<T>(record: Record<string, T>, name: string, value: T): void {
  if (name !== '__proto__') record[name] = value;
}

function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text === '' ? undefined : name.text;
  if (ts.isComputedPropertyName(name)) {
    const expression = unwrap(name.expression);
    if (ts.isStringLiteralLike(expression)) return expression.text;
  }
  return undefined;
}

/** Parentheses and type-only wrappers: `(KEY as const)`, `KEY satisfies string`, `KEY!`. */
function unwrap(node: ts.Expression): ts.Expression {
  let expression = node;
  while (
    ts.isParenthesizedExpression(expression)
    || ts.isAsExpression(expression)
    || ts.isSatisfiesExpression(expression)
    || ts.isNonNullExpression(expression)
    || ts.isTypeAssertionExpression(expression)
  ) {
    expression = expression.expression;
  }
  return expression;
}

function lookupBinding(state: ScanState, name: string, position: number): Binding | undefined {
  const candidates = state.bindings.get(name);
  if (candidates === undefined) return undefined;
  let innermost: Binding | undefined;
  for (const binding of candidates) {
    if (binding.scopeStart <= position && position <= binding.scopeEnd && (innermost === undefined || binding.scopeStart >= innermost.scopeStart)) {
      innermost = binding;
    }
  }
  return innermost;
}

/** Follows local names to a key, an object of keys or an import, then walks `path` into it. */
function followLocal(state: ScanState, value: LocalValue, path: readonly string[], depth: number): string | LocalObject | ModuleReference | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  if (typeof value === 'string') return path.length === 0 ? value : undefined;
  switch (value.kind) {
    case 'object': {
      if (path.length === 0) return value;
      const [first, ...rest] = path;
      return Object.hasOwn(value.members, first) ? followLocal(state, value.members[first], rest, depth + 1) : undefined;
    }
    case 'import':
      return path.length === 0 ? value : { ...value, names: [...value.names, ...path] };
    case 'local': {
      const [first, ...rest] = value.names;
      const bound = lookupBinding(state, first, value.position)?.value;
      return bound === undefined ? undefined : followLocal(state, bound, [...rest, ...path], depth + 1);
    }
  }
}

function completeChecks(state: ScanState): { checks: FlagCheck[]; importedKeys: ImportedKey[] } {
  const checks: FlagCheck[] = [];
  const importedKeys: ImportedKey[] = [];
  for (const draft of state.drafts) {
    const value = draft.keyValue === undefined ? undefined : followLocal(state, draft.keyValue, [], 0);
    if (typeof value === 'string') {
      checks.push({ ...draft.check, key: value, resolved: true });
    } else {
      if (value?.kind === 'import') importedKeys.push({ checkIndex: checks.length, reference: value });
      checks.push(withDynamicKey(state, draft));
    }
  }
  return { checks, importedKeys };
}

/** A check whose key is a parameter (or a member of one) of the enclosing function: dynamic, with the keys its type allows. */
function withDynamicKey(state: ScanState, draft: DraftCheck): FlagCheck {
  const reference = draft.keyValue;
  if (reference === undefined || typeof reference === 'string' || reference.kind !== 'local') return draft.check;
  const parameter = lookupBinding(state, reference.names[0], reference.position)?.parameter;
  if (parameter === undefined) return draft.check;
  const seen = new Set<string>();
  const resolveName = (name: string): readonly string[] | undefined => {
    if (seen.has(name)) return undefined;
    seen.add(name);
    const alias = state.typeAliases.get(name);
    if (alias !== undefined) return literalUnionKeys(alias, resolveName);
    const enumValue = followLocal(state, { kind: 'local', names: [name], position: reference.position }, [], 0);
    return enumValue !== undefined && typeof enumValue !== 'string' && enumValue.kind === 'object' ? stringMembers(state, enumValue) : undefined;
  };
  const possibleKeys = reference.names.length === 1 && parameter.type !== undefined ? literalUnionKeys(parameter.type, resolveName) : undefined;
  return { ...draft.check, dynamic: true, ...(possibleKeys !== undefined && possibleKeys.length > 0 ? { possibleKeys } : {}) };
}

/** The keys of an enum's members; undefined when one is not a key. */
function stringMembers(state: ScanState, object: LocalObject): string[] | undefined {
  const keys: string[] = [];
  for (const name of Object.keys(object.members)) {
    const key = followLocal(state, object.members[name], [], 0);
    if (typeof key !== 'string') return undefined;
    keys.push(key);
  }
  return keys;
}

// ---------------------------------------------------------------------------------------------------------------
// Exports

function collectExports(state: ScanState): { exports: Record<string, ExportedValue>; starExports: string[] } {
  const exported: Record<string, LocalValue> = {};
  const starExports: string[] = [];
  for (const statement of state.sourceFile.statements) {
    if (ts.isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier !== undefined && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (clause === undefined) {
        if (specifier !== undefined) starExports.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier !== undefined) setMember(exported, clause.name.text, { kind: 'import', specifier, names: [] });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          setMember(exported, element.name.text, specifier === undefined
            ? { kind: 'local', names: [local], position: statement.end }
            : { kind: 'import', specifier, names: [local] });
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      const value = statement.isExportEquals ? undefined : evaluate(statement.expression);
      if (value !== undefined) exported.default = value;
    } else if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      for (const name of declaredNames(statement)) {
        const exportedName = hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? 'default' : name;
        setMember(exported, exportedName, { kind: 'local', names: [name], position: statement.end });
      }
    }
  }
  const exports: Record<string, ExportedValue> = {};
  for (const name of Object.keys(exported)) {
    const value = materialize(state, exported[name], new Set());
    if (value !== undefined) setMember(exports, name, value);
  }
  return { exports, starExports };
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) {
    const isConst = (statement.declarationList.flags & ts.NodeFlags.BlockScoped) === ts.NodeFlags.Const;
    return isConst ? statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : [])) : [];
  }
  if ((ts.isEnumDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name !== undefined) return [statement.name.text];
  return [];
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** A local value with every local name replaced by what it stands for, so other files can read it alone. */
function materialize(state: ScanState, value: LocalValue, open: Set<LocalObject>): ExportedValue | undefined {
  const followed = followLocal(state, value, [], 0);
  if (followed === undefined || typeof followed === 'string' || followed.kind === 'import') return followed;
  if (open.has(followed)) return undefined;
  open.add(followed);
  const members: Record<string, ExportedValue> = {};
  for (const name of Object.keys(followed.members)) {
    const member = materialize(state, followed.members[name], open);
    if (member !== undefined) setMember(members, name, member);
  }
  open.delete(followed);
  return { kind: 'object', members };
}

// ---------------------------------------------------------------------------------------------------------------
// Text

function spanOf(state: ScanState, node: ts.Node): Span {
  return { start: node.getStart(state.sourceFile), end: node.end };
}

function textOf(state: ScanState, node: ts.Node): string {
  return state.text.slice(node.getStart(state.sourceFile), node.end);
}

/** The callee as written, without the line breaks and indentation of a chained call. */
function calleeText(state: ScanState, callee: ts.Expression): string {
  return textOf(state, callee).replace(/\s+/g, '');
}
