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
