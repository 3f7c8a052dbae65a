// The skeleton parse: which bodies are blanked, which are kept, when the lexer gives up, and that a scan
// of the skeleton equals a scan of the whole tree on every file of the demo, the fixtures and a
// generated workspace.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateWorkspace } from '../../bench/generate';
import { mayHoldChecks } from '../../server/src/analysis/prefilter';
import { parseSkeleton, parseSource, scanFile } from '../../server/src/analysis/scan';
import { skeletonText } from '../../server/src/analysis/skeleton';
import { loadConfig } from '../../server/src/workspace/config';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { toPosixPath } from '../../server/src/workspace/files';
import { listSourceFiles } from '../../server/src/workspace/listing';

const REPO = path.resolve(__dirname, '..', '..');

/** The skeleton of `text` with every blanked character shown as `_`, or undefined as skeletonText gives it. */
function show(text: string, options: { names?: string[]; jsx?: boolean; vendor?: boolean } = {}): string | undefined {
  const hits: number[] = [];
  for (const name of options.names ?? []) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) hits.push(at);
  }
  hits.sort((a, b) => a - b);
  const skeleton = skeletonText(text, options.jsx ?? false, hits, options.vendor);
  if (skeleton === undefined) return undefined;
  assert.equal(skeleton.length, text.length, 'the skeleton moved offsets');
  return [...text].map((char, at) => (skeleton[at] === char ? char : '_')).join('');
}

const names = ['isEnabled', 'isOn', 'useFlag'];

