// Hooks' dependency lists: `useMemo(fn, [flags.x])` names a flag to re-run the hook when it changes; the hook's body
// reads it. What such a list names is no check, for a bag's read as for an environment switch's.

import { ts } from 'ts-morph';

const { isArrayLiteralExpression, isElementAccessExpression, isIdentifier, isNonNullExpression, isParenthesizedExpression, isPropertyAccessExpression } = ts;

/**
 * A hook's list of dependencies (`useMemo(fn, [flags.x])`, `useEffect(fn, [isOn])`): the last argument of a `use…` call,
 * when it is an array written out. What it lists is compared to re-run the hook, not evaluated to decide anything.
 */
export function dependencyListOf(call: ts.CallExpression): ts.ArrayLiteralExpression | undefined {
  if (call.arguments.length < 2) return undefined;
  const last = call.arguments[call.arguments.length - 1];
  if (!isArrayLiteralExpression(last)) return undefined;
  const callee = call.expression;
  const name = isIdentifier(callee) ? callee.text : isPropertyAccessExpression(callee) ? callee.name.text : '';
  return /^use[A-Z]/.test(name) ? last : undefined;
}

/** Each element of a hook's dependency list and the receivers it is read through: `flags.x.value` names `flags.x` too. */
export function dependencyReadsOf(list: ts.ArrayLiteralExpression): ts.Node[] {
  const reads: ts.Node[] = [];
  for (const element of list.elements) {
    let read: ts.Expression = element;
    for (;;) {
      reads.push(read);
      if (!isPropertyAccessExpression(read) && !isElementAccessExpression(read) && !isNonNullExpression(read) && !isParenthesizedExpression(read)) break;
      read = read.expression;
    }
  }
  return reads;
}
