// Bindings: the names a file declares and the keys they hold (const, enum, `as const` object, class statics,
// imports), looked up by scope, and followed to a key or to the import a value comes from (see completeChecks.ts for the
// checks' keys completed through them once the whole file is read).

import { ts } from 'ts-morph';
import { keyTypeMembers, type KeyTypeMember } from '../keyTypes';
import type { Span } from '../types';
import type { BagSource, Binding, LocalObject, LocalReference, LocalValue, ModuleReference, Origin, OriginHow, ScanState } from './types';
import { evaluate, isConstruction, isParameterProperty, propertyNameText, setMember, thisAssignments } from './values';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const {
  SyntaxKind, isBinaryExpression, isClassDeclaration, isConstructorDeclaration, isFunctionLike, isEnumDeclaration, isIdentifier, isImportDeclaration,
  isNamespaceImport, isObjectBindingPattern, isOmittedExpression, isPropertyAccessExpression, isPropertyDeclaration, isStringLiteral, isTypeAliasDeclaration,
} = ts;

// Enough for any real chain of constants; stops self-referencing ones.
export const MAX_REFERENCE_DEPTH = 32;

/** Imports, enums and classes a constant key may come from; the full walk and the exports-only pass share them. */
export function declareStatement(state: ScanState, node: ts.Node): void {
  if (isImportDeclaration(node)) declareImports(state, node);
  else if (isEnumDeclaration(node)) declare(state, node.name.text, enumValue(node));
  else if (isClassDeclaration(node) && node.name !== undefined) declare(state, node.name.text, classStaticsValue(node));
  else if (isTypeAliasDeclaration(node)) state.typeAliases.set(node.name.text, node.type);
}

/**
 * A module's object of keys filled after it is declared, `const FEATURES = {}; FEATURES.DARK_MODE = 'dark_mode';`: from
 * the statement on, the name holds the object as it was with that member too. Only a module's own statement, of a
 * name it declares. The object as it was is read where it is needed, by its name just before the statement,
 * so that a walk reads nothing of another statement's but its names (see incremental.ts).
 */
export function declareAssignedMember(state: ScanState, statement: ts.ExpressionStatement): void {
  const assignment = statement.expression;
  if (!isBinaryExpression(assignment) || assignment.operatorToken.kind !== SyntaxKind.EqualsToken) return;
  const { left, right } = assignment;
  if (!isPropertyAccessExpression(left) || !isIdentifier(left.expression) || !state.bindings.has(left.expression.text)) return;
  const member = evaluate(right);
  if (member === undefined) return;
  const name = left.expression.text;
  const members: Record<string, LocalValue> = {};
  setMember(members, left.name.text, member);
  const before: LocalReference = { kind: 'local', names: [name], position: statement.pos };
  declare(state, name, { kind: 'object', members, spreads: [before] }, undefined, undefined, undefined, { start: statement.end, end: state.scopes[0]?.end ?? state.text.length });
}

/** Declares `name` in the innermost open scope, or in `scope` when given (a class's `this.name`). */
export function declare(state: ScanState, name: string, value: LocalValue | undefined, bag?: BagSource, parameter?: Binding['parameter'], origin?: Origin, scope?: Span): void {
  bind(state, name, { value, ...(bag ? { bag } : {}), ...(parameter ? { parameter } : {}), ...(origin ? { origin } : {}) }, scope);
}

/**
 * A class component's props destructured (`const { treatmentName } = this.props`): each is what the element rendering
 * it passes, as a function component's destructured parameter is, so a key read from one is dynamic.
 */
export function declareProps(state: ScanState, pattern: ts.ObjectBindingPattern): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken === undefined && isIdentifier(element.name)) declare(state, element.name.text, undefined, undefined, { type: undefined });
    else declareOpaqueNames(state, element.name);
  }
}

/** A constant that holds a list written in the code (`const featureRoutes = [{ …, feature: Feature.X }]`), for a loop over it. */
export function declareList(state: ScanState, name: string, list: ts.ArrayLiteralExpression, origin?: Origin): void {
  bind(state, name, { value: undefined, list, ...(origin ? { origin } : {}) });
}

/**
 * The names a loop or an array method's callback binds to each row of `of` in turn: the row, or the properties
 * destructured from it (`{ feature }`); a callback's parameter stays what it is (`held`: a parameter, with its type's origin).
 */
