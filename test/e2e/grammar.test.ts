// The flag-key injection grammar in VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma,
// as code-server ships them) on VS Code's TypeScript grammars: the regex is valid Oniguruma, the
// selector keeps comments and strings out, and the rest of the line still tokenizes as TypeScript.
// Run by test/e2e/run.sh, which sets FLAGLENS_CODE_SERVER_VSCODE to code-server's lib/vscode.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { FLAG_KEY_SCOPE, GRAMMAR_FILE } from '../../scripts/flag-key-grammar';
import { GRAMMAR_CASES } from '../unit/grammarCases';
import { setting } from './browser';

interface Token { startIndex: number; endIndex: number; scopes: string[] }
interface Grammar { tokenizeLine(line: string, state: unknown): { tokens: Token[] } }
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: object) => { loadGrammar(scopeName: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, filePath: string): object;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => object;
  OnigString: new (text: string) => object;
}

const INJECTION_SCOPE = 'flaglens.flag-keys.injection';
// The tokenizer's state at the start of a file, from the loaded vscode-textmate.
let initialState: unknown;
const LANGUAGES = [
  { scope: 'source.ts', file: 'TypeScript.tmLanguage.json' },
  { scope: 'source.tsx', file: 'TypeScriptReact.tmLanguage.json' },
];

async function loadGrammars(): Promise<Map<string, Grammar>> {
  const vscodeRoot = setting('FLAGLENS_CODE_SERVER_VSCODE');
  const load = createRequire(path.join(vscodeRoot, 'package.json'));
  const textmate = load('vscode-textmate') as TextMate;
  const oniguruma = load('vscode-oniguruma') as Oniguruma;
  const wasm = fs.readFileSync(path.join(path.dirname(load.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  initialState = textmate.INITIAL;
  const files = new Map<string, string>([
    ...LANGUAGES.map(({ scope, file }): [string, string] => [scope, path.join(vscodeRoot, 'extensions', 'typescript-basics', 'syntaxes', file)]),
    [INJECTION_SCOPE, GRAMMAR_FILE],
  ]);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = files.get(scopeName);
      return file === undefined ? null : textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
    // What package.json's `injectTo` asks VS Code to do.
    getInjections: (scopeName: string) => (LANGUAGES.some((language) => language.scope === scopeName) ? [INJECTION_SCOPE] : undefined),
  });
  const grammars = new Map<string, Grammar>();
  for (const { scope } of LANGUAGES) {
    const grammar = await registry.loadGrammar(scope);
    assert.ok(grammar, `VS Code's ${scope} grammar loads`);
    grammars.set(scope, grammar);
  }
  return grammars;
}

function tokens(grammar: Grammar, line: string): Array<{ text: string; scopes: string[] }> {
  return grammar.tokenizeLine(line, initialState).tokens.map((token) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
}

/** The text of each run of tokens in the flag-key scope. */
function scopedKeys(grammar: Grammar, line: string): string[] {
  const keys: string[] = [];
  let previousWasKey = false;
  for (const token of tokens(grammar, line)) {
    const isKey = token.scopes.includes(FLAG_KEY_SCOPE);
    if (isKey && previousWasKey) keys[keys.length - 1] += token.text;
    else if (isKey) keys.push(token.text);
    previousWasKey = isKey;
  }
  return keys.map((key) => key.trim());
}

describe("the flag-key grammar in VS Code's tokenizer", () => {
  let grammars: Map<string, Grammar>;

  before(async () => {
    grammars = await loadGrammars();
  });

  for (const { scope } of LANGUAGES) {
    for (const { line, keys } of GRAMMAR_CASES) {
      it(`${scope}: scopes ${keys.length > 0 ? keys.join(', ') : 'nothing'} in ${line}`, () => {
        assert.deepEqual(scopedKeys(grammars.get(scope)!, line), keys);
      });
    }

    it(`${scope}: leaves the rest of the call to TypeScript`, () => {
      const line = "if (await client.getBooleanValue('new-checkout', false)) {";
      const byText = new Map(tokens(grammars.get(scope)!, line).map((token) => [token.text.trim(), token.scopes]));
      assert.ok(byText.get('false')?.some((name) => name.startsWith('constant.language.boolean.false')), JSON.stringify([...byText]));
      assert.ok(byText.get('getBooleanValue')?.some((name) => name.startsWith('entity.name.function')), JSON.stringify([...byText]));
    });
  }
});
