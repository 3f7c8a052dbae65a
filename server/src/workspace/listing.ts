// Listing a workspace folder's source files: one walk that applies the ignore rules (ignore.ts) and,
// when asked, checks each file's size and content (files.ts).

import * as fs from 'node:fs';
import { errorText, isSourceFile, toPosixPath, whySkipped } from './files';
import { IgnoreRules, isSkippedDirectory } from './ignore';
import { TimeSlice } from './timeSlice';

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
 * with one of `names` (`package.json`, or every name with the ending of `*.prisma`). Sizes and contents
 * are not checked, so the caller must check them (`whySkipped`) when it reads each file: that saves
 * opening every file twice.
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
  const rules = new IgnoreRules(toPosixPath(root), options.ignore, options.log);
  const candidates: string[] = [];
  const named = new Map<string, string[]>(names.map((name) => [name, []]));
  // A name written `*.prisma` collects every file whose name ends so.
  const suffixes = names.filter((name) => name.startsWith('*')).map((name) => name.slice(1));
  const suffixed = (name: string): string[] | undefined => {
    const suffix = suffixes.find((end) => name.endsWith(end));
    return suffix === undefined ? undefined : named.get(`*${suffix}`);
  };
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
        if (!(mayIgnore ? rules.excludesDirectory(entryPath) : isSkippedDirectory(entryPath))) directories.push(entryPath);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isSourceFile(entry.name) && !(mayIgnore && rules.excludesFile(entryPath))) {
        candidates.push(entryPath);
      } else {
        (named.get(entry.name) ?? (suffixes.length > 0 ? suffixed(entry.name) : undefined))?.push(entryPath);
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
