// Removing a flag from one file: each check becomes the value the flag serves, what that value flows
// into is simplified, imports the removal left unused go, and the result must parse before it is given
// back. Pure: text in, text and edits out.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { camelCaseFromFlagKey } from '../keys';
import { componentLabel } from '../components';
import type { FlagCheck } from '../types';
import { applyEdits, lineCount, lineEdits, type TextEdit } from './edits';
import { bindFile, type BoundFile } from './program';
import { nodeAtSpan, type CallTypes, type TypedReturns } from './returnTypes';
import { simplifyChecks, type ExportedConstant, type ValuedCheck } from './simplify';
import { nowUnusedNames, pruneImports, type UnusedName } from './unused';

/** The value the removal keeps: a served value, or whatever default each check passes in the code. */
export type KeptValue = { kind: 'value'; value: unknown } | { kind: 'code-default' };

/** Something the removal left as it was in a file, and why. */
export interface RemovalProblem {
  /** 1-based line in the original text. */
  line: number;
  message: string;
}

/** What removing a flag did to one file. */
export interface FileRemoval {
  fileName: string;
  /** The cleaned text; the original text when nothing changed or the result would not parse. */
  text: string;
  /** Whole-line edits on the original text that give `text`. */
  edits: TextEdit[];
  checksRemoved: number;
  /** Lines the file lost (lines before minus lines after). */
  linesDeleted: number;
  /** Declarations deleted with the flag: variables that held its value, helpers that only returned it. */
  deletedNames: string[];
  nowUnused: UnusedName[];
  /** Exported helpers and constants that now always give one value: kept, since other files may use them. */
  nowConstant: ConstantName[];
  problems: RemovalProblem[];
}

/** An exported declaration that now always gives one value. */
export interface ConstantName extends ExportedConstant {
  /** 1-based line in the cleaned file. */
  line: number;
}

/** True when a check asks for this flag: by resolved key, by its camelCased bag name, or by the key's source text. */
export function checksFlag(check: FlagCheck, key: string): boolean {
  if (check.key === key) return true;
  return check.camelCaseName !== undefined && check.camelCaseName === camelCaseFromFlagKey(key);
}

/**
 * Removes one flag's checks (already selected with `checksFlag`) from a file's text. Whatever goes
 * wrong in one file (nesting deeper than the walks hold, a bug) leaves that file as it was, saying so.
 * `callTypes`, where the project's types are at hand, says what each call returns by its type.
 */
export function removeFlagFromFile(fileName: string, text: string, checks: readonly FlagCheck[], kept: KeptValue, flagName: string, callTypes?: CallTypes): FileRemoval {
  const unchanged: FileRemoval = { fileName, text, edits: [], checksRemoved: 0, linesDeleted: 0, deletedNames: [], nowUnused: [], nowConstant: [], problems: [] };
  if (checks.length === 0) return unchanged;
  // The parser reads a Vue or Svelte component as its script view (see ../components.ts), so an edit of that view is no
  // edit of the component; its markup, where many of its checks are, would need a rewrite that knows the markup.
  const component = componentLabel(fileName);
  if (component !== undefined) {
    const line = text.slice(0, checks[0].callSpan.start).split('\n').length;
    return { ...unchanged, problems: [{ line, message: `'${flagName}' is checked in ${component}, which the clean-up does not rewrite: remove it here by hand` }] };
  }
  try {
    return removeChecks(fileName, text, checks, kept, flagName, unchanged, callTypes);
  } catch (error) {
    const message = `'${flagName}' could not be removed from this file (${error instanceof Error ? error.message : String(error)}); it is left unchanged`;
    return { ...unchanged, problems: [{ line: 1, message }] };
  }
}

