// Reading and scanning many files for the first index: one read per file, a text prefilter so that only
// files that can hold a check are parsed, and worker threads so that parsing uses every core.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { canTestLatin1, mayHoldChecks } from '../analysis/prefilter';
import { scanFile, type FileScan } from '../analysis/scan';
import type { PatternSet } from '../patterns';
import { readSourceFileSync, type SkipReason } from './files';
import { contentHash, type ScanCache } from './scanCache';

/**
 * What indexing one file gave: its scan and the hash of its bytes; `unparsed` for a file that holds no
 * check, whose exports are read only when another file's key leads there; or why it was skipped.
 */
export type FileOutcome =
  | { kind: 'scanned'; scan: FileScan; hash: string }
  | { kind: 'unparsed' }
  | { kind: 'skipped'; skip: SkipReason };

/** The patterns and limit every file is scanned with; plain data, so a worker thread can receive it. */
export interface ScanSettings {
  patterns: PatternSet;
  maxFileSize: number;
}

/** Read one file and scan it when the prefilter says it may hold a check, unless `cache` has its scan. */
export function scanPath(file: string, settings: ScanSettings, cache?: ScanCache): FileOutcome {
  const bytes = readSourceFileSync(file, settings.maxFileSize);
  if (!Buffer.isBuffer(bytes)) return { kind: 'skipped', skip: bytes };
  // Most files hold no check; a latin1 view is cheaper than decoding UTF-8 and enough for ASCII names.
  const view = canTestLatin1(settings.patterns) ? bytes.toString('latin1') : bytes.toString('utf8');
  if (!mayHoldChecks(view, settings.patterns)) return { kind: 'unparsed' };
  const hash = contentHash(bytes);
  return { kind: 'scanned', scan: cache?.get(file, hash) ?? scanFile(file, bytes.toString('utf8'), settings.patterns), hash };
}

// Below this many files a worker's start-up (loading the TypeScript parser) costs more than it saves.
const FILES_PER_WORKER = 2000;
// Files handed out at once: small enough to share the work evenly, large enough that messages are few.
const CHUNK_SIZE = 200;
// A worker costs ≈0.7 s of CPU and 45-70 MB of peak RSS (its own TypeScript parser), and parses
// nothing until it has loaded: worth it only for this many files to parse, which this thread estimates
// from a few chunks spread over the folder before starting any. With 763 parses in 20,004 files the
// server indexed as fast without a worker (1.8-2.0 s both ways) at 237 MB peak instead of 280-308 MB.
const PARSES_PER_WORKER = 1000;
const SAMPLE_CHUNKS = 4;

/** A chunk of files for a worker, and the outcomes it sends back in the same order. */
export interface WorkerRequest {
  id: number;
  files: string[];
}
export interface WorkerResponse {
  id: number;
  outcomes: FileOutcome[];
}

/** How `scanPaths` shares the work; the defaults suit the server and the CLI. */
export interface ScanPathsOptions {
  progress?: (done: number) => void;
  /** At most one worker per this many files. */
  filesPerWorker?: number;
  /** At most one worker per this many files to parse, as estimated from a sample. */
  parsesPerWorker?: number;
  /** False leaves every chunk to the workers while any runs. */
  inThisThread?: boolean;
  /** Scans of an earlier run; when it holds any, this thread does all the work, most of it reading. */
  cache?: ScanCache;
}

/**
 * Scan every file, in this thread and in worker threads (one per spare core), and give the outcomes in
 * the order of `files`. Falls back to this thread alone when a worker cannot start or fails.
 */
