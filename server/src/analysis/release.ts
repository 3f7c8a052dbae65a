// The release state of a flag (DESIGN.md): released, dead or rolling out, read from what each
// counted environment serves to everyone.
//
// Decisions:
// - A disabled flag without an off variant (flagd), or an enabled one without a default variant and
//   without targeting, makes the SDK return the default value written in the code ("serves the code's
//   default"). A disabled flag with an off variant (Unleash, LaunchDarkly) serves that variant's value.
// - Off everywhere with one off value is `dead` with that value, whatever the value is.
// - Off in every counted environment is `dead` with `servesCodeDefault` (value unknown here).
// - A boolean flag that serves `false` everywhere is `dead` with value `false`. A boolean flag that
//   is off in some environments and serves `false` in the others is `dead` with value `false` too:
//   off reads as false, which holds whenever the code's default is `false`, the usual case.
// - For any other flag, off somewhere and on elsewhere is rolling out.
// - A counted environment that does not define the flag makes it rolling out.

import type { EnvironmentFlagState, FlagDefinition, ReleaseVerdict } from './types';

/** What one environment serves to everyone, or why it does not serve one value to everyone. */
type Outcome =
  | { kind: 'value'; value: unknown; variant: string; disabled?: boolean }
  | { kind: 'code-default'; disabled: boolean }
  | { kind: 'split'; shares: Array<{ variant: string; percent: number }> }
  | { kind: 'rules'; summary?: string };

/** The release state of a flag across the counted environments (all the flag's environments when none are given). */
export function classifyRelease(definition: FlagDefinition, countedEnvironments?: readonly string[]): ReleaseVerdict {
  const names = countedEnvironments && countedEnvironments.length > 0
    ? [...countedEnvironments]
    : definition.environments.map((state) => state.environment);
  const stateByName = new Map(definition.environments.map((state) => [state.environment, state]));
  const defined = names.flatMap((name) => stateByName.get(name) ?? []);
  const missing = names.filter((name) => !stateByName.has(name));

  if (defined.length === 0) {
    const where = names.length > 0 ? names.join(', ') : 'any environment';
    return { state: 'rolling-out', servesCodeDefault: false, summary: `not defined in ${where}` };
  }

  const outcomes = defined.map(outcomeOf);
  if (missing.length === 0) {
    const verdict = uniformVerdict(defined, outcomes);
    if (verdict) return verdict;
  }

  const booleanFlag = isBooleanFlag(definition.environments);
  const parts = describeDifferences(defined, outcomes, booleanFlag);
  const summary = missing.length > 0 ? `${parts}; not defined in ${missing.join(', ')}` : parts;
  return { state: 'rolling-out', servesCodeDefault: false, summary };
}

/** How a served value reads in hovers and messages: `true`, `"dark"`, `42`, `{…}`. */
export function servedValueText(value: unknown): string {
  if (value === undefined) return "the code's default";
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return JSON.stringify(shown);
  }
  if (Array.isArray(value)) return '[…]';
  if (value !== null && typeof value === 'object') return '{…}';
  return String(value);
}

function outcomeOf(state: EnvironmentFlagState): Outcome {
  if (!state.enabled) {
    if (state.offVariant !== undefined && Object.hasOwn(state.variants, state.offVariant)) {
      return { kind: 'value', value: state.variants[state.offVariant], variant: state.offVariant, disabled: true };
    }
    return { kind: 'code-default', disabled: true };
  }
  if (state.hasRules) return { kind: 'rules', summary: state.rulesSummary };
  const shares = state.rollout.filter((share) => share.percent > 0);
  if (shares.length > 0) {
    const [first, ...others] = shares;
    const firstValue = state.variants[first.variant];
    // A split whose variants all serve the same value serves that value to everyone.
    if (others.every((share) => sameValue(state.variants[share.variant], firstValue))) {
      return { kind: 'value', value: firstValue, variant: first.variant };
    }
    return { kind: 'split', shares };
  }
  if (state.defaultVariant !== undefined && Object.hasOwn(state.variants, state.defaultVariant)) {
    return { kind: 'value', value: state.variants[state.defaultVariant], variant: state.defaultVariant };
  }
  return { kind: 'code-default', disabled: false };
}

