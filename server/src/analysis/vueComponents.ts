// What a Vue component's script declares for its template: its props, the names the element rendering the component
// gives (`<feature-flag name="x">`), which the component's code reads as parameters; its name; and custom directives,
// whose attribute's value (`v-feature="'beta'"`) their hooks read. In the options API the props are the keys of the
// options' `props` (read as `this.name`, or destructured from `this`); in `<script setup>`, what `defineProps()` gives
// (see `isDefinedProps`).

import { posix } from 'node:path';
import { ts } from 'ts-morph';
import { isDefinedProps, propertyNameText, unwrap } from './scan/values';
import { pascalCase } from './vue';

const optionsOfFiles = new WeakMap<ts.SourceFile, ts.ObjectLiteralExpression | null>();

/**
 * The options object a component's script exports: `export default { … }`, also given to a helper that only types it
 * (`defineComponent({ … })`, `Vue.extend({ … })`). Undefined for any other file.
 */
function componentOptions(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let options = optionsOfFiles.get(sourceFile);
  if (options === undefined) {
    options = null;
    for (const statement of sourceFile.statements) {
      if (!ts.isExportAssignment(statement) || statement.isExportEquals === true) continue;
      let value = unwrap(statement.expression);
      if (ts.isCallExpression(value) && value.arguments.length === 1) value = unwrap(value.arguments[0]);
      if (ts.isObjectLiteralExpression(value)) options = value;
    }
    optionsOfFiles.set(sourceFile, options);
  }
  return options ?? undefined;
}

/** The props an options component declares: the keys of its `props` object, or the names its `props` array lists. */
export function optionProps(sourceFile: ts.SourceFile): ReadonlySet<string> {
  const names = new Set<string>();
  const props = optionValue(componentOptions(sourceFile), 'props');
  if (props !== undefined && ts.isObjectLiteralExpression(props)) {
    for (const property of props.properties) {
      const name = property.name === undefined ? undefined : propertyNameText(property.name);
      if (name !== undefined) names.add(name);
    }
  } else if (props !== undefined && ts.isArrayLiteralExpression(props)) {
    for (const element of props.elements) if (ts.isStringLiteralLike(element)) names.add(element.text);
  }
  return names;
}

/**
 * The name templates render a component by: its options' `name` (`'feature-flag'`, also in `defineOptions({ name })`),
 * else its file's (`FeatureGuard.vue`; the folder's for `index.vue` and `component.vue`), in PascalCase.
 */
function componentName(sourceFile: ts.SourceFile): string | undefined {
  const named = optionValue(componentOptions(sourceFile) ?? definedOptions(sourceFile), 'name');
  let name = named !== undefined && ts.isStringLiteralLike(named) ? named.text : posix.basename(sourceFile.fileName).replace(/\.vue$/i, '');
  if (named === undefined && /^(?:index|component)$/i.test(name)) name = posix.basename(posix.dirname(sourceFile.fileName));
  const pascal = pascalCase(name, /[-_\s]+/);
  return /^[A-Z][\w$]*$/.test(pascal) ? pascal : undefined;
}

/** The object `defineOptions({ … })` is given in `<script setup>`. */
function definedOptions(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    const call = unwrap(statement.expression);
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'defineOptions') continue;
    const options = call.arguments[0] === undefined ? undefined : unwrap(call.arguments[0]);
    if (options !== undefined && ts.isObjectLiteralExpression(options)) return options;
  }
  return undefined;
}

function optionValue(options: ts.ObjectLiteralExpression | undefined, name: string): ts.Expression | undefined {
  for (const property of options?.properties ?? []) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return unwrap(property.initializer);
  }
  return undefined;
}

/**
 * The Vue component whose prop is the key (`featureRunning(props.name)`, `isEnabled({ name: this.name })`), and that prop:
 * its element in a template, `<feature-flag name="x">`, passes the key, as a JSX element's attribute does.
 */
export function vueComponentPropOf(sourceFile: ts.SourceFile, around: ts.Node, key: string): { name: string; prop: string; node: ts.Node } | undefined {
  const read = propReadAs(sourceFile, around, key);
  const name = read === undefined ? undefined : componentName(sourceFile);
  return read === undefined || name === undefined ? undefined : { name, prop: read.prop, node: read.declaration };
}

/**
 * The prop of a component a key read at `node` is (`name` for `this.name`, `props.name`, or `name` destructured from
 * `this`, from `defineProps()` or from `setup`'s props), with the declaration that makes it one. Undefined for any other
 * key, and in any file but a Vue component.
 */
function propReadAs(sourceFile: ts.SourceFile, node: ts.Node, key: string): { prop: string; declaration: ts.Node } | undefined {
  if (!/\.vue$/i.test(sourceFile.fileName)) return undefined;
  const options = componentOptions(sourceFile);
  const path = /^([\w$]+)\.([\w$]+)$/.exec(key);
  if (path?.[1] === 'this') return optionProps(sourceFile).has(path[2]) && options !== undefined ? { prop: path[2], declaration: options } : undefined;
  const holder = path === null ? undefined : propsHolder(sourceFile, path[1]);
  if (path !== null) return holder === undefined ? undefined : { prop: path[2], declaration: holder };
  // A name destructured from the props, in a function around the read or at the script's top.
  for (let scope: ts.Node | undefined = node; scope !== undefined; scope = scope.parent) {
    if (!ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) continue;
    const found = destructuredProp(sourceFile, scope, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The declaration that makes `name` the props at the script's top (`const props = defineProps()`) or `setup`'s first parameter. */
function propsHolder(sourceFile: ts.SourceFile, name: string): ts.Node | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name && declaration.initializer !== undefined && isDefinedProps(declaration.initializer)) return declaration;
    }
  }
  const setup = setupParameter(sourceFile);
  return setup !== undefined && ts.isIdentifier(setup.name) && setup.name.text === name ? setup : undefined;
}

