// The script view of a component (see components.ts) as it is made, shared by Vue's, Svelte's and Angular's readers.

// One attribute of a tag, sticky: its name, and its value when it has one; or the tag's end; or a stray character.
// Shared by the markup readers, each setting `lastIndex` before it reads.
export const MARKUP_ATTRIBUTE = /\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|[^\s>"']+))?|\s*\/?>|\s*[^]/y;
// A tag's opening, sticky, with its name.
export const MARKUP_TAG = /<\/?([A-Za-z][\w.:-]*)/y;

/** A component's prop given on its element: a text (`name="x"`), or code bound to it (`:name="Flags.X"`); or props spread over it (`v-bind="options"`). */
export type ElementProp = { kind: 'text' | 'bound'; prop: string; valueStart: number } | { kind: 'spread' };

/** A component's element in markup: its tag's name as written, where its opening tag ends, and the props it gives. */
export interface MarkupElement {
  readonly name: string;
  readonly end: number;
  readonly props: readonly ElementProp[];
}

/**
 * A script view being made: as long as the text and with its line breaks, blank until ranges are kept. A statement
 * kept is separated from what came before by a `;` on the last blank position before it that is not a line break.
 */
export class ScriptView {
  // What is written over the blanks, in the order the readers write it: each at its offset.
  private readonly edits: Array<{ at: number; code: string }> = [];
  // The end of the last range kept as code: a statement's `;` goes after it.
  private keptEnd = 0;

  constructor(private readonly text: string) {}

  /** Keeps `start`–`end` as it is. */
  keep(start: number, end: number): void {
    if (end > start) this.edits.push({ at: start, code: this.text.slice(start, end) });
    this.keptEnd = Math.max(this.keptEnd, end);
  }

  /** Code the text does not hold from `start` to `end`: `code`, no longer than the place, then blanks. */
  write(start: number, end: number, code: string): void {
    this.edits.push({ at: start, code: code.slice(0, end - start).padEnd(end - start) });
    this.keptEnd = Math.max(this.keptEnd, end);
  }

  /** True when a statement may start at `at`: a place between it and the code kept before it takes the `;`, or a line break ends that code. */
  canStartAt(at: number): boolean {
    return at > this.keptEnd;
  }

  /** Ends what came before `at` as a statement. */
  separate(at: number): void {
    let position = at - 1;
    while (position >= this.keptEnd && (this.text[position] === '\n' || this.text[position] === '\r')) position--;
    if (position >= this.keptEnd) this.edits.push({ at: position, code: ';' });
  }

  /** An expression statement from `start` to `end`, in parentheses put on `start - 1` and `end`, which must be blank. */
  expression(start: number, end: number): void {
    this.separate(start - 1);
    this.edits.push({ at: start - 1, code: '(' });
    this.keep(start, end);
    this.edits.push({ at: end, code: ')' });
    this.keptEnd = end + 1;
  }

  /** A call's arguments from `start` to `end`, in parentheses put on `start - 1` and `end`, right after the name kept before them. */
  arguments(start: number, end: number): void {
    this.edits.push({ at: start - 1, code: '(' });
    this.keep(start, end);
    this.edits.push({ at: end, code: ')' });
    this.keptEnd = end + 1;
  }

  /**
   * A text argument written as an attribute's value, `name="Sep"` read `name('Sep')`: the value from `start` to `end`,
   * its quotes made a string's, the `(` on the place before them (the `=` at least), the `)` on `close`, a blank after
   * the closing quote.
   */
  textArgument(start: number, end: number, close: number): void {
    this.edits.push({ at: start - 2, code: "('" });
    this.keep(start, end);
    this.edits.push({ at: end, code: "'" }, { at: close, code: ')' });
    this.keptEnd = close + 1;
  }

  /** Statements from `start` to `end`, after a `;`. */
  statements(start: number, end: number): void {
    this.separate(start);
    this.keep(start, end);
  }

  toString(): string {
    // Every character blank but line breaks, then the edits over it: in order and apart, as the readers write them, the
    // view is made of slices; else each edit is laid over the one before.
    const blank = blanked(this.text);
    const edits = this.edits;
    for (let index = 1; index < edits.length; index++) {
      if (edits[index].at < edits[index - 1].at + edits[index - 1].code.length) return overlaid(blank, edits);
    }
    const parts: string[] = [];
    let at = 0;
    for (const edit of edits) {
      parts.push(blank.slice(at, edit.at), edit.code);
      at = edit.at + edit.code.length;
    }
    parts.push(blank.slice(at));
    return parts.join('');
  }
}

/** The text with every character a blank but its line breaks: blanks between the breaks, which are few. */
function blanked(text: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const lineBreak of text.matchAll(LINE_BREAKS)) {
    parts.push(' '.repeat(lineBreak.index - at), lineBreak[0]);
    at = lineBreak.index + lineBreak[0].length;
  }
  parts.push(' '.repeat(text.length - at));
  return parts.join('');
}

const LINE_BREAKS = /[\r\n]+/g;

/** The blanks with each edit laid over them in turn, a later one over an earlier one where they meet. */
function overlaid(blank: string, edits: ReadonlyArray<{ at: number; code: string }>): string {
  const view = blank.split('');
  for (const { at, code } of edits) for (let index = 0; index < code.length; index++) view[at + index] = code[index];
  return view.join('');
}

/** Where `</name` closes a raw element (a script, a style) opened before `from`, or the text's end. */
export function indexOfClosing(text: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\b`, 'ig');
  closing.lastIndex = from;
  return closing.exec(text)?.index ?? text.length;
}
