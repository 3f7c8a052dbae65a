// The record a flag vendor serves, as the team's module declares it: a module that imports a vendor's SDK (Firebase
// Remote Config, LaunchDarkly, …) and declares a function giving back an interface or object type of its own named for
// configuration or flags (`export function getRemoteConfig(): RainbowConfig`) hands out what the vendor serves. Each
// boolean member of that type is a flag (`nfts_enabled: boolean`, `[NonCustodialEnabledKey]: boolean`), read off what the
// function gives back (`getRemoteConfig().nfts_enabled`, `const { nfts_enabled } = useRemoteConfig()`); members of other
// types (numbers, texts, objects) are tuning values and copy, not flags, and are no keys of the bag. A React hook that gives
// back a context the module made to hold such a type (`useContext(RemoteConfigContext)` after
// `createContext<RemoteConfig>(…)`) gives it as well, and so does a getter of the one instance the module exports of its
// own class (`remoteConfig.vars` after `export const remoteConfig = new RemoteConfig()`, `get vars(): Partial<RemoteConfigValue>`).
// A function declared to give the member its parameter names
// (`getRemoteConfigKey: <K extends RemoteConfigKey>(key: K) => RainbowConfig[K]`) is a wrapper whose calls with a boolean
// member are checks; its other keys read tuning values.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { hasModifier } from '../scan/exports';
import { callParameters } from '../scan/values';
import { namesVendorPackage } from '../skeleton';
import { contextsMade, givenType, giverSpec } from './contexts';
import { functionName, namedImports, namesGivenModule } from './functions';
import { resolveModulePath, type ModuleHost } from '../resolve';
import { nameWords, saysOwnState } from './registries';
import type { SourceTrees } from './sourceTrees';
import { holdsBoolean } from './typeText';
import type { DiscoveredBag, DiscoveredWrapper } from './types';
import { isTestFile } from './wrappers';

// The last word of an interface's name that says it is what a vendor serves: `RainbowConfig`, `RemoteFlags`, `AppToggles`.
const SERVED_WORDS = new Set(['config', 'configuration', 'flags', 'toggles', 'features', 'switches']);
// Words after one of those that still name the whole of it: `RemoteConfigValue`, `AppConfigVars`.
const VALUES_WORDS = new Set(['value', 'values', 'vars', 'variables']);
// A text test: a boolean member may be declared here.
const BOOLEAN_MEMBER = /:\s*boolean\b/;

/** The bag function of each such record (see the top of this file), of its boolean members, and the functions that give one member. */
export function vendorConfigEvidence(root: string, trees: SourceTrees): { bags: DiscoveredBag[]; wrappers: DiscoveredWrapper[] } {
  const bags: DiscoveredBag[] = [];
  const wrappers: DiscoveredWrapper[] = [];
  // The modules that import a vendor's SDK and declare what it serves, each with those types.
  const declaring = new Map<string, ReadonlyMap<string, string[]>>();
  for (const source of trees.sources) {
    if (!BOOLEAN_MEMBER.test(source.text) || !namesVendorPackage(source.text) || isTestFile(posix.relative(root, source.file))) continue;
    const served = servedTypes(trees.tree(source));
    if (served.size > 0) declaring.set(source.file, served);
  }
  if (declaring.size === 0) return { bags, wrappers };
  const servedNames = [...new Set([...declaring.values()].flatMap((served) => [...served.keys()]))];
  const host: ModuleHost = { fileExists: (file) => trees.byFile.has(file) };
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    const own = declaring.get(source.file);
    // Another module hands out what a declaring module's type holds when it imports the type by name.
    if (own === undefined && (isTestFile(file) || !servedNames.some((name) => source.text.includes(name)))) continue;
    const sourceFile = trees.tree(source);
    const imported = importedServedTypes(sourceFile, declaring, host);
    const { served, aliases } = withServedAliases(sourceFile, new Map([...(own ?? []), ...[...imported].map(([name, { keys }]) => [name, keys] as const)]));
    if (served.size === 0) continue;
    // Where the type a bag is declared as comes from, when another module declares it: that module, and the type it
    // declares when the bag's type is an alias that holds it.
    const declaredIn = (type: string): Pick<DiscoveredBag, 'servedBy' | 'servedType'> => {
      const held = aliases.get(type);
      const origin = imported.get(held ?? type);
      return origin === undefined ? {} : { servedBy: posix.relative(root, origin.file), ...(held === undefined ? {} : { servedType: held }) };
    };
    const contexts = contextsMade(sourceFile);
    for (const statement of sourceFile.statements) {
      const giver = giverOf(statement, contexts);
      const keys = giver === undefined ? undefined : served.get(giver.type);
      const spec = giver === undefined ? undefined : giverSpec(giver.name, giver.box);
      if (giver === undefined || keys === undefined || spec === undefined || bags.some((bag) => bag.spec === spec)) continue;
      const line = sourceFile.getLineAndCharacterOfPosition(statement.getStart(sourceFile)).line + 1;
      bags.push({ spec, at: { file, line }, declaredAs: giver.type, typedBy: giver.type, keys, served: true, ...(giver.context === undefined ? {} : { context: giver.context }), ...declaredIn(giver.type) });
    }
    // A provider's state, an instance's getter or an exported record of an imported type says where the type is declared too.
    const withDeclaringModule = (bag: DiscoveredBag): DiscoveredBag => (bag.declaredAs === undefined ? bag : { ...bag, ...declaredIn(bag.declaredAs) });
    const others = [...(source.text.includes('useState<') ? servedStates(file, sourceFile, served) : []), ...instanceGivers(file, sourceFile, served), ...exportedRecords(file, sourceFile, served, trees)];
    for (const other of others) if (!bags.some((bag) => bag.spec === other.spec)) bags.push(withDeclaringModule(other));
    for (const getter of memberGetters(file, sourceFile, served)) if (!wrappers.some((wrapper) => wrapper.pattern.callee === getter.pattern.callee)) wrappers.push(getter);
  }
  return { bags, wrappers };
}

