// Flag definitions from an Unleash server's Admin API (tested against unleash-server 7.5): the
// requests. One load reads the project's flags from the feature search (paged, archived ones separately),
// each active flag's strategies, the segment names and the project's recent events (for "last change");
// wire.ts turns the answers into definitions.

import type { HttpFailure } from '../http';
import { ServiceBackend, type ServiceBackendOptions } from '../serviceBackend';
import type { ServiceRead } from '../serviceSync';
import {
  knownEnvironments,
  parseFeatureDetails,
  parseFeatureSearch,
  parseLastChanges,
  parseSegmentNames,
  toFlagDefinition,
  type UnleashDefinitionContext,
  type UnleashFlagDetails,
  type UnleashFlagSummary,
} from './wire';

/** How to reach one Unleash project. */
export interface UnleashBackendOptions extends ServiceBackendOptions {
  baseUrl: string;
  project: string;
  /** An admin or personal access token; sent only to the origin of `baseUrl` (or `tokenOrigin`). */
  token?: string;
  /** The environments to read, in display order; all of the project's when absent. */
  environments?: string[];
  /** How a person sets the token where FlagLens runs, for messages: `run "FlagLens: Set Backend Token"`. */
  howToSetToken?: string;
}

/** The feature search returns at most 100 flags a page. */
const SEARCH_PAGE_SIZE = 100;
/** Enough pages for 20,000 flags; a server that keeps answering full pages beyond that is misbehaving. */
const MAX_SEARCH_PAGES = 200;
/** The event search's largest page: the last change of flags untouched for longer is left unknown. */
const EVENT_PAGE_SIZE = 1000;
/** Parallel per-flag requests: fast enough for big projects without flooding the server. */
const DETAIL_CONCURRENCY = 6;

/** Reads one Unleash project through the Admin API, keeping the last good definitions when that fails. */
export class UnleashBackend extends ServiceBackend {
  constructor(private readonly options: UnleashBackendOptions) {
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    const label = options.project === 'default' ? `Unleash (${baseUrl})` : `Unleash (${baseUrl}, project ${options.project})`;
    super(label, 'Unleash', baseUrl, options, options.environments ?? []);
  }

  protected async read(): Promise<ServiceRead | { failure: HttpFailure }> {
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
    const warning = this.projectWarning(this.options.project, definitions.length, missing, allEnvironments);
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

  protected unauthorisedAdvice(): string {
    const howToSet = this.options.howToSetToken ? ` (${this.options.howToSetToken})` : '';
    return this.client.sendsToken()
      ? `check the token (an admin or personal access token with access to project ${this.options.project})${howToSet}`
      : `set an Unleash admin or personal access token for this address${howToSet}`;
  }
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
