// The flag checks of one workspace folder. Each file is scanned on its own and only the plain-data
// scan is kept; keys imported from other files are resolved on demand. Files that cannot hold a check
// are not parsed until another file's key leads to their exports, and the only syntax trees kept are
// those of open documents, to re-parse them incrementally on each keystroke.

import * as fs from 'node:fs';
import { ts } from 'ts-morph';
import type { FlagUsage } from '../analysis/describe';
import { resolveChecks, type ModuleHost } from '../analysis/resolve';
import { parseSource, scanFile, type FileScan } from '../analysis/scan';
import type { FlagCheck } from '../analysis/types';
import { camelCaseFromFlagKey } from '../analysis/keys';
import type { PatternSet } from '../patterns';
import { IgnoreRules, isSourceFile, listSourceFileCandidates, readSourceFileSync, toPosixPath, whySkipped } from './files';
import { scanPaths } from './scanFiles';

/** What a workspace index needs to know about its folder. */
export interface WorkspaceIndexOptions {
  patterns: PatternSet;
  /** Extra gitignore-style patterns, relative to the root (from `.flaglens.json`). */
  ignore: readonly string[];
  /** Files larger than this many bytes are not scanned. */
  maxFileSize: number;
  log(message: string): void;
}

/** One flag check and the file it is in. */
export interface FlagReference {
  file: string;
  check: FlagCheck;
}

/** The scans of every source file in one workspace folder, kept up to date file by file. */
export class WorkspaceIndex {
  readonly root: string;
  // `null`: a file without checks whose exports are read on first use (see `scanOf`).
  private readonly scans = new Map<string, FileScan | null>();
  // Open documents' syntax trees, updated in place of a full parse on each edit.
  private readonly trees = new Map<string, ts.SourceFile>();
  private readonly rules: IgnoreRules;
  // Resolution follows imports into other files, so any change may alter any file's checks:
  // both caches are dropped on every change, and rebuilt lazily (resolution is cheap).
  private resolvedChecks = new Map<string, FlagCheck[]>();
  private referencesByKey: Map<string, FlagReference[]> | undefined;
  private referencesByCamelCaseName: Map<string, FlagReference[]> | undefined;
  private readonly fileExistsCache = new Map<string, boolean>();
  private readonly host: ModuleHost = {
    fileExists: (file) => this.scans.has(file) || this.existsOnDisk(file),
  };

  constructor(root: string, private readonly options: WorkspaceIndexOptions) {
    this.root = toPosixPath(root).replace(/\/+$/, '');
    this.rules = new IgnoreRules(this.root, options.ignore);
  }

  /** Read and scan every source file of the folder, replacing whatever was indexed before. */
  async indexAll(progress?: (done: number, total: number) => void): Promise<void> {
    const files = await listSourceFileCandidates(this.root, this.options);
    const settings = { patterns: this.options.patterns, maxFileSize: this.options.maxFileSize };
    const outcomes = await scanPaths(files, settings, { progress: (done) => progress?.(done, files.length) });
    this.scans.clear();
    this.trees.clear();
    outcomes.forEach((outcome, index) => {
      if (outcome.kind === 'scanned') this.scans.set(files[index], outcome.scan);
      else if (outcome.kind === 'unparsed') this.scans.set(files[index], null);
      else if (!outcome.skip.quiet) this.options.log(`skipped ${this.rules.relative(files[index])}: ${outcome.skip.reason}`);
    });
    this.changed();
  }

  /** Re-scan one file from text the caller holds (an open document's edit). Callers check `includes` first. */
  setFileText(file: string, text: string): void {
    const key = toPosixPath(file);
    const previous = this.trees.get(key);
    const tree = previous === undefined ? parseSource(key, text) : updateTree(previous, text);
    this.trees.set(key, tree);
    this.scans.set(key, scanFile(key, text, this.options.patterns, tree));
    this.changed();
  }

  /** Forget a deleted file, or every file under a deleted directory. */
  deleteFile(file: string): void {
    const key = toPosixPath(file);
    const prefix = `${key}/`;
    for (const indexed of [...this.scans.keys()]) {
      if (indexed === key || indexed.startsWith(prefix)) {
        this.scans.delete(indexed);
        this.trees.delete(indexed);
      }
    }
    this.changed();
  }

  /** Re-read a file created or changed on disk; forget it when it is gone or no longer qualifies. */
  async refreshFile(file: string): Promise<void> {
    const key = toPosixPath(file);
    if (key.endsWith('/.gitignore')) this.rules.forget();
    const text = isSourceFile(key) && !this.rules.excludesPath(key) ? await this.readText(key) : undefined;
    // The document is closed or changed on disk: its tree no longer matches, and is no longer needed.
    this.trees.delete(key);
    if (text === undefined) this.scans.delete(key);
    else this.scans.set(key, scanFile(key, text, this.options.patterns));
    this.changed();
  }

