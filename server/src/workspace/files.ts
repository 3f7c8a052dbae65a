// Reading a workspace folder's files: source files by extension, skipping files over the size limit and
// binary files, with stamps that tell a changed file from an unchanged one. Ignore rules are in ignore.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { isScannedName } from '../analysis/extensions';
import { openRegularFile, overLimitReason, readBoundedSync, readBoundedTextSync, type ReadRefusal } from '../io/boundedRead';

const BINARY_SNIFF_BYTES = 8192;

// Minified or bundled code (a vendored library's build, a browser extension's bundles under `public/`) is no code a person
// writes or a clean-up should touch, and its lines of hundreds of KB cost the parser more than the rest of a workspace:
// 60 such files of 0.3-1 MB took minutes to index. Told by the line breaks of a large file's first 64 KB: fewer than 32
// means lines of 2,000 characters on average, which hand-written code does not have.
const MINIFIED_SNIFF_BYTES = 64 * 1024;
const MINIFIED_MAX_LINE_BREAKS = 32;
const LINE_FEED = 10;

/** Why a file whose first bytes are `head` is not read, by what they hold: binary, or minified. `head` may run past what is sniffed. */
function contentSkipReason(head: Buffer): SkipReason | undefined {
  if (head.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { reason: 'binary file (it contains NUL bytes)', quiet: false };
  if (head.length < MINIFIED_SNIFF_BYTES) return undefined;
  const sniffed = head.subarray(0, MINIFIED_SNIFF_BYTES);
  let breaks = 0;
  for (let at = sniffed.indexOf(LINE_FEED); at >= 0; at = sniffed.indexOf(LINE_FEED, at + 1)) if (++breaks >= MINIFIED_MAX_LINE_BREAKS) return undefined;
  return { reason: `minified or bundled code (${breaks} line breaks in its first 64 KB)`, quiet: false };
}

/**
 * The cap on files that configure a folder rather than hold its code: `.flaglens.json`, `.gitignore`,
 * `package.json`, `tsconfig.json`. Real ones are a few KB; 1 MB stops a link to /dev/zero or a
 * generated monster long before it costs memory.
 */
export const SETTINGS_FILE_LIMIT = 1024 * 1024;

/** A workspace file's text, or undefined when it is not a readable regular file of at most `limit` bytes (see io/boundedRead.ts). */
export function readTextFileIfReadable(file: string, limit: number): string | undefined {
  const read = readBoundedTextSync(file, limit);
  return 'text' in read ? read.text : undefined;
}

/** True for a path with one of the source extensions, or an Angular component's template (declaration files excluded: they hold no checks). */
export function isSourceFile(filePath: string): boolean {
  if (/\.d\.[mc]?ts$/.test(filePath)) return false;
  return isScannedName(filePath);
}

/** Why a file is not scanned; `quiet` for reasons not worth a log line (gone, or not a regular file). */
export interface SkipReason {
  reason: string;
  quiet: boolean;
}

/** Why a file should not be scanned, or undefined when it should. Reads at most the first 8 KB, or 64 KB of a larger file. */
export async function whySkipped(file: string, maxFileSize: number): Promise<SkipReason | undefined> {
  const opened = await openRegularFile(file);
  if ('refused' in opened) return skipReasonOf(opened.refused);
  const { handle, stats } = opened;
  try {
    if (stats.size > maxFileSize) return { reason: sizeLimitReason(stats.size, maxFileSize), quiet: false };
    const buffer = Buffer.alloc(Math.min(stats.size < MINIFIED_SNIFF_BYTES ? BINARY_SNIFF_BYTES : MINIFIED_SNIFF_BYTES, stats.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return contentSkipReason(buffer.subarray(0, bytesRead));
  } catch (error) {
    return { reason: errorText(error), quiet: false };
  } finally {
    await handle.close();
  }
}

/** A file's bytes, or why it is not scanned: `whySkipped` and the read with one open. */
export function readSourceFileSync(file: string, maxFileSize: number): Buffer | SkipReason {
  const bytes = readSourceFileShared(file, maxFileSize);
  return Buffer.isBuffer(bytes) ? Buffer.from(bytes) : bytes;
}

// One buffer for every read of this thread: most files read for an index are looked at once and dropped.
let scratch = Buffer.alloc(0);

function scratchOf(size: number): Buffer {
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size);
  return scratch;
}

/**
 * As `readSourceFileSync`, but the bytes are a view of a buffer that the next call on this thread
 * overwrites: copy what is kept. No allocation per file. `opened` is given the file's status before
 * anything is read (for `fileStamp`).
 */
export function readSourceFileShared(file: string, maxFileSize: number, opened?: (stats: fs.Stats) => void): Buffer | SkipReason {
  const read = readBoundedSync(file, maxFileSize, { limitName: MAX_FILE_SIZE_SETTING, scratch: scratchOf, opened, shortReadEnds: true });
  if ('refused' in read) return skipReasonOf(read.refused);
  return contentSkipReason(read.bytes) ?? read.bytes;
}

// A file that is gone, or not a file at all (a directory, a pipe, a device named like source), is not worth a log line.
function skipReasonOf(refusal: ReadRefusal): SkipReason {
  if (refusal.kind === 'not a regular file') return { reason: 'not a file', quiet: true };
  return { reason: refusal.reason, quiet: refusal.kind === 'missing' };
}

// A file changed this long before a run began has a stamp another change would alter: 2 s is the
// coarsest modification time of common file systems (FAT's), so a later write gets a later time.
const SETTLED_MS = 2000;

/**
 * What identifies a file's bytes without reading them, as git's index does: size, modification and
 * status-change times and inode. Undefined when the file changed too shortly before `runStartedAt`
 * (ms since the epoch), where a second change could leave the same stamp: such a file is read again.
 * Take it before reading, so that a change during the read alters the stamp, not only the bytes.
 */
export function fileStamp(stats: fs.Stats, runStartedAt: number): string | undefined {
  if (!stats.isFile() || Math.max(stats.mtimeMs, stats.ctimeMs) >= runStartedAt - SETTLED_MS) return undefined;
  return `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
}

/** The stamp a file has now (see `fileStamp`), or undefined when it is gone or not a regular file. */
export function currentStamp(file: string, runStartedAt: number): { stamp: string; size: number } | undefined {
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  const stamp = stats === undefined ? undefined : fileStamp(stats, runStartedAt);
  return stamp === undefined || stats === undefined ? undefined : { stamp, size: stats.size };
}

/** The setting that limits source files and open documents. */
export const MAX_FILE_SIZE_SETTING = 'flaglens.maxFileSize';

/** "2.3 MB is over the 1 MB limit (flaglens.maxFileSize)". */
export function sizeLimitReason(size: number, maxFileSize: number): string {
  return overLimitReason(size, maxFileSize, MAX_FILE_SIZE_SETTING);
}

/** A path with `/` separators, as the index keys files. */
export function toPosixPath(filePath: string): string {
  return path.sep === '/' ? filePath : filePath.split(path.sep).join('/');
}

/** An error's message, for a log line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
