// Flag bags named in `.flaglens.json`: objects that hold every flag (`uiConfig.flags`), and calls that
// return such an object (`useFeatureFlags()`). A property of a bag is a flag check of that property's key.
// Also keys passed inside an object argument (`getFlag({ key: Flags.X })`), the other shape of a key that
// is not an argument of its own.

import { ts } from 'ts-morph';
import type { FlagCheck, FlagPattern, Sdk } from './types';

/** A bag object named by its path: `uiConfig.flags` matches `uiConfig.flags`, `this.uiConfig.flags`, `props.uiConfig?.flags`. */
export interface ObjectBag {
  /** The path's names, `['uiConfig', 'flags']`. */
  readonly names: readonly string[];
  /** The pattern its checks report: sdk `custom` unless the entry names one, callee the path as written in the configuration. */
  readonly pattern: FlagPattern;
  /**
   * The only property names that are flags, when the entry lists them (a property typed by a registry interface,
   * `flags: UiFlags`): `flags.length` of another object that shares the name is not one.
   */
  readonly keys?: ReadonlySet<string>;
  /**
   * True when a parameter or variable of the bag's one name is the bag too (`function log(featureFlags: FeatureFlags)`):
   * a bag passed along under its name. Without it, or keys, a local of that name is some other object.
   */
  readonly locals?: boolean;
  /**
   * True when the name is a store that holds the bag (`featureFlagsAtom = atom<FeatureFlags>({})`): the bag is the store's
   * value where it is read (`get(featureFlagsAtom)`, `useAtomValue(featureFlagsAtom)`, `$featureFlags` in Svelte), and
   * the store itself (`featureFlags.subscribe`, `featureFlags.set`) is no bag.
   */
  readonly store?: boolean;
}

/**
 * A `bags` entry of `.flaglens.json` as written: the bag's text, or an object that also says how it names its flags,
 * for a team's wrapper of a vendor's bag (`{"bag": "useLaunchDarkly()", "camelCaseKeys": true, "sdk": "launchdarkly"}`).
 */
export type BagEntry = string | {
  readonly bag: string;
  readonly camelCaseKeys?: boolean;
  readonly sdk?: Sdk;
  readonly keys?: readonly string[];
  /** For a call: the argument that lists the keys it checks (`useFlags(['a', 'b'])` is 0); its reads are checks of those alone. */
  readonly keysArg?: number;
  readonly locals?: boolean;
  readonly store?: boolean;
  /** The flag a property names, where that is not the property's own name: `{"SIMPLE_SOCKET_UI": "simple-socket-ui"}`. */
  readonly names?: Readonly<Record<string, string>>;
  /**
   * True when each property is a function called to read its flag (`createFeatureDecisions(features).useUrlSlug()`, or on
   * an object, `featureFlagService.isTraceEnabled()`).
   */
  readonly accessors?: boolean;
  /** Why its checks count, for people, when the entry was inferred rather than named in `.flaglens.json`. */
  readonly evidence?: string;
};

/** A `bags` entry of `.flaglens.json` read: an object path, or a call (written with `()`) that returns a bag. */
export type BagSpec = { readonly kind: 'object'; readonly bag: ObjectBag } | { readonly kind: 'call'; readonly pattern: FlagPattern };

const OBJECT_PATH = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;
const CALL = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)?\(\)(?:\.value)?$/;

/** True for a valid `bags` entry: `a.b.c` (an object) or `name()` / `receiver.name()` (a call). */
export function isBagSpec(text: string): boolean {
  return OBJECT_PATH.test(text) || CALL.test(text);
}

