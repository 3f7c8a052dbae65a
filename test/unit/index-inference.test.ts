// Zero-config inference in the index and its cache: a folder indexed cold, then again from the index cache
// (which keeps what was inferred with the stamps of the files it read), or in a thread of its own, gives the
// same inferred wrappers, bags, registry, patterns and checks; a changed file makes the index infer again.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildPatternSet } from '../../server/src/analysis/patterns';
import { toPosixPath } from '../../server/src/workspace/files';
import { WorkspaceIndex } from '../../server/src/workspace/index';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglens-inference-'));
after(() => fs.rmSync(temporary, { recursive: true, force: true }));

// The copies were written a moment ago: runs an hour later find them settled, and stamp them.
const anHourLater = (): number => Date.now() + 3_600_000;

async function indexed(root: string, cacheFile?: string, inferenceThread = false): Promise<WorkspaceIndex> {
  // The fixtures skip no file: anything logged is a failure (of the inference thread, of inference).
  const log = (message: string): void => assert.fail(message);
  const index = new WorkspaceIndex(root, { patterns: buildPatternSet([]), ignore: [], maxFileSize: 1_000_000, log, infer: true, inferenceThread, now: anHourLater, ...(cacheFile === undefined ? {} : { cacheFile }) });
  await index.indexAll();
  return index;
}

/** What an index inferred and found, as plain data. */
function findings(index: WorkspaceIndex): unknown {
  return { inferred: index.inferred, patterns: index.patterns.patterns, calleeNames: index.patterns.calleeNames, checks: index.allChecks() };
}

for (const [fixture, wrapper] of [['zero-config-app', 'useUiFlag'], ['zero-config-monorepo', 'useFeatureFlag']] as const) {
  describe(`inference kept in the index cache: ${fixture}`, () => {
    const root = toPosixPath(path.join(temporary, fixture));
    fs.cpSync(path.join(FIXTURES, fixture), root, { recursive: true });
    const cacheFile = path.join(temporary, `${fixture}.cache.json`);
    type Stored = { inferred?: { inputs: string; discovery: { wrappers: Array<{ reason: string }> }; scans: Record<string, unknown> } };
    const readCache = (): Stored => JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as Stored;

    it('infers the same cold, on the run that stamps the files, and warm from the cache', async () => {
      const cold = findings(await indexed(root));
      const again = await indexed(root);
      assert.ok(again.inferred?.wrappers.some((found) => found.pattern.callee === wrapper), `${wrapper} was not inferred`);
      // A check found through an inferred wrapper says so, not that a configuration names it (there is none).
      const throughWrapper = [...again.allChecks().values()].flat().filter((check) => check.sdk === 'custom' && check.method === wrapper);
      assert.ok(throughWrapper.length > 0);
      for (const check of throughWrapper) assert.match(check.evidence ?? '', new RegExp(`^\`${wrapper}\` was inferred from the code as a wrapper: .+ \\([^)]+:\\d+\\)$`));
      // Nor does any other, through an inferred bag or pattern.
      for (const check of [...again.allChecks().values()].flat()) assert.doesNotMatch(check.evidence ?? '', /\.flaglens\.json/, check.method);
      // The language server infers in a thread of its own.
      assert.deepEqual(findings(await indexed(root, undefined, true)), cold, 'in a thread');
      // The first run with a cache writes it; the second stamps every file; the third finds them all as they were.
      for (let run = 1; run <= 3; run++) assert.deepEqual(findings(await indexed(root, cacheFile, run === 2)), cold, `run ${run}`);
      assert.ok(readCache().inferred !== undefined, 'the inference was not kept');
    });

    it('takes the inference from the cache while no file changed, and infers again once one did', async () => {
      await indexed(root, cacheFile);
      // A kept reason that differs from the real one shows whether the index inferred again.
      const stored = readCache();
      assert.ok(stored.inferred !== undefined);
      stored.inferred.discovery.wrappers[0].reason = 'from the cache';
      fs.writeFileSync(cacheFile, JSON.stringify(stored));
      assert.equal((await indexed(root, cacheFile)).inferred?.wrappers[0].reason, 'from the cache');

      fs.writeFileSync(cacheFile, JSON.stringify(stored));
      fs.writeFileSync(path.join(root, 'added.ts'), `import { ${wrapper} } from './${wrapper === 'useUiFlag' ? 'frontend/src/hooks/useUiFlag' : 'packages/web/src/useFeatureFlag'}';\nexport const added = ${wrapper}('added-by-a-test');\n`);
      try {
        const warm = await indexed(root, cacheFile);
        assert.notEqual(warm.inferred?.wrappers[0].reason, 'from the cache');
        assert.deepEqual(findings(warm), findings(await indexed(root)));
        assert.ok([...warm.allChecks().values()].flat().some((check) => check.key === 'added-by-a-test'));
      } finally {
        fs.rmSync(path.join(root, 'added.ts'));
      }
      // The file is gone again: inferred anew, as without a cache.
      assert.deepEqual(findings(await indexed(root, cacheFile)), findings(await indexed(root)));
    });
  });
}

