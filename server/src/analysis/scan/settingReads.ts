// What a node reads from the environment or an app's configuration, and when that read is a feature's switch: the
// variable an initializer makes a boolean of (a switch's declaration, see environmentSwitches.ts), and a switch read
// where it gates, with no name between (`if (this.configurationService.get('ENABLE_FEATURE_X'))`, `process.env.FEATURE_X
// === 'true'` in a function).
//
// Such a read is a check when the variable is named as a feature's switch (FEATURE_X, ENABLE_FEATURE_X) and its value
// is a boolean there: compared or converted where it is read, given by a reader that says so, or named so (ENABLED,
// ENABLE) and not handed on; a name that says it is one feature flag (`FeatureFlagAppsEnabled`) wherever it is read. A
// settings service's getter (`configService.get('X')`, NestJS's ConfigService and a team's own) reads the environment
// too, by a name written as an environment variable's, and an app's configuration is read by a setting's name of any
// case (`config?.FeatureFlagX`, `getConfigValue(database, 'FeatureFlagX')`). A settings store's setting named for a
// feature (`SettingsStore.getValue('feature_video_rooms')`) has a type, not text: it is read as a switch wherever it is.

import { ts } from 'ts-morph';
import { saysNotEvaluating } from '../callNames';
import { isWrittenAccess } from './bagReads';
import { BOOLEAN_WORDS, PUBLIC_PREFIX, VALUE_WORDS, VARIABLE_NAME, namedAsSwitch, namesOneFlag, namesSubject, saysExperimentOn, saysFeature, wordsOf } from './switchNames';
import { unwrap } from './values';

const {
  SyntaxKind, forEachChild, isArrayLiteralExpression, isAwaitExpression, isBinaryExpression, isCallExpression, isClassLike,
  isConditionalExpression, isElementAccessExpression, isFunctionLike, isIdentifier, isNumericLiteral, isObjectLiteralExpression,
  isPrefixUnaryExpression, isPropertyAccessExpression, isPropertyAssignment, isShorthandPropertyAssignment, isSpreadElement,
  isStringLiteralLike, isTemplateExpression,
} = ts;

export const COMPARISONS = new Set([SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken]);
// Names of declarations that hold a boolean: `isDevFeaturesEnabled`, `FEATURE_X_ENABLED`, `showNewUi`.
export const BOOLEAN_NAME = /^(?:is|has|should|can|use|enable|show)(?:[A-Z0-9_]|$)|enabled|disabled/i;
// Functions that make a boolean of a variable's text: `yes(…)` (@silverhand/essentials), `Boolean(…)`, `parseBoolean(…)`.
const TO_BOOLEAN = /^(?:yes|bool|boolean|isTruthy|truthy|isTrue|(?:parse|to|as)Bool(?:ean)?\w*)$/i;
// The receivers whose `get('X')` reads a setting or an environment variable: a settings service or store
// (`this.configurationService`, `configService`, `appSettings`, `SettingsStore`).
const SETTINGS_RECEIVER = /(?:config(?:uration)?|settings?|env(?:ironment)?)(?:Service|Provider|Store)?$/i;
const SETTINGS_GETTERS = new Set(['get', 'getOrThrow', 'getValue']);
// Functions that read an app's configuration by a setting's name: `getConfigValue(database, 'X')`, `observeConfigBooleanValue`.
const SETTINGS_READER = /config|setting/i;
// Functions named for reading a feature flag (`observeFeatureFlagWithVersion(database, 'FeatureFlagX', …)`): readers of
// the configuration too, for a setting whose name says it is one feature flag.
const FLAG_READER = /feature_?flag/i;
// A setting's name as code writes it: one identifier, of any case.
const SETTING_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/**
 * The environment variable an initializer makes a boolean of, when it is a switch: exactly one variable with FEATURE(S)
 * or FLAG(S) as a word and a name for what it switches (see `namesSubject`), read in the initializer itself (not in a function it declares), made a boolean: compared,
 * negated or converted (`yes(…)`) where it is read, or named so (the variable's ENABLED, the declaration's `is…`).
 * In a module of flags (`flagsModule`, see `isFlagsModule`) the module's name says what its constants are, and a
 * variable of any name is one when it is made a boolean as a switch is: converted (`isTruthy(env.BILLING_ENABLED)`, or by
 * one of the module's functions declared to give a boolean, `enterpriseFeatureEnabled('sso', env.SSO_ENABLED)`) or
 * compared with a boolean's text, not with some other value (`env.NODE_ENV === 'production'` says where the app runs).
 * Whether a variable is set at all (`Boolean(env.APPCONFIG_APPLICATION)`, `!env.X`) says whether something is configured,
 * unless its name says it enables or disables; and a variable of a value's word (`env.OLLAMA_URL`) never switches.
 */
