// The clean-up's workspace step (key constants go when no code uses them any more) and the name
// resolution it relies on: a syntax-only walk of scopes that must find the same declarations as the
// compiler would, shadowing included.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ts } from 'ts-morph';
import { bindFile } from '../../server/src/analysis/remove/program';
import { removeKeyConstants } from '../../server/src/analysis/remove/constants';

const KEYS = "export const FLAGS = {\n  NEW_CHECKOUT: 'new-checkout',\n  DARK: 'dark-mode',\n};\n";
const WITHOUT_NEW_CHECKOUT = "export const FLAGS = {\n  DARK: 'dark-mode',\n};\n";

describe('removeKeyConstants', () => {
  const cases: Array<{ name: string; other: string; deleted: boolean }> = [
    { name: 'deletes a constant nothing uses', other: 'export const x = FLAGS.DARK;\n', deleted: true },
    { name: 'deletes a constant only a comment mentions', other: '// NEW_CHECKOUT was removed in March\nexport const x = 1;\n', deleted: true },
    { name: 'deletes a constant only a string mentions', other: "log('NEW_CHECKOUT done');\n", deleted: true },
    { name: 'keeps a constant read as a property', other: 'export const x = FLAGS.NEW_CHECKOUT;\n', deleted: false },
    { name: 'keeps a constant read with brackets', other: "export const x = FLAGS['NEW_CHECKOUT'];\n", deleted: false },
    { name: 'keeps a constant used as a name', other: 'const { NEW_CHECKOUT } = FLAGS;\nuse(NEW_CHECKOUT);\n', deleted: false },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const files = [{ fileName: '/w/keys.ts', text: KEYS }, { fileName: '/w/use.ts', text: testCase.other }];
      const removals = removeKeyConstants(files, 'new-checkout');
      if (testCase.deleted) {
        assert.deepEqual(removals.map((removal) => [removal.fileName, removal.text, removal.deletedNames]), [['/w/keys.ts', WITHOUT_NEW_CHECKOUT, ['FLAGS.NEW_CHECKOUT']]]);
      } else {
        assert.deepEqual(removals, []);
      }
    });
  }
});

describe('removeKeyConstants counts references to the symbol, not text that shares its name', () => {
  const ENUM = "export enum Flags {\n  NewNav = 'new-checkout',\n  Dark = 'dark-mode',\n}\n";
  const ENUM_AFTER = "export enum Flags {\n  Dark = 'dark-mode',\n}\n";
  const CONSTANT = "export const NEW_CHECKOUT = 'new-checkout';\nexport const DARK = 'dark-mode';\n";
  const CONSTANT_AFTER = "export const DARK = 'dark-mode';\n";
  const cases: Array<{ name: string; keys: string; other: string; after?: string }> = [
    { name: 'a JSX component of the same name is not a use of an enum member', keys: ENUM, other: 'export const A = () => <NewNav />;\n', after: ENUM_AFTER },
    { name: 'a variable of the same name is not a use of an enum member', keys: ENUM, other: 'const NewNav = 1;\nuse(NewNav);\n', after: ENUM_AFTER },
    { name: 'an enum member read after its enum is a use', keys: ENUM, other: 'use(Flags.NewNav);\n' },
    { name: 'an enum member named in a type is a use', keys: ENUM, other: 'let x: Flags.NewNav;\n' },
    { name: 'a variable of the same name in a file that does not import it is not a use of a constant', keys: CONSTANT, other: 'export function f() {\n  const NEW_CHECKOUT = 2;\n  return NEW_CHECKOUT;\n}\n', after: CONSTANT_AFTER },
    { name: 'an import of a constant is a use', keys: CONSTANT, other: "import { NEW_CHECKOUT } from './keys';\nuse(NEW_CHECKOUT);\n" },
    { name: 'a read through a namespace import is a use of a constant', keys: CONSTANT, other: "import * as keys from './keys';\nuse(keys.NEW_CHECKOUT);\n" },
    {
      name: 'a constant goes with its comments, the file header above it stays',
      keys: `// Flag keys.\n${CONSTANT.replace("';\n", "'; // JIRA-12\n")}`,
      other: '',
      after: `// Flag keys.\n${CONSTANT_AFTER}`,
    },
    // Found by the fuzz run (scripts/fuzz.ts): the parser's recovery can put a member elsewhere than the text has it.
    { name: 'a keys file that already has a syntax error is left as it is', keys: CONSTANT.replace("'dark-mode';", "'dark-mode'; export function ("), other: '' },
    { name: 'a constant used in its own file is kept', keys: `${CONSTANT}export const ALL = [NEW_CHECKOUT];\n`, other: '' },
    { name: 'a constant shadowed in its own file is not used', keys: `${CONSTANT}export function f(NEW_CHECKOUT: string) {\n  return NEW_CHECKOUT;\n}\n`, other: '', after: `${CONSTANT_AFTER}export function f(NEW_CHECKOUT: string) {\n  return NEW_CHECKOUT;\n}\n` },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const files = [{ fileName: '/w/keys.ts', text: testCase.keys }, { fileName: '/w/use.tsx', text: testCase.other }];
      const removals = removeKeyConstants(files, 'new-checkout');
      assert.deepEqual(removals.map((removal) => removal.text), testCase.after === undefined ? [] : [testCase.after]);
    });
  }
});

