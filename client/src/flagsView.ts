// The Flags view in the explorer: every flag of the workspace grouped by what to do about it, each with
// the places that check it. The server owns the data (`flaglens/flags`); this file only shows it.

import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FlagListRequest, FlagsChangedNotification, type FlagListFolder, type FlagListItem, type FlagListReference } from '../../server/src/protocol';

/** The groups, in the order a person works through them: what is wrong first, what is fine last. */
type GroupId = 'unknown' | 'marked' | 'released' | 'dead' | 'rolling-out';

const GROUPS: ReadonlyArray<{ id: GroupId; label: string; icon: string; color?: string }> = [
  { id: 'unknown', label: 'Unknown keys', icon: 'question', color: 'list.warningForeground' },
  { id: 'marked', label: 'Stale or archived', icon: 'archive', color: 'list.warningForeground' },
  { id: 'released', label: 'Released: ready to remove', icon: 'pass' },
  { id: 'dead', label: 'Dead: ready to remove', icon: 'circle-slash' },
  { id: 'rolling-out', label: 'Rolling out', icon: 'sync' },
];

type FlagsNode =
  | { kind: 'folder'; folder: FlagListFolder }
  | { kind: 'group'; group: (typeof GROUPS)[number]; folder: FlagListFolder; flags: FlagListItem[] }
  | { kind: 'flag'; flag: FlagListItem; folder: FlagListFolder }
  | { kind: 'reference'; reference: FlagListReference; flag: FlagListItem; folder: FlagListFolder };

/** What the view shows, as plain data: the label and description of each node and its children. */
export interface FlagsViewSnapshot {
  label: string;
  description?: string;
  /** The tooltip's text (markdown for flags). */
  tooltip?: string;
  children: FlagsViewSnapshot[];
}

/** The group a flag belongs in: a stale or archived mark outranks the release state, as it asks for action. */
export function groupOf(flag: FlagListItem): GroupId {
  if (flag.state === 'unknown') return 'unknown';
  if (flag.stale || flag.archived) return 'marked';
  return flag.state;
}

class FlagsTreeProvider implements vscode.TreeDataProvider<FlagsNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private folders: Promise<FlagListFolder[]> | undefined;

  constructor(private readonly client: LanguageClient, private readonly loaded: (folders: readonly FlagListFolder[]) => void) {}

  refresh(): void {
    this.folders = undefined;
    this.changed.fire();
  }

  /** The server's flags, asked once per refresh. */
  flagFolders(): Promise<FlagListFolder[]> {
    this.folders ??= this.client.sendRequest(FlagListRequest).then((folders) => {
      this.loaded(folders);
      return folders;
    }, (error: unknown) => {
      this.client.warn(`The Flags view could not load the flags: ${error instanceof Error ? error.message : String(error)}`);
      this.folders = undefined;
      return [];
    });
    return this.folders;
  }

  async getChildren(node?: FlagsNode): Promise<FlagsNode[]> {
    if (node === undefined) {
      const folders = await this.flagFolders();
      if (folders.length === 1) return groupsOf(folders[0]);
      return folders.map((folder) => ({ kind: 'folder', folder }));
    }
    switch (node.kind) {
      case 'folder':
        return groupsOf(node.folder);
      case 'group':
        return node.flags.map((flag) => ({ kind: 'flag', flag, folder: node.folder }));
      case 'flag':
        return node.flag.references.map((reference) => ({ kind: 'reference', reference, flag: node.flag, folder: node.folder }));
      case 'reference':
        return [];
    }
  }

  getTreeItem(node: FlagsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.description = count(node.folder.flags.length, 'flag');
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
        item.id = `${node.folder.uri}#${node.group.id}`;
        item.description = String(node.flags.length);
        item.iconPath = new vscode.ThemeIcon(node.group.icon, node.group.color ? new vscode.ThemeColor(node.group.color) : undefined);
        return item;
      }
      case 'flag':
        return flagItem(node.flag, node.folder);
      case 'reference':
        return referenceItem(node.reference, node.folder);
    }
  }
}

