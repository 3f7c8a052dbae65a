// A team's own flag store with no SDK and no list of flags in code (split tests whose assignments arrive as a
// record, a handler that assigns a variant): its functions are found by what they do with their key, not by their
// names. A function whose parameter names an entry of a record, or is passed to a call, and whose result there is
// compared with a flag's state (`variants[name] === 'enabled'`, `const { variant } = await assign(req, name);
// return variant === 'enabled'`) evaluates a flag: it is a wrapper, and the call it compares is a check. Since
// status strings are compared so elsewhere too, one more signal is asked for: a name, of the function, the call,
// the record or the file, that says flags, toggles, split tests, experiments, variants or gates, or the function's own
// name asking whether a feature is on (`isFeatureEnabled`; a plan's features aside, see `asksFeatureEnabled`).
// A record of booleans is read without a comparison: a function that gives back its entry as a boolean
// (`isFeatureEnabled(key) { return !!this.flags[key]; }`, `const flag = flags[key]; return flag ?? false;`, or as it is
// from a function declared to give a boolean,
// `(flagName: string): boolean => { const value = context.featureFlags[flagName]; …; return value; }`), or the entry's own
// switch (`data?.[feature]?.enabled ?? false`), evaluates a flag when the record's name, or the file's, says flags (or
// features, for a record declared to hold a boolean for any name, `features: { [key: string]: boolean }`, or read by a
// function whose name asks whether a feature is on), and its own name asks whether something is enabled or names flags too.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { calleeLastName } from '../patterns';
import type { UserPattern } from '../types';
import { nameWords, namesOtherFlags } from './registries';
import type { SourceTrees } from './sourceTrees';
import type { DiscoveredAt, DiscoveredWrapper } from './types';
import { isWrittenAccess } from '../scan/bagReads';
import { mayEvaluate } from './anchors';
import { enclosingFunctionOf, functionName, parameterOf, type FunctionNode } from './functions';
import { isTestFile, mayNameWrapper, ordinal } from './wrappers';
import { maySearchList, searchedReads } from './listSearches';
import { isRecordOfBooleans, NO_ALIASES } from './flagRecords';
import { booleanReads, ENTRY_STATES, entrySwitch, givesPartOfEntry, heldEntry, unwrapped, valueReads } from './entryReads';

// The states a flag of a team's own store is compared with. `'true'` is left out: environment switches
// (`process.env[name] === 'true'`) are compared with it, and they are settings, not flags.
const FLAG_STATES = new Set(['enabled', 'on']);

// Words of a name that say flags (`splitTestVariants`, `split-test-context`, `pdf-caching-flags`). "feature" alone does not
// (a plan's features, a deployment's), nor "gate" alone (`navigate`'s words aside, a route gated by a role), but
// "feature gate" and "split test" do; so does FF, a feature flag abbreviated (`isFF`).
const FLAG_WORDS = new Set(['ff', 'flag', 'flags', 'toggle', 'toggles', 'experiment', 'experiments', 'variant', 'variants', 'treatment', 'treatments', 'rollout', 'rollouts']);
const FLAG_PAIRS = new Set(['split test', 'split tests', 'feature gate', 'feature gates', 'feature switch', 'feature switches']);

// The property of an evaluation's result that holds the flag's state: `{ variant }`, Split's `treatment`, Optimizely's `variation`.
const STATE_PROPERTIES = /^(?:variant|treatment|variation)(?:Name|Key)?$/i;

