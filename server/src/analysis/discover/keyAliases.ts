// The names a registry's keys go by in types: `type FlagKey = keyof typeof FLAGS`, the values of an `as const` object,
// the static type of a schema of them, or the items of a list made of them (`type FeatureFlagName = (typeof
// featureFlagNames)[number]` with `const featureFlagNames = getObjectKeys(goffFeatureFlags)`). A parameter typed by one
// takes a flag key as surely as one typed by the registry itself, and a record keyed by one holds flags.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { DEFAULT_EXPORT } from '../registryDeclarations';
import type { SourceTrees } from './sourceTrees';
import { isTestFile } from './wrappers';

/** The names that stand for a registry's keys in a type: the registry itself, and the aliases of its keys. */
export interface KeyNames {
  readonly symbol: string;
  readonly aliases: ReadonlySet<string>;
}

// Schema builders whose result is a schema of an object's keys or of an enum's values, with the type they give at
// `Static<typeof schema>` or `z.infer<typeof schema>`: TypeBox's `Type.KeyOf(Type.Const(FLAGS))`, `Type.Enum(Flags)`,
// zod's `z.nativeEnum(Flags)`, `z.enum(FLAG_KEYS)`.
const KEY_SCHEMAS = new Set(['KeyOf', 'Enum', 'nativeEnum', 'enum']);

// Functions that list an object's keys or values: `Object.keys(FLAGS)`, a team's `getObjectKeys(FLAGS)` or `keysOf(FLAGS)`.
const LISTS_KEYS = /keys|values/i;

/**
 * The type aliases, declared where the registry is named, that are its keys: `keyof typeof FLAGS`, the values of an
 * `as const` object (`(typeof FLAGS)[keyof typeof FLAGS]`), the static type of a schema of them (`type FeatureName =
 * Static<typeof FeatureName>` with `const FeatureName = Type.KeyOf(Type.Const(FLAGS))`), or the items of a list of them
 * (`(typeof names)[number]` with `const names = Object.keys(FLAGS)`). Found once per registry: anchoring asks first, and
 * the bags typed by the chosen registry ask again.
 */
export function keyAliases(root: string, symbol: string, trees: SourceTrees): ReadonlySet<string> {
  if (symbol === DEFAULT_EXPORT) return NO_ALIASES;
  let bySymbol = aliasesByTrees.get(trees);
  if (bySymbol === undefined) aliasesByTrees.set(trees, bySymbol = new Map());
  let aliases = bySymbol.get(symbol);
  if (aliases === undefined) bySymbol.set(symbol, aliases = findKeyAliases(root, symbol, trees));
  return aliases;
}

/**
 * The names that stand for a registry's keys in code: its own and its aliases (see `keyAliases`). A module's default
 * export has none: each file that imports it names it as it likes, so it is found by its constants alone.
 */
export function keyTypeNames(root: string, symbol: string, trees: SourceTrees): string[] {
  return symbol === DEFAULT_EXPORT ? [] : [symbol, ...keyAliases(root, symbol, trees)];
}

const NO_ALIASES: ReadonlySet<string> = new Set();

// The aliases of each registry's keys, per discovery (its source trees).
const aliasesByTrees = new WeakMap<SourceTrees, Map<string, ReadonlySet<string>>>();

function findKeyAliases(root: string, symbol: string, trees: SourceTrees): Set<string> {
  const aliases = new Set<string>();
  const escaped = symbol.replace(/\$/g, '\\$');
  const mayAlias = new RegExp(`\\bkeyof\\s+(?:typeof\\s+)?${escaped}\\b|(?:${[...KEY_SCHEMAS].join('|')})\\s*\\(|\\[\\s*number\\s*\\]`);
  for (const file of trees.filesNaming(symbol)) {
    const source = trees.byFile.get(file);
    if (source === undefined || isTestFile(posix.relative(root, file)) || !mayAlias.test(source.text)) continue;
    const statements = trees.tree(source).statements;
    const schemas = new Set<string>();
    // The registry itself, when it is a list: `(typeof FLAGS)[number]` is its keys (of any other kind, no type at all).
    const lists = new Set<string>([symbol]);
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
        if (isKeySchema(declaration.initializer, symbol)) schemas.add(declaration.name.text);
        else if (isListOf(declaration.initializer, symbol)) lists.add(declaration.name.text);
      }
    }
    for (const statement of statements) {
      if (!ts.isTypeAliasDeclaration(statement)) continue;
      const type = statement.type;
      if (namesKeysOf(type, { symbol, aliases }) || valuesOf(type, symbol) || staticTypeOf(type, schemas) || itemsOf(type, lists)) aliases.add(statement.name.text);
    }
  }
  return aliases;
}

