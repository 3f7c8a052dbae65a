// LaunchDarkly's REST API v2 answers as flag definitions: pure parsing and conversion, no IO, so that
// the documented JSON shapes are tested without a server (the requests are in backend.ts).
//
// How an environment's configuration becomes what it serves (EnvironmentFlagState):
// - `on: false` serves the off variation (`offVariation`); without one, the code's default;
// - `on: true` serves the fallthrough: one variation, or a rollout whose weights are out of 100000;
// - individual targets (`targets`, `contextTargets`), `rules` and `prerequisites` are targeting:
//   `hasRules`, summarised for people.

import type { EnvironmentFlagState, Exposure, FlagDefinition } from '../../analysis/types';
import { expectArray, expectObject, expectString, isObject, optionalString, ResponseShapeError } from '../jsonShape';

/** One variation of a flag; its position in `variations` is what environments refer to. */
export interface LaunchDarklyVariation {
  value: unknown;
  name?: string;
}

/** One clause of a targeting rule: `email endsWith ["@example.com"]`. */
export interface LaunchDarklyClause {
  attribute: string;
  op: string;
  values: unknown[];
  negate: boolean;
  contextKind?: string;
}

/** A variation, or a percentage rollout whose weights are out of 100000. */
export interface LaunchDarklyServe {
  variation?: number;
  rollout?: Array<{ variation: number; weight: number }>;
}

/** A flag's configuration in one environment (`environments[env]` of the flag list with `summary=0`). */
export interface LaunchDarklyEnvironmentConfig {
  on: boolean;
  offVariation?: number;
  fallthrough: LaunchDarklyServe;
  rules: Array<LaunchDarklyServe & { clauses: LaunchDarklyClause[]; description?: string }>;
  /** Individual targets from `targets` and `contextTargets`: how many contexts get which variation. */
  targets: Array<{ variation: number; count: number; contextKind?: string }>;
  prerequisites: string[];
  /** ISO 8601. */
  lastModified?: string;
  archived: boolean;
}

/** A flag as the flag list returns it. */
export interface LaunchDarklyFlag {
  key: string;
  name?: string;
  description?: string;
  variations: LaunchDarklyVariation[];
  temporary: boolean;
  archived: boolean;
  deprecated: boolean;
  tags: string[];
  /** ISO 8601. */
  creationDate?: string;
  maintainer?: string;
  environments: Record<string, LaunchDarklyEnvironmentConfig>;
}

/** Everything besides the flag itself that turning it into a definition needs. */
export interface LaunchDarklyDefinitionContext {
  baseUri: string;
  project: string;
  /** For people: `LaunchDarkly (project …)`. */
  source: string;
  /** The environments to keep, in this order. */
  environments: readonly string[];
  /** Environment → flag key → status (new, active, inactive, launched) and last evaluation. */
  statuses: ReadonlyMap<string, ReadonlyMap<string, LaunchDarklyFlagStatus>>;
}

const STATUS_NAMES = ['new', 'active', 'inactive', 'launched'];
const FULL_WEIGHT = 100_000;

const OPERATOR_WORDS: Record<string, string> = {
  in: 'is one of',
  endsWith: 'ends with',
  startsWith: 'starts with',
  matches: 'matches',
  contains: 'contains',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>=',
  before: 'before',
  after: 'after',
  segmentMatch: 'in segment',
  semVerEqual: '= version',
  semVerLessThan: '< version',
  semVerGreaterThan: '> version',
};

/** Reads one page of `GET /api/v2/flags/{project}?summary=0`; throws ResponseShapeError when the shape is wrong. */
export function parseFlagList(json: unknown): { flags: LaunchDarklyFlag[]; next?: string; totalCount?: number } {
  const root = expectObject(json, 'the flag list');
  const flags = expectArray(root.items, 'items').map((item, index) => parseFlag(item, `items[${index}]`));
  const links = isObject(root._links) ? root._links : {};
  const next = isObject(links.next) && typeof links.next.href === 'string' ? links.next.href : undefined;
  return { flags, next, totalCount: typeof root.totalCount === 'number' ? root.totalCount : undefined };
}

