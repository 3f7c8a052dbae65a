// Which files of a workspace folder FlagLens reads: source files by extension, minus .gitignored
// paths, dependencies, build output, files over the size limit and binary files.

import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { SCANNED_EXTENSIONS } from '../analysis/extensions';
import { TimeSlice } from './timeSlice';

/** The file extensions FlagLens scans for flag checks: the ones the scanner can parse. */
export const SOURCE_EXTENSIONS: readonly string[] = SCANNED_EXTENSIONS;

/** Directories never scanned, wherever they are. */
const ALWAYS_SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** Build output: skipped as directory names only, so a file named `build.ts` is still read. */
const BUILD_OUTPUT_DIRECTORIES = new Set(['out', 'dist', 'build', 'coverage', '.next']);

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

/** Dependencies and build output, skipped by name wherever they are. */
function isSkippedDirectoryName(name: string): boolean {
  return ALWAYS_SKIPPED_DIRECTORIES.has(name) || BUILD_OUTPUT_DIRECTORIES.has(name);
}

/** True for a path with one of the source extensions (declaration files excluded: they hold no checks). */
export function isSourceFile(filePath: string): boolean {
  if (/\.d\.[mc]?ts$/.test(filePath)) return false;
  return SOURCE_EXTENSIONS.includes(path.extname(filePath));
}

/** Options for listing a folder's source files. */
export interface ListOptions {
  /** Extra gitignore-style patterns, relative to the root (from `.flaglens.json`). */
  ignore: readonly string[];
  /** Files larger than this many bytes are skipped. */
  maxFileSize: number;
  log: (message: string) => void;
  /** How long the walk reads directories before it lets the event loop run (default WALK_SLICE_MS). */
  walkSliceMs?: number;
}

/** Every source file under `root` that FlagLens should scan: absolute POSIX paths, sorted. */
export async function listSourceFiles(root: string, options: ListOptions): Promise<string[]> {
  return (await walkFolder(root, options, true, [])).files;
}

/**
 * The source files under `root` by name and ignore rules only, and in the same walk every other file
 * with one of `names` (`package.json`). Sizes and contents are not checked, so the caller must check
 * them (`whySkipped`) when it reads each file: that saves opening every file twice.
 */
export async function listFolder(root: string, options: ListOptions, names: readonly string[]): Promise<{ files: string[]; named: Map<string, string[]> }> {
  return walkFolder(root, options, false, names);
}

// The walk reads directories synchronously, in slices of this many milliseconds between which the
// event loop runs: on convex-backend's 816 directories, `readdirSync` took 11-16 ms in all and the
// promise API 36-40 ms (a thread-pool round trip per directory). With the page cache dropped, reading
// one directory at a time costs more (that listing: 120-130 → 145-153 ms), but a folder being indexed
// was usually just checked out, built or edited.
const WALK_SLICE_MS = 10;

async function walkFolder(root: string, options: ListOptions, checkContent: boolean, names: readonly string[]): Promise<{ files: string[]; named: Map<string, string[]> }> {
  const rules = new IgnoreRules(toPosixPath(root), options.ignore);
  const candidates: string[] = [];
  const named = new Map<string, string[]>(names.map((name) => [name, []]));
  const directories = [toPosixPath(root)];
  const slice = new TimeSlice(options.walkSliceMs ?? WALK_SLICE_MS);
  for (let directory = directories.pop(); directory !== undefined; directory = directories.pop()) {
    if (slice.due) await slice.pause();
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      options.log(`skipped ${rules.relative(directory) || '.'}: ${errorText(error)}`);
      continue;
    }
    rules.noteGitignore(directory, entries.some((entry) => entry.name === '.gitignore'));
    const mayIgnore = rules.mayIgnoreIn(directory);
    for (const entry of entries) {
      const entryPath = `${directory}/${entry.name}`;
      // Symlinked directories are not followed: they can loop, and they usually point at dependencies.
      if (entry.isDirectory()) {
        if (!(mayIgnore ? rules.excludesDirectory(entryPath) : isSkippedDirectoryName(entry.name))) directories.push(entryPath);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isSourceFile(entry.name) && !(mayIgnore && rules.excludesFile(entryPath))) {
        candidates.push(entryPath);
      } else {
        named.get(entry.name)?.push(entryPath);
      }
    }
  }
  if (!checkContent) return { files: candidates.sort(), named };
  const found: string[] = [];
  const verdicts = await Promise.all(candidates.map((file) => whySkipped(file, options.maxFileSize)));
  candidates.forEach((file, index) => {
    const skip = verdicts[index];
    if (skip === undefined) found.push(file);
    else if (!skip.quiet) options.log(`skipped ${rules.relative(file)}: ${skip.reason}`);
  });
  return { files: found.sort(), named };
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