export function switchedBy(initializer: ts.Expression, declaredName: string, flagsModule?: { readonly booleanFunctions: ReadonlySet<string> }): string | undefined {
  const inFlagsModule = flagsModule !== undefined;
  const variables = new Set<string>();
  let converted = false;
  const visit = (node: ts.Node, convertedAbove: boolean, parsedAbove: boolean, parent: ts.Node | undefined): void => {
    if (isFunctionLike(node) || isClassLike(node)) return;
    // `env.FEATURE.X` reads X of an object, not the variable FEATURE; `env.FF_X?.toLowerCase()` reads the variable's text.
    const receiver = parent !== undefined && (isPropertyAccessExpression(parent) || isElementAccessExpression(parent)) && parent.expression === node
      && !isTextMethod(parent);
    const variable = receiver ? undefined : environmentVariableOf(node);
    if (variable !== undefined) {
      const words = wordsOf(variable);
      if ((inFlagsModule ? !VALUE_WORDS.has(words[words.length - 1]) : saysFeature(variable, words)) && namesSubject(variable)) {
        variables.add(variable);
        converted ||= inFlagsModule ? parsedAbove || (convertedAbove && words.some((word) => BOOLEAN_WORDS.has(word))) : convertedAbove;
      }
      return;
    }
    const called = isCallExpression(node) && isIdentifier(node.expression) ? node.expression.text : undefined;
    const compares = isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind);
    const converts = compares || (isPrefixUnaryExpression(node) && node.operator === SyntaxKind.ExclamationToken) || (called !== undefined && TO_BOOLEAN.test(called));
    // What reads a switch's text as a boolean, not only whether it is set: a comparison with a boolean's text, a parse.
    const parses = (compares && comparesWithBooleanText(node)) || (called !== undefined && ((TO_BOOLEAN.test(called) && called !== 'Boolean') || (flagsModule?.booleanFunctions.has(called) ?? false)));
    forEachChild(node, (child) => visit(child, convertedAbove || converts, parsedAbove || parses, node));
  };
  visit(initializer, false, false, undefined);
  const variable = oneSwitch(variables);
  if (variable === undefined || (inFlagsModule && !converted)) return undefined;
  const named = BOOLEAN_NAME.test(declaredName) || wordsOf(variable).some((word) => BOOLEAN_WORDS.has(word));
  // The value itself must be a boolean: `process.env.DISABLE_FEATURE_FLAGS ? noop : new Provider()` chooses an object.
  const value = booleanValue(initializer, flagsModule?.booleanFunctions);
  return (converted || named) && (value === 'yes' || (value === 'maybe' && named)) ? variable : undefined;
}

/**
 * The environment variable a module's constant holds as text, when it is a switch (see `SwitchDeclaration.text`): the
 * initializer is the read itself, or the read with a fallback of `'true'` or `'false'` (`getEnvironmentValue('X', 'false')`,
 * `process.env.X ?? 'false'`), of a variable named as one feature's flag (`FEATURE_FLAG_ENABLE_TRUSTS_WEB_07112022`) or
 * as a switch with such a fallback; or the switch's text kept only when it is on, and nothing else (`process.env.FEATURE_SOLANA
 * === 'on' ? 'on' : null`, which no other text of the variable turns on). A text is true when set to anything, so it
 * gates only where a test makes it a boolean.
 */
