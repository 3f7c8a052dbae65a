// Files changed on disk (`workspace/didChangeWatchedFiles`): source files update the index, flag files
// reload the definitions, `.flaglens.json` reloads its folder. A rename arrives as a delete and a create.

import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, type Connection, type FileEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../workspace/config';
import { type WorkspaceFolderState, type WorkspaceFolders } from './folders';
import { uriToPath } from '../workspace/uris';
import { isSourceFile } from '../workspace/files';

/** The files the server asks the client to watch. */
export const WATCHED_FILE_GLOBS = ['**/*.{ts,tsx,js,jsx,mts,cts,mjs,cjs}', '**/*.flagd.json', `**/${CONFIG_FILE_NAME}`];

/** Ask the client to report changes of the watched files. */
export async function registerFileWatchers(connection: Connection): Promise<void> {
  await connection.client.register(DidChangeWatchedFilesNotification.type, {
    watchers: WATCHED_FILE_GLOBS.map((globPattern) => ({ globPattern })),
  });
}

/** What one batch of file events changed in a folder. */
interface FolderChanges {
  config: boolean;
  definitions: boolean;
  flagFilesAddedOrRemoved: boolean;
  index: boolean;
}

/**
 * Apply a batch of file events. Files open in the editor are left alone: their text, not the disk's,
 * is what the index holds. Returns true when some folder's index changed.
 */
export async function applyFileEvents(
  events: readonly FileEvent[],
  folders: WorkspaceFolders,
  isOpen: (uri: string) => boolean,
): Promise<boolean> {
  const changesByFolder = new Map<WorkspaceFolderState, FolderChanges>();
  for (const event of events) {
    const folder = folders.folderOf(event.uri);
    if (folder === undefined) continue;
    let changes = changesByFolder.get(folder);
    if (changes === undefined) {
      changes = { config: false, definitions: false, flagFilesAddedOrRemoved: false, index: false };
      changesByFolder.set(folder, changes);
    }
    const file = uriToPath(event.uri);
    const state = await folder.state();
    if (file === `${folder.root}/${CONFIG_FILE_NAME}`) {
      changes.config = true;
    } else if (file.endsWith('.flagd.json') || (await folder.isFlagFile(file))) {
      changes.definitions = true;
      if (event.type !== FileChangeType.Changed) changes.flagFilesAddedOrRemoved = true;
    } else if (event.type === FileChangeType.Deleted) {
      if (isOpen(event.uri)) continue;
      // A deleted directory arrives as one event; the index forgets everything under it.
      state.index.deleteFile(file);
      state.syncedVersions.delete(event.uri);
      changes.index = true;
    } else if ((isSourceFile(file) || path.posix.basename(file) === '.gitignore') && !isOpen(event.uri)) {
      await state.index.refreshFile(file);
      changes.index = true;
    }
  }

  let indexChanged = false;
  await Promise.all([...changesByFolder].map(async ([folder, changes]) => {
    if (changes.config) {
      await folder.reload();
      return;
    }
    if (changes.definitions) await folder.reloadDefinitions(changes.flagFilesAddedOrRemoved);
    if (changes.index) indexChanged = true;
  }));
  return indexChanged;
}
