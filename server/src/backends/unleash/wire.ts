// Unleash's Admin API answers as flag definitions: pure parsing and conversion, no IO, so that recorded
// answers are tested without a server (the requests are in backend.ts).
//
// How Unleash's strategies become what one environment serves (EnvironmentFlagState):
// - a disabled environment serves off (false, `offVariant`); an archived flag is sent to no SDK, so it serves the
//   code's default everywhere;
// - an enabled environment without active strategies, or whose first strategy catches everyone
//   (`default`, or a rollout of 100% without constraints and segments), serves on to everyone;
// - a lone rollout below 100% without constraints splits on/off by its percentage;
// - the variants of the strategy that decides are split by weight (out of 1000);
// - anything else (constraints, segments, user lists, several strategies) is targeting: `hasRules`.

import type { EnvironmentFlagState, Exposure, FlagDefinition } from '../../analysis/types';
import { expectArray, expectObject, expectString, isObject, optionalString, ResponseShapeError } from '../jsonShape';

/** One strategy constraint as the Admin API returns it. */
export interface UnleashConstraint {
  contextName: string;
  operator: string;
  values: string[];
  value?: string;
  inverted: boolean;
}

/** A strategy (or environment) variant; `weight` is out of 1000. */
export interface UnleashVariant {
  name: string;
  weight: number;
  payload?: { type: string; value: string };
}

/** One activation strategy of a flag in one environment. */
export interface UnleashStrategy {
  name: string;
  parameters: Record<string, string>;
  constraints: UnleashConstraint[];
  segments: number[];
  variants: UnleashVariant[];
  disabled: boolean;
}

/** A flag's environment as the feature search lists it. */
export interface UnleashEnvironmentSummary {
  name: string;
  enabled: boolean;
  sortOrder: number;
  /** ISO 8601 date when an SDK last evaluated the flag in this environment. */
  lastSeenAt?: string;
}

/** A flag as the feature search lists it: metadata and per-environment `enabled`, no strategies. */
export interface UnleashFlagSummary {
  name: string;
  description?: string;
  type?: string;
  createdAt?: string;
  createdBy?: string;
  stale: boolean;
  archived: boolean;
  lifecycleStage?: string;
  lastSeenAt?: string;
  tags: string[];
  environments: UnleashEnvironmentSummary[];
}

/** A flag's strategies per environment, from `GET /api/admin/projects/{project}/features/{name}`. */
export interface UnleashFlagDetails {
  name: string;
  environments: Array<{ name: string; enabled: boolean; strategies: UnleashStrategy[]; variants: UnleashVariant[] }>;
}

/** Everything besides the flag itself that turning it into a definition needs. */
export interface UnleashDefinitionContext {
  baseUrl: string;
  project: string;
  /** For people: `Unleash (https://…)`. */
  source: string;
  segmentNames: ReadonlyMap<number, string>;
  /** Flag → environment → ISO date of the last change there. */
  lastChanges: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** The environments to keep, in this order; all when undefined. */
  environments?: readonly string[];
}

const ON_OFF: Record<string, unknown> = { on: true, off: false };

const OPERATOR_WORDS: Record<string, string> = {
  IN: 'in',
  NOT_IN: 'not in',
  STR_CONTAINS: 'contains',
  STR_STARTS_WITH: 'starts with',
  STR_ENDS_WITH: 'ends with',
  NUM_EQ: '=',
  NUM_GT: '>',
  NUM_GTE: '>=',
  NUM_LT: '<',
  NUM_LTE: '<=',
  DATE_AFTER: 'after',
  DATE_BEFORE: 'before',
  SEMVER_EQ: '= version',
  SEMVER_GT: '> version',
  SEMVER_LT: '< version',
};

