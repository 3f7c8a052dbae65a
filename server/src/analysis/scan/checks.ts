// The check finder: calls that match a pattern become draft flag checks, their keys completed later through the
// file's bindings (bindings.ts); flag-bag reads are found in bagReads.ts, with what they share from here.

import { ts } from 'ts-morph';
import { calleeLastName, type PatternSet } from '../patterns';
import { objectArgumentDescents } from '../bags';
import { flagTypeAnnotation } from '../policy/flagType';
import type { MarkupElement } from '../componentView';
import { escapeRegex, isComponentName } from '../regex';
import type { CallReturns, FlagPattern, FlagValueType, Span } from '../types';
import { lookupBinding } from './bindings';
import { getterPathName } from './getterPaths';
import type { BagSource, DraftCheck, LocalReference, ScanState } from './types';
import { keyInPredicate } from './predicates';
import { tableRowsOf } from './tableRows';
import { calledBySaga, sagaCalledFunction } from './sagaEffects';
import { brandedKey, evaluate, originReference, unwrap } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const {
  SyntaxKind, isArrayLiteralExpression, isCallExpression, isConditionalExpression, isElementAccessExpression,
  isExpressionStatement, isIdentifier, isNoSubstitutionTemplateLiteral, isNumericLiteral,
  isPropertyAccessExpression, isSpreadElement, isIntersectionTypeNode, isStringLiteral, isStringLiteralLike, isTypeLiteralNode, isTypeReferenceNode,
  isJsxAttribute, isJsxExpression, isJsxSpreadAttribute,
} = ts;

// A component renders its children or not: no expression in the code stands for the flag's value.
const RENDERS_CHILDREN: FlagPattern['returns'] = { kind: 'other', what: 'what the component renders (its children when the flag is on)' };

const patternIndexes = new WeakMap<PatternSet, ReadonlyMap<string, readonly FlagPattern[]>>();
const calleeNameRegexes = new WeakMap<PatternSet, RegExp>();

/** Matches any callee name anywhere (one pass over the text, where testing each name in turn reads it once per name). */
export function calleeNameRegex(patterns: PatternSet): RegExp {
  let regex = calleeNameRegexes.get(patterns);
  if (regex === undefined) {
    // An empty name matches everywhere, as `text.includes('')` would; no names at all matches nothing.
    const names = patterns.calleeNames.map(escapeRegex);
    regex = names.length === 0 ? /(?!)/ : new RegExp(names.join('|'));
    calleeNameRegexes.set(patterns, regex);
  }
  return regex;
}

/** The patterns by the last name of their callee, built once per pattern set. */
export function patternIndex(patterns: PatternSet): ReadonlyMap<string, readonly FlagPattern[]> {
  let index = patternIndexes.get(patterns);
  if (index === undefined) {
    const byName = new Map<string, FlagPattern[]>();
    for (const pattern of patterns.patterns) {
      const name = calleeLastName(pattern.callee);
      byName.set(name, [...(byName.get(name) ?? []), pattern]);
    }
    index = byName;
    patternIndexes.set(patterns, index);
  }
  return index;
}

/** A call that matches a call pattern: a draft check with its key argument, one per pattern its name matches. */
export function visitCall(state: ScanState, call: ts.CallExpression): void {
  const candidates = matchCallee(state, call.expression);
  if (candidates.length > 0) {
    pushCallDrafts(state, call, call.expression, candidates);
    return;
  }
  // redux-saga's `yield call(fn, …args)` is a call of `fn`.
  const called = sagaCalledFunction(state, call);
  if (called !== undefined) pushCallDrafts(state, call, called, matchCallee(state, called).flatMap(calledBySaga), `call(${calleeText(state, called)})`);
}

