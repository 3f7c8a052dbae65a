// What a function is called by and what it takes: the name its callers use (its own, its variable's or property's, the
// name a plugin injects it under), the parameter a key's text reads, what it gives back. Shared by every rule that
// finds wrappers.

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { decoratorCall } from '../scan/exports';
import { callParameters, isThisProps, THIS_PROP } from '../scan/values';
import type { SourceTrees } from './sourceTrees';

// What a function's own returns give back is read by the scan too (a store's selector of one flag, scan/storedChecks.ts).
export { ownReturns } from '../scan/values';

/** A function of any form, with the body it may have. */
export type FunctionNode = ts.SignatureDeclaration & { body?: ts.Node };

/**
 * True when a function gives its caller nothing: declared `void`, `undefined`, `never` or `Promise<void>`, or, undeclared,
 * a body whose returns return no value. A check gives the flag's state; such a function does something else with the flag
 * it takes (`addFeatureFlagToLocalStorage(flag: FeatureFlag): void` stores it), whatever its parameter's type says. A
 * setter gives nothing by its nature: an Angular directive's input setter takes the key its element is given.
 */
export function givesNothing(node: FunctionNode): boolean {
  if (ts.isSetAccessorDeclaration(node)) return false;
  if (node.type !== undefined) return isNothing(node.type);
  const body = node.body;
  if (body === undefined || !ts.isBlock(body) || ('asteriskToken' in node && node.asteriskToken !== undefined)) return false;
  const stack: ts.Node[] = [...body.statements];
  while (stack.length > 0) {
    const current = stack.pop() as ts.Node;
    if (ts.isReturnStatement(current) && current.expression !== undefined) return false;
    if (!ts.isFunctionLike(current) && !ts.isClassLike(current)) ts.forEachChild(current, (child) => { stack.push(child); });
  }
  return true;
}

function isNothing(type: ts.TypeNode): boolean {
  if (type.kind === ts.SyntaxKind.VoidKeyword || type.kind === ts.SyntaxKind.UndefinedKeyword || type.kind === ts.SyntaxKind.NeverKeyword) return true;
  return ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise' && type.typeArguments?.length === 1 && isNothing(type.typeArguments[0]);
}

/** The innermost function around a node. */
export function enclosingFunctionOf(node: ts.Node): FunctionNode | undefined {
  for (let parent = node.parent as ts.Node | undefined; parent !== undefined; parent = parent.parent) {
    if (ts.isFunctionLike(parent)) return parent as FunctionNode;
  }
  return undefined;
}

/** The name a function is called by: its own, its variable's, its property's or its method's. */
export function functionName(node: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name !== undefined && ts.isIdentifier(node.name)) {
    return node.name.text;
  }
  if (ts.isSetAccessorDeclaration(node)) return inputName(node);
  let parent = node.parent as ts.Node | undefined;
  // React's `useCallback(fn, deps)` gives back `fn` itself: `const check = useCallback((flag) => …, [flags])` is named `check`.
  if (parent !== undefined && isUseCallback(parent, node)) parent = parent.parent;
  if (parent === undefined) return undefined;
  const getter = vuexGetterName(node);
  if (getter !== undefined) return getter;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  // Assigned to a property, a function is called by that property's name: `app.config.globalProperties.$isOn = (flag)
  // => …` (Vue), `Vue.prototype.$isOn = …`, `this.isOn = …`.
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node && ts.isPropertyAccessExpression(parent.left)) {
    return parent.left.name.text;
  }
  const injected = injectedName(parent, node);
  if (injected !== undefined) return injected;
  // `export default (flag) => …` and `export default function (flag) {…}` are named by their importers, after the
  // module as a rule (`import useFeatureFlag from './useFeatureFlag'`).
  const anonymousDefault = (ts.isExportAssignment(parent) && parent.isExportEquals !== true)
    || (ts.isFunctionDeclaration(node) && node.name === undefined && (ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) ?? false));
  if (anonymousDefault) return moduleName(node.getSourceFile().fileName);
  // `export const useFlag = memo((key) => ...)` and similar wrappers of the function itself are not followed.
  return undefined;
}

/**
 * A method declared on the type of an object's property, named as it is called, through that property: `features.enabled`
 * for `features: typeof Features & { enabled(feature: Features): boolean }`. An interface's own method has no such name:
 * nothing says what its objects are called.
 */