/**
 * The served types a module imports by name from a module that declares them (`import { RemoteConfig } from
 * './remote-config'`), under the names it gives them, each with its boolean members and the declaring module.
 */
function importedServedTypes(sourceFile: ts.SourceFile, declaring: ReadonlyMap<string, ReadonlyMap<string, string[]>>, host: ModuleHost): Map<string, { keys: string[]; file: string }> {
  const imported = new Map<string, { keys: string[]; file: string }>();
  for (const { local, imported: name, specifier } of namedImports(sourceFile)) {
    const target = specifier.startsWith('.') ? resolveModulePath(sourceFile.fileName, specifier, host) : undefined;
    const keys = target === undefined ? undefined : declaring.get(target)?.get(name);
    if (target !== undefined && keys !== undefined) imported.set(local, { keys, file: target });
  }
  return imported;
}

/**
 * The served types with the module's aliases of one added, each under its own name: `type RemoteConfigContextState =
 * RemoteConfig & { refresh: () => void }` holds what `RemoteConfig` holds, and its own members are the module's. `aliases`
 * gives the served type each alias holds.
 */
function withServedAliases(sourceFile: ts.SourceFile, declared: ReadonlyMap<string, string[]>): { served: Map<string, string[]>; aliases: Map<string, string> } {
  const served = new Map(declared);
  const aliases = new Map<string, string>();
  if (declared.size === 0) return { served, aliases };
  for (const statement of sourceFile.statements) {
    if (!ts.isTypeAliasDeclaration(statement) || served.has(statement.name.text)) continue;
    const parts = ts.isIntersectionTypeNode(statement.type) ? statement.type.types : [statement.type];
    const held = parts.map(servedTypeName).find((name) => name !== undefined && declared.has(name));
    if (held === undefined) continue;
    served.set(statement.name.text, declared.get(held) as string[]);
    aliases.set(statement.name.text, held);
  }
  return { served, aliases };
}

const ORDINALS = ['first', 'second', 'third', 'fourth'];

/**
 * The functions the module declares to give back the member of what the vendor serves that a parameter names,
 * `Served[K]` for a parameter of type `K`: written as a function, a method, or a property of a function type in a type of
 * the module (`getRemoteConfigKey: <K extends RemoteConfigKey>(key: K) => RainbowConfig[K]` in a store's state type).
 */
