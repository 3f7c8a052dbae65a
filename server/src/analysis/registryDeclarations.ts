// Reading a registry's declaration: the entries an enum, an `as const` object or list, a union of string literals or an
// interface lists, with where each is written, for the registry's findings and its edits.

import { ts } from 'ts-morph';
import type { RegistryEntry, RegistryKind } from './registry';
import { BOOLEAN_NAME } from './scan/settingReads';
import type { Span } from './types';

export interface ReadDeclaration {
  kind: RegistryKind;
  entries: RegistryEntry[];
  listSpan: Span;
  referencedKeys?: string[];
  /** For a union: the names of the types its `keyof` members read. */
  keysFrom?: string[];
}

// The name a module's default export goes by in `.flaglens.json`: `export default { NEW_NAV, DARKMODE } as const` has no
// other, and each file that imports it names it as it likes.
export const DEFAULT_EXPORT = 'default';

/** A registry's name as messages write it: `FeatureFlag`, or `the default export` for a module's. */
export function registryLabel(symbol: string): string {
  return symbol === DEFAULT_EXPORT ? 'the default export' : symbol;
}

export function declaredNames(statement: ts.Statement): string[] {
  if ((ts.isEnumDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement))) return [statement.name.text];
  if (ts.isClassDeclaration(statement) && statement.name !== undefined) return [statement.name.text];
  if (defaultExportedObject(statement) !== undefined) return [DEFAULT_EXPORT];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => (ts.isIdentifier(declaration.name) ? [declaration.name.text] : []));
  }
  return [];
}

export function readDeclaration(sourceFile: ts.SourceFile, statement: ts.Statement, symbol: string): ReadDeclaration | undefined {
  if (ts.isEnumDeclaration(statement) && statement.name.text === symbol) {
    const entries = statement.members.flatMap((member): RegistryEntry[] => {
      const initializer = member.initializer === undefined ? undefined : unwrap(member.initializer);
      if (initializer === undefined || !ts.isStringLiteralLike(initializer)) return [];
      return [{ key: initializer.text, name: nameText(member.name), span: spanOf(sourceFile, member), keySpan: spanOf(sourceFile, initializer) }];
    });
    return { kind: 'enum', entries, listSpan: innerSpan(sourceFile, statement.members, statement) };
  }
  if (ts.isInterfaceDeclaration(statement) && statement.name.text === symbol) {
    return { kind: 'interface', entries: propertyEntries(sourceFile, statement.members), listSpan: innerSpan(sourceFile, statement.members, statement) };
  }
  if (ts.isClassDeclaration(statement) && statement.name?.text === symbol) {
    // `class FeatureFlags { static newNav = 'new-nav'; }` is an object of keys written as a class, read the same way.
    const constants = staticConstantEntries(sourceFile, statement);
    if (constants !== undefined) return { kind: 'object', entries: constants, listSpan: innerSpan(sourceFile, statement.members, statement) };
    const entries = recordClassEntries(sourceFile, statement);
    return entries === undefined ? undefined : { kind: 'interface', entries, listSpan: innerSpan(sourceFile, statement.members, statement) };
  }
  if (ts.isTypeAliasDeclaration(statement) && statement.name.text === symbol) {
    const type = statement.type;
    // `Partial<{ enableX: boolean }>` lists the keys of its literal: every flag is then optional, as a backend may not send it.
    const literal = literalOfMapped(type);
    if (literal !== undefined) return { kind: 'interface', entries: propertyEntries(sourceFile, literal.members), listSpan: innerSpan(sourceFile, literal.members, literal) };
    const members = ts.isUnionTypeNode(type) ? type.types : [type];
    const entries: RegistryEntry[] = [];
    const referencedKeys: string[] = [];
    const keysFrom: string[] = [];
    for (const member of members) {
      if (ts.isLiteralTypeNode(member) && ts.isStringLiteralLike(member.literal)) {
        const span = spanOf(sourceFile, member);
        entries.push({ key: member.literal.text, name: member.literal.text, span, keySpan: span });
        continue;
      }
      // `keyof Overrides` (an interface others extend, often empty) and `keyof typeof flags` list keys too.
      const keys = keyofKeys(sourceFile, member);
      if (keys === undefined) return undefined;
      referencedKeys.push(...keys);
      keysFrom.push(keyofOperandName(member as ts.TypeOperatorNode));
    }
    if (entries.length === 0 && referencedKeys.length === 0) return undefined;
    return {
      kind: 'union', entries, listSpan: spanOf(sourceFile, type),
      ...(referencedKeys.length > 0 ? { referencedKeys } : {}), ...(keysFrom.length > 0 ? { keysFrom } : {}),
    };
  }
  const exported = symbol === DEFAULT_EXPORT ? defaultExportedObject(statement) : undefined;
  if (exported !== undefined) {
    // A module's default export is as often its settings (a story's `{ title: 'Toggle', component: Toggle }`): only one
    // whose every property lists a key is a list of them.
    const read = objectDeclaration(sourceFile, exported);
    return read.entries.length === exported.properties.length ? read : undefined;
  }
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== symbol || declaration.initializer === undefined) continue;
      const listed = listEntries(sourceFile, declaration.initializer);
      if (listed !== undefined) return { kind: 'list', entries: listed, listSpan: innerBracketSpan(sourceFile, declaration.initializer) };
      const object = objectLiteralOf(declaration.initializer);
      return object === undefined ? undefined : objectDeclaration(sourceFile, object);
    }
  }
  return undefined;
}

