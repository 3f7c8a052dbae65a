// Custom messages between the FlagLens client and server: the one server file the client imports.
// Keep it free of server-only imports so the client bundle stays small.

import { NotificationType, RequestType0 } from 'vscode-languageserver-protocol';

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

