// Flag stores: a module of flags makes each flag a store that keeps its value under a key (`export const fModeEnabled
// = persisted(true, 'f-mode')`, `atomWithStorage('new-nav', false)`), and the code reads the store's value where the
// feature is gated: Svelte's `$fModeEnabled`, `get(fModeEnabled)`, a hook's `useAtomValue(newNavAtom)`. Each such read
// is a check keyed by the store's key.
//
// The evidence is the module: it is named for flags (see `isFlagsModule`), and it exports constants made by calls of one
// function given nothing but literals, a key among them. The key is the one text such a call gives (`persisted(false,
// 'f-mode')`); where a call gives two (`persisted<StagingBehavior>('all', 'feature-staging-behavior')`), it is the
// text at the place the same function's other calls give theirs, and a function whose calls disagree makes no flags.
// The store itself, passed around or written (`fModeEnabled.set(x)`), is no read of its value.

import { ts } from 'ts-morph';
import { storedBagOf, type ObjectBag } from '../bags';
import type { StoreMaking, SwitchDeclaration } from './types';
import { hasModifier } from './exports';

const {
  NodeFlags, SyntaxKind, isBinaryExpression, isCallExpression, isIdentifier, isNumericLiteral, isPrefixUnaryExpression,
  isPropertyAccessExpression, isStringLiteralLike, isVariableStatement,
} = ts;

/** A flag a module of flags makes as a store: the key it keeps its value under, and how it is made. */
export interface FlagStore {
  readonly key: string;
  readonly store: StoreMaking;
}

// What a store's key looks like: a word, or words joined by punctuation, as storage keys and flag keys are written.
const STORE_KEY = /^[\w.:/@-]{1,100}$/;

/**
 * The module's exported constants made as flag stores, by name. `isCheck` says whether an initializer is a flag check
 * found already (`export const enablePdf = isFlagEnabled('pdf')` holds the check's value, not a store).
 */
