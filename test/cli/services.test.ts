// `flaglens scan` and `flaglens clean` with a flag service (a fake Unleash on 127.0.0.1): the token from
// the variable tokenEnv names, the cache file in the user's cache folder, and a scan that still works
// while the service is down.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeUnleash } from '../server/fakeUnleash';
import { makeWorkspace } from '../server/harness';

const CLI = path.join(import.meta.dirname, '..', '..', 'server', 'out', 'cli.js');
const TOKEN = 'cli-unleash-token-31337';
const fake = new FakeUnleash(TOKEN);
let workspace: string;
const userCache = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-user-cache-'));

/** Runs the CLI without blocking this process, which also serves the fake Unleash. */
function flaglens(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', FLAGLENS_CODE_CACHE: 'off', XDG_CACHE_HOME: userCache, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function scan(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return flaglens(['scan', workspace, ...args], env);
}

before(async () => {
  await fake.start();
  fake.flags = [{ name: 'new-checkout', enabled: { production: true } }, { name: 'old-search', enabled: { production: false }, stale: true }];
  workspace = makeWorkspace({
    '.flaglens.json': JSON.stringify({ backends: [{ type: 'unleash', url: fake.url, tokenEnv: 'FLAGLENS_CI_TOKEN' }] }),
    'src/unleash.ts': "import { initialize } from 'unleash-client';\nexport const unleash = initialize({ url: 'http://127.0.0.1:4242/api', appName: 'shop' });\n",
    'src/app.ts': "import { unleash } from './unleash';\nexport const a = unleash.isEnabled('new-checkout');\nexport const b = unleash.isEnabled('old-search');\n",
  });
});
after(async () => {
  await fake.stop();
  fs.rmSync(workspace, { recursive: true, force: true });
  fs.rmSync(userCache, { recursive: true, force: true });
});

describe('flaglens scan with an Unleash backend', () => {
  it('reads the token from tokenEnv, reports the findings and caches the flags', async () => {
    fake.mode = 'up';
    const result = await scan(['--format', 'json', '--fail-on', 'none'], { FLAGLENS_CI_TOKEN: TOKEN, FLAGLENS_CI_URL: fake.url });
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { findings: Array<{ kind: string; key?: string }> };
    assert.deepEqual(report.findings.map((finding) => [finding.kind, finding.key]).sort(), [['dead-flag', 'old-search'], ['released-flag', 'new-checkout'], ['stale-flag', 'old-search']]);
    const [cacheFolder] = fs.readdirSync(path.join(userCache, 'flaglens', 'workspaces'));
    const cache = path.join(userCache, 'flaglens', 'workspaces', cacheFolder, 'flag-definitions.json');
    assert.ok(fs.existsSync(cache), 'no cache file');
    assert.ok(fs.existsSync(path.join(path.dirname(cache), 'index.json')), 'no index cache beside it');
    assert.deepEqual(fs.readdirSync(workspace).sort(), ['.flaglens.json', 'src'], 'the scan wrote into the repository');
    assert.ok(!fs.readFileSync(cache, 'utf8').includes(TOKEN));
  });

  it('uses the cache while the service is down, and says so on stderr without the token', async () => {
    fake.mode = 'down-500';
    const result = await scan(['--format', 'json', '--fail-on', 'none'], { FLAGLENS_CI_TOKEN: TOKEN, FLAGLENS_CI_URL: fake.url });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /Unleash \(http:\/\/127\.0\.0\.1:\d+\): bad response: .* answered 500 \(server error\); showing the flags cached at/);
    assert.ok(!result.stderr.includes(TOKEN) && !result.stdout.includes(TOKEN));
    const report = JSON.parse(result.stdout) as { findings: Array<{ kind: string; file: string }> };
    assert.deepEqual(report.findings.map((finding) => finding.kind).sort(), ['backend-unreachable', 'dead-flag', 'released-flag', 'stale-flag']);
    assert.equal(report.findings.find((finding) => finding.kind === 'backend-unreachable')?.file, '.flaglens.json');
  });

  it('--fail-on backend-unreachable makes an unreachable service fail the pipeline', async () => {
    fake.mode = 'down-500';
    const failing = await scan(['--fail-on', 'backend-unreachable'], { FLAGLENS_CI_TOKEN: TOKEN, FLAGLENS_CI_URL: fake.url });
    assert.equal(failing.status, 1, failing.stderr);
    fake.mode = 'up';
    const passing = await scan(['--fail-on', 'backend-unreachable'], { FLAGLENS_CI_TOKEN: TOKEN, FLAGLENS_CI_URL: fake.url });
    assert.equal(passing.status, 0, passing.stderr);
  });

  it('--cache FILE puts the cache elsewhere; without a token the scan says which variable to set', async () => {
    fake.mode = 'up';
    const cacheFile = path.join(workspace, 'elsewhere', 'cache.json');
    const result = await scan(['--cache', cacheFile, '--fail-on', 'none'], {});
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /answered 401 \(no token is set\); set an Unleash admin or personal access token for this address \(set the environment variable FLAGLENS_CI_TOKEN\)/);
    assert.equal(fs.existsSync(cacheFile), false, 'a failed read wrote the cache');
  });
});

describe('flaglens clean with an Unleash backend', () => {
  it('reads the service as scan does, and removes the released flag', async () => {
    fake.mode = 'up';
    const result = await flaglens(['clean', 'new-checkout', workspace, '--dry-run'], { FLAGLENS_CI_TOKEN: TOKEN, FLAGLENS_CI_URL: fake.url });
    assert.equal(result.status, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /trusted|network/);
    assert.match(result.stderr, /Would remove 'new-checkout', keeping true \(serves true in every environment\): 1 check in 1 file/);
    assert.match(result.stdout, /^-export const a = unleash\.isEnabled\('new-checkout'\);\n\+export const a = true;$/m);
  });

  it('refuses a flag the service does not serve one value everywhere', async () => {
    fake.mode = 'up';
    const result = await flaglens(['clean', 'no-such-flag', workspace, '--dry-run'], { FLAGLENS_CI_TOKEN: TOKEN, FLAGLENS_CI_URL: fake.url });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /'no-such-flag' is not defined in any environment \(production\); give the value to keep with --value/);
  });
});
