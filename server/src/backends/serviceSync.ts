// What every flag service backend does around its reads: keep the last good definitions, count
// failures for the backoff, honour a 429's Retry-After, and turn a failure into one line for people.

import type { FlagDefinition } from '../analysis/types';
import { nextRetryDelay, type HttpFailure } from './http';
import type { BackendLoad } from './types';

/** One successful read of a service. */
export interface ServiceRead {
  definitions: FlagDefinition[];
  environments: string[];
  /** Something worth saying although the read succeeded (an environment the project lacks). */
  warning?: string;
}

/** The warning while an empty answer is not believed yet: `count` flags of the last good answer stay in use. */
export function emptyAnswerWarning(label: string, count: number): string {
  const flags = count === 1 ? '1 flag' : `${count} flags`;
  return `${label}: answered no flags where it had ${flags}; the ${flags} stay in use until it answers none a second time in a row`;
}

/** The sync state of one flag service; `load()` never throws. */
export class ServiceSync {
  private lastGood: { definitions: FlagDefinition[]; environments: string[]; syncedAt: number } | undefined;
  private consecutiveFailures = 0;
  private retryAfterUntil = 0;
  private lastFailureMessage: string | undefined;
  private emptyAnswersInARow = 0;

  constructor(
    private readonly label: string,
    private readonly now: () => number,
    private readonly configuredEnvironments: readonly string[],
  ) {}

  /** Reads once through `read`; on failure returns the last good definitions with ok: false. */
  async load(read: () => Promise<ServiceRead | { failure: HttpFailure }>, unauthorisedAdvice: () => string): Promise<BackendLoad> {
    const now = this.now();
    // A server that answered 429 gets no request before the time it asked for.
    if (now < this.retryAfterUntil && this.lastFailureMessage) return this.failed(this.lastFailureMessage);
    try {
      const result = await read();
      if ('failure' in result) return this.fail(result.failure, now, unauthorisedAdvice);
      this.consecutiveFailures = 0;
      this.retryAfterUntil = 0;
      this.lastFailureMessage = undefined;
      const held = this.holdOverEmpty(result);
      if (held !== undefined) return held;
      this.lastGood = { definitions: result.definitions, environments: result.environments, syncedAt: now };
      return { definitions: result.definitions, environments: result.environments, problems: [], ok: true, message: result.warning, syncedAt: now };
    } catch (error) {
      // read() handles every expected failure; this keeps load() from ever throwing.
      const text = error instanceof Error ? error.message : String(error);
      return this.fail({ kind: 'bad response', message: `bad response: ${text}` }, now, unauthorisedAdvice);
    }
  }

  /** How long the poller should wait before the next load: the interval when healthy, backing off while failing. */
  nextLoadDelay(pollIntervalMs: number, random: number): number {
    const retryAfter = Math.max(0, this.retryAfterUntil - this.now());
    if (this.consecutiveFailures === 0) return Math.max(pollIntervalMs, retryAfter);
    return Math.max(nextRetryDelay(this.consecutiveFailures, random), retryAfter);
  }

  /**
   * A service that answers no flags after it had some is more likely broken (a wrong project, a proxy's
   * empty page, a half-restored database) than emptied: the last good flags stay, with a warning, until
   * it answers none a second time in a row.
   */
  private holdOverEmpty(result: ServiceRead): BackendLoad | undefined {
    if (result.definitions.length > 0) {
      this.emptyAnswersInARow = 0;
      return undefined;
    }
    this.emptyAnswersInARow++;
    const lastGood = this.lastGood;
    if (lastGood === undefined || lastGood.definitions.length === 0 || this.emptyAnswersInARow > 1) return undefined;
    return { definitions: lastGood.definitions, environments: lastGood.environments, problems: [], ok: true, message: emptyAnswerWarning(this.label, lastGood.definitions.length), syncedAt: lastGood.syncedAt };
  }

  private fail(failure: HttpFailure, now: number, unauthorisedAdvice: () => string): BackendLoad {
    this.consecutiveFailures++;
    if (failure.kind === 'rate limited') {
      this.retryAfterUntil = now + (failure.retryAfterMs ?? nextRetryDelay(this.consecutiveFailures, Math.random()));
    }
    const advice = failure.kind === 'unauthorised' ? `; ${unauthorisedAdvice()}` : '';
    this.lastFailureMessage = `${this.label}: ${failure.message}${advice}`;
    return this.failed(this.lastFailureMessage);
  }

  private failed(message: string): BackendLoad {
    const lastGood = this.lastGood;
    return {
      definitions: lastGood?.definitions ?? [],
      environments: lastGood?.environments ?? [...this.configuredEnvironments],
      problems: [],
      ok: false,
      message: `${message}${lastGood ? '; showing the flags from the last sync' : ''}`,
      syncedAt: lastGood?.syncedAt,
    };
  }
}
