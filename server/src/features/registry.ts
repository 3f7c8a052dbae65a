// The flag registry in the editor: its findings for a document (keys not listed, entries no check uses)
// and their quick fixes: change the key, add it to the registry, remove or rename the entry.

import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  addEntryEdit,
  findingsForRegistry,
  removeEntryEdit,
  renameEntryEdit,
  unusedRegistryFindings,
  type FlagRegistry,
  type TextEdit,
} from '../analysis/registry';
import type { Finding } from '../analysis/types';
import { loadRegistry, REGISTRY_FILE_LIMIT, registryModifiedAt, registryPath } from '../workspace/registryFile';
import { readTextFileIfReadable } from '../workspace/files';
import type { LoadedFolder } from '../workspace/loadFolder';
import { uriToPath } from '../workspace/uris';
import type { DiagnosticData } from './diagnostics';

// The registry of each folder state, read again when its file changes on disk.
const cache = new WeakMap<LoadedFolder, { modified: number; registry: FlagRegistry | undefined }>();

/** The folder's registry, as `.flaglens.json` names it; `openText` is the registry document's text when it is the one asked about. */
export function registryOf(state: LoadedFolder, openFile?: string, openText?: string): FlagRegistry | undefined {
  const location = state.config.registry;
  if (location === undefined) return undefined;
  const root = state.index.root;
  const file = registryPath(root, location);
  if (openText !== undefined && openFile === file) return loadRegistry(root, location, openText).registry;
  const modified = registryModifiedAt(file);
  if (modified === undefined) return undefined;
  const cached = cache.get(state);
  if (cached !== undefined && cached.modified === modified) return cached.registry;
  const registry = loadRegistry(root, location).registry;
  cache.set(state, { modified, registry });
  return registry;
}

/** The registry findings for one document: its checks' keys missing from the registry, and in the registry file, unused entries. */
export function registryFindingsFor(file: string, text: string, state: LoadedFolder): Finding[] {
  const registry = registryOf(state, file, text);
  if (registry === undefined) return [];
  const findings = findingsForRegistry(file, state.index.checksIn(file), registry, state.severities);
  if (registry.file === file) {
    const allChecks = [...state.index.allChecks().values()].flat();
    findings.push(...unusedRegistryFindings(registry, allChecks, state.severities));
  }
  return findings;
}

/** Quick fixes for `unregistered-flag` (add the key to the registry) and `unused-flag` (remove or rename the entry). */
export function registryActionsFor(document: TextDocument, diagnostic: Diagnostic, state: LoadedFolder): CodeAction[] {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.key === undefined || data.version !== document.version) return [];
  const file = uriToPath(document.uri);
  const registry = registryOf(state, file, document.getText());
  if (registry === undefined) return [];
  const registryText = registry.file === file ? document.getText() : readTextFileIfReadable(registry.file, REGISTRY_FILE_LIMIT);
  if (registryText === undefined) return [];
  const registryUri = registry.file === file ? document.uri : pathToFileURL(registry.file).href;
  const action = (title: string, edit: TextEdit, isPreferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    ...(isPreferred ? { isPreferred } : {}),
    edit: { changes: { [registryUri]: [{ range: rangeOf(registryText, edit), newText: edit.newText }] } },
  });

  if (diagnostic.code === 'unregistered-flag') {
    return [action(`Add '${data.key}' to ${registry.symbol}`, addEntryEdit(registry, registryText, data.key))];
  }
  if (diagnostic.code !== 'unused-flag' || registry.file !== file) return [];
  const entry = registry.entries.find((candidate) => candidate.key === data.key);
  if (entry === undefined) return [];
  const actions: CodeAction[] = [];
  if (data.suggestion !== undefined) actions.push(action(`Change to '${data.suggestion}'`, renameEntryEdit(registryText, entry, data.suggestion), true));
  actions.push(action(`Remove '${entry.key}' from ${registry.symbol}`, removeEntryEdit(registry, registryText, entry)));
  return actions;
}

/** An offset span as a line/character range of the given text. */
function rangeOf(text: string, edit: TextEdit) {
  return { start: positionAt(text, edit.span.start), end: positionAt(text, edit.span.end) };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
