// The check finder: calls and flag-bag reads that match a pattern become draft flag checks, their keys
// completed later through the file's bindings (bindings.ts).

import { ts } from 'ts-morph';
import { calleeLastName, type PatternSet } from '../patterns';
import { isEmptyObjectFallback, keyInObjectArgument, namedWherever, objectBagOf, type ObjectBag } from '../bags';
import { kebabCaseFromCamelCase } from '../keys';
import { flagTypeAnnotation } from '../policy/flagType';
import { escapeRegex, isComponentName } from '../regex';
import type { CallReturns, FlagPattern, FlagValueType, Span } from '../types';
import { lookupBinding } from './bindings';
import { storedBagRead } from './flagStores';
import { getterPathName } from './getterPaths';
import type { BagSource, DraftCheck, LocalReference, ScanState } from './types';
import { keyInPredicate } from './predicates';
import { evaluate, originReference, unwrap } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const {
  SyntaxKind, isArrayLiteralExpression, isAwaitExpression, isBinaryExpression, isCallExpression, isComputedPropertyName, isDeleteExpression, isElementAccessExpression,
  isIdentifier, isNoSubstitutionTemplateLiteral, isNumericLiteral, isPostfixUnaryExpression, isPrefixUnaryExpression,
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
  if (candidates.length === 0) return;
  let origin: BagSource['origin'] | null = null;
  for (const pattern of candidates) {
    if (pattern.kind !== 'call') continue;
    for (const draft of callDrafts(state, call, pattern)) {
      if (pattern.packages === undefined) {
        state.drafts.push(draft);
        continue;
      }
      if (origin === null) origin = calleeOrigin(call.expression);
      if (origin !== undefined) state.drafts.push({ ...draft, evidence: { ...origin, packages: pattern.packages } });
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
  const candidates = matchCallee(state, tag);
  let origin: BagSource['origin'] | null = null;
  for (const pattern of candidates) {
    if (pattern.kind !== 'call' || pattern.keyArg !== 0 || pattern.keyPath?.length !== 1) continue;
    const properties = element.attributes.properties;
    const at = properties.findIndex((property) => isJsxAttribute(property) && isIdentifier(property.name) && property.name.text === pattern.keyPath?.[0]);
    // A spread after the key may replace it.
    if (at < 0 || properties.slice(at + 1).some(isJsxSpreadAttribute)) continue;
    const initializer = (properties[at] as ts.JsxAttribute).initializer;
    const keyNode = initializer === undefined ? undefined : isStringLiteral(initializer) ? initializer : isJsxExpression(initializer) ? initializer.expression : undefined;
    const { nodes, list } = keyNode === undefined ? { nodes: [], list: false } : keyNodesAt(keyNode);
    for (const key of nodes) {
      const draft = { ...keyDraft(state, { ...pattern, returns: RENDERS_CHILDREN }, calleeText(state, tag), element, undefined, key), ...(list ? { listed: true as const } : {}) };
      if (pattern.packages === undefined) {
        state.drafts.push(draft);
        continue;
      }
      if (origin === null) origin = calleeOrigin(tag);
      if (origin !== undefined) state.drafts.push({ ...draft, evidence: { ...origin, packages: pattern.packages } });
    }
  }
}

// What a call makes of a list of flags (`allEnabled(['a', 'b'])`) is no one flag's value.
const READS_A_LIST: CallReturns = { kind: 'other', what: 'what it makes of a list of flags, not one flag\'s value' };

/** The keys at a key's place: the key itself, or each key of a list written there (`flags={['a', 'b']}`). */
function keyNodesAt(keyNode: ts.Expression): { nodes: ts.Expression[]; list: boolean } {
  const inner = unwrap(keyNode);
  if (!isArrayLiteralExpression(inner)) return { nodes: isKeyLike(keyNode) ? [keyNode] : [], list: false };
  return { nodes: inner.elements.filter((element) => !isSpreadElement(element) && isKeyLike(element)), list: true };
}

/** The draft check of one key written at `keyNode`, for `pattern`'s call, element or object `whole`. */
export function keyDraft(state: ScanState, pattern: FlagPattern, method: string, whole: ts.Node, defaultNode: ts.Expression | undefined, keyNode: ts.Expression): DraftCheck {
  return {
    check: {
      ...checkBase(state, pattern, method, whole, defaultNode),
      // An unresolved key is named by its expression: `flag as Variant` is the key `flag` (the type says nothing of it).
      key: textOf(state, unwrap(keyNode)),
      resolved: false,
      keySpan: spanOf(state, keyNode),
      keyIsLiteral: isStringLiteral(keyNode) || isNoSubstitutionTemplateLiteral(keyNode),
    },
    keyValue: evaluate(keyNode),
  };
}

function callDrafts(state: ScanState, call: ts.CallExpression, pattern: FlagPattern): DraftCheck[] {
  const args = call.arguments;
  const keyIndex = pattern.keyArgByArgCount?.[args.length] ?? pattern.keyArg;
  const argument = args[keyIndex] as ts.Expression | undefined;
  const keyNode = argument === undefined ? undefined
    : pattern.keyCompared !== undefined ? keyInPredicate(argument, pattern.keyCompared)
      : pattern.keyPath === undefined ? argument : keyInObjectArgument(argument, pattern.keyPath);
  if (keyNode === undefined && argument !== undefined && pattern.keyPath !== undefined) return wholeObjectDrafts(state, call, pattern, argument, pattern.keyPath);
  if (keyNode === undefined || args.slice(0, keyIndex).some(isSpreadElement)) return [];
  const { nodes: written, list } = keyNodesAt(keyNode);
  // A function that reads settings by key as well as flags checks only the keys said to be flags.
  const onlyKeys = pattern.bagKeys;
  const nodes = onlyKeys === undefined ? written : written.filter((node) => {
    const key = unwrap(node);
    return !isStringLiteralLike(key) || onlyKeys.has(key.text);
  });
  // A literal key is evidence enough, and while typing the default is often not written yet.
  if (pattern.minArgs !== undefined && args.length < pattern.minArgs && !isStringLiteralLike(unwrap(keyNode))) return [];
  if (pattern.readWith !== undefined && !isReadWith(state.text, call.end, pattern.readWith)) return [];
  const defaultIndex = pattern.defaultArgByArgCount?.[args.length] ?? pattern.defaultArg;
  const defaultNode = defaultIndex === undefined ? undefined : args[defaultIndex];
  const method = calleeText(state, call.expression);
  return nodes.map((node) => {
    const draft = list ? { ...keyDraft(state, { ...pattern, returns: READS_A_LIST }, method, call, undefined, node), listed: true as const } : keyDraft(state, pattern, method, call, defaultNode, node);
    // The function's list of keys registers them, as a bag's list does.
    return onlyKeys !== undefined && isStringLiteralLike(unwrap(node)) ? { ...draft, check: { ...draft.check, listedByBag: true as const } } : draft;
  });
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
  if (!isIdentifier(target)) return [];
  const binding = lookupBinding(state, target.text, target.end);
  if (binding === undefined) return [];
  if (binding.parameter !== undefined ? !mayHoldMember(binding.parameter.type, keyPath[0]) : binding.value === undefined || typeof binding.value === 'string') return [];
  const value: LocalReference = { kind: 'local', names: [target.text], position: target.end };
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
function calleeOrigin(callee: ts.Expression): BagSource['origin'] {
  const target = unwrap(callee);
  const reference = isPropertyAccessExpression(target) ? originReference(target.expression) : originReference(target);
  if (reference === undefined) return undefined;
  return { reference, subject: reference.names[0] };
}

// Methods of a flag's handle that change it rather than read it: `set`, `setValue`, `toggle`, `reset`, `update`.
const CHANGES_FLAG = /^(?:set|update|toggle|reset|clear|enable|disable|remove|delete)(?![a-z])/;

/** `flags.newCheckout`, `flags['new-checkout']`, `useFlags().newCheckout`. */
export function visitBagAccess(state: ScanState, node: ts.PropertyAccessExpression | ts.ElementAccessExpression, parent: ts.Node | undefined): void {
  // `[flags.x]` as a hook's dependency names the flag to re-run the hook; the hook's body reads it.
  if (state.dependencyReads?.has(node) === true) return;
  // `flags.hasOwnProperty(...)` asks the bag object itself, not a flag; a bag of accessors is read by such a call alone.
  const called = parent !== undefined && isCallExpression(parent) && parent.expression === node;
  if (called && state.accessorBags !== true) return;
  // `flags.x = true`, `delete flags[FLAGS.x]` set the record; they read no flag.
  if (parent !== undefined && isWrittenAccess(node, parent)) return;
  // Nor does `flags.x.set(true)`, which changes the flag through the handle the bag gives for it.
  if (parent !== undefined && isPropertyAccessExpression(parent) && parent.expression === node && CHANGES_FLAG.test(parent.name.text)) return;
  const bag = bagSourceOf(state, node.expression);
  if (bag === undefined || called !== (bag.accessors === true)) return;
  // The box's value is the record whose properties are the flags, not a flag.
  if (bag.box === true && isPropertyAccessExpression(node) && node.name.text === 'value') return;
  if (isPropertyAccessExpression(node)) {
    if (isIdentifier(node.name)) addBagNameCheck(state, bag, node.name, called ? (parent as ts.CallExpression) : node, undefined);
  } else {
    addBagKeyCheck(state, bag, node.argumentExpression, node, undefined);
  }
}

/** True when `parent` writes or deletes the property `node` reads: `flags.x = v`, `flags[k] ??= v`, `delete flags.x`, `flags.n++`. */
export function isWrittenAccess(node: ts.Expression, parent: ts.Node): boolean {
  if (isDeleteExpression(parent)) return true;
  if (isBinaryExpression(parent)) return parent.left === node && parent.operatorToken.kind >= SyntaxKind.FirstAssignment && parent.operatorToken.kind <= SyntaxKind.LastAssignment;
  return (isPrefixUnaryExpression(parent) || isPostfixUnaryExpression(parent)) && (parent.operator === SyntaxKind.PlusPlusToken || parent.operator === SyntaxKind.MinusMinusToken);
}

/** `const { newCheckout, 'dark-mode': darkMode = false } = useFlags()`. */
export function addDestructuredBagChecks(state: ScanState, bag: BagSource, pattern: ts.ObjectBindingPattern): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken !== undefined) continue;
    const nameNode = element.propertyName ?? element.name;
    if (isIdentifier(nameNode)) {
      addBagNameCheck(state, bag, nameNode, element, element.initializer);
    } else if (isComputedPropertyName(nameNode)) {
      addBagKeyCheck(state, bag, nameNode.expression, element, element.initializer);
    } else if (isStringLiteral(nameNode) || isNoSubstitutionTemplateLiteral(nameNode)) {
      addBagKeyCheck(state, bag, nameNode, element, element.initializer);
    }
  }
}

