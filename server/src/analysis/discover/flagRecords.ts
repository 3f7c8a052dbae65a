// Records of feature flags with no list of keys: code that gets its flags as a plain object of booleans (from a CLI
// option, the caller, a settings service) and hands it along as `featureFlags`, typed `Record<string, boolean>`, `{
// [name: string]: boolean }`, or an alias of one (`type FeatureFlags = Record<string, boolean>`). Every property read of
// it is a check of the flag it names (`featureFlags.use_cached_site_info`, `featureFlags?.['x']`), wherever the record
// is passed under that name. With no keys to keep other objects of the name out, the name must say feature flags, not
// just flags (CLI flags, UI toggles), and the type must hold booleans: the two together are the evidence. Beta flags
// (`betaFlags`) are feature flags by their name too.
// A record of fixed keys, each a boolean (`featureFlags: DatabaseFlags` with `interface DatabaseFlags { enable_x: boolean
// }`, or written there, or a schema's object of booleans, `betaFlags: z.object({ payment: z.boolean().optional() })`),
// is such a bag that lists those keys. So is one held in a reactive box, a signal's or a ref's,
// whose current value is `.value` (`featureFlags$: ReadonlySignal<DatabaseFlags>`): the bag is `featureFlags$.value`.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { nameWords, registryName, subjectWord } from './registries';
import type { SourceTrees } from './sourceTrees';
import { holdsBoolean, RECORD_WRAPPERS, withoutNullish } from './typeText';
import type { DiscoveredAt, DiscoveredBag } from './types';
import { contextsMade, givenType, giverSpec } from './contexts';
import { functionName, ownReturns, type FunctionNode } from './functions';
import { isTestFile } from './wrappers';
import { keysReadWhereAppRuns } from './configRecords';
import { unwrap } from '../scan/values';
import { escapeRegex } from '../regex';