export function heldMethodName(node: ts.Node): string | undefined {
  if (!ts.isMethodSignature(node) || !ts.isIdentifier(node.name) || !ts.isTypeLiteralNode(node.parent)) return undefined;
  let holder = node.parent.parent;
  while (ts.isIntersectionTypeNode(holder) || ts.isParenthesizedTypeNode(holder)) holder = holder.parent;
  return ts.isPropertySignature(holder) && ts.isIdentifier(holder.name) ? `${holder.name.text}.${node.name.text}` : undefined;
}

/**
 * The callee a function named `name` is called by: a class's private or protected method only on `this`
 * (`this.addClass(feature)`), so that another class's public method of that name (Angular's `renderer.addClass(el,
 * name)`) is not taken for it; any other by its name.
 */
export function ownCallee(node: ts.SignatureDeclaration, name: string): string {
  const member = ts.isMethodDeclaration(node) ? node : ts.isPropertyDeclaration(node.parent) && node.parent.initializer === node ? node.parent : undefined;
  const hidden = member !== undefined && ts.isClassLike(member.parent)
    && (ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword || modifier.kind === ts.SyntaxKind.ProtectedKeyword) ?? false);
  return hidden ? `this.${name}` : name;
}

/**
 * The input an Angular directive's setter or property takes, `@Input() set cxFeature(feature)`, `@Input('appFeatureFlag')
 * set flag(key)`, `@Input('appRemoveIfFeatureOff') featureName: string`: a template binds it as `*cxFeature="'x'"` or
 * `appRemoveIfFeatureOff="Sep"`, which its script view reads as a call (see angular.ts).
 */
function inputName(member: ts.SetAccessorDeclaration | ts.PropertyDeclaration): string | undefined {
  const input = decoratorCall(member, 'Input');
  if (input === undefined || !ts.isIdentifier(member.name)) return undefined;
  const [alias] = input.arguments;
  return alias !== undefined && ts.isStringLiteralLike(alias) ? alias.text : member.name.text;
}

/**
 * The input of the class around a check whose key is one of its input properties (`this.featureOn(this.featureName)` in a
 * directive with `@Input('appRemoveIfFeatureOff') featureName`): the directive is a wrapper by the input's name.
 */
export function directiveInputOf(innermost: FunctionNode | undefined, key: string): { name: string; node: ts.ClassLikeDeclaration } | undefined {
  const field = /^this\.([\w$]+)$/.exec(key)?.[1];
  if (field === undefined) return undefined;
  for (let node: ts.Node | undefined = innermost; node !== undefined; node = node.parent) {
    if (!ts.isClassLike(node)) continue;
    const property = node.members.find((member): member is ts.PropertyDeclaration => ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === field);
    const name = property === undefined ? undefined : inputName(property);
    return name === undefined ? undefined : { name, node };
  }
  return undefined;
}

// Array methods whose callback is given each item of the list they are called on, first.
const ITEM_CALLBACKS = new Set(['some', 'every', 'filter', 'find', 'findIndex', 'forEach', 'map']);

/**
 * The function around a callback given each item of its rest parameter (`hasAnyAuthorisedFeature(authorised,
 * ...features) { return features.some((feature) => isEnabled(feature)) }`): each argument its calls pass there is a key
 * the callback checks. Undefined when the callback iterates anything else (a list passed whole may be any name's).
 */
export function iteratedRestParameter(callback: FunctionNode): { fn: FunctionNode; index: number } | undefined {
  const iteration = callback.parent;
  if (!ts.isCallExpression(iteration) || iteration.arguments[0] !== callback || !ts.isPropertyAccessExpression(iteration.expression)) return undefined;
  if (!ITEM_CALLBACKS.has(iteration.expression.name.text) || !ts.isIdentifier(iteration.expression.expression)) return undefined;
  const list = iteration.expression.expression.text;
  for (let fn = enclosingFunctionOf(callback); fn !== undefined; fn = enclosingFunctionOf(fn)) {
    const index = callParameters(fn).findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === list);
    if (index >= 0) return callParameters(fn)[index].dotDotDotToken === undefined ? undefined : { fn, index };
  }
  return undefined;
}

