// Open documents: the re-scan after an edit walks again only the top-level statement that holds it, where it
// can, re-using the other statements' records; anything else takes the full path of `scanFile`.

import { isComponentFile } from '../components';
import { ts } from 'ts-morph';
import type { PatternSet } from '../patterns';
import type { Span } from '../types';
import { addBinding } from './bindings';
import { completeChecks } from './completeChecks';
import { calleeNameRegex } from './checks';
import { collectExports, collectMemberOrigins, collectTypeExports } from './exports';
import { namesDeclaredFlag } from './environmentSwitches';
import { mayDeclareEnvironmentSwitch, mayDeclareSettingsFlags, mayHardCodeFlags } from '../prefilter';
import { mayReadEmberFeatures } from '../patterns/ember';
import { hasSyntaxError, parseSource, syntaxErrorsOf } from './parse';
import { namesVendorPackage } from '../skeleton';
import { newState, scanFile, visit } from './scanFile';
import { withRenamedImports } from './renamedImports';
import type { Binding, DraftCheck, FileScan, LocalReference, LocalValue, ScanState } from './types';
import { setMember } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const { SyntaxKind, updateSourceFile } = ts;

/**
 * What walking one top-level statement added to the scan, so that an edit in another statement need not
 * walk it again. Only bindings, drafts and type aliases are written during the walk; everything after
 * it (`completeChecks`) reads them, so re-playing these records in order rebuilds the state exactly.
 */
interface StatementWalk {
  readonly pos: number;
  readonly end: number;
  /** The statement ends where it does whatever follows: a `;`, or the `}` of a declaration. */
  readonly closed: boolean;
  readonly bindings: ReadonlyArray<readonly [string, Binding]>;
  readonly drafts: readonly DraftCheck[];
  readonly typeAliases: ReadonlyMap<string, ts.TypeNode>;
  /** The file-level names it declares and the bag each holds: all that later statements' walks read of it. */
  readonly topLevel: string;
  /** Set when a syntax error was reported inside it (absent otherwise: thousands of walks are copied per keystroke). */
  readonly syntaxError?: true;
}

/** An open document's scan, and what re-scanning it after the next edit re-uses; pass it back to `scanDocument`. */
export interface DocumentScan {
  readonly scan: FileScan;
  readonly text: string;
  readonly patterns: PatternSet;
  /** The last full syntax tree, of this or an earlier text: the next full parse updates it incrementally. */
  readonly tree: ts.SourceFile | undefined;
  /** One record per top-level statement; undefined when the text has no callee name (no walk). */
  readonly walks: readonly StatementWalk[] | undefined;
}

// A statement that ends in `}` but may go on (`x = () => {}` followed by `(y)`) is not one of these.
const CLOSED_BY_BRACE = new Set<ts.SyntaxKind>([
  SyntaxKind.FunctionDeclaration, SyntaxKind.ClassDeclaration, SyntaxKind.InterfaceDeclaration,
  SyntaxKind.EnumDeclaration, SyntaxKind.ModuleDeclaration,
]);

/**
 * `scanFile` for an open document, given its previous scan. An edit inside one top-level statement, which
 * still parses on its own without errors and ends as surely as before, re-parses and re-walks that statement
 * alone; the other statements' records are moved by the edit's length. Anything else (an edit across
 * statements, a syntax error, a changed file-level bag) takes the full path. The checks are exactly
 * `scanFile`'s; the exports are `scanFile`'s too, computed from a full parse only when another file reads them.
 * `previous` must not be used afterwards (its records are moved in place, its tree updated).
 */
export function scanDocument(fileName: string, text: string, filePatterns: PatternSet, previous?: DocumentScan): DocumentScan {
  const patterns = withRenamedImports(text, filePatterns);
  if (previous !== undefined && previous.text === text && previous.patterns === patterns) return previous;
  // A component's tree (Vue, Svelte) is of its script view, which an edit of its text does not update: it is scanned whole.
  if (isComponentFile(fileName)) return { scan: scanFile(fileName, text, patterns), text, patterns, tree: undefined, walks: undefined };
  const document = (previous === undefined ? undefined : rescanStatement(fileName, text, patterns, previous))
    ?? scanWholeDocument(fileName, text, patterns, previous?.tree);
  return needsWholeScan(document, patterns) || mayHardCodeFlags(fileName, document.text) || mayDeclareSettingsFlags(fileName, document.text) ? wholeScanOf(fileName, document) : document;
}