/** The drafts of a call of `callee` (the call's own, or the function a saga's effect calls) for each pattern it matches. */
function pushCallDrafts(state: ScanState, call: ts.CallExpression, callee: ts.Expression, candidates: readonly FlagPattern[], method?: string): void {
  let origin: BagSource['origin'] | null = null;
  for (const pattern of candidates) {
    if (pattern.kind !== 'call') continue;
    for (const draft of callDrafts(state, call, pattern)) {
      if (origin === null && (pattern.packages !== undefined || pattern.modules !== undefined)) origin = calleeOrigin(callee);
      pushWithEvidence(state, method === undefined ? draft : { ...draft, check: { ...draft.check, method } }, pattern, callee, origin ?? undefined);
    }
  }
}

/**
 * A component a pattern names, rendered with the key as an attribute: `<IfFeatureEnabled feature="billing">` is the
 * call `IfFeatureEnabled({ feature: 'billing' })` React makes, so a wrapper whose key is its first argument's
 * property matches it. It gates what it renders: the clean-up leaves it, saying so.
 */
export function visitJsxElement(state: ScanState, element: ts.JsxOpeningElement | ts.JsxSelfClosingElement): void {
  const tag = element.tagName as ts.Expression;
  // `<div>` is an HTML element, whatever the file declares as `div`.
  if (!(isIdentifier(tag) && isComponentName(tag.text)) && !isPropertyAccessExpression(tag)) return;
  const properties = element.attributes.properties;
  visitElement(state, tag, matchCallee(state, tag), calleeText(state, tag), spanOf(state, element), (prop) => {
    const at = properties.findIndex((property) => isJsxAttribute(property) && isIdentifier(property.name) && property.name.text === prop);
    // A spread after the key may replace it.
    if (at < 0 || properties.slice(at + 1).some(isJsxSpreadAttribute)) return undefined;
    const initializer = (properties[at] as ts.JsxAttribute).initializer;
    return initializer === undefined ? undefined : isStringLiteral(initializer) ? initializer : isJsxExpression(initializer) ? initializer.expression : undefined;
  });
}

/**
 * A component's element in a Vue template, which the script view writes as the component's name (see vue.ts) at the
 * place of its tag's: a component a pattern names, with the key as a prop (`<feature-flag name="x">`,
 * `:name="Flags.X"`), as a JSX element is.
 */
export function visitMarkupElement(state: ScanState, statement: ts.ExpressionStatement, elementAt: (text: string, open: number) => MarkupElement | undefined): void {
  const tag = statement.expression;
  if (!isIdentifier(tag) && !isPropertyAccessExpression(tag)) return;
  const open = tag.getStart(state.sourceFile) - 1;
  if (state.text.charCodeAt(open) !== LESS_THAN) return;
  // The element's props are read only for a component a pattern names.
  const candidates = matchCallee(state, tag);
  const element = candidates.length === 0 ? undefined : elementAt(state.text, open);
  if (element === undefined) return;
  // The check is the opening tag, as a JSX element's is, and is named by the tag as written (`feature-flag`).
  visitElement(state, tag, candidates, element.name, { start: open, end: element.end }, (prop) => {
    const given = element.props;
    const at = given.findIndex((entry) => entry.kind !== 'spread' && entry.prop === prop);
    const entry = given[at];
    if (entry === undefined || entry.kind === 'spread' || given.slice(at + 1).some((other) => other.kind === 'spread')) return undefined;
    const value = statementAt(state.sourceFile, entry.valueStart - 1)?.expression;
    return value === undefined ? undefined : unwrap(value);
  });
}

const LESS_THAN = 0x3c;

/** The expression statement of a view that starts at `position`, found among the file's statements in order. */
function statementAt(sourceFile: ts.SourceFile, position: number): ts.ExpressionStatement | undefined {
  const statements = sourceFile.statements;
  let low = 0;
  let high = statements.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (statements[middle].end <= position) low = middle + 1;
    else high = middle;
  }
  const found = statements[low];
  return found !== undefined && isExpressionStatement(found) && found.getStart(sourceFile) === position ? found : undefined;
}

