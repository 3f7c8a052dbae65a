// Workspace trust and storage for the language server: an untrusted workspace reads local flag files
// only, and the server keeps its cache of flag services' definitions in the extension's storage.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceTrustNotification, type FlagLensInitializationOptions } from '../../server/src/protocol';

/** What the server needs to know at start: trust, where to cache, and that tokens come from this client. */
export function initializationOptionsFor(context: vscode.ExtensionContext): FlagLensInitializationOptions {
  const storage = context.storageUri ?? context.globalStorageUri;
  return { trusted: vscode.workspace.isTrusted, cacheDir: storage.fsPath, storesTokens: true };
}

/** Tells the server when the person trusts the workspace, so that it may read flag services from then on. */
export function watchWorkspaceTrust(client: LanguageClient): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    client.sendNotification(WorkspaceTrustNotification, { trusted: true }).catch((error: unknown) => {
      client.error('Could not tell the FlagLens server that the workspace is trusted', error);
    });
  });
}
