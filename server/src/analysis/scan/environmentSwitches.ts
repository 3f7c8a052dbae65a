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
// A switch is also read where it gates, with no name between (`if (this.configurationService.get('ENABLE_FEATURE_X'))`,
// `process.env.FEATURE_X === 'true'` in a function). Such a read is a check when the variable is named as a feature's
// switch (FEATURE_X, ENABLE_FEATURE_X) and its value is a boolean there: compared or converted where it is read, or
// named so (ENABLED, ENABLE) and not handed on. A settings service's getter (`configService.get('X')`, NestJS's
// ConfigService and a team's own) reads the environment too, by a name written as an environment variable's.
//
// A module keeps flag checks' values in an object the same way (`gauzyToggleFeatures: { FEATURE_X: isFeatureEnabled('FEATURE_X') }`,
// see storedChecks.ts): the object is a bag of flags, whose every property read is a check of its flag, found here under
// the same rules of names and receivers. There the evidence is the check. A constant holding one check's value
// (`export const enablePdfCaching = isFlagEnabled('pdf-caching-mode')`) is that check's result, not a bag: its reads are
// not checks again, as a local's are not.

import { ts } from 'ts-morph';
import type { DeclaredSwitch, PatternSet } from '../patterns';
import { mayDeclareEnvironmentSwitch } from '../prefilter';
import { wholeNamesRegex } from '../regex';
import type { FlagCheck } from '../types';
import { lookupBinding } from './bindings';
import { isWrittenAccess } from './checks';
import { dependencyListOf } from './dependencyLists';
import { mentionsFlagFunction } from './flagFunctions';
import { unwrap } from './values';
import type { CompletedChecks } from './bindings';
import { storedChecksOf } from './storedChecks';
import type { FileScan, ScanState, SwitchDeclaration } from './types';

const {
  NodeFlags, SyntaxKind, forEachChild, isBinaryExpression, isCallExpression, isClassLike, isElementAccessExpression,
  isIdentifier, isImportDeclaration, isNamedImports, isObjectBindingPattern, isParenthesizedExpression,
  isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyDeclaration, isShorthandPropertyAssignment, isStringLiteralLike,
  isTypeNode, isVariableDeclaration, isVariableStatement, isNonNullExpression, isExportDeclaration, isFunctionLike, isConditionalExpression, isObjectLiteralExpression, isPropertyAssignment, isAwaitExpression,
  isArrayLiteralExpression, isSpreadElement, isNumericLiteral,
} = ts;