/** A type literal, or one that `Partial`, `Readonly` or `Required` wraps: the same keys. */
function literalOfMapped(type: ts.TypeNode): ts.TypeLiteralNode | undefined {
  if (ts.isTypeLiteralNode(type)) return type;
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeArguments?.length !== 1) return undefined;
  return ['Partial', 'Readonly', 'Required'].includes(type.typeName.text) ? literalOfMapped(type.typeArguments[0]) : undefined;
}

function objectDeclaration(sourceFile: ts.SourceFile, object: ts.ObjectLiteralExpression): ReadDeclaration {
  const entries: RegistryEntry[] = [];
  collectObjectEntries(sourceFile, object, '', entries);
  if (entries.length === 0) entries.push(...booleanEntries(sourceFile, object));
  return { kind: 'object', entries, listSpan: innerSpan(sourceFile, object.properties, object) };
}

/**
 * The entries of an object of flags' values (`Object.freeze({ ENABLE_NEXT_DOCKER_RELEASE })`, `{ newNav: env.X === 'true' }`):
 * each property is a flag, its name the key, when every value is a boolean made where the app runs, by its form (a
 * comparison, a negation) or by its name. None for an object of anything else, nor for one written out of `true` and
 * `false`: that is a record of defaults (`DEFAULT_FEATURE_FLAGS`), which the flags' state replaces.
 */
function booleanEntries(sourceFile: ts.SourceFile, object: ts.ObjectLiteralExpression): RegistryEntry[] {
  const entries: RegistryEntry[] = [];
  for (const property of object.properties) {
    const name = property.name !== undefined && !ts.isComputedPropertyName(property.name) ? nameText(property.name) : '';
    const value = ts.isPropertyAssignment(property) ? unwrap(property.initializer) : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
    if (name === '' || value === undefined || !isBooleanValue(value)) return [];
    entries.push({ key: name, name, span: spanOf(sourceFile, property), keySpan: spanOf(sourceFile, property.name as ts.PropertyName) });
  }
  return entries;
}

function isBooleanValue(value: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(value)) return value.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    return operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken
      || operator === ts.SyntaxKind.EqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
  }
  return ts.isIdentifier(value) && BOOLEAN_NAME.test(value.text);
}

