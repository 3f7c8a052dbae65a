// Diagnostics for clients that cannot pull them (`textDocument/diagnostic`), such as Neovim before 0.10:
// the server publishes them (`textDocument/publishDiagnostics`) for every open document when it opens
// or changes, when flag definitions or other files change, and clears them when it closes.

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsFor } from '../features/diagnostics';
import type { FolderState } from './folders';

/** True when the client asks for diagnostics itself; then the server never publishes them. */
export function clientPullsDiagnostics(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.diagnostic !== undefined;
}

/** What publishing needs from the server around it. */
export interface PublishHost {
  readonly connection: Connection;
  readonly documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] };
  loadedFolderOf(uri: string): Promise<{ state: FolderState } | undefined>;
  log(message: string): void;
}

/** Publishes each open document's diagnostics; of two runs for one document, only the later one is sent. */
export class DiagnosticsPublisher {
  // The latest run per document; numbered across documents so a reopened one cannot reuse a number.
  private readonly runs = new Map<string, number>();
  private lastRun = 0;

  constructor(private readonly host: PublishHost) {}

  /** Compute and send the diagnostics of one open document. */
  async publish(uri: string): Promise<void> {
    const run = ++this.lastRun;
    this.runs.set(uri, run);
    const document = this.host.documents.get(uri);
    if (document === undefined) return;
    try {
      const loaded = await this.host.loadedFolderOf(uri);
      const diagnostics = loaded ? diagnosticsFor(document, loaded.state) : [];
      // A later run, a newer version or a close while this one waited makes its answer stale.
      if (this.runs.get(uri) !== run || this.host.documents.get(uri)?.version !== document.version) return;
      await this.host.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      this.host.log(`Could not publish the diagnostics of ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  /** Publish every open document's diagnostics: keys resolve across files, so one change can move any of them. */
  async publishOpen(): Promise<void> {
    await Promise.all(this.host.documents.all().map((document) => this.publish(document.uri)));
  }

  /** Take a closed document's diagnostics away. */
  async clear(uri: string): Promise<void> {
    this.runs.delete(uri);
    await this.host.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