// Cheap text tests: a declaration typed where the name says feature flags (`featureFlags?:`, `FEATURE_TOGGLES:`), and
// a type alias or interface that may be a record of them.
// Or such a name given a store or box made for such a type (`featureFlagsAtom = atom<FeatureFlags>({})`).
// Or an app's configuration's object of flags, by its plural alone (`flags: {`; see `keysReadWhereAppRuns`).
const NAMED_DECLARATION = /(?:features?|beta)_?(?:flags?|toggles?|switch(?:es)?|enablements?)(?:\$?\??\s*:|[\w$]*\s*=\s*[\w$]+\s*<|\s*(?:=\s*)?\([^()]*\)\s*:)|\b(?:flags|toggles)\s*:\s*\{/i;
const RECORD_ALIAS = /\b(?:type|interface)\s+([\w$]*(?:flag|toggle|switch)[\w$]*)/gi;
// An interface or object type whose first member is a boolean property: a record of fixed keys may be declared here.
const BOOLEAN_MEMBER = /\b(?:interface\s+[\w$]+|type\s+[\w$]+\s*=)\s*\{\s*(?:readonly\s+)?['"]?[\w$-]+['"]?\??\s*:\s*boolean\s*[;,}\n]/;
// A feature's enablement (`configFeatureEnablement`) is which features are on: a record of them is one of flags; a feature
// switch (`useFeatureSwitches()`) is a feature flag by another name.
const FLAG_WORDS = new Set(['flag', 'flags', 'toggle', 'toggles', 'switch', 'switches', 'enablement', 'enablements']);
// Those in the plural: an object of several flags.
const PLURAL_FLAG_WORDS = new Set([...FLAG_WORDS].filter((word) => word.endsWith('s')));
// Reactive boxes whose current value is their `.value`: Preact's and Angular's signals, Vue's refs, RxJS's BehaviorSubject.
const VALUE_BOXES = new Set(['Signal', 'ReadonlySignal', 'WritableSignal', 'Ref', 'ComputedRef', 'ShallowRef', 'WritableComputedRef', 'BehaviorSubject']);
// Functions that make such a box, given what it holds as their type argument: Vue's `ref<Flags>({})`, Preact's `signal<Flags>()`.
const BOX_MAKERS = new Set(['ref', 'shallowRef', 'signal']);
// Functions that make a store whose value is read with a store's reader (`get(store)`, `useAtomValue(store)`, Svelte's
// `$store`; see scan/flagStores.ts): Jotai's and Recoil's `atom<Flags>(…)`, Svelte's `writable<Flags>(…)`.
const STORE_MAKERS = new Set(['atom', 'writable', 'readable']);

/** The bags a record of feature flags declares (see the top of this file), each a bag whose locals are it. */
export function flagRecordBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const aliases = recordAliases(root, trees);
  const fixed = fixedRecords(root, trees);
  const bags = new Map<string, DiscoveredBag>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!NAMED_DECLARATION.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const contexts = source.text.includes('createContext') ? contextsMade(sourceFile) : undefined;
    const visit = (node: ts.Node): void => {
      const giver = recordGiver(node, aliases, fixed, contexts);
      const givenSpec = giver === undefined ? undefined : giverSpec(giver.name, giver.box);
      if (giver !== undefined && givenSpec !== undefined && !bags.has(givenSpec)) {
        const at: DiscoveredAt = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
        const context = giver.context === undefined ? {} : { context: giver.context };
        const listed = giver.listed === undefined ? {} : { typedBy: giver.listed.typedBy, keys: giver.listed.keys };
        bags.set(givenSpec, { spec: givenSpec, at, declaredAs: giver.type.getText(sourceFile), gives: true, ...context, ...listed });
      }
      const declared = declaredRecord(node, aliases, fixed, saysFeatureFlags);
      const spec = declared === undefined ? undefined : declared.held === 'box' ? `${declared.name}.value` : declared.name;
      if (declared !== undefined && spec !== undefined && !bags.has(spec)) {
        const at: DiscoveredAt = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
        const declaredAs = declared.declaredAs ?? declared.type.getText(sourceFile);
        const store = declared.held === 'store' ? { store: true } : {};
        bags.set(spec, declared.keys === undefined
          ? { spec, at, declaredAs, locals: true, ...store }
          : { spec, at, declaredAs, typedBy: declared.typedBy, keys: declared.keys, ...store });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  for (const bag of returnedRecordBags(root, trees, fixed)) if (!bags.has(bag.spec)) bags.set(bag.spec, bag);
  for (const bag of respelledRecordBags(root, trees, [...bags.values()])) if (!bags.has(bag.spec)) bags.set(bag.spec, bag);
  return [...bags.values()];
}

/**
 * A record of feature flags held under a name of its own case elsewhere (`featureFlags` declared as a record of booleans;
 * `locals.featureflags?.focus_mode`, `page.data.feature_flags.x` where a server fills it from the same settings): the
 * same name respelled, all lower case or in snake case, is the record too, where the workspace reads a property of it.
 */
function respelledRecordBags(root: string, trees: SourceTrees, bags: readonly DiscoveredBag[]): DiscoveredBag[] {
  const found: DiscoveredBag[] = [];
  for (const bag of bags) {
    if (bag.locals !== true || !/^[a-z][a-z]*(?:[A-Z][a-z]+)+$/.test(bag.spec)) continue;
    const words = nameWords(bag.spec);
    for (const spelling of new Set([words.join(''), words.join('_')])) {
      // Read as a property (`.featureflags.x`, `.featureflags?.x`, `featureflags?.[key]`), not only written.
      const read = new RegExp(`\\.${spelling}\\??\\.`);
      for (const source of trees.sources) {
        const match = source.text.includes(spelling) ? read.exec(source.text) : null;
        if (match === null || isTestFile(posix.relative(root, source.file))) continue;
        const at = { file: posix.relative(root, source.file), line: source.text.slice(0, match.index).split('\n').length };
        found.push({ ...bag, spec: spelling, at, respelled: bag.spec });
        break;
      }
    }
  }
  return found;
}

/**
 * A function named for feature flags and declared to give back a record of booleans (`function useFeatureFlags():
 * FeatureFlagSet`, with `interface FeatureFlagSet { [key: string]: boolean | string | number }`), or giving back a context
 * the module made to hold one (`return use(FeatureFlagsContext)` after `createContext<FeatureFlags>(…)`): what it gives
 * is the record, whatever name its caller keeps it under (`const flags = useFeatureFlags(); flags[TRUSTEE_MANAGEMENT]`).
 */
function recordGiver(node: ts.Node, aliases: ReadonlySet<string>, fixed: ReadonlyMap<string, readonly string[]>, contexts: ReadonlyMap<string, ts.TypeNode> | undefined): RecordGiver | undefined {
  const given = ts.isFunctionLike(node) ? givenType(node, contexts) : undefined;
  if (given === undefined) return undefined;
  // The name ends in what it gives: `useFeatureFlagOverrides` gives overrides of flags, a developer's, not their states.
  const name = functionName(node as FunctionNode);
  if (name === undefined || !saysFeatureFlags(name) || !FLAG_WORDS.has(nameWords(name).at(-1) ?? '')) return undefined;
  if (isRecordOfBooleans(given.type, aliases)) return { name, ...given };
  // Or one of fixed keys, each a boolean (`function useFeatureFlag(): FeatureFlagContextValue`, `interface
  // FeatureFlagContextValue { layoutV3: boolean; … }`): a bag of those keys.
  const listed = fixedRecordOf(given.type, fixed);
  return listed === undefined ? undefined : { name, ...given, listed };
}

/** A function that gives a record of feature flags (see `recordGiver`), and for a record of fixed keys, its keys and the type that lists them. */
interface RecordGiver {
  name: string;
  type: ts.TypeNode;
  context?: string;
  box?: true;
  listed?: { keys: readonly string[]; typedBy: string };
}

// A function that gives back a property named for feature flags: `return ENVIRONMENT_CONFIG_MAP[network].featureFlags`.
const RETURNS_FLAGS_TEXT = /\.\s*features?_?(?:flags?|toggles?)\s*;?\s*(?:\}|$)/im;

/**
 * Functions declared to give a record of fixed boolean keys that give back a property named for feature flags: `const
 * useEnvFeatures = (): EnvironmentFeatures => ENVIRONMENT_CONFIG_MAP[selectedNetwork].featureFlags`, with `interface
 * EnvironmentFeatures { checkForGeo: boolean; … }`. Each is a bag function of those keys (`const { checkForGeo } =
 * useEnvFeatures()`): the name says what the property holds, and the declared type which of its keys there are.
 */
function returnedRecordBags(root: string, trees: SourceTrees, fixed: ReadonlyMap<string, readonly string[]>): DiscoveredBag[] {
  const bags: DiscoveredBag[] = [];
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if (!RETURNS_FLAGS_TEXT.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      const name = ts.isFunctionLike(node) && node.type !== undefined ? functionName(node as FunctionNode) : undefined;
      const listed = name === undefined ? undefined : fixedRecordOf((node as ts.SignatureDeclaration).type as ts.TypeNode, fixed);
      const returns = listed === undefined ? [] : ownReturns(node as ts.SignatureDeclaration);
      const returned = returns.length === 1 ? unwrap(returns[0]) : undefined;
      if (name !== undefined && listed !== undefined && returned !== undefined && ts.isPropertyAccessExpression(returned) && saysFeatureFlags(returned.name.text)) {
        const at: DiscoveredAt = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
        bags.push({ spec: `${name}()`, at, declaredAs: listed.typedBy, typedBy: listed.typedBy, keys: listed.keys, returned: true });
        // The property it gives back holds the same record where it is read itself: `CONFIG[network].featureFlags.checkForGeo`.
        bags.push({ spec: returned.name.text, at, declaredAs: listed.typedBy, typedBy: listed.typedBy, keys: listed.keys });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return bags;
}

/**
 * Records of booleans named for what the chosen registry lists: `experiments?: Record<string, boolean>` beside the registry
 * `experimentIds`, `flags: Record<string, boolean>` beside `FeatureFlag`. The registry says what such a name holds, which
 * `flags` alone does not; each is a bag of its keys, so that only those read from it are checks.
 */
export function registryRecordBags(root: string, trees: SourceTrees, registry: { readonly symbol: string; readonly file: string; readonly keys: readonly string[] }): DiscoveredBag[] {
  const subject = subjectWord(registryName(registry.symbol, registry.file));
  if (subject === '') return [];
  const plural = subject.endsWith('s') ? subject : `${subject}s`;
  const named = new RegExp(`${escapeRegex(plural)}\\??\\s*:`, 'i');
  // As a name's last word: `experiments` or `stateExperiments`; an `includes` first, as most files name neither.
  const capitalised = plural[0].toUpperCase() + plural.slice(1);
  const bags = new Map<string, DiscoveredBag>();
  for (const source of trees.sources) {
    const file = posix.relative(root, source.file);
    if ((!source.text.includes(plural) && !source.text.includes(capitalised)) || !named.test(source.text) || isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      const declared = declaredRecord(node, NO_ALIASES, NO_RECORDS, (name) => nameWords(name).at(-1) === plural);
      if (declared !== undefined && declared.keys === undefined && !bags.has(declared.name)) {
        const at: DiscoveredAt = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
        bags.set(declared.name, { spec: declared.name, at, declaredAs: declared.type.getText(sourceFile), namedFor: registry.symbol, keys: registry.keys });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return [...bags.values()];
}

// The last word of a record type's name that says what its booleans switch: `Switches`, `FeatureToggles`, `Flags`.
const SWITCH_TYPE_WORDS = new Set(['switch', 'switches', 'flag', 'flags', 'toggle', 'toggles', 'feature', 'features']);
// An app's settings, by the word its type's name is about: `ConfigType`, `AppConfig`, `Settings`, `RuntimeConfiguration`.
const SETTINGS_WORDS = new Set(['config', 'configuration', 'settings', 'setting']);
// A text test: a type that may be a record of booleans, declared under such a name.
const SWITCH_RECORD_TEXT = /\b(?:interface|type)\s+[\w$]*(?:Switch|Flag|Toggle|Feature)(?:e?s)?\b/;

/**
 * The app's switches in its settings: a property of the settings' type (`interface ConfigType { switches: Switches }`)
 * declared as a record of booleans whose own name says what they switch (`interface Switches { [key: string]: boolean |
 * undefined }`). The settings are the app's own, sent with every page or read at start; each property read of the record
 * is a check of the switch it names (`article.config.switches.remoteBanner`, `switches.lightbox` where a component takes
 * it as a prop). A property name alone (`switches`) is not enough, nor a record named so anywhere else.
 */
export function settingsSwitchBags(root: string, trees: SourceTrees): DiscoveredBag[] {
  const records = new Set<string>();
  const declaring = trees.sources.filter((source) => source.text.includes('boolean') && SWITCH_RECORD_TEXT.test(source.text) && !isTestFile(posix.relative(root, source.file)));
  for (const source of declaring) {
    for (const statement of trees.tree(source).statements) {
      if (!(ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) || statement.typeParameters !== undefined) continue;
      if (!SWITCH_TYPE_WORDS.has(nameWords(statement.name.text).at(-1) ?? '')) continue;
      const record = ts.isInterfaceDeclaration(statement) ? statement.heritageClauses === undefined && isIndexOfBooleans(statement.members) : isRecordOfBooleans(statement.type, NO_ALIASES);
      if (record) records.add(statement.name.text);
    }
  }
  const bags = new Map<string, DiscoveredBag>();
  for (const record of records) {
    for (const file of trees.filesNaming(record)) {
      const source = trees.byFile.get(file);
      const relative = posix.relative(root, file);
      if (source === undefined || isTestFile(relative)) continue;
      const sourceFile = trees.tree(source);
      for (const statement of sourceFile.statements) {
        const settings = settingsMembers(statement);
        if (settings === undefined) continue;
        for (const member of settings.members) {
          if (!(ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) || member.type === undefined || !ts.isIdentifier(member.name)) continue;
          const type = withoutNullish(member.type);
          if (type === undefined || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeName.text !== record) continue;
          const spec = member.name.text;
          if (bags.has(spec)) continue;
          const at: DiscoveredAt = { file: relative, line: sourceFile.getLineAndCharacterOfPosition(member.getStart(sourceFile)).line + 1 };
          bags.set(spec, { spec, at, declaredAs: record, locals: true, setting: settings.name });
        }
      }
    }
  }
  return [...bags.values()];
}

/** The members of a statement declaring the app's settings (an interface, an object type or a class named for them), and its name. */
function settingsMembers(statement: ts.Statement): { name: string; members: readonly ts.Node[] } | undefined {
  const named = (ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) ? statement.name?.text : undefined;
  if (named === undefined || !SETTINGS_WORDS.has(subjectWord(named))) return undefined;
  if (ts.isTypeAliasDeclaration(statement)) return ts.isTypeLiteralNode(statement.type) ? { name: named, members: statement.type.members } : undefined;
  return { name: named, members: (statement as ts.InterfaceDeclaration | ts.ClassDeclaration).members };
}

export const NO_ALIASES: ReadonlySet<string> = new Set();
const NO_RECORDS: ReadonlyMap<string, readonly string[]> = new Map();

// The words before flags or toggles that make them feature flags.
const FEATURE_FLAG_QUALIFIERS = new Set(['feature', 'features', 'beta']);

/** True when a name says feature flags: `featureFlags`, `FEATURE_TOGGLES`, `enabledFeatureFlags`, `betaFlags`; not `flags`, `toggles`. */
export function saysFeatureFlags(name: string): boolean {
  const words = nameWords(name);
  return words.some((word, index) => FLAG_WORDS.has(word) && index > 0 && FEATURE_FLAG_QUALIFIERS.has(words[index - 1]));
}

/** A record of feature flags as declared: its name, its type, and for a record of fixed keys, the keys and the type that lists them. */
interface DeclaredRecord {
  readonly name: string;
  /** The type, or for a schema's property, the schema. */
  readonly type: ts.Node;
  /** How to name what declares it, where its text is too long to show (a schema). */
  readonly declaredAs?: string;
  readonly keys?: readonly string[];
  readonly typedBy?: string;
  /**
   * Held in a reactive box (`ReadonlySignal<…>`, `ref<…>(…)`), read through `.value`; or in a store (`atom<…>(…)`), read
   * with a store's reader.
   */
  readonly held?: 'box' | 'store';
}

/** A property, parameter or variable whose name `saysFlags` (for feature flags, or the registry's items) and typed as a record of booleans (see the top of this file). */
function declaredRecord(node: ts.Node, aliases: ReadonlySet<string>, fixed: ReadonlyMap<string, readonly string[]>, saysFlags: (name: string) => boolean): DeclaredRecord | undefined {
  if (ts.isPropertyAssignment(node)) {
    if (!(ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return undefined;
    const words = nameWords(node.name.text);
    // Flags, in the plural: `featureFlag: { name, value }` is a record about one. Its keys listed keep other objects of
    // its name out, so an app's configuration may call them `flags` alone (`flags: { maintenanceMode: getFlag('X') }`).
    const plural = PLURAL_FLAG_WORDS.has(words.at(-1) ?? '');
    const named = saysFlags(node.name.text);
    if (!named && !(plural && words.length === 1)) return undefined;
    const keys = named ? schemaBooleanKeys(node.initializer) : undefined;
    if (keys !== undefined) return { name: node.name.text, type: node.initializer, declaredAs: 'a zod object of booleans', keys, typedBy: 'its schema' };
    const read = plural ? keysReadWhereAppRuns(node.initializer, named ? 'feature flags' : 'flags') : undefined;
    return read === undefined ? undefined : { name: node.name.text, type: node.initializer, declaredAs: 'an object of values read where the app runs', keys: read, typedBy: 'its object' };
  }
  if (!(ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node) || ts.isVariableDeclaration(node))) return undefined;
  if (ts.isVariableDeclaration(node) && node.type === undefined) return madeRecord(node, aliases, fixed, saysFlags);
  if (node.type === undefined || !(ts.isIdentifier(node.name) || ts.isStringLiteral(node.name))) return undefined;
  // `const DEFAULT_FEATURE_FLAGS: FeatureFlags = { … }` writes the defaults out: a read of it is a constant, not a flag's state.
  if (ts.isVariableDeclaration(node) && node.initializer !== undefined && ts.isObjectLiteralExpression(node.initializer)) return undefined;
  const name = node.name.text;
  if (!/^[A-Za-z_$][\w$]*$/.test(name) || !saysFlags(name)) return undefined;
  if (isRecordOfBooleans(node.type, aliases)) return { name, type: node.type };
  const boxed = boxedType(node.type);
  const listed = fixedRecordOf(boxed ?? node.type, fixed);
  return listed === undefined ? undefined : { name, type: node.type, ...listed, ...(boxed === undefined ? {} : { held: 'box' as const }) };
}

/** A variable whose name `saysFlags`, made a box or a store of a record of booleans by its maker's type argument (`atom<FeatureFlags>({})`). */
function madeRecord(node: ts.VariableDeclaration, aliases: ReadonlySet<string>, fixed: ReadonlyMap<string, readonly string[]>, saysFlags: (name: string) => boolean): DeclaredRecord | undefined {
  const made = node.initializer === undefined ? undefined : unwrap(node.initializer);
  if (made === undefined || !ts.isCallExpression(made) || !ts.isIdentifier(made.expression) || made.typeArguments?.length !== 1) return undefined;
  const held = BOX_MAKERS.has(made.expression.text) ? 'box' as const : STORE_MAKERS.has(made.expression.text) ? 'store' as const : undefined;
  if (held === undefined || !ts.isIdentifier(node.name) || !saysFlags(node.name.text)) return undefined;
  const [type] = made.typeArguments;
  if (isRecordOfBooleans(type, aliases)) return { name: node.name.text, type, held };
  const listed = fixedRecordOf(type, fixed);
  return listed === undefined ? undefined : { name: node.name.text, type, ...listed, held };
}

// What a zod schema may be refined with and stay the same object or boolean: `.optional()`, `.default(false)`.
const SCHEMA_REFINEMENTS = new Set(['optional', 'nullable', 'nullish', 'default', 'partial', 'strict', 'passthrough', 'strip', 'readonly', 'describe', 'catch']);

/** The schema under its refinements: `z.object({…})` of `z.object({…}).partial().optional()`. */
function schemaCore(node: ts.Expression): ts.Expression {
  let inner = unwrap(node);
  while (ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && SCHEMA_REFINEMENTS.has(inner.expression.name.text)) inner = unwrap(inner.expression.expression);
  return inner;
}

/** True for a zod schema's call of `method`: `z.object(…)`, `zod.boolean()`, `z.coerce.boolean()`. */
function isSchemaCall(node: ts.Expression, method: string): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== method) return false;
  const owner = node.expression.expression;
  const root = ts.isPropertyAccessExpression(owner) && owner.name.text === 'coerce' ? owner.expression : owner;
  return ts.isIdentifier(root) && (root.text === 'z' || root.text === 'zod');
}

/** The keys of a zod object schema whose every property is a boolean (`z.object({ payment: z.boolean().optional() })`); else undefined. */
function schemaBooleanKeys(node: ts.Expression): string[] | undefined {
  const core = schemaCore(node);
  // A schema the module declares apart (`featureFlags: FeatureFlagsSchema.optional()` after `const FeatureFlagsSchema =
  // z.object({…}).partial()`).
  const held = ts.isIdentifier(core) ? moduleConstant(core) : undefined;
  const schema = held === undefined ? core : schemaCore(held);
  if (!isSchemaCall(schema, 'object') || schema.arguments.length !== 1 || !ts.isObjectLiteralExpression(schema.arguments[0])) return undefined;
  const keys: string[] = [];
  for (const property of schema.arguments[0].properties) {
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
    if (!isSchemaCall(schemaCore(property.initializer), 'boolean')) return undefined;
    keys.push(property.name.text);
  }
  return keys.length === 0 ? undefined : keys;
}

/** The value of the module's own top-level `const` of that name, else undefined. */
function moduleConstant(name: ts.Identifier): ts.Expression | undefined {
  for (const statement of name.getSourceFile().statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    const declaration = statement.declarationList.declarations.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name.text);
    if (declaration !== undefined) return declaration.initializer;
  }
  return undefined;
}

/** What a reactive box holds (`ReadonlySignal<DatabaseFlags>` → `DatabaseFlags`); undefined for any other type. */
function boxedType(type: ts.TypeNode): ts.TypeNode | undefined {
  const inner = withoutNullish(type);
  if (inner === undefined || !ts.isTypeReferenceNode(inner) || inner.typeArguments?.length !== 1) return undefined;
  const name = ts.isIdentifier(inner.typeName) ? inner.typeName.text : inner.typeName.right.text;
  return VALUE_BOXES.has(name) ? inner.typeArguments[0] : undefined;
}

/** The keys of a record of fixed boolean keys, written there or named (`DatabaseFlags`), and the name that lists them. */
function fixedRecordOf(type: ts.TypeNode, fixed: ReadonlyMap<string, readonly string[]>): { keys: readonly string[]; typedBy: string } | undefined {
  const inner = withoutNullish(type);
  if (inner === undefined) return undefined;
  if (ts.isTypeLiteralNode(inner)) {
    const keys = booleanKeys(inner.members);
    return keys === undefined ? undefined : { keys, typedBy: 'its type' };
  }
  if (!ts.isTypeReferenceNode(inner)) return undefined;
  const name = ts.isIdentifier(inner.typeName) ? inner.typeName.text : inner.typeName.right.text;
  const args = inner.typeArguments ?? [];
  if (RECORD_WRAPPERS.has(name) && args.length === 1) return fixedRecordOf(args[0], fixed);
  const keys = args.length === 0 ? fixed.get(name) : undefined;
  return keys === undefined ? undefined : { keys, typedBy: name };
}

/** The names of members that are all boolean properties (one at least); undefined when any member is something else. */
function booleanKeys(members: readonly ts.TypeElement[]): string[] | undefined {
  const keys: string[] = [];
  for (const member of members) {
    if (!ts.isPropertySignature(member) || member.type === undefined || !holdsBoolean(member.type)) return undefined;
    if (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) return undefined;
    keys.push(member.name.text);
  }
  return keys.length === 0 ? undefined : keys;
}

/**
 * The interfaces and aliases of an object type whose members are all boolean properties, with those keys: `interface
 * DatabaseFlags { enable_number_formatting: boolean }`. Any name: they count only where a name that says feature flags
 * is typed by them. Only the files that may type such a name are parsed.
 */
function fixedRecords(root: string, trees: SourceTrees): Map<string, string[]> {
  const records = new Map<string, string[]>();
  for (const source of trees.sources) {
    if (!source.text.includes('boolean') || !BOOLEAN_MEMBER.test(source.text) || isTestFile(posix.relative(root, source.file))) continue;
    for (const statement of trees.tree(source).statements) {
      const members = ts.isInterfaceDeclaration(statement) && statement.heritageClauses === undefined ? statement.members
        : ts.isTypeAliasDeclaration(statement) && statement.typeParameters === undefined && ts.isTypeLiteralNode(statement.type) ? statement.type.members : undefined;
      const keys = members === undefined ? undefined : booleanKeys(members);
      if (keys === undefined) continue;
      const name = (statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text;
      records.set(name, [...new Set([...(records.get(name) ?? []), ...keys])]);
    }
  }
  return records;
}

/**
 * `Record<string, boolean>`, `{ [name: string]: boolean }`, inside `Partial<…>` or `Promise<…>`, with `| undefined`, or
 * one of `aliases`. A value type that holds a boolean (`boolean | string`, a variant) counts.
 */
export function isRecordOfBooleans(type: ts.TypeNode, aliases: ReadonlySet<string>, values: ReadonlySet<string> = NO_ALIASES, keyNames: ReadonlySet<string> = NO_ALIASES): boolean {
  const inner = withoutNullish(type);
  if (inner === undefined) return false;
  if (ts.isTypeLiteralNode(inner)) return isIndexOfBooleans(inner.members);
  if (!ts.isTypeReferenceNode(inner)) return false;
  const name = ts.isIdentifier(inner.typeName) ? inner.typeName.text : inner.typeName.right.text;
  const args = inner.typeArguments ?? [];
  if (args.length === 0) return aliases.has(name);
  if (RECORD_WRAPPERS.has(name) && args.length === 1) return isRecordOfBooleans(args[0], aliases, values, keyNames);
  const [keys] = args;
  const keysOfOther = isKeysOfOther(keys) || (ts.isTypeReferenceNode(keys) && ts.isIdentifier(keys.typeName) && keyNames.has(keys.typeName.text));
  if (name !== 'Record' || args.length !== 2 || !(keys.kind === ts.SyntaxKind.StringKeyword || keysOfOther)) return false;
  const value = args[1];
  return holdsBoolean(value) || (ts.isTypeReferenceNode(value) && ts.isIdentifier(value.typeName) && values.has(value.typeName.text));
}

/** `keyof Switches`: the keys of a type this record does not list (`Record<keyof FeatureSwitches, boolean>`), any of them. */
function isKeysOfOther(type: ts.TypeNode): boolean {
  return ts.isTypeOperatorNode(type) && type.operator === ts.SyntaxKind.KeyOfKeyword && (ts.isTypeReferenceNode(type.type) || ts.isTypeQueryNode(type.type));
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
    const { statements } = trees.tree(source);
    // The module's names for a value that may be a boolean, `type FeatureFlagValue = boolean | number | undefined`.
    const values = new Set(statements.flatMap((statement) => (ts.isTypeAliasDeclaration(statement) && holdsBoolean(statement.type) ? [statement.name.text] : [])));
    // And its names for the keys of another type (`type FeatureKeys = keyof typeof Features`), which may be made where
    // the workspace does not show them (a generated module).
    const keyNames = new Set(statements.flatMap((statement) => (ts.isTypeAliasDeclaration(statement) && isKeysOfOther(statement.type) ? [statement.name.text] : [])));
    for (const statement of statements) {
      if (ts.isTypeAliasDeclaration(statement) && named.has(statement.name.text) && statement.typeParameters === undefined && isRecordOfBooleans(statement.type, aliases, values, keyNames)) {
        aliases.add(statement.name.text);
      } else if (ts.isInterfaceDeclaration(statement) && named.has(statement.name.text) && statement.heritageClauses === undefined && isIndexOfBooleans(statement.members)) {
        aliases.add(statement.name.text);
      }
    }
  }
  return aliases;
}
