// `flaglens init` on the fixture monorepo (several packages, a barrel file, an enum registry, wrappers one
// and two levels deep, a function returning the flag bag): it proposes the right configuration, and
// `flaglens scan` with it finds every check. Runs the bundled CLI (`npm run build` makes it).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const REPO = path.resolve(__dirname, '../..');
const CLI = path.join(REPO, 'server/out/cli.js');
const FIXTURE = path.join(REPO, 'test/fixtures/monorepo');

const EXPECTED_CONFIG = {
  patterns: [
    { callee: 'isFeatureOn', keyArg: 0, type: 'boolean' },
    { callee: 'useFeature', keyArg: 0, camelCaseKeys: true },
    { callee: 'isFeatureOff', keyArg: 0, negate: true, type: 'boolean' },
  ],
  bags: [{ bag: 'useAllFeatures()', camelCaseKeys: true, sdk: 'launchdarkly' }],
  registry: { file: 'packages/flags/src/keys.ts', symbol: 'FeatureFlag' },
};

// Every check of the fixture: [file, key, resolved, method, dynamic].
const EXPECTED_CHECKS = [
  ['packages/api/src/routes.ts', 'beta-search', true, 'isFeatureOn', false],
  ['packages/api/src/routes.ts', 'new-nav', true, 'isFeatureOff', false],
  ['packages/api/src/routes.ts', 'beta-serach', true, 'isFeatureOn', false],
  ['packages/flags/src/client.ts', 'flag', false, 'unleash.isEnabled', true],
  ['packages/flags/src/client.ts', 'flag', false, 'isFeatureOn', true],
  ['packages/web/src/App.tsx', 'new-nav', true, 'useFeature', false],
  ['packages/web/src/App.tsx', 'dark-mode', true, 'useFeature', false],
  ['packages/web/src/App.tsx', 'beta-search', true, 'useAllFeatures', false],
  ['packages/web/src/App.tsx', 'bulk-export', true, 'useAllFeatures', false],
  ['packages/web/src/useFeature.ts', 'flag', false, 'useFlags', true],
];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function flaglens(args: string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FLAGLENS_CODE_CACHE: 'off' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const copies: string[] = [];
after(() => {
  for (const copy of copies) fs.rmSync(copy, { recursive: true, force: true });
});

function copyOfFixture(): string {
  const copy = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-init-')));
  fs.cpSync(FIXTURE, copy, { recursive: true });
  copies.push(copy);
  return copy;
}

describe('flaglens init', () => {
  it('--dry-run prints what it found, why, and the proposal, and writes nothing', () => {
    const run = flaglens(['init', FIXTURE, '--dry-run']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /wrapper isFeatureOn \(packages\/flags\/src\/client\.ts:7\): passes its first argument as the flag key to unleash\.isEnabled/);
    assert.match(run.stdout, /wrapper isFeatureOff .*to isFeatureOn \(a wrapper itself\)/);
    assert.match(run.stdout, /bag useAllFeatures\(\) .*returns the flags of useFlags\(\), whose property names are the flag keys camelCased/);
    assert.match(run.stdout, /registry FeatureFlag \(packages\/flags\/src\/keys\.ts, enum\): 4 of its 5 keys are checked in code, 7 parameters typed by it or calls passed its members, and its name says it lists flags/);
    const proposal = run.stdout.slice(run.stdout.indexOf('{'));
    assert.deepEqual(JSON.parse(proposal), EXPECTED_CONFIG);
    assert.equal(fs.existsSync(path.join(FIXTURE, '.flaglens.json')), false);
  });

  it('writes the proposal, and scan then finds every check and the registry findings', () => {
    const root = copyOfFixture();
    const init = flaglens(['init', root]);
    assert.equal(init.status, 0, init.stderr);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(root, '.flaglens.json'), 'utf8')), EXPECTED_CONFIG);

    const scan = flaglens(['scan', root, '--format', 'json', '--fail-on', 'none']);
    assert.equal(scan.status, 0, scan.stderr);
    const report = JSON.parse(scan.stdout) as {
      checks: Array<{ file: string; key: string; resolved: boolean; sdk: string; method: string; dynamic?: boolean }>;
      findings: Array<{ file: string; kind: string; key: string | null; message: string }>;
    };
    assert.deepEqual(report.checks.map((check) => [check.file, check.key, check.resolved, check.method, check.dynamic === true]), EXPECTED_CHECKS);
    // The bag function returns LaunchDarkly's useFlags(), so its checks are LaunchDarkly's, as useFlags()'s are.
    assert.deepEqual(report.checks.filter((check) => check.method === 'useAllFeatures').map((check) => check.sdk), ['launchdarkly', 'launchdarkly']);
    assert.deepEqual(report.findings.map((finding) => [finding.file, finding.kind, finding.key]), [
      ['packages/api/src/routes.ts', 'unregistered-flag', 'beta-serach'],
      ['packages/flags/src/keys.ts', 'unused-flag', 'legacy-reports'],
    ]);
    assert.match(report.findings[0].message, /Did you mean 'beta-search'\?/);
  });

  it('without .flaglens.json, scan infers what init proposes and finds the same checks; registry findings wait for a pinned registry', () => {
    const scan = flaglens(['scan', FIXTURE, '--format', 'json', '--fail-on', 'none']);
    assert.equal(scan.status, 0, scan.stderr);
    const report = JSON.parse(scan.stdout) as { checks: Array<{ file: string; key: string; resolved: boolean; method: string; dynamic?: boolean }>; findings: unknown[] };
    assert.deepEqual(report.checks.map((check) => [check.file, check.key, check.resolved, check.method, check.dynamic === true]), EXPECTED_CHECKS);
    assert.deepEqual(report.findings, []);
  });

  it('keeps an existing .flaglens.json unless --force', () => {
    const root = copyOfFixture();
    fs.writeFileSync(path.join(root, '.flaglens.json'), '{"ignore": ["x/**"]}\n');
    const kept = flaglens(['init', root]);
    assert.equal(kept.status, 1);
    assert.match(kept.stdout, /exists already and was kept/);
    assert.equal(fs.readFileSync(path.join(root, '.flaglens.json'), 'utf8'), '{"ignore": ["x/**"]}\n');
    const forced = flaglens(['init', root, '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(root, '.flaglens.json'), 'utf8')), EXPECTED_CONFIG);
  });

  it('never writes through a .flaglens.json that is a symbolic link, even with --force', () => {
    const root = copyOfFixture();
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-init-outside-')));
    copies.push(outside);
    const victim = path.join(outside, 'victim.txt');
    fs.symlinkSync(victim, path.join(root, '.flaglens.json'));
    for (const args of [['init', root], ['init', root, '--force']]) {
      const run = flaglens(args);
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /\.flaglens\.json is a symbolic link; FlagLens does not write through it/);
      assert.equal(fs.existsSync(victim), false, 'init created the link\'s target');
    }
  });

  const usageErrors: Array<[string[], RegExp]> = [
    [['init', '--yes'], /unknown option '--yes' for init/],
    [['init', 'a', 'b'], /init takes one folder, not 2/],
    [['init', 'no-such-folder'], /'no-such-folder' is not a folder/],
  ];
  for (const [args, message] of usageErrors) {
    it(`refuses ${args.join(' ')} with exit code 2`, () => {
      const run = flaglens(args);
      assert.equal(run.status, 2);
      assert.match(run.stderr, message);
    });
  }
});
