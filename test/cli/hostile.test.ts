// Workspaces and services that try to break FlagLens (issue #15). Each input is generated here, and each
// test asserts the outcome: the scan completes with the other files' checks, nothing is written outside
// the workspace, a clean-up changes every file or none, and the exit code says what happened.
//
// | input                                                        | where it is tested                                      |
// |--------------------------------------------------------------|---------------------------------------------------------|
// | 5,000 nested parentheses, a 20,000-term `a + b + …`          | here (in process)                                       |
// | flagd file nested 5,000 deep, a variant 20,000 deep          | here (spawned CLI)                                      |
// | .flaglens.json nested 5,000 deep; maxFileSize of 2^31        | here (exit 2, one line); config.test.ts has the message |
// | committed .flaglens-cache link, planted *.tmp links          | here (scan and clean; bytes and mtime outside)          |
// | a source file that is a link out of the workspace            | clean.test.ts 'never writes through a link'             |
// | a folder that cannot be written, halfway through a clean     | here (a real read-only folder); clean.test.ts injects a |
// |                                                              | failing rename into writeAllOrNothing                   |
// | Ctrl+C (SIGINT) in the middle of a clean                     | here (spawned CLI, interrupted while it writes)         |
// | Retry-After: 999999999999; an answer past the 64 MB cap      | here (fault server); http.test.ts reads an undeclared   |
// |                                                              | streamed answer past the cap                            |
// | scan --format json | head -1                                 | cli.test.ts 'flaglens scan into a pipe'                 |
// | a service that answers 500, with --fail-on backend-unreachable | services.test.ts                                      |
// | a service that refuses the connection, same                  | here                                                    |
// | a repository's .flaglens.json naming another address for a   | here (the fault server records every header);           |
// | FLAGLENS_* token                                             | serviceBackends.test.ts has the message                 |
// | /dev/zero and FIFOs as .gitignore, package.json, config      | cli.test.ts 'named pipes', hostile-reads.test.ts        |
// | the language server fed a message without Content-Length     | test/server/start.test.ts                               |

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { planClean } from '../../server/src/cli/clean';
import { scanFolder } from '../../server/src/cli/scan';

const TERMS = 20_000;
const DEPTH = 5_000;

describe('a source file nested deeper than the call stack', () => {
  let root: string;
  const logged: string[] = [];
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-hostile-')));
    fs.mkdirSync(path.join(root, 'src'));
    // One term a line: the nesting is as deep, and a file of long lines would be skipped as minified.
    const sum = Array.from({ length: TERMS }, (_, index) => `a${index}`).join(' +\n');
    fs.writeFileSync(path.join(root, 'src', 'parens.ts'), `export const x = ${'('.repeat(DEPTH)}1${')'.repeat(DEPTH)};\n`);
    fs.writeFileSync(path.join(root, 'src', 'client.ts'), "import { OpenFeature } from '@openfeature/server-sdk';\nexport const client = OpenFeature.getClient();\n");
    fs.writeFileSync(path.join(root, 'src', 'sum.ts'), `import { client } from './client';\nexport const on = client.getBooleanValue('deep-flag', false) && ${sum};\n`);
    fs.writeFileSync(path.join(root, 'src', 'app.ts'), "import { client } from './client';\nexport function f(): string {\n  if (client.getBooleanValue('deep-flag', false)) {\n    return 'new';\n  }\n  return 'old';\n}\n");
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is scanned with the others: the scan completes and finds every check', async () => {
    const report = await scanFolder(root, { log: (message) => logged.push(message) });
    assert.deepEqual(report.checks.map((located) => `${located.file} ${located.check.key}`).sort(), ['src/app.ts deep-flag', 'src/sum.ts deep-flag']);
    assert.equal(report.filesScanned, 4);
  });

  it('does not stop the clean-up of the other files; it is left as it was, with why', async () => {
    const result = await planClean({ key: 'deep-flag', directory: root, dryRun: true, value: { value: true } }, (message) => logged.push(message));
    const byFile = new Map(result.removal.files.map((file) => [path.basename(file.fileName), file]));
    assert.equal(byFile.get('app.ts')?.text, "export function f(): string {\n  return 'new';\n}\n");
    const deep = byFile.get('sum.ts');
    assert.equal(deep?.edits.length, 0);
    assert.match(deep?.problems[0]?.message ?? '', /could not be removed from this file \(Maximum call stack size exceeded\); it is left unchanged/);
  });
});

const CLI = path.join(__dirname, '..', '..', 'server', 'out', 'cli.js');
const temporaryRoots: string[] = [];
after(() => {
  for (const root of temporaryRoots) fs.rmSync(root, { recursive: true, force: true });
});