export async function scanPaths(files: readonly string[], settings: ScanSettings, options: ScanPathsOptions = {}): Promise<FileOutcome[]> {
  const { progress, filesPerWorker = FILES_PER_WORKER, parsesPerWorker = PARSES_PER_WORKER, inThisThread = true, cache } = options;
  const outcomes = new Array<FileOutcome>(files.length);
  const chunks: number[] = [];
  for (let start = 0; start < files.length; start += CHUNK_SIZE) chunks.push(start);
  let done = 0;
  const finish = (start: number, results: readonly FileOutcome[]): void => {
    results.forEach((outcome, offset) => {
      outcomes[start + offset] = outcome;
      progress?.(++done);
    });
  };
  const chunkAt = (start: number): string[] => files.slice(start, start + CHUNK_SIZE) as string[];

  // With a cache there is usually little left to parse.
  const maxWorkers = cache !== undefined && cache.size > 0 ? 0 : Math.min(Math.max(os.availableParallelism() - 1, 1), Math.floor(files.length / filesPerWorker));
  const script = workerScript();
  const workers: Array<Promise<number[]>> = [];
  const startWorkers = (count: number): void => {
    if (script !== undefined) for (let worker = 0; worker < count; worker++) workers.push(runWorker(script, settings, chunks, chunkAt, finish));
  };
  if (!inThisThread) startWorkers(maxWorkers);
  // This thread works too, one chunk at a time, yielding between chunks so that worker answers and
  // editor requests are handled meanwhile. Its first chunks are the sample that decides on workers.
  if (inThisThread || workers.length === 0) {
    const sample = maxWorkers > 0 && workers.length === 0 ? takeSpread(chunks, SAMPLE_CHUNKS) : [];
    let deciding = sample.length > 0;
    let sampledFiles = 0;
    let sampledParses = 0;
    for (let start = sample.shift() ?? chunks.shift(); start !== undefined; start = sample.shift() ?? chunks.shift()) {
      const results = chunkAt(start).map((file) => scanPath(file, settings, cache));
      finish(start, results);
      if (deciding) {
        sampledFiles += results.length;
        sampledParses += results.filter((outcome) => outcome.kind === 'scanned').length;
        if (sample.length === 0) {
          deciding = false;
          const expectedParses = (sampledParses / sampledFiles) * files.length;
          if (chunks.length > 0) startWorkers(Math.min(maxWorkers, Math.floor(expectedParses / parsesPerWorker)));
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // Chunks a failed worker held, and any left when every worker failed.
  const unfinished = (await Promise.all(workers)).flat();
  for (const start of [...unfinished, ...chunks.splice(0)]) finish(start, chunkAt(start).map((file) => scanPath(file, settings)));
  return outcomes;
}

/** Removes `count` items spread evenly over `items` (all of them when there are fewer) and returns them. */
function takeSpread(items: number[], count: number): number[] {
  if (items.length <= count) return items.splice(0);
  const positions = Array.from({ length: count }, (_, index) => Math.floor((index * items.length) / count));
  const taken = positions.map((position) => items[position]);
  for (const position of [...positions].reverse()) items.splice(position, 1);
  return taken;
}

/** Feed chunks to one worker until none are left; resolves with the chunks it could not finish. */
function runWorker(
  script: string,
  settings: ScanSettings,
  chunks: number[],
  chunkAt: (start: number) => string[],
  finish: (start: number, outcomes: readonly FileOutcome[]) => void,
): Promise<number[]> {
  return new Promise((resolve) => {
    let current: number | undefined;
    let settled = false;
    // The worker's stdout is its own stream: in the server, this process's stdout is the LSP channel.
    const worker = new Worker(script, { workerData: settings, stdout: true, stderr: true });
    const end = (unfinished: number[]): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      resolve(unfinished);
    };
    const next = (): void => {
      current = chunks.shift();
      if (current === undefined) end([]);
      else worker.postMessage({ id: current, files: chunkAt(current) } satisfies WorkerRequest);
    };
    worker.on('message', (response: WorkerResponse) => {
      if (response.id !== current) return;
      finish(response.id, response.outcomes);
      next();
    });
    worker.on('error', () => end(current === undefined ? [] : [current]));
    worker.on('exit', () => end(current === undefined ? [] : [current]));
    worker.once('online', next);
  });
}

/** The worker's script: the bundled one next to the server, or the TypeScript source when run through tsx. */
function workerScript(): string | undefined {
  const candidates = [path.join(__dirname, 'indexWorker.js'), path.join(__dirname, 'indexWorker.ts')];
  return candidates.find((candidate) => fs.existsSync(candidate));
}