// RxJS operators whose callback is given each value of the stream they are piped on.
const STREAM_OPERATORS = new Set(['map', 'switchMap', 'mergeMap', 'concatMap', 'exhaustMap', 'filter']);

/**
 * The members of a class that feed a subject of its own whose stream a callback takes its first parameter from: for
 * `this.feature$.pipe(switchMap((feature) => this.flags.enabled$(feature)))`, each member that passes a parameter to
 * `this.feature$.next(…)`, as an Angular directive's input does (`@Input() set ishFeature(feature) { this.feature$.next(feature); }`).
 * The value a caller gives such a member is the callback's, so the member forwards its key.
 */
export function subjectFeeders(callback: FunctionNode): Array<{ member: FunctionNode; index: number }> {
  const operator = callback.parent;
  if (!ts.isCallExpression(operator) || operator.arguments[0] !== callback || !ts.isIdentifier(operator.expression) || !STREAM_OPERATORS.has(operator.expression.text)) return [];
  const pipe = operator.parent;
  if (!ts.isCallExpression(pipe) || !pipe.arguments.includes(operator) || !ts.isPropertyAccessExpression(pipe.expression) || pipe.expression.name.text !== 'pipe') return [];
  // Piped at once on the subject: an operator before this one may have changed the values.
  if (pipe.arguments[0] !== operator) return [];
  const subject = pipe.expression.expression;
  if (!ts.isPropertyAccessExpression(subject) || subject.expression.kind !== ts.SyntaxKind.ThisKeyword) return [];
  const field = subject.name.text;
  let owner: ts.Node | undefined = pipe.parent;
  while (owner !== undefined && !ts.isClassLike(owner)) owner = owner.parent;
  if (owner === undefined) return [];
  const feeders: Array<{ member: FunctionNode; index: number }> = [];
  for (const member of owner.members) {
    if (!(ts.isMethodDeclaration(member) || ts.isSetAccessorDeclaration(member)) || member.body === undefined) continue;
    const index = member.body.statements.map((statement) => fedParameter(statement, field, member)).find((found) => found !== undefined);
    if (index !== undefined) feeders.push({ member, index });
  }
  return feeders;
}

/** The index of the member's parameter a statement `this.<field>.next(parameter)` passes, if it is one. */
function fedParameter(statement: ts.Statement, field: string, member: FunctionNode): number | undefined {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return undefined;
  const { expression: callee, arguments: [argument] } = statement.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'next' || !ts.isPropertyAccessExpression(callee.expression)) return undefined;
  const target = callee.expression;
  if (target.expression.kind !== ts.SyntaxKind.ThisKeyword || target.name.text !== field || argument === undefined || !ts.isIdentifier(argument)) return undefined;
  const index = callParameters(member).findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === argument.text);
  return index < 0 ? undefined : index;
}

/**
 * The name a plugin gives a function it hands to the injector its host passes it: in Nuxt, `inject('featureFlagIsEnabled',
 * (flag) => …)`, where `inject` is the plugin's parameter, is called `app.$featureFlagIsEnabled(…)` and
 * `this.$featureFlagIsEnabled(…)`. Any injector that is a parameter of a function around the call counts.
 */
function injectedName(call: ts.Node, fn: ts.Node): string | undefined {
  if (!ts.isCallExpression(call) || call.arguments.length !== 2 || call.arguments[1] !== fn || !ts.isIdentifier(call.expression)) return undefined;
  const [name] = call.arguments;
  if (!ts.isStringLiteralLike(name) || !/^[A-Za-z_$][\w$]*$/.test(name.text)) return undefined;
  // Vue's own `inject(key, defaultValue)` is imported, not a parameter: its function is a default, called by no name.
  return isParameterAround(call, call.expression.text) ? `$${name.text}` : undefined;
}

/** True when `name` is a parameter of a function around `node` (a Nuxt plugin's `inject`), not an import. */
export function isParameterAround(node: ts.Node, name: string): boolean {
  for (let scope: ts.Node | undefined = node.parent; scope !== undefined; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name)) return true;
  }
  return false;
}

/**
 * A Vuex getter that gives back a function, `getters: { isEnabled: (state) => (name) => state.flags[name] }` or
 * `isEnabled(state) { return (name) => … }`: that function is called by the getter's name,
 * `store.getters['features/isEnabled'](name)`, `rootGetters['features/isEnabled'](name)`, or `this.isEnabled(name)`
 * where `mapGetters` maps it. Only in an object named `getters`, the store module's.
 */
