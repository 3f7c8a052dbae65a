// Building regular expressions from names taken from code and configuration.

/** `text` with every character a regular expression gives a meaning to escaped, to match it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One alternative per name, matched literally, written as a tree of shared beginnings (`get(?:Flag|Value)` for `getFlag`
 * and `getValue`): it matches what `a|b|…` would, and a regular expression engine, which tries the alternatives of a
 * flat list one by one at every position, rejects a position after the first characters instead of after every name.
 */
export function literalAlternation(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length === 0) return '(?!)';
  return `(?:${alternationOf(unique)})`;
}

function alternationOf(names: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  let ends = false;
  for (const name of names) {
    if (name === '') ends = true;
    else byFirst.set(name.charAt(0), [...(byFirst.get(name.charAt(0)) ?? []), name]);
  }
  const branches = [...byFirst.values()].map((group) => {
    // The beginning every name of the group shares, then what follows it in each.
    let shared = group[0];
    for (const name of group) while (!name.startsWith(shared)) shared = shared.slice(0, -1);
    const rests = group.map((name) => name.slice(shared.length));
    return escapeRegex(shared) + (rests.length === 1 && rests[0] === '' ? '' : `(?:${alternationOf(rests)})`);
  });
  // A name that ends here is the empty branch, tried last: the longer names first, as the flat list is usually followed by a
  // test of what comes after the name (a word's end, a call's parenthesis), which decides.
  return ends ? `${branches.join('|')}|` : branches.join('|');
}

/**
 * What may stand between a callee's name and what its call needs next (`(`, `<`, `?.`): whitespace as TypeScript reads
 * it, which holds characters JavaScript's `\s` does not (a zero-width space, U+200B; NEL, U+0085). Any non-ASCII
 * character is let through, since the prefilter may test a latin1 view of the UTF-8 bytes: more files accepted, never fewer.
 */
export const CALL_GAP = '[\\s\\u0080-\\uffff]*';

/**
 * What follows a function's name handed to redux-saga's `call` effect, which calls it with the arguments after it:
 * `yield call(getFeatureEnabled, FeatureFlags.CHAT)` (see scan/sagaEffects.ts).
 */
export const SAGA_CALL = `(?<=\\bcall\\(\\s*[\\w$.]+)${CALL_GAP},`;

/**
 * What follows a name that ends a text read as a property and then called: a Vuex getter's path,
 * `getters['features/isEnabled'](` (see scan/getterPaths.ts).
 */
export const BRACKET_CALL = `['"\`]\\s*\\]${CALL_GAP}\\(`;

/**
 * The names a JSX element can call as a component: JSX takes a tag that starts with a lowercase letter, or has a
 * dash, for an HTML element (`<div>`, `<my-widget>`), whatever a script declares under that name.
 */
export function componentNames(names: readonly string[]): string[] {
  return names.filter(isComponentName);
}

/** See `componentNames`. */
export function isComponentName(name: string): boolean {
  return name !== '' && !/^[a-z]/.test(name) && !name.includes('-');
}

/**
 * The tags a template may render components of these names by: each name, and for a name of more than one word its
 * kebab-case form, which Vue resolves to it (`<feature-flag>` for `FeatureFlag`).
 */
export function componentTags(names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const kebab = name.replace(/\B([A-Z])/g, '-$1').toLowerCase();
    return kebab.includes('-') ? [name, kebab] : [name];
  });
}

/** True for a component's tag in kebab-case (see `componentTags`): lower-case words joined by dashes. */
export function isKebabTag(name: string): boolean {
  return /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(name);
}

const wholeNameRegexes = new WeakMap<object, RegExp>();

/**
 * A test for any of the names written as a whole identifier (`showBanner`, not `showBannerText`), made once per
 * `owner`, the list the names are read from, since the same list is asked about for every file.
 */
export function wholeNamesRegex(owner: object, names: () => readonly string[]): RegExp {
  let regex = wholeNameRegexes.get(owner);
  if (regex === undefined) {
    regex = new RegExp(`(?<![\\w$])${literalAlternation(names())}(?![\\w$])`);
    wholeNameRegexes.set(owner, regex);
  }
  return regex;
}
