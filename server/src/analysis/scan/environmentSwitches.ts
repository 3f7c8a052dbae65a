// Environment switches: a team without a flag backend turns a feature on with an environment variable, read once into
// a named boolean, `export const isDevFeaturesEnabled = !isProduction || yes(getEnv('DEV_FEATURES_ENABLED'))`, a
// class's `readonly isDevFeaturesEnabled = …` or an object's `FEATURE: { ENABLE_SSO: env.FEATURE_ENABLE_SSO == 'true' }`,
// and the code reads that name wherever the feature is gated. Each read is a check whose key is the variable's name.
//
// The evidence is in the declaration, not in a name: the initializer reads exactly one environment variable whose name
// has FEATURE(S) or FLAG(S) as a word, and gives a boolean made of it. A class's or object's property is read on any
// object (`EnvSet.values.x`, `Config.getConfig().FEATURE.ENABLE_SSO`), found by its name alone, so its name, or the name
// of its object or class, must say feature or flag too. A module's constant is read where it is declared or imported
// by that name. The declaration itself is no check: it is where the switch is set, not where it gates.
//
// A module keeps flag checks' values in an object the same way (`gauzyToggleFeatures: { FEATURE_X: isFeatureEnabled('FEATURE_X') }`,
// see storedChecks.ts): the object is a bag of flags, whose every property read is a check of its flag, found here under
// the same rules of names and receivers. There the evidence is the check. A constant holding one check's value
// (`export const enablePdfCaching = isFlagEnabled('pdf-caching-mode')`) is that check's result, not a bag: its reads are
// not checks again, as a local's are not.

import { ts } from 'ts-morph';
import type { DeclaredSwitch, PatternSet } from '../patterns';
import { mayDeclareEnvironmentSwitch, mayDeclareFlagSelectors, mayDeclareSettingsFlags, mayHardCodeFlags } from '../prefilter';
import { wholeNamesRegex } from '../regex';
import type { FlagCheck } from '../types';
import { lookupBinding } from './bindings';
import { awaitingEvidence } from './completeChecks';
import { isWrittenAccess } from './bagReads';
import { dependencyListOf } from './dependencyLists';
import { mentionsFlagFunction } from './flagFunctions';
import { unwrap } from './values';
import type { CompletedChecks } from './completeChecks';
import { hasModifier } from './exports';
import { booleanFunctionsOf, flagFunctionsOf, flagGettersOf, flagMembersOf, hardCodedSwitch } from './flagsSetInCode';
import { storedChecksOf } from './storedChecks';
import { MEMBER_NAME, readsSwitch } from './switchReceivers';
import { toggleFunctionsOf } from './toggleFunctions';
import { flagSelectorOf } from './flagSelectors';
import { flagStoresOf, storeReaderCall, storeSetFrom, subscribedStore } from './flagStores';
import {
  copiesVariable, environmentVariableOf, featureTestOf, featureSettingName, lastNameOf, switchAtSettingPath, switchedBy, switchReadInPlace, textMadeBoolean, textSwitchedBy,
} from './settingReads';
import { switchNamedIn } from './switchNames';
import type { FileScan, ScanState, SwitchDeclaration } from './types';

const {
  NodeFlags, SyntaxKind, forEachChild, isCallExpression, isClassLike, isIdentifier, isImportDeclaration, isNamedImports, isObjectBindingPattern,
  isPropertyAccessExpression, isPropertyDeclaration, isShorthandPropertyAssignment, isStringLiteralLike, isTypeNode, isVariableDeclaration,
  isVariableStatement, isExportDeclaration, isObjectLiteralExpression, isPropertyAssignment, isFunctionDeclaration, isNamespaceImport,
} = ts;

/** True when the text names one of the switches other files declare, as a whole word. */
export function mentionsEnvironmentSwitch(text: string, patterns: PatternSet): boolean {
  const switches = patterns.environmentSwitches;
  if (switches === undefined || switches.length === 0) return false;
  return wholeNamesRegex(switches, () => switches.map((declared) => declared.name)).test(text);
}

/** True when the text names a flag function or an environment switch that another file declares: its scan must be whole. */
export function namesDeclaredFlag(text: string, patterns: PatternSet): boolean {
  return mentionsFlagFunction(text, patterns) || mentionsEnvironmentSwitch(text, patterns);
}

