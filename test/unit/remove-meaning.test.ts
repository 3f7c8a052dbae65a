// Differential test of meaning: small generated programs branch, guard, loop, switch and compute around
// checks of one flag and log what they do. Each program runs with the SDK stubbed to the served value,
// then the cleaned program runs (in node:vm; the programs are JavaScript, so no transpiling is needed); the logs and the return value must be the same. A clean-up that drops
// an `else` together with an `if (false)`, or keeps the wrong case, fails here.

import assert from 'node:assert/strict';
import * as vm from 'node:vm';
import { describe, it } from 'node:test';
import { checksFlag, removeFlagFromFile, type KeptValue } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';
import { namedPresets } from './named-presets';
import { seededRandom } from '../../bench/generate';

const KEY = 'new-checkout';
const PATTERNS = namedPresets([]);
const BOOLEAN_PROGRAMS = 120;
const VARIANT_PROGRAMS = 40;
const VARIANTS = ['dark', 'light', 'blue'];

type Mode = 'boolean' | 'variant';

/** Writes random programs; `pick` and `chance` come from one seeded stream, so every run sees the same programs. */
class ProgramWriter {
  private counter = 0;
  private readonly variables: string[] = [];

  constructor(private readonly random: () => number, private readonly mode: Mode) {}

  program(): string {
    const lines: string[] = ['function run(input) {'];
    if (this.chance(0.5)) {
      // `let` and `var` that nothing assigns again are inlined as `const` is.
      lines.push(`  ${this.pick(['const', 'let', 'var'])} on = ${this.check()};`);
      this.variables.push('on');
    }
    if (this.chance(0.3)) {
      lines.push(`  const off = !${this.check()};`);
      this.variables.push('off');
    }
    const helper = this.chance(0.3);
    if (helper) this.variables.push('isOn()');
    lines.push(...this.statements(2, 1 + Math.floor(this.random() * 4)));
    lines.push(`  return ${this.value(2)};`, '}');
    if (helper) lines.push('function isOn() {', `  return ${this.check()};`, '}');
    return `${lines.join('\n')}\n`;
  }

  private statements(depth: number, count: number, indent = '  ', inLoop = false): string[] {
    const lines: string[] = [];
    for (let index = 0; index < count; index++) lines.push(...this.statement(depth, indent, inLoop));
    return lines;
  }

  private statement(depth: number, indent: string, inLoop: boolean): string[] {
    const inner = `${indent}  `;
    const choice = Math.floor(this.random() * (depth > 0 ? 10 : 4));
    switch (choice) {
      case 0:
        return [`${indent}log('${this.name()}');`];
      case 1:
        return [`${indent}${this.condition(1)} && log('${this.name()}');`];
      case 2:
        return [`${indent}log(${this.value(1)});`];
      case 3:
        return inLoop && this.chance(0.5)
          ? [`${indent}if (${this.condition(1)}) ${this.chance(0.5) ? 'continue' : 'break'};`]
          : [`${indent}if (${this.condition(1)}) return '${this.name()}';`];
      case 4:
      case 5: {
        const lines = [`${indent}if (${this.condition(2)}) {`, ...this.statements(depth - 1, 1 + Math.floor(this.random() * 2), inner, inLoop)];
        if (this.chance(0.4)) lines.push(`${indent}} else if (${this.condition(1)}) {`, ...this.statements(depth - 1, 1, inner, inLoop));
        if (this.chance(0.5)) lines.push(`${indent}} else {`, ...this.statements(depth - 1, 1 + Math.floor(this.random() * 2), inner, inLoop));
        return [...lines, `${indent}}`];
      }
      case 6:
        return [
          `${indent}for (let i${depth} = 0; i${depth} < 2; i${depth}++) {`,
          `${inner}log('loop' + i${depth});`,
          ...this.statements(depth - 1, 1 + Math.floor(this.random() * 2), inner, true),
          `${indent}}`,
        ];
      case 7:
        if (this.mode === 'variant') {
          const lines = [`${indent}switch (${this.check()}) {`];
          for (const variant of VARIANTS.slice(0, 1 + Math.floor(this.random() * 2))) {
            lines.push(`${inner}case '${variant}':`, ...this.statements(0, 1, `${inner}  `));
            if (this.chance(0.6)) lines.push(`${inner}  break;`);
          }
          if (this.chance(0.6)) lines.push(`${inner}default:`, ...this.statements(0, 1, `${inner}  `));
          return [...lines, `${indent}}`];
        }
        return [`${indent}log(${this.condition(2)} ? '${this.name()}' : '${this.name()}');`];
      case 8:
        return [`${indent}{`, `${inner}const local = ${this.value(1)};`, `${inner}log(local);`, `${indent}}`];
      default:
        return [`${indent}if (!(${this.condition(1)})) {`, `${inner}log('${this.name()}');`, `${inner}return ${this.value(1)};`, `${indent}}`];
    }
  }