// What every object or array has: `featureFlags.length` asks about the record, not a flag.
const OBJECT_MEMBERS = new Set(['length', 'size', 'constructor', 'prototype', '__proto__']);

/** A flag named by an identifier: camelCased in LaunchDarkly's bag. */
function addBagNameCheck(state: ScanState, bag: BagSource, name: ts.Identifier, whole: ts.Node, defaultNode: ts.Expression | undefined): void {
  if (name.text === '' || (bag.keys !== undefined ? !bag.keys.has(name.text) : OBJECT_MEMBERS.has(name.text))) return;
  for (const pattern of bag.patterns) {
    const camelCase = pattern.camelCaseKeys === true;
    const named = pattern.bagKeyNames?.[name.text];
    const base = checkBase(state, pattern, bag.method, whole, defaultNode);
    pushBagDraft(state, bag, pattern, {
      check: {
        ...base,
        // A field filled from a flag of another name says so: `featureFlagsStore.ADMIN_PAGE` is `auth_portal_admin_page`.
        ...(named === undefined ? {} : { evidence: `${base.evidence ?? `the bag ${bag.method}`}; its ${name.text} holds the flag ${named}` }),
        key: named ?? (camelCase ? kebabCaseFromCamelCase(name.text) : name.text),
        resolved: true,
        ...(camelCase ? { camelCaseName: name.text } : {}),
        ...(bag.keys !== undefined ? { listedByBag: true as const } : {}),
        keySpan: spanOf(state, name),
        keyIsLiteral: false,
      },
    });
  }
}