/**
 * A file that declares a flag function or calls one (Vercel Flags), declares or reads an environment switch, checks the
 * rows of a table, or injects an Ember service (whose reads of ember-feature-flags' are no calls), is scanned as `scanFile`
 * does, whole: its calls and reads are found by a pass over the whole tree, which
 * statement walks do not record, and a table may be in another statement than the loop. Such files are few.
 */
function needsWholeScan(document: DocumentScan, patterns: PatternSet): boolean {
  return document.scan.checks.some((check) => check.sdk === 'vercel' || check.rowOf !== undefined) || namesDeclaredFlag(document.text, patterns) || mayDeclareEnvironmentSwitch(document.text)
    || mayReadEmberFeatures(document.text);
}

function wholeScanOf(fileName: string, document: DocumentScan): DocumentScan {
  const tree = document.tree !== undefined && document.tree.text === document.text ? document.tree : parseSource(fileName, document.text);
  return { scan: scanFile(fileName, document.text, document.patterns, tree), text: document.text, patterns: document.patterns, tree, walks: undefined };
}

function scanWholeDocument(fileName: string, text: string, patterns: PatternSet, previousTree: ts.SourceFile | undefined): DocumentScan {
  const tree = (previousTree === undefined ? undefined : updateSource(previousTree, text)) ?? parseSource(fileName, text);
  if (!calleeNameRegex(patterns).test(text)) return { scan: scanFile(fileName, text, patterns, tree), text, patterns, tree, walks: undefined };
  // As `scanFile` with its full walk, one top-level statement at a time, recording each.
  const state = newState(tree, text, patterns);
  state.scopes.push({ start: tree.pos, end: tree.end });
  // The statement and tail paths walk only text that parsed without an error; here the tree may have some.
  const errorStarts = syntaxErrorsOf(tree).map((diagnostic) => diagnostic.start ?? 0).sort((a, b) => a - b);
  const walks = tree.statements.map((statement) => walkStatement(state, statement, tree, errorStarts));
  const { checks, importedKeys, importedKeyTypes, evidenceImports } = completeChecks(state);
  const { exports, starExports, origins } = collectExports(state);
  const typeExports = collectTypeExports(state);
  const memberOrigins = collectMemberOrigins(state);
  const scan: FileScan = {
    fileName, checks, importedKeys, exports, starExports,
    ...(importedKeyTypes.length > 0 ? { importedKeyTypes } : {}),
    ...(typeExports ? { typeExports } : {}),
    ...(evidenceImports.length > 0 ? { evidenceImports } : {}),
    ...(origins ? { origins } : {}),
    ...(memberOrigins ? { memberOrigins } : {}),
  };
  return { scan, text, patterns, tree, walks };
}

/** Walks one top-level statement into `state`, recording what it added. */
function walkStatement(state: ScanState, statement: ts.Statement, sourceFile: ts.SourceFile, errorStarts: readonly number[] = []): StatementWalk {
  const bindings: Array<readonly [string, Binding]> = [];
  const drafts: DraftCheck[] = [];
  const typeAliases = new Map<string, ts.TypeNode>();
  visit({ ...state, sourceFile, drafts, typeAliases, declared: bindings }, statement, sourceFile);
  state.drafts.push(...drafts);
  for (const [name, type] of typeAliases) state.typeAliases.set(name, type);
  return { pos: statement.pos, end: statement.end, closed: isClosed(statement, state.text), bindings, drafts, typeAliases, topLevel: topLevelSignature(bindings, state.scopes[0].end), ...(hasErrorWithin(errorStarts, statement) ? { syntaxError: true } : {}) };
}

/** Whether one of `errorStarts` (ascending) falls inside the statement or at either edge (it may be the neighbour's: counted for both). */
function hasErrorWithin(errorStarts: readonly number[], statement: ts.Statement): boolean {
  let low = 0;
  let high = errorStarts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (errorStarts[middle] < statement.pos) low = middle + 1;
    else high = middle;
  }
  return low < errorStarts.length && errorStarts[low] <= statement.end;
}

function isClosed(statement: ts.Statement, text: string): boolean {
  const last = text.charCodeAt(statement.end - 1);
  return last === 0x3b /* ; */ || (last === 0x7d /* } */ && CLOSED_BY_BRACE.has(statement.kind));
}

/** Declared in the file's own scope (which starts at 0 and ends at the end of the file). */
function isFileLevel(binding: Binding, fileEnd: number): boolean {
  return binding.scopeStart === 0 && binding.scopeEnd === fileEnd;
}

