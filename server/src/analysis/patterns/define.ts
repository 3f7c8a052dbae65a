import type { CallReturns, FlagPattern, FlagValueType, Sdk } from '../types';

/** The call gives the flag's value. */
export const RETURNS_VALUE: CallReturns = { kind: 'value' };

/** The call gives evaluation details: the value at `.value`, beside the reason and the variant. */
export const RETURNS_DETAILS: CallReturns = { kind: 'object', valuePath: ['value'], others: 'evaluation details (reason, variant)' };

/** The call gives something that is not the flag's value: `what` it is, for people. */
export function returnsOther(what: string): CallReturns {
  return { kind: 'other', what };
}

/** The optional parts of a call pattern; the key is at argument 0 unless said otherwise. */
export interface CallPatternOptions {
  keyArg?: number;
  defaultArg?: number;
  defaultArgByArgCount?: Readonly<Record<number, number>>;
  minArgs?: number;
  negate?: boolean;
  /** What the call gives back; a preset always says (undefined only where one name serves SDKs that differ). */
  returns?: CallReturns;
}

/** A preset for a call that takes the flag key as an argument. */
export function callPattern(sdk: Sdk, callee: string, valueType: FlagValueType, options: CallPatternOptions = {}): FlagPattern {
  const pattern: FlagPattern = { sdk, callee, kind: 'call', keyArg: options.keyArg ?? 0, valueType, negate: options.negate ?? false };
  if (options.defaultArg !== undefined) pattern.defaultArg = options.defaultArg;
  if (options.defaultArgByArgCount !== undefined) pattern.defaultArgByArgCount = options.defaultArgByArgCount;
  if (options.minArgs !== undefined) pattern.minArgs = options.minArgs;
  if (options.returns !== undefined) pattern.returns = options.returns;
  return pattern;
}

/** The last name of a pattern's callee: `isOn` for `flags.isOn`. */
export function calleeLastName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}
