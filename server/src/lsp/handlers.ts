// The server's answer to each request and notification, one small function each: find the document's
// folder, hand params and state to the feature, return what it says. `server.ts` binds them.

import {
  DocumentDiagnosticReportKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionList,
  type CompletionParams,
  type DidChangeWatchedFilesParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { serviceOrigin } from '../workspace/createBackends';
import { codeActionsFor } from '../features/codeActions';
import { completionAt } from '../features/completion';
import { diagnosticsFor } from '../features/diagnostics';
import { flagListFor } from '../features/flagList';
import { hoverAt } from '../features/hover';
import { PROPOSE_CONFIG_COMMAND, proposeConfig } from '../features/init';
import { isRemoveFlagData, REMOVAL_SUMMARY_COMMAND, removeFlagActions, resolveRemoveFlag, showRemovalSummary } from '../features/removeFlag';
import type { BackendOrigin, FlagListFolder, StatusParams } from '../protocol';
import type { ServerContext } from './context';
import { applyFileEvents } from './watching';

export async function pullDiagnostics(context: ServerContext, params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
  const loaded = await context.loadedFolderOf(params.textDocument.uri);
  // Outside every folder nothing is read: not even a document's file (it could be /dev/zero).
  const document = loaded && context.documentOf(params.textDocument.uri, loaded.state.index.maxFileSize);
  const items = loaded && document ? diagnosticsFor(document, loaded.state) : [];
  return { kind: DocumentDiagnosticReportKind.Full, items };
}

export async function hover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const loaded = await context.loadedFolderOf(params.textDocument.uri);
  const document = loaded && context.documentOf(params.textDocument.uri, loaded.state.index.maxFileSize);
  return loaded && document ? hoverAt(document, params.position, loaded.state) : null;
}

export async function completion(context: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const loaded = await context.loadedFolderOf(params.textDocument.uri);
  const document = context.documents.get(params.textDocument.uri);
  return loaded && document ? completionAt(document, params.position, loaded.state) : null;
}

export async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const loaded = await context.loadedFolderOf(params.textDocument.uri);
  const document = context.documents.get(params.textDocument.uri);
  return loaded && document ? [...codeActionsFor(document, params, loaded.state), ...removeFlagActions(document, params, loaded.state)] : [];
}

export async function resolveCodeAction(context: ServerContext, action: CodeAction): Promise<CodeAction> {
  if (!isRemoveFlagData(action.data)) return action;
  const loaded = await context.loadedFolderOf(action.data.uri);
  return loaded ? resolveRemoveFlag(action, action.data, loaded.state, (uri) => context.documents.get(uri)) : action;
}

/** The server's commands, by id: `executeCommandProvider` advertises exactly these. */
export const COMMANDS: Record<string, (context: ServerContext, args: unknown[] | undefined) => unknown> = {
  [PROPOSE_CONFIG_COMMAND]: async (context, args) => {
    const result = await proposeConfig(context.folders.all(), args, context.log);
    void context.connection.window.showInformationMessage(result.message);
    return result;
  },
  [REMOVAL_SUMMARY_COMMAND]: (context, args) => showRemovalSummary(context.connection, args),
};

export async function executeCommand(context: ServerContext, params: ExecuteCommandParams): Promise<unknown> {
  const command = Object.hasOwn(COMMANDS, params.command) ? COMMANDS[params.command] : undefined;
  return command ? command(context, params.arguments) : null;
}

/** `flaglens/refresh`: read every flag source again now. */
export async function refreshFlags(context: ServerContext): Promise<StatusParams> {
  await Promise.all(context.folders.all().map((folder) => folder.reloadDefinitions(true)));
  return context.folders.all().length > 0 ? context.status.current() : context.status.update([]);
}

/** `flaglens/backendOrigins`: the flag services the folders name, once each, for the token command. */
export async function backendOrigins(context: ServerContext): Promise<BackendOrigin[]> {
  const origins: BackendOrigin[] = [];
  for (const folder of context.folders.all()) {
    const state = await folder.state();
    state.config.backends.forEach((backend, index) => {
      const origin = serviceOrigin(backend);
      const label = state.backends[index]?.label ?? origin;
      if (origin !== undefined && label !== undefined && !origins.some((known) => known.origin === origin)) origins.push({ origin, label });
    });
  }
  return origins;
}

export function flagList(context: ServerContext): Promise<FlagListFolder[]> {
  return flagListFor(context.folders.all(), context.documents);
}

export function configurationChanged(context: ServerContext): void {
  context.settings.clear();
  context.reloadFolders();
}

export async function watchedFilesChanged(context: ServerContext, params: DidChangeWatchedFilesParams): Promise<void> {
  try {
    const indexChanged = await applyFileEvents(params.changes, context.folders, (uri) => context.documents.get(uri) !== undefined);
    if (indexChanged) await context.flagsChanged();
  } catch (error) {
    context.log(`Could not apply file changes: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  }
}

export function workspaceFoldersChanged(context: ServerContext, event: WorkspaceFoldersChangeEvent): void {
  for (const removed of event.removed) context.folders.remove(removed.uri);
  for (const added of event.added) context.addFolder(added);
  void context.status.update(context.folders.all()).then(() => context.flagsChanged());
}

// Trust and tokens decide which backends exist, so each folder is loaded anew.
export function workspaceTrustChanged(context: ServerContext, { trusted }: { trusted: boolean }): void {
  context.backendSetup.setTrusted(trusted === true);
  context.reloadFolders();
}

export function tokensChanged(context: ServerContext): void {
  context.reloadFolders();
}

/** An open document opened or changed: a client that cannot pull diagnostics gets them sent. */
export function documentChanged(context: ServerContext): void {
  if (context.pushesDiagnostics) void context.diagnostics.publishOpen();
}

export function documentClosed(context: ServerContext, uri: string): void {
  context.folders.folderOf(uri)?.forgetDocument(uri)
    .catch((error: unknown) => context.log(`Could not reread ${uri}: ${String(error)}`));
  if (context.pushesDiagnostics) void context.diagnostics.clear(uri);
}