/** The bag a `bags` entry names; undefined for text that is neither form. */
export function parseBagSpec(entry: BagEntry): BagSpec | undefined {
  const spec = (typeof entry === 'string' ? entry : entry.bag).trim();
  const sdk = typeof entry === 'string' ? 'custom' : entry.sdk ?? 'custom';
  const camelCase = typeof entry !== 'string' && entry.camelCaseKeys === true ? { camelCaseKeys: true } : {};
  const evidence = (typeof entry === 'string' ? undefined : entry.evidence) ?? `the bag ${spec} is named in .flaglens.json`;
  const keys = typeof entry !== 'string' && entry.keys !== undefined ? { keys: new Set(entry.keys) } : {};
  const names = typeof entry !== 'string' && entry.names !== undefined ? { bagKeyNames: entry.names } : {};
  const accessors = typeof entry !== 'string' && entry.accessors === true ? { bagAccessors: true as const } : {};
  const keysArg = typeof entry !== 'string' && entry.keysArg !== undefined ? { bagKeysArg: entry.keysArg } : {};
  if (CALL.test(spec)) {
    // `useFeatureFlags().value`: the call gives a reactive box of the flags.
    const box = spec.endsWith('.value');
    const callee = spec.slice(0, box ? -'().value'.length : -2);
    const bagKeys = keys.keys === undefined ? {} : { bagKeys: keys.keys };
    return { kind: 'call', pattern: { sdk, callee, kind: 'bag', keyArg: 0, valueType: 'unknown', negate: false, returns: { kind: 'value' }, evidence, ...camelCase, ...bagKeys, ...names, ...accessors, ...keysArg, ...(box ? { box: true as const } : {}) } };
  }
  if (!OBJECT_PATH.test(spec)) return undefined;
  const pattern: FlagPattern = { sdk, callee: spec, kind: 'bag', keyArg: 0, valueType: 'unknown', negate: false, returns: { kind: 'value' }, evidence, ...camelCase, ...names, ...accessors };
  const locals = typeof entry !== 'string' && entry.locals === true ? { locals: true } : {};
  const store = typeof entry !== 'string' && entry.store === true ? { store: true } : {};
  return { kind: 'object', bag: { names: spec.split('.'), pattern, ...keys, ...locals, ...store } };
}

/**
 * A check with the key its provider gives it: LaunchDarkly's bag names a flag by the property as written when the
 * provider turns camelCasing off (`useCamelCaseFlagKeys: false`), so `cartSuggestedItems` is the key itself.
 */
export function withKeyAsWritten(check: FlagCheck): FlagCheck {
  if (check.camelCaseName === undefined || check.sdk !== 'launchdarkly') return check;
  const { camelCaseName, ...rest } = check;
  return { ...rest, key: camelCaseName };
}

/** The declared bag an expression is, by the names of its property chain; undefined when none matches. */
export function objectBagOf(expression: ts.Expression, bags: readonly ObjectBag[]): ObjectBag | undefined {
  if (bags.length === 0) return undefined;
  const chain = nameChainOf(expression);
  return chain === undefined ? undefined : objectBagOfChain(chain, bags);
}

/** The declared bag a store holds, by the names of the expression that is the store, or its one name (`featureFlagsAtom`); undefined when none matches. */
export function storedBagOf(store: ts.Expression | string, bags: readonly ObjectBag[]): ObjectBag | undefined {
  const chain = typeof store === 'string' ? [store] : nameChainOf(store);
  return chain === undefined ? undefined : bags.find((bag) => bag.store === true && endsWithNames(chain, bag));
}

/**
 * The declared bag a property destructured from an expression is: `const { flags } = uiConfig` binds `flags` to the
 * bag `uiConfig.flags`, `const { flags } = useWorkspace()` to the bag `flags`. Only for a bag that lists its keys, or
 * whose locals are it: the entry says which property is the bag, wherever it is read.
 */
export function destructuredObjectBag(from: ts.Expression, path: readonly string[], bags: readonly ObjectBag[]): ObjectBag | undefined {
  if (!bags.some(namedWherever)) return undefined;
  // From a call (`const { flags } = useWorkspace()`), only the property's own name is known.
  let object = from;
  for (;;) {
    if (ts.isParenthesizedExpression(object) || ts.isAwaitExpression(object) || ts.isNonNullExpression(object) || ts.isAsExpression(object)) object = object.expression;
    // `state ?? {}`: a fallback of no properties, whose destructured names are undefined, is no other object.
    else if (isEmptyObjectFallback(object)) object = object.left;
    else break;
  }
  const chain = ts.isCallExpression(object) ? [] : nameChainOf(object);
  const bag = chain === undefined ? undefined : objectBagOfChain([...chain, ...path], bags);
  return bag === undefined || !namedWherever(bag) ? undefined : bag;
}

