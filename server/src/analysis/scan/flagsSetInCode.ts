// Flags set in code, in a module of flags (see `isFlagsModule` in prefilter.ts): an exported constant written as `true` or
// `false`, a function of no arguments that gives a boolean by the module's own means, a getter of the one instance the
// module exports of its own class, or a boolean read from one key of the browser's storage. Each is a switch read where
// it is imported (see environmentSwitches.ts); nothing but the code, or the developer's browser, sets it.

import { ts } from 'ts-morph';
import type { FlagCheck } from '../types';
import { hasModifier } from './exports';
import { isLiteral } from './flagStores';
import { booleanValue, lastNameOf } from './settingReads';
import { switchNamedIn } from './switchNames';
import type { SwitchDeclaration } from './types';
import { returnedExpressions, unwrap } from './values';

const {
  SyntaxKind, forEachChild, isArrowFunction, isBlock, isCallExpression, isClassDeclaration, isConditionalExpression, isFunctionDeclaration,
  isFunctionExpression, isFunctionLike, isGetAccessorDeclaration, isIdentifier, isMethodDeclaration, isNewExpression, isPropertyAccessExpression,
  isPropertyDeclaration, isStringLiteralLike, isVariableStatement, isObjectLiteralExpression, isPropertyAssignment, isReturnStatement, isPrefixUnaryExpression,
} = ts;

/**
 * A flag set in code: a module named for flags exports a constant written as `true` or `false` (`export const
 * SHOW_EXAMPLES_LINK = false;` in `temp-flags.ts`), which the code reads where the feature is gated. Its key is its name.
 * Or one a developer sets in the browser: a boolean made of one key of its storage (`IS_SOLANA_ENABLED = typeof
 * localStorage !== 'undefined' && !!localStorage.getItem('IS_SOLANA_ENABLED')`), keyed by that storage key.
 */
export function hardCodedSwitch(declaration: ts.VariableDeclaration, flagFunctions: ReadonlySet<string>, booleanFunctions: ReadonlySet<string>): Pick<SwitchDeclaration, 'key' | 'inCode' | 'inStorage'> | undefined {
  const value = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
  if (value === undefined || !isIdentifier(declaration.name)) return undefined;
  // A flag function written as a constant (`export const enableCustomIntegration = () => true`), or one that asks the
  // module's own function declared to give a boolean, with the code's own values (`export const USE_PLANNING_AGENT = () =>
  // loadFeatureFlag('USE_PLANNING_AGENT')`).
  if ((isArrowFunction(value) || isFunctionExpression(value)) && value.parameters.length === 0
    && (value.type?.kind === SyntaxKind.BooleanKeyword || value.body.kind === SyntaxKind.TrueKeyword || value.body.kind === SyntaxKind.FalseKeyword || asksOwnBoolean(value.body, booleanFunctions))) {
    // One that asks for one environment switch by its name reads that switch (`isSAILAddressFeatureEnabled = (): boolean =>
    // isDateFeatureFlagEnabled('FEATURE_FLAG_SAIL_ADDRESS', …)`): its calls are the switch's checks, and the environment,
    // not the code, sets it. Else it is a flag by its own name, set in code.
    const switchRead = switchNamedIn(value.body);
    return switchRead === undefined ? { key: declaration.name.text, inCode: 'function' } : { key: switchRead };
  }
  // Another name for one of the module's flag functions (`export const enableResizingToolbarButtons = enableBetaFeatures`).
  if (isIdentifier(value)) return flagFunctions.has(value.text) ? { key: declaration.name.text, inCode: 'function' } : undefined;
  if (value.kind === SyntaxKind.TrueKeyword || value.kind === SyntaxKind.FalseKeyword) return { key: declaration.name.text, inCode: value.kind === SyntaxKind.TrueKeyword ? 'true' : 'false' };
  const stored = storageKeyRead(value);
  return stored !== undefined && booleanValue(value) === 'yes' ? { key: stored.key, inStorage: stored.storage } : undefined;
}

/** True for a call of one of `booleanFunctions` given nothing but literals: `loadFeatureFlag('USE_PLANNING_AGENT')`. */
function asksOwnBoolean(body: ts.Node, booleanFunctions: ReadonlySet<string>): boolean {
  const call = isBlock(body) ? undefined : unwrap(body as ts.Expression);
  return call !== undefined && isCallExpression(call) && isIdentifier(call.expression) && booleanFunctions.has(call.expression.text) && call.arguments.every(isLiteral);
}

/** The module's functions declared to give a boolean: `function enterpriseFeatureEnabled(…): boolean`, `const on = (…): boolean => …`. */
export function booleanFunctionsOf(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (isFunctionDeclaration(statement) && statement.name !== undefined && statement.type?.kind === SyntaxKind.BooleanKeyword) names.add(statement.name.text);
    if (!isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer;
      if (isIdentifier(declaration.name) && value !== undefined && (isArrowFunction(value) || isFunctionExpression(value)) && value.type?.kind === SyntaxKind.BooleanKeyword) names.add(declaration.name.text);
    }
  }
  return names;
}

