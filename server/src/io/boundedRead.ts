// The one way FlagLens reads a file: source files, open documents' files on disk, `.flaglens.json`,
// `.gitignore`, `package.json`, the registry, flag files and its own caches. A path is someone else's
// to choose (a repository can make `package.json` a link to /dev/zero or a named pipe), so the reader
// opens without blocking, looks at what it opened, reads regular files only, and never more than a
// limit, saying why in words a person can act on.

import * as fs from 'node:fs';

/**
 * Open flags: O_NONBLOCK, so that opening a named pipe returns at once instead of waiting for a
 * writer, and O_NOCTTY, so that a terminal never becomes the process's. Links are followed: what
 * counts is what the descriptor turns out to be. Windows has neither flag nor such files.
 */
export const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** Why a file was not read. `missing`: there is nothing at the path (or a link leads nowhere). */
export interface ReadRefusal {
  kind: 'missing' | 'not a regular file' | 'too large' | 'unreadable';
  /** For people, without the file's name: "not a regular file (a named pipe)", "12 MB is over the 1 MB limit". */
  reason: string;
}

/** The bytes of a regular file, or why it was not read. */
export type BoundedRead = { bytes: Buffer } | { refused: ReadRefusal };

/** How `readBoundedSync` reads, besides the limit. */
export interface BoundedReadOptions {
  /** Named after the limit in the message, e.g. `flaglens.maxFileSize`. */
  limitName?: string;
  /** A buffer of at least `limit + 1` bytes to read into instead of a new one; the bytes are then a view of it. */
  scratch?: (size: number) => Buffer;
  /** Told the descriptor's status once it is known to be a regular file within the limit, before the read. */
  opened?: (stats: fs.Stats) => void;
  /**
   * A read that gives fewer bytes than asked ends the file, as it does a regular file's, instead of a second read
   * that gives nothing: one call fewer per file, a fifth of the reading of a folder's first index. Then a pipe
   * whose writer is still writing is read as what it wrote so far, and a file under /proc as its first page;
   * for a scan, which writes nothing back, such a file is read as what it holds for a moment.
   */
  shortReadEnds?: boolean;
}

/**
 * A regular file's bytes, at most `limit` of them: a named pipe, a device, a directory or a socket is
 * refused (before any read when `opened` asks for the status, else once the read gives nothing, fails or
 * has no end), and a file over the limit after reading `limit + 1` bytes (it may grow, or be a file whose
 * size the system does not know). Never throws, never blocks on a pipe or device. Without `opened`, a pipe
 * whose writer was waiting for a reader, and writes and closes at once, is read as a file of what it wrote.
 */
export function readBoundedSync(file: string, limit: number, options: BoundedReadOptions = {}): BoundedRead {
  let descriptor: number | undefined;
  let stats: fs.Stats | undefined;
  // What the descriptor is, when it is not a regular file. Looked at before the read only when the status is
  // asked for (`opened`); otherwise only when the read says something is off (nothing read, past the limit, an
  // error), which is where anything but a regular file ends up: a pipe gives nothing or EAGAIN, a directory
  // EISDIR, a device nothing or no end. That spares an `fstat` per file of a folder's first index.
  const notRegularFile = (): ReadRefusal | undefined => {
    try {
      stats ??= descriptor === undefined ? undefined : fs.fstatSync(descriptor);
    } catch {
      return undefined;
    }
    return stats === undefined || stats.isFile() ? undefined : notRegular(stats);
  };
  try {
    descriptor = fs.openSync(file, READ_FLAGS);
    if (options.opened !== undefined) {
      const refusal = notRegularFile();
      if (refusal !== undefined) return { refused: refusal };
      if (stats !== undefined && stats.size > limit) return { refused: overLimit(stats.size, limit, options.limitName) };
      if (stats !== undefined) options.opened(stats);
    }
    // One byte more than the limit tells a file over it from one exactly at it.
    let buffer = options.scratch?.(limit + 1) ?? Buffer.allocUnsafe(Math.min(stats?.size ?? 64 * 1024, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        // The file grew, or reported no size (as files under /proc do): read on, up to one byte past the limit.
        const grown = Buffer.allocUnsafe(Math.min(Math.max(buffer.length * 2, 64 * 1024), limit + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const asked = Math.min(buffer.length, limit + 1) - length;
      const read = fs.readSync(descriptor, buffer, length, asked, null);
      if (read === 0) break;
      length += read;
      if (options.shortReadEnds === true && read < asked) break;
      if (length > limit) {
        // The size the system reports, when it says so too (files under /proc report none).
        return { refused: notRegularFile() ?? overLimit(stats !== undefined && stats.size > limit ? stats.size : undefined, limit, options.limitName) };
      }
    }
    const refusal = length === 0 ? notRegularFile() : undefined;
    return refusal === undefined ? { bytes: buffer.subarray(0, length) } : { refused: refusal };
  } catch (error) {
    const refusal = refusalOf(error);
    return { refused: refusal.kind === 'missing' ? refusal : notRegularFile() ?? refusal };
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

/** A regular file's UTF-8 text, at most `limit` bytes of it, or why it was not read (see `readBoundedSync`). */
export function readBoundedTextSync(file: string, limit: number, limitName?: string): { text: string } | { refused: ReadRefusal } {
  const read = readBoundedSync(file, limit, { limitName });
  return 'refused' in read ? read : { text: read.bytes.toString('utf8') };
}

/** As `readBoundedSync`'s first step, without the read: a handle on a regular file, or why not. Closing it is the caller's. */
export async function openRegularFile(file: string): Promise<{ handle: fs.promises.FileHandle; stats: fs.Stats } | { refused: ReadRefusal }> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, READ_FLAGS);
    const stats = await handle.stat();
    if (stats.isFile()) return { handle, stats };
    await handle.close();
    return { refused: notRegular(stats) };
  } catch (error) {
    await handle?.close().catch(() => undefined);
    return { refused: refusalOf(error) };
  }
}

/** "12 MB is over the 1 MB limit (flaglens.maxFileSize)"; without a size: "it is over …". */
export function overLimitReason(size: number | undefined, limit: number, limitName?: string): string {
  return `${size === undefined ? 'it is' : `${formatBytes(size)} is`} over the ${formatBytes(limit)} limit${limitName === undefined ? '' : ` (${limitName})`}`;
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

function overLimit(size: number | undefined, limit: number, limitName: string | undefined): ReadRefusal {
  return { kind: 'too large', reason: overLimitReason(size, limit, limitName) };
}

function notRegular(stats: fs.Stats): ReadRefusal {
  const what = stats.isDirectory() ? 'a directory'
    : stats.isFIFO() ? 'a named pipe'
      : stats.isCharacterDevice() ? 'a character device'
        : stats.isBlockDevice() ? 'a block device'
          : stats.isSocket() ? 'a socket'
            : 'something else';
  return { kind: 'not a regular file', reason: `not a regular file (${what})` };
}

function refusalOf(error: unknown): ReadRefusal {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', reason: 'it does not exist' };
  if (code === 'EISDIR') return { kind: 'not a regular file', reason: 'not a regular file (a directory)' };
  // Opening a socket fails with ENXIO; say what it is rather than the system's words.
  if (code === 'ENXIO') return { kind: 'not a regular file', reason: 'not a regular file (a socket or a device with nothing behind it)' };
  if (code === 'ELOOP') return { kind: 'unreadable', reason: 'it is a loop of links' };
  return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
}
