// The scans of parsed files, kept on disk between runs under the hash of each file's bytes, so that a
// restart re-parses only the files that changed, and the stamp of every file read (size, times, inode;
// see `fileStamp`), so that a restart does not even read a file whose stamp is the same. A scan is used
// only when its file's stamp or the hash of its bytes is the same, and the whole cache only when it was
// written by this very scanner code with these patterns. For a folder without `.flaglens.json`, also what
// zero-config inference found, with the stamps of the files it was inferred from (see `InferredRecord`).

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { Discovery } from '../analysis/discover';
import type { FileScan } from '../analysis/scan';
import { readBoundedTextSync } from '../io/boundedRead';
import type { PatternSet } from '../analysis/patterns';
import { currentStamp } from './files';
import type { FileOutcome } from './scanFiles';
import { TimeSlice } from './timeSlice';

/** Bumped when the file's layout changes. */
const FORMAT = 2;

// The most of an index cache read: 22k files' scans take some tens of MB; a bigger one is rebuilt instead.
const MAX_INDEX_CACHE_BYTES = 512 * 1024 * 1024;

interface Entry {
  hash: string;
  scan: FileScan;
  /** The stamp of the file when it was read, if it was settled then. */
  stamp?: string;
}

interface CacheFile {
  format: number;
  /** The scanner code and the patterns the scans were made with. */
  fingerprint: string;
  /** Parsed files. */
  entries: Record<string, Entry>;
  /**
   * Files the prefilter found no check in, and their stamps: path, stamp, path, stamp… (a flat list is
   * written and read several times faster than an object of 20,000 keys).
   */
  unparsed: string[];
  inferred?: InferredRecord;
}

/**
 * What zero-config inference found, kept so that a restart that finds every file as it was does not read
 * every file's text to infer it again.
 */
export interface InferredRecord {
  /** The hash of the inference's inputs: every file read, with its stamp, and the workspace packages (see `inferenceInputs`). */
  inputs: string;
  discovery: Discovery;
  /** The files whose scans the inferred patterns changed, and those scans. */
  scans: Record<string, FileScan>;
}

/** What the cache knows of a file whose stamp has not changed. */
export type UnchangedOutcome = { kind: 'scanned'; scan: FileScan; hash: string } | { kind: 'unparsed' };

/** Scans by path and content hash, and stamps by path, read from and written to one JSON file. */
export class ScanCache {
  private entries = new Map<string, Entry>();
  private unparsed = new Map<string, string>();
  private inferredRecord: InferredRecord | undefined;
  private changed = false;
  /** Whether the cache came from its file (written by an earlier run of this scanner with these patterns). */
  fromDisk = false;

  private constructor(private readonly file: string, private readonly fingerprint: string) {}

  /** The cache in `file`; empty when there is none, it cannot be read, or another scanner or pattern set wrote it. */
  static load(file: string, patterns: PatternSet): ScanCache {
    const cache = new ScanCache(file, fingerprintOf(patterns));
    try {
      const read = readBoundedTextSync(file, MAX_INDEX_CACHE_BYTES);
      if ('refused' in read) return cache;
      const stored = JSON.parse(read.text) as Partial<CacheFile>;
      if (stored.format === FORMAT && stored.fingerprint === cache.fingerprint && isRecord(stored.entries) && Array.isArray(stored.unparsed)) {
        cache.entries = new Map(Object.entries(stored.entries));
        const unparsed = stored.unparsed;
        for (let index = 0; index + 1 < unparsed.length; index += 2) cache.unparsed.set(unparsed[index], unparsed[index + 1]);
        if (isRecord(stored.inferred) && typeof stored.inferred.inputs === 'string') cache.inferredRecord = stored.inferred;
        cache.fromDisk = true;
      }
    } catch {
      // No cache yet, or an unreadable one: every file is read and parsed, and the cache written anew.
    }
    return cache;
  }

  /** How many scans the cache holds. */
  get size(): number {
    return this.entries.size;
  }

  /** Whether any file has a stamp, so that looking at stamps can spare reads. */
  get hasStamps(): boolean {
    return this.unparsed.size > 0 || [...this.entries.values()].some((entry) => entry.stamp !== undefined);
  }

  /** Every cached file and the hash of the bytes its scan was made from. */
  hashes(): Map<string, string> {
    return new Map([...this.entries].map(([file, entry]) => [file, entry.hash]));
  }

  /** The scan of `file` when its bytes still hash to `hash`. */
  get(file: string, hash: string): FileScan | undefined {
    const entry = this.entries.get(file);
    return entry !== undefined && entry.hash === hash ? entry.scan : undefined;
  }

  /** What was found in `file` when it had this very stamp, if the cache knows. */
  unchanged(file: string, stamp: string): UnchangedOutcome | undefined {
    const entry = this.entries.get(file);
    if (entry !== undefined) return entry.stamp === stamp ? { kind: 'scanned', scan: entry.scan, hash: entry.hash } : undefined;
    return this.unparsed.get(file) === stamp ? { kind: 'unparsed' } : undefined;
  }

  /** Whether the cache holds an inference at all (from inputs that may be this run's). */
  get keepsInference(): boolean {
    return this.inferredRecord !== undefined;
  }