// `vendor`: the text names an SDK's package (as skeletonOf finds it).
const BLANKED: Array<{ name: string; text: string; expected: string | undefined; jsx?: boolean; vendor?: boolean }> = [
  {
    name: 'blanks a function body without a check',
    text: 'function f() { return 1; }',
    expected: 'function f() { ______ __ }',
  },
  {
    name: 'keeps a body with a check and blanks a check-free body inside it',
    text: "function f() { const g = () => { x(); }; return isEnabled('k'); }",
    expected: "function f() { const g = () => { ____ }; return isEnabled('k'); }",
  },
  {
    name: 'keeps the arguments of a flag call, a default written as a function included',
    text: "run(() => { isOn('k', () => { return 1; }); helper(() => { y(); }); })",
    expected: "run(() => { isOn('k', () => { return 1; }); helper(() => { ____ }); })",
  },
  {
    name: 'keeps the arguments of a flag call with type arguments',
    text: "const v = isOn<{ a: 1 }>('k', () => { return 1; });\nfunction f() { x(); }",
    expected: "const v = isOn<{ a: 1 }>('k', () => { return 1; });\nfunction f() { ____ }",
  },
  {
    name: 'blanks bodies after return types, and keeps return types that may name a type (an SDK client type is evidence), object types too',
    text: "function f(): string { return 'a'; }\nfunction g(): Promise<Map<string, { a: 1 }>> { x(); }\nconst h = (a: number): { b: 1 } => { x(); };",
    expected: "function f()_ ______ { ______ ____ }\nfunction g(): Promise<Map<string, { a: 1 }>> { ____ }\nconst h = (a: number): { b: 1 } => { ____ };",
  },
  {
    name: 'keeps module-level objects, enums and class bodies, and blanks method bodies',
    text: "const FLAGS = { a: 'x' };\nenum E { A = 'a' }\nclass C { static K = 'k'; m(): void { x(); } }",
    expected: "const FLAGS = { a: 'x' };\nenum E { A = 'a' }\nclass C { static K = 'k'; m()_ ____ { ____ } }",
  },
  {
    name: 'blanks the parameters of a function whose body it blanks, and its return type when keywords alone make it, but not in a module naming an SDK',
    text: 'function f(a: string, b = 2): Promise<void> { x(); }\nconst h = async (a: number): string | undefined => { x(); };\nfunction c(): LDClient { x(); }',
    expected: 'function f(__ _______ _ _ _)_ _____________ { ____ }\nconst h = async (__ ______)_ ______ _ _________ => { ____ };\nfunction c(): LDClient { ____ }',
  },
  {
    name: 'keeps keyword return types in a module that names an SDK (the scan follows the returns of a function declared without one)',
    text: "import { init } from 'launchdarkly-node-server-sdk';\nfunction f(a: string): boolean { x(); }",
    expected: "import { init } from 'launchdarkly-node-server-sdk';\nfunction f(__ ______): boolean { ____ }",
    vendor: true,
  },
  {
    name: 'reads an object type after `is` in a return type as a type, not as a body',
    text: "const isError = (e: unknown): e is { name: 'E' } => check(e);\nfunction g(x: unknown): x is { a: 1 } { return y(x); }",
    expected: "const isError = (e: unknown): e is { name: 'E' } => check(e);\nfunction g(x: unknown): x is { a: 1 } { ______ _____ }",
  },
  {
    name: 'keeps parameters with a flag-call name in a default value',
    text: "function f(on = isOn('k')): void { x(); }",
    expected: "function f(on = isOn('k')): void { ____ }",
  },
  {
    name: "keeps what is in parentheses but not parameters: control headers, constructor parameters, an earlier call; and a constructor's body, whose fields an object `new` makes holds",
    text: 'try { a(); } catch (e) { b(); }\nfor await (const x of y) { z(); }\nclass C { constructor(private readonly client: Client, id) { this.id = id; } run() { x(); } }\nif (o.constructor(p)) { q(); }\nf(a); x => { y(); };',
    expected: 'try { a(); } catch (e) { ____ }\nfor await (const x of y) { ____ }\nclass C { constructor(private readonly client: Client, id) { this.id = id; } run() { ____ } }\nif (o.constructor(p)) { ____ }\nf(a); x => { ____ };',
  },
  {
    name: 'blanks a block after `if (…)` and keeps an `else` block',
    text: 'if (a) { b(); } else { c(); }',
    expected: 'if (a) { ____ } else { c(); }',
  },
  {
    name: 'is not misled by braces in strings, templates, regular expressions and comments',
    text: "const s = '}';\nconst t = `${(() => { return '{'; })()}`;\nconst r = /[}]/;\n// }\nfunction f() { /* { */ return s; }",
    expected: "const s = '}';\nconst t = `${(() => { ______ ____ })()}`;\nconst r = /[}]/;\n// }\nfunction f() { __ _ __ ______ __ }",
  },
  {
    name: 'tells a division after a call from a regular expression after `return`',
    text: 'function f(a) { return g(a) / 2 + /}/.exec(a).length; }',
    expected: 'function f(_) { ______ ____ _ _ _ ___________________ }',
  },
  {
    name: 'reads JSX text with quotes, and braces in attributes',
    text: "function A() { return <p title=\"it's {x}\">Don't {b ? <i /> : null} stop</p>; }\nfunction B() { return <b>{useFlag('k')}</b>; }",
    expected: "function A() { ______ __ ___________ __________ __ _ __ __ _ _____ _________ }\nfunction B() { return <b>{useFlag('k')}</b>; }",
    jsx: true,
  },
  {
    name: 'blanks a generic arrow function in a JSX file',
    text: 'const f = <T,>(x: T) => { return x; };',
    expected: 'const f = <T,>(__ _) => { ______ __ };',
    jsx: true,
  },
  {
    name: 'blanks interface bodies and object types of type aliases, and keeps unions of keys',
    text: "export interface Props<T extends A<B>> { a: string; b(): { c: 1 }; }\ntype Options = { d: 1 };\ntype Key = 'x' | 'y';\nlet type = 1;\ntype = { e: 2 };",
    expected: "export interface Props<T extends A<B>> { __ _______ ____ _ __ _ __ }\ntype Options = { __ _ };\ntype Key = 'x' | 'y';\nlet type = 1;\ntype = { e: 2 };",
  },
  {
    name: 'keeps an interface with a flag-call name in it',
    text: 'interface Client { isEnabled(key: string): boolean; }',
    expected: undefined,
  },
  {
    name: 'reads numbers of every form as one token each: separators, fractions, exponents, radixes, BigInts',
    text: 'function f() { return [1_000, 0.5, 1., 2e10, 3E-2, 0xFF_FF, 0b1010, 0o17, 10n, 1..toString()]; }',
    expected: 'function f() { ______ _______ ____ ___ _____ _____ ________ _______ _____ ____ _______________ }',
  },
  {
    name: 'keeps line breaks where they were',
    text: 'function f() {\r\n  a();\n  b();\n}',
    expected: 'function f() {\r\n  ____\n  ____\n}',
  },
];

