// Helpers the extension-host tests share: files of the opened workspace folder, cursors found by text,
// hover text, and polling with a deadline.

import assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'flaglens.flaglens';
const DEADLINE_MS = 30_000;

/** A file of the workspace folder the suite runs in. */
export function folderUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Opens a file of the workspace folder in an editor. */
export async function show(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(folderUri(relative));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of the `|` in `marked`, a piece of the document's text with a `|` where the cursor goes. */
export function positionOf(document: vscode.TextDocument, marked: string): vscode.Position {
  const bar = marked.indexOf('|');
  const needle = marked.slice(0, bar) + marked.slice(bar + 1);
  const start = document.getText().indexOf(needle);
  assert.ok(start >= 0, `${needle} is in ${document.uri.path}`);
  return document.positionAt(start + bar);
}

export function markdownText(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return 'value' in content ? content.value : '';
}

/** Every hover's markdown at the `|` of `marked` (see positionOf), as the editor's hover provider gives it. */
export async function hoverMarkdown(document: vscode.TextDocument, marked: string): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, marked));
  return hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n');
}

/** Poll until `probe` gives something other than undefined; fail after the deadline. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${DEADLINE_MS} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
