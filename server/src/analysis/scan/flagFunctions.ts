// Flag functions (the Vercel Flags SDK): `export const showBanner = flag({ key: 'x', decide() {...} })` declares a
// function, and code reads the flag by calling it, `await showBanner()`, with no key at the call. The declaration is
// a preset's check (patterns/vercel.ts); this pass finds the calls of such a function in its own file, and the calls
// of imported names that other files export as flag functions (`PatternSet.flagFunctionNames`), which
// `resolveChecks` keeps only when the import leads to a declaration (resolveFlagFunctions.ts).

import { ts } from 'ts-morph';
import type { PatternSet } from '../patterns';
import { RETURNS_VALUE, returnsOther } from '../patterns/define';
import { wholeNamesRegex } from '../regex';
import type { FlagCheck } from '../types';
import { lookupBinding } from './bindings';
import type { CompletedChecks } from './completeChecks';
import type { Binding, FileScan, FlagFunctionCall, ModuleReference, ScanState } from './types';
import { unwrap } from './values';

const {
  NodeFlags, SyntaxKind, canHaveModifiers, forEachChild, getModifiers, isArrayLiteralExpression, isAwaitExpression,
  isCallExpression, isExportDeclaration, isIdentifier, isParenthesizedExpression, isPropertyAccessExpression,
  isVariableDeclarationList, isVariableStatement,
} = ts;

/** The call gives a promise of the value: only `await f()` stands for the value, which the clean-up may replace. */
const RETURNS_PROMISE = returnsOther("a promise of the flag's value (not awaited here)");
/** `precompute([a, b])`, `evaluate([a, b])`, `export const flags = [a, b]`: the function itself, never the value. */
const RETURNS_FUNCTION_IN_LIST = returnsOther("the flag's function, in a list of flags evaluated together");

/** True when the text names one of the flag functions other files export, as a whole word. */
export function mentionsFlagFunction(text: string, patterns: PatternSet): boolean {
  const names = patterns.flagFunctionNames;
  if (names === undefined || names.length === 0) return false;
  return wholeNamesRegex(names, () => names).test(text);
}

/** `patterns` with the flag functions `names` (sorted, unique) known: files that mention one are scanned for their calls. */
export function withFlagFunctionNames(patterns: PatternSet, names: readonly string[]): PatternSet {
  const calleeNames = [...new Set([...patterns.calleeNames, ...names])];
  return { ...patterns, calleeNames, flagFunctionNames: names };
}

/** The exported flag-function names of a workspace's scans, sorted and unique. */
export function exportedFlagFunctionNames(scans: Iterable<{ readonly flagFunctions?: Readonly<Record<string, number>> } | null | undefined>): string[] {
  const names = new Set<string>();
  for (const scan of scans) for (const name of Object.keys(scan?.flagFunctions ?? {})) names.add(name);
  return [...names].sort();
}

/**
 * The flag-function names `names` extended by the names scans re-export them under (`export { showBanner as banner }
 * from './flags'`), sorted and unique; the same array when there are none. Only a prefilter's names: a call is kept
 * only when its import leads to a declaration.
 */
export function withReexportedNames(names: readonly string[], scans: Iterable<{ readonly exports: FileScan['exports'] } | null | undefined>): readonly string[] {
  const known = new Set(names);
  const added = new Set<string>();
  for (const scan of scans) {
    if (scan === null || scan === undefined) continue;
    for (const exported of Object.keys(scan.exports)) {
      const value = scan.exports[exported];
      if (typeof value !== 'string' && value.kind === 'import' && value.names.length === 1 && known.has(value.names[0]) && !known.has(exported)) added.add(exported);
    }
  }
  return added.size === 0 ? names : [...known, ...added].sort();
}

/** What the pass adds to a file's scan: its checks (calls added, in source order), and what other files need. */
export interface FlagFunctionScan extends CompletedChecks {
  flagFunctions?: Record<string, number>;
  flagFunctionCalls?: FlagFunctionCall[];
  /** True when the file declares a flag function: a skeleton may have blanked a body that calls it. */
  declares: boolean;
}

interface Declaration {
  readonly name: string;
  readonly checkIndex: number;
}

interface Candidate {
  /** The name called (or listed), then a member for `ns.showBanner()`. */
  readonly names: readonly string[];
  readonly position: number;
  readonly nameNode: ts.Node;
  readonly whole: ts.Node;
  readonly method: string;
  readonly returns: FlagCheck['returns'];
}

/**
 * The calls of flag functions in a file, added to its completed checks; undefined when the file declares none and
 * mentions none that other files export (the common case, decided without a walk).
 */
