// Tokens of flag services, kept in VS Code's secret storage under the origin they were set for. The
// server asks for a token by origin and gets only the one stored for exactly that origin, so a
// workspace that points its configuration at another host gets no token.

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { BackendOriginsRequest, TokenRequest, TokensChangedNotification, type BackendOrigin } from '../../server/src/protocol';

const SECRET_PREFIX = 'flaglens.token:';

/** The origin (`https://host:port`) of an address a person typed; undefined when it is not one FlagLens may use. */
export function originOfAddress(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return undefined;
  }
  const loopback = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url.origin;
  return undefined;
}

/** Answers the server's token requests and offers `FlagLens: Set Backend Token`. */
export function registerBackendTokens(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    client.onRequest(TokenRequest, async ({ origin }) => {
      const normalised = originOfAddress(origin);
      // Only an exact origin has a token; anything else (a path, another scheme) gets none.
      if (normalised === undefined || normalised !== origin) return null;
      return (await context.secrets.get(SECRET_PREFIX + origin)) ?? null;
    }),
    vscode.commands.registerCommand('flaglens.setBackendToken', (address?: unknown, token?: unknown) => setBackendToken(context, client, address, token)),
  );
}

/**
 * `FlagLens: Set Backend Token`. From the palette it asks which service and which token. Its arguments
 * `(origin?: string, token?: string)` skip the questions: a keybinding's `args` can name the service, and
 * extensions and tests can pass the token too (empty removes it). Other values (a menu's URI) count as absent.
 */
async function setBackendToken(context: vscode.ExtensionContext, client: LanguageClient, address: unknown, givenToken: unknown): Promise<void> {
  const origin = typeof address === 'string' ? originOfAddress(address) : await pickOrigin(client);
  if (origin === undefined) {
    if (typeof address === 'string') void vscode.window.showErrorMessage(`FlagLens keeps no token for '${address}': give an https:// address (http:// only for this machine).`);
    return;
  }
  const stored = await context.secrets.get(SECRET_PREFIX + origin);
  const token = typeof givenToken === 'string' ? givenToken : await vscode.window.showInputBox({
    title: `FlagLens: token for ${origin}`,
    prompt: `The access token FlagLens sends to ${origin} only (an Unleash admin or personal access token, or a LaunchDarkly API access token).${stored ? ' Leave empty to remove the stored token.' : ''}`,
    password: true,
    ignoreFocusOut: true,
  });
  if (token === undefined) return;
  if (token.trim() === '') {
    if (!stored) return;
    await context.secrets.delete(SECRET_PREFIX + origin);
    void vscode.window.showInformationMessage(`FlagLens removed the token for ${origin}.`);
  } else {
    await context.secrets.store(SECRET_PREFIX + origin, token.trim());
    void vscode.window.showInformationMessage(`FlagLens stored the token for ${origin}; it is sent to that address only.`);
  }
  await client.sendNotification(TokensChangedNotification, { origin });
}

/** The origin to set a token for: one the workspace is configured for, or one the person types. */
async function pickOrigin(client: LanguageClient): Promise<string | undefined> {
  let configured: BackendOrigin[] = [];
  try {
    configured = await client.sendRequest(BackendOriginsRequest);
  } catch (error) {
    client.error('Could not ask the FlagLens server for the configured flag services', error);
  }
  const other = { label: '$(edit) Another address…', origin: undefined as string | undefined };
  const items = [...configured.map((backend) => ({ label: backend.origin, description: backend.label, origin: backend.origin as string | undefined })), other];
  const picked = configured.length === 0 ? other : await vscode.window.showQuickPick(items, { title: 'FlagLens: set the token of which flag service?' });
  if (picked === undefined) return undefined;
  if (picked.origin !== undefined) return picked.origin;
  const address = await vscode.window.showInputBox({
    title: 'FlagLens: address of the flag service',
    prompt: 'The address the token is for, e.g. https://unleash.example.com or https://app.launchdarkly.com',
    ignoreFocusOut: true,
    validateInput: (value) => (originOfAddress(value) ? undefined : 'Enter an https:// address (http:// only for this machine).'),
  });
  return address === undefined ? undefined : originOfAddress(address);
}
