// The names of environment variables and settings that say they switch a feature (`FEATURE_X`, `ENABLE_FEATURE_X`,
// `FF_X`, `EXPERIMENTAL_X`, past a framework's public prefix), and the words those rules read; settingReads.ts reads
// where and how such a variable is read.

import { ts } from 'ts-morph';

const { forEachChild, isIdentifier, isStringLiteralLike } = ts;

// An environment variable as written in code: upper case words joined by `_`.
export const VARIABLE_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
// Words of a variable that say it switches a feature.
const FEATURE_WORDS = new Set(['FEATURE', 'FEATURES', 'FLAG', 'FLAGS']);
// Words that, first in a variable's name (or after ENABLE or DISABLE), say it switches an experimental feature:
// `EXPERIMENTAL_SCRIPTING_SANDBOX`, `ENABLE_EXPERIMENTAL_MOCK_SERVERS`. An experiment's (`EXPERIMENT_CONFIG_OVERRIDE`,
// `REACT_APP_EXPERIMENT_OVERWRITES`) is a setting of the experiments' system.
const EXPERIMENT_WORDS = new Set(['EXPERIMENTAL']);
// Words of a variable that say it holds a boolean.
export const BOOLEAN_WORDS = new Set(['ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'ON', 'OFF']);
// Last words of a setting's name that say its value is something else than on or off: `feature_sliding_sync_proxy_url`.
export const VALUE_WORDS = new Set(['URL', 'URI', 'HOST', 'PORT', 'ENDPOINT', 'PROVIDER', 'ENVIRONMENT', 'INTERVAL', 'PATH', 'DIR', 'TIMEOUT', 'TTL', 'MAXAGE', 'LIMIT', 'COUNT', 'SIZE', 'TOKEN', 'SECRET', 'KEY', 'ID', 'IDS', 'NAME', 'NAMES', 'LIST', 'VERSION', 'DATA', 'SECONDS', 'MINUTES', 'HOURS', 'DAYS', 'MS', 'FREQUENCY', 'DELAY', 'RETRIES']);
// What frameworks put before a variable the browser may read.
export const PUBLIC_PREFIX = /^(?:NEXT_PUBLIC|NUXT_PUBLIC|EXPO_PUBLIC|REACT_APP|VUE_APP|VITE|GATSBY|PUBLIC)_/;

/** The words of a variable's or setting's name, upper case: `FEATURE_X_ENABLED` and `FeatureFlagXEnabled` alike. */
export function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split('_').filter((word) => word !== '');
}

/**
 * True when a name says it is one feature flag: FEATURE FLAG, singular, and then what it is (`FeatureFlagAppsEnabled`,
 * `FEATURE_FLAG_DISABLE_CUSTOM_FETCH`), read wherever it is, also handed on. `FEATURE_FLAGS_URL` is the flag system's,
 * and so is a name that ends in a value's word, `FEATURE_FLAG_SDK_KEY`.
 */
export function namesOneFlag(variable: string): boolean {
  const words = wordsOf(variable.replace(PUBLIC_PREFIX, ''));
  return words.length > 2 && words[0] === 'FEATURE' && words[1] === 'FLAG' && !VALUE_WORDS.has(words[words.length - 1]);
}

/**
 * True when a variable is named as a feature's switch: FEATURE(S), FLAG(S), FF or EXPERIMENTAL first, or ENABLE or
 * DISABLE and then one, past a framework's public prefix (`NEXT_PUBLIC_FEATURE_BILLING_ENABLED`,
 * `ENABLE_FEATURE_SUBSCRIPTION`, `EXPERIMENTAL_SCRIPTING_SANDBOX`). With no
 * name between the variable and where it gates, the name is all there is to tell a switch from a setting about
 * features (`CLIENT_FEATURE_CACHING_MAXAGE`, `AMPLIFY_CLI_DISABLE_SCRIPTING_FEATURES`) or the flag system itself
 * (`DISABLE_FEATURE_FLAGS`, `GO_FEATURE_FLAG_URL`).
 */
export function namedAsSwitch(variable: string): boolean {
  if (!namesSubject(variable)) return false;
  const words = wordsOf(variable.replace(PUBLIC_PREFIX, ''));
  const switching = (word: string | undefined): boolean => word !== undefined && (FEATURE_WORDS.has(word) || EXPERIMENT_WORDS.has(word));
  if (words[0] === 'FF' || switching(words[0])) return true;
  return (words[0] === 'ENABLE' || words[0] === 'DISABLE') && switching(words[1]);
}

/**
 * The one environment switch a function's body names, by a text or a constant of the variable's name
 * (`isDateFeatureFlagEnabled('FEATURE_FLAG_SAIL_ADDRESS', FEATURE_FLAG_SAIL_ADDRESS, new Date())`); undefined when it
 * names none or several.
 */
export function switchNamedIn(body: ts.Node): string | undefined {
  const named = new Set<string>();
  const visit = (node: ts.Node): void => {
    const name = isStringLiteralLike(node) || isIdentifier(node) ? node.text : undefined;
    if (name !== undefined && VARIABLE_NAME.test(name) && namedAsSwitch(name)) named.add(name);
    forEachChild(node, visit);
  };
  visit(body);
  return named.size === 1 ? [...named][0] : undefined;
}

/** True when a variable's words say it switches a feature: FEATURE(S) or FLAG(S) anywhere, or FF (feature flag) first. */
export function saysFeature(variable: string, words: readonly string[]): boolean {
  return words.some((word) => FEATURE_WORDS.has(word)) || wordsOf(variable.replace(PUBLIC_PREFIX, ''))[0] === 'FF';
}

/**
 * True when a variable names what it switches, past a framework's public prefix: `DISABLE_FEATURE_FLAGS`,
 * `FEATURE_FLAGS_ENABLED`, `FEATURE_FLAGS_ENABLE_ALL` and `ENABLE_EXPERIMENTAL_FEATURES` switch every flag at once,
 * `ENABLE_PAID_EE_FEATURES` an edition's features, and `ENABLED_FEATURES` and `featureToggles` list them; none is one
 * feature's switch.
 */
export function namesSubject(variable: string): boolean {
  return !wordsOf(variable.replace(PUBLIC_PREFIX, '')).every((word) => FEATURE_WORDS.has(word) || EXPERIMENT_WORDS.has(word) || BOOLEAN_WORDS.has(word) || SWITCH_WORDS.has(word) || EDITION_WORDS.has(word) || word === 'FF' || word === 'ALL');
}

// Words that name an edition of the product, whose features a variable switches all at once
// (`ENABLE_PAID_ENTERPRISE_EDITION_FEATURES`, `NEXT_PUBLIC_ENABLE_PAID_EE_FEATURES`): a license, not one feature's switch.
const EDITION_WORDS = new Set(['PAID', 'ENTERPRISE', 'EDITION', 'EE', 'LICENSE', 'LICENSED']);

// Words that, beside FEATURE or FLAG, name switches as such: `featureToggles`, read whole (`config.get('featureToggles')`),
// is every switch's record, not one switch.
const SWITCH_WORDS = new Set(['TOGGLE', 'TOGGLES', 'SWITCH', 'SWITCHES']);

/** True for a variable that says an experimental feature is on, by its first word, and no value's word last: `EXPERIMENTAL_SCRIPTING_SANDBOX`, not `EXPERIMENTAL_API_URL`. */
export function saysExperimentOn(variable: string): boolean {
  const words = wordsOf(variable.replace(PUBLIC_PREFIX, ''));
  return EXPERIMENT_WORDS.has(words[0]) && !VALUE_WORDS.has(words[words.length - 1]);
}
