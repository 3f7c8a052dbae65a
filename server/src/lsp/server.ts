// The language server's wiring: what it can do, and which feature answers each request. Every request
// runs behind one error boundary, so a failure answers that request with an error and a log line.

import * as fs from 'node:fs';
import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { version } from '../../../package.json';
import { BackendSetupSource, readInitializationOptions } from './backendSetup';
import { serviceOrigin } from '../backends/create';
import { codeActionsFor } from '../features/codeActions';
import { PROPOSE_CONFIG_COMMAND, proposeConfig } from '../features/init';
import { ConfigProposer } from '../features/proposal';
import { isRemoveFlagData, REMOVAL_SUMMARY_COMMAND, REMOVE_FLAG_KIND, removeFlagActions, resolveRemoveFlag, showRemovalSummary } from '../features/removeFlag';
import { COMPLETION_TRIGGER_CHARACTERS, completionAt } from '../features/completion';
import { diagnosticsFor } from '../features/diagnostics';
import { flagListFor } from '../features/flagList';
import { hoverAt } from '../features/hover';
import { uriToPath, WorkspaceFolders, type FolderState, type WorkspaceFolderState } from './folders';
import { IndexingProgress } from './indexingProgress';
import {
  BackendOriginsRequest,
  FlagListRequest,
  FlagsChangedNotification,
  RefreshRequest,
  TokensChangedNotification,
  WorkspaceTrustNotification,
  type BackendOrigin,
} from '../protocol';
import { EditorSettingsCache } from './settings';
import { StatusReporter } from './status';
import { applyFileEvents, registerFileWatchers } from './watching';

