// A text test that is cheaper than parsing and never wrong in the direction that matters: a file it
// rejects has no flag check. It may accept files that have none (a callee name in a comment).

import type { PatternSet } from './patterns';
import { calleeLastName } from './patterns/define';
import { writesFlagOption } from './patterns/options';
import { mayListConsoleFlags } from './patterns/openshift';
import { mayReadEmberFeatures } from './patterns/ember';
import { BRACKET_CALL, CALL_GAP, escapeRegex, isComponentName, isKebabTag, literalAlternation, SAGA_CALL } from './regex';

const calleeRegexes = new WeakMap<PatternSet, RegExp>();
const latin1Testable = new WeakMap<PatternSet, boolean>();
const qualifiedByPatterns = new WeakMap<PatternSet, ReadonlyArray<{ call: RegExp; receivers: readonly string[] }>>();

/**
 * False only when the file cannot hold a flag check: no callee name of the set is written as a whole
 * identifier followed by what a call needs next (`(`, `?.`, type arguments `<`, or a comment `/`) nor opens a JSX
 * element (`<IfFeatureEnabled feature="x">`), and
 * no name of a bag object is written at all. Works on a latin1 view of UTF-8 bytes as well as on the
 * decoded text, because the names are ASCII and any non-ASCII neighbour counts as a boundary.
 */
export function mayHoldChecks(text: string, patterns: PatternSet): boolean {
  // `\u0066eature` is the identifier `feature`: a file with escapes is always parsed.
  return calleeRegex(patterns).test(text) || qualifiedCalls(patterns).some(({ call, receivers }) => call.test(text) && receivers.some((receiver) => text.includes(receiver))) || text.includes('\\u')
    // A file that may declare an environment switch is scanned for it, though it calls nothing.
    || mayDeclareEnvironmentSwitch(text)
    // A table of menu items or routes naming a flag in a wrapper's option (`featureKey: FeatureEnum.X`).
    || writesFlagOption(text, patterns)
    // An OpenShift console extension's flags (`flags: { required: ['X'] }`).
    || mayListConsoleFlags(text)
    // A store's selector of one flag (`createSelector(getFeatureFlagData, (flags) => flags.X)`).
    || mayDeclareFlagSelectors(text)
    // An Ember class's reads of ember-feature-flags' service (`this.get('features.x')`).
    || mayReadEmberFeatures(text);
}

/**
 * Names that every pattern of asks for a receiver (`featureFlags.find`), each with a test of its call and those receivers'
 * last names: a call matches only on a receiver of that last name, which is then written in the file, so a method every
 * array has does not make every file one to parse.
 */
function qualifiedCalls(patterns: PatternSet): ReadonlyArray<{ call: RegExp; receivers: readonly string[] }> {
  let qualified = qualifiedByPatterns.get(patterns);
  if (qualified === undefined) {
    qualified = [...qualifiedNames(patterns)].map(([name, receivers]) => ({ call: new RegExp(callRegexSource([name])), receivers: [...receivers] }));
    qualifiedByPatterns.set(patterns, qualified);
  }
  return qualified;
}

function qualifiedNames(patterns: PatternSet): Map<string, Set<string>> {
  const bagNames = new Set((patterns.objectBags ?? []).map((bag) => bag.names[bag.names.length - 1]));
  const receiversByName = new Map<string, Set<string> | null>();
  for (const pattern of patterns.patterns) {
    const name = calleeLastName(pattern.callee);
    const dot = pattern.callee.lastIndexOf('.');
    const receiver = dot < 0 ? '' : calleeLastName(pattern.callee.slice(0, dot));
    // A name also called without a receiver, read as a bag, or with a receiver that has no name of its own is tested alone.
    if (pattern.kind !== 'call' || receiver === '' || bagNames.has(name) || receiversByName.get(name) === null) receiversByName.set(name, null);
    else receiversByName.set(name, (receiversByName.get(name) ?? new Set<string>()).add(receiver));
  }
  const qualified = new Map<string, Set<string>>();
  for (const [name, receivers] of receiversByName) if (receivers !== null && name !== '') qualified.set(name, receivers);
  return qualified;
}

/** True when the names are ASCII, so `mayHoldChecks` may test a latin1 view of the bytes (cheaper than decoding UTF-8). */
export function canTestLatin1(patterns: PatternSet): boolean {
  // Asked once per file read: remembered per pattern set (computing it costs about as much as a read).
  let testable = latin1Testable.get(patterns);
  if (testable === undefined) {
    // The receivers `mayHoldChecks` looks for are parts of the callees; the options it looks for, of the key paths.
    const ascii = (name: string): boolean => [...name].every((character) => character.charCodeAt(0) < 0x80);
    testable = patterns.calleeNames.every(ascii) && patterns.patterns.every((pattern) => ascii(pattern.callee) && (pattern.keyPath ?? []).every(ascii));
    latin1Testable.set(patterns, testable);
  }
  return testable;
}