const UNSURE: Array<{ name: string; text: string; jsx?: boolean }> = [
  { name: 'a regular expression after a block', text: 'if (a) { b(); }\n/x/.test(s);' },
  { name: 'an unterminated string', text: "function f() { return 'open; }" },
  { name: 'an unterminated template', text: 'function f() { return `${a; }' },
  { name: 'an unclosed body', text: 'function f() { return 1;' },
  { name: 'a closing brace too many', text: 'function f() { return 1; } }' },
  { name: 'type arguments on a JSX element', text: 'function A() { return <Select<string> value="a" />; }', jsx: true },
  { name: 'a JSX element closed by another name', text: 'function A() { return <p>a</b>; }', jsx: true },
  // The parser's recovery from `f(a;b)` can read a template's `}` as a brace and the rest of the file as template text.
  { name: 'a `;` inside parentheses', text: 'function f() { return `${g(a;b)}`; }' },
  // TypeScript reads `0isOn(` as a number, then a call: the skeleton does not guess which.
  { name: 'a word right after a number', text: "function f() { return x !== 0isFeatureEnabled('a'); }" },
  { name: 'a word right after an exponent', text: "function f() { return 1e3isFeatureEnabled('a'); }" },
];

describe('skeletonText', () => {
  for (const { name, text, expected, jsx, vendor } of BLANKED) {
    it(name, () => assert.equal(show(text, { names, jsx, vendor }), expected));
  }
  for (const { name, text, jsx } of UNSURE) {
    it(`gives up on ${name}`, () => assert.equal(show(text, { names, jsx }), undefined));
  }
  it('reads the `;`s of a `for (…;…;…)` header', () => {
    assert.equal(show('function f() { for (let i = 0; i < 3; i++) x(); }', { names }), 'function f() { ___ ____ _ _ __ _ _ __ ____ ____ }');
  });
  it('gives nothing when nothing would be blanked', () => {
    assert.equal(show("export const a = 'x';\nexport function f() { return isOn('k'); }", { names }), undefined);
  });
});

describe('parseSkeleton', () => {
  const patterns = buildPatternSet([]);

  it('parses the whole text of a file that reads a flag bag', () => {
    const text = "const f = useFlags();\nexport function A() { return f.newCheckout; }\nfunction B() { return 1; }";
    assert.equal(parseSkeleton('a.tsx', text, patterns), undefined);
  });

  it("keeps interface and object-type bodies in a module that names an SDK's package: they may type a client", () => {
    const body = "\nexport interface ApiRequest { gb?: GrowthBook }\ntype Hidden = { gb: GrowthBook };\nfunction f() { return 1; }";
    const withSdk = parseSkeleton('a.ts', `import type { GrowthBook } from '@growthbook/growthbook';${body}`, patterns)?.text;
    assert.ok(withSdk?.includes('{ gb?: GrowthBook }') && withSdk.includes('{ gb: GrowthBook }') && !withSdk.includes('return 1'), withSdk);
    const withoutSdk = parseSkeleton('a.ts', `import type { GrowthBook } from './ours';${body}`, patterns)?.text;
    assert.ok(withoutSdk !== undefined && !withoutSdk.includes('gb?: GrowthBook'), withoutSdk);
  });

  it('parses the whole text when a name is written with escapes', () => {
    assert.equal(parseSkeleton('a.ts', "function f() { return 1; }\nclient.\\u0067etBooleanValue('k', false);", patterns), undefined);
  });

  it('parses the whole text when the skeleton has a syntax error', () => {
    // `if (a) <p>…` is JSX where the lexer reads a comparison: the skeleton would not parse cleanly.
    assert.equal(parseSkeleton('a.tsx', "if (a) <p>it's</p>;\nfunction f() { return 1; }", patterns), undefined);
  });

  it('keeps every offset: a check after blanked bodies has the span of the whole parse', () => {
    const text = "function f() {\n  return 1;\n}\nexport const on = client.getBooleanValue('k', false);\n";
    assert.notEqual(parseSkeleton('a.ts', text, patterns), undefined);
    assert.deepEqual(scanFile('a.ts', text, patterns), scanFile('a.ts', text, patterns, parseSource('a.ts', text)));
  });

  it('keeps a call whose name is parted from its `(` by whitespace JavaScript\'s \\s does not know (a zero-width space, NEL)', () => {
    for (const gap of ['\u200b', '\u0085', ' \u200b ']) {
      const text = `import { useFeature } from './feature';\nfunction other() { return 1; }\nexport function banner() {\n  if (useFeature${gap}('new-checkout')) return 'a';\n  return 'b';\n}\n`;
      const whole = scanFile('a.ts', text, patterns, parseSource('a.ts', text));
      assert.equal(whole.checks.length > 0, true, JSON.stringify(gap));
      assert.deepEqual(scanFile('a.ts', text, patterns), whole, JSON.stringify(gap));
      assert.equal(mayHoldChecks(Buffer.from(text).toString('latin1'), patterns), true, `the latin1 view, ${JSON.stringify(gap)}`);
    }
  });
});

