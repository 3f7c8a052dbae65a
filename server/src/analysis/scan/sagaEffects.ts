// redux-saga's `call` effect calls the function it is given with the arguments after it: `yield call(getFeatureEnabled,
// FeatureFlags.CHAT)` is `getFeatureEnabled(FeatureFlags.CHAT)` run by the saga's middleware. So a function a pattern names,
// handed to `call`, is a check of that pattern, its key one argument further on. Only `call` imported from redux-saga's
// effects counts (`fork` runs the function apart and gives a task, no flag's value).

import { ts } from 'ts-morph';
import type { CallReturns, FlagPattern } from '../types';
import { lookupBinding } from './bindings';
import type { ScanState } from './types';

const { isIdentifier, isPropertyAccessExpression } = ts;

// The modules whose `call` effect calls the function it is given.
const SAGA_EFFECTS = new Set(['redux-saga/effects', 'typed-redux-saga', 'typed-redux-saga/macro']);

// What a saga's effect gives, whatever the function gives: the clean-up leaves it.
const SAGA_EFFECT: CallReturns = { kind: 'other', what: 'a saga effect that calls the function, not a call the clean-up replaces' };

/** The function a call of redux-saga's `call` effect calls (`getFeatureEnabled` in `call(getFeatureEnabled, key)`); undefined for any other call. */
export function sagaCalledFunction(state: ScanState, call: ts.CallExpression): ts.Expression | undefined {
  const [fn] = call.arguments;
  if (fn === undefined || !isIdentifier(call.expression) || !(isIdentifier(fn) || isPropertyAccessExpression(fn))) return undefined;
  const effect = lookupBinding(state, call.expression.text, call.expression.getStart(state.sourceFile))?.value;
  if (effect === undefined || typeof effect === 'string' || effect.kind !== 'import') return undefined;
  return SAGA_EFFECTS.has(effect.specifier) && effect.names.join('.') === 'call' ? fn : undefined;
}

/** A call pattern as the effect's call matches it: its arguments one place further on (none for a pattern that counts them). */
export function calledBySaga(pattern: FlagPattern): FlagPattern[] {
  if (pattern.kind !== 'call' || pattern.keyArgByArgCount !== undefined || pattern.defaultArgByArgCount !== undefined) return [];
  const shift = (index: number | undefined): { defaultArg?: number } => (index === undefined ? {} : { defaultArg: index + 1 });
  return [{ ...pattern, keyArg: pattern.keyArg + 1, returns: SAGA_EFFECT, ...shift(pattern.defaultArg), ...(pattern.minArgs === undefined ? {} : { minArgs: pattern.minArgs + 1 }) }];
}
