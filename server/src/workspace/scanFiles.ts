// Reading and scanning many files for the first index. Reader threads, which load no parser and start
// in milliseconds, read each file and test it with the text prefilter; this thread parses the few files
// that may hold a check as soon as a reader has found them, and reads files itself when it has nothing
// to parse. On the generated 20,000-file workspace, reading and prefiltering is about as much work as
// parsing the 763 files that hold checks, so each of two cores takes one of the two.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseSkeletonText, parseSource, scanFile, type FileScan } from '../analysis/scan';
import type { SkipReason } from './files';
import { readAndFilter, type ReaderRequest, type ReaderResponse, type ReadOutcome, type ScanSettings } from './readFilter';
import type { ScanCache } from './scanCache';

export type { ScanSettings } from './readFilter';

/**
 * What indexing one file gave: its scan and the hash of its bytes; `unparsed` for a file that holds no
 * check, whose exports are read only when another file's key leads there; or why it was skipped. The
 * stamp of the file read (see `fileStamp`), when `ScanSettings.runStartedAt` asked for it.
 */
export type FileOutcome =
  | { kind: 'scanned'; scan: FileScan; hash: string; stamp?: string; text?: string }
  | { kind: 'unparsed'; stamp?: string; text?: string }
  | { kind: 'skipped'; skip: SkipReason };

/** Read one file and scan it when the prefilter says it may hold a check, unless `cache` has its scan. */
export function scanPath(file: string, settings: ScanSettings, cache?: ScanCache): FileOutcome {
  const read = readAndFilter(file, settings);
  return read.kind === 'read' ? scanRead(file, read, settings, cache) : read;
}

type PreparedFile = Extract<ReadOutcome, { kind: 'read' }>;

/** Parse and scan a prepared file, unless `cache` has the scan of these very bytes. */
function scanRead(file: string, read: PreparedFile, settings: ScanSettings, cache?: ScanCache): FileOutcome {
  const cached = cache?.get(file, read.hash);
  const text = settings.keepTexts === true ? read.text : undefined;
  if (cached !== undefined) return { kind: 'scanned', scan: cached, hash: read.hash, stamp: read.stamp, text };
  // One file that breaks the scanner (nesting past what a walk can hold, a bug) is skipped and said so;
  // the rest of the folder is still scanned.
  try {
    const tree = (read.skeleton === undefined ? undefined : parseSkeletonText(file, read.skeleton)) ?? parseSource(file, read.text);
    return { kind: 'scanned', scan: scanFile(file, read.text, settings.patterns, tree), hash: read.hash, stamp: read.stamp, text };
  } catch (error) {
    return { kind: 'skipped', skip: { reason: `it could not be scanned (${error instanceof Error ? error.message : String(error)})`, quiet: false } };
  }
}

// Below this many files per reader, its start (30-90 ms) and two threads opening files at once cost
// more than it saves: convex-backend's 2,671 files took 140-150 ms in this thread alone, 210-255 ms with one.
const FILES_PER_READER = 5000;
// Files handed out at once: small enough to share the work evenly, large enough that messages are few.
const CHUNK_SIZE = 200;
// Chunks a reader holds at once, so that it keeps reading while this thread is busy parsing.
const CHUNKS_IN_FLIGHT = 3;
// This thread parses for this long before it looks at the readers' answers again.
const PARSE_SLICE_MS = 8;

/** How `scanPaths` shares the work; the defaults suit the server and the CLI. */
export interface ScanPathsOptions {
  progress?: (done: number) => void;
  /** At most one reader thread per this many files. */
  filesPerReader?: number;
  /** False leaves all the reading to the readers while any runs; this thread only parses. */
  inThisThread?: boolean;
  /** Scans of an earlier run, used for files whose bytes have not changed. */
  cache?: ScanCache;
  /** The readers' code, in place of readWorker.js: tests start readers that fail. */
  readerCode?: string;
  /** Told when a reader stops before its work is done (its files are then read in this thread). */
  log?: (message: string) => void;
}

/**
 * Scan every file, reading in this thread and in reader threads (one per spare core) and parsing in this
 * one, and give the outcomes in the order of `files`. Reads in this thread alone when no reader starts,
 * and takes back the chunks of a reader that fails.
 */
