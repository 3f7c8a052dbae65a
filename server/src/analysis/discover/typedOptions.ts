// Options named by their declared type: a property declared with the type of the registry's keys, or a list of them
// (`featureToggle?: FeatureName`, `featureFlagDependency?: FeatureFlagEnvVar[]`), names the flags that gate the objects
// it is written in (a table of check types, of integrations, of search filters), whatever code reads it later: the
// compiler holds each value written there to be a flag's key. As for a wrapper's option, the property's name must say
// flag, feature, toggle, experiment or gate, and be more than the bare word (`feature` is a label as often), and not say it
// changes the flags it lists (`excludeFeatureFlags`).

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { optionSaysNotEvaluating } from '../callNames';
import { isFlagOptionName } from '../patterns/options';
import { isApiType, registryLabel } from '../registryDeclarations';
import { escapeRegex } from '../regex';
import { keyTypeNames } from './keyAliases';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredWrapper } from './types';
import { elementTypeOf, withoutNullish } from './typeText';
import { isTestFile } from './wrappers';

/** The options the registry's key type declares, each as a pattern `{ option }`. */
export function typedOptions(root: string, registry: { readonly symbol: string }, trees: SourceTrees): DiscoveredWrapper[] {
  const names = new Set(keyTypeNames(root, registry.symbol, trees));
  if (names.size === 0) return [];
  const declared = new RegExp(`\\??\\s*:\\s*(?:readonly\\s+)?(?:(?:Readonly)?Array<\\s*)?(?:${[...names].map(escapeRegex).join('|')})\\b`);
  const files = new Set([...names].flatMap((name) => [...trees.filesNaming(name)]));
  const options = new Map<string, DiscoveredWrapper>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!files.has(source.file) || isTestFile(file) || !declared.test(source.text)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isPropertySignature(node) && ts.isIdentifier(node.name) && node.type !== undefined && isFlagOptionName(node.name.text)
        && !optionSaysNotEvaluating(node.name.text) && !options.has(node.name.text) && keysOf(node.type, names)
        && !((ts.isTypeLiteralNode(node.parent) || ts.isInterfaceDeclaration(node.parent)) && isApiType(node.parent.members))) {
        const type = node.type.getText(sourceFile).replace(/\s+/g, ' ');
        options.set(node.name.text, {
          pattern: { callee: node.name.text, option: true },
          at: { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 },
          reason: `declared ${type}, and ${registryLabel(registry.symbol)} lists flags: each key written as its value names a flag that gates its object`,
          evidence: 'typed',
          level: 0,
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...options.values()];
}

/** True for the registry's key type, or a list of it, optional or not: `FeatureName`, `FeatureName[] | undefined`, `ReadonlyArray<FeatureName>`. */
function keysOf(type: ts.TypeNode, names: ReadonlySet<string>): boolean {
  const key = withoutNullish(elementTypeOf(type));
  if (key === undefined || !ts.isTypeReferenceNode(key) || key.typeArguments !== undefined) return false;
  return names.has(ts.isIdentifier(key.typeName) ? key.typeName.text : key.typeName.right.text);
}