export function textSwitchedBy(initializer: ts.Expression): string | undefined {
  const kept = keptWhenOn(unwrap(initializer));
  if (kept !== undefined) return kept;
  let read = unwrap(initializer);
  let fallback: ts.Expression | undefined;
  if (isBinaryExpression(read) && (read.operatorToken.kind === SyntaxKind.QuestionQuestionToken || read.operatorToken.kind === SyntaxKind.BarBarToken)) {
    fallback = unwrap(read.right);
    read = unwrap(read.left);
  }
  const variable = environmentVariableOf(read);
  if (variable === undefined || !namedAsSwitch(variable)) return undefined;
  if (fallback === undefined && isCallExpression(read) && read.arguments.length === 2) fallback = unwrap(read.arguments[1]);
  const booleanText = fallback !== undefined && isStringLiteralLike(fallback) && BOOLEAN_TEXT.test(fallback.text);
  if (fallback !== undefined && !booleanText) return undefined;
  return booleanText || namesOneFlag(variable) ? variable : undefined;
}

const BOOLEAN_TEXT = /^(?:true|false)$/i;

/** The variable of `env.X === 'on' ? 'on' : null`: a switch named as one, compared with a switch's text, and that text or nothing given. */
function keptWhenOn(value: ts.Expression): string | undefined {
  if (!isConditionalExpression(value)) return undefined;
  const condition = unwrap(value.condition);
  if (!isBinaryExpression(condition) || condition.operatorToken.kind !== SyntaxKind.EqualsEqualsEqualsToken) return undefined;
  const [read, text] = isStringLiteralLike(condition.right) ? [unwrap(condition.left), condition.right] : [unwrap(condition.right), condition.left];
  const variable = environmentVariableOf(read);
  if (variable === undefined || !isStringLiteralLike(text) || !SWITCH_TEXT.test(text.text) || !namedAsSwitch(variable)) return undefined;
  const whenTrue = unwrap(value.whenTrue);
  const whenFalse = unwrap(value.whenFalse);
  const nothing = whenFalse.kind === SyntaxKind.NullKeyword || (isIdentifier(whenFalse) && whenFalse.text === 'undefined') || (isStringLiteralLike(whenFalse) && whenFalse.text === '');
  return isStringLiteralLike(whenTrue) && whenTrue.text === text.text && nothing ? variable : undefined;
}

// A text's methods that give the same text in another form (in one case, trimmed): a variable read through one is still
// read as the variable, and a name asked for through one is still that name.
export const RESPELLINGS = new Set(['toLowerCase', 'toUpperCase', 'toLocaleLowerCase', 'toLocaleUpperCase', 'trim']);

/** True for `x.toLowerCase`, a text's method that gives it in another form (see `RESPELLINGS`). */
function isTextMethod(node: ts.Node): boolean {
  return isPropertyAccessExpression(node) && RESPELLINGS.has(node.name.text);
}

/** What a call of such a method is called on (`config.FF_X` of `config.FF_X?.toLowerCase()`), or the node itself. */
function textRead(node: ts.Node): ts.Node {
  return isCallExpression(node) && node.arguments.length === 0 && isTextMethod(node.expression) ? (node.expression as ts.PropertyAccessExpression).expression : node;
}

/**
 * The one switch that variables name: one variable, or a server's variable and the twin a framework lets the browser
 * read (`typeof window === 'undefined' ? isTruthy(env.BILLING_ENABLED) : isTruthy(getEnv('NEXT_PUBLIC_BILLING_ENABLED'))`),
 * named as the server's.
 */
function oneSwitch(variables: ReadonlySet<string>): string | undefined {
  const names = new Set([...variables].map((variable) => variable.replace(PUBLIC_PREFIX, '')));
  if (names.size !== 1) return undefined;
  const [name] = names;
  return variables.has(name) ? name : [...variables][0];
}

// What a switch's text is compared with to make a boolean of it: `=== 'true'`, `!== 'false'`, `=== '1'`.
const SWITCH_TEXT = /^(?:true|false|1|0|yes|no|on|off)$/i;

