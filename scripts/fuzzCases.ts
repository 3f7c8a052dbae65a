// The seeded fuzz run's inputs and its checks, shared by scripts/fuzz.ts (the long run) and
// test/unit/fuzz.test.ts (a short run in `npm test`). An input is real-looking source (the demo, the
// test fixtures, flag checks written from the pattern presets) bent by a few seeded mutations; the checks
// run it through the scanner as the index and the editor do and through the clean-up for each key found
// and each boolean value, and say what went wrong, if anything.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { seededRandom } from '../bench/generate';
import { buildPatternSet, PRESET_PATTERNS, type PatternSet } from '../server/src/analysis/patterns';
import { applyEdits } from '../server/src/analysis/remove/edits';
import { checksFlag } from '../server/src/analysis/remove/plan';
import { bindFile } from '../server/src/analysis/remove/program';
import { removeFlagFromWorkspace } from '../server/src/analysis/remove/workspace';
import { parseSkeletonText, parseSource, scanDocument, scanFile } from '../server/src/analysis/scan';
import { skeletonOf } from '../server/src/analysis/skeleton';
import type { FlagCheck } from '../server/src/analysis/types';

const REPO = path.resolve(__dirname, '..');
const SOURCE_FOLDERS = ['examples/demo/src', 'test/fixtures'];
const SOURCE_EXTENSIONS = /\.(?:[cm]?[jt]sx?)$/;
const MAX_INPUT_LENGTH = 256 * 1024;
/** The removal catches what it cannot handle and says this; in a fuzz input that is a crash all the same. */
const CAUGHT_CRASH = /could not be removed from this file \(/;

/** One fuzz input: its seed and index say how to make it again. */
export interface FuzzInput {
  seed: number;
  index: number;
  fileName: string;
  /** The seed source's text, which the editor's scan sees edited into `text`. */
  original: string;
  text: string;
  /** The mutations applied, in order, for the report. */
  mutations: string[];
  /** A file declaring flag keys (a mutated copy of one), where the clean-up deletes the key's constant when nothing uses it. */
  keys: { fileName: string; text: string };
}

/** What an input did wrong. */
export interface FuzzFailure {
  kind: 'crash' | 'hang' | 'unparsable output' | 'broken file rewritten' | 'edits differ from text' | 'incremental scan differs' | 'skeleton scan differs';
  detail: string;
}

/** What one input went through, for the run's figures. */
export interface FuzzOutcome {
  parsed: boolean;
  checks: number;
  cleanups: number;
  rewritten: number;
  failures: FuzzFailure[];
  milliseconds: number;
}

/** A source the mutations start from. */
export interface Seed {
  fileName: string;
  text: string;
}

const PATTERNS: PatternSet = buildPatternSet([{ callee: 'isFeatureOn', keyArg: 0, defaultArg: 1 }, { callee: 'isFlagDisabled', keyArg: 0, negate: true }]);

/** The repository's demo and fixture sources, plus flag checks written from each preset pattern. */
export function loadSeeds(): Seed[] {
  const seeds: Seed[] = [];
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name) && !entry.name.endsWith('.d.ts')) seeds.push({ fileName: path.relative(REPO, full), text: fs.readFileSync(full, 'utf8') });
    }
  };
  for (const folder of SOURCE_FOLDERS) walk(path.join(REPO, folder));
  return [...seeds, ...presetShapes()];
}

/** For each preset, a small file that checks a flag through it in the usual places: a condition, a value, a return, JSX. */
function presetShapes(): Seed[] {
  const calls = PRESET_PATTERNS.map((pattern) => {
    const name = pattern.callee.slice(pattern.callee.lastIndexOf('.') + 1);
    const receiver = pattern.callee.includes('.') ? pattern.callee.slice(0, pattern.callee.lastIndexOf('.')) : name.startsWith('use') ? '' : 'client';
    const args: string[] = [];
    const count = Math.max(pattern.keyArg, pattern.defaultArg ?? 0, (pattern.minArgs ?? 1) - 1) + 1;
    for (let index = 0; index < count; index++) {
      args.push(index === pattern.keyArg ? "'shape-flag'" : index === pattern.defaultArg ? (pattern.valueType === 'string' ? "'off'" : pattern.valueType === 'number' ? '0' : 'false') : 'context');
    }
    return pattern.kind === 'bag' ? `${name}().shapeFlag` : `${receiver === '' ? '' : `${receiver}.`}${name}(${args.join(', ')})`;
  });
  return calls.map((call, index) => ({
    fileName: `shapes/shape${index}.tsx`,
    text: [
      "import { client, context } from './sdk';",
      '',
      `const on = ${call};`,
      'export function choose(items: string[]): string[] {',
      `  if (${call}) {`,
      "    items.push('new');",
      '  } else {',
      "    items.push('old');",
      '  }',
      `  const label = ${call} ? 'a' : 'b';`,
      `  return on && items.length > 0 ? [label, ...items] : items;`,
      '}',
      `export const View = () => <div>{${call} && <span>new</span>}</div>;`,
      '',
    ].join('\n'),
  }));
}

