// Exports: what a file exports for other files' keys (constants, objects of keys, re-exports, key types),
// with every local name replaced by what it stands for, so that cross-file resolution reads each file alone.

import { ts } from 'ts-morph';
import type { KeyTypeMember } from '../keyTypes';
import { followLocal, followOrigin, keyTypeMembersOf } from './bindings';
import type { ExportedValue, LocalObject, LocalReference, LocalValue, ModuleReference, ScanState } from './types';
import { evaluate, isConstruction, originReference, setMember, typeOriginReference, unwrap } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const {
  NodeFlags, SyntaxKind, canHaveDecorators, canHaveModifiers, getDecorators, isCallExpression, isClassDeclaration, isEnumDeclaration,
  isBinaryExpression, isExportAssignment, isExportDeclaration, isExpressionStatement, isFunctionDeclaration, isIdentifier, isInterfaceDeclaration,
  isIntersectionTypeNode, isNamespaceExport, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isPropertySignature,
  isShorthandPropertyAssignment, isStringLiteral, isTypeAliasDeclaration, isTypeLiteralNode, isVariableStatement,
} = ts;

/**
 * Exported names and `export *` specifiers, their values materialized for other files; and the exported names whose
 * value is made from an import (`export const client = OpenFeature.getClient()`), for other files' evidence.
 */
export function collectExports(state: ScanState): { exports: Record<string, ExportedValue>; starExports: string[]; origins?: Record<string, ModuleReference> } {
  const exported: Record<string, LocalValue> = {};
  const starExports: string[] = [];
  let origins: Record<string, ModuleReference> | undefined;
  const addOrigin = (name: string, reference: LocalReference | undefined): void => {
    // How is only asked for a choice made once (`chosen`): the origin kept for other files is the reference.
    const found = reference === undefined ? undefined : followOrigin(state, reference, undefined, 0);
    if (found !== undefined) setMember(origins ??= {}, name, found.how === 'chosen' ? { ...found.reference, chosen: true } : found.reference);
  };
  for (const statement of state.sourceFile.statements) {
    if (isExportDeclaration(statement)) {
      const specifier = statement.moduleSpecifier !== undefined && isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (clause === undefined) {
        if (specifier !== undefined) starExports.push(specifier);
      } else if (isNamespaceExport(clause)) {
        if (specifier !== undefined) setMember(exported, clause.name.text, { kind: 'import', specifier, names: [] });
      } else {
        for (const element of clause.elements) {
          const local = (element.propertyName ?? element.name).text;
          if (specifier !== undefined) setMember(exported, element.name.text, { kind: 'import', specifier, names: [local] });
          else if (state.bindings.has(local)) setMember(exported, element.name.text, { kind: 'local', names: [local], position: statement.end });
        }
      }
    } else if (isExportAssignment(statement)) {
      const value = statement.isExportEquals ? undefined : evaluate(statement.expression);
      if (value !== undefined) exported.default = value;
      // An object made by `new` may be a client too (`export default new Unleash(…)`).
      if (!statement.isExportEquals && (value === undefined || isConstruction(value))) addOrigin('default', originReference(statement.expression));
    } else if (isExpressionStatement(statement)) {
      commonJsExports(statement.expression, exported);
    } else if (hasModifier(statement, SyntaxKind.ExportKeyword)) {
      for (const name of declaredNames(statement)) {
        // A name the walk bound to nothing (most functions: they make no client) has neither a value nor an origin.
        if (!state.bindings.has(name)) continue;
        const exportedName = hasModifier(statement, SyntaxKind.DefaultKeyword) ? 'default' : name;
        setMember(exported, exportedName, { kind: 'local', names: [name], position: statement.end });
      }
    }
  }
  const exports: Record<string, ExportedValue> = {};
  for (const name of Object.keys(exported)) {
    const value = materialize(state, exported[name], new Set());
    if (value !== undefined) setMember(exports, name, value);
  }
  for (const name of Object.keys(exported)) {
    if ((!Object.hasOwn(exports, name) || isConstruction(exports[name])) && (origins === undefined || !Object.hasOwn(origins, name))) {
      // `export const client = new Unleash(...)`, `export { client }`: a name that holds no key may hold a client.
      const local = exported[name];
      if (typeof local !== 'string' && local.kind === 'local') addOrigin(name, local);
    }
  }
  return { exports, starExports, ...(origins ? { origins } : {}) };
}