export async function scanPaths(files: readonly string[], settings: ScanSettings, options: ScanPathsOptions = {}): Promise<FileOutcome[]> {
  const { progress, filesPerReader = FILES_PER_READER, inThisThread = true, cache, readerCode, log } = options;
  const outcomes = new Array<FileOutcome>(files.length);
  let done = 0;
  const settle = (index: number, outcome: FileOutcome): void => {
    outcomes[index] = outcome;
    progress?.(++done);
  };
  const chunks: number[] = [];
  for (let start = 0; start < files.length; start += CHUNK_SIZE) chunks.push(start);
  const chunkAt = (start: number): string[] => files.slice(start, start + CHUNK_SIZE) as string[];

  // Files a reader found worth parsing, in the order they came.
  const toParse: Array<{ index: number; read: PreparedFile | undefined }> = [];
  let parsed = 0;
  let wake: (() => void) | undefined;
  const script = readerCode === undefined ? readerScript() : { code: readerCode, eval: true };
  const wanted = Math.min(Math.max(os.availableParallelism() - 1, 1), Math.floor(files.length / filesPerReader));
  // A packaging mistake, not a state to run in quietly: everything still works, only slower.
  if (wanted > 0 && script === undefined) log?.(`no index reader thread could start: readWorker.js is not beside ${path.basename(__filename)}; all files are read in the main thread`);
  const readerCount = script === undefined ? 0 : wanted;
  const readers = Array.from({ length: readerCount }, () => new Reader(script as ReaderScript, settings, {
    take: () => chunks.shift(),
    chunkAt,
    read: (start, readOutcomes) => {
      readOutcomes.forEach((outcome, offset) => {
        if (outcome.kind === 'read') toParse.push({ index: start + offset, read: outcome });
        else settle(start + offset, outcome);
      });
      wake?.();
    },
    failed: (unfinished, reason) => {
      log?.(`an index reader thread stopped (${reason}); its files are read in the main thread`);
      chunks.unshift(...unfinished);
      wake?.();
    },
  }));

  try {
    for (;;) {
      if (parsed < toParse.length) {
        const until = performance.now() + PARSE_SLICE_MS;
        do {
          const { index, read } = toParse[parsed];
          // Dropped as it is parsed: the queue would otherwise hold every file's text to the end.
          toParse[parsed++].read = undefined;
          settle(index, scanRead(files[index], read as PreparedFile, settings, cache));
        } while (parsed < toParse.length && performance.now() < until);
      } else if (chunks.length > 0 && (inThisThread || !readers.some((reader) => reader.alive))) {
        const start = chunks.shift() as number;
        chunkAt(start).forEach((file, offset) => settle(start + offset, scanPath(file, settings, cache)));
      } else if (readers.some((reader) => reader.busy || (reader.alive && chunks.length > 0))) {
        // Nothing to do here until a reader answers (or fails and gives its chunks back).
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      } else {
        break;
      }
      // Let the readers' answers and the editor's requests in.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    for (const reader of readers) reader.stop();
  }
  return outcomes;
}

/** What a reader needs from `scanPaths`: chunks to read, and where their outcomes go. */
interface ReaderHost {
  take(): number | undefined;
  chunkAt(start: number): string[];
  read(start: number, outcomes: readonly ReadOutcome[]): void;
  /** The reader stopped, for `reason`, with these chunks unread. */
  failed(unfinished: number[], reason: string): void;
}

/** One reader thread and the chunks it holds. */
class Reader {
  alive = true;
  private readonly worker: Worker;
  private readonly inFlight: number[] = [];

  constructor(script: ReaderScript, settings: ScanSettings, private readonly host: ReaderHost) {
    // The worker's stdout is its own stream: in the server, this process's stdout is the LSP channel.
    this.worker = new Worker(script.code, { eval: script.eval, workerData: settings, stdout: true, stderr: true });
    this.worker.once('online', () => this.fill());
    this.worker.on('message', (response: ReaderResponse) => {
      const held = this.inFlight.indexOf(response.id);
      if (held < 0) return;
      this.inFlight.splice(held, 1);
      this.fill();
      this.host.read(response.id, response.outcomes);
    });
    this.worker.on('error', (error) => this.end(error.message));
    this.worker.on('exit', (code) => this.end(`exit code ${code}`));
  }

  /** Chunks sent and not answered yet. */
  get busy(): boolean {
    return this.alive && this.inFlight.length > 0;
  }

  stop(): void {
    this.alive = false;
    void this.worker.terminate();
  }

  private fill(): void {
    while (this.alive && this.inFlight.length < CHUNKS_IN_FLIGHT) {
      const start = this.host.take();
      if (start === undefined) return;
      this.inFlight.push(start);
      this.worker.postMessage({ id: start, files: this.host.chunkAt(start) } satisfies ReaderRequest);
    }
  }

  private end(reason: string): void {
    if (!this.alive) return;
    this.alive = false;
    this.host.failed(this.inFlight.splice(0), reason);
  }
}

/** How to start a reader: the bundled script next to the server, or the TypeScript source through tsx (tests, benchmarks). */
interface ReaderScript {
  code: string;
  eval: boolean;
}

function readerScript(): ReaderScript | undefined {
  const bundled = path.join(__dirname, 'readWorker.js');
  if (fs.existsSync(bundled)) return { code: bundled, eval: false };
  const source = path.join(__dirname, 'readWorker.ts');
  // A worker does not inherit tsx's loader from `node --import tsx`: it registers tsx itself.
  if (fs.existsSync(source)) return { code: `require('tsx/cjs'); require(${JSON.stringify(source)});`, eval: true };
  return undefined;
}
