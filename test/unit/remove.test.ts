// Flag clean-up as before/after pairs: each case is cleaned with the flag serving true (treated) and
// false (control), or for variant flags with each variant. `F` in a case stands for a boolean check of
// 'new-checkout', `V` for a string check of it; the expected texts are what a person would have written.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checksFlag, removeFlagFromFile, type KeptValue } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';
import { namedPresets } from './named-presets';

const KEY = 'new-checkout';
const PATTERNS = namedPresets([{ callee: 'isFlagDisabled', keyArg: 0, negate: true }, { callee: 'isFeatureOn', keyArg: 0, defaultArg: 1 }]);
const BOOLEAN_CHECK = "client.getBooleanValue('new-checkout', false)";
const STRING_CHECK = "client.getStringValue('new-checkout', 'light')";

interface Case {
  name: string;
  file?: string;
  before: string;
  /** Expected text per served value, in the order of `values` (default: true, then false). */
  after: string[];
  values?: unknown[];
}

function clean(file: string, text: string, kept: KeptValue): string {
  const checks = scanFile(file, text, PATTERNS).checks.filter((check) => checksFlag(check, KEY));
  const removal = removeFlagFromFile(file, text, checks, kept, KEY);
  assert.deepEqual(removal.problems, [], `problems in ${file}`);
  return removal.text;
}

function expand(text: string): string {
  return text.replace(/\bF\b/g, BOOLEAN_CHECK).replace(/\bV\b/g, STRING_CHECK);
}

function check(testCase: Case): void {
  const values = testCase.values ?? [true, false];
  const file = testCase.file ?? 'a.ts';
  const before = expand(testCase.before);
  values.forEach((value, index) => {
    it(`${testCase.name} (${JSON.stringify(value)})`, () => {
      const after = clean(file, before, { kind: 'value', value });
      assert.equal(after, expand(testCase.after[index]));
      // Idempotent: the cleaned text has no check of the flag left to remove.
      assert.equal(clean(file, after, { kind: 'value', value }), after);
    });
  });
}

