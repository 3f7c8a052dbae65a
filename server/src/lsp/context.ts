// What every handler of the language server shares: the connection, the open documents, the workspace
// folders and what the client said it can do. Handlers are plain functions that take this context.

import * as fs from 'node:fs';
import {
  ErrorCodes,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ConfigProposer } from '../features/proposal';
import { FlagsChangedNotification } from '../protocol';
import { BackendSetupSource } from './backendSetup';
import { DiagnosticsPublisher } from './diagnosticsPush';
import { WorkspaceFolders, type FolderState, type WorkspaceFolderState } from './folders';
import { uriToPath } from '../workspace/uris';
import { EditorSettingsCache } from './settings';
import { StatusReporter } from './status';

/** A folder that has loaded, with the open documents' text in its index. */
export interface LoadedFolder {
  folder: WorkspaceFolderState;
  state: FolderState;
}

/** The server's state for one session; `initialize` fills in what depends on the client. */
export class ServerContext {
  readonly documents = new TextDocuments(TextDocument);
  readonly status: StatusReporter;
  readonly folders: WorkspaceFolders;
  readonly proposer: ConfigProposer;
  readonly diagnostics: DiagnosticsPublisher;
  clientCapabilities: ClientCapabilities = {};
  /** True when the client cannot pull diagnostics, so the server publishes them. */
  pushesDiagnostics = false;
  settings: EditorSettingsCache;
  backendSetup: BackendSetupSource;
  indexCacheDir: string | undefined;
  initialFolders: WorkspaceFolder[] = [];

  readonly log = (message: string): void => this.connection.console.log(message);

  constructor(readonly connection: Connection) {
    this.settings = new EditorSettingsCache(connection, false);
    this.backendSetup = new BackendSetupSource(connection, {}, this.log);
    this.status = new StatusReporter(connection);
    const currentSettings = (): EditorSettingsCache => this.settings;
    this.folders = new WorkspaceFolders({
      // Settings are made anew at `initialize`, so folders read the current ones.
      get settings() {
        return currentSettings();
      },
      log: this.log,
      definitionsChanged: async () => {
        await this.status.update(this.folders.all());
        await this.flagsChanged();
      },
      backendSetup: (origins) => this.backendSetup.setupFor(origins),
      indexCacheDir: () => this.indexCacheDir,
    });
    this.proposer = new ConfigProposer({ connection, settings: () => this.settings, folders: () => this.folders.all(), log: this.log });
    this.diagnostics = new DiagnosticsPublisher(this);
  }

  /** The document's folder, loaded, with the open documents' text in its index; undefined outside every folder. */
  async loadedFolderOf(uri: string): Promise<LoadedFolder | undefined> {
    const folder = this.folders.folderOf(uri);
    if (folder === undefined) return undefined;
    const state = await folder.state();
    folder.syncOpenDocuments(state, this.documents.all());
    return { folder, state };
  }

  /** The open document, or the file on disk for a document the client has not opened. */
  documentOf(uri: string): TextDocument | undefined {
    const open = this.documents.get(uri);
    if (open !== undefined) return open;
    if (URI.parse(uri).scheme !== 'file') return undefined;
    try {
      return TextDocument.create(uri, '', 0, fs.readFileSync(uriToPath(uri), 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Flags or checks changed: tell the client, and bring every open document's diagnostics up to date. */
  async flagsChanged(): Promise<void> {
    void this.connection.sendNotification(FlagsChangedNotification);
    if (this.pushesDiagnostics) {
      await this.diagnostics.publishOpen();
      return;
    }
    if (!this.clientCapabilities.workspace?.diagnostics?.refreshSupport) return;
    try {
      await this.connection.languages.diagnostics.refresh();
    } catch (error) {
      this.log(`The client did not refresh diagnostics: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Start loading a workspace folder, and offer it a `.flaglens.json` once it has loaded. */
  addFolder(folder: WorkspaceFolder, progress?: (done: number, total: number) => void): void {
    const added = this.folders.add(folder.uri, folder.name, progress);
    this.proposer.offer(added).catch((error: unknown) => this.log(`${added.name}: could not propose a .flaglens.json: ${String(error)}`));
  }

  /** Trust, tokens or settings changed what each folder is made of: load each anew. */
  reloadFolders(): void {
    for (const folder of this.folders.all()) void folder.reload();
  }

  /** Wrap a request handler: a throw becomes a ResponseError and one log line, never a dead server. */
  guard<P, R>(name: string, handler: (params: P, token: CancellationToken) => Promise<R> | R) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<never>> => {
      try {
        return await handler(params, token);
      } catch (error) {
        // A handler's own answer, such as "content modified" for a stale action, goes back as it is.
        if (error instanceof ResponseError) return error as ResponseError<never>;
        const message = error instanceof Error ? error.message : String(error);
        this.connection.console.error(`${name} failed: ${error instanceof Error ? error.stack ?? message : message}`);
        return new ResponseError<never>(ErrorCodes.InternalError, `FlagLens could not answer ${name}: ${message}`);
      }
    };
  }
}