/** The object a module exports as its default, `export default { … } as const`; not `export =`, nor a name or a call. */
function defaultExportedObject(statement: ts.Statement): ts.ObjectLiteralExpression | undefined {
  return ts.isExportAssignment(statement) && statement.isExportEquals !== true ? objectLiteralOf(statement.expression) : undefined;
}

/**
 * A property's name as a key: its text, or the value of the module's string constant a computed name reads (`[PROFILES]:
 * { value: true }` with `const PROFILES = 'ENS Profiles'`), with that constant's name and where its value is written;
 * undefined for any other computed name.
 */
function propertyKey(sourceFile: ts.SourceFile, name: ts.PropertyName): { key: string; constant?: string; keySpan: Span } | undefined {
  if (ts.isComputedPropertyName(name) && ts.isIdentifier(name.expression)) {
    const value = stringConstantsOf(sourceFile).get(name.expression.text);
    return value === undefined ? undefined : { key: value.text, constant: name.expression.text, keySpan: spanOf(sourceFile, value) };
  }
  const text = nameText(name);
  return text === '' ? undefined : { key: text, keySpan: spanOf(sourceFile, name) };
}

/** `X` for `keyof X` and `x` for `keyof typeof x`; empty for any other operand. */
function keyofOperandName(member: ts.TypeOperatorNode): string {
  const operand = member.type;
  if (ts.isTypeReferenceNode(operand) && ts.isIdentifier(operand.typeName) && operand.typeArguments === undefined) return operand.typeName.text;
  return ts.isTypeQueryNode(operand) && ts.isIdentifier(operand.exprName) ? operand.exprName.text : '';
}

/**
 * The keys of `keyof X` or `keyof typeof x` when `X` (interface, type literal) or `x` (object literal) is
 * declared at the top of this file; an empty list when it is declared elsewhere (an interface other packages
 * extend); undefined for any other type, which cannot be a list of keys.
 */
function keyofKeys(sourceFile: ts.SourceFile, member: ts.TypeNode): string[] | undefined {
  if (!ts.isTypeOperatorNode(member) || member.operator !== ts.SyntaxKind.KeyOfKeyword) return undefined;
  const operand = member.type;
  const name = keyofOperandName(member);
  if (name === '') return undefined;
  for (const statement of sourceFile.statements) {
    if (ts.isTypeQueryNode(operand)) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || declaration.initializer === undefined) continue;
        const object = objectLiteralOf(declaration.initializer) ?? checkedObjectOf(sourceFile, declaration.initializer);
        return object === undefined ? undefined : object.properties.flatMap((property) => (property.name === undefined ? [] : [propertyKey(sourceFile, property.name)?.key ?? ''])).filter((key) => key !== '');
      }
    } else if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) {
      return propertyEntries(sourceFile, statement.members).map((entry) => entry.key);
    } else if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name && ts.isTypeLiteralNode(statement.type)) {
      return propertyEntries(sourceFile, statement.type.members).map((entry) => entry.key);
    }
  }
  return [];
}

/**
 * True for a type with a function among its members: an API (`{ enabledFeatures: FeatureName[]; featureEnabled: (feature:
 * FeatureName) => boolean }`, what a composable gives), not a record of flags nor an object a flag gates, whatever its name.
 */
export function isApiType(members: readonly ts.TypeElement[]): boolean {
  return members.some((member) => ts.isMethodSignature(member) || (ts.isPropertySignature(member) && member.type !== undefined && ts.isFunctionTypeNode(member.type)));
}

function propertyEntries(sourceFile: ts.SourceFile, members: ts.NodeArray<ts.TypeElement>): RegistryEntry[] {
  if (isApiType(members)) return [];
  return members.flatMap((member): RegistryEntry[] => {
    const property = ts.isPropertySignature(member) ? propertyKey(sourceFile, member.name) : undefined;
    if (property === undefined) return [];
    const { key, constant, keySpan } = property;
    return [{ key, name: constant ?? key, span: spanOf(sourceFile, member), keySpan, ...(constant === undefined ? {} : { constant: true as const }) }];
  });
}

