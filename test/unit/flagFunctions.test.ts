import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveChecks, type ModuleHost } from '../../server/src/analysis/resolve';
import { scanFile, type FileScan } from '../../server/src/analysis/scan';
import { exportedFlagFunctionNames, withFlagFunctionNames, withReexportedNames } from '../../server/src/analysis/scan/flagFunctions';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { checksFlag, removeFlagFromFile } from '../../server/src/analysis/remove/plan';

// Vercel Flags' flag functions: `export const f = flag({ key, decide })` declares one, `await f()` reads it with no
// key at the call. Scanned as the index does: once with the presets, then again, with the exported flag-function
// names known, every file that mentions one; the checks of `/ws/src/app.ts` are resolved.
const APP = '/ws/src/app.ts';
const FLAGS = `import { flag } from 'flags/next';
export const showBanner = flag<boolean>({ key: 'show-banner', decide() { return false; } });
export const summerSale = flag({ key: 'summer-sale', decide: () => true });
`;

interface Expected {
  key: string;
  resolved?: boolean;
  /** The check's text: the call, or the listed name. */
  text: string;
  returns: 'value' | 'other' | 'none';
}

interface Case {
  name: string;
  files: Record<string, string>;
  expected: Expected[];
}

function scanWorkspace(files: Record<string, string>): Map<string, FileScan> {
  // Vercel flag functions alone: helpers of one flag are followed by the index's tests (workspace-oneFlagHelpers).
  const presets = { ...buildPatternSet([]), oneFlagHelpers: false as const };
  const first = new Map(Object.entries(files).map(([fileName, text]) => [fileName, scanFile(fileName, text, presets)]));
  let names: readonly string[] = exportedFlagFunctionNames(first.values());
  if (names.length === 0) return first;
  for (;;) {
    const patterns = withFlagFunctionNames(presets, names);
    const scans = new Map(Object.entries(files).map(([fileName, text]) => [fileName, scanFile(fileName, text, patterns)]));
    const more = withReexportedNames(names, scans.values());
    if (more === names) return scans;
    names = more;
  }
}

function check(files: Record<string, string>, expected: Expected[]): void {
  const scans = scanWorkspace(files);
  const host: ModuleHost = { fileExists: (path) => scans.has(path) };
  const app = scans.get(APP);
  assert.ok(app);
  const checks = resolveChecks(app, (fileName) => scans.get(fileName), host);
  const text = files[APP];
  assert.deepEqual(checks.map((found) => ({
    key: found.key,
    resolved: found.resolved,
    text: text.slice(found.callSpan.start, found.callSpan.end),
    returns: found.returns?.kind ?? 'none',
  })), expected.map((row) => ({ resolved: true, ...row })));
  for (const found of checks) assert.ok(found.evidence, `every check says why it counts: ${found.key}`);
}

