import type { FlagPattern, FlagValueType, Sdk } from '../types';

/** The optional parts of a call pattern; the key is at argument 0 unless said otherwise. */
export interface CallPatternOptions {
  keyArg?: number;
  defaultArg?: number;
  defaultArgByArgCount?: Readonly<Record<number, number>>;
  minArgs?: number;
  negate?: boolean;
}

/** A preset for a call that takes the flag key as an argument. */
export function callPattern(sdk: Sdk, callee: string, valueType: FlagValueType, options: CallPatternOptions = {}): FlagPattern {
  const pattern: FlagPattern = { sdk, callee, kind: 'call', keyArg: options.keyArg ?? 0, valueType, negate: options.negate ?? false };
  if (options.defaultArg !== undefined) pattern.defaultArg = options.defaultArg;
  if (options.defaultArgByArgCount !== undefined) pattern.defaultArgByArgCount = options.defaultArgByArgCount;
  if (options.minArgs !== undefined) pattern.minArgs = options.minArgs;
  return pattern;
}

/** The last name of a pattern's callee: `isOn` for `flags.isOn`. */
export function calleeLastName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}
