// A small JSON-over-HTTP client for the network backends. It never throws: every failure comes back
// as one line a person can act on (unauthorised, unreachable, bad response), and the token is kept
// out of every message and is only ever sent to the origin it was configured for.

import { formatBytes } from '../io/boundedRead';
import { deepestNesting, MAX_JSON_DEPTH } from '../analysis/json';

/** The kinds of failure a status line names. */
export type HttpFailureKind = 'unauthorised' | 'unreachable' | 'bad response' | 'rate limited' | 'refused';

/** Why a request gave no usable answer, in one line without the token. */
export interface HttpFailure {
  kind: HttpFailureKind;
  /** One line for people, starting with the kind: "unreachable: connection refused by 127.0.0.1:4242". */
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** For `rate limited`: how long the server asked us to wait, in ms. */
  retryAfterMs?: number;
}

/** The answer to one GET: the parsed JSON (from the cache when the server said "not modified"), or a failure. */
export type JsonResult =
  | { ok: true; body: unknown; notModified: boolean }
  | { ok: false; failure: HttpFailure };

/** How a client reaches one service. */
export interface JsonClientOptions {
  /** The service's base URL; relative request paths resolve against it. */
  baseUrl: string;
  token?: string;
  /** The origin the token was stored for; the token is sent only there. Defaults to the origin of `baseUrl`. */
  tokenOrigin?: string;
  /** The Authorization header's value for a token (Unleash takes the bare token, others `Bearer …`). */
  authorization?: (token: string) => string;
  /** Deadline for one request, headers and body together. */
  timeoutMs?: number;
  /** The largest answer read, in bytes; a larger one is a bad response, not read whole into memory. */
  maxResponseBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** The default for `maxResponseBytes`: 64 MB, some hundred times the flags of a large project. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
const FIRST_RETRY_DELAY_MS = 1_000;
const LONGEST_RETRY_DELAY_MS = 5 * 60_000;

/**
 * How long to wait before retry number `attempt` (1 for the first retry): exponential from 1 s,
 * capped at 5 min, with "equal jitter" so that many editors do not retry in step.
 * `random` is a number in [0, 1), e.g. `Math.random()`.
 */
export function nextRetryDelay(attempt: number, random: number): number {
  const exponential = Math.min(LONGEST_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random);
}

/** The longest wait a service may ask for with `Retry-After`: an hour. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * The wait a `Retry-After` header asks for, in ms, at most `MAX_RETRY_AFTER_MS`: delta-seconds or an
 * HTTP date; undefined when absent or unreadable. Unbounded, a huge value overflows a timer, which then
 * fires at once, again and again.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(0, date - nowMs), MAX_RETRY_AFTER_MS);
}

/** True for names and addresses that never leave this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Why a base URL may not be used (not http(s), or plain http to another machine); undefined when it is fine. */
export function refuseBaseUrl(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `refused: '${baseUrl}' is not a URL`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return `refused: ${url.protocol}// is not supported; use https://`;
  if (isLoopbackHost(url.hostname)) return undefined;
  return `refused: http:// to ${url.host} would send flag data and the token unencrypted; use https://`;
}

/** `text` with every occurrence of `secret` masked, for anything that might echo a request. */
export function redactSecret(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('***');
}

/** The origin of a URL, or undefined when it is not a URL. */
export function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** A JSON GET client for one service, remembering ETags per URL. */
export class JsonClient {
  private readonly cacheByUrl = new Map<string, { etag: string; body: unknown }>();
  private readonly timeoutMs: number;
  private readonly tokenOrigin: string | undefined;

  constructor(private readonly options: JsonClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.tokenOrigin = options.tokenOrigin ?? originOf(options.baseUrl);
  }

  /** True when requests to the base URL carry the token. */
  sendsToken(): boolean {
    return this.options.token !== undefined && this.tokenOrigin !== undefined && this.tokenOrigin === originOf(this.options.baseUrl);
  }

  /** GETs `path` (relative to the base URL, or absolute) and parses the JSON answer. Never throws. */
  async getJson(path: string): Promise<JsonResult> {
    const token = this.options.token;
    try {
      return await this.request(path);
    } catch (error) {
      // Nothing below should throw, but a token must not escape even through an unexpected error.
      const text = error instanceof Error ? error.message : String(error);
      return { ok: false, failure: { kind: 'bad response', message: redactSecret(`bad response: ${text}`, token) } };
    }
  }