describe('inference kept in the index cache: zero-config-launchdarkly', () => {
  const root = toPosixPath(path.join(temporary, 'zero-config-launchdarkly'));
  fs.cpSync(path.join(FIXTURES, 'zero-config-launchdarkly'), root, { recursive: true });
  const cacheFile = path.join(temporary, 'zero-config-launchdarkly.cache.json');

  it('names keys as the providers say, and finds the checks on a client its callers pass, cold, in a thread and warm from the cache', async () => {
    const cold = await indexed(root);
    assert.ok((cold.inferred?.providers ?? []).length > 0, 'no provider was inferred');
    const passed = [...cold.allChecks()].flatMap(([, checks]) => checks).filter((check) => check.method === 'client?.variation');
    assert.deepEqual(passed.map((check) => check.key), ['cartSuggestedItems']);
    for (let run = 1; run <= 3; run++) assert.deepEqual(findings(await indexed(root, cacheFile, run === 2)), findings(cold), `run ${run}`);
  });
});

describe('what an inferred bag says of its checks', () => {
  it('says it was inferred, from what, and where; not that a configuration names it', async () => {
    const root = toPosixPath(path.join(temporary, 'monorepo'));
    fs.cpSync(path.join(FIXTURES, 'monorepo'), root, { recursive: true });
    fs.rmSync(path.join(root, '.flaglens.json'), { force: true });
    const index = await indexed(root);
    assert.deepEqual(index.inferred?.bags.map((bag) => bag.spec), ['useAllFeatures()']);
    const throughBag = [...index.allChecks().values()].flat().filter((check) => check.method.startsWith('useAllFeatures'));
    assert.ok(throughBag.length > 0);
    for (const check of throughBag) assert.match(check.evidence ?? '', /^the bag useAllFeatures\(\) was inferred from the code: returns the flags of useFlags\(\).* \([^)]+:\d+\)$/);
  });
});

describe('an option a wrapper inferred without configuration reads', () => {
  it('is a check in a file that writes it and names no wrapper, as with the proposed configuration', async () => {
    const root = toPosixPath(path.join(temporary, 'option-writers'));
    const files: Record<string, string> = {
      'package.json': '{ "name": "api" }\n',
      'src/flags.ts': `import { OpenFeature } from '@openfeature/server-sdk';
const client = OpenFeature.getClient();
export function isOn(options: { flagKey: string }) { return client.getBooleanValue(options.flagKey, false); }
`,
      'src/runner.controller.ts': `export class RunnerController {
  @RequireFlags({ flagKey: 'organization_infrastructure' })
  list() { return []; }
}
`,
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const index = await indexed(root);
    assert.deepEqual(index.inferred?.wrappers.map((wrapper) => `${wrapper.pattern.callee} ${wrapper.pattern.keyPath?.join('.') ?? ''}`), ['isOn flagKey']);
    const written = index.allChecks().get(`${root}/src/runner.controller.ts`) ?? [];
    assert.deepEqual(written.map((check) => check.key), ['organization_infrastructure']);
  });
});

describe('a bag inferred without configuration, named as a preset calls a function', () => {
  it("is read in every file that names it: GrowthBook's feature() does not hide the settings' feature bag", async () => {
    const root = toPosixPath(path.join(temporary, 'settings-features'));
    const files: Record<string, string> = {
      'package.json': '{ "name": "deck" }\n',
      'packages/core/src/config/settings.ts': `export interface IFeatures {
  canary?: boolean;
  entityTags?: boolean;
  pagerDuty?: boolean;
}
export interface ISpinnakerSettings {
  feature: IFeatures;
  gateUrl: string;
}
export const SETTINGS: ISpinnakerSettings = (window as any).spinnakerSettings;
`,
      'packages/amazon/src/FunctionActions.tsx': `import { SETTINGS } from '@spinnaker/core';
export const Actions = () => SETTINGS.feature.entityTags && <Tags />;
export const url = SETTINGS.gateUrl;
`,
      'packages/app/src/canaryStage.js': `import { SETTINGS } from '@spinnaker/core';
if (SETTINGS.feature.canary) registerCanary();
const other = plugin.feature.name;
`,
    };
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    }
    const index = await indexed(root);
    // No check names a key: an interface named for features that types a property is the registry, and that property its bag.
    assert.equal(index.inferred?.registry?.symbol, 'IFeatures');
    assert.deepEqual(index.inferred?.bags.map((bag) => bag.spec), ['feature']);
    assert.deepEqual((index.allChecks().get(`${root}/packages/amazon/src/FunctionActions.tsx`) ?? []).map((check) => check.key), ['entityTags']);
    assert.deepEqual((index.allChecks().get(`${root}/packages/app/src/canaryStage.js`) ?? []).map((check) => check.key), ['canary']);
  });
});