/** `x ?? {}`, `x || {}`: a record that may be missing, defaulted to an empty one (in parentheses or cast too). */
export function isEmptyObjectFallback(node: ts.Expression): node is ts.BinaryExpression {
  if (!ts.isBinaryExpression(node)) return false;
  const operator = node.operatorToken.kind;
  return (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) && isEmptyObject(node.right);
}

/** `{}`, also in parentheses or cast: an object of no properties. */
export function isEmptyObject(node: ts.Expression): boolean {
  let inner = node;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  return ts.isObjectLiteralExpression(inner) && inner.properties.length === 0;
}

/** True for a bag whose name is the bag wherever it is bound: it lists its keys, or says its locals are it. */
export function namedWherever(bag: ObjectBag): boolean {
  return bag.keys !== undefined || bag.locals === true;
}

// A store's own names are not the bag: only its value is (see `storedBagOf`).
function objectBagOfChain(chain: readonly string[], bags: readonly ObjectBag[]): ObjectBag | undefined {
  return bags.find((bag) => bag.store !== true && endsWithNames(chain, bag));
}

function endsWithNames(chain: readonly string[], bag: ObjectBag): boolean {
  return bag.names.length <= chain.length && bag.names.every((name, index) => chain[chain.length - bag.names.length + index] === name);
}

// What stands for a receiver that is no name (`CONFIG[network]`, `getConfig()`) at the start of a chain of names read off it.
const UNNAMED = '(…)';

/**
 * `this.props.uiConfig?.flags` → `['this', 'props', 'uiConfig', 'flags']`; `CONFIG[network].featureFlags` → `['(…)',
 * 'featureFlags']`, the names read off a receiver that is none; undefined for an expression that is no name at all.
 */
function nameChainOf(node: ts.Expression): string[] | undefined {
  const names: string[] = [];
  let expression: ts.Expression = node;
  for (;;) {
    // A record is often cast where it is read: `(org?.featureFlags as Record<string, unknown>)?.[FLAGS.x]`.
    while (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) expression = expression.expression;
    if (ts.isIdentifier(expression)) return [expression.text, ...names];
    if (expression.kind === ts.SyntaxKind.ThisKeyword) return ['this', ...names];
    if (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name)) {
      names.unshift(expression.name.text);
      expression = expression.expression;
    } else if (ts.isElementAccessExpression(expression) && ts.isStringLiteralLike(expression.argumentExpression)) {
      names.unshift(expression.argumentExpression.text);
      expression = expression.expression;
    } else {
      return names.length === 0 ? undefined : [UNNAMED, ...names];
    }
  }
}

/**
 * How far `path` leads through the object literals written as the argument: the nodes reached and the names still to
 * read into each (`featureX` and `['id']` for `{ feature: featureX }` and `feature.id`); none where a literal lacks the name.
 */
export function objectArgumentDescents(argument: ts.Expression, path: readonly string[]): Array<{ node: ts.Expression; rest: readonly string[]; throughList?: true }> {
  let current: ts.Expression = argument;
  for (const [index, name] of path.entries()) {
    while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) current = current.expression;
    // A list on the path holds one such object per element (`{ flags: [{ flagKey: A }, { flagKey: B }] }` at
    // `flags.flagKey`): each element is read on, and each key found is one of several the call reads.
    if (ts.isArrayLiteralExpression(current)) {
      const rest = path.slice(index);
      return current.elements.flatMap((element) => (ts.isSpreadElement(element) || ts.isOmittedExpression(element) ? [] : objectArgumentDescents(element, rest).map((descent) => ({ ...descent, throughList: true as const }))));
    }
    if (!ts.isObjectLiteralExpression(current)) return [{ node: current, rest: path.slice(index) }];
    let found: ts.Expression | undefined;
    for (const property of current.properties) {
      if (ts.isPropertyAssignment(property) && propertyName(property.name) === name) found = property.initializer;
      else if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) found = property.name;
    }
    if (found === undefined) return [];
    current = found;
  }
  return [{ node: current, rest: [] }];
}

function propertyName(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return undefined;
}