function removeChecks(fileName: string, text: string, checks: readonly FlagCheck[], kept: KeptValue, flagName: string, unchanged: FileRemoval,
  callTypes: CallTypes | undefined): FileRemoval {
  const before = bindFile(fileName, text);
  const problems: RemovalProblem[] = [];
  const problemAt = (offset: number, message: string): void => {
    problems.push({ line: before.sourceFile.getLineAndCharacterOfPosition(offset).line + 1, message });
  };
  // The parser's recovery from an error can nest later code inside the branch being deleted, so a
  // file that is already broken is never rewritten, whatever the edit would look like.
  const [firstError] = before.syntaxErrors;
  if (firstError !== undefined) {
    const at = before.sourceFile.getLineAndCharacterOfPosition(firstError.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(firstError.messageText, ' ');
    problems.push({ line: at.line + 1, message: `the file already has a syntax error at ${at.line + 1}:${at.character + 1} (${message}); '${flagName}' is not removed from it until that is fixed` });
    return { ...unchanged, problems };
  }
  const valued: ValuedCheck[] = [];
  for (const check of checks) {
    // A helper's call is cleaned up with the helper's own check: inlined where the helper goes, kept where it stays.
    if (check.helperCall !== undefined) continue;
    // Decided by the check alone, whatever its node: a call that gives a variant, a component that renders its children.
    const noValue = givesNoValue(check, flagName);
    if (noValue !== undefined) {
      problemAt(check.callSpan.start, noValue);
      continue;
    }
    const node = nodeAtSpan(before.sourceFile, check.callSpan.start, check.callSpan.end);
    if (node === undefined) {
      problemAt(check.callSpan.start, `the check of '${flagName}' was not found in the current text; scan the file again`);
      continue;
    }
    const value = valueOfCheck(check, kept, flagName);
    if (typeof value === 'string') {
      problemAt(check.callSpan.start, value);
      continue;
    }
    // An SDK's pattern matched by name on a function the project declares itself: that function, not the SDK's.
    // A Vercel flag function is the project's own by design: `export const showBanner = flag({...})`.
    const ownFunction = check.sdk === 'custom' || check.sdk === 'vercel' ? undefined : callTypes?.projectDeclarationOf(fileName, check.callSpan);
    if (ownFunction !== undefined) {
      problemAt(check.callSpan.start, `this call of ${check.method}() is the project's own function (declared in ${shortPath(ownFunction)}), not ${SDK_NAMES[check.sdk]}'s; left as it is (name it in .flaglens.json's patterns if it gives '${flagName}')`);
      continue;
    }
    // The checker is asked where nothing declares what the call returns, and to confirm a declared value.
    const typed = check.returns === undefined || check.returns.kind === 'value' ? callTypes?.returnsOf(fileName, check.callSpan) : undefined;
    const expectedPromise = callTypes === undefined ? undefined : (use: ts.Node) => callTypes.expectedPromiseOf(fileName, { start: use.getStart(before.sourceFile), end: use.end });
    const replaced = replacedNode(check, node, flagName, before, typed, expectedPromise);
    if ('why' in replaced) {
      problemAt(check.callSpan.start, replaced.why);
      continue;
    }
    valued.push({ node: replaced.node, value: value.value });
  }
  if (valued.length === 0) return { ...unchanged, problems };

  const simplified = simplifyChecks(before, valued, flagName);
  for (const problem of simplified.problems) problemAt(problem.start, problem.message);
  const rewritten = applyEdits(text, simplified.edits);
  const rewrittenBound = bindFile(fileName, rewritten);
  let cleaned = applyEdits(rewritten, pruneImports(before, rewrittenBound));
  // Deleting what opened the file (imports, a helper) leaves the blank line that followed it at the top.
  if (/^\s*\n/.test(cleaned) && !/^\s*\n/.test(text)) cleaned = cleaned.replace(/^\s*\n/, '');
  const after = cleaned === rewritten ? rewrittenBound : bindFile(fileName, cleaned);
  if (after.syntaxErrors.length > 0) {
    const error = after.syntaxErrors[0];
    const message = ts.flattenDiagnosticMessageText(error.messageText, ' ');
    problemAt(valued[0].node.getStart(before.sourceFile), `removing '${flagName}' would leave a syntax error (${message}); the file is left unchanged`);
    return { ...unchanged, problems };
  }
  const emptied = arraysLeftEmpty(before.sourceFile, after.sourceFile);
  if (emptied.length > 0) {
    problemAt(valued[0].node.getStart(before.sourceFile), `removing '${flagName}' would delete every element added to ${emptied.map((name) => `'${name}'`).join(', ')} (declared as [] without a type, so its type would be lost); the file is left unchanged`);
    return { ...unchanged, problems };
  }
  return {
    fileName,
    text: cleaned,
    edits: lineEdits(text, cleaned),
    checksRemoved: valued.length - simplified.problems.length,
    linesDeleted: lineCount(text) - lineCount(cleaned),
    deletedNames: simplified.deletedNames,
    nowUnused: nowUnusedNames(before, after),
    nowConstant: simplified.nowConstant.map((constant) => ({ ...constant, line: declarationLine(after.sourceFile, constant.name) })),
    problems,
  };
}

/**
 * Variables declared `= []` without a type, whose type TypeScript works out from the elements added
 * later (`push`, `unshift`, `splice`, an index assignment), that had such a write before the removal
 * and have none after: the removal would leave them typed `any[]`.
 */
function arraysLeftEmpty(before: ts.SourceFile, after: ts.SourceFile): string[] {
  const written = (file: ts.SourceFile): Map<string, number> => {
    const counts = new Map<string, number>();
    const stack: ts.Node[] = [file];
    while (stack.length > 0) {
      const node = stack.pop() as ts.Node;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.type === undefined
        && node.initializer !== undefined && ts.isArrayLiteralExpression(node.initializer) && node.initializer.elements.length === 0) {
        counts.set(node.name.text, counts.get(node.name.text) ?? 0);
      }
      const target = ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ['push', 'unshift', 'splice'].includes(node.expression.name.text)
        ? node.expression.expression
        : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left) ? node.left.expression : undefined;
      if (target !== undefined && ts.isIdentifier(target)) counts.set(`write:${target.text}`, (counts.get(`write:${target.text}`) ?? 0) + 1);
      ts.forEachChild(node, (child) => {
        stack.push(child);
      });
    }
    return counts;
  };
  const old = written(before);
  const now = written(after);
  return [...now.keys()].filter((name) => !name.startsWith('write:') && (old.get(`write:${name}`) ?? 0) > 0 && (now.get(`write:${name}`) ?? 0) === 0);
}

