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
  private readonly view: string[];
  // The end of the last range kept as code: a statement's `;` goes after it.
  private keptEnd = 0;

  constructor(private readonly text: string) {
    this.view = new Array<string>(text.length);
    for (let index = 0; index < text.length; index++) this.view[index] = text[index] === '\n' || text[index] === '\r' ? text[index] : ' ';
  }

  /** Keeps `start`–`end` as it is. */
  keep(start: number, end: number): void {
    for (let index = start; index < end; index++) this.view[index] = this.text[index];
    this.keptEnd = Math.max(this.keptEnd, end);
  }

  /** Code the text does not hold from `start` to `end`: `code`, no longer than the place, then blanks. */
  write(start: number, end: number, code: string): void {
    for (let index = start; index < end; index++) this.view[index] = index - start < code.length ? code[index - start] : ' ';
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
    if (position >= this.keptEnd) this.view[position] = ';';
  }

  /** An expression statement from `start` to `end`, in parentheses put on `start - 1` and `end`, which must be blank. */
  expression(start: number, end: number): void {
    this.separate(start - 1);
    this.view[start - 1] = '(';
    this.keep(start, end);
    this.view[end] = ')';
    this.keptEnd = end + 1;
  }

  /** A call's arguments from `start` to `end`, in parentheses put on `start - 1` and `end`, right after the name kept before them. */
  arguments(start: number, end: number): void {
    this.view[start - 1] = '(';
    this.keep(start, end);
    this.view[end] = ')';
    this.keptEnd = end + 1;
  }

  /**
   * A text argument written as an attribute's value, `name="Sep"` read `name('Sep')`: the value from `start` to `end`,
   * its quotes made a string's, the `(` on the place before them (the `=` at least), the `)` on `close`, a blank after
   * the closing quote.
   */
  textArgument(start: number, end: number, close: number): void {
    this.view[start - 2] = '(';
    this.view[start - 1] = "'";
    this.keep(start, end);
    this.view[end] = "'";
    this.view[close] = ')';
    this.keptEnd = close + 1;
  }

  /** Statements from `start` to `end`, after a `;`. */
  statements(start: number, end: number): void {
    this.separate(start);
    this.keep(start, end);
  }

  toString(): string {
    return this.view.join('');
  }
}

/** Where `</name` closes a raw element (a script, a style) opened before `from`, or the text's end. */
export function indexOfClosing(text: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\b`, 'ig');
  closing.lastIndex = from;
  return closing.exec(text)?.index ?? text.length;
}
