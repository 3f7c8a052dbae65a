// The flag-key injection grammar: generated from the presets and current, and its pattern finds the
// key of each preset call. The same lines go through VS Code's own TextMate tokenizer in test/e2e.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { PRESET_PATTERNS } from '../../server/src/analysis/patterns';
import { FLAG_KEY_SCOPE, GRAMMAR_FILE, INJECTED_INTO, flagCallNames, flagKeyGrammarText } from '../../scripts/flag-key-grammar';
import { GRAMMAR_CASES, type GrammarCase } from './grammarCases';

interface Grammar {
  injectionSelector: string;
  repository: { 'flag-key': { match: string; captures: Record<string, { name: string }> } };
}

const grammar = JSON.parse(fs.readFileSync(GRAMMAR_FILE, 'utf8')) as Grammar;
const rule = grammar.repository['flag-key'];

/** The text of capture 1 (the key) at every match, as a tokenizer scanning the line would find them. */
function keysIn(line: string): string[] {
  const pattern = new RegExp(rule.match, 'g');
  return [...line.matchAll(pattern)].map((match) => match[1]);
}

function check({ line, keys, inside }: GrammarCase): void {
  if (inside === undefined) {
    assert.deepEqual(keysIn(line), keys, line);
    return;
  }
  // The pattern alone would match here: the selector must keep it out of comments and strings.
  for (const scope of INJECTED_INTO) assert.match(grammar.injectionSelector, new RegExp(`L:${scope.replace(/\./g, '\\.')} [^,]*-${inside}\\b`));
}

describe('the flag-key grammar', () => {
  it('is the file the generator writes (run scripts/flag-key-grammar.ts after changing a preset)', () => {
    assert.equal(fs.readFileSync(GRAMMAR_FILE, 'utf8'), flagKeyGrammarText());
  });

  it('names every preset call that takes the key first', () => {
    // A preset's receiver is left to the evidence: the grammar names its method (`isEnabled` of `features.isEnabled`).
    const calls = PRESET_PATTERNS.filter((pattern) => pattern.kind === 'call').map((pattern) => pattern.callee.slice(pattern.callee.lastIndexOf('.') + 1));
    for (const callee of calls) assert.ok(flagCallNames().includes(callee), callee);
    assert.equal(rule.captures['1'].name, FLAG_KEY_SCOPE);
  });

  it('keeps each lookbehind branch fixed-length, as Oniguruma requires', () => {
    const lookbehind = /^\(\?<=(.*?)\)\\s\*/.exec(rule.match)?.[1];
    assert.ok(lookbehind, rule.match);
    for (const branch of lookbehind.split('|')) assert.match(branch, /^\\b[A-Za-z]+\\\($/);
  });

  for (const testCase of GRAMMAR_CASES) {
    it(`scopes ${testCase.keys.length > 0 ? testCase.keys.join(', ') : 'nothing'} in ${testCase.line}`, () => check(testCase));
  }
});