/** True for a comparison with a switch's text (`env.X === 'true'`), not with another value (`env.NODE_ENV === 'production'`). */
export function comparesWithBooleanText(comparison: ts.BinaryExpression): boolean {
  return [comparison.left, comparison.right].some((side) => {
    const inner = unwrap(side);
    return (isStringLiteralLike(inner) && SWITCH_TEXT.test(inner.text)) || inner.kind === SyntaxKind.TrueKeyword || inner.kind === SyntaxKind.FalseKeyword;
  });
}

/**
 * The call that makes a boolean of a switch's text read here: one of `yes(…)`'s kind, or one given it alone that is named
 * as a test of a feature (`isActiveFeature(FEATURE_FLAG_X)`, `isFeatureEnabled(config.FEATURE_FLAG_X)`); or the
 * comparison (`FEATURE_FLAG_X === 'true'`). Undefined where the text is only handed on (to a template, a log).
 */
export function textMadeBoolean(node: ts.Node, parent: ts.Node): ts.Node | undefined {
  return madeBoolean(node, parent) ? parent : featureTestOf(node, parent);
}

/**
 * The call given a read alone that is named as a test of a feature (`isFeatureEnabled(process.env.FEATURE_X)`): it makes
 * the read a boolean, and the check is all of it.
 */
export function featureTestOf(node: ts.Node, parent: ts.Node): ts.CallExpression | undefined {
  if (!isCallExpression(parent) || parent.arguments.length !== 1 || parent.arguments[0] !== node) return undefined;
  const name = lastNameOf(parent.expression) ?? '';
  return FEATURE_TEST.test(name) && FEATURE_TEST_WORD.test(name) ? parent : undefined;
}

// A function named as a test (`isActiveFeature`, `hasFlag`, `checkToggle`) of a feature's switch.
const FEATURE_TEST = /^(?:is|has|check)[A-Z]/;
const FEATURE_TEST_WORD = /Feature|Flag|Toggle|Enabled|Active/;

/**
 * The switch a read of an environment variable is where it gates (see the top of this file): a variable with FEATURE(S)
 * or FLAG(S) as a word, not written, not the object of a property read (`env.FEATURE.X`), and a boolean where it is
 * read or by its name.
 */
export function switchReadInPlace(node: ts.Node, parent: ts.Node): string | undefined {
  if ((isPropertyAccessExpression(parent) || isElementAccessExpression(parent)) && parent.expression === node) return undefined;
  if (!isPropertyAccessExpression(node) && !isElementAccessExpression(node) && !isCallExpression(node)) return undefined;
  // `config.FF_X?.toLowerCase() === 'true'`: the setting's text in another form is read where the call is.
  const read = textRead(node);
  if (read !== node) {
    const variable = settingOf(read);
    return variable !== undefined && namedAsSwitch(variable) && madeBoolean(node, parent) ? variable : undefined;
  }
  const underFeatures = featurePathSetting(node);
  if (underFeatures !== undefined) {
    // Its path names it a feature's switch; its value, read as a boolean, says it is not some other setting of the feature.
    const words = wordsOf(underFeatures.rest.replace(/\./g, '_'));
    const boolean = madeBoolean(node, parent) || readsBoolean(node) || words.some((word) => BOOLEAN_WORDS.has(word));
    return boolean && !VALUE_WORDS.has(words[words.length - 1]) && !isWrittenAccess(node, parent) ? underFeatures.name : undefined;
  }
  const variable = settingOf(node);
  if (variable === undefined || isWrittenAccess(node, parent) || !namedAsSwitch(variable) || fallsBackToOtherKind(node, parent)) return undefined;
  if (namesOneFlag(variable) || storeSwitch(node, variable) || madeBoolean(node, parent) || featureTestOf(node, parent) !== undefined || readsBoolean(node)) return variable;
  return (wordsOf(variable).some((word) => BOOLEAN_WORDS.has(word)) || saysExperimentOn(variable)) && !passedAlong(node, parent) ? variable : undefined;
}

