// A registry that objects carry as a property. A team's client class says `Gate = Gate` (or a scoped client
// `{ Gate: this.Gate, checkGate }`) so that its users write `features.checkGate(features.Gate.SearchV2)` without
// importing the enum. The object is a parameter or a call's result at nearly every check, so nothing follows it to
// the class: the property's name, declared so here, is what says that `<anything>.Gate.SearchV2` is a member. A Vue
// plugin carries it on every component the same way (`Vue.prototype.$featureKeys = FeatureKeys`, read
// `this.$featureKeys.X` in a script and `$featureKeys.X` in a template).

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { RegistryProperty } from '../patterns';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredRegistryProperty } from './types';
import { isTestFile } from './wrappers';

/** An enum or object registry, with the key of each member. */
export interface MemberRegistry {
  /** Relative to the workspace folder. */
  readonly file: string;
  readonly symbol: string;
  readonly keyOfMember: ReadonlyMap<string, string>;
}

/**
 * The properties that hold `registry` in the workspace's code, tests aside: a class's property or an object's
 * initialized with the registry itself, where the file declares it or imports it by its name (`Gate = Gate`,
 * `{ Gate }`), then one initialized with such a property (`Gate: this.Gate`).
 */
export function registryPropertiesOf(root: string, trees: SourceTrees, registry: MemberRegistry): DiscoveredRegistryProperty[] {
  if (registry.keyOfMember.size === 0) return [];
  const found = new Map<string, DiscoveredRegistryProperty>();
  const keyOfMember = Object.fromEntries(registry.keyOfMember);
  const registryFile = posix.join(root, registry.file);
  const carrying: Array<{ name: string; value: ts.Expression | undefined; file: string; tree: ts.SourceFile; at: ts.Node }> = [];
  for (const file of trees.filesNaming(registry.symbol)) {
    const source = trees.byFile.get(file);
    if (source === undefined || isTestFile(posix.relative(root, file))) continue;
    const tree = trees.tree(source);
    if (file !== registryFile && !importsByName(tree, registry.symbol)) continue;
    const visit = (node: ts.Node): void => {
      if ((ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node)) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) {
        // Or an object that spreads the registry among its own members: `features: { enabled, getValue, ...Features }`.
        const spread = node.initializer !== undefined && ts.isObjectLiteralExpression(node.initializer) ? spreadRegistry(node.initializer, registry.symbol) : undefined;
        carrying.push({ name: node.name.text, value: spread ?? node.initializer, file, tree, at: node });
      } else if (ts.isShorthandPropertyAssignment(node)) {
        carrying.push({ name: node.name.text, value: node.name, file, tree, at: node });
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
        // A plugin that puts it on every component: `Vue.prototype.$featureKeys = FeatureKeys`, `app.config.globalProperties.$x = X`.
        carrying.push({ name: node.left.name.text, value: node.right, file, tree, at: node });
      } else if (ts.isPropertySignature(node) && ts.isIdentifier(node.name) && node.type !== undefined) {
        // What declares that property's type for every component: `$featureKeys: typeof FeatureKeys` in `interface Vue`; or
        // the registry's members beside methods of the property's own, `features: typeof Features & { enabled(f: Features): boolean }`.
        const query = registryQuery(node.type, registry.symbol);
        if (query !== undefined) carrying.push({ name: node.name.text, value: query, file, tree, at: node });
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  const add = (entry: (typeof carrying)[number]): void => {
    if (found.has(entry.name)) return;
    const line = entry.tree.getLineAndCharacterOfPosition(entry.at.getStart(entry.tree)).line + 1;
    found.set(entry.name, { property: entry.name, keyOfMember, at: { file: posix.relative(root, entry.file), line } });
  };
  for (const entry of carrying) if (entry.value !== undefined && ts.isIdentifier(entry.value) && entry.value.text === registry.symbol) add(entry);
  // `Gate: this.Gate`, `Gate: client.Gate`: a property that passes one on.
  for (const entry of carrying) {
    if (entry.value !== undefined && ts.isPropertyAccessExpression(entry.value) && found.has(entry.value.name.text)) add(entry);
  }
  return [...found.values()];
}

/** The registry's name in `typeof Registry`, alone or as a part of an intersection. */
function registryQuery(type: ts.TypeNode, symbol: string): ts.Identifier | undefined {
  if (ts.isIntersectionTypeNode(type)) return type.types.map((part) => registryQuery(part, symbol)).find((query) => query !== undefined);
  return ts.isTypeQueryNode(type) && ts.isIdentifier(type.exprName) && type.exprName.text === symbol ? type.exprName : undefined;
}

/** The registry's name where an object literal spreads it among its members (`{ enabled, ...Features }`). */
function spreadRegistry(object: ts.ObjectLiteralExpression, symbol: string): ts.Identifier | undefined {
  for (const property of object.properties) {
    if (ts.isSpreadAssignment(property) && ts.isIdentifier(property.expression) && property.expression.text === symbol) return property.expression;
  }
  return undefined;
}

/** The registry property as the scan takes it. */
export function registryPropertyPattern(carried: DiscoveredRegistryProperty): RegistryProperty {
  return { property: carried.property, keyOfMember: carried.keyOfMember };
}

/** True when the file imports `symbol` under its own name (`import { Gate } from './gates'`). */
function importsByName(tree: ts.SourceFile, symbol: string): boolean {
  return tree.statements.some((statement) => {
    const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
    return bindings !== undefined && ts.isNamedImports(bindings)
      && bindings.elements.some((element) => element.name.text === symbol && (element.propertyName === undefined || element.propertyName.text === symbol));
  });
}
