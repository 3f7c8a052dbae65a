// How LaunchDarkly's React SDK names flags in the bag `useFlags()` returns: camelCased by default, as written when
// its provider says `reactOptions: { useCamelCaseFlagKeys: false }` (withLDProvider, asyncWithLDProvider, or the
// `<LDProvider reactOptions={…}>` component). The provider is configured once, often far from the checks, so the
// option is read where the workspace sets it and applied to the checks of the package that holds it.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { isFromPackages } from '../patterns';
import { LAUNCHDARKLY_PACKAGES } from '../patterns/launchdarkly';
import { namedImports } from './functions';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredProvider, SourceText } from './types';

const PROVIDERS = new Set(['withLDProvider', 'asyncWithLDProvider', 'LDProvider']);

/**
 * Every LaunchDarkly React provider the sources configure, imported from a LaunchDarkly package, with whether it
 * camelCases flag keys. A provider whose option is not a literal `true` or `false` is left out: it says nothing sure.
 */
export function launchDarklyProviders(root: string, sources: readonly SourceText[], trees: SourceTrees): DiscoveredProvider[] {
  const found: DiscoveredProvider[] = [];
  for (const source of sources) {
    // Every provider's name contains `LDProvider`; a file that never says it is not parsed.
    if (!source.text.includes('LDProvider')) continue;
    const sourceFile = trees.tree(source);
    const names = providerNames(sourceFile);
    if (names.size === 0) continue;
    const add = (node: ts.Node, camelCaseKeys: boolean | undefined): void => {
      if (camelCaseKeys === undefined) return;
      const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
      found.push({ at: { file: posix.relative(root, source.file), line }, camelCaseKeys });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && names.has(node.expression.text)) {
        const config = node.arguments[0] === undefined ? undefined : unwrap(node.arguments[0]);
        // A configuration held in a variable is not followed.
        const known = config !== undefined && ts.isObjectLiteralExpression(config) && !config.properties.some(ts.isSpreadAssignment);
        add(node, known ? camelCaseOption(propertyValue(config, 'reactOptions')) : undefined);
      } else if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && ts.isIdentifier(node.tagName) && names.has(node.tagName.text)) {
        const known = !node.attributes.properties.some(ts.isJsxSpreadAttribute);
        add(node, known ? camelCaseOption(attributeValue(node.attributes, 'reactOptions')) : undefined);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

/**
 * The folders whose LaunchDarkly bags name flags as written: each provider's package (`packageOf` its file), when
 * every provider configured in that package turns camelCasing off. A package whose providers disagree (two apps
 * in one package, one of each) keeps the SDK's default, camelCase, for all its checks.
 */
export function keysAsWrittenFolders(root: string, providers: readonly DiscoveredProvider[], packageOf: (file: string) => string): string[] {
  const camelCaseByFolder = new Map<string, boolean>();
  for (const provider of providers) {
    const folder = packageOf(posix.join(root, provider.at.file));
    camelCaseByFolder.set(folder, (camelCaseByFolder.get(folder) ?? false) || provider.camelCaseKeys);
  }
  return [...camelCaseByFolder].filter(([, camelCase]) => !camelCase).map(([folder]) => folder).sort();
}

/**
 * True when a function fills a value of the registry type `symbol` from LaunchDarkly's `useFlags()`: it calls the SDK's
 * `useFlags` and declares a variable, parameter or result of that type (`const features: FeatureFlags = {}; … features[key]
 * = flags[key]`). The registry's properties are then the bag's names, the flag keys camelCased, and so are the names every
 * bag it types is read by.
 */
export function filledFromCamelCasedBag(trees: SourceTrees, symbol: string): boolean {
  for (const file of trees.filesNaming(symbol)) {
    const source = trees.byFile.get(file);
    if (source === undefined || !source.text.includes('useFlags')) continue;
    const sourceFile = trees.tree(source);
    const bagFunctions = ldImports(sourceFile, new Set(['useFlags']));
    if (bagFunctions.size === 0) continue;
    // `ts.forEachChild` stops at the first child its callback answers truthily for: each walk stops at what it looks for.
    const typedHere = (node: ts.Node): boolean => (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName) && node.typeName.text === symbol) || ts.forEachChild(node, typedHere) === true;
    // A function declared inside is its own.
    const callsBag = (node: ts.Node): boolean => (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && bagFunctions.has(node.expression.text))
      || (!ts.isFunctionDeclaration(node) && ts.forEachChild(node, callsBag) === true);
    const fills = (node: ts.Node): boolean => (ts.isFunctionLike(node) && ts.forEachChild(node, callsBag) === true && typedHere(node)) || ts.forEachChild(node, fills) === true;
    if (fills(sourceFile)) return true;
  }
  return false;
}

/** The local names of the providers the file imports from a LaunchDarkly package. */
function providerNames(sourceFile: ts.SourceFile): Set<string> {
  return ldImports(sourceFile, PROVIDERS);
}

/** The local names under which the file imports any of `names` from a LaunchDarkly package. */
function ldImports(sourceFile: ts.SourceFile, names: ReadonlySet<string>): Set<string> {
  return new Set(namedImports(sourceFile).filter(({ imported, specifier }) => names.has(imported) && isFromPackages(specifier, LAUNCHDARKLY_PACKAGES)).map(({ local }) => local));
}

/** `useCamelCaseFlagKeys` in a `reactOptions` object: absent is the default, true; undefined when it is not a literal. */
function camelCaseOption(reactOptions: ts.Expression | undefined): boolean | undefined {
  if (reactOptions === undefined) return true;
  if (!ts.isObjectLiteralExpression(reactOptions)) return undefined;
  const value = propertyValue(reactOptions, 'useCamelCaseFlagKeys');
  if (value === undefined) return reactOptions.properties.some(ts.isSpreadAssignment) ? undefined : true;
  if (value.kind === ts.SyntaxKind.TrueKeyword) return true;
  return value.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
}

function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) && property.name.text === name) {
      return unwrap(property.initializer);
    }
  }
  return undefined;
}

function attributeValue(attributes: ts.JsxAttributes, name: string): ts.Expression | undefined {
  for (const attribute of attributes.properties) {
    if (!ts.isJsxAttribute(attribute) || !ts.isIdentifier(attribute.name) || attribute.name.text !== name) continue;
    const initializer = attribute.initializer;
    return initializer !== undefined && ts.isJsxExpression(initializer) && initializer.expression !== undefined ? unwrap(initializer.expression) : undefined;
  }
  return undefined;
}

function unwrap(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  return inner;
}
