// Quick fixes: "Change to 'new-checkout'" for an unknown key that is close to a defined one, the
// registry's fixes, and the rename of a key that breaks the naming rule.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LoadedFolder } from '../workspace/loadFolder';
import { uriToPath } from '../workspace/uris';
import { literalContents } from './checks';
import type { DiagnosticData } from './diagnostics';
import { registryActionsFor } from './registry';
import { renameKeyAction } from './renameKey';

/** The code actions for the FlagLens diagnostics the client sent along. */
export function codeActionsFor(document: TextDocument, params: CodeActionParams, state: LoadedFolder): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'flaglens') continue;
    if (diagnostic.code === 'unknown-flag' || diagnostic.code === 'unregistered-flag') {
      const action = changeKeyAction(document, diagnostic, state);
      if (action) actions.push(action);
    }
    if (diagnostic.code === 'unregistered-flag' || diagnostic.code === 'unused-flag') actions.push(...registryActionsFor(document, diagnostic, state));
    if (diagnostic.code === 'naming-violation') {
      const action = renameKeyAction(document, diagnostic, state);
      if (action) actions.push(action);
    }
  }
  return actions;
}

function changeKeyAction(document: TextDocument, diagnostic: Diagnostic, state: LoadedFolder): CodeAction | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  // A diagnostic computed on other text would point the edit at the wrong characters.
  if (data?.suggestion === undefined || data.version !== document.version) return undefined;
  const start = document.offsetAt(diagnostic.range.start);
  const check = state.index.checksIn(uriToPath(document.uri))
    .find((candidate) => candidate.keySpan.start === start && candidate.key === data.key);
  // Only a literal written at the check itself can be rewritten there; a constant is defined elsewhere.
  if (check === undefined || !check.keyIsLiteral) return undefined;
  const contents = literalContents(document.getText(), check.keySpan);
  if (contents === undefined) return undefined;
  const range = { start: document.positionAt(contents.start), end: document.positionAt(contents.end) };
  return {
    title: `Change to '${data.suggestion}'`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [document.uri]: [{ range, newText: data.suggestion }] } },
  };
}