  private async request(path: string): Promise<JsonResult> {
    const refusal = refuseBaseUrl(this.options.baseUrl);
    if (refusal) return { ok: false, failure: { kind: 'refused', message: refusal } };
    const url = new URL(path, this.options.baseUrl.endsWith('/') ? this.options.baseUrl : `${this.options.baseUrl}/`);
    const urlText = url.toString();
    const where = `${url.host}${url.pathname}`;

    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.options.token;
    if (token !== undefined && url.origin === this.tokenOrigin) {
      headers.Authorization = this.options.authorization ? this.options.authorization(token) : token;
    }
    const cached = this.cacheByUrl.get(urlText);
    if (cached) {
      headers['If-None-Match'] = cached.etag;
      // Without this, fetch adds `Cache-Control: no-cache` to a conditional request, and servers
      // such as Unleash (Express) then answer in full instead of 304.
      headers['Cache-Control'] = 'max-age=0';
    }

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      let response: Response;
      try {
        // Redirects are not followed: one could lead the request, and the token, to another origin.
        response = await fetch(urlText, { headers, signal: controller.signal, redirect: 'manual' });
      } catch (error) {
        return { ok: false, failure: this.networkFailure(error, controller.signal.aborted, url) };
      }

      if (response.status === 304 && cached) {
        await response.body?.cancel();
        return { ok: true, body: cached.body, notModified: true };
      }
      const failure = this.statusFailure(response, url);
      if (failure) {
        await response.body?.cancel().catch(() => undefined);
        return { ok: false, failure };
      }

      let text: string | undefined;
      const limit = this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      try {
        text = await readTextUpTo(response, limit);
      } catch (error) {
        return { ok: false, failure: this.networkFailure(error, controller.signal.aborted, url) };
      }
      if (text === undefined) {
        return { ok: false, failure: { kind: 'bad response', status: response.status, message: `bad response: ${where} answered more than ${formatBytes(limit)}, the most FlagLens reads; raise "maxResponseBytes" of this backend in .flaglens.json if the project is that large` } };
      }
      if (deepestNesting(text, MAX_JSON_DEPTH) !== undefined) {
        return { ok: false, failure: { kind: 'bad response', status: response.status, message: `bad response: ${where} answered JSON nested deeper than ${MAX_JSON_DEPTH} levels` } };
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        const type = response.headers.get('content-type')?.split(';')[0] || 'no content type';
        return { ok: false, failure: { kind: 'bad response', status: response.status, message: `bad response: ${where} did not answer with JSON (${type})` } };
      }
      const etag = response.headers.get('etag');
      if (etag) this.cacheByUrl.set(urlText, { etag, body });
      else this.cacheByUrl.delete(urlText);
      return { ok: true, body, notModified: false };
    } finally {
      clearTimeout(timer);
    }
  }

  private statusFailure(response: Response, url: URL): HttpFailure | undefined {
    const status = response.status;
    const where = `${url.host}${url.pathname}`;
    if (status >= 200 && status < 300) return undefined;
    if (status === 401 || status === 403) {
      const sent = this.sendsToken();
      const reason = !sent && this.options.token !== undefined && this.tokenOrigin !== undefined
        ? `no token was sent, because the token was set for ${this.tokenOrigin}, not for this address`
        : !sent
          ? 'no token is set'
          : status === 401 ? 'the token was not accepted' : 'the token has no access to this';
      return { kind: 'unauthorised', status, message: `unauthorised: ${where} answered ${status} (${reason})` };
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      const wait = retryAfterMs === undefined ? '' : `; it asks for ${Math.ceil(retryAfterMs / 1000)} s before the next request`;
      return { kind: 'rate limited', status, retryAfterMs, message: `rate limited: ${where} answered 429 (too many requests)${wait}` };
    }
    if (status >= 300 && status < 400) {
      const location = response.headers.get('location');
      const target = location ? ` to ${resolvedOrigin(location, url) ?? 'another address'}` : '';
      return { kind: 'bad response', status, message: `bad response: ${where} redirected${target}; use the final address as the URL` };
    }
    const kind = status >= 500 ? 'server error' : 'unexpected status';
    return { kind: 'bad response', status, message: `bad response: ${where} answered ${status} (${kind})` };
  }

  private networkFailure(error: unknown, timedOut: boolean, url: URL): HttpFailure {
    const host = url.host;
    if (timedOut) {
      return { kind: 'unreachable', message: `unreachable: ${host} did not answer within ${formatSeconds(this.timeoutMs)}` };
    }
    const code = errorCode(error);
    const reason = code === 'ECONNREFUSED' ? `connection refused by ${host}`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `cannot find the host ${url.hostname}`
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' ? `the connection to ${host} was dropped`
          : code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' ? `connecting to ${host} timed out`
            : code?.startsWith('ERR_TLS') || code?.includes('CERT') ? `the TLS certificate of ${host} was not accepted (${code})`
              : `cannot reach ${host} (${code ?? innermostMessage(error)})`;
    return { kind: 'unreachable', message: redactSecret(`unreachable: ${reason}`, this.options.token) };
  }
}

/** The origin a Location header points at, resolved against the request's URL. */
function resolvedOrigin(location: string, base: URL): string | undefined {
  try {
    return new URL(location, base).origin;
  } catch {
    return undefined;
  }
}

/** The system error code behind a fetch failure (undici wraps it in `cause`, sometimes twice). */
function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The message of the deepest `cause`: undici's own message ("fetch failed") says nothing. */
function innermostMessage(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4; depth++) {
    const cause = current && typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined;
    if (!cause) break;
    current = cause;
  }
  return current instanceof Error ? current.message : String(current);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

/** The body as text, read chunk by chunk; undefined (and the rest left unread) once it passes `limit` bytes. */
async function readTextUpTo(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  // As `Response.text()` does: UTF-8, without a byte order mark.
  return Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
}

