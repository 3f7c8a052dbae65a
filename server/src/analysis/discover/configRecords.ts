// Objects of flags an app's configuration writes in code, read where it runs: `featureToggles: { editProfile:
// toBoolean(get('EDIT_PROFILE_ENABLED', 'false')) }` (see `declaredRecord` in flagRecords.ts, which makes each a bag).

import { ts } from 'ts-morph';
import { environmentVariableOf } from '../scan/settingReads';
import { unwrap } from '../scan/values';

// The members an app's configuration gives its feature flags or toggles at least, read where it runs.
const MIN_READ_KEYS = 2;

/**
 * The member names of an object of values an app's configuration reads where it runs (`featureToggles: { editProfile:
 * toBoolean(get('EDIT_PROFILE_ENABLED', 'false')), enabledPrisons: get('X_PRISONS', []) }`), most of them, given under a
 * name that says feature flags: each is a flag, whatever its value's kind, and a read of it where the code asks is a
 * check. An object written out of literals holds defaults or flags set in code, and one holding functions is a service:
 * neither is one.
 */
export function keysReadWhereAppRuns(initializer: ts.Expression, named: 'feature flags' | 'flags' = 'feature flags'): string[] | undefined {
  const object = unwrap(initializer);
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  // Under a name that says flags alone, only an app's configuration of the module's top level, whose members say where
  // they read: `flags: { title, description }` in a callback is a record of local values, of any kind.
  if (named === 'flags' && !atModuleTop(object)) return undefined;
  const keys: string[] = [];
  let readHere = 0;
  for (const property of object.properties) {
    if (ts.isShorthandPropertyAssignment(property)) {
      keys.push(property.name.text);
      if (named === 'feature flags') readHere++;
      continue;
    }
    if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
    const value = unwrap(property.initializer);
    if (ts.isFunctionLike(value)) return undefined;
    keys.push(property.name.text);
    if (readsVariable(value)) readHere++;
  }
  // Most of them read where it runs: a platform's capabilities written out with one or two worked out (`exportAsGIST:
  // false, cookiesEnabled: config.cookiesEnabled`) are set in code.
  return readHere * 2 > keys.length && keys.length >= MIN_READ_KEYS ? keys : undefined;
}

/** True when no function holds the object: it is written where the module is loaded. */
function atModuleTop(object: ts.Node): boolean {
  for (let node = object.parent; node !== undefined; node = node.parent) if (ts.isFunctionLike(node)) return false;
  return true;
}

// A variable's name given to a reader: upper case words joined by `_` (`EDIT_PROFILE_ENABLED`).
const VARIABLE_NAME_TEXT = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/**
 * True when a value reads a variable where the app runs: the environment (`process.env.X`, `env.X`), or a reader given the
 * variable's name (`get('EDIT_PROFILE_ENABLED', 'false')`), also inside a conversion or a group of them. A value made by
 * any other call (`css({ … })`) or written out in code reads none.
 */
function readsVariable(value: ts.Node): boolean {
  if (ts.isFunctionLike(value)) return false;
  if (environmentVariableOf(value) !== undefined) return true;
  if (ts.isCallExpression(value) && value.arguments.length > 0) {
    const first = unwrap(value.arguments[0]);
    if (ts.isStringLiteralLike(first) && VARIABLE_NAME_TEXT.test(first.text)) return true;
  }
  return ts.forEachChild(value, (child) => readsVariable(child) || undefined) ?? false;
}
