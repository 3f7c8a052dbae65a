// What a name's value is made from, for the evidence of calls on it: a declared type (`client: LDClient`), an initializer
// (`const client = OpenFeature.getClient()`), what a function gives back, a choice made once between an SDK's function
// and a stand-in, a decorator that injects it, or the type of the property a parameter destructures.

import { ts } from 'ts-morph';
import { declare, followOrigin, lookupBinding } from './bindings';
import { namesVendorPackage } from '../skeleton';
import { isFromPackages, VENDOR_PACKAGES } from '../patterns';
import type { LocalReference, ModuleReference, Origin, ScanState } from './types';
import { originReference, ownConstant, propertyNameText, returnedExpressions, typeOriginReference, unwrap } from './values';

const {
  getDecorators, isArrowFunction, isBlock, isCallExpression, isConditionalExpression, isFunctionExpression, isIdentifier,
  isInterfaceDeclaration, isObjectLiteralExpression, isPropertyAccessExpression, isPropertySignature, isSpreadAssignment,
  isTypeAliasDeclaration, isTypeLiteralNode, isTypeReferenceNode, isAsExpression, isBinaryExpression, isParenthesizedExpression,
  isTypeAssertionExpression, isNewExpression, isVariableStatement, SyntaxKind,
} = ts;

/**
 * The names a parameter destructures from an object of a type the file declares (`({ gb }: Props)` with `interface Props {
 * gb: GrowthBook }`, or a type literal written there): each declared again with its property's type as origin.
 */
export function declareTypedMembers(state: ScanState, pattern: ts.ObjectBindingPattern, type: ts.TypeNode): void {
  const members = ownTypeMembers(state.sourceFile, type);
  if (members === undefined) return;
  for (const element of pattern.elements) {
    // A default (`flags = featureFlagService`) says what the name holds when none is given: the parameter keeps it.
    if (element.dotDotDotToken !== undefined || element.initializer !== undefined || !isIdentifier(element.name)) continue;
    const property = element.propertyName === undefined ? element.name.text : propertyNameText(element.propertyName);
    const member = members.find((one) => isPropertySignature(one) && one.name !== undefined && propertyNameText(one.name) === property) as ts.PropertySignature | undefined;
    const reference = member?.type === undefined ? undefined : typeOriginReference(member.type, member.type.end);
    // Only a type that comes from an import says where the value comes from; the file's own types say nothing more.
    if (reference !== undefined && followOrigin(state, reference, undefined, 0) !== undefined) {
      declare(state, element.name.text, undefined, undefined, { type: member?.type }, { reference, how: 'typed' });
    }
  }
}

/** The members of a type literal, or of an interface or a type alias of one that the file declares by that name. */
export function ownTypeMembers(sourceFile: ts.SourceFile, type: ts.TypeNode): readonly ts.TypeElement[] | undefined {
  if (isTypeLiteralNode(type)) return type.members;
  if (!isTypeReferenceNode(type) || !isIdentifier(type.typeName) || type.typeArguments !== undefined) return undefined;
  const name = type.typeName.text;
  for (const statement of sourceFile.statements) {
    if (isInterfaceDeclaration(statement) && statement.name.text === name) return statement.members;
    if (isTypeAliasDeclaration(statement) && statement.name.text === name) return isTypeLiteralNode(statement.type) ? statement.type.members : undefined;
  }
  return undefined;
}

/** A declared type's origin (`client: LDClient`), for the evidence of calls on the name. */
export function typedOrigin(type: ts.TypeNode | undefined): Origin | undefined {
  const reference = type === undefined ? undefined : typeOriginReference(type, type.end);
  return reference === undefined ? undefined : { reference, how: 'typed' };
}

/**
 * What a function's calls are made from: its declared return type (`function getClient(): GrowthBookClient | null`),
 * so that `getClient()?.evalFeature(...)` has the evidence the type gives; without one, what its returns are made
 * from (`return ldClient` where `let ldClient: LDClient`), when every return that gives a value names one. The
 * evidence still has to end at an SDK's package: a team's own client class is no SDK's.
 */
