// Pinia stores of flags: a store whose id says feature flags, `defineStore('feature-flags', { state: () => ({ ADMIN_PAGE:
// false }) })`, holds one flag in each field of its state, and the function that gives the store (`useFeatureFlagsStore`)
// is a bag function of those fields: `featureFlagsStore.ADMIN_PAGE`, `useFeatureFlagsStore().ADMIN_PAGE`, in a script or a
// component's template. The state is written out as booleans, or typed as a record keyed by a table's keys
// (`as Record<keyof typeof FLAG_MAPPING, boolean>`).
//
// A field the store fills from a flag of another name names that flag: `this.ADMIN_PAGE =
// flags.includes('auth_portal_admin_page')`, or in a loop over a table of fields and flag names, `for (const [field, flag]
// of Object.entries(FLAG_MAPPING)) this[field] = enabled.has(flag)`. A field filled otherwise is the flag of its own name.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { saysFeatureFlags } from './flagRecords';
import { enclosingFunctionOf, functionName } from './functions';
import type { SourceTrees } from './sourceTrees';
import { holdsBoolean } from './typeText';
import type { DiscoveredAt, DiscoveredBag } from './types';
import { booleanLiteralNames } from './hookBags';
import { saysOwnState } from './registries';
import { isTestFile } from './wrappers';
import { unwrap } from '../scan/values';