/** Reads one page of `GET /api/admin/search/features`; throws ResponseShapeError when the shape is wrong. */
export function parseFeatureSearch(json: unknown): { flags: UnleashFlagSummary[]; total: number } {
  const root = expectObject(json, 'the feature search');
  const features = expectArray(root.features, 'features');
  const flags = features.map((item, index) => {
    const where = `features[${index}]`;
    const feature = expectObject(item, where);
    const name = expectString(feature.name, `${where}.name`);
    const environments = expectArray(feature.environments ?? [], `${where}.environments`).map((entry, envIndex) => {
      const environment = expectObject(entry, `${where}.environments[${envIndex}]`);
      return {
        name: expectString(environment.name, `${where}.environments[${envIndex}].name`),
        enabled: environment.enabled === true,
        sortOrder: typeof environment.sortOrder === 'number' ? environment.sortOrder : envIndex,
        ...(typeof environment.lastSeenAt === 'string' ? { lastSeenAt: environment.lastSeenAt } : {}),
      };
    });
    const tags = Array.isArray(feature.tags) ? feature.tags.flatMap(tagText) : [];
    const lifecycle = isObject(feature.lifecycle) ? optionalString(feature.lifecycle.stage) : undefined;
    return {
      name,
      description: optionalString(feature.description) || undefined,
      type: optionalString(feature.type),
      createdAt: optionalString(feature.createdAt),
      createdBy: isObject(feature.createdBy) ? optionalString(feature.createdBy.name) : optionalString(feature.createdBy),
      stale: feature.stale === true,
      archived: typeof feature.archivedAt === 'string' || feature.archived === true,
      lifecycleStage: lifecycle,
      lastSeenAt: optionalString(feature.lastSeenAt),
      tags,
      environments,
    };
  });
  const total = typeof root.total === 'number' ? root.total : flags.length;
  return { flags, total };
}

/** Reads `GET /api/admin/projects/{project}/features/{name}`; throws ResponseShapeError when the shape is wrong. */
export function parseFeatureDetails(json: unknown): UnleashFlagDetails {
  const feature = expectObject(json, 'the flag');
  const name = expectString(feature.name, 'name');
  const flagVariants = Array.isArray(feature.variants) ? parseVariants(feature.variants, 'variants') : [];
  const environments = expectArray(feature.environments, 'environments').map((entry, index) => {
    const where = `environments[${index}]`;
    const environment = expectObject(entry, where);
    const strategies = expectArray(environment.strategies ?? [], `${where}.strategies`)
      .map((strategy, strategyIndex) => parseStrategy(strategy, `${where}.strategies[${strategyIndex}]`));
    // Environment variants came before strategy variants; older flags may still carry them.
    const variants = Array.isArray(environment.variants) ? parseVariants(environment.variants, `${where}.variants`) : flagVariants;
    return { name: expectString(environment.name, `${where}.name`), enabled: environment.enabled === true, strategies, variants };
  });
  return { name, environments };
}

/** Segment id → name, from `GET /api/admin/segments`. */
export function parseSegmentNames(json: unknown): Map<number, string> {
  const root = expectObject(json, 'the segment list');
  const names = new Map<number, string>();
  for (const item of expectArray(root.segments, 'segments')) {
    if (isObject(item) && typeof item.id === 'number' && typeof item.name === 'string') names.set(item.id, item.name);
  }
  return names;
}

/** Flag → environment → the newest event's date, from `GET /api/admin/search/events`. */
export function parseLastChanges(json: unknown): Map<string, Map<string, string>> {
  const root = expectObject(json, 'the event search');
  const changes = new Map<string, Map<string, string>>();
  for (const item of expectArray(root.events, 'events')) {
    if (!isObject(item)) continue;
    const { featureName, environment, createdAt } = item;
    // Events without an environment (tags, stale marks) change no environment's state.
    if (typeof featureName !== 'string' || typeof environment !== 'string' || typeof createdAt !== 'string') continue;
    const byEnvironment = changes.get(featureName) ?? new Map<string, string>();
    const known = byEnvironment.get(environment);
    if (known === undefined || Date.parse(createdAt) > Date.parse(known)) byEnvironment.set(environment, createdAt);
    changes.set(featureName, byEnvironment);
  }
  return changes;
}

/** A constraint for people: `userId in [alice, bob]`, `email ends with @example.com`. */
export function describeConstraint(constraint: UnleashConstraint): string {
  const operator = OPERATOR_WORDS[constraint.operator] ?? constraint.operator.toLowerCase();
  const values = constraint.values.length > 0 ? constraint.values : constraint.value !== undefined ? [constraint.value] : [];
  const shown = values.length > 3 ? [...values.slice(0, 3), `… ${values.length - 3} more`] : values;
  const listed = constraint.operator === 'IN' || constraint.operator === 'NOT_IN' || shown.length > 1 ? `[${shown.join(', ')}]` : shown.join('');
  return `${constraint.inverted ? 'not ' : ''}${constraint.contextName} ${operator} ${listed}`.trim();
}

