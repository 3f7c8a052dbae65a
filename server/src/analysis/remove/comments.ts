// Which comments belong to a node the clean-up deletes: the ones that introduce it (directly above, no
// blank line between) and the one that ends its last line. A comment heading a paragraph that goes on
// past the node describes more than the node, and stays.

import { ts } from 'ts-morph';
import { lineEnd, lineStart, startsLine, type TextEdit } from './edits';

/** Where the comments directly above a node begin (no blank line between), if any. */
export function attachedCommentStart(text: string, sourceFile: ts.SourceFile, node: ts.Node): number | undefined {
  const comments = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  let start: number | undefined;
  let next = node.getStart(sourceFile);
  for (let index = comments.length - 1; index >= 0; index--) {
    const between = text.slice(comments[index].end, next);
    if ((between.match(/\n/g) ?? []).length > 1) break;
    start = comments[index].pos;
    next = start;
  }
  return start !== undefined && startsLine(text, start) ? start : undefined;
}

/**
 * Where a deleted statement's deletion starts: at the comments that introduce it, unless they head a
 * paragraph (after a blank line, or at the top of the file) that goes on past the statement without a
 * blank line: then they describe the paragraph, and stay. A doc comment (`/** ... *\/`) always goes.
 */
export function introducingCommentStart(text: string, sourceFile: ts.SourceFile, statement: ts.Statement, survives: (next: ts.Statement) => boolean = () => true): number | undefined {
  const start = attachedCommentStart(text, sourceFile, statement);
  if (start === undefined || text.startsWith('/**', start)) return start;
  const before = text.slice(0, lineStart(text, start));
  // At the top of the file a comment may be the file's header; at the top of a block it stands between nothing.
  const headsParagraph = /(^|\n)[ \t]*\r?\n$/.test(before) || before.trim() === '';
  if (!headsParagraph) return start;
  const parent = statement.parent;
  const siblings: readonly ts.Statement[] = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseOrDefaultClause(parent) ? parent.statements : [];
  const next = siblings[siblings.indexOf(statement) + 1];
  if (next === undefined || !survives(next)) return start;
  const nextStart = attachedCommentStart(text, sourceFile, next) ?? next.getStart(sourceFile);
  const gap = text.slice(statement.end, lineStart(text, nextStart));
  const goesOn = (gap.match(/\n/g) ?? []).length <= 1;
  return goesOn ? undefined : start;
}

/**
 * Deletes a member of a list (a property, an enum member, a type member, a `| 'key'` line of a union, a
 * top-level constant) that stands alone on its lines, with the comments above it and the one ending its
 * line; undefined when it shares a line with other code.
 */
export function deleteMemberLines(text: string, sourceFile: ts.SourceFile, node: ts.Node): TextEdit | undefined {
  // A top-level constant may sit under the file's header or a section comment, which stay.
  const comment = ts.isVariableStatement(node) ? introducingCommentStart(text, sourceFile, node) : attachedCommentStart(text, sourceFile, node);
  const start = comment ?? node.getStart(sourceFile);
  const rest = /^[ \t]*[,;]?[ \t]*(\/\/[^\n]*|\/\*[^\n]*?\*\/[ \t]*)?(?=\r?\n|$)/.exec(text.slice(node.end));
  if (rest === null || !/^[ \t]*\|?[ \t]*$/.test(text.slice(lineStart(text, start), start))) return undefined;
  return { start: lineStart(text, start), end: Math.min(text.length, lineEnd(text, node.end + rest[0].length) + 1), newText: '' };
}