/**
 * The names of a module of flags' functions that are flags by themselves: no parameters, declared to give a boolean, and
 * deciding it with nothing but the module's own functions (`export function enableWSLDetection(): boolean { return
 * enableBetaFeatures() }`), called where the feature is gated. Each one's key is its name. One that calls anything else
 * is a helper over a flag read elsewhere (`useSolversFeatureFlag(): boolean { return useFeatureFlags().isSolversEnabled
 * }`): that read is the flag, and its callers are not checks of another.
 */
export function flagFunctionsOf(sourceFile: ts.SourceFile): Set<string> {
  const declared = sourceFile.statements.filter((statement): statement is ts.FunctionDeclaration => isFunctionDeclaration(statement) && statement.name !== undefined);
  const own = new Set(declared.map((statement) => (statement.name as ts.Identifier).text));
  const decidesByItsOwn = (body: ts.Node): boolean => {
    let callsOthers = false;
    const visit = (node: ts.Node): void => {
      if (callsOthers) return;
      if (isCallExpression(node) && !(isIdentifier(node.expression) && own.has(node.expression.text))) callsOthers = true;
      else forEachChild(node, visit);
    };
    visit(body);
    return !callsOthers;
  };
  return new Set(declared
    .filter((declaration) => declaration.parameters.length === 0 && declaration.type?.kind === SyntaxKind.BooleanKeyword && declaration.body !== undefined && decidesByItsOwn(declaration.body))
    .map((declaration) => (declaration.name as ts.Identifier).text));
}

/**
 * The getters that are flags of a module of flags' one instance of its own class (`export const testFlags = new
 * TestFlags()`, with `get enableTurnkey() { return this.booleanFlag(this.queryParams.enable_turnkey) }`): public, giving a
 * boolean, and deciding it with nothing but the class's own members, as a flag function decides with the module's own
 * functions. A getter that holds a check (`return this.client.isEnabled('x')`) is a helper over that check: its reads
 * are not checks again. One that gives a text or a number is a setting.
 */
export function flagGettersOf(sourceFile: ts.SourceFile, instance: ts.VariableDeclaration, checks: readonly FlagCheck[]): ts.GetAccessorDeclaration[] {
  const made = instance.initializer === undefined ? undefined : unwrap(instance.initializer);
  if (made === undefined || !isNewExpression(made) || !isIdentifier(made.expression)) return [];
  const className = made.expression.text;
  const declaration = sourceFile.statements.find((statement): statement is ts.ClassDeclaration => isClassDeclaration(statement) && statement.name?.text === className);
  if (declaration === undefined) return [];
  const members = new Map<string, ts.ClassElement>();
  for (const member of declaration.members) if (member.name !== undefined && isIdentifier(member.name)) members.set(member.name.text, member);
  const holdsCheck = (node: ts.Node): boolean => checks.some((check) => check.callSpan.start >= node.pos && check.callSpan.end <= node.end);
  // A call of the class's own method or function-valued property (`this.booleanFlag(…)`): its name, else undefined.
  const ownCall = (node: ts.Node): string | undefined => (isCallExpression(node) && isPropertyAccessExpression(node.expression)
    && node.expression.expression.kind === SyntaxKind.ThisKeyword && members.has(node.expression.name.text) ? node.expression.name.text : undefined);
  const gives = (node: ts.Expression, depth: number): boolean => {
    const inner = unwrap(node);
    const own = ownCall(inner);
    if (own !== undefined) return depth < 3 && memberGivesBoolean(members.get(own) as ts.ClassElement, depth + 1);
    // A choice of a boolean or nothing (`this.queryParams.simpleui ? this.booleanFlag(…) : undefined`) is a flag of three states.
    if (isConditionalExpression(inner)) {
      const nothing = (branch: ts.Expression): boolean => { const value = unwrap(branch); return isIdentifier(value) && value.text === 'undefined'; };
      return (gives(inner.whenTrue, depth) || nothing(inner.whenTrue)) && (gives(inner.whenFalse, depth) || nothing(inner.whenFalse)) && !(nothing(inner.whenTrue) && nothing(inner.whenFalse));
    }
    return booleanValue(inner) === 'yes';
  };
  const memberGivesBoolean = (member: ts.ClassElement, depth: number): boolean => {
    const fn = isPropertyDeclaration(member) && member.initializer !== undefined ? unwrap(member.initializer) : member;
    if (!(isMethodDeclaration(fn) || isGetAccessorDeclaration(fn) || isArrowFunction(fn) || isFunctionExpression(fn))) return false;
    if (fn.type !== undefined) return fn.type.kind === SyntaxKind.BooleanKeyword;
    const body = fn.body;
    if (body === undefined) return false;
    if (!isBlock(body)) return gives(body, depth);
    const returned = returnedExpressions(body);
    return returned.length > 0 && returned.every((value) => gives(value, depth));
  };
  const callsOnlyOwn = (body: ts.Node): boolean => {
    let callsOthers = false;
    const visit = (node: ts.Node): void => {
      if (callsOthers) return;
      if (isCallExpression(node) && ownCall(node) === undefined) callsOthers = true;
      else forEachChild(node, visit);
    };
    visit(body);
    return !callsOthers;
  };
  return declaration.members.filter((member): member is ts.GetAccessorDeclaration => isGetAccessorDeclaration(member) && isIdentifier(member.name)
    && member.body !== undefined && !hasModifier(member, SyntaxKind.PrivateKeyword) && !hasModifier(member, SyntaxKind.ProtectedKeyword) && !hasModifier(member, SyntaxKind.StaticKeyword)
    && !holdsCheck(member) && callsOnlyOwn(member.body) && memberGivesBoolean(member, 0));
}

