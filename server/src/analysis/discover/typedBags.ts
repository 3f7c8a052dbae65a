// Bags typed by a registry interface: a property declared with the registry's type (`flags: UiFlags` in
// `interface IUiConfig`, `flags?: Partial<UiFlags>` in a class) holds every flag, so a read of one of the
// properties the registry lists (`uiConfig.flags.newNav`, `config?.flags?.['UG']`, `const { flags } = uiConfig;
// flags.UG`) is a check of that key. The property's name is how it is found where it is read, in any file; the
// registry's keys keep that honest: `props.flags.length` of another object that shares the name is no flag.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';

/** A registry interface, as this stage needs it. */
export interface TypingRegistry {
  readonly symbol: string;
  readonly keys: readonly string[];
}

// Wrappers of the type that keep its property names: a bag typed `Partial<UiFlags>` lists the same flags.
const SAME_KEYS_WRAPPERS = new Set(['Partial', 'Readonly', 'Required']);

/**
 * The properties typed by each registry interface, as bags that list its keys. Only the files that name the
 * registry are read, and only those whose text has a property of that type are parsed.
 */
export function bagsTypedBy(root: string, registries: readonly TypingRegistry[], trees: SourceTrees): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const registry of registries) {
    const escaped = registry.symbol.replace(/\$/g, '\\$');
    const declaresProperty = new RegExp(`[\\w$]\\??\\s*:\\s*(?:\\w+<\\s*)?${escaped}\\b`);
    for (const source of trees.sources) {
      const file = posix.relative(root, source.file);
      if (!trees.filesNaming(registry.symbol).has(source.file) || isTestFile(file) || !declaresProperty.test(source.text)) continue;
      const sourceFile = trees.tree(source);
      const visit = (node: ts.Node): void => {
        if ((ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && ts.isIdentifier(node.name) && node.type !== undefined && isRegistryType(node.type, registry.symbol)) {
          const spec = node.name.text;
          if (!bags.some((bag) => bag.spec === spec)) {
            const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
            bags.push({ spec, at: { file, line }, typedBy: registry.symbol, keys: registry.keys });
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
  }
  return bags;
}

/** `UiFlags`, `Partial<UiFlags>`, with `| undefined` or `| null`. */
function isRegistryType(type: ts.TypeNode, symbol: string): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isRegistryType(type.type, symbol);
  if (ts.isUnionTypeNode(type)) {
    const rest = type.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
    return rest.length === 1 && isRegistryType(rest[0], symbol);
  }
  if (!ts.isTypeReferenceNode(type)) return false;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  if (type.typeArguments === undefined) return name === symbol;
  return SAME_KEYS_WRAPPERS.has(name) && type.typeArguments.length === 1 && isRegistryType(type.typeArguments[0], symbol);
}