// Statements around a check (C) that the clean-up rewrites: written where a line starts, most of them parse.
const STATEMENTS = [
  'if (C) {\n  go();\n} else {\n  stay();\n}',
  'if (!C) return;',
  'const fuzzOn = C;\nif (fuzzOn) go();',
  'let mode = C ? "new" : "old";',
  'C && go();',
  'switch (C) {\n  case true:\n    go();\n    break;\n  default:\n    stay();\n}',
  'while (C) {\n  break;\n}',
  'const view = <div>{C ? <New /> : <Old />}</div>;',
  'export const fuzzValue = C || fallback;',
  'for (const item of items) {\n  if (C) continue;\n  use(item);\n}',
  'try {\n  if (C) throw new Error("x");\n} catch {\n  stay();\n}',
  'function fuzzHelper() {\n  return C;\n}',
  'const { fuzzFlag } = useFlags();\nif (fuzzFlag) go();',
];
const UNICODE = ['\u00e9', '\u200b', '\ufeff', '\u2028', '\u{1d4b3}', '\u0301', '\ud800', '\u00a0', 'Ω', '\u202e'];
const BRACKETS = ['(', ')', '{', '}', '[', ']', '<', '>', '`', "'", '"', '/*', '*/', '//', '${', '</div>', '<div>'];
const FLAG_CALLS = [
  "client.getBooleanValue('fuzz-flag', false)",
  "await client.getStringValue('fuzz-flag', 'off')",
  "isFeatureOn('fuzz-flag', true)",
  "!isFlagDisabled('fuzz-flag')",
  "useBooleanFlagValue('fuzz-flag', false)",
  "ldClient.variation('fuzz-flag', user, false)",
  "unleash.isEnabled('fuzz-flag')",
  "useFlags().fuzzFlag",
];

/** The tokens of a text as [start, end) offsets, by TypeScript's scanner (which never throws). */
function tokenSpans(text: string): Array<[number, number]> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.JSX, text);
  const spans: Array<[number, number]> = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken && spans.length < 200_000; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.WhitespaceTrivia && kind !== ts.SyntaxKind.NewLineTrivia) spans.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
  }
  return spans;
}

type Mutation = (text: string, random: () => number) => string;

const MUTATIONS: ReadonlyArray<readonly [string, Mutation]> = [
  ['delete a token', (text, random) => withToken(text, random, (start, end) => text.slice(0, start) + text.slice(end))],
  ['duplicate a token', (text, random) => withToken(text, random, (start, end) => text.slice(0, end) + text.slice(start, end) + text.slice(end))],
  ['swap two tokens', (text, random) => {
    const spans = tokenSpans(text);
    if (spans.length < 2) return text;
    const at = Math.floor(random() * (spans.length - 1));
    const [[aStart, aEnd], [bStart, bEnd]] = [spans[at], spans[at + 1]];
    return text.slice(0, aStart) + text.slice(bStart, bEnd) + text.slice(aEnd, bStart) + text.slice(aStart, aEnd) + text.slice(bEnd);
  }],
  ['delete a run of tokens', (text, random) => {
    const spans = tokenSpans(text);
    if (spans.length === 0) return text;
    const at = Math.floor(random() * spans.length);
    const last = spans[Math.min(spans.length - 1, at + Math.floor(random() * 8))];
    return text.slice(0, spans[at][0]) + text.slice(last[1]);
  }],
  ['nest a token run', (text, random) => {
    const spans = tokenSpans(text);
    if (spans.length === 0) return text;
    const at = Math.floor(random() * spans.length);
    const last = spans[Math.min(spans.length - 1, at + Math.floor(random() * 6))];
    const [open, close] = pick(random, [['(', ')'], ['{', '}'], ['[', ']'], ['((((((((', '))))))))'], ['if (x) {', '}'], ['(() => ', ')()'], ['<div>{', '}</div>']]);
    return text.slice(0, spans[at][0]) + open + text.slice(spans[at][0], last[1]) + close + text.slice(last[1]);
  }],
  ['nest lines in a block', (text, random) => {
    const lines = text.split('\n');
    const start = Math.floor(random() * lines.length);
    const end = Math.min(lines.length, start + 1 + Math.floor(random() * 6));
    const opener = pick(random, ['if (ready) {', '{', 'try {', 'for (const item of items) {', 'function inner() {', 'switch (mode) { case 1: {']);
    const closer = opener.startsWith('switch') ? '} }' : opener === 'try {' ? '} finally {}' : '}';
    return [...lines.slice(0, start), opener, ...lines.slice(start, end), closer, ...lines.slice(end)].join('\n');
  }],
  ['truncate', (text, random) => text.slice(0, Math.floor(random() * text.length))],
  ['insert a bracket', (text, random) => insertAt(text, random, pick(random, BRACKETS))],
  ['drop a flag call in', (text, random) => insertAt(text, random, pick(random, FLAG_CALLS))],
  ['replace a token with a flag call', (text, random) => withToken(text, random, (start, end) => text.slice(0, start) + pick(random, FLAG_CALLS) + text.slice(end))],
  ['insert a statement with a flag check', (text, random) => {
    const lines = text.split('\n');
    const at = Math.floor(random() * (lines.length + 1));
    const call = pick(random, FLAG_CALLS);
    const statement = pick(random, STATEMENTS).replace(/\bC\b/g, call);
    return [...lines.slice(0, at), ...statement.split('\n').map((line) => /^\s*/.exec(lines[at] ?? '')?.[0] + line), ...lines.slice(at)].join('\n');
  }],
  ['insert unicode', (text, random) => insertAt(text, random, pick(random, UNICODE))],
  ['make a very long line', (text, random) => {
    const lines = text.split('\n');
    const at = Math.floor(random() * lines.length);
    const long = pick(random, [
      () => `const long${at} = '${'x'.repeat(20_000 + Math.floor(random() * 20_000))}';`,
      () => `const sum${at} = ${Array.from({ length: 2_000 }, (_, index) => `v${index}`).join(' + ')};`,
      () => lines.slice(at, at + 40).join(' ').repeat(20),
    ])();
    return [...lines.slice(0, at), long, ...lines.slice(at)].join('\n');
  }],
  ['repeat a line', (text, random) => {
    const lines = text.split('\n');
    const at = Math.floor(random() * lines.length);
    return [...lines.slice(0, at), ...Array<string>(2 + Math.floor(random() * 5)).fill(lines[at]), ...lines.slice(at + 1)].join('\n');
  }],
];