function topLevelSignature(bindings: ReadonlyArray<readonly [string, Binding]>, fileEnd: number): string {
  let signature = '';
  for (const [name, binding] of bindings) {
    // A list's rows are read during the walk of a loop over it (see tableRows.ts): whether a name holds one is part of it.
    if (isFileLevel(binding, fileEnd)) signature += `${name}:${binding.bag === undefined ? '' : `${binding.bag.patterns.map((pattern) => pattern.callee).join(',')}/${binding.bag.method}`}${binding.list === undefined ? '' : '[]'}\n`;
  }
  return signature;
}

/** The re-scan after an edit inside one statement, or at the end of the file; undefined when the full path must run. */
function rescanStatement(fileName: string, text: string, patterns: PatternSet, previous: DocumentScan): DocumentScan | undefined {
  const walks = previous.walks;
  if (walks === undefined || previous.patterns !== patterns || !calleeNameRegex(patterns).test(text)) return undefined;
  const { start, oldEnd } = changedRange(previous.text, text);
  const index = walkAround(walks, start, oldEnd);
  if (index === undefined) {
    return walks.length > 0 && start >= walks[walks.length - 1].end ? rescanTail(fileName, text, patterns, previous, walks.length) : undefined;
  }
  // The last statement may also be re-parsed with whatever follows it, as the end of the file.
  return rescanOne(fileName, text, patterns, previous, walks, index) ?? (index === walks.length - 1 ? rescanTail(fileName, text, patterns, previous, index) : undefined);
}

/** The re-scan of statement `index` alone, which holds the edit; undefined when it does not parse alone as one whole statement. */
function rescanOne(fileName: string, text: string, patterns: PatternSet, previous: DocumentScan, walks: readonly StatementWalk[], index: number): DocumentScan | undefined {
  if (index > 0 && !walks[index - 1].closed) return undefined;
  const old = previous.text;
  const delta = text.length - old.length;
  const edited = walks[index];
  const end = edited.end + delta;
  const fragment = text.slice(edited.pos, end);
  // A module's top-level `await` is parsed again once the parser knows it is a module: not for a lone statement.
  if (fragment.includes('await')) return undefined;
  const tree = parseSource(fileName, fragment);
  const statement = tree.statements[0];
  if (tree.statements.length !== 1 || statement.end !== fragment.length || !isClosed(statement, fragment) || hasSyntaxError(tree)) return undefined;

  // The statement is walked at its own offsets, seeing what its walk in place would see: the file-level
  // names declared before it (their scope, the whole file, holds any offset; nested scopes hold none).
  // From here on `previous` is spent: its records are moved in place (the full path needs only its tree).
  const above = walks.slice(0, index);
  for (const walk of above) moveFileEnd(walk, old.length, text.length);
  const walkedHere = walkStatement(stateBelow(tree, fragment, patterns, above, text), statement, tree);
  // Later statements' walks looked up its file-level names: they stand only while those mean what they meant.
  if (walkedHere.topLevel !== edited.topLevel) return undefined;
  const walked = moveWalk(walkedHere, (position) => position + edited.pos, text.length);
  const moved = (position: number): number => (position >= edited.end ? position + delta : position);
  const below = walks.slice(index + 1).map((walk) => moveWalk(walk, moved));
  return documentFromWalks(fileName, text, patterns, previous.tree, tree, [...above, walked, ...below]);
}

/**
 * The re-scan after an edit at the end of the file: the text from the end of statement `first - 1` on
 * (`first` is `walks.length` for an edit past the last statement) is parsed alone, and replaces the walks
 * from `first` on. That text parses as it would in the whole when it has no syntax error, every statement
 * above parsed without one, and the one before is complete and closed. Names it declares change no walk
 * above it (a walk reads only the names declared before it); keys are resolved afterwards, from every
 * statement's names, as in a full scan. Undefined (the full path) otherwise, or when the text holds an
 * `await` (see `rescanStatement`).
 */
function rescanTail(fileName: string, text: string, patterns: PatternSet, previous: DocumentScan, first: number): DocumentScan | undefined {
  const walks = previous.walks ?? [];
  const kept = walks.slice(0, first);
  const before = kept[kept.length - 1];
  // The parser's recovery from an error depends on the errors it has already reported.
  if (before === undefined || !before.closed || kept.some((walk) => walk.syntaxError) || !parsesAlone(fileName, previous.text, before)) return undefined;
  const fragment = text.slice(before.end);
  if (fragment.includes('await')) return undefined;
  const tree = parseSource(fileName, fragment);
  // With a syntax error here, the parser's recovery in the whole text may reach back into the statement
  // before (`function f() {}` then `=` makes one statement of both).
  if (hasSyntaxError(tree)) return undefined;
  for (const walk of kept) moveFileEnd(walk, previous.text.length, text.length);
  const local = stateBelow(tree, fragment, patterns, kept, text);
  const added = tree.statements.map((statement) => moveWalk(walkStatement(local, statement, tree), (position) => position + before.end, text.length));
  return documentFromWalks(fileName, text, patterns, previous.tree, tree, [...kept, ...added]);
}

