// The three checks the clean-up sweep (scripts/sweep.ts) makes of every file a clean-up rewrote: it still
// parses, it has no type error it did not have before, and nothing changed outside the flag's checks and
// what their value flowed into.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts as morphTs } from 'ts-morph';
// The checker of the project's own devDependency (5.9, with the compiler API); parsing uses ts-morph's.
import * as ts from 'typescript';
import { diffLines, splitLinesKeepingBreaks, type LineChange } from '../server/src/analysis/remove/edits';
import { scriptKindOf } from '../server/src/analysis/scriptKind';

/** The parser's errors for a text, as "line:col message", in order. */
export function parseErrors(fileName: string, text: string): string[] {
  const sourceFile = morphTs.createSourceFile(fileName, text, morphTs.ScriptTarget.Latest, true, scriptKindOf(fileName));
  // parseDiagnostics is internal but stable: the syntax errors without a program.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics: readonly morphTs.Diagnostic[] }).parseDiagnostics;
  return diagnostics.map((diagnostic) => {
    const at = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    return `${at.line + 1}:${at.character + 1} ${morphTs.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
  });
}

/** One type error, as compared before and after: file, code and message, no position (lines move). */
export interface TypeError {
  file: string;
  code: number;
  message: string;
  /** 1-based line, for people only. */
  line: number;
}

/** Codes of errors that only say a declaration is now unused: the clean-up lists those on purpose. */
export const UNUSED_CODES = new Set([6133, 6138, 6192, 6196, 6198, 6199, 6205]);

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  allowJs: true,
  strict: true,
  esModuleInterop: true,
  resolveJsonModule: true,
};

/**
 * Type-checks files of one repository with each file's nearest tsconfig.json (checkouts have no
 * node_modules, so package imports stay unresolved, the same before and after). Parsed files are shared
 * between programs; only the files asked about are checked, the rest is read for their types.
 */
export class TypeCheckSession {
  private readonly configs = new Map<string, { key: string; options: ts.CompilerOptions }>();
  private readonly sourceFiles = new Map<string, ts.SourceFile>();
  private readonly before = new Map<string, TypeError[]>();

  constructor(private readonly root: string) {}

  /** The type errors of `files` whose texts are `overlay` (other files as on disk), by file. */
  errorsOf(files: readonly string[], overlay: ReadonlyMap<string, string>, cacheAsOriginal: boolean): Map<string, TypeError[]> {
    const result = new Map<string, TypeError[]>();
    const groups = new Map<string, { options: ts.CompilerOptions; files: string[] }>();
    for (const file of files) {
      const cached = cacheAsOriginal ? this.before.get(file) : undefined;
      if (cached !== undefined) {
        result.set(file, cached);
        continue;
      }
      const config = this.configFor(file);
      const group = groups.get(config.key) ?? { options: config.options, files: [] };
      group.files.push(file);
      groups.set(config.key, group);
    }
    for (const group of groups.values()) {
      const program = ts.createProgram({ rootNames: group.files, options: group.options, host: this.host(group.options, overlay) });
      for (const file of group.files) {
        const sourceFile = program.getSourceFile(file);
        // A file the program could not read is left out of the result, and counted by the caller.
        if (sourceFile === undefined) continue;
        const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
        const errors = diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error).map((diagnostic) => ({
          file: path.posix.relative(this.root, file),
          code: diagnostic.code,
          message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
          line: sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1,
        }));
        result.set(file, errors);
        if (cacheAsOriginal) this.before.set(file, errors);
      }
    }
    return result;
  }

  private host(options: ts.CompilerOptions, overlay: ReadonlyMap<string, string>): ts.CompilerHost {
    const host = ts.createCompilerHost(options, true);
    const target = options.target ?? ts.ScriptTarget.ES2022;
    host.readFile = (file) => overlay.get(file) ?? ts.sys.readFile(file);
    host.fileExists = (file) => overlay.has(file) || ts.sys.fileExists(file);
    host.getSourceFile = (file, languageVersion) => {
      const text = overlay.get(file);
      if (text !== undefined) return ts.createSourceFile(file, text, languageVersion, true);
      const key = `${target}:${file}`;
      let sourceFile = this.sourceFiles.get(key);
      if (sourceFile === undefined) {
        const onDisk = ts.sys.readFile(file);
        if (onDisk === undefined) return undefined;
        sourceFile = ts.createSourceFile(file, onDisk, languageVersion, true);
        this.sourceFiles.set(key, sourceFile);
      }
      return sourceFile;
    };
    return host;
  }

  /** The nearest tsconfig.json's options, made safe to check a checkout without node_modules. */
  private configFor(file: string): { key: string; options: ts.CompilerOptions } {
    let folder = path.posix.dirname(file);
    let configFile: string | undefined;
    while (folder.startsWith(this.root)) {
      const candidate = path.posix.join(folder, 'tsconfig.json');
      if (fs.existsSync(candidate)) {
        configFile = candidate;
        break;
      }
      const parent = path.posix.dirname(folder);
      if (parent === folder) break;
      folder = parent;
    }
    const key = configFile ?? '(defaults)';
    const known = this.configs.get(key);
    if (known !== undefined) return known;
    let options = DEFAULT_OPTIONS;
    if (configFile !== undefined) {
      const read = ts.readConfigFile(configFile, ts.sys.readFile);
      // An `extends` of a package that is not installed is reported and skipped: the rest still counts.
      const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, path.posix.dirname(configFile), undefined, configFile);
      options = { ...DEFAULT_OPTIONS, ...parsed.options };
    }
    const safe: ts.CompilerOptions = {
      ...options, noEmit: true, skipLibCheck: true, types: [], incremental: false, composite: false,
      declaration: false, emitDeclarationOnly: false, tsBuildInfoFile: undefined, plugins: undefined,
    };
    const entry = { key, options: safe };
    this.configs.set(key, entry);
    return entry;
  }
}

/** The errors in `after` that `before` does not have, compared as (file, code, message). */
export function newTypeErrors(before: readonly TypeError[], after: readonly TypeError[]): TypeError[] {
  const seen = new Set(before.map(errorIdentity));
  return after.filter((error) => !seen.has(errorIdentity(error)));
}

function errorIdentity(error: TypeError): string {
  return `${error.file}\u0000${error.code}\u0000${error.message}`;
}

/** What the clean-up says it touched in a file, to tell its own changes from stray ones. */
export interface ScopeSeeds {
  /** Offsets [start, end) of the file's checks of the flag. */
  checkSpans: ReadonlyArray<{ start: number; end: number }>;
  /** Names the removal deleted or made constant; their uses were inlined. */
  names: ReadonlySet<string>;
  /** The flag key: a key constant's declaration holds it as a string. */
  key: string;
}

/**
 * The changed line ranges that lie outside the flag's reach. The rule: a change is in scope when its old
 * lines (widened by one line each side) meet an anchor. Anchors are the lines of the nearest enclosing
 * statement, JSX expression or attribute, object property or enum member of each seed (a check of the
 * flag, a use of a name the removal deleted or made constant, a string equal to the key, a name a check's
 * value was bound to); a statement that can leave its block (return, throw, break, continue) anchors the
 * rest of that block too (code a kept `return` made unreachable). Import declarations are anchors (unused
 * imports go), and a change that only deletes blank lines is always in scope.
 */
export function outOfScopeChanges(fileName: string, original: string, rewritten: string, seeds: ScopeSeeds): LineChange[] {
  const sourceFile = morphTs.createSourceFile(fileName, original, morphTs.ScriptTarget.Latest, true, scriptKindOf(fileName));
  const anchors = new Set<number>();
  const lineOf = (offset: number): number => sourceFile.getLineAndCharacterOfPosition(offset).line;
  const anchorNode = (node: morphTs.Node): void => {
    const start = lineOf(node.getStart(sourceFile));
    let end = lineOf(node.getEnd());
    if (leavesBlock(node) && node.parent !== undefined && (morphTs.isBlock(node.parent) || morphTs.isSourceFile(node.parent) || morphTs.isCaseClause(node.parent))) {
      end = lineOf(node.parent.getEnd());
    }
    for (let line = start; line <= end; line++) anchors.add(line);
  };
  const names = new Set(seeds.names);
  const visit = (node: morphTs.Node): void => {
    if (morphTs.isImportDeclaration(node)) {
      anchorNode(node);
      return;
    }
    const start = node.getStart(sourceFile);
    if (seeds.checkSpans.some((span) => span.start === start && span.end === node.getEnd())) {
      anchorNode(container(node));
      const bound = boundName(node);
      if (bound !== undefined) names.add(bound);
    }
    morphTs.forEachChild(node, visit);
  };
  visit(sourceFile);
  for (const span of seeds.checkSpans) {
    for (let line = lineOf(span.start); line <= lineOf(span.end); line++) anchors.add(line);
  }
  // Names bound to a check's value are known only after the first walk.
  const visitNames = (node: morphTs.Node): void => {
    if ((morphTs.isIdentifier(node) && names.has(node.text)) || (morphTs.isStringLiteralLike(node) && node.text === seeds.key)) {
      anchorNode(container(node));
    }
    morphTs.forEachChild(node, visitNames);
  };
  visitNames(sourceFile);

  const oldLines = splitLinesKeepingBreaks(original);
  const changes = diffLines(oldLines, splitLinesKeepingBreaks(rewritten));
  return changes.filter((change) => {
    const onlyBlankDeleted = change.newStart === change.newEnd && oldLines.slice(change.oldStart, change.oldEnd).every((line) => line.trim() === '');
    if (onlyBlankDeleted) return false;
    for (let line = change.oldStart - 1; line <= change.oldEnd; line++) {
      if (anchors.has(line)) return false;
    }
    return true;
  });
}

// The nearest node whose text the clean-up may rewrite for a seed: its statement, or a smaller unit.
function container(node: morphTs.Node): morphTs.Node {
  let current = node;
  while (current.parent !== undefined && !morphTs.isSourceFile(current.parent)) {
    if (morphTs.isJsxExpression(current) || morphTs.isJsxAttribute(current) || morphTs.isPropertyAssignment(current)
      || morphTs.isShorthandPropertyAssignment(current) || morphTs.isEnumMember(current) || isStatement(current)) return current;
    current = current.parent;
  }
  return current;
}

function isStatement(node: morphTs.Node): boolean {
  return (node.kind >= morphTs.SyntaxKind.FirstStatement && node.kind <= morphTs.SyntaxKind.LastStatement)
    || morphTs.isFunctionDeclaration(node) || morphTs.isClassDeclaration(node) || morphTs.isExportAssignment(node);
}

function leavesBlock(node: morphTs.Node): boolean {
  let found = false;
  const visit = (child: morphTs.Node): void => {
    if (found || morphTs.isFunctionLike(child) || morphTs.isClassLike(child)) return;
    if (morphTs.isReturnStatement(child) || morphTs.isThrowStatement(child) || morphTs.isBreakStatement(child) || morphTs.isContinueStatement(child)) found = true;
    else morphTs.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

// `const enabled = useFlag('k')`, `const { newCheckout } = useFlags()`: the name the value is bound to.
function boundName(node: morphTs.Node): string | undefined {
  if (morphTs.isBindingElement(node) && morphTs.isIdentifier(node.name)) return node.name.text;
  let current = node;
  while (morphTs.isParenthesizedExpression(current.parent) || morphTs.isAwaitExpression(current.parent) || morphTs.isAsExpression(current.parent)
    || morphTs.isNonNullExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (parent !== undefined && morphTs.isVariableDeclaration(parent) && parent.initializer === current && morphTs.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}
