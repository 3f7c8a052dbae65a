// The scans of parsed files, kept on disk between runs under the hash of each file's bytes, so that a
// restart re-parses only the files that changed. An entry is used only when its file's bytes hash the
// same, and the whole cache only when it was written by this very scanner code with these patterns.

import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import type { FileScan } from '../analysis/scan';
import type { PatternSet } from '../patterns';

/** Bumped when the file's layout changes. */
const FORMAT = 1;

interface CacheFile {
  format: number;
  /** The scanner code and the patterns the scans were made with. */
  fingerprint: string;
  entries: Record<string, { hash: string; scan: FileScan }>;
}

/** Scans by path and content hash, read from and written to one JSON file. */
export class ScanCache {
  private entries = new Map<string, { hash: string; scan: FileScan }>();
  private changed = false;

  private constructor(private readonly file: string, private readonly fingerprint: string) {}

  /** The cache in `file`; empty when there is none, it cannot be read, or another scanner or pattern set wrote it. */
  static load(file: string, patterns: PatternSet): ScanCache {
    const cache = new ScanCache(file, fingerprintOf(patterns));
    try {
      const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
      if (stored.format === FORMAT && stored.fingerprint === cache.fingerprint && typeof stored.entries === 'object' && stored.entries !== null) {
        cache.entries = new Map(Object.entries(stored.entries));
      }
    } catch {
      // No cache yet, or an unreadable one: every file is parsed, and the cache written anew.
    }
    return cache;
  }

  /** How many scans the cache holds. */
  get size(): number {
    return this.entries.size;
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

  /** Keep a scan of `file`, whose bytes hash to `hash`. */
  set(file: string, hash: string, scan: FileScan): void {
    const entry = this.entries.get(file);
    if (entry?.hash === hash) return;
    this.entries.set(file, { hash, scan });
    this.changed = true;
  }

  /** Keep only the entries of these files (the others were deleted or no longer need parsing). */
  retain(files: ReadonlySet<string>): void {
    for (const file of this.entries.keys()) {
      if (!files.has(file)) {
        this.entries.delete(file);
        this.changed = true;
      }
    }
  }

  /** Write the cache when it changed; a failure only costs the next start its head start. */
  async save(): Promise<string | undefined> {
    if (!this.changed) return undefined;
    const stored: CacheFile = { format: FORMAT, fingerprint: this.fingerprint, entries: Object.fromEntries(this.entries) };
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
