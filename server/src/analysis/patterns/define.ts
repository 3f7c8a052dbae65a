import type { CallReturns, FlagPattern, FlagValueType, Sdk } from '../types';

/** The call gives the flag's value. */
export const RETURNS_VALUE: CallReturns = { kind: 'value' };

/** The call gives evaluation details: the value at `.value`, beside the reason and the variant. */
export const RETURNS_DETAILS: CallReturns = { kind: 'object', valuePath: ['value'], others: 'evaluation details (reason, variant)' };

/** The call gives something that is not the flag's value: `what` it is, for people. */
export function returnsOther(what: string): CallReturns {
  return { kind: 'other', what };
}

/** The call gives an object holding the value at `.valuePath`, beside `others`. */
export function returnsObject(valuePath: readonly string[], others: string): CallReturns {
  return { kind: 'object', valuePath, others };
}

/** The optional parts of a call pattern; the key is at argument 0 unless said otherwise. */
export interface CallPatternOptions {
  keyArg?: number;
  keyArgByArgCount?: Readonly<Record<number, number>>;
  keyPath?: readonly string[];
  defaultArg?: number;
  defaultArgByArgCount?: Readonly<Record<number, number>>;
  minArgs?: number;
  negate?: boolean;
  /** What the call gives back; a preset always says (undefined only where one name serves SDKs that differ). */
  returns?: CallReturns;
  /** For a preset: the packages of its vendor that have this form of the call, when not all of them do. */
  packages?: readonly string[];
  /** The call declares the flag rather than checks it. */
  declares?: true;
}

/** A preset for a call that takes the flag key as an argument. */
export function callPattern(sdk: Sdk, callee: string, valueType: FlagValueType, options: CallPatternOptions = {}): FlagPattern {
  const pattern: FlagPattern = { sdk, callee, kind: 'call', keyArg: options.keyArg ?? 0, valueType, negate: options.negate ?? false };
  if (options.keyArgByArgCount !== undefined) pattern.keyArgByArgCount = options.keyArgByArgCount;
  if (options.keyPath !== undefined) pattern.keyPath = options.keyPath;
  if (options.defaultArg !== undefined) pattern.defaultArg = options.defaultArg;
  if (options.defaultArgByArgCount !== undefined) pattern.defaultArgByArgCount = options.defaultArgByArgCount;
  if (options.minArgs !== undefined) pattern.minArgs = options.minArgs;
  if (options.returns !== undefined) pattern.returns = options.returns;
  if (options.packages !== undefined) pattern.packages = options.packages;
  if (options.declares === true) pattern.declares = true;
  return pattern;
}

/** A vendor's presets, each matching only calls whose function or receiver comes from `packages` (or its own narrower list). */
export function vendorPresets(packages: readonly string[], patterns: readonly FlagPattern[]): readonly FlagPattern[] {
  return patterns.map((pattern) => ({ ...pattern, packages: pattern.packages ?? packages }));
}

/** The last name of a pattern's callee: `isOn` for `flags.isOn`. */
export function calleeLastName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}

/**
 * True when an import specifier names one of `packages`: the package itself or a file of it (`posthog-js/react`),
 * or, for an entry ending in `*`, any package that starts so (`@launchdarkly/*`, `launchdarkly-*`).
 */
export function isFromPackages(specifier: string, packages: readonly string[]): boolean {
  // Asked once per check with evidence, of a few lists (a preset's, all vendors') and the few specifiers a workspace imports.
  let answers = packageAnswers.get(packages);
  if (answers === undefined) packageAnswers.set(packages, answers = new Map());
  let answer = answers.get(specifier);
  if (answer === undefined) {
    answer = packages.some((name) => (name.endsWith('*') ? specifier.startsWith(name.slice(0, -1)) : specifier === name || specifier.startsWith(`${name}/`)));
    answers.set(specifier, answer);
  }
  return answer;
}

const packageAnswers = new WeakMap<readonly string[], Map<string, boolean>>();