/**
 * The checks of an element of the component `tag` (matching `candidates`), its opening tag at `span`, whose prop of a
 * given name `keyOf` gives.
 */
function visitElement(state: ScanState, tag: ts.Expression, candidates: readonly FlagPattern[], method: string, span: Span, keyOf: (prop: string) => ts.Expression | undefined): void {
  let origin: BagSource['origin'] | null = null;
  for (const pattern of candidates) {
    if (pattern.kind !== 'call' || pattern.keyArg !== 0 || pattern.keyPath?.length !== 1) continue;
    const keyNode = keyOf(pattern.keyPath[0]);
    const { nodes, list } = keyNode === undefined ? { nodes: [], list: false } : keyNodesAt(keyNode);
    for (const key of nodes) {
      const draft = { ...keyDraft(state, { ...pattern, returns: RENDERS_CHILDREN }, method, span, undefined, key), ...(list ? { listed: true as const } : {}) };
      if (origin === null && (pattern.packages !== undefined || pattern.modules !== undefined)) origin = calleeOrigin(tag);
      pushWithEvidence(state, draft, pattern, tag, origin ?? undefined);
    }
  }
}

/**
 * A preset's draft goes with the evidence it needs, and is dropped when its callee comes from no name; an inferred
 * wrapper's draft with the modules that declare it, and as it is when its callee comes from no name (`this.getValue`).
 */
function pushWithEvidence(state: ScanState, draft: DraftCheck, pattern: FlagPattern, callee: ts.Expression, origin: BagSource['origin']): void {
  if (pattern.packages !== undefined) {
    if (origin !== undefined) state.drafts.push({ ...draft, evidence: { ...origin, packages: pattern.packages } });
  } else if (pattern.modules !== undefined && origin !== undefined && namesItsOrigin(callee)) {
    state.drafts.push({ ...draft, evidence: { ...origin, packages: [], modules: pattern.modules, calledName: calleeLastName(pattern.callee) } });
  } else {
    state.drafts.push(draft);
  }
}

/**
 * True when a callee's function or receiver is a name or a path of names (`getValue`, `DataStoreUtils.getValue`,
 * `this.flags.isOn`): what it names is where the method is declared. A receiver a call made (`getClient().getValueAsync`)
 * comes from where that call's function does, and its methods from anywhere.
 */
function namesItsOrigin(callee: ts.Expression): boolean {
  const target = unwrap(callee);
  let receiver = isPropertyAccessExpression(target) ? unwrap(target.expression) : target;
  while (isPropertyAccessExpression(receiver)) receiver = unwrap(receiver.expression);
  return isIdentifier(receiver) || receiver.kind === SyntaxKind.ThisKeyword;
}

// What a call makes of a list of flags (`allEnabled(['a', 'b'])`) is no one flag's value.
const READS_A_LIST: CallReturns = { kind: 'other', what: 'what it makes of a list of flags, not one flag\'s value' };

/** The keys at a key's place: the key itself, or each key of a list written there (`flags={['a', 'b']}`). */
function keyNodesAt(keyNode: ts.Expression): { nodes: ts.Expression[]; list: boolean } {
  const inner = unwrap(keyNode);
  if (!isArrayLiteralExpression(inner)) return { nodes: isKeyLike(keyNode) ? [keyNode] : [], list: false };
  return { nodes: inner.elements.filter((element) => !isSpreadElement(element) && isKeyLike(element)), list: true };
}

/** The draft check of one key written at `keyNode`, for `pattern`'s call, element or object `whole` (a node, or the span of markup). */
export function keyDraft(state: ScanState, pattern: FlagPattern, method: string, whole: ts.Node | Span, defaultNode: ts.Expression | undefined, keyNode: ts.Expression): DraftCheck {
  return {
    check: {
      ...checkBase(state, pattern, method, whole, defaultNode),
      // An unresolved key is named by its expression: `flag as Variant` is the key `flag` (the type says nothing of it).
      key: textOf(state, unwrap(keyNode)),
      resolved: false,
      keySpan: spanOf(state, keyNode),
      keyIsLiteral: isStringLiteral(keyNode) || isNoSubstitutionTemplateLiteral(keyNode),
      ...(pattern.camelCaseKeys === true ? { camelCasedKey: true as const } : {}),
    },
    keyValue: evaluate(keyNode),
  };
}

