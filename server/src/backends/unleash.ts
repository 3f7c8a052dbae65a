// Flag definitions from an Unleash server's Admin API (tested against unleash-server 7.5).
//
// One load reads the project's flags from the feature search (paged, archived ones separately), each
// active flag's strategies, the segment names and the project's recent events (for "last change").
// The parsers below are pure so that recorded Admin API answers can be tested without a server.
//
// How Unleash's strategies become what one environment serves (EnvironmentFlagState):
// - a disabled environment serves off (false, `offVariant`); an archived flag is sent to no SDK, so it serves the
//   code's default everywhere;
// - an enabled environment without active strategies, or whose first strategy catches everyone
//   (`default`, or a rollout of 100% without constraints and segments), serves on to everyone;
// - a lone rollout below 100% without constraints splits on/off by its percentage;
// - the variants of the strategy that decides are split by weight (out of 1000);
// - anything else (constraints, segments, user lists, several strategies) is targeting: `hasRules`.

import type { EnvironmentFlagState, FlagDefinition } from '../analysis/types';
import { expectArray, expectObject, expectString, isObject, JsonClient, optionalString, ResponseShapeError, refuseBaseUrl, type HttpFailure } from './http';
import { ServiceSync, type ServiceRead } from './serviceSync';
import type { BackendLoad, FlagBackend } from './types';

/** How to reach one Unleash project. */
export interface UnleashBackendOptions {
  baseUrl: string;
  project: string;
  /** An admin or personal access token; sent only to the origin of `baseUrl` (or `tokenOrigin`). */
  token?: string;
  /** The environments to read, in display order; all of the project's when absent. */
  environments?: string[];
  timeoutMs?: number;
  /** The origin the token was stored for, when it may differ from `baseUrl`'s (a workspace can change the URL). */
  tokenOrigin?: string;
  /** The clock, ms since epoch; tests pass their own. */
  now?: () => number;
  /** How often to read the project again while all is well, in ms. */
  pollIntervalMs?: number;
  /** How a person sets the token where FlagLens runs, for messages: `run "FlagLens: Set Backend Token"`. */
  howToSetToken?: string;
}

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

/** The feature search returns at most 100 flags a page. */
const SEARCH_PAGE_SIZE = 100;
/** Enough pages for 20,000 flags; a server that keeps answering full pages beyond that is misbehaving. */
const MAX_SEARCH_PAGES = 200;
/** The event search's largest page: the last change of flags untouched for longer is left unknown. */
const EVENT_PAGE_SIZE = 1000;
/** Parallel per-flag requests: fast enough for big projects without flooding the server. */
const DETAIL_CONCURRENCY = 6;

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
  };
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
    return environmentState(environment.name, detail, context.segmentNames, lastModified);
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

/** Reads one Unleash project through the Admin API, keeping the last good definitions when that fails. */
export class UnleashBackend implements FlagBackend {
  readonly label: string;
  readonly pollIntervalMs?: number;
  private readonly client: JsonClient;
  private readonly baseUrl: string;
  private readonly now: () => number;
  private readonly sync: ServiceSync;

  constructor(private readonly options: UnleashBackendOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.label = options.project === 'default' ? `Unleash (${this.baseUrl})` : `Unleash (${this.baseUrl}, project ${options.project})`;
    this.now = options.now ?? Date.now;
    this.pollIntervalMs = options.pollIntervalMs;
    this.client = new JsonClient({ baseUrl: this.baseUrl, token: options.token, tokenOrigin: options.tokenOrigin, timeoutMs: options.timeoutMs });
    this.sync = new ServiceSync(this.label, this.now, options.environments ?? []);
  }

  /** Reads every flag of the project. Never throws; on failure returns the last good definitions with ok: false. */
  load(): Promise<BackendLoad> {
    return this.sync.load(() => this.read(), () => this.unauthorisedAdvice());
  }

  /** How long the poller should wait before the next load: the interval when healthy, backing off while failing. */
  nextLoadDelay(pollIntervalMs: number, random: number = Math.random()): number {
    return this.sync.nextLoadDelay(pollIntervalMs, random);
  }

  watchedFiles(): string[] {
    return [];
  }