const CASES: Case[] = [
  {
    name: 'if without else',
    before: 'function f() {\n  a();\n  if (F) {\n    b();\n  }\n  c();\n}\n',
    after: ['function f() {\n  a();\n  b();\n  c();\n}\n', 'function f() {\n  a();\n  c();\n}\n'],
  },
  {
    name: 'if / else',
    before: 'function f() {\n  if (F) {\n    b();\n  } else {\n    c();\n  }\n}\n',
    after: ['function f() {\n  b();\n}\n', 'function f() {\n  c();\n}\n'],
  },
  {
    name: 'if / else with a negated check',
    before: 'function f() {\n  if (!F) {\n    b();\n  } else {\n    c();\n  }\n}\n',
    after: ['function f() {\n  c();\n}\n', 'function f() {\n  b();\n}\n'],
  },
  {
    name: 'awaited check',
    before: 'async function f() {\n  if (await F) {\n    b();\n  }\n}\n',
    after: ['async function f() {\n  b();\n}\n', 'async function f() {\n}\n'],
  },
  {
    name: 'else if in the middle of a chain',
    before: 'function f(x: number) {\n  if (x > 1) {\n    a();\n  } else if (F) {\n    b();\n  } else {\n    c();\n  }\n}\n',
    after: [
      'function f(x: number) {\n  if (x > 1) {\n    a();\n  } else {\n    b();\n  }\n}\n',
      'function f(x: number) {\n  if (x > 1) {\n    a();\n  } else {\n    c();\n  }\n}\n',
    ],
  },
  {
    name: 'else if at the end of a chain',
    before: 'function f(x: number) {\n  if (x > 1) {\n    a();\n  } else if (F) {\n    b();\n  }\n}\n',
    after: [
      'function f(x: number) {\n  if (x > 1) {\n    a();\n  } else {\n    b();\n  }\n}\n',
      'function f(x: number) {\n  if (x > 1) {\n    a();\n  }\n}\n',
    ],
  },
  {
    name: 'flag first in a chain keeps the rest of the chain',
    before: 'function f(x: number) {\n  if (F) {\n    a();\n  } else if (x > 1) {\n    b();\n  } else {\n    c();\n  }\n}\n',
    after: ['function f(x: number) {\n  a();\n}\n', 'function f(x: number) {\n  if (x > 1) {\n    b();\n  } else {\n    c();\n  }\n}\n'],
  },
  {
    name: 'nested ifs re-indent by two levels',
    before: 'function f(x: boolean) {\n  if (x) {\n    if (F) {\n      if (x) {\n        a();\n      }\n    }\n  }\n}\n',
    after: ['function f(x: boolean) {\n  if (x) {\n    if (x) {\n      a();\n    }\n  }\n}\n', 'function f(x: boolean) {\n  if (x) {\n  }\n}\n'],
  },
  {
    name: 'if without braces',
    before: 'function f() {\n  if (F) a();\n  else b();\n}\n',
    after: ['function f() {\n  a();\n}\n', 'function f() {\n  b();\n}\n'],
  },
  {
    name: 'guard clause',
    before: 'function f() {\n  if (!F) return;\n  a();\n}\n',
    after: ['function f() {\n  a();\n}\n', 'function f() {\n  return;\n}\n'],
  },
  {
    name: 'guard with a value and code after it',
    before: 'function f(): string {\n  if (!F) {\n    return \'old\';\n  }\n  const x = \'new\';\n  return x;\n}\n',
    after: ["function f(): string {\n  const x = 'new';\n  return x;\n}\n", "function f(): string {\n  return 'old';\n}\n"],
  },
  {
    name: 'early return makes the rest unreachable',
    before: 'function f(): number {\n  if (F) {\n    return 2;\n  }\n  a();\n  return 1;\n}\n',
    after: ['function f(): number {\n  return 2;\n}\n', 'function f(): number {\n  a();\n  return 1;\n}\n'],
  },
  {
    name: 'unreachable code keeps hoisted function declarations',
    before: 'function f(): number {\n  if (F) {\n    return g();\n  }\n  return 1;\n  function g() { return 2; }\n}\n',
    after: ['function f(): number {\n  return g();\n  function g() { return 2; }\n}\n', 'function f(): number {\n  return 1;\n  function g() { return 2; }\n}\n'],
  },
  {
    name: 'comment above the if stays above the kept code',
    before: 'function f() {\n  // Pick the checkout.\n  if (F) {\n    a();\n  } else {\n    b();\n  }\n}\n',
    after: ['function f() {\n  // Pick the checkout.\n  a();\n}\n', 'function f() {\n  // Pick the checkout.\n  b();\n}\n'],
  },
  {
    name: 'comments inside the removed branch go with it',
    before: 'function f() {\n  if (F) {\n    // new flow\n    a();\n  } else {\n    // old flow\n    b();\n  }\n}\n',
    after: ['function f() {\n  // new flow\n  a();\n}\n', 'function f() {\n  // old flow\n  b();\n}\n'],
  },
  {
    name: 'a removed if takes its comment along when nothing is kept',
    before: 'function f() {\n  a();\n  // Only in the new checkout.\n  if (F) {\n    b();\n  }\n}\n',
    after: ['function f() {\n  a();\n  // Only in the new checkout.\n  b();\n}\n', 'function f() {\n  a();\n}\n'],
  },
  {
    name: 'a comment that introduces a removed statement goes with it, a section comment over a paragraph that goes on stays',
    before: 'export function f() {\n  a();\n\n  // Payment steps\n  if (!F) old();\n  pay();\n\n  // Only without the new checkout.\n  if (!F) b();\n\n  c();\n  // Only in the new checkout.\n  if (F) d();\n  e();\n}\n',
    after: [
      'export function f() {\n  a();\n\n  // Payment steps\n  pay();\n\n  c();\n  // Only in the new checkout.\n  d();\n  e();\n}\n',
      'export function f() {\n  a();\n\n  // Payment steps\n  old();\n  pay();\n\n  // Only without the new checkout.\n  b();\n\n  c();\n  e();\n}\n',
    ],
  },
  {
    name: 'a section comment over code a kept return makes unreachable goes with it',
    before: 'function f() {\n  if (F) {\n    return 2;\n  }\n\n  // Fallback for old clients\n  a();\n  return 1;\n}\n',
    after: ['function f() {\n  return 2;\n}\n', 'function f() {\n  // Fallback for old clients\n  a();\n  return 1;\n}\n'],
  },
  {
    name: 'the comments that introduce a removed helper and a removed variable go with them',
    before: '// Checkout\n\n/**\n * Whether the new checkout is on.\n */\nfunction isNew() {\n  return F;\n}\n\n// Pages\nexport function f() {\n  // read once\n  const on = isNew(); // cached\n  return on ? 2 : 1;\n}\n',
    after: ['// Checkout\n\n// Pages\nexport function f() {\n  return 2;\n}\n', '// Checkout\n\n// Pages\nexport function f() {\n  return 1;\n}\n'],
  },
  {
    name: 'lifting keeps the braces when a name would clash',
    before: 'function f() {\n  const x = 1;\n  if (F) {\n    const x = 2;\n    use(x);\n  }\n  use(x);\n}\n',
    after: ['function f() {\n  const x = 1;\n  {\n    const x = 2;\n    use(x);\n  }\n  use(x);\n}\n', 'function f() {\n  const x = 1;\n  use(x);\n}\n'],
  },
  {
    name: 'lifting keeps the braces when a lifted name would shadow an outer one used after the block',
    before: 'const limit = 1;\nexport function f() {\n  if (F) {\n    const limit = 2;\n    log(limit);\n  }\n  return limit;\n}\n',
    after: [
      'const limit = 1;\nexport function f() {\n  {\n    const limit = 2;\n    log(limit);\n  }\n  return limit;\n}\n',
      'const limit = 1;\nexport function f() {\n  return limit;\n}\n',
    ],
  },
  {
    name: 'lifting keeps the braces when a lifted name is used before the block (it would be in its dead zone)',
    before: 'let total = 0;\nfor (const item of items) {\n  log(total);\n  if (F) {\n    let total = item * 2;\n    log(total);\n  }\n}\n',
    after: [
      'let total = 0;\nfor (const item of items) {\n  log(total);\n  {\n    let total = item * 2;\n    log(total);\n  }\n}\n',
      'let total = 0;\nfor (const item of items) {\n  log(total);\n}\n',
    ],
  },
  {
    name: 'lifting a name used only as a property elsewhere drops the braces',
    before: 'function f(o) {\n  if (F) {\n    const size = 2;\n    log(size);\n  }\n  return o.size;\n}\n',
    after: ['function f(o) {\n  const size = 2;\n  log(size);\n  return o.size;\n}\n', 'function f(o) {\n  return o.size;\n}\n'],
  },
  {
    name: 'a spread the flag guards in an object literal goes when it would spread nothing',
    before: 'const style = {\n  mb: 2,\n  ...(F && { align: 1 }),\n  color: c,\n};\n',
    after: ['const style = {\n  mb: 2,\n  ...{ align: 1 },\n  color: c,\n};\n', 'const style = {\n  mb: 2,\n  color: c,\n};\n'],
  },
  {
    name: 'a guarded spread that ends an object literal without a trailing comma',
    before: 'const style = { mb: 2, ...(F && { align: 1 }) };\n',
    after: ['const style = { mb: 2, ...{ align: 1 } };\n', 'const style = { mb: 2 };\n'],
  },
  {
    name: 'old literal conditions stay as written',
    before: 'function f() {\n  if (true) {\n    a();\n  }\n  if (F) {\n    b();\n  }\n}\n',
    after: ['function f() {\n  if (true) {\n    a();\n  }\n  b();\n}\n', 'function f() {\n  if (true) {\n    a();\n  }\n}\n'],
  },
  {
    name: 'ternary',
    before: "const label = F ? 'new' : 'old';\n",
    after: ["const label = 'new';\n", "const label = 'old';\n"],
  },
  {
    name: 'nested ternary',
    before: "function f(x: boolean) {\n  return x ? 'a' : F ? 'b' : 'c';\n}\n",
    after: ["function f(x: boolean) {\n  return x ? 'a' : 'b';\n}\n", "function f(x: boolean) {\n  return x ? 'a' : 'c';\n}\n"],
  },
  {
    name: 'ternary that keeps a lower-precedence branch gets parentheses',
    before: 'function f(a: number, b: number) {\n  return 1 + (F ? a + b : a - b) * 2;\n}\n',
    after: ['function f(a: number, b: number) {\n  return 1 + (a + b) * 2;\n}\n', 'function f(a: number, b: number) {\n  return 1 + (a - b) * 2;\n}\n'],
  },
  {
    name: 'multi-line ternary',
    before: 'const page = F\n  ? render(\n      2,\n    )\n  : render(1);\n',
    after: ['const page = render(\n  2,\n);\n', 'const page = render(1);\n'],
  },
  {
    name: 'multi-line ternary of objects, as formatters write it: the kept object hangs from the statement',
    before: 'function f() {\n  const banner = F\n    ? {\n        link: "/new",\n      }\n    : {\n        link: "/old",\n      };\n  return banner;\n}\n',
    after: ['function f() {\n  const banner = {\n    link: "/new",\n  };\n  return banner;\n}\n', 'function f() {\n  const banner = {\n    link: "/old",\n  };\n  return banner;\n}\n'],
  },
  {
    name: 'parentheses the removal left around a whole initializer, returned value, argument or condition go',
    before: "const label = (F && a > 1 ? 'x' : 'y');\nfunction g() {\n  return (F ? a + b : a - b);\n}\nlog((F ? a : b + 1));\nif ((F && a > 1)) go();\n",
    after: [
      "const label = a > 1 ? 'x' : 'y';\nfunction g() {\n  return a + b;\n}\nlog(a);\nif (a > 1) go();\n",
      "const label = 'y';\nfunction g() {\n  return a - b;\n}\nlog(b + 1);\n",
    ],
  },
  {
    name: 'parentheses still needed, around an untouched expression, or around a comma list stay',
    before: 'const n = (a + b) * (F ? c + 1 : 3);\nconst k = F ? (a + b) : c;\nconst m = (a + b);\nf((F && a, b));\n',
    after: ['const n = (a + b) * (c + 1);\nconst k = (a + b);\nconst m = (a + b);\nf((a, b));\n', 'const n = (a + b) * 3;\nconst k = c;\nconst m = (a + b);\nf((false, b));\n'],
  },
  {
    name: 'parentheses at the start of a statement stay: they may be what makes it an expression',
    before: 'let a;\n({ a } = F ? x : y);\n',
    after: ['let a;\n({ a } = x);\n', 'let a;\n({ a } = y);\n'],
  },
  {
    name: 'logical and in a condition',
    before: 'function f(x: boolean) {\n  if (x && F) {\n    a();\n  }\n}\n',
    after: ['function f(x: boolean) {\n  if (x) {\n    a();\n  }\n}\n', 'function f(x: boolean) {\n}\n'],
  },
  {
    name: 'logical and with a call on the left keeps the call',
    before: 'function f() {\n  if (ready() && F) {\n    a();\n  }\n}\n',
    after: ['function f() {\n  if (ready()) {\n    a();\n  }\n}\n', 'function f() {\n  if (ready() && false) {\n    a();\n  }\n}\n'],
  },
  {
    name: 'logical or in a condition',
    before: 'function f(x: boolean) {\n  if (x || F) {\n    a();\n  }\n}\n',
    after: ['function f(x: boolean) {\n  a();\n}\n', 'function f(x: boolean) {\n  if (x) {\n    a();\n  }\n}\n'],
  },
  {
    name: 'flag first in a logical expression',
    before: 'function f(x: boolean) {\n  return F && x;\n}\n',
    after: ['function f(x: boolean) {\n  return x;\n}\n', 'function f(x: boolean) {\n  return false;\n}\n'],
  },
  {
    name: 'logical expression statement',
    before: 'function f() {\n  F && a();\n  b();\n}\n',
    after: ['function f() {\n  a();\n  b();\n}\n', 'function f() {\n  b();\n}\n'],
  },
  {
    name: 'double negation and parentheses',
    before: 'const on = !!(F);\nconst off = !(F);\n',
    after: ['const on = true;\nconst off = false;\n', 'const on = false;\nconst off = true;\n'],
  },
  {
    name: 'nullish coalescing',
    before: "const label = V ?? 'none';\n",
    values: ['dark'],
    after: ["const label = 'dark';\n"],
  },
  {
    name: 'comparison of a variant',
    before: "function f() {\n  if (V === 'dark') {\n    a();\n  } else {\n    b();\n  }\n}\n",
    values: ['dark', 'light'],
    after: ['function f() {\n  a();\n}\n', 'function f() {\n  b();\n}\n'],
  },
  {
    name: 'inequality of a variant in a ternary',
    before: "const css = V !== 'light' ? 'theme-dark' : 'theme-light';\n",
    values: ['dark', 'light'],
    after: ["const css = 'theme-dark';\n", "const css = 'theme-light';\n"],
  },
  {
    name: 'switch on a variant keeps the matching case',
    before: "function f() {\n  switch (V) {\n    case 'dark':\n      a();\n      break;\n    case 'light':\n      b();\n      break;\n  }\n  c();\n}\n",
    values: ['dark', 'light', 'blue'],
    after: ['function f() {\n  a();\n  c();\n}\n', 'function f() {\n  b();\n  c();\n}\n', 'function f() {\n  c();\n}\n'],
  },
  {
    name: 'switch falls through and keeps its default',
    before: "function f(): number {\n  switch (V) {\n    case 'dark':\n      a();\n    case 'light':\n      return 1;\n    default:\n      return 2;\n  }\n}\n",
    values: ['dark', 'light', 'blue'],
    after: ['function f(): number {\n  a();\n  return 1;\n}\n', 'function f(): number {\n  return 1;\n}\n', 'function f(): number {\n  return 2;\n}\n'],
  },
  {
    name: 'variable holding the value is inlined and deleted',
    before: 'function f() {\n  const enabled = F;\n  if (enabled) {\n    a();\n  }\n  log(enabled);\n}\n',
    after: ['function f() {\n  a();\n  log(true);\n}\n', 'function f() {\n  log(false);\n}\n'],
  },
  {
    name: 'a variable first in its block, a blank line, and the if that tests it: both go, and both blank lines',
    before: 'async function f() {\n  const remote = await F;\n\n  if (remote) {\n    return 1;\n  }\n\n  return 2;\n}\n',
    after: ['async function f() {\n  return 1;\n}\n', 'async function f() {\n  return 2;\n}\n'],
  },
  {
    name: 'statements deleted one after the other, each with the blank line between them, keep the code after',
    before: 'function f() {\n  a();\n  const on = F;\n\n  if (on) {\n    b();\n  }\n\n  c();\n}\n',
    after: ['function f() {\n  a();\n\n  b();\n\n  c();\n}\n', 'function f() {\n  a();\n\n  c();\n}\n'],
  },
  {
    name: 'awaited variable used in a shorthand property',
    before: 'async function f() {\n  const enabled = await F;\n  return { enabled };\n}\n',
    after: ['async function f() {\n  return { enabled: true };\n}\n', 'async function f() {\n  return { enabled: false };\n}\n'],
  },
  {
    name: 'let variable keeps its declaration',
    before: 'function f() {\n  let enabled = F;\n  enabled = enabled && ok();\n  return enabled;\n}\n',
    after: ['function f() {\n  let enabled = true;\n  enabled = enabled && ok();\n  return enabled;\n}\n', 'function f() {\n  let enabled = false;\n  enabled = enabled && ok();\n  return enabled;\n}\n'],
  },
  {
    name: 'let variable never reassigned is inlined as a const is',
    before: 'function f() {\n  let on = F;\n  if (on) {\n    a();\n  }\n  log(on);\n}\n',
    after: ['function f() {\n  a();\n  log(true);\n}\n', 'function f() {\n  log(false);\n}\n'],
  },
  {
    name: 'var variable never reassigned is inlined as a const is',
    before: 'function f() {\n  var on = F;\n  return on ? 1 : 2;\n}\n',
    after: ['function f() {\n  return 1;\n}\n', 'function f() {\n  return 2;\n}\n'],
  },
  {
    name: 'let variable assigned by destructuring, a loop or an increment in parentheses keeps its declaration',
    before: 'let on = F;\n[on] = next();\nlet off = F;\nfor (off of all) log(off);\nlet n = F;\n(n)++;\nlog(on, n);\n',
    after: [
      'let on = true;\n[on] = next();\nlet off = true;\nfor (off of all) log(off);\nlet n = true;\n(n)++;\nlog(on, n);\n',
      'let on = false;\n[on] = next();\nlet off = false;\nfor (off of all) log(off);\nlet n = false;\n(n)++;\nlog(on, n);\n',
    ],
  },
  {
    name: 'var variable declared again, or read where its block may not have run, keeps its declaration',
    before: 'function f(x) {\n  var on = F;\n  var on = x;\n  if (x) {\n    var off = F;\n  }\n  return on || off;\n}\n',
    after: [
      'function f(x) {\n  var on = true;\n  var on = x;\n  if (x) {\n    var off = true;\n  }\n  return on || off;\n}\n',
      'function f(x) {\n  var on = false;\n  var on = x;\n  if (x) {\n    var off = false;\n  }\n  return on || off;\n}\n',
    ],
  },
  {
    name: 'a check in Promise.all drops its slot from the array and the pattern, and its name is inlined',
    before: 'async function f() {\n  const [user, on] = await Promise.all([load(), F]);\n  return on ? user : null;\n}\n',
    after: ['async function f() {\n  const [user] = await Promise.all([load()]);\n  return user;\n}\n', 'async function f() {\n  const [user] = await Promise.all([load()]);\n  return null;\n}\n'],
  },
  {
    name: 'a check in the middle of a multi-line Promise.all drops its slot and its line',
    before: 'async function f() {\n  const [a, on, b] = await Promise.all([\n    load(),\n    F,\n    other(),\n  ]);\n  if (on) go(a, b);\n}\n',
    after: [
      'async function f() {\n  const [a, b] = await Promise.all([\n    load(),\n    other(),\n  ]);\n  go(a, b);\n}\n',
      'async function f() {\n  const [a, b] = await Promise.all([\n    load(),\n    other(),\n  ]);\n}\n',
    ],
  },
  {
    name: 'a check in Promise.all keeps its slot when the pattern has a type, a rest before it, no other name, or the name is re-exported',
    before: 'const [a, on]: [User, boolean] = await Promise.all([load(), F]);\nconst [...rest] = await Promise.all([F]);\nconst [only] = await Promise.all([F]);\nconst [c, out] = await Promise.all([load(), F]);\nexport { out };\nlog(a, on, rest, only, c);\n',
    after: [
      'const [a, on]: [User, boolean] = await Promise.all([load(), true]);\nconst [...rest] = await Promise.all([true]);\nconst [only] = await Promise.all([true]);\nconst [c, out] = await Promise.all([load(), true]);\nexport { out };\nlog(a, on, rest, only, c);\n',
      'const [a, on]: [User, boolean] = await Promise.all([load(), false]);\nconst [...rest] = await Promise.all([false]);\nconst [only] = await Promise.all([false]);\nconst [c, out] = await Promise.all([load(), false]);\nexport { out };\nlog(a, on, rest, only, c);\n',
    ],
  },
  {
    name: 'exported constant keeps its declaration',
    before: 'export const enabled = F;\nif (enabled) a();\n',
    after: ['export const enabled = true;\na();\n', 'export const enabled = false;\n'],
  },
  {
    name: 'helper function whose only job was the flag',
    before: 'function isNewCheckout() {\n  return F;\n}\n\nfunction f() {\n  if (isNewCheckout()) {\n    a();\n  }\n}\n',
    after: ['function f() {\n  a();\n}\n', 'function f() {\n}\n'],
  },
  {
    name: 'async arrow helper awaited by its callers',
    before: 'const isNew = async () => F;\n\nasync function f() {\n  return (await isNew()) ? 2 : 1;\n}\n',
    after: ['async function f() {\n  return 2;\n}\n', 'async function f() {\n  return 1;\n}\n'],
  },
  {
    name: 'exported helper stays and returns the value',
    before: 'export function isNew() {\n  return F;\n}\n',
    after: ['export function isNew() {\n  return true;\n}\n', 'export function isNew() {\n  return false;\n}\n'],
  },
  {
    name: 'imports the removal left unused go, other imports stay',
    before: "import { renderNew, renderOld, shared } from './render';\nimport unused from './unused';\n\nexport function f() {\n  shared();\n  return F ? renderNew() : renderOld();\n}\n",
    after: [
      "import { renderNew, shared } from './render';\nimport unused from './unused';\n\nexport function f() {\n  shared();\n  return renderNew();\n}\n",
      "import { renderOld, shared } from './render';\nimport unused from './unused';\n\nexport function f() {\n  shared();\n  return renderOld();\n}\n",
    ],
  },
  {
    name: 'a whole import the removal left unused goes',
    before: "import { OpenFeature } from '@openfeature/server-sdk';\nimport { a } from './a';\n\nexport function f() {\n  if (OpenFeature.getClient().getBooleanValue('new-checkout', false)) a();\n}\n",
    after: ["import { a } from './a';\n\nexport function f() {\n  a();\n}\n", 'export function f() {\n}\n'],
  },
  {
    name: 'template literal',
    before: 'const css = `theme-${V}`;\n',
    values: ['dark'],
    after: ['const css = `theme-dark`;\n'],
  },
  {
    name: 'flag passed as an argument',
    before: 'render(F, 1);\n',
    after: ['render(true, 1);\n', 'render(false, 1);\n'],
  },
  {
    name: 'negating wrapper',
    before: "async function f() {\n  if (await isFlagDisabled('new-checkout')) {\n    return 'old';\n  }\n  return 'new';\n}\n",
    after: ["async function f() {\n  return 'new';\n}\n", "async function f() {\n  return 'old';\n}\n"],
  },
  {
    name: 'while loop keeps a literal condition',
    before: 'while (F) {\n  step();\n}\n',
    after: ['while (true) {\n  step();\n}\n', 'while (false) {\n  step();\n}\n'],
  },
  {
    name: 'class method',
    before: 'class A {\n  run() {\n    if (F) {\n      this.b();\n    }\n  }\n}\n',
    after: ['class A {\n  run() {\n    this.b();\n  }\n}\n', 'class A {\n  run() {\n  }\n}\n'],
  },
  {
    name: 'JSX: flag && element',
    file: 'a.tsx',
    before: 'export function A() {\n  return (\n    <div>\n      {F && <New />}\n      <Footer />\n    </div>\n  );\n}\n',
    after: ['export function A() {\n  return (\n    <div>\n      <New />\n      <Footer />\n    </div>\n  );\n}\n', 'export function A() {\n  return (\n    <div>\n      <Footer />\n    </div>\n  );\n}\n'],
  },
  {
    name: 'JSX: ternary of elements',
    file: 'a.tsx',
    before: 'export function A() {\n  return <div>{F ? <New /> : <Old />}</div>;\n}\n',
    after: ['export function A() {\n  return <div><New /></div>;\n}\n', 'export function A() {\n  return <div><Old /></div>;\n}\n'],
  },
  {
    name: 'JSX: parenthesised multi-line element',
    file: 'a.tsx',
    before: 'export function A() {\n  return (\n    <div>\n      {F && (\n        <p>\n          New\n        </p>\n      )}\n    </div>\n  );\n}\n',
    after: ['export function A() {\n  return (\n    <div>\n      <p>\n        New\n      </p>\n    </div>\n  );\n}\n', 'export function A() {\n  return (\n    <div>\n    </div>\n  );\n}\n'],
  },
  {
    name: 'JSX: ternary with null',
    file: 'a.tsx',
    before: 'export function A() {\n  return <div>{F ? <New /> : null}</div>;\n}\n',
    after: ['export function A() {\n  return <div><New /></div>;\n}\n', 'export function A() {\n  return <div></div>;\n}\n'],
  },
  {
    name: 'JSX: string attribute from a ternary',
    file: 'a.tsx',
    before: "export function A() {\n  return <a href={F ? '/v2' : '/v1'}>Go</a>;\n}\n",
    after: ['export function A() {\n  return <a href="/v2">Go</a>;\n}\n', 'export function A() {\n  return <a href="/v1">Go</a>;\n}\n'],
  },
  {
    name: 'JSX: flag passed as a prop',
    file: 'a.tsx',
    before: 'export function A() {\n  return <Checkout enabled={F} />;\n}\n',
    after: ['export function A() {\n  return <Checkout enabled={true} />;\n}\n', 'export function A() {\n  return <Checkout enabled={false} />;\n}\n'],
  },
  {
    name: 'JSX: destructured useFlags bag',
    file: 'a.tsx',
    before: "import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport function A() {\n  const { newCheckout } = useFlags();\n  return newCheckout ? <New /> : <Old />;\n}\n",
    after: ['export function A() {\n  return <New />;\n}\n', 'export function A() {\n  return <Old />;\n}\n'],
  },
  {
    name: 'JSX: destructured bag keeps the other flags',
    file: 'a.tsx',
    before: "import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport function A() {\n  const { newCheckout, darkMode } = useFlags();\n  return <div className={darkMode ? 'd' : 'l'}>{newCheckout && <New />}</div>;\n}\n",
    after: [
      "import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport function A() {\n  const { darkMode } = useFlags();\n  return <div className={darkMode ? 'd' : 'l'}><New /></div>;\n}\n",
      "import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport function A() {\n  const { darkMode } = useFlags();\n  return <div className={darkMode ? 'd' : 'l'}></div>;\n}\n",
    ],
  },
  {
    name: 'JSX: bag property access',
    file: 'a.tsx',
    before: "import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport function A() {\n  const flags = useFlags();\n  return flags.newCheckout ? <New /> : <Old />;\n}\n",
    after: [
      "import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport function A() {\n  const flags = useFlags();\n  return <New />;\n}\n",
      "import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport function A() {\n  const flags = useFlags();\n  return <Old />;\n}\n",
    ],
  },
  {
    name: 'JavaScript: hook in a component',
    file: 'a.jsx',
    before: "export function A() {\n  const enabled = useFeatureIsOn('new-checkout');\n  return <section>{enabled ? <strong>new</strong> : <em>old</em>}</section>;\n}\n",
    after: ['export function A() {\n  return <section><strong>new</strong></section>;\n}\n', 'export function A() {\n  return <section><em>old</em></section>;\n}\n'],
  },
  {
    name: 'JavaScript: CommonJS module',
    file: 'a.js',
    before: "const unleash = require('unleash-client');\n\nfunction price(total) {\n  if (unleash.isEnabled('new-checkout')) {\n    return total * 0.9;\n  }\n  return total;\n}\nmodule.exports = { price };\n",
    after: [
      "const unleash = require('unleash-client');\n\nfunction price(total) {\n  return total * 0.9;\n}\nmodule.exports = { price };\n",
      "const unleash = require('unleash-client');\n\nfunction price(total) {\n  return total;\n}\nmodule.exports = { price };\n",
    ],
  },
  {
    name: 'untouched code keeps its exact formatting',
    before: 'const   odd = [1,2 ,3];  // spacing\nif (F) {\n    a( odd );\n}\nfunction  g( ) {return 1}\n',
    after: ['const   odd = [1,2 ,3];  // spacing\na( odd );\nfunction  g( ) {return 1}\n', 'const   odd = [1,2 ,3];  // spacing\nfunction  g( ) {return 1}\n'],
  },
  {
    name: 'switch whose kept case breaks out of a guard',
    before: "function f(x: number) {\n  switch (V) {\n    case 'dark':\n      a();\n      // only for big orders\n      if (x > 1) {\n        b();\n        break;\n      }\n      c();\n      break;\n    case 'light':\n      d();\n      break;\n  }\n  e();\n}\n",
    after: [
      'function f(x: number) {\n  a();\n  // only for big orders\n  if (x > 1) {\n    b();\n  } else {\n    c();\n  }\n  e();\n}\n',
      'function f(x: number) {\n  d();\n  e();\n}\n',
    ],
    values: ['dark', 'light'],
  },
  {
    name: 'switch whose kept case starts with a one-line guard break',
    before: "function f(x: number) {\n  switch (V) {\n    case 'dark':\n      if (!x) break;\n      c();\n      break;\n    default:\n      d();\n  }\n}\n",
    after: ['function f(x: number) {\n  if (x) {\n    c();\n  }\n}\n', 'function f(x: number) {\n  d();\n}\n'],
    values: ['dark', 'light'],
  },
  {
    name: 'switch whose kept case breaks out of a guard with a compound condition and nothing after it',
    before: "function f(x: number) {\n  switch (V) {\n    case 'dark':\n      if (x > 1 && x < 5) {\n        b();\n        break;\n      }\n      break;\n    case 'light':\n      d();\n  }\n}\n",
    after: ['function f(x: number) {\n  if (x > 1 && x < 5) {\n    b();\n  }\n}\n', 'function f(x: number) {\n  d();\n}\n'],
    values: ['dark', 'light'],
  },
  {
    name: 'switch whose kept case breaks from an else keeps the switch with the live case only',
    before: "function f(x: number) {\n  switch (V) {\n    // the new look\n    case 'dark':\n      if (x) {\n        b();\n      } else {\n        break;\n      }\n      c();\n      break;\n    // the old look\n    case 'light':\n      d();\n      break;\n  }\n}\n",
    after: [
      "function f(x: number) {\n  switch ('dark') {\n    // the new look\n    case 'dark':\n      if (x) {\n        b();\n      } else {\n        break;\n      }\n      c();\n      break;\n  }\n}\n",
      'function f(x: number) {\n  d();\n}\n',
    ],
    values: ['dark', 'light'],
  },
  {
    name: 'destructured flag next to a rest element stays in the pattern, its uses are inlined',
    file: 'a.tsx',
    before: "import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function App() {\n  const { newCheckout, ...rest } = useFlags();\n  if (newCheckout) {\n    return <New flags={rest} />;\n  }\n  return <Old />;\n}\n",
    after: [
      "import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function App() {\n  const { newCheckout, ...rest } = useFlags();\n  return <New flags={rest} />;\n}\n",
      "import { useFlags } from 'launchdarkly-react-client-sdk';\nexport function App() {\n  const { newCheckout, ...rest } = useFlags();\n  return <Old />;\n}\n",
    ],
  },
  {
    name: 'exported helper that wraps the flag stays, its calls in the file are inlined',
    before: 'export function isNewCheckout() {\n  return F;\n}\nexport function page() {\n  return isNewCheckout() ? 1 : 2;\n}\n',
    after: [
      'export function isNewCheckout() {\n  return true;\n}\nexport function page() {\n  return 1;\n}\n',
      'export function isNewCheckout() {\n  return false;\n}\nexport function page() {\n  return 2;\n}\n',
    ],
  },
  {
    name: 'two checks of the flag in one condition',
    before: 'function f() {\n  if (F && !F) {\n    a();\n  } else if (F) {\n    b();\n  }\n}\n',
    after: ['function f() {\n  b();\n}\n', 'function f() {\n}\n'],
  },
  {
    name: 'a literal the removal introduced folds through the && chain around it',
    before: 'const x = a && (F || b) && c;\n',
    after: ['const x = a && c;\n', 'const x = a && b && c;\n'],
  },
  {
    name: 'a literal the removal introduced folds through the || chain around it',
    before: 'const x = a || (F && b) || c;\n',
    after: ['const x = a || b || c;\n', 'const x = a || c;\n'],
  },
  {
    name: 'a literal the removal introduced in a condition folds away',
    before: 'if (a && (F || b) && c) go();\n',
    after: ['if (a && c) go();\n', 'if (a && b && c) go();\n'],
  },
  {
    name: 'a literal the removal introduced stays where its value is read',
    before: 'const x = a && (F || b);\nconst y = a || (F && b);\n',
    after: ['const x = a && true;\nconst y = a || b;\n', 'const x = a && b;\nconst y = a || false;\n'],
  },
  {
    name: 'a literal the removal introduced left of ?? stays when falsy: ?? reads a falsy value as itself',
    before: 'if ((a || F) ?? b) go();\n',
    after: ['go();\n', 'if ((a || false) ?? b) go();\n'],
  },
  {
    name: 'literals that were in the code before stay in the chain',
    before: 'const x = a && true && (F || b) && c;\n',
    after: ['const x = a && true && c;\n', 'const x = a && true && b && c;\n'],
  },
];

