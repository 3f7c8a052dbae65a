// The code action "Remove flag 'new-checkout' (serves true in every environment)" on a check of a
// released or dead flag, for this file, and "... in all N files" as one workspace edit. The actions are
// offered cheaply and computed on resolve; each carries {uri, version, key} and a stale version is refused.

import * as path from 'node:path';
import {
  CodeActionKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Connection,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { findDefinition } from '../analysis/match';
import { flagHygiene } from '../analysis/policy/hygiene';
import { removabilityAtCheck } from '../analysis/removability';
import { isComponentFile } from '../analysis/components';
import type { TextEdit } from '../analysis/remove/edits';
import { checksFlag, removeFlagFromFile, type FileRemoval } from '../analysis/remove/plan';
import { summariseRemoval, type LeftToDecide } from '../analysis/remove/summary';
import { removeFlagFromWorkspace, type FileWithChecks } from '../analysis/remove/workspace';
import type { FlagCheck } from '../analysis/types';
import { createCallTypes } from '../workspace/callTypes';
import type { LoadedFolder } from '../workspace/loadFolder';
import { folderPolicyContext } from '../workspace/policyContext';
import { uriToPath } from '../workspace/uris';
import { absoluteRegistryLocation } from '../workspace/registryFile';
import { readTextFileIfReadable } from '../workspace/files';
import { checkAt } from './checks';

/** What a remove-flag action carries from offer to resolve. */
export interface RemoveFlagData {
  kind: 'flaglens.removeFlag';
  uri: string;
  version: number;
  key: string;
  scope: 'file' | 'workspace';
}

/**
 * The command a resolved removal carries when it leaves something for the person to decide: the editor
 * runs it after applying the edit, and the server answers with a message listing what is now unused,
 * now constant, or left as it was.
 */
export const REMOVAL_SUMMARY_COMMAND = 'flaglens.showRemovalSummary';

/** The code action kind of the removal: a rewrite of the code around the check. */
export const REMOVE_FLAG_KIND = CodeActionKind.RefactorRewrite;

/** The remove-flag actions for the check at the start of the requested range, without their edits. */
export function removeFlagActions(document: TextDocument, params: CodeActionParams, state: LoadedFolder): CodeAction[] {
  // Asked about a released-flag or dead-flag diagnostic, the removal is that diagnostic's quick fix, so
  // it shows in the hover and the light bulb; elsewhere on the check it is a refactoring.
  const fixed = params.context.diagnostics.filter((diagnostic) => diagnostic.source === 'flaglens'
    && (diagnostic.code === 'released-flag' || diagnostic.code === 'dead-flag'));
  const allowed = (kind: string): boolean => params.context.only === undefined
    || params.context.only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
  const asQuickFix = fixed.length > 0 && allowed(CodeActionKind.QuickFix);
  if (!asQuickFix && !allowed(REMOVE_FLAG_KIND)) return [];
  // The clean-up leaves a Vue or Svelte component as it was (see removeFlagFromFile): nothing to offer in one.
  if (isComponentFile(document.uri)) return [];
  const check = checkAt(state.index.checksIn(uriToPath(document.uri)), document.offsetAt(params.range.start));
  if (check === undefined) return [];
  const definition = findDefinition(check, state.catalog);
  if (definition === undefined) return [];
  const removability = removabilityAtCheck(flagHygiene(definition, state.catalog, folderPolicyContext(state)).removability, check);
  if (!removability.removable) return [];
  const { verdict } = removability;
  const key = definition.key;
  const base = `Remove flag '${key}' (${verdict.summary})`;
  const data = (scope: RemoveFlagData['scope']): RemoveFlagData => ({ kind: 'flaglens.removeFlag', uri: document.uri, version: document.version, key, scope });
  const shape: Pick<CodeAction, 'kind' | 'diagnostics'> = asQuickFix
    ? { kind: CodeActionKind.QuickFix, diagnostics: fixed }
    : { kind: REMOVE_FLAG_KIND };
  const actions: CodeAction[] = [{ title: base, ...shape, isPreferred: asQuickFix, data: data('file') }];
  const files = state.index.usage(key).files;
  if (files > 1) actions.push({ title: `${base} in all ${files} files`, ...shape, data: data('workspace') });
  return actions;
}

/** True for the data of a remove-flag action. */
export function isRemoveFlagData(data: unknown): data is RemoveFlagData {
  return typeof data === 'object' && data !== null && (data as Partial<RemoveFlagData>).kind === 'flaglens.removeFlag';
}

/**
 * Computes the action's edit. `documentText` gives an open document's text and version, or undefined
 * for a file that is not open (then it is read from disk).
 */
export function resolveRemoveFlag(
  action: CodeAction,
  data: RemoveFlagData,
  state: LoadedFolder,
  openDocument: (uri: string) => TextDocument | undefined,
): CodeAction {
  const document = openDocument(data.uri);
  if (document === undefined || document.version !== data.version) {
    throw new ResponseError(LSPErrorCodes.ContentModified, `The file changed since the action to remove '${data.key}' was offered; ask for it again.`);
  }
  const definition = state.catalog.definitions.get(data.key);
  const removability = definition === undefined ? undefined : flagHygiene(definition, state.catalog, folderPolicyContext(state)).removability;
  if (removability === undefined || !removability.removable) {
    throw new ResponseError(LSPErrorCodes.ContentModified, `'${data.key}' is no longer released or dead; it is not removed.`);
  }
  const { kept } = removability;
  const edit: WorkspaceEdit = { changes: {} };
  if (data.scope === 'file') {
    const file = uriToPath(document.uri);
    const checks = state.index.checksIn(file).filter((check) => checksFlag(check, data.key));
    const text = document.getText();
    const removal = removeFlagFromFile(file, text, checks, kept, data.key, createCallTypes([{ fileName: file, text }]));
    edit.changes![document.uri] = toLspEdits(document, removal.edits);
    return withSummary({ ...action, edit }, data.key, [removal], state.index.root);
  }
  const files = new Map<string, FlagCheck[]>();
  for (const reference of state.index.references(data.key)) files.set(reference.file, [...(files.get(reference.file) ?? []), reference.check]);
  const withChecks: FileWithChecks[] = [];
  const others = [];
  const documents = new Map<string, TextDocument>();
  for (const file of state.index.files()) {
    const uri = URI.file(file).toString();
    const text = openDocument(uri)?.getText() ?? readTextFileIfReadable(file, state.index.maxFileSize);
    if (text === undefined) continue;
    documents.set(file, TextDocument.create(uri, 'typescript', 0, text));
    const checks = files.get(file);
    if (checks !== undefined) withChecks.push({ fileName: file, text, checks });
    else others.push({ fileName: file, text });
  }
  const removal = removeFlagFromWorkspace(data.key, kept, withChecks, others, absoluteRegistryLocation(state.index.root, state.config.registry), createCallTypes(withChecks));
  for (const file of removal.files) {
    const target = documents.get(file.fileName);
    if (target !== undefined && file.edits.length > 0) edit.changes![target.uri] = toLspEdits(target, file.edits);
  }
  return withSummary({ ...action, edit }, data.key, removal.files, state.index.root);
}

/** The message of the summary command: one sentence per kind of thing left to decide. */
export function removalSummaryMessage(key: string, files: readonly FileRemoval[], root: string): string | undefined {
  const summary = summariseRemoval(files);
  const where = (item: LeftToDecide): string => `${path.posix.relative(root, item.fileName) || path.posix.basename(item.fileName)}:${item.line}`;
  const sentences: string[] = [];
  if (summary.nowUnused.length > 0) {
    sentences.push(`Now unused, not deleted: ${summary.nowUnused.map((item) => `${item.text} (${where(item)})`).join(', ')}; delete them if nothing else needs them.`);
  }
  if (summary.nowConstant.length > 0) {
    sentences.push(`Now constant, kept because it is exported: ${summary.nowConstant.map((item) => `${item.text} (${where(item)})`).join(', ')}; replace its uses in other files, then delete it.`);
  }
  if (summary.problems.length > 0) sentences.push(`Left as it was: ${summary.problems.map((item) => `${where(item)}: ${item.text}`).join('; ')}.`);
  return sentences.length === 0 ? undefined : `Removed '${key}'. ${sentences.join(' ')}`;
}

/** Shows the summary a removal's command carries; a removal that left checks as they were shows a warning. */
export function showRemovalSummary(connection: Connection, args: readonly unknown[] | undefined): null {
  const [message, warning] = args ?? [];
  if (typeof message === 'string') {
    void connection.sendNotification(ShowMessageNotification.type, { type: warning === true ? MessageType.Warning : MessageType.Info, message });
  }
  return null;
}

function withSummary(action: CodeAction, key: string, files: readonly FileRemoval[], root: string): CodeAction {
  const message = removalSummaryMessage(key, files, root);
  if (message === undefined) return action;
  const warning = files.some((file) => file.problems.length > 0);
  const command: Command = { title: `What removing '${key}' left to decide`, command: REMOVAL_SUMMARY_COMMAND, arguments: [message, warning] };
  return { ...action, command };
}

function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }));
}
