// Bags bound by destructuring: a property of a bag object destructured (`const { flags } = uiConfig`), at any depth;
// a variable of a bag's name declared as a subset of its keys; the bags `Promise.all` gives, each at its place.

import { ts } from 'ts-morph';
import { destructuredObjectBag, type ObjectBag } from '../bags';
import { booleanPropertiesOf, boundNames, typeOfBinding } from '../fetchedTypes';
import { addDestructuredBagChecks, bagSourceOf, objectBagSource } from './bagReads';
import { declare, declareOpaqueNames } from './bindings';
import type { ScanState } from './types';
import { propertyNameText } from './values';

const {
  isArrayBindingPattern, isArrayLiteralExpression, isAwaitExpression, isCallExpression, isIdentifier, isObjectBindingPattern, isOmittedExpression,
  isParenthesizedExpression, isPropertyAccessExpression, isSpreadElement,
} = ts;

/**
 * `const { flags } = uiConfig` where `uiConfig.flags` is a bag that lists its keys: `flags` is that bag; and `const {
 * uiConfig: { flags: { newNav } } } = useUiConfig()` reads the flag where it is destructured, at any depth. True when one
 * of the names is a bag or reads one; the others are declared as names of unknown value.
 */
export function declareDestructuredBags(state: ScanState, pattern: ts.ObjectBindingPattern, from: ts.Expression): boolean {
  const found = new Map<ts.BindingElement, ObjectBag>();
  const collect = (inner: ts.ObjectBindingPattern, path: readonly string[]): void => {
    for (const element of inner.elements) {
      const property = element.propertyName === undefined ? (isIdentifier(element.name) ? element.name.text : undefined) : propertyNameText(element.propertyName);
      if (property === undefined || element.dotDotDotToken !== undefined || isArrayBindingPattern(element.name)) continue;
      const bag = destructuredObjectBag(from, [...path, property], state.objectBags);
      if (bag !== undefined) found.set(element, bag);
      else if (isObjectBindingPattern(element.name)) collect(element.name, [...path, property]);
    }
  };
  collect(pattern, []);
  if (found.size === 0) return false;
  const declareAll = (inner: ts.ObjectBindingPattern): void => {
    for (const element of inner.elements) {
      const bag = found.get(element);
      if (bag !== undefined && isIdentifier(element.name)) {
        declare(state, element.name.text, undefined, objectBagSource(bag));
        continue;
      }
      if (bag !== undefined && isObjectBindingPattern(element.name)) addDestructuredBagChecks(state, objectBagSource(bag), element.name);
      if (bag === undefined && isObjectBindingPattern(element.name)) declareAll(element.name);
      else declareOpaqueNames(state, element.name);
    }
  };
  declareAll(pattern);
  return true;
}

/**
 * `const { data: features } = useSWR<{ tokens: boolean }>(…)` where `features` is a bag that lists `tokens`: a variable
 * of the bag's name declared as an object of booleans, each a key the bag lists, is that bag. True when one is; the
 * other names are declared as names of unknown value.
 */
export function declareTypedSubsetBag(state: ScanState, declaration: ts.VariableDeclaration): boolean {
  if (!state.objectBags.some((bag) => bag.keys !== undefined)) return false;
  const bagged = boundNames(declaration).find((name) => {
    const bag = state.objectBags.find((candidate) => candidate.keys !== undefined && candidate.names.length === 1 && candidate.names[0] === name);
    const type = bag === undefined ? undefined : typeOfBinding(declaration, name);
    const keys = type === undefined ? undefined : booleanPropertiesOf(type);
    return keys !== undefined && keys.every((key) => bag?.keys?.has(key) === true);
  });
  if (bagged === undefined) return false;
  const bag = state.objectBags.find((candidate) => candidate.names.length === 1 && candidate.names[0] === bagged) as ObjectBag;
  declare(state, bagged, undefined, objectBagSource(bag));
  if (isObjectBindingPattern(declaration.name)) {
    for (const element of declaration.name.elements) if (!isIdentifier(element.name) || element.name.text !== bagged) declareOpaqueNames(state, element.name);
  }
  return true;
}

/**
 * `const [document, featureFlags] = await Promise.all([getDocument(), getFeatureFlags()])`: each name holds what the
 * promise at its place gives, so the one at a bag call's place is that bag. True when one is; the other names are
 * declared as names of unknown value.
 */
export function declareAwaitedAllBags(state: ScanState, pattern: ts.ArrayBindingPattern, from: ts.Expression): boolean {
  let awaited = from;
  while (isParenthesizedExpression(awaited)) awaited = awaited.expression;
  if (!isAwaitExpression(awaited)) return false;
  const call = awaited.expression;
  if (!isCallExpression(call) || !isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'all') return false;
  if (!isIdentifier(call.expression.expression) || call.expression.expression.text !== 'Promise') return false;
  const promises = call.arguments[0];
  if (promises === undefined || !isArrayLiteralExpression(promises)) return false;
  // A spread moves every later promise to a place the text does not say.
  const spread = promises.elements.findIndex(isSpreadElement);
  const known = spread === -1 ? promises.elements.length : spread;
  const bags = pattern.elements.map((element, index) =>
    isOmittedExpression(element) || element.dotDotDotToken !== undefined || !isIdentifier(element.name) || index >= known ? undefined : bagSourceOf(state, promises.elements[index]));
  if (bags.every((bag) => bag === undefined)) return false;
  pattern.elements.forEach((element, index) => {
    const bag = bags[index];
    if (isOmittedExpression(element)) return;
    if (bag !== undefined && isIdentifier(element.name)) declare(state, element.name.text, undefined, bag);
    else declareOpaqueNames(state, element.name);
  });
  return true;
}