/**
 * What a CommonJS module exports, as an ES module importing it reads it: `module.exports = { NEW_NAV, beta: 'beta' }` is
 * each property by its name and the whole object as the default; `module.exports = FLAGS` the default;
 * `exports.NEW_NAV = 'new-nav'` and `module.exports.NEW_NAV = …` that name.
 */
function commonJsExports(expression: ts.Expression, exported: Record<string, LocalValue>): void {
  if (!isBinaryExpression(expression) || expression.operatorToken.kind !== SyntaxKind.EqualsToken || !isPropertyAccessExpression(expression.left)) return;
  const target = expression.left;
  const value = evaluate(expression.right);
  if (isModuleExports(target)) {
    if (value !== undefined) exported.default = value;
    const object = unwrap(expression.right);
    if (!isObjectLiteralExpression(object)) return;
    for (const property of object.properties) {
      if (isShorthandPropertyAssignment(property)) {
        setMember(exported, property.name.text, { kind: 'local', names: [property.name.text], position: property.end });
      } else if (isPropertyAssignment(property) && (isIdentifier(property.name) || isStringLiteral(property.name))) {
        const member = evaluate(property.initializer);
        if (member !== undefined) setMember(exported, property.name.text, member);
      }
    }
  } else if (value !== undefined && (isModuleExports(target.expression) || (isIdentifier(target.expression) && target.expression.text === 'exports'))) {
    setMember(exported, target.name.text, value);
  }
}

/** `module.exports`. */
function isModuleExports(node: ts.Expression): boolean {
  return isPropertyAccessExpression(node) && node.name.text === 'exports' && isIdentifier(node.expression) && node.expression.text === 'module';
}

/** Exported type aliases whose members can all be keys, directly or through imports, for other files' parameter types. */
export function collectTypeExports(state: ScanState): Record<string, KeyTypeMember[]> | undefined {
  if (state.typeAliases.size === 0) return undefined;
  // Exported name → local alias name.
  const exported: Record<string, string> = {};
  for (const statement of state.sourceFile.statements) {
    if (isTypeAliasDeclaration(statement) && hasModifier(statement, SyntaxKind.ExportKeyword)) {
      setMember(exported, statement.name.text, statement.name.text);
    } else if (isExportDeclaration(statement) && statement.moduleSpecifier === undefined && statement.exportClause !== undefined && !isNamespaceExport(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        if (state.typeAliases.has(local)) setMember(exported, element.name.text, local);
      }
    }
  }
  let typeExports: Record<string, KeyTypeMember[]> | undefined;
  for (const name of Object.keys(exported)) {
    const alias = state.typeAliases.get(exported[name]);
    const members = alias === undefined ? undefined : keyTypeMembersOf(state, alias, state.sourceFile.end);
    if (members !== undefined && members.length > 0) setMember(typeExports ??= {}, name, members);
  }
  return typeExports;
}

/**
 * Exported interfaces and type aliases (a type literal, or an intersection with some) whose properties are typed by an
 * import: `export type AuthRequest = Request & { gb?: UserScopedGrowthBook<AppFeatures> }` gives `AuthRequest` → `gb` →
 * that import, so that another file's `req.gb?.getFeatureValue(…)`, with `req: AuthRequest`, has the SDK's evidence.
 */