function returnedOrigin(state: ScanState, node: ts.SignatureDeclaration): Origin | undefined {
  if (node.type !== undefined) {
    const typed = typedOrigin(node.type);
    return typed === undefined ? undefined : { ...typed, how: 'created' };
  }
  const body = (node as ts.FunctionLikeDeclaration).body;
  // Only a module that names an SDK's package makes a client without saying so; elsewhere the skeleton's blanked bodies stay blank.
  if (body === undefined || !(state.followsReturns ??= namesVendorPackage(state.text))) return undefined;
  if (!isBlock(body)) {
    const reference = originReference(body);
    return reference === undefined ? undefined : { reference, how: 'created' };
  }
  // A skeleton blanks a body without a flag-call name: the file is then parsed whole.
  if (body.statements.length === 0 && /\S/.test(state.text.slice(body.getStart(state.sourceFile) + 1, body.end - 1))) state.blankedReturns = true;
  let found: Origin | undefined;
  for (const returned of returnedExpressions(body)) {
    // A client the body makes and gives back (`const gb = new GrowthBook(…); await gb.init(); return gb`): the walk binds
    // no name in a body with no flag call, so the body's own constant is read where it is declared.
    const named = unwrap(returned);
    const own = isIdentifier(named) ? ownConstant(node, named.text) : undefined;
    const reference = originReference(own ?? returned) ?? mergedOrigin(returned);
    if (reference === undefined) return undefined;
    found ??= { reference, how: 'created' };
  }
  return found;
}

/**
 * What an object made only of spreads is made from: its first spread's origin. A team's bag hook hands out the vendor's
 * bag with overrides on top, `return { ...flags, ...mockFlags }` after `const flags = useLDFlags()`, and its callers read
 * flags from it as from the vendor's.
 */
function mergedOrigin(returned: ts.Expression): LocalReference | ModuleReference | undefined {
  const object = unwrap(returned);
  if (!isObjectLiteralExpression(object) || object.properties.length === 0 || !object.properties.every(isSpreadAssignment)) return undefined;
  return originReference((object.properties[0] as ts.SpreadAssignment).expression);
}

/** What a class's method gives back is made from (`async getGrowthBook() { const gb = new GrowthBook(); …; return gb }`), for `this.getGrowthBook()`. */
export function methodOrigin(state: ScanState, method: ts.MethodDeclaration): Origin | undefined {
  return returnedOrigin(state, method);
}

/** A function declaration's name, in `scope` (its enclosing one), with what its calls are made from. */
export function declareFunction(state: ScanState, node: ts.FunctionDeclaration, scope: { start: number; end: number } | undefined): void {
  const origin = node.name === undefined ? undefined : returnedOrigin(state, node);
  if (node.name !== undefined && origin !== undefined) declare(state, node.name.text, undefined, undefined, undefined, origin, scope);
}

/** What a name's initializer was made from, else its declared type: `const client = OpenFeature.getClient()`. */
export function declaredOrigin(state: ScanState, initializer: ts.Expression | undefined, type: ts.TypeNode | undefined): Origin | undefined {
  if (initializer !== undefined && (isArrowFunction(initializer) || isFunctionExpression(initializer))) return returnedOrigin(state, initializer);
  // A value the code says is of a type (`req.app.locals.ldClient as LDClient`) is one of that type, wherever it was kept.
  const asserted = initializer === undefined ? undefined : assertedType(initializer);
  const typed = asserted === undefined ? undefined : typedOrigin(asserted);
  if (typed !== undefined) return typed;
  const injected = initializer === undefined ? undefined : injectedType(state.sourceFile, initializer);
  const typedByKey = injected === undefined ? undefined : typedOrigin(injected);
  if (typedByKey !== undefined) return typedByKey;
  const reference = initializer === undefined ? undefined : originReference(initializer);
  // A function made of another by a helper of no SDK (lodash's `memoize`, React's `useMemo`) is what that one gives.
  if (initializer !== undefined) {
    const wrapped = wrappedOrigin(state, initializer);
    if (wrapped !== undefined && !callsVendorImport(state, initializer)) return wrapped;
  }
  if (reference === undefined && initializer !== undefined) {
    const chosen = chosenImport(state, initializer);
    if (chosen !== undefined) return { reference: chosen, how: 'chosen' };
  }
  return reference === undefined ? typedOrigin(type) : { reference, how: 'created' };
}

/**
 * What a function made of another gives, or a value computed by one is made from: the first argument's returns, for
 * `const getClient = memoize(async () => { await client.waitForInitialization(); return client })` (also `once`,
 * `useCallback`, `cache`) and `const gb = useMemo(() => new GrowthBook(…), [])`. A call that gives something else made of
 * a function (a timer's id, a `computed` box read by `.value`) is never called nor read as a client, so nothing follows it.
 */
function wrappedOrigin(state: ScanState, initializer: ts.Expression): Origin | undefined {
  const wrapped = wrappedFunction(initializer);
  return wrapped === undefined ? undefined : returnedOrigin(state, wrapped);
}

/** True for a call of a name this module imports from an SDK's package (`createClient(() => …)`): it makes the client itself. */
function callsVendorImport(state: ScanState, initializer: ts.Expression): boolean {
  const call = unwrap(initializer);
  if (!isCallExpression(call)) return false;
  let callee: ts.Expression = call.expression;
  while (isPropertyAccessExpression(callee)) callee = callee.expression;
  const value = isIdentifier(callee) ? lookupBinding(state, callee.text, callee.end)?.value : undefined;
  return typeof value === 'object' && value.kind === 'import' && isFromPackages(value.specifier, VENDOR_PACKAGES);
}

