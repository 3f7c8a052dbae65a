// The syntax trees a scan reads: the whole text, or its skeleton (check-free bodies blanked), and the
// syntax errors TypeScript keeps on a tree, which decide whether a tree or a fragment may be used.

import { ts } from 'ts-morph';
import type { PatternSet } from '../patterns';
import { scriptKindOf } from '../scriptKind';
import { skeletonOf } from '../skeleton';
import { scannedText } from '../components';
import { namesDeclaredFlag } from './environmentSwitches';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const { ScriptTarget, createSourceFile } = ts;

/** The syntax tree `scanFile` reads; a caller may keep it for an open document and pass updates of it back as `parsed`. */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  return createSourceFile(fileName, scannedText(fileName, text), ScriptTarget.Latest, false, scriptKindOf(fileName));
}

// The trees of skeletons: a scan that needs what a skeleton blanks parses the whole text instead.
const skeletonTrees = new WeakSet<ts.SourceFile>();

/** True for a tree `parseSkeletonText` made, whose text lacks the bodies a skeleton blanks. */
export function isSkeleton(tree: ts.SourceFile): boolean {
  return skeletonTrees.has(tree);
}

/**
 * The tree of the text with its check-free bodies blanked (see ../skeleton), which gives the same scan
 * for a fraction of the parse; undefined when the whole text must be parsed.
 */
export function parseSkeleton(fileName: string, text: string, patterns: PatternSet): ts.SourceFile | undefined {
  // A flag function's call has no flag-call name a skeleton keeps (`[showBanner]`, `showBanner.run(...)`), nor has a switch's read.
  if (namesDeclaredFlag(text, patterns)) return undefined;
  const skeleton = skeletonOf(fileName, text, patterns);
  return skeleton === undefined ? undefined : parseSkeletonText(fileName, skeleton);
}

/** The tree of a skeleton made by `skeletonOf`, or undefined when it has a syntax error (the lexer misread the text). */
export function parseSkeletonText(fileName: string, skeleton: string): ts.SourceFile | undefined {
  // No JSDoc: a scan reads none, and the parser skips comments faster without.
  const tree = createSourceFile(fileName, skeleton, { languageVersion: ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(fileName));
  if (hasSyntaxError(tree)) return undefined;
  skeletonTrees.add(tree);
  return tree;
}

/** True when the parser reported a syntax error in the tree. */
export function hasSyntaxError(tree: ts.SourceFile): boolean {
  return syntaxErrorsOf(tree).length > 0;
}

/** The syntax errors the parser reported, which TypeScript keeps on the tree without declaring them. */
export function syntaxErrorsOf(tree: ts.SourceFile): ReadonlyArray<{ start?: number }> {
  return (tree as { parseDiagnostics?: ReadonlyArray<{ start?: number }> }).parseDiagnostics ?? [];
}
