// Records of flags found by how they are read: an element access keyed by a member of the registry
// (`orgFeatureFlags?.[FEATURE_FLAG.x]`, `(org?.featureFlags as Record<string, unknown>)[FEATURE_FLAG.x]`) reads one flag
// from a record that holds them, whatever declared the record (a JSON column, a snapshot, a parameter typed loosely).
// The record's name is then a bag of the registry's keys, as for a property typed by a registry interface
// (typedBags.ts): its other reads (`flags?.x`, `featureFlags.hasX`, `flags?.['y']`) are checks when they name a key
// the registry lists. A table keyed by the registry that holds something else (`Catalog[FLAG.x].safeParse(v)`, a
// handler called, an object written at a module's top level) and a record being written (`record[FLAG.x] = v`,
// `delete`) are no evidence.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { handedSelector, isWrittenAccess } from '../scan/bagReads';
import { memberKey } from './anchors';
import { keyTypeNames } from './keyAliases';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

/** A registry with members, as this stage needs it. */
export interface KeyingRegistry {
  readonly symbol: string;
  readonly keys: readonly string[];
  readonly members: readonly string[];
}

/**
 * The names of the records read by a member of each registry, as bags that list its keys. Only the files that
 * name the registry are read, and only those whose text indexes something by one of its members are parsed.
 */
export function bagsKeyedBy(root: string, registries: readonly KeyingRegistry[], trees: SourceTrees): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  // Records of flag values come from data (a column, a snapshot, a response) or are merged in a function; an object
  // written at a module's top level and keyed by the registry is a table of something else about each flag (its
  // schema, label or default).
  const tables = new Set<string>();
  for (const registry of registries) {
    // A record indexed by a member names the registry (`flags?.[FEATURE_FLAG.x]`), which a module's default export has no name for.
    if (keyTypeNames(root, registry.symbol, trees).length === 0) continue;
    const members = new Set(registry.members);
    const indexes = new RegExp(`\\[\\s*${registry.symbol.replace(/\$/g, '\\$')}\\.`);
    for (const source of trees.sources) {
      const file = posix.relative(root, source.file);
      if (!trees.filesNaming(registry.symbol).has(source.file) || isTestFile(file) || !indexes.test(source.text)) continue;
      const sourceFile = trees.tree(source);
      const visit = (node: ts.Node, parent: ts.Node): void => {
        if (ts.isVariableStatement(node) && parent === sourceFile) {
          for (const declaration of node.declarationList.declarations) {
            if (ts.isIdentifier(declaration.name) && declaration.initializer !== undefined && ts.isObjectLiteralExpression(unwrapped(declaration.initializer))) tables.add(declaration.name.text);
          }
        }
        // Or destructured by a member, the same read written another way: `const { [FEATURE_FLAG.x]: on } = flags`.
        const read = ts.isElementAccessExpression(node) && memberKey(node.argumentExpression, registry.symbol, members, sourceFile) !== undefined && isFlagRead(node, parent) ? node.expression
          : ts.isVariableDeclaration(node) && node.initializer !== undefined && destructuresMember(node.name, registry.symbol, members, sourceFile) ? node.initializer : undefined;
        const spec = read === undefined ? undefined : recordName(read);
        if (spec !== undefined && spec !== registry.symbol && !bags.some((bag) => bag.spec === spec)) {
          const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
          bags.push({ spec, at: { file, line }, keyedBy: registry.symbol, keys: registry.keys });
        }
        ts.forEachChild(node, (child) => visit(child, node));
      };
      ts.forEachChild(sourceFile, (child) => visit(child, sourceFile));
    }
  }
  return bags.filter((bag) => !tables.has(bag.spec));
}

/**
 * True when the element access is a value read: not written or deleted, not called, and not the receiver of a
 * method (`Catalog[FLAG.x].safeParse(value)` looks up a schema, not a flag's value).
 */
function isFlagRead(node: ts.ElementAccessExpression, parent: ts.Node): boolean {
  if (ts.isCallExpression(parent) && parent.expression === node) return false;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return false;
  return !isWrittenAccess(node, parent);
}

/** True when a binding takes a member's entry out of what it is given: `{ [FEATURE_FLAG.x]: on }`. */
function destructuresMember(name: ts.BindingName, symbol: string, members: ReadonlySet<string>, sourceFile: ts.SourceFile): boolean {
  return ts.isObjectBindingPattern(name) && name.elements.some((element) => element.propertyName !== undefined && ts.isComputedPropertyName(element.propertyName)
    && memberKey(element.propertyName.expression, symbol, members, sourceFile) !== undefined);
}

/**
 * The name of the record read: its last name (`orgFeatureFlags`, `featureFlags` of `(org?.featureFlags as Record<…>)`), or
 * the function a store's selector hook is handed, whose calls give the record (`selectFeatureFlags()` for
 * `useAppSelector(selectFeatureFlags)`); undefined for another call's result or `this`.
 */
function recordName(node: ts.Expression): string | undefined {
  const expression = unwrapped(node);
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) return expression.name.text;
  const handed = ts.isCallExpression(expression) ? handedSelector(expression) : undefined;
  if (handed !== undefined) return `${ts.isIdentifier(handed) ? handed.text : handed.name.text}()`;
  return undefined;
}

function unwrapped(node: ts.Expression): ts.Expression {
  let expression = node;
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression) || ts.isNonNullExpression(expression)) expression = expression.expression;
  return expression;
}
