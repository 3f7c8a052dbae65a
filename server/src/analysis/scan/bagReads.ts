// Flag-bag reads: a property read of an object that holds every flag (`flags.newCheckout`, `flags['new-checkout']`,
// `useFlags().newCheckout`, `const { newCheckout } = useFlags()`) is a draft check of the flag it names, completed
// through the file's bindings as a call's is (see checks.ts).

import { ts } from 'ts-morph';
import { isEmptyObject, isEmptyObjectFallback, namedWherever, objectBagOf, type ObjectBag } from '../bags';
import { kebabCaseFromCamelCase } from '../keys';
import type { FlagPattern } from '../types';
import { lookupBinding } from './bindings';
import { calleeOrigin, calleeText, checkBase, isKeyLike, matchCallee, spanOf, textOf } from './checks';
import { storedBagRead } from './flagStores';
import type { BagSource, DraftCheck, ScanState } from './types';
import { evaluate, unwrap } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const {
  SyntaxKind, isArrayLiteralExpression, isArrowFunction, isAwaitExpression, isBinaryExpression, isBlock, isCallExpression, isComputedPropertyName, isConditionalExpression, isDeleteExpression,
  isElementAccessExpression, isFunctionExpression, isIdentifier, isTypeOfExpression,
  isNoSubstitutionTemplateLiteral, isPostfixUnaryExpression, isPrefixUnaryExpression, isPropertyAccessExpression, isStringLiteral,
} = ts;

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
  // Nor does asking the type of what the record holds there (`typeof flags.x === 'boolean'`). Whether it is there at all
  // (`flags.x === undefined`) is asked of the flag: whether its value is served.
  if (parent !== undefined && isTypeOfExpression(parent)) return;
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

/**
 * A flag named by a string or an expression (`flags['new-checkout']`, `flags[FLAGS.NEW]`): the key as is, but a name in
 * camelCase in a camelCasing bag (`flags['newCheckout']`), which names the flag as a property does (see `withKey`).
 */
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
        ...(pattern.camelCaseKeys === true ? { camelCasedKey: true as const } : {}),
      },
      keyValue: evaluate(keyNode),
      ...(bag.keys !== undefined && !(isStringLiteral(literal) || isNoSubstitutionTemplateLiteral(literal)) && !namesListOfFlags(literal) ? { onlyKeys: bag.keys } : {}),
    });
  }
}

// A list named for flags (`FeatureVars.SAE_OVERRIDE`, `FeatureFlags.X`): another list of the bag's flags than the one it lists.
const FLAGS_LIST_NAME = /feature|flag|toggle|experiment|gate/i;

