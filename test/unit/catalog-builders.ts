// Small builders of flag definitions, catalogs and checks for the findings and hover tests.

import type { PolicyContext } from '../../server/src/analysis/policy/hygiene';
import { DEFAULT_POLICY } from '../../server/src/analysis/policy/policy';
import type { EnvironmentFlagState, FlagCatalog, FlagCheck, FlagDefinition } from '../../server/src/analysis/types';

const BOOLEAN_VARIANTS = { on: true, off: false };

/** An environment serving `variant` to everyone, or split by `rollout`. */
export function environment(name: string, overrides: Partial<EnvironmentFlagState> = {}): EnvironmentFlagState {
  return { environment: name, enabled: true, variants: BOOLEAN_VARIANTS, defaultVariant: 'on', rollout: [], hasRules: false, ...overrides };
}

export function definition(key: string, overrides: Partial<FlagDefinition> = {}): FlagDefinition {
  return {
    key,
    stale: false,
    archived: false,
    tags: [],
    source: 'flags/*.flagd.json',
    environments: [environment('production'), environment('staging')],
    ...overrides,
  };
}

/** Serves true to everyone in production and staging. */
export const released = (key: string, overrides: Partial<FlagDefinition> = {}): FlagDefinition => definition(key, overrides);

/** Off in production and staging. */
export const dead = (key: string, overrides: Partial<FlagDefinition> = {}): FlagDefinition =>
  definition(key, { environments: [environment('production', { enabled: false }), environment('staging', { enabled: false })], ...overrides });

/** 30% on in production, everyone in staging. */
export const rollingOut = (key: string, overrides: Partial<FlagDefinition> = {}): FlagDefinition =>
  definition(key, {
    environments: [
      environment('production', { rollout: [{ variant: 'on', percent: 30 }, { variant: 'off', percent: 70 }] }),
      environment('staging'),
    ],
    ...overrides,
  });

export function catalog(definitions: FlagDefinition[], overrides: Partial<FlagCatalog> = {}): FlagCatalog {
  return {
    definitions: new Map(definitions.map((flag) => [flag.key, flag])),
    environments: ['production', 'staging'],
    loaded: definitions.length > 0,
    sources: ['flags/*.flagd.json'],
    ...overrides,
  };
}

/** A check of `key` as `client.getBooleanValue('<key>', false)` at the start of a file. */
export function check(key: string, overrides: Partial<FlagCheck> = {}): FlagCheck {
  const prefix = 'client.getBooleanValue(';
  const keyText = `'${key}'`;
  return {
    key,
    resolved: true,
    keySpan: { start: prefix.length, end: prefix.length + keyText.length },
    keyIsLiteral: true,
    callSpan: { start: 0, end: prefix.length + keyText.length + ', false)'.length },
    sdk: 'openfeature',
    method: 'client.getBooleanValue',
    defaultValueText: 'false',
    valueType: 'boolean',
    negate: false,
    ...overrides,
  };
}

/** The default policy at `now`, with `checks` as every check the workspace has. */
export function policyContext(now: number, checks: readonly FlagCheck[] = []): PolicyContext {
  return { policy: DEFAULT_POLICY, now, checksOf: (key) => checks.filter((candidate) => candidate.key === key) };
}