/** A flag's status in one environment, and when an SDK last evaluated it there (ISO 8601). */
export interface LaunchDarklyFlagStatus {
  name: string;
  lastRequested?: string;
}

/** Flag key → status, from `GET /api/v2/flag-statuses/{project}/{env}`; the key is the last part of each item's parent link. */
export function parseFlagStatuses(json: unknown): Map<string, LaunchDarklyFlagStatus> {
  const root = expectObject(json, 'the flag statuses');
  const statuses = new Map<string, LaunchDarklyFlagStatus>();
  expectArray(root.items, 'items').forEach((item, index) => {
    const status = expectObject(item, `items[${index}]`);
    const name = expectString(status.name, `items[${index}].name`);
    const links = isObject(status._links) ? status._links : {};
    const href = isObject(links.parent) && typeof links.parent.href === 'string' ? links.parent.href : undefined;
    const key = href?.split('?')[0].split('/').filter(Boolean).pop();
    const lastRequested = isoDate(status.lastRequested);
    if (key !== undefined && STATUS_NAMES.includes(name)) statuses.set(decodeURIComponent(key), lastRequested === undefined ? { name } : { name, lastRequested });
  });
  return statuses;
}

/** A rule clause for people: `email ends with @example.com`, `not country is one of [de, fr]`. */
export function describeClause(clause: LaunchDarklyClause): string {
  const operator = OPERATOR_WORDS[clause.op] ?? clause.op;
  const values = clause.values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
  const shown = values.length > 3 ? [...values.slice(0, 3), `… ${values.length - 3} more`] : values;
  const listed = shown.length === 1 ? shown[0] : `[${shown.join(', ')}]`;
  return `${clause.negate ? 'not ' : ''}${clause.attribute} ${operator} ${listed}`;
}

/** The names FlagLens gives a flag's variations: their own names, `on`/`off` for booleans, else `variation N`. */
export function variationNames(variations: readonly LaunchDarklyVariation[]): string[] {
  const names = variations.map((variation, index) => {
    if (variation.name) return variation.name;
    if (variation.value === true) return 'on';
    if (variation.value === false) return 'off';
    return `variation ${index + 1}`;
  });
  // Two variations of one name would merge into one variant; the position tells them apart.
  return names.map((name, index) => (names.indexOf(name) === index && names.lastIndexOf(name) === index ? name : `${name} (${index + 1})`));
}

/** What one environment serves (see the top of this file). */
export function environmentState(environment: string, config: LaunchDarklyEnvironmentConfig, variations: readonly LaunchDarklyVariation[], status?: LaunchDarklyFlagStatus): EnvironmentFlagState {
  const names = variationNames(variations);
  const variants = Object.fromEntries(variations.map((variation, index) => [names[index], variation.value]));
  const nameOf = (index: number | undefined) => (index !== undefined && index >= 0 && index < names.length ? names[index] : undefined);
  const state: EnvironmentFlagState = { environment, enabled: config.on, variants, rollout: [], hasRules: false };
  const offVariant = nameOf(config.offVariation);
  if (offVariant !== undefined) state.offVariant = offVariant;
  if (config.lastModified !== undefined) state.lastModified = config.lastModified;
  if (status !== undefined) state.backendStatus = status.name;
  if (status?.lastRequested !== undefined) state.lastSeenAt = status.lastRequested;
  if (!config.on) return state;

  const fallthrough = config.fallthrough;
  if (fallthrough.rollout !== undefined) {
    const total = fallthrough.rollout.reduce((sum, share) => sum + share.weight, 0) || FULL_WEIGHT;
    state.rollout = fallthrough.rollout.flatMap((share) => {
      const variant = nameOf(share.variation);
      return variant === undefined || share.weight <= 0 ? [] : [{ variant, percent: roundPercent((share.weight / total) * 100) }];
    });
  } else {
    const variant = nameOf(fallthrough.variation);
    if (variant !== undefined) state.defaultVariant = variant;
  }

  const targeting = [
    ...config.prerequisites.map((key) => `prerequisite ${key}`),
    ...config.targets.map((target) => `${target.count} ${target.contextKind && target.contextKind !== 'user' ? `${target.contextKind} ` : ''}${target.count === 1 ? 'target' : 'targets'} get ${nameOf(target.variation) ?? 'a variation'}`),
    ...config.rules.map((rule) => {
      const conditions = rule.description || rule.clauses.map(describeClause).join(' and ') || 'everyone';
      const serves = rule.rollout !== undefined ? 'a percentage rollout' : nameOf(rule.variation) ?? 'a variation';
      return `if ${conditions}: ${serves}`;
    }),
  ];
  if (targeting.length > 0) {
    state.hasRules = true;
    state.rulesSummary = targeting.join('; ');
    if (fallthrough.rollout === undefined) state.exposure = exposureWithFallthrough(config, variations, state.rulesSummary);
  }
  return state;
}

