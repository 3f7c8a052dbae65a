// The index figures measured inside one fresh Node process, so that the first index really is the
// first (cold JIT, no module state): cold index, re-index, and one-character edits of the largest file.
// Usage (run.ts bundles and spawns it): node inProcess.js ROOT EDITS [CACHE_FILE]; `node --import tsx
// bench/inProcess.ts` also works, slower to start its reader thread.
// With CACHE_FILE, the first index reads and writes that index cache, as a restarted server does.
// Prints one JSON line: InProcessFigures.

import * as fs from 'node:fs';
import { loadConfig } from '../server/src/workspace/config';
import { buildPatternSet } from '../server/src/analysis/patterns';
import { WorkspaceIndex } from '../server/src/workspace/index';

/** What one run measured; times in milliseconds. */
export interface InProcessFigures {
  files: number;
  checks: number;
  resolvedChecks: number;
  coldMs: number;
  warmMs: number;
  largestFile: string;
  largestFileBytes: number;
  keystrokeMs: number[];
  /** The same, typing at the end of the file (after its last statement). */
  keystrokeAtEndMs: number[];
  peakRssMb: number;
  /** A resolved check outside the largest file, for the server's hover figure. */
  hoverTarget?: { file: string; keyOffset: number };
}

function newIndex(root: string, cacheFile?: string): WorkspaceIndex {
  const { config } = loadConfig(root);
  return new WorkspaceIndex(root, { patterns: buildPatternSet(config.patterns, config.bags), ignore: config.ignore, maxFileSize: 1_000_000, log: () => undefined, cacheFile });
}

/** Index, then resolve every check: the work before the first diagnostics of a workspace. */
async function indexAndResolve(root: string, cacheFile?: string): Promise<{ index: WorkspaceIndex; ms: number; checks: number; resolved: number }> {
  const started = performance.now();
  const index = newIndex(root, cacheFile);
  await index.indexAll();
  let checks = 0;
  let resolved = 0;
  for (const found of index.allChecks().values()) {
    checks += found.length;
    resolved += found.filter((check) => check.resolved).length;
  }
  return { index, ms: performance.now() - started, checks, resolved };
}

async function main(): Promise<void> {
  const [root, editsArgument, cacheFile] = process.argv.slice(2);
  const cold = await indexAndResolve(root, cacheFile);
  // A second index of the same folder, as after a configuration change: JIT and disk cache warm.
  const warm = await indexAndResolve(root);
  const index = warm.index;

  let largestFile = '';
  let largestFileBytes = -1;
  for (const file of index.files()) {
    const size = fs.statSync(file).size;
    if (size > largestFileBytes) {
      largestFile = file;
      largestFileBytes = size;
    }
  }
  // Typing in the middle of the file: insert a character, then delete it again, as an editor sends them.
  const original = fs.readFileSync(largestFile, 'utf8');
  const middle = original.indexOf('\n', original.length >> 1) + 1;
  const edited = original.slice(0, middle) + ' ' + original.slice(middle);
  index.setFileText(largestFile, original);
  index.checksIn(largestFile);
  const keystrokeMs: number[] = [];
  const edits = Number(editsArgument ?? 200);
  for (let edit = 0; edit < edits; edit++) {
    const started = performance.now();
    index.setFileText(largestFile, edit % 2 === 0 ? edited : original);
    index.checksIn(largestFile);
    keystrokeMs.push(performance.now() - started);
  }
  // Typing at the end, past the last statement: a character, then deleting it.
  const atEnd = `${original}x`;
  const keystrokeAtEndMs: number[] = [];
  for (let edit = 0; edit < edits; edit++) {
    const started = performance.now();
    index.setFileText(largestFile, edit % 2 === 0 ? atEnd : original);
    index.checksIn(largestFile);
    keystrokeAtEndMs.push(performance.now() - started);
  }
  let hoverTarget: InProcessFigures['hoverTarget'];
  for (const [file, checks] of index.allChecks()) {
    const check = checks.find((candidate) => candidate.resolved);
    if (file !== largestFile && check !== undefined) {
      hoverTarget = { file, keyOffset: check.keySpan.start + 1 };
      break;
    }
  }
  const figures: InProcessFigures = {
    files: index.files().length,
    checks: cold.checks,
    resolvedChecks: cold.resolved,
    coldMs: cold.ms,
    warmMs: warm.ms,
    largestFile,
    largestFileBytes,
    keystrokeMs,
    keystrokeAtEndMs,
    peakRssMb: peakRssMb(process.pid),
    hoverTarget,
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

/** The peak resident set of a process (VmHWM), in MB; Linux only, 0 elsewhere. */
export function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 0 : Number(match[1]) / 1024;
  } catch {
    return 0;
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
