// The flag checks of one workspace folder. Each file is scanned on its own and only the plain-data
// scan is kept; keys imported from other files are resolved on demand. Files that cannot hold a check
// are not parsed until another file's key leads to their exports, and the only syntax trees kept are
// those of open documents, to re-parse them incrementally on each keystroke.

import * as fs from 'node:fs';
import { posix } from 'node:path';
import type { FlagUsage } from '../analysis/describe';
import { resolveChecks, type ModuleHost } from '../analysis/resolve';
import { scanDocument, scanFile, type DocumentScan, type FileScan } from '../analysis/scan';
import { callsFlagFunction, exportedFlagFunctionNames, flagFunctionNamesOf, withFlagFunctionNames, withReexportedNames } from '../analysis/scan/flagFunctions';
import { environmentSwitchesOf, mentionsEnvironmentSwitch, withEnvironmentSwitches } from '../analysis/scan/environmentSwitches';
import type { FlagCheck } from '../analysis/types';
import { camelCaseFromFlagKey } from '../analysis/keys';
import { keysAsWrittenFolders, type Discovery, type SourceText } from '../analysis/discover';
import { withKeyAsWritten } from '../analysis/bags';
import type { PatternSet } from '../analysis/patterns';
import { isSourceFile, readSourceFileSync, readTextFileIfReadable, toPosixPath } from './files';
import { IgnoreRules } from './ignore';
import { inferenceInputs, inferenceOf, inferFrom, keptInference, type Inference, type InferRequest } from './inference';
import { InferenceThread } from './inferThread';
import { listFolder } from './listing';
import { emptyPackageTable, packageDirOf, type PackageTable } from '../analysis/packages';
import { PACKAGE_TABLE_FILES, readPackageTable, withPackageResolution } from './packages';
import { reuseUnchanged, ScanCache } from './scanCache';
import { scanPaths, type FileOutcome } from './scanFiles';

/** What a workspace index needs to know about its folder. */
export interface WorkspaceIndexOptions {
  patterns: PatternSet;
  /** Extra gitignore-style patterns, relative to the root (from `.flaglens.json`). */
  ignore: readonly string[];
  /** Files larger than this many bytes are not scanned. */
  maxFileSize: number;
  log(message: string): void;
  /** A file to keep parsed files' scans and every file's stamp in between runs (see `ScanCache`); none when absent. */
  cacheFile?: string;
  /** The time, ms since the epoch (tests move it on: a file changed shortly before a run is always read). */
  now?: () => number;
  /** Keep each file's text as `indexAll` read it (see `textOf`): a clean-up reads each file once. */
  keepTexts?: boolean;
  /**
   * Infer the team's wrappers, bag functions and registry anchors from the code and scan with them too (a
   * folder without `.flaglens.json`); see `inferred`.
   */
  infer?: boolean;
  /**
   * Infer in a thread of its own, so that this one stays free to answer requests meanwhile (the language
   * server); it costs the thread's start and a copy of every text, so the CLI infers in its own thread.
   */
  inferenceThread?: boolean;
  /** The folders whose LaunchDarkly bags name flags as written (`keysAsWritten` in `.flaglens.json`), relative to the root. */
  keysAsWritten?: readonly string[];
}

