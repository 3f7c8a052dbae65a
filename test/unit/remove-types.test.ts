// Where the project's types are at hand, the type checker's return type of a check's call is evidence
// of what it gives: the fixture holds a flag SDK's declarations in its own node_modules (fake-flags) and
// a team's wrapper that .flaglens.json names without saying what it returns. Each row is cleaned with
// the flag serving true, as a file of that project; `why` is matched when the check is left as it is.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { checksFlag, removeFlagFromFile } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';
import { loadCleanFolder, planClean, planCleanIn, type CleanResult } from '../../server/src/cli/clean';
import { createCallTypes } from '../../server/src/workspace/callTypes';
import { toPosixPath } from '../../server/src/workspace/files';

const PROJECT = toPosixPath(path.resolve(__dirname, '../fixtures/types'));
const KEY = 'new-checkout';
// As the fixture's .flaglens.json names them: nothing says what they return but `legacyVariant`, which
// claims (wrongly) to give the boolean value.
const PATTERNS = buildPatternSet([
  { callee: 'useFeature', keyArg: 0 },
  { callee: 'flagOn', keyArg: 0 },
  { callee: 'flagOnAsync', keyArg: 0 },
  { callee: 'variantOf', keyArg: 0 },
  { callee: 'detailsOf', keyArg: 0 },
  { callee: 'anyOf', keyArg: 0 },
  { callee: 'legacyVariant', keyArg: 0, type: 'boolean', returns: { kind: 'value' } },
]);
const IMPORTS = "import { anyOf, detailsOf, flagOn, flagOnAsync, legacyVariant, variantOf } from 'fake-flags';\nimport { useFeature } from './feature';\n";

interface Row {
  name: string;
  /** The code after the imports. */
  before: string;
  /** The cleaned code after the imports (the imports the removal left unused go); undefined: left as it is. */
  after?: string;
  why?: RegExp;
  /** Where the file is; by default in the fixture's src/, where the SDK's declarations resolve. */
  folder?: string;
}

const ROWS: Row[] = [
  {
    name: "a team wrapper returning the SDK's variant, tested for truth, is left as it is",
    before: "export function f(): string {\n  if (useFeature('new-checkout')) {\n    return 'variant';\n  }\n  return 'none';\n}\n",
    why: /returns `Variant` \(from fake-flags\), not the flag's value/,
  },
  {
    name: "the SDK's variant call destructured is left as it is, by its type",
    before: "export function f(): string | undefined {\n  const { payload } = variantOf('new-checkout');\n  return payload?.value;\n}\n",
    why: /returns `Variant` \(from fake-flags\), not the flag's value/,
  },
  {
    name: 'a call typed boolean passed to a function is replaced (its use alone would leave it)',
    before: "export function f(): void {\n  console.log(flagOn('new-checkout'));\n}\n",
    after: 'export function f(): void {\n  console.log(true);\n}\n',
  },
  {
    name: 'an awaited call typed Promise<boolean> is replaced',
    before: "export async function f(total: number): Promise<number> {\n  const discounted = await flagOnAsync('new-checkout');\n  if (discounted) {\n    return total * 0.9;\n  }\n  return total;\n}\n",
    after: 'export async function f(total: number): Promise<number> {\n  return total * 0.9;\n}\n',
  },
  {
    name: 'a call typed Promise<boolean> returned from an async function is replaced',
    before: "export async function f(): Promise<boolean> {\n  return flagOnAsync('new-checkout');\n}\n",
    after: 'export async function f(): Promise<boolean> {\n  return true;\n}\n',
  },
  {
    name: 'a call typed Promise<boolean> and not awaited is left as it is',
    before: "export function f(): void {\n  void flagOnAsync('new-checkout').then((on) => console.log(on));\n}\n",
    why: /returns `Promise<boolean>` \(a promise not awaited here\), not the flag's value/,
  },
  {
    name: 'a call typed as details folds at .value',
    before: "export function f(): string {\n  return detailsOf('new-checkout').value ? 'new' : 'old';\n}\n",
    after: "export function f(): string {\n  return 'new';\n}\n",
  },
  {
    name: 'a call typed as details read for its reason is left as it is',
    before: "export function f(): string {\n  return detailsOf('new-checkout').reason;\n}\n",
    why: /returns `Details<boolean>` \(from fake-flags\), and only its \.value is the flag's value/,
  },
  {
    name: 'a pattern that says the value, on a call typed as a variant, is left as it is',
    before: "export function f(): string {\n  return legacyVariant('new-checkout') ? 'new' : 'old';\n}\n",
    why: /returns `Variant` \(from fake-flags\) by its type, though its pattern says it gives the flag's value/,
  },
  {
    name: 'a call typed any is no evidence: its use decides, and a property read leaves it',
    before: "export function f(): unknown {\n  return anyOf('new-checkout').payload;\n}\n",
    why: /read as an object \(anyOf\('new-checkout'\)\.payload\)/,
  },
  {
    name: 'a call typed any used as a value is replaced',
    before: "export function f(): string {\n  return anyOf('new-checkout') ? 'new' : 'old';\n}\n",
    after: "export function f(): string {\n  return 'new';\n}\n",
  },
  {
    name: "a bare call of the project's own function that shares an SDK method's name is left as it is",
    before: "import { getStringValue } from './entries';\nexport function f(): string {\n  return getStringValue('new-checkout');\n}\n",
    why: /this call of getStringValue\(\) is the project's own function \(declared in src\/entries\.ts\), not OpenFeature's/,
  },
  {
    name: "where the SDK's declarations are not at hand, the use decides (a truth test is a value use)",
    before: "export function f(): string {\n  if (useFeature('new-checkout')) {\n    return 'variant';\n  }\n  return 'none';\n}\n",
    after: "export function f(): string {\n  return 'variant';\n}\n",
    folder: '/flaglens-no-such-project/src',
  },
  // A server SDK's call gives a promise; where its declarations are not at hand, a pattern that says it gives the
  // value is trusted only where the code awaits it or uses it as a value.
  {
    name: 'a call returned, not awaited, from a function declared Promise<boolean> is left as it is, types or none',
    before: "export function f(): Promise<boolean> {\n  return legacyVariant('new-checkout');\n}\n",
    why: /used where the code expects `Promise<boolean>` and does not await it: the call gives a promise there/,
    folder: '/flaglens-no-such-project/src',
  },
  {
    name: 'a call returned from an async function is replaced where no types are at hand',
    before: "export async function f(): Promise<boolean> {\n  return legacyVariant('new-checkout');\n}\n",
    after: 'export async function f(): Promise<boolean> {\n  return true;\n}\n',
    folder: '/flaglens-no-such-project/src',
  },
  {
    name: 'a call held in a variable typed Promise<boolean> is left as it is',
    before: "export function f(): void {\n  const pending: Promise<boolean> = legacyVariant('new-checkout');\n  void pending;\n}\n",
    why: /used where the code expects `Promise<boolean>`/,
    folder: '/flaglens-no-such-project/src',
  },
  {
    name: 'a call passed to a parameter typed Promise<boolean> | undefined is left as it is',
    before: "export function f(wait: (pending?: Promise<boolean>) => void): void {\n  wait(legacyVariant('new-checkout'));\n}\n",
    why: /used where the code expects `Promise<boolean> \| undefined`/,
    folder: '/flaglens-no-such-project/src',
  },
  {
    name: 'a call held in a variable that a function declared Promise<boolean> returns is left as it is',
    before: "export function f(): Promise<boolean> {\n  const pending = legacyVariant('new-checkout');\n  return pending;\n}\n",
    why: /held in 'pending', used where the code expects `Promise<boolean>`/,
    folder: '/flaglens-no-such-project/src',
  },
  {
    name: 'a call held in a variable whose .then is called is left as it is',
    before: "export function f(): void {\n  const pending = legacyVariant('new-checkout');\n  void pending.then((on) => console.log(on));\n}\n",
    why: /held in 'pending', used as an object \(pending\.then\)/,
    folder: '/flaglens-no-such-project/src',
  },
  {
    name: 'a call held in a variable and awaited is replaced',
    before: "export async function f(): Promise<string> {\n  const pending = legacyVariant('new-checkout');\n  return (await pending) ? 'new' : 'old';\n}\n",
    after: "export async function f(): Promise<string> {\n  return 'new';\n}\n",
    folder: '/flaglens-no-such-project/src',
  },
];