/** A state for walking `fragment` of `text` at its own offsets that sees the file-level names the walks above it declare. */
function stateBelow(tree: ts.SourceFile, fragment: string, patterns: PatternSet, above: readonly StatementWalk[], text: string): ScanState {
  const fileEnd = text.length;
  const local = newState(tree, fragment, patterns);
  local.followsReturns = namesVendorPackage(text);
  local.scopes.push({ start: 0, end: fileEnd });
  for (const walk of above) {
    for (const [name, binding] of walk.bindings) if (isFileLevel(binding, fileEnd)) addBinding(local.bindings, name, binding);
  }
  return local;
}

/** The document's scan from every statement's walk, in order; `fullTree` is kept for the next full parse. */
function documentFromWalks(fileName: string, text: string, patterns: PatternSet, fullTree: ts.SourceFile | undefined, tree: ts.SourceFile, walks: readonly StatementWalk[]): DocumentScan {
  const state = newState(tree, text, patterns);
  for (const walk of walks) replay(state, walk);
  const { checks, importedKeys, importedKeyTypes, evidenceImports } = completeChecks(state);
  const scan = lazyExports({
    fileName, checks, importedKeys,
    ...(importedKeyTypes.length > 0 ? { importedKeyTypes } : {}),
    ...(evidenceImports.length > 0 ? { evidenceImports } : {}),
  }, () => scanFile(fileName, text, patterns));
  return { scan, text, patterns, tree: fullTree, walks };
}

// Walks whose statement was parsed on its own: kept walks are the same objects from edit to edit.
const parsedAlone = new WeakMap<StatementWalk, boolean>();

/**
 * True when the walk's statement, parsed on its own, is one statement without a syntax error. A last
 * statement that ends in `;` may still be unfinished (`{ a;` reaches to the end of the file), and then
 * what is typed after it belongs to it.
 */
function parsesAlone(fileName: string, text: string, walk: StatementWalk): boolean {
  let alone = parsedAlone.get(walk);
  if (alone === undefined) {
    const fragment = text.slice(walk.pos, walk.end);
    const tree = parseSource(fileName, fragment);
    alone = tree.statements.length === 1 && tree.statements[0].end === fragment.length && !hasSyntaxError(tree);
    parsedAlone.set(walk, alone);
  }
  return alone;
}

/** Adds a recorded walk to `state` as walking its statement again would. */
function replay(state: ScanState, walk: StatementWalk): StatementWalk {
  for (const [name, binding] of walk.bindings) addBinding(state.bindings, name, binding);
  state.drafts.push(...walk.drafts);
  for (const [name, type] of walk.typeAliases) state.typeAliases.set(name, type);
  return walk;
}

/** Bindings are moved in place: thousands of them move on every keystroke, and none is seen outside this file. */
type MovableBinding = { -readonly [Field in keyof Binding]: Binding[Field] };

/** A walk before the edit: only its file-level bindings reach past the edit, to the end of the file. */
function moveFileEnd(walk: StatementWalk, oldFileEnd: number, fileEnd: number): void {
  for (const [, binding] of walk.bindings) if (isFileLevel(binding, oldFileEnd)) (binding as MovableBinding).scopeEnd = fileEnd;
}

/** A walk moved by an edit before it, or from its statement's own offsets (then its file-level scopes, ending at `fileEnd`, stay). */
function moveWalk(walk: StatementWalk, moved: (position: number) => number, fileEnd?: number): StatementWalk {
  const moveSpan = (span: Span): Span => ({ start: moved(span.start), end: moved(span.end) });
  for (const [, binding] of walk.bindings) {
    const movable = binding as MovableBinding;
    if (binding.value !== undefined && typeof binding.value !== 'string') movable.value = moveValue(binding.value, moved);
    // Each binding has its own origin (see `declareOpaqueNames`): moved in place, as the binding is. A bag's origin
    // is read where each flag is read (see `pushBagDraft`), so its position is never used.
    if (binding.origin !== undefined && binding.origin.reference.kind === 'local') moveInPlace(binding.origin.reference, moved);
    if (fileEnd !== undefined && isFileLevel(binding, fileEnd)) continue;
    movable.scopeStart = moved(binding.scopeStart);
    movable.scopeEnd = moved(binding.scopeEnd);
  }
  return {
    ...walk,
    pos: moved(walk.pos),
    end: moved(walk.end),
    drafts: walk.drafts.map((draft) => ({
      check: { ...draft.check, keySpan: moveSpan(draft.check.keySpan), callSpan: moveSpan(draft.check.callSpan) },
      ...(draft.keyValue === undefined ? {} : { keyValue: moveValue(draft.keyValue, moved) }),
      ...(draft.evidence === undefined ? {} : { evidence: { ...draft.evidence, reference: moveReference(draft.evidence.reference, moved) } }),
    })),
  };
}

