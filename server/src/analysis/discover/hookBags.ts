// Bags a team's hook hands out: a hook named for feature flags or toggles (`useFeatureToggles`, `useFlags`) that gives
// back an object with a property named for them (`return { toggles, refreshToggles, isLoading }`), its flags fetched
// from the team's own service, with no type that says which keys they are. With a registry chosen, that property is a
// bag of the registry's keys: `const { toggles } = useFeatureToggles(); toggles.isNyTilgangskontrollEnabled`. The
// registry's keys keep it honest: `toggles.length`, or a property it does not list, is no check.
// A flag hook may also give back its flags over their defaults, `return { ...waffleFlagDefaults, ...data, isLoading }`, the
// defaults a module's object of booleans named for flags: then what the hook gives back is a bag of the defaults' keys,
// `useWaffleFlags(courseId).useVideoGalleryFlow`, and `isLoading` is none. Or it gives them back set in code, an object
// written out of booleans (`return { settingsPage: true, isLoading: false }`): a bag of those keys.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { isFromPackages } from '../patterns';
import { nameWords, saysOwnState } from './registries';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredBag } from './types';
import { functionName, namedImports, ownReturns } from './functions';
import { isTestFile } from './wrappers';
import { destructuredKeyBags } from './destructuredKeys';

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
  // And the functions whose callers take the registry's keys out of what they give (see destructuredKeys.ts).
  return [...bags.values(), ...destructuredKeyBags(root, registry, trees).filter((bag) => !bags.has(bag.spec))];
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

/** An expression without the parentheses and type casts around it (`(x as T)`, `x satisfies T`). */
function uncast(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  return inner;
}

/** The object literals a function's own return statements (or its arrow body) give back. */
export function returnedObjects(node: ts.SignatureDeclaration): ts.ObjectLiteralExpression[] {
  return ownReturns(node).map(uncast).filter(ts.isObjectLiteralExpression);
}

/** The properties of the object literals a function's own return statements (or its arrow body) give back. */
function returnedProperties(node: ts.SignatureDeclaration): Array<{ name: string; node: ts.Node }> {
  const properties: Array<{ name: string; node: ts.Node }> = [];
  for (const returned of returnedObjects(node)) {
    for (const property of returned.properties) {
      if ((ts.isShorthandPropertyAssignment(property) || ts.isPropertyAssignment(property)) && ts.isIdentifier(property.name)) properties.push({ name: property.name.text, node: property });
    }
  }
  return properties;
}

// The cheap text test for defaults: a spread of a name that says flags.
const SPREAD_TEXT = /\.\.\.\s*[\w$]*(?:[Ff]lags?|[Tt]oggles?)[\w$]*/;
// A spread of what a function named for camelCasing gives back: `...camelCaseObject(data)`, `...camelcaseKeys(body)`.
const CAMEL_CASED_SPREAD = /\.\.\.\s*(?:[\w$]+\.)?camel[\w$]*\s*\(/i;

/** What the workspace's flag hooks give back over the defaults they spread, as bags of the defaults' keys. */
export function defaultedHookBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const bags = new Map<string, DiscoveredBag>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!HOOK_TEXT.test(source.text) || (!SPREAD_TEXT.test(source.text) && !BOOLEAN_PROPERTY_TEXT.test(source.text)) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node)) {
        const hook = functionName(node);
        const newHook = hook !== undefined && namesFlagHook(hook) && !bags.has(hook) ? hook : undefined;
        const line = (): number => sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
        // Flags set in code, else flags over spread defaults.
        const written = newHook === undefined ? undefined : writtenOutKeys(node);
        const defaults = newHook === undefined || written !== undefined ? undefined : spreadDefaults(node, trees);
        if (newHook !== undefined && written !== undefined) bags.set(newHook, { spec: `${newHook}()`, at: { file, line: line() }, keys: written, writtenOut: true });
        if (newHook !== undefined && defaults !== undefined) {
          // Fetched flags camelCased (`...camelCaseObject(data)`) in the module of the defaults or of the hook are named by the
          // flags' keys camelCased, as LaunchDarkly's bag names them.
          // So are those of a vendor's bag that camelCases them, held in a local the hook spreads (`...launchdarklyFlags`, `const
          // launchdarklyFlags = useFlags()` from LaunchDarkly's React SDK).
          const camelCased = CAMEL_CASED_SPREAD.test(defaults.text) || CAMEL_CASED_SPREAD.test(source.text) || spreadsCamelCasedBag(node, sourceFile, trees);
          bags.set(newHook, { spec: `${newHook}()`, at: { file, line: line() }, defaults: defaults.name, keys: defaults.keys, ...(camelCased ? { camelCaseKeys: true } : {}) });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...bags.values()];
}

// The cheap text test for a hook's flags set in code: a property written as a boolean literal.
const BOOLEAN_PROPERTY_TEXT = /[\w$]\s*:\s*(?:true|false)\s*,/;
// A hook set in code gives back at least this many flags: one boolean is as often a hook's own state.
const MIN_WRITTEN_OUT = 2;

