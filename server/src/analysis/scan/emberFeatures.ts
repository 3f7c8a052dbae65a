// ember-feature-flags: the addon's `features` service, injected into an Ember class by @ember/service's `service()` (a
// classic class's property, `Component.extend({ features: service() })`, or a field, `@service features;`), answers a
// flag by its name camelCased (`'pro-version'` is `proVersion`). A class reads it in the ways Ember reads any property:
// `this.features.proVersion`, `this.features.get('proVersion')`, `this.get('features.proVersion')`, `get(this,
// 'features.proVersion')`, or a computed property's macro, `reads('features.proVersion')`, `and('features.a',
// 'features.b')`. Each is a check of that flag (`this.features.isEnabled('x')` is the preset's, see patterns/ember.ts).
//
// The evidence is the injection: the service's property in the class, made by @ember/service's function, and the class's
// own reads of it through `this`. A path or a property read elsewhere (another object's `features`) is none.

import { ts } from 'ts-morph';
import type { FlagPattern } from '../types';
import { keyDraft } from './checks';
import type { ScanState } from './types';

const {
  getDecorators, isCallExpression, isClassLike, isIdentifier, isImportDeclaration, isNamedImports, isObjectLiteralExpression,
  isPropertyAccessExpression, isPropertyAssignment, isPropertyDeclaration, isStringLiteral, isNoSubstitutionTemplateLiteral, forEachChild, SyntaxKind,
} = ts;

// The name the addon registers its service under.
const SERVICE = 'features';
// The service's own methods and fields: a read of one is no flag.
const SERVICE_MEMBERS = new Set(['get', 'set', 'isEnabled', 'enable', 'disable', 'setup', 'flags', 'reset', 'toggleProperty', 'notifyPropertyChange', 'isDestroyed', 'isDestroying']);
// Ember's computed macros that read the values of the paths they are given.
const READING_MACROS = new Set(['reads', 'readOnly', 'oneWay', 'alias', 'not', 'bool', 'and', 'or']);

/** The draft checks of the file's reads of an injected `features` service (see the top of this file). */
export function emberFeatureReads(state: ScanState): void {
  const imported = emberImports(state.sourceFile);
  if (imported.inject.size === 0) return;
  const visit = (node: ts.Node): void => {
    const field = injectedField(node, imported.inject);
    if (field !== undefined) readsIn(state, node, field, imported, !isClassLike(node));
    else forEachChild(node, visit);
  };
  visit(state.sourceFile);
}

interface EmberImports {
  /** The local names of @ember/service's injecting function (`service`, or its older name `inject`). */
  readonly inject: ReadonlySet<string>;
  /** The local name of @ember/object's `get`. */
  readonly get: ReadonlySet<string>;
  /** The local names of @ember/object/computed's reading macros. */
  readonly macros: ReadonlySet<string>;
}

function emberImports(sourceFile: ts.SourceFile): EmberImports {
  const inject = new Set<string>();
  const get = new Set<string>();
  const macros = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!isImportDeclaration(statement) || !isStringLiteral(statement.moduleSpecifier)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      const module = statement.moduleSpecifier.text;
      if (module === '@ember/service' && (name === 'service' || name === 'inject')) inject.add(element.name.text);
      else if (module === '@ember/object' && name === 'get') get.add(element.name.text);
      else if (module === '@ember/object/computed' && READING_MACROS.has(name)) macros.add(element.name.text);
    }
  }
  return { inject, get, macros };
}

/**
 * The property under which a classic class (`X.extend({ features: service() })`) or a class (`@service features;`) holds
 * the service; undefined for any other node. `service('features')` may hold it under another name.
 */
function injectedField(node: ts.Node, inject: ReadonlySet<string>): string | undefined {
  if (isCallExpression(node) && isPropertyAccessExpression(node.expression) && (node.expression.name.text === 'extend' || node.expression.name.text === 'create')) {
    for (const argument of node.arguments) {
      if (!isObjectLiteralExpression(argument)) continue;
      for (const property of argument.properties) {
        if (isPropertyAssignment(property) && isIdentifier(property.name) && injects(property.initializer, inject, property.name.text)) return property.name.text;
      }
    }
  }
  if (isClassLike(node)) {
    for (const member of node.members) {
      if (!isPropertyDeclaration(member) || !isIdentifier(member.name)) continue;
      const name = member.name.text;
      if ((getDecorators(member) ?? []).some((decorator) => injects(decorator.expression, inject, name))) return name;
    }
  }
  return undefined;
}

/** True when `expression` injects the service under `name`: `service()` for a property named `features`, or `service('features')`. */
function injects(expression: ts.Expression, inject: ReadonlySet<string>, name: string): boolean {
  const call = isCallExpression(expression) ? expression : undefined;
  const callee = call === undefined ? expression : call.expression;
  if (!isIdentifier(callee) || !inject.has(callee.text)) return false;
  const [given] = call?.arguments ?? [];
  return given === undefined ? name === SERVICE : isStringLiteral(given) && given.text === SERVICE;
}

