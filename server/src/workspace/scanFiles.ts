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

/**
 * What indexing one file gave: its scan; `unparsed` for a file that holds no check, whose exports are
 * read only when another file's key leads there; or why it was skipped.
 */
export type FileOutcome =
  | { kind: 'scanned'; scan: FileScan }
  | { kind: 'unparsed' }
  | { kind: 'skipped'; skip: SkipReason };

/** The patterns and limit every file is scanned with; plain data, so a worker thread can receive it. */
export interface ScanSettings {
  patterns: PatternSet;
  maxFileSize: number;
}

/** Read one file and scan it when the prefilter says it may hold a check. */
export function scanPath(file: string, settings: ScanSettings): FileOutcome {
  const bytes = readSourceFileSync(file, settings.maxFileSize);
  if (!Buffer.isBuffer(bytes)) return { kind: 'skipped', skip: bytes };
  // Most files hold no check; a latin1 view is cheaper than decoding UTF-8 and enough for ASCII names.
  const view = canTestLatin1(settings.patterns) ? bytes.toString('latin1') : bytes.toString('utf8');
  if (!mayHoldChecks(view, settings.patterns)) return { kind: 'unparsed' };
  return { kind: 'scanned', scan: scanFile(file, bytes.toString('utf8'), settings.patterns) };
}

// Below this many files a worker's start-up (loading the TypeScript parser) costs more than it saves.
const FILES_PER_WORKER = 2000;
// Files handed out at once: small enough to share the work evenly, large enough that messages are few.
const CHUNK_SIZE = 200;

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
  /** False leaves every chunk to the workers while any runs. */
  inThisThread?: boolean;
}

/**
 * Scan every file, in this thread and in worker threads (one per spare core), and give the outcomes in
 * the order of `files`. Falls back to this thread alone when a worker cannot start or fails.
 */
export async function scanPaths(files: readonly string[], settings: ScanSettings, options: ScanPathsOptions = {}): Promise<FileOutcome[]> {
  const { progress, filesPerWorker = FILES_PER_WORKER, inThisThread = true } = options;
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

  const workerCount = Math.min(Math.max(os.availableParallelism() - 1, 1), Math.floor(files.length / filesPerWorker));
  const script = workerScript();
  const workers = script === undefined ? [] : Array.from({ length: workerCount }, () => runWorker(script, settings, chunks, chunkAt, finish));
  // This thread works too, one chunk at a time, yielding between chunks so that worker answers and
  // editor requests are handled meanwhile.
  if (inThisThread || workers.length === 0) {
    for (let start = chunks.shift(); start !== undefined; start = chunks.shift()) {
      finish(start, chunkAt(start).map((file) => scanPath(file, settings)));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // Chunks a failed worker held, and any left when every worker failed.
  const unfinished = (await Promise.all(workers)).flat();
  for (const start of [...unfinished, ...chunks.splice(0)]) finish(start, chunkAt(start).map((file) => scanPath(file, settings)));
  return outcomes;
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
