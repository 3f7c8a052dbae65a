// The quick fix of a naming-violation: rename the flag's key in every local flag file that defines it
// and at every check that writes it, as one workspace edit. Offered only when every check writes the key
// as a literal: a key held in a constant is renamed where the constant is, which this fix cannot see.

import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { flagFileKeys } from '../analysis/policy/flagFileKeys';
import type { Span } from '../analysis/types';
import { MAX_FLAG_FILE_LENGTH } from '../backends/flagd/wire';
import { readTextFileIfReadable, toPosixPath } from '../workspace/files';
import type { LoadedFolder } from '../workspace/loadFolder';
import { literalContents } from './checks';
import type { DiagnosticData } from './diagnostics';

/** "Rename 'NewCheckout' to 'new-checkout' in 2 flag files and 3 checks", or undefined when it cannot be done safely. */
export function renameKeyAction(document: TextDocument, diagnostic: Diagnostic, state: LoadedFolder): CodeAction | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (data?.key === undefined || data.suggestion === undefined || data.version !== document.version) return undefined;
  const { key, suggestion } = data;
  const changes: Record<string, TextEdit[]> = {};
  const add = (file: string, text: string, span: Span): void => {
    const uri = URI.file(file).toString();
    const at = uri === document.uri ? document : TextDocument.create(uri, 'plaintext', 0, text);
    (changes[uri] ??= []).push({ range: { start: at.positionAt(span.start), end: at.positionAt(span.end) }, newText: suggestion });
  };

  let flagFiles = 0;
  for (const file of new Set(state.backends.flatMap((backend) => backend.watchedFiles()).filter((watched) => watched.endsWith('.json')).map(toPosixPath))) {
    const text = textOf(file, document, MAX_FLAG_FILE_LENGTH);
    const spans = text === undefined ? [] : flagFileKeys(text, file).filter((entry) => entry.key === key);
    if (text === undefined || spans.length === 0) continue;
    flagFiles++;
    for (const { span } of spans) add(file, text, span);
  }
  const references = state.index.references(key).filter(({ check }) => check.key === key);
  for (const { file, check } of references) {
    const text = textOf(file, document, state.index.maxFileSize) ?? state.index.textOf(file);
    const contents = check.keyIsLiteral && text !== undefined ? literalContents(text, check.keySpan) : undefined;
    if (text === undefined || contents === undefined) return undefined;
    add(file, text, contents);
  }
  if (flagFiles + references.length === 0) return undefined;
  const where = [flagFiles > 0 ? plural(flagFiles, 'flag file') : '', references.length > 0 ? plural(references.length, 'check') : ''].filter(Boolean).join(' and ');
  return {
    title: `Rename '${key}' to '${suggestion}' in ${where}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes },
  };
}

// The open document's text for its own file, else the file on disk if it is a regular file of at most `limit` bytes.
function textOf(file: string, document: TextDocument, limit: number): string | undefined {
  if (toPosixPath(URI.parse(document.uri).fsPath) === file) return document.getText();
  return readTextFileIfReadable(file, limit);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
