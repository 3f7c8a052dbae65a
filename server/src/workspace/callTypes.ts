// The type checker the clean-up asks what a check's call returns (analysis/remove/returnTypes.ts). It is
// made on the first question, over the files being cleaned only: their tsconfig.json's options, the
// declaration files of the packages they import (the SDK's, under node_modules), and the project files
// they import directly. A whole-project program costs seconds and most of a gigabyte (NOTES.md); this
// one, the files being cleaned and what they see.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ts } from 'ts-morph';
import { expectedPromiseAt, projectDeclarationAt, typedReturnsAt, type CallTypes, type TypedReturns } from '../analysis/remove/returnTypes';
import type { Span } from '../analysis/types';

/** A file being cleaned, with the text the clean-up works on (an open document's, or the disk's). */
export interface CleanedText {
  fileName: string;
  text: string;
}

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  strict: true,
  esModuleInterop: true,
};

// Used when the project has no TypeScript of its own to take the standard library from: enough for the
// checker to type promises, arrays and literals, which is all the classification reads.
const MINIMAL_LIB_NAME = '/flaglens-lib/lib.minimal.d.ts';
const MINIMAL_LIB = `
interface Array<T> { length: number; [n: number]: T; }
interface ReadonlyArray<T> { readonly length: number; readonly [n: number]: T; }
interface Boolean {} interface Function {} interface CallableFunction {} interface NewableFunction {} interface IArguments {}
interface Number {} interface Object {} interface RegExp {} interface String {} interface Symbol {}
interface TemplateStringsArray extends ReadonlyArray<string> { readonly raw: readonly string[]; }
interface PromiseLike<T> { then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: any) => B | PromiseLike<B>) | null): PromiseLike<A | B>; }
interface Promise<T> { then<A = T, B = never>(onfulfilled?: ((value: T) => A | PromiseLike<A>) | null, onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<A | B>; }
type Awaited<T> = T extends null | undefined ? T : T extends object & { then(onfulfilled: infer F, ...args: infer _): any } ? F extends ((value: infer V, ...args: infer _) => any) ? Awaited<V> : never : T;
type Record<K extends keyof any, T> = { [P in K]: T };
type Partial<T> = { [P in keyof T]?: T[P] };
type Readonly<T> = { readonly [P in keyof T]: T[P] };
type Pick<T, K extends keyof T> = { [P in K]: T[P] };
`;

/**
 * The checker's answers for the checks of `files`, built on the first question (one program per
 * tsconfig.json the files fall under). A file whose program cannot be made answers nothing.
 */
export function createCallTypes(files: readonly CleanedText[]): CallTypes {
  const texts = new Map(files.map((file) => [file.fileName, file.text]));
  let programs: Map<string, ts.Program> | undefined;
  const programOf = (fileName: string): ts.Program | undefined => {
    programs ??= buildPrograms(texts);
    return programs.get(fileName);
  };
  const ask = <T>(fileName: string, question: (checker: ts.TypeChecker, sourceFile: ts.SourceFile) => T | undefined): T | undefined => {
    if (!texts.has(fileName)) return undefined;
    try {
      const program = programOf(fileName);
      const sourceFile = program?.getSourceFile(fileName);
      if (program === undefined || sourceFile === undefined) return undefined;
      return question(program.getTypeChecker(), sourceFile);
    } catch {
      // The checker gave up (code nested deeper than its recursion holds): no evidence, the other rules decide.
      return undefined;
    }
  };
  return {
    returnsOf: (fileName: string, span: Span): TypedReturns | undefined => ask(fileName, (checker, sourceFile) => typedReturnsAt(checker, sourceFile, span)),
    expectedPromiseOf: (fileName: string, span: Span): string | undefined => ask(fileName, (checker, sourceFile) => expectedPromiseAt(checker, sourceFile, span)),
    projectDeclarationOf: (fileName: string, span: Span): string | undefined => ask(fileName, (checker, sourceFile) => projectDeclarationAt(checker, sourceFile, span)),
  };
}

/** One program per tsconfig.json, over the files it governs; by file name. */
function buildPrograms(texts: ReadonlyMap<string, string>): Map<string, ts.Program> {
  const groups = new Map<string, { options: ts.CompilerOptions; files: string[] }>();
  for (const fileName of texts.keys()) {
    const configFile = nearest(path.dirname(fileName), 'tsconfig.json');
    const key = configFile ?? '';
    let group = groups.get(key);
    if (group === undefined) {
      group = { options: optionsOf(configFile), files: [] };
      groups.set(key, group);
    }
    group.files.push(fileName);
  }
  const byFile = new Map<string, ts.Program>();
  for (const group of groups.values()) {
    try {
      const program = createProgram(group.files, group.options, texts);
      for (const file of group.files) byFile.set(file, program);
    } catch {
      // A project the compiler cannot load (an unreadable folder, a broken configuration) gives no evidence.
    }
  }
  return byFile;
}