/**
 * The release stage of an environment whose fallthrough serves one variation and that has targets or
 * rules: everyone when the fallthrough reaches people (serves other than the off variation or false);
 * otherwise the targeted users, or a percentage of them when a rule rolls out.
 */
function exposureWithFallthrough(config: LaunchDarklyEnvironmentConfig, variations: readonly LaunchDarklyVariation[], who: string): Exposure {
  const reaches = (index: number | undefined): boolean => index !== undefined && index !== config.offVariation
    && index >= 0 && index < variations.length && variations[index].value !== false;
  if (reaches(config.fallthrough.variation)) return { stage: 'everyone' };
  const percents = config.rules.flatMap((rule) => {
    if (rule.rollout === undefined) return [];
    const total = rule.rollout.reduce((sum, share) => sum + share.weight, 0) || FULL_WEIGHT;
    const reached = rule.rollout.reduce((sum, share) => sum + (reaches(share.variation) ? share.weight : 0), 0);
    return reached > 0 && reached < total ? [roundPercent((reached / total) * 100)] : [];
  });
  return percents.length > 0 ? { stage: 'partial', percent: Math.max(...percents), who } : { stage: 'targeted', who };
}

/** The link to a flag's page in the LaunchDarkly app. */
export function flagLink(baseUri: string, project: string, flag: string): string {
  return `${baseUri.replace(/\/+$/, '')}/projects/${encodeURIComponent(project)}/flags/${encodeURIComponent(flag)}`;
}

/**
 * A FlagDefinition from one listed flag. LaunchDarkly has no "stale" mark: a deprecated flag (on its
 * way out) reads as stale. A temporary flag is tagged `temporary`, since it is meant to be removed.
 */
export function toFlagDefinition(flag: LaunchDarklyFlag, context: LaunchDarklyDefinitionContext): FlagDefinition {
  const environments = context.environments.flatMap((name) => {
    const config = flag.environments[name];
    if (config === undefined) return [];
    // An archived flag is served to no SDK, so every SDK falls back to the code's default.
    if (flag.archived) {
      return [{ environment: name, enabled: false, variants: {}, rollout: [], hasRules: false, ...(config.lastModified ? { lastModified: config.lastModified } : {}) }];
    }
    return [environmentState(name, config, flag.variations, context.statuses.get(name)?.get(flag.key))];
  });
  const definition: FlagDefinition = {
    key: flag.key,
    stale: flag.deprecated,
    archived: flag.archived,
    temporary: flag.temporary,
    tags: flag.temporary && !flag.tags.includes('temporary') ? [...flag.tags, 'temporary'] : flag.tags,
    link: flagLink(context.baseUri, context.project, flag.key),
    source: context.source,
    environments,
  };
  const description = flag.description || (flag.name && flag.name !== flag.key ? flag.name : undefined);
  if (description) definition.description = description;
  if (flag.maintainer) definition.owner = flag.maintainer;
  if (flag.creationDate) definition.createdAt = flag.creationDate;
  return definition;
}

