// Flag APIs known by their whole names, where nothing forwards into an SDK that discovery could follow: a dependency's
// flag hook (`import { useFeatureFlag } from '@openmrs/esm-framework'`) or flag service (`FeatureToggleService` from a
// team's common library, injected as `private featureToggleService: FeatureToggleService`), and the workspace's own class
// named for feature flags whose flags are registered at run time (`class FeatureFlags { static getBoolean(flagName) }`).
// A function whose whole name says it reads one feature flag (`useFeatureFlag`, `isFeatureFlagEnabled`,
// `getFeatureToggle`), or a class whose whole name says it serves feature flags, is the flag API: the function's first
// argument is the key, and so is that of each method the code asks a value of (`featureToggleService.getValue('x',
// false)`, `isEnabled('x')`). So is a method named for reading one flag that the workspace hands a parameter named for
// a flag (`(featureFlagName: string) => ldStore.getStoredFlag(featureFlagName)`, the store a dependency's): both ends say flag.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { saysNotEvaluating } from '../callNames';
import { calleeLastName, isFromPackages } from '../patterns';
import { escapeRegex } from '../regex';
import type { ModuleHost } from '../resolve';
import { decoratorCall, hasModifier } from '../scan/exports';
import { holdersOf } from './accessorServices';
import { namesGivenModule, ownReturns } from './functions';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredAt, DiscoveredWrapper } from './types';
import { keyTypeText } from './typeText';
import { isTestFile } from './wrappers';
import { returnedObjects } from './hookBags';

// The whole name: an evaluating verb or none, FEATURE FLAG or FEATURE TOGGLE (one), and what it gives or none. A name
// with more in it (`FeatureFlagColumn`, `guardWithFeatureFlag`, `setFeatureFlags`) does something else with flags.
const FLAG_FUNCTION_NAME = /^(?:(?:use|is|get|has|check|evaluate|read)Feature|feature)(?:Flag|Toggle)(?:Enabled|On|Active|Value|Variant|State)?$/;

// A class that serves feature flags, by its whole name: `FeatureToggleService`, `FeatureFlagsClient`.
const FLAG_SERVICE_NAME = /^Feature(?:Flag|Toggle)s?(?:Service|Client|Provider|Manager|Api)?$/;

// A method that asks the service for a flag's value: `getValue`, `getValueOnce`, `isEnabled`, `variation`, or says what it
// gives: `featureOn`, `flagEnabled`, `featureValue`.
const EVALUATING_METHOD = /^(?:is|has|get|check|evaluate|use|variation)(?![a-z])|[a-z](?:On|Enabled|Active|Value)$/;

// What such a name holds, as plain searches (a capital first: far fewer places to try than a lower-case letter's).
const NAME_WORDS = ['FeatureFlag', 'FeatureToggle', 'featureFlag', 'featureToggle'];

// `import { useFeatureFlag, getConfig as config } from '@openmrs/esm-framework'`: the names and the specifier.
const NAMED_IMPORT = /\bimport\s*\{([^{}]*)\}\s*from\s*['"]([^'"]+)['"]/g;

/**
 * The functions imported from a dependency (a bare specifier no workspace file answers to) whose name says it reads one
 * feature flag, and the evaluating methods called on a service whose class is imported so, as wrappers that take the
 * key as their first argument; a vendor's preset aside.
 */
