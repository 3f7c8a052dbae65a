// The flag backends a folder's configuration names, made for where FlagLens runs (editor or CLI): workspace
// trust, which token goes to which origin, and the cache; apart from parsing `.flaglens.json`, which makes none.

import * as path from 'node:path';
import type { BackendConfig, FlagdBackendConfig, FlagLensConfig, LaunchDarklyBackendConfig, UnleashBackendConfig } from './config';
import { CachedBackend, type DefinitionCache } from '../backends/cache';
import { discoverFlagdFiles, FlagdBackend } from '../backends/flagd/backend';
import { originOf } from '../backends/http';
import { DEFAULT_LAUNCHDARKLY_BASE_URI, LaunchDarklyBackend } from '../backends/launchdarkly/backend';
import type { BackendLoad, FlagBackend } from '../backends/types';
import { UnleashBackend } from '../backends/unleash/backend';

/** What creating a folder's backends needs from where FlagLens runs (editor or CLI). */
export interface BackendSetup {
  /** False in an untrusted workspace: only local flag files are read, nothing over the network. */
  network: boolean;
  /** The token stored for an origin (the editor's secret storage); tried before the environment variable. */
  tokenFor?: (origin: string) => string | undefined;
  /** Environment variables for `tokenEnv`; undefined where tokens come only from `tokenFor` (VS Code). */
  environmentVariables?: Readonly<Record<string, string | undefined>>;
  /** How a person sets a token here, for messages: `run "FlagLens: Set Backend Token"`. */
  howToSetToken?: (origin: string, tokenEnv: string) => string;
  /** Where the last good definitions of network backends are kept between runs. */
  cache?: DefinitionCache;
}

/** Seconds between reads of a flag service when `pollInterval` is absent. */
export const DEFAULT_POLL_INTERVAL_SECONDS = 60;
const DEFAULT_TOKEN_ENV = { unleash: 'FLAGLENS_UNLEASH_TOKEN', launchdarkly: 'FLAGLENS_LAUNCHDARKLY_TOKEN' } as const;

/** The backends a folder's configuration names; without any, its discovered `flags/*.flagd.json` (possibly none). */
export function createBackends(config: FlagLensConfig, folder: string, setup: BackendSetup = { network: false }): FlagBackend[] {
  if (config.backends.length === 0) {
    const files = discoverFlagdFiles(folder);
    return files.length > 0 ? [new FlagdBackend(files, 'flags/*.flagd.json')] : [];
  }
  return config.backends.map((backend) => {
    if (backend.type === 'flagd') return createFlagdBackend(backend, folder);
    const service = createServiceBackend(backend, setup);
    if (!setup.network) return new NetworkOffBackend(service.label);
    return setup.cache ? new CachedBackend(service, setup.cache, cacheKey(backend)) : service;
  });
}

/** The origins (`https://host:port`) of the folder's flag services: where a stored token may be sent. */
export function backendOrigins(config: FlagLensConfig): string[] {
  return [...new Set(config.backends.flatMap((backend) => serviceOrigin(backend) ?? []))];
}

/** The origin a backend reads from over the network; undefined for local files. */
export function serviceOrigin(backend: BackendConfig): string | undefined {
  return backend.type === 'flagd' ? undefined : originOf(serviceUrl(backend));
}

function createFlagdBackend(backend: FlagdBackendConfig, folder: string): FlagBackend {
  const files = backend.environments
    ? Object.entries(backend.environments).map(([environment, file]) => ({ environment, path: path.resolve(folder, file) }))
    : discoverFlagdFiles(folder);
  const label = backend.environments
    ? files.map((file) => path.relative(folder, file.path).split(path.sep).join('/')).join(', ')
    : 'flags/*.flagd.json';
  return new FlagdBackend(files, label);
}