const DEFINES_STORE = /\bdefineStore\s*\(/;

/** The bag function of each Pinia store of flags (see the top of this file); two stores given by functions of one name make one bag of both. */
export function piniaFlagStoreBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const bags = new Map<string, DiscoveredBag>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!source.text.includes('defineStore') || !DEFINES_STORE.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      const store = ts.isCallExpression(node) ? flagStoreOf(node, sourceFile) : undefined;
      if (store !== undefined) {
        const at: DiscoveredAt = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
        const bagsOfStore = [...(store.fields.length > 0 ? [{ spec: `${store.giver}()`, fields: store.fields, names: store.names }] : []), ...store.records];
        for (const { spec, fields, names: filled } of bagsOfStore) {
          const known = bags.get(spec);
          const names = { ...known?.keyNames, ...filled };
          bags.set(spec, {
            spec, at: known?.at ?? at, piniaStore: known?.piniaStore ?? store.id,
            keys: [...new Set([...(known?.keys ?? []), ...fields])], ...(Object.keys(names).length > 0 ? { keyNames: names } : {}),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...bags.values()];
}

interface FlagStore {
  readonly id: string;
  /** The function that gives the store. */
  readonly giver: string;
  readonly fields: readonly string[];
  /** Field → the flag it is filled from, where that has another name. */
  readonly names: Readonly<Record<string, string>>;
  /** A setup store's records of flags it gives as a property named for them (`flags`), each a bag of its own. */
  readonly records: ReadonlyArray<{ readonly spec: string; readonly fields: readonly string[]; readonly names: Readonly<Record<string, string>> }>;
}

/** The store a `defineStore(id, { state })` call makes, when its id says feature flags and its state is a record of flags. */
function flagStoreOf(call: ts.CallExpression, sourceFile: ts.SourceFile): FlagStore | undefined {
  if (!ts.isIdentifier(call.expression) || call.expression.text !== 'defineStore' || call.arguments.length < 1) return undefined;
  const [first, second] = call.arguments;
  // `defineStore('flags', { … })`, or Pinia's older `defineStore({ id: 'flags', … })`.
  const options = ts.isStringLiteralLike(first) ? second : first;
  if (options !== undefined && ts.isStringLiteralLike(first) && (ts.isArrowFunction(options) || ts.isFunctionExpression(options))) return setupStoreOf(call, first.text, options);
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return undefined;
  const idNode = ts.isStringLiteralLike(first) ? first : propertyOf(options, 'id');
  const id = idNode !== undefined && ts.isStringLiteralLike(idNode) ? idNode.text : undefined;
  if (id === undefined || !saysFeatureFlags(id)) return undefined;
  const state = propertyOf(options, 'state');
  const fields = state === undefined ? undefined : stateFields(state, sourceFile);
  const giver = giverOf(call);
  if (fields === undefined || fields.length === 0 || giver === undefined) return undefined;
  const names = filledNames(options, sourceFile, new Set(fields));
  return { id, giver, fields, names, records: [] };
}

// A setup store's property that holds a record of its flags: `flags`, `featureFlags`, `toggles`.
const RECORD_NAME = /^(?:feature)?(?:flags|toggles)$/i;

/**
 * A setup store, `defineStore('FeatureFlags', () => { const beta = ref(false); const flags = computed(() => ({ beta:
 * beta.value, newNav: growthbook?.isOn('new-nav') })); return { flags, beta }; })`: each boolean ref it gives back is a
 * field (`store.beta`), and a computed record named for flags that it gives back is a bag of its properties
 * (`store.flags.newNav`), each the flag the call its value makes is given (`new-nav`), or its own name.
 */
function setupStoreOf(call: ts.CallExpression, id: string, setup: ts.ArrowFunction | ts.FunctionExpression): FlagStore | undefined {
  const giver = giverOf(call);
  const given = givenBack(setup);
  if (!saysFeatureFlags(id) || giver === undefined || given === undefined || !ts.isObjectLiteralExpression(given) || !ts.isBlock(setup.body)) return undefined;
  const locals = new Map<string, ts.Expression>();
  for (const statement of setup.body.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.initializer !== undefined) locals.set(declaration.name.text, declaration.initializer);
    }
  }
  const fields: string[] = [];
  const records: Array<{ spec: string; fields: string[]; names: Record<string, string> }> = [];
  for (const property of given.properties) {
    if (!ts.isShorthandPropertyAssignment(property)) continue;
    const name = property.name.text;
    const made = locals.get(name);
    const maker = made !== undefined && ts.isCallExpression(made) && ts.isIdentifier(made.expression) ? made.expression.text : undefined;
    const [argument] = maker === undefined ? [] : (made as ts.CallExpression).arguments;
    // A boolean the store keeps of itself (`featureFlagsLoaded`) is none of its flags.
    if (maker === 'ref' && argument !== undefined && (argument.kind === ts.SyntaxKind.TrueKeyword || argument.kind === ts.SyntaxKind.FalseKeyword) && !saysOwnState(name)) fields.push(name);
    const record = maker === 'computed' && RECORD_NAME.test(name) && argument !== undefined ? givenBack(argument) : undefined;
    if (record === undefined || !ts.isObjectLiteralExpression(record)) continue;
    const recordFields: string[] = [];
    const names: Record<string, string> = {};
    for (const member of record.properties) {
      if (!ts.isPropertyAssignment(member) || !ts.isIdentifier(member.name)) continue;
      recordFields.push(member.name.text);
      const flag = calledWithText(member.initializer);
      if (flag !== undefined && flag !== member.name.text) names[member.name.text] = flag;
    }
    if (recordFields.length > 0) records.push({ spec: name, fields: recordFields, names });
  }
  return fields.length > 0 || records.length > 0 ? { id, giver, fields, names: {}, records } : undefined;
}

/** The value of an object literal's property (`state: () => …`, or the method `state() { … }` as a function). */
function propertyOf(object: ts.ObjectLiteralExpression, name: string): ts.Node | undefined {
  for (const property of object.properties) {
    if (property.name === undefined || !ts.isIdentifier(property.name) || property.name.text !== name) continue;
    if (ts.isPropertyAssignment(property)) return property.initializer;
    if (ts.isMethodDeclaration(property)) return property;
  }
  return undefined;
}

/** The fields of a state function's record: written out as booleans, or typed as a record of booleans keyed by known keys. */
function stateFields(state: ts.Node, sourceFile: ts.SourceFile): string[] | undefined {
  const given = givenBack(state);
  if (given === undefined) return undefined;
  const record = unwrap(given);
  if (ts.isAsExpression(given) || ts.isSatisfiesExpression(given)) {
    const keyed = recordKeys(given.type, sourceFile);
    if (keyed !== undefined) return keyed;
  }
  if (!ts.isObjectLiteralExpression(record)) return undefined;
  return booleanLiteralNames(record)?.filter((name) => !saysOwnState(name));
}

/** What a state function gives back: an arrow's expression body, or its one return. */
function givenBack(state: ts.Node): ts.Expression | undefined {
  if (!ts.isArrowFunction(state) && !ts.isFunctionExpression(state) && !ts.isMethodDeclaration(state)) return undefined;
  const { body } = state;
  if (body === undefined) return undefined;
  if (!ts.isBlock(body)) return skipParentheses(body);
  const returns = body.statements.filter(ts.isReturnStatement);
  return returns.length === 1 && returns[0].expression !== undefined ? skipParentheses(returns[0].expression) : undefined;
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let expression = node;
  while (ts.isParenthesizedExpression(expression)) expression = expression.expression;
  return expression;
}

/** The keys of `Record<K, boolean | undefined>` where K is known in the module: text literals, `keyof typeof TABLE`, aliases of those, unions. */
function recordKeys(type: ts.TypeNode, sourceFile: ts.SourceFile): string[] | undefined {
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeName.text !== 'Record' || type.typeArguments?.length !== 2) return undefined;
  if (!holdsBoolean(type.typeArguments[1])) return undefined;
  const keys = keysOfType(type.typeArguments[0], sourceFile, 0);
  return keys === undefined || keys.length === 0 ? undefined : keys;
}

