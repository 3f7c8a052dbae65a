// Text edits on one file's text, and the line arithmetic the clean-up needs to keep untouched code
// byte for byte: whole-line deletions, re-indenting lifted code, and a unified diff for people.

/** Replace the half-open range [start, end) of the original text with `newText`. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Applies edits that do not overlap (in any order) to the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return renderRange(text, 0, text.length, edits);
}

/** The text of [start, end) with the edits inside that range applied; edits outside it are ignored. */
export function renderRange(text: string, start: number, end: number, edits: readonly TextEdit[]): string {
  const inside = edits.filter((edit) => edit.start >= start && edit.end <= end).sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let position = start;
  for (const edit of inside) {
    // A later edit inside a range an earlier one replaced is already part of that replacement.
    if (edit.end <= position && edit.start < position) continue;
    if (edit.start < position) {
      // Two statements deleted one after the other may each take the blank line between them: the
      // later deletion, or a replacement that shares only blank space, goes on from where the earlier
      // ended. Any other overlap has no one meaning, and is not guessed at.
      if (edit.newText !== '' && text.slice(edit.start, position).trim() !== '') {
        throw new Error(`two edits overlap at offset ${edit.start}`);
      }
      result += edit.newText;
      position = edit.end;
      continue;
    }
    result += text.slice(position, edit.start) + edit.newText;
    position = edit.end;
  }
  return result + text.slice(position, end);
}

/**
 * Deletes the removed items of a comma-separated list (given as spans, in order) with their commas: a run
 * of removed items up to the start of the next item, or, at the end of the list, from the end of the last
 * item kept.
 */
export function deleteListItems(items: ReadonlyArray<{ start: number; end: number }>, removed: readonly boolean[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (let first = 0; first < items.length; first++) {
    if (!removed[first]) continue;
    let last = first;
    while (last + 1 < items.length && removed[last + 1]) last++;
    if (last + 1 < items.length) edits.push({ start: items[first].start, end: items[last + 1].start, newText: '' });
    else if (first > 0) edits.push({ start: items[first - 1].end, end: items[last].end, newText: '' });
    else edits.push({ start: items[first].start, end: items[last].end, newText: '' });
    first = last;
  }
  return edits;
}

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line holding `offset`, or the text's length. */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** The spaces and tabs that start the line holding `offset`. */
export function indentationAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  let end = start;
  while (end < text.length && isSpaceOrTab(text.charCodeAt(end))) end++;
  return text.slice(start, end);
}

/** True when only spaces and tabs stand between the line's start and `offset`. */
export function startsLine(text: string, offset: number): boolean {
  // Walks back only over spaces and tabs: on a minified line, slicing back to the line's start for each
  // check made the clean-up quadratic in the line's length.
  let at = offset;
  while (at > 0 && isSpaceOrTab(text.charCodeAt(at - 1))) at--;
  return at === 0 || text.charCodeAt(at - 1) === 0x0a;
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * Moves every line but the first from one indentation to another: lines lifted out of a block lose one
 * level, the first line lands where the code it replaces started. Lines with less indentation than
 * `from` (blank lines, a template literal's text) lose what they have of it and no more.
 */
export function reindent(code: string, from: string, to: string): string {
  if (from === to) return code;
  const lines = code.split('\n');
  return lines.map((line, index) => {
    if (index === 0 || line.trim() === '') return index === 0 ? line : line.replace(/^[ \t]+$/, '');
    let common = 0;
    while (common < from.length && line[common] === from[common]) common++;
    return to + line.slice(common);
  }).join('\n');
}

/** Number of lines in a text; a final line break ends the last line rather than starting another. */
export function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Old lines [oldStart, oldEnd) became new lines [newStart, newEnd). */
export interface LineChange {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

// Beyond this many differing lines the diff stops looking for the shortest script and replaces the rest.
const MAX_DIFF_STEPS = 4000;

/** The lines of a text, each with its line break, so that joining them gives the text back. */
export function splitLinesKeepingBreaks(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The changed line ranges between two texts (Myers' shortest edit script, common ends trimmed first). */
export function diffLines(oldLines: readonly string[], newLines: readonly string[]): LineChange[] {
  let prefix = 0;
  while (prefix < oldLines.length && prefix < newLines.length && oldLines[prefix] === newLines[prefix]) prefix++;
  let suffix = 0;
  while (suffix < oldLines.length - prefix && suffix < newLines.length - prefix
    && oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]) suffix++;
  const a = oldLines.slice(prefix, oldLines.length - suffix);
  const b = newLines.slice(prefix, newLines.length - suffix);
  if (a.length === 0 && b.length === 0) return [];
  const script = shortestEditScript(a, b);
  if (script === undefined) return [{ oldStart: prefix, oldEnd: prefix + a.length, newStart: prefix, newEnd: prefix + b.length }];
  // Group consecutive deletions and insertions into changes.
  const changes: LineChange[] = [];
  let x = 0;
  let y = 0;
  let current: LineChange | undefined;
  for (const step of script) {
    if (step === 'same') {
      if (current !== undefined) changes.push(current);
      current = undefined;
      x++;
      y++;
      continue;
    }
    current ??= { oldStart: prefix + x, oldEnd: prefix + x, newStart: prefix + y, newEnd: prefix + y };
    if (step === 'delete') current.oldEnd = prefix + ++x;
    else current.newEnd = prefix + ++y;
  }
  if (current !== undefined) changes.push(current);
  return changes;
}

function shortestEditScript(a: readonly string[], b: readonly string[]): Array<'same' | 'delete' | 'insert'> | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_DIFF_STEPS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m, d);
    }
    v = next;
  }
  return undefined;
}

