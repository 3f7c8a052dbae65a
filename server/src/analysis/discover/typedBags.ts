// Bags typed by a registry: a property declared with the registry interface's type (`flags: UiFlags` in `interface
// IUiConfig`, `flags?: Partial<UiFlags>` in a class, `flags: FlagSet` with `type FlagSet = Partial<Flags>`), or with a
// type keyed by the registry's keys (a mapped type `{ [K in keyof typeof FLAGS]: Flag }`, `Record<FlagKey, boolean>`, an
// intersection holding one, or an alias of those, also where it is given by `as`), holds every flag, so a read of one
// of the properties the registry lists (`uiConfig.flags.newNav`, `config?.flags?.['UG']`,
// `featureFlagService.flags.enable_ai.value`) is a check of that
// key. The property's name is how it is found where it is read, in any file; the registry's keys keep that honest:
// `props.flags.length` of another object that shares the name is no flag.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { SourceTrees } from './sourceTrees';
import type { RegistryKind } from '../registry';
import type { DiscoveredBag } from './types';
import { isTestFile } from './wrappers';
import { contextsMade, givenType, giverSpec } from './contexts';
import { saysFeatureFlags } from './flagRecords';
import { functionName, type FunctionNode } from './functions';
import { nameWords } from './registries';
import { keyAliases, keyTypeNames, namesKeysOf, type KeyNames } from './keyAliases';

/** A registry, as this stage needs it. */
export interface TypingRegistry {
  readonly symbol: string;
  /** The file that declares it (absolute): another file that declares a type of the same name types by its own. */
  readonly file: string;
  readonly keys: readonly string[];
  /** Only an interface's own type is a bag of its flags; any registry's keys may key one. */
  readonly kind: RegistryKind;
  /**
   * True when checks found without it check some of its keys. A function giving back its type is a bag only then: a
   * registry proposed by its name alone may be a command line's flags (`processCommandFlags(): ProcessedFlags`).
   */
  readonly checked: boolean;
  /**
   * True for a list that is not the registry but declares a hook of its flags beside it (a monorepo's second app): only
   * its own module's functions named for feature flags that give its type are bags.
   */
  readonly ownGiversOnly?: true;
  /** For an enum or object: the key of each member, by the member's name. */
  readonly keyOfMember?: ReadonlyMap<string, string>;
}

// Wrappers of the type that keep its property names: a bag typed `Partial<UiFlags>` lists the same flags.
const SAME_KEYS_WRAPPERS = new Set(['Partial', 'Readonly', 'Required']);

// A bag is read by its property's name wherever it is: a provider's `value: FeatureFlagConfig` or a store's `config:
// Record<ExperimentalConfigKey, boolean>` would make every value and every config a bag of flags.
const GENERIC_PROPERTIES = new Set(['value', 'values', 'data', 'state', 'props', 'config', 'options', 'settings', 'context', 'params']);

// The last word of a function's name that says it gives the flags themselves: `useFeatureFlags`, not `readOverrides` or
// `useFeatureFlagOverrides` (a developer's overrides, typed by the same keys).
const GIVES_FLAGS = new Set(['flags', 'toggles', 'features', 'experiments', 'gates', 'switches']);

/**
 * The properties typed by each registry, as bags that list its keys. Only the files that name the registry, or an
 * alias of a type keyed by it, are read, and only those whose text may declare such a property are parsed.
 */