function groupsOf(folder: FlagListFolder): FlagsNode[] {
  return GROUPS.flatMap((group) => {
    const flags = folder.flags.filter((flag) => groupOf(flag) === group.id);
    return flags.length > 0 ? [{ kind: 'group' as const, group, folder, flags }] : [];
  });
}

function flagItem(flag: FlagListItem, folder: FlagListFolder): vscode.TreeItem {
  const collapsed = flag.references.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(flag.key, collapsed);
  item.id = `${folder.uri}#flag:${flag.key}`;
  const marks = [flag.archived ? 'archived' : '', flag.stale ? 'stale' : ''].filter(Boolean);
  const references = flag.references.length === 0 ? 'not checked in code' : count(flag.references.length, 'reference');
  // The side bar is narrow and the group already names the state: the line keeps to marks, a rolling-out
  // flag's stages (where the rollout stands) and the count, and what the flag serves (which can run to a
  // sentence per environment) goes to the tooltip.
  item.description = [...marks, flag.stages ?? '', references].filter(Boolean).join(' · ');
  item.tooltip = flagTooltip(flag, marks, references);
  // The context value lists what the flag's menu offers, matched with `viewItem =~ /\bword\b/`.
  const offers = ['flag'];
  if (flag.link !== undefined) offers.push('link');
  if (flag.removable) offers.push('removable');
  item.contextValue = offers.join(' ');
  return item;
}

/** The key, what the flag serves, its marks, where code checks it, and its page in the backend. */
function flagTooltip(flag: FlagListItem, marks: readonly string[], references: string): vscode.MarkdownString {
  const files = new Set(flag.references.map((reference) => reference.uri)).size;
  const where = flag.references.length === 0 ? references : `${references} in ${count(files, 'file')}`;
  const lines = [`**${flag.key}**`, [flag.summary, ...marks].join(' · '), ...(flag.stages === undefined ? [] : [`Stages: ${flag.stages}`]), where];
  if (flag.link !== undefined) lines.push(`[Open in the flag backend](${flag.link})`);
  return new vscode.MarkdownString(lines.join('\n\n'));
}

function referenceItem(reference: FlagListReference, folder: FlagListFolder): vscode.TreeItem {
  const uri = vscode.Uri.parse(reference.uri);
  const relative = path.posix.relative(vscode.Uri.parse(folder.uri).path, uri.path);
  const line = reference.range.start.line + 1;
  const item = new vscode.TreeItem(`${path.posix.basename(relative)}:${line}`, vscode.TreeItemCollapsibleState.None);
  item.resourceUri = uri;
  item.description = path.posix.dirname(relative) === '.' ? '' : path.posix.dirname(relative);
  item.tooltip = `${relative}, line ${line}`;
  item.contextValue = 'reference';
  const selection = new vscode.Range(reference.range.start.line, reference.range.start.character, reference.range.end.line, reference.range.end.character);
  item.command = { title: 'Open', command: 'vscode.open', arguments: [uri, { selection } satisfies vscode.TextDocumentShowOptions] };
  return item;
}

/** The view's header: the counts `flaglens report` starts with, per folder when there are several. */
function headerMessage(folders: readonly FlagListFolder[]): string {
  const line = (folder: FlagListFolder): string => [folder.counts.states, folder.counts.types === '' ? '' : `types: ${folder.counts.types}`].filter(Boolean).join(' · ');
  if (folders.length === 1) return line(folders[0]);
  return folders.filter((folder) => folder.flags.length > 0).map((folder) => `${folder.name}: ${line(folder)}`).join(' — ');
}