export function packageFlagFunctions(root: string, trees: SourceTrees, resolvePackage: ModuleHost['resolvePackage']): DiscoveredWrapper[] {
  // A vendor's own function (`getFeatureFlag` from posthog-js) is its preset's, with what that says it returns.
  const isPresets = (name: string, specifier: string): boolean => trees.base.patterns.some((pattern) =>
    pattern.packages !== undefined && calleeLastName(pattern.callee) === name && isFromPackages(specifier, pattern.packages));
  const found = new Map<string, DiscoveredWrapper>();
  const add = (callee: string, at: DiscoveredAt, reason: string): void => {
    if (!found.has(callee)) found.set(callee, { pattern: { callee, keyArg: 0 }, at, reason, evidence: 'named', level: 1 });
  };
  for (const source of trees.sources) {
    const { text } = source;
    if (!NAME_WORDS.some((words) => text.includes(words)) || !text.includes('import')) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    for (const match of text.matchAll(NAMED_IMPORT)) {
      const [, names, specifier] = match;
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      for (const element of names.split(',').map((name) => name.trim())) {
        // `import type { … }` is never matched; `type useFeatureFlag` inside the braces is a type too.
        if (element.startsWith('type ')) continue;
        const [imported, local = imported] = element.split(/\s+as\s+/);
        const isFunction = FLAG_FUNCTION_NAME.test(imported);
        if ((!isFunction && !FLAG_SERVICE_NAME.test(imported)) || isPresets(imported, specifier)) continue;
        if (resolvePackage?.(specifier, source.file) !== undefined) continue;
        const at = { file, line: text.slice(0, match.index).split('\n').length };
        if (isFunction) {
          add(local, at, `imported from ${specifier}, a package outside the workspace, and its name says it reads one feature flag`);
          continue;
        }
        for (const { receiver, method } of serviceCalls(text, local)) {
          add(`${receiver}.${method}`, at, `\`${receiver}\` is a ${imported} from ${specifier}, a package outside the workspace whose name says it serves feature flags`);
        }
      }
    }
  }
  return [...found.values()];
}

// A function or method named for reading one flag: `getStoredFlag`, `getFlag`, `readFeatureFlag`; not `getFlags`, `setFlag`.
const FLAG_READER_NAME = /^(?:get|read)(?:[A-Z]\w*)?Flag$/;
// A parameter that holds a flag's name and says so: `featureFlagName`, `flagKey`, `flag`; not `name` or `feature`.
const FLAG_NAME_PARAMETER = /^(?:feature)?(?:flag|Flag)(?:Name|Key|Id)?$/;

// A test of whether one feature is on, by its whole name (`isFeatureEnabled`, `checkFeatureOn`): the question a flag
// answers. `hasFeature` is left out, as often a plan's or a device's; so is any name with more in it.
const FEATURE_TEST_NAME = /^(?:is|check)Feature(?:Enabled|On|Active)$/;
const FEATURE_TEST_TEXT = /(?:is|check)Feature(?:Enabled|On|Active)\b/;
// What such a test's first parameter is called when it takes the feature's key: `key`, `name`, `featureName`, `flag`.
const FEATURE_KEY_PARAMETER = /^(?:key|name|feature(?:Name|Key|Id)?|(?:feature)?(?:flag|Flag)(?:Name|Key|Id)?)$/;

/**
 * True when a parameter holds a flag's name: declared as a text, or, undeclared, named as one (`flagKey`); a flag's object
 * (`hasFeatureFlagValue(flag: FeatureFlag)`, a type guard) is no key.
 */
function holdsName(parameter: ts.ParameterDeclaration): boolean {
  if (parameter.type !== undefined) return parameter.type.kind === ts.SyntaxKind.StringKeyword;
  return ts.isIdentifier(parameter.name) && /(?:Name|Key|Id)$/.test(parameter.name.text);
}

/**
 * True when a feature test's parameter is one key of a record (`keyof Globals`, `T extends keyof Globals`): the test reads
 * that record's entry. A text, or one of a list (`ServerFeature`), may as well name a plan's feature or a product's.
 */
function holdsRecordKey(parameter: ts.ParameterDeclaration, owner: ts.SignatureDeclaration): boolean {
  const type = parameter.type === undefined ? undefined : keyTypeText(parameter.type, owner);
  return type?.startsWith('keyof ') === true;
}

/**
 * The functions named for reading one flag (see `FLAG_READER_NAME`) that the workspace calls with a parameter named for
 * a flag as the first argument, when no pattern knows them: the callee's last name as a pattern, its first argument the
 * key (`getStoredFlag`, from `(featureFlagName: string) => ldStore.getStoredFlag(featureFlagName)`, also called as
 * `getStoredFlag('x')` where destructured from the store).
 */
