// Naming rules for flag keys: a casing and/or a regular expression, after one of the allowed prefixes;
// what is wrong with a key, and the key it would be under the rule, for the rename quick fix.

import type { KeyCasing, NamingRule } from './policy';

const CASING_PATTERNS: Record<KeyCasing, RegExp> = {
  kebab: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  snake: /^[a-z0-9]+(_[a-z0-9]+)*$/,
  camel: /^[a-z][a-zA-Z0-9]*$/,
};

/** What breaks the rule, for people ("is not kebab-case"), or undefined when the key follows it. */
export function namingViolation(key: string, rule: NamingRule): string | undefined {
  const prefix = rule.prefixes?.find((candidate) => key.startsWith(candidate));
  if (rule.prefixes !== undefined && rule.prefixes.length > 0 && prefix === undefined) {
    return `does not start with ${rule.prefixes.map((candidate) => `'${candidate}'`).join(' or ')}`;
  }
  const rest = prefix === undefined ? key : key.slice(prefix.length);
  if (rule.casing !== undefined && !CASING_PATTERNS[rule.casing].test(rest)) {
    return `is not ${rule.casing}-case${prefix === undefined ? '' : ` after '${prefix}'`}`;
  }
  if (rule.pattern !== undefined && !new RegExp(rule.pattern).test(key)) return `does not match /${rule.pattern}/`;
  return undefined;
}

/**
 * The key under the rule: its words in the rule's casing, after its prefix (or the only allowed prefix);
 * undefined when no such key follows the whole rule (a pattern it still breaks, several prefixes to choose from).
 */
export function conformingKey(key: string, rule: NamingRule): string | undefined {
  const prefixes = rule.prefixes ?? [];
  const prefix = prefixes.find((candidate) => key.startsWith(candidate)) ?? (prefixes.length === 1 ? prefixes[0] : prefixes.length === 0 ? '' : undefined);
  if (prefix === undefined) return undefined;
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  const cased = rule.casing === undefined ? rest : joinWords(wordsOf(rest), rule.casing);
  const renamed = `${prefix}${cased}`;
  return renamed !== key && renamed !== prefix && namingViolation(renamed, rule) === undefined ? renamed : undefined;
}

function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function joinWords(words: readonly string[], casing: KeyCasing): string {
  if (casing === 'kebab') return words.join('-');
  if (casing === 'snake') return words.join('_');
  return words.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1))).join('');
}