/**
 * The keys of the flags a hook gives back set in code, an object written out of boolean literals (`return { settingsPage:
 * true, unfinishedFeatures: false, isLoading: false }`, a release that dropped its flag service): every property but those
 * that hold the hook's own state (`isLoading`); undefined when it gives back anything else.
 */
function writtenOutKeys(node: ts.SignatureDeclaration): string[] | undefined {
  const returns = ownReturns(node).map(uncast);
  if (returns.length === 0 || !returns.every(ts.isObjectLiteralExpression)) return undefined;
  const keys = new Set<string>();
  for (const returned of returns as ts.ObjectLiteralExpression[]) {
    const names = booleanLiteralNames(returned);
    if (names === undefined) return undefined;
    for (const name of names) if (!saysOwnState(name)) keys.add(name);
  }
  return keys.size >= MIN_WRITTEN_OUT ? [...keys] : undefined;
}

/**
 * The names of an object written out of boolean literals (`{ useNewEditor: true, 'beta-x': false }`), in order; undefined
 * when any property is something else.
 */
export function booleanLiteralNames(object: ts.ObjectLiteralExpression): string[] | undefined {
  const names: string[] = [];
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
    const kind = uncast(property.initializer).kind;
    if (kind !== ts.SyntaxKind.TrueKeyword && kind !== ts.SyntaxKind.FalseKeyword) return undefined;
    names.push(property.name.text);
  }
  return names;
}

/** The object of boolean defaults, named for flags, that an object literal the function gives back spreads. */
function spreadDefaults(node: ts.SignatureDeclaration, trees: SourceTrees): { name: string; keys: string[]; text: string } | undefined {
  for (const returned of returnedObjects(node)) {
    for (const property of returned.properties) {
      for (const name of ts.isSpreadAssignment(property) ? spreadNames(property.expression) : []) {
        if (!nameWords(name).some((word) => FLAG_WORDS.has(word))) continue;
        const declared = booleanObjectKeys(name, trees);
        if (declared !== undefined) return { name, ...declared };
      }
    }
  }
  return undefined;
}

/** True when an object the function gives back spreads a local it binds to a vendor's bag of camelCased flags, imported from the vendor. */
function spreadsCamelCasedBag(node: ts.SignatureDeclaration, sourceFile: ts.SourceFile, trees: SourceTrees): boolean {
  const imported = new Map(namedImports(sourceFile).map((entry) => [entry.local, entry]));
  const camelCasedCall = (call: ts.Expression): boolean => {
    const entry = ts.isCallExpression(call) && ts.isIdentifier(call.expression) ? imported.get(call.expression.text) : undefined;
    return entry !== undefined && trees.base.patterns.some((pattern) => pattern.kind === 'bag' && pattern.camelCaseKeys === true
      && pattern.callee === entry.imported && pattern.packages !== undefined && isFromPackages(entry.specifier, pattern.packages));
  };
  const bound = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.initializer !== undefined && camelCasedCall(child.initializer)) bound.add(child.name.text);
    if (!ts.isFunctionLike(child)) ts.forEachChild(child, visit);
  };
  const body = (node as ts.FunctionLikeDeclarationBase).body;
  if (body !== undefined) ts.forEachChild(body, visit);
  return bound.size > 0 && returnedObjects(node).some((returned) => returned.properties.some((property) => ts.isSpreadAssignment(property)
    && spreadNames(property.expression).some((name) => bound.has(name))));
}

/**
 * The names a spread may spread: `...defaults`, or either branch of a choice made in place (`...(dev ? defaultFlags : {})`,
 * `...(offline && defaultFlags)`, `...(fetched ?? defaultFlags)`).
 */
function spreadNames(expression: ts.Expression): string[] {
  const inner = uncast(expression);
  if (ts.isIdentifier(inner)) return [inner.text];
  if (ts.isConditionalExpression(inner)) return [...spreadNames(inner.whenTrue), ...spreadNames(inner.whenFalse)];
  if (!ts.isBinaryExpression(inner)) return [];
  const operator = inner.operatorToken.kind;
  // `a && b` spreads `b` or nothing; `a || b` and `a ?? b` either.
  if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return spreadNames(inner.right);
  return operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken ? [...spreadNames(inner.left), ...spreadNames(inner.right)] : [];
}

/** The keys of the one module constant of this name written as an object of boolean literals (`{ useNewEditor: true } as const`), and its module's text. */
function booleanObjectKeys(name: string, trees: SourceTrees): { keys: string[]; text: string } | undefined {
  const found: Array<{ keys: string[]; text: string }> = [];
  for (const file of trees.filesNaming(name)) {
    const source = trees.byFile.get(file);
    if (source === undefined || !new RegExp(`\\bconst\\s+${name.replace(/\$/g, '\\$')}\\b`).test(source.text)) continue;
    for (const statement of trees.tree(source).statements) {
      if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || declaration.initializer === undefined) continue;
        const value = uncast(declaration.initializer);
        if (!ts.isObjectLiteralExpression(value) || value.properties.length === 0) continue;
        const keys = booleanLiteralNames(value);
        if (keys !== undefined) found.push({ keys, text: source.text });
      }
    }
  }
  return found.length === 1 ? found[0] : undefined;
}