  private async read(): Promise<ServiceRead | { failure: HttpFailure }> {
    const refusal = refuseBaseUrl(this.baseUrl);
    if (refusal) return { failure: { kind: 'refused', message: refusal } };

    const active = await this.search(false);
    if ('failure' in active) return active;
    const archived = await this.search(true);
    if ('failure' in archived) return archived;

    const detailsResults = await mapWithConcurrency(active.flags, DETAIL_CONCURRENCY, (flag) => this.details(flag.name));
    const [segmentNames, lastChanges] = await Promise.all([this.segmentNames(), this.lastChanges()]);
    const detailsByName = new Map<string, UnleashFlagDetails>();
    for (const result of detailsResults) {
      if (result === undefined) continue;
      if ('failure' in result) return result;
      detailsByName.set(result.name, result);
    }

    const allEnvironments = knownEnvironments([...active.flags, ...archived.flags]);
    const wanted = this.options.environments;
    const missing = wanted ? wanted.filter((name) => !allEnvironments.includes(name)) : [];
    const context: UnleashDefinitionContext = {
      baseUrl: this.baseUrl,
      project: this.options.project,
      source: this.label,
      segmentNames,
      lastChanges,
      environments: wanted,
    };
    const definitions = [
      // A flag deleted between the search and its own request has no details: it is gone.
      ...active.flags.flatMap((flag) => {
        const details = detailsByName.get(flag.name);
        return details ? [toFlagDefinition(flag, details, context)] : [];
      }),
      ...archived.flags.map((flag) => toFlagDefinition(flag, undefined, context)),
    ];
    const environments = wanted ? wanted.filter((name) => allEnvironments.includes(name)) : allEnvironments;
    // The search answers an unknown project with no flags rather than an error.
    const warning = definitions.length === 0
      ? `${this.label}: project '${this.options.project}' has no flags; check "project" in .flaglens.json`
      : missing.length > 0
        ? `${this.label}: project ${this.options.project} has no environment ${missing.map((name) => `'${name}'`).join(', ')} (it has ${allEnvironments.join(', ')}); check "environments" in .flaglens.json`
        : undefined;
    return { definitions, environments, warning };
  }

  private async search(archived: boolean): Promise<{ flags: UnleashFlagSummary[] } | { failure: HttpFailure }> {
    const flags: UnleashFlagSummary[] = [];
    for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
      const query = new URLSearchParams({
        project: `IS:${this.options.project}`,
        limit: String(SEARCH_PAGE_SIZE),
        offset: String(page * SEARCH_PAGE_SIZE),
        sortBy: 'name',
        sortOrder: 'asc',
      });
      if (archived) query.set('archived', 'IS:true');
      const result = await this.getParsed(`api/admin/search/features?${query}`, parseFeatureSearch);
      if ('failure' in result) return result;
      flags.push(...result.value.flags);
      if (result.value.flags.length < SEARCH_PAGE_SIZE || flags.length >= result.value.total) break;
    }
    return { flags };
  }

  private async details(flag: string): Promise<UnleashFlagDetails | { failure: HttpFailure } | undefined> {
    const path = `api/admin/projects/${encodeURIComponent(this.options.project)}/features/${encodeURIComponent(flag)}`;
    const result = await this.getParsed(path, parseFeatureDetails);
    if ('value' in result) return result.value;
    return result.failure.status === 404 ? undefined : result;
  }

  /** Segment names make rules readable; without them (a token without access) rules name segment ids. */
  private async segmentNames(): Promise<Map<number, string>> {
    const result = await this.getParsed('api/admin/segments', parseSegmentNames);
    return 'value' in result ? result.value : new Map();
  }

  /** The last change per flag and environment; unknown when the event search is not readable. */
  private async lastChanges(): Promise<Map<string, Map<string, string>>> {
    const query = new URLSearchParams({ project: `IS:${this.options.project}`, limit: String(EVENT_PAGE_SIZE) });
    const result = await this.getParsed(`api/admin/search/events?${query}`, parseLastChanges);
    return 'value' in result ? result.value : new Map();
  }

  private async getParsed<T>(path: string, parse: (json: unknown) => T): Promise<{ value: T } | { failure: HttpFailure }> {
    const response = await this.client.getJson(path);
    if (!response.ok) return { failure: response.failure };
    try {
      return { value: parse(response.body) };
    } catch (error) {
      if (!(error instanceof ResponseShapeError)) throw error;
      const where = path.split('?')[0];
      return { failure: { kind: 'bad response', message: `bad response: /${where} is not what Unleash answers (${error.message})` } };
    }
  }

  /** What to do about a 401/403, with the token's name but never its value. */
  private unauthorisedAdvice(): string {
    const howToSet = this.options.howToSetToken ? ` (${this.options.howToSetToken})` : '';
    return this.client.sendsToken()
      ? `check the token (an admin or personal access token with access to project ${this.options.project})${howToSet}`
      : `set an Unleash admin or personal access token for this address${howToSet}`;
  }
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
function knownEnvironments(flags: UnleashFlagSummary[]): string[] {
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

async function mapWithConcurrency<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
