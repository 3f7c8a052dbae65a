// Flag options: a team's wrapper that takes its key from a property of its argument (`isSectionHidden(item)` reading
// `item.data.featureKey`) is handed objects written elsewhere, in a table of menu items, routes or plugins
// (`{ title: 'Invoices', data: { featureKey: FeatureEnum.FEATURE_INVOICE } }`), long before the call. Each such object
// names the flag that gates it, so the option is a check, at the property, as `<IfFeatureEnabled feature="x">` is.
//
// The evidence is the wrapper's key path, not a name: only the paths of the team's own wrappers count, and only a path
// whose last property says flag or feature (a `key` or `name` is every object's). The object literal must have the
// whole path, the value must be a key written there (a string, or a member of an enum or constant object), and an
// object handed straight to a function that says it logs, records or changes a flag is headed there instead.
//
// An option may also be named on its own, with no wrapper: a property declared with the type of the registry's keys, or a
// list of them (`featureToggle?: FeatureName`, `featureFlagDependency?: FeatureFlagEnvVar[]`), names the flags that gate
// every object it is written in, whatever code reads it; a list written there names one flag per key.

import { ts } from 'ts-morph';
import { saysNotEvaluating } from '../callNames';
import { calleeLastName } from '../patterns/define';
import { GUARD_METHODS, isGuardOption } from '../patterns/options';
import { lookupBinding } from './bindings';
import { keyDraft, lastNameOf } from './checks';
import type { ScanState } from './types';
import { unwrap } from './values';

const { isArrayLiteralExpression, isCallExpression, isIdentifier, isNoSubstitutionTemplateLiteral, isObjectLiteralExpression, isPropertyAccessExpression, isPropertyAssignment, isStringLiteral } = ts;

/**
 * An object literal that holds a wrapper's key path, or an option named as such: one draft check per path, at the property
 * that holds the key, or one per key of a list written there.
 */
export function visitFlagOptions(state: ScanState, object: ts.ObjectLiteralExpression, parent: ts.Node | undefined): void {
  const byFirstName = state.flagOptions;
  if (byFirstName === undefined) return;
  // An object handed to a function that logs, records or changes a flag (`recordError(error, { flagKey })`) goes there.
  if (parent !== undefined && isCallExpression(parent) && saysNotEvaluating(lastNameOf(parent.expression) ?? '')) return;
  for (const property of object.properties) {
    if (!isPropertyAssignment(property) || !isIdentifier(property.name)) continue;
    const candidates = byFirstName.get(property.name.text);
    if (candidates === undefined) continue;
    for (const pattern of candidates) {
      // A guard's option is the flag of a route that lists guards; elsewhere `data: { feature: … }` is any object's.
      if (isGuardOption(pattern) && !listsGuards(object)) continue;
      const holder = propertyAtPath(object, pattern.keyPath as readonly string[]);
      if (holder === undefined) continue;
      // A list of keys (`featureFlagDependency: ['ROX_A', 'ROX_B']`) names each flag that gates the object.
      const value = unwrap(holder.initializer);
      const keys = isArrayLiteralExpression(value) ? value.elements.filter((element) => isWrittenKey(state, element)) : isWrittenKey(state, holder.initializer) ? [holder.initializer] : [];
      const option = (pattern.keyPath as readonly string[]).join('.');
      const wrapper = calleeLastName(pattern.callee);
      // An option named alone says what it gives (see `optionPattern`); a wrapper's option is what that wrapper reads.
      const returns = pattern.option === true && pattern.returns !== undefined ? pattern.returns : { kind: 'other' as const, what: `an option that ${wrapper} reads as its key, not the flag's value` };
      const evidence = pattern.option === true && pattern.evidence !== undefined ? pattern.evidence : `the option ${option} names the flag ${wrapper} checks, which takes its key from its argument's ${option}`;
      for (const key of keys) {
        // The argument of a wrapper's own call is that call's check (the walk meets a call before its arguments), and a
        // nested object that holds a shorter path of another wrapper names the same option once.
        const keyStart = key.getStart(state.sourceFile);
        if (state.drafts.some((draft) => draft.check.keySpan.start === keyStart)) continue;
        state.drafts.push(keyDraft(state, { ...pattern, returns, evidence }, option, keys.length > 1 ? key : holder, undefined, key));
      }
    }
  }
}

/** True for a route object that lists guards (`canActivate: [FeatureGuard]`): its guard options are read. */
function listsGuards(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some((property) => isPropertyAssignment(property) && isIdentifier(property.name) && GUARD_METHODS.has(property.name.text));
}

/** The property assignment at the end of `path` inside an object literal, each step an object literal written there. */
function propertyAtPath(object: ts.ObjectLiteralExpression, path: readonly string[]): ts.PropertyAssignment | undefined {
  let current: ts.ObjectLiteralExpression = object;
  for (let step = 0; ; step++) {
    const found = current.properties.find((property): property is ts.PropertyAssignment => isPropertyAssignment(property) && isIdentifier(property.name) && property.name.text === path[step]);
    if (found === undefined) return undefined;
    if (step === path.length - 1) return found;
    const inner = unwrap(found.initializer);
    if (!isObjectLiteralExpression(inner)) return undefined;
    current = inner;
  }
}

/** A key written in the object: a string, a member (`FeatureEnum.X`), or a constant; not a name each caller decides. */
export function isWrittenKey(state: ScanState, node: ts.Expression): boolean {
  const value = unwrap(node);
  if (isStringLiteral(value) || isNoSubstitutionTemplateLiteral(value)) return value.text !== '';
  if (isPropertyAccessExpression(value)) return isIdentifier(value.expression) || isPropertyAccessExpression(value.expression);
  if (!isIdentifier(value)) return false;
  const binding = lookupBinding(state, value.text, value.getStart(state.sourceFile));
  return binding !== undefined && binding.parameter === undefined && typeof binding.value === 'string';
}