function backtrack(trace: Int32Array[], offset: number, n: number, m: number, depth: number): Array<'same' | 'delete' | 'insert'> {
  const steps: Array<'same' | 'delete' | 'insert'> = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = v[offset + previousK];
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      steps.push('same');
      x--;
      y--;
    }
    steps.push(down ? 'insert' : 'delete');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    steps.push('same');
    x--;
    y--;
  }
  return steps.reverse();
}

/** Whole-line edits that turn one text into the other: what the editor applies, and the diff shows. */
export function lineEdits(oldText: string, newText: string): TextEdit[] {
  const oldLines = splitLinesKeepingBreaks(oldText);
  const newLines = splitLinesKeepingBreaks(newText);
  const oldOffsets = [0];
  for (const line of oldLines) oldOffsets.push(oldOffsets[oldOffsets.length - 1] + line.length);
  return diffLines(oldLines, newLines).map((change) => ({
    start: oldOffsets[change.oldStart],
    end: oldOffsets[change.oldEnd],
    newText: newLines.slice(change.newStart, change.newEnd).join(''),
  }));
}

/** A unified diff (`diff -u` style, 3 lines of context) between two texts of a file, or '' when they are equal. */
export function unifiedDiff(label: string, oldText: string, newText: string): string {
  const oldLines = splitLinesKeepingBreaks(oldText);
  const newLines = splitLinesKeepingBreaks(newText);
  const changes = diffLines(oldLines, newLines);
  if (changes.length === 0) return '';
  const context = 3;
  const show = (line: string): string => line.replace(/\r?\n$/, '');
  const hunks: string[] = [];
  for (let index = 0; index < changes.length;) {
    // Changes closer than twice the context share one hunk.
    let last = index;
    while (last + 1 < changes.length && changes[last + 1].oldStart - changes[last].oldEnd <= 2 * context) last++;
    const oldStart = Math.max(0, changes[index].oldStart - context);
    const newStart = changes[index].newStart - (changes[index].oldStart - oldStart);
    const oldEnd = Math.min(oldLines.length, changes[last].oldEnd + context);
    const body: string[] = [];
    let line = oldStart;
    for (let position = index; position <= last; position++) {
      const change = changes[position];
      for (; line < change.oldStart; line++) body.push(` ${show(oldLines[line])}`);
      for (; line < change.oldEnd; line++) body.push(`-${show(oldLines[line])}`);
      for (let added = change.newStart; added < change.newEnd; added++) body.push(`+${show(newLines[added])}`);
    }
    for (; line < oldEnd; line++) body.push(` ${show(oldLines[line])}`);
    const oldCount = oldEnd - oldStart;
    const newCount = body.filter((row) => !row.startsWith('-')).length;
    hunks.push(`@@ -${hunkRange(oldStart, oldCount)} +${hunkRange(newStart, newCount)} @@\n${body.join('\n')}`);
    index = last + 1;
  }
  return `--- a/${label}\n+++ b/${label}\n${hunks.join('\n')}\n`;
}

function hunkRange(start: number, count: number): string {
  return count === 0 ? `${start},0` : `${start + 1},${count}`;
}