/** The value a check stands for, or why it cannot be known. */
function valueOfCheck(check: FlagCheck, kept: KeptValue, flagName: string): { value: unknown } | string {
  let value: unknown;
  if (kept.kind === 'value') {
    value = kept.value;
  } else {
    const codeDefault = codeDefaultOf(check);
    if ('why' in codeDefault) return `'${flagName}' serves the code's default, and ${codeDefault.why}; left as it is (or give the value with --value)`;
    value = codeDefault.value;
  }
  return { value: check.negate ? !value : value };
}

const SDK_NAMES: Readonly<Record<FlagCheck['sdk'], string>> = {
  openfeature: 'OpenFeature', launchdarkly: 'LaunchDarkly', unleash: 'Unleash', growthbook: 'GrowthBook', posthog: 'PostHog',
  statsig: 'Statsig', devcycle: 'DevCycle', configcat: 'ConfigCat', flagsmith: 'Flagsmith', split: 'Split', optimizely: 'Optimizely',
  vercel: 'the Vercel Flags SDK', grafana: "Grafana's feature toggles", ember: 'ember-feature-flags', openshift: "the OpenShift console's flags", flagged: 'flagged', firebase: 'Firebase Remote Config', reflag: 'Reflag', flipt: 'Flipt',
  custom: 'a pattern',
};

/** The last two segments of a path: `scripts/utils.ts`. */
function shortPath(fileName: string): string {
  return fileName.split('/').slice(-2).join('/');
}

// Boolean checks that answer false when the backend serves nothing and the call passes no default.
const SDK_BOOLEAN_DEFAULTS: Readonly<Partial<Record<FlagCheck['sdk'], readonly string[]>>> = {
  growthbook: ['isOn', 'isOff', 'useFeatureIsOn'],
  unleash: ['isEnabled'],
};

/**
 * The flag value a check gets when the flag serves the code's default (before a wrapper's negation): the
 * default written at the check; else false for a boolean check whose SDK documents that default
 * (GrowthBook `isOn`, `useFeatureIsOn`, Unleash `isEnabled` without fallback) and for a team's wrapper
 * that answers "disabled" (it answers true unless the flag is on); else why it cannot be known.
 */
export function codeDefaultOf(check: FlagCheck): { value: unknown } | { why: string } {
  if (check.defaultValueText !== undefined) {
    const parsed = literalValue(check.defaultValueText);
    return parsed ?? { why: `this check's default (${check.defaultValueText}) is not a literal` };
  }
  const method = check.method.slice(check.method.lastIndexOf('.') + 1);
  if (SDK_BOOLEAN_DEFAULTS[check.sdk]?.includes(method) === true) return { value: false };
  if (check.sdk === 'custom' && check.negate) return { value: false };
  return { why: 'this check passes no default: pass a default value so FlagLens knows what the code serves' };
}

