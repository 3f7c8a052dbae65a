// What the features need of a workspace folder and of the editor's settings: the language server's
// folders provide it, so the features depend on the loaded folder's data and not on the server.

import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LoadedFolder } from '../workspace/loadFolder';

/** A workspace folder as the features see it. */
export interface EditorFolder {
  readonly uri: string;
  readonly name: string;
  /** Absolute POSIX path of the folder. */
  readonly root: string;
  /** The folder once loaded. */
  state(): Promise<LoadedFolder>;
  /** Read `.flaglens.json` and the settings again, then index and load everything anew. */
  reload(): Promise<LoadedFolder>;
  /** Put the text of the folder's open documents into its index in place of the files on disk. */
  syncOpenDocuments(state: LoadedFolder, documents: readonly TextDocument[]): void;
}

/** The one editor setting a feature reads for itself. */
export interface ProposalSettings {
  get(uri: string): Promise<{ proposeConfig?: boolean }>;
}