// A text test before a parse: the file compares something with a quoted flag state (`=== 'enabled'`, `'on' !== `), or
// reads an entry as a boolean (`!!flags[key]`, `Boolean(flags[key])`, `flags[key] ?? false`, `flags[key] === true`). A
// constant that holds an entry, defaulted where it is given back (`const flag = flags[key]; … return flag ?? false`), is
// looked for by its fallback alone: an alternative of the expression that tries every `const` doubles its cost. A record
// named for feature flags read by an entry (`sessionDataFeatureFlags?.[flag]`) may be read for a value of any kind.
const MAY_COMPARE_STATE = /[!=]==?\s*(['"`])(?:enabled|on)\1|(['"`])(?:enabled|on)\2\s*[!=]=|!!\s*[\w$.?]+\[|Boolean\(\s*[\w$.?]+\[|\]\s*(?:\?\?|\|\||===?)\s*(?:false|true)\b|\)\s*:\s*boolean\s*(?:=>|\{)|Feature(?:Flag|Toggle)s?\s*(?:\?\.)?\[/;

// Words of a function's name that ask whether a flag is on: `isFeatureEnabled`, `isActive`, `featureOn`.
const ASKS_ENABLED = new Set(['enabled', 'active', 'on', 'feature', 'features']);

// The words that, beside "feature", ask whether it is on: `isFeatureEnabled`, `featureEnabled`, `useHasFeature`, `isFeatureActive`.
const ON_WORDS = new Set(['enabled', 'active', 'on', 'has']);

/**
 * True when a function's name asks whether a feature is on (`isFeatureEnabled`, `featureEnabled`, `useHasFeature`): with
 * a record or list it reads by its parameter, or an entry's state it compares, the function evaluates a team's own
 * flags, which as many teams call features as flags. "Feature" alone says no more than a product's feature, and a plan's
 * or a tier's (`hasPlanFeature`, `plan.features[name]`, `billing/plans.ts`) is what a customer pays for, no flag: none of
 * `context`, the record and the file read, may say so.
 */
function asksFeatureEnabled(name: string, ...context: readonly string[]): boolean {
  const words = nameWords(name);
  return words.some((word) => word === 'feature' || word === 'features') && words.some((word) => ON_WORDS.has(word))
    && ![name, ...context].some(namesOtherFlags);
}

/** Wrappers and checks of a team's own flag store, proven by a comparison of what their key names with a flag's state. */
export function stateComparingWrappers(root: string, trees: SourceTrees, known: ReadonlySet<string>): DiscoveredWrapper[] {
  const found: DiscoveredWrapper[] = [];
  const taken = new Set(known);
  const add = (wrapper: DiscoveredWrapper): void => {
    if (taken.has(wrapper.pattern.callee)) return;
    taken.add(wrapper.pattern.callee);
    found.push(wrapper);
  };
  for (const source of trees.sources) {
    const relative = posix.relative(root, source.file);
    const fileSaysFlags = saysFlags(posix.basename(relative).replace(/\.[^.]*$/, ''));
    const maySearch = maySearchList(source.text, fileSaysFlags);
    if (isTestFile(relative) || !(maySearch || MAY_COMPARE_STATE.test(source.text) || source.text.includes('?? false'))) continue;
    const sourceFile = trees.tree(source);
    const at = (node: ts.Node): DiscoveredAt => ({ file: relative, line: sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1 });
    const records: Array<{ text: string; by: string }> = [];
    let featureRecords: ReadonlySet<string> | undefined;
    for (const comparison of stateComparisons(sourceFile)) {
      const owner = enclosingFunctionOf(comparison.compared);
      const name = owner === undefined ? undefined : functionName(owner);
      if (owner === undefined || name === undefined || !mayNameWrapper(name)) continue;
      const lookup = recordLookup(owner, comparison.compared, sourceFile);
      if (lookup !== undefined) {
        if (!(fileSaysFlags || saysFlags(name) || saysFlags(lookup.record) || asksFeatureEnabled(name, lookup.record, relative))) continue;
        records.push({ text: lookup.record, by: name });
        add(wrapperOf(owner, name, lookup.index, comparison, `compares the entry its ${ordinal(lookup.index + 1)} argument names in ${lookup.record} with '${comparison.state}'`, at));
        continue;
      }
      const evaluation = evaluationCall(owner, comparison.compared);
      if (evaluation === undefined) continue;
      const callee = calleeName(evaluation.call.expression);
      if (!(fileSaysFlags || saysFlags(name) || (callee !== undefined && saysFlags(callee)))) continue;
      const forwarded = evaluation.call.arguments.flatMap((argument, argumentIndex) => {
        const parameter = parameterNamed(owner, argument);
        return parameter === undefined ? [] : [{ argumentIndex, parameterIndex: parameter.index }];
      });
      const chosen = forwarded.length === 1 ? forwarded[0] : keyByUsage(trees, forwarded, name, callee);
      if (chosen === undefined) continue;
      const keyIndex = chosen.argumentIndex;
      const parameter = { index: chosen.parameterIndex };
      const calleeText = evaluation.call.expression.getText(sourceFile).replace(/\s+/g, '');
      add(wrapperOf(owner, name, parameter.index, comparison, `passes its ${ordinal(parameter.index + 1)} argument to ${calleeText} and compares ${evaluation.read} with '${comparison.state}'`, at));
      // The call is an evaluation when what is compared is its result's state (`variant`), or its own name says so; a store
      // read whole (`getItem(name) === 'enabled'`) holds settings as well as flags, so only the function around it counts.
      if (callee === undefined || !mayNameWrapper(callee) || !(evaluation.stateProperty || saysFlags(callee))) continue;
      add({
        pattern: { callee, keyArg: keyIndex },
        at: at(evaluation.call),
        reason: `${name} passes it the key as its ${ordinal(keyIndex + 1)} argument and compares ${evaluation.read} with '${comparison.state}'`,
        evidence: 'forwards',
        level: 1,
      });
    }
    for (const read of booleanReads(sourceFile)) {
      const owner = enclosingFunctionOf(read.lookup);
      const name = owner === undefined ? undefined : functionName(owner);
      if (owner === undefined || name === undefined || !mayNameWrapper(name) || !returnsExpression(owner, read.expression)) continue;
      const lookup = recordLookup(owner, read.lookup, sourceFile);
      if (lookup === undefined || !(saysFlags(name) || nameWords(name).some((word) => ASKS_ENABLED.has(word)))) continue;
      if (!(fileSaysFlags || saysFlags(lookup.record) || (asksFeatureEnabled(name, lookup.record, relative) && readsFeatureState(read.lookup, lookup.record)) || (featureRecords ??= booleanRecordsOfFeatures(sourceFile)).has(calleeLastName(lookup.record)))) continue;
      records.push({ text: lookup.record, by: name });
      add({
        pattern: { callee: name, keyArg: lookup.index, type: 'boolean' },
        at: at(owner),
        reason: booleanReadReason(read.lookup, `the entry its ${ordinal(lookup.index + 1)} argument names in ${lookup.record}`),
        evidence: 'forwards',
        level: 1,
      });
    }
    // A flag of any value, given back as it is by a function named for getting a feature flag from a record named for them:
    // `getDataFeatureFlag = (flag) => window.sessionDataFeatureFlags?.[flag] ?? null`.
    for (const read of FEATURE_FLAG_TEXT.test(source.text) ? valueReads(sourceFile) : []) {
      const owner = enclosingFunctionOf(read.lookup);
      const name = owner === undefined ? undefined : functionName(owner);
      if (owner === undefined || name === undefined || !mayNameWrapper(name) || !namesFeatureFlags(name) || !returnsExpression(owner, read.expression)) continue;
      const lookup = recordLookup(owner, read.lookup, sourceFile);
      if (lookup === undefined || !namesFeatureFlags(lookup.record) || records.some((record) => record.by === name)) continue;
      records.push({ text: lookup.record, by: name });
      add({
        pattern: { callee: name, keyArg: lookup.index },
        at: at(owner),
        reason: `gives back the entry its ${ordinal(lookup.index + 1)} argument names in ${lookup.record}, a record named for feature flags`,
        evidence: 'forwards',
        level: 1,
      });
    }
    // The same, of a list of flags searched for the item the parameter names: `featureFlags.find((flag) => flag.envVar === envVar)?.enabled`.
    for (const read of maySearch ? searchedReads(sourceFile, fileSaysFlags) : []) {
      const name = functionName(read.owner);
      if (name === undefined || !mayNameWrapper(name) || !(saysFlags(name) || nameWords(name).some((word) => ASKS_ENABLED.has(word)))) continue;
      if (read.membership === true ? !listOfFlagsOn(read.list, name, relative) : !(fileSaysFlags || saysFlags(read.list))) continue;
      add({
        // A boxed answer is the flag's value only at `.value`: the clean-up replaces that read, never the call.
        pattern: { callee: name, keyArg: read.index, type: 'boolean', ...(read.boxed === true ? { returns: { kind: 'object', valuePath: ['value'], others: 'a computed box of the answer' } } : {}) },
        at: at(read.owner),
        reason: read.membership === true
          ? `gives back ${read.boxed === true ? 'a computed box of ' : ''}whether ${read.list}, a list of the flags that are on, holds its ${ordinal(read.index + 1)} argument`
          : `gives back the ${read.state} of the item of ${read.list} whose ${read.compared} its ${ordinal(read.index + 1)} argument names`,
        evidence: 'forwards',
        level: 1,
      });
    }
    // Other functions of the file that read an entry of the same record by their parameter read the same flags: `useSplitTest(name)`
    // beside `useFeatureFlag(name)`, a variant's getter beside the boolean one.
    if (records.length > 0) for (const sibling of siblingLookups(sourceFile, records)) add({ ...sibling, at: at(sibling.node) });
  }
  return found;
}

/**
 * True when a boolean read says it reads a feature's state: the record is named for features (`project?.features`), or
 * the entry's own switch is read (`data?.[feature]?.enabled`). A record of any other name read as it is (`(stored as
 * Record<string, unknown>)[feature] === true`) may hold a workspace's settings.
 */
function readsFeatureState(lookup: ts.ElementAccessExpression, record: string): boolean {
  return nameWords(record).some((word) => word === 'feature' || word === 'features') || entrySwitch(lookup) !== undefined;
}

/** Why a boolean read of `entry` makes a wrapper, in words: it gives back the entry as a boolean, or whether it is on. */
function booleanReadReason(lookup: ts.ElementAccessExpression, entry: string): string {
  const part = entrySwitch(lookup);
  return part === undefined ? `gives back ${entry}, as a boolean` : `gives back whether ${entry} is ${part.replace(/^is/, '').toLowerCase()}`;
}

// Words of a function's name that ask whether a name is a flag at all, not whether it is on: `isValidFeatureFlag(name)`.
const ASKS_VALIDITY = new Set(['valid', 'known', 'registered', 'defined', 'exists', 'supported']);

// The words of a list of features that a device, a server or a product offers, whether or not it is on for anyone.
const OFFERED_WORDS = new Set(['available', 'supported', 'capabilities', 'all']);

/**
 * Whether a list asked if it holds a function's parameter is one of the flags that are on: named for flags
 * (`tenant.featureFlags`), or in a module named for flags, for features (`releasedFeatures`); not when the function's name
 * asks whether the name is a flag at all (`isValidFeatureFlag(name)` over every flag's name).
 */
function listOfFlagsOn(list: string, functionName: string, file: string): boolean {
  if (nameWords(functionName).some((word) => ASKS_VALIDITY.has(word))) return false;
  const fileNamesFlags = namesFlagsOn(posix.basename(file).replace(/\.[^.]*$/, ''));
  const listWords = nameWords(calleeLastName(list));
  // A list of the features that are on says so itself (`site.enabledFeatures`, `activeFeatures`), or a function whose name
  // asks whether a feature is on says so of the features it searches (`useCurrentUserHasFeature(feature)` over
  // `currentUser.features`), unless the list's name says what is known or offered (`supportedFeatures`).
  return namesFlagsOn(list) || asksFeatureEnabled(calleeLastName(list), functionName, list, file)
    || (listWords.at(-1) === 'features' && !listWords.some((word) => ASKS_VALIDITY.has(word) || OFFERED_WORDS.has(word)) && asksFeatureEnabled(functionName, list, file))
    || (fileNamesFlags && nameWords(list).some((word) => word === 'feature' || word === 'features'));
}

// The words of a list's name that say it holds flags by name. A flag's variant, treatment or rollout is its value: a list
// of those (`appliedTreatments.includes(action)`, a forest's treatments) holds no flag that is on.
const FLAGS_ON_WORDS = new Set(['ff', 'flag', 'flags', 'toggle', 'toggles', 'experiment', 'experiments']);

/** True when a name's words say it holds flags by name (see `FLAGS_ON_WORDS`), or names feature gates or switches. */
function namesFlagsOn(name: string): boolean {
  return saysFlags(name, FLAGS_ON_WORDS);
}

/** True when a name's words say flags: one of `flagWords` (`FLAG_WORDS`), or two in a row that `FLAG_PAIRS` holds. */
function saysFlags(name: string, flagWords: ReadonlySet<string> = FLAG_WORDS): boolean {
  const words = nameWords(name);
  return words.some((word, index) => flagWords.has(word) || (index > 0 && FLAG_PAIRS.has(`${words[index - 1]} ${word}`)));
}

// A text that may name a feature flag as such, in any case (`getDataFeatureFlag`, `FEATURE_FLAGS`): the only files whose
// every entry read is looked at for a flag of any value.
const FEATURE_FLAG_TEXT = /feature_?(?:flag|toggle)/i;

/** True when a name says feature flags or toggles as such: `getDataFeatureFlag`, `sessionDataFeatureFlags`, not `getFlag`. */
function namesFeatureFlags(name: string): boolean {
  const words = nameWords(name);
  return words.some((word, index) => index > 0 && words[index - 1] === 'feature' && /^(?:flag|flags|toggle|toggles)$/.test(word));
}

/**
 * The names the file declares records of a boolean for any text under, when they say features (`features: { [key: string]:
 * boolean } = {}`, `const enabledFeatures: Record<string, boolean>`): the type says what "features" alone does not, that
 * each entry is on or off. (A record named for flags needs no type.)
 */
function booleanRecordsOfFeatures(sourceFile: ts.SourceFile): Set<string> {
  const records = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isPropertyDeclaration(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name) && node.type !== undefined && isRecordOfBooleans(node.type, NO_ALIASES)
      && nameWords(node.name.text).some((word) => word === 'feature' || word === 'features')) {
      records.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return records;
}

interface StateComparison {
  /** The side compared with the state. */
  readonly compared: ts.Expression;
  readonly state: string;
  readonly negated: boolean;
  readonly expression: ts.BinaryExpression;
}

function stateComparisons(sourceFile: ts.SourceFile): StateComparison[] {
  const comparisons: StateComparison[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
      const notEqual = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
      if (equal || notEqual) {
        for (const [literal, other] of [[node.right, node.left], [node.left, node.right]] as const) {
          if ((ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) && FLAG_STATES.has(literal.text)) {
            comparisons.push({ compared: unwrapped(other), state: literal.text, negated: notEqual, expression: node });
          }
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return comparisons;
}

function wrapperOf(owner: FunctionNode, name: string, index: number, comparison: StateComparison, reason: string, at: (node: ts.Node) => DiscoveredAt): DiscoveredWrapper {
  const pattern: UserPattern = { callee: name, keyArg: index };
  // Only a comparison the function gives back is its value; one used inside it says nothing of what it returns.
  if (returnsExpression(owner, comparison.expression)) {
    if (comparison.negated) pattern.negate = true;
    pattern.type = 'boolean';
  }
  return { pattern, at: at(owner), reason, evidence: 'forwards', level: 1 };
}

/** `record[key]` (also `record?.[key]`) where `key` is a parameter of the function: the parameter's index and the record's text. */
function recordLookup(owner: FunctionNode, read: ts.Expression, sourceFile: ts.SourceFile): { index: number; record: string } | undefined {
  // The entry itself (`variants[name] === 'enabled'`), or its state, read there or through the constant that holds it
  // (`const feature = config.features[name]; return feature.state === 'enabled'`).
  const state = ts.isPropertyAccessExpression(read) && ENTRY_STATES.has(read.name.text) ? unwrapped(read.expression) : read;
  const compared = ts.isIdentifier(state) ? heldEntry(state) ?? state : state;
  if (!ts.isElementAccessExpression(compared) || !ts.isIdentifier(compared.argumentExpression)) return undefined;
  const parameter = parameterOf(owner, compared.argumentExpression.text, false);
  if (parameter === undefined || parameter.keyPath !== undefined) return undefined;
  return { index: parameter.index, record: recordText(compared.expression, sourceFile) };
}

function recordText(expression: ts.Expression, sourceFile: ts.SourceFile): string {
  return unwrapped(expression).getText(sourceFile).replace(/\s+/g, '').replace(/\?\.$/, '');
}

/**
 * The call whose result is compared: `call(...)` itself, `call(...).variant`, or a `const` of the function's body
 * taking it (`const { variant } = await call(...)`, `const assignment = await call(...)` read as `assignment.variant`).
 */
function evaluationCall(owner: FunctionNode, compared: ts.Expression): { call: ts.CallExpression; read: string; stateProperty: boolean } | undefined {
  if (ts.isCallExpression(compared)) return { call: compared, read: 'its result', stateProperty: false };
  if (ts.isPropertyAccessExpression(compared)) {
    const property = compared.name.text;
    const object = unwrapped(compared.expression);
    const call = ts.isCallExpression(object) ? object : ts.isIdentifier(object) ? localValue(owner, object.text) : undefined;
    return call === undefined ? undefined : { call, read: `the ${property} of its result`, stateProperty: STATE_PROPERTIES.test(property) };
  }
  if (!ts.isIdentifier(compared)) return undefined;
  const destructured = destructuredFrom(owner, compared.text);
  if (destructured !== undefined) return { call: destructured.call, read: `the ${destructured.property} of its result`, stateProperty: STATE_PROPERTIES.test(destructured.property) };
  const call = localValue(owner, compared.text);
  return call === undefined ? undefined : { call, read: 'its result', stateProperty: false };
}

/** The call a `const` of the function's body is given: `const name = await call(...)`. */
function localValue(owner: FunctionNode, name: string): ts.CallExpression | undefined {
  for (const declaration of bodyConsts(owner)) {
    if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || declaration.initializer === undefined) continue;
    const value = unwrapped(declaration.initializer);
    return ts.isCallExpression(value) ? value : undefined;
  }
  return undefined;
}

/** The call and property a `const { property: name } = await call(...)` of the function's body takes `name` from. */
function destructuredFrom(owner: FunctionNode, name: string): { call: ts.CallExpression; property: string } | undefined {
  for (const declaration of bodyConsts(owner)) {
    if (!ts.isObjectBindingPattern(declaration.name) || declaration.initializer === undefined) continue;
    const value = unwrapped(declaration.initializer);
    if (!ts.isCallExpression(value)) continue;
    for (const element of declaration.name.elements) {
      if (!ts.isIdentifier(element.name) || element.name.text !== name || element.dotDotDotToken !== undefined) continue;
      const property = element.propertyName === undefined ? name : ts.isIdentifier(element.propertyName) ? element.propertyName.text : undefined;
      return property === undefined ? undefined : { call: value, property };
    }
  }
  return undefined;
}

function bodyConsts(owner: FunctionNode): ts.VariableDeclaration[] {
  const body = owner.body;
  if (body === undefined || !ts.isBlock(body)) return [];
  return body.statements
    .filter((statement): statement is ts.VariableStatement => ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0)
    .flatMap((statement) => [...statement.declarationList.declarations]);
}

/** The named functions of the file that read an entry of one of `records` by a parameter, with why. */
function siblingLookups(sourceFile: ts.SourceFile, records: ReadonlyArray<{ text: string; by: string }>): Array<Omit<DiscoveredWrapper, 'at'> & { node: ts.Node }> {
  const siblings: Array<Omit<DiscoveredWrapper, 'at'> & { node: ts.Node }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.argumentExpression)) {
      const record = records.find((candidate) => candidate.text === recordText(node.expression, sourceFile));
      const owner = record === undefined ? undefined : enclosingFunctionOf(node);
      const name = owner === undefined ? undefined : functionName(owner);
      const parameter = owner === undefined ? undefined : parameterOf(owner, node.argumentExpression.text, false);
      if (record !== undefined && owner !== undefined && name !== undefined && mayNameWrapper(name) && mayEvaluate(name) && !isWritten(node) && parameter !== undefined && parameter.keyPath === undefined
        && !givesPartOfEntry(owner, node)) {
        siblings.push({ node: owner, pattern: { callee: name, keyArg: parameter.index }, reason: `reads the entry its ${ordinal(parameter.index + 1)} argument names in ${record.text}, as ${record.by} does`, evidence: 'forwards', level: 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return siblings;
}

/** True when the entry is assigned to or deleted (`flags[key] = value`, `delete flags[key]!`), not read. */
function isWritten(lookup: ts.ElementAccessExpression): boolean {
  let node: ts.Expression = lookup;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  return isWrittenAccess(node, node.parent);
}

/** True when the function gives back `expression` itself: its arrow body, or a `return` of it. */
function returnsExpression(owner: FunctionNode, expression: ts.Expression): boolean {
  let node: ts.Node = expression;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAwaitExpression(node.parent)) node = node.parent;
  return owner.body === node || (ts.isReturnStatement(node.parent) && enclosingFunctionOf(node.parent) === owner);
}

/**
 * Which of several parameters passed on is the key (`assign(req, res, name)` forwards all three): the one that calls,
 * of the function or of the call it compares, give as string literals, with the most distinct ones. None when no
 * call writes one there: the code does not say which is the key.
 */
function keyByUsage<T extends { argumentIndex: number; parameterIndex: number }>(trees: SourceTrees, forwarded: readonly T[], name: string, callee: string | undefined): T | undefined {
  let best: { candidate: T; literals: number } | undefined;
  for (const candidate of forwarded) {
    const literals = new Set([...literalArguments(trees, name, candidate.parameterIndex), ...(callee === undefined ? [] : literalArguments(trees, callee, candidate.argumentIndex))]).size;
    if (literals > 0 && (best === undefined || literals > best.literals)) best = { candidate, literals };
  }
  return best?.candidate;
}

/** The string literals calls of `name` (by its last name) anywhere in the sources pass as argument `index`. */
function literalArguments(trees: SourceTrees, name: string, index: number): string[] {
  const literals: string[] = [];
  for (const file of trees.filesNaming(name)) {
    const source = trees.byFile.get(file);
    if (source === undefined) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && calleeName(node.expression) === name) {
        const argument = node.arguments[index] as ts.Expression | undefined;
        if (argument !== undefined && (ts.isStringLiteral(argument) || ts.isNoSubstitutionTemplateLiteral(argument))) literals.push(argument.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(trees.tree(source));
  }
  return literals;
}

/** The index of the parameter an argument is, written as its name (not a member of it). */
function parameterNamed(owner: FunctionNode, argument: ts.Expression): { index: number } | undefined {
  if (!ts.isIdentifier(argument)) return undefined;
  const parameter = parameterOf(owner, argument.text, false);
  return parameter === undefined || parameter.keyPath !== undefined ? undefined : parameter;
}

function calleeName(callee: ts.Expression): string | undefined {
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}