/** Why a check whose call is declared to give something else than the flag's value is left, wherever it is; else undefined. */
export function givesNoValue(check: FlagCheck, flagName: string): string | undefined {
  if (check.storedFrom !== undefined) return `this check reads the value of '${flagName}' that the check at ${check.storedFrom} stored; clean up that check, and this read keeps its value; left as it is`;
  if (check.inTemplate === true) return `this check of '${flagName}' is in the component's template, which the clean-up does not rewrite; left as it is`;
  if (check.negatedInKey === true) return `this check writes its key '!${flagName}': the team's own function reads the '!' as not, and only that function says what it gives; left as it is`;
  if (check.standIn === true) return `this check calls the SDK's function only where the program runs with it, and a stand-in elsewhere that answers for '${flagName}' by itself; replacing the call would change what the stand-in answers; left as it is`;
  if (check.clientChosen === true) return `this check asks one of two clients, chosen where the program runs, each of which may answer for '${flagName}' from its own configuration; left as it is`;
  if (check.setInCode === true) return `this check reads ${check.key}, a flag set in code in a module of flags, not a backend's flag; change it there; left as it is`;
  if (check.setInStorage !== undefined) return `this check reads a switch kept in the browser's ${check.setInStorage} under '${check.key}', set where the program runs, not the flag's value; left as it is`;
  if (check.helperCall !== undefined) return `this check calls ${check.helperCall.name} (in ${posix.basename(check.helperCall.file)}), a helper that gives back a check of '${flagName}'; clean up the check inside the helper, and this call keeps its value; left as it is`;
  if (check.bySelector !== undefined) return `this check hands ${check.bySelector}, a selector of '${flagName}', to the store, which gives the value where the program runs; clean up the selector's read of the flag; left as it is`;
  if (check.heldInStore !== undefined) return `this check reads a flag store that ${check.heldInStore} keeps under '${check.key}', set where the program runs, not the flag's value; left as it is`;
  if (check.environmentSwitch === true) return `this check reads an environment switch, which the environment variable or setting ${check.key} sets where the program runs, not the flag's value; left as it is`;
  return check.returns?.kind === 'other' ? `this check of '${flagName}' gives ${check.returns.what}, not the flag's value; left as it is` : undefined;
}

/**
 * The expression that stands for the flag's value at a check, to be replaced by it, or why there is
 * none. A call declared to give the value is that expression, unless its type says it is not; one
 * declared to give an object holding the value at a path is replaced only where the code reads that
 * path; one that gives something else never is. Where nothing declares it, the call's type decides
 * when it says anything (`typed`), else the code's own use: any use other than as a value leaves the
 * check as it is.
 */
function replacedNode(check: FlagCheck, node: ts.Node, flagName: string, bound: BoundFile, typed: TypedReturns | undefined,
  expectedPromise: ((use: ts.Node) => string | undefined) | undefined): { node: ts.Node } | { why: string } {
  const returns = check.returns;
  const noValue = givesNoValue(check, flagName);
  if (noValue !== undefined) return { why: noValue };
  if (returns?.kind === 'object') return valuePathOrWhy(node, returns.valuePath, `gives ${returns.others}`, flagName);
  if (returns?.kind === 'value' && typed !== undefined && typed.kind !== 'value' && contradictsValue(check, typed)) {
    return { why: `this check of '${flagName}' returns ${typed.what} by its type, though its pattern says it gives the flag's value; left as it is` };
  }
  if (returns === undefined && typed?.kind === 'other') return { why: `this check of '${flagName}' returns ${typed.what}, not the flag's value; left as it is` };
  if (returns === undefined && typed?.kind === 'object') return valuePathOrWhy(node, typed.valuePath, `returns ${typed.what}`, flagName);
  const asValue = returns?.kind === 'value' || typed?.kind === 'value';
  const use = heldUse(node, bound, 0, (at) => {
    const promise = expectedPromise?.(at);
    if (promise !== undefined) return `used where the code expects ${promise} and does not await it: the call gives a promise there, not the flag's value`;
    return asValue ? objectUseOfValue(at) : objectUse(at, check);
  });
  return use === undefined ? { node } : { why: `the result of this check of '${flagName}' is ${use}; left as it is` };
}

function valuePathOrWhy(node: ts.Node, valuePath: readonly string[], gives: string, flagName: string): { node: ts.Node } | { why: string } {
  const read = valuePathRead(node, valuePath);
  if (read !== undefined) return { node: read };
  return { why: `this check of '${flagName}' ${gives}, and only its .${valuePath.join('.')} is the flag's value; this use is left as it is` };
}

/**
 * True when a type other than a value contradicts a pattern that says its call gives the value: any
 * object for a boolean, string or number flag; for an object flag (whose value may be any shape) only
 * what is never data (a promise not awaited, a function, a class instance).
 */
function contradictsValue(check: FlagCheck, typed: Exclude<TypedReturns, { kind: 'value' }>): boolean {
  return PRIMITIVE_TYPES.has(check.valueType) || (typed.kind === 'other' && typed.notData);
}