// Passes over the files that mention a flag function: the exported names, then those barrels re-export them under and
// the helpers that give back a call of a helper found in the pass before.
const FLAG_FUNCTION_ROUNDS = 5;

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
  // Open documents' scans, which an edit inside one statement updates without a full parse or walk.
  private readonly documents = new Map<string, DocumentScan>();
  private readonly rules: IgnoreRules;
  // Resolution follows imports into other files: a change drops the resolved checks of the changed file
  // and of every file whose resolution read it or looked for it, and the reference maps; all are rebuilt lazily.
  private resolvedChecks = new Map<string, FlagCheck[]>();
  // File → the files whose resolution read its scan or asked whether it exists.
  private readonly dependents = new Map<string, Set<string>>();
  // The file `checksIn` is resolving, whose dependencies are being recorded.
  private resolving: string | undefined;
  // `files()`, kept while no file is added or removed: sorting a large folder's paths costs milliseconds.
  private sortedFiles: string[] | undefined;
  private referencesByKey: Map<string, FlagReference[]> | undefined;
  private referencesByCamelCaseName: Map<string, FlagReference[]> | undefined;
  private readonly fileExistsCache = new Map<string, boolean>();
  // With `keepTexts`: each file's text as `indexAll` read it.
  private readonly texts = new Map<string, string>();
  // Workspace packages and tsconfig aliases, for imports by package name; read again by `indexAll`.
  private packages: PackageTable;
  // The configured patterns, as files are scanned before anything is inferred (helpers of one flag only with `infer`).
  private readonly basePatterns: PatternSet;
  // The patterns files are scanned with: the configured ones, plus what `indexAll` inferred with `infer`.
  private scanPatterns: PatternSet;
  private inferredFrom: Discovery | undefined;
  // Inferred: the packages whose LaunchDarkly provider names flags as written (`useCamelCaseFlagKeys: false`).
  private keysAsWritten: readonly string[] = [];
  private readonly host: ModuleHost = withPackageResolution({
    fileExists: (file) => {
      this.dependOn(file);
      return this.scans.has(file) || this.existsOnDisk(file);
    },
  }, () => this.packages);

  constructor(root: string, private readonly options: WorkspaceIndexOptions) {
    this.root = toPosixPath(root).replace(/\/+$/, '');
    this.rules = new IgnoreRules(this.root, options.ignore);
    this.packages = emptyPackageTable(this.root);
    this.basePatterns = options.infer === true ? options.patterns : { ...options.patterns, oneFlagHelpers: false };
    this.scanPatterns = this.basePatterns;
  }

  /** The patterns files are scanned with: the configured ones, and with `infer`, those inferred. */
  get patterns(): PatternSet {
    return this.scanPatterns;
  }

  /** What the last `indexAll` inferred (with `infer`): wrappers, bag functions, registry, each with its evidence. */
  get inferred(): Discovery | undefined {
    return this.inferredFrom;
  }

  /** Source files (and open documents) larger than this many bytes are not scanned. */
  get maxFileSize(): number {
    return this.options.maxFileSize;
  }

  /** Read and scan every source file of the folder, replacing whatever was indexed before. */
  async indexAll(progress?: (done: number, total: number) => void): Promise<void> {
    const runStartedAt = (this.options.now ?? Date.now)();
    const infer = this.options.infer === true;
    const cache = this.options.cacheFile === undefined ? undefined : ScanCache.load(this.options.cacheFile, this.basePatterns);
    // Started now, unless the cache may spare inference, so that the thread has loaded its code once the texts are read.
    const inThread = infer && this.options.inferenceThread === true;
    let thread = inThread && cache?.keepsInference !== true ? InferenceThread.start(this.options.log) : undefined;
    try {
      const { files, named } = await listFolder(this.root, this.options, PACKAGE_TABLE_FILES);
      const packages = readPackageTable(this.root, named, this.options.log, files);
      const outcomes = new Array<FileOutcome>(files.length);
      const unread = cache?.hasStamps === true ? await reuseUnchanged(files, cache, runStartedAt, this.options.maxFileSize, outcomes) : files.map((_, index) => index);
      const reused = files.length - unread.length;
      if (reused > 0) progress?.(reused, files.length);
      // Stamps cost an `fstat` per file and a larger cache: not on a first run (20,004 files: 60-120 ms),
      // whose files the next run reads anyway to check their hashes.
      const settings = { patterns: this.basePatterns, maxFileSize: this.options.maxFileSize, cachedHashes: cache?.hashes(), runStartedAt: cache?.fromDisk === true ? runStartedAt : undefined, keepTexts: this.options.keepTexts === true || infer };
      const read = await scanPaths(unread.map((index) => files[index]), settings, { progress: (done) => progress?.(reused + done, files.length), cache, log: this.options.log });
      read.forEach((outcome, at) => (outcomes[unread[at]] = outcome));
      let inference: Inference | undefined;
      if (infer) {
        // Inference reads every file's text, unless the cache kept what it found from files all as they are now.
        inference = cache === undefined ? undefined : keptInference(cache, files, outcomes, packages, this.basePatterns);
        if (inference === undefined && reused > 0) {
          const texts = files.flatMap((_, index) => (outcomes[index].kind !== 'skipped' && outcomes[index].text === undefined ? [index] : []));
          // Their scans come from the cache, by the hash of their bytes.
          const again = await scanPaths(texts.map((index) => files[index]), settings, { cache, log: this.options.log });
          again.forEach((outcome, at) => (outcomes[texts[at]] = outcome));
        }
        // The index is replaced only once inference is done: until then, requests see it as it was.
        inference ??= await this.infer(files, outcomes, packages, inThread ? thread ??= InferenceThread.start(this.options.log) : undefined);
        const inputs = inferenceInputs(files, outcomes, packages);
        cache?.recordInferred(inputs === undefined || inference === undefined ? undefined : { inputs, discovery: inference.discovery, scans: Object.fromEntries(inference.scans) });
      }
      thread?.stop();
      thread = undefined;
      this.replaceWith(files, outcomes, packages, inference);
      // The cache keeps the scans made with the configured patterns, whatever is inferred from them.
      if (cache !== undefined) {
        cache.record(files, outcomes);
        const problem = await cache.save();
        if (problem !== undefined) this.options.log(`could not write the index cache ${this.options.cacheFile}: ${problem}`);
      }
    } finally {
      thread?.stop();
    }
  }

  /** Index what `indexAll` read, scanned with what was inferred. */
  private replaceWith(files: readonly string[], outcomes: readonly FileOutcome[], packages: PackageTable, inference: Inference | undefined): void {
    this.packages = packages;
    this.scanPatterns = inference?.patterns ?? this.basePatterns;
    this.inferredFrom = inference?.discovery;
    this.keysAsWritten = inference === undefined
      ? (this.options.keysAsWritten ?? []).map((folder) => (folder === '.' ? this.root : posix.join(this.root, folder)))
      : keysAsWrittenFolders(this.root, inference.discovery.providers ?? [], (file) => packageDirOf(file, packages));
    this.scans.clear();
    this.documents.clear();
    this.texts.clear();
    outcomes.forEach((outcome, index) => {
      // Calls of flag functions are looked for in the texts just read; only a clean-up keeps them after.
      if (outcome.kind !== 'skipped' && outcome.text !== undefined) this.texts.set(files[index], outcome.text);
      if (outcome.kind === 'scanned') this.scans.set(files[index], outcome.scan);
      else if (outcome.kind === 'unparsed') this.scans.set(files[index], null);
      else if (!outcome.skip.quiet) this.options.log(`skipped ${this.rules.relative(files[index])}: ${outcome.skip.reason}`);
    });
    for (const [file, scan] of inference?.scans ?? []) this.scans.set(file, scan);
    this.scanFlagFunctionCalls();
    if (this.options.keepTexts !== true) this.texts.clear();
    this.changed();
  }

  /**
   * Zero-config: discovers the folder's wrappers, bag functions and registry anchors from the texts just read
   * (the scans made with the presets are reused), in `thread` when there is one; undefined when discovery failed.
   */
  private async infer(files: readonly string[], outcomes: readonly FileOutcome[], packages: PackageTable, thread: InferenceThread | undefined): Promise<Inference | undefined> {
    const sources: SourceText[] = [];
    const request: InferRequest = { root: this.root, base: this.basePatterns, scans: [], indexed: [], packages };
    outcomes.forEach((outcome, index) => {
      if (outcome.kind === 'skipped') return;
      request.indexed.push(files[index]);
      if (outcome.text !== undefined) sources.push({ file: files[index], text: outcome.text });
      if (outcome.kind === 'scanned') request.scans.push([files[index], outcome.scan]);
    });
    const couldNot = (message: string): undefined => {
      this.options.log(`could not infer wrappers and registry from the code: ${message}`);
      return undefined;
    };
    const answer = thread === undefined ? undefined : await thread.infer(sources, request);
    if (answer?.kind === 'failed') return couldNot(answer.message);
    if (answer !== undefined) return inferenceOf(this.basePatterns, answer);
    if (thread !== undefined) this.options.log(`the inference thread stopped (${thread.stopped ?? 'no answer'}); inferring in the index's thread`);
    // One file that breaks discovery (nesting past what a walk can hold, a bug) leaves the folder scanned with the presets.
    try {
      return inferenceOf(this.basePatterns, inferFrom(sources, request));
    } catch (error) {
      return couldNot(error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * Vercel Flags: when files export flag functions (`export const showBanner = flag({...})`), scans again, whole and
   * with those names known, the files that mention one, whose calls (`await showBanner()`) hold no flag-call name the
   * first pass looks for; then again for names a barrel re-exports them under. Environment switches likewise: the files
   * that name one are scanned again for its reads. Nothing to do, and no file read, in a folder without either.
   */
  private scanFlagFunctionCalls(): void {
    // A stored check's imported key (`FEATURE_X: featureEnabled(FeatureEnum.FEATURE_X)`) is resolved as its own file's
    // checks are, each declaring file once.
    const resolvedIn = new Map<string, FlagCheck[]>();
    const switches = environmentSwitchesOf(this.scans.entries(), (file, start) => {
      let checks = resolvedIn.get(file);
      if (checks === undefined) {
        const scan = this.scans.get(file);
        checks = scan === undefined || scan === null ? [] : resolveChecks(scan, (name) => this.scanOf(name), this.host);
        resolvedIn.set(file, checks);
      }
      const check = checks.find((resolved) => resolved.callSpan.start === start);
      return check?.resolved === true ? check.key : undefined;
    });
    this.scanPatterns = withEnvironmentSwitches(this.scanPatterns, switches);
    let names: readonly string[] = exportedFlagFunctionNames(this.scans.values());
    for (let round = 0; (names.length > 0 || (round === 0 && switches.length > 0)) && round < FLAG_FUNCTION_ROUNDS; round++) {
      if (names.length > 0) this.scanPatterns = withFlagFunctionNames(this.scanPatterns, names);
      const rescanned: FileScan[] = [];
      for (const file of [...this.scans.keys()]) {
        const document = this.documents.get(file);
        const text = document?.text ?? this.texts.get(file) ?? readTextFileIfReadable(file, this.options.maxFileSize);
        // A file that names a flag function only where it declares it (a helper no other line calls) has all it had.
        if (text === undefined || !(mentionsEnvironmentSwitch(text, this.scanPatterns) || callsFlagFunction(text, this.scanPatterns, this.scans.get(file)?.flagFunctions))) continue;
        // An open document keeps its text and its tree; it is scanned whole (see scanDocument).
        if (document !== undefined) this.documents.set(file, scanDocument(file, text, this.scanPatterns, document));
        const scan = document === undefined ? this.scanText(file, text) : (this.documents.get(file) as DocumentScan).scan;
        this.scans.set(file, scan);
        rescanned.push(scan);
      }
      // A file scanned again may declare a helper of a helper it now sees called (`useXEnabled = () => useXFlag() === on`).
      const declared = exportedFlagFunctionNames(rescanned).filter((name) => !names.includes(name));
      const more = withReexportedNames(declared.length === 0 ? names : [...names, ...declared].sort(), rescanned);
      if (more === names) break;
      names = more;
    }
  }

  /** A file changed to export a flag function or declare a switch no file was scanned for: the files that mention it are scanned again. */
  private followNewFlagFunctions(file: string): void {
    const scan = this.scans.get(file);
    const known = new Set(this.scanPatterns.flagFunctionNames ?? []);
    const knownSwitches = new Set((this.scanPatterns.environmentSwitches ?? []).map((declared) => declared.name));
    if (scan === null || scan === undefined || (flagFunctionNamesOf(scan).every((name) => known.has(name)) && Object.keys(scan.switches ?? {}).every((name) => knownSwitches.has(name)))) return;
    this.scanFlagFunctionCalls();
    this.changed();
  }

  /**
   * The text of an indexed file as `indexAll` read it, when the index keeps texts; otherwise, or for a
   * file whose scan came from the cache, read now (undefined when it cannot be).
   */
  textOf(file: string): string | undefined {
    return this.texts.get(file) ?? readTextFileIfReadable(file, this.options.maxFileSize);
  }

  /** Re-scan one file from text the caller holds (an open document's edit). Callers check `includes` first. */
  setFileText(file: string, text: string): void {
    const key = toPosixPath(file);
    if (!this.scans.has(key)) this.sortedFiles = undefined;
    try {
      const document = scanDocument(key, text, this.scanPatterns, this.documents.get(key));
      this.documents.set(key, document);
      this.scans.set(key, document.scan);
    } catch (error) {
      this.documents.delete(key);
      this.scans.set(key, this.unscannable(key, error));
    }
    this.changed([key]);
    this.followNewFlagFunctions(key);
  }

  /** Forget a deleted file, or every file under a deleted directory. */
  deleteFile(file: string): void {
    const key = toPosixPath(file);
    const prefix = `${key}/`;
    const deleted = [key];
    for (const indexed of [...this.scans.keys()]) {
      if (indexed === key || indexed.startsWith(prefix)) {
        this.scans.delete(indexed);
        this.documents.delete(indexed);
        deleted.push(indexed);
      }
    }
    this.sortedFiles = undefined;
    this.changed(deleted);
  }

  /** Re-read a file created or changed on disk; forget it when it is gone or no longer qualifies. */
  async refreshFile(file: string): Promise<void> {
    const key = toPosixPath(file);
    if (key.endsWith('/.gitignore')) this.rules.forget();
    const text = isSourceFile(key) && !this.rules.excludesPath(key) ? this.readText(key) : undefined;
    // The document is closed or changed on disk: its tree no longer matches, and is no longer needed.
    this.documents.delete(key);
    if (text === undefined || !this.scans.has(key)) this.sortedFiles = undefined;
    if (text === undefined) this.scans.delete(key);
    else this.scans.set(key, this.scanText(key, text));
    // Ignore rules changed: any file may have come or gone.
    this.changed(key.endsWith('/.gitignore') ? undefined : [key]);
    this.followNewFlagFunctions(key);
  }

  /** The flag checks in one file, keys resolved across files; empty when the file is not indexed. */
  checksIn(file: string): FlagCheck[] {
    const key = toPosixPath(file);
    const cached = this.resolvedChecks.get(key);
    if (cached !== undefined) return cached;
    const scan = this.scans.get(key);
    // An unparsed file holds no check.
    if (scan === undefined || scan === null) return [];
    this.resolving = key;
    try {
      const resolved = resolveChecks(scan, (name) => {
        this.dependOn(name);
        return this.scanOf(name);
      }, this.host);
      const checks = this.keysAsWritten.some((folder) => key.startsWith(`${folder}/`)) ? resolved.map(withKeyAsWritten) : resolved;
      this.resolvedChecks.set(key, checks);
      return checks;
    } finally {
      this.resolving = undefined;
    }
  }

  /** Every indexed file that has flag checks, with its checks, in path order. */
  allChecks(): Map<string, FlagCheck[]> {
    const result = new Map<string, FlagCheck[]>();
    this.sortedFiles ??= [...this.scans.keys()].sort();
    for (const file of this.sortedFiles) {
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
    this.sortedFiles ??= [...this.scans.keys()].sort();
    return [...this.sortedFiles];
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
    const read = this.scanText(file, bytes.toString('utf8'));
    this.scans.set(file, read);
    return read;
  }

  private scanText(file: string, text: string): FileScan {
    try {
      return scanFile(file, text, this.scanPatterns);
    } catch (error) {
      return this.unscannable(file, error);
    }
  }

  // A file the scanner cannot walk (nesting past what it holds, a bug) counts as holding nothing, said
  // once in the log, so that one file never stops the rest of the folder.
  private unscannable(file: string, error: unknown): FileScan {
    this.options.log(`skipped ${this.rules.relative(file)}: it could not be scanned (${error instanceof Error ? error.message : String(error)})`);
    return { fileName: file, checks: [], importedKeys: [], exports: {}, starExports: [] };
  }

  /** Drop what the change of `files` (or of anything, when undefined) may have made wrong. */
  private changed(files?: readonly string[]): void {
    // A kept text is the one `indexAll` read: a file changed since is read again by `textOf`.
    for (const file of files ?? []) this.texts.delete(file);
    if (files === undefined) {
      this.resolvedChecks = new Map();
      this.dependents.clear();
      this.sortedFiles = undefined;
    } else {
      for (const file of files) {
        this.resolvedChecks.delete(file);
        for (const dependent of this.dependents.get(file) ?? []) this.resolvedChecks.delete(dependent);
      }
    }
    this.referencesByKey = undefined;
    this.referencesByCamelCaseName = undefined;
    this.fileExistsCache.clear();
  }

  /** Record that the file being resolved read `file`, or asked whether it exists. */
  private dependOn(file: string): void {
    if (this.resolving === undefined || file === this.resolving) return;
    let dependents = this.dependents.get(file);
    if (dependents === undefined) this.dependents.set(file, dependents = new Set());
    dependents.add(this.resolving);
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
  private readText(file: string): string | undefined {
    const bytes = readSourceFileSync(file, this.options.maxFileSize);
    if (Buffer.isBuffer(bytes)) return bytes.toString('utf8');
    if (!bytes.quiet) this.options.log(`skipped ${this.rules.relative(file)}: ${bytes.reason}`);
    return undefined;
  }
}

function compareReferences(a: FlagReference, b: FlagReference): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.check.keySpan.start - b.check.keySpan.start;
}