/** Serve FlagLens on a connection until the client shuts it down. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (message: string): void => connection.console.log(message);
  let capabilities: ClientCapabilities = {};
  let initialFolders: WorkspaceFolder[] = [];
  let settings = new EditorSettingsCache(connection, false);
  const status = new StatusReporter(connection);
  let backendSetup = new BackendSetupSource(connection, {}, log);
  let indexCacheDir: string | undefined;
  const folders = new WorkspaceFolders({
    get settings() {
      return settings;
    },
    log,
    definitionsChanged: async () => {
      await status.update(folders.all());
      await refreshDiagnostics();
    },
    backendSetup: (origins) => backendSetup.setupFor(origins),
    indexCacheDir: () => indexCacheDir,
  });

  const proposer = new ConfigProposer({ connection, settings: () => settings, folders: () => folders.all(), log });
  const offerConfig = (folder: WorkspaceFolderState): void => {
    proposer.offer(folder).catch((error: unknown) => log(`${folder.name}: could not propose a .flaglens.json: ${String(error)}`));
  };

  /** Wrap a request handler: a throw becomes a ResponseError and one log line, never a dead server. */
  function guard<P, R>(name: string, handler: (params: P, token: CancellationToken) => Promise<R> | R) {
    return async (params: P, token: CancellationToken): Promise<R | ResponseError<never>> => {
      try {
        return await handler(params, token);
      } catch (error) {
        // A handler's own answer, such as "content modified" for a stale action, goes back as it is.
        if (error instanceof ResponseError) return error as ResponseError<never>;
        const message = error instanceof Error ? error.message : String(error);
        connection.console.error(`${name} failed: ${error instanceof Error ? error.stack ?? message : message}`);
        return new ResponseError<never>(ErrorCodes.InternalError, `FlagLens could not answer ${name}: ${message}`);
      }
    };
  }

  /** The document's folder, loaded, with the open documents' text in its index; undefined outside every folder. */
  async function loadedFolderOf(uri: string): Promise<{ folder: WorkspaceFolderState; state: FolderState } | undefined> {
    const folder = folders.folderOf(uri);
    if (folder === undefined) return undefined;
    const state = await folder.state();
    folder.syncOpenDocuments(state, documents.all());
    return { folder, state };
  }

  /** The open document, or the file on disk for a document the client has not opened. */
  function documentOf(uri: string): TextDocument | undefined {
    const open = documents.get(uri);
    if (open !== undefined) return open;
    if (URI.parse(uri).scheme !== 'file') return undefined;
    try {
      return TextDocument.create(uri, '', 0, fs.readFileSync(uriToPath(uri), 'utf8'));
    } catch {
      return undefined;
    }
  }

  async function refreshDiagnostics(): Promise<void> {
    void connection.sendNotification(FlagsChangedNotification);
    if (!capabilities.workspace?.diagnostics?.refreshSupport) return;
    try {
      await connection.languages.diagnostics.refresh();
    } catch (error) {
      log(`The client did not refresh diagnostics: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    proposer.setClientCapabilities(capabilities);
    settings = new EditorSettingsCache(connection, capabilities.workspace?.configuration === true);
    const initializationOptions = readInitializationOptions(params.initializationOptions);
    backendSetup = new BackendSetupSource(connection, initializationOptions, log);
    indexCacheDir = initializationOptions.cacheDir;
    initialFolders = foldersOf(params);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, REMOVE_FLAG_KIND], resolveProvider: true },
        diagnosticProvider: { identifier: 'flaglens', interFileDependencies: true, workspaceDiagnostics: false },
        // Every server command is answered by the one onExecuteCommand handler below.
        executeCommandProvider: { commands: [PROPOSE_CONFIG_COMMAND, REMOVAL_SUMMARY_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'flaglens', version },
    };
  });

  connection.onInitialized(() => {
    const progress = new IndexingProgress(connection, capabilities.window?.workDoneProgress === true, log);
    for (const folder of initialFolders) offerConfig(folders.add(folder.uri, folder.name, progress.forFolder(folder.name)));
    void Promise.allSettled(folders.all().map((folder) => folder.state())).then(() => progress.done());
    if (initialFolders.length === 0) void status.update([]);

    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      registerFileWatchers(connection).catch((error: unknown) => log(`Could not watch files: ${String(error)}`));
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        for (const removed of event.removed) folders.remove(removed.uri);
        for (const added of event.added) offerConfig(folders.add(added.uri, added.name));
        void status.update(folders.all()).then(refreshDiagnostics);
      });
    }
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    for (const folder of folders.all()) void folder.reload();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    try {
      const indexChanged = await applyFileEvents(params.changes, folders, (uri) => documents.get(uri) !== undefined);
      if (indexChanged) await refreshDiagnostics();
    } catch (error) {
      log(`Could not apply file changes: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  });

  documents.onDidClose((event) => {
    folders.folderOf(event.document.uri)?.forgetDocument(event.document.uri)
      .catch((error: unknown) => log(`Could not reread ${event.document.uri}: ${String(error)}`));
  });

  connection.languages.diagnostics.on(guard('textDocument/diagnostic', async (params) => {
    const loaded = await loadedFolderOf(params.textDocument.uri);
    const document = documentOf(params.textDocument.uri);
    const items = loaded && document ? diagnosticsFor(document, loaded.state) : [];
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }));

  connection.onHover(guard('textDocument/hover', async (params) => {
    const loaded = await loadedFolderOf(params.textDocument.uri);
    const document = documentOf(params.textDocument.uri);
    return loaded && document ? hoverAt(document, params.position, loaded.state) : null;
  }));

  connection.onCompletion(guard('textDocument/completion', async (params) => {
    const loaded = await loadedFolderOf(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    return loaded && document ? completionAt(document, params.position, loaded.state) : null;
  }));

  connection.onCodeAction(guard('textDocument/codeAction', async (params) => {
    const loaded = await loadedFolderOf(params.textDocument.uri);
    const document = documents.get(params.textDocument.uri);
    return loaded && document ? [...codeActionsFor(document, params, loaded.state), ...removeFlagActions(document, params, loaded.state)] : [];
  }));

  connection.onCodeActionResolve(guard('codeAction/resolve', async (action) => {
    if (!isRemoveFlagData(action.data)) return action;
    const loaded = await loadedFolderOf(action.data.uri);
    return loaded ? resolveRemoveFlag(action, action.data, loaded.state, (uri) => documents.get(uri)) : action;
  }));

  const refresh = guard(RefreshRequest.method, async () => {
    await Promise.all(folders.all().map((folder) => folder.reloadDefinitions(true)));
    return folders.all().length > 0 ? status.current() : status.update([]);
  });
  connection.onRequest(RefreshRequest, (token) => refresh(undefined, token));

  connection.onExecuteCommand(guard('workspace/executeCommand', async (params) => {
    if (params.command === REMOVAL_SUMMARY_COMMAND) return showRemovalSummary(connection, params.arguments);
    if (params.command !== PROPOSE_CONFIG_COMMAND) return null;
    const result = await proposeConfig(folders.all(), params.arguments, log);
    void connection.window.showInformationMessage(result.message);
    return result;
  }));

  // Trust and tokens decide which backends exist, so each folder is loaded anew.
  connection.onNotification(WorkspaceTrustNotification, ({ trusted }) => {
    backendSetup.setTrusted(trusted === true);
    for (const folder of folders.all()) void folder.reload();
  });
  connection.onNotification(TokensChangedNotification, () => {
    for (const folder of folders.all()) void folder.reload();
  });
  connection.onRequest(BackendOriginsRequest, (token) => guard(BackendOriginsRequest.method, async () => {
    const origins: BackendOrigin[] = [];
    for (const folder of folders.all()) {
      const state = await folder.state();
      state.config.backends.forEach((backend, index) => {
        const origin = serviceOrigin(backend);
        const label = state.backends[index]?.label ?? origin;
        if (origin !== undefined && label !== undefined && !origins.some((known) => known.origin === origin)) origins.push({ origin, label });
      });
    }
    return origins;
  })(undefined, token));
  connection.onRequest(FlagListRequest, (token) => guard(FlagListRequest.method, () => flagListFor(folders.all(), documents))(undefined, token));

  documents.listen(connection);
  connection.listen();
}

/** The workspace folders of the session: the client's list, else its root, else none. */
function foldersOf(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders;
  const rootUri = params.rootUri ?? (params.rootPath ? URI.file(params.rootPath).toString() : null);
  if (!rootUri) return [];
  return [{ uri: rootUri, name: uriToPath(rootUri).split('/').pop() || rootUri }];
}