/** The first parameter of the options' `setup(props)`: the props. */
function setupParameter(sourceFile: ts.SourceFile): ts.ParameterDeclaration | undefined {
  for (const property of componentOptions(sourceFile)?.properties ?? []) {
    const setup = ts.isMethodDeclaration(property) ? property : ts.isPropertyAssignment(property) && ts.isFunctionLike(unwrap(property.initializer)) ? (unwrap(property.initializer) as ts.SignatureDeclaration) : undefined;
    if (setup !== undefined && property.name !== undefined && propertyNameText(property.name) === 'setup') return setup.parameters[0];
  }
  return undefined;
}

/** The prop `key` is destructured from, directly in `scope` (a function's own statements and parameters, or the script's top). */
function destructuredProp(sourceFile: ts.SourceFile, scope: ts.Node, key: string): { prop: string; declaration: ts.Node } | undefined {
  const setup = setupParameter(sourceFile);
  if (setup !== undefined && ts.isFunctionLike(scope) && scope.parameters[0] === setup && ts.isObjectBindingPattern(setup.name)) {
    const prop = boundProperty(setup.name, key);
    if (prop !== undefined) return { prop, declaration: setup };
  }
  let found: { prop: string; declaration: ts.Node } | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || (node !== scope && ts.isFunctionLike(node))) return;
    if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer !== undefined) {
      const fromThis = unwrap(node.initializer).kind === ts.SyntaxKind.ThisKeyword;
      const prop = fromThis || isDefinedProps(node.initializer) ? boundProperty(node.name, key) : undefined;
      if (prop !== undefined && (!fromThis || optionProps(sourceFile).has(prop))) found = { prop, declaration: node };
    }
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return found;
}

/** The property a binding pattern gives the name `key` (`{ name }`, `{ name: flagName }` for `flagName`). */
function boundProperty(pattern: ts.ObjectBindingPattern, key: string): string | undefined {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken !== undefined || !ts.isIdentifier(element.name) || element.name.text !== key) continue;
    return element.propertyName === undefined ? key : propertyNameText(element.propertyName);
  }
  return undefined;
}

// The hooks of a custom directive, Vue 3's and Vue 2's: each is given the element and the binding.
const DIRECTIVE_HOOKS = new Set(['created', 'beforeMount', 'mounted', 'beforeUpdate', 'updated', 'bind', 'inserted', 'update', 'componentUpdated']);

/**
 * The custom directive a function is, or is a hook of, named as a `<script setup>` names it (`vFeature`), when its key is
 * the binding's value (`isEnabled(binding.value)`): its element's attribute, `v-feature="'beta'"`, gives the key. The
 * directive's name is its constant's (`const vFeature = { mounted(el, binding) {…} }`, `export const featureOn = {…}`),
 * the one it is registered under (`app.directive('feature', {…})`) or its key among a component's `directives`.
 */
export function directiveOf(fn: ts.SignatureDeclaration, keyArgument: { index: number; keyPath?: readonly string[] }): { name: string; node: ts.Node } | undefined {
  if (keyArgument.index !== 1 || keyArgument.keyPath?.length !== 1 || keyArgument.keyPath[0] !== 'value') return undefined;
  // A hook of an object (`mounted(el, binding) {…}`, `bind: function (el, binding) {…}`), or the directive itself.
  const holder = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyAssignment(fn.parent) ? fn.parent : undefined;
  const hook = holder?.name === undefined ? undefined : propertyNameText(holder.name);
  let definition: ts.Node = fn;
  if (holder !== undefined && ts.isObjectLiteralExpression(holder.parent)) {
    if (hook === undefined || !DIRECTIVE_HOOKS.has(hook)) return undefined;
    definition = holder.parent;
  }
  while (ts.isParenthesizedExpression(definition.parent) || ts.isAsExpression(definition.parent) || ts.isSatisfiesExpression(definition.parent)) definition = definition.parent;
  const at = definition.parent;
  let name: string | undefined;
  if (ts.isVariableDeclaration(at) && at.initializer === definition && ts.isIdentifier(at.name)) name = at.name.text;
  else if (ts.isPropertyAssignment(at) && at.initializer === definition && ts.isObjectLiteralExpression(at.parent) && ts.isPropertyAssignment(at.parent.parent) && propertyNameText(at.parent.parent.name) === 'directives') name = propertyNameText(at.name);
  else if (ts.isCallExpression(at) && at.arguments[1] === definition && ts.isPropertyAccessExpression(at.expression) && at.expression.name.text === 'directive' && ts.isStringLiteralLike(at.arguments[0])) name = at.arguments[0].text;
  if (name === undefined) return undefined;
  const identifier = /^v[A-Z]/.test(name) ? name : `v${pascalCase(name)}`;
  return /^v[A-Z][\w$]*$/.test(identifier) ? { name: identifier, node: definition } : undefined;
}
