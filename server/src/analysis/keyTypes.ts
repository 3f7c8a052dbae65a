// The flag keys a parameter's type allows (`flag: FeatureFlag`, `key: 'a' | 'b'`), as plain data that a
// scan can keep: literal keys, and references to another module's type alias, enum or enum member that
// `resolveChecks` follows across files.

import { ts } from 'ts-morph';
import type { ModuleReference } from './scan';

/** One member of a key type: a key, or an imported type alias, enum (`['FeatureFlag']`) or enum member (`['FeatureFlag', 'NewNav']`). */
export type KeyTypeMember = string | ModuleReference;

/** A dynamic check whose parameter type names another module: `resolveChecks` completes `checks[checkIndex].possibleKeys`. */
export interface ImportedKeyType {
  readonly checkIndex: number;
  readonly members: readonly KeyTypeMember[];
}

/**
 * The members a type allows: string literals, `null`/`undefined` (no key), and names (`Alias`, `Enum`,
 * `Enum.Member`) that `resolveName` expands. Undefined when any member cannot be a key.
 */
export function keyTypeMembers(type: ts.TypeNode, resolveName: (names: readonly string[]) => readonly KeyTypeMember[] | undefined): KeyTypeMember[] | undefined {
  if (ts.isParenthesizedTypeNode(type)) return keyTypeMembers(type.type, resolveName);
  if (ts.isLiteralTypeNode(type)) {
    if (ts.isStringLiteral(type.literal) || ts.isNoSubstitutionTemplateLiteral(type.literal)) return [type.literal.text];
    return type.literal.kind === ts.SyntaxKind.NullKeyword ? [] : undefined;
  }
  if (type.kind === ts.SyntaxKind.UndefinedKeyword) return [];
  if (ts.isTypeReferenceNode(type) && type.typeArguments === undefined) {
    const names = entityNames(type.typeName);
    const members = names === undefined ? undefined : resolveName(names);
    return members === undefined ? undefined : [...members];
  }
  if (ts.isUnionTypeNode(type)) {
    const members: KeyTypeMember[] = [];
    for (const part of type.types) {
      const partMembers = keyTypeMembers(part, resolveName);
      if (partMembers === undefined) return undefined;
      for (const member of partMembers) if (typeof member !== 'string' || !members.includes(member)) members.push(member);
    }
    return members;
  }
  return undefined;
}

/** True when every member is a key, so the type needs no other file. */
export function allKeys(members: readonly KeyTypeMember[]): members is readonly string[] {
  return members.every((member) => typeof member === 'string');
}

/** `A.B.C` → `['A', 'B', 'C']`. */
function entityNames(name: ts.EntityName): string[] | undefined {
  if (ts.isIdentifier(name)) return name.text === '' ? undefined : [name.text];
  const left = entityNames(name.left);
  return left === undefined ? undefined : [...left, name.right.text];
}