export function declareRows(state: ScanState, name: ts.BindingName, of: ts.Expression, held: Pick<Binding, 'parameter' | 'origin'> = {}): void {
  if (isIdentifier(name)) {
    bind(state, name.text, { value: undefined, row: { of }, ...held });
    return;
  }
  if (!isObjectBindingPattern(name)) return;
  for (const element of name.elements) {
    const property = element.propertyName === undefined ? (isIdentifier(element.name) ? element.name.text : undefined) : propertyNameText(element.propertyName);
    if (element.dotDotDotToken === undefined && isIdentifier(element.name) && property !== undefined) bind(state, element.name.text, { value: undefined, row: { of, property }, ...held });
  }
}

/** A name a loop over an object's keys binds (`for (const key in flags)`), in the scope the walk is in. */
export function declareEveryKey(state: ScanState, name: string): void {
  bind(state, name, { value: undefined, everyKey: true });
}

function bind(state: ScanState, name: string, what: Omit<Binding, 'scopeStart' | 'scopeEnd'>, scope?: Span): void {
  if (name === '') return;
  const { start, end } = scope ?? state.scopes[state.scopes.length - 1] ?? { start: 0, end: state.text.length };
  const binding: Binding = { scopeStart: start, scopeEnd: end, ...what };
  addBinding(state.bindings, name, binding);
  state.declared?.push([name, binding]);
}

/** Adds a binding to the table, kept in order of scope start. */
export function addBinding(bindings: Map<string, Binding[]>, name: string, binding: Binding): void {
  const existing = bindings.get(name);
  if (existing === undefined) bindings.set(name, [binding]);
  // Kept in order of scope start (ties in declaration order): almost always an append.
  else existing.splice(firstStartingAfter(existing, binding.scopeStart), 0, binding);
}

/** The index of the first binding whose scope starts after `position`. */
function firstStartingAfter(bindings: readonly Binding[], position: number): number {
  let low = 0;
  let high = bindings.length;
  if (high > 0 && bindings[high - 1].scopeStart <= position) return high;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (bindings[middle].scopeStart <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Names that hold no known key; a destructured parameter's names are parameters of no known type. `origin` is what
 * the value was made from or typed by; destructured names keep what the whole was made from.
 */
export function declareOpaqueNames(state: ScanState, name: ts.BindingName, parameter?: Binding['parameter'], origin?: Origin): void {
  if (isIdentifier(name)) {
    declare(state, name.text, undefined, undefined, parameter, origin);
    return;
  }
  for (const element of name.elements) {
    // Each name its own copy: an open document's re-scan moves a binding's origin in place.
    const own = origin && { ...origin, reference: { ...origin.reference } };
    if (isOmittedExpression(element)) continue;
    const defaultName = parameter === undefined ? undefined : defaultNameOf(element.initializer);
    declareOpaqueNames(state, element.name, parameter && { type: undefined, ...(defaultName === undefined ? {} : { defaultName }) }, own);
  }
}

/** The last name of a parameter's default when it is a name (`flags = featureFlagService`, `client = deps.client`). */
export function defaultNameOf(initializer: ts.Expression | undefined): string | undefined {
  if (initializer === undefined) return undefined;
  if (isIdentifier(initializer)) return initializer.text;
  return isPropertyAccessExpression(initializer) && isIdentifier(initializer.name) ? initializer.name.text : undefined;
}

function declareImports(state: ScanState, node: ts.ImportDeclaration): void {
  const clause = node.importClause;
  if (clause === undefined || !isStringLiteral(node.moduleSpecifier)) return;
  const specifier = node.moduleSpecifier.text;
  if (clause.name !== undefined) declare(state, clause.name.text, { kind: 'import', specifier, names: ['default'] });
  const named = clause.namedBindings;
  if (named === undefined) return;
  if (isNamespaceImport(named)) {
    declare(state, named.name.text, { kind: 'import', specifier, names: [] });
    return;
  }
  for (const element of named.elements) {
    const imported = element.propertyName ?? element.name;
    declare(state, element.name.text, { kind: 'import', specifier, names: [imported.text] });
  }
}

function enumValue(node: ts.EnumDeclaration): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const member of node.members) {
    const name = propertyNameText(member.name);
    const value = member.initializer === undefined ? undefined : evaluate(member.initializer);
    if (name !== undefined && value !== undefined) setMember(members, name, value);
  }
  return { kind: 'object', members };
}