/** What one environment serves, from its `enabled` flag and strategies (see the top of this file). */
export function environmentState(
  environment: string,
  details: { enabled: boolean; strategies: UnleashStrategy[]; variants: UnleashVariant[] },
  segmentNames: ReadonlyMap<number, string>,
  lastModified?: string,
): EnvironmentFlagState {
  const base = lastModified === undefined ? { environment } : { environment, lastModified };
  if (!details.enabled) {
    // A disabled Unleash flag answers false (isEnabled) whatever default the code passes.
    return { ...base, enabled: false, variants: { ...ON_OFF }, defaultVariant: 'off', offVariant: 'off', rollout: [], hasRules: false };
  }
  const active = details.strategies.filter((strategy) => !strategy.disabled);
  if (active.length === 0) return { ...base, ...servedTo(details.variants, 100) };

  // Strategies are tried in order and the first that matches decides the variant.
  const everyoneIndex = active.findIndex(catchesEveryone);
  const decidingVariants = (strategy: UnleashStrategy) => (strategy.variants.length > 0 ? strategy.variants : details.variants);
  if (everyoneIndex === 0) return { ...base, ...servedTo(decidingVariants(active[0]), 100) };
  if (everyoneIndex > 0 && active.slice(0, everyoneIndex + 1).every((strategy) => strategy.variants.length === 0)) {
    return { ...base, ...servedTo(details.variants, 100) };
  }
  const lone = active.length === 1 ? active[0] : undefined;
  const lonePercent = lone && lone.constraints.length === 0 && lone.segments.length === 0 ? rolloutPercent(lone) : undefined;
  if (lone && lonePercent !== undefined) return { ...base, ...servedTo(decidingVariants(lone), lonePercent) };

  const variantValues = Object.fromEntries(active.flatMap((strategy) => strategy.variants.map((variant) => [variant.name, variantValue(variant)])));
  return {
    ...base,
    enabled: true,
    variants: { ...ON_OFF, ...variantValues },
    defaultVariant: 'off',
    rollout: [],
    hasRules: true,
    rulesSummary: active.map((strategy) => describeStrategy(strategy, segmentNames)).join('; or '),
    exposure: exposureOf(active, segmentNames),
  };
}

/**
 * The release stage of strategies that are not one plain rollout: a percentage of everyone, or of the
 * users some strategy targets, is partial; strategies that only pick users or segments are targeted.
 */
function exposureOf(active: readonly UnleashStrategy[], segmentNames: ReadonlyMap<number, string>): Exposure {
  const open = active.filter((strategy) => strategy.constraints.length === 0 && strategy.segments.length === 0 && (rolloutPercent(strategy) ?? 0) > 0);
  const targeted = active.filter((strategy) => !open.includes(strategy));
  const who = targeted.length > 0 ? targeted.map((strategy) => describeStrategy(strategy, segmentNames)).join('; or ') : undefined;
  const withWho = (exposure: Exposure): Exposure => (who === undefined ? exposure : { ...exposure, who });
  // Strategies add up: everyone a plain rollout reaches, plus the users the others pick.
  const openPercent = Math.max(0, ...open.map((strategy) => rolloutPercent(strategy) ?? 0));
  if (openPercent >= 100) return { stage: 'everyone' };
  if (open.length > 0) return withWho({ stage: 'partial', percent: openPercent });
  const percents = targeted.flatMap((strategy) => {
    const percent = rolloutPercent(strategy);
    return percent !== undefined && percent < 100 ? [percent] : [];
  });
  return withWho(percents.length > 0 ? { stage: 'partial', percent: Math.max(...percents) } : { stage: 'targeted' });
}