// The parent that uses an expression's value, past parentheses, `await` and type assertions.
function userOf(node: ts.Node): { node: ts.Node; parent: ts.Node } {
  let current = node;
  let parent = node.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent) || ts.isNonNullExpression(parent)
    || ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent) || ts.isTypeAssertionExpression(parent)) {
    current = parent;
    parent = parent.parent;
  }
  return { node: current, parent };
}

/** `(await call).value`: the property read of `path` on the call's result, when that is how it is used. */
function valuePathRead(node: ts.Node, path: readonly string[]): ts.Node | undefined {
  let current = node;
  for (const name of path) {
    const { node: used, parent } = userOf(current);
    if (!ts.isPropertyAccessExpression(parent) || parent.expression !== used || parent.name.text !== name) return undefined;
    current = parent;
  }
  return current;
}

/** A check declared to give the value, read as an object (`.then(...)`): a shape the clean-up does not know. */
function objectUseOfValue(node: ts.Node): string | undefined {
  const { node: used, parent } = userOf(node);
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === used && !ts.isBindingElement(node)) {
    return `used as an object (${shortText(parent)})`;
  }
  return undefined;
}

// Variables followed from a check to their uses, and from those to further variables.
const MAX_VARIABLE_DEPTH = 3;
const PRIMITIVE_TYPES = new Set(['boolean', 'string', 'number']);

/**
 * How a check's result is used other than as a value at `node`, or undefined when it is used as one there: a property
 * read (a method call counts only when the value is known to be a primitive), destructuring, spreading, or being passed
 * to a function or constructor.
 */
function objectUse(node: ts.Node, check: FlagCheck): string | undefined {
  if (ts.isBindingElement(node)) return undefined;
  const { node: used, parent } = userOf(node);
  if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === used) {
    const isMethodCall = ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
    if (isMethodCall && PRIMITIVE_TYPES.has(check.valueType)) return undefined;
    return `read as an object (${shortText(parent)})`;
  }
  if (ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent)) return `spread (${shortText(parent)})`;
  // `@FeatureFlagEntity(key)` gives what decorates the class; `@true` is no decorator.
  if (ts.isDecorator(parent)) return `applied as a decorator (@${shortText(used)})`;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== used) {
    return `passed to ${shortText(parent.expression)}()`;
  }
  if (ts.isVariableDeclaration(parent) && parent.initializer === used && !ts.isIdentifier(parent.name)) return `destructured (${shortText(parent.name)})`;
  return undefined;
}

/**
 * The first use of a check's result that `useAt` objects to: at the check itself, then wherever a variable holds it
 * (`const p = check; p.then(…)`), since the clean-up puts the value at each of those uses too.
 */
function heldUse(node: ts.Node, bound: BoundFile, depth: number, useAt: (node: ts.Node) => string | undefined): string | undefined {
  const use = useAt(node);
  if (use !== undefined || ts.isBindingElement(node)) return use;
  const { node: used, parent } = userOf(node);
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== used || !ts.isIdentifier(parent.name)) return undefined;
  if (depth >= MAX_VARIABLE_DEPTH) return `held in '${parent.name.text}', whose uses are too far to follow`;
  for (const reference of bound.referencesTo(parent.name)) {
    const heldAt = heldUse(reference, bound, depth + 1, useAt);
    if (heldAt !== undefined) return heldAt.startsWith('held in') ? heldAt : `held in '${parent.name.text}', ${heldAt}`;
  }
  return undefined;
}

function shortText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** The value of a literal written as a default argument: `false`, `'light'`, `50`, `null`. */
function literalValue(code: string): { value: unknown } | undefined {
  const trimmed = code.trim();
  if (trimmed === 'true') return { value: true };
  if (trimmed === 'false') return { value: false };
  if (trimmed === 'null') return { value: null };
  if (trimmed === 'undefined') return { value: undefined };
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return { value: Number(trimmed) };
  const quoted = /^(['"`])((?:(?!\1)[^\\$])*)\1$/.exec(trimmed);
  if (quoted !== null) return { value: quoted[2] };
  return undefined;
}

/** The 1-based line of a top-level declaration of that name (0 when there is none). */
function declarationLine(sourceFile: ts.SourceFile, name: string): number {
  for (const statement of sourceFile.statements) {
    const names = ts.isVariableStatement(statement) ? statement.declarationList.declarations.map((declaration) => declaration.name)
      : ts.isFunctionDeclaration(statement) && statement.name !== undefined ? [statement.name] : [];
    const found = names.find((candidate) => ts.isIdentifier(candidate) && candidate.text === name);
    if (found !== undefined) return sourceFile.getLineAndCharacterOfPosition(found.getStart(sourceFile)).line + 1;
  }
  return 0;
}
