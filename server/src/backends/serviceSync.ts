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

/** The sync state of one flag service; `load()` never throws. */
export class ServiceSync {
  private lastGood: { definitions: FlagDefinition[]; environments: string[]; syncedAt: number } | undefined;
  private consecutiveFailures = 0;
  private retryAfterUntil = 0;
  private lastFailureMessage: string | undefined;

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
