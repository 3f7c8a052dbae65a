// What a check's call returns decides what the clean-up may replace: the value itself, the `.value` of an
// object that holds it, or nothing at all. Each case is cleaned with the flag serving true and false;
// the cleaned program must log what the original logged with the SDK stubbed (node:vm), and a check
// that is left as it is must say why.

import assert from 'node:assert/strict';
import * as vm from 'node:vm';
import { describe, it } from 'node:test';
import { namedPresets } from './named-presets';
import { checksFlag, removeFlagFromFile } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';

const KEY = 'new-checkout';
// `useGate` and `client.variable` are team and vendor calls nothing declares; `useToggle` says it gives
// an object with the value at `.enabled`.
const PATTERNS = namedPresets([
  { callee: 'useGate', keyArg: 0 },
  { callee: 'client.variable', keyArg: 1, defaultArg: 2 },
  { callee: 'useToggle', keyArg: 0, returns: { kind: 'object', valuePath: ['enabled'], others: 'the toggle state' } },
]);

interface Case {
  name: string;
  before: string;
  /** The cleaned text per served value (true, then false); undefined: left as it is, with `why` matched. */
  after?: [string, string];
  why?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'a details call read at .value folds to the value',
    before: "async function run() {\n  if ((await client.getBooleanDetails('new-checkout', false)).value) {\n    log('on');\n  }\n}\n",
    after: ["async function run() {\n  log('on');\n}\n", 'async function run() {\n}\n'],
  },
  {
    name: 'a details call read for its reason is left as it is',
    before: "async function run() {\n  const details = await client.getBooleanDetails('new-checkout', false);\n  log(details.reason);\n}\n",
    why: /only its \.value is the flag's value/,
  },
  {
    name: "an Unleash variant is never the flag's value",
    before: "function run() {\n  const { payload } = unleash.getVariant('new-checkout');\n  log(payload);\n}\n",
    why: /gives a variant \(name, enabled, payload\), not the flag's value/,
  },
  {
    name: "a team hook's object held in a variable is left as it is",
    before: "function run() {\n  const gate = useGate('new-checkout');\n  if (gate.value && !gate.isLoading) {\n    log('on');\n  }\n}\n",
    why: /held in 'gate', read as an object \(gate\.value\)/,
  },
  {
    name: 'a vendor variable object passed whole to a function is left as it is',
    before: "function run() {\n  const variable = client.variable(user, 'new-checkout', false);\n  log(variable);\n  return variable.value;\n}\n",
    why: /held in 'variable', passed to log\(\)/,
  },
  {
    name: 'a destructured result nothing declares is left as it is',
    before: "function run() {\n  const { value } = useGate('new-checkout');\n  log(value);\n}\n",
    why: /destructured \(\{ value \}\)/,
  },
  {
    name: 'a spread result is left as it is',
    before: "function run() {\n  log({ ...useGate('new-checkout') });\n}\n",
    why: /spread/,
  },
  {
    name: "a key written negated ('!x') is the flag's opposite only by the team's function: left as it is",
    before: "function run() {\n  if (useGate('!new-checkout')) {\n    log('off');\n  }\n}\n",
    why: /writes its key '!new-checkout': the team's own function reads the '!' as not/,
  },
  {
    name: 'a result nothing declares, used only as a value, is replaced',
    before: "function run() {\n  const on = useGate('new-checkout');\n  if (on) {\n    log('on');\n  }\n}\n",
    after: ["function run() {\n  log('on');\n}\n", 'function run() {\n}\n'],
  },
  {
    name: 'a declared value path of a user pattern folds',
    before: "function run() {\n  return useToggle('new-checkout').enabled ? 'new' : 'old';\n}\n",
    after: ["function run() {\n  return 'new';\n}\n", "function run() {\n  return 'old';\n}\n"],
  },
];

function clean(text: string, value: boolean): ReturnType<typeof removeFlagFromFile> {
  const checks = scanFile('a.ts', text, PATTERNS).checks.filter((check) => checksFlag(check, KEY));
  assert.equal(checks.length, 1, `one check of ${KEY} in:\n${text}`);
  return removeFlagFromFile('a.ts', text, checks, { kind: 'value', value }, KEY);
}

/** Runs a program's `run` with every SDK stubbed to serve `value`; gives what it logged and returned. */
async function outcome(source: string, value: boolean): Promise<unknown[]> {
  const logged: unknown[] = [];
  const details = { value, reason: 'STATIC', variant: value ? 'on' : 'off' };
  const context = vm.createContext({
    log: (item: unknown) => logged.push(item),
    user: {},
    client: { getBooleanDetails: () => Promise.resolve(details), variable: () => ({ value, isDefaulted: false }) },
    unleash: { getVariant: () => ({ name: value ? 'on' : 'off', enabled: value, payload: { v: 1 } }) },
    useGate: () => value,
    useToggle: () => ({ enabled: value, loading: false }),
  });
  const javascript = source.replace(/\): \w+ \{/g, ') {');
  const run = vm.runInContext(`(() => { ${javascript}; return run; })()`, context, { timeout: 1000 }) as () => unknown;
  logged.push(await run());
  return logged;
}

describe('flag clean-up: what each call returns', () => {
  for (const testCase of CASES) {
    for (const [index, value] of [true, false].entries()) {
      it(`${testCase.name} (${value})`, async () => {
        const removal = clean(testCase.before, value);
        if (testCase.after === undefined) {
          assert.equal(removal.text, testCase.before);
          assert.equal(removal.problems.length, 1);
          assert.match(removal.problems[0].message, testCase.why ?? /./);
        } else {
          assert.deepEqual(removal.problems, []);
          assert.equal(removal.text, testCase.after[index]);
        }
        // Cleaned or not, the program does what it did with the SDK serving this value.
        // As JSON: objects made in the vm's context have its prototypes, not this one's.
        assert.equal(JSON.stringify(await outcome(removal.text, value)), JSON.stringify(await outcome(testCase.before, value)));
      });
    }
  }

  // Decorators do not run in node:vm, so this one is only cleaned: `@true` decorates nothing.
  it('a decorator a team function makes is left as it is', () => {
    const before = "@useGate('new-checkout')\nclass Checkout {\n  run() {\n    log('on');\n  }\n}\n";
    for (const value of [true, false]) {
      const removal = clean(before, value);
      assert.equal(removal.text, before);
      assert.match(removal.problems[0]?.message ?? '', /applied as a decorator \(@useGate\('new-checkout'\)\)/);
    }
  });
});
