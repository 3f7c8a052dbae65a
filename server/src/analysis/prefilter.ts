// A text test that is cheaper than parsing and never wrong in the direction that matters: a file it
// rejects has no flag check. It may accept files that have none (a callee name in a comment).

import type { PatternSet } from '../patterns';

const calleeRegexes = new WeakMap<PatternSet, RegExp>();

/**
 * False only when the file cannot hold a flag check: no callee name of the set is written as a whole
 * identifier. Works on a latin1 view of UTF-8 bytes as well as on the decoded text, because the names
 * are ASCII and any non-ASCII neighbour counts as a boundary.
 */
export function mayHoldChecks(text: string, patterns: PatternSet): boolean {
  // `\u0066eature` is the identifier `feature`: a file with escapes is always parsed.
  return calleeRegex(patterns).test(text) || text.includes('\\u');
}

/** True when the names are ASCII, so `mayHoldChecks` may test a latin1 view of the bytes (cheaper than decoding UTF-8). */
export function canTestLatin1(patterns: PatternSet): boolean {
  return patterns.calleeNames.every((name) => [...name].every((character) => character.charCodeAt(0) < 0x80));
}

function calleeRegex(patterns: PatternSet): RegExp {
  let regex = calleeRegexes.get(patterns);
  if (regex === undefined) {
    // `\b` treats only ASCII letters, digits and `_` as word characters, so `$name` and `ñname` also
    // match: more files accepted, never fewer. A name that starts or ends with another character gets
    // no `\b` on that side. No names at all matches nothing.
    const names = patterns.calleeNames.filter((name) => name !== '').map((name) =>
      (/^\w/.test(name) ? '\\b' : '') + escapeRegex(name) + (/\w$/.test(name) ? '\\b' : ''));
    regex = names.length === 0 ? /(?!)/ : new RegExp(names.join('|'));
    calleeRegexes.set(patterns, regex);
  }
  return regex;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
