// Workspaces whose files are not what their names say: `.gitignore`, `package.json`, `.flaglens.json`,
// the registry file, a flag file or a source file that is a link to /dev/zero, a named pipe, or far too
// large. Read plainly, /dev/zero never ends (the CLI was killed at 1.2 GB) and a pipe waits for a writer
// for good. Each run is the bundled CLI in a child process with a time limit, so a hang fails the row
// instead of stopping the suite; each row says what the scan still finds, what it says, and its exit code.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'server/out/cli.js');
// The runs share a V8 code cache and a cache folder of their own, not the user's.
const CODE_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-hostile-reads-cache-'));
const roots: string[] = [CODE_CACHE];
after(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

const FLAGS = JSON.stringify({ flags: { 'dark-mode': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' } } });

/** A folder with a configuration, two flag files, a registry and one check of a registered flag. */
const FILES: Record<string, string> = {
  '.flaglens.json': JSON.stringify({
    backends: [{ type: 'flagd', environments: { production: 'flags/production.flagd.json', staging: 'flags/staging.flagd.json' } }],
    registry: { file: 'src/flags.ts', symbol: 'FLAGS' },
  }),
  '.gitignore': 'dist/\n',
  'package.json': JSON.stringify({ name: 'hostile', version: '1.0.0' }),
  'flags/production.flagd.json': FLAGS,
  'flags/staging.flagd.json': FLAGS,
  'src/flags.ts': "export const FLAGS = { darkMode: 'dark-mode' } as const;\n",
  'src/app.ts': "import { FLAGS } from './flags';\nexport const on = client.getBooleanValue(FLAGS.darkMode, false);\n",
  'src/other.ts': "export const beta = client.getBooleanValue('beta', false);\n",
};

type Replacement = 'link to /dev/zero' | 'named pipe' | 'too large';

interface Row {
  file: string;
  as: Replacement;
  /** The exit code with `--fail-on none`: 2 when the scan cannot start (the configuration), else 0. */
  status: number;
  /** What stderr says about the file. */
  says: RegExp;
  /** The checks found, as `file key`; a scan that could not start finds none. */
  checks: string[];
}

const ALL_CHECKS = ['src/app.ts dark-mode', 'src/other.ts beta'];

const ROWS: Row[] = [
  ...(['link to /dev/zero', 'named pipe'] as const).flatMap((as): Row[] => {
    const what = as === 'named pipe' ? 'a named pipe' : 'a character device';
    return [
      { file: '.gitignore', as, status: 0, says: new RegExp(`\\.gitignore is not read, so its rules do not apply: not a regular file \\(${what}\\)`), checks: ALL_CHECKS },
      { file: 'package.json', as, status: 0, says: new RegExp(`package\\.json is not read: not a regular file \\(${what}\\)`), checks: ALL_CHECKS },
      { file: '.flaglens.json', as, status: 2, says: new RegExp(`\\.flaglens\\.json could not be read: not a regular file \\(${what}\\)`), checks: [] },
      // The registry's file is also the module app.ts imports its key from: the check stays, its key unresolved.
      { file: 'src/flags.ts', as, status: 0, says: new RegExp(`The flag registry file src/flags\\.ts could not be read: not a regular file \\(${what}\\)`), checks: ['src/app.ts FLAGS.darkMode', 'src/other.ts beta'] },
      { file: 'flags/staging.flagd.json', as, status: 0, says: new RegExp(`staging\\.flagd\\.json \\(staging\\) is not a regular file \\(${what}\\)`), checks: ALL_CHECKS },
      // A source file that is not a file is left out without a word: it was never code.
      { file: 'src/other.ts', as, status: 0, says: /^(?![\s\S]*other\.ts)/, checks: ['src/app.ts dark-mode'] },
    ];
  }),
  { file: '.gitignore', as: 'too large', status: 0, says: /\.gitignore is not read, so its rules do not apply: 2 MB is over the 1 MB limit/, checks: ALL_CHECKS },
  { file: 'package.json', as: 'too large', status: 0, says: /package\.json is not read: 2 MB is over the 1 MB limit/, checks: ALL_CHECKS },
  { file: '.flaglens.json', as: 'too large', status: 2, says: /\.flaglens\.json could not be read: 2 MB is over the 1 MB limit/, checks: [] },
  { file: 'flags/staging.flagd.json', as: 'too large', status: 0, says: /staging\.flagd\.json \(staging\) is not read: 21 MB is over the 19\.1 MB limit/, checks: ALL_CHECKS },
  { file: 'src/other.ts', as: 'too large', status: 0, says: /skipped src\/other\.ts: 2 MB is over the 1 MB limit \(flaglens\.maxFileSize\)/, checks: ['src/app.ts dark-mode'] },
];

/** The file's text, still valid of its kind, padded past its limit: 2 MB (21 MB for a flag file) of blanks in a comment or after the JSON. */
function oversized(file: string): string {
  const text = FILES[file];
  if (file.endsWith('.flagd.json')) return text + ' '.repeat(21 * 1024 * 1024);
  const padding = ' '.repeat(2 * 1024 * 1024);
  if (file.endsWith('.ts')) return `${text}//${padding}\n`;
  return file === '.gitignore' ? `${text}#${padding}\n` : text + padding;
}

function workspaceWith(row: Row): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-hostile-reads-')));
  roots.push(root);
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    if (name !== row.file) fs.writeFileSync(path.join(root, name), text);
  }
  const target = path.join(root, row.file);
  if (row.as === 'link to /dev/zero') fs.symlinkSync('/dev/zero', target);
  else if (row.as === 'named pipe') spawnSync('mkfifo', [target]);
  else fs.writeFileSync(target, oversized(row.file));
  return root;
}

describe('flaglens scan on files that are not what their names say', { skip: process.platform === 'win32' }, () => {
  for (const row of ROWS) {
    it(`${row.file} as a ${row.as}: exit ${row.status}, ${row.checks.length} checks found, and says why`, () => {
      const root = workspaceWith(row);
      const run = spawnSync(process.execPath, [CLI, 'scan', root, '--format', 'json', '--fail-on', 'none'], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '', FLAGLENS_CODE_CACHE: CODE_CACHE, XDG_CACHE_HOME: path.join(CODE_CACHE, 'xdg') },
        timeout: 60_000,
      });
      assert.equal(run.signal, null, `killed by ${run.signal} (a read that never ended?)`);
      assert.equal(run.status, row.status, `status ${run.status}: ${run.stderr}`);
      assert.match(run.stderr, row.says);
      const checks = row.status === 0 ? (JSON.parse(run.stdout) as { checks: Array<{ file: string; key: string }> }).checks.map((check) => `${check.file} ${check.key}`) : [];
      assert.deepEqual(checks.sort(), row.checks);
    });
  }
});
