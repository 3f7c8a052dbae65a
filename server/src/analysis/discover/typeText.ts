// Declared types as discovery compares them: a parameter's type of keys written one way whatever the declaration
// (`T extends ExperimentName` and `ExperimentName` alike), and a type without its `| undefined`.

import { ts } from 'ts-morph';
import { callParameters } from '../scan/values';

/**
 * The declared type of a function's parameter, written so that two declarations of the same type compare equal:
 * `ExperimentName` (also for `T` where `T extends ExperimentName`), `keyof UiFlags`, `keyof typeof FLAGS`, without
 * `| undefined`. Undefined for a type that names no type of keys (`string`, an inline union, an unconstrained `T`).
 */
export function keyTypeOf(node: ts.SignatureDeclaration, index: number): string | undefined {
  const type = callParameters(node)[index]?.type;
  return type === undefined ? undefined : keyTypeText(type, node);
}

/** `keyTypeOf` for a type written in `owner`'s signature. */
export function keyTypeText(type: ts.TypeNode, owner: ts.SignatureDeclaration): string | undefined {
  const inner = withoutNullish(type);
  if (inner === undefined) return undefined;
  if (ts.isTypeReferenceNode(inner) && inner.typeArguments === undefined) {
    const name = entityText(inner.typeName);
    const parameter = owner.typeParameters?.find((candidate) => candidate.name.text === name);
    if (parameter === undefined) return name;
    return parameter.constraint === undefined ? undefined : keyTypeText(parameter.constraint, owner);
  }
  if (ts.isTypeOperatorNode(inner) && inner.operator === ts.SyntaxKind.KeyOfKeyword) {
    const operand = inner.type;
    if (ts.isTypeReferenceNode(operand) && operand.typeArguments === undefined) {
      const name = entityText(operand.typeName);
      // `keyof T` of the function's own type parameter is any object's keys.
      return owner.typeParameters?.some((candidate) => candidate.name.text === name) === true ? undefined : `keyof ${name}`;
    }
    if (ts.isTypeQueryNode(operand)) return `keyof typeof ${entityText(operand.exprName)}`;
  }
  return undefined;
}

/** The type without parentheses and `| undefined` / `| null`; undefined when more than one other member is left. */
export function withoutNullish(type: ts.TypeNode): ts.TypeNode | undefined {
  if (ts.isParenthesizedTypeNode(type)) return withoutNullish(type.type);
  if (!ts.isUnionTypeNode(type)) return type;
  const rest = type.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
  return rest.length === 1 ? withoutNullish(rest[0]) : undefined;
}

/** The type of a list's items (`FlagKey` for `FlagKey[]`, `readonly FlagKey[]`, `Array<FlagKey>`), or the type itself. */
export function elementTypeOf(type: ts.TypeNode): ts.TypeNode {
  const inner = withoutNullish(type) ?? type;
  const list = ts.isTypeOperatorNode(inner) && inner.operator === ts.SyntaxKind.ReadonlyKeyword ? inner.type : inner;
  if (ts.isArrayTypeNode(list)) return list.elementType;
  const generic = ts.isTypeReferenceNode(list) && ts.isIdentifier(list.typeName) && (list.typeName.text === 'Array' || list.typeName.text === 'ReadonlyArray');
  return generic && list.typeArguments?.length === 1 ? list.typeArguments[0] : type;
}

function entityText(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : `${entityText(name.left)}.${name.right.text}`;
}

/** Types that hold the record they wrap: an async bag function's, an optional or read-only one. */
export const RECORD_WRAPPERS: ReadonlySet<string> = new Set(['Promise', 'Awaited', 'Partial', 'Readonly', 'Required']);

/** `boolean`, or a union that holds it (`boolean | Variant`): the value type of a record of flags. */
export function holdsBoolean(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return holdsBoolean(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.some(holdsBoolean);
  // A reactive box of one (Vue's `Ref<boolean>`, a signal) holds the switch at its value: `flags.x.value`, `flags.x()`.
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && BOXES.has(type.typeName.text) && type.typeArguments?.length === 1) return holdsBoolean(type.typeArguments[0]);
  return type.kind === ts.SyntaxKind.BooleanKeyword;
}

// Reactive boxes of one value: Vue's refs, Angular's and Preact's signals, and a box made read-only.
const BOXES = new Set(['Ref', 'ComputedRef', 'ShallowRef', 'MaybeRef', 'Signal', 'WritableSignal', 'ReadonlySignal', 'Readonly']);

// A declared type longer than this is cut in a reason: an object type written out with its comments is a page.
const MAX_REASON_TYPE_LENGTH = 80;

/** A type's text for a one-line reason: without comments, on one line, cut after its first members when long. */
export function shortTypeText(text: string): string {
  const line = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, ' ').replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_REASON_TYPE_LENGTH) return line;
  const cut = line.lastIndexOf(';', MAX_REASON_TYPE_LENGTH);
  return `${line.slice(0, cut > 0 ? cut + 1 : MAX_REASON_TYPE_LENGTH)} … }`;
}