/**
 * The ignore rules of one folder: built-in directory names, `.flaglens.json`'s `ignore` patterns and
 * every `.gitignore` from the root down. `.gitignore` files are read once and cached until `forget()`.
 */
export class IgnoreRules {
  private readonly configured: Ignore | undefined;
  private readonly gitignores = new Map<string, GitignoreRules | undefined>();
  // Directory (relative) → the `.gitignore` rules that apply in it, shallowest first.
  private readonly chains = new Map<string, Array<{ base: string; rules: GitignoreRules }>>();

  constructor(private readonly root: string, patterns: readonly string[]) {
    this.configured = patterns.length === 0 ? undefined : ignore().add([...patterns]);
  }

  /** The path relative to the root, with `/`; empty for the root itself. */
  relative(absolutePath: string): string {
    const posixPath = toPosixPath(absolutePath);
    // The common case, a normalised path inside the root, without the cost of `path.relative`.
    if (posixPath.startsWith(this.root) && posixPath[this.root.length] === '/' && !/\/\.{0,2}(\/|$)/.test(posixPath.slice(this.root.length))) {
      return posixPath.slice(this.root.length + 1);
    }
    return path.posix.relative(this.root, posixPath);
  }

  /** True when the directory (absolute path) and everything in it is skipped. */
  excludesDirectory(directory: string): boolean {
    return isSkippedDirectoryName(path.posix.basename(directory)) || this.ignores(directory, true);
  }

  /** True when the file (absolute path) is ignored by itself; its directories are not checked. */
  excludesFile(file: string): boolean {
    return this.ignores(file, false);
  }

  /**
   * False when no ignore pattern can apply to an entry of the directory (absolute path): no configured
   * patterns and no `.gitignore` there or above, as in most folders; a listing then skips the tests.
   */
  mayIgnoreIn(directory: string): boolean {
    if (this.configured !== undefined) return true;
    return this.gitignoreChain(this.relative(directory)).length > 0;
  }

  /** True when the file (absolute path) is outside the root, or it or any directory above it is skipped. */
  excludesPath(file: string): boolean {
    const relative = this.relative(file);
    if (relative === '' || relative.startsWith('../') || path.posix.isAbsolute(relative)) return true;
    const parts = relative.split('/');
    for (let depth = 1; depth < parts.length; depth++) {
      if (this.excludesDirectory(`${this.root}/${parts.slice(0, depth).join('/')}`)) return true;
    }
    return this.excludesFile(file);
  }

  /**
   * Tell the rules whether a directory (absolute path) has a `.gitignore`, as a listing of it shows:
   * where it has none, none is looked for (a failed open per directory costs more than the listing).
   */
  noteGitignore(directory: string, present: boolean): void {
    const relativeDirectory = this.relative(directory);
    if (!present && !this.gitignores.has(relativeDirectory)) this.gitignores.set(relativeDirectory, undefined);
  }

  /** Drop cached `.gitignore` contents, after one was created, changed or deleted. */
  forget(): void {
    this.gitignores.clear();
    this.chains.clear();
  }