const cases: Case[] = [
  {
    name: 'an awaited call of an imported flag function takes the declaration\'s key',
    files: {
      [APP]: `import { showBanner } from './flags';\nexport async function Page() {\n  if (await showBanner()) return 'banner';\n  return null;\n}\n`,
      '/ws/src/flags.ts': FLAGS,
    },
    expected: [{ key: 'show-banner', text: 'showBanner()', returns: 'value' }],
  },
  {
    name: 'a call not awaited gives a promise, not the value',
    files: {
      [APP]: `import { summerSale } from './flags';\nexport function load() {\n  return summerSale().then((on) => on);\n}\n`,
      '/ws/src/flags.ts': FLAGS,
    },
    expected: [{ key: 'summer-sale', text: 'summerSale()', returns: 'other' }],
  },
  {
    name: 'through a barrel: export * and a named re-export under another name',
    files: {
      [APP]: `import { showBanner, sale } from '../lib';\nexport async function Page() {\n  const [a, b] = [await showBanner(), await (sale())];\n  return a && b;\n}\n`,
      '/ws/lib/index.ts': `export * from './flags';\nexport { summerSale as sale } from './flags';\n`,
      '/ws/lib/flags.ts': FLAGS,
    },
    expected: [
      { key: 'show-banner', text: 'showBanner()', returns: 'value' },
      { key: 'summer-sale', text: 'sale()', returns: 'value' },
    ],
  },
  {
    name: 'a namespace import, .run() and a list of flags for precompute',
    files: {
      [APP]: `import * as flags from './flags';\nimport { precompute } from 'flags/next';\nimport { summerSale } from './flags';\nexport async function Page(request: Request) {\n  const code = await precompute([flags.showBanner, summerSale]);\n  return [await flags.showBanner(), await summerSale.run({ request }), code];\n}\n`,
      '/ws/src/flags.ts': FLAGS,
    },
    expected: [
      { key: 'show-banner', text: 'flags.showBanner', returns: 'other' },
      { key: 'summer-sale', text: 'summerSale', returns: 'other' },
      { key: 'show-banner', text: 'flags.showBanner()', returns: 'value' },
      { key: 'summer-sale', text: 'summerSale.run({ request })', returns: 'value' },
    ],
  },
  {
    name: 'a call in the declaring file, inside a function body',
    files: {
      [APP]: `import { flag } from 'flags/next';\nconst showBanner = flag({ key: 'show-banner', decide: () => false });\nfunction other() { return 1; }\nexport async function Page() {\n  return (await showBanner()) ? other() : 0;\n}\n`,
    },
    expected: [
      { key: 'show-banner', text: "flag({ key: 'show-banner', decide: () => false })", returns: 'other' },
      { key: 'show-banner', text: 'showBanner()', returns: 'value' },
    ],
  },
  {
    name: 'the declaration\'s key is a constant imported from another file',
    files: {
      [APP]: `import { showBanner } from './flags';\nexport const on = await showBanner();\n`,
      '/ws/src/flags.ts': `import { flag } from 'flags/next';\nimport { KEYS } from './keys';\nexport const showBanner = flag({ key: KEYS.banner, decide: () => false });\n`,
      '/ws/src/keys.ts': `export const KEYS = { banner: 'show-banner' } as const;\n`,
    },
    expected: [{ key: 'show-banner', text: 'showBanner()', returns: 'value' }],
  },
  {
    name: 'a same-named local function that is not a flag function is nothing',
    files: {
      [APP]: `function showBanner() { return true; }\nexport async function Page() {\n  return await showBanner();\n}\n`,
      '/ws/src/flags.ts': FLAGS,
    },
    expected: [],
  },
  {
    name: 'a parameter of the same name shadows the import',
    files: {
      [APP]: `import { showBanner } from './flags';\nexport async function Page(showBanner: () => Promise<boolean>) {\n  return await showBanner();\n}\n`,
      '/ws/src/flags.ts': FLAGS,
    },
    expected: [],
  },
  {
    name: 'an imported name that is no flag function there is nothing',
    files: {
      [APP]: `import { showBanner } from './helpers';\nexport async function Page() {\n  return await showBanner();\n}\n`,
      '/ws/src/helpers.ts': `export async function showBanner() { return true; }\n`,
      '/ws/src/flags.ts': FLAGS,
    },
    expected: [],
  },
  {
    name: 'a flag() from another package is no Vercel declaration, and its calls are nothing',
    files: {
      [APP]: `import { showBanner } from './flags';\nexport async function Page() {\n  return await showBanner();\n}\n`,
      '/ws/src/flags.ts': `import { flag } from './my-flags';\nexport const showBanner = flag({ key: 'show-banner', decide: () => false });\n`,
      '/ws/src/my-flags.ts': `export function flag(options: { key: string }) { return async () => options.key === 'x'; }\n`,
    },
    expected: [],
  },
  {
    name: 'a flag() from a package that is not Vercel\'s declares no flag function',
    files: {
      [APP]: `import { showBanner } from './flags';\nexport async function Page() {\n  return await showBanner();\n}\n`,
      '/ws/src/flags.ts': `import { flag } from 'some-flags-lib';\nexport const showBanner = flag({ key: 'show-banner', decide: () => false });\n`,
    },
    expected: [],
  },
  {
    name: 'a module that is not in the workspace leads nowhere',
    files: {
      [APP]: `import { showBanner } from 'some-package';\nexport async function Page() {\n  return await showBanner();\n}\n`,
      '/ws/src/flags.ts': FLAGS,
    },
    expected: [],
  },
];

