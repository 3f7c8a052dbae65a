// Tables looped over into a check: a check whose key is a property of each row of a table written in the code,
// `for (const route of featureRoutes) if (!isFeatureEnabled(route.feature)) …` or `items.filter((item) =>
// isOn(item.flag))`, checks the flag each row names. Each row then names the flag that gates it, so the row's property is
// a check, as a flag option written for a wrapper is (see flagOptions.ts): the code that gates is the loop, and what it
// gates is the row. A list of keys looped over (`for (const flag of ['a', 'b']) isOn(flag)`) is a table whose rows are
// the keys themselves.
//
// The evidence is the data flow, not a name: the key is read from the loop's own variable (or the first parameter of an
// array method's callback), and the table is a constant the file declares, a list written as objects or as keys. A row's
// value must be a key written there (a string, or a member of an enum or constant object), or a list of them.

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

/** The row of a table that names a flag: the property that holds it (or the key itself), and the key or keys written there. */
export interface TableRow {
  readonly holder: ts.Node;
  readonly keys: readonly ts.Expression[];
}

/**
 * The table a key is read from, by its name, the property read of each row (none when the rows are keys), and the rows
 * that name a flag there; undefined for any other key.
 */
export function tableRowsOf(state: ScanState, keyNode: ts.Expression): { table: string; property?: string; rows: TableRow[] } | undefined {
  const key = unwrap(keyNode);
  const named = isPropertyAccessExpression(key) && isIdentifier(key.expression) && isIdentifier(key.name) ? { row: key.expression, read: key.name.text as string | undefined }
    : isIdentifier(key) ? { row: key, read: undefined } : undefined;
  const row = named === undefined ? undefined : lookupBinding(state, named.row.text, named.row.getStart(state.sourceFile))?.row;
  // A property destructured from the row and read on (`{ feature }` then `feature.id`) is no key of the row's.
  if (named === undefined || row === undefined || (row.property !== undefined && named.read !== undefined)) return undefined;
  const property = row.property ?? named.read;
  const table = listNamed(state, row.of);
  if (table === undefined) return undefined;
  const rows: TableRow[] = [];
  for (const element of table.list.elements) {
    if (property === undefined) {
      if (isWrittenKey(state, element)) rows.push({ holder: element, keys: [element] });
      continue;
    }
    const object = unwrap(element);
    if (!isObjectLiteralExpression(object)) continue;
    const holder = object.properties.find((member): member is ts.PropertyAssignment => isPropertyAssignment(member) && (isIdentifier(member.name) || isStringLiteral(member.name)) && member.name.text === property);
    if (holder === undefined) continue;
    const value = unwrap(holder.initializer);
    const keys = isArrayLiteralExpression(value) ? value.elements.filter((item) => isWrittenKey(state, item)) : isWrittenKey(state, holder.initializer) ? [holder.initializer] : [];
    if (keys.length > 0) rows.push({ holder, keys });
  }
  return rows.length === 0 ? undefined : { table: table.name, ...(property === undefined ? {} : { property }), rows };
}

/** The constant list a looped expression names, through the methods that keep rows (`table.filter(…)`). */
function listNamed(state: ScanState, of: ts.Expression): { name: string; list: ts.ArrayLiteralExpression } | undefined {
  let expression = unwrap(of);
  while (isCallExpression(expression) && isPropertyAccessExpression(expression.expression) && ROW_KEEPING_METHODS.has(expression.expression.name.text)) {
    expression = unwrap(expression.expression.expression);
  }
  if (!isIdentifier(expression)) return undefined;
  const list = lookupBinding(state, expression.text, expression.getStart(state.sourceFile))?.list;
  return list === undefined ? undefined : { name: expression.text, list };
}
