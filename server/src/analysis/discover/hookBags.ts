// Bags a team's hook hands out: a hook named for feature flags or toggles (`useFeatureToggles`, `useFlags`) that gives
// back an object with a property named for them (`return { toggles, refreshToggles, isLoading }`), its flags fetched
// from the team's own service, with no type that says which keys they are. With a registry chosen, that property is a
// bag of the registry's keys: `const { toggles } = useFeatureToggles(); toggles.isNyTilgangskontrollEnabled`. The
// registry's keys keep it honest: `toggles.length`, or a property it does not list, is no check.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { nameWords } from './registries';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { functionName, isTestFile, ownReturns } from './wrappers';

const FLAG_WORDS = new Set(['flag', 'flags', 'toggle', 'toggles']);
// The cheap text test: a hook whose name says flags or toggles is declared here.
const HOOK_TEXT = /\buse[\w$]*(?:Flags?|Toggles?)\b/;

/** The properties the workspace's flag hooks give back, as bags of the registry's keys. */
export function hookReturnedBags(root: string, registry: { readonly symbol: string; readonly keys: readonly string[] }, trees: SourceTrees): DiscoveredBag[] {
  const bags = new Map<string, DiscoveredBag>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!HOOK_TEXT.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const hook = functionName(node);
        if (hook !== undefined && namesFlagHook(hook)) {
          for (const property of returnedProperties(node)) {
            if (bags.has(property.name) || !saysFlags(property.name)) continue;
            const line = sourceFile.getLineAndCharacterOfPosition(property.node.getStart(sourceFile)).line + 1;
            bags.set(property.name, { spec: property.name, at: { file, line }, hook, typedBy: registry.symbol, keys: registry.keys });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...bags.values()];
}

/** `useFeatureToggles`, `useFlags`: a hook, its last word flags or toggles. */
function namesFlagHook(name: string): boolean {
  const words = nameWords(name);
  return words[0] === 'use' && FLAG_WORDS.has(words[words.length - 1]);
}

// Words that may come before flags or toggles in the bag's name; any other (`refreshToggles`, `setFlags`) names a function.
const BAG_WORDS = new Set(['feature', 'features', 'enabled', 'active', 'all', 'current']);

/** `toggles`, `featureFlags`, `enabledFeatureFlags`: flags or toggles last, and only words of a bag before. */
function saysFlags(name: string): boolean {
  const words = nameWords(name);
  return FLAG_WORDS.has(words[words.length - 1] ?? '') && words.slice(0, -1).every((word) => BAG_WORDS.has(word));
}

/** The properties of the object literals a function's own return statements (or its arrow body) give back. */
function returnedProperties(node: ts.SignatureDeclaration): Array<{ name: string; node: ts.Node }> {
  const properties: Array<{ name: string; node: ts.Node }> = [];
  for (const expression of ownReturns(node)) {
    let inner = expression;
    while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
    if (!ts.isObjectLiteralExpression(inner)) continue;
    for (const property of inner.properties) {
      if ((ts.isShorthandPropertyAssignment(property) || ts.isPropertyAssignment(property)) && ts.isIdentifier(property.name)) properties.push({ name: property.name.text, node: property });
    }
  }
  return properties;
}