describe('flag functions (Vercel Flags): calls resolved to their declaration', () => {
  for (const testCase of cases) it(testCase.name, () => check(testCase.files, testCase.expected));

  it('the scan of a file that mentions no flag function is unchanged by the names (no walk, no fields)', () => {
    const presets = buildPatternSet([]);
    const text = `import { client } from './client';\nexport const x = client.getBooleanValue('a', false);\n`;
    assert.deepEqual(scanFile('/ws/a.ts', text, withFlagFunctionNames(presets, ['showBanner'])), scanFile('/ws/a.ts', text, presets));
  });

  it("a switch read in a flag's declaration is how the flag decides, no check; the same read elsewhere is one", () => {
    const text = `import { flag } from 'flags/next';
export const storage = flag<boolean>({
  key: 'experimental-storage',
  decide() { return process.env.FEATURE_STORAGE === 'true'; },
});
export function direct() { return process.env.FEATURE_STORAGE === 'true' ? 'new' : 'old'; }
`;
    const checks = scanFile('/ws/src/flags.ts', text, buildPatternSet([])).checks;
    assert.deepEqual(checks.map((check) => `${check.key}${check.declaration === true ? ' (declaration)' : ''} at ${text.slice(0, check.callSpan.start).split('\n').length}`), [
      'experimental-storage (declaration) at 2',
      'FEATURE_STORAGE at 6',
    ]);
  });

  it('the declaring file exports its flag functions by name', () => {
    const scan = scanFile('/ws/src/flags.ts', FLAGS + `const inner = flag({ key: 'inner', decide: () => true });\nexport { inner as renamed };\n`, buildPatternSet([]));
    assert.deepEqual(Object.keys(scan.flagFunctions ?? {}).sort(), ['renamed', 'showBanner', 'summerSale']);
    assert.equal(scan.checks[scan.flagFunctions?.renamed ?? -1].key, 'inner');
  });
});

// The clean-up at the calls: `await f()` and `await f.run(...)` stand for the value and are replaced by it; a call not
// awaited gives a promise, a listed function is no value, and the declaration is left in place, each saying why.
interface CleanCase {
  name: string;
  /** The text of `/ws/src/app.ts`; `/ws/src/flags.ts` is FLAGS unless `flags` is given. */
  before: string;
  flags?: string;
  /** The cleaned text with 'show-banner' serving true; undefined: left as it is. */
  after?: string;
  /** What each check left says, in order. */
  why?: RegExp[];
}

const CLEAN_CASES: CleanCase[] = [
  {
    name: 'an awaited call is replaced by the value, and its import goes',
    before: `import { showBanner } from './flags';\nexport async function Page() {\n  if (await showBanner()) {\n    return 'banner';\n  }\n  return 'plain';\n}\n`,
    after: `export async function Page() {\n  return 'banner';\n}\n`,
  },
  {
    name: 'an awaited .run() is replaced by the value',
    before: `import { showBanner } from './flags';\nexport async function Page(request: Request) {\n  const on = await showBanner.run({ request });\n  return on ? 'banner' : 'plain';\n}\n`,
    after: `export async function Page(request: Request) {\n  return 'banner';\n}\n`,
  },
  {
    name: 'a call not awaited is left, saying it gives a promise',
    before: `import { showBanner } from './flags';\nexport function Page() {\n  return showBanner().then(String);\n}\n`,
    why: [/'show-banner' gives a promise of the flag's value \(not awaited here\), not the flag's value; left as it is/],
  },
  {
    name: 'a list of flags for precompute is left',
    before: `import { precompute } from 'flags/next';\nimport { showBanner, summerSale } from './flags';\nexport const code = precompute([showBanner, summerSale]);\n`,
    why: [/gives the flag's function, in a list of flags evaluated together/],
  },
  {
    name: 'in the declaring file, the call is replaced and the declaration stays, saying why',
    before: `import { flag } from 'flags/next';\nexport const showBanner = flag({ key: 'show-banner', decide: () => false });\nexport async function Page() {\n  return (await showBanner()) ? 'banner' : 'plain';\n}\n`,
    after: `import { flag } from 'flags/next';\nexport const showBanner = flag({ key: 'show-banner', decide: () => false });\nexport async function Page() {\n  return 'banner';\n}\n`,
    why: [/gives the flag's function \(its declaration: delete it once nothing calls it\)/],
  },
];

describe('flag functions (Vercel Flags): the clean-up', () => {
  for (const testCase of CLEAN_CASES) {
    it(testCase.name, () => {
      const files = { [APP]: testCase.before, '/ws/src/flags.ts': testCase.flags ?? FLAGS };
      const scans = scanWorkspace(files);
      const app = scans.get(APP);
      assert.ok(app);
      const checks = resolveChecks(app, (fileName) => scans.get(fileName), { fileExists: (path) => scans.has(path) })
        .filter((found) => checksFlag(found, 'show-banner'));
      assert.ok(checks.length > 0, 'the calls are checks of show-banner');
      const removal = removeFlagFromFile(APP, testCase.before, checks, { kind: 'value', value: true }, 'show-banner');
      assert.equal(removal.text, testCase.after ?? testCase.before);
      assert.equal(removal.problems.length, (testCase.why ?? []).length, removal.problems.map((problem) => problem.message).join('\n'));
      (testCase.why ?? []).forEach((why, index) => assert.match(removal.problems[index].message, why));
    });
  }
});
