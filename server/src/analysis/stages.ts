// Release stages: how far a flag reaches in each environment, read from the rules the backend returns.
// off → targeted (specific users or segments) → partial (a percentage, possibly after targeting) →
// everyone. A stage that moved back (everyone → partial) is an "un-release", told with when it happened.
//
// Decisions:
// - "Reaching" someone means serving them something other than the off value: the off variant when
//   there is one, else `false`, else the code's default. A string flag served to everyone reaches everyone.
// - A backend that knows more than the served values (who a rule targets, a percentage inside a
//   constrained strategy) says so in `exposure`; otherwise the stage is read from the served values.

import type { EnvironmentFlagState, Exposure, FlagDefinition, ReleaseStage, StageChange } from './types';

const RANK: Record<ReleaseStage, number> = { off: 0, targeted: 1, partial: 2, everyone: 3 };

/** The stage of one environment. */
export function stageOf(state: EnvironmentFlagState): Exposure {
  if (state.exposure !== undefined) return state.exposure;
  if (!state.enabled) return { stage: 'off' };
  const reaches = (variant: string | undefined): boolean => variant !== undefined && Object.hasOwn(state.variants, variant)
    && state.variants[variant] !== false && variant !== state.offVariant;
  const percent = state.rollout.reduce((sum, share) => sum + (reaches(share.variant) ? share.percent : 0), 0);
  const who = state.hasRules ? state.rulesSummary ?? 'targeting rules' : undefined;
  if (state.rollout.length > 0) {
    if (percent >= 100 && who === undefined) return { stage: 'everyone' };
    if (percent <= 0) return who === undefined ? { stage: 'off' } : { stage: 'targeted', who };
    return withWho({ stage: 'partial', percent: roundPercent(percent) }, who);
  }
  if (who !== undefined) return { stage: 'targeted', who };
  return reaches(state.defaultVariant) ? { stage: 'everyone' } : { stage: 'off' };
}

/** The stage in a few words: "off", "targeted", "25%", "everyone". */
export function stageText(exposure: Exposure): string {
  return exposure.stage === 'partial' && exposure.percent !== undefined ? `${exposure.percent}%` : exposure.stage;
}

/** True when `to` reaches fewer people than `from`. */
export function isStepBack(from: Exposure, to: Exposure): boolean {
  if (RANK[to.stage] !== RANK[from.stage]) return RANK[to.stage] < RANK[from.stage];
  return to.stage === 'partial' && (to.percent ?? 0) < (from.percent ?? 0);
}

/**
 * The definitions with each environment's stage change recorded against the previous load of the same
 * backend: a stage that differs from the previous one starts now (`at`); the same stage keeps the change
 * recorded before. So a cache of definitions is also the history of their stages.
 */
export function withStageChanges(definitions: readonly FlagDefinition[], previous: readonly FlagDefinition[] | undefined, at: string): FlagDefinition[] {
  if (previous === undefined) return [...definitions];
  const before = new Map(previous.map((definition) => [definition.key, new Map(definition.environments.map((state) => [state.environment, state]))]));
  return definitions.map((definition) => {
    const environments = before.get(definition.key);
    if (environments === undefined) return definition;
    return {
      ...definition,
      environments: definition.environments.map((state) => {
        const old = environments.get(state.environment);
        if (old === undefined) return state;
        const change = stageChangeBetween(stageOf(old), stageOf(state), old.stageChange, at);
        return change === undefined ? state : { ...state, stageChange: change };
      }),
    };
  });
}

function stageChangeBetween(old: Exposure, now: Exposure, oldChange: StageChange | undefined, at: string): StageChange | undefined {
  if (old.stage === now.stage && old.percent === now.percent) return oldChange;
  return { from: { stage: old.stage, ...(old.percent === undefined ? {} : { percent: old.percent }) }, at };
}

function withWho(exposure: Exposure, who: string | undefined): Exposure {
  return who === undefined ? exposure : { ...exposure, who };
}

function roundPercent(percent: number): number {
  return Math.round(percent * 10) / 10;
}
