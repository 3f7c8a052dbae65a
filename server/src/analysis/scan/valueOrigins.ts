// Where values in a file come from, for discovery: the same bindings and origins a scan's evidence follows,
// asked of expressions other than a check's receiver (an argument passed to a function).

import type { ts } from 'ts-morph';
import { followOrigin } from './bindings';
import { newState, visit } from './scanFile';
import type { ModuleReference } from './types';
import { originReference } from './values';

const NO_PATTERNS = { patterns: [], calleeNames: [] };

/** For each expression of `tree` (a whole file's tree, not a skeleton), the import its value is made from, typed by or is; undefined where none is. */
export function valueOrigins(tree: ts.SourceFile, expressions: readonly ts.Expression[]): Array<ModuleReference | undefined> {
  const state = newState(tree, tree.text, NO_PATTERNS);
  visit(state, tree, undefined);
  return expressions.map((expression) => {
    const reference = originReference(expression);
    return reference === undefined ? undefined : followOrigin(state, reference, undefined, 0)?.reference;
  });
}
