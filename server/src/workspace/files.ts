// Reading a workspace folder's files: source files by extension, skipping files over the size limit and
// binary files, with stamps that tell a changed file from an unchanged one. Ignore rules are in ignore.ts.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCANNED_EXTENSIONS } from '../analysis/extensions';

/** The file extensions FlagLens scans for flag checks: the ones the scanner can parse. */
export const SOURCE_EXTENSIONS: readonly string[] = SCANNED_EXTENSIONS;

const BINARY_SNIFF_BYTES = 8192;

/**
 * How a workspace file is opened for reading: with O_NONBLOCK, so that a named pipe where a source file,
 * a package.json or a .gitignore is expected reads as empty (or fails) instead of blocking the thread for
 * good. A regular file reads as ever; Windows has neither the flag nor such files.
 */
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** A workspace file's text, opened with READ_FLAGS; throws as `fs.readFileSync` does. */
export function readTextFileSync(file: string): string {
  const descriptor = fs.openSync(file, READ_FLAGS);
  try {
    return fs.readFileSync(descriptor, 'utf8');
  } finally {
    fs.closeSync(descriptor);
  }
}

/** A workspace file's text, or undefined when it cannot be read (gone, unreadable, a directory). */
export function readTextFileIfReadable(file: string): string | undefined {
  try {
    return readTextFileSync(file);
  } catch {
    return undefined;
  }
}

/** True for a path with one of the source extensions (declaration files excluded: they hold no checks). */
export function isSourceFile(filePath: string): boolean {
  if (/\.d\.[mc]?ts$/.test(filePath)) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(filePath));
}

/** Why a file is not scanned; `quiet` for reasons not worth a log line (gone, or not a regular file). */
export interface SkipReason {
  reason: string;
  quiet: boolean;
}

/** Why a file should not be scanned, or undefined when it should. Reads at most the first 8 KB. */
export async function whySkipped(file: string, maxFileSize: number): Promise<SkipReason | undefined> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    const stats = await fs.promises.stat(file);
    if (!stats.isFile()) return { reason: 'not a file', quiet: true };
    if (stats.size > maxFileSize) return { reason: sizeLimitReason(stats.size, maxFileSize), quiet: false };
    handle = await fs.promises.open(file, 'r');
    const buffer = Buffer.alloc(Math.min(BINARY_SNIFF_BYTES, stats.size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (buffer.subarray(0, bytesRead).includes(0)) return { reason: 'binary file (it contains NUL bytes)', quiet: false };
    return undefined;
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    return { reason: errorText(error), quiet: missing };
  } finally {
    await handle?.close();
  }
}

/** A file's bytes, or why it is not scanned: `whySkipped` and the read with one open. */
export function readSourceFileSync(file: string, maxFileSize: number): Buffer | SkipReason {
  const bytes = readSourceFileShared(file, maxFileSize);
  return Buffer.isBuffer(bytes) ? Buffer.from(bytes) : bytes;
}

// One buffer for every read of this thread: most files read for an index are looked at once and dropped.
let scratch = Buffer.alloc(0);

/**
 * As `readSourceFileSync`, but the bytes are a view of a buffer that the next call on this thread
 * overwrites: copy what is kept. Open, read to the end, close: no `fstat`, no allocation per file.
 * `opened` is given the descriptor before anything is read (for `fileStamp`).
 */
export function readSourceFileShared(file: string, maxFileSize: number, opened?: (descriptor: number) => void): Buffer | SkipReason {
  // One byte more than the limit tells a file over it from one exactly at it.
  if (scratch.length < maxFileSize + 1) scratch = Buffer.allocUnsafeSlow(maxFileSize + 1);
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, READ_FLAGS);
    opened?.(descriptor);
    let length = 0;
    for (;;) {
      const read = fs.readSync(descriptor, scratch, length, maxFileSize + 1 - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxFileSize) return { reason: sizeLimitReason(fs.fstatSync(descriptor).size, maxFileSize), quiet: false };
    }
    const content = scratch.subarray(0, length);
    if (content.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { reason: 'binary file (it contains NUL bytes)', quiet: false };
    return content;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'EISDIR') return { reason: 'not a file', quiet: true };
    return { reason: errorText(error), quiet: code === 'ENOENT' };
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
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

/** "2.3 MB is over the 1 MB limit (flaglens.maxFileSize)". */
export function sizeLimitReason(size: number, maxFileSize: number): string {
  return `${formatBytes(size)} is over the ${formatBytes(maxFileSize)} limit (flaglens.maxFileSize)`;
}

/** A byte count for people: "512 bytes", "120 KB", "2.3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}

function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A path with `/` separators, as the index keys files. */
export function toPosixPath(filePath: string): string {
  return path.sep === '/' ? filePath : filePath.split(path.sep).join('/');
}

/** An error's message, for a log line. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