const PATTERN: FlagPattern = { sdk: 'ember', callee: 'features.get', kind: 'call', keyArg: 0, valueType: 'boolean', negate: false, camelCaseKeys: true };

/** The checks of the reads of the service held at `field` in a class `owner`, through `this`. */
function readsIn(state: ScanState, owner: ts.Node, field: string, imported: EmberImports, classic: boolean): void {
  const evidence = `ember-feature-flags' ${SERVICE} service, injected into the class with @ember/service's service() as ${field}`;
  const value = { ...PATTERN, evidence, returns: { kind: 'value' as const } };
  // A path of Ember's get names the flag after the service's property: `features.proVersion`.
  const path = { ...PATTERN, evidence, returns: { kind: 'other' as const, what: 'a value Ember reads by its path, not a call the clean-up can replace' } };
  // A key inside a path or a property's name is the part of it that names the flag; a key given alone is the literal.
  const add = (pattern: FlagPattern, method: string, whole: ts.Node, keyNode: ts.Expression, key: string, keyStart?: number): void => {
    const start = keyStart ?? keyNode.getStart(state.sourceFile);
    const taken = state.drafts.findIndex((draft) => draft.check.keySpan.start === start);
    // A preset's draft that waits for evidence gives way: the injection is the evidence. Only the Ember preset's own draft of a
    // class's decorated field gets it (a classic class's property gives none, and another vendor's `isEnabled` none here).
    const waiting = taken >= 0 && state.drafts[taken].evidence !== undefined && (classic || state.drafts[taken].check.sdk !== 'ember');
    if (taken >= 0 && !waiting) return;
    if (taken >= 0) state.drafts.splice(taken, 1);
    const draft = keyDraft(state, pattern, method, whole, undefined, keyNode);
    state.drafts.push(keyStart === undefined ? draft : { ...draft, check: { ...draft.check, keySpan: { start, end: start + key.length }, keyIsLiteral: false }, keyValue: key });
  };
  const pathKey = (argument: ts.Expression | undefined): string | undefined => {
    if (argument === undefined || !(isStringLiteral(argument) || isNoSubstitutionTemplateLiteral(argument))) return undefined;
    const key = argument.text.startsWith(`${field}.`) ? argument.text.slice(field.length + 1) : '';
    return /^[\w$-]+$/.test(key) && !SERVICE_MEMBERS.has(key) ? key : undefined;
  };
  const addPaths = (call: ts.CallExpression, method: string, args: readonly ts.Expression[]): void => {
    for (const argument of args) {
      const key = pathKey(argument);
      if (key !== undefined) add(path, method, call, argument, key, argument.getStart(state.sourceFile) + 1 + field.length + 1);
    }
  };
  // The walk keeps each node's parent: the scanner's trees have no parent links.
  const visit = (node: ts.Node, parent: ts.Node): void => {
    if (isCallExpression(node)) {
      const callee = node.expression;
      // this.get('features.x'), get(this, 'features.x'), reads('features.x')
      if (isPropertyAccessExpression(callee) && callee.expression.kind === SyntaxKind.ThisKeyword && callee.name.text === 'get') addPaths(node, 'get', node.arguments.slice(0, 1));
      else if (isIdentifier(callee) && imported.get.has(callee.text) && node.arguments[0]?.kind === SyntaxKind.ThisKeyword) addPaths(node, 'get', node.arguments.slice(1, 2));
      else if (isIdentifier(callee) && imported.macros.has(callee.text)) addPaths(node, callee.text, node.arguments);
      // this.features.get('x'), and this.features.isEnabled('x') in a classic class, which the preset's evidence does not see
      else if (isPropertyAccessExpression(callee) && (callee.name.text === 'get' || callee.name.text === 'isEnabled') && isServiceRead(callee.expression, field) && node.arguments.length === 1) {
        const [argument] = node.arguments;
        if (isStringLiteral(argument)) add(value, `${field}.${callee.name.text}`, node, argument, argument.text);
      }
    } else if (isPropertyAccessExpression(node) && isServiceRead(node.expression, field) && !SERVICE_MEMBERS.has(node.name.text) && !isWrittenOrCalled(node, parent)) {
      // this.features.proVersion
      add(value, `${field}.${node.name.text}`, node, node.name, node.name.text, node.name.getStart(state.sourceFile));
    }
    forEachChild(node, (child) => visit(child, node));
  };
  forEachChild(owner, (child) => visit(child, owner));
}

/** `this.features`: the class's own service. */
function isServiceRead(expression: ts.Expression, field: string): boolean {
  return isPropertyAccessExpression(expression) && expression.expression.kind === SyntaxKind.ThisKeyword && expression.name.text === field;
}

/** True for a property the code assigns or calls (`this.features.x = …`, `this.features.setup(…)`): no read of a flag. */
function isWrittenOrCalled(node: ts.PropertyAccessExpression, parent: ts.Node): boolean {
  if (isCallExpression(parent) && parent.expression === node) return true;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= SyntaxKind.FirstAssignment && parent.operatorToken.kind <= SyntaxKind.LastAssignment;
}