/**
 * The keys a class of static text constants lists (`class FeatureFlags { public static newNav = 'new-nav'; }`), as an
 * object's entries; undefined for a class with anything else in it.
 */
function staticConstantEntries(sourceFile: ts.SourceFile, declaration: ts.ClassDeclaration): RegistryEntry[] | undefined {
  const entries: RegistryEntry[] = [];
  for (const member of declaration.members) {
    if (ts.isSemicolonClassElement(member)) continue;
    if (!ts.isPropertyDeclaration(member) || !(ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) ?? false)) return undefined;
    const value = member.initializer === undefined ? undefined : unwrap(member.initializer);
    if (value === undefined || !ts.isStringLiteralLike(value) || !ts.isIdentifier(member.name)) return undefined;
    entries.push({ key: value.text, name: member.name.text, span: spanOf(sourceFile, member), keySpan: spanOf(sourceFile, value) });
  }
  return entries.length > 0 ? entries : undefined;
}

/**
 * The properties of a class that is only a record of them (`class FeatureFlags { enableX?: boolean = undefined }`, made
 * with `new` and filled from a flag service's answer), as an interface's are; undefined for a class that does anything
 * (a method, an accessor, a constructor) or keeps a static member: a service of flags, not a list of them.
 */
function recordClassEntries(sourceFile: ts.SourceFile, declaration: ts.ClassDeclaration): RegistryEntry[] | undefined {
  const entries: RegistryEntry[] = [];
  for (const member of declaration.members) {
    if (ts.isIndexSignatureDeclaration(member) || ts.isSemicolonClassElement(member)) continue;
    if (!ts.isPropertyDeclaration(member) || ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) return undefined;
    if (member.initializer !== undefined && (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer))) return undefined;
    const property = propertyKey(sourceFile, member.name);
    if (property !== undefined) entries.push({ key: property.key, name: property.constant ?? property.key, span: spanOf(sourceFile, member), keySpan: property.keySpan });
  }
  return entries;
}

/**
 * Leaf string values of an object literal, nested groups of keys included (`{ checkout: { NEW: 'x' } }`). A nested
 * object holding anything but strings and groups (`{ enable_ai: { displayName: 'AI', configurable: true } }`) is a
 * record about the flag its property names: that name is the key, and its strings are labels, not keys.
 */
function collectObjectEntries(sourceFile: ts.SourceFile, object: ts.ObjectLiteralExpression, prefix: string, entries: RegistryEntry[], spreading: ReadonlySet<ts.Node> = new Set()): void {
  for (const property of object.properties) {
    // `{ ...UserFeatureFlags, formTimer: 'formTimer' }`: the entries of another object of the module, listed there.
    if (ts.isSpreadAssignment(property)) {
      const spread = ts.isIdentifier(property.expression) ? objectConstantOf(sourceFile, property.expression.text) : undefined;
      if (spread !== undefined && !spreading.has(spread)) collectObjectEntries(sourceFile, spread, prefix, entries, new Set([...spreading, object]));
      continue;
    }
    // `{ NEW_NAV, DARKMODE }`: the module's constants, by their own names.
    if (ts.isShorthandPropertyAssignment(property)) {
      const constant = stringConstantsOf(sourceFile).get(property.name.text);
      if (constant !== undefined) entries.push({ key: constant.text, name: property.name.text, span: spanOf(sourceFile, property), keySpan: spanOf(sourceFile, constant), constant: true });
      continue;
    }
    if (!ts.isPropertyAssignment(property)) continue;
    // `[PROFILES]: { value: true }`: a constant names the key, whatever the value holds.
    const computed = propertyKey(sourceFile, property.name);
    if (computed?.constant !== undefined) {
      entries.push({ key: computed.key, name: computed.constant, span: spanOf(sourceFile, property), keySpan: computed.keySpan, constant: true });
      continue;
    }
    // Any other computed name (`[other]: …`) is decided when the code runs.
    if (computed === undefined) continue;
    const name = prefix + computed.key;
    const value = unwrap(property.initializer);
    if (ts.isStringLiteralLike(value)) {
      entries.push({ key: value.text, name, span: spanOf(sourceFile, property), keySpan: spanOf(sourceFile, value) });
    } else if (ts.isObjectLiteralExpression(value) && prefix === '' && !holdsOnlyKeys(value)) {
      entries.push({ key: computed.key, name, span: spanOf(sourceFile, property), keySpan: computed.keySpan });
    } else if (ts.isObjectLiteralExpression(value)) {
      collectObjectEntries(sourceFile, value, `${name}.`, entries);
    }
  }
}