export function vuexGetterName(fn: ts.Node): string | undefined {
  let getter: ts.Node | undefined = fn.parent;
  if (getter !== undefined && ts.isReturnStatement(getter)) getter = ts.isBlock(getter.parent) ? getter.parent.parent : undefined;
  else if (getter !== undefined && !(ts.isArrowFunction(getter) && getter.body === fn)) return undefined;
  if (getter === undefined || !(ts.isArrowFunction(getter) || ts.isFunctionExpression(getter) || ts.isMethodDeclaration(getter))) return undefined;
  const property = ts.isMethodDeclaration(getter) ? getter : getter.parent;
  if (!(ts.isPropertyAssignment(property) || ts.isMethodDeclaration(property)) || !ts.isIdentifier(property.name) || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  const holder = property.parent.parent;
  const holderName = (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) && ts.isIdentifier(holder.name) ? holder.name.text : undefined;
  return holderName === 'getters' ? property.name.text : undefined;
}

function isUseCallback(call: ts.Node, fn: ts.Node): boolean {
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return false;
  const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression;
  return ts.isIdentifier(callee) && callee.text === 'useCallback';
}

// A module's default export given a name: `import config from '~/core/firebase/remoteConfig'` (a named import may follow).
const DEFAULT_IMPORT = /\bimport\s+([\w$]+)\s*(?:,\s*\{[^}]*\}\s*)?from\s*['"]([^'"]+)['"]/g;
// A CommonJS module's export given a name: `const featureToggle = require('app/utils/FeatureToggle')`.
const WHOLE_REQUIRE = /\b(?:const|let|var)\s+([\w$]+)\s*=\s*require\s*\(\s*['"]([^'"\n]+)['"]/g;

/**
 * The names the workspace's modules give `file`'s default export (and, with `requires`, what `require` gives of it): an
 * import whose path, not a package's name, ends with the module's name.
 */
export function namesGivenModule(file: string, trees: SourceTrees, options: { requires?: boolean } = {}): Set<string> {
  const stem = posix.basename(file).replace(/\.[^.]*$/, '');
  const names = new Set<string>();
  for (const source of trees.sources) {
    if (!source.text.includes(stem)) continue;
    for (const form of options.requires === true ? [DEFAULT_IMPORT, WHOLE_REQUIRE] : [DEFAULT_IMPORT]) {
      for (const [, name, specifier] of source.text.matchAll(form)) {
        if (specifier.includes('/') && posix.basename(specifier).replace(/\.[cm]?[jt]sx?$/, '') === stem) names.add(name);
      }
    }
  }
  return names;
}

/** The names a module imports by name (`import { useFlags as useLD } from 'x'`): each local name, the name its module exports, and the module. */
export function namedImports(sourceFile: ts.SourceFile): Array<{ local: string; imported: string; specifier: string }> {
  const imports: Array<{ local: string; imported: string; specifier: string }> = [];
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) imports.push({ local: element.name.text, imported: (element.propertyName ?? element.name).text, specifier: statement.moduleSpecifier.text });
  }
  return imports;
}

