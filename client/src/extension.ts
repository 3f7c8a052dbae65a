// The VS Code side of FlagLens: starts the language server, shows its status, and offers commands.
// Everything about flags happens in the server; this file only wires the editor to it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RefreshRequest, StatusNotification, type StatusParams } from '../../server/src/protocol';
import { registerFlagsView } from './flagsView';
import { registerBackendTokens } from './secrets';
import { initializationOptionsFor, watchWorkspaceTrust } from './trust';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('FlagLens', { log: true });
  const statusBar = vscode.window.createStatusBarItem('flaglens.status', vscode.StatusBarAlignment.Left, 0);
  statusBar.name = 'FlagLens';
  statusBar.command = 'flaglens.showOutput';
  showStatus(statusBar, { level: 'ok', text: 'flags: starting', detail: 'FlagLens is indexing the workspace' });
  statusBar.show();
  context.subscriptions.push(output, statusBar);

  const serverModule = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  // The server's V8 code cache (server/src/codeCache.ts) lives in this extension's own storage.
  const env = { ...process.env, FLAGLENS_CODE_CACHE: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'javascriptreact' },
      // Vue and Svelte components, where an extension such as Vue's or Svelte's own gives them their language.
      { scheme: 'file', language: 'vue' },
      { scheme: 'file', language: 'svelte' },
      // Angular components' templates; any other HTML holds no code FlagLens reads.
      { scheme: 'file', language: 'html', pattern: '**/*.component.html' },
      { scheme: 'file', pattern: '**/*.flagd.json' },
      { scheme: 'file', pattern: '**/.flaglens.json' },
    ],
    outputChannel: output,
    synchronize: { configurationSection: 'flaglens' },
    initializationOptions: initializationOptionsFor(context),
  };

  client = new LanguageClient('flaglens', 'FlagLens', serverOptions, clientOptions);
  context.subscriptions.push(registerFlagsView(client));
  context.subscriptions.push(registerBackendTokens(context, client), watchWorkspaceTrust(client));
  context.subscriptions.push(
    client.onNotification(StatusNotification, (status) => showStatus(statusBar, status)),
    vscode.commands.registerCommand('flaglens.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('flaglens.refresh', async () => {
      if (!client) return;
      const status = await client.sendRequest(RefreshRequest);
      showStatus(statusBar, status);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function showStatus(item: vscode.StatusBarItem, status: StatusParams): void {
  const icon = status.level === 'ok' ? '$(flag)' : status.level === 'warning' ? '$(warning)' : '$(error)';
  item.text = `${icon} ${status.text}`;
  item.tooltip = status.detail;
  item.backgroundColor = status.level === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
}
