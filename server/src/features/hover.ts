// Hover on a flag check: the flag's release state, every environment side by side, its owner,
// how often the workspace checks it and how old the data is.

import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { describeFlagMarkdown } from '../analysis/describe';
import { findDefinition } from '../analysis/match';
import type { LoadedFolder } from '../workspace/loadFolder';
import { folderPolicyContext } from '../workspace/policyContext';
import { uriToPath } from '../workspace/uris';
import { checkAt } from './checks';

/** The hover for the flag check at a position, or null when there is none. */
export function hoverAt(document: TextDocument, position: Position, state: LoadedFolder): Hover | null {
  const check = checkAt(state.index.checksIn(uriToPath(document.uri)), document.offsetAt(position));
  if (check === undefined) return null;
  // References are counted under the defined key, so a camelCased bag property counts with its flag.
  const key = findDefinition(check, state.catalog)?.key ?? check.key;
  const markdown = describeFlagMarkdown(check, state.catalog, state.index.usage(key), folderPolicyContext(state));
  return {
    contents: { kind: MarkupKind.Markdown, value: markdown },
    range: { start: document.positionAt(check.keySpan.start), end: document.positionAt(check.keySpan.end) },
  };
}