function calleeRegex(patterns: PatternSet): RegExp {
  let regex = calleeRegexes.get(patterns);
  if (regex === undefined) {
    // A bag object is read by property (`flags.x`, `flags['x']`) or destructured: its name may be followed by anything.
    const bagNames = new Set((patterns.objectBags ?? []).map((bag) => bag.names[bag.names.length - 1]));
    const qualified = qualifiedNames(patterns);
    const callNames = patterns.calleeNames.filter((name) => name !== '' && !bagNames.has(name) && !qualified.has(name));
    const alternatives: string[] = [];
    if (callNames.length > 0) alternatives.push(callRegexSource(callNames));
    for (const name of bagNames) if (name !== '') alternatives.push(leadingBoundary(name) + escapeRegex(name) + (/\w$/.test(name) ? '\\b' : ''));
    // A workspace's bag function handed whole to a store's selector hook (`useAppSelector(selectFeatures)`, see `handedSelector`);
    // a vendor's (`useFlags`) is a hook of its own.
    const bagFunctions = [...new Set(patterns.patterns.filter((pattern) => pattern.kind === 'bag' && pattern.packages === undefined && !pattern.callee.includes('.')).map((pattern) => pattern.callee))].filter((name) => /^\w/.test(name) && !bagNames.has(name));
    if (bagFunctions.length > 0) alternatives.push(`\\b${literalAlternation(bagFunctions)}\\s*\\)`);
    // No names at all matches nothing.
    regex = alternatives.length === 0 ? /(?!)/ : new RegExp(alternatives.join('|'));
    calleeRegexes.set(patterns, regex);
  }
  return regex;
}

/** A call of one of `names`, or a JSX element of a component among them. */
function callRegexSource(callNames: readonly string[]): string {
  // One boundary, one alternation, then one test of what follows: far cheaper than a boundary and a
  // follower in each branch (the regex engine then looks for the names' first characters alone).
  const wordStart = callNames.filter((name) => /^\w/.test(name));
  const otherStart = callNames.filter((name) => !/^\w/.test(name));
  const names = [...(wordStart.length > 0 ? [`\\b${literalAlternation(wordStart)}`] : []), ...(otherStart.length > 0 ? [literalAlternation(otherStart)] : [])];
  // Or a component a pattern names, rendered with its key as an attribute (`<IfFeatureEnabled feature="x">`, in a Vue
  // template also `<if-feature-enabled feature="x">`, see `componentTags`): told by what precedes the name once it is
  // found, which costs far less than a second alternative looking for `<`.
  const components = callNames.filter((name) => isComponentName(name) || isKebabTag(name)).map(escapeRegex);
  const jsx = components.length === 0 ? '' : `|(?<=<(?:${components.join('|')}))[\\s/>]`;
  // A Vue directive's attribute (`v-feature="'beta'"`, `v-feature:arg`, `v-feature.once`).
  const directive = callNames.some((name) => name.startsWith('v-')) ? '|(?<=\\bv-[\\w-]+)[=:.]' : '';
  return `(?:${names.join('|')})(?:${CALL_GAP}(?:[(</]|\\?\\.|as\\s)|${BRACKET_CALL}|${SAGA_CALL}${jsx}${directive})`;
}

// `\b` treats only ASCII letters, digits and `_` as word characters, so `$name` and `ñname` also match:
// more files accepted, never fewer. A name that starts with another character gets no `\b`.
function leadingBoundary(name: string): string {
  return /^\w/.test(name) ? '\\b' : '';
}

