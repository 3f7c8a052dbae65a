// The clean-up leaves code that type-checks: on a small multi-file project with a tsconfig.json, each
// flag is removed for each value it could serve, and `tsc --noEmit` (TypeScript 5.9, run in process)
// must report no error the project did not have before.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the type checker of the devDependency, as tsc runs it
const typescript = require('typescript') as typeof import('typescript');
import { removeFlagFromWorkspace } from '../../server/src/analysis/remove/workspace';
import { checksFlag } from '../../server/src/analysis/remove/plan';
import { scanFile } from '../../server/src/analysis/scan';
import { resolveChecks } from '../../server/src/analysis/resolve';
import { namedPresets } from './named-presets';

const PROJECT = path.resolve(__dirname, '../fixtures/remove/project');
const PATTERNS = namedPresets([]);

/** The project's files with the given texts in place of those on disk. */
function typeErrors(replaced: ReadonlyMap<string, string>): string[] {
  const configFile = path.join(PROJECT, 'tsconfig.json');
  const config = typescript.getParsedCommandLineOfConfigFile(configFile, {}, {
    ...typescript.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => assert.fail(String(diagnostic.messageText)),
  });
  assert.ok(config !== undefined);
  const host = typescript.createCompilerHost(config.options);
  const readFile = host.readFile.bind(host);
  host.readFile = (file) => replaced.get(path.resolve(file)) ?? readFile(file);
  const program = typescript.createProgram({ rootNames: config.fileNames, options: config.options, host });
  return typescript.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file === undefined ? '' : `${path.basename(diagnostic.file.fileName)}: `;
    return `${where}${typescript.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

function projectFiles(): Array<{ fileName: string; text: string }> {
  const source = path.join(PROJECT, 'src');
  return fs.readdirSync(source).map((name) => ({ fileName: path.join(source, name), text: fs.readFileSync(path.join(source, name), 'utf8') }));
}

function clean(key: string, value: unknown): { texts: Map<string, string>; removed: number } {
  const files = projectFiles();
  const scans = new Map(files.map((file) => [file.fileName, scanFile(file.fileName, file.text, PATTERNS)]));
  const host = { fileExists: (file: string) => scans.has(file) };
  const withChecks = [];
  const others = [];
  for (const file of files) {
    const checks = resolveChecks(scans.get(file.fileName)!, (name) => scans.get(name), host).filter((check) => checksFlag(check, key));
    if (checks.length > 0) withChecks.push({ ...file, checks });
    else others.push(file);
  }
  const removal = removeFlagFromWorkspace(key, { kind: 'value', value }, withChecks, others);
  for (const file of removal.files) assert.deepEqual(file.problems, [], file.fileName);
  return {
    texts: new Map(removal.files.map((file) => [path.resolve(file.fileName), file.text])),
    removed: removal.files.reduce((sum, file) => sum + file.checksRemoved, 0),
  };
}

describe('flag clean-up type-checks', () => {
  const baseline = typeErrors(new Map());

  it('starts from a project without type errors', () => {
    assert.deepEqual(baseline, []);
  });

  const runs: Array<{ key: string; value: unknown; checks: number }> = [
    { key: 'new-checkout', value: true, checks: 2 },
    { key: 'new-checkout', value: false, checks: 2 },
    { key: 'search-v2', value: true, checks: 2 },
    { key: 'search-v2', value: false, checks: 2 },
    { key: 'theme', value: 'dark', checks: 2 },
    { key: 'theme', value: 'light', checks: 2 },
    { key: 'theme', value: 'sepia', checks: 2 },
  ];
  for (const run of runs) {
    it(`after removing '${run.key}' serving ${JSON.stringify(run.value)}`, () => {
      const { texts, removed } = clean(run.key, run.value);
      assert.equal(removed, run.checks);
      const fresh = typeErrors(texts).filter((error) => !baseline.includes(error));
      assert.deepEqual(fresh, [], [...texts.values()].join('\n----\n'));
    });
  }
});
