import { ts } from 'ts-morph';
import { calleeLastName, type PatternSet } from './patterns';
import { keyInObjectArgument, objectBagOf, type ObjectBag } from './bags';
import { kebabCaseFromCamelCase } from './keys';
import { allKeys, keyTypeMembers, type ImportedKeyType, type KeyTypeMember } from './keyTypes';
import { escapeRegex } from './regex';
import { scriptKindOf } from './scriptKind';
import { skeletonOf } from './skeleton';
import type { FlagCheck, FlagPattern, FlagValueType, Span } from './types';

// ts-morph re-exports the compiler API through getters (`ts.SyntaxKind.X` is several calls), which cost
// a fifth of the walk's time; the hot paths read these once, here.
const {
  NodeFlags, ScriptTarget, SyntaxKind, canHaveModifiers, createSourceFile, forEachChild, updateSourceFile,
  getModifiers, isAsExpression, isCallExpression, isClassDeclaration, isComputedPropertyName,
  isElementAccessExpression, isEnumDeclaration, isExportAssignment, isExportDeclaration, isFunctionLike,
  isIdentifier, isImportDeclaration, isNamespaceExport, isNamespaceImport, isNoSubstitutionTemplateLiteral,
  isNonNullExpression, isNumericLiteral, isObjectBindingPattern, isObjectLiteralExpression,
  isOmittedExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment,
  isPropertyDeclaration, isSatisfiesExpression, isShorthandPropertyAssignment, isSpreadElement,
  isStringLiteral, isStringLiteralLike, isTypeAliasDeclaration, isTypeAssertionExpression,
  isVariableStatement,
} = ts;

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
  /** Dynamic checks whose parameter type is imported; absent when there are none. */
  readonly importedKeyTypes?: readonly ImportedKeyType[];
  /** Exported type aliases that list keys (`export type FlagKey = 'a' | 'b'`); absent when there are none. */
  readonly typeExports?: Readonly<Record<string, readonly KeyTypeMember[]>>;
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
  /** Every binding declared, in order, when one top-level statement's walk is recorded (`scanDocument`). */
  readonly declared?: Array<readonly [string, Binding]>;
}

export { SCANNED_EXTENSIONS } from './extensions';

// Enough for any real chain of constants; stops self-referencing ones.
const MAX_REFERENCE_DEPTH = 32;

const patternIndexes = new WeakMap<PatternSet, ReadonlyMap<string, readonly FlagPattern[]>>();
const calleeNameRegexes = new WeakMap<PatternSet, RegExp>();

/**
 * Finds the flag checks in one file and what it exports for other files' keys. Never throws: code with
 * syntax errors is scanned as far as the parser recovers. `parsed`, when given, is the tree of this very text.
 */
export function scanFile(fileName: string, text: string, patterns: PatternSet, parsed?: ts.SourceFile): FileScan {
  const mayHaveChecks = calleeNameRegex(patterns).test(text);
  if (!mayHaveChecks && !text.includes('export')) {
    return { fileName, checks: [], importedKeys: [], exports: {}, starExports: [] };
  }
  const sourceFile = parsed ?? parseSkeleton(fileName, text, patterns) ?? parseSource(fileName, text);
  const state = newState(sourceFile, text, patterns);
  if (mayHaveChecks) {
    visit(state, sourceFile, undefined);
  } else {
    // Without a callee name there is no check; only the top-level declarations that exports name matter.
    state.scopes.push({ start: sourceFile.pos, end: sourceFile.end });
    for (const statement of sourceFile.statements) {
      if (isVariableStatement(statement)) declareVariables(state, statement.declarationList);
      else declareStatement(state, statement);
    }
  }
  const { checks, importedKeys, importedKeyTypes } = completeChecks(state);
  const { exports, starExports } = collectExports(state);
  const typeExports = collectTypeExports(state);
  return { fileName, checks, importedKeys, exports, starExports, ...(importedKeyTypes.length > 0 ? { importedKeyTypes } : {}), ...(typeExports ? { typeExports } : {}) };
}

function newState(sourceFile: ts.SourceFile, text: string, patterns: PatternSet): ScanState {
  return {
    sourceFile,
    text,
    patternsByName: patternIndex(patterns),
    bindings: new Map(),
    scopes: [],
    drafts: [],
    objectBags: patterns.objectBags ?? [],
    typeAliases: new Map(),
  };
}

/** The syntax tree `scanFile` reads; a caller may keep it for an open document and pass updates of it back as `parsed`. */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  return createSourceFile(fileName, text, ScriptTarget.Latest, false, scriptKindOf(fileName));
}

/**
 * The tree of the text with its check-free bodies blanked (see skeleton.ts), which gives the same scan
 * for a fraction of the parse; undefined when the whole text must be parsed.
 */
export function parseSkeleton(fileName: string, text: string, patterns: PatternSet): ts.SourceFile | undefined {
  const skeleton = skeletonOf(fileName, text, patterns);
  return skeleton === undefined ? undefined : parseSkeletonText(fileName, skeleton);
}