export function flagReadersGivenFlagNames(root: string, trees: SourceTrees): DiscoveredWrapper[] {
  const known = new Set(trees.base.patterns.map((pattern) => calleeLastName(pattern.callee)));
  // A vendor's preset matches only what is imported from its package: the workspace's own function of that name
  // (`useFeatureFlag`, ConfigCat's too) is none of its calls.
  const knownByName = new Set(trees.base.patterns.filter((pattern) => pattern.packages === undefined).map((pattern) => calleeLastName(pattern.callee)));
  const found = new Map<string, DiscoveredWrapper>();
  for (const source of trees.sources) {
    if (!source.text.includes('Flag(') && !source.text.includes('FeatureFlag') && !FEATURE_TEST_TEXT.test(source.text)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const add = (name: string, node: ts.Node, reason: string, declaredHere = false): void => {
      if ((declaredHere ? knownByName : known).has(name) || found.has(name)) return;
      const at = { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 };
      found.set(name, { pattern: { callee: name, keyArg: 0 }, at, reason, evidence: 'named', level: 1 });
    };
    const visit = (node: ts.Node, flagParameters: ReadonlySet<string>): void => {
      let inScope = flagParameters;
      if (ts.isFunctionLike(node)) {
        const names = node.parameters.flatMap((parameter) => (ts.isIdentifier(parameter.name) && FLAG_NAME_PARAMETER.test(parameter.name.text) ? [parameter.name.text] : []));
        if (names.length > 0) inScope = new Set([...flagParameters, ...names]);
      }
      // A function the workspace declares whose whole name says it reads one feature flag and whose first parameter is
      // named for a flag, where it decides what nothing here can follow (`isFeatureFlagEnabled(flagKey, context)`, which
      // calls a checker the server registers at run time): the function itself.
      const declared = ts.isFunctionDeclaration(node) && node.name !== undefined ? { name: node.name.text, signature: node as ts.SignatureDeclaration }
        : ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined && (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
          ? { name: node.name.text, signature: node.initializer as ts.SignatureDeclaration } : undefined;
      const [first] = declared?.signature.parameters ?? [];
      if (declared !== undefined && first !== undefined && ts.isIdentifier(first.name) && FLAG_NAME_PARAMETER.test(first.name.text) && holdsName(first) && FLAG_FUNCTION_NAME.test(declared.name)) {
        add(declared.name, node, `its whole name says it reads one feature flag, and its first parameter, \`${first.name.text}\`, is named for the flag`, true);
      } else if (declared !== undefined && first !== undefined && ts.isIdentifier(first.name) && FEATURE_KEY_PARAMETER.test(first.name.text) && holdsRecordKey(first, declared.signature) && FEATURE_TEST_NAME.test(declared.name)) {
        add(declared.name, node, `its whole name says it tests whether one feature is on, and its first parameter, \`${first.name.text}\`, is a key of the record it reads`, true);
      }
      if (ts.isCallExpression(node) && inScope.size > 0) {
        const name = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : undefined;
        const [given] = node.arguments;
        if (name !== undefined && FLAG_READER_NAME.test(name) && given !== undefined && ts.isIdentifier(given) && inScope.has(given.text)) {
          add(name, node, `its name says it reads one flag, and it is given \`${given.text}\`, a parameter named for a flag`);
        }
      }
      ts.forEachChild(node, (child) => visit(child, inScope));
    };
    visit(sourceFile, new Set());
  }
  return [...found.values()];
}

/**
 * The evaluating methods a file calls, with an argument, on the names it gives a service of class `local`: a parameter
 * or property declared with it (`private readonly featureToggleService: FeatureToggleService`), or given it by injection
 * (`featureService = inject(FeatureToggleService)`).
 */
function serviceCalls(text: string, local: string): Array<{ receiver: string; method: string }> {
  const escaped = escapeRegex(local);
  const receivers = new Set<string>();
  for (const match of text.matchAll(new RegExp(`([\\w$]+)\\s*[?!]?\\s*:\\s*${escaped}\\b(?!\\s*[.<\\[])|([\\w$]+)\\s*=\\s*inject\\s*\\(\\s*${escaped}\\s*\\)`, 'g'))) {
    receivers.add(match[1] ?? match[2]);
  }
  const calls: Array<{ receiver: string; method: string }> = [];
  for (const receiver of receivers) {
    const seen = new Set<string>();
    for (const match of text.matchAll(new RegExp(`\\b${escapeRegex(receiver)}\\s*\\.\\s*([\\w$]+)\\s*(?:<[^()]*?>\\s*)?\\(\\s*[^)\\s]`, 'g'))) {
      const method = match[1];
      if (seen.has(method) || !EVALUATING_METHOD.test(method) || saysNotEvaluating(method)) continue;
      seen.add(method);
      calls.push({ receiver, method });
    }
  }
  return calls;
}

// A parameter that holds a flag's name: `flagName`, `featureKey`, `flag`, or in such a class plainly `name`.
const FLAG_PARAMETER = /^(?:(?:flag|feature|toggle)(?:Name|Key|Id)?|name|key)$/i;

// What a flag's value is declared as: a boolean, a number or a text, or nothing (also a promise, an observable or a signal of one).
const PRIMITIVE_RETURN = /^(?:(?:Promise|Observable|Signal)<\s*)?(?:boolean|number|string)(?:\s*\|\s*(?:null|undefined))?\s*>?$/;

/**
 * The methods of the workspace's own classes whose whole name says they serve feature flags, `class FeatureFlags {
 * static getBoolean = (flagName: string): boolean => … }`, as patterns on the class (`FeatureFlags.getBoolean`), or, for
 * a method of the instance, on the module's constant made of it (`featureFlagsManager.isFeatureEnabled` after `export const
 * featureFlagsManager = new FeatureFlagsManager(…)`): the method asks a value, takes the flag's name first and is declared
 * to give a boolean, a number or a text. Such a class keeps its flags registered at run time, or merges them from
 * cookies and settings, not in a list a registry could be read from.
 */
export function flagServiceMethods(root: string, trees: SourceTrees): DiscoveredWrapper[] {
  const found: DiscoveredWrapper[] = [];
  for (const source of trees.sources) {
    if (!source.text.includes('class Feature')) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    for (const statement of sourceFile.statements) {
      if (!ts.isClassDeclaration(statement) || statement.name === undefined || !FLAG_SERVICE_NAME.test(statement.name.text)) continue;
      const className = statement.name.text;
      // The module's constants made of it, and for a class that is injected (Angular's `@Injectable()`), what holds it.
      const instances = [...instancesOf(sourceFile, statement), ...(decoratorCall(statement, 'Injectable') !== undefined ? holdersOf(className, trees) : [])];
      // A class the module exports whole is named by each importer as it likes (`const featureToggle = require('app/utils/FeatureToggle')`).
      const statics = [className, ...(exportsWhole(sourceFile, className) ? [...namesGivenModule(source.file, trees, { requires: true })].filter((name) => name !== className) : [])];
      for (const member of statement.members) {
        if (member.name === undefined || !ts.isIdentifier(member.name)) continue;
        const receivers = hasModifier(member, ts.SyntaxKind.StaticKeyword) ? statics : instances;
        const method = member.name.text;
        const signature = ts.isMethodDeclaration(member) ? member
          : ts.isPropertyDeclaration(member) && member.initializer !== undefined && (ts.isArrowFunction(member.initializer) || ts.isFunctionExpression(member.initializer)) ? member.initializer : undefined;
        // The flag's name comes first, or after the record of flags it is read from (`static isEnabled(featureToggles, key)`).
        // Or in a property of the first argument, its options (`isFeatureFlagEnabled({ name = '', params = {} })`).
        const parameters = signature?.parameters ?? [];
        const keyNames = parameters.map(keyNameOf);
        const keyAt = keyNames.findIndex((name) => name !== undefined);
        const key = keyNames[keyAt];
        if (signature === undefined || key === undefined || !parameters.slice(0, keyAt).every(isRecordOfFlags)) continue;
        if (!EVALUATING_METHOD.test(method) || saysNotEvaluating(method)) continue;
        const gives = signature.type === undefined ? (givesBoolean(signature) || ASKS_YES_OR_NO.test(method) ? 'a boolean' : undefined) : signature.type.getText(sourceFile);
        if (gives === undefined || !(signature.type === undefined || PRIMITIVE_RETURN.test(gives))) continue;
        for (const receiver of receivers) {
          found.push({
            pattern: { callee: `${receiver}.${method}`, keyArg: keyAt, ...(key.property ? { keyPath: [key.name] } : {}) },
            at: { file, line: sourceFile.getLineAndCharacterOfPosition(member.getStart(sourceFile)).line + 1 },
            reason: `a ${statics.includes(receiver) ? `static method${receiver === className ? '' : ` (the class imported as ${receiver})`}` : `method of ${receiver}, an instance`} of ${className}, a class whose name says it serves feature flags, that takes the flag's name (${key.property ? `its options' ${key.name}` : key.name}) and gives ${gives}`,
            evidence: 'named',
            level: 1,
          });
        }
      }
    }
  }
  return found;
}

// A method whose whole name asks whether a flag is on gives a yes or a no, declared or not (`async isFeatureFlagEnabled(…) {
// return (await http.get(url)).value; }`).
const ASKS_YES_OR_NO = /^(?:is|has|check)[A-Z]\w*(?:Enabled|On|Active)$/;

/**
 * Where a parameter holds the flag's name: itself, named for it (`flagName`, `key`), or a property of the options it
 * destructures (`{ name = '', params = {} }`).
 */
function keyNameOf(parameter: ts.ParameterDeclaration): { name: string; property: boolean } | undefined {
  if (ts.isIdentifier(parameter.name)) return FLAG_PARAMETER.test(parameter.name.text) ? { name: parameter.name.text, property: false } : undefined;
  if (!ts.isObjectBindingPattern(parameter.name)) return undefined;
  for (const element of parameter.name.elements) {
    const property = element.propertyName ?? element.name;
    if (element.dotDotDotToken === undefined && ts.isIdentifier(property) && FLAG_PARAMETER.test(property.text)) return { name: property.text, property: true };
  }
  return undefined;
}

/** True when the module gives the class as its whole export: `module.exports = FeatureToggle`, `export default FeatureToggle`. */
function exportsWhole(sourceFile: ts.SourceFile, className: string): boolean {
  return sourceFile.statements.some((statement) => (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression) && statement.expression.text === className)
    || (ts.isClassDeclaration(statement) && statement.name?.text === className && hasModifier(statement, ts.SyntaxKind.DefaultKeyword))
    || (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.getText(sourceFile).replace(/\s+/g, '') === `module.exports=${className}`));
}

/** A parameter that holds the flags a method reads one of by name: named for several flags (`featureToggles`, `flags`). */
function isRecordOfFlags(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && /^(?:feature)?(?:flags|toggles|features)$/i.test(parameter.name.text);
}

/**
 * True when a method declared with no type gives a boolean: it gives `true` or `false` somewhere, and nothing that is
 * surely something else (an object, a list, a text, a number, `this`). `isFeatureEnabled(key) { if (has(this.config, key))
 * return get(this.config, key, false); return false; }` gives one; `getFeature(name) { return this.features[name] ?? null; }` may not.
 */
function givesBoolean(signature: ts.SignatureDeclaration): boolean {
  const isBooleanLiteral = (node: ts.Expression): boolean => node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword;
  const isOtherValue = (node: ts.Expression): boolean => ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node) || ts.isStringLiteralLike(node)
    || ts.isTemplateExpression(node) || ts.isNumericLiteral(node) || node.kind === ts.SyntaxKind.ThisKeyword || node.kind === ts.SyntaxKind.NullKeyword;
  const values = ownReturns(signature).map((node) => (ts.isParenthesizedExpression(node) ? node.expression : node));
  return values.some(isBooleanLiteral) && !values.some(isOtherValue);
}