  private ignores(absolutePath: string, isDirectory: boolean): boolean {
    const relative = this.relative(absolutePath);
    const suffix = isDirectory ? '/' : '';
    if (this.configured?.ignores(relative + suffix) === true) return true;
    // Like git, a deeper .gitignore overrides a shallower one, including by re-including with `!`.
    let ignored = false;
    const slash = relative.lastIndexOf('/');
    for (const { base, rules } of this.gitignoreChain(slash < 0 ? '' : relative.slice(0, slash))) {
      const result = rules.test(base === '' ? relative : relative.slice(base.length + 1), isDirectory);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private gitignoreChain(relativeDirectory: string): Array<{ base: string; rules: GitignoreRules }> {
    let chain = this.chains.get(relativeDirectory);
    if (chain === undefined) {
      const slash = relativeDirectory.lastIndexOf('/');
      const parent = relativeDirectory === '' ? [] : this.gitignoreChain(slash < 0 ? '' : relativeDirectory.slice(0, slash));
      const own = this.gitignoreIn(relativeDirectory);
      chain = own === undefined ? parent : [...parent, { base: relativeDirectory, rules: own }];
      this.chains.set(relativeDirectory, chain);
    }
    return chain;
  }

  private gitignoreIn(relativeDirectory: string): GitignoreRules | undefined {
    if (this.gitignores.has(relativeDirectory)) return this.gitignores.get(relativeDirectory);
    const file = relativeDirectory === '' ? `${this.root}/.gitignore` : `${this.root}/${relativeDirectory}/.gitignore`;
    let rules: GitignoreRules | undefined;
    try {
      rules = new GitignoreRules(readTextFileSync(file));
    } catch {
      rules = undefined;
    }
    this.gitignores.set(relativeDirectory, rules);
    return rules;
  }
}

// A `.gitignore` line that names files or directories by a name alone: letters, digits, `.`, `_`, `-`
// and `*`, maybe with a leading `/` (in this directory only) or a trailing `/` (directories only).
const NAME_RULE = /^(\/?)([\w.*-]+)(\/?)$/;

/**
 * The rules of one `.gitignore`, as the `ignore` package reads them, but faster on the lines most
 * files are made of. A file without `!` lines ignores a path when any line matches it; lines that are
 * a name alone (`node_modules`, `*.log`, `/build`, `dist/`) are then tested as one regular expression
 * of the path's last name, and only the other lines by the package. Like the package, this tests a
 * path without asking whether a directory above it is ignored: a listing never goes into an ignored
 * directory, and `excludesPath` tests each directory first. On convex-backend (110 `.gitignore` files),
 * the tests took about 50 of the listing's 75 ms with the package alone.
 */
export class GitignoreRules {
  private readonly whole: Ignore | undefined;
  private readonly others: Ignore | undefined;
  // The name rules, by what they match: any entry or directories only; anywhere or here only.
  private readonly names: { anywhere?: RegExp; anywhereDirectory?: RegExp; here?: RegExp; hereDirectory?: RegExp } = {};

  constructor(text: string) {
    const lines = text.split(/\r?\n/);
    if (lines.some((line) => line.startsWith('!'))) {
      // Negations depend on the order of every line: the package reads them all.
      this.whole = ignore().add(text);
      return;
    }
    const sources = { anywhere: [] as string[], anywhereDirectory: [] as string[], here: [] as string[], hereDirectory: [] as string[] };
    const others: string[] = [];
    for (const line of lines) {
      const rule = NAME_RULE.exec(line);
      // `**` and names of dots alone keep the package's special readings.
      if (rule === null || rule[2].includes('**') || /^\.+$/.test(rule[2])) {
        others.push(line);
        continue;
      }
      const source = rule[2].replace(/\./g, '\\.').replace(/\*/g, '[^/]*');
      const group = rule[1] === '/' ? (rule[3] === '/' ? 'hereDirectory' : 'here') : (rule[3] === '/' ? 'anywhereDirectory' : 'anywhere');
      sources[group].push(source);
    }
    for (const group of ['anywhere', 'anywhereDirectory', 'here', 'hereDirectory'] as const) {
      // Case-insensitive, as the package matches by default.
      if (sources[group].length > 0) this.names[group] = new RegExp(`^(?:${sources[group].join('|')})$`, 'i');
    }
    this.others = others.some((line) => line.trim() !== '' && !line.startsWith('#')) ? ignore().add(others) : undefined;
  }

  /** Whether the path (relative to the `.gitignore`'s directory, `/`-separated) is ignored, or re-included by a `!` line. */
  test(relative: string, isDirectory: boolean): { ignored: boolean; unignored: boolean } {
    if (this.whole !== undefined) {
      const { ignored, unignored } = this.whole.test(isDirectory ? `${relative}/` : relative);
      return { ignored, unignored };
    }
    const slash = relative.lastIndexOf('/');
    const name = slash < 0 ? relative : relative.slice(slash + 1);
    const { anywhere, anywhereDirectory, here, hereDirectory } = this.names;
    const ignored = anywhere?.test(name) === true
      || (isDirectory && anywhereDirectory?.test(name) === true)
      || (slash < 0 && (here?.test(name) === true || (isDirectory && hereDirectory?.test(name) === true)))
      || this.others?.ignores(isDirectory ? `${relative}/` : relative) === true;
    return { ignored, unignored: false };
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