function createServiceBackend(backend: UnleashBackendConfig | LaunchDarklyBackendConfig, setup: BackendSetup): UnleashBackend | LaunchDarklyBackend {
  const url = serviceUrl(backend);
  const origin = originOf(url);
  const tokenEnv = backend.tokenEnv ?? DEFAULT_TOKEN_ENV[backend.type];
  // A stored token belongs to its origin. So does a variable's: the repository's configuration names the
  // service, but only the user's environment says where the token may go (see `tokenVariableOrigins`).
  const stored = origin === undefined ? undefined : setup.tokenFor?.(origin);
  const variables = setup.environmentVariables ?? {};
  const fromVariable = variables[tokenEnv] || undefined;
  const allowed = origin !== undefined && tokenVariableOrigins(tokenEnv, variables).includes(origin);
  const token = stored ?? (allowed ? fromVariable : undefined);
  const withheld = stored === undefined && fromVariable !== undefined && !allowed && origin !== undefined;
  const common = {
    token,
    tokenOrigin: origin,
    pollIntervalMs: (backend.pollInterval ?? DEFAULT_POLL_INTERVAL_SECONDS) * 1000,
    maxResponseBytes: backend.maxResponseBytes,
    howToSetToken: origin === undefined
      ? undefined
      : withheld
        ? `${tokenEnv} is sent only to the origin in ${urlVariableOf(tokenEnv)} or ${ALLOWED_ORIGINS_VARIABLE}; set ${urlVariableOf(tokenEnv)}=${origin} to send it to this one`
        : setup.howToSetToken?.(origin, tokenEnv),
  };
  if (backend.type === 'unleash') {
    return new UnleashBackend({ ...common, baseUrl: url, project: backend.project ?? 'default', environments: backend.environments });
  }
  return new LaunchDarklyBackend({ ...common, baseUri: url, project: backend.project, environments: backend.environments });
}

/** The variable that may allow every `FLAGLENS_*` token to more origins: `https://a.example,https://b.example`. */
export const ALLOWED_ORIGINS_VARIABLE = 'FLAGLENS_ALLOWED_ORIGINS';

/** The URL variable that says where the token in `tokenEnv` may go: FLAGLENS_UNLEASH_TOKEN → FLAGLENS_UNLEASH_URL. */
export function urlVariableOf(tokenEnv: string): string {
  return `${tokenEnv.replace(/_TOKEN$/, '')}_URL`;
}

/**
 * The origins a token from the variable `tokenEnv` may be sent to: the origin of its URL variable and
 * those in `FLAGLENS_ALLOWED_ORIGINS`, both set by the user outside the repository. A repository's
 * `.flaglens.json` pointing a service elsewhere gets no token.
 */
export function tokenVariableOrigins(tokenEnv: string, variables: Readonly<Record<string, string | undefined>>): string[] {
  const urls = [variables[urlVariableOf(tokenEnv)] ?? '', ...(variables[ALLOWED_ORIGINS_VARIABLE] ?? '').split(',')];
  return urls.flatMap((url) => originOf(url.trim()) ?? []);
}

function serviceUrl(backend: UnleashBackendConfig | LaunchDarklyBackendConfig): string {
  return backend.type === 'unleash' ? backend.url : backend.baseUri ?? DEFAULT_LAUNCHDARKLY_BASE_URI;
}

/** What identifies a service's definitions in the cache: the same service, project and environments. */
function cacheKey(backend: UnleashBackendConfig | LaunchDarklyBackendConfig): string {
  const url = serviceUrl(backend).replace(/\/+$/, '');
  return JSON.stringify([backend.type, url, backend.project ?? 'default', backend.environments ?? []]);
}

/** A flag service in an untrusted workspace: never contacted, and says why. */
class NetworkOffBackend implements FlagBackend {
  constructor(readonly label: string) {}

  async load(): Promise<BackendLoad> {
    return {
      definitions: [],
      environments: [],
      problems: [],
      ok: false,
      message: 'not read: this workspace is not trusted, so FlagLens reads only local flag files; trust the workspace to read flags from this service',
    };
  }

  watchedFiles(): string[] {
    return [];
  }
}
