// What an expression holds as far as flag keys go (a key, an object of keys, a reference to a name), read
// from the syntax alone: the declarations and the checks both evaluate expressions this way.

import { ts } from 'ts-morph';
import type { ExportedValue, LocalObject, LocalReference, LocalValue } from './types';

// ts-morph re-exports the compiler API through getters; the hot paths read these once (see scanFile.ts).
const {
  SyntaxKind, isAsExpression, isAwaitExpression, isCallExpression, isComputedPropertyName, isElementAccessExpression,
  isIdentifier, isNewExpression, isNoSubstitutionTemplateLiteral, isNonNullExpression, isNumericLiteral,
  isObjectLiteralExpression, isParenthesizedExpression, isPropertyAccessExpression, isPropertyAssignment,
  isQualifiedName, isSatisfiesExpression, isShorthandPropertyAssignment, isStringLiteral, isStringLiteralLike,
  isTypeAssertionExpression, isTypeReferenceNode, isMappedTypeNode, isIndexedAccessTypeNode, isTypeQueryNode, isUnionTypeNode, isSpreadAssignment, isFunctionLike, isClassLike, isReturnStatement,
  forEachChild, canHaveModifiers, getModifiers, isExpressionStatement, isBinaryExpression, isVariableDeclarationList,
  NodeFlags, isBlock,
} = ts;