/**
 * The module's constants made of the class: `export const featureFlagsManager = new FeatureFlagsManager(flags)`, or by a
 * static method of it declared to give one, `export const featureFlagService = FeatureFlagService.create()`.
 */
function instancesOf(sourceFile: ts.SourceFile, declaration: ts.ClassDeclaration): string[] {
  const className = declaration.name?.text;
  const factories = new Set(declaration.members.flatMap((member) => (ts.isMethodDeclaration(member) && ts.isIdentifier(member.name)
    && hasModifier(member, ts.SyntaxKind.StaticKeyword) && member.type !== undefined && ts.isTypeReferenceNode(member.type)
    && ts.isIdentifier(member.type.typeName) && member.type.typeName.text === className ? [member.name.text] : [])));
  const makes = (value: ts.Expression): boolean => (ts.isNewExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === className)
    || (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && ts.isIdentifier(value.expression.expression)
      && value.expression.expression.text === className && factories.has(value.expression.name.text));
  const names: string[] = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const variable of statement.declarationList.declarations) {
      if (ts.isIdentifier(variable.name) && variable.initializer !== undefined && makes(variable.initializer)) names.push(variable.name.text);
    }
  }
  return names;
}

// A hook, or a store's, whose whole name says it gives the workspace's feature flags: `useFeatureFlags`, `useFeatureToggles`,
// `useFeatureFlagsStore`; not one named for a single flag, nor one with more in its name.
const FLAG_HOOK_NAME = /^(?:use|get)Feature(?:Flag|Toggle)s(?:Store)?$/;
const FLAG_HOOK_TEXT = /\b(?:use|get)Feature(?:Flag|Toggle)s(?:Store)?\b/;

