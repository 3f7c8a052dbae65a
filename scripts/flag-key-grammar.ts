// Writes syntaxes/flaglens-keys.tmLanguage.json: a TextMate injection grammar that gives the string key
// of every preset flag call its own scope, so themes can colour flag keys. Generated from the presets
// so the grammar and the scanner name the same calls; `test/unit/grammar.test.ts` checks it is current.
// Usage: node --import tsx scripts/flag-key-grammar.ts

import * as fs from 'node:fs';
import * as path from 'node:path';
import { PRESET_PATTERNS } from '../server/src/analysis/patterns';

/** Where the grammar is written, and what package.json's `grammars` contribution points at. */
export const GRAMMAR_FILE = path.join(__dirname, '..', 'syntaxes', 'flaglens-keys.tmLanguage.json');

/** The scope of a flag key, quotes included. */
export const FLAG_KEY_SCOPE = 'string.quoted.flag-key.flaglens';

/** The languages the grammar is injected into. */
export const INJECTED_INTO = ['source.ts', 'source.tsx', 'source.js', 'source.js.jsx'];

/** The callee names whose first argument is a flag key, sorted. */
export function flagCallNames(): string[] {
  const names = PRESET_PATTERNS
    .filter((pattern) => pattern.kind === 'call' && pattern.keyArg === 0)
    .map((pattern) => pattern.callee.slice(pattern.callee.lastIndexOf('.') + 1));
  return [...new Set(names)].sort();
}

/**
 * The grammar as JSON-ready data. Oniguruma allows a lookbehind only top-level branches of fixed length,
 * so each call is its own branch `\bname\(` right before the key; `\b` keeps `myvariation(` out.
 */
export function flagKeyGrammar(): object {
  const calls = flagCallNames().map((name) => `\\b${name}\\(`).join('|');
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'FlagLens flag keys',
    scopeName: 'flaglens.flag-keys.injection',
    injectionSelector: INJECTED_INTO.map((scope) => `L:${scope} -comment -string`).join(', '),
    patterns: [{ include: '#flag-key' }],
    repository: {
      'flag-key': {
        comment: 'The key, a plain string literal, right after the opening parenthesis of a flag call.',
        match: `(?<=${calls})\\s*((['"\`])[^'"\`\\\\$\\r\\n]*(\\2))`,
        captures: {
          1: { name: FLAG_KEY_SCOPE },
          2: { name: 'punctuation.definition.string.begin.flaglens' },
          3: { name: 'punctuation.definition.string.end.flaglens' },
        },
      },
    },
  };
}

/** The file's text: the grammar, two-space indented, with a final newline. */
export function flagKeyGrammarText(): string {
  return `${JSON.stringify(flagKeyGrammar(), null, 2)}\n`;
}

if (require.main === module) {
  fs.writeFileSync(GRAMMAR_FILE, flagKeyGrammarText());
  console.log(`wrote ${path.relative(process.cwd(), GRAMMAR_FILE)} (${flagCallNames().length} flag calls)`);
}