export function bagsTypedBy(root: string, registries: readonly TypingRegistry[], trees: SourceTrees): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const registry of registries) {
    // A module's default export has no name for a type to refer to (see `keyTypeNames`).
    if (keyTypeNames(root, registry.symbol, trees).length === 0) continue;
    const keys: KeyNames = { symbol: registry.symbol, aliases: keyAliases(root, registry.symbol, trees) };
    // A monorepo's other package may declare its own list under the same name (`type FeatureFlag` in two apps): a file
    // that declares one names its own, not the registry.
    const declaresOwn = new RegExp(`\\b(?:type|interface|enum|class)\\s+${registry.symbol.replace(/\$/g, '\\$')}\\b`);
    const shadows = (source: { file: string; text: string }): boolean => source.file !== registry.file && declaresOwn.test(source.text);
    const aliases = keyedAliases(root, keys, trees, shadows);
    if (registry.kind === 'interface') for (const alias of interfaceAliases(root, registry.symbol, trees)) aliases.add(alias);
    const names = [registry.symbol, ...keys.aliases, ...aliases];
    const escaped = names.map((name) => name.replace(/\$/g, '\\$')).join('|');
    const declaresProperty = new RegExp(`[\\w$)]\\??\\s*:\\s*(?:\\w+<\\s*){0,2}(?:${escaped})\\b|\\bnew\\s+\\w+<\\s*(?:\\w+<\\s*)?(?:${escaped})\\b|(?:createContext|useState|ref|shallowRef)<\\s*(?:${escaped})\\b|\\bas\\s+(?:${escaped})\\b|\\bin\\s+keyof\\s+(?:typeof\\s+)?(?:${escaped})\\b|Record<\\s*(?:keyof\\s+(?:typeof\\s+)?)?(?:${escaped})\\b`);
    for (const source of trees.sources) {
      const file = posix.relative(root, source.file);
      if (!trees.names(source, names) || isTestFile(file) || !declaresProperty.test(source.text) || shadows(source)) continue;
      if (registry.ownGiversOnly === true && source.file !== registry.file) continue;
      const sourceFile = trees.tree(source);
      const contexts = source.text.includes('createContext') ? contextsMade(sourceFile) : undefined;
      const visit = (node: ts.Node): void => {
        // A function declared to give back the type, or giving back a context made to hold it (`useFeatureFlags = () =>
        // use(FeatureFlagsContext)`), gives the bag to whoever calls it.
        // Without checks vouching for the registry, the function's own name must say feature flags (`useFeatureFlags`), not
        // just flags (`processCommandFlags`, a command line's).
        const giver = ts.isFunctionLike(node) ? givenType(node, contexts) : undefined;
        const name = giver === undefined ? undefined : functionName(node as FunctionNode);
        const spec = giver === undefined || name === undefined ? undefined : giverSpec(name, giver.box);
        if (giver !== undefined && name !== undefined && spec !== undefined && (saysFeatureFlags(name) || (registry.checked && registry.ownGiversOnly !== true)) && GIVES_FLAGS.has(nameWords(name).at(-1) ?? '')
          && isBagType(giver.type, registry, keys, aliases) && !bags.some((bag) => bag.spec === spec)) {
          const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
          const context = giver.context === undefined ? {} : { context: giver.context };
          bags.push({ spec, at: { file, line }, declaredAs: giver.type.getText(sourceFile), typedBy: typeName(giver.type) ?? registry.symbol, ...keysOfBag(giver.type, registry), ...context });
        }
        // Declared with the type, or given it by `as`, also in an object (a context's default, `{ flags: {} as Flags }`), or a
        // getter declared to give it.
        const isProperty = ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node) || ts.isGetAccessorDeclaration(node);
        if (registry.ownGiversOnly !== true && isProperty && ts.isIdentifier(node.name)) {
          const initializer = ts.isPropertyDeclaration(node) || ts.isPropertyAssignment(node) ? node.initializer : undefined;
          const declared = (ts.isPropertyAssignment(node) ? undefined : node.type) ?? (initializer !== undefined && ts.isAsExpression(initializer) ? initializer.type : undefined);
          // A stream made there says what it gives: `readonly flags$ = new BehaviorSubject<Flags>(DEFAULTS)`.
          const made = declared === undefined && initializer !== undefined && ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression)
            && STREAM_TYPES.has(initializer.expression.text) && initializer.typeArguments?.length === 1 ? initializer.typeArguments[0] : undefined;
          const streamed = made ?? (declared === undefined ? undefined : streamedType(declared));
          const type = streamed ?? declared;
          const spec = streamed === undefined ? node.name.text : streamName(node.name.text);
          if (type !== undefined && spec !== '' && !GENERIC_PROPERTIES.has(spec) && isBagType(type, registry, keys, aliases)) {
            // The same property typed by several registries (a front end's `flags: UiFlags`, a server's `flags: IFlags`)
            // holds the keys of every one.
            const known = bags.findIndex((bag) => bag.spec === spec);
            if (known < 0) {
              const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
              bags.push({ spec, at: { file, line }, typedBy: typeName(type) ?? registry.symbol, ...keysOfBag(type, registry) });
            } else if (bags[known].keys !== registry.keys) {
              bags[known] = { ...bags[known], keys: [...new Set([...(bags[known].keys ?? []), ...registry.keys])] };
            }
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
  }
  return bags;
}

// What hands its value to the callbacks that take it, each under a name of its own choosing, mostly the stream's own:
// `get featureGates(): Observable<FeatureGates>` read `featureGates.pipe(take(1)).subscribe((featureGates) => …)`.
const STREAM_TYPES = new Set(['Observable', 'BehaviorSubject', 'ReplaySubject', 'Subject', 'Promise']);

/** The type a stream or a promise gives (`FeatureGates` for `Observable<FeatureGates>`), else undefined. */
function streamedType(type: ts.TypeNode): ts.TypeNode | undefined {
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || !STREAM_TYPES.has(type.typeName.text)) return undefined;
  return type.typeArguments?.length === 1 ? type.typeArguments[0] : undefined;
}