function parseFlag(json: unknown, where: string): LaunchDarklyFlag {
  const flag = expectObject(json, where);
  const key = expectString(flag.key, `${where}.key`);
  const variations = expectArray(flag.variations, `${where}.variations`).map((item, index) => {
    const variation = expectObject(item, `${where}.variations[${index}]`);
    if (!Object.hasOwn(variation, 'value')) throw new ResponseShapeError(`${where}.variations[${index}].value is missing`);
    return { value: variation.value, name: optionalString(variation.name) || undefined };
  });
  const environmentsJson = flag.environments ?? {};
  if (!isObject(environmentsJson)) throw new ResponseShapeError(`${where}.environments is not an object`);
  const environments: Record<string, LaunchDarklyEnvironmentConfig> = {};
  for (const [name, config] of Object.entries(environmentsJson)) {
    environments[name] = parseEnvironment(config, `${where}.environments.${name}`);
  }
  const maintainer = isObject(flag._maintainer) ? maintainerName(flag._maintainer) : undefined;
  return {
    key,
    name: optionalString(flag.name),
    description: optionalString(flag.description) || undefined,
    variations,
    temporary: flag.temporary === true,
    archived: flag.archived === true,
    deprecated: flag.deprecated === true,
    tags: Array.isArray(flag.tags) ? flag.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    creationDate: isoDate(flag.creationDate),
    maintainer,
    environments,
  };
}

function parseEnvironment(json: unknown, where: string): LaunchDarklyEnvironmentConfig {
  const config = expectObject(json, where);
  if (typeof config.on !== 'boolean') throw new ResponseShapeError(`${where}.on is ${config.on === undefined ? 'missing' : 'not true or false'}`);
  const targets = [...asArray(config.targets), ...asArray(config.contextTargets)].flatMap((item) => {
    if (!isObject(item) || typeof item.variation !== 'number') return [];
    const count = Array.isArray(item.values) ? item.values.length : 0;
    // contextTargets repeats user targets with an empty value list, so those are not counted twice.
    return count > 0 ? [{ variation: item.variation, count, contextKind: optionalString(item.contextKind) }] : [];
  });
  const rules = asArray(config.rules).map((item, index) => {
    const rule = expectObject(item, `${where}.rules[${index}]`);
    const clauses = asArray(rule.clauses).flatMap((clauseJson): LaunchDarklyClause[] => {
      if (!isObject(clauseJson) || typeof clauseJson.attribute !== 'string' || typeof clauseJson.op !== 'string') return [];
      return [{
        attribute: clauseJson.attribute,
        op: clauseJson.op,
        values: Array.isArray(clauseJson.values) ? clauseJson.values : [],
        negate: clauseJson.negate === true,
        contextKind: optionalString(clauseJson.contextKind),
      }];
    });
    return { ...parseServe(rule, `${where}.rules[${index}]`), clauses, description: optionalString(rule.description) || undefined };
  });
  const prerequisites = asArray(config.prerequisites).flatMap((item) => (isObject(item) && typeof item.key === 'string' ? [item.key] : []));
  return {
    on: config.on,
    offVariation: typeof config.offVariation === 'number' ? config.offVariation : undefined,
    fallthrough: isObject(config.fallthrough) ? parseServe(config.fallthrough, `${where}.fallthrough`) : {},
    rules,
    targets,
    prerequisites,
    lastModified: isoDate(config.lastModified),
    archived: config.archived === true,
  };
}

function parseServe(json: Record<string, unknown>, where: string): LaunchDarklyServe {
  if (typeof json.variation === 'number') return { variation: json.variation };
  if (!isObject(json.rollout)) return {};
  const rollout = expectArray(json.rollout.variations, `${where}.rollout.variations`).map((item, index) => {
    const share = expectObject(item, `${where}.rollout.variations[${index}]`);
    if (typeof share.variation !== 'number' || typeof share.weight !== 'number' || share.weight < 0) {
      throw new ResponseShapeError(`${where}.rollout.variations[${index}] needs a variation and a weight`);
    }
    return { variation: share.variation, weight: share.weight };
  });
  return { rollout };
}

/** "Ada Lovelace", else the e-mail address. */
function maintainerName(maintainer: Record<string, unknown>): string | undefined {
  const name = [optionalString(maintainer.firstName), optionalString(maintainer.lastName)].filter(Boolean).join(' ');
  return name || optionalString(maintainer.email) || undefined;
}

/** LaunchDarkly dates are ms since epoch; some fields are ISO text. */
function isoDate(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
  if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(Date.parse(value)).toISOString();
  return undefined;
}

function roundPercent(percent: number): number {
  return Math.round(percent * 1000) / 1000;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