/** Released or dead when every environment serves one value to everyone; otherwise undefined. */
function uniformVerdict(defined: EnvironmentFlagState[], outcomes: Outcome[]): ReleaseVerdict | undefined {
  const values = outcomes.flatMap((outcome) => (outcome.kind === 'value' ? [outcome.value] : []));
  const codeDefaults = outcomes.flatMap((outcome) => (outcome.kind === 'code-default' ? [outcome] : []));
  if (values.length + codeDefaults.length !== outcomes.length) return undefined;

  if (codeDefaults.length === outcomes.length) {
    const summary = codeDefaults.every((outcome) => outcome.disabled)
      ? "off in every environment (serves the code's default)"
      : "serves the code's default in every environment";
    return { state: 'dead', servesCodeDefault: true, summary };
  }
  if (codeDefaults.length === 0 && values.every((value) => sameValue(value, values[0]))) {
    const value = values[0];
    const offEverywhere = outcomes.every((outcome) => outcome.kind === 'value' && outcome.disabled === true);
    const summary = offEverywhere
      ? `off in every environment (serves ${servedValueText(value)})`
      : `serves ${servedValueText(value)} in every environment`;
    return { state: value === false || offEverywhere ? 'dead' : 'released', value, servesCodeDefault: false, summary };
  }
  if (values.every((value) => value === false) && isBooleanFlag(defined)) {
    const offIn = defined.filter((_state, index) => outcomes[index].kind === 'code-default').map((state) => state.environment);
    return { state: 'dead', value: false, servesCodeDefault: false, summary: `serves false in every environment (off in ${offIn.join(', ')})` };
  }
  return undefined;
}

/** One clause per environment: "production serves on to 30% (fractional), staging to 100%". */
function describeDifferences(defined: EnvironmentFlagState[], outcomes: Outcome[], booleanFlag: boolean): string {
  const onVariant = booleanFlag ? variantServing(defined, true) : undefined;
  const clauses: string[] = [];
  let previousVerb: string | undefined;
  defined.forEach((state, index) => {
    const { verb, rest, shareable } = describeOutcome(outcomes[index], state, onVariant);
    // Repeated "serves on to …" clauses keep only the share, as a person would write them.
    if (shareable && verb === previousVerb) clauses.push(`${state.environment} ${rest}`);
    else clauses.push([state.environment, verb, rest].filter(Boolean).join(' '));
    previousVerb = shareable ? verb : undefined;
  });
  return clauses.join(', ');
}

function describeOutcome(outcome: Outcome, state: EnvironmentFlagState, onVariant: string | undefined): { verb: string; rest: string; shareable: boolean } {
  switch (outcome.kind) {
    case 'code-default':
      return { verb: outcome.disabled ? 'is off' : "serves the code's default", rest: outcome.disabled ? "(serves the code's default)" : '', shareable: false };
    case 'rules':
      return { verb: 'has targeting rules', rest: outcome.summary ? `(${outcome.summary})` : '', shareable: false };
    case 'value':
      if (outcome.disabled) return { verb: 'is off', rest: `(serves ${servedValueText(outcome.value)})`, shareable: false };
      if (onVariant !== undefined && outcome.value === true) return { verb: `serves ${onVariant}`, rest: 'to 100%', shareable: true };
      if (onVariant !== undefined) return { verb: `serves ${outcome.variant}`, rest: '', shareable: false };
      return { verb: `serves ${servedValueText(outcome.value)}`, rest: '', shareable: false };
    case 'split': {
      if (onVariant !== undefined) {
        const onPercent = outcome.shares
          .filter((share) => state.variants[share.variant] === true)
          .reduce((sum, share) => sum + share.percent, 0);
        return { verb: `serves ${onVariant}`, rest: `to ${percentText(onPercent)} (fractional)`, shareable: true };
      }
      const shares = outcome.shares.map((share) => `${servedValueText(state.variants[share.variant])} to ${percentText(share.percent)}`);
      return { verb: 'serves', rest: `${shares.join(', ')} (fractional)`, shareable: false };
    }
  }
}

function percentText(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

/** The name of the first variant that serves `value`, for "serves on to 30%". */
function variantServing(states: EnvironmentFlagState[], value: unknown): string | undefined {
  for (const state of states) {
    const name = Object.keys(state.variants).find((variant) => state.variants[variant] === value);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** True when the flag has variants and every one of them, in every environment, is a boolean. */
function isBooleanFlag(states: EnvironmentFlagState[]): boolean {
  const values = states.flatMap((state) => Object.values(state.variants));
  return values.length > 0 && values.every((value) => typeof value === 'boolean');
}

function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftEntries = Object.entries(left);
  const rightRecord = right as Record<string, unknown>;
  return leftEntries.length === Object.keys(right).length
    && leftEntries.every(([name, value]) => Object.hasOwn(rightRecord, name) && sameValue(value, rightRecord[name]));
}