/**
 * True when the read falls back to a value of another kind than a switch's: a date, a list, a number
 * (`getEnvironmentVariable('FEATURE_FLAG_SAIL_ADDRESS', '2025-01-09')`, `process.env.FEATURE_FLAG_X ?? 'limited-partnership'`).
 * Such a variable holds that kind of value, whatever its name says, and the code makes its own test of it.
 */
function fallsBackToOtherKind(node: ts.Node, parent: ts.Node): boolean {
  // A reader's fallback follows the name it is given (`getEnvironmentVariable('X', '2025-01-09')`, not `getConfigValue(database, 'X')`).
  const named = isCallExpression(node) ? node.arguments.findIndex(isStringLiteralLike) : -1;
  const fallback = isCallExpression(node) && named >= 0 && node.arguments.length === named + 2 ? unwrap(node.arguments[named + 1])
    : isBinaryExpression(parent) && parent.left === node && (parent.operatorToken.kind === SyntaxKind.BarBarToken || parent.operatorToken.kind === SyntaxKind.QuestionQuestionToken) ? unwrap(parent.right)
      : undefined;
  if (fallback === undefined) return false;
  return isNumericLiteral(fallback) || isArrayLiteralExpression(fallback) || isObjectLiteralExpression(fallback) || (isStringLiteralLike(fallback) && fallback.text !== '' && !SWITCH_TEXT.test(fallback.text));
}

/**
 * True for a settings store's setting named as a feature's switch (`SettingsStore.getValue('feature_video_rooms')`,
 * `SettingsStore.watchSetting('feature_x', …)`), read wherever it is: a store's setting has a type, and one named for a
 * feature, of no value word, is its on or off. An environment variable's name (`configService.get('FEATURE_X')`) is
 * text, and is shown a boolean where it is read.
 */
function storeSwitch(node: ts.Node, setting: string): boolean {
  if (VARIABLE_NAME.test(setting) || !isCallExpression(node)) return false;
  if (settingsGetterOf(node) === undefined && !SETTINGS_READER.test(lastNameOf(node.expression) ?? '')) return false;
  const words = wordsOf(setting);
  return !VALUE_WORDS.has(words[words.length - 1]);
}

// The head of a setting's path that says the rest names a feature's switch: `feature.${name}`, `features.${name}`.
const FEATURE_PATH_HEAD = /^(?:features?|feature_?(?:flags?|toggles?)|flags|toggles)[._]$/i;
// A variable that says it names a feature's switch: `featureName`, `flagKey`, `feature`; not `settingName` or `name`.
const FEATURE_NAME_VARIABLE = /^(?:feature|flag|toggle|featureFlag|featureToggle)(?:Name|Key|Id)?$/i;

/**
 * The name in a settings getter's key that names a feature's switch, either as the key (`SettingsStore.getValue(featureName)`)
 * or at the end of a feature's path (`config.get<boolean>(\`feature.${feature}\`)`): a read of the switch a caller names
 * (see environmentSwitches.ts), undefined for any other read.
 */
export function featureSettingName(node: ts.Node): ts.Identifier | undefined {
  if (!isCallExpression(node) || node.arguments.length === 0 || !isPropertyAccessExpression(node.expression)) return undefined;
  const [key] = node.arguments;
  let name: ts.Identifier | undefined;
  if (isIdentifier(key)) {
    if (FEATURE_NAME_VARIABLE.test(key.text)) name = key;
  } else if (isTemplateExpression(key) && key.templateSpans.length === 1 && FEATURE_PATH_HEAD.test(key.head.text)) {
    const [span] = key.templateSpans;
    if (span.literal.text === '' && isIdentifier(span.expression)) name = span.expression;
  }
  return name !== undefined && isSettingsGetter(node.expression) ? name : undefined;
}

/**
 * The switch of `members` (by name) a settings getter reads by its path, when the object that declares it is the path's
 * last but one step: `ethSign` of `features` for `configurationService.getOrThrow('features.ethSign')`; with the text that
 * writes the path.
 */