describe('removeKeyConstants deletes the flag\'s entry of the team\'s registry when nothing refers to it', () => {
  const REGISTRY = { file: '/w/flags.ts', symbol: 'Flags' };
  const cases: Array<{ name: string; registry: string; other: string; after?: string; symbol?: string }> = [
    {
      name: 'an interface property goes with its trailing comment and the comment above it',
      registry: 'export interface Flags {\n  // The new checkout, JIRA-12\n  newCheckout: boolean; // until March\n  other: boolean;\n}\n',
      other: 'export const on = (flags: Flags) => flags.other;\n',
      after: 'export interface Flags {\n  other: boolean;\n}\n',
    },
    {
      name: 'a type literal property goes',
      registry: 'export type Flags = {\n  newCheckout: boolean;\n  other: boolean;\n};\n',
      other: '',
      after: 'export type Flags = {\n  other: boolean;\n};\n',
    },
    {
      name: 'an interface property still read stays',
      registry: 'export interface Flags {\n  newCheckout: boolean;\n  other: boolean;\n}\n',
      other: 'export const on = (flags: Flags) => flags.newCheckout;\n',
    },
    {
      name: 'an interface property still written in an object stays',
      registry: 'export interface Flags {\n  newCheckout: boolean;\n  other: boolean;\n}\n',
      other: 'export const defaults: Flags = { newCheckout: false, other: true };\n',
    },
    {
      name: 'a union member on one line goes with its bar',
      registry: "export type FlagKey = 'new-checkout' | 'other';\n",
      other: '',
      symbol: 'FlagKey',
      after: "export type FlagKey = 'other';\n",
    },
    {
      name: 'a union member on its own line goes with its line and its comment',
      registry: "export type FlagKey =\n  | 'other'\n  | 'new-checkout' // the new checkout\n  | 'dark-mode';\n",
      other: '',
      symbol: 'FlagKey',
      after: "export type FlagKey =\n  | 'other'\n  | 'dark-mode';\n",
    },
    {
      name: 'a union member whose key is still written somewhere stays',
      registry: "export type FlagKey = 'new-checkout' | 'other';\n",
      other: "useFlag('new-checkout');\n",
      symbol: 'FlagKey',
    },
    {
      name: 'the last member of a union stays',
      registry: "export type FlagKey = 'new-checkout';\n",
      other: '',
      symbol: 'FlagKey',
    },
    {
      name: 'an interface that is not the registry keeps its property',
      registry: 'export interface Props {\n  newCheckout: boolean;\n  other: boolean;\n}\n',
      other: '',
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const files = [{ fileName: REGISTRY.file, text: testCase.registry }, { fileName: '/w/use.tsx', text: testCase.other }];
      const removals = removeKeyConstants(files, 'new-checkout', { ...REGISTRY, symbol: testCase.symbol ?? REGISTRY.symbol });
      assert.deepEqual(removals.map((removal) => removal.text), testCase.after === undefined ? [] : [testCase.after]);
    });
  }
});

describe('bindFile resolves names by scope', () => {
  /** `«name»` marks the declaration; every other `name` marked `‹name›` must refer to it, and unmarked ones must not. */
  function check(marked: string): void {
    const declarationAt = marked.indexOf('«');
    const text = marked.replace(/[«»‹›]/g, '');
    const name = /«(\w+)»/.exec(marked)![1];
    const expected: number[] = [];
    const stripped = marked.replace(/«/g, '').replace(/»/g, '');
    for (let index = stripped.indexOf('‹'); index !== -1; index = stripped.indexOf('‹', index + 1)) {
      expected.push(stripped.slice(0, index).replace(/[‹›]/g, '').length);
    }
    const bound = bindFile('a.tsx', text);
    let declaration: ts.Node | undefined;
    const find = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.getStart(bound.sourceFile) === declarationAt) declaration = node;
      ts.forEachChild(node, find);
    };
    find(bound.sourceFile);
    assert.ok(declaration !== undefined, `no declaration of ${name}`);
    assert.deepEqual(bound.referencesTo(declaration).map((reference) => reference.getStart(bound.sourceFile)), expected, marked);
  }

  const cases: string[] = [
    'const «on» = 1;\nfunction f(on: number) { return on; }\nuse(‹on›);\n',
    'const «on» = 1;\n{ const on = 2; use(on); }\nuse(‹on›);\n',
    'function f() {\n  if (x) { var «on» = 1; }\n  return ‹on›;\n}\nuse(on);\n',
    'const «on» = 1;\nconst o = { on: 2, [‹on›]: 3 };\nuse(o.on, { ‹on› });\n',
    'const «on» = 1;\nfor (let on = 0; on < 2; on++) use(on);\ntry { } catch (on) { use(on); }\nuse(‹on›);\n',
    'import { «on» } from "x";\nexport { ‹on› };\nexport { on as other } from "y";\nconst el = <A on={‹on›} />;\n',
    'function «on»() { return 1; }\nconst g = function on() { return on; };\nclass C { on() { return ‹on›(); } }\n',
    'type T<on> = on;\nconst «on» = 1;\nlabel: for (;;) { break label; }\nuse(‹on›);\n',
  ];
  cases.forEach((testCase, index) => {
    it(`case ${index + 1}`, () => check(testCase));
  });
});