function temporaryFolder(prefix: string): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  temporaryRoots.push(root);
  return root;
}

function workspace(files: Record<string, string>): string {
  const root = temporaryFolder('flaglens-hostile-');
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bundled CLI without blocking this process (which may be serving a fault server), with an
 * environment of its own: no token or cache of the user's.
 */
function flaglens(args: string[], options: { env?: Record<string, string>; uid?: number; whileRunning?: (child: ReturnType<typeof spawn>) => void } = {}): Promise<Run> {
  const home = temporaryFolder('flaglens-hostile-home-');
  if (options.uid !== undefined) fs.chownSync(home, options.uid, options.uid);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: home, XDG_CACHE_HOME: home, NO_COLOR: '1', FLAGLENS_CODE_CACHE: 'off', ...options.env },
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
    options.whileRunning?.(child);
  });
}

/** Every file under a folder with its bytes, links as where they point, to compare a folder before and after. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) files.set(path.relative(root, full), `-> ${fs.readlinkSync(full)}`);
      else if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

/** Bytes and modification times of every file under a folder: what a write through a link would change. */
function bytesAndTimes(root: string): Array<[string, string, number]> {
  return [...snapshot(root)].map(([name, text]) => [name, text, fs.lstatSync(path.join(root, name)).mtimeMs] as [string, string, number]).sort();
}