// Aliases followed at most this deep: a chain of aliases longer than that is not a list of keys written for a store.
const MAX_ALIAS_DEPTH = 4;

function keysOfType(type: ts.TypeNode, sourceFile: ts.SourceFile, depth: number): string[] | undefined {
  if (depth > MAX_ALIAS_DEPTH) return undefined;
  if (ts.isParenthesizedTypeNode(type)) return keysOfType(type.type, sourceFile, depth);
  if (ts.isUnionTypeNode(type)) {
    const keys: string[] = [];
    for (const member of type.types) {
      const memberKeys = keysOfType(member, sourceFile, depth);
      if (memberKeys === undefined) return undefined;
      keys.push(...memberKeys);
    }
    return keys;
  }
  if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) return [type.literal.text];
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword && ts.isTypeQueryNode(type.type) && ts.isIdentifier(type.type.exprName)) {
    const table = tableOf(type.type.exprName.text, sourceFile);
    if (table !== undefined) return Object.keys(table);
    // A table typed as any text's (`Record<string, string>`), or empty, lists no keys of its own.
    return constantInitializer(type.type.exprName.text, sourceFile) === undefined ? undefined : [];
  }
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeArguments === undefined) {
    const alias = sourceFile.statements.find((statement): statement is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(statement) && statement.name.text === (type.typeName as ts.Identifier).text);
    return alias === undefined ? undefined : keysOfType(alias.type, sourceFile, depth + 1);
  }
  return undefined;
}

/** The module's constant object of texts, as written (`{ SIMPLE_SOCKET_UI: 'simple-socket-ui' }`); undefined when it is none or empty. */
function tableOf(name: string, sourceFile: ts.SourceFile): Record<string, string> | undefined {
  const initializer = constantInitializer(name, sourceFile);
  const object = initializer === undefined ? undefined : unwrap(initializer);
  if (object === undefined || !ts.isObjectLiteralExpression(object) || object.properties.length === 0) return undefined;
  const table: Record<string, string> = {};
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
    const value = unwrap(property.initializer);
    if (!ts.isStringLiteralLike(value)) return undefined;
    table[property.name.text] = value.text;
  }
  return table;
}