/**
 * The members that are flags of an object exported under a name for flags. In a module of flags: each written as `true`
 * or `false`, or a getter that gives the value of one of the module's flag functions, called with nothing, which makes
 * the member another name for that function (`export const FEATURE_FLAGS = { fastMode: false, get developerFeedback():
 * boolean { return isDeveloperFeedbackEnabled(); } }`). In a module of settings (`features.ts`, see `isSettingsModule`,
 * the only other kind asked) the object's shape must say so: three members
 * or more, every one written as a boolean or as a name (`notifications: isDev`), most as `true` or `false` (`export const
 * features = { useTestnet: false, … }`). Each is read on the object (`FEATURE_FLAGS.fastMode`), keyed by its own name.
 */
export function flagMembersOf(declaration: ts.VariableDeclaration, flagFunctions: ReadonlySet<string>, flagsModule: boolean): FlagMember[] {
  const object = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
  if (object === undefined || !isObjectLiteralExpression(object)) return [];
  const members: FlagMember[] = [];
  for (const property of object.properties) {
    if (property.name === undefined || !isIdentifier(property.name)) continue;
    if (isPropertyAssignment(property)) {
      const value = unwrap(property.initializer);
      const named = isIdentifier(value) || (isPrefixUnaryExpression(value) && value.operator === SyntaxKind.ExclamationToken && isIdentifier(value.operand));
      if (value.kind === SyntaxKind.TrueKeyword || value.kind === SyntaxKind.FalseKeyword) members.push({ name: property.name, inCode: value.kind === SyntaxKind.TrueKeyword ? 'true' : 'false', member: property });
      else if (named && !flagsModule && !(isIdentifier(value) && value.text === 'undefined')) members.push({ name: property.name, inCode: 'expression', member: property });
    } else if (flagsModule && isGetAccessorDeclaration(property) && property.body?.statements.length === 1) {
      const only = property.body.statements[0];
      const value = isReturnStatement(only) && only.expression !== undefined ? unwrap(only.expression) : undefined;
      if (value !== undefined && isCallExpression(value) && isIdentifier(value.expression) && flagFunctions.has(value.expression.text) && value.arguments.length === 0) {
        members.push({ name: property.name, inCode: 'getter', member: property });
      }
    }
  }
  if (flagsModule) return members;
  const written = members.filter((member) => member.inCode !== 'expression').length;
  return members.length === object.properties.length && members.length >= OBJECT_OF_FLAGS && written * 2 > members.length ? members : [];
}

/** A member of an object of flags: its name, how it is set, and its declaration. */
export interface FlagMember {
  readonly name: ts.Identifier;
  readonly inCode: 'true' | 'false' | 'getter' | 'expression';
  readonly member: ts.Node;
}

// How many members of booleans make an object outside a module of flags one of flags.
const OBJECT_OF_FLAGS = 3;

/**
 * The one key a value reads from the browser's storage, `localStorage.getItem('IS_SOLANA_ENABLED')` (also through
 * `window.`, or `sessionStorage`), outside any function it declares: a switch a developer turns on in the browser.
 */
function storageKeyRead(value: ts.Expression): { key: string; storage: 'localStorage' | 'sessionStorage' } | undefined {
  const reads: Array<{ key: string; storage: 'localStorage' | 'sessionStorage' }> = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionLike(node)) return;
    const storage = isCallExpression(node) && isPropertyAccessExpression(node.expression) && node.expression.name.text === 'getItem' ? lastNameOf(node.expression.expression) : undefined;
    if ((storage === 'localStorage' || storage === 'sessionStorage') && isCallExpression(node) && node.arguments.length === 1 && isStringLiteralLike(node.arguments[0])) {
      reads.push({ key: node.arguments[0].text, storage });
      return;
    }
    forEachChild(node, visit);
  };
  visit(value);
  return reads.length === 1 ? reads[0] : undefined;
}
