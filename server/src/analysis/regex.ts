// Building regular expressions from names taken from code and configuration.

/** `text` with every character a regular expression gives a meaning to escaped, to match it literally. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What may stand between a callee's name and what its call needs next (`(`, `<`, `?.`): whitespace as TypeScript reads
 * it, which holds characters JavaScript's `\s` does not (a zero-width space, U+200B; NEL, U+0085). Any non-ASCII
 * character is let through, since the prefilter may test a latin1 view of the UTF-8 bytes: more files accepted, never fewer.
 */
export const CALL_GAP = '[\\s\\u0080-\\uffff]*';

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

const wholeNameRegexes = new WeakMap<object, RegExp>();

/**
 * A test for any of the names written as a whole identifier (`showBanner`, not `showBannerText`), made once per
 * `owner`, the list the names are read from, since the same list is asked about for every file.
 */
export function wholeNamesRegex(owner: object, names: () => readonly string[]): RegExp {
  let regex = wholeNameRegexes.get(owner);
  if (regex === undefined) {
    regex = new RegExp(`(?<![\\w$])(?:${[...new Set(names())].map(escapeRegex).join('|')})(?![\\w$])`);
    wholeNameRegexes.set(owner, regex);
  }
  return regex;
}