/** `class Flags { static readonly NEW_CHECKOUT = 'new-checkout' }` */
function classStaticsValue(node: ts.ClassDeclaration): LocalObject {
  const members: Record<string, LocalValue> = {};
  for (const member of node.members) {
    if (!isPropertyDeclaration(member) || member.initializer === undefined) continue;
    if (!member.modifiers?.some((modifier) => modifier.kind === SyntaxKind.StaticKeyword)) continue;
    const name = propertyNameText(member.name);
    const value = evaluate(member.initializer);
    if (name !== undefined && value !== undefined) setMember(members, name, value);
  }
  const fields = constructorFields(node);
  return { kind: 'object', members, ...(fields === undefined ? {} : { fields }) };
}

/**
 * The fields a class's constructor sets from its parameters, each with the parameter's position: a parameter property
 * (`constructor(readonly id: string)`) or an assignment in the constructor's own statements (`this.id = id`).
 */
function constructorFields(node: ts.ClassDeclaration): Record<string, number> | undefined {
  const constructor = node.members.find((member): member is ts.ConstructorDeclaration => isConstructorDeclaration(member) && member.body !== undefined);
  if (constructor === undefined) return undefined;
  const positions = new Map(constructor.parameters.map((parameter, index) => [isIdentifier(parameter.name) ? parameter.name.text : '', index]));
  let fields: Record<string, number> | undefined;
  constructor.parameters.forEach((parameter, index) => {
    if (isIdentifier(parameter.name) && isParameterProperty(parameter)) setMember(fields ??= {}, parameter.name.text, index);
  });
  for (const { field, value } of thisAssignments(constructor)) {
    const position = isIdentifier(value) ? positions.get(value.text) : undefined;
    if (position !== undefined) setMember(fields ??= {}, field, position);
  }
  return fields;
}

/** The binding of `name` in the innermost scope around `position`. */
export function lookupBinding(state: ScanState, name: string, position: number): Binding | undefined {
  const candidates = state.bindings.get(name);
  if (candidates === undefined) return undefined;
  // The innermost scope around `position` is the one that starts last among those that contain it (the
  // last declared on a tie): a binary search, then back past the scopes that ended before `position`.
  for (let index = firstStartingAfter(candidates, position) - 1; index >= 0; index--) {
    if (position <= candidates[index].scopeEnd) return candidates[index];
  }
  return undefined;
}

/** Follows local names to a key, an object of keys or an import, then walks `path` into it. */
export function followLocal(state: ScanState, value: LocalValue, path: readonly string[], depth: number): string | LocalObject | ModuleReference | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  if (typeof value === 'string') return path.length === 0 ? value : undefined;
  switch (value.kind) {
    case 'object': {
      if (path.length === 0) return value;
      const [first, ...rest] = path;
      if (Object.hasOwn(value.members, first)) return followLocal(state, value.members[first], rest, depth + 1);
      if (value.constructed !== undefined) return constructedField(state, value.constructed, first, rest, depth);
      // A member of an object spread into it; the last spread that has one gives it, as at run time.
      for (const spread of [...(value.spreads ?? [])].reverse()) {
        const found = followLocal(state, spread, path, depth + 1);
        if (found !== undefined) return found;
      }
      return value.mirror === true && rest.length === 0 ? first : undefined;
    }
    case 'import':
      return path.length === 0 ? value : { ...value, names: [...value.names, ...path] };
    case 'local': {
      const [first, ...rest] = value.names;
      const bound = lookupBinding(state, first, value.position)?.value;
      return bound === undefined ? undefined : followLocal(state, bound, [...rest, ...path], depth + 1);
    }
  }
}

/**
 * A field of an object made by `new`: the argument its class's constructor sets it from, when the class is the file's
 * own; a class imported from another module is read there (see `followValue` in resolve.ts), so the path goes along.
 */
function constructedField(state: ScanState, constructed: NonNullable<LocalObject['constructed']>, field: string, rest: readonly string[], depth: number): ReturnType<typeof followLocal> {
  const of = followLocal(state, constructed.of, [], depth + 1);
  if (of === undefined || typeof of === 'string' || of.kind === 'import') return undefined;
  const position = of.fields !== undefined && Object.hasOwn(of.fields, field) ? of.fields[field] : undefined;
  const argument = position === undefined ? undefined : constructed.args[position];
  return argument === undefined ? undefined : followLocal(state, argument, rest, depth + 1);
}

/** Where a name's value comes from: the import it ends at (with the path read into it), and how the name holds it. */
export interface FoundOrigin {
  readonly reference: ModuleReference;
  readonly how: OriginHow;
  /** The name the evidence is about, when not the first of the reference's (`LaunchDarklyClient.client`, a static field). */
  readonly subject?: string;
}