/**
 * The switches the scans declare, one per name and kind; a name declared with two different variables (or flags) is left
 * out (its reads are not found by name alone). A stored check's key that is imported is resolved by `resolvedKey`,
 * given the declaring file and where the check's call starts; without one, or when it cannot, the switch is left out.
 */
export function environmentSwitchesOf(
  scans: Iterable<[string, FileScan | null | undefined]>, resolvedKey?: (file: string, start: number) => string | undefined,
): DeclaredSwitch[] {
  const byName = new Map<string, DeclaredSwitch | null>();
  for (const [file, scan] of scans) {
    // Nearly no file declares one: no entries made for the others.
    if (scan?.switches === undefined) continue;
    for (const [name, declared] of Object.entries(scan.switches)) {
      const key = declared.check === undefined || declared.check.resolved ? declared.key : resolvedKey?.(file, declared.check.start);
      if (key === undefined) continue;
      const declaration = key === declared.key ? declared : { ...declared, key };
      const id = `${declaration.member ? '.' : ''}${name}`;
      const known = byName.get(id);
      if (known === undefined) byName.set(id, { name, ...declaration, file });
      else if (known !== null && known.key !== declaration.key) byName.set(id, null);
    }
  }
  return [...byName.values()].filter((declared): declared is DeclaredSwitch => declared !== null).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Number(a.member) - Number(b.member)));
}

/** `patterns` with `switches` known: a file that mentions one is scanned whole, and its reads are checks. */
export function withEnvironmentSwitches(patterns: PatternSet, switches: readonly DeclaredSwitch[]): PatternSet {
  if (switches.length === 0 && patterns.environmentSwitches === undefined) return patterns;
  return { ...patterns, environmentSwitches: switches };
}

/** A selector of one flag as a switch's declaration (see flagSelectors.ts): each read of its name is a check of that flag. */
function selectorSwitch(initializer: ts.Expression): Pick<SwitchDeclaration, 'key' | 'selector'> | undefined {
  const selected = flagSelectorOf(initializer);
  return selected === undefined ? undefined : { key: selected.key, selector: selected.from };
}

/**
 * True when a module's object holds switches by most of its members, two or more (`const config = { COOKIE_BANNER:
 * process.env.NEXT_PUBLIC_FEATURE_COOKIE_BANNER === 'true', … }`), whatever it is called: each member is then where its
 * switch is set, and the switch is read where the member is, through that object (`config.COOKIE_BANNER`).
 */
function holdsSwitches(object: ts.ObjectLiteralExpression, declaredBy: (initializer: ts.Expression, name: string) => unknown): boolean {
  let switches = 0;
  for (const property of object.properties) if (isPropertyAssignment(property) && isIdentifier(property.name) && declaredBy(property.initializer, property.name.text) !== undefined) switches++;
  return switches >= 2 && switches * 2 >= object.properties.length;
}

/** What the pass found: the checks of the switches' reads, and the switches the file declares. */
export interface SwitchScan {
  readonly checks: FlagCheck[];
  readonly switches?: Record<string, SwitchDeclaration>;
}

/**
 * The switches a file declares and the reads of any switch known; undefined when the text can hold neither. `found` is
 * the file's checks, for the values it stores from them.
 */
