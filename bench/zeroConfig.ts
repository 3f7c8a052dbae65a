// The first index of a folder in a fresh process, as `loadFolder` makes it, with its `.flaglens.json` or as
// if it had none (zero-config: the presets, and the wrappers and registry inferred from the code), with or
// without an index cache. Cold, it is the figure of a first start; with the cache an earlier run wrote, the
// figure of a restart.
// Usage: node --import tsx bench/zeroConfig.ts ROOT [--no-config] [--keep-texts] [--cache FILE]; prints one JSON line.
// The figures of issue #16 (bench/RESULTS.md) bundled this file with esbuild from each commit compared, so
// that old and new run the same way (see the command there).

import { loadConfig } from '../server/src/workspace/config';
import { buildPatternSet } from '../server/src/analysis/patterns';
import { WorkspaceIndex } from '../server/src/workspace/index';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const root = args[0];
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
    infer: file === undefined,
  });
  await index.indexAll();
  let checks = 0;
  let resolved = 0;
  for (const found of index.allChecks().values()) {
    checks += found.length;
    resolved += found.filter((check) => check.resolved).length;
  }
  const ms = performance.now() - started;
  const inferred = (index as { inferred?: { wrappers: readonly unknown[]; bags: readonly unknown[]; registry?: { symbol: string } } }).inferred;
  const summary = inferred === undefined ? undefined : { wrappers: inferred.wrappers.length, bags: inferred.bags.length, registry: inferred.registry?.symbol };
  process.stdout.write(`${JSON.stringify({ ms: Math.round(ms), files: index.files().length, checks, resolved, inferred: summary, rssMb: Math.round(process.memoryUsage().rss / 1e6) })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
