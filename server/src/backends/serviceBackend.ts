// What the Unleash and LaunchDarkly backends share around their vendor's requests: one JSON client for
// the service, the sync state behind load() and its backoff, and the failures of a read in one line.

import { JsonClient, refuseBaseUrl, type HttpFailure } from './http';
import { ResponseShapeError } from './jsonShape';
import { ServiceSync, type ServiceRead } from './serviceSync';
import type { BackendLoad, FlagBackend } from './types';

/** What every service backend's options hold besides the service's address and project. */
export interface ServiceBackendOptions {
  /** Sent only to the origin of the service's address (or `tokenOrigin`). */
  token?: string;
  /** The origin the token was stored for, when it may differ from the address's (a workspace can change the URL). */
  tokenOrigin?: string;
  timeoutMs?: number;
  /** The clock, ms since epoch; tests pass their own. */
  now?: () => number;
  /** How often to read the project again while all is well, in ms. */
  pollIntervalMs?: number;
  /** The largest answer read, in bytes (`maxResponseBytes` in .flaglens.json); default `DEFAULT_MAX_RESPONSE_BYTES`. */
  maxResponseBytes?: number;
}

/** A parsed answer of the service, or why there is none. */
export type ParsedAnswer<T> = { value: T } | { failure: HttpFailure };

/** A flag service read through JSON GETs; each vendor says what one read is and what to do about a 401/403. */
export abstract class ServiceBackend implements FlagBackend {
  readonly pollIntervalMs?: number;
  protected readonly client: JsonClient;
  private readonly sync: ServiceSync;

  /** `vendor` names the service in messages ("… is not what Unleash answers"); `baseUrl` has no trailing slash. */
  protected constructor(
    readonly label: string,
    private readonly vendor: string,
    protected readonly baseUrl: string,
    options: ServiceBackendOptions,
    configuredEnvironments: readonly string[],
  ) {
    this.pollIntervalMs = options.pollIntervalMs;
    this.client = new JsonClient({ baseUrl, token: options.token, tokenOrigin: options.tokenOrigin, timeoutMs: options.timeoutMs, maxResponseBytes: options.maxResponseBytes });
    this.sync = new ServiceSync(label, options.now ?? Date.now, configuredEnvironments);
  }

  /** Reads every flag of the project. Never throws; on failure returns the last good definitions with ok: false. */
  load(): Promise<BackendLoad> {
    return this.sync.load(() => this.readUnlessRefused(), () => this.unauthorisedAdvice());
  }

  /** How long the poller should wait before the next load: the interval when healthy, backing off while failing. */
  nextLoadDelay(pollIntervalMs: number, random: number = Math.random()): number {
    return this.sync.nextLoadDelay(pollIntervalMs, random);
  }

  watchedFiles(): string[] {
    return [];
  }

  /** One read of the project's flags, or the failure that stopped it. */
  protected abstract read(): Promise<ServiceRead | { failure: HttpFailure }>;

  /** What to do about a 401/403, with the token's name but never its value. */
  protected abstract unauthorisedAdvice(): string;

  /** GETs `path` and parses the answer; a ResponseShapeError becomes a `bad response` failure naming the path. */
  protected async getParsed<T>(path: string, parse: (json: unknown) => T): Promise<ParsedAnswer<T>> {
    const response = await this.client.getJson(path);
    if (!response.ok) return { failure: response.failure };
    try {
      return { value: parse(response.body) };
    } catch (error) {
      if (!(error instanceof ResponseShapeError)) throw error;
      const where = path.split('?')[0];
      return { failure: { kind: 'bad response', message: `bad response: /${where} is not what ${this.vendor} answers (${error.message})` } };
    }
  }

  /** What a read that worked should still say: the project has no flags, or lacks configured environments (`known`: those it has). */
  protected projectWarning(project: string, flagCount: number, missing: readonly string[], known?: readonly string[]): string | undefined {
    if (flagCount === 0) return `${this.label}: project '${project}' has no flags; check "project" in .flaglens.json`;
    if (missing.length === 0) return undefined;
    const has = known === undefined ? '' : ` (it has ${known.join(', ')})`;
    return `${this.label}: project ${project} has no environment ${missing.map((name) => `'${name}'`).join(', ')}${has}; check "environments" in .flaglens.json`;
  }

  private async readUnlessRefused(): Promise<ServiceRead | { failure: HttpFailure }> {
    const refusal = refuseBaseUrl(this.baseUrl);
    if (refusal) return { failure: { kind: 'refused', message: refusal } };
    return this.read();
  }
}