/**
 * The evaluating methods of what a function whose whole name says it gives the feature flags gives back, as patterns on the
 * names the workspace keeps its result under: `featureFlags.isEnabled('forum')` after `const featureFlags =
 * useFeatureFlags()`, where `useFeatureFlags` gives `{ isEnabled(flag: string) { … } }`, or is a Pinia store whose getter
 * gives the test, `defineStore('featureFlags', { getters: { isEnabled(state) { return (flagName: string) => … } } })`.
 * Such a method asks a value (`isEnabled`, `getValue`) and takes the flag's name first. The flags themselves are fetched
 * at run time (Nuxt's composables are not even imported), so the names at both ends are the evidence.
 */
export function flagHookMethods(root: string, trees: SourceTrees): DiscoveredWrapper[] {
  const hooks = new Map<string, { methods: Map<string, string>; at: DiscoveredAt }>();
  for (const source of trees.sources) {
    if (!source.text.includes('Feature') || !FLAG_HOOK_TEXT.test(source.text)) continue;
    const file = posix.relative(root, source.file);
    if (isTestFile(file)) continue;
    const sourceFile = trees.tree(source);
    const visit = (node: ts.Node): void => {
      const declared = ts.isFunctionDeclaration(node) && node.name !== undefined ? { name: node.name.text, value: node as ts.Node }
        : ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined ? { name: node.name.text, value: node.initializer as ts.Node } : undefined;
      if (declared !== undefined && FLAG_HOOK_NAME.test(declared.name) && !hooks.has(declared.name)) {
        const methods = evaluatingMethods(givenObjects(declared.value));
        if (methods.size > 0) hooks.set(declared.name, { methods, at: { file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 } });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  const found: DiscoveredWrapper[] = [];
  for (const [hook, { methods, at }] of hooks) {
    const holders = new Set<string>();
    const held = new RegExp(`\\b(?:const|let|var)\\s+([\\w$]+)\\s*=\\s*(?:await\\s+)?${escapeRegex(hook)}\\s*\\(`, 'g');
    for (const source of trees.sources) {
      if (!source.text.includes(hook) || isTestFile(posix.relative(root, source.file))) continue;
      for (const match of source.text.matchAll(held)) holders.add(match[1]);
    }
    for (const holder of holders) {
      for (const [method, parameter] of methods) {
        found.push({
          pattern: { callee: `${holder}.${method}`, keyArg: 0 }, at, evidence: 'named', level: 1,
          reason: `a method of what ${hook}() gives (kept as ${holder}), a function whose whole name says it gives the feature flags, that takes the flag's name (${parameter})`,
        });
      }
    }
  }
  return found;
}

/**
 * The objects a hook or store gives: those its own returns give back (a function, or the setup function of a Pinia store),
 * and a Pinia store's getters and actions (`defineStore(id, { getters: { … } })`).
 */
function givenObjects(value: ts.Node): ts.ObjectLiteralExpression[] {
  let inner = value;
  if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'defineStore') {
    const options = inner.arguments[1] as ts.Expression | undefined;
    if (options === undefined) return [];
    if (ts.isObjectLiteralExpression(options)) {
      return options.properties.flatMap((property) => (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && ['getters', 'actions'].includes(property.name.text)
        && ts.isObjectLiteralExpression(property.initializer) ? [property.initializer] : []));
    }
    inner = options;
  }
  return ts.isFunctionLike(inner) ? returnedObjects(inner) : [];
}

/** The evaluating methods of `objects` that take a flag's name first, each with that parameter's name. */
function evaluatingMethods(objects: readonly ts.ObjectLiteralExpression[]): Map<string, string> {
  const methods = new Map<string, string>();
  for (const object of objects) {
    for (const property of object.properties) {
      if (property.name === undefined || !ts.isIdentifier(property.name)) continue;
      const method = property.name.text;
      if (!EVALUATING_METHOD.test(method) || saysNotEvaluating(method)) continue;
      const parameter = flagNameParameter(signatureOf(property));
      if (parameter !== undefined) methods.set(method, parameter);
    }
  }
  return methods;
}

/**
 * The function an object's member is: its method, or the function written as its value or declared under its name beside
 * it (`return { isEnabled }`). A Pinia getter that gives back a function (`isEnabled(state) { return (flagName) => … }`) is
 * called as that function.
 */
function signatureOf(property: ts.ObjectLiteralElementLike): ts.SignatureDeclaration | undefined {
  const asFunction = (node: ts.Node | undefined): ts.SignatureDeclaration | undefined => (node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) ? node : undefined);
  let signature = ts.isMethodDeclaration(property) ? property
    : ts.isPropertyAssignment(property) ? asFunction(property.initializer)
      : ts.isShorthandPropertyAssignment(property) ? localFunction(property) : undefined;
  const returns = signature === undefined ? [] : ownReturns(signature);
  const given = returns.length === 1 ? asFunction(returns[0]) : undefined;
  if (given !== undefined) signature = given;
  return signature;
}

/** The function declared in the enclosing block under the name a shorthand member gives back (`const isEnabled = (flag) => …`). */
function localFunction(property: ts.ShorthandPropertyAssignment): ts.SignatureDeclaration | undefined {
  let block: ts.Node | undefined = property.parent;
  while (block !== undefined && !ts.isBlock(block)) block = block.parent;
  for (const statement of block === undefined ? [] : (block as ts.Block).statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === property.name.text) return statement;
    if (!ts.isVariableStatement(statement)) continue;
    for (const variable of statement.declarationList.declarations) {
      const value = variable.initializer;
      if (ts.isIdentifier(variable.name) && variable.name.text === property.name.text && value !== undefined && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) return value;
    }
  }
  return undefined;
}

/** The name of a function's first parameter when it holds a flag's name (see FLAG_PARAMETER), declared a text or not declared. */
function flagNameParameter(signature: ts.SignatureDeclaration | undefined): string | undefined {
  const [first] = signature?.parameters ?? [];
  if (first === undefined || !ts.isIdentifier(first.name) || !FLAG_PARAMETER.test(first.name.text)) return undefined;
  return first.type === undefined || first.type.kind === ts.SyntaxKind.StringKeyword ? first.name.text : undefined;
}