/** `KeyOf(Const(FLAGS))`, `z.nativeEnum(Flags)`: a schema builder of keys whose arguments name the registry. */
function isKeySchema(initializer: ts.Expression, symbol: string): boolean {
  if (!ts.isCallExpression(initializer)) return false;
  const callee = initializer.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  if (!KEY_SCHEMAS.has(name)) return false;
  let names = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === symbol) names = true;
    else if (!names) ts.forEachChild(node, visit);
  };
  initializer.arguments.forEach(visit);
  return names;
}

/** `Object.keys(FLAGS)`, `getObjectKeys(FLAGS)`, `Object.values(FLAGS)`, with `as …`: a list of the registry's keys. */
function isListOf(initializer: ts.Expression, symbol: string): boolean {
  let expression = initializer;
  while (ts.isAsExpression(expression) || ts.isParenthesizedExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return false;
  const callee = expression.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  const [argument] = expression.arguments;
  return LISTS_KEYS.test(name) && ts.isIdentifier(argument) && argument.text === symbol;
}

/** `(typeof names)[number]`: the items of a list of the registry's keys. */
function itemsOf(type: ts.TypeNode, lists: ReadonlySet<string>): boolean {
  if (!ts.isIndexedAccessTypeNode(type) || type.indexType.kind !== ts.SyntaxKind.NumberKeyword) return false;
  let object = type.objectType;
  while (ts.isParenthesizedTypeNode(object)) object = object.type;
  return ts.isTypeQueryNode(object) && ts.isIdentifier(object.exprName) && lists.has(object.exprName.text);
}

/** `(typeof FLAGS)[keyof typeof FLAGS]`: the values of an `as const` object, its flag keys. */
function valuesOf(type: ts.TypeNode, symbol: string): boolean {
  if (!ts.isIndexedAccessTypeNode(type)) return false;
  let object = type.objectType;
  while (ts.isParenthesizedTypeNode(object)) object = object.type;
  return ts.isTypeQueryNode(object) && ts.isIdentifier(object.exprName) && object.exprName.text === symbol && namesKeysOf(type.indexType, { symbol, aliases: new Set() });
}

/** `Static<typeof FeatureName>`, `z.infer<typeof FlagSchema>`: the type of a schema of the registry's keys. */
function staticTypeOf(type: ts.TypeNode, schemas: ReadonlySet<string>): boolean {
  if (!ts.isTypeReferenceNode(type) || type.typeArguments?.length !== 1) return false;
  const [argument] = type.typeArguments;
  return ts.isTypeQueryNode(argument) && ts.isIdentifier(argument.exprName) && schemas.has(argument.exprName.text);
}

/** `keyof X`, `keyof typeof X`, `X` itself (a union or enum of keys), or an alias of its keys. */
export function namesKeysOf(type: ts.TypeNode, keys: KeyNames): boolean {
  const { symbol } = keys;
  if (ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword) {
    const operand = type.type;
    return (ts.isTypeReferenceNode(operand) && ts.isIdentifier(operand.typeName) && operand.typeName.text === symbol)
      || (ts.isTypeQueryNode(operand) && ts.isIdentifier(operand.exprName) && operand.exprName.text === symbol);
  }
  return ts.isTypeReferenceNode(type) && type.typeArguments === undefined && ts.isIdentifier(type.typeName) && (type.typeName.text === symbol || keys.aliases.has(type.typeName.text));
}
