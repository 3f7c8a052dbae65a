// The type a variable is declared or fetched with, and inline objects of booleans: discovery reads them for bags typed
// by a list of flags, the scan for a variable declared as a subset of a bag's keys
// (`const { data: features } = useSWR<{ tokens: boolean }>('/api/feature-flags')`).

import { ts } from 'ts-morph';

// The property of what data-fetching hooks return that holds the typed response: SWR's, TanStack Query's, Apollo's.
const FETCHED_DATA = 'data';

/**
 * The type a variable declaration gives `name`: its own (`const flags: T`, `= x as T`), what an awaited call of `T` gives
 * (`await fetchJson<T>(…)`), or `T` where it is the data of a fetching hook (`const { data: name } = useSWR<T>(…)`).
 */
export function typeOfBinding(declaration: ts.VariableDeclaration, name: string): ts.TypeNode | undefined {
  const initializer = declaration.initializer === undefined ? undefined : withoutParentheses(declaration.initializer);
  if (ts.isIdentifier(declaration.name)) {
    if (declaration.name.text !== name) return undefined;
    if (declaration.type !== undefined) return declaration.type;
    if (initializer === undefined) return undefined;
    if (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer)) return initializer.type;
    return ts.isAwaitExpression(initializer) ? typeArgumentOf(initializer.expression) : undefined;
  }
  if (!ts.isObjectBindingPattern(declaration.name) || initializer === undefined) return undefined;
  const element = declaration.name.elements.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === name);
  const property = element === undefined ? undefined : element.propertyName ?? element.name;
  if (property === undefined || !ts.isIdentifier(property) || property.text !== FETCHED_DATA) return undefined;
  return typeArgumentOf(ts.isAwaitExpression(initializer) ? initializer.expression : initializer);
}

/** The names a variable declaration binds at its top: `x`, or each name of `{ data: x, error }`. */
export function boundNames(declaration: ts.VariableDeclaration): string[] {
  if (ts.isIdentifier(declaration.name)) return [declaration.name.text];
  if (!ts.isObjectBindingPattern(declaration.name)) return [];
  return declaration.name.elements.flatMap((element) => (ts.isIdentifier(element.name) && element.dotDotDotToken === undefined ? [element.name.text] : []));
}

/** The property names of an inline object type whose every member is a boolean property; undefined for any other type. */
export function booleanPropertiesOf(type: ts.TypeNode): string[] | undefined {
  let inner = type;
  while (ts.isParenthesizedTypeNode(inner)) inner = inner.type;
  if (!ts.isTypeLiteralNode(inner) || inner.members.length === 0) return undefined;
  const names: string[] = [];
  for (const member of inner.members) {
    if (!ts.isPropertySignature(member) || member.type?.kind !== ts.SyntaxKind.BooleanKeyword || !(ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) return undefined;
    names.push(member.name.text);
  }
  return names;
}

/** The one type argument of a call: `useSWR<T>(…)`. */
function typeArgumentOf(expression: ts.Expression): ts.TypeNode | undefined {
  const call = withoutParentheses(expression);
  return ts.isCallExpression(call) && call.typeArguments?.length === 1 ? call.typeArguments[0] : undefined;
}

function withoutParentheses(expression: ts.Expression): ts.Expression {
  return ts.isParenthesizedExpression(expression) ? withoutParentheses(expression.expression) : expression;
}