export function collectMemberOrigins(state: ScanState): Record<string, Record<string, ModuleReference>> | undefined {
  let found: Record<string, Record<string, ModuleReference>> | undefined;
  for (const statement of state.sourceFile.statements) {
    const members = isInterfaceDeclaration(statement) ? statement.members : isTypeAliasDeclaration(statement) ? typeLiteralMembers(statement.type) : undefined;
    if (members === undefined || !hasModifier(statement, SyntaxKind.ExportKeyword)) continue;
    for (const member of members) {
      if (!isPropertySignature(member) || !isIdentifier(member.name)) continue;
      const reference = typeOriginReference(member.type, statement.end);
      const origin = reference === undefined ? undefined : followOrigin(state, reference, 'typed', 0);
      if (origin === undefined) continue;
      const name = (statement as ts.InterfaceDeclaration | ts.TypeAliasDeclaration).name.text;
      found ??= {};
      if (!Object.hasOwn(found, name)) setMember(found, name, {});
      setMember(found[name], member.name.text, origin.reference);
    }
  }
  return found;
}

function typeLiteralMembers(type: ts.TypeNode): readonly ts.TypeElement[] {
  if (isTypeLiteralNode(type)) return type.members;
  return isIntersectionTypeNode(type) ? type.types.flatMap(typeLiteralMembers) : [];
}

function declaredNames(statement: ts.Statement): string[] {
  if (isVariableStatement(statement)) {
    const isConst = (statement.declarationList.flags & NodeFlags.BlockScoped) === NodeFlags.Const;
    return isConst ? statement.declarationList.declarations.flatMap((declaration) => (isIdentifier(declaration.name) ? [declaration.name.text] : [])) : [];
  }
  if ((isEnumDeclaration(statement) || isClassDeclaration(statement)) && statement.name !== undefined) return [statement.name.text];
  // A function's name holds no key, but its calls may make an SDK client (`export function getClient(): LDClient`).
  if (isFunctionDeclaration(statement) && statement.name !== undefined) return [statement.name.text];
  return [];
}

/** True when the node is written with the modifier `kind` (`export`, `static`). */
export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  // The node's own list, decorators included (none has a keyword's kind): `getModifiers` would copy it for every statement.
  return canHaveModifiers(node) && (node.modifiers?.some((modifier) => modifier.kind === kind) ?? false);
}

/** The call of the decorator named `name` on a declaration (`@Input('alias')`, `@Injectable()`), when it has one. */
export function decoratorCall(node: ts.Node, name: string): ts.CallExpression | undefined {
  for (const decorator of (canHaveDecorators(node) ? getDecorators(node) : undefined) ?? []) {
    const called = decorator.expression;
    if (isCallExpression(called) && isIdentifier(called.expression) && called.expression.text === name) return called;
  }
  return undefined;
}

/** A local value with every local name replaced by what it stands for, so other files can read it alone. */
function materialize(state: ScanState, value: LocalValue, open: Set<LocalObject>): ExportedValue | undefined {
  const followed = followLocal(state, value, [], 0);
  if (followed === undefined || typeof followed === 'string' || followed.kind === 'import') return followed;
  if (open.has(followed)) return undefined;
  const { constructed } = followed;
  // An object made by `new` of a class no file declares (`new Map()`) says nothing of keys.
  const of = constructed === undefined ? undefined : materialize(state, constructed.of, open);
  if (constructed !== undefined && of === undefined) return undefined;
  open.add(followed);
  const members: Record<string, ExportedValue> = {};
  // The members of objects spread into it first, so that its own, and later spreads', win as at run time.
  for (const spread of followed.spreads ?? []) {
    const spreadValue = materialize(state, spread, open);
    if (spreadValue !== undefined && typeof spreadValue !== 'string' && spreadValue.kind === 'object') {
      for (const name of Object.keys(spreadValue.members)) setMember(members, name, spreadValue.members[name]);
    }
  }
  for (const name of Object.keys(followed.members)) {
    const member = materialize(state, followed.members[name], open);
    if (member !== undefined) setMember(members, name, member);
  }
  open.delete(followed);
  return {
    kind: 'object', members,
    ...(followed.mirror === true ? { mirror: true as const } : {}),
    ...(followed.fields === undefined ? {} : { fields: followed.fields }),
    ...(constructed === undefined || of === undefined ? {} : {
      constructed: { of, args: constructed.args.map((argument) => (argument === undefined ? null : materialize(state, argument, open) ?? null)) },
    }),
  };
}