// An environment variable as written in code: upper case words joined by `_`.
const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
// Words of a variable that say it switches a feature.
const FEATURE_WORDS = new Set(['FEATURE', 'FEATURES', 'FLAG', 'FLAGS']);
// Words of a variable that say it holds a boolean.
const BOOLEAN_WORDS = new Set(['ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'ON', 'OFF']);
const COMPARISONS = new Set([SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken]);
// Names of declarations that hold a boolean: `isDevFeaturesEnabled`, `FEATURE_X_ENABLED`, `showNewUi`.
const BOOLEAN_NAME = /^(?:is|has|should|can|use|enable|show)(?:[A-Z0-9_]|$)|enabled|disabled/i;
// Functions that make a boolean of a variable's text: `yes(…)` (@silverhand/essentials), `Boolean(…)`, `parseBoolean(…)`.
const TO_BOOLEAN = /^(?:yes|bool|boolean|isTruthy|truthy|isTrue|(?:parse|to|as)Bool(?:ean)?\w*)$/i;
// The receivers whose `get('X')` reads an environment variable: a settings service (`this.configurationService`, `configService`, `appSettings`).
const SETTINGS_RECEIVER = /(?:config(?:uration)?|settings?|env(?:ironment)?)(?:Service|Provider)?$/i;
const SETTINGS_GETTERS = new Set(['get', 'getOrThrow']);
// Functions that read an app's configuration by a setting's name: `getConfigValue(database, 'X')`, `observeConfigBooleanValue`.
const SETTINGS_READER = /config|setting/i;
// A setting's name as code writes it: one identifier, of any case.
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
// What frameworks put before a variable the browser may read.
const PUBLIC_PREFIX = /^(?:NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|REACT_APP|VUE_APP|VITE|GATSBY|PUBLIC)_/;
// A class's or object's property is found by name in every file: only a name that says what it switches, or one of an
// object or class named so.
const MEMBER_NAME = /feature|flag/i;

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
  const declares = stored !== undefined || mayDeclareEnvironmentSwitch(state.text);
  if (!declares && !mentionsEnvironmentSwitch(state.text, patterns)) return undefined;
  const { sourceFile } = state;
  // A declaration set from a variable, or else storing a check's value.
  const declaredBy = (initializer: ts.Expression, name: string): Pick<SwitchDeclaration, 'key' | 'check'> | undefined => {
    const variable = switchedBy(initializer, name);
    if (variable !== undefined) return { key: variable };
    const check = stored?.get(initializer);
    return check === undefined ? undefined : { key: check.key, check: check.storing };
  };
  const switches: Record<string, SwitchDeclaration> = {};
  const constants = new Map<string, DeclaredSwitch>();
  const members = new Map<string, DeclaredSwitch>();
  for (const declared of patterns.environmentSwitches ?? []) (declared.member ? members : constants).set(declared.name, declared);
  const own = (name: string, declaration: SwitchDeclaration): DeclaredSwitch => ({ name, ...declaration, file: sourceFile.fileName });

  // Module constants: declared here, or imported by name (`import { isDevFeaturesEnabled as dev } from '@/consts/env'`).
  const localConstants = new Map<string, { declared: DeclaredSwitch; imported?: string }>();
  // What is passed over: where a switch is set is no read of one (`yes(localStorage.getItem(storageKeys.isDevFeaturesEnabled))`
  // names a storage key), and a hook's dependency list reads none either.
  const settings = new Set<ts.Node>();
  // Objects and classes named for flags, whose properties set from a variable are switches whatever their names.
  const switchObjects = new Set<ts.Node>();
  // The name each object literal is held under (`environment` in `const environment = { … }`), a property's owner.
  const objectNames = new Map<ts.Node, string>();
  for (const statement of sourceFile.statements) {
    if (declares && isVariableStatement(statement) && (statement.declarationList.flags & NodeFlags.BlockScoped) === NodeFlags.Const) {
      for (const declaration of statement.declarationList.declarations) {
        if (!isIdentifier(declaration.name) || declaration.initializer === undefined) continue;
        const setting = declaredBy(declaration.initializer, declaration.name.text);
        if (setting === undefined) continue;
        const declared = { ...setting, member: false, line: lineOf(state, declaration.name) };
        switches[declaration.name.text] = declared;
        settings.add(declaration.initializer);
        localConstants.set(declaration.name.text, { declared: own(declaration.name.text, declared) });
      }
    } else if (isImportDeclaration(statement) && isStringLiteralLike(statement.moduleSpecifier) && statement.importClause?.isTypeOnly !== true) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings === undefined || !isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        const declared = constants.get((element.propertyName ?? element.name).text);
        if (declared !== undefined && !element.isTypeOnly) localConstants.set(element.name.text, { declared, imported: statement.moduleSpecifier.text });
      }
    }
  }

  const checks: FlagCheck[] = [];
  const place = (declared: DeclaredSwitch): string => `${declared.file.slice(declared.file.lastIndexOf('/') + 1)}:${declared.line}`;
  const read = (nameNode: ts.Node, whole: ts.Node, declared: DeclaredSwitch, what: string): void => {
    const start = nameNode.getStart(sourceFile);
    const wholeStart = whole.getStart(sourceFile);
    const storing = declared.check;
    const evidence = storing === undefined
      ? `${what} is an environment switch, set from the environment variable ${declared.key} ${declared.file === sourceFile.fileName ? `on line ${declared.line}` : `(${place(declared)})`}`
      : `${what} holds the value of the check ${storing.method}('${declared.key}') ${declared.file === sourceFile.fileName ? `on line ${declared.line}` : `at ${place(declared)}`}`;
    checks.push({
      key: declared.key, resolved: true, keySpan: { start, end: nameNode.end }, keyIsLiteral: false,
      callSpan: { start: wholeStart, end: whole.end }, sdk: storing?.sdk ?? 'custom',
      method: state.text.slice(wholeStart, whole.end).replace(/\s+/g, ''), valueType: storing?.valueType ?? 'boolean', negate: false, evidence,
      ...(storing === undefined || storing.environmentSwitch === true ? { environmentSwitch: true as const } : {}),
      ...(storing === undefined ? {} : { storedFrom: place(declared) }),
    });
  };

  const stack: Array<{ node: ts.Node; parent: ts.Node | undefined }> = [{ node: sourceFile, parent: undefined }];
  while (stack.length > 0) {
    const { node, parent } = stack.pop() as { node: ts.Node; parent: ts.Node | undefined };
    if (isImportDeclaration(node) || isExportDeclaration(node) || isTypeNode(node) || settings.has(node)) continue;
    // A hook's dependency list (`useEffect(fn, [isDevFeaturesEnabled])`) names the switch to re-run the hook; it gates nothing.
    if (isCallExpression(node)) {
      const dependencies = dependencyListOf(node);
      if (dependencies !== undefined) settings.add(dependencies);
    }
    // An object of switches named for them (`FEATURE: { ENABLE_SSO: env.FEATURE_ENABLE_SSO == 'true' }`, `class FeatureFlags`).
    if ((isPropertyAssignment(node) || isVariableDeclaration(node) || isPropertyDeclaration(node)) && node.initializer !== undefined && isObjectLiteralExpression(node.initializer) && isIdentifier(node.name)) {
      objectNames.set(node.initializer, node.name.text);
      if (MEMBER_NAME.test(node.name.text)) switchObjects.add(node.initializer);
    }
    if (isClassLike(node) && node.name !== undefined && MEMBER_NAME.test(node.name.text)) switchObjects.add(node);
    // A switch set again from others (`FEATURE: { ...env.FEATURE, X: env.FEATURE.X && isWindows() }`) is set, not read.
    if (isPropertyAssignment(node) && isIdentifier(node.name) && members.has(node.name.text) && parent !== undefined && switchObjects.has(parent)) settings.add(node.initializer);
    if (declares && (isPropertyDeclaration(node) || isPropertyAssignment(node)) && isIdentifier(node.name) && node.initializer !== undefined && parent !== undefined
      && (isClassLike(parent) || isObjectLiteralExpression(parent)) && (MEMBER_NAME.test(node.name.text) || switchObjects.has(parent))) {
      const setting = declaredBy(node.initializer, node.name.text);
      if (setting !== undefined) {
        const owner = isClassLike(parent) ? parent.name?.text : objectNames.get(parent);
        const found: SwitchDeclaration = {
          ...setting, member: true, ...(MEMBER_NAME.test(node.name.text) ? {} : { byObject: true as const }), ...(owner === undefined ? {} : { owner }), line: lineOf(state, node.name),
        };
        switches[node.name.text] = found;
        settings.add(node.initializer);
        if (!members.has(node.name.text)) members.set(node.name.text, own(node.name.text, found));
      }
    } else if (isIdentifier(node) && parent !== undefined && localConstants.has(node.text) && isRead(node, parent)) {
      // A name shadowed by a local (a parameter `isDevFeaturesEnabled`) is not the module's.
      const binding = lookupBinding(state, node.text, node.getStart(sourceFile));
      const local = localConstants.get(node.text);
      if (local !== undefined && (binding === undefined || (binding.scopeStart === sourceFile.pos && binding.scopeEnd === sourceFile.end))) {
        const how = local.imported === undefined ? '' : `, imported from ${local.imported},`;
        read(node, node, local.declared, `\`${node.text}\`${how}`);
      }
    } else if (isPropertyAccessExpression(node) && members.has(node.name.text) && parent !== undefined && !isWrittenAccess(node, parent) && readsSwitch(node.expression, members.get(node.name.text) as DeclaredSwitch)) {
      const declared = members.get(node.name.text) as DeclaredSwitch;
      read(node.name, node, declared, `\`${node.name.text}\``);
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
          if (declared.byObject === true && !MEMBER_NAME.test(binding.from ?? '')) continue;
          read(property, element, declared, `\`${property.getText(sourceFile)}\``);
        }
      }
    } else if (declares && parent !== undefined) {
      const variable = switchReadInPlace(node, parent);
      if (variable !== undefined) {
        const start = node.getStart(sourceFile);
        checks.push({
          key: variable, resolved: true, keySpan: { start, end: node.end }, keyIsLiteral: false, callSpan: { start, end: node.end }, sdk: 'custom',
          method: state.text.slice(start, node.end).replace(/\s+/g, ''), valueType: 'boolean', negate: false, environmentSwitch: true,
          evidence: `the environment variable ${variable} is an environment switch, read here as a boolean`,
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
 * The environment variable an initializer makes a boolean of, when it is a switch: exactly one variable with FEATURE(S)
 * or FLAG(S) as a word, read in the initializer itself (not in a function it declares), made a boolean: compared,
 * negated or converted (`yes(…)`) where it is read, or named so (the variable's ENABLED, the declaration's `is…`).
 */
function switchedBy(initializer: ts.Expression, declaredName: string): string | undefined {
  const variables = new Set<string>();
  let converted = false;
  const visit = (node: ts.Node, convertedAbove: boolean, parent: ts.Node | undefined): void => {
    if (isFunctionLike(node) || isClassLike(node)) return;
    // `env.FEATURE.X` reads X of an object, not the variable FEATURE.
    const receiver = parent !== undefined && (isPropertyAccessExpression(parent) || isElementAccessExpression(parent)) && parent.expression === node;
    const variable = receiver ? undefined : environmentVariableOf(node);
    if (variable !== undefined) {
      if (wordsOf(variable).some((word) => FEATURE_WORDS.has(word))) {
        variables.add(variable);
        converted ||= convertedAbove;
      }
      return;
    }
    const converts = (isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind))
      || (isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken)
      || (isCallExpression(node) && isIdentifier(node.expression) && TO_BOOLEAN.test(node.expression.text));
    forEachChild(node, (child) => visit(child, convertedAbove || converts, node));
  };
  visit(initializer, false, undefined);
  if (variables.size !== 1) return undefined;
  const [variable] = variables;
  const named = BOOLEAN_NAME.test(declaredName) || wordsOf(variable).some((word) => BOOLEAN_WORDS.has(word));
  // The value itself must be a boolean: `process.env.DISABLE_FEATURE_FLAGS ? noop : new Provider()` chooses an object.
  const value = booleanValue(initializer);
  return (converted || named) && (value === 'yes' || (value === 'maybe' && named)) ? variable : undefined;
}

/**
 * The switch a read of an environment variable is where it gates (see the top of this file): a variable with FEATURE(S)
 * or FLAG(S) as a word, not written, not the object of a property read (`env.FEATURE.X`), and a boolean where it is
 * read or by its name.
 */
function switchReadInPlace(node: ts.Node, parent: ts.Node): string | undefined {
  if ((isPropertyAccessExpression(parent) || isElementAccessExpression(parent)) && parent.expression === node) return undefined;
  if (!isPropertyAccessExpression(node) && !isElementAccessExpression(node) && !isCallExpression(node)) return undefined;
  const variable = settingOf(node);
  if (variable === undefined || isWrittenAccess(node, parent) || !namedAsSwitch(variable)) return undefined;
  if (namesOneFlag(variable) || madeBoolean(node, parent) || readsBoolean(node)) return variable;
  return wordsOf(variable).some((word) => BOOLEAN_WORDS.has(word)) && !passedAlong(node, parent) ? variable : undefined;
}

/**
 * True when a name says it is one feature flag: FEATURE FLAG, singular, and then what it is (`FeatureFlagAppsEnabled`,
 * `FEATURE_FLAG_DISABLE_CUSTOM_FETCH`), read wherever it is, also handed on. `FEATURE_FLAGS_URL` is the flag system's.
 */
function namesOneFlag(variable: string): boolean {
  const words = wordsOf(variable.replace(PUBLIC_PREFIX, ''));
  return words.length > 2 && words[0] === 'FEATURE' && words[1] === 'FLAG';
}

/**
 * True when a variable is named as a feature's switch: FEATURE(S), FLAG(S) or FF first, or ENABLE or DISABLE and then
 * one, past a framework's public prefix (`NEXT_PUBLIC_FEATURE_BILLING_ENABLED`, `ENABLE_FEATURE_SUBSCRIPTION`). With no
 * name between the variable and where it gates, the name is all there is to tell a switch from a setting about
 * features (`CLIENT_FEATURE_CACHING_MAXAGE`, `AMPLIFY_CLI_DISABLE_SCRIPTING_FEATURES`) or the flag system itself
 * (`DISABLE_FEATURE_FLAGS`, `GO_FEATURE_FLAG_URL`).
 */
function namedAsSwitch(variable: string): boolean {
  const words = wordsOf(variable.replace(PUBLIC_PREFIX, ''));
  // What it switches must be named: `DISABLE_FEATURE_FLAGS` and `FEATURE_FLAGS_ENABLED` switch every flag at once.
  if (words.every((word) => FEATURE_WORDS.has(word) || BOOLEAN_WORDS.has(word) || word === 'FF')) return false;
  if (words[0] === 'FF' || FEATURE_WORDS.has(words[0])) return true;
  return (words[0] === 'ENABLE' || words[0] === 'DISABLE') && FEATURE_WORDS.has(words[1]);
}

/**
 * True when the value is handed on rather than gating here: a property's or an element's value (`define: { x:
 * process.env.DEV_FEATURES_ENABLED }`), an argument of a call that does not make it a boolean, or a text with a
 * fallback of another kind (`process.env.FEATURE_X_ENABLED || 'false'`).
 */
function passedAlong(node: ts.Node, parent: ts.Node): boolean {
  if (isPropertyAssignment(parent) || isShorthandPropertyAssignment(parent) || isArrayLiteralExpression(parent) || isSpreadElement(parent)) return true;
  if (isCallExpression(parent)) return parent.expression !== node;
  if (!isBinaryExpression(parent)) return false;
  const operator = parent.operatorToken.kind;
  if (operator !== SyntaxKind.BarBarToken && operator !== SyntaxKind.QuestionQuestionToken) return false;
  const other = unwrap(parent.left === node ? parent.right : parent.left);
  return isStringLiteralLike(other) || isNumericLiteral(other) || isObjectLiteralExpression(other);
}

/** True for a reader that says it gives a boolean: `observeConfigBooleanValue(database, 'FeatureFlagAppsEnabled')`. */
function readsBoolean(node: ts.Node): boolean {
  if (!isCallExpression(node)) return false;
  const callee = node.expression;
  const called = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /bool/i.test(called);
}

/**
 * True when `parent` makes a boolean of what `node` gives: compares it or converts it (`yes(…)`). A truth test (`if
 * (process.env.FEATURE_TIMEOUT)`, `!!…`) asks whether it is set, which a number or a URL is too.
 */
function madeBoolean(node: ts.Node, parent: ts.Node): boolean {
  if (isBinaryExpression(parent)) return COMPARISONS.has(parent.operatorToken.kind);
  return isCallExpression(parent) && parent.arguments.includes(node as ts.Expression) && isIdentifier(parent.expression) && TO_BOOLEAN.test(parent.expression.text);
}

/**
 * Whether an expression gives a boolean: `yes` when compared, negated or converted (or a logical chain or choice of
 * such), `maybe` for a name or a read whose type is not written, `no` for anything else (an object, a text, a call).
 */
function booleanValue(node: ts.Expression): 'yes' | 'maybe' | 'no' {
  const inner = unwrap(node);
  if (inner.kind === SyntaxKind.TrueKeyword || inner.kind === SyntaxKind.FalseKeyword) return 'yes';
  if (isPrefixUnaryExpression(inner)) return inner.operator === SyntaxKind.ExclamationToken ? 'yes' : 'no';
  if (isCallExpression(inner)) return isIdentifier(inner.expression) && TO_BOOLEAN.test(inner.expression.text) ? 'yes' : 'no';
  if (isIdentifier(inner) || isPropertyAccessExpression(inner) || isElementAccessExpression(inner)) return 'maybe';
  const either = (a: ts.Expression, b: ts.Expression): 'yes' | 'maybe' | 'no' => {
    const [left, right] = [booleanValue(a), booleanValue(b)];
    return left === 'no' || right === 'no' ? 'no' : left === 'yes' || right === 'yes' ? 'yes' : 'maybe';
  };
  if (isBinaryExpression(inner)) {
    const operator = inner.operatorToken.kind;
    if (COMPARISONS.has(operator)) return 'yes';
    const logical = operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken;
    return logical ? either(inner.left, inner.right) : 'no';
  }
  if (isConditionalExpression(inner)) {
    const [whenTrue, whenFalse] = [booleanValue(inner.whenTrue), booleanValue(inner.whenFalse)];
    return whenTrue === 'no' || whenFalse === 'no' ? 'no' : whenTrue === 'yes' && whenFalse === 'yes' ? 'yes' : 'maybe';
  }
  return 'no';
}

/** The environment variable a node reads: `process.env.X`, `import.meta.env['X']`, `getEnv('X')`, `Deno.env.get('X')`, `configService.get('X')`. */
function environmentVariableOf(node: ts.Node): string | undefined {
  let name: string | undefined;
  if (isPropertyAccessExpression(node) && isEnvironment(node.expression)) name = node.name.text;
  else if (isElementAccessExpression(node) && isEnvironment(node.expression) && isStringLiteralLike(node.argumentExpression)) name = node.argumentExpression.text;
  else if (isCallExpression(node) && node.arguments.length >= 1 && isStringLiteralLike(node.arguments[0])) {
    const callee = node.expression;
    const called = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? (callee.name.text === 'get' && isEnvironment(callee.expression) ? 'env' : callee.name.text) : '';
    if (/env/i.test(called) || (isPropertyAccessExpression(callee) && SETTINGS_GETTERS.has(called) && SETTINGS_RECEIVER.test(lastNameOf(callee.expression) ?? ''))) name = node.arguments[0].text;
  }
  return name !== undefined && VARIABLE_NAME.test(name) ? name : undefined;
}

/**
 * The setting a node reads from an app's configuration, by a name of any case: `config?.FeatureFlagAppsEnabled`,
 * `observeConfigBooleanValue(database, 'FeatureFlagAppsEnabled')` (a function named for config or settings, with the
 * name as its first text argument); else the environment variable it reads.
 */
function settingOf(node: ts.Node): string | undefined {
  let name: string | undefined;
  if (isPropertyAccessExpression(node) && SETTINGS_RECEIVER.test(lastNameOf(node.expression) ?? '')) name = node.name.text;
  else if (isElementAccessExpression(node) && isStringLiteralLike(node.argumentExpression) && SETTINGS_RECEIVER.test(lastNameOf(node.expression) ?? '')) name = node.argumentExpression.text;
  else if (isCallExpression(node)) {
    const callee = node.expression;
    const called = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : '';
    const argument = SETTINGS_READER.test(called) ? node.arguments.find(isStringLiteralLike) : undefined;
    if (argument !== undefined) name = argument.text;
  }
  return name !== undefined && SETTING_NAME.test(name) ? name : environmentVariableOf(node);
}

/** The words of a variable's or setting's name, upper case: `FEATURE_X_ENABLED` and `FeatureFlagXEnabled` alike. */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split('_').filter((word) => word !== '');
}

/** `env`, `process.env`, `import.meta.env`, `Deno.env`: what environment variables are read from. */
function isEnvironment(node: ts.Expression): boolean {
  const inner = unwrap(node);
  return (isIdentifier(inner) && inner.text === 'env') || (isPropertyAccessExpression(inner) && inner.name.text === 'env');
}

/**
 * True when a property read through this receiver may be the switch: not through an upper-case constant table of other
 * keys, nor through a class, enum or namespace other than the one that declares it (`FeatureEnum.FEATURE_OPEN_STATS`
 * names a flag where `environment.FEATURE_OPEN_STATS` reads the switch); and, for a property known by its object's name
 * alone, through a receiver named for features or flags.
 */
function readsSwitch(receiver: ts.Expression, declared: DeclaredSwitch): boolean {
  if (throughOtherConstants(receiver)) return false;
  const inner = unwrap(receiver);
  if (isIdentifier(inner) && /^[A-Z]/.test(inner.text) && inner.text !== declared.owner) return false;
  return declared.byObject !== true || MEMBER_NAME.test(lastNameOf(receiver) ?? '');
}

/** The last name of what an expression reads: `FEATURE` of `Config.getConfig().FEATURE`, `useWebhook` of `useWebhook(id)`. */
function lastNameOf(expression: ts.Expression): string | undefined {
  let node = unwrap(expression);
  if (isAwaitExpression(node)) node = unwrap(node.expression);
  if (isIdentifier(node)) return node.text;
  if (isPropertyAccessExpression(node)) return node.name.text;
  if (isCallExpression(node)) return lastNameOf(node.expression);
  return undefined;
}

/**
 * True when a receiver chain passes a constant namespace of another kind (`PROPERTIES_TYPE.CALL.X`,
 * `WebAppEvents.PROPERTIES.UPDATE.X`): an upper-case name that does not say feature or flag holds keys of its own that
 * share the switch's name, where `Config.getConfig().FEATURE.X`, `features.X` and `EnvSet.values.x` read the switch.
 */
function throughOtherConstants(receiver: ts.Expression): boolean {
  for (let node: ts.Node = receiver; ; ) {
    const name = isIdentifier(node) ? node.text : isPropertyAccessExpression(node) ? node.name.text : undefined;
    if (name !== undefined && /^[A-Z][A-Z0-9_]+$/.test(name) && !MEMBER_NAME.test(name)) return true;
    if (isPropertyAccessExpression(node) || isElementAccessExpression(node) || isNonNullExpression(node) || isParenthesizedExpression(node)) node = node.expression;
    else if (isCallExpression(node)) node = node.expression;
    else return false;
  }
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