/** A flag named by a string or an expression (`flags['new-checkout']`, `flags[FLAGS.NEW]`): the key as is, never camelCased. */
function addBagKeyCheck(state: ScanState, bag: BagSource, keyNode: ts.Expression, whole: ts.Node, defaultNode: ts.Expression | undefined): void {
  if (!isKeyLike(keyNode)) return;
  // A bag that lists its keys: a string it does not list is no flag; a name or expression is resolved later.
  const literal = unwrap(keyNode);
  if (bag.keys !== undefined && (isStringLiteral(literal) || isNoSubstitutionTemplateLiteral(literal)) && !bag.keys.has(literal.text)) return;
  for (const pattern of bag.patterns) {
    pushBagDraft(state, bag, pattern, {
      check: {
        ...checkBase(state, pattern, bag.method, whole, defaultNode),
        key: textOf(state, unwrap(keyNode)),
        resolved: false,
        keySpan: spanOf(state, keyNode),
        keyIsLiteral: isStringLiteral(keyNode) || isNoSubstitutionTemplateLiteral(keyNode),
        ...(bag.keys !== undefined && (isStringLiteral(literal) || isNoSubstitutionTemplateLiteral(literal)) ? { listedByBag: true as const } : {}),
      },
      keyValue: evaluate(keyNode),
    });
  }
}