export function scanFlagFunctions(state: ScanState, completed: CompletedChecks, patterns: PatternSet): FlagFunctionScan | undefined {
  const declarationStarts = new Map<number, number>();
  completed.checks.forEach((check, index) => {
    // Only a declaration whose evidence is in this file: `flag` imported from the SDK's package.
    if (check.declaration === true && check.evidence !== undefined) declarationStarts.set(check.callSpan.start, index);
  });
  const known = patterns.flagFunctionNames ?? [];
  if (declarationStarts.size === 0 && (known.length === 0 || !mentionsFlagFunction(state.text, patterns))) return undefined;

  const { declarations, candidates, exportedLocals } = walk(state, declarationStarts, new Set(known));
  const declaredBy = new Map<Binding, Declaration>();
  for (const declaration of declarations) {
    const binding = lookupBinding(state, declaration.name, declaration.position);
    if (binding !== undefined) declaredBy.set(binding, declaration);
  }

  const checks = [...completed.checks];
  const importedKeys = [...completed.importedKeys];
  const calls: FlagFunctionCall[] = [];
  for (const candidate of candidates) {
    const [first, ...rest] = candidate.names;
    const binding = lookupBinding(state, first, candidate.position);
    if (binding === undefined) continue;
    const declaration = rest.length === 0 ? declaredBy.get(binding) : undefined;
    const base = candidateCheck(state, candidate);
    if (declaration !== undefined) {
      const declared = checks[declaration.checkIndex];
      const evidence = `\`${first}\` is a flag function declared in this file (${declared.evidence ?? declared.method})`;
      const imported = importedKeys.find((entry) => entry.checkIndex === declaration.checkIndex);
      if (imported !== undefined) importedKeys.push({ checkIndex: checks.length, reference: imported.reference });
      checks.push({ ...base, key: declared.key, resolved: declared.resolved, valueType: declared.valueType, evidence });
      continue;
    }
    const value = binding.value;
    if (value === undefined || typeof value === 'string' || value.kind !== 'import') continue;
    const reference: ModuleReference = { ...value, names: [...value.names, ...rest] };
    if (reference.names.length !== 1) continue;
    calls.push({ checkIndex: checks.length, reference });
    checks.push(base);
  }

  const flagFunctions: Record<string, number> = {};
  for (const { exported, local, position } of exportedLocals) {
    const binding = lookupBinding(state, local, position);
    const declaration = binding === undefined ? undefined : declaredBy.get(binding);
    if (declaration !== undefined) flagFunctions[exported] = declaration.checkIndex;
  }
  const scan = inSourceOrder({
    checks, importedKeys, importedKeyTypes: completed.importedKeyTypes, evidenceImports: completed.evidenceImports,
    flagFunctions, flagFunctionCalls: calls, declares: declarations.length > 0,
  });
  if (Object.keys(scan.flagFunctions ?? {}).length === 0) delete scan.flagFunctions;
  if ((scan.flagFunctionCalls ?? []).length === 0) delete scan.flagFunctionCalls;
  return scan;
}

/** The check a call (or a listed name) makes, its key still the name as written. */
function candidateCheck(state: ScanState, candidate: Candidate): FlagCheck {
  const nameStart = candidate.nameNode.getStart(state.sourceFile);
  return {
    key: state.text.slice(nameStart, candidate.nameNode.end),
    resolved: false,
    keySpan: { start: nameStart, end: candidate.nameNode.end },
    keyIsLiteral: false,
    callSpan: { start: candidate.whole.getStart(state.sourceFile), end: candidate.whole.end },
    sdk: 'vercel',
    method: candidate.method,
    valueType: 'unknown',
    negate: false,
    ...(candidate.returns === undefined ? {} : { returns: candidate.returns }),
  };
}

/**
 * One walk of the file: the `const` declarations initialised by a flag-function declaration check, the calls and
 * listed names among `names` (plus those declared here), and the exported local names.
 */