  /** What inference found from these very inputs (see `InferredRecord.inputs`), if the cache has it. */
  inferred(inputs: string): InferredRecord | undefined {
    return this.inferredRecord?.inputs === inputs ? this.inferredRecord : undefined;
  }

  /** Keep what inference found, or forget it (undefined: inferred from files not all stamped, or not at all). */
  recordInferred(record: InferredRecord | undefined): void {
    if (record?.inputs === this.inferredRecord?.inputs) return;
    this.inferredRecord = record;
    this.changed = true;
  }

  /** Keep what a run found in every file of the folder, and nothing of files no longer there or skipped. */
  record(files: readonly string[], outcomes: readonly FileOutcome[]): void {
    const entries = new Map<string, Entry>();
    const unparsed = new Map<string, string>();
    outcomes.forEach((outcome, index) => {
      const file = files[index];
      if (outcome.kind === 'scanned') {
        const before = this.entries.get(file);
        const same = before !== undefined && before.hash === outcome.hash && before.stamp === outcome.stamp;
        entries.set(file, same ? before : { hash: outcome.hash, scan: outcome.scan, stamp: outcome.stamp });
        if (!same) this.changed = true;
      } else if (outcome.kind === 'unparsed' && outcome.stamp !== undefined) {
        unparsed.set(file, outcome.stamp);
        if (this.unparsed.get(file) !== outcome.stamp) this.changed = true;
      }
    });
    if (entries.size !== this.entries.size || unparsed.size !== this.unparsed.size) this.changed = true;
    this.entries = entries;
    this.unparsed = unparsed;
  }

  /** Write the cache when it changed; a failure only costs the next start its head start. */
  async save(): Promise<string | undefined> {
    if (!this.changed) return undefined;
    const stored: CacheFile = { format: FORMAT, fingerprint: this.fingerprint, entries: Object.fromEntries(this.entries), unparsed: [...this.unparsed].flat(), ...(this.inferredRecord === undefined ? {} : { inferred: this.inferredRecord }) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      await fs.promises.writeFile(temporary, JSON.stringify(stored));
      // A rename, so that a reader never sees half a file.
      await fs.promises.rename(temporary, this.file);
      this.changed = false;
      return undefined;
    } catch (error) {
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      return error instanceof Error ? error.message : String(error);
    }
  }
}

function isRecord(value: unknown): value is Record<string, never> {
  return typeof value === 'object' && value !== null;
}

/** The cache file of one workspace folder under a cache folder shared by several; undefined without a cache folder. */
export function indexCacheFile(cacheDir: string | undefined, root: string): string | undefined {
  if (cacheDir === undefined) return undefined;
  return path.join(cacheDir, `index-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
}

// The hash of the server's sources, which esbuild.mjs writes into the bundles it builds.
declare const FLAGLENS_SOURCE_HASH: string | undefined;

let codeFingerprint: string | undefined;

/**
 * The scanner code, the TypeScript that parses for it, and the patterns: a cache written by other code
 * or for other patterns is never used.
 */
function fingerprintOf(patterns: PatternSet): string {
  codeFingerprint ??= codeHash();
  return createHash('sha1').update(codeFingerprint).update(ts.version).update(JSON.stringify(patterns)).digest('base64');
}

function codeHash(): string {
  if (typeof FLAGLENS_SOURCE_HASH === 'string') return FLAGLENS_SOURCE_HASH;
  // Run from source (tests, tsx): the sources. Bundled without the hash (esbuild.mjs --watch): the bundle.
  if (__filename.endsWith('.ts')) return hashSources(path.resolve(__dirname, '..'));
  return createHash('sha1').update(fs.readFileSync(__filename)).digest('base64');
}

/** The hash of the server's sources under `sourceRoot` (server/src), as esbuild.mjs computes it for the bundles. */
export function hashSources(sourceRoot: string): string {
  const hash = createHash('sha1');
  for (const entry of fs.readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' }).sort()) {
    if (entry.endsWith('.ts')) hash.update(entry).update(fs.readFileSync(path.join(sourceRoot, entry)));
  }
  return hash.digest('base64');
}

// The pass over the stamps of a restart runs in slices of this many milliseconds (about 2,000 files here).
const STAMP_SLICE_MS = 10;

/**
 * Fill `outcomes` from the cache for the files whose stamp is the one it recorded, without reading
 * them, and give the indexes of the others. The outcomes keep their stamps for the next run.
 */
export async function reuseUnchanged(files: readonly string[], cache: ScanCache, runStartedAt: number, maxFileSize: number, outcomes: FileOutcome[]): Promise<number[]> {
  const unread: number[] = [];
  const slice = new TimeSlice(STAMP_SLICE_MS);
  for (let index = 0; index < files.length; index++) {
    if (slice.due) await slice.pause();
    const now = currentStamp(files[index], runStartedAt);
    // A file now over the size limit is read, to be skipped and said so.
    const unchanged = now === undefined || now.size > maxFileSize ? undefined : cache.unchanged(files[index], now.stamp);
    if (now === undefined || unchanged === undefined) unread.push(index);
    else outcomes[index] = { ...unchanged, stamp: now.stamp };
  }
  return unread;
}
