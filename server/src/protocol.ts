// Custom messages between the FlagLens client and server: the one server file the client imports.
// Keep it free of server-only imports so the client bundle stays small.

import { NotificationType, NotificationType0, RequestType, RequestType0, type Range } from 'vscode-languageserver-protocol';

/** One line of status for the status bar: how many flags are known, from where, and what is wrong. */
export interface StatusParams {
  /** `ok`: definitions loaded; `warning`: partly loaded or none configured; `error`: nothing could be read. */
  level: 'ok' | 'warning' | 'error';
  /** Short text for the status bar, e.g. "12 flags" or "flags: offline". */
  text: string;
  /** Longer explanation for the tooltip: every backend with its state. */
  detail: string;
}

/** Server → client whenever the flag definitions or their sources change state. */
export const StatusNotification = new NotificationType<StatusParams>('flaglens/status');

/** Client → server: reload every backend now (the `FlagLens: Refresh Flags` command). */
export const RefreshRequest = new RequestType0<StatusParams, void>('flaglens/refresh');

/** What the client tells the server at start, as `initializationOptions`. */
export interface FlagLensInitializationOptions {
  /** Workspace trust. Not true (or absent): only local flag files are read, nothing over the network. */
  trusted?: boolean;
  /** A folder of the extension's own where the last good definitions of flag services are kept. */
  cacheDir?: string;
  /** True when the client keeps tokens per origin and answers TokenRequest; then no environment variable is read. */
  storesTokens?: boolean;
}

/** Server → client: the token stored for exactly this origin (`https://host:port`), or null. */
export const TokenRequest = new RequestType<{ origin: string }, string | null, void>('flaglens/token');

/** One flag service a workspace folder's `.flaglens.json` names, for the token command. */
export interface BackendOrigin {
  /** `https://unleash.example.com`: where a token stored for it may be sent. */
  origin: string;
  /** For people: `Unleash (https://unleash.example.com)`. */
  label: string;
}

/** Client → server: the flag services the workspace's folders are configured for. */
export const BackendOriginsRequest = new RequestType0<BackendOrigin[], void>('flaglens/backendOrigins');

/** Client → server: workspace trust was granted, so flag services may be read now. */
export const WorkspaceTrustNotification = new NotificationType<{ trusted: boolean }>('flaglens/workspaceTrust');

/** Client → server: a token was stored or removed for an origin; read the services again. */
export const TokensChangedNotification = new NotificationType<{ origin: string }>('flaglens/tokensChanged');

/** One check of a flag in code, for the Flags view. */
export interface FlagListReference {
  uri: string;
  /** The key argument (or the bag property) of the check. */
  range: Range;
}

/** One flag of a workspace folder: defined in a backend, or only checked in code (`unknown`). */
export interface FlagListItem {
  key: string;
  state: 'unknown' | 'released' | 'dead' | 'rolling-out';
  /** True when FlagLens can remove the flag at one of its checks at least ("Remove Flag from Code"). */
  removable: boolean;
  stale: boolean;
  archived: boolean;
  /** For people: what the flag serves, e.g. "serves true in every environment". */
  summary: string;
  /** A rolling-out (or just un-released) flag's stage per environment: "production: 25% for 12 days · staging: everyone". */
  stages?: string;
  /** The flag in the backend's UI, when the backend has one. */
  link?: string;
  references: FlagListReference[];
}

/** The flags of one workspace folder. */
export interface FlagListFolder {
  name: string;
  uri: string;
  flags: FlagListItem[];
  /** The counts `flaglens report` gives, for the view's header: "2 rolling out · 1 released" and "3 release". */
  counts: { states: string; types: string };
}

/** Client → server: every flag of every workspace folder with its checks (the Flags view). */
export const FlagListRequest = new RequestType0<FlagListFolder[], void>('flaglens/flags');

/** Server → client: the flag definitions or the index changed, so the Flags view should ask again. */
export const FlagsChangedNotification = new NotificationType0('flaglens/flagsChanged');