/** True for a call given a function written there first (`memoize(async () => …)`), whose returns `declaredOrigin` follows. */
export function wrapsFunction(initializer: ts.Expression): boolean {
  return wrappedFunction(initializer) !== undefined;
}

function wrappedFunction(initializer: ts.Expression): ts.ArrowFunction | ts.FunctionExpression | undefined {
  const call = unwrap(initializer);
  const wrapped = isCallExpression(call) ? call.arguments[0] : undefined;
  return wrapped !== undefined && (isArrowFunction(wrapped) || isFunctionExpression(wrapped)) ? wrapped : undefined;
}

// The types of a dependency-injection key that name what is injected by it: Vue's `InjectionKey<T>`, Angular's `InjectionToken<T>`.
const INJECTION_KEY_TYPES = new Set(['InjectionKey', 'InjectionToken']);

/**
 * The type a value injected by a typed key has: `inject(FeaturesServiceKey)` with `const FeaturesServiceKey:
 * InjectionKey<IConfigCatClient> = Symbol()` (Vue), or `new InjectionToken<LDClient>('ld')` (Angular), the key declared in this module.
 */
function injectedType(sourceFile: ts.SourceFile, initializer: ts.Expression): ts.TypeNode | undefined {
  const call = unwrap(initializer);
  if (!isCallExpression(call) || !isIdentifier(call.expression) || call.expression.text !== 'inject' || call.arguments.length === 0) return undefined;
  const key = unwrap(call.arguments[0]);
  if (!isIdentifier(key)) return undefined;
  for (const statement of sourceFile.statements) {
    if (!isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!isIdentifier(declaration.name) || declaration.name.text !== key.text) continue;
      const declared = declaration.type;
      if (declared !== undefined && isTypeReferenceNode(declared) && isIdentifier(declared.typeName) && INJECTION_KEY_TYPES.has(declared.typeName.text)) return declared.typeArguments?.[0];
      const made = declaration.initializer === undefined ? undefined : unwrap(declaration.initializer);
      if (made !== undefined && isNewExpression(made) && isIdentifier(made.expression) && INJECTION_KEY_TYPES.has(made.expression.text)) return made.typeArguments?.[0];
      return undefined;
    }
  }
  return undefined;
}

/** The type an initializer is asserted to have, `x as LDClient` (or `<LDClient>x`), also with nothing as its fallback (`?? undefined`). */
export function assertedType(initializer: ts.Expression): ts.TypeNode | undefined {
  let expression = initializer;
  while (isParenthesizedExpression(expression)) expression = expression.expression;
  if (isBinaryExpression(expression) && (expression.operatorToken.kind === SyntaxKind.QuestionQuestionToken || expression.operatorToken.kind === SyntaxKind.BarBarToken)
    && (expression.right.kind === SyntaxKind.NullKeyword || (isIdentifier(expression.right) && expression.right.text === 'undefined'))) {
    expression = expression.left;
    while (isParenthesizedExpression(expression)) expression = expression.expression;
  }
  return isAsExpression(expression) || isTypeAssertionExpression(expression) ? expression.type : undefined;
}

/**
 * The import a choice made once names, `!process.env.IS_ON_PREMISE ? useUnleashFlag : onPremFlag`: where the program runs
 * with the SDK, the name is the SDK's function, and elsewhere a stand-in for it. Only a choice between names, one of
 * them (the first, if both) imported.
 */
function chosenImport(state: ScanState, initializer: ts.Expression): LocalReference | undefined {
  const choice = unwrap(initializer);
  if (!isConditionalExpression(choice)) return undefined;
  for (const branch of [choice.whenTrue, choice.whenFalse]) {
    const named = unwrap(branch);
    if (!isIdentifier(named) && !isPropertyAccessExpression(named)) continue;
    const reference = originReference(named);
    if (reference !== undefined && followOrigin(state, reference, undefined, 0)?.how === 'imported') return reference;
  }
  return undefined;
}

/**
 * A field a decorator fills, `@service features;` (Ember's dependency injection): made from the decorator, so it has the
 * decorator's package for evidence. Only a field named as the service it is given (no other name in the decorator's call).
 */
export function injectedOrigin(member: ts.PropertyDeclaration): Origin | undefined {
  if (member.initializer !== undefined) return undefined;
  for (const decorator of getDecorators(member) ?? []) {
    const expression = decorator.expression;
    const callee = isCallExpression(expression) && expression.arguments.length === 0 ? expression.expression : expression;
    if (isIdentifier(callee)) return { reference: { kind: 'local', names: [callee.text], position: member.pos }, how: 'injected' };
  }
  return undefined;
}