/** The name a stream's values are read under: `featureGates` for `featureGates$` and `_featureGates$`. */
function streamName(name: string): string {
  return name.replace(/^_+/, '').replace(/\$$/, '');
}

/** The type aliases, declared where the registry or its keys are named, whose type is keyed by its keys (`type FlagsExt = Flags & { [K in keyof FLAGS]: Flag }`). */
function keyedAliases(root: string, keys: KeyNames, trees: SourceTrees, shadows: (source: { file: string; text: string }) => boolean): Set<string> {
  const aliases = new Set<string>();
  const names = [keys.symbol, ...keys.aliases].map((name) => name.replace(/\$/g, '\\$')).join('|');
  const keyedText = new RegExp(`\\bin\\s+(?:keyof\\s+(?:typeof\\s+)?)?(?:${names})\\b|Record<\\s*(?:keyof\\s+(?:typeof\\s+)?)?(?:${names})\\b`);
  const files = new Set([keys.symbol, ...keys.aliases].flatMap((name) => [...trees.filesNaming(name)]));
  for (const file of files) {
    const source = trees.byFile.get(file);
    if (source === undefined || isTestFile(posix.relative(root, file)) || !keyedText.test(source.text) || shadows(source)) continue;
    for (const statement of trees.tree(source).statements) {
      if (ts.isTypeAliasDeclaration(statement) && isKeyedType(statement.type, (keyType) => namesKeysOf(keyType, keys))) aliases.add(statement.name.text);
    }
  }
  return aliases;
}

/** The type aliases of a registry interface's own type, declared where it is named: `type FlagSet = Partial<Flags>`. */
function interfaceAliases(root: string, symbol: string, trees: SourceTrees): Set<string> {
  const aliases = new Set<string>();
  const aliasText = new RegExp(`\\btype\\s+[\\w$]+\\s*=\\s*(?:\\w+<\\s*)?${symbol.replace(/\$/g, '\\$')}\\b`);
  for (const file of trees.filesNaming(symbol)) {
    const source = trees.byFile.get(file);
    if (source === undefined || isTestFile(posix.relative(root, file)) || !aliasText.test(source.text)) continue;
    for (const statement of trees.tree(source).statements) {
      if (ts.isTypeAliasDeclaration(statement) && statement.typeParameters === undefined && isRegistryType(statement.type, symbol)) aliases.add(statement.name.text);
    }
  }
  return aliases;
}