export function switchAtSettingPath<T extends { readonly owner?: string }>(node: ts.Node, members: ReadonlyMap<string, T>): { declared: T; path: ts.StringLiteralLike } | undefined {
  const path = settingsGetterOf(node);
  const segments = path?.split('.') ?? [];
  if (segments.length < 2 || !segments.every((segment) => SETTING_NAME.test(segment))) return undefined;
  const declared = members.get(segments[segments.length - 1]);
  return declared !== undefined && declared.owner === segments[segments.length - 2] ? { declared, path: (node as ts.CallExpression).arguments[0] as ts.StringLiteralLike } : undefined;
}

/** The setting a settings service's or store's getter reads, by a name of any case: `SettingsStore.getValue('feature_x')`. */
function settingsGetterOf(node: ts.Node): string | undefined {
  if (!isCallExpression(node) || node.arguments.length === 0 || !isStringLiteralLike(node.arguments[0]) || !isPropertyAccessExpression(node.expression)) return undefined;
  return isSettingsGetter(node.expression) ? node.arguments[0].text : undefined;
}

/**
 * The setting a settings getter reads under a head that names features' switches: `settlementAgreementEnabled` of
 * `config.get<boolean>('featureToggles.settlementAgreementEnabled')`, as `feature.${name}` names one (see `featureSettingName`).
 */
function featurePathSetting(node: ts.Node): { name: string; rest: string } | undefined {
  const path = settingsGetterOf(node);
  const dot = path === undefined ? -1 : path.indexOf('.');
  if (path === undefined || dot < 0 || !FEATURE_PATH_HEAD.test(path.slice(0, dot + 1))) return undefined;
  const rest = path.slice(dot + 1);
  const segments = rest.split('.');
  if (!segments.every((segment) => SETTING_NAME.test(segment))) return undefined;
  // A feature's own group, its switch a step below (`features.allowNI.enabled`): the feature is the group.
  if (segments.length > 1 && STATE_SEGMENT.test(segments[segments.length - 1])) segments.pop();
  return { name: segments.join('.'), rest };
}

// The last step of a feature's path that holds its switch rather than naming it: `features.allowNI.enabled`.
const STATE_SEGMENT = /^(?:enabled|isEnabled|enable|on|active|isActive)$/;

