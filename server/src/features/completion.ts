// Completion of flag keys inside the key string of a flag check: every defined key, with its release
// state in the detail and its description as documentation.

import { CompletionItemKind, CompletionItemTag, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { classifyRelease } from '../analysis/release';
import type { FlagDefinition, ReleaseState, Span } from '../analysis/types';
import type { LoadedFolder } from '../workspace/loadFolder';
import { uriToPath } from '../workspace/uris';
import { checkAt, literalContents } from './checks';

/** Typing a quote opens the key string of a check, so it is worth asking for keys there. */
export const COMPLETION_TRIGGER_CHARACTERS = ['\'', '"', '`'];

const STATE_LABELS: Record<ReleaseState, string> = { released: 'released', dead: 'dead', 'rolling-out': 'rolling out' };

// Keys are made of these; a string that is still open ends where they stop, not at the end of the line.
const KEY_CHARACTER = /[\w.:/@$-]/;

/** The flag keys to offer at a position, or null when the position is not inside a check's key string. */
export function completionAt(document: TextDocument, position: Position, state: LoadedFolder): CompletionList | null {
  const text = document.getText();
  const offset = document.offsetAt(position);
  const check = checkAt(state.index.checksIn(uriToPath(document.uri)), offset);
  if (check === undefined || !check.keyIsLiteral) return null;
  const contents = literalContents(text, check.keySpan);
  if (contents === undefined || offset < contents.start || offset > contents.end) return null;
  const replaced = replacedSpan(text, contents, check.keySpan, offset);
  const range = { start: document.positionAt(replaced.start), end: document.positionAt(replaced.end) };

  const items = [...state.catalog.definitions.values()].map((definition): CompletionItem => {
    const item: CompletionItem = {
      label: definition.key,
      kind: CompletionItemKind.Constant,
      detail: detailOf(definition, state.countedEnvironments),
      // Archived and stale flags go last: they are the ones not to start using.
      sortText: `${definition.archived ? 2 : definition.stale ? 1 : 0}${definition.key}`,
      filterText: definition.key,
      textEdit: { range, newText: definition.key },
    };
    if (definition.archived) item.tags = [CompletionItemTag.Deprecated];
    if (definition.description) item.documentation = { kind: MarkupKind.PlainText, value: definition.description };
    return item;
  });
  return { isIncomplete: false, items };
}

/** "released · serves true in every environment", with stale or archived first when they apply. */
function detailOf(definition: FlagDefinition, countedEnvironments: readonly string[] | undefined): string {
  const verdict = classifyRelease(definition, countedEnvironments);
  const marks = [definition.archived ? 'archived' : undefined, definition.stale ? 'stale' : undefined].filter(Boolean);
  return [...marks, `${STATE_LABELS[verdict.state]}: ${verdict.summary}`].join(' · ');
}

// A closed string is replaced whole. An open one (no closing quote yet) is replaced up to the end of
// the key being typed, so that text after it on the line survives.
function replacedSpan(text: string, contents: Span, literal: Span, offset: number): Span {
  const closed = contents.end < literal.end;
  if (closed) return contents;
  let end = offset;
  while (end < contents.end && KEY_CHARACTER.test(text[end])) end++;
  return { start: contents.start, end };
}