/** The link to a flag's page in the Unleash UI. */
export function flagLink(baseUrl: string, project: string, flag: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}/features/${encodeURIComponent(flag)}`;
}

/** A FlagDefinition from the search summary and, for active flags, the flag's strategies. */
export function toFlagDefinition(summary: UnleashFlagSummary, details: UnleashFlagDetails | undefined, context: UnleashDefinitionContext): FlagDefinition {
  const changes = context.lastChanges.get(summary.name);
  const detailsByEnvironment = new Map((details?.environments ?? []).map((environment) => [environment.name, environment]));
  const ordered = [...summary.environments].sort((left, right) => left.sortOrder - right.sortOrder);
  const kept = context.environments
    ? context.environments.flatMap((name) => ordered.find((environment) => environment.name === name) ?? [])
    : ordered;
  const environments = kept.map((environment): EnvironmentFlagState => {
    const lastModified = changes?.get(environment.name);
    // Unleash sends archived flags to no SDK, so every SDK falls back to the code's default.
    if (summary.archived) {
      return withoutUndefined({ environment: environment.name, enabled: false, variants: {}, rollout: [], hasRules: false, lastModified });
    }
    const detail = detailsByEnvironment.get(environment.name) ?? { enabled: environment.enabled, strategies: [], variants: [] };
    const state = environmentState(environment.name, detail, context.segmentNames, lastModified);
    return environment.lastSeenAt === undefined ? state : { ...state, lastSeenAt: environment.lastSeenAt };
  });
  return withoutUndefined({
    key: summary.name,
    description: summary.description,
    owner: summary.createdBy,
    createdAt: summary.createdAt,
    stale: summary.stale,
    archived: summary.archived,
    tags: summary.tags,
    link: flagLink(context.baseUrl, context.project, summary.name),
    flagType: summary.type,
    lifecycleStage: summary.lifecycleStage,
    lastSeenAt: summary.lastSeenAt,
    source: context.source,
    environments,
  });
}

/** Everyone matches: `default`, or a rollout of 100% with no constraints and no segments. */
function catchesEveryone(strategy: UnleashStrategy): boolean {
  if (strategy.constraints.length > 0 || strategy.segments.length > 0) return false;
  return strategy.name === 'default' || rolloutPercent(strategy) === 100;
}

/** The percentage of a rollout strategy; undefined for strategies that are not a plain percentage. */
function rolloutPercent(strategy: UnleashStrategy): number | undefined {
  const text = strategy.name === 'flexibleRollout' ? strategy.parameters.rollout
    : strategy.name.startsWith('gradualRollout') ? strategy.parameters.percentage
      : undefined;
  if (text === undefined) return undefined;
  const percent = Number(text);
  return Number.isFinite(percent) && percent >= 0 && percent <= 100 ? percent : undefined;
}

/** The served variants and split when `percent` of everyone gets the flag on (with `variants`, when there are any). */
function servedTo(variants: UnleashVariant[], percent: number): Omit<EnvironmentFlagState, 'environment' | 'lastModified'> {
  const common = { enabled: true, hasRules: false };
  const weighted = variants.filter((variant) => variant.weight > 0);
  if (weighted.length === 0) {
    if (percent >= 100) return { ...common, variants: { ...ON_OFF }, defaultVariant: 'on', rollout: [] };
    return { ...common, variants: { ...ON_OFF }, rollout: [{ variant: 'on', percent }, { variant: 'off', percent: roundPercent(100 - percent) }] };
  }
  const totalWeight = weighted.reduce((sum, variant) => sum + variant.weight, 0);
  const rollout = weighted.map((variant) => ({ variant: variant.name, percent: roundPercent((variant.weight / totalWeight) * percent) }));
  const values = Object.fromEntries(weighted.map((variant) => [variant.name, variantValue(variant)]));
  if (percent >= 100) return { ...common, variants: values, rollout };
  return { ...common, variants: { ...values, off: false }, rollout: [...rollout, { variant: 'off', percent: roundPercent(100 - percent) }] };
}

/** A variant's payload as a value (JSON and numbers parsed), or its name when it has no payload. */
function variantValue(variant: UnleashVariant): unknown {
  const payload = variant.payload;
  if (!payload) return variant.name;
  if (payload.type === 'json') {
    try {
      return JSON.parse(payload.value);
    } catch {
      return payload.value;
    }
  }
  if (payload.type === 'number' && Number.isFinite(Number(payload.value))) return Number(payload.value);
  return payload.value;
}

/** One strategy for people: "userId in [alice, bob], segment beta-testers, 50%". */
function describeStrategy(strategy: UnleashStrategy, segmentNames: ReadonlyMap<number, string>): string {
  const parts: string[] = [];
  const listParameter = (label: string, name: string) => {
    const values = (strategy.parameters[name] ?? '').split(',').map((value) => value.trim()).filter(Boolean);
    if (values.length > 0) parts.push(describeConstraint({ contextName: label, operator: 'IN', values, inverted: false }));
  };
  if (strategy.name === 'userWithId') listParameter('userId', 'userIds');
  else if (strategy.name === 'remoteAddress') listParameter('IP', 'IPs');
  else if (strategy.name === 'applicationHostname') listParameter('hostname', 'hostNames');
  else if (strategy.name !== 'default' && rolloutPercent(strategy) === undefined) parts.push(`strategy ${strategy.name}`);
  parts.push(...strategy.constraints.map(describeConstraint));
  parts.push(...strategy.segments.map((id) => `segment ${segmentNames.get(id) ?? id}`));
  const percent = rolloutPercent(strategy);
  if (percent !== undefined && percent < 100) parts.push(`${percent}%`);
  return parts.length > 0 ? parts.join(', ') : 'everyone';
}

/** The object without its undefined properties, so that definitions compare and serialise cleanly. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function roundPercent(percent: number): number {
  return Math.round(percent * 100) / 100;
}

/** Environment names across flags, ordered as Unleash orders them. */
export function knownEnvironments(flags: UnleashFlagSummary[]): string[] {
  const sortOrders = new Map<string, number>();
  for (const flag of flags) {
    for (const environment of flag.environments) {
      if (!sortOrders.has(environment.name)) sortOrders.set(environment.name, environment.sortOrder);
    }
  }
  return [...sortOrders].sort((left, right) => left[1] - right[1] || left[0].localeCompare(right[0])).map(([name]) => name);
}

function parseStrategy(json: unknown, where: string): UnleashStrategy {
  const strategy = expectObject(json, where);
  const parameters: Record<string, string> = {};
  if (isObject(strategy.parameters)) {
    for (const [name, value] of Object.entries(strategy.parameters)) {
      if (typeof value === 'string' || typeof value === 'number') parameters[name] = String(value);
    }
  }
  const constraints = expectArray(strategy.constraints ?? [], `${where}.constraints`).map((item, index) => {
    const constraint = expectObject(item, `${where}.constraints[${index}]`);
    return {
      contextName: expectString(constraint.contextName, `${where}.constraints[${index}].contextName`),
      operator: expectString(constraint.operator, `${where}.constraints[${index}].operator`),
      values: Array.isArray(constraint.values) ? constraint.values.map(String) : [],
      value: optionalString(constraint.value),
      inverted: constraint.inverted === true,
    };
  });
  const segments = expectArray(strategy.segments ?? [], `${where}.segments`).filter((id): id is number => typeof id === 'number');
  return {
    name: expectString(strategy.name, `${where}.name`),
    parameters,
    constraints,
    segments,
    variants: parseVariants(strategy.variants ?? [], `${where}.variants`),
    disabled: strategy.disabled === true,
  };
}

function parseVariants(json: unknown, where: string): UnleashVariant[] {
  return expectArray(json, where).map((item, index) => {
    const variant = expectObject(item, `${where}[${index}]`);
    const weight = variant.weight;
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      throw new ResponseShapeError(`${where}[${index}].weight is not a weight`);
    }
    const payload = isObject(variant.payload) && typeof variant.payload.type === 'string' && typeof variant.payload.value === 'string'
      ? { type: variant.payload.type, value: variant.payload.value }
      : undefined;
    return { name: expectString(variant.name, `${where}[${index}].name`), weight, payload };
  });
}

/** A tag for people: simple tags by value, others as `type:value`. */
function tagText(json: unknown): string[] {
  if (!isObject(json) || typeof json.value !== 'string') return [];
  return [json.type === 'simple' || typeof json.type !== 'string' ? json.value : `${json.type}:${json.value}`];
}