// The OpenFeature client the checks call: imported from the SDK, so its calls are checks.
const CLIENT = "import { OpenFeature } from '@openfeature/server-sdk';\nexport const client = OpenFeature.getClient();\n";
const APP = "import { client } from './client';\nexport function f(): string {\n  if (client.getBooleanValue('dark-mode', false)) {\n    return 'new';\n  }\n  return 'old';\n}\n";
const APP_CLEANED = "export function f(): string {\n  return 'new';\n}\n";
const DARK_MODE_ON = JSON.stringify({ flags: { 'dark-mode': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' } } });

describe('JSON nested past the depth bound', () => {
  it('a flagd file nested 5,000 deep and a variant nested 20,000 deep are each one finding; the scan goes on', async () => {
    const root = workspace({
      'src/app.ts': APP,
      'src/client.ts': CLIENT,
      'flags/production.flagd.json': `{"flags": ${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}}`,
      'flags/staging.flagd.json': `{"flags": {"dark-mode": {"state": "ENABLED", "defaultVariant": "on", "variants": {"on": ${'['.repeat(20_000)}${']'.repeat(20_000)}, "off": false}}}}`,
      'flags/qa.flagd.json': DARK_MODE_ON,
    });
    const run = await flaglens(['scan', root, '--format', 'json']);
    const report = JSON.parse(run.stdout) as { checks: Array<{ file: string; key: string }>; findings: Array<{ file: string; kind: string; message: string }> };
    assert.deepEqual(report.checks.map((check) => `${check.file} ${check.key}`), ['src/app.ts dark-mode']);
    const malformed = report.findings.filter((finding) => finding.kind === 'malformed-flag-file');
    assert.deepEqual(malformed.map((finding) => finding.file).sort(), ['flags/production.flagd.json', 'flags/staging.flagd.json']);
    for (const finding of malformed) assert.match(finding.message, /nested deeper than 100 levels/);
    // A malformed flag file is an error, which fails the scan by default; a crash would be exit 2.
    assert.equal(run.status, 1, run.stderr);
    assert.doesNotMatch(run.stderr, /internal error|RangeError|call stack/);
  });

  it('a .flaglens.json nested 5,000 deep stops the scan with exit 2 and one line saying where', async () => {
    const root = workspace({ 'src/app.ts': APP, '.flaglens.json': `{"patterns": ${'['.repeat(5_000)}${']'.repeat(5_000)}}` });
    const run = await flaglens(['scan', root]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^flaglens: \.flaglens\.json:1:\d+: Not read: nested deeper than 100 levels\.\n$/);
  });
});

describe('maxFileSize out of range', () => {
  it('2^31 stops the scan with exit 2 and says the range', async () => {
    const root = workspace({ 'src/app.ts': APP, '.flaglens.json': '{"maxFileSize": 2147483648}' });
    const run = await flaglens(['scan', root]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^flaglens: \.flaglens\.json:1:17: "maxFileSize" must be a whole number of bytes from 1 to 536870912 \(512 MB\)/);
  });
});

describe('links planted where FlagLens writes', () => {
  it('a committed .flaglens-cache link and *.tmp links beside a source file: scan and clean write nothing through them', async () => {
    const outside = temporaryFolder('flaglens-hostile-outside-');
    fs.writeFileSync(path.join(outside, 'index.json'), '{"precious": true}\n');
    fs.writeFileSync(path.join(outside, 'victim.ts'), 'export const precious = 1;\n');
    // In the past, so that a write within the same clock tick would still change it.
    const past = new Date('2020-01-01T00:00:00Z');
    for (const name of fs.readdirSync(outside)) fs.utimesSync(path.join(outside, name), past, past);
    const root = workspace({ 'src/app.ts': APP, 'src/client.ts': CLIENT, 'flags/production.flagd.json': DARK_MODE_ON });
    fs.symlinkSync(outside, path.join(root, '.flaglens-cache'));
    // Names a careless writer would use for app.ts's temporary file, and the pattern FlagLens uses.
    for (const name of ['app.ts.tmp', '.app.ts.tmp', 'app.tmp', '.app.ts.flaglens-0000000000000000.tmp', '.app.ts.swp']) {
      fs.symlinkSync(path.join(outside, 'victim.ts'), path.join(root, 'src', name));
    }
    const outsideBefore = bytesAndTimes(outside);

    const scan = await flaglens(['scan', root, '--format', 'json', '--fail-on', 'none']);
    assert.equal(scan.status, 0, scan.stderr);
    assert.deepEqual(bytesAndTimes(outside), outsideBefore);

    const clean = await flaglens(['clean', 'dark-mode', root]);
    assert.equal(clean.status, 0, clean.stderr);
    assert.equal(fs.readFileSync(path.join(root, 'src', 'app.ts'), 'utf8'), APP_CLEANED);
    assert.deepEqual(bytesAndTimes(outside), outsideBefore);
    // The planted links are still links to where they pointed, and no temporary file is left.
    assert.deepEqual(fs.readdirSync(path.join(root, 'src')).sort(), ['.app.ts.flaglens-0000000000000000.tmp', '.app.ts.swp', '.app.ts.tmp', 'app.tmp', 'app.ts', 'app.ts.tmp', 'client.ts']);
    for (const name of fs.readdirSync(path.join(root, 'src')).filter((entry) => entry !== 'app.ts' && entry !== 'client.ts')) {
      assert.equal(fs.readlinkSync(path.join(root, 'src', name)), path.join(outside, 'victim.ts'));
    }
  });
});

/** A workspace where one flag is checked in `count` files under `folders`, each of which the clean-up rewrites. */
function manyChecks(count: number, folders: readonly string[]): string {
  const files: Record<string, string> = { 'flags/production.flagd.json': DARK_MODE_ON, 'src/client.ts': CLIENT };
  for (let index = 0; index < count; index++) files[`src/${folders[index % folders.length]}/f${index}.ts`] = APP.replace("'./client'", "'../client'").replace('function f', `function f${index}`);
  return workspace(files);
}

function temporaryFiles(root: string): string[] {
  return [...snapshot(root).keys()].filter((name) => name.endsWith('.tmp'));
}

describe('a clean-up that cannot finish changes nothing', () => {
  it('a folder that cannot be written, halfway through the files: every file is as it was, exit 2, no temporary file', async () => {
    const root = manyChecks(30, ['a', 'b', 'c']);
    // As root, permissions do not stop a write: the CLI runs as an ordinary user who owns the workspace.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    if (uid !== undefined) {
      for (const name of [root, ...[...snapshot(root).keys()].map((relative) => path.join(root, relative))]) fs.chownSync(name, uid, uid);
      for (const folder of ['src', 'src/a', 'src/b', 'src/c', 'flags']) fs.chownSync(path.join(root, folder), uid, uid);
    }
    fs.chmodSync(path.join(root, 'src', 'b'), 0o555);
    const before = snapshot(root);
    const run = await flaglens(['clean', 'dark-mode', root], uid === undefined ? {} : { uid });
    fs.chmodSync(path.join(root, 'src', 'b'), 0o755);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /nothing was changed: EACCES/);
    assert.deepEqual(snapshot(root), before);
    assert.deepEqual(temporaryFiles(root), []);
  });

  it('Ctrl+C while the files are written: every file is changed or none is, and no temporary file is left', async () => {
    const count = 120;
    const root = manyChecks(count, ['a', 'b']);
    const before = snapshot(root);
    let interruptedWhileWriting = false;
    const run = await flaglens(['clean', 'dark-mode', root], {
      whileRunning: (child) => {
        // Interrupt as soon as the first temporary file appears: the writing has begun.
        const poll = (): void => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          if (fs.readdirSync(path.join(root, 'src', 'a')).some((name) => name.endsWith('.tmp'))) {
            interruptedWhileWriting = true;
            child.kill('SIGINT');
          } else {
            setImmediate(poll);
          }
        };
        poll();
      },
    });
    const changed = [...before].filter(([name, text]) => name.endsWith('.ts') && name !== 'src/client.ts' && fs.readFileSync(path.join(root, name), 'utf8') !== text).length;
    assert.ok(changed === 0 || changed === count, `${changed} of ${count} files changed`);
    assert.deepEqual(temporaryFiles(root), []);
    if (interruptedWhileWriting) {
      // The interrupt is held until the files are written, then ends the process as Ctrl+C does.
      assert.equal(changed, count);
      assert.equal(run.signal, 'SIGINT', run.stderr);
    } else {
      assert.equal(run.status, 0, run.stderr);
    }
  });
});