  /** The flag checks in one file, keys resolved across files; empty when the file is not indexed. */
  checksIn(file: string): FlagCheck[] {
    const key = toPosixPath(file);
    const cached = this.resolvedChecks.get(key);
    if (cached !== undefined) return cached;
    const scan = this.scans.get(key);
    // An unparsed file holds no check.
    if (scan === undefined || scan === null) return [];
    const checks = resolveChecks(scan, (name) => this.scanOf(name), this.host);
    this.resolvedChecks.set(key, checks);
    return checks;
  }

  /** Every indexed file that has flag checks, with its checks, in path order. */
  allChecks(): Map<string, FlagCheck[]> {
    const result = new Map<string, FlagCheck[]>();
    for (const file of this.files()) {
      const checks = this.checksIn(file);
      if (checks.length > 0) result.set(file, checks);
    }
    return result;
  }

  /** Every resolved check of a flag key, including camelCased bag properties that name it. */
  references(key: string): FlagReference[] {
    if (this.referencesByKey === undefined || this.referencesByCamelCaseName === undefined) {
      this.buildReferenceMaps();
    }
    const byKey = this.referencesByKey?.get(key) ?? [];
    const byCamelCase = (this.referencesByCamelCaseName?.get(camelCaseFromFlagKey(key)) ?? [])
      .filter((reference) => reference.check.key !== key);
    if (byCamelCase.length === 0) return byKey;
    return [...byKey, ...byCamelCase].sort(compareReferences);
  }

  /** How many checks of a flag key the folder has, and in how many files. */
  usage(key: string): FlagUsage {
    const references = this.references(key);
    return { references: references.length, files: new Set(references.map((reference) => reference.file)).size };
  }

  /** Every indexed file, in path order. */
  files(): string[] {
    return [...this.scans.keys()].sort();
  }

  /** Would this path be indexed: a source file inside the folder, not ignored, not over the size limit. */
  includes(file: string): boolean {
    const key = toPosixPath(file);
    if (!isSourceFile(key) || this.rules.excludesPath(key)) return false;
    try {
      return fs.statSync(key).size <= this.options.maxFileSize;
    } catch {
      // A file not on disk yet (a new, unsaved document) qualifies by its path alone.
      return true;
    }
  }

  /** A file's scan, reading the exports of an unparsed file now that a key leads there. */
  private scanOf(file: string): FileScan | undefined {
    const scan = this.scans.get(file);
    if (scan !== null) return scan;
    const bytes = readSourceFileSync(file, this.options.maxFileSize);
    if (!Buffer.isBuffer(bytes)) return undefined;
    const read = scanFile(file, bytes.toString('utf8'), this.options.patterns);
    this.scans.set(file, read);
    return read;
  }

  private changed(): void {
    this.resolvedChecks = new Map();
    this.referencesByKey = undefined;
    this.referencesByCamelCaseName = undefined;
    this.fileExistsCache.clear();
  }

  private buildReferenceMaps(): void {
    const byKey = new Map<string, FlagReference[]>();
    const byCamelCaseName = new Map<string, FlagReference[]>();
    const add = (map: Map<string, FlagReference[]>, name: string, reference: FlagReference): void => {
      const list = map.get(name);
      if (list === undefined) map.set(name, [reference]);
      else list.push(reference);
    };
    for (const [file, checks] of this.allChecks()) {
      for (const check of checks) {
        if (!check.resolved) continue;
        add(byKey, check.key, { file, check });
        if (check.camelCaseName !== undefined) add(byCamelCaseName, check.camelCaseName, { file, check });
      }
    }
    this.referencesByKey = byKey;
    this.referencesByCamelCaseName = byCamelCaseName;
  }

  private existsOnDisk(file: string): boolean {
    let exists = this.fileExistsCache.get(file);
    if (exists === undefined) {
      exists = fs.existsSync(file);
      this.fileExistsCache.set(file, exists);
    }
    return exists;
  }

  // The text of a file worth scanning, or undefined (with one log line) when it is not.
  private async readText(file: string): Promise<string | undefined> {
    const skip = await whySkipped(file, this.options.maxFileSize);
    if (skip !== undefined) {
      if (!skip.quiet) this.options.log(`skipped ${this.rules.relative(file)}: ${skip.reason}`);
      return undefined;
    }
    return fs.promises.readFile(file, 'utf8').catch(() => undefined);
  }
}

/** The tree of `text`, re-parsing only what changed since `previous` (which must not be used afterwards). */
function updateTree(previous: ts.SourceFile, text: string): ts.SourceFile {
  const old = previous.text;
  const limit = Math.min(old.length, text.length);
  let start = 0;
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && old.charCodeAt(old.length - 1 - end) === text.charCodeAt(text.length - 1 - end)) end++;
  const span = { start, length: old.length - start - end };
  return ts.updateSourceFile(previous, text, { span, newLength: text.length - start - end });
}

function compareReferences(a: FlagReference, b: FlagReference): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.check.keySpan.start - b.check.keySpan.start;
}
