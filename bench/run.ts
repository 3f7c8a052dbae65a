// `npm run bench`: FlagLens against ripgrep on the same files, and the issue's targets, appended to
// bench/RESULTS.md with the date, machine, command and commit.
// Flags: --files N (repeatable; default 1000 and 20000), --repo PATH (a real checkout, instead of or
// besides generated ones with --files), --seed S, --quick (fewer requests and repetitions), --no-write.

import { execFileSync, spawnSync } from 'node:child_process';
import { buildSync, type BuildOptions } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../server/src/workspace/config';
import { buildPatternSet } from '../server/src/analysis/patterns';
import { SCANNED_EXTENSIONS } from '../server/src/analysis/scan';
import { hashSources } from '../server/src/workspace/scanCache';
import { generateWorkspace } from './generate';
import type { InProcessFigures } from './inProcess';
import { fileWithLiteralCheck, measureServer, type ServerFigures } from './lsp';

const REPO_ROOT = path.resolve(__dirname, '..');
// Outside the repository: tsc and eslint read every .ts file under bench/.
const WORKSPACES = path.join(os.tmpdir(), 'flaglens-bench');
const RESULTS = path.join(REPO_ROOT, 'bench', 'RESULTS.md');
// The in-process figures run from a bundle, as the server and the CLI do, with the reader thread's script beside it.
const IN_PROCESS_BUNDLE = path.join(WORKSPACES, 'build', 'inProcess.js');
const LARGE_FILE_BYTES = 300_000;

interface Options {
  files: number[];
  repos: string[];
  seed: number;
  quick: boolean;
  write: boolean;
}

interface RipgrepFigures {
  ms: number;
  files: number;
  matches: number;
}

interface WorkspaceFigures {
  label: string;
  root: string;
  ripgrep: RipgrepFigures;
  index: InProcessFigures;
  /** The second run with an index cache: it reads every file to compare hashes, and stamps them. */
  secondRunMs: number;
  /** A fresh process that finds the index cache and stamps of earlier runs (nothing changed since). */
  restartMs: number;
  server: ServerFigures | undefined;
  serverSkipped?: string;
}

function parseOptions(args: string[]): Options {
  const options: Options = { files: [], repos: [], seed: 1, quick: false, write: true };
  for (let i = 0; i < args.length; i++) {
    const value = (): string => {
      if (i + 1 >= args.length) throw new Error(`${args[i]} needs a value`);
      return args[++i];
    };
    switch (args[i]) {
      case '--files': options.files.push(...value().split(',').map((count) => Number(count.replace(/_/g, '')))); break;
      case '--repo': options.repos.push(path.resolve(value())); break;
      case '--seed': options.seed = Number(value()); break;
      case '--quick': options.quick = true; break;
      case '--no-write': options.write = false; break;
      default: throw new Error(`unknown option ${args[i]}; see the top of bench/run.ts`);
    }
  }
  if (options.files.some((count) => !Number.isInteger(count) || count < 1)) throw new Error('--files takes a whole number of files');
  if (options.files.length === 0 && options.repos.length === 0) options.files = options.quick ? [1000] : [1000, 20000];
  return options;
}

/** The callee names of a folder's patterns, for the ripgrep regex. */
function calleeNamesOf(root: string): string[] {
  return [...buildPatternSet(loadConfig(root).config.patterns).calleeNames];
}

/**
 * ripgrep over the files FlagLens reads, with the regex a text search would use: a callee name, maybe type
 * arguments, `(` and a quoted key. Counts matches, so keys behind constants are what it misses.
 */