function walk(state: ScanState, declarationStarts: ReadonlyMap<number, number>, names: Set<string>): {
  declarations: Array<Declaration & { position: number }>;
  candidates: Candidate[];
  exportedLocals: Array<{ exported: string; local: string; position: number }>;
} {
  const declarations: Array<Declaration & { position: number }> = [];
  const found: ts.Node[] = [];
  const awaited = new Set<ts.Node>();
  const exportedLocals: Array<{ exported: string; local: string; position: number }> = [];
  const { sourceFile } = state;
  for (const statement of sourceFile.statements) {
    if (isExportDeclaration(statement) && statement.moduleSpecifier === undefined && statement.exportClause !== undefined && !ts.isNamespaceExport(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        exportedLocals.push({ exported: element.name.text, local: (element.propertyName ?? element.name).text, position: statement.end });
      }
    } else if (isVariableStatement(statement) && canHaveModifiers(statement) && getModifiers(statement)?.some((modifier) => modifier.kind === SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (isIdentifier(declaration.name)) exportedLocals.push({ exported: declaration.name.text, local: declaration.name.text, position: statement.end });
      }
    }
  }
  const stack: ts.Node[] = [sourceFile];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (isVariableDeclarationList(node)) {
      // Parents are not set on a scan's tree: a declaration's `const` is read from its list.
      if ((node.flags & NodeFlags.BlockScoped) === NodeFlags.Const) {
        for (const declaration of node.declarations) {
          const initializer = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
          const checkIndex = initializer === undefined ? undefined : declarationStarts.get(initializer.getStart(sourceFile));
          if (checkIndex !== undefined && isIdentifier(declaration.name)) {
            declarations.push({ name: declaration.name.text, checkIndex, position: declaration.name.end });
            names.add(declaration.name.text);
          }
        }
      }
    } else if (isAwaitExpression(node)) {
      let operand: ts.Expression = node.expression;
      while (isParenthesizedExpression(operand)) operand = operand.expression;
      awaited.add(operand);
    } else if (isCallExpression(node) || isArrayLiteralExpression(node)) {
      found.push(node);
    }
    forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  const candidates: Candidate[] = [];
  for (const node of found) {
    if (isArrayLiteralExpression(node)) {
      for (const element of node.elements) {
        if (isIdentifier(element) && names.has(element.text)) {
          candidates.push({ names: [element.text], position: element.end, nameNode: element, whole: element, method: element.text, returns: RETURNS_FUNCTION_IN_LIST });
        } else if (isPropertyAccessExpression(element) && isIdentifier(element.expression) && isIdentifier(element.name) && names.has(element.name.text)) {
          // `[flags.showBanner]` after `import * as flags from './flags'`.
          const method = `${element.expression.text}.${element.name.text}`;
          candidates.push({ names: [element.expression.text, element.name.text], position: element.expression.end, nameNode: element.name, whole: element, method, returns: RETURNS_FUNCTION_IN_LIST });
        }
      }
      continue;
    }
    const call = node as ts.CallExpression;
    const callee = unwrap(call.expression);
    const returns = awaited.has(call) ? RETURNS_VALUE : RETURNS_PROMISE;
    const method = state.text.slice(callee.getStart(sourceFile), callee.end).replace(/\s+/g, '');
    if (isIdentifier(callee)) {
      if (names.has(callee.text)) candidates.push({ names: [callee.text], position: callee.end, nameNode: callee, whole: call, method, returns });
    } else if (isPropertyAccessExpression(callee) && isIdentifier(callee.expression) && isIdentifier(callee.name)) {
      if (callee.name.text === 'run' && names.has(callee.expression.text)) {
        // `await showBanner.run({ identify, request })` evaluates the flag as a call does.
        candidates.push({ names: [callee.expression.text], position: callee.expression.end, nameNode: callee.expression, whole: call, method, returns });
      } else if (names.has(callee.name.text)) {
        // `await flags.showBanner()` after `import * as flags from './flags'`.
        candidates.push({ names: [callee.expression.text, callee.name.text], position: callee.expression.end, nameNode: callee.name, whole: call, method, returns });
      }
    }
  }
  return { declarations, candidates, exportedLocals };
}

/** The scan with its checks sorted by position (a file's checks are in source order), every index moved along. */
export function inSourceOrder(scan: FlagFunctionScan): FlagFunctionScan {
  const order = scan.checks.map((_, index) => index).sort((a, b) => scan.checks[a].callSpan.start - scan.checks[b].callSpan.start || a - b);
  if (order.every((from, to) => from === to)) return scan;
  const moved = new Array<number>(order.length);
  order.forEach((from, to) => (moved[from] = to));
  const flagFunctions: Record<string, number> = {};
  for (const name of Object.keys(scan.flagFunctions ?? {})) flagFunctions[name] = moved[(scan.flagFunctions as Record<string, number>)[name]];
  return {
    checks: order.map((from) => scan.checks[from]),
    importedKeys: scan.importedKeys.map((entry) => ({ ...entry, checkIndex: moved[entry.checkIndex] })),
    importedKeyTypes: scan.importedKeyTypes.map((entry) => ({ ...entry, checkIndex: moved[entry.checkIndex] })),
    evidenceImports: scan.evidenceImports.map((entry) => ({ ...entry, checkIndex: moved[entry.checkIndex] })),
    flagFunctions,
    flagFunctionCalls: (scan.flagFunctionCalls ?? []).map((entry) => ({ ...entry, checkIndex: moved[entry.checkIndex] })),
    declares: scan.declares,
  };
}