describe('a scan of the skeleton against a scan of the whole tree', () => {
  let generated: string;
  before(() => {
    generated = toPosixPath(fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-skeleton-'))));
    generateWorkspace(generated, 400, 13, { largeFileBytes: 30_000 });
  });
  after(() => fs.rmSync(generated, { recursive: true, force: true }));

  it('finds the same in damaged files of a generated workspace, or parses them whole', async () => {
    // Random characters typed into or deleted from files: the skeleton must never read such text otherwise
    // than the parser does; where it cannot be sure it gives up, and the file is parsed whole.
    const patterns = buildPatternSet(loadConfig(generated).config.patterns);
    const files = await listSourceFiles(generated, { ignore: [], maxFileSize: 1_000_000, log: () => undefined });
    const typed = [' ', 'x', ';', '\n', '{', '}', "'", '"', '(', ')', '[', ']', '/', '*', '`', '.', ',', '=', '<', '>', '${', '//', '/*', 'return ', '=>'];
    let state = 11;
    const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    let skeletons = 0;
    for (let damaged = 0; damaged < 600; damaged++) {
      const file = files[Math.floor(next() * files.length)];
      let text = fs.readFileSync(file, 'utf8');
      for (let edit = 0; edit < 1 + Math.floor(next() * 6); edit++) {
        const at = Math.floor(next() * text.length);
        text = next() < 0.3 ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + typed[Math.floor(next() * typed.length)] + text.slice(at);
      }
      if (parseSkeleton(file, text, patterns) !== undefined) skeletons++;
      assert.deepEqual(scanFile(file, text, patterns), scanFile(file, text, patterns, parseSource(file, text)), `${file} after damage ${damaged}`);
    }
    assert.ok(skeletons > 50, `only ${skeletons} damaged files had a skeleton`);
  });

  for (const [label, folder] of [['the demo', 'examples/demo'], ['the fixtures', 'test/fixtures'], ['a generated workspace', undefined]] as const) {
    it(`finds the same in every file of ${label}`, async () => {
      const root = folder === undefined ? generated : path.join(REPO, folder);
      const patterns = buildPatternSet(loadConfig(root).config.patterns, loadConfig(root).config.bags);
      const files = await listSourceFiles(root, { ignore: [], maxFileSize: 1_000_000, log: () => undefined });
      let skeletons = 0;
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        if (parseSkeleton(file, text, patterns) !== undefined) skeletons++;
        assert.deepEqual(scanFile(file, text, patterns), scanFile(file, text, patterns, parseSource(file, text)), file);
      }
      // The comparison means something only where skeletons were parsed. A quarter: the fixtures' own `useFeature`
      // hook is GrowthBook's name too, and a body that calls a preset's name is kept (only evidence tells them apart).
      assert.ok(skeletons >= files.length / 4, `only ${skeletons} of ${files.length} files had a skeleton`);
    });
  }
});