function runRipgrep(root: string, calleeNames: string[], repetitions: number): RipgrepFigures {
  const globs = [...SCANNED_EXTENSIONS.map((extension) => `*${extension}`), '!*.d.ts', '!*.d.mts', '!*.d.cts',
    ...['node_modules', 'out', 'dist', 'build', 'coverage', '.next', '.git'].map((directory) => `!${directory}/`)].flatMap((glob) => ['-g', glob]);
  const regex = `\\b(?:${calleeNames.join('|')})\\s*(?:<[^>()]*>)?\\(\\s*['"\`]`;
  const args = ['-j2', '--no-config', '--count-matches', '--no-messages', ...globs, '-e', regex, root];
  const times: number[] = [];
  let output = '';
  for (let run = 0; run < repetitions; run++) {
    const started = performance.now();
    const result = spawnSync('rg', args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - started);
    if (result.error !== undefined) throw new Error(`ripgrep did not run: ${result.error.message} (install Debian's ripgrep)`);
    output = result.stdout;
  }
  const matches = output.split('\n').filter(Boolean).reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(':') + 1)), 0);
  const listed = spawnSync('rg', ['--files', '--no-config', ...globs, root], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { ms: median(times), files: listed.stdout.split('\n').filter(Boolean).length, matches };
}

/** Bundle bench/inProcess.ts and the reader and inference threads' scripts as esbuild.mjs bundles the server. */
function bundleInProcess(): void {
  const common: BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'warning' };
  // As esbuild.mjs builds the server and the CLI: the compiler-only alias and the sources' hash.
  const shipped: BuildOptions = {
    alias: { 'ts-morph': path.join(REPO_ROOT, 'server', 'src', 'analysis', 'compilerOnly.ts') },
    define: { FLAGLENS_SOURCE_HASH: JSON.stringify(hashSources(path.join(REPO_ROOT, 'server', 'src'))) },
  };
  buildSync({ ...common, ...shipped, entryPoints: [path.join(__dirname, 'inProcess.ts')], outfile: IN_PROCESS_BUNDLE });
  buildSync({ ...common, entryPoints: [path.join(REPO_ROOT, 'server', 'src', 'workspace', 'readWorker.ts')], outfile: path.join(path.dirname(IN_PROCESS_BUNDLE), 'readWorker.js') });
  buildSync({ ...common, alias: shipped.alias, entryPoints: [path.join(REPO_ROOT, 'server', 'src', 'workspace', 'inferWorker.ts')], outfile: path.join(path.dirname(IN_PROCESS_BUNDLE), 'inferWorker.js') });
}

