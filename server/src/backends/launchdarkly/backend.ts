// Flag definitions from LaunchDarkly's REST API v2 (app.launchdarkly.com, or the EU and federal
// instances through `baseUri`): the requests. One load lists the project's flags with their
// per-environment configuration (`GET /api/v2/flags/{project}?summary=0&env=…`, paged through
// `_links.next`), the archived ones in a second list, and each environment's flag statuses
// (`GET /api/v2/flag-statuses/{project}/{env}`); wire.ts turns the answers into definitions.

import type { HttpFailure } from '../http';
import { ServiceBackend, type ParsedAnswer, type ServiceBackendOptions } from '../serviceBackend';
import type { ServiceRead } from '../serviceSync';
import { parseFlagList, parseFlagStatuses, toFlagDefinition, type LaunchDarklyDefinitionContext, type LaunchDarklyFlag, type LaunchDarklyFlagStatus } from './wire';

/** The hosted LaunchDarkly; EU and federal customers set `baseUri` to their instance. */
export const DEFAULT_LAUNCHDARKLY_BASE_URI = 'https://app.launchdarkly.com';

/** How to reach one LaunchDarkly project. */
export interface LaunchDarklyBackendOptions extends ServiceBackendOptions {
  /** `https://app.launchdarkly.com`, `https://app.eu.launchdarkly.com`, `https://app.launchdarkly.us`. */
  baseUri?: string;
  project: string;
  /** The environment keys to read, in display order (the API needs them named). */
  environments: string[];
  /** An API access token (personal or service); sent, as is, only to the origin of `baseUri`. */
  token?: string;
  /** How a person sets the token where FlagLens runs, for messages: `run "FlagLens: Set Backend Token"`. */
  howToSetToken?: string;
}

/** The flag list's page size; LaunchDarkly answers at most 100 flags a page. */
const PAGE_SIZE = 100;
/** Enough pages for 20,000 flags; a server that keeps linking further is misbehaving. */
const MAX_PAGES = 200;

/** Reads one LaunchDarkly project through the REST API v2, keeping the last good definitions when that fails. */
export class LaunchDarklyBackend extends ServiceBackend {
  constructor(private readonly options: LaunchDarklyBackendOptions) {
    const baseUri = (options.baseUri ?? DEFAULT_LAUNCHDARKLY_BASE_URI).replace(/\/+$/, '');
    const instance = baseUri === DEFAULT_LAUNCHDARKLY_BASE_URI ? '' : `${baseUri}, `;
    // LaunchDarkly takes the access token as the whole Authorization header, without "Bearer".
    super(`LaunchDarkly (${instance}project ${options.project})`, 'LaunchDarkly', baseUri, options, options.environments);
  }

  protected async read(): Promise<ServiceRead | { failure: HttpFailure }> {
    const project = encodeURIComponent(this.options.project);
    const query = new URLSearchParams({ summary: '0', limit: String(PAGE_SIZE) });
    for (const environment of this.options.environments) query.append('env', environment);

    const active = await this.list(`api/v2/flags/${project}?${query}`);
    if ('failure' in active) return active;
    query.set('filter', 'state:archived');
    const archived = await this.list(`api/v2/flags/${project}?${query}`);
    if ('failure' in archived) return archived;

    const statuses = new Map<string, Map<string, LaunchDarklyFlagStatus>>();
    for (const environment of this.options.environments) {
      const result = await this.getParsed(`api/v2/flag-statuses/${project}/${encodeURIComponent(environment)}`, parseFlagStatuses);
      // Statuses only add a word to the hover; flags without them are still right.
      if ('value' in result) statuses.set(environment, result.value);
    }

    const byKey = new Map(active.flags.map((flag) => [flag.key, flag]));
    for (const flag of archived.flags) if (flag.archived && !byKey.has(flag.key)) byKey.set(flag.key, flag);
    const context: LaunchDarklyDefinitionContext = {
      baseUri: this.baseUrl,
      project: this.options.project,
      source: this.label,
      environments: this.options.environments,
      statuses,
    };
    const flags = [...byKey.values()];
    const definitions = flags.map((flag) => toFlagDefinition(flag, context));
    const known = this.options.environments.filter((name) => flags.some((flag) => flag.environments[name] !== undefined));
    const missing = this.options.environments.filter((name) => !known.includes(name));
    const warning = this.projectWarning(this.options.project, definitions.length, missing);
    return { definitions, environments: known, warning };
  }

  /** Every page of one flag list, following `_links.next` on the same server only. */
  private async list(firstPath: string): Promise<{ flags: LaunchDarklyFlag[] } | { failure: HttpFailure }> {
    const flags: LaunchDarklyFlag[] = [];
    let path: string | undefined = firstPath;
    for (let page = 0; page < MAX_PAGES && path !== undefined; page++) {
      const result: ParsedAnswer<ReturnType<typeof parseFlagList>> = await this.getParsed(path, parseFlagList);
      if ('failure' in result) return result;
      flags.push(...result.value.flags);
      const next: string | undefined = result.value.next;
      if (next === undefined || result.value.flags.length === 0) break;
      const nextUrl: URL = new URL(next, `${this.baseUrl}/`);
      if (nextUrl.origin !== new URL(this.baseUrl).origin) {
        return { failure: { kind: 'bad response', message: `bad response: the next page of flags is on another server (${nextUrl.origin})` } };
      }
      path = `${nextUrl.pathname.replace(/^\//, '')}${nextUrl.search}`;
    }
    return { flags };
  }

  protected unauthorisedAdvice(): string {
    const howToSet = this.options.howToSetToken ? ` (${this.options.howToSetToken})` : '';
    return this.client.sendsToken()
      ? `check the token (an API access token with reader access to project ${this.options.project})${howToSet}`
      : `set a LaunchDarkly API access token for ${new URL(this.baseUrl).origin}${howToSet}`;
  }
}