/**
 * A bag's draft, with the evidence a preset's bag needs: where its call's function comes from, that name read where
 * the flag is read (a draft's positions are its own statement's: the bag may be declared in another).
 */
function pushBagDraft(state: ScanState, bag: BagSource, pattern: FlagPattern, draft: DraftCheck): void {
  if (pattern.packages === undefined) {
    state.drafts.push(draft);
  } else if (bag.origin !== undefined) {
    const reference = { ...bag.origin.reference, position: draft.check.callSpan.end };
    state.drafts.push({ ...draft, evidence: { reference, subject: bag.origin.subject, packages: pattern.packages } });
  }
}

/** The fields of a check that do not depend on its key. */
export function checkBase(state: ScanState, pattern: FlagPattern, method: string, whole: ts.Node, defaultNode: ts.Expression | undefined) {
  const defaultValueText = defaultNode === undefined ? undefined : textOf(state, defaultNode);
  const callSpan = spanOf(state, whole);
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

/** The flag bag an expression holds: a bag call, a name bound to one, or a configured bag object. */
export function bagSourceOf(state: ScanState, node: ts.Expression): BagSource | undefined {
  let expression = unwrap(node);
  // `await getFeatureFlags()`: a bag function may be async.
  if (isAwaitExpression(expression)) expression = unwrap(expression.expression);
  // `flags ?? {}`: a record that may be missing, defaulted to an empty one, is still that record.
  if (isBinaryExpression(expression) && isEmptyObjectFallback(expression)) return bagSourceOf(state, expression.left);
  // `flags.value`: the value of a box a bag call gives is the bag (a template reads the box itself, unwrapped).
  if (isPropertyAccessExpression(expression) && expression.name.text === 'value') {
    const box = bagSourceOf(state, expression.expression);
    if (box?.box === true) return box;
  }
  const stored = storedBagRead(expression, state.sourceFile, state.objectBags);
  if (stored !== undefined) return objectBagSource(stored);
  if (isCallExpression(expression)) {
    const patterns = matchCallee(state, expression.expression).filter((pattern) => pattern.kind === 'bag');
    if (patterns.length === 0) return undefined;
    const method = calleeText(state, expression.expression);
    // A bag call that lists its keys gives back other properties too (`isLoading`), which are no flags.
    const keys = patterns.length === 1 && patterns[0].bagKeys !== undefined ? { keys: patterns[0].bagKeys } : {};
    const box = patterns.length === 1 && patterns[0].box === true ? { box: true as const } : {};
    const accessors = patterns.length === 1 && patterns[0].bagAccessors === true ? { accessors: true as const } : {};
    if (patterns.every((pattern) => pattern.packages === undefined)) return { patterns, method, ...keys, ...box, ...accessors };
    const origin = calleeOrigin(expression.expression);
    return origin === undefined ? undefined : { patterns, method, origin, ...keys, ...box, ...accessors };
  }
  const declared = objectBagOf(expression, state.objectBags);
  if (isIdentifier(expression)) {
    const binding = lookupBinding(state, expression.text, expression.end);
    // A local name of a declared bag that lists its keys is that bag (a parameter `flags`, `const flags = org.featureFlags`):
    // the keys keep other objects of that name out. So is one of a bag whose entry says its locals are it (a record of
    // booleans named for feature flags, passed along as `featureFlags`). Any other bag is named only by its path.
    if (binding?.bag !== undefined) return binding.bag;
    if (binding !== undefined && (declared === undefined || !namedWherever(declared))) return undefined;
    // A name bound to an object written out here (`const featureFlags = { addressComplete: getFlag('addressComplete') }`)
    // holds what it says: a check's value is read where it was checked, a default where it was written. One that
    // spreads a record into it (`{ ...stored, [FLAG.newNav]: true }`) is that record, merged.
    if (typeof binding?.value === 'object' && binding.value.kind === 'object' && binding.value.spreads === undefined) return undefined;
  }
  return declared === undefined ? undefined : objectBagSource(declared);
}

/** The bag source of a declared bag object; a vendor's is the bag only where its first name comes from the vendor's packages. */
export function objectBagSource(declared: ObjectBag): BagSource {
  const [root] = declared.names;
  const origin = declared.pattern.packages === undefined ? {} : { origin: { reference: { kind: 'local' as const, names: [root], position: 0 }, subject: root } };
  return { patterns: [declared.pattern], method: declared.pattern.callee, ...(declared.keys === undefined ? {} : { keys: declared.keys }), ...origin };
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
function calleeText(state: ScanState, callee: ts.Expression): string {
  return textOf(state, callee).replace(/\s+/g, '');
}