export function scanEnvironmentSwitches(state: ScanState, patterns: PatternSet, found: Pick<CompletedChecks, 'checks' | 'importedKeys' | 'evidenceImports'>): SwitchScan | undefined {
  const stored = storedChecksOf(state, found);
  const hardCodes = mayHardCodeFlags(state.sourceFile.fileName, state.text);
  // A module of settings may give out toggles by its shape (see toggleFunctions.ts, `flagMembersOf`).
  const settingsModule = !hardCodes && mayDeclareSettingsFlags(state.sourceFile.fileName, state.text);
  const declares = stored !== undefined || hardCodes || settingsModule || mayDeclareEnvironmentSwitch(state.text) || mayDeclareFlagSelectors(state.text);
  if (!declares && !mentionsEnvironmentSwitch(state.text, patterns)) return undefined;
  const { sourceFile } = state;
  // A declaration set from a variable, or else storing a check's value.
  // A module of flags' functions declared to give a boolean make one of what they are given, as `isTruthy` does.
  const booleanFunctions = hardCodes ? booleanFunctionsOf(sourceFile) : new Set<string>();
  const flagsModule = hardCodes ? { booleanFunctions } : undefined;
  const declaredBy = (initializer: ts.Expression, name: string, exported = false): Pick<SwitchDeclaration, 'key' | 'check' | 'selector'> | undefined => {
    const variable = switchedBy(initializer, name, exported ? flagsModule : undefined);
    if (variable !== undefined) return { key: variable };
    const check = stored?.get(initializer);
    return check === undefined ? undefined : { key: check.key, check: check.storing, ...(check.selector === undefined ? {} : { selector: check.selector }) };
  };
  const switches: Record<string, SwitchDeclaration> = {};
  const constants = new Map<string, DeclaredSwitch>();
  const members = new Map<string, DeclaredSwitch>();
  for (const declared of patterns.environmentSwitches ?? []) (declared.member ? members : constants).set(declared.name, declared);
  const own = (name: string, declaration: SwitchDeclaration): DeclaredSwitch => ({ name, ...declaration, file: sourceFile.fileName });

  // Module constants: declared here, or imported by name (`import { isDevFeaturesEnabled as dev } from '@/consts/env'`).
  const localConstants = new Map<string, { declared: DeclaredSwitch; imported?: string }>();
  // Modules imported whole (`import * as config from '../config'`), through which another module's constant is read
  // (`config.FEATURE_FLAG_X`): each local name, with its specifier. Also a module's namespace given on under its file's
  // name (`export { selectors }` of `import * as selectors from './selectors'`) and imported by that name (`import {
  // selectors as featureFlagSelectors }`): the constants read through it are then only those of a file of that name.
  const namespaces = new Map<string, { specifier: string; file?: string }>();
  // What is passed over: where a switch is set is no read of one (`yes(localStorage.getItem(storageKeys.isDevFeaturesEnabled))`
  // names a storage key), and a hook's dependency list reads none either.
  const settings = new Set<ts.Node>();
  // A flag set in code as a member of `owner` (a getter of its class, or a member of an object of flags), its declaration
  // set aside as where the flag is set.
  const addMember = (owner: string, nameNode: ts.Identifier, inCode: NonNullable<SwitchDeclaration['inCode']>, member: ts.Node, ownerOnly: boolean): void => {
    const name = nameNode.text;
    const declared: SwitchDeclaration = {
      key: name, inCode, member: true, ...(MEMBER_NAME.test(name) ? {} : { byObject: true as const }), ...(ownerOnly ? { ownerOnly } : {}), owner, line: lineOf(state, member),
    };
    switches[name] = declared;
    settings.add(member);
    if (!members.has(name)) members.set(name, own(name, declared));
  };
  // Objects and classes named for flags, whose properties set from a variable are switches whatever their names.
  const switchObjects = new Set<ts.Node>();
  // The name each object literal is held under (`environment` in `const environment = { … }`), a property's owner.
  const objectNames = new Map<ts.Node, string>();
  // Module objects known for switches by their members, not their name (see `holdsSwitches`): read through themselves alone.
  const switchesByMembers = new Map<ts.Node, string>();
  // The module's flag functions, exported or not (an export may be another name for one), when it is a module of flags.
  const flagFunctions = hardCodes ? flagFunctionsOf(sourceFile) : new Set<string>();
  // Functions that give an environment variable as a boolean, by the variable they give.
  const toggles = hardCodes || settingsModule ? toggleFunctionsOf(sourceFile, hardCodes) : new Map<string, string>();
  // A check kept only if another module's evidence holds (a preset's `getValue` on the app's own store) may go.
  const pending = awaitingEvidence(found.evidenceImports);
  const checkedCalls = new Set(found.checks.filter((_, index) => !pending.has(index)).map((check) => `${check.callSpan.start}:${check.callSpan.end}`));
  const stores = hardCodes ? flagStoresOf(sourceFile, (call) => checkedCalls.has(`${call.getStart(sourceFile)}:${call.end}`)) : undefined;
  for (const statement of sourceFile.statements) {
    if (declares && isVariableStatement(statement) && (statement.declarationList.flags & NodeFlags.BlockScoped) === NodeFlags.Const) {
      for (const declaration of statement.declarationList.declarations) {
        const giver = flagStoresGiver(declaration, statement);
        if (giver !== undefined && isObjectBindingPattern(declaration.name)) {
          // `export const { ENABLE_X, DISABLE_Y } = featureFlagsStore`: each name a store of the flag of its property's name.
          for (const element of declaration.name.elements) {
            const property = element.propertyName ?? element.name;
            if (element.dotDotDotToken !== undefined || !isIdentifier(element.name) || !isIdentifier(property)) continue;
            const declared: SwitchDeclaration = { key: property.text, member: false, store: { factory: giver, valueType: 'unknown' }, givenBy: giver, line: lineOf(state, element.name) };
            switches[element.name.text] = declared;
            localConstants.set(element.name.text, { declared: own(element.name.text, declared) });
          }
          continue;
        }
        if (!isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
        const exportedHere = hasModifier(statement, SyntaxKind.ExportKeyword);
        const exported = hardCodes && exportedHere;
        const textOf = textSwitchedBy(declaration.initializer);
        const toggle = toggles.get(declaration.name.text);
        const setting = (toggle === undefined ? undefined : { key: toggle })
          ?? declaredBy(declaration.initializer, declaration.name.text, exported)
          ?? (textOf === undefined ? undefined : { key: textOf, text: true as const })
          ?? (exported ? hardCodedSwitch(declaration, flagFunctions, booleanFunctions) : undefined)
          ?? selectorSwitch(declaration.initializer)
          ?? stores?.get(declaration.name.text);
        if (setting === undefined) {
          // The one instance of a class of flag getters (`export const testFlags = new TestFlags()`): each getter is a flag set
          // in code; so is each member of an object named for flags written as a boolean or giving a flag function's value,
          // read through that object alone.
          const owner = declaration.name.text;
          for (const getter of exported ? flagGettersOf(sourceFile, declaration, found.checks) : []) addMember(owner, getter.name as ts.Identifier, 'getter', getter, false);
          if (exportedHere && (hardCodes || settingsModule) && MEMBER_NAME.test(owner)) {
            for (const { name, inCode, member } of flagMembersOf(declaration, flagFunctions, hardCodes)) addMember(owner, name, inCode, member, true);
          }
          // An object named for flags holds switches by its name already, read through any receiver of such a name.
          const object = unwrap(declaration.initializer);
          if (!MEMBER_NAME.test(owner) && isObjectLiteralExpression(object) && holdsSwitches(object, declaredBy)) {
            switchObjects.add(object);
            switchesByMembers.set(object, owner);
          }
          continue;
        }
        const declared = { ...setting, member: false, line: lineOf(state, declaration.name) };
        switches[declaration.name.text] = declared;
        settings.add(declaration.initializer);
        localConstants.set(declaration.name.text, { declared: own(declaration.name.text, declared) });
      }
    } else if (isFunctionDeclaration(statement) && statement.name !== undefined && (toggles.has(statement.name.text) || flagFunctions.has(statement.name.text)) && hasModifier(statement, SyntaxKind.ExportKeyword)) {
      const name = statement.name.text;
      // As a flag function written as a constant: one that asks for one environment switch by its name reads that switch.
      const read = toggles.get(name) ?? (statement.body === undefined ? undefined : switchNamedIn(statement.body));
      const declared: SwitchDeclaration = { key: read ?? name, ...(read === undefined ? { inCode: 'function' as const } : {}), member: false, line: lineOf(state, statement.name) };
      switches[name] = declared;
      // A body that reads the switch sets it; a flag function's body may read others.
      if (read !== undefined) settings.add(statement);
      localConstants.set(name, { declared: own(name, declared) });
    } else if (isImportDeclaration(statement) && isStringLiteralLike(statement.moduleSpecifier) && statement.importClause?.isTypeOnly !== true) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings !== undefined && isNamespaceImport(bindings)) namespaces.set(bindings.name.text, { specifier: statement.moduleSpecifier.text });
      if (bindings === undefined || !isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        const declared = constants.get(imported);
        if (element.isTypeOnly) continue;
        if (declared !== undefined) localConstants.set(element.name.text, { declared, imported: statement.moduleSpecifier.text });
        else if (switchFileStems(patterns).has(imported)) namespaces.set(element.name.text, { specifier: statement.moduleSpecifier.text, file: imported });
      }
    }
  }

  const checks: FlagCheck[] = [];
  // A settings getter whose key is a parameter named for a feature, or whose key's path names a feature by a parameter,
  // `(feature) => config.get(\`feature.${feature}\`)`: a check each caller names the switch of, which makes the function a wrapper.
  const dynamicSettingRead = (node: ts.Node): FlagCheck | undefined => {
    const name = featureSettingName(node);
    if (name === undefined || lookupBinding(state, name.text, name.getStart(sourceFile))?.parameter === undefined) return undefined;
    const start = node.getStart(sourceFile);
    const typed = isCallExpression(node) && node.typeArguments?.length === 1 && node.typeArguments[0].kind === SyntaxKind.BooleanKeyword;
    return {
      key: name.text, resolved: false, dynamic: true, keySpan: { start: name.getStart(sourceFile), end: name.end }, keyIsLiteral: false,
      callSpan: { start, end: node.end }, sdk: 'custom', method: state.text.slice(start, node.end).replace(/\s+/g, ''),
      valueType: typed ? 'boolean' : 'unknown', negate: false,
      evidence: isCallExpression(node) && node.arguments[0] === name
        ? `reads the setting the parameter \`${name.text}\` names`
        : `reads a setting under a feature's path, named by the parameter \`${name.text}\``,
    };
  };
  const place = (declared: DeclaredSwitch): string => `${declared.file.slice(declared.file.lastIndexOf('/') + 1)}:${declared.line}`;
  const read = (nameNode: ts.Node, whole: ts.Node, declared: DeclaredSwitch, what: string): void => {
    const start = nameNode.getStart(sourceFile);
    const wholeStart = whole.getStart(sourceFile);
    const storing = declared.check;
    const where = declared.file === sourceFile.fileName ? `on line ${declared.line}` : `(${place(declared)})`;
    const evidence = declared.storeSet === true
      ? `${what} reads a store set from the environment variable ${declared.key} ${where}`
      : declared.givenBy !== undefined
      ? `${what} reads the store of the flag ${declared.key} that ${declared.givenBy} gives out ${where}`
      : declared.selector !== undefined
      ? `${what} is a selector of the flag ${declared.key} from ${declared.selector} ${where}`
      : declared.store !== undefined
      ? `${what} reads a flag store that ${declared.store.factory}() keeps under '${declared.key}' ${where}, in a module of flags`
      : declared.inCode === 'function'
      ? `${what} is a flag function ${where}, in a module of flags: a function of no arguments that gives a boolean`
      : declared.inCode === 'getter'
      ? `${what} is a flag getter of ${declared.owner ?? 'an object'} ${where}, in a module of flags: a getter that gives a boolean`
      : declared.inCode !== undefined && declared.owner !== undefined
      ? `${what} is a flag of ${declared.owner} set in code${declared.inCode === 'expression' ? '' : ` to ${declared.inCode}`} ${where}`
      : declared.inCode !== undefined
      ? `${what} is a flag set in code to ${declared.inCode} ${where}, in a module of flags`
      : declared.inStorage !== undefined
      ? `${what} is a switch read from the browser's ${declared.inStorage} under '${declared.key}' ${where}, in a module of flags`
      : declared.text === true
      ? `${what} is an environment switch held as text, set from the environment variable ${declared.key} ${where}, and made a boolean here`
      : storing === undefined
      ? `${what} is an environment switch, set from the environment variable ${declared.key} ${where}`
      : `${what} holds the value of the check ${storing.method}('${declared.key}') ${declared.file === sourceFile.fileName ? `on line ${declared.line}` : `at ${place(declared)}`}`;
    checks.push({
      key: declared.key, resolved: true, keySpan: { start, end: nameNode.end }, keyIsLiteral: false,
      callSpan: { start: wholeStart, end: whole.end }, sdk: storing?.sdk ?? 'custom',
      method: state.text.slice(wholeStart, whole.end).replace(/\s+/g, ''), valueType: declared.store?.valueType ?? storing?.valueType ?? 'boolean', negate: false, evidence,
      ...(declared.selector === undefined && (storing === undefined || storing.environmentSwitch === true) ? { environmentSwitch: true as const } : {}),
      ...(declared.selector !== undefined ? { bySelector: state.text.slice(nameNode.getStart(sourceFile), nameNode.end) } : {}),
      ...(declared.inCode !== undefined ? { setInCode: true as const } : {}),
      ...(declared.inStorage !== undefined ? { setInStorage: declared.inStorage } : {}),
      ...(declared.store !== undefined && declared.storeSet !== true ? { heldInStore: declared.store.factory } : {}),
      ...(storing === undefined ? {} : { storedFrom: place(declared) }),
    });
  };

  // A module's constant read through a namespace imported here (`config.FEATURE_FLAG_X`), of a file of the namespace's
  // name when it is given on under it.
  const namespacedConstant = (node: ts.PropertyAccessExpression): { declared: DeclaredSwitch; specifier: string; local: string } | undefined => {
    const local = isIdentifier(node.expression) ? node.expression.text : undefined;
    const namespace = local === undefined ? undefined : namespaces.get(local);
    const declared = namespace === undefined ? undefined : constants.get(node.name.text);
    if (local === undefined || namespace === undefined || declared === undefined || (namespace.file !== undefined && fileStem(declared.file) !== namespace.file)) return undefined;
    return { declared, specifier: namespace.specifier, local };
  };

  // A module constant's read: the name itself, or for a flag store, a read of its value (Svelte's `$name`, `get(name)`).
  const constantRead = (node: ts.Identifier, parent: ts.Node): { name: string; local: { declared: DeclaredSwitch; imported?: string }; whole: ts.Node } | undefined => {
    const subscribed = subscribedStore(node, sourceFile);
    const name = subscribed ?? node.text;
    const local = localConstants.get(name);
    if (local === undefined || (subscribed !== undefined && local.declared.store === undefined)) return undefined;
    const whole = local.declared.store === undefined || subscribed !== undefined ? node : storeReaderCall(node, parent);
    return whole === undefined ? undefined : { name, local, whole };
  };

  const stack: Array<{ node: ts.Node; parent: ts.Node | undefined }> = [{ node: sourceFile, parent: undefined }];
  let constant: ReturnType<typeof constantRead>;
  let throughNamespace: { declared: DeclaredSwitch; specifier: string; local: string } | undefined;
  let atPath: { declared: DeclaredSwitch; path: ts.StringLiteralLike } | undefined;
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: ts.Node; parent: ts.Node | undefined };
    if (isImportDeclaration(node) || isExportDeclaration(node) || isTypeNode(node) || settings.has(node)) continue;
    // A hook's dependency list (`useEffect(fn, [isDevFeaturesEnabled])`) names the switch to re-run the hook; it gates nothing.
    if (isCallExpression(node)) {
      const dependencies = dependencyListOf(node);
      if (dependencies !== undefined) settings.add(dependencies);
    }
    // A store set from a switch where the app starts (`$is_feature_x_enabled = env.PUBLIC_FEATURE_X === 'true'` in a Svelte
    // layout, `is_feature_x_enabled.set(…)`) holds it: a read of the store's value (`$is_feature_x_enabled`, `get(…)`)
    // reads the switch, and the setting reads none.
    const set = declares ? storeSetFrom(node, sourceFile, declaredBy) : undefined;
    if (set !== undefined) {
      // Read as a flag store's value is (`$store`, `get(store)`), but said and cleaned up as the switch it holds.
      const declared: SwitchDeclaration = { key: set.key, member: false, store: { factory: 'set', valueType: 'boolean' }, storeSet: true, line: lineOf(state, set.at) };
      switches[set.store] = declared;
      settings.add(node);
      if (!localConstants.has(set.store)) localConstants.set(set.store, { declared: own(set.store, declared) });
      continue;
    }
    // An object of switches named for them (`FEATURE: { ENABLE_SSO: env.FEATURE_ENABLE_SSO == 'true' }`, `class FeatureFlags`),
    // and a group in one (`features: { hashVerification: { api: env.FF_HASH_VERIFICATION_API === 'true' } }`).
    if ((isPropertyAssignment(node) || isVariableDeclaration(node) || isPropertyDeclaration(node)) && node.initializer !== undefined && isObjectLiteralExpression(node.initializer) && isIdentifier(node.name)) {
      objectNames.set(node.initializer, node.name.text);
      if (MEMBER_NAME.test(node.name.text) || (parent !== undefined && switchObjects.has(parent))) switchObjects.add(node.initializer);
    }
    if (isClassLike(node) && node.name !== undefined && MEMBER_NAME.test(node.name.text)) switchObjects.add(node);
    // A switch set again from others (`FEATURE: { ...env.FEATURE, X: env.FEATURE.X && isWindows() }`) is set, not read.
    if (isPropertyAssignment(node) && isIdentifier(node.name) && members.has(node.name.text) && parent !== undefined && switchObjects.has(parent)) settings.add(node.initializer);
    // An app's configuration given a switch under the variable's own name (`mergeConfig({ FF_X: process.env.FF_X ===
    // 'true' })`) sets that setting; where the setting is read, it gates.
    if (isPropertyAssignment(node) && isIdentifier(node.name) && copiesVariable(node.initializer, node.name.text)) settings.add(node.initializer);
    if (declares && (isPropertyDeclaration(node) || isPropertyAssignment(node)) && isIdentifier(node.name) && node.initializer !== undefined && parent !== undefined
      && (isClassLike(parent) || isObjectLiteralExpression(parent)) && (MEMBER_NAME.test(node.name.text) || switchObjects.has(parent))) {
      const setting = declaredBy(node.initializer, node.name.text);
      if (setting !== undefined) {
        const owner = isClassLike(parent) ? parent.name?.text : objectNames.get(parent) ?? switchesByMembers.get(parent);
        const found: SwitchDeclaration = {
          ...setting, member: true, ...(MEMBER_NAME.test(node.name.text) ? {} : { byObject: true as const }), ...(owner === undefined ? {} : { owner }),
          ...(switchesByMembers.has(parent) ? { ownerOnly: true } : {}), line: lineOf(state, node.name),
        };
        switches[node.name.text] = found;
        settings.add(node.initializer);
        if (!members.has(node.name.text)) members.set(node.name.text, own(node.name.text, found));
      }
    } else if (isIdentifier(node) && parent !== undefined && isRead(node, parent) && (constant = constantRead(node, parent)) !== undefined) {
      const { name, local, whole } = constant;
      // A name shadowed by a local (a parameter `isDevFeaturesEnabled`) is not the module's.
      const binding = lookupBinding(state, name, node.getStart(sourceFile));
      // A switch's text gates only where it is made a boolean.
      const gate = local.declared.text === true ? textMadeBoolean(node, parent) : local.declared.selector !== undefined ? selectorGate(local.declared, whole, parent) : whole;
      if (gate !== undefined && (binding === undefined || (binding.scopeStart === sourceFile.pos && binding.scopeEnd === sourceFile.end))) {
        const how = local.imported === undefined ? '' : `, imported from ${local.imported},`;
        read(node, gate, local.declared, `\`${node.text}\`${how}`);
      }
    } else if (isPropertyAccessExpression(node) && parent !== undefined && (throughNamespace = namespacedConstant(node)) !== undefined) {
      // `config.FEATURE_FLAG_X` through `import * as config`: the module's constant, as if imported by name.
      const { declared, specifier, local } = throughNamespace;
      const gate = declared.text === true ? textMadeBoolean(node, parent) : isWrittenAccess(node, parent) ? undefined : declared.selector !== undefined ? selectorGate(declared, node, parent) : node;
      if (gate !== undefined && declared.store === undefined) read(node.name, gate, declared, `\`${local}.${node.name.text}\`, imported from ${specifier},`);
      continue;
    } else if (isPropertyAccessExpression(node) && members.has(node.name.text) && parent !== undefined && !isWrittenAccess(node, parent) && readsSwitch(node.expression, members.get(node.name.text) as DeclaredSwitch)) {
      const declared = members.get(node.name.text) as DeclaredSwitch;
      read(node.name, node, declared, `\`${node.name.text}\``);
    } else if (parent !== undefined && (atPath = switchAtSettingPath(node, members)) !== undefined) {
      // `configurationService.getOrThrow('features.ethSign')` reads the setting an app's configuration declares as the
      // switch `ethSign` of its object `features`.
      read(atPath.path, node, atPath.declared, `\`'${atPath.path.text}'\``);
    } else if (isVariableDeclaration(node) && isObjectBindingPattern(node.name) && node.initializer !== undefined) {
      // `const { isDevFeaturesEnabled } = EnvSet.values` reads it once, where it is destructured, also from a property
      // destructured in turn (`const { FEATURE: { USE_CORE_CRYPTO } } = Config.getConfig()`).
      // Each pattern with the name of what it destructures: the initializer's, or the property it is nested under.
      const bindings: Array<{ pattern: ts.ObjectBindingPattern; from: string | undefined }> = [{ pattern: node.name, from: lastNameOf(node.initializer) }];
      for (let binding = bindings.pop(); binding !== undefined; binding = bindings.pop()) {
        for (const element of binding.pattern.elements) {
          const property = element.propertyName ?? element.name;
          if (isObjectBindingPattern(element.name)) {
            bindings.push({ pattern: element.name, from: isIdentifier(property) ? property.text : undefined });
            continue;
          }
          const declared = isIdentifier(property) ? members.get(property.text) : undefined;
          if (declared === undefined || element.dotDotDotToken !== undefined) continue;
          if ((declared.byObject === true && !MEMBER_NAME.test(binding.from ?? '')) || (declared.ownerOnly === true && binding.from !== declared.owner)) continue;
          read(property, element, declared, `\`${property.getText(sourceFile)}\``);
        }
      }
    } else if (declares && parent !== undefined) {
      const dynamic = dynamicSettingRead(node);
      if (dynamic !== undefined) {
        checks.push(dynamic);
        continue;
      }
      const variable = switchReadInPlace(node, parent);
      // A call already found as a check (a team's wrapper named for settings) is that check.
      if (variable !== undefined && !checkedCalls.has(`${node.getStart(sourceFile)}:${node.end}`)) {
        const start = node.getStart(sourceFile);
        const whole = featureTestOf(node, parent) ?? node;
        const wholeStart = whole.getStart(sourceFile);
        checks.push({
          key: variable, resolved: true, keySpan: { start, end: node.end }, keyIsLiteral: false, callSpan: { start: wholeStart, end: whole.end }, sdk: 'custom',
          method: state.text.slice(wholeStart, whole.end).replace(/\s+/g, ''), valueType: 'boolean', negate: false, environmentSwitch: true,
          evidence: `the ${environmentVariableOf(node) === variable ? 'environment variable' : 'setting'} ${variable} is an environment switch, read here as a boolean`,
        });
        continue;
      }
    }
    forEachChild(node, (child) => {
      stack.push({ node: child, parent: node });
    });
  }
  checks.sort((a, b) => a.callSpan.start - b.callSpan.start);
  return { checks, ...(Object.keys(switches).length > 0 ? { switches } : {}) };
}