function callDrafts(state: ScanState, call: ts.CallExpression, pattern: FlagPattern): DraftCheck[] {
  const keyIndex = pattern.keyArgByArgCount?.[call.arguments.length] ?? pattern.keyArg;
  const argument = call.arguments[keyIndex] as ts.Expression | undefined;
  if (argument === undefined) return [];
  if (pattern.keyCompared !== undefined) {
    const compared = keyInPredicate(argument, pattern.keyCompared);
    return compared === undefined ? [] : keyDraftsAt(state, call, pattern, keyIndex, compared);
  }
  if (pattern.keyPath === undefined) return keyDraftsAt(state, call, pattern, keyIndex, argument);
  // A path read on into a name the literal gives (`{ feature: featureX }` for `feature.id`): that object's member.
  return objectArgumentDescents(argument, pattern.keyPath).flatMap((descent) => {
    const drafts = descent.rest.length === 0 ? keyDraftsAt(state, call, pattern, keyIndex, descent.node) : wholeObjectDrafts(state, call, pattern, descent.node, descent.rest);
    // Each key of a list on the path is a check of its own, as each of a list of keys is.
    return descent.throughList === true ? drafts.map((draft) => ({ ...draft, listed: true as const })) : drafts;
  });
}

/** The drafts of the key, or keys, written at `keyNode` in the call's argument `keyIndex`. */
function keyDraftsAt(state: ScanState, call: ts.CallExpression, pattern: FlagPattern, keyIndex: number, keyNode: ts.Expression): DraftCheck[] {
  const args = call.arguments;
  if (args.slice(0, keyIndex).some(isSpreadElement)) return [];
  // A rest of keys: each argument from the key's on is one, and the call gives what the function makes of them all.
  const { nodes: written, list } = pattern.restKeys === true
    ? { nodes: args.slice(keyIndex).filter((node) => !isSpreadElement(node) && isKeyLike(node)), list: true }
    : keyNodesAt(keyNode);
  // A function that reads settings by key as well as flags checks only the keys said to be flags.
  const onlyKeys = pattern.bagKeys;
  const isFlagKey = (node: ts.Expression): boolean => {
    const key = unwrap(node);
    return onlyKeys === undefined || !isStringLiteralLike(key) || onlyKeys.has(key.text);
  };
  const nodes = written.filter(isFlagKey);
  // A literal key is evidence enough, and while typing the default is often not written yet.
  if (pattern.minArgs !== undefined && args.length < pattern.minArgs && !isStringLiteralLike(unwrap(keyNode))) return [];
  if (pattern.readWith !== undefined && !isReadWith(state.text, call.end, pattern.readWith)) return [];
  const defaultIndex = pattern.defaultArgByArgCount?.[args.length] ?? pattern.defaultArg;
  const defaultNode = defaultIndex === undefined ? undefined : args[defaultIndex];
  const method = calleeText(state, call.expression);
  const drafts = nodes.map((node) => {
    const draft = list ? { ...keyDraft(state, { ...pattern, returns: READS_A_LIST }, method, call, undefined, node), listed: true as const } : keyDraft(state, pattern, method, call, defaultNode, node);
    // The function's list of keys registers them, as a bag's list does.
    return onlyKeys !== undefined && isStringLiteralLike(unwrap(node)) ? { ...draft, check: { ...draft.check, listedByBag: true as const } } : draft;
  });
  return list || nodes.length !== 1 ? drafts : [...drafts, ...tableRowDrafts(state, pattern, method, nodes[0], isFlagKey)];
}

