// Flag functions (the Vercel Flags SDK): `export const showBanner = flag({ key: 'x', decide() {...} })` declares a
// function, and code reads the flag by calling it, `await showBanner()`, with no key at the call. The declaration is
// a preset's check (patterns/vercel.ts); this pass finds the calls of such a function in its own file, and the calls
// of imported names that other files export as flag functions (`PatternSet.flagFunctionNames`), which
// `resolveChecks` keeps only when the import leads to a declaration (flagFunctionCalls.ts). A helper of one flag
// (oneFlagHelpers.ts) is a flag function the team wrote: its calls, here and in the files that import it or hold its
// class's instance, are checks of the flag its own check asks for.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { PatternSet } from '../patterns';
import { calleeLastName, RETURNS_VALUE, returnsOther } from '../patterns/define';
import { wholeNamesRegex } from '../regex';
import type { FlagCheck } from '../types';
import { lookupBinding } from './bindings';
import type { CompletedChecks } from './completeChecks';
import { hasModifier } from './exports';
import { mayGiveCheck, oneFlagHelpers, type OneFlagHelper } from './oneFlagHelpers';
import type { Binding, FileScan, FlagFunctionCall, ModuleReference, ScanState } from './types';
import { unwrap } from './values';

const {
  NodeFlags, SyntaxKind, forEachChild, isArrayLiteralExpression, isAwaitExpression,
  isCallExpression, isClassDeclaration, isExportDeclaration, isFunctionDeclaration, isIdentifier, isParenthesizedExpression,
  isPropertyAccessExpression, isVariableDeclarationList, isVariableStatement,
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

const everyMention = new WeakMap<readonly string[], RegExp>();

/**
 * True when the text names one of the flag functions other files export, or one it declares itself (`declared`, a scan's
 * `flagFunctions`) a second time: a call, or anything but the one declaration, which its scan has read already.
 */
export function callsFlagFunction(text: string, patterns: PatternSet, declared: Readonly<Record<string, number>> | null | undefined): boolean {
  const names = patterns.flagFunctionNames;
  if (names === undefined || names.length === 0 || !mentionsFlagFunction(text, patterns)) return false;
  if (declared === undefined || declared === null) return true;
  let regex = everyMention.get(names);
  if (regex === undefined) {
    regex = new RegExp(wholeNamesRegex(names, () => names).source, 'g');
    everyMention.set(names, regex);
  }
  const own = new Map(Object.keys(declared).map((name) => [calleeLastName(name), 0]));
  for (const [name] of text.matchAll(regex)) {
    const seen = own.get(name);
    if (seen === undefined || seen > 0) return true;
    own.set(name, seen + 1);
  }
  return false;
}

/** `patterns` with the flag functions `names` (sorted, unique) known: files that mention one are scanned for their calls. */
export function withFlagFunctionNames(patterns: PatternSet, names: readonly string[]): PatternSet {
  const calleeNames = [...new Set([...patterns.calleeNames, ...names])];
  return { ...patterns, calleeNames, flagFunctionNames: names };
}

/**
 * The flag-function names of a workspace's scans, sorted and unique: those an SDK declares (Vercel Flags), and the
 * helpers of one flag, which only a scan whose patterns follow them declares (zero-config infers them from the code as it
 * infers wrappers; see `PatternSet.oneFlagHelpers`). A helper method (`UserService.getX`) is called by its own name.
 */
export function exportedFlagFunctionNames(scans: Iterable<Pick<FileScan, 'flagFunctions'> | null | undefined>): string[] {
  const names = new Set<string>();
  for (const scan of scans) for (const name of flagFunctionNamesOf(scan)) names.add(name);
  return [...names].sort();
}

/** The names a scan declares flag functions by (see `exportedFlagFunctionNames`). */
export function flagFunctionNamesOf(scan: Pick<FileScan, 'flagFunctions'> | null | undefined): string[] {
  return Object.keys(scan?.flagFunctions ?? {}).map(calleeLastName);
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
 * mentions none that other files export (the common case, decided without a walk). Helpers of one flag
 * (oneFlagHelpers.ts) are flag functions too: their calls are checks of the flag their check asks for.
 */
export function scanFlagFunctions(state: ScanState, completed: CompletedChecks, patterns: PatternSet): FlagFunctionScan | undefined {
  const declarationStarts = new Map<number, number>();
  completed.checks.forEach((check, index) => {
    // Only a declaration whose evidence is in this file: `flag` imported from the SDK's package.
    if (check.declaration === true && check.evidence !== undefined) declarationStarts.set(check.callSpan.start, index);
  });
  const helpers = patterns.oneFlagHelpers === false ? [] : helpersOf(state.sourceFile, state.text, completed);
  const known = patterns.flagFunctionNames ?? [];
  if (declarationStarts.size === 0 && helpers.length === 0 && (known.length === 0 || !mentionsFlagFunction(state.text, patterns))) return undefined;

  // A helper's calls are looked for once the workspace knows its name (index.ts scans the files that mention one again),
  // in its own file as in others: a scan does not depend on what the file declares further down, and an open
  // document's statement-by-statement scan finds what this one does.
  const { declarations, candidates, exportedLocals } = walk(state, declarationStarts, new Set(known));
  const declaredBy = new Map<Binding, Declaration>();
  for (const declaration of declarations) {
    const binding = lookupBinding(state, declaration.name, declaration.position);
    if (binding !== undefined) declaredBy.set(binding, declaration);
  }
  // A function declaration has no binding unless it makes a client: one that no binding shadows is found by its name.
  const helperBy: HelpersHere = { byBinding: new Map(), functions: new Map(), methods: new Map() };
  addHelpers(state, helperBy, helpers);

  const checks = [...completed.checks];
  const importedKeys = [...completed.importedKeys];
  const evidenceImports = [...completed.evidenceImports];
  const calls: FlagFunctionCall[] = [];
  const taken = new Set(checks.map((check) => check.callSpan.start));
  // A call of a helper keeps the helper's key, whether this file or another gives it, and holds only if its check does.
  const sameCheck = (from: number, to: number): void => {
    const key = importedKeys.find((entry) => entry.checkIndex === from);
    if (key !== undefined) importedKeys.push({ checkIndex: to, reference: key.reference });
    for (const entry of evidenceImports.filter((held) => held.checkIndex === from)) evidenceImports.push({ ...entry, checkIndex: to });
  };
  // A call of a helper here, of a flag function declared here, or of another module's (followed when keys are resolved).
  // False when the candidate names nothing known yet: a helper of a higher level may be declared by a later pass.
  const added = (candidate: Candidate): boolean => {
    const [first, ...rest] = candidate.names;
    const base = candidateCheck(state, candidate);
    if (taken.has(base.callSpan.start)) return true;
    // A helper named in a list (`router.use([gate, next])`) is handed over, not called: only a call asks for the flag.
    const listed = candidate.returns === RETURNS_FUNCTION_IN_LIST;
    const helper = listed ? undefined : helperCalled(state, candidate, helperBy);
    if (helper !== undefined) {
      sameCheck(helper.checkIndex, checks.length);
      checks.push(helperCallCheck(base, checks[helper.checkIndex], helper.name, state.sourceFile.fileName));
      return true;
    }
    const binding = lookupBinding(state, first, candidate.position);
    if (binding === undefined) return false;
    const declaration = rest.length === 0 ? declaredBy.get(binding) : undefined;
    if (declaration !== undefined) {
      const declared = checks[declaration.checkIndex];
      const evidence = `\`${first}\` is a flag function declared in this file (${declared.evidence ?? declared.method})`;
      sameCheck(declaration.checkIndex, checks.length);
      checks.push({ ...base, key: declared.key, resolved: declared.resolved, valueType: declared.valueType, evidence });
      return true;
    }
    const reference = calledReference(state, first, candidate.position, rest);
    if (reference === undefined) return false;
    calls.push({ checkIndex: checks.length, reference, ...(listed ? { listed: true as const } : {}) });
    checks.push(base);
    return true;
  };
  // A helper may give back a call of another helper (`useXEnabled = () => useXFlag() === Variant.Enabled`): once a
  // level's calls are checks, the functions here that give one back are the next level's helpers, a few levels up.
  let waiting = candidates;
  for (let level = 0; level < MAX_HELPER_LEVELS && waiting.length > 0; level++) {
    const before = checks.length;
    waiting = waiting.filter((candidate) => !added(candidate));
    if (checks.length === before) break;
    // Only this level's calls: a function that gave back an older check is a helper already, or none.
    const calledHere = new Set(calls.filter((call) => call.listed !== true && call.checkIndex >= before).map((call) => call.checkIndex));
    const higher = oneFlagHelpers(state.sourceFile, checks, (index) => index >= before && (checks[index].helperCall !== undefined || calledHere.has(index)));
    if (higher.length === 0) break;
    helpers.push(...higher);
    addHelpers(state, helperBy, higher);
  }

  // Every helper is named for the workspace's second pass, exported or not; an export adds the name it is imported by.
  const flagFunctions: Record<string, number> = {};
  for (const helper of helpers) flagFunctions[helper.name] = helper.checkIndex;
  for (const { exported, local, position } of exportedLocals) {
    const binding = lookupBinding(state, local, position);
    const declaration = binding === undefined ? helperBy.functions.get(local) : declaredBy.get(binding) ?? helperBy.byBinding.get(binding);
    if (declaration !== undefined) flagFunctions[exported] = declaration.checkIndex;
    // An exported class's helper methods, by the name the class, or the one instance it makes here, is exported under.
    const className = receiverType(state, local, position)?.name ?? local;
    for (const helper of helperBy.methods.values()) if (helper.name.startsWith(`${className}.`)) flagFunctions[`${exported}.${calleeLastName(helper.name)}`] = helper.checkIndex;
  }
  const scan = inSourceOrder({
    checks, importedKeys, importedKeyTypes: completed.importedKeyTypes, evidenceImports,
    flagFunctions, flagFunctionCalls: calls,
    declares: declarations.length > 0,
  });
  if (Object.keys(scan.flagFunctions ?? {}).length === 0) delete scan.flagFunctions;
  if ((scan.flagFunctionCalls ?? []).length === 0) delete scan.flagFunctionCalls;
  return scan;
}

/** The helpers of one flag a file declares, given its checks (see oneFlagHelpers.ts); none, without a walk, in most files. */
function helpersOf(sourceFile: ts.SourceFile, text: string, found: Pick<CompletedChecks, 'checks' | 'importedKeys'>): OneFlagHelper[] {
  if (!mayGiveCheck(text, found.checks)) return [];
  const imported = new Set(found.importedKeys.map((entry) => entry.checkIndex));
  return oneFlagHelpers(sourceFile, found.checks, (index) => isHelperCheck(found.checks[index], imported.has(index)));
}

/** This file's helpers of one flag: functions by their binding, or by name when they have none, and methods by `Class.method`. */
interface HelpersHere {
  readonly byBinding: Map<Binding, OneFlagHelper>;
  readonly functions: Map<string, OneFlagHelper>;
  readonly methods: Map<string, OneFlagHelper>;
}

/** Adds helpers to this file's: a method by `Class.method`, a function by its binding, or by its name when it has none. */
function addHelpers(state: ScanState, here: HelpersHere, helpers: readonly OneFlagHelper[]): void {
  for (const helper of helpers) {
    if (helper.classSpan !== undefined) {
      here.methods.set(helper.name, helper);
      continue;
    }
    const binding = lookupBinding(state, helper.name, helper.position);
    if (binding !== undefined) here.byBinding.set(binding, helper);
    else here.functions.set(helper.name, helper);
  }
}

// Helpers of helpers of one flag, as deep as a team layers them: a variant, whether it is on, the hook that asks.
const MAX_HELPER_LEVELS = 4;

/**
 * Whether a check may be what a helper of one flag gives: its key is the flag's own, written or imported (not a
 * parameter's, nor a name read elsewhere), and it reads the flag, not an environment switch, a stored value or a
 * declaration, which other rules follow to their reads.
 */
function isHelperCheck(check: FlagCheck, keyImported: boolean): boolean {
  return (check.resolved || keyImported) && check.dynamic !== true && check.declaration !== true && check.environmentSwitch !== true
    && check.storedFrom === undefined && check.bySelector === undefined && check.heldInStore === undefined && check.inTemplate !== true
    && check.setInCode !== true && check.helperCall === undefined;
}

/**
 * The helper of this file a candidate calls: a function by its binding, `this.method()` in its class, a static method by
 * its class, or a method on a receiver typed or made by the class (`this.service.isX()` after `private service:
 * FeatureService`). Undefined for anything else, another module's class too (`calledReference` follows those).
 */
function helperCalled(state: ScanState, candidate: Candidate, helpers: HelpersHere): OneFlagHelper | undefined {
  const [first, ...rest] = candidate.names;
  if (rest.length === 0) {
    const binding = lookupBinding(state, first, candidate.position);
    return binding === undefined ? helpers.functions.get(first) : helpers.byBinding.get(binding);
  }
  if (rest.length !== 1) return undefined;
  if (first === 'this') {
    for (const helper of helpers.methods.values()) {
      const span = helper.classSpan as NonNullable<OneFlagHelper['classSpan']>;
      if (calleeLastName(helper.name) === rest[0] && span.start <= candidate.position && candidate.position <= span.end) return helper;
    }
    return undefined;
  }
  return helpers.methods.get(`${receiverType(state, first, candidate.position)?.name ?? first}.${rest[0]}`);
}

/** The class a receiver is typed or made by (`UserService` for `this.userService` or `userService`), as the name it is known by here. */
function receiverType(state: ScanState, receiver: string, position: number): { readonly name: string; readonly position: number } | undefined {
  const binding = lookupBinding(state, receiver, position);
  const value = binding?.value;
  const made = value !== undefined && typeof value !== 'string' && value.kind === 'object' ? value.constructed?.of : undefined;
  if (made !== undefined && typeof made !== 'string' && made.kind === 'local') return made.names.length === 1 ? { name: made.names[0], position } : undefined;
  const origin = binding?.origin;
  if (origin === undefined || (origin.how !== 'typed' && origin.how !== 'created' && origin.how !== 'injected')) return undefined;
  const reference = origin.reference;
  return reference.kind === 'local' && reference.names.length === 1 ? { name: reference.names[0], position: reference.position } : undefined;
}

/**
 * The import a call names: the function (`showBanner()`), a namespace's or class's member (`flags.showBanner()`,
 * `FeatureFlags.isX()`), or a method of a receiver typed or made by an imported class (`this.userService.getX()`).
 */
function calledReference(state: ScanState, first: string, position: number, rest: readonly string[]): ModuleReference | undefined {
  let value = lookupBinding(state, first, position)?.value;
  const made = value !== undefined && typeof value !== 'string' && value.kind === 'object' ? value.constructed?.of : undefined;
  if (made !== undefined && typeof made !== 'string' && made.kind === 'import') value = made;
  else if (rest.length === 1 && (value === undefined || made !== undefined)) {
    const type = receiverType(state, first, position);
    value = type === undefined ? undefined : lookupBinding(state, type.name, type.position)?.value;
  }
  if (value === undefined || typeof value === 'string' || value.kind !== 'import') return undefined;
  const names = [...value.names, ...rest];
  return names.length === 1 || names.length === 2 ? { ...value, names } : undefined;
}

/**
 * A call of a helper of one flag, given the check the helper gives (`declared`, at its start in `file`): a check of that
 * flag, which the clean-up leaves.
 */
export function helperCallCheck(call: FlagCheck, declared: FlagCheck, helper: string, file: string): FlagCheck {
  // What the call gives is what the helper makes of the flag, never the flag's value as an SDK's call gives it.
  const check: FlagCheck = { ...call };
  delete check.returns;
  return {
    ...check,
    key: declared.key,
    resolved: declared.resolved,
    sdk: declared.sdk,
    valueType: declared.valueType,
    ...(declared.camelCaseName === undefined ? {} : { camelCaseName: declared.camelCaseName }),
    helperCall: { name: helper, file, start: declared.callSpan.start },
    evidence: `\`${helper}\` gives back a check of the flag, ${declared.method}() in ${posix.basename(file)}`,
  };
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
    } else if (isVariableStatement(statement) && hasModifier(statement, SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (isIdentifier(declaration.name)) exportedLocals.push({ exported: declaration.name.text, local: declaration.name.text, position: statement.end });
      }
    } else if ((isFunctionDeclaration(statement) || isClassDeclaration(statement)) && statement.name !== undefined && hasModifier(statement, SyntaxKind.ExportKeyword) && !hasModifier(statement, SyntaxKind.DefaultKeyword)) {
      exportedLocals.push({ exported: statement.name.text, local: statement.name.text, position: statement.end });
    }
  }
  // With no flag function declared here nor named elsewhere (a file of helpers, before the workspace knows their names),
  // there is no call to look for: only the exports are read.
  const stack: ts.Node[] = declarationStarts.size === 0 && names.size === 0 ? [] : [sourceFile];
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
    } else if (isPropertyAccessExpression(callee) && isIdentifier(callee.name) && names.has(callee.name.text)) {
      // A helper method, on the class's own instance (`this.isX()`) or on a service it holds (`this.features.isX()`).
      const receiver = callee.expression;
      if (receiver.kind === SyntaxKind.ThisKeyword) {
        candidates.push({ names: ['this', callee.name.text], position: receiver.end, nameNode: callee.name, whole: call, method, returns });
      } else if (isPropertyAccessExpression(receiver) && receiver.expression.kind === SyntaxKind.ThisKeyword && isIdentifier(receiver.name)) {
        candidates.push({ names: [`this.${receiver.name.text}`, callee.name.text], position: receiver.end, nameNode: callee.name, whole: call, method, returns });
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
