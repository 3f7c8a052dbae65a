// Which comments belong to a node the clean-up deletes: the ones that introduce it (directly above, no
// blank line between) and the one that ends its last line. A comment heading a paragraph that goes on
// past the node describes more than the node, and stays.

import { ts } from 'ts-morph';
import { lineStart, startsLine } from './edits';

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
export function introducingCommentStart(text: string, sourceFile: ts.SourceFile, statement: ts.Statement): number | undefined {
  const start = attachedCommentStart(text, sourceFile, statement);
  if (start === undefined || text.startsWith('/**', start)) return start;
  const before = text.slice(0, lineStart(text, start));
  // At the top of the file a comment may be the file's header; at the top of a block it stands between nothing.
  const headsParagraph = /(^|\n)[ \t]*\r?\n$/.test(before) || before.trim() === '';
  if (!headsParagraph) return start;
  const parent = statement.parent;
  const siblings: readonly ts.Statement[] = ts.isBlock(parent) || ts.isSourceFile(parent) || ts.isModuleBlock(parent) || ts.isCaseOrDefaultClause(parent) ? parent.statements : [];
  const next = siblings[siblings.indexOf(statement) + 1];
  if (next === undefined) return start;
  const nextStart = attachedCommentStart(text, sourceFile, next) ?? next.getStart(sourceFile);
  const gap = text.slice(statement.end, lineStart(text, nextStart));
  const goesOn = (gap.match(/\n/g) ?? []).length <= 1;
  return goesOn ? undefined : start;
}
