// The first index of a folder in a fresh process, as `loadFolder` makes it, with its `.flaglens.json` or as
// if it had none (zero-config: the presets, and the wrappers and registry inferred from the code), with or
// without an index cache. Cold, it is the figure of a first start; with the cache an earlier run wrote, the
// figure of a restart.
// It also gives the longest time the index held its thread (an editor's request waits that long).
// Usage: node --import tsx bench/zeroConfig.ts ROOT [--no-config] [--thread] [--keep-texts] [--cache FILE]
// (--thread: infer in a thread of its own, as the language server does); prints one JSON line.
// The figures of issue #16 (bench/RESULTS.md) bundled this file with esbuild from each commit compared, so
// that old and new run the same way (see the command there).

import * as path from 'node:path';
import { loadConfig } from '../server/src/workspace/config';
import { toPosixPath } from '../server/src/workspace/files';
import { buildPatternSet } from '../server/src/analysis/patterns';
import { WorkspaceIndex } from '../server/src/workspace/index';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  // Absolute, as the CLI and the editor give it: module paths are resolved against it.
  const root = toPosixPath(path.resolve(args[0]));
  const noConfig = args.includes('--no-config');
  const cacheAt = args.indexOf('--cache');
  const cacheFile = cacheAt < 0 ? undefined : args[cacheAt + 1];
  const started = performance.now();
  const { config, file } = noConfig ? { config: undefined, file: undefined } : loadConfig(root);
  const index = new WorkspaceIndex(root, {
    patterns: buildPatternSet(config?.patterns ?? [], config?.bags),
    ignore: config?.ignore ?? [],
    maxFileSize: 1_000_000,
    log: () => undefined,
    cacheFile,
    keepTexts: args.includes('--keep-texts'),
    inferenceThread: args.includes('--thread'),
    infer: file === undefined,
  });
  // How long the index held this thread at most, as an editor's request would wait.
  let maxBlockMs = 0;
  let last = performance.now();
  const ticks = setInterval(() => {
    const now = performance.now();
    maxBlockMs = Math.max(maxBlockMs, now - last);
    last = now;
  }, 1);
  await index.indexAll();
  clearInterval(ticks);
  maxBlockMs = Math.max(maxBlockMs, performance.now() - last);
  let checks = 0;
  let resolved = 0;
  for (const found of index.allChecks().values()) {
    checks += found.length;
    resolved += found.filter((check) => check.resolved).length;
  }
  const ms = performance.now() - started;
  // CPU time of every thread of the process (readers and inference included), which the machine's load inflates less than `ms`.
  const cpu = process.cpuUsage();
  const inferred = (index as { inferred?: { wrappers: readonly unknown[]; bags: readonly unknown[]; registry?: { symbol: string } } }).inferred;
  const summary = inferred === undefined ? undefined : { wrappers: inferred.wrappers.length, bags: inferred.bags.length, registry: inferred.registry?.symbol };
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), cpuMs: Math.round((cpu.user + cpu.system) / 1000), files: index.files().length, checks, resolved, inferred: summary, maxBlockMs: Math.round(maxBlockMs), rssMb: Math.round(process.memoryUsage().rss / 1e6) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