/** True when an object literal holds nothing but string values and objects that do (a group of keys). */
function holdsOnlyKeys(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.every((property) => {
    if (!ts.isPropertyAssignment(property)) return false;
    const value = unwrap(property.initializer);
    return ts.isStringLiteralLike(value) || (ts.isObjectLiteralExpression(value) && holdsOnlyKeys(value));
  });
}

/**
 * The entries of a list of keys: `['x', 'y'] as const`, string keys only, fixed by `as const` (a plain array's items are any
 * text), or a list of the module's string constants (`[DARKMODE, NEW_NAV]`), fixed by the constants.
 */
function listEntries(sourceFile: ts.SourceFile, initializer: ts.Expression): RegistryEntry[] | undefined {
  const literals = constListOf(initializer);
  if (literals !== undefined) {
    return literals.map((element) => {
      const span = spanOf(sourceFile, element);
      return { key: element.text, name: element.text, span, keySpan: span };
    });
  }
  const list = unwrap(initializer);
  if (!ts.isArrayLiteralExpression(list) || list.elements.length === 0) return undefined;
  // A key written as a string beside them (as the quick fix adds one) is listed too.
  const entries: RegistryEntry[] = [];
  for (const element of list.elements) {
    const span = spanOf(sourceFile, element);
    if (ts.isStringLiteralLike(element)) {
      entries.push({ key: element.text, name: element.text, span, keySpan: span });
      continue;
    }
    const constant = ts.isIdentifier(element) ? stringConstantsOf(sourceFile).get(element.text) : undefined;
    if (constant === undefined) return undefined;
    entries.push({ key: constant.text, name: (element as ts.Identifier).text, span, keySpan: spanOf(sourceFile, constant), constant: true });
  }
  return entries.some((entry) => entry.constant === true) ? entries : undefined;
}

function constListOf(node: ts.Expression): ts.StringLiteralLike[] | undefined {
  let expression = node;
  while (ts.isParenthesizedExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  if (!ts.isAsExpression(expression) || !ts.isTypeReferenceNode(expression.type) || !ts.isIdentifier(expression.type.typeName) || expression.type.typeName.text !== 'const') return undefined;
  const list = unwrap(expression.expression);
  if (!ts.isArrayLiteralExpression(list) || list.elements.length === 0) return undefined;
  const keys = list.elements.filter(ts.isStringLiteralLike);
  return keys.length === list.elements.length ? keys : undefined;
}

const stringConstants = new WeakMap<ts.SourceFile, ReadonlyMap<string, ts.StringLiteralLike>>();

/** The file's top-level string constants (`export const DARKMODE = 'app.darkmode'`), by name. */
function stringConstantsOf(sourceFile: ts.SourceFile): ReadonlyMap<string, ts.StringLiteralLike> {
  let constants = stringConstants.get(sourceFile);
  if (constants !== undefined) return constants;
  const found = new Map<string, ts.StringLiteralLike>();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && value !== undefined && ts.isStringLiteralLike(value)) found.set(declaration.name.text, value);
    }
  }
  stringConstants.set(sourceFile, constants = found);
  return constants;
}