/** The in-process figures from fresh processes (bundled: see bundleInProcess); the run with the median cold index is kept. */
function runInProcess(root: string, repetitions: number, edits: number, cacheFile?: string): InProcessFigures {
  const runs: InProcessFigures[] = [];
  for (let run = 0; run < repetitions; run++) {
    const output = execFileSync(process.execPath, [IN_PROCESS_BUNDLE, root, String(edits), ...(cacheFile === undefined ? [] : [cacheFile])],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    runs.push(JSON.parse(output) as InProcessFigures);
  }
  runs.sort((a, b) => a.coldMs - b.coldMs);
  return runs[runs.length >> 1];
}

async function measureWorkspace(label: string, root: string, options: Options): Promise<WorkspaceFigures> {
  const repetitions = options.quick ? 3 : 5;
  process.stderr.write(`${label}: ripgrep…\n`);
  const ripgrep = runRipgrep(root, calleeNamesOf(root), repetitions);
  process.stderr.write(`${label}: index in fresh processes…\n`);
  const index = runInProcess(root, options.quick ? 1 : 3, options.quick ? 100 : 400);
  process.stderr.write(`${label}: restarts with the index cache…\n`);
  const cacheFile = path.join(WORKSPACES, `index-cache-${path.basename(root)}.json`);
  fs.rmSync(cacheFile, { force: true });
  runInProcess(root, 1, 0, cacheFile);
  const secondRunMs = runInProcess(root, 1, 0, cacheFile).coldMs;
  const restartMs = runInProcess(root, options.quick ? 1 : 3, 0, cacheFile).coldMs;
  fs.rmSync(cacheFile, { force: true });
  process.stderr.write(`${label}: the server over stdio…\n`);
  const target = fileWithLiteralCheck(listCheckFiles(root, index), 'useFeatureIsOn')
    ?? fileWithLiteralCheck(listCheckFiles(root, index), 'getBooleanValue') ?? index.hoverTarget;
  if (target === undefined) return { label, root, ripgrep, index, secondRunMs, restartMs, server: undefined, serverSkipped: 'no resolved check outside the largest file to hover' };
  const server = await measureServer(root, target.file, target.keyOffset, options.quick ? 200 : 1000);
  return { label, root, ripgrep, index, secondRunMs, restartMs, server };
}

/** Files that ripgrep says hold a preset call with a literal key: candidates for the hover figure. */
function listCheckFiles(root: string, index: InProcessFigures): string[] {
  const result = spawnSync('rg', ['-l', '--no-config', '-g', '*.{ts,tsx,js,jsx}', '-e', `(useFeatureIsOn|getBooleanValue)\\('`, root], { encoding: 'utf8' });
  // The largest file is edited by the keystroke figure and has many checks: hover elsewhere.
  return result.stdout.split('\n').filter((file) => file !== '' && file !== index.largestFile).sort();
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  process.stderr.write('building the server bundle…\n');
  execFileSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  bundleInProcess();
  const results: WorkspaceFigures[] = [];
  for (const count of options.files) {
    const root = path.join(WORKSPACES, `generated-${count}-seed${options.seed}`);
    process.stderr.write(`generating ${count} files (seed ${options.seed}) in ${root}…\n`);
    const generated = generateWorkspace(root, count, options.seed, { largeFileBytes: LARGE_FILE_BYTES });
    results.push(await measureWorkspace(`generated, ${generated.files.toLocaleString('en')} files (seed ${options.seed})`, root, options));
  }
  for (const repo of options.repos) results.push(await measureWorkspace(`${path.basename(repo)} (${describeCheckout(repo)})`, repo, options));
  const clean = await measureClean();
  const report = formatReport(results, clean, options);
  process.stdout.write(report);
  if (options.write) {
    fs.appendFileSync(RESULTS, (fs.existsSync(RESULTS) ? '\n' : '# Benchmark results\n\nAppended by `npm run bench` (bench/run.ts); newest last.\n\n') + report);
    process.stderr.write(`appended to ${path.relative(REPO_ROOT, RESULTS)}\n`);
  }
}

/** The clean-up figure from bench/clean.ts, when that file exists. */
async function measureClean(): Promise<{ ms: number; files: number; checks: number } | string> {
  const module = path.join(__dirname, 'clean.ts');
  if (!fs.existsSync(module)) return 'pending: bench/clean.ts (benchmarkClean) does not exist yet';
  try {
    type CleanModule = { benchmarkClean?: () => Promise<{ ms: number; files: number; checks: number }> };
    // Imported as ES module from CommonJS, a file's exports may sit under `default`.
    const imported = (await import(pathToFileURL(module).href)) as CleanModule & { default?: CleanModule };
    const loaded = imported.benchmarkClean === undefined ? imported.default ?? {} : imported;
    if (loaded.benchmarkClean === undefined) return 'pending: bench/clean.ts does not export benchmarkClean';
    return await loaded.benchmarkClean();
  } catch (error) {
    return `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function describeCheckout(repo: string): string {
  try {
    return `commit ${execFileSync('git', ['-C', repo, 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim()}`;
  } catch {
    return 'not a git checkout';
  }
}

function formatReport(results: WorkspaceFigures[], clean: { ms: number; files: number; checks: number } | string, options: Options): string {
  const commit = execFileSync('git', ['-C', REPO_ROOT, 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['-C', REPO_ROOT, 'status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
  const ripgrepVersion = execFileSync('rg', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const cpus = os.cpus();
  const lines = [
    `## ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    '',
    `- Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}, Node ${process.version}, ${ripgrepVersion}; load average at the end ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`,
    `- Command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\``,
    `- Commit: ${commit}${dirty ? ' plus uncommitted changes' : ''}`,
    `- Repetitions: ripgrep ${options.quick ? 3 : 5} runs (median); index ${options.quick ? 1 : 3} fresh processes (the median one); ${options.quick ? 100 : 400} keystrokes; ${options.quick ? 200 : 1000} hovers and diagnostics.`,
    '',
  ];
  for (const result of results) {
    const { ripgrep, index, server } = result;
    const ratio = index.coldMs / ripgrep.ms;
    const keystroke = percentiles(index.keystrokeMs);
    const keystrokeAtEnd = percentiles(index.keystrokeAtEndMs);
    lines.push(`### ${result.label}`, '', '| figure | measured | target | |', '|---|---|---|---|');
    lines.push(`| ripgrep \`-j2\`, same files (${ripgrep.files.toLocaleString('en')}), literal-key regex | ${ms(ripgrep.ms)} | | |`);
    lines.push(`| cold index, first in a fresh process (index + resolve every check) | ${ms(index.coldMs)} (${ratio.toFixed(1)}× ripgrep) | ≤ 2× ripgrep | ${mark(ratio <= 2)} |`);
    lines.push(`| re-index, warm (new index of the same folder, same process) | ${ms(index.warmMs)} | | |`);
    lines.push(`| second run with an index cache: every file read to compare hashes, and stamped | ${ms(result.secondRunMs)} (${(result.secondRunMs / ripgrep.ms).toFixed(1)}× ripgrep) | | |`);
    lines.push(`| restart: first index in a fresh process with the index cache and stamps of earlier runs | ${ms(result.restartMs)} (${(result.restartMs / ripgrep.ms).toFixed(1)}× ripgrep) | | |`);
    lines.push(`| one-character edit in the largest file (${Math.round(index.largestFileBytes / 1024)} KB), re-scan + resolve | p50 ${ms(keystroke.p50)}, p95 ${ms(keystroke.p95)} | p95 ≤ 5 ms | ${mark(keystroke.p95 <= 5)} |`);
    lines.push(`| the same, typing at the end of the file | p50 ${ms(keystrokeAtEnd.p50)}, p95 ${ms(keystrokeAtEnd.p95)} | p95 ≤ 5 ms | ${mark(keystrokeAtEnd.p95 <= 5)} |`);
    if (server !== undefined) {
      const firstHover = percentiles(server.firstHoverMs);
      const hover = percentiles(server.hoverMs);
      const floor = percentiles(server.floorMs);
      const diagnostics = percentiles(server.diagnosticsMs);
      lines.push(`| server: start → folder indexed (bundle, stdio, V8 code cache of an earlier start) | ${ms(server.startToIndexedMs)} | | |`);
      lines.push(`| server: hover on a key, the first ${server.firstHoverMs.length} after indexing | p50 ${ms(firstHover.p50)}, p99 ${ms(firstHover.p99)} | | |`);
      lines.push(`| server: hover on a key, the next ${server.hoverMs.length} | p50 ${ms(hover.p50)}, p99 ${ms(hover.p99)} | p99 ≤ 2 ms | ${mark(hover.p99 <= 2)} |`);
      lines.push(`| server: a request with no handler, between those hovers (the round trip's floor) | p50 ${ms(floor.p50)}, p99 ${ms(floor.p99)} | | |`);
      lines.push(`| server: edit + pull diagnostics of the file | p50 ${ms(diagnostics.p50)}, p99 ${ms(diagnostics.p99)} | p99 ≤ 20 ms | ${mark(diagnostics.p99 <= 20)} |`);
      lines.push(`| server: peak RSS (VmHWM) | ${server.peakRssMb.toFixed(0)} MB | ≤ 300 MB | ${mark(server.peakRssMb <= 300)} |`);
    } else {
      lines.push(`| server figures | not measured: ${result.serverSkipped ?? 'unknown reason'} | | |`);
    }
    lines.push(`| in-process peak RSS (two full indexes + keystrokes) | ${index.peakRssMb.toFixed(0)} MB | | |`);
    lines.push(`| checks found: FlagLens (resolved to a key) vs ripgrep (literal keys only) | ${index.checks} (${index.resolvedChecks}) vs ${ripgrep.matches} | every check the AST finds | |`);
    lines.push('');
  }
  if (typeof clean === 'string') lines.push(`Clean-up of a flag with 100 references: ${clean}.`, '');
  else lines.push(`Clean-up of a flag with 100 references: ${ms(clean.ms)} (${clean.checks} checks in ${clean.files} files); target ≤ 2 s ${mark(clean.ms <= 2000)}.`, '');
  return lines.join('\n');
}

function percentiles(values: readonly number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function median(values: readonly number[]): number {
  return percentiles(values).p50;
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 10 ? `${value.toFixed(0)} ms` : `${value.toFixed(2)} ms`;
}

function mark(met: boolean): string {
  return met ? 'met' : '**missed**';
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