function memberGetters(file: string, sourceFile: ts.SourceFile, served: ReadonlyMap<string, string[]>): DiscoveredWrapper[] {
  const getters: DiscoveredWrapper[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionTypeNode(node) || ts.isMethodSignature(node) || ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const type = node.type;
      const record = type !== undefined && ts.isIndexedAccessTypeNode(type) && ts.isTypeReferenceNode(type.objectType) && ts.isIdentifier(type.objectType.typeName) ? type.objectType.typeName.text : undefined;
      const keys = record === undefined ? undefined : served.get(record);
      const indexText = keys === undefined ? undefined : (type as ts.IndexedAccessTypeNode).indexType.getText(sourceFile);
      const keyArg = indexText === undefined ? -1 : callParameters(node).findIndex((parameter) => parameter.type?.getText(sourceFile) === indexText);
      // A method of a type is called by its own name; anything else by its own or its holder's (see functions.ts).
      const name = ts.isMethodSignature(node) ? (ts.isIdentifier(node.name) ? node.name.text : undefined) : functionName(node);
      if (keys !== undefined && keyArg >= 0 && keyArg < ORDINALS.length && name !== undefined) {
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
        getters.push({
          pattern: { callee: name, keyArg, keys },
          at: { file, line },
          reason: `it gives back the member of ${record} its ${ORDINALS[keyArg]} argument names (${(type as ts.TypeNode).getText(sourceFile)}), in what a flag vendor serves`,
          evidence: 'typed',
          level: 0,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return getters;
}

/**
 * The provider's own state of what the vendor serves, `const [remoteConfig, setRemoteConfig] = useState<RemoteConfig>(…)`:
 * a bag of the same members where the provider reads it (`remoteConfig.nonCustodialEnabled && …`), by the name it keeps it under.
 */
function servedStates(file: string, sourceFile: ts.SourceFile, served: ReadonlyMap<string, string[]>): DiscoveredBag[] {
  const states: DiscoveredBag[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isArrayBindingPattern(node.name) && node.initializer !== undefined && ts.isCallExpression(node.initializer)) {
      const [held] = node.name.elements;
      const call = node.initializer;
      const type = ts.isIdentifier(call.expression) && call.expression.text === 'useState' ? call.typeArguments?.[0] : undefined;
      const typeName = type !== undefined && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
      const keys = typeName === undefined ? undefined : served.get(typeName);
      if (keys !== undefined && typeName !== undefined && held !== undefined && ts.isBindingElement(held) && ts.isIdentifier(held.name)) {
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
        states.push({ spec: held.name.text, at: { file, line }, declaredAs: typeName, typedBy: typeName, keys, served: true });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return states;
}

/** The module's interfaces and object types named for what a vendor serves, each with its boolean members that are flags (one at least). */
function servedTypes(sourceFile: ts.SourceFile): Map<string, string[]> {
  const served = new Map<string, string[]>();
  let texts: Map<string, string> | undefined;
  for (const statement of sourceFile.statements) {
    const members = ts.isInterfaceDeclaration(statement) ? statement.members
      : ts.isTypeAliasDeclaration(statement) && ts.isTypeLiteralNode(statement.type) ? statement.type.members : undefined;
    if (members === undefined || !namesServed((statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text)) continue;
    const keys = members.flatMap((member) => {
      if (!ts.isPropertySignature(member) || member.type === undefined || !holdsBoolean(member.type)) return [];
      // `[NonCustodialEnabledKey]: boolean` names its member by the module's constant.
      const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text
        : ts.isComputedPropertyName(member.name) && ts.isIdentifier(member.name.expression) ? (texts ??= constantTexts(sourceFile)).get(member.name.expression.text) : undefined;
      return name === undefined || saysOwnState(name) ? [] : [name];
    });
    if (keys.length > 0) served.set((statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text, keys);
  }
  return served;
}

/** `RainbowConfig`, `RemoteFlags`; also the values or variables of one, `RemoteConfigValue`, `AppConfigVars`. */
function namesServed(name: string): boolean {
  const words = nameWords(name);
  const last = words.at(-1) ?? '';
  return SERVED_WORDS.has(last) || (VALUES_WORDS.has(last) && SERVED_WORDS.has(words.at(-2) ?? ''));
}

/**
 * The members of the one instance the module exports of its own class (`export const remoteConfig = new RemoteConfig()`)
 * that give what the vendor serves: a getter, read `remoteConfig.vars`, or a method of no parameters, `remoteConfig.all()`,
 * declared to give the type (also `Partial<…>` or `Readonly<…>` of it).
 */
function instanceGivers(file: string, sourceFile: ts.SourceFile, served: ReadonlyMap<string, string[]>): DiscoveredBag[] {
  const classes = new Map<string, ts.ClassDeclaration>();
  for (const statement of sourceFile.statements) if (ts.isClassDeclaration(statement) && statement.name !== undefined) classes.set(statement.name.text, statement);
  if (classes.size === 0) return [];
  const given: DiscoveredBag[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || !hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const made = declaration.initializer;
      const madeClass = made !== undefined && ts.isNewExpression(made) && ts.isIdentifier(made.expression) ? classes.get(made.expression.text) : undefined;
      if (madeClass === undefined || !ts.isIdentifier(declaration.name)) continue;
      for (const member of madeClass.members) {
        const isGetter = ts.isGetAccessorDeclaration(member);
        if (!(isGetter || (ts.isMethodDeclaration(member) && member.parameters.length === 0)) || !ts.isIdentifier(member.name)) continue;
        if (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword || modifier.kind === ts.SyntaxKind.StaticKeyword) === true) continue;
        const type = servedTypeName((member as ts.GetAccessorDeclaration | ts.MethodDeclaration).type);
        const keys = type === undefined ? undefined : served.get(type);
        if (type === undefined || keys === undefined) continue;
        const line = sourceFile.getLineAndCharacterOfPosition(member.getStart(sourceFile)).line + 1;
        given.push({ spec: `${declaration.name.text}.${member.name.text}${isGetter ? '' : '()'}`, at: { file, line }, declaredAs: type, typedBy: type, keys, served: true });
      }
    }
  }
  return given;
}

/**
 * The module's constant declared as what the vendor serves (`const config: RainbowConfig = new Proxy(configData, …)`) and
 * exported: a bag under its own name when exported by it, and, as the module's default export, under each name a module
 * importing it gives it (`import config from '~/core/firebase/remoteConfig'`, `import remoteConfig from …`).
 */
function exportedRecords(file: string, sourceFile: ts.SourceFile, served: ReadonlyMap<string, string[]>, trees: SourceTrees): DiscoveredBag[] {
  const records: Array<{ name: string; type: string; exported: boolean; node: ts.Node }> = [];
  let defaultName: string | undefined;
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement) && statement.isExportEquals !== true && ts.isIdentifier(statement.expression)) defaultName = statement.expression.text;
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    for (const declaration of statement.declarationList.declarations) {
      const type = servedTypeName(declaration.type);
      if (ts.isIdentifier(declaration.name) && type !== undefined && served.has(type)) records.push({ name: declaration.name.text, type, exported, node: declaration });
    }
  }
  const bags: DiscoveredBag[] = [];
  for (const record of records) {
    const names = new Set<string>(record.exported ? [record.name] : []);
    if (record.name === defaultName) for (const local of namesGivenModule(file, trees)) names.add(local);
    const line = sourceFile.getLineAndCharacterOfPosition(record.node.getStart(sourceFile)).line + 1;
    for (const spec of names) bags.push({ spec, at: { file, line }, declaredAs: record.type, typedBy: record.type, keys: served.get(record.type) ?? [], served: true, exportedBy: file });
  }
  return bags;
}

// Types that keep the members of the one they are given: what is served, some of it missing or none of it to change.
const SAME_MEMBERS = new Set(['Partial', 'Readonly', 'Required']);

/** `RemoteConfigValue` of `RemoteConfigValue` or `Partial<RemoteConfigValue>`. */
function servedTypeName(type: ts.TypeNode | undefined): string | undefined {
  if (type === undefined || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
  if (type.typeArguments === undefined) return type.typeName.text;
  return SAME_MEMBERS.has(type.typeName.text) && type.typeArguments.length === 1 ? servedTypeName(type.typeArguments[0]) : undefined;
}

/** The module's constants of a text: `const NonCustodialEnabledKey = "nonCustodialEnabled"`. */
function constantTexts(sourceFile: ts.SourceFile): Map<string, string> {
  const texts = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (ts.isIdentifier(declaration.name) && value !== undefined && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value))) texts.set(declaration.name.text, value.text);
    }
  }
  return texts;
}