/** The object literal a constant of the module is declared as (`const UserFeatureFlags = { … } as const`), if it is one. */
function objectConstantOf(sourceFile: ts.SourceFile, name: string): ts.ObjectLiteralExpression | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer !== undefined) return objectLiteralOf(declaration.initializer);
    }
  }
  return undefined;
}

/** Inside the brackets of the list an initializer holds (`[ … ] as const`). */
function innerBracketSpan(sourceFile: ts.SourceFile, initializer: ts.Expression): Span {
  const list = unwrap(initializer);
  return { start: list.getStart(sourceFile) + 1, end: list.end - 1 };
}

/** `{...} as const`, `Object.freeze({...})`, `{...} satisfies T`. */
function objectLiteralOf(node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const expression = unwrap(node);
  if (ts.isObjectLiteralExpression(expression)) return expression;
  if (ts.isCallExpression(expression) && expression.arguments.length === 1 && ts.isPropertyAccessExpression(expression.expression)
    && expression.expression.name.text === 'freeze') {
    return objectLiteralOf(expression.arguments[0]);
  }
  return undefined;
}

/**
 * The object a call of the file's own function hands back as it is (`experiments({ … })` with `function experiments<Keys
 * extends string>(exp: Record<Keys, Experiment>) { return Object.freeze(exp); }`, or `const validateValues = <K extends
 * PropertyKey>(flags: Record<K, FlagValue>) => flags`): a helper that checks each entry's type and keeps the object's
 * keys, which `keyof typeof` then reads.
 */
function checkedObjectOf(sourceFile: ts.SourceFile, initializer: ts.Expression): ts.ObjectLiteralExpression | undefined {
  const call = unwrap(initializer);
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || !ts.isIdentifier(call.expression)) return undefined;
  const object = objectLiteralOf(call.arguments[0]);
  if (object === undefined) return undefined;
  const helper = moduleFunction(sourceFile, call.expression.text);
  const parameter = helper?.parameters.length === 1 && ts.isIdentifier(helper.parameters[0].name) ? helper.parameters[0].name.text : undefined;
  const body = helper?.body;
  const statements = body !== undefined && ts.isBlock(body) ? body.statements : undefined;
  const given = body === undefined ? undefined : !ts.isBlock(body) ? body
    : statements?.length === 1 && ts.isReturnStatement(statements[0]) ? statements[0].expression : undefined;
  if (parameter === undefined || given === undefined) return undefined;
  const returned = unwrap(given);
  const handsBack = (ts.isIdentifier(returned) && returned.text === parameter)
    || (ts.isCallExpression(returned) && ts.isPropertyAccessExpression(returned.expression) && returned.expression.name.text === 'freeze'
      && returned.arguments.length === 1 && ts.isIdentifier(unwrap(returned.arguments[0])) && (unwrap(returned.arguments[0]) as ts.Identifier).text === parameter);
  return handsBack ? object : undefined;
}

/** The module's function of that name: declared, or an arrow function or function expression held by a constant. */
function moduleFunction(sourceFile: ts.SourceFile, name: string): ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && value !== undefined && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) return value;
    }
  }
  return undefined;
}

function unwrap(node: ts.Expression): ts.Expression {
  let expression = node;
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  return expression;
}

function nameText(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return '';
}

function spanOf(sourceFile: ts.SourceFile, node: ts.Node): Span {
  return { start: node.getStart(sourceFile), end: node.end };
}

/** The text between a list's braces: from just after `{` to just before `}`. */
function innerSpan(sourceFile: ts.SourceFile, list: ts.NodeArray<ts.Node>, container: ts.Node): Span {
  const text = sourceFile.text;
  const open = text.lastIndexOf('{', list.length > 0 ? list[0].getStart(sourceFile) : container.end);
  const close = text.lastIndexOf('}', container.end);
  return { start: open + 1, end: Math.max(open + 1, close) };
}