/** True for a member of a list named for flags: the key is a flag's, whether or not the bag lists it. */
function namesListOfFlags(key: ts.Expression): boolean {
  return (isPropertyAccessExpression(key) || isElementAccessExpression(key)) && isIdentifier(key.expression) && FLAGS_LIST_NAME.test(key.expression.text);
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

/** The flag bag an expression holds: a bag call, a name bound to one, or a configured bag object. */
export function bagSourceOf(state: ScanState, node: ts.Expression): BagSource | undefined {
  let expression = unwrap(node);
  // `await getFeatureFlags()`: a bag function may be async.
  if (isAwaitExpression(expression)) expression = unwrap(expression.expression);
  // `flags ?? {}`: a record that may be missing, defaulted to an empty one, is still that record.
  if (isBinaryExpression(expression) && isEmptyObjectFallback(expression)) return bagSourceOf(state, expression.left);
  // `session ? await getFeatureFlags(id) : {}`: so is one chosen against an empty one.
  if (isConditionalExpression(expression)) {
    if (isEmptyObject(expression.whenFalse)) return bagSourceOf(state, expression.whenTrue);
    if (isEmptyObject(expression.whenTrue)) return bagSourceOf(state, expression.whenFalse);
  }
  // `flags.value`: the value of a box a bag call gives is the bag (a template reads the box itself, unwrapped).
  if (isPropertyAccessExpression(expression) && expression.name.text === 'value') {
    const box = bagSourceOf(state, expression.expression);
    if (box?.box === true) return box;
  }
  const stored = storedBagRead(expression, state.sourceFile, state.objectBags);
  if (stored !== undefined) return objectBagSource(stored);
  // Pinia's `storeToRefs(store)` gives the store's fields as refs: `const { beta } = storeToRefs(flagsStore)` reads `beta`.
  if (isCallExpression(expression) && isIdentifier(expression.expression) && expression.expression.text === 'storeToRefs' && expression.arguments.length === 1) {
    return bagSourceOf(state, expression.arguments[0]);
  }
  if (isCallExpression(expression)) {
    // A bag function given a selector of its state (`useFeatureFlagStore((s) => s.x)`) gives what the selector picks:
    // the selector's parameter is the bag (see `selectorOfBag`), and what it gives is one only when it is that parameter.
    const selector = selectorOf(expression);
    if (selector !== undefined && !givesItsParameter(selector)) return undefined;
    return callBagSource(state, expression);
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
    // An object made by `new` (`const flags = new FeatureFlags()`) is what its class makes, not what is written here.
    if (typeof binding?.value === 'object' && binding.value.kind === 'object' && binding.value.spreads === undefined && binding.value.constructed === undefined) return undefined;
  }
  return declared === undefined ? undefined : objectBagSource(declared);
}

/** The bag a call of a bag function gives (its patterns, and for a vendor's, where its function comes from). */
function callBagSource(state: ScanState, expression: ts.CallExpression): BagSource | undefined {
  // A store's selector hook handed a bag function (`useAppSelector(selectFeatureFlags)`) gives what that function gives.
  const handed = handedSelector(expression);
  const called = handed ?? expression.expression;
  const patterns = matchCallee(state, called).filter((pattern) => pattern.kind === 'bag');
  if (patterns.length === 0) return undefined;
  const method = calleeText(state, called);
  // A bag call that lists its keys gives back other properties too (`isLoading`), which are no flags; one given the
  // keys to check (`useFlags(['a', 'b'])`) gives those alone, and without a list written there, nothing known.
  const listed = patterns.length === 1 && patterns[0].bagKeysArg !== undefined ? listedKeys(expression.arguments[patterns[0].bagKeysArg]) : undefined;
  if (listed === null) return undefined;
  const keys = listed !== undefined ? { keys: listed } : patterns.length === 1 && patterns[0].bagKeys !== undefined ? { keys: patterns[0].bagKeys } : {};
  const box = patterns.length === 1 && patterns[0].box === true ? { box: true as const } : {};
  const accessors = patterns.length === 1 && patterns[0].bagAccessors === true ? { accessors: true as const } : {};
  if (patterns.every((pattern) => pattern.packages === undefined)) return { patterns, method, ...keys, ...box, ...accessors };
  const origin = calleeOrigin(expression.expression);
  return origin === undefined ? undefined : { patterns, method, origin, ...keys, ...box, ...accessors };
}

// A store's hook or effect that gives what the selector it is handed gives of the state: React Redux's `useSelector` and the
// typed ones a team makes of it (`useAppSelector`), redux-saga's and NgRx's `select`.
const SELECTOR_HOOK = /^(?:use[A-Z]\w*Selector|useSelector|select)$/;

/** The selector a store's selector hook is handed, as a name (`useAppSelector(selectFeatureFlags)`); undefined for any other call. */
export function handedSelector(call: ts.CallExpression): ts.Identifier | ts.PropertyAccessExpression | undefined {
  const callee = unwrap(call.expression);
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const [selector] = call.arguments;
  if (name === undefined || call.arguments.length !== 1 || !SELECTOR_HOOK.test(name)) return undefined;
  const handed = unwrap(selector);
  return isIdentifier(handed) || isPropertyAccessExpression(handed) ? handed : undefined;
}

/**
 * The selector a bag function is given, with the bag its parameter holds: `useFeatureFlagStore((s) => [s.x, s.y])`, a
 * store's hook handed a function of its state. The walk binds the parameter to the bag, so each read of it is a check.
 */
export function selectorOfBag(state: ScanState, call: ts.CallExpression): { selector: ts.ArrowFunction | ts.FunctionExpression; bag: BagSource } | undefined {
  const selector = selectorOf(call);
  const bag = selector === undefined ? undefined : callBagSource(state, call);
  return selector === undefined || bag === undefined ? undefined : { selector, bag };
}

/** The function a call is given first, when it takes one parameter (a selector of the state). */
function selectorOf(call: ts.CallExpression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const first = call.arguments[0] === undefined ? undefined : unwrap(call.arguments[0]);
  return first !== undefined && (isArrowFunction(first) || isFunctionExpression(first)) && first.parameters.length === 1 ? first : undefined;
}

/** True for a selector that gives its parameter whole (`(s) => s`). */
function givesItsParameter(selector: ts.ArrowFunction | ts.FunctionExpression): boolean {
  const [parameter] = selector.parameters;
  const body = isBlock(selector.body) ? undefined : unwrap(selector.body);
  return body !== undefined && isIdentifier(body) && isIdentifier(parameter.name) && body.text === parameter.name.text;
}

/** The keys a list written as the argument names (`['a', 'b']`); null when the argument is no such list. */
function listedKeys(argument: ts.Expression | undefined): ReadonlySet<string> | null {
  const list = argument === undefined ? undefined : unwrap(argument);
  if (list === undefined || !isArrayLiteralExpression(list)) return null;
  const keys = new Set<string>();
  for (const element of list.elements) {
    if (!isStringLiteral(element) && !isNoSubstitutionTemplateLiteral(element)) return null;
    keys.add(element.text);
  }
  return keys;
}

/** The bag source of a declared bag object; a vendor's is the bag only where its first name comes from the vendor's packages. */
export function objectBagSource(declared: ObjectBag): BagSource {
  const [root] = declared.names;
  const origin = declared.pattern.packages === undefined ? {} : { origin: { reference: { kind: 'local' as const, names: [root], position: 0 }, subject: root } };
  return {
    patterns: [declared.pattern], method: declared.pattern.callee, ...(declared.keys === undefined ? {} : { keys: declared.keys }), ...origin,
    ...(declared.pattern.bagAccessors === true ? { accessors: true as const } : {}),
  };
}
