// Whether a flag may be removed, and what its removal keeps: decided here once, so that the hover, the
// diagnostics, the code actions, the Flags view and `flaglens clean` give the same answer.

import { describeFlagType, isPermanent, type FlagTypeVerdict } from './policy/flagType';
import { classifyRelease } from './release';
import { codeDefaultOf, givesNoValue, type KeptValue } from './remove/plan';
import type { FlagCheck, FlagDefinition, ReleaseVerdict } from './types';

/** The answer for a flag, or for a flag at one check: removable with the value to keep, or not and why. */
export type Removability =
  | { removable: true; kept: KeptValue; verdict: ReleaseVerdict }
  | { removable: false; why: string; verdict: ReleaseVerdict; permanent?: true };

/**
 * Whether the flag as a whole may be removed: only a released or dead flag (DESIGN.md), keeping the
 * value it serves, or each check's own default when it serves the code's default; never a flag of a
 * permanent type (a kill switch serves one value for good), unless a value is forced (`clean --value`).
 */
export function flagRemovability(definition: FlagDefinition, countedEnvironments?: readonly string[], type?: FlagTypeVerdict): Removability {
  const verdict = classifyRelease(definition, countedEnvironments);
  if (verdict.state === 'rolling-out') {
    return { removable: false, why: `'${definition.key}' is rolling out (${verdict.summary}); only a released or dead flag is removed`, verdict };
  }
  if (type !== undefined && isPermanent(type)) {
    return { removable: false, why: `'${definition.key}' is a ${describeFlagType(type)}, which is permanent: it stays`, verdict, permanent: true };
  }
  const kept: KeptValue = verdict.servesCodeDefault ? { kind: 'code-default' } : { kind: 'value', value: verdict.value };
  return { removable: true, kept, verdict };
}

/**
 * Whether the flag may be removed at this check: removable as a whole, at a call that gives the flag's value
 * (not a variant, nor a promise not awaited) and, when it serves the code's default, at a check whose default
 * is known.
 */
export function removabilityAt(definition: FlagDefinition, countedEnvironments: readonly string[] | undefined, check: FlagCheck, type?: FlagTypeVerdict): Removability {
  return removabilityAtCheck(flagRemovability(definition, countedEnvironments, type), check);
}

/** `removabilityAt` from the flag's answer as a whole, for callers that ask about many of its checks. */
export function removabilityAtCheck(whole: Removability, check: FlagCheck): Removability {
  if (!whole.removable) return whole;
  const noValue = givesNoValue(check, check.key);
  if (noValue !== undefined) return { removable: false, why: noValue, verdict: whole.verdict };
  if (whole.kept.kind === 'value') return whole;
  const codeDefault = codeDefaultOf(check);
  return 'why' in codeDefault ? { removable: false, why: codeDefault.why, verdict: whole.verdict } : whole;
}
