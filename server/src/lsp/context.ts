// What every handler of the language server shares: the connection, the open documents, the workspace
// folders and what the client said it can do. Handlers are plain functions that take this context.

import {
  ErrorCodes,
  MessageType,
  ResponseError,
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
import { OpenDocuments, type HeldDocument } from './documents';
import { WorkspaceFolders, type FolderState, type WorkspaceFolderState } from './folders';
import { MAX_FLAG_FILE_LENGTH } from '../backends/flagd/wire';
import { overLimitReason } from '../io/boundedRead';
import { DEFAULT_MAX_FILE_SIZE } from '../workspace/config';
import { isSourceFile, MAX_FILE_SIZE_SETTING, readTextFileIfReadable } from '../workspace/files';
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
  readonly documents = new OpenDocuments();
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
    this.releaseOversizedDocuments(folder, state.index.maxFileSize);
    folder.syncOpenDocuments(state, this.documents.all());
    return { folder, state };
  }

  /**
   * The open document, or for a document the client has not opened, the file on disk if it is a regular
   * file within `maxFileSize` (never a pipe or a device, which would block). Undefined for a released one.
   */
  documentOf(uri: string, maxFileSize: number): TextDocument | undefined {
    const open = this.documents.held(uri);
    if (open !== undefined) return open.released ? undefined : open;
    if (URI.parse(uri).scheme !== 'file') return undefined;
    const text = readTextFileIfReadable(uriToPath(uri), documentLimit(uri, maxFileSize).bytes);
    return text === undefined ? undefined : TextDocument.create(uri, '', 0, text);
  }

  /**
   * A document opened or changed: over its folder's `flaglens.maxFileSize`, let its text go (with one
   * message). Outside every folder nothing analyses it, so it is let go over the default limit, silently.
   */
  async checkDocumentSize(document: HeldDocument): Promise<void> {
    if (document.released) return;
    const folder = this.folders.folderOf(document.uri);
    if (folder === undefined) {
      if (document.isOver(documentLimit(document.uri, DEFAULT_MAX_FILE_SIZE).bytes)) document.release();
      return;
    }
    // Releasing happens where every request passes, so a request cannot analyse the text first.
    await this.loadedFolderOf(document.uri).catch(() => {
      // The folder did not load: it said why, and no request analyses anything in it.
    });
  }

  private releaseOversizedDocuments(folder: WorkspaceFolderState, maxFileSize: number): void {
    for (const document of this.documents.all()) {
      const limit = documentLimit(document.uri, maxFileSize);
      if (!document.isOver(limit.bytes) || this.folders.folderOf(document.uri) !== folder) continue;
      const size = document.byteLength();
      document.release();
      // The index may hold a scan of an earlier, smaller version: go back to the file on disk.
      folder.forgetDocument(document.uri).catch((error: unknown) => this.log(`Could not reread ${document.uri}: ${String(error)}`));
      const name = uriToPath(document.uri).split('/').pop() ?? document.uri;
      const message = `FlagLens does not analyse ${name}: ${overLimitReason(size, limit.bytes, limit.name)}. It is left out until it is closed and reopened smaller${limit.name === undefined ? '' : ', or the setting is raised'}.`;
      void this.connection.sendNotification('window/showMessage', { type: MessageType.Warning, message });
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

/**
 * The most of a document the server keeps or reads: a source file's is `flaglens.maxFileSize`; a flag
 * file or `.flaglens.json` (the other documents the client sends) is read from disk up to the flag
 * file's limit whatever that setting says, so its open document may be as large.
 */
function documentLimit(uri: string, maxFileSize: number): { bytes: number; name?: string } {
  return isSourceFile(uriToPath(uri)) ? { bytes: maxFileSize, name: MAX_FILE_SIZE_SETTING } : { bytes: Math.max(maxFileSize, MAX_FLAG_FILE_LENGTH) };
}