const MOSTLY_PARSE = new Set(['nest lines in a block', 'replace a token with a flag call', 'insert a statement with a flag check', 'repeat a line', 'make a very long line']);

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

function withToken(text: string, random: () => number, change: (start: number, end: number) => string): string {
  const spans = tokenSpans(text);
  if (spans.length === 0) return text;
  const [start, end] = spans[Math.floor(random() * spans.length)];
  return change(start, end);
}

function insertAt(text: string, random: () => number, inserted: string): string {
  // Between tokens more often than not: that is where an edit usually happens.
  const spans = tokenSpans(text);
  const at = spans.length > 0 && random() < 0.7 ? spans[Math.floor(random() * spans.length)][random() < 0.5 ? 0 : 1] : Math.floor(random() * (text.length + 1));
  return text.slice(0, at) + inserted + text.slice(at);
}

/** The input with this index of the run with this seed: the same every time, on its own (no earlier input needed). */
export function fuzzInput(seeds: readonly Seed[], seed: number, index: number): FuzzInput {
  const random = seededRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  const base = pick(random, seeds);
  const mutations: string[] = [];
  // About one input in ten goes through unchanged but for a flag call, so the clean-up runs on much parsable code too.
  const count = random() < 0.1 ? 0 : 1 + Math.floor(random() * 4);
  // Half the inputs are changed only in ways that mostly keep the syntax: the clean-up rewrites only code that parses.
  const usable = random() < 0.5 ? MUTATIONS.filter(([name]) => MOSTLY_PARSE.has(name)) : MUTATIONS;
  const mutate = (from: string, steps: number, record: string[]): string => {
    let mutated = from;
    for (let step = 0; step < steps; step++) {
      const [name, change] = pick(random, usable);
      const next = change(mutated, random);
      // Long lines compound; past the cap an input measures the machine rather than the code.
      if (next.length > MAX_INPUT_LENGTH) continue;
      mutated = next;
      record.push(name);
    }
    return mutated;
  };
  const text = mutate(base.text, count, mutations);
  const keysBase = pick(random, seeds.filter((candidate) => /(?:^|\/)keys\.ts$/.test(candidate.fileName)));
  const keysMutations: string[] = [];
  const keys = { fileName: `keys-file/${keysBase.fileName}`, text: mutate(keysBase.text, Math.floor(random() * 3), keysMutations) };
  return { seed, index, fileName: base.fileName, original: base.text, text, mutations: [`from ${base.fileName}`, ...mutations, `keys from ${keysBase.fileName}`, ...keysMutations], keys };
}