/** The tree of a skeleton made by `skeletonOf`, or undefined when it has a syntax error (the lexer misread the text). */
export function parseSkeletonText(fileName: string, skeleton: string): ts.SourceFile | undefined {
  // No JSDoc: a scan reads none, and the parser skips comments faster without.
  const tree = createSourceFile(fileName, skeleton, { languageVersion: ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(fileName));
  return hasSyntaxError(tree) ? undefined : tree;
}

/** Matches any callee name anywhere (one pass over the text, where testing each name in turn reads it once per name). */
function calleeNameRegex(patterns: PatternSet): RegExp {
  let regex = calleeNameRegexes.get(patterns);
  if (regex === undefined) {
    // An empty name matches everywhere, as `text.includes('')` would; no names at all matches nothing.
    const names = patterns.calleeNames.map(escapeRegex);
    regex = names.length === 0 ? /(?!)/ : new RegExp(names.join('|'));
    calleeNameRegexes.set(patterns, regex);
  }
  return regex;
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
    case SyntaxKind.CallExpression:
      visitCall(state, node as ts.CallExpression);
      break;
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.ElementAccessExpression:
      visitBagAccess(state, node as ts.PropertyAccessExpression | ts.ElementAccessExpression, parent);
      break;
    case SyntaxKind.VariableDeclarationList:
      declareVariables(state, node as ts.VariableDeclarationList);
      break;
    case SyntaxKind.Parameter:
      declareOpaqueNames(state, (node as ts.ParameterDeclaration).name, { type: (node as ts.ParameterDeclaration).type });
      break;
    default:
      declareStatement(state, node);
  }
  forEachChild(node, (child) => visit(state, child, node));
  if (opensScope) state.scopes.pop();
}

function isScope(node: ts.Node): boolean {
  switch (node.kind) {
    case SyntaxKind.SourceFile:
    case SyntaxKind.Block:
    case SyntaxKind.ModuleBlock:
    case SyntaxKind.CaseBlock:
    case SyntaxKind.ForStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.CatchClause:
      return true;
    default:
      return isFunctionLike(node);
  }
}

/** Imports, enums and classes a constant key may come from; the full walk and the exports-only pass share them. */
function declareStatement(state: ScanState, node: ts.Node): void {
  if (isImportDeclaration(node)) declareImports(state, node);
  else if (isEnumDeclaration(node)) declare(state, node.name.text, enumValue(node));
  else if (isClassDeclaration(node) && node.name !== undefined) declare(state, node.name.text, classStaticsValue(node));
  else if (isTypeAliasDeclaration(node)) state.typeAliases.set(node.name.text, node.type);
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
  if (args.slice(0, pattern.keyArg).some(isSpreadElement)) return;
  // A literal key is evidence enough, and while typing the default is often not written yet.
  if (pattern.minArgs !== undefined && args.length < pattern.minArgs && !isStringLiteralLike(unwrap(keyNode))) return;
  const defaultIndex = pattern.defaultArgByArgCount?.[args.length] ?? pattern.defaultArg;
  const defaultNode = defaultIndex === undefined ? undefined : args[defaultIndex];
  state.drafts.push({
    check: {
      ...checkBase(state, pattern, calleeText(state, call.expression), call, defaultNode),
      key: textOf(state, keyNode),
      resolved: false,
      keySpan: spanOf(state, keyNode),
      keyIsLiteral: isStringLiteral(keyNode) || isNoSubstitutionTemplateLiteral(keyNode),
    },
    keyValue: evaluate(keyNode),
  });
}

/** `flags.newCheckout`, `flags['new-checkout']`, `useFlags().newCheckout`. */
function visitBagAccess(state: ScanState, node: ts.PropertyAccessExpression | ts.ElementAccessExpression, parent: ts.Node | undefined): void {
  // `flags.hasOwnProperty(...)` asks the bag object itself, not a flag.
  if (parent !== undefined && isCallExpression(parent) && parent.expression === node) return;
  const bag = bagSourceOf(state, node.expression);
  if (bag === undefined) return;
  if (isPropertyAccessExpression(node)) {
    if (isIdentifier(node.name)) addBagNameCheck(state, bag, node.name, node, undefined);
  } else {
    addBagKeyCheck(state, bag, node.argumentExpression, node, undefined);
  }
}

/** `const { newCheckout, 'dark-mode': darkMode = false } = useFlags()`. */
function addDestructuredBagChecks(state: ScanState, bag: BagSource, pattern: ts.ObjectBindingPattern): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken !== undefined) continue;
    const nameNode = element.propertyName ?? element.name;
    if (isIdentifier(nameNode)) {
      addBagNameCheck(state, bag, nameNode, element, element.initializer);
    } else if (isComputedPropertyName(nameNode)) {
      addBagKeyCheck(state, bag, nameNode.expression, element, element.initializer);
    } else if (isStringLiteral(nameNode) || isNoSubstitutionTemplateLiteral(nameNode)) {
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
      keyIsLiteral: isStringLiteral(keyNode) || isNoSubstitutionTemplateLiteral(keyNode),
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
    ...(pattern.returns === undefined ? {} : { returns: pattern.returns }),
  };
}

