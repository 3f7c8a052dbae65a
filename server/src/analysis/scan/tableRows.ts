// Tables looped over into a check: a check whose key is a property of each row of a table written in the code,
// `for (const route of featureRoutes) if (!isFeatureEnabled(route.feature)) …` or `items.filter((item) =>
// isOn(item.flag))`, checks the flag each row names. Each row then names the flag that gates it, so the row's property is
// a check, as a flag option written for a wrapper is (see flagOptions.ts): the code that gates is the loop, and what it
// gates is the row. A list of keys looped over (`flags.map((f) => [f, isOn(f)])`, `for (const flag of FLAGS) prefetch(flag)`)
// reads every flag at once, for a snapshot or a cache: it gates no row, and names no check.
//
// The evidence is the data flow, not a name: the key is read from the loop's own variable (or the first parameter of an
// array method's callback), and the table is a constant the file declares, a list of objects. A row's value must be a key
// written there (a string, or a member of an enum or constant object), or a list of them.

import { ts } from 'ts-morph';
import { lookupBinding } from './bindings';
import { isWrittenKey } from './flagOptions';
import type { ScanState } from './types';
import { unwrap } from './values';

const { isArrayLiteralExpression, isArrowFunction, isCallExpression, isFunctionExpression, isIdentifier, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral } = ts;

// The array methods whose callback is given each row in turn, as its first argument.
const ITERATING_METHODS = new Set(['filter', 'map', 'flatMap', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'forEach']);

// The array methods that give back some of the rows as they are: a table filtered or sorted is still the table's rows.
const ROW_KEEPING_METHODS = new Set(['filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed']);

/** The callback an array method hands each row (`routes.filter((route) => …)`), and the list as written; undefined for any other call. */
export function iteratedList(call: ts.CallExpression): { callback: ts.Node; list: ts.Expression } | undefined {
  const method = call.expression;
  const callback = call.arguments[0];
  if (!isPropertyAccessExpression(method) || !ITERATING_METHODS.has(method.name.text) || callback === undefined) return undefined;
  return isArrowFunction(callback) || isFunctionExpression(callback) ? { callback, list: method.expression } : undefined;
}

/** The row of a table that names a flag: the property that holds it, and the key or keys written there. */
export interface TableRow {
  readonly holder: ts.PropertyAssignment;
  readonly keys: readonly ts.Expression[];
}

/** The table a key is read from, by its name, the property read of each row, and the rows that name a flag there; undefined for any other key. */
export function tableRowsOf(state: ScanState, keyNode: ts.Expression): { table: string; property: string; rows: TableRow[] } | undefined {
  const key = unwrap(keyNode);
  const named = isPropertyAccessExpression(key) && isIdentifier(key.expression) && isIdentifier(key.name) ? { row: key.expression, read: key.name.text as string | undefined }
    : isIdentifier(key) ? { row: key, read: undefined } : undefined;
  const row = named === undefined ? undefined : lookupBinding(state, named.row.text, named.row.getStart(state.sourceFile))?.row;
  // A property destructured from the row and read on (`{ feature }` then `feature.id`) is no key of the row's.
  if (named === undefined || row === undefined || (row.property !== undefined && named.read !== undefined)) return undefined;
  const property = row.property ?? named.read;
  if (property === undefined) return undefined;
  const table = listsNamed(state, row.of, 0);
  if (table === undefined) return undefined;
  const rows: TableRow[] = [];
  for (const element of table.lists.flatMap((list) => list.elements)) {
    const holder = propertyOf(element, property);
    if (holder === undefined) continue;
    const value = unwrap(holder.initializer);
    const keys = isArrayLiteralExpression(value) ? value.elements.filter((item) => isWrittenKey(state, item)) : isWrittenKey(state, holder.initializer) ? [holder.initializer] : [];
    if (keys.length > 0) rows.push({ holder, keys });
  }
  return rows.length === 0 ? undefined : { table: table.name, property, rows };
}

// Lists of rows inside rows (a menu's groups, each with its items) followed this deep.
const MAX_NESTING = 3;

/**
 * The constant lists a looped expression names, through the methods that keep rows (`table.filter(…)`): a constant of the
 * file written as a list, or the list each row of such a list holds at a property (`group.items` for each `group` of
 * `menu`), named `menu[].items`.
 */
function listsNamed(state: ScanState, of: ts.Expression, depth: number): { name: string; lists: ts.ArrayLiteralExpression[] } | undefined {
  let expression = unwrap(of);
  while (isCallExpression(expression) && isPropertyAccessExpression(expression.expression) && ROW_KEEPING_METHODS.has(expression.expression.name.text)) {
    expression = unwrap(expression.expression.expression);
  }
  // A list of the file's, or a row's property destructured under its own name (`for (const { items } of menu)`).
  if (isIdentifier(expression)) {
    const binding = lookupBinding(state, expression.text, expression.getStart(state.sourceFile));
    if (binding?.list !== undefined) return { name: expression.text, lists: [binding.list] };
    return binding?.row?.property === undefined ? undefined : rowsHeld(state, binding.row.of, binding.row.property, depth);
  }
  if (!isPropertyAccessExpression(expression) || !isIdentifier(expression.expression) || !isIdentifier(expression.name)) return undefined;
  const row = lookupBinding(state, expression.expression.text, expression.expression.getStart(state.sourceFile))?.row;
  return row === undefined || row.property !== undefined ? undefined : rowsHeld(state, row.of, expression.name.text, depth);
}

/** The lists each row of the lists `of` names holds at `property`, named `menu[].items`. */
function rowsHeld(state: ScanState, of: ts.Expression, property: string, depth: number): { name: string; lists: ts.ArrayLiteralExpression[] } | undefined {
  const outer = depth >= MAX_NESTING ? undefined : listsNamed(state, of, depth + 1);
  if (outer === undefined) return undefined;
  const lists = outer.lists.flatMap((list) => list.elements.flatMap((element) => {
    const value = propertyOf(element, property)?.initializer;
    const inner = value === undefined ? undefined : unwrap(value);
    return inner !== undefined && isArrayLiteralExpression(inner) ? [inner] : [];
  }));
  return lists.length === 0 ? undefined : { name: `${outer.name}[].${property}`, lists };
}

/** The property of a row written as an object literal, by its name. */
function propertyOf(element: ts.Expression, name: string): ts.PropertyAssignment | undefined {
  const object = unwrap(element);
  if (!isObjectLiteralExpression(object)) return undefined;
  return object.properties.find((member): member is ts.PropertyAssignment => isPropertyAssignment(member) && (isIdentifier(member.name) || isStringLiteral(member.name)) && member.name.text === name);
}