/** `configService.get`, `SettingsStore.getValue`: a getter of a receiver named for settings. */
function isSettingsGetter(callee: ts.PropertyAccessExpression): boolean {
  return SETTINGS_GETTERS.has(callee.name.text) && SETTINGS_RECEIVER.test(lastNameOf(callee.expression) ?? '');
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

/** True for a reader that says it gives a boolean (`observeConfigBooleanValue(database, 'FeatureFlagAppsEnabled')`) or is asked for one (`config.get<boolean>(…)`). */
function readsBoolean(node: ts.Node): boolean {
  return isCallExpression(node) && (/bool/i.test(lastNameOf(node.expression) ?? '') || node.typeArguments?.[0]?.kind === SyntaxKind.BooleanKeyword);
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
export function booleanValue(node: ts.Expression, booleanFunctions?: ReadonlySet<string>): 'yes' | 'maybe' | 'no' {
  const inner = unwrap(node);
  if (inner.kind === SyntaxKind.TrueKeyword || inner.kind === SyntaxKind.FalseKeyword) return 'yes';
  if (isPrefixUnaryExpression(inner)) return inner.operator === SyntaxKind.ExclamationToken ? 'yes' : 'no';
  if (isCallExpression(inner)) return isIdentifier(inner.expression) && (TO_BOOLEAN.test(inner.expression.text) || (booleanFunctions?.has(inner.expression.text) ?? false)) ? 'yes' : 'no';
  if (isIdentifier(inner) || isPropertyAccessExpression(inner) || isElementAccessExpression(inner)) return 'maybe';
  const either = (a: ts.Expression, b: ts.Expression): 'yes' | 'maybe' | 'no' => {
    const [left, right] = [booleanValue(a, booleanFunctions), booleanValue(b, booleanFunctions)];
    return left === 'no' || right === 'no' ? 'no' : left === 'yes' || right === 'yes' ? 'yes' : 'maybe';
  };
  if (isBinaryExpression(inner)) {
    const operator = inner.operatorToken.kind;
    if (COMPARISONS.has(operator)) return 'yes';
    const logical = operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken;
    return logical ? either(inner.left, inner.right) : 'no';
  }
  if (isConditionalExpression(inner)) {
    const [whenTrue, whenFalse] = [booleanValue(inner.whenTrue, booleanFunctions), booleanValue(inner.whenFalse, booleanFunctions)];
    return whenTrue === 'no' || whenFalse === 'no' ? 'no' : whenTrue === 'yes' && whenFalse === 'yes' ? 'yes' : 'maybe';
  }
  return 'no';
}

/** The environment variable a node reads: `process.env.X`, `import.meta.env['X']`, `getEnv('X')`, `Deno.env.get('X')`, `configService.get('X')`. */
export function environmentVariableOf(node: ts.Node): string | undefined {
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
 * `SettingsStore.getValue('feature_x')` (a settings service's or store's getter),
 * `observeConfigBooleanValue(database, 'FeatureFlagAppsEnabled')` (a function named for config or settings, with the
 * name as its first text argument; or one named for feature flags, for a name that says it is one); else the
 * environment variable it reads.
 */
function settingOf(node: ts.Node): string | undefined {
  let name: string | undefined;
  if (isPropertyAccessExpression(node) && SETTINGS_RECEIVER.test(lastNameOf(node.expression) ?? '')) name = node.name.text;
  else if (isElementAccessExpression(node) && isStringLiteralLike(node.argumentExpression) && SETTINGS_RECEIVER.test(lastNameOf(node.expression) ?? '')) name = node.argumentExpression.text;
  else if (isCallExpression(node)) name = settingsGetterOf(node) ?? readerSetting(node);
  return name !== undefined && SETTING_NAME.test(name) ? name : environmentVariableOf(node);
}

/** The setting a function named for config or settings reads, or one named for feature flags when the name says it is one. */
function readerSetting(node: ts.CallExpression): string | undefined {
  const reader = lastNameOf(node.expression) ?? '';
  // A function that changes or records a setting (`toggleSetting('X')`, `setSetting('X', on)`) reads none.
  if (saysNotEvaluating(reader)) return undefined;
  const forSettings = SETTINGS_READER.test(reader);
  if (!forSettings && !FLAG_READER.test(reader)) return undefined;
  const setting = node.arguments.find(isStringLiteralLike)?.text;
  return setting !== undefined && (forSettings || namesOneFlag(setting)) ? setting : undefined;
}

/** True when an expression reads the environment variable `name`, also past a framework's public prefix (`VITE_X` as `X`). */
export function copiesVariable(expression: ts.Expression, name: string): boolean {
  const variable = environmentVariableOf(expression);
  if (variable !== undefined) return variable === name || variable.replace(PUBLIC_PREFIX, '') === name;
  return forEachChild(expression, (child) => (isFunctionLike(child) || isClassLike(child) ? undefined : copiesVariable(child as ts.Expression, name) || undefined)) ?? false;
}

/** `env`, `process.env`, `import.meta.env`, `Deno.env`: what environment variables are read from. */
function isEnvironment(node: ts.Expression): boolean {
  const inner = unwrap(node);
  return (isIdentifier(inner) && inner.text === 'env') || (isPropertyAccessExpression(inner) && inner.name.text === 'env');
}

/** The last name of what an expression reads: `FEATURE` of `Config.getConfig().FEATURE`, `useWebhook` of `useWebhook(id)`. */
export function lastNameOf(expression: ts.Expression): string | undefined {
  let node = unwrap(expression);
  if (isAwaitExpression(node)) node = unwrap(node.expression);
  if (isIdentifier(node)) return node.text;
  if (isPropertyAccessExpression(node)) return node.name.text;
  if (isCallExpression(node)) return lastNameOf(node.expression);
  return undefined;
}
