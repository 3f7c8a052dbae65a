// What the lazy type checker adds to a clean-up: the removal of one flag from the files that check it,
// timed without the checker and with it (the first time in the process, when the standard library and
// the SDK's declarations are parsed, and again, when they are shared).
// Usage: node --import tsx bench/checker.ts --repo PATH --key KEY [--config FILE] [--runs N]

import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { checksFlag } from '../server/src/analysis/remove/plan';
import { removeFlagFromWorkspace, type FileWithChecks } from '../server/src/analysis/remove/workspace';
import { createCallTypes } from '../server/src/workspace/callTypes';
import { toPosixPath } from '../server/src/workspace/files';
import { loadFolder } from '../server/src/workspace/loadFolder';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { repo: { type: 'string' }, key: { type: 'string' }, config: { type: 'string' }, runs: { type: 'string' } } });
  if (values.repo === undefined || values.key === undefined) throw new Error('usage: bench/checker.ts --repo PATH --key KEY [--config FILE] [--runs N]');
  const key = values.key;
  const runs = Number(values.runs ?? 5);
  const folder = await loadFolder(toPosixPath(path.resolve(values.repo)), {
    ...(values.config === undefined ? {} : { configFile: path.resolve(values.config) }),
    backendSetup: () => ({ network: false }),
    keepTexts: true,
    log: () => undefined,
  });
  const files: FileWithChecks[] = [];
  for (const [fileName, checks] of folder.index.allChecks()) {
    const text = folder.index.textOf(fileName);
    const matching = checks.filter((check) => checksFlag(check, key));
    if (text !== undefined && matching.length > 0) files.push({ fileName, text, checks: matching });
  }
  const time = (withTypes: boolean): number => {
    const started = performance.now();
    removeFlagFromWorkspace(key, { kind: 'value', value: true }, files, [], undefined, withTypes ? createCallTypes(files) : undefined);
    return performance.now() - started;
  };
  const median = (samples: number[]): number => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  const without = [time(false)];
  const first = time(true);
  const again: number[] = [];
  for (let run = 0; run < runs; run++) {
    without.push(time(false));
    again.push(time(true));
  }
  const checks = files.reduce((sum, file) => sum + file.checks.length, 0);
  const ms = (value: number): string => `${value.toFixed(0)} ms`;
  process.stdout.write(`${path.basename(folder.root)} '${key}': ${checks} checks in ${files.length} files\n`
    + `  without the checker ${ms(median(without))} · with it, first in the process ${ms(first)} · again ${ms(median(again))} (median of ${runs})\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