/** Follows a name through the file's bindings to the import its value comes from; `how` is how the first name holds it. */
export function followOrigin(state: ScanState, reference: LocalReference, how: OriginHow | undefined, depth: number): FoundOrigin | undefined {
  if (depth > MAX_REFERENCE_DEPTH) return undefined;
  const [first, ...named] = reference.names;
  // A class's static field named through its class, in the class (`LaunchDarklyClient.client`), is declared so.
  const ownStatic = named.length > 0 ? lookupBinding(state, `${first}.${named[0]}`, reference.position) : undefined;
  if (ownStatic !== undefined) {
    const found = originOf(state, ownStatic, named.slice(1), how, depth);
    return found === undefined ? undefined : { ...found, subject: `${first}.${named[0]}` };
  }
  const binding = lookupBinding(state, first, reference.position);
  return binding === undefined ? undefined : originOf(state, binding, named, how, depth);
}

/** Where a binding's value comes from, with the rest of the path read off it. */
function originOf(state: ScanState, binding: Binding, rest: readonly string[], how: OriginHow | undefined, depth: number): FoundOrigin | undefined {
  const value = binding.value;
  if (value !== undefined && typeof value !== 'string' && !isConstruction(value)) {
    if (value.kind === 'import') return { reference: { ...value, names: [...value.names, ...rest] }, how: how ?? 'imported' };
    if (value.kind !== 'local') return undefined;
    // A name whose value is asserted to be of a type (`locals.client as LDClient`) has that type when its value says nothing.
    const followed = followOrigin(state, { ...value, names: [...value.names, ...rest] }, how, depth + 1);
    if (followed !== undefined || binding.origin === undefined) return followed;
  }
  if (binding.origin === undefined) {
    // A vendor's bag a call made (`const flags = useLDFlags()`) comes from where the call's function does; its
    // properties are flags, not clients.
    const made = binding.bag?.origin?.reference;
    if (made === undefined || rest.length > 0) return undefined;
    return followOrigin(state, made, how ?? 'created', depth + 1);
  }
  // `req.gb` with `req: AuthRequest` is `AuthRequest`'s property `gb`: the path read into the name goes along.
  const { reference: origin } = binding.origin;
  if (origin.kind === 'import') return { reference: { ...origin, names: [...origin.names, ...rest] }, how: how ?? binding.origin.how };
  return followOrigin(state, rest.length === 0 ? origin : { ...origin, names: [...origin.names, ...rest] }, how ?? binding.origin.how, depth + 1);
}

/** The keys a type allows, its names read at `position`: local aliases and enums expanded, imported names kept as references. */
export function keyTypeMembersOf(state: ScanState, type: ts.TypeNode, position: number): KeyTypeMember[] | undefined {
  // Names being expanded, so that a self-referencing alias ends.
  const open = new Set<string>();
  const resolveName = (names: readonly string[]): readonly KeyTypeMember[] | undefined => {
    const key = names.join('.');
    if (open.has(key)) return undefined;
    open.add(key);
    try {
      const alias = names.length === 1 ? state.typeAliases.get(names[0]) : undefined;
      if (alias !== undefined) return keyTypeMembers(alias, resolveName);
      const value = followLocal(state, { kind: 'local', names, position }, [], 0);
      if (value === undefined || typeof value === 'string') return value === undefined ? undefined : [value];
      return value.kind === 'import' ? [value] : stringMembers(state, value);
    } finally {
      open.delete(key);
    }
  };
  return keyTypeMembers(type, resolveName);
}

/** The keys of an enum's members; undefined when one is not a key. */
function stringMembers(state: ScanState, object: LocalObject): string[] | undefined {
  const keys: string[] = [];
  for (const name of Object.keys(object.members)) {
    const key = followLocal(state, object.members[name], [], 0);
    if (typeof key !== 'string') return undefined;
    keys.push(key);
  }
  return keys;
}

/** True for a node that opens a scope of its own: a file, a block, a loop's head, a catch clause, a function. */
export function isScope(node: ts.Node): boolean {
  switch (node.kind) {
    case SyntaxKind.SourceFile:
    case SyntaxKind.Block:
    case SyntaxKind.ModuleBlock:
    case SyntaxKind.CaseBlock:
    case SyntaxKind.ForStatement:
    case SyntaxKind.ForInStatement:
    case SyntaxKind.ForOfStatement:
    case SyntaxKind.CatchClause:
      return true;
    default:
      return isFunctionLike(node);
  }
}