function checkSummary(checks: readonly FlagCheck[]): string[] {
  return checks.map((check) => `${check.key}@${check.callSpan.start}-${check.callSpan.end}:${check.keySpan.start}-${check.keySpan.end}`).sort();
}

/** Runs one input through the scanner (as the index and the editor do) and the clean-up, and says what went wrong. */
export function checkInput(input: FuzzInput): FuzzOutcome {
  const started = performance.now();
  const failures: FuzzFailure[] = [];
  const crash = (stage: string, error: unknown): void => {
    failures.push({ kind: 'crash', detail: `${stage}: ${error instanceof Error ? error.stack ?? error.message : String(error)}` });
  };
  const { fileName, text } = input;
  const outcome: FuzzOutcome = { parsed: false, checks: 0, cleanups: 0, rewritten: 0, failures, milliseconds: 0 };
  try {
    outcome.parsed = bindFile(fileName, text).syntaxErrors.length === 0;
  } catch (error) {
    crash('parse', error);
    return finish(outcome, started);
  }

  // The index: the skeleton's tree when there is one and it parses, else the whole text's.
  let checks: readonly FlagCheck[] = [];
  try {
    const skeleton = skeletonOf(fileName, text, PATTERNS);
    const skeletonTree = skeleton === undefined ? undefined : parseSkeletonText(fileName, skeleton);
    checks = scanFile(fileName, text, PATTERNS, parseSource(fileName, text)).checks;
    if (skeletonTree !== undefined) {
      const fromSkeleton = checkSummary(scanFile(fileName, text, PATTERNS, skeletonTree).checks);
      if (JSON.stringify(fromSkeleton) !== JSON.stringify(checkSummary(checks))) {
        failures.push({ kind: 'skeleton scan differs', detail: `skeleton: ${fromSkeleton.join(', ')}\nwhole text: ${checkSummary(checks).join(', ')}` });
      }
    }
  } catch (error) {
    crash('scan', error);
  }
  outcome.checks = checks.length;

  // The editor: the document as it was before the mutations, then edited into this text.
  try {
    const fresh = checkSummary(scanDocument(fileName, text, PATTERNS).scan.checks);
    const edited = checkSummary(scanDocument(fileName, text, PATTERNS, scanDocument(fileName, input.original, PATTERNS)).scan.checks);
    if (JSON.stringify(edited) !== JSON.stringify(fresh)) failures.push({ kind: 'incremental scan differs', detail: `after the edit: ${edited.join(', ')}\nfresh: ${fresh.join(', ')}` });
  } catch (error) {
    crash('editor scan', error);
  }

  // Each key checked (resolved or as written), and one the keys file declares, whose constant goes when nothing uses it.
  const declared = /'([a-z][\w-]*)'/.exec(input.keys.text)?.[1];
  const keys = [...new Set([...checks.filter((check) => check.dynamic !== true).map((check) => check.key), ...(declared === undefined ? [] : [declared])])].slice(0, 5);
  const keysParsed = bindFile(input.keys.fileName, input.keys.text).syntaxErrors.length === 0;
  for (const key of keys) {
    const ofKey = checks.filter((check) => checksFlag(check, key));
    for (const value of [true, false]) {
      outcome.cleanups++;
      try {
        const removal = removeFlagFromWorkspace(key, { kind: 'value', value }, [{ fileName, text, checks: ofKey }], [input.keys]);
        for (const file of removal.files) {
          const [before, parsedBefore] = file.fileName === fileName ? [text, outcome.parsed] : [input.keys.text, keysParsed];
          const caught = file.problems.find((problem) => CAUGHT_CRASH.test(problem.message));
          if (caught !== undefined) failures.push({ kind: 'crash', detail: `clean ${key}=${value}: ${caught.message}` });
          if (file.text === before) continue;
          outcome.rewritten++;
          if (!parsedBefore) failures.push({ kind: 'broken file rewritten', detail: `clean ${key}=${value} rewrote ${file.fileName}, which had a syntax error:\n${file.text}` });
          const errors = bindFile(file.fileName, file.text).syntaxErrors;
          if (errors.length > 0) {
            failures.push({ kind: 'unparsable output', detail: `clean ${key}=${value} of ${file.fileName}: ${ts.flattenDiagnosticMessageText(errors[0].messageText, ' ')} at ${errors[0].start}:\n${file.text}` });
          }
          if (applyEdits(before, file.edits) !== file.text) failures.push({ kind: 'edits differ from text', detail: `clean ${key}=${value} of ${file.fileName}` });
        }
      } catch (error) {
        crash(`clean ${key}=${value}`, error);
      }
    }
  }
  return finish(outcome, started);
}

function finish(outcome: FuzzOutcome, started: number): FuzzOutcome {
  outcome.milliseconds = performance.now() - started;
  return outcome;
}