/** The checks of the rows of a table iterated into a call's key (see tableRows.ts): one per key a row names, at its property. */
function tableRowDrafts(state: ScanState, pattern: FlagPattern, method: string, keyNode: ts.Expression, isFlagKey: (node: ts.Expression) => boolean): DraftCheck[] {
  const table = tableRowsOf(state, keyNode);
  if (table === undefined) return [];
  const returns: CallReturns = { kind: 'other', what: `a row of ${table.table} that ${method} checks in turn, not the flag's value` };
  const rowMethod = `${table.table}[].${table.property}`;
  // A row two loops check is one check, at the row.
  const taken = (key: ts.Expression): boolean => state.drafts.some((draft) => draft.check.rowOf !== undefined && draft.check.keySpan.start === key.getStart(state.sourceFile));
  return table.rows.flatMap(({ holder, keys }) => keys.filter((key) => isFlagKey(key) && !taken(key)).map((key) => {
    const draft = keyDraft(state, { ...pattern, returns }, rowMethod, keys.length > 1 ? key : holder, undefined, key);
    const check = { ...draft.check, rowOf: table.table };
    return keys.length > 1 ? { ...draft, check, listed: true as const } : { ...draft, check };
  }));
}

/** True when the text after a call's end calls `method` on its result: `.asBoolean()`, `?.asBoolean()`. */
function isReadWith(text: string, end: number, method: string): boolean {
  const after = /^\s*(?:\?\s*)?\.\s*([\w$]+)\s*\(/.exec(text.slice(end, end + 200));
  return after !== null && after[1] === method;
}

/**
 * A key read at a path of an object passed whole, `flag(options)` for a pattern whose key is `options.key`: the key is
 * that member of the name. Only two kinds of name say so: a parameter declared with an object type that may hold the
 * member (the check is then dynamic, and its function forwards the key), and a constant object. A string passed to
 * another function of the same name (`deps.flag(orgId)`), a name of unknown type or a call's result is no check.
 */
function wholeObjectDrafts(state: ScanState, call: ts.CallExpression, pattern: FlagPattern, argument: ts.Expression, keyPath: readonly string[]): DraftCheck[] {
  const target = unwrap(argument);
  // A member of a constant object is one too (`useFeature(feature.feedVersion)`, `feature` an object of flag definitions).
  const names: string[] = [];
  let root: ts.Expression = target;
  while (isPropertyAccessExpression(root) && isIdentifier(root.name)) {
    names.unshift(root.name.text);
    root = unwrap(root.expression);
  }
  if (!isIdentifier(root)) return [];
  const binding = lookupBinding(state, root.text, root.end);
  if (binding === undefined || (names.length > 0 && binding.parameter !== undefined)) return [];
  if (binding.parameter !== undefined ? !mayHoldMember(binding.parameter.type, keyPath[0]) : binding.value === undefined || typeof binding.value === 'string') return [];
  const value: LocalReference = { kind: 'local', names: [root.text, ...names], position: root.end };
  const defaultIndex = pattern.defaultArgByArgCount?.[call.arguments.length] ?? pattern.defaultArg;
  const defaultNode = defaultIndex === undefined ? undefined : call.arguments[defaultIndex];
  return [{
    check: {
      ...checkBase(state, pattern, calleeText(state, call.expression), call, defaultNode),
      key: [...value.names, ...keyPath].join('.'),
      resolved: false,
      keySpan: spanOf(state, argument),
      keyIsLiteral: false,
    },
    keyValue: { ...value, names: [...value.names, ...keyPath] },
  }];
}

/** True when a value of this declared type may have the member: an object type that lists it, or a named type. */
function mayHoldMember(type: ts.TypeNode | undefined, member: string): boolean {
  if (type === undefined) return false;
  if (isTypeReferenceNode(type)) return true;
  if (isIntersectionTypeNode(type)) return type.types.some((part) => mayHoldMember(part, member));
  if (isTypeLiteralNode(type)) return type.members.some((element) => element.name !== undefined && (isIdentifier(element.name) || isStringLiteral(element.name)) && element.name.text === member);
  return false;
}

/**
 * Where a callee comes from, for a preset's evidence: the function's own name (`useFlag(...)`), or the receiver's
 * origin (`client` in `client.getBooleanValue(...)`, `OpenFeature` in `OpenFeature.getClient().getBooleanValue(...)`).
 */
export function calleeOrigin(callee: ts.Expression): BagSource['origin'] {
  const target = unwrap(callee);
  const receiver = isPropertyAccessExpression(target) ? unwrap(target.expression) : undefined;
  // One of two clients, chosen in place (`(risk === 'high' ? highRiskClient : lowRiskClient).getValueAsync(key)`): the
  // first gives the evidence, and the other must be a name as well (not an object of the file's own).
  if (receiver !== undefined && isConditionalExpression(receiver)) {
    const [first, second] = [originReference(receiver.whenTrue), originReference(receiver.whenFalse)];
    return first === undefined || second === undefined ? undefined : { reference: first, subject: first.names[0], chosenReceiver: true };
  }
  const reference = receiver !== undefined ? originReference(receiver) : originReference(target);
  if (reference === undefined) return undefined;
  return { reference, subject: reference.names[0] };
}

/** The fields of a check that do not depend on its key. */
export function checkBase(state: ScanState, pattern: FlagPattern, method: string, whole: ts.Node | Span, defaultNode: ts.Expression | undefined) {
  const defaultValueText = defaultNode === undefined ? undefined : textOf(state, defaultNode);
  const callSpan = 'kind' in whole ? spanOf(state, whole) : whole;
  const typeAnnotation = flagTypeAnnotation(state.text, callSpan.start);
  return {
    callSpan,
    sdk: pattern.sdk,
    method,
    ...(defaultValueText ? { defaultValueText } : {}),
    valueType: pattern.valueType === 'unknown' && defaultNode !== undefined ? valueTypeOfDefault(defaultNode) : pattern.valueType,
    negate: pattern.negate,
    ...(pattern.returns === undefined ? {} : { returns: pattern.returns }),
    ...(pattern.declares === true ? { declaration: true as const } : {}),
    ...(typeAnnotation === undefined ? {} : { typeAnnotation }),
    ...(pattern.evidence === undefined ? {} : { evidence: pattern.evidence }),
  };
}

/**
 * The patterns a callee's name matches: a team's `receiver.name` pattern first, then a team's bare `name`, else every
 * vendor's preset of that name (which of them, if any, holds is decided by where the callee comes from).
 */
export function matchCallee(state: ScanState, callee: ts.Expression): readonly FlagPattern[] {
  let name: string;
  let receiver: ts.Expression | undefined;
  if (isIdentifier(callee)) {
    name = callee.text;
  } else if (isPropertyAccessExpression(callee) && isIdentifier(callee.name)) {
    name = callee.name.text;
    receiver = callee.expression;
  } else if (isCallExpression(callee) && callee.arguments.length === 0 && isIdentifier(callee.expression)) {
    // The checker a call gives back, called at once: `useFeatureSelector()(KEY)` matches the pattern `useFeatureSelector()`.
    name = `${callee.expression.text}()`;
  } else {
    const getter = getterPathName(callee);
    if (getter === undefined) return NO_PATTERNS;
    name = getter;
  }
  const candidates = state.patternsByName.get(name);
  if (candidates === undefined) return NO_PATTERNS;
  const receiverName = receiver === undefined ? undefined : lastNameOf(receiver);
  let presets: FlagPattern[] | undefined;
  let onReceiver = false;
  for (const pattern of candidates) {
    const dot = pattern.callee.lastIndexOf('.');
    if (dot < 0) {
      if (pattern.packages === undefined) return [pattern];
      (presets ??= []).push(pattern);
    } else if (receiverName !== undefined && receiverName === calleeLastName(pattern.callee.slice(0, dot))) {
      return [pattern];
    } else {
      onReceiver = true;
    }
  }
  // A local name for the pattern's receiver: a parameter that defaults to it (`flags = featureFlagService`), a constant
  // that holds it (`const flags = featureFlagService`), an import under another name.
  const alias = onReceiver && receiver !== undefined ? receiverAlias(state, receiver) : undefined;
  if (alias !== undefined) {
    const aliased = candidates.find((pattern) => pattern.callee.includes('.') && calleeLastName(pattern.callee.slice(0, pattern.callee.lastIndexOf('.'))) === alias);
    if (aliased !== undefined) return [aliased];
  }
  return presets ?? NO_PATTERNS;
}

/** The last name of what a receiver named by a local name stands for, when it is a name (see `matchCallee`). */
function receiverAlias(state: ScanState, receiver: ts.Expression): string | undefined {
  const name = unwrap(receiver);
  if (!isIdentifier(name)) return undefined;
  const binding = lookupBinding(state, name.text, name.end);
  if (binding === undefined) return undefined;
  if (binding.parameter !== undefined) return binding.parameter.defaultName;
  const value = binding.value;
  return value !== undefined && typeof value !== 'string' && value.kind !== 'object' ? value.names[value.names.length - 1] : undefined;
}

const NO_PATTERNS: readonly FlagPattern[] = [];

/** The last name of a receiver: `flags` for `this.flags`, `ctx.flags` or `flags`. */
export function lastNameOf(node: ts.Expression): string | undefined {
  const expression = unwrap(node);
  if (isIdentifier(expression)) return expression.text;
  if (isPropertyAccessExpression(expression)) return expression.name.text;
  if (expression.kind === SyntaxKind.ThisKeyword) return 'this';
  if (isElementAccessExpression(expression) && isStringLiteralLike(expression.argumentExpression)) return expression.argumentExpression.text;
  return undefined;
}

/**
 * Generic names (`isEnabled`, `feature`, `variation`) are common outside flag SDKs; a key argument that
 * cannot be a string (a number, an object, a function) or a missing one means the call is something else.
 */
export function isKeyLike(node: ts.Expression): boolean {
  const expression = unwrap(node);
  switch (expression.kind) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateExpression:
    case SyntaxKind.PropertyAccessExpression:
    case SyntaxKind.ElementAccessExpression:
      return true;
    case SyntaxKind.Identifier: {
      const name = (expression as ts.Identifier).text;
      return name !== '' && name !== 'undefined';
    }
    case SyntaxKind.CallExpression:
      return brandedKey(expression) !== undefined;
    default:
      return false;
  }
}

