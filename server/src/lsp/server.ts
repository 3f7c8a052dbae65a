// The language server's wiring: what it can do, and which handler (handlers.ts) answers each message.
// Every request runs behind one error boundary, so a failure answers that request with an error and a log line.

import {
  CodeActionKind,
  CodeActionRequest,
  CodeActionResolveRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  HoverRequest,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type NotificationType,
  type RequestHandler,
  type RequestHandler0,
  type RequestType,
  type RequestType0,
  type ServerCapabilities,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { version } from '../../../package.json';
import { COMPLETION_TRIGGER_CHARACTERS } from '../features/completion';
import { REMOVE_FLAG_KIND } from '../features/removeFlag';
import { BackendOriginsRequest, FlagListRequest, RefreshRequest, TokensChangedNotification, WorkspaceTrustNotification } from '../protocol';
import { BackendSetupSource, readInitializationOptions } from './backendSetup';
import { ServerContext } from './context';
import { clientPullsDiagnostics } from './diagnosticsPush';
import { uriToPath } from '../workspace/uris';
import * as handlers from './handlers';
import { IndexingProgress } from './indexingProgress';
import { EditorSettingsCache } from './settings';
import { registerFileWatchers } from './watching';

/** How one message is bound to its handler on a connection. */
interface Binding {
  bind(context: ServerContext): void;
}

const REQUESTS: Binding[] = [
  request(DocumentDiagnosticRequest.type, handlers.pullDiagnostics),
  request(HoverRequest.type, handlers.hover),
  request(CompletionRequest.type, handlers.completion),
  request(CodeActionRequest.type, handlers.codeActions),
  request(CodeActionResolveRequest.type, handlers.resolveCodeAction),
  request(ExecuteCommandRequest.type, handlers.executeCommand),
  request0(RefreshRequest, handlers.refreshFlags),
  request0(BackendOriginsRequest, handlers.backendOrigins),
  request0(FlagListRequest, handlers.flagList),
];

const NOTIFICATIONS: Binding[] = [
  notification(DidChangeConfigurationNotification.type, handlers.configurationChanged),
  notification(DidChangeWatchedFilesNotification.type, handlers.watchedFilesChanged),
  notification(WorkspaceTrustNotification, handlers.workspaceTrustChanged),
  notification(TokensChangedNotification, handlers.tokensChanged),
];

/** What the server offers a client with these abilities. */
function capabilitiesFor(context: ServerContext): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: COMPLETION_TRIGGER_CHARACTERS, resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, REMOVE_FLAG_KIND], resolveProvider: true },
    // A client that cannot pull diagnostics gets them published instead (diagnosticsPush.ts), never both.
    ...(context.pushesDiagnostics ? {} : { diagnosticProvider: { identifier: 'flaglens', interFileDependencies: true, workspaceDiagnostics: false } }),
    executeCommandProvider: { commands: Object.keys(handlers.COMMANDS) },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** Serve FlagLens on a connection until the client shuts it down. */
export function startServer(connection: Connection): void {
  const context = new ServerContext(connection);
  connection.onInitialize((params) => initialize(context, params));
  connection.onInitialized(() => initialized(context));
  for (const binding of [...REQUESTS, ...NOTIFICATIONS]) binding.bind(context);
  // Fired on open too. A document over the size limit is let go as soon as its folder's limit is known (documents.ts).
  context.documents.onDidChangeContent((event) => {
    void context.checkDocumentSize(event.document);
    handlers.documentChanged(context);
  });
  context.documents.onDidClose((event) => handlers.documentClosed(context, event.document.uri));
  context.documents.listen(connection);
  connection.listen();
}

function initialize(context: ServerContext, params: InitializeParams): InitializeResult {
  const { connection } = context;
  const capabilities = params.capabilities;
  context.clientCapabilities = capabilities;
  context.pushesDiagnostics = !clientPullsDiagnostics(capabilities);
  context.proposer.setClientCapabilities(capabilities);
  context.settings = new EditorSettingsCache(connection, capabilities.workspace?.configuration === true);
  const initializationOptions = readInitializationOptions(params.initializationOptions);
  context.backendSetup = new BackendSetupSource(connection, initializationOptions, context.log);
  context.indexCacheDir = initializationOptions.cacheDir;
  context.initialFolders = foldersOf(params);
  return { capabilities: capabilitiesFor(context), serverInfo: { name: 'flaglens', version } };
}

function initialized(context: ServerContext): void {
  const { connection, clientCapabilities: capabilities, initialFolders } = context;
  const progress = new IndexingProgress(connection, capabilities.window?.workDoneProgress === true, context.log);
  for (const folder of initialFolders) context.addFolder(folder, progress.forFolder(folder.name));
  void Promise.allSettled(context.folders.all().map((folder) => folder.state())).then(() => progress.done());
  if (initialFolders.length === 0) void context.status.update([]);

  if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    registerFileWatchers(connection).catch((error: unknown) => context.log(`Could not watch files: ${String(error)}`));
  }
  // The library registers for folder changes when asked for the event, so only a client that sends them is asked.
  if (capabilities.workspace?.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => handlers.workspaceFoldersChanged(context, event));
  }
}

/** The workspace folders of the session: the client's list, else its root, else none. */
function foldersOf(params: InitializeParams): WorkspaceFolder[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) return params.workspaceFolders;
  const rootUri = params.rootUri ?? (params.rootPath ? URI.file(params.rootPath).toString() : null);
  if (!rootUri) return [];
  return [{ uri: rootUri, name: uriToPath(rootUri).split('/').pop() || rootUri }];
}

// The library's handler result type is conditional on R, which TypeScript cannot resolve for a generic R;
// the guarded handler answers R or a ResponseError, which is what it allows.
function request<P, R, E>(type: RequestType<P, R, E>, handle: (context: ServerContext, params: P) => R | Promise<R>): Binding {
  return {
    bind: (context) => {
      const guarded = context.guard(type.method, (params: P) => handle(context, params));
      context.connection.onRequest(type, guarded as unknown as RequestHandler<P, R, E>);
    },
  };
}

function request0<R, E>(type: RequestType0<R, E>, handle: (context: ServerContext) => R | Promise<R>): Binding {
  return {
    bind: (context) => {
      const guarded = context.guard(type.method, () => handle(context));
      context.connection.onRequest(type, ((token) => guarded(undefined, token)) as RequestHandler0<R, E>);
    },
  };
}

function notification<P>(type: NotificationType<P>, handle: (context: ServerContext, params: P) => void | Promise<void>): Binding {
  return { bind: (context) => context.connection.onNotification(type, (params) => void handle(context, params)) };
}