/** The registry interface's own type, a type keyed by the registry's keys, or an alias of one (see the top of this file). */
function isBagType(type: ts.TypeNode, registry: TypingRegistry, keys: KeyNames, aliases: ReadonlySet<string>): boolean {
  if (registry.kind === 'interface' && isRegistryType(type, registry.symbol)) return true;
  if (isKeyedType(type, (keyType) => namesKeysOf(keyType, keys))) return true;
  if (ts.isParenthesizedTypeNode(type)) return isBagType(type.type, registry, keys, aliases);
  if (ts.isUnionTypeNode(type)) {
    const rest = type.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
    return rest.length === 1 && isBagType(rest[0], registry, keys, aliases);
  }
  return ts.isTypeReferenceNode(type) && type.typeArguments === undefined && ts.isIdentifier(type.typeName) && aliases.has(type.typeName.text);
}

/**
 * The property names of a bag of this type, with the flag each stands for where that is another: a type keyed by the
 * member names of an object or enum registry (`{ [K in keyof typeof FEATURE_FLAGS]: boolean }`, `Record<keyof typeof
 * Flags, boolean>`) has `tokenUsagePage` for the flag `'token-usage-page'`; any other has the flags' keys.
 */
function keysOfBag(type: ts.TypeNode, registry: TypingRegistry): Pick<DiscoveredBag, 'keys' | 'keyNames'> {
  const members = registry.keyOfMember;
  if (members === undefined || !keyedByMemberNames(type, registry.symbol)) return { keys: registry.keys };
  const renamed = Object.fromEntries([...members].filter(([member, key]) => member !== key));
  return { keys: [...members.keys()], ...(Object.keys(renamed).length > 0 ? { keyNames: renamed } : {}) };
}

/** True for a type keyed by `keyof typeof symbol` (one of a union's members, or through what `isKeyedType` looks through). */
function keyedByMemberNames(type: ts.TypeNode, symbol: string): boolean {
  if (ts.isUnionTypeNode(type)) return type.types.some((member) => keyedByMemberNames(member, symbol));
  return isKeyedType(type, (keyType) => ts.isTypeOperatorNode(keyType) && keyType.operator === ts.SyntaxKind.KeyOfKeyword && ts.isTypeQueryNode(keyType.type)
    && ts.isIdentifier(keyType.type.exprName) && keyType.type.exprName.text === symbol);
}

/** A mapped type over keys that `keyedBy` accepts (the registry's), `Record<…>` of them, or an intersection holding one. */
function isKeyedType(type: ts.TypeNode, keyedBy: (keyType: ts.TypeNode) => boolean): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isKeyedType(type.type, keyedBy);
  if (ts.isIntersectionTypeNode(type)) return type.types.some((member) => isKeyedType(member, keyedBy));
  if (ts.isMappedTypeNode(type)) return type.typeParameter.constraint !== undefined && keyedBy(type.typeParameter.constraint) && !countsOnly(type.type);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return false;
  const name = type.typeName.text;
  if (name === 'Record' && type.typeArguments?.length === 2) return keyedBy(type.typeArguments[0]) && !countsOnly(type.typeArguments[1]);
  return SAME_KEYS_WRAPPERS.has(name) && type.typeArguments?.length === 1 && isKeyedType(type.typeArguments[0], keyedBy);
}

/**
 * True for a value type of numbers and nothing else: `{ [key in UserFlag]?: number }` counts how often each marker of a
 * record was set (outline's invites sent), where a record of flags holds their states or values.
 */
function countsOnly(type: ts.TypeNode | undefined): boolean {
  return type?.kind === ts.SyntaxKind.NumberKeyword;
}

/** The name a bag's type is written with, for what init says: `FlagsExt`, `UiFlags`; none for a type written out. */
function typeName(type: ts.TypeNode): string | undefined {
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text !== 'Record') return type.typeName.text;
  return undefined;
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