/** A loopback HTTP server that answers every request one way, and records the headers it was sent. */
class FaultServer {
  readonly requests: http.IncomingHttpHeaders[] = [];
  bytesSent = 0;
  private server: http.Server | undefined;

  constructor(private readonly answer: (response: http.ServerResponse, server: FaultServer) => void) {}

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      this.requests.push(request.headers);
      this.answer(response, this);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const UNLEASH_CHECK = "import { unleash } from './unleash';\nexport const on = unleash.isEnabled('new-nav');\n";

function serviceWorkspace(url: string): string {
  return workspace({ 'src/app.ts': UNLEASH_CHECK, '.flaglens.json': JSON.stringify({ backends: [{ type: 'unleash', url }] }) });
}

describe('a flag service that misbehaves', () => {
  it('Retry-After: 999999999999 does not make the scan wait: it reports the service unreachable and ends', async () => {
    const fault = new FaultServer((response) => {
      response.writeHead(429, { 'Retry-After': '999999999999', 'Content-Type': 'application/json' });
      response.end('{}');
    });
    const url = await fault.start();
    try {
      const run = await flaglens(['scan', serviceWorkspace(url), '--fail-on', 'backend-unreachable']);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /answered 429 \(too many requests\)/);
      assert.equal(fault.requests.length, 1);
    } finally {
      await fault.stop();
    }
  });

  it('an answer that says it is larger than the cap is refused before it is read', async () => {
    const CHUNK = Buffer.alloc(1 << 20, 0x20);
    const TOTAL = 1 << 30;
    const fault = new FaultServer((response, server) => {
      // Streamed a chunk at a time, waiting for the socket: the test does not hold the gigabyte either.
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(TOTAL) });
      const write = (): void => {
        while (server.bytesSent < TOTAL && !response.destroyed) {
          server.bytesSent += CHUNK.length;
          if (!response.write(CHUNK)) {
            response.once('drain', write);
            return;
          }
        }
      };
      write();
    });
    const url = await fault.start();
    try {
      const run = await flaglens(['scan', serviceWorkspace(url), '--fail-on', 'backend-unreachable']);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /answered more than 64 MB, the most FlagLens reads/);
      assert.ok(fault.bytesSent < 64 * (1 << 20), `the scan read ${fault.bytesSent} bytes`);
    } finally {
      await fault.stop();
    }
  });

  it('a service that refuses the connection fails --fail-on backend-unreachable with exit 1', async () => {
    const fault = new FaultServer((response) => response.end());
    const url = await fault.start();
    await fault.stop();
    const run = await flaglens(['scan', serviceWorkspace(url), '--fail-on', 'backend-unreachable']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /connection refused/);
  });

  it("a repository's .flaglens.json that names another address gets no FLAGLENS_* token", async () => {
    const TOKEN = 'hostile-token-8c1f';
    const fault = new FaultServer((response) => {
      response.writeHead(401, { 'Content-Type': 'application/json' });
      response.end('{}');
    });
    const url = await fault.start();
    try {
      // The token was set for another origin; the repository names the fault server.
      const run = await flaglens(['scan', serviceWorkspace(url), '--fail-on', 'none'], { env: { FLAGLENS_UNLEASH_TOKEN: TOKEN, FLAGLENS_UNLEASH_URL: 'https://unleash.example.com' } });
      assert.equal(run.status, 0, run.stderr);
      assert.ok(fault.requests.length > 0, 'the service was not asked at all');
      for (const headers of fault.requests) assert.ok(!JSON.stringify(headers).includes(TOKEN), `the token was sent: ${JSON.stringify(headers)}`);
      assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN));
    } finally {
      await fault.stop();
    }
  });
});