// A variable with FEATURE or FLAG, or FF first, read from an environment: `env.X`, `env['X']`, `getEnv('X')`, `Deno.env.get('X')`,
// through a settings service, `configService.get<boolean>('X')`, or as an app's configuration, `getConfig().FEATURE_X`.
const SWITCH_DECLARATION_TEXT = /[eE]nv\w*(?:\.get)?\s*(?:\.|\[\s*|\(\s*)['"`]?(?:[A-Z0-9_]*(?:FEATURE|FLAG)|(?:[A-Z]+_)*FF_)|(?:[cC]onfig\w*|[sS]ettings?\w*)\s*\.\s*get(?:OrThrow)?\s*(?:<[^>()]*>\s*)?\(\s*['"`][A-Z0-9_]*(?:FEATURE|FLAG)|(?:[cC]onfig|[sS]ettings?)(?:\(\s*\))?\s*\??\.\s*(?:[A-Z0-9_]*(?:FEATURE|FLAG)|FF_)/;

// A name with EXPERIMENTAL_ in it, which may be an experimental feature's switch (`useSetting('EXPERIMENTAL_SCRIPTING_SANDBOX')`,
// `env.NEXT_PUBLIC_ENABLE_EXPERIMENTAL_X`): the rules of a switch's name (scan/switchNames.ts) decide.
const EXPERIMENT_SWITCH_TEXT = /EXPERIMENTAL_[A-Z0-9]/;

// A setting named as a feature's switch read from an app's configuration: `config?.FeatureFlagX`, `getConfigValue(db, 'FeatureFlagX')`,
// `observeFeatureFlagWithVersion(db, 'FeatureFlagX')`.
const SETTING_READ_TEXT = /(?:[cC]onfig|[sS]etting|[fF]eature_?[fF]lag)\w*(?:\??\.\s*|\s*\([^()]*?['"`])(?:Feature|Flag)[A-Z]/;

// A module's stores of flags given out by name, `export const { ENABLE_X, DISABLE_Y } = featureFlagsStore`.
const FLAG_STORES_EXPORT_TEXT = /\bexport\s+const\s*\{[^}]*\}\s*=\s*[\w$]*(?:Flags|Toggles)[\w$]*\s*[;\n]/;

// A settings store's getter read by a setting named for a feature, `SettingsStore.getValue('feature_x')`, a path under
// a feature's, `config.get<boolean>(\`feature.${name}\`)`, or a variable that names one, `SettingsStore.getValue(featureName)`.
// Searched for only in a text that names a store or configuration as such (`SettingsStore`, `ConfigService`,
// `getConfigValue`), or reads node-config's (`config.get`) beside a switch's word: a search for a word starting with a frequent character ("feature", "settings", "`feature") costs a
// pass over every file, and most files say "feature" somewhere.
const STORE_SETTING_TEXT = /(?:[cC]onfig|[sS]etting)\w*\s*\.\s*\w*(?:get|Setting)\w*\s*(?:<[^>()]*>\s*)?\(\s*(?:['"`][fF]eature|(?:[fF]eature|[fF]lag|[tT]oggle)\w*\s*[,)])/;

// A constant such a module exports as a value written in code, `export const SHOW_EXAMPLES_LINK = false;`, or read from
// the browser's storage, `export const IS_SOLANA_ENABLED = !!localStorage.getItem('IS_SOLANA_ENABLED')`; or a function
// of no arguments that gives a boolean, `export function enableWSLDetection(): boolean`, `export const enableX = () =>
// true`, or another name for one; or a flag store made by a call given literals, `export const fModeEnabled =
// persisted(true, 'f-mode')` (see scan/flagStores.ts); or the one instance of a class of flag getters, `export const
// testFlags = new TestFlags()`; or one made of an environment variable, `export const isBillingEnabled = isTruthy(env.BILLING_ENABLED)`.
const HARD_CODED_FLAG_TEXT = /^export\s+(?:const\s+[\w$]+\s*(?::\s*boolean\s*)?=\s*(?:[^;]{0,80}?[eE]nv\b|(?:true|false)\b|new\s+[\w$]+\s*\(|[^;\n]*(?:local|session)Storage\.getItem\(|[\w$]+\s*;?\s*$|[\w$]+\s*(?:<[^>\n]*>\s*)?\(\s*(?:true\b|false\b|null\b|-?\d|['"`])|(?:function\s*)?\(\s*\)\s*(?::\s*boolean\s*)?(?:=>|\{))|function\s+[\w$]+\s*\(\s*\)\s*:\s*boolean\b)/m;

// A function that gives an environment variable as a boolean, `return process.env.PASSKEYS === "1"`, `=> isTruthy(env.X)`
// (see scan/toggleFunctions.ts): a return that reads an environment on its line.
const TOGGLE_FUNCTION_TEXT = /(?:\breturn\s|=>)[^;\n]*?\benv\s*(?:\??\.\s*[A-Z_]|\[)/;

// An object of flags set in code exported under a name for flags, `export const features = {` (see `flagMembersOf` in
// scan/flagsSetInCode.ts).
const FLAGS_OBJECT_EXPORT_TEXT = /\bexport\s+const\s+[\w$]*(?:[fF]eatures?|[fF]lags?|FEATURES?|FLAGS?)[\w$]*\s*(?::[^=\n]*)?=\s*\{/;

// The last words of the file names of an app's modules of settings.
const SETTINGS_MODULE_WORDS = new Set(['config', 'configuration', 'settings', 'env', 'environment', 'constants', 'features']);

/**
 * True when a file's name says it holds the app's settings: its last word is config, configuration, settings, env,
 * environment, constants or features (`config.ts`, `app-settings.ts`, `kernel/features.ts`). Such a module may give out
 * toggles by its shape alone (see scan/toggleFunctions.ts, `flagMembersOf`); the test of the name comes first because a
 * test of every file's text for words that start with a lower-case letter costs a pass over each.
 */
export function isSettingsModule(fileName: string): boolean {
  // Every file read passes here: the end of its name is looked at before any expression runs.
  const stem = stemOf(fileName);
  const lower = stem.toLowerCase();
  for (const word of SETTINGS_MODULE_WORDS) if (lower.endsWith(word)) return SETTINGS_MODULE_WORDS.has(wordsOfStem(stem).at(-1) ?? '');
  return false;
}

/** True when a module of settings may give out toggle functions or an object of flags; false only when it cannot. */
export function mayDeclareSettingsFlags(fileName: string, text: string): boolean {
  return isSettingsModule(fileName) && (TOGGLE_FUNCTION_TEXT.test(text) || FLAGS_OBJECT_EXPORT_TEXT.test(text));
}

/** A file's name without its folder and its last extension: `app.config` for `src/app.config.ts`. */
function stemOf(fileName: string): string {
  return fileName.slice(fileName.lastIndexOf('/') + 1, fileName.lastIndexOf('.'));
}

/** The words of a file's stem, lower case: `app`, `settings` for `app-settings` and `appSettings`; `app`, `config` for `app.config`. */
function wordsOfStem(stem: string): string[] {
  return stem.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s._-]+/);
}

/** True when a text may make a store's selector of one flag (see scan/flagSelectors.ts): a selector is made, and something is named for flags. */
export function mayDeclareFlagSelectors(text: string): boolean {
  return text.includes('Selector(') && (text.includes('Flag') || text.includes('Toggle'));
}

/** True when a file's path says it is a module of flags (see `hardCodedSwitch` in scan/environmentSwitches.ts). */
export function isFlagsModule(fileName: string): boolean {
  // The last word of the file's name: `temp-flags.ts`, `featureFlags.js`, `flags.ts`, `FeatureToggles.ts`, or a feature's
  // flag in the singular, `feature-flag.ts`; not `flags.d.ts`, nor `flag.ts` (as often a command line's).
  // Every file read passes here: its stem's end is looked at before any expression runs.
  const stem = stemOf(fileName);
  const lower = stem.toLowerCase();
  if (!lower.endsWith('flags') && !lower.endsWith('toggles') && !lower.endsWith('flag')) return false;
  const words = wordsOfStem(stem);
  const last = words[words.length - 1];
  return last === 'flags' || last === 'toggles' || (last === 'flag' && words[words.length - 2] === 'feature');
}

/**
 * True when a module named for flags may export one set in code, or an object of them (`export const flags = { enableX:
 * true }`, as a module of settings may); false only when it cannot.
 */
export function mayHardCodeFlags(fileName: string, text: string): boolean {
  return isFlagsModule(fileName) && (HARD_CODED_FLAG_TEXT.test(text) || FLAGS_OBJECT_EXPORT_TEXT.test(text));
}

/** True when the text may declare or read an environment switch (see scan/environmentSwitches.ts); false only when it cannot. */
export function mayDeclareEnvironmentSwitch(text: string): boolean {
  return ((text.includes('FEATURE') || text.includes('FLAG') || text.includes('FF_')) && SWITCH_DECLARATION_TEXT.test(text))
    || (text.includes('EXPERIMENTAL') && EXPERIMENT_SWITCH_TEXT.test(text))
    || ((text.includes('Feature') || text.includes('Flag')) && (SETTING_READ_TEXT.test(text) || FLAG_STORES_EXPORT_TEXT.test(text)))
    // node-config's `config.get('featureToggles.xEnabled')`, `config.get('features.x.enabled')` is looked for only where a
    // switch's word is written: a search for a word that starts with a frequent lower-case letter (`onfig`) costs several
    // times one that starts with a capital, and one that starts with a dot (`.enabled`) more, so a text with neither capital
    // word is first asked for `fig`, whose first letter is rarer in code (half the cost of `onfig` on the bench workspace).
    || ((text.includes('Settings') || text.includes('Config')
      || (text.includes('Toggles') || text.includes('Enabled') ? text.includes('onfig') : text.includes('fig') && text.includes('onfig') && text.includes('.enabled')))
      && STORE_SETTING_TEXT.test(text));
}