/**
 * Where a selector's value is taken: the call it is handed to alone (`useSelector(getEnableRedesign)`, `select(…)`) or
 * that calls it (`getEnableRedesign(state)`); else its name, handed to another selector.
 */
function selectorApplied(name: ts.Node, parent: ts.Node): ts.Node {
  return isCallExpression(parent) && (parent.expression === name || (parent.arguments.length === 1 && parent.arguments[0] === name)) ? parent : name;
}

/**
 * Where a selector's read gates (see `selectorApplied`). A store's function of one check (see storedChecks.ts) gates only
 * where the store hands it over or it is called: handed to another selector, it is composed into that one, whose reads gate.
 */
function selectorGate(declared: SwitchDeclaration, name: ts.Node, parent: ts.Node): ts.Node | undefined {
  const applied = selectorApplied(name, parent);
  return declared.check !== undefined && applied === name ? undefined : applied;
}

const stemsOfSwitchFiles = new WeakMap<readonly DeclaredSwitch[], ReadonlySet<string>>();

/** The names of the files that declare the module constants among the switches known (`selectors` for `…/selectors.ts`). */
function switchFileStems(patterns: PatternSet): ReadonlySet<string> {
  const declared = patterns.environmentSwitches ?? [];
  let stems = stemsOfSwitchFiles.get(declared);
  if (stems === undefined) {
    stems = new Set(declared.filter((one) => !one.member).map((one) => fileStem(one.file)));
    stemsOfSwitchFiles.set(declared, stems);
  }
  return stems;
}