export function constantInitializer(name: string, sourceFile: ts.SourceFile): ts.Expression | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration.initializer;
    }
  }
  return undefined;
}

/** The function that gives the store: the constant it is made for (`const useFlagsStore = defineStore(…)`), or the named function around the call. */
function giverOf(call: ts.CallExpression): string | undefined {
  if (ts.isVariableDeclaration(call.parent) && call.parent.initializer === call && ts.isIdentifier(call.parent.name)) return call.parent.name.text;
  const owner = enclosingFunctionOf(call);
  return owner === undefined ? undefined : functionName(owner);
}

/**
 * The flags the store fills its fields from, where they have other names: `this.ADMIN_PAGE = flags.includes('admin_page')`,
 * and `for (const [field, flag] of Object.entries(TABLE)) this[field] = enabled.has(flag)` for each entry of the table.
 */
function filledNames(options: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile, fields: ReadonlySet<string>): Record<string, string> {
  const names: Record<string, string> = {};
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const field = node.left.name.text;
      const flag = calledWithText(node.right);
      if (fields.has(field) && flag !== undefined && flag !== field) names[field] = flag;
    }
    if (ts.isForOfStatement(node)) {
      for (const [field, flag] of tableLoopNames(node, sourceFile)) if (fields.has(field) && flag !== field) names[field] = flag;
    }
    ts.forEachChild(node, visit);
  };
  visit(options);
  return names;
}

/** The text a call is given first, `flags.includes('admin_page')`, under `!!` or parentheses. */
function calledWithText(node: ts.Expression): string | undefined {
  let expression = skipParentheses(node);
  while (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken && ts.isPrefixUnaryExpression(expression.operand)) expression = skipParentheses(expression.operand.operand);
  if (!ts.isCallExpression(expression) || expression.arguments.length === 0) return undefined;
  const first = expression.arguments[0];
  return ts.isStringLiteralLike(first) ? first.text : undefined;
}

/** `for (const [field, flag] of Object.entries(TABLE)) { this[field] = x.has(flag) }`: each entry of the table. */
function tableLoopNames(loop: ts.ForOfStatement, sourceFile: ts.SourceFile): Array<[string, string]> {
  const list = loop.expression;
  if (!ts.isCallExpression(list) || list.arguments.length !== 1 || !ts.isIdentifier(list.arguments[0])) return [];
  if (!ts.isPropertyAccessExpression(list.expression) || list.expression.name.text !== 'entries' || !ts.isIdentifier(list.expression.expression) || list.expression.expression.text !== 'Object') return [];
  const bound = ts.isVariableDeclarationList(loop.initializer) && loop.initializer.declarations.length === 1 ? loop.initializer.declarations[0].name : undefined;
  if (bound === undefined || !ts.isArrayBindingPattern(bound) || bound.elements.length !== 2) return [];
  const [fieldElement, flagElement] = bound.elements;
  if (!ts.isBindingElement(fieldElement) || !ts.isBindingElement(flagElement) || !ts.isIdentifier(fieldElement.name) || !ts.isIdentifier(flagElement.name)) return [];
  const fieldName = fieldElement.name.text;
  const flagName = flagElement.name.text;
  let fills = false;
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left)
      && node.left.expression.kind === ts.SyntaxKind.ThisKeyword && ts.isIdentifier(node.left.argumentExpression) && node.left.argumentExpression.text === fieldName) {
      const right = skipParentheses(node.right);
      if (ts.isCallExpression(right) && right.arguments.length >= 1 && ts.isIdentifier(right.arguments[0]) && right.arguments[0].text === flagName) fills = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(loop.statement);
  const table = fills ? tableOf(list.arguments[0].text, sourceFile) : undefined;
  return table === undefined ? [] : Object.entries(table);
}
