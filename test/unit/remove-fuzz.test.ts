// Property test of the clean-up on generated and mutated files (seeded, bounded): it never throws,
// its output parses whenever its input did, it never adds a syntax error to a broken input, and a
// second run changes nothing.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ts } from 'ts-morph';
import { seededRandom } from '../../bench/generate';
import { scriptKindOf } from '../../server/src/analysis/scriptKind';
import { checksFlag, removeFlagFromFile } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';
import { namedPresets } from './named-presets';

const KEY = 'new-checkout';
const PATTERNS = namedPresets([{ callee: 'isFlagDisabled', keyArg: 0, negate: true }]);
const INPUTS = 120;
const DEMO = path.resolve(__dirname, '../../examples/demo/src');

const CHECKS = [
  "client.getBooleanValue('new-checkout', false)",
  "(await client.getBooleanValue('new-checkout', false))",
  "useFeatureIsOn('new-checkout')",
  "!isFlagDisabled('new-checkout')",
  'flags.newCheckout',
];

const SNIPPETS = [
  'if (C) {\n  a();\n} else {\n  b();\n}',
  'if (!C) return;',
  'const on = C;\nlog(on ? 1 : 2);',
  'x = C ? <New /> : <Old />;',
  'log(C && ready());',
  'switch (C) {\n  case true:\n    a();\n    break;\n  default:\n    b();\n}',
  'for (const item of items) {\n  if (C) continue;\n  use(item);\n}',
  'return <div>{C && <p>new</p>}{C ? null : <Old />}</div>;',
  'const { newCheckout, other } = useFlags();\nif (newCheckout) a();',
  'try {\n  if (C) throw new Error();\n} finally {\n  done();\n}',
  '// comment\nif (C || fallback) {\n  /* keep */ a();\n}',
  'label: while (C) {\n  break label;\n}',
];

function parseErrors(file: string, text: string): number {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKindOf(file));
  return (sourceFile as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length;
}

function clean(file: string, text: string, value: boolean): string {
  const checks = scanFile(file, text, PATTERNS).checks.filter((check) => checksFlag(check, KEY));
  return removeFlagFromFile(file, text, checks, { kind: 'value', value }, KEY).text;
}

/** A file of random snippets around random checks, inside a component function. */
function generated(random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const body: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let index = 0; index < count; index++) body.push(pick(SNIPPETS).replace(/\bC\b/g, () => pick(CHECKS)));
  const indented = body.join('\n').split('\n').map((line) => `  ${line}`).join('\n');
  return `import { useFlags } from 'launchdarkly-react-client-sdk';\n\nexport async function Component(items: string[]) {\n  const flags = useFlags();\n${indented}\n}\n`;
}

/** The text with one random line deleted, duplicated or cut short, or one random character deleted. */
function mutated(text: string, random: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(random() * lines.length);
  switch (Math.floor(random() * 4)) {
    case 0:
      lines.splice(at, 1);
      return lines.join('\n');
    case 1:
      lines.splice(at, 0, lines[at]);
      return lines.join('\n');
    case 2:
      lines[at] = lines[at].slice(0, Math.floor(random() * lines[at].length));
      return lines.join('\n');
    default: {
      const offset = Math.floor(random() * text.length);
      return text.slice(0, offset) + text.slice(offset + 1);
    }
  }
}

function demoFiles(): Array<{ file: string; text: string }> {
  const files: Array<{ file: string; text: string }> = [];
  for (const folder of fs.readdirSync(DEMO)) {
    for (const name of fs.readdirSync(path.join(DEMO, folder))) files.push({ file: name, text: fs.readFileSync(path.join(DEMO, folder, name), 'utf8') });
  }
  return files;
}

describe('flag clean-up on generated and mutated files', () => {
  it(`keeps ${INPUTS} inputs parsing and is idempotent`, () => {
    const random = seededRandom(4242);
    const corpus = demoFiles();
    let parsedBefore = 0;
    for (let index = 0; index < INPUTS; index++) {
      const base = index % 4 === 0 ? corpus[index % corpus.length] : { file: 'component.tsx', text: generated(random) };
      const text = random() < 0.5 ? mutated(base.text, random) : base.text;
      const errorsBefore = parseErrors(base.file, text);
      if (errorsBefore === 0) parsedBefore++;
      for (const value of [true, false]) {
        const once = clean(base.file, text, value);
        const errorsAfter = parseErrors(base.file, once);
        const context = `input ${index} (${value}):\n${text}\n--- cleaned:\n${once}`;
        if (errorsBefore === 0) assert.equal(errorsAfter, 0, `the output does not parse: ${context}`);
        else assert.ok(errorsAfter <= errorsBefore, `the output has more syntax errors: ${context}`);
        assert.equal(clean(base.file, once, value), once, `a second run changed the file: ${context}`);
      }
    }
    // Enough of the inputs were valid for the first property to mean something.
    assert.ok(parsedBefore > INPUTS / 3, `${parsedBefore} inputs parsed`);
  });
});