describe('flag clean-up: before and after', () => {
  for (const testCase of CASES) check(testCase);

  it('has at least 80 before/after pairs', () => {
    const pairs = CASES.reduce((sum, testCase) => sum + (testCase.values ?? [true, false]).length, 0);
    assert.ok(pairs >= 80, `${pairs} pairs`);
  });
});

describe('flag clean-up: values and refusals', () => {
  it('uses the default written at each check when the flag serves the code default', () => {
    const text = "if (isFeatureOn('new-checkout', true)) {\n  a();\n}\nif (isFeatureOn('new-checkout', false)) {\n  b();\n}\n";
    assert.equal(clean('a.ts', text, { kind: 'code-default' }), 'a();\n');
  });

  it('uses the SDK default of a boolean check that passes none when the flag serves the code default', () => {
    const cases: Array<[string, string]> = [
      ["if (growthbook.isOn('new-checkout')) {\n  a();\n}\nb();\n", 'b();\n'],
      ["if (useFeatureIsOn('new-checkout')) {\n  a();\n}\nb();\n", 'b();\n'],
      ["if (growthbook.isOff('new-checkout')) {\n  a();\n}\nb();\n", 'a();\nb();\n'],
      ["if (unleash.isEnabled('new-checkout')) {\n  a();\n}\nb();\n", 'b();\n'],
      ["if (unleash.isEnabled('new-checkout', context, true)) {\n  a();\n}\nb();\n", 'a();\nb();\n'],
      // A wrapper that answers "disabled" answers true while the flag is not on.
      ["if (isFlagDisabled('new-checkout')) {\n  a();\n}\nb();\n", 'a();\nb();\n'],
    ];
    for (const [before, after] of cases) assert.equal(clean('a.ts', before, { kind: 'code-default' }), after, before);
  });

  it('leaves a check whose default is unknown as it is when the flag serves the code default, and says why', () => {
    const text = "if (isFeatureOn('new-checkout')) {\n  a();\n}\nif (posthog.isFeatureEnabled('new-checkout')) {\n  b();\n}\n";
    const checks = scanFile('a.ts', text, PATTERNS).checks;
    const removal = removeFlagFromFile('a.ts', text, checks, { kind: 'code-default' }, KEY);
    assert.equal(removal.text, text);
    assert.equal(removal.problems.length, 2);
    assert.match(removal.problems[0].message, /this check passes no default: pass a default value so FlagLens knows what the code serves/);
  });

  it('lists an exported helper and an exported constant that now always give one value', () => {
    const text = `export function isNewCheckout() {\n  return ${BOOLEAN_CHECK};\n}\nexport const newCheckoutOn = ${BOOLEAN_CHECK};\n`;
    const checks = scanFile('a.ts', text, PATTERNS).checks;
    const removal = removeFlagFromFile('a.ts', text, checks, { kind: 'value', value: true }, KEY);
    assert.deepEqual(removal.nowConstant, [
      { name: 'isNewCheckout', kind: 'function', value: true, line: 1 },
      { name: 'newCheckoutOn', kind: 'variable', value: true, line: 4 },
    ]);
  });

  it('lists a destructured flag kept for its rest element as now unused', () => {
    const text = 'export function f() {\n  const { newCheckout, ...rest } = useFlags();\n  return newCheckout ? rest : null;\n}\n';
    const checks = scanFile('a.ts', text, PATTERNS).checks.filter((check) => checksFlag(check, KEY));
    const removal = removeFlagFromFile('a.ts', text, checks, { kind: 'value', value: true }, KEY);
    assert.deepEqual(removal.nowUnused, [{ name: 'newCheckout', kind: 'variable', line: 2 }]);
    assert.deepEqual(removal.deletedNames, []);
  });

  it('leaves a check used as an object as it is', () => {
    const text = `${BOOLEAN_CHECK}.then(go);\n`;
    const checks = scanFile('a.ts', text, PATTERNS).checks;
    const removal = removeFlagFromFile('a.ts', text, checks, { kind: 'value', value: true }, KEY);
    assert.equal(removal.text, text);
    assert.equal(removal.problems.length, 1);
  });

  it('never rewrites a file that already had a syntax error, and says where the error is', () => {
    // The missing `}` of f makes the parser nest g inside the else branch that removal would delete.
    const text = `export function f() {\n  if (${BOOLEAN_CHECK}) {\n    a();\n  } else {\n    b();\n\nexport function g() {\n  return 1;\n}\n`;
    const checks = scanFile('a.ts', text, PATTERNS).checks;
    assert.equal(checks.length, 1);
    const removal = removeFlagFromFile('a.ts', text, checks, { kind: 'value', value: true }, KEY);
    assert.equal(removal.text, text);
    assert.deepEqual(removal.edits, []);
    assert.equal(removal.problems.length, 1);
    assert.match(removal.problems[0].message, /^the file already has a syntax error at 10:1 \('\}' expected\.\); 'new-checkout' is not removed from it until that is fixed$/);
    assert.equal(removal.problems[0].line, 10);
  });

  it('leaves a file where the removal would delete every element added to an untyped empty array', () => {
    const text = `export async function f() {\n  const on = [];\n  const off = [];\n  if (await ${BOOLEAN_CHECK}) {\n    on.push(1);\n  } else {\n    off.push(1);\n  }\n  return [on, off];\n}\n`;
    const checks = scanFile('a.ts', text, PATTERNS).checks;
    const removal = removeFlagFromFile('a.ts', text, checks, { kind: 'value', value: true }, KEY);
    assert.equal(removal.text, text);
    assert.match(removal.problems[0]?.message ?? '', /would delete every element added to 'off' \(declared as \[\] without a type/);
    // Typed, the array keeps its type without the elements: the removal goes ahead.
    const typed = text.replace('const off = [];', 'const off: number[] = [];');
    assert.deepEqual(removeFlagFromFile('a.ts', typed, scanFile('a.ts', typed, PATTERNS).checks, { kind: 'value', value: true }, KEY).problems, []);
  });

  it('lists what the removal left unused without deleting it', () => {
    const text = `function oldPage() {\n  return 1;\n}\nexport function f(user: string) {\n  if (${BOOLEAN_CHECK}) {\n    return 2;\n  }\n  return oldPage() + user.length;\n}\n`;
    const checks = scanFile('a.ts', text, PATTERNS).checks;
    const removal = removeFlagFromFile('a.ts', text, checks, { kind: 'value', value: true }, KEY);
    assert.deepEqual(removal.nowUnused.map((name) => `${name.kind} ${name.name}`).sort(), ['function oldPage', 'parameter user']);
    assert.match(removal.text, /function oldPage/);
    assert.equal(removal.checksRemoved, 1);
    assert.equal(removal.linesDeleted, 3);
  });
});
