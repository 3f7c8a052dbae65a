// The Flags view's data (`flaglens/flags`): every flag of each workspace folder with its release state
// and every check of it in code, as ranges the editor can open.

import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { findDefinition } from '../analysis/match';
import { classifyRelease } from '../analysis/release';
import type { FlagCheck } from '../analysis/types';
import type { FolderState, WorkspaceFolderState } from '../lsp/folders';
import type { FlagListFolder, FlagListItem, FlagListReference } from '../protocol';

/** The open documents by URI, so references in edited files point at the text on screen. */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** The flags of every folder: defined ones first by key, then keys checked in code that no backend defines. */
export async function flagListFor(folders: readonly WorkspaceFolderState[], documents: OpenDocuments): Promise<FlagListFolder[]> {
  return Promise.all(folders.map(async (folder) => {
    const state = await folder.state();
    folder.syncOpenDocuments(state, documents.all());
    return { name: folder.name, uri: folder.uri, flags: flagsOf(state, documents) };
  }));
}

function flagsOf(state: FolderState, documents: OpenDocuments): FlagListItem[] {
  const { catalog } = state;
  const checksByKey = new Map<string, Array<{ file: string; check: FlagCheck }>>();
  for (const [file, checks] of state.index.allChecks()) {
    for (const check of checks) {
      // A key that could not be worked out names no flag.
      if (!check.resolved) continue;
      const key = findDefinition(check, catalog)?.key ?? check.key;
      const list = checksByKey.get(key) ?? [];
      list.push({ file, check });
      checksByKey.set(key, list);
    }
  }

  const texts = new TextsByFile(documents);
  const referencesOf = (key: string): FlagListReference[] =>
    (checksByKey.get(key) ?? []).flatMap(({ file, check }) => texts.reference(file, check));

  const flags: FlagListItem[] = [...catalog.definitions.values()].map((definition) => {
    const verdict = classifyRelease(definition, catalog.countedEnvironments);
    const item: FlagListItem = {
      key: definition.key,
      state: verdict.state,
      stale: definition.stale,
      archived: definition.archived,
      summary: verdict.summary,
      references: referencesOf(definition.key),
    };
    if (definition.link !== undefined) item.link = definition.link;
    return item;
  });
  // Without any definition every key would look unknown; the status bar says why instead.
  if (catalog.loaded) {
    for (const key of checksByKey.keys()) {
      if (catalog.definitions.has(key)) continue;
      flags.push({ key, state: 'unknown', stale: false, archived: false, summary: 'not defined in any environment', references: referencesOf(key) });
    }
  }
  return flags.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Turns offsets into ranges: an open document's text when there is one, else the file on disk, read once. */
class TextsByFile {
  private readonly documents = new Map<string, TextDocument | undefined>();

  constructor(private readonly open: OpenDocuments) {}

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
      try {
        document = TextDocument.create(uri, 'typescript', 0, fs.readFileSync(file, 'utf8'));
      } catch {
        // Deleted since it was indexed: the watcher will drop it from the index.
        document = undefined;
      }
    }
    this.documents.set(file, document);
    return document;
  }
}