/** The options of a tsconfig.json (its `extends` followed), made to read types only: nothing is emitted or checked. */
function optionsOf(configFile: string | undefined): ts.CompilerOptions {
  let options = DEFAULT_OPTIONS;
  if (configFile !== undefined) {
    const read = ts.readConfigFile(configFile, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, path.dirname(configFile), undefined, configFile);
    options = { ...DEFAULT_OPTIONS, ...parsed.options };
  }
  // `types: []`: the @types packages the files import are loaded; the rest (jest, node) are not needed.
  return {
    ...options, noEmit: true, allowJs: true, skipLibCheck: true, types: [], incremental: false, composite: false,
    declaration: false, emitDeclarationOnly: false, tsBuildInfoFile: undefined, plugins: undefined,
  };
}

function createProgram(rootNames: readonly string[], compilerOptions: ts.CompilerOptions, texts: ReadonlyMap<string, string>): ts.Program {
  const roots = new Set(rootNames);
  // The DOM's declarations are 1.9 MB of the standard library's 2.6 and no flag SDK's return type is
  // one of them: a type that refers to them is left unresolved, which is no evidence.
  const libs = (compilerOptions.lib ?? [ts.getDefaultLibFileName(compilerOptions).replace('.full.d.ts', '.d.ts')])
    .map((name) => path.basename(name)).filter((name) => !/^lib\.(dom|webworker|scripthost)\b/.test(name));
  const libFolder = projectLibFolder(path.dirname(rootNames[0]), libs);
  const options: ts.CompilerOptions = { ...compilerOptions, lib: libFolder === undefined ? undefined : libs, noLib: false };
  const host = ts.createCompilerHost(options, true);
  host.getDefaultLibLocation = () => libFolder ?? path.dirname(MINIMAL_LIB_NAME);
  host.getDefaultLibFileName = () => MINIMAL_LIB_NAME;
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => texts.get(fileName) ?? (fileName === MINIMAL_LIB_NAME ? MINIMAL_LIB : readFile(fileName));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => texts.has(fileName) || fileName === MINIMAL_LIB_NAME || fileExists(fileName);
  host.getSourceFile = (fileName, languageVersion) => {
    if (/\.d\.[cm]?ts$/.test(fileName) && !texts.has(fileName)) return sharedDeclarationFile(fileName, languageVersion);
    const text = host.readFile(fileName);
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  // Packages are read through their declaration files; project code only where a cleaned file imports it
  // itself, so that one import does not pull the whole project in.
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, resolutionOptions, containingSourceFile) => literals.map((literal) => {
    const mode = ts.getModeForUsageLocation(containingSourceFile, literal, resolutionOptions);
    const { resolvedModule } = ts.resolveModuleName(literal.text, containingFile, resolutionOptions, host, undefined, redirectedReference, mode);
    const followed = resolvedModule !== undefined && (roots.has(containingFile) || /\.d\.[cm]?ts$/.test(resolvedModule.resolvedFileName));
    return { resolvedModule: followed ? resolvedModule : undefined };
  });
  return ts.createProgram({ rootNames, options, host });
}

// Declaration files (the standard library, the SDK's) parsed once and shared by later programs, as the
// language service does: the standard library alone took most of a program's half second. A file that
// changed on disk is parsed again; past the limit the cache starts over.
const declarationFiles = new Map<string, { modified: number; sourceFile: ts.SourceFile }>();
const MAX_SHARED_DECLARATION_FILES = 2000;

function sharedDeclarationFile(fileName: string, languageVersion: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined {
  const format = typeof languageVersion === 'object' ? `${languageVersion.languageVersion}:${languageVersion.impliedNodeFormat ?? ''}` : String(languageVersion);
  const key = `${fileName}\u0000${format}`;
  if (fileName === MINIMAL_LIB_NAME) {
    const known = declarationFiles.get(key);
    if (known !== undefined) return known.sourceFile;
    const sourceFile = ts.createSourceFile(fileName, MINIMAL_LIB, languageVersion, true);
    declarationFiles.set(key, { modified: 0, sourceFile });
    return sourceFile;
  }
  let modified: number;
  try {
    modified = fs.statSync(fileName).mtimeMs;
  } catch {
    return undefined;
  }
  const known = declarationFiles.get(key);
  if (known !== undefined && known.modified === modified) return known.sourceFile;
  const text = ts.sys.readFile(fileName);
  if (text === undefined) return undefined;
  if (declarationFiles.size >= MAX_SHARED_DECLARATION_FILES) declarationFiles.clear();
  const sourceFile = ts.createSourceFile(fileName, text, languageVersion, true);
  declarationFiles.set(key, { modified, sourceFile });
  return sourceFile;
}

/**
 * The project's own TypeScript standard library (node_modules/typescript/lib) when it has every file
 * wanted; undefined otherwise, and the minimal library stands in.
 */
function projectLibFolder(folder: string, libs: readonly string[]): string | undefined {
  const typescript = nearest(folder, 'node_modules/typescript/lib');
  if (typescript === undefined) return undefined;
  return libs.every((name) => fs.existsSync(path.join(typescript, name))) ? typescript : undefined;
}

/** `relative` in `folder` or the nearest folder above it that has it. */
function nearest(folder: string, relative: string): string | undefined {
  for (let current = folder; ; current = path.dirname(current)) {
    const candidate = path.join(current, relative);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