  /** A condition built from checks, variables, inputs and calls that log. */
  private condition(depth: number): string {
    const choice = Math.floor(this.random() * (depth > 0 ? 9 : 5));
    switch (choice) {
      case 0:
      case 1:
        return this.flagCondition();
      case 2:
        return this.variables.length > 0 && this.chance(0.7) ? this.pick(this.variables) : this.flagCondition();
      case 3:
        return this.pick(['input.a', 'input.b']);
      case 4:
        return `side('${this.name()}', ${this.pick(['true', 'false', 'input.a'])})`;
      case 5:
        return `${this.condition(depth - 1)} && ${this.condition(depth - 1)}`;
      case 6:
        return `${this.condition(depth - 1)} || ${this.condition(depth - 1)}`;
      case 7:
        return `!(${this.condition(depth - 1)})`;
      default:
        return `(${this.condition(depth - 1)} ? ${this.condition(depth - 1)} : ${this.condition(depth - 1)})`;
    }
  }

  private flagCondition(): string {
    if (this.mode === 'boolean') return this.pick([this.check(), `!${this.check()}`, `!!${this.check()}`]);
    return `${this.check()} ${this.pick(['===', '!=='])} '${this.pick(VARIANTS)}'`;
  }

  /** A value to log or return. */
  private value(depth: number): string {
    const choice = Math.floor(this.random() * (depth > 0 ? 5 : 2));
    switch (choice) {
      case 0:
        return `'${this.name()}'`;
      case 1:
        return this.mode === 'variant' ? this.check() : 'input.a';
      case 2:
        return `${this.condition(1)} ? ${this.value(depth - 1)} : ${this.value(depth - 1)}`;
      case 3:
        return `${this.condition(1)} && ${this.value(depth - 1)}`;
      default:
        return `${this.condition(1)} || ${this.value(depth - 1)}`;
    }
  }

  private check(): string {
    return this.mode === 'boolean' ? "client.getBooleanValue('new-checkout', false)" : "client.getStringValue('new-checkout', 'light')";
  }

  private name(): string {
    return `s${++this.counter}`;
  }

  private chance(probability: number): boolean {
    return this.random() < probability;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
}

// One context for every run (creating one costs milliseconds): each run sets the value and collects its logs.
const state: { value: unknown; logs: string[] } = { value: undefined, logs: [] };
const context = vm.createContext({
  log: (message: unknown) => state.logs.push(JSON.stringify(message)),
  side: (message: string, result: unknown) => (state.logs.push(message), result),
  client: { getBooleanValue: () => state.value, getStringValue: () => state.value },
});
const compiled = new Map<string, (input: { a: boolean; b: boolean }) => unknown>();

/** Runs a program with the flag stubbed to a value; gives what it logged and returned, or what it threw. */
function execute(source: string, value: unknown, input: { a: boolean; b: boolean }): string[] {
  let run = compiled.get(source);
  if (run === undefined) {
    // The programs are plain JavaScript, so they run as written.
    run = vm.runInContext(`(() => { ${source}; return run; })()`, context, { timeout: 1000 }) as (input: { a: boolean; b: boolean }) => unknown;
    compiled.set(source, run);
  }
  state.value = value;
  state.logs = [];
  try {
    state.logs.push(`return ${JSON.stringify(run(input))}`);
  } catch (error) {
    state.logs.push(`threw ${error instanceof Error ? error.message : String(error)}`);
  }
  return state.logs;
}

function clean(source: string, kept: KeptValue): { text: string; problems: string[] } {
  const checks = scanFile('program.js', source, PATTERNS).checks.filter((check) => checksFlag(check, KEY));
  const removal = removeFlagFromFile('program.js', source, checks, kept, KEY);
  return { text: removal.text, problems: removal.problems.map((problem) => problem.message) };
}

function checkPrograms(mode: Mode, count: number, values: readonly unknown[], seed: number): void {
  const random = seededRandom(seed);
  const inputs = [{ a: true, b: false }, { a: false, b: true }];
  let compared = 0;
  for (let index = 0; index < count; index++) {
    const source = new ProgramWriter(random, mode).program();
    for (const value of values) {
      const cleaned = clean(source, { kind: 'value', value });
      assert.deepEqual(cleaned.problems, [], `problems for ${JSON.stringify(value)} in\n${source}`);
      assert.doesNotMatch(cleaned.text, /getBooleanValue|getStringValue/, `a check is left for ${JSON.stringify(value)} in\n${cleaned.text}\nfrom\n${source}`);
      for (const input of inputs) {
        assert.deepEqual(
          execute(cleaned.text, value, input),
          execute(source, value, input),
          `program ${index} with ${JSON.stringify(value)} and ${JSON.stringify(input)} changed its meaning:\n--- before\n${source}--- after\n${cleaned.text}`,
        );
        compared++;
      }
    }
  }
  assert.equal(compared, count * values.length * inputs.length);
}

describe('flag clean-up keeps the meaning of the code', () => {
  it(`in ${BOOLEAN_PROGRAMS} generated programs around a boolean flag, serving true and false`, () => {
    checkPrograms('boolean', BOOLEAN_PROGRAMS, [true, false], 20251124);
  });

  it(`in ${VARIANT_PROGRAMS} generated programs around a variant flag, serving each variant`, () => {
    checkPrograms('variant', VARIANT_PROGRAMS, VARIANTS, 7);
  });
});