function fileStem(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
}

// An object of flag stores by its name: `featureFlagsStore`, `FeatureToggleStores`.
const FLAG_STORES_NAME = /(?:feature_?flags?|feature_?toggles?)[\w$]*stores?$/i;

/** The object of flag stores an exported destructure gives out by name (`export const { ENABLE_X } = featureFlagsStore`). */
function flagStoresGiver(declaration: ts.VariableDeclaration, statement: ts.VariableStatement): string | undefined {
  if (!isObjectBindingPattern(declaration.name) || declaration.initializer === undefined || !hasModifier(statement, SyntaxKind.ExportKeyword)) return undefined;
  const initializer = unwrap(declaration.initializer);
  return isIdentifier(initializer) && FLAG_STORES_NAME.test(initializer.text) ? initializer.text : undefined;
}

/** True when an identifier stands for its value here: not a declared or property name, a label or a type. */
function isRead(node: ts.Identifier, parent: ts.Node): boolean {
  if (isShorthandPropertyAssignment(parent)) return parent.name === node;
  const named = parent as { name?: ts.Node; propertyName?: ts.Node; label?: ts.Node };
  if (named.name === node || named.propertyName === node || named.label === node) return false;
  return !isWrittenAccess(node, parent);
}

function lineOf(state: ScanState, node: ts.Node): number {
  return state.sourceFile.getLineAndCharacterOfPosition(node.getStart(state.sourceFile)).line + 1;
}