function moveReference(reference: LocalReference, moved: (position: number) => number): LocalReference {
  return { ...reference, position: moved(reference.position) };
}

function moveInPlace(reference: LocalReference, moved: (position: number) => number): void {
  (reference as { position: number }).position = moved(reference.position);
}

function moveValue(value: LocalValue, moved: (position: number) => number): LocalValue {
  if (typeof value === 'string') return value;
  switch (value.kind) {
    case 'local':
      return { ...value, position: moved(value.position) };
    case 'object': {
      const members: Record<string, LocalValue> = {};
      for (const name of Object.keys(value.members)) setMember(members, name, moveValue(value.members[name], moved));
      const { constructed } = value;
      return {
        kind: 'object', members,
        ...(value.spreads === undefined ? {} : { spreads: value.spreads.map((spread) => moveValue(spread, moved)) }),
        ...(value.mirror === true ? { mirror: true as const } : {}),
        ...(value.fields === undefined ? {} : { fields: value.fields }),
        ...(constructed === undefined ? {} : { constructed: { of: moveValue(constructed.of, moved), args: constructed.args.map((argument) => (argument === undefined ? undefined : moveValue(argument, moved))) } }),
      };
    }
    case 'import':
      return value;
  }
}

/** Where two texts differ: from `start` to `oldEnd` in the old one. */
function changedRange(old: string, text: string): { start: number; oldEnd: number } {
  const limit = Math.min(old.length, text.length);
  // Whole blocks first (comparing two slices is a memory compare), then character by character.
  let start = 0;
  while (start + DIFF_BLOCK <= limit && old.slice(start, start + DIFF_BLOCK) === text.slice(start, start + DIFF_BLOCK)) start += DIFF_BLOCK;
  while (start < limit && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let same = 0;
  const sameLimit = limit - start;
  while (same + DIFF_BLOCK <= sameLimit && old.slice(old.length - same - DIFF_BLOCK, old.length - same) === text.slice(text.length - same - DIFF_BLOCK, text.length - same)) same += DIFF_BLOCK;
  while (same < sameLimit && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  return { start, oldEnd: old.length - same };
}

const DIFF_BLOCK = 1024;

/** The index of the walk whose statement holds the whole old range, leading trivia included. */
function walkAround(walks: readonly StatementWalk[], start: number, oldEnd: number): number | undefined {
  let low = 0;
  let high = walks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (walks[middle].end < start) low = middle + 1;
    else if (walks[middle].pos > start) high = middle - 1;
    else return walks[middle].pos <= start && oldEnd <= walks[middle].end ? middle : undefined;
  }
  return undefined;
}

/** A scan whose exports are computed by `full` the first time any is read. */
function lazyExports(checks: Omit<FileScan, 'exports' | 'starExports' | 'typeExports' | 'origins' | 'memberOrigins'>, full: () => FileScan): FileScan {
  let scan: FileScan | undefined;
  const fullScan = (): FileScan => (scan ??= full());
  return Object.defineProperties({ ...checks } as FileScan, {
    exports: { get: () => fullScan().exports, enumerable: true },
    starExports: { get: () => fullScan().starExports, enumerable: true },
    typeExports: { get: () => fullScan().typeExports, enumerable: true },
    origins: { get: () => fullScan().origins, enumerable: true },
    memberOrigins: { get: () => fullScan().memberOrigins, enumerable: true },
  });
}

/**
 * The tree of `text`, re-parsing only what changed since `previous` (which must not be used afterwards);
 * undefined when TypeScript's incremental parser fails an internal assertion, as it does on some edit
 * sequences (a random-edit test found one in 8 × 800 edits): the caller then parses the whole text.
 */
function updateSource(previous: ts.SourceFile, text: string): ts.SourceFile | undefined {
  const { start, oldEnd } = changedRange(previous.text, text);
  try {
    return updateSourceFile(previous, text, { span: { start, length: oldEnd - start }, newLength: text.length - (previous.text.length - oldEnd) - start });
  } catch {
    return undefined;
  }
}