function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? '' : 's'}`;
}

/** Create the Flags view and its commands; refreshes when the server says the flags changed, and on save. */
export function registerFlagsView(client: LanguageClient): vscode.Disposable {
  // The view exists before any answer from the server, which comes asynchronously.
  const provider = new FlagsTreeProvider(client, (folders) => {
    view.message = headerMessage(folders) || undefined;
  });
  const view = vscode.window.createTreeView('flaglens.flags', { treeDataProvider: provider, showCollapseAll: true });
  // A tree node from the view's menus, or a key (from a keybinding or a test).
  const flagOf = async (target: FlagsNode | string | undefined): Promise<FlagListItem | undefined> => {
    if (typeof target !== 'string') return target?.kind === 'flag' ? target.flag : undefined;
    return (await provider.flagFolders()).flatMap((folder) => folder.flags).find((flag) => flag.key === target);
  };
  return vscode.Disposable.from(
    view,
    client.onNotification(FlagsChangedNotification, () => provider.refresh()),
    vscode.workspace.onDidSaveTextDocument(() => provider.refresh()),
    vscode.commands.registerCommand('flaglens.flags.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('flaglens.flags.copyKey', async (target?: FlagsNode | string) => {
      const flag = await flagOf(target);
      if (flag) await vscode.env.clipboard.writeText(flag.key);
    }),
    vscode.commands.registerCommand('flaglens.flags.openInBackend', async (target?: FlagsNode | string) => {
      const flag = await flagOf(target);
      if (flag?.link) await vscode.env.openExternal(vscode.Uri.parse(flag.link));
    }),
    vscode.commands.registerCommand('flaglens.flags.remove', async (target?: FlagsNode | string) => {
      const flag = await flagOf(target);
      if (flag) await removeFlag(flag);
    }),
    // Not contributed to the command palette: lets the end-to-end tests read what the view shows.
    vscode.commands.registerCommand('flaglens.flags.snapshot', () => snapshot(provider)),
  );
}

/**
 * Remove a flag from the code with the server's own "Remove flag" code action, asked for at one of its
 * checks: the action for all files when the flag is checked in several, else the one for that file.
 */
async function removeFlag(flag: FlagListItem): Promise<void> {
  const reference = flag.references[0];
  if (reference === undefined) return;
  const uri = vscode.Uri.parse(reference.uri);
  const range = new vscode.Range(reference.range.start.line, reference.range.start.character, reference.range.end.line, reference.range.end.character);
  // The server computes the edit on resolve, against the open document's text.
  await vscode.workspace.openTextDocument(uri);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, undefined, 10);
  const removals = (actions ?? []).filter((action) => action.title.startsWith(`Remove flag '${flag.key}'`));
  const removal = removals.find((action) => / in all \d+ files$/.test(action.title)) ?? removals[0];
  if (removal?.edit === undefined) {
    const where = `${vscode.workspace.asRelativePath(uri)}:${range.start.line + 1}`;
    void vscode.window.showWarningMessage(`FlagLens cannot remove '${flag.key}' by itself (at ${where}): edit its checks by hand.`);
    return;
  }
  if (!(await vscode.workspace.applyEdit(removal.edit))) {
    void vscode.window.showWarningMessage(`VS Code did not apply the removal of '${flag.key}'.`);
    return;
  }
  const files = removal.edit.entries().length;
  void vscode.window.showInformationMessage(`Removed '${flag.key}' from ${count(files, 'file')}: review the changes and save.`);
}

async function snapshot(provider: FlagsTreeProvider, node?: FlagsNode): Promise<FlagsViewSnapshot[]> {
  const children = await provider.getChildren(node);
  return Promise.all(children.map(async (child) => {
    const item = provider.getTreeItem(child);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    const entry: FlagsViewSnapshot = { label, children: await snapshot(provider, child) };
    if (typeof item.description === 'string' && item.description !== '') entry.description = item.description;
    const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
    if (tooltip !== undefined && tooltip !== '') entry.tooltip = tooltip;
    return entry;
  }));
}