/** What an expression holds, as far as flag keys go; undefined when it cannot be a key or an object of keys. */
export function evaluate(node: ts.Expression): LocalValue | undefined {
  if (declaredMirror(node)) return { kind: 'object', members: {}, mirror: true };
  const expression = unwrap(node);
  if (isStringLiteral(expression) || isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (isIdentifier(expression)) {
    return expression.text === '' ? undefined : { kind: 'local', names: [expression.text], position: expression.end };
  }
  if (isPropertyAccessExpression(expression)) {
    return isIdentifier(expression.name) ? memberOf(evaluate(expression.expression), expression.name.text) : undefined;
  }
  if (isElementAccessExpression(expression)) {
    const member = unwrap(expression.argumentExpression);
    return isStringLiteralLike(member) || isNumericLiteral(member) ? memberOf(evaluate(expression.expression), member.text) : undefined;
  }
  if (isObjectLiteralExpression(expression)) return objectValue(expression);
  if (isNewExpression(expression)) return constructedValue(expression);
  if (isObjectFreeze(expression)) return evaluate(expression.arguments[0]);
  const branded = brandedKey(expression);
  if (branded !== undefined) return branded.text;
  const required = requiredSpecifier(expression);
  if (required !== undefined) return { kind: 'import', specifier: required, names: [] };
  return undefined;
}

// A function named for making a flag's key (`FeatureFlagKey`, `asFlagKey`, `toFeatureKey`): given a text, it gives that
// text as the key's own type (a branded or tagged string), as a type assertion would.
const KEY_MAKER = /^(?:as|to|make|create)?(?:Feature_?Flag|Feature_?Toggle|Flag|Toggle|Feature)_?(?:Key|Name|Id)$/i;

/** The text a call of a key's maker is given (`'NOTIFICATION_CENTER'` of `FeatureFlagKey('NOTIFICATION_CENTER')`). */
export function brandedKey(node: ts.Expression): ts.StringLiteralLike | undefined {
  if (!isCallExpression(node) || node.arguments.length !== 1 || !isIdentifier(node.expression) || !KEY_MAKER.test(node.expression.text)) return undefined;
  const given = unwrap(node.arguments[0]);
  return isStringLiteralLike(given) ? given : undefined;
}

/**
 * The module a CommonJS `require('x')` loads (`const LaunchDarkly = require('@launchdarkly/node-server-sdk')`): the
 * module's namespace, as `import * as LaunchDarkly` is; `require('x').init` is its member.
 */
export function requiredSpecifier(node: ts.Expression): string | undefined {
  if (!isCallExpression(node) || node.arguments.length !== 1 || !isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
  const [argument] = node.arguments;
  return isStringLiteralLike(argument) ? argument.text : undefined;
}

/** True for `require('x')` or a member path of it (`require('x').init`). */
export function loadsModule(initializer: ts.Expression): boolean {
  let expression = unwrap(initializer);
  while (isPropertyAccessExpression(expression)) expression = unwrap(expression.expression);
  return requiredSpecifier(expression) !== undefined;
}

/** An object made by `new` of a named class, which its fields are read from (see `LocalObject.constructed`). */
function constructedValue(node: ts.NewExpression): LocalObject | undefined {
  const of = isIdentifier(node.expression) || isPropertyAccessExpression(node.expression) ? evaluate(node.expression) : undefined;
  if (of === undefined || typeof of === 'string' || of.kind === 'object') return undefined;
  return { kind: 'object', members: {}, constructed: { of, args: (node.arguments ?? []).map((argument) => evaluate(argument)) } };
}

/** True for a constructor's parameter that is a field of its own (`constructor(private readonly client: Client)`). */
export function isParameterProperty(parameter: ts.ParameterDeclaration): boolean {
  return canHaveModifiers(parameter) && (getModifiers(parameter)?.length ?? 0) > 0;
}

/** The fields a constructor's own statements set on `this` (`this.id = id`): each field's name and the value it is given. */
export function thisAssignments(constructor: ts.ConstructorDeclaration): Array<{ readonly field: string; readonly value: ts.Expression }> {
  const assignments: Array<{ field: string; value: ts.Expression }> = [];
  for (const statement of constructor.body?.statements ?? []) {
    if (!isExpressionStatement(statement) || !isBinaryExpression(statement.expression)) continue;
    const { left, operatorToken, right } = statement.expression;
    if (operatorToken.kind === SyntaxKind.EqualsToken && isPropertyAccessExpression(left) && left.expression.kind === SyntaxKind.ThisKeyword && isIdentifier(left.name)) {
      assignments.push({ field: left.name.text, value: right });
    }
  }
  return assignments;
}

/** True for an object made by `new`: what it holds is its class's to say, and it may be a client as well. */
export function isConstruction(value: LocalValue | ExportedValue | undefined): boolean {
  return value !== undefined && typeof value !== 'string' && value.kind === 'object' && value.constructed !== undefined;
}

function objectValue(node: ts.ObjectLiteralExpression): LocalObject {
  const members: Record<string, LocalValue> = {};
  const spreads: LocalValue[] = [];
  for (const property of node.properties) {
    if (isPropertyAssignment(property)) {
      const name = propertyNameText(property.name);
      const value = evaluate(property.initializer);
      if (name !== undefined && value !== undefined) setMember(members, name, value);
    } else if (isShorthandPropertyAssignment(property) && property.name.text !== '') {
      setMember(members, property.name.text, { kind: 'local', names: [property.name.text], position: property.name.end });
    } else if (isSpreadAssignment(property)) {
      const spread = evaluate(property.expression);
      if (spread !== undefined && typeof spread !== 'string') spreads.push(spread);
    }
  }
  return { kind: 'object', members, ...(spreads.length > 0 ? { spreads } : {}) };
}

function isObjectFreeze(node: ts.Expression): node is ts.CallExpression & { arguments: ts.NodeArray<ts.Expression> } {
  return isCallExpression(node)
    && node.arguments.length === 1
    && isPropertyAccessExpression(node.expression)
    && isIdentifier(node.expression.expression)
    && node.expression.expression.text === 'Object'
    && node.expression.name.text === 'freeze';
}

/** The member `name` of an object of keys, or the longer path of a reference; undefined for a key. */
export function memberOf(value: LocalValue | undefined, name: string): LocalValue | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  if (value.kind === 'object') return Object.hasOwn(value.members, name) ? value.members[name] : value.mirror === true ? name : undefined;
  return { ...value, names: [...value.names, name] };
}

/** A function's parameters as its calls pass arguments: TypeScript's `this` parameter (`function f(this: Vue, key)`) is none. */
export function callParameters(node: ts.SignatureDeclaration): readonly ts.ParameterDeclaration[] {
  const [first] = node.parameters;
  return first !== undefined && isIdentifier(first.name) && first.name.text === 'this' ? node.parameters.slice(1) : node.parameters;
}

/** True when an expression is given the type of a key mirror (`Object.keys(…).reduce(…) as { [Flag in FlagType]: Flag }`). */
function declaredMirror(node: ts.Expression): boolean {
  for (let expression: ts.Expression = node; ;) {
    if (isAsExpression(expression) || isSatisfiesExpression(expression)) {
      if (isMirrorType(expression.type)) return true;
      expression = expression.expression;
    } else if (isParenthesizedExpression(expression)) {
      expression = expression.expression;
    } else {
      return false;
    }
  }
}

/** `{ [K in Keys]: K }`: a type whose every property's value is that property's name. */
function isMirrorType(type: ts.TypeNode | undefined): boolean {
  if (type === undefined || !isMappedTypeNode(type) || type.type === undefined || !isTypeReferenceNode(type.type)) return false;
  const template = type.type.typeName;
  return isIdentifier(template) && template.text === type.typeParameter.name.text && type.type.typeArguments === undefined;
}

/** Plain objects keep scans easy to compare and serialise; `__proto__` is the one name they cannot hold. */
export function setMember<T>(record: Record<string, T>, name: string, value: T): void {
  if (name !== '__proto__') record[name] = value;
}

/** A property or binding name as text, when it is written as a literal name; undefined otherwise. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName): string | undefined {
  if (isIdentifier(name) || isStringLiteralLike(name) || isNumericLiteral(name)) return name.text === '' ? undefined : name.text;
  if (isComputedPropertyName(name)) {
    const expression = unwrap(name.expression);
    if (isStringLiteralLike(expression)) return expression.text;
  }
  return undefined;
}

/** A class component's prop, as written: `this.props.treatmentName`. */
export const THIS_PROP = /^this\.props\.([\w$]+)$/;

/** `this.props`, a class component's props. */
export function isThisProps(node: ts.Expression): boolean {
  const inner = unwrap(node);
  return isPropertyAccessExpression(inner) && inner.expression.kind === SyntaxKind.ThisKeyword && inner.name.text === 'props';
}

/** Vue's `defineProps(…)`, also with defaults (`withDefaults(defineProps<Props>(), { … })`): a component's props, which the element rendering it passes. */
export function isDefinedProps(node: ts.Expression): boolean {
  const inner = unwrap(node);
  if (!isCallExpression(inner) || !isIdentifier(inner.expression)) return false;
  if (inner.expression.text === 'defineProps') return true;
  return inner.expression.text === 'withDefaults' && inner.arguments.length > 0 && isDefinedProps(inner.arguments[0]);
}

/** Parentheses and type-only wrappers: `(KEY as const)`, `KEY satisfies string`, `KEY!`. */
export function unwrap(node: ts.Expression): ts.Expression {
  let expression = node;
  while (
    isParenthesizedExpression(expression)
    || isAsExpression(expression)
    || isSatisfiesExpression(expression)
    || isNonNullExpression(expression)
    || isTypeAssertionExpression(expression)
  ) {
    expression = expression.expression;
  }
  return expression;
}

/**
 * The name a value is made from, for a call's evidence: `OpenFeature.getClient` for `await OpenFeature.getClient()`,
 * `Unleash` for `new Unleash(...)`, `client` for `client`, `this.client` for `this.client.x`. What a call gives is
 * not followed further (its members' names are dropped). Undefined when no name starts the expression.
 */
export function originReference(node: ts.Expression): LocalReference | undefined {
  let expression = node;
  let names: string[] = [];
  for (;;) {
    expression = unwrap(expression);
    if (isAwaitExpression(expression)) {
      expression = expression.expression;
    } else if (isCallExpression(expression) || isNewExpression(expression)) {
      names = [];
      expression = expression.expression;
    } else if (isPropertyAccessExpression(expression)) {
      if (expression.expression.kind === SyntaxKind.ThisKeyword) {
        return { kind: 'local', names: [`this.${expression.name.text}`, ...names], position: expression.end };
      }
      names.unshift(expression.name.text);
      expression = expression.expression;
    } else if (isElementAccessExpression(expression)) {
      names = [];
      expression = expression.expression;
    } else {
      return isIdentifier(expression) && expression.text !== '' ? { kind: 'local', names: [expression.text, ...names], position: expression.end } : undefined;
    }
  }
}

const PROMISES = new Set(['Promise', 'PromiseLike', 'Awaited']);
// Types made from another that keep where it comes from: what an SDK's function gives, what its class makes.
const DERIVED_TYPES = new Set(['ReturnType', 'InstanceType', 'NonNullable']);
// Types that keep some of another's members (`Pick<PostHog, 'getFeatureFlag'>`): a value of one is made by what makes it.
const PART_TYPES = new Set(['Pick', 'Omit', 'Partial', 'Required', 'Readonly']);

/** The name a declared type starts with (`LDClient`, `LD.LDClient`; the first such member of a union), for a name's evidence. */
export function typeOriginReference(type: ts.TypeNode | undefined, position: number): LocalReference | undefined {
  if (type === undefined) return undefined;
  if (isUnionTypeNode(type)) {
    for (const member of type.types) {
      const reference = typeOriginReference(member, position);
      if (reference !== undefined) return reference;
    }
    return undefined;
  }
  // A type made from an SDK's function (`Awaited<ReturnType<ReturnType<typeof init>['waitForInitialization']>>`) is the SDK's.
  if (isIndexedAccessTypeNode(type)) return typeOriginReference(type.objectType, position);
  if (isTypeQueryNode(type)) return entityReference(type.exprName, position);
  if (!isTypeReferenceNode(type)) return undefined;
  // A promise of a client (`async function getClient(): Promise<LDClient>`) is that client where it is awaited.
  if (isIdentifier(type.typeName) && (PROMISES.has(type.typeName.text) || DERIVED_TYPES.has(type.typeName.text)) && type.typeArguments?.length === 1) return typeOriginReference(type.typeArguments[0], position);
  if (isIdentifier(type.typeName) && PART_TYPES.has(type.typeName.text) && type.typeArguments !== undefined && type.typeArguments.length > 0) return typeOriginReference(type.typeArguments[0], position);
  return entityReference(type.typeName, position);
}

/** `LD.LDClient` as the names it reads, for a name's evidence. */
function entityReference(entity: ts.EntityName, position: number): LocalReference | undefined {
  const names: string[] = [];
  let name: ts.EntityName = entity;
  while (isQualifiedName(name)) {
    names.unshift(name.right.text);
    name = name.left;
  }
  return name.text === '' ? undefined : { kind: 'local', names: [name.text, ...names], position };
}

// Enough returns for any real client getter; a function with more is not followed.
const MAX_RETURNS = 16;

/** The expressions a body returns (not its nested functions'), `return;`, `null` and `undefined` aside; empty past `MAX_RETURNS`. */
export function returnedExpressions(body: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const stack: ts.Node[] = [...body.statements];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (isFunctionLike(node) || isClassLike(node)) continue;
    if (isReturnStatement(node)) {
      const expression = node.expression;
      if (expression === undefined || expression.kind === SyntaxKind.NullKeyword || (isIdentifier(expression) && expression.text === 'undefined')) continue;
      if (found.length === MAX_RETURNS) return [];
      found.push(expression);
      continue;
    }
    forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return found;
}

/** What a function's own return statements give back, or its arrow's expression body; not those of functions or classes inside it. */
export function ownReturns(node: ts.SignatureDeclaration): ts.Expression[] {
  const body = (node as ts.FunctionLikeDeclaration).body;
  if (body === undefined) return [];
  if (!isBlock(body)) return [body];
  const returned: ts.Expression[] = [];
  const collect = (child: ts.Node): void => {
    if (isFunctionLike(child) || isClassLike(child)) return;
    if (isReturnStatement(child) && child.expression !== undefined) returned.push(child.expression);
    forEachChild(child, collect);
  };
  forEachChild(body, collect);
  return returned;
}

/**
 * The initializer of a `const name = …` the function declares anywhere in its body (also in a block or a branch), not in
 * a function or class inside it. Read off the declaration list, so that it holds in a tree without parent links (a scan's).
 */
export function ownConstant(fn: ts.SignatureDeclaration, name: string): ts.Expression | undefined {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (body === undefined) return undefined;
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || isFunctionLike(node) || isClassLike(node)) return;
    if (isVariableDeclarationList(node) && (node.flags & NodeFlags.Const) !== 0) {
      found = node.declarations.find((declaration) => isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer !== undefined)?.initializer;
    }
    forEachChild(node, visit);
  };
  forEachChild(body, visit);
  return found;
}
