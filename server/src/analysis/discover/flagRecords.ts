// Records of feature flags with no list of keys: code that gets its flags as a plain object of booleans (from a CLI
// option, the caller, a settings service) and hands it along as `featureFlags`, typed `Record<string, boolean>`, `{
// [name: string]: boolean }`, or an alias of one (`type FeatureFlags = Record<string, boolean>`). Every property read of
// it is a check of the flag it names (`featureFlags.use_cached_site_info`, `featureFlags?.['x']`), wherever the record
// is passed under that name. With no keys to keep other objects of the name out, the name must say feature flags, not
// just flags (CLI flags, UI toggles), and the type must hold booleans: the two together are the evidence.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { nameWords } from './registries';
import type { SourceTrees } from './sourceTrees';
import { holdsBoolean, RECORD_WRAPPERS, withoutNullish } from './typeText';
import type { DiscoveredAt, DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

// Cheap text tests: a declaration typed where the name says feature flags (`featureFlags?:`, `FEATURE_TOGGLES:`), and
// a type alias or interface that may be a record of them.
const NAMED_DECLARATION = /features?_?(?:flags?|toggles?)\??\s*:/i;
const RECORD_ALIAS = /\b(?:type|interface)\s+([\w$]*(?:flag|toggle)[\w$]*)/gi;
const FLAG_WORDS = new Set(['flag', 'flags', 'toggle', 'toggles']);

/** The bags a record of feature flags declares (see the top of this file), each a bag whose locals are it. */
export function flagRecordBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const aliases = recordAliases(root, trees);
  const bags = new Map<string, DiscoveredBag>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!NAMED_DECLARATION.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      const declared = declaredRecord(node, aliases);
      if (declared !== undefined && !bags.has(declared.name)) {
        const at: DiscoveredAt = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
        bags.set(declared.name, { spec: declared.name, at, declaredAs: declared.type.getText(sourceFile), locals: true });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...bags.values()];
}

/** True when a name says feature flags: `featureFlags`, `FEATURE_TOGGLES`, `enabledFeatureFlags`; not `flags`, `toggles`. */
function saysFeatureFlags(name: string): boolean {
  const words = nameWords(name);
  return words.some((word, index) => FLAG_WORDS.has(word) && index > 0 && (words[index - 1] === 'feature' || words[index - 1] === 'features'));
}

/** A property, parameter or variable named for feature flags and typed as a record of booleans, with its name and type. */
function declaredRecord(node: ts.Node, aliases: ReadonlySet<string>): { name: string; type: ts.TypeNode } | undefined {
  if (!(ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node) || ts.isVariableDeclaration(node))) return undefined;
  if (node.type === undefined || !(ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return undefined;
  // `const DEFAULT_FEATURE_FLAGS: FeatureFlags = { … }` writes the defaults out: a read of it is a constant, not a flag's state.
  if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isObjectLiteralExpression(node.initializer)) return undefined;
  const name = node.name.text;
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || !saysFeatureFlags(name) || !isRecordOfBooleans(node.type, aliases)) return undefined;
  return { name, type: node.type };
}

/**
 * `Record<string, boolean>`, `{ [name: string]: boolean }`, inside `Partial<…>` or `Promise<…>`, with `| undefined`, or
 * one of `aliases`. A value type that holds a boolean (`boolean | string`, a variant) counts.
 */
function isRecordOfBooleans(type: ts.TypeNode, aliases: ReadonlySet<string>): boolean {
  const inner = withoutNullish(type);
  if (inner === undefined) return false;
  if (ts.isTypeLiteralNode(inner)) return isIndexOfBooleans(inner.members);
  if (!ts.isTypeReferenceNode(inner)) return false;
  const name = ts.isIdentifier(inner.typeName) ? inner.typeName.text : inner.typeName.right.text;
  const args = inner.typeArguments ?? [];
  if (args.length === 0) return aliases.has(name);
  if (RECORD_WRAPPERS.has(name) && args.length === 1) return isRecordOfBooleans(args[0], aliases);
  return name === 'Record' && args.length === 2 && args[0].kind === ts.SyntaxKind.StringKeyword && holdsBoolean(args[1]);
}

/** Members that are one index signature of string keys and boolean values, and nothing else. */
function isIndexOfBooleans(members: ts.NodeArray<ts.TypeElement>): boolean {
  if (members.length !== 1 || !ts.isIndexSignatureDeclaration(members[0])) return false;
  const [signature] = members;
  return signature.parameters[0]?.type?.kind === ts.SyntaxKind.StringKeyword && holdsBoolean(signature.type);
}

/**
 * The type aliases and interfaces, named for flags, that are a record of booleans: `type FeatureFlags = Record<string,
 * boolean>`, `interface Flags { [name: string]: boolean }`. Declared twice, with another type once, the name still counts:
 * a binding typed by it is kept honest by its own name.
 */
function recordAliases(root: string, trees: SourceTrees): Set<string> {
  const aliases = new Set<string>();
  for (const source of trees.sources) {
    if (!source.text.includes('boolean')) continue;
    const named = new Set([...source.text.matchAll(RECORD_ALIAS)].map((match) => match[1]));
    if (named.size === 0 || isTestFile(posix.relative(root, source.file))) continue;
    for (const statement of trees.tree(source).statements) {
      if (ts.isTypeAliasDeclaration(statement) && named.has(statement.name.text) && statement.typeParameters === undefined && isRecordOfBooleans(statement.type, aliases)) {
        aliases.add(statement.name.text);
      } else if (ts.isInterfaceDeclaration(statement) && named.has(statement.name.text) && statement.heritageClauses === undefined && isIndexOfBooleans(statement.members)) {
        aliases.add(statement.name.text);
      }
    }
  }
  return aliases;
}