/** The name importers give a module's default export as a rule: its file's (its folder's, for an index), camelCased. */
function moduleName(file: string): string | undefined {
  const parts = file.split('/');
  let base = (parts.pop() ?? '').replace(/\..*$/, '');
  if (base === 'index') base = parts.pop() ?? '';
  const name = base.replace(/[-_.]+([A-Za-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : undefined;
}

/**
 * Which parameter a key's source text reads: `flag` → its index; `options.key` or a destructured `{ key }` → index and
 * path; also through one `const` of the function's own body that takes it from a parameter (`const { key } = options`,
 * `const key = options.key`).
 */
export function parameterOf(node: ts.SignatureDeclaration, keyText: string, throughLocal = true): { index: number; keyPath?: string[] } | undefined {
  const [first, ...rest] = keyText.split('.');
  if (rest.some((name) => !/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name))) return undefined;
  const local = throughLocal ? localSourceText(node, first) : undefined;
  if (local !== undefined) return parameterOf(node, [local, ...rest].join('.'), false);
  for (const [index, parameter] of callParameters(node).entries()) {
    if (ts.isIdentifier(parameter.name) && parameter.name.text === first) return rest.length === 0 ? { index } : { index, keyPath: rest };
    // A property destructured from the parameter, or read further into (`feature.id` of `({ feature }) => …`).
    if (ts.isObjectBindingPattern(parameter.name)) {
      for (const element of parameter.name.elements) {
        if (!ts.isIdentifier(element.name) || element.name.text !== first || element.dotDotDotToken !== undefined) continue;
        const property = element.propertyName === undefined ? first : ts.isIdentifier(element.propertyName) || ts.isStringLiteral(element.propertyName) ? element.propertyName.text : undefined;
        return property === undefined ? undefined : { index, keyPath: [property, ...rest] };
      }
    }
  }
  return undefined;
}

/**
 * The text a `const` at the top of the function's body gives `name` from: `options.key` for `const { key } = options`
 * or `const key = options.key`; undefined when no such `const` declares it (a `let` may change before the check).
 */
function localSourceText(node: ts.SignatureDeclaration, name: string): string | undefined {
  const body = (node as { body?: ts.Node }).body;
  if (body === undefined || !ts.isBlock(body)) return undefined;
  for (const statement of body.statements) {
    if (!ts.isVariableStatement(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      const from = declaration.initializer === undefined ? undefined : accessText(declaration.initializer);
      if (from === undefined) continue;
      if (ts.isIdentifier(declaration.name)) {
        if (declaration.name.text === name) return from;
        continue;
      }
      if (!ts.isObjectBindingPattern(declaration.name)) continue;
      for (const element of declaration.name.elements) {
        if (!ts.isIdentifier(element.name) || element.name.text !== name || element.dotDotDotToken !== undefined) continue;
        const property = element.propertyName === undefined ? name : ts.isIdentifier(element.propertyName) || ts.isStringLiteral(element.propertyName) ? element.propertyName.text : undefined;
        return property === undefined ? undefined : `${from}.${property}`;
      }
    }
  }
  return undefined;
}

/** `options.key` for a chain of names, also written as texts (`route.data['featureName']`), else undefined. */
function accessText(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  const name = ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.name) ? expression.name.text
    : ts.isElementAccessExpression(expression) && ts.isStringLiteralLike(expression.argumentExpression) && /^[A-Za-z_$][\w$]*$/.test(expression.argumentExpression.text)
      ? expression.argumentExpression.text : undefined;
  if (name === undefined) return undefined;
  const object = accessText((expression as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
  return object === undefined ? undefined : `${object}.${name}`;
}

/**
 * The class component one of whose methods reads the key from its props (`const { treatmentName } = this.props` in its
 * `render()`, or `this.props.treatmentName` in place), and that prop: the element that renders it, `<FeatureTreatment treatmentName={…}>`, passes the key, as
 * it passes a function component's first argument.
 */
export function componentPropOf(innermost: FunctionNode | undefined, key: string): { name: string; prop: string; node: ts.ClassLikeDeclaration } | undefined {
  for (let node: FunctionNode | undefined = innermost; node !== undefined; node = enclosingFunctionOf(node)) {
    // A method, or an arrow function held by a class's property (`render = () => …`).
    const member: ts.Node = ts.isPropertyDeclaration(node.parent) ? node.parent : node;
    const owner = member.parent;
    if (!ts.isClassLike(owner)) continue;
    const prop = THIS_PROP.exec(key)?.[1] ?? propDestructured(node, key);
    return owner.name === undefined || prop === undefined ? undefined : { name: owner.name.text, prop, node: owner };
  }
  return undefined;
}

/** The prop a function destructures from `this.props` under the name `key` (`const { treatmentName: name } = this.props` gives `treatmentName` for `name`). */
function propDestructured(body: ts.Node, key: string): string | undefined {
  let prop: string | undefined;
  const visit = (node: ts.Node): void => {
    if (prop !== undefined || ts.isClassLike(node)) return;
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer !== undefined && isThisProps(node.initializer)) {
      for (const element of node.name.elements) {
        if (element.dotDotDotToken !== undefined || !ts.isIdentifier(element.name) || element.name.text !== key) continue;
        const named = element.propertyName;
        prop = named === undefined ? key : ts.isIdentifier(named) || ts.isStringLiteral(named) ? named.text : undefined;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return prop;
}
