// The Flags view's data (`flaglens/flags`): every flag of each workspace folder with its release state,
// its stages while it rolls out, and every check of it in code, as ranges the editor can open; and the
// counts of `flaglens report` for the view's header.

import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { stageProgression } from '../analysis/describe';
import { countsText, flagInventory, inventoryCounts, type InventoryEntry } from '../analysis/inventory';
import { reportedStale } from '../analysis/policy/hygiene';
import type { FlagCheck } from '../analysis/types';
import { readTextFileIfReadable } from '../workspace/files';
import type { LoadedFolder } from '../workspace/loadFolder';
import type { EditorFolder } from './folder';
import type { FlagListFolder, FlagListItem, FlagListReference } from '../protocol';

/** The open documents by URI, so references in edited files point at the text on screen. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** The flags of every folder: defined ones first by key, then keys checked in code that no backend defines. */
export async function flagListFor(folders: readonly EditorFolder[], documents: OpenDocuments): Promise<FlagListFolder[]> {
  return Promise.all(folders.map(async (folder) => {
    const state = await folder.state();
    folder.syncOpenDocuments(state, documents.all());
    const now = Date.now();
    const inventory = flagInventory(state.index.allChecks(), state.catalog, state.config.policy, now, state.firstSeenInCode)
      // Without any definition every key would look unknown; the status bar says why instead.
      .filter((entry) => entry.state !== 'unknown' || state.catalog.loaded);
    return { name: folder.name, uri: folder.uri, flags: flagsOf(inventory, state, now, documents), counts: countsText(inventoryCounts(inventory)) };
  }));
}

function flagsOf(inventory: readonly InventoryEntry[], state: LoadedFolder, now: number, documents: OpenDocuments): FlagListItem[] {
  const texts = new TextsByFile(documents, state.index.maxFileSize);
  return inventory
    .map((entry) => {
      const item: FlagListItem = {
        key: entry.key,
        state: entry.state,
        stale: entry.hygiene !== undefined && entry.definition !== undefined && reportedStale(entry.hygiene, entry.definition),
        archived: entry.definition?.archived ?? false,
        summary: entry.summary,
        removable: entry.removable,
        references: entry.references.flatMap(({ file, check }) => texts.reference(file, check)),
      };
      const stages = entry.definition === undefined ? '' : stageProgression(entry.definition, state.catalog, { now, policy: state.config.policy }, 'plain');
      if (stages !== '') item.stages = stages;
      if (entry.definition?.link !== undefined) item.link = entry.definition.link;
      return item;
    });
}

/** Turns offsets into ranges: an open document's text when there is one, else the file on disk, read once. */
class TextsByFile {
  private readonly documents = new Map<string, TextDocument | undefined>();

  constructor(private readonly open: OpenDocuments, private readonly maxFileSize: number) {}

  reference(file: string, check: FlagCheck): FlagListReference[] {
    const uri = URI.file(file).toString();
    const document = this.documentOf(file, uri);
    if (document === undefined) return [];
    return [{ uri, range: { start: document.positionAt(check.keySpan.start), end: document.positionAt(check.keySpan.end) } }];
  }

  private documentOf(file: string, uri: string): TextDocument | undefined {
    if (this.documents.has(file)) return this.documents.get(file);
    let document = this.open.get(uri);
    if (document === undefined) {
      // Undefined when deleted since it was indexed (the watcher will drop it from the index) or no longer a readable file.
      const text = readTextFileIfReadable(file, this.maxFileSize);
      document = text === undefined ? undefined : TextDocument.create(uri, 'typescript', 0, text);
    }
    this.documents.set(file, document);
    return document;
  }
}
