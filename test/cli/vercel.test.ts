// Vercel Flags through the bundled CLI: `scan` reports the calls of flag functions (`await showBanner()`, which have
// no key at the call) with their declaration's key, and `clean` replaces the awaited ones with the value.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'server/out/cli.js');

const FILES: Record<string, string> = {
  'package.json': '{ "name": "shop", "dependencies": { "flags": "^4.0.0" } }\n',
  'flags/production.flagd.json': JSON.stringify({
    flags: {
      'show-banner': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
      'summer-sale': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'off', targeting: { fractional: [['on', 50], ['off', 50]] } },
    },
  }, null, 2),
  'src/flags.ts': `import { flag } from 'flags/next';

export const showBanner = flag<boolean>({
  key: 'show-banner',
  decide() {
    return false;
  },
});

export const summerSale = flag<boolean>({ key: 'summer-sale', decide: () => false });
`,
  'src/lib/index.ts': `export * from '../flags';\n`,
  'src/app/page.ts': `import { showBanner } from '../flags';
import { render } from './render';

export async function Page() {
  if (await showBanner()) {
    return render('banner');
  }
  return render('plain');
}
`,
  'src/app/header.ts': `import { showBanner, summerSale } from '../lib';

export async function Header() {
  const pending = showBanner();
  const sale = await summerSale();
  return { pending, sale };
}
`,
  'src/app/render.ts': `export function render(name: string): string {\n  return name;\n}\n`,
  'src/app/other.ts': `function showBanner(): boolean {\n  return true;\n}\n\nexport const shown = showBanner();\n`,
};

const folders: string[] = [];
after(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function workspace(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-vercel-')));
  folders.push(root);
  for (const [file, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function flaglens(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FLAGLENS_CODE_CACHE: 'off' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonReport {
  checks: Array<{ file: string; line: number; key: string; resolved: boolean; sdk: string; method: string; declaration?: true }>;
  flags: Array<{ key: string; state: string; references: number }>;
}

describe('Vercel Flags: flag functions through the CLI', () => {
  it('scan reports each call of a flag function with its declaration\'s key, and not a same-named local function', () => {
    const root = workspace();
    const run = flaglens(['scan', root, '--format', 'json', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const rows = report.checks.map(({ file, line, key, resolved, sdk, method, declaration }) =>
      `${file}:${line} ${sdk} ${method} ${key}${resolved ? '' : ' (unresolved)'}${declaration === true ? ' (declaration)' : ''}`).sort();
    assert.deepEqual(rows, [
      'src/app/header.ts:4 vercel showBanner show-banner',
      'src/app/header.ts:5 vercel summerSale summer-sale',
      'src/app/page.ts:5 vercel showBanner show-banner',
      'src/flags.ts:10 vercel flag summer-sale (declaration)',
      'src/flags.ts:4 vercel flag show-banner (declaration)',
    ]);
    const banner = report.flags.find((flag) => flag.key === 'show-banner');
    assert.equal(banner?.references, 3);
  });

  it("the text summary counts a flag's declaration apart from its checks", () => {
    const run = flaglens(['scan', workspace(), '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^3 flag checks and 2 flag declarations in 3 files \(\d+ files scanned\)$/m);
  });

  it('clean replaces an awaited call with the value, and leaves a call not awaited and the declaration, saying why', () => {
    const root = workspace();
    const run = flaglens(['clean', 'show-banner', root]);
    // 1: some checks were left for a person to decide.
    assert.equal(run.status, 1, run.stderr);
    const page = fs.readFileSync(path.join(root, 'src/app/page.ts'), 'utf8');
    assert.equal(page, `import { render } from './render';

export async function Page() {
  return render('banner');
}
`);
    // A promise not awaited is not the value; the declaration stays while anything may call it.
    assert.match(fs.readFileSync(path.join(root, 'src/app/header.ts'), 'utf8'), /const pending = showBanner\(\);/);
    assert.equal(fs.readFileSync(path.join(root, 'src/flags.ts'), 'utf8'), FILES['src/flags.ts']);
    assert.match(run.stdout, /a promise of the flag's value \(not awaited here\)/);
    assert.match(run.stdout, /src\/flags\.ts:3: .*the flag's function \(its declaration: delete it once nothing calls it\)/);
    assert.match(run.stdout, /Removed 'show-banner', keeping true .*: 1 check in 1 file, 4 lines deleted\./);
  });
});