/** The pattern a callee matches: `receiver.name` patterns first, then a bare `name`. */
function matchCallee(state: ScanState, callee: ts.Expression): FlagPattern | undefined {
  let name: string;
  let receiver: ts.Expression | undefined;
  if (isIdentifier(callee)) {
    name = callee.text;
  } else if (isPropertyAccessExpression(callee) && isIdentifier(callee.name)) {
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
  if (isIdentifier(expression)) return expression.text;
  if (isPropertyAccessExpression(expression)) return expression.name.text;
  if (expression.kind === SyntaxKind.ThisKeyword) return 'this';
  if (isElementAccessExpression(expression) && isStringLiteralLike(expression.argumentExpression)) return expression.argumentExpression.text;
  return undefined;
}

function bagSourceOf(state: ScanState, node: ts.Expression): BagSource | undefined {
  const expression = unwrap(node);
  if (isCallExpression(expression)) {
    const pattern = matchCallee(state, expression.expression);
    return pattern?.kind === 'bag' ? { pattern, method: calleeText(state, expression.expression) } : undefined;
  }
  const declared = objectBagOf(expression, state.objectBags);
  if (isIdentifier(expression)) {
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
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateExpression:
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.ElementAccessExpression:
      return true;
    case SyntaxKind.Identifier: {
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
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
      return 'boolean';
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateExpression:
      return 'string';
    case SyntaxKind.NumericLiteral:
      return 'number';
    case SyntaxKind.PrefixUnaryExpression:
      return isNumericLiteral((expression as ts.PrefixUnaryExpression).operand) ? 'number' : 'unknown';
    case SyntaxKind.ObjectLiteralExpression:
    case SyntaxKind.ArrayLiteralExpression:
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
  addBinding(state.bindings, name, binding);
  state.declared?.push([name, binding]);
}

function addBinding(bindings: Map<string, Binding[]>, name: string, binding: Binding): void {
  const existing = bindings.get(name);
  if (existing === undefined) bindings.set(name, [binding]);
  // Kept in order of scope start (ties in declaration order): almost always an append.
  else existing.splice(firstStartingAfter(existing, binding.scopeStart), 0, binding);
}

/** The index of the first binding whose scope starts after `position`. */
function firstStartingAfter(bindings: readonly Binding[], position: number): number {
  let low = 0;
  let high = bindings.length;
  if (high > 0 && bindings[high - 1].scopeStart <= position) return high;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bindings[middle].scopeStart <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Names that hold no known key; a destructured parameter's names are parameters of no known type. */
function declareOpaqueNames(state: ScanState, name: ts.BindingName, parameter?: Binding['parameter']): void {
  if (isIdentifier(name)) {
    declare(state, name.text, undefined, undefined, parameter);
    return;
  }
  for (const element of name.elements) {
    if (!isOmittedExpression(element)) declareOpaqueNames(state, element.name, parameter && { type: undefined });
  }
}

function declareVariables(state: ScanState, list: ts.VariableDeclarationList): void {
  const isConst = (list.flags & NodeFlags.BlockScoped) === NodeFlags.Const;
  for (const declaration of list.declarations) {
    const bag = declaration.initializer === undefined ? undefined : bagSourceOf(state, declaration.initializer);
    const name = declaration.name;
    if (bag !== undefined) {
      if (isObjectBindingPattern(name)) addDestructuredBagChecks(state, bag, name);
      if (isIdentifier(name)) declare(state, name.text, undefined, bag);
      else declareOpaqueNames(state, name);
      continue;
    }
    const value = isConst && declaration.initializer !== undefined ? evaluate(declaration.initializer) : undefined;
    if (isIdentifier(name)) {
      declare(state, name.text, value);
    } else if (isObjectBindingPattern(name) && value !== undefined) {
      // `const { NEW_CHECKOUT } = FLAGS`
      for (const element of name.elements) {
        const memberName = element.propertyName === undefined ? undefined : propertyNameText(element.propertyName);
        if (element.dotDotDotToken === undefined && isIdentifier(element.name)) {
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
  if (clause === undefined || !isStringLiteral(node.moduleSpecifier)) return;
  const specifier = node.moduleSpecifier.text;
  if (clause.name !== undefined) declare(state, clause.name.text, { kind: 'import', specifier, names: ['default'] });
  const named = clause.namedBindings;
  if (named === undefined) return;
  if (isNamespaceImport(named)) {
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
    if (!isPropertyDeclaration(member) || member.initializer === undefined) continue;
    if (!member.modifiers?.some((modifier) => modifier.kind === SyntaxKind.StaticKeyword)) continue;
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
  if (isStringLiteral(expression) || isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (isIdentifier(expression)) {
    return expression.text === '' ? undefined : { kind: 'local', names: [expression.text], position: expression.end };
  }
  if (isPropertyAccessExpression(expression)) {
    return isIdentifier(expression.name) ? memberOf(evaluate(expression.expression), expression.name.text) : undefined;
  }
  if (isElementAccessExpression(expression)) {
    const member = unwrap(expression.argumentExpression);
    return isStringLiteralLike(member) || isNumericLiteral(member) ? memberOf(evaluate(expression.expression), member.text) : undefined;
  }
  if (isObjectLiteralExpression(expression)) return objectValue(expression);
  if (isObjectFreeze(expression)) return evaluate(expression.arguments[0]);
  return undefined;
}

function objectValue(node: ts.ObjectLiteralExpression): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const property of node.properties) {
    if (isPropertyAssignment(property)) {
      const name = propertyNameText(property.name);
      const value = evaluate(property.initializer);
      if (name !== undefined && value !== undefined) setMember(members, name, value);
    } else if (isShorthandPropertyAssignment(property) && property.name.text !== '') {
      setMember(members, property.name.text, { kind: 'local', names: [property.name.text], position: property.name.end });
    }
  }
  return { kind: 'object', members };
}

function isObjectFreeze(node: ts.Expression): node is ts.CallExpression & { arguments: ts.NodeArray<ts.Expression> } {
  return isCallExpression(node)
    && node.arguments.length === 1
    && isPropertyAccessExpression(node.expression)
    && isIdentifier(node.expression.expression)
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
  if (isIdentifier(name) || isStringLiteralLike(name) || isNumericLiteral(name)) return name.text === '' ? undefined : name.text;
  if (isComputedPropertyName(name)) {
    const expression = unwrap(name.expression);
    if (isStringLiteralLike(expression)) return expression.text;
  }
  return undefined;
}

/** Parentheses and type-only wrappers: `(KEY as const)`, `KEY satisfies string`, `KEY!`. */
function unwrap(node: ts.Expression): ts.Expression {
  let expression = node;
  while (
    isParenthesizedExpression(expression)
    || isAsExpression(expression)
    || isSatisfiesExpression(expression)
    || isNonNullExpression(expression)
    || isTypeAssertionExpression(expression)
  ) {
    expression = expression.expression;
  }
  return expression;
}

function lookupBinding(state: ScanState, name: string, position: number): Binding | undefined {
  const candidates = state.bindings.get(name);
  if (candidates === undefined) return undefined;
  // The innermost scope around `position` is the one that starts last among those that contain it (the
  // last declared on a tie): a binary search, then back past the scopes that ended before `position`.
  for (let index = firstStartingAfter(candidates, position) - 1; index >= 0; index--) {
    if (position <= candidates[index].scopeEnd) return candidates[index];
  }
  return undefined;
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

function completeChecks(state: ScanState): { checks: FlagCheck[]; importedKeys: ImportedKey[]; importedKeyTypes: ImportedKeyType[] } {
  const checks: FlagCheck[] = [];
  const importedKeys: ImportedKey[] = [];
  const importedKeyTypes: ImportedKeyType[] = [];
  for (const draft of state.drafts) {
    const value = draft.keyValue === undefined ? undefined : followLocal(state, draft.keyValue, [], 0);
    if (typeof value === 'string') {
      checks.push({ ...draft.check, key: value, resolved: true });
    } else {
      if (value?.kind === 'import') importedKeys.push({ checkIndex: checks.length, reference: value });
      checks.push(withDynamicKey(state, draft, checks.length, importedKeyTypes));
    }
  }
  return { checks, importedKeys, importedKeyTypes };
}

/**
 * A check whose key is a parameter (or a member of one) of the enclosing function: dynamic, with the keys its type
 * allows. A type that names another module is left in `importedKeyTypes` for `resolveChecks`.
 */
function withDynamicKey(state: ScanState, draft: DraftCheck, checkIndex: number, importedKeyTypes: ImportedKeyType[]): FlagCheck {
  const reference = draft.keyValue;
  if (reference === undefined || typeof reference === 'string' || reference.kind !== 'local') return draft.check;
  const parameter = lookupBinding(state, reference.names[0], reference.position)?.parameter;
  if (parameter === undefined) return draft.check;
  const members = reference.names.length === 1 && parameter.type !== undefined ? keyTypeMembersOf(state, parameter.type, reference.position) : undefined;
  if (members !== undefined && !allKeys(members)) importedKeyTypes.push({ checkIndex, members });
  const possibleKeys = members !== undefined && allKeys(members) && members.length > 0 ? [...members] : undefined;
  return { ...draft.check, dynamic: true, ...(possibleKeys ? { possibleKeys } : {}) };
}

/** The keys a type allows, its names read at `position`: local aliases and enums expanded, imported names kept as references. */
function keyTypeMembersOf(state: ScanState, type: ts.TypeNode, position: number): KeyTypeMember[] | undefined {
  // Names being expanded, so that a self-referencing alias ends.
  const open = new Set<string>();
  const resolveName = (names: readonly string[]): readonly KeyTypeMember[] | undefined => {
    const key = names.join('.');
    if (open.has(key)) return undefined;
    open.add(key);
    try {
      const alias = names.length === 1 ? state.typeAliases.get(names[0]) : undefined;
      if (alias !== undefined) return keyTypeMembers(alias, resolveName);
      const value = followLocal(state, { kind: 'local', names, position }, [], 0);
      if (value === undefined || typeof value === 'string') return value === undefined ? undefined : [value];
      return value.kind === 'import' ? [value] : stringMembers(state, value);
    } finally {
      open.delete(key);
    }
  };
  return keyTypeMembers(type, resolveName);
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
    if (isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier !== undefined && isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (clause === undefined) {
        if (specifier !== undefined) starExports.push(specifier);
      } else if (isNamespaceExport(clause)) {
        if (specifier !== undefined) setMember(exported, clause.name.text, { kind: 'import', specifier, names: [] });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          setMember(exported, element.name.text, specifier === undefined
            ? { kind: 'local', names: [local], position: statement.end }
            : { kind: 'import', specifier, names: [local] });
        }
      }
    } else if (isExportAssignment(statement)) {
      const value = statement.isExportEquals ? undefined : evaluate(statement.expression);
      if (value !== undefined) exported.default = value;
    } else if (hasModifier(statement, SyntaxKind.ExportKeyword)) {
      for (const name of declaredNames(statement)) {
        const exportedName = hasModifier(statement, SyntaxKind.DefaultKeyword) ? 'default' : name;
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

/** Exported type aliases whose members can all be keys, directly or through imports, for other files' parameter types. */
function collectTypeExports(state: ScanState): Record<string, KeyTypeMember[]> | undefined {
  if (state.typeAliases.size === 0) return undefined;
  // Exported name → local alias name.
  const exported: Record<string, string> = {};
  for (const statement of state.sourceFile.statements) {
    if (isTypeAliasDeclaration(statement) && hasModifier(statement, SyntaxKind.ExportKeyword)) {
      setMember(exported, statement.name.text, statement.name.text);
    } else if (isExportDeclaration(statement) && statement.moduleSpecifier === undefined && statement.exportClause !== undefined && !isNamespaceExport(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        if (state.typeAliases.has(local)) setMember(exported, element.name.text, local);
      }
    }
  }
  let typeExports: Record<string, KeyTypeMember[]> | undefined;
  for (const name of Object.keys(exported)) {
    const alias = state.typeAliases.get(exported[name]);
    const members = alias === undefined ? undefined : keyTypeMembersOf(state, alias, state.sourceFile.end);
    if (members !== undefined && members.length > 0) setMember(typeExports ??= {}, name, members);
  }
  return typeExports;
}

function declaredNames(statement: ts.Statement): string[] {
  if (isVariableStatement(statement)) {
    const isConst = (statement.declarationList.flags & NodeFlags.BlockScoped) === NodeFlags.Const;
    return isConst ? statement.declarationList.declarations.flatMap((declaration) => (isIdentifier(declaration.name) ? [declaration.name.text] : [])) : [];
  }
  if ((isEnumDeclaration(statement) || isClassDeclaration(statement)) && statement.name !== undefined) return [statement.name.text];
  return [];
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return canHaveModifiers(node) && (getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
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

// ---------------------------------------------------------------------------------------------------------------
// Open documents: re-scan after an edit

/**
 * What walking one top-level statement added to the scan, so that an edit in another statement need not
 * walk it again. Only bindings, drafts and type aliases are written during the walk; everything after
 * it (`completeChecks`) reads them, so re-playing these records in order rebuilds the state exactly.
 */
interface StatementWalk {
  readonly pos: number;
  readonly end: number;
  /** The statement ends where it does whatever follows: a `;`, or the `}` of a declaration. */
  readonly closed: boolean;
  readonly bindings: ReadonlyArray<readonly [string, Binding]>;
  readonly drafts: readonly DraftCheck[];
  readonly typeAliases: ReadonlyMap<string, ts.TypeNode>;
  /** The file-level names it declares and the bag each holds: all that later statements' walks read of it. */
  readonly topLevel: string;
  /** Set when a syntax error was reported inside it (absent otherwise: thousands of walks are copied per keystroke). */
  readonly syntaxError?: true;
}

/** An open document's scan, and what re-scanning it after the next edit re-uses; pass it back to `scanDocument`. */
export interface DocumentScan {
  readonly scan: FileScan;
  readonly text: string;
  readonly patterns: PatternSet;
  /** The last full syntax tree, of this or an earlier text: the next full parse updates it incrementally. */
  readonly tree: ts.SourceFile | undefined;
  /** One record per top-level statement; undefined when the text has no callee name (no walk). */
  readonly walks: readonly StatementWalk[] | undefined;
}

// A statement that ends in `}` but may go on (`x = () => {}` followed by `(y)`) is not one of these.
const CLOSED_BY_BRACE = new Set<ts.SyntaxKind>([
  SyntaxKind.FunctionDeclaration, SyntaxKind.ClassDeclaration, SyntaxKind.InterfaceDeclaration,
  SyntaxKind.EnumDeclaration, SyntaxKind.ModuleDeclaration,
]);

/**
 * `scanFile` for an open document, given its previous scan. An edit inside one top-level statement, which
 * still parses on its own without errors and ends as surely as before, re-parses and re-walks that statement
 * alone; the other statements' records are moved by the edit's length. Anything else (an edit across
 * statements, a syntax error, a changed file-level bag) takes the full path. The checks are exactly
 * `scanFile`'s; the exports are `scanFile`'s too, computed from a full parse only when another file reads them.
 * `previous` must not be used afterwards (its records are moved in place, its tree updated).
 */
export function scanDocument(fileName: string, text: string, patterns: PatternSet, previous?: DocumentScan): DocumentScan {
  if (previous !== undefined && previous.text === text && previous.patterns === patterns) return previous;
  return (previous === undefined ? undefined : rescanStatement(fileName, text, patterns, previous))
    ?? scanWholeDocument(fileName, text, patterns, previous?.tree);
}

function scanWholeDocument(fileName: string, text: string, patterns: PatternSet, previousTree: ts.SourceFile | undefined): DocumentScan {
  const tree = (previousTree === undefined ? undefined : updateSource(previousTree, text)) ?? parseSource(fileName, text);
  if (!calleeNameRegex(patterns).test(text)) return { scan: scanFile(fileName, text, patterns, tree), text, patterns, tree, walks: undefined };
  // As `scanFile` with its full walk, one top-level statement at a time, recording each.
  const state = newState(tree, text, patterns);
  state.scopes.push({ start: tree.pos, end: tree.end });
  // The statement and tail paths walk only text that parsed without an error; here the tree may have some.
  const errorStarts = syntaxErrorsOf(tree).map((diagnostic) => diagnostic.start ?? 0).sort((a, b) => a - b);
  const walks = tree.statements.map((statement) => walkStatement(state, statement, tree, errorStarts));
  const { checks, importedKeys, importedKeyTypes } = completeChecks(state);
  const { exports, starExports } = collectExports(state);
  const typeExports = collectTypeExports(state);
  const scan: FileScan = { fileName, checks, importedKeys, exports, starExports, ...(importedKeyTypes.length > 0 ? { importedKeyTypes } : {}), ...(typeExports ? { typeExports } : {}) };
  return { scan, text, patterns, tree, walks };
}

/** Walks one top-level statement into `state`, recording what it added. */
function walkStatement(state: ScanState, statement: ts.Statement, sourceFile: ts.SourceFile, errorStarts: readonly number[] = []): StatementWalk {
  const bindings: Array<readonly [string, Binding]> = [];
  const drafts: DraftCheck[] = [];
  const typeAliases = new Map<string, ts.TypeNode>();
  visit({ ...state, sourceFile, drafts, typeAliases, declared: bindings }, statement, sourceFile);
  state.drafts.push(...drafts);
  for (const [name, type] of typeAliases) state.typeAliases.set(name, type);
  return { pos: statement.pos, end: statement.end, closed: isClosed(statement, state.text), bindings, drafts, typeAliases, topLevel: topLevelSignature(bindings, state.scopes[0].end), ...(hasErrorWithin(errorStarts, statement) ? { syntaxError: true } : {}) };
}

/** Whether one of `errorStarts` (ascending) falls inside the statement or at either edge (it may be the neighbour's: counted for both). */
function hasErrorWithin(errorStarts: readonly number[], statement: ts.Statement): boolean {
  let low = 0;
  let high = errorStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (errorStarts[middle] < statement.pos) low = middle + 1;
    else high = middle;
  }
  return low < errorStarts.length && errorStarts[low] <= statement.end;
}

function isClosed(statement: ts.Statement, text: string): boolean {
  const last = text.charCodeAt(statement.end - 1);
  return last === 0x3b /* ; */ || (last === 0x7d /* } */ && CLOSED_BY_BRACE.has(statement.kind));
}

/** Declared in the file's own scope (which starts at 0 and ends at the end of the file). */
function isFileLevel(binding: Binding, fileEnd: number): boolean {
  return binding.scopeStart === 0 && binding.scopeEnd === fileEnd;
}

function topLevelSignature(bindings: ReadonlyArray<readonly [string, Binding]>, fileEnd: number): string {
  let signature = '';
  for (const [name, binding] of bindings) {
    if (isFileLevel(binding, fileEnd)) signature += `${name}:${binding.bag === undefined ? '' : `${binding.bag.pattern.callee}/${binding.bag.method}`}\n`;
  }
  return signature;
}

/** The re-scan after an edit inside one statement, or at the end of the file; undefined when the full path must run. */
function rescanStatement(fileName: string, text: string, patterns: PatternSet, previous: DocumentScan): DocumentScan | undefined {
  const walks = previous.walks;
  if (walks === undefined || previous.patterns !== patterns || !calleeNameRegex(patterns).test(text)) return undefined;
  const { start, oldEnd } = changedRange(previous.text, text);
  const index = walkAround(walks, start, oldEnd);
  if (index === undefined) {
    return walks.length > 0 && start >= walks[walks.length - 1].end ? rescanTail(fileName, text, patterns, previous, walks.length) : undefined;
  }
  // The last statement may also be re-parsed with whatever follows it, as the end of the file.
  return rescanOne(fileName, text, patterns, previous, walks, index) ?? (index === walks.length - 1 ? rescanTail(fileName, text, patterns, previous, index) : undefined);
}

/** The re-scan of statement `index` alone, which holds the edit; undefined when it does not parse alone as one whole statement. */
function rescanOne(fileName: string, text: string, patterns: PatternSet, previous: DocumentScan, walks: readonly StatementWalk[], index: number): DocumentScan | undefined {
  if (index > 0 && !walks[index - 1].closed) return undefined;
  const old = previous.text;
  const delta = text.length - old.length;
  const edited = walks[index];
  const end = edited.end + delta;
  const fragment = text.slice(edited.pos, end);
  // A module's top-level `await` is parsed again once the parser knows it is a module: not for a lone statement.
  if (fragment.includes('await')) return undefined;
  const tree = parseSource(fileName, fragment);
  const statement = tree.statements[0];
  if (tree.statements.length !== 1 || statement.end !== fragment.length || !isClosed(statement, fragment) || hasSyntaxError(tree)) return undefined;

  // The statement is walked at its own offsets, seeing what its walk in place would see: the file-level
  // names declared before it (their scope, the whole file, holds any offset; nested scopes hold none).
  // From here on `previous` is spent: its records are moved in place (the full path needs only its tree).
  const above = walks.slice(0, index);
  for (const walk of above) moveFileEnd(walk, old.length, text.length);
  const walkedHere = walkStatement(stateBelow(tree, fragment, patterns, above, text.length), statement, tree);
  // Later statements' walks looked up its file-level names: they stand only while those mean what they meant.
  if (walkedHere.topLevel !== edited.topLevel) return undefined;
  const walked = moveWalk(walkedHere, (position) => position + edited.pos, text.length);
  const moved = (position: number): number => (position >= edited.end ? position + delta : position);
  const below = walks.slice(index + 1).map((walk) => moveWalk(walk, moved));
  return documentFromWalks(fileName, text, patterns, previous.tree, tree, [...above, walked, ...below]);
}

/**
 * The re-scan after an edit at the end of the file: the text from the end of statement `first - 1` on
 * (`first` is `walks.length` for an edit past the last statement) is parsed alone, and replaces the walks
 * from `first` on. That text parses as it would in the whole when it has no syntax error, every statement
 * above parsed without one, and the one before is complete and closed. Names it declares change no walk
 * above it (a walk reads only the names declared before it); keys are resolved afterwards, from every
 * statement's names, as in a full scan. Undefined (the full path) otherwise, or when the text holds an
 * `await` (see `rescanStatement`).
 */
function rescanTail(fileName: string, text: string, patterns: PatternSet, previous: DocumentScan, first: number): DocumentScan | undefined {
  const walks = previous.walks ?? [];
  const kept = walks.slice(0, first);
  const before = kept[kept.length - 1];
  // The parser's recovery from an error depends on the errors it has already reported.
  if (before === undefined || !before.closed || kept.some((walk) => walk.syntaxError) || !parsesAlone(fileName, previous.text, before)) return undefined;
  const fragment = text.slice(before.end);
  if (fragment.includes('await')) return undefined;
  const tree = parseSource(fileName, fragment);
  // With a syntax error here, the parser's recovery in the whole text may reach back into the statement
  // before (`function f() {}` then `=` makes one statement of both).
  if (hasSyntaxError(tree)) return undefined;
  for (const walk of kept) moveFileEnd(walk, previous.text.length, text.length);
  const local = stateBelow(tree, fragment, patterns, kept, text.length);
  const added = tree.statements.map((statement) => moveWalk(walkStatement(local, statement, tree), (position) => position + before.end, text.length));
  return documentFromWalks(fileName, text, patterns, previous.tree, tree, [...kept, ...added]);
}

/** A state for walking `fragment` at its own offsets that sees the file-level names the walks above it declare. */
function stateBelow(tree: ts.SourceFile, fragment: string, patterns: PatternSet, above: readonly StatementWalk[], fileEnd: number): ScanState {
  const local = newState(tree, fragment, patterns);
  local.scopes.push({ start: 0, end: fileEnd });
  for (const walk of above) {
    for (const [name, binding] of walk.bindings) if (isFileLevel(binding, fileEnd)) addBinding(local.bindings, name, binding);
  }
  return local;
}

/** The document's scan from every statement's walk, in order; `fullTree` is kept for the next full parse. */
function documentFromWalks(fileName: string, text: string, patterns: PatternSet, fullTree: ts.SourceFile | undefined, tree: ts.SourceFile, walks: readonly StatementWalk[]): DocumentScan {
  const state = newState(tree, text, patterns);
  for (const walk of walks) replay(state, walk);
  const { checks, importedKeys, importedKeyTypes } = completeChecks(state);
  const scan = lazyExports({ fileName, checks, importedKeys, ...(importedKeyTypes.length > 0 ? { importedKeyTypes } : {}) }, () => scanFile(fileName, text, patterns));
  return { scan, text, patterns, tree: fullTree, walks };
}

// Walks whose statement was parsed on its own: kept walks are the same objects from edit to edit.
const parsedAlone = new WeakMap<StatementWalk, boolean>();

/**
 * True when the walk's statement, parsed on its own, is one statement without a syntax error. A last
 * statement that ends in `;` may still be unfinished (`{ a;` reaches to the end of the file), and then
 * what is typed after it belongs to it.
 */
function parsesAlone(fileName: string, text: string, walk: StatementWalk): boolean {
  let alone = parsedAlone.get(walk);
  if (alone === undefined) {
    const fragment = text.slice(walk.pos, walk.end);
    const tree = parseSource(fileName, fragment);
    alone = tree.statements.length === 1 && tree.statements[0].end === fragment.length && !hasSyntaxError(tree);
    parsedAlone.set(walk, alone);
  }
  return alone;
}

/** True when the parser reported a syntax error in the tree. */
function hasSyntaxError(tree: ts.SourceFile): boolean {
  return syntaxErrorsOf(tree).length > 0;
}

/** The syntax errors the parser reported, which TypeScript keeps on the tree without declaring them. */
function syntaxErrorsOf(tree: ts.SourceFile): ReadonlyArray<{ start?: number }> {
  return (tree as { parseDiagnostics?: ReadonlyArray<{ start?: number }> }).parseDiagnostics ?? [];
}

/** Adds a recorded walk to `state` as walking its statement again would. */
function replay(state: ScanState, walk: StatementWalk): StatementWalk {
  for (const [name, binding] of walk.bindings) addBinding(state.bindings, name, binding);
  state.drafts.push(...walk.drafts);
  for (const [name, type] of walk.typeAliases) state.typeAliases.set(name, type);
  return walk;
}

/** Bindings are moved in place: thousands of them move on every keystroke, and none is seen outside this file. */
type MovableBinding = { -readonly [Field in keyof Binding]: Binding[Field] };

/** A walk before the edit: only its file-level bindings reach past the edit, to the end of the file. */
function moveFileEnd(walk: StatementWalk, oldFileEnd: number, fileEnd: number): void {
  for (const [, binding] of walk.bindings) if (isFileLevel(binding, oldFileEnd)) (binding as MovableBinding).scopeEnd = fileEnd;
}

/** A walk moved by an edit before it, or from its statement's own offsets (then its file-level scopes, ending at `fileEnd`, stay). */
function moveWalk(walk: StatementWalk, moved: (position: number) => number, fileEnd?: number): StatementWalk {
  const moveSpan = (span: Span): Span => ({ start: moved(span.start), end: moved(span.end) });
  for (const [, binding] of walk.bindings) {
    const movable = binding as MovableBinding;
    if (binding.value !== undefined && typeof binding.value !== 'string') movable.value = moveValue(binding.value, moved);
    if (fileEnd !== undefined && isFileLevel(binding, fileEnd)) continue;
    movable.scopeStart = moved(binding.scopeStart);
    movable.scopeEnd = moved(binding.scopeEnd);
  }
  return {
    ...walk,
    pos: moved(walk.pos),
    end: moved(walk.end),
    drafts: walk.drafts.map((draft) => ({
      check: { ...draft.check, keySpan: moveSpan(draft.check.keySpan), callSpan: moveSpan(draft.check.callSpan) },
      ...(draft.keyValue === undefined ? {} : { keyValue: moveValue(draft.keyValue, moved) }),
    })),
  };
}

function moveValue(value: LocalValue, moved: (position: number) => number): LocalValue {
  if (typeof value === 'string') return value;
  switch (value.kind) {
    case 'local':
      return { ...value, position: moved(value.position) };
    case 'object': {
      const members: Record<string, LocalValue> = {};
      for (const name of Object.keys(value.members)) setMember(members, name, moveValue(value.members[name], moved));
      return { kind: 'object', members };
    }
    case 'import':
      return value;
  }
}

/** Where two texts differ: from `start` to `oldEnd` in the old one. */
function changedRange(old: string, text: string): { start: number; oldEnd: number } {
  const limit = Math.min(old.length, text.length);
  // Whole blocks first (comparing two slices is a memory compare), then character by character.
  let start = 0;
  while (start + DIFF_BLOCK <= limit && old.slice(start, start + DIFF_BLOCK) === text.slice(start, start + DIFF_BLOCK)) start += DIFF_BLOCK;
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let same = 0;
  const sameLimit = limit - start;
  while (same + DIFF_BLOCK <= sameLimit && old.slice(old.length - same - DIFF_BLOCK, old.length - same) === text.slice(text.length - same - DIFF_BLOCK, text.length - same)) same += DIFF_BLOCK;
  while (same < sameLimit && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  return { start, oldEnd: old.length - same };
}

const DIFF_BLOCK = 1024;

/** The index of the walk whose statement holds the whole old range, leading trivia included. */
function walkAround(walks: readonly StatementWalk[], start: number, oldEnd: number): number | undefined {
  let low = 0;
  let high = walks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (walks[middle].end < start) low = middle + 1;
    else if (walks[middle].pos > start) high = middle - 1;
    else return walks[middle].pos <= start && oldEnd <= walks[middle].end ? middle : undefined;
  }
  return undefined;
}

/** A scan whose exports are computed by `full` the first time any is read. */
function lazyExports(checks: Omit<FileScan, 'exports' | 'starExports' | 'typeExports'>, full: () => FileScan): FileScan {
  let scan: FileScan | undefined;
  const fullScan = (): FileScan => (scan ??= full());
  return Object.defineProperties({ ...checks } as FileScan, {
    exports: { get: () => fullScan().exports, enumerable: true },
    starExports: { get: () => fullScan().starExports, enumerable: true },
    typeExports: { get: () => fullScan().typeExports, enumerable: true },
  });
}

/**
 * The tree of `text`, re-parsing only what changed since `previous` (which must not be used afterwards);
 * undefined when TypeScript's incremental parser fails an internal assertion, as it does on some edit
 * sequences (a random-edit test found one in 8 × 800 edits): the caller then parses the whole text.
 */
function updateSource(previous: ts.SourceFile, text: string): ts.SourceFile | undefined {
  const { start, oldEnd } = changedRange(previous.text, text);
  try {
    return updateSourceFile(previous, text, { span: { start, length: oldEnd - start }, newLength: text.length - (previous.text.length - oldEnd) - start });
  } catch {
    return undefined;
  }
}
