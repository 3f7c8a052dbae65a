// Runs the bundled CLI (`npm run build` makes server/out/cli.js) as a user would, on the demo
// workspace and on small temporary ones.

import Ajv, { type ValidateFunction } from 'ajv';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateWorkspace } from '../../bench/generate';
import { resolveChecks } from '../../server/src/analysis/resolve';
import { parseSource, scanFile } from '../../server/src/analysis/scan';
import { loadConfig } from '../../server/src/workspace/config';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { listSourceFiles } from '../../server/src/workspace/listing';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'server/out/cli.js');
const DEMO = path.join(REPO, 'examples/demo');
const SARIF_SCHEMA = path.join(REPO, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface JsonReport {
  version: number;
  checks: Array<{ file: string; line: number; column: number; key: string; resolved: boolean; sdk: string; method: string; dynamic?: boolean; evidence?: string }>;
  findings: Array<{ file: string; line: number; column: number; key: string | null; kind: string; severity: string; message: string }>;
  flags: Array<{ key: string; state: string; references: number }>;
}

// The CLI runs of this file share a V8 code cache of their own, not the user's.
const CODE_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-cli-code-cache-'));

function flaglens(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FLAGLENS_CODE_CACHE: CODE_CACHE, ...options.env },
    timeout: options.timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scanJson(directory: string, extra: string[] = []): JsonReport {
  const run = flaglens(['scan', directory, '--format', 'json', '--fail-on', 'none', ...extra]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as JsonReport;
}

/** 1-based line and column of the first occurrence of `text` in a demo file, as the CLI counts them. */
function positionOf(relativeFile: string, text: string, root = DEMO): { file: string; line: number; column: number } {
  const source = fs.readFileSync(path.join(root, relativeFile), 'utf8');
  const offset = source.indexOf(text);
  assert.notEqual(offset, -1, `${text} not in ${relativeFile}`);
  const before = source.slice(0, offset).split('\n');
  return { file: relativeFile, line: before.length, column: before[before.length - 1].length + 1 };
}

const temporaryRoots: string[] = [CODE_CACHE];
after(() => {
  for (const root of temporaryRoots) fs.rmSync(root, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-cli-')));
  temporaryRoots.push(root);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

const FLAG_FILE = JSON.stringify({
  flags: {
    'dark-mode': { state: 'ENABLED', variants: { on: true, off: false }, defaultVariant: 'on' },
  },
});

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: run npm run build first`);
});

describe('flaglens scan --format json on the demo', () => {
  let report: JsonReport;
  before(() => {
    report = scanJson(DEMO);
  });

  it('has the documented shape', () => {
    assert.deepEqual(Object.keys(report), ['version', 'checks', 'findings', 'flags']);
    assert.equal(report.version, 1);
    assert.deepEqual(Object.keys(report.checks.find((check) => check.resolved) ?? {}), ['file', 'line', 'column', 'key', 'resolved', 'sdk', 'method', 'evidence']);
    // A key passed in by each caller adds `dynamic: true`; other checks do not carry the field.
    assert.deepEqual(Object.keys(report.checks.find((check) => !check.resolved) ?? {}), ['file', 'line', 'column', 'key', 'resolved', 'sdk', 'method', 'dynamic', 'evidence']);
    assert.deepEqual(Object.keys(report.findings[0]), ['file', 'line', 'column', 'key', 'kind', 'severity', 'message']);
    assert.deepEqual(Object.keys(report.flags[0]), ['key', 'state', 'references']);
  });

  const expectedChecks: Array<{ file: string; text: string; key: string; resolved: boolean; sdk: string; method: string; dynamic?: true; evidence: string }> = [
    { file: 'src/server/checkout.ts', text: 'FLAGS.NEW_CHECKOUT', key: 'new-checkout', resolved: true, sdk: 'openfeature', method: 'flags.getBooleanValue', evidence: '`flags` is created from @openfeature/server-sdk' },
    { file: 'src/server/checkout.ts', text: 'FLAGS.FREE_SHIPPING_THRESHOLD', key: 'free-shipping-threshold', resolved: true, sdk: 'openfeature', method: 'flags.getNumberValue', evidence: '`flags` is created from @openfeature/server-sdk' },
    { file: 'src/server/emails.ts', text: "'new-chekout'", key: 'new-chekout', resolved: true, sdk: 'custom', method: 'isFeatureOn', evidence: '`isFeatureOn` is named in .flaglens.json' },
    { file: 'src/server/emails.ts', text: "'holiday-promo'", key: 'holiday-promo', resolved: true, sdk: 'custom', method: 'isFlagDisabled', evidence: '`isFlagDisabled` is named in .flaglens.json' },
    { file: 'src/server/search.ts', text: 'Experiment.SearchV2', key: 'search-v2', resolved: true, sdk: 'launchdarkly', method: 'ldClient.variation', evidence: '`ldClient` is created from @launchdarkly/node-server-sdk' },
    { file: 'src/server/search.ts', text: "'legacy-search'", key: 'legacy-search', resolved: true, sdk: 'unleash', method: 'unleash.isEnabled', evidence: '`unleash` is created from unleash-client' },
    { file: 'src/web/App.tsx', text: "'dark-mode'", key: 'dark-mode', resolved: true, sdk: 'openfeature', method: 'useBooleanFlagValue', evidence: '`useBooleanFlagValue` is imported from @openfeature/react-sdk' },
    { file: 'src/web/App.tsx', text: 'newCheckout', key: 'new-checkout', resolved: true, sdk: 'launchdarkly', method: 'useFlags', evidence: '`useFlags` is imported from launchdarkly-react-client-sdk' },
    { file: 'src/web/PromoBanner.tsx', text: "'holiday-promo'", key: 'holiday-promo', resolved: true, sdk: 'posthog', method: 'useFeatureFlagEnabled', evidence: '`useFeatureFlagEnabled` is imported from posthog-js/react' },
    { file: 'src/web/PromoBanner.tsx', text: "'old-banner'", key: 'old-banner', resolved: true, sdk: 'growthbook', method: 'useFeatureIsOn', evidence: '`useFeatureIsOn` is imported from @growthbook/growthbook-react' },
    { file: 'src/web/PromoBanner.tsx', text: 'Experiment.CheckoutButtonColor', key: 'checkout-button-color', resolved: true, sdk: 'growthbook', method: 'useFeatureValue', evidence: '`useFeatureValue` is imported from @growthbook/growthbook-react' },
    { file: 'src/flags/client.ts', text: 'key, fallback', key: 'key', resolved: false, sdk: 'openfeature', method: 'client.getBooleanValue', dynamic: true, evidence: '`client` is created from @openfeature/server-sdk' },
  ];
  for (const expected of expectedChecks) {
    it(`finds ${expected.method}(${expected.text}) in ${expected.file}`, () => {
      const { file, line, column } = positionOf(expected.file, expected.text);
      const found = report.checks.find((check) => check.file === file && check.line === line && check.column === column);
      const dynamic = expected.dynamic ? { dynamic: true } : {};
      assert.deepEqual(found, { file, line, column, key: expected.key, resolved: expected.resolved, sdk: expected.sdk, method: expected.method, ...dynamic, evidence: expected.evidence });
    });
  }

  const expectedFindings: Array<{ file: string; text: string; kind: string; severity: string; message: string }> = [
    {
      file: 'src/server/emails.ts',
      text: "'new-chekout'",
      kind: 'unknown-flag',
      severity: 'warning',
      message: "'new-chekout' is not defined in any environment (production, staging). Did you mean 'new-checkout'?",
    },
    { file: 'src/server/checkout.ts', text: 'FLAGS.NEW_CHECKOUT', kind: 'released-flag', severity: 'information', message: "'new-checkout' serves true in every environment: remove the flag and its dead branch" },
    { file: 'src/web/App.tsx', text: 'newCheckout', kind: 'released-flag', severity: 'information', message: "'new-checkout' serves true in every environment: remove the flag and its dead branch" },
    { file: 'src/server/search.ts', text: "'legacy-search'", kind: 'stale-flag', severity: 'warning', message: "'legacy-search' is marked stale: remove the check and the flag, or clear the stale mark if it is still needed" },
    { file: 'src/web/PromoBanner.tsx', text: "'old-banner'", kind: 'archived-flag', severity: 'warning', message: "'old-banner' is archived but still checked here: remove the check or restore the flag" },
    { file: 'src/web/PromoBanner.tsx', text: "'holiday-promo'", kind: 'dead-flag', severity: 'information', message: "'holiday-promo' is off in every environment (serves the code's default), but this check passes no default: pass a default value so FlagLens knows what the code serves" },
  ];
  for (const expected of expectedFindings) {
    it(`reports ${expected.kind} at ${expected.text} in ${expected.file}`, () => {
      const { file, line, column } = positionOf(expected.file, expected.text);
      const found = report.findings.find((finding) => finding.file === file && finding.line === line && finding.column === column && finding.kind === expected.kind);
      assert.ok(found, `no ${expected.kind} at ${file}:${line}:${column} in ${JSON.stringify(report.findings, null, 1)}`);
      assert.equal(found.severity, expected.severity);
      assert.equal(found.message, expected.message);
    });
  }

  it('reports nothing for rolling-out flags and unresolved keys', () => {
    const quiet = new Set(['dark-mode', 'search-v2', 'checkout-button-color', 'key']);
    assert.deepEqual(report.findings.filter((finding) => finding.key !== null && quiet.has(finding.key)), []);
  });

  it('lists every defined flag with its state, and the undefined key as unknown', () => {
    assert.deepEqual(report.flags, [
      { key: 'checkout-button-color', state: 'rolling-out', references: 1 },
      { key: 'dark-mode', state: 'rolling-out', references: 1 },
      { key: 'free-shipping-threshold', state: 'released', references: 1 },
      { key: 'holiday-promo', state: 'dead', references: 2 },
      { key: 'legacy-search', state: 'rolling-out', references: 1 },
      { key: 'new-checkout', state: 'released', references: 2 },
      { key: 'new-chekout', state: 'unknown', references: 1 },
      { key: 'old-banner', state: 'dead', references: 1 },
      { key: 'search-v2', state: 'rolling-out', references: 1 },
    ]);
  });

  it('orders checks and findings by file and position, the same on every run', () => {
    const order = (items: Array<{ file: string; line: number; column: number }>) =>
      items.map((item) => `${item.file}:${String(item.line).padStart(5, '0')}:${String(item.column).padStart(5, '0')}`);
    assert.deepEqual(order(report.checks), [...order(report.checks)].sort());
    assert.deepEqual(order(report.findings), [...order(report.findings)].sort());
    assert.deepEqual(scanJson(DEMO), report);
  });

  it('gives the same report when run from inside the folder', () => {
    const run = flaglens(['scan', '--format=json', '--fail-on=none'], { cwd: DEMO });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), report);
  });
});

describe('flaglens scan --format text', () => {
  it('lists findings grouped by file with a summary, without colour when piped', () => {
    const run = flaglens(['scan', 'examples/demo']);
    assert.equal(run.status, 0, run.stderr);
    const typo = positionOf('src/server/emails.ts', "'new-chekout'");
    const typoLine = `src/server/emails.ts:${typo.line}:${typo.column}  warning      'new-chekout' is not defined in any environment (production, staging). Did you mean 'new-checkout'?  [unknown-flag]`;
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes(typoLine), run.stdout);
    // One block per file: every file's lines are together, blocks separated by one blank line.
    const findingsText = run.stdout.slice(run.stdout.indexOf('\nFindings\n') + '\nFindings\n'.length);
    const blocks = findingsText.trimEnd().split('\n\n');
    const findingBlocks = blocks.slice(0, -1).map((block) => new Set(block.split('\n').map((line) => line.split(':')[0])));
    assert.ok(findingBlocks.every((files) => files.size === 1), run.stdout);
    assert.equal(new Set(findingBlocks.map((files) => [...files][0])).size, findingBlocks.length);
    assert.match(run.stdout, /^13 flag checks in 6 files \(8 files scanned\)$/m);
    assert.match(run.stdout, /^9 findings: 3 warnings, 6 information$/m);
    assert.ok(!run.stdout.includes('\u001b['), 'no colour codes when stdout is a pipe');
  });

  it('lists every flag with its state, removable and unknown first', () => {
    const run = flaglens(['scan', 'examples/demo']);
    const flagsText = run.stdout.slice(run.stdout.indexOf('Flags\n'), run.stdout.indexOf('\nFindings\n'));
    const rows = flagsText.split('\n').slice(1).filter((line) => line.trim() !== '');
    assert.deepEqual(rows.map((row) => row.trim().split(/\s{2,}/).slice(0, 3)).slice(0, 3), [
      ['new-chekout', 'unknown', '1 reference'],
      ['free-shipping-threshold', 'released', '1 reference'],
      ['new-checkout', 'released', '2 references'],
    ]);
    assert.ok(rows.some((row) => /dark-mode\s+rolling out\s+1 reference\s+production serves on to 30% \(fractional\), staging to 100%/.test(row)), flagsText);
    assert.ok(rows.some((row) => /legacy-search .* · stale$/.test(row)), flagsText);
  });

  it('says how many findings match --fail-on', () => {
    const run = flaglens(['scan', 'examples/demo', '--fail-on', 'warning']);
    assert.match(run.stdout, /^9 findings: 3 warnings, 6 information · 3 matching --fail-on warning$/m);
  });
});

describe('exit codes', () => {
  const cases: Array<{ args: string[]; status: number; stderr?: RegExp }> = [
    { args: ['scan', 'examples/demo'], status: 0 },
    { args: ['scan', 'examples/demo', '--fail-on', 'unknown-flag'], status: 1 },
    { args: ['scan', 'examples/demo', '--fail-on', 'stale-flag,archived-flag'], status: 1 },
    { args: ['scan', 'examples/demo', '--fail-on', 'error,warning'], status: 1 },
    { args: ['scan', 'examples/demo', '--fail-on', 'hint'], status: 0 },
    { args: ['scan', 'examples/demo', '--fail-on', 'malformed-flag-file'], status: 0 },
    { args: ['scan', 'examples/demo', '--fail-on', 'none'], status: 0 },
    { args: ['scan', 'examples/demo', '--fail-on', 'typo-flag'], status: 2, stderr: /--fail-on takes finding codes or severities .* not 'typo-flag'/ },
    { args: ['scan', 'examples/demo', '--format', 'xml'], status: 2, stderr: /--format must be one of text, json, sarif, not 'xml'/ },
    { args: ['scan', 'examples/demo', '--format'], status: 2, stderr: /--format needs a value/ },
    { args: ['scan', 'examples/demo', '--colour'], status: 2, stderr: /unknown option '--colour'/ },
    { args: ['scan', 'examples/demo', '-x'], status: 2, stderr: /unknown option '-x'/ },
    { args: ['scan', 'examples/nowhere'], status: 2, stderr: /'examples\/nowhere' is not a folder/ },
    { args: ['scan', 'examples/demo', 'examples'], status: 2, stderr: /scan takes one folder/ },
    { args: ['scan', 'examples/demo', '--config', 'missing.json'], status: 2, stderr: /'missing.json' does not exist/ },
    { args: ['clean'], status: 2, stderr: /missing flag key: run flaglens clean KEY \[DIR\]/ },
    { args: [], status: 2, stderr: /missing command/ },
  ];
  for (const { args, status, stderr } of cases) {
    it(`flaglens ${args.join(' ')} → ${status}`, () => {
      const run = flaglens(args);
      assert.equal(run.status, status, run.stderr);
      if (stderr !== undefined) {
        assert.match(run.stderr, stderr);
        assert.equal(run.stderr.trimEnd().split('\n').length, 1, run.stderr);
        assert.equal(run.stdout, '');
      }
    });
  }

  it('prints help and version', () => {
    const help = flaglens(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /flaglens scan \[DIR\] \[--format text\|json\|sarif\] \[--fail-on KINDS\] \[--config FILE\]/);
    assert.match(help.stdout, /Default: the\s+policy's failOn in .flaglens.json, else error/);
    assert.deepEqual(flaglens(['scan', '--help']).stdout, help.stdout);
    const packageVersion = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(flaglens(['--version']).stdout, `flaglens ${packageVersion}\n`);
  });
});

describe('configuration and flag files', () => {
  it('stops with exit 2 and file:line:col on a malformed .flaglens.json', () => {
    const root = workspace({ '.flaglens.json': '{\n  "patterns": [\n    { "callee": "isOn" "keyArg": 0 }\n  ]\n}\n', 'src/a.ts': '' });
    const run = flaglens(['scan', root]);
    assert.equal(run.status, 2);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^flaglens: \.flaglens\.json:3:\d+: /);
  });

  it('names the file given with --config, relative to the current folder', () => {
    const root = workspace({
      'config/flaglens.json': JSON.stringify({ patterns: [{ callee: 'flagOn' }] }),
      'flags/production.flagd.json': FLAG_FILE,
      'src/a.ts': "flagOn('dark-mode');\nflagOn('dark-mod');\n",
    });
    const run = flaglens(['scan', '.', '--config', 'config/flaglens.json', '--format', 'json'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.checks.map((check) => [check.key, check.sdk]), [['dark-mode', 'custom'], ['dark-mod', 'custom']]);
    assert.deepEqual(report.findings.map((finding) => [finding.kind, finding.line]), [['released-flag', 1], ['unknown-flag', 2]]);
  });

  it('reports a malformed flag file as an error finding, which fails by default', () => {
    const root = workspace({
      'flags/production.flagd.json': '{\n  "flags": {\n    "dark-mode": { "state": "ENABLED" "variants": {} }\n  }\n}\n',
      'src/a.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mode', false);\n",
    });
    const run = flaglens(['scan', root, '--format', 'json']);
    assert.equal(run.status, 1, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    const malformed = report.findings.filter((finding) => finding.kind === 'malformed-flag-file');
    assert.equal(malformed.length, 1, run.stdout);
    assert.equal(malformed[0].file, 'flags/production.flagd.json');
    assert.equal(malformed[0].line, 3);
    assert.equal(malformed[0].severity, 'error');
    assert.equal(malformed[0].key, null);
  });

  it('raises no unknown-flag without any flag definitions, and says why on stderr', () => {
    const root = workspace({ 'src/a.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mode', false);\n" });
    const run = flaglens(['scan', root, '--format', 'json', '--fail-on', 'warning']);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(report.findings, []);
    assert.deepEqual(report.flags, [{ key: 'dark-mode', state: 'unknown', references: 1 }]);
    assert.match(run.stderr, /no flag definitions were loaded \(there is no flags\/\*\.flagd\.json file and \.flaglens\.json names no backend\)/);
  });

  it('honours severities from .flaglens.json for the exit code', () => {
    const root = workspace({
      '.flaglens.json': JSON.stringify({ severities: { 'unknown-flag': 'error' } }),
      'flags/production.flagd.json': FLAG_FILE,
      'src/a.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nclient.getBooleanValue('dark-mod', false);\n",
    });
    const run = flaglens(['scan', root]);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^src\/a\.ts:3:24 {2}error {8}'dark-mod' is not defined in any environment \(production\)\. Did you mean 'dark-mode'\? {2}\[unknown-flag\]$/m);
  });
});

/** The SARIF 2.1.0 schema, compiled. */
function sarifValidator(): ValidateFunction {
  // The schema is draft-04, which Ajv 8 reads as draft-07 once its meta-schema is dropped and `id` renamed;
  // its patterns are not valid with the `u` flag Ajv adds by default.
  const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')) as Record<string, unknown>;
  const id = String(schema.id);
  delete schema.$schema;
  delete schema.id;
  return new Ajv({ strict: false, validateFormats: false, allErrors: true, unicodeRegExp: false }).compile({ ...schema, $id: id });
}

// Named pipes where a source file, a package.json, a .gitignore or the configuration is expected: opened
// without O_NONBLOCK, the first read of any of them waits for a writer that never comes. In a child
// process with a time limit, such a hang fails the test instead of stopping the suite.
describe('named pipes in the folder', { skip: process.platform === 'win32' }, () => {
  const fifo = (root: string, name: string): void => {
    spawnSync('mkfifo', [path.join(root, name)]);
    assert.ok(fs.statSync(path.join(root, name)).isFIFO(), `mkfifo ${name}`);
  };

  it('scans past a pipe named like a source file, package.json or .gitignore', () => {
    const root = workspace({ 'src/a.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nexport const on = client.getBooleanValue('dark-mode', false);\n" });
    for (const name of ['src/pipe.ts', 'package.json', 'src/.gitignore']) fifo(root, name);
    const run = flaglens(['scan', root, '--format', 'json', '--fail-on', 'none'], { timeoutMs: 30_000 });
    assert.equal(run.status, 0, `status ${run.status}: ${run.stderr}`);
    assert.deepEqual((JSON.parse(run.stdout) as JsonReport).checks.map((check) => [check.file, check.key]), [['src/a.ts', 'dark-mode']]);
  });

  it('reports a pipe given as a flag file or as the registry file, and scans on', () => {
    const root = workspace({
      '.flaglens.json': JSON.stringify({ backends: [{ type: 'flagd', environments: { production: 'prod.json' } }], registry: { file: 'src/flags.ts', symbol: 'FLAGS' } }),
      'src/a.ts': "import { OpenFeature } from '@openfeature/server-sdk';\nconst client = OpenFeature.getClient();\nexport const on = client.getBooleanValue('dark-mode', false);\n",
    });
    for (const name of ['prod.json', 'src/flags.ts']) fifo(root, name);
    const run = flaglens(['scan', root, '--fail-on', 'none'], { timeoutMs: 30_000 });
    assert.equal(run.status, 0, `status ${run.status}: ${run.stderr}`);
    assert.match(run.stderr, /prod\.json \(production\) is not a regular file/);
    assert.match(run.stderr, /The flag registry file src\/flags\.ts could not be read: not a regular file \(a named pipe\)/);
  });

  it('reports a pipe named .flaglens.json as a configuration it cannot read', () => {
    const root = workspace({ 'src/a.ts': '' });
    fifo(root, '.flaglens.json');
    const run = flaglens(['scan', root], { timeoutMs: 30_000 });
    assert.equal(run.status, 2, `status ${run.status}: ${run.stderr}`);
    assert.match(run.stderr, /\.flaglens\.json/);
  });
});

describe('the V8 code cache of cli.js', () => {
  const cacheFiles = (directory: string): string[] => (fs.existsSync(directory) ? fs.readdirSync(directory) : []);

  it('is written by the first run and used by the next, which reports the same', () => {
    const directory = path.join(workspace({}), 'code-cache');
    const first = flaglens(['scan', DEMO, '--format', 'json', '--fail-on', 'none'], { env: { FLAGLENS_CODE_CACHE: directory } });
    assert.equal(first.status, 0, first.stderr);
    const written = cacheFiles(directory);
    assert.equal(written.length, 1, `cache files: ${written.join(', ')}`);
    assert.match(written[0], /^cli-main-[0-9a-f]{24}-v\d+\.\d+\.\d+-\w+\.bin$/);
    assert.equal(fs.statSync(directory).mode & 0o777, 0o700);
    const cached = fs.readFileSync(path.join(directory, written[0]));

    const second = flaglens(['scan', DEMO, '--format', 'json', '--fail-on', 'none'], { env: { FLAGLENS_CODE_CACHE: directory } });
    assert.equal(second.stdout, first.stdout);
    assert.deepEqual(fs.readFileSync(path.join(directory, written[0])), cached, 'a cache V8 accepted was written again');
  });

  it('replaces a cache V8 rejects, and runs as without one; drops the caches of other builds', () => {
    const directory = path.join(workspace({}), 'code-cache');
    fs.mkdirSync(directory, { mode: 0o700 });
    const otherBuild = path.join(directory, 'cli-main-000000000000000000000000-v0.0.0-x64.bin');
    const serverCache = path.join(directory, 'server-main-000000000000000000000000-v0.0.0-x64.bin');
    for (const file of [otherBuild, serverCache]) fs.writeFileSync(file, 'old');
    assert.equal(flaglens(['--version'], { env: { FLAGLENS_CODE_CACHE: directory } }).status, 0);
    assert.equal(fs.existsSync(otherBuild), false);
    assert.equal(fs.existsSync(serverCache), true, "the server's cache is not the CLI's to remove");
    const [name] = cacheFiles(directory).filter((file) => file.startsWith('cli-main-'));
    fs.writeFileSync(path.join(directory, name), 'not V8 code');
    const run = flaglens(['--version'], { env: { FLAGLENS_CODE_CACHE: directory } });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^flaglens \d/);
    assert.notEqual(fs.readFileSync(path.join(directory, name), 'utf8'), 'not V8 code');
  });

  it('goes to $XDG_CACHE_HOME by default, nowhere with FLAGLENS_CODE_CACHE=off, and not into a folder others can write to', () => {
    const xdg = path.join(workspace({}), 'xdg');
    const off = flaglens(['--version'], { env: { FLAGLENS_CODE_CACHE: 'off', XDG_CACHE_HOME: xdg } });
    assert.equal(off.status, 0, off.stderr);
    assert.equal(fs.existsSync(xdg), false);
    const byDefault = flaglens(['--version'], { env: { FLAGLENS_CODE_CACHE: '', XDG_CACHE_HOME: xdg } });
    assert.equal(byDefault.status, 0, byDefault.stderr);
    assert.equal(cacheFiles(path.join(xdg, 'flaglens', 'code-cache')).length, 1, 'no cache in $XDG_CACHE_HOME/flaglens/code-cache');
    const shared = path.join(workspace({}), 'shared');
    fs.mkdirSync(shared, { mode: 0o777 });
    fs.chmodSync(shared, 0o777);
    const run = flaglens(['--version'], { env: { FLAGLENS_CODE_CACHE: shared } });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(cacheFiles(shared), []);
  });
});

describe('flaglens scan --format sarif', () => {
  it('is valid SARIF 2.1.0 with one result per finding', () => {
    const run = flaglens(['scan', 'examples/demo', '--format', 'sarif']);
    assert.equal(run.status, 0, run.stderr);
    const log = JSON.parse(run.stdout) as {
      runs: Array<{
        tool: { driver: { name: string; version: string; rules: Array<{ id: string; help: { text: string } }> } };
        results: Array<{ ruleId: string; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }> }>;
      }>;
    };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));

    const [sarifRun] = log.runs;
    assert.equal(sarifRun.tool.driver.name, 'FlagLens');
    assert.deepEqual(sarifRun.tool.driver.rules.map((rule) => rule.id), ['unknown-flag', 'archived-flag', 'stale-flag', 'released-flag', 'dead-flag', 'malformed-flag-file', 'unregistered-flag', 'unused-flag', 'backend-unreachable', 'naming-violation', 'missing-metadata']);
    assert.ok(sarifRun.tool.driver.rules.every((rule) => rule.help.text.includes(`"${rule.id}"`)));

    const json = scanJson(DEMO);
    assert.equal(sarifRun.results.length, json.findings.length);
    const typo = positionOf('src/server/emails.ts', "'new-chekout'");
    const result = sarifRun.results.find((item) => item.ruleId === 'unknown-flag');
    assert.ok(result);
    assert.equal(result.level, 'warning');
    assert.match(result.message.text, /Did you mean 'new-checkout'\?/);
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'src/server/emails.ts', uriBaseId: '%SRCROOT%' });
    assert.equal(result.locations[0].physicalLocation.region.startLine, typo.line);
    assert.equal(result.locations[0].physicalLocation.region.startColumn, typo.column);
    assert.deepEqual(new Set(sarifRun.results.map((item) => item.level)), new Set(['warning', 'note']));
  });

  it('rejects what the schema forbids, so the validation above means something', () => {
    const validate = sarifValidator();
    assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'FlagLens' } }, results: [{ message: { text: 'x' }, level: 'information' }] }] }), false);
  });
});

describe('a folder large enough for reader threads', () => {
  let root: string;
  before(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-cli-large-')));
    generateWorkspace(root, 5200, 5, { largeFileBytes: 20_000 });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds with the bundled reader threads what a full parse of every file finds', async () => {
    const run = flaglens(['scan', root, '--format', 'json', '--fail-on', 'none']);
    assert.equal(run.status, 0, run.stderr);
    // A reader that cannot start (readWorker.js missing beside cli.js) would be logged, and its files read anyway.
    assert.doesNotMatch(run.stderr, /reader thread/);
    const found = new Map<string, string[]>();
    for (const check of (JSON.parse(run.stdout) as JsonReport).checks) found.set(check.file, [...(found.get(check.file) ?? []), `${check.key} ${check.resolved}`]);

    const patterns = buildPatternSet(loadConfig(root).config.patterns);
    const files = await listSourceFiles(root, { ignore: [], maxFileSize: 1_000_000, log: () => undefined });
    const scans = new Map(files.map((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [file, scanFile(file, text, patterns, parseSource(file, text))];
    }));
    const expected = new Map<string, string[]>();
    for (const file of files) {
      const checks = resolveChecks(scans.get(file)!, (name) => scans.get(name), { fileExists: (name) => scans.has(name) || fs.existsSync(name) });
      if (checks.length > 0) expected.set(path.relative(root, file), checks.map((check) => `${check.key} ${check.resolved}`));
    }
    assert.ok(expected.size > 100, `only ${expected.size} files with checks`);
    assert.deepEqual(new Map([...found].sort()), new Map([...expected].sort()));
  });

  it('starts readers that load no TypeScript', () => {
    // One import of the parser (through any module) turns a 60 KB reader into a 14 MB one that starts in
    // hundreds of milliseconds instead of tens.
    const reader = fs.readFileSync(path.join(REPO, 'server/out/readWorker.js'), 'utf8');
    assert.doesNotMatch(reader, /createSourceFile/);
    assert.ok(reader.length < 500_000, `readWorker.js is ${reader.length} bytes`);
  });
});

describe('flaglens scan into a pipe', () => {
  it('ends quietly when the reader stops early (scan --format json | head -1)', async () => {
    const child = spawn(process.execPath, [CLI, 'scan', DEMO, '--format', 'json', '--fail-on', 'none'], { env: { ...process.env, FLAGLENS_CODE_CACHE: 'off' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The reader is gone before the scan writes anything, as `head` is once it has its line.
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(status, 0);
  });
});