export function flagStoresOf(sourceFile: ts.SourceFile, isCheck: (call: ts.CallExpression) => boolean): Map<string, FlagStore> {
  const made: Array<{ name: string; call: ts.CallExpression; factory: string; texts: number[] }> = [];
  for (const statement of sourceFile.statements) {
    if (!isVariableStatement(statement) || (statement.declarationList.flags & NodeFlags.BlockScoped) !== NodeFlags.Const || !hasModifier(statement, SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const call = declaration.initializer;
      if (!isIdentifier(declaration.name) || call === undefined || !isCallExpression(call) || !isIdentifier(call.expression)) continue;
      if (call.arguments.length === 0 || !call.arguments.every(isLiteral) || isCheck(call)) continue;
      const texts = call.arguments.flatMap((argument, index) => (isStringLiteralLike(argument) ? [index] : []));
      if (texts.length > 0) made.push({ name: declaration.name.text, call, factory: call.expression.text, texts });
    }
  }
  // Where each function's calls give their key: the place of the one text of those that give one text.
  const keyIndex = new Map<string, number | null>();
  for (const { factory, texts } of made) {
    if (texts.length !== 1) continue;
    const known = keyIndex.get(factory);
    keyIndex.set(factory, known === undefined || known === texts[0] ? texts[0] : null);
  }
  const stores = new Map<string, FlagStore>();
  for (const { name, call, factory, texts } of made) {
    const index = keyIndex.get(factory);
    if (index === undefined || index === null || !texts.includes(index)) continue;
    const key = (call.arguments[index] as ts.StringLiteralLike).text;
    if (!STORE_KEY.test(key)) continue;
    const typeArgument = call.typeArguments?.length === 1 ? call.typeArguments[0].kind : undefined;
    const boolean = typeArgument === SyntaxKind.BooleanKeyword || (typeArgument === undefined && call.arguments.some((argument) => argument.kind === SyntaxKind.TrueKeyword || argument.kind === SyntaxKind.FalseKeyword));
    stores.set(name, { key, store: { factory, valueType: boolean ? 'boolean' : 'unknown' } });
  }
  return stores;
}

// Functions that give a store's value when passed the store alone: svelte/store's `get`, Jotai's and Recoil's hooks,
// nanostores' and Svelte-in-React's `useStore`.
const STORE_READERS = new Set(['get', 'useAtomValue', 'useAtom', 'useRecoilValue', 'useRecoilState', 'useStore']);

/** The call that reads the store `name` stands for, when it is the one argument of a store's reader. */
export function storeReaderCall(name: ts.Identifier, parent: ts.Node): ts.CallExpression | undefined {
  return isCallExpression(parent) && storeReadOf(parent) === name ? parent : undefined;
}

/**
 * The store a call reads the value of: the one argument of a store's reader (`get(store)`, `useAtomValue(store)`), or of a
 * store container's `get` (Jotai's `jotaiStore.get(store)`, `getDefaultStore().get(store)`).
 */
export function storeReadOf(call: ts.CallExpression): ts.Expression | undefined {
  if (call.arguments.length !== 1) return undefined;
  const callee = call.expression;
  const reads = isIdentifier(callee) ? STORE_READERS.has(callee.text) : isPropertyAccessExpression(callee) && callee.name.text === 'get';
  return reads ? call.arguments[0] : undefined;
}

/**
 * The bag a store holds, where an expression reads the store's value: `get(featureFlagsAtom)`,
 * `jotaiStore.get(featureFlagsAtom)`, or a Svelte component's `$featureFlags`.
 */
export function storedBagRead(expression: ts.Expression, sourceFile: ts.SourceFile, bags: readonly ObjectBag[]): ObjectBag | undefined {
  // Asked of every property read's object: most workspaces have no such store.
  if (!bags.some((bag) => bag.store === true)) return undefined;
  if (isCallExpression(expression)) {
    const store = storeReadOf(expression);
    return store === undefined ? undefined : storedBagOf(store, bags);
  }
  const subscribed = isIdentifier(expression) ? subscribedStore(expression, sourceFile) : undefined;
  return subscribed === undefined ? undefined : storedBagOf(subscribed, bags);
}

/** The store a Svelte component's `$name` subscribes to (`$fModeEnabled` reads `fModeEnabled`); undefined elsewhere. */
export function subscribedStore(name: ts.Identifier, sourceFile: ts.SourceFile): string | undefined {
  return name.text.length > 1 && name.text.startsWith('$') && sourceFile.fileName.endsWith('.svelte') ? name.text.slice(1) : undefined;
}

/** A value written in place: a text, a number (`1440 * 30`, `-1`), true, false or null. */
export function isLiteral(node: ts.Expression): boolean {
  if (isStringLiteralLike(node) || isNumericLiteral(node)) return true;
  if (node.kind === SyntaxKind.TrueKeyword || node.kind === SyntaxKind.FalseKeyword || node.kind === SyntaxKind.NullKeyword) return true;
  if (isPrefixUnaryExpression(node)) return node.operator === SyntaxKind.MinusToken && isNumericLiteral(node.operand);
  return isBinaryExpression(node) && isNumericLiteral(node.left) && isNumericLiteral(node.right);
}

/**
 * The store a statement sets from a switch variable, with that variable: `$is_feature_x_enabled = env.PUBLIC_FEATURE_X ===
 * 'true'` (Svelte's assignment to a store's value) or `is_feature_x_enabled.set(…)`.
 */
export function storeSetFrom(node: ts.Node, sourceFile: ts.SourceFile, declaredBy: (initializer: ts.Expression, name: string) => Pick<SwitchDeclaration, 'key' | 'check'> | undefined): { store: string; at: ts.Node; key: string } | undefined {
  let store: string | undefined;
  let value: ts.Expression | undefined;
  if (isCallExpression(node) && isPropertyAccessExpression(node.expression) && node.expression.name.text === 'set' && isIdentifier(node.expression.expression) && node.arguments.length === 1) {
    store = node.expression.expression.text;
    value = node.arguments[0];
  } else if (isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken && isIdentifier(node.left)) {
    store = subscribedStore(node.left, sourceFile);
    value = node.right;
  }
  const set = store === undefined || value === undefined ? undefined : declaredBy(value, store);
  return set === undefined || set.check !== undefined || store === undefined ? undefined : { store, at: node, key: set.key };
}