describe("flag clean-up: the checker's return type as evidence", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const fileName = `${row.folder ?? `${PROJECT}/src`}/rows.ts`;
      const text = IMPORTS + row.before;
      const checks = scanFile(fileName, text, PATTERNS).checks.filter((check) => checksFlag(check, KEY));
      assert.equal(checks.length, 1, `one check of ${KEY} in:\n${text}`);
      const removal = removeFlagFromFile(fileName, text, checks, { kind: 'value', value: true }, KEY, createCallTypes([{ fileName, text }]));
      if (row.after === undefined) {
        assert.equal(removal.text, text);
        assert.equal(removal.problems.length, 1, JSON.stringify(removal.problems));
        assert.match(removal.problems[0].message, row.why ?? /./);
      } else {
        assert.deepEqual(removal.problems, []);
        assert.equal(removal.text.slice(removal.text.indexOf('export ')), row.after);
      }
    });
  }

  it('flaglens clean on the fixture leaves the object check and removes the boolean ones', async () => {
    const result = await planClean({ key: KEY, directory: PROJECT, dryRun: true, value: { value: false } }, () => undefined);
    const checkout = result.removal.files.find((file) => file.fileName.endsWith('/src/checkout.ts'));
    assert.equal(checkout?.text, [
      "import { useFeature } from './feature';",
      '',
      'export function checkoutBanner(): string {',
      "  if (useFeature('new-checkout')) {",
      "    return 'variant';",
      '  }',
      "  return 'none';",
      '}',
      '',
      'export function logCheckout(): void {',
      '  console.log(false);',
      '}',
      '',
      'export async function checkoutTotal(total: number): Promise<number> {',
      '  return total;',
      '}',
      '',
    ].join('\n'));
    assert.deepEqual(checkout?.problems.map((problem) => `${problem.line}: ${problem.message}`), [
      "5: this check of 'new-checkout' returns `Variant` (from fake-flags), not the flag's value; left as it is",
    ]);
  });

  it('a folder loaded once plans any number of clean-ups, each as a fresh load would', async () => {
    const texts = (result: CleanResult) => result.removal.files.map((file) => [file.fileName, file.text]);
    const alone = await planClean({ key: KEY, directory: PROJECT, dryRun: true, value: { value: false } }, () => undefined);
    const folder = await loadCleanFolder(PROJECT, undefined, () => undefined);
    const first = planCleanIn(folder, { key: KEY, value: { value: false } });
    const other = planCleanIn(folder, { key: KEY, value: { value: true } });
    const again = planCleanIn(folder, { key: KEY, value: { value: false } });
    assert.notDeepEqual(texts(other), texts(first));
    assert.deepEqual(texts(first), texts(alone));
    assert.deepEqual(texts(again), texts(alone));
  });
});