/** The type a default value literal implies, for patterns whose method does not say (`variation`, `useFlag`). */
function valueTypeOfDefault(node: ts.Expression): FlagValueType {
  const expression = unwrap(node);
  switch (expression.kind) {
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
      return 'boolean';
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateExpression:
      return 'string';
    case SyntaxKind.NumericLiteral:
      return 'number';
    case SyntaxKind.PrefixUnaryExpression:
      return isNumericLiteral((expression as ts.PrefixUnaryExpression).operand) ? 'number' : 'unknown';
    case SyntaxKind.ObjectLiteralExpression:
    case SyntaxKind.ArrayLiteralExpression:
      return 'object';
    default:
      return 'unknown';
  }
}

export function spanOf(state: ScanState, node: ts.Node): Span {
  return { start: node.getStart(state.sourceFile), end: node.end };
}

export function textOf(state: ScanState, node: ts.Node): string {
  return state.text.slice(node.getStart(state.sourceFile), node.end);
}

/** The callee as written, without the line breaks and indentation of a chained call. */
export function calleeText(state: ScanState, callee: ts.Expression): string {
  // A Vue component's view writes names its text does not (`vFeature` for `v-feature`, see vue.ts): read there.
  const written = state.markupElement === undefined ? textOf(state, callee) : callee.getText(state.sourceFile);
  return written.replace(/\s+/g, '');
}