interface Giver {
  name: string;
  /** The type it gives back. */
  type: string;
  /** The context it gives, when it gives `useContext(context)`. */
  context?: string;
  /** True when it gives a reactive box of the type (`useState<RemoteConfig>('config', …)` in a Nuxt composable). */
  box?: true;
}

/** A function the statement declares, with the type it is declared to give back (an overload's too), or the type of the context it gives. */
function giverOf(statement: ts.Statement, contexts: ReadonlyMap<string, ts.TypeNode>): Giver | undefined {
  if (ts.isFunctionDeclaration(statement)) return statement.name === undefined ? undefined : typed(statement.name.text, statement, contexts);
  if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1) return undefined;
  const [declaration] = statement.declarationList.declarations;
  const fn = declaration.initializer;
  if (!ts.isIdentifier(declaration.name) || fn === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return undefined;
  return typed(declaration.name.text, fn, contexts);
}

/** A type without the `undefined` or `null` a context is made with before its provider gives it a value: `RemoteConfig` of `RemoteConfig | undefined`. */
function withoutNothing(type: ts.TypeNode): ts.TypeNode {
  if (!ts.isUnionTypeNode(type)) return type;
  const some = type.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
  return some.length === 1 ? some[0] : type;
}

/** The function's name with the name of the type it gives back, written as a plain reference (`RainbowConfig`). */
function typed(name: string, fn: ts.SignatureDeclaration, contexts: ReadonlyMap<string, ts.TypeNode>): Giver | undefined {
  const given = givenType(fn, contexts);
  const type = given === undefined ? undefined : withoutNothing(given.type);
  if (type === undefined || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeArguments !== undefined) return undefined;
  return { name, type: type.typeName.text, ...(given?.context === undefined ? {} : { context: given.context }), ...(given?.box === true ? { box: true as const } : {}) };
}
