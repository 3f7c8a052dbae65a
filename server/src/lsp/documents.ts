// The open documents, as the client sends them, except that a document over the size limit
// (`flaglens.maxFileSize`, as for files on disk) is let go: its text is dropped, it gets no analysis,
// and the person hears so once. A 10 MB document kept and analysed made every request wait 26 s and
// held 1.84 GB; the text of one dropped costs nothing after its message arrived.

import { TextDocuments } from 'vscode-languageserver';
import { TextDocument, type Position, type Range, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** True when the text is longer than `limit` bytes of UTF-8. A UTF-16 unit is 1 to 3 bytes, so most texts are decided by their length alone. */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  return text.length * 3 > limit && Buffer.byteLength(text, 'utf8') > limit;
}

/** An open document whose text can be dropped: it then reads as empty until a change sends its whole text again. */
export class HeldDocument implements TextDocument {
  private current: TextDocument;
  private dropped = false;

  constructor(uri: string, languageId: string, version: number, text: string) {
    this.current = TextDocument.create(uri, languageId, version, text);
  }

  get uri(): string {
    return this.current.uri;
  }

  get languageId(): string {
    return this.current.languageId;
  }

  get version(): number {
    return this.current.version;
  }

  get lineCount(): number {
    return this.current.lineCount;
  }

  /** True once the text was let go for being over the limit. */
  get released(): boolean {
    return this.dropped;
  }

  getText(range?: Range): string {
    return this.current.getText(range);
  }

  positionAt(offset: number): Position {
    return this.current.positionAt(offset);
  }

  offsetAt(position: Position): number {
    return this.current.offsetAt(position);
  }

  getLineRange(line: number): Range {
    return this.current.getLineRange(line);
  }

  getEOLCharacters(line: number): string {
    return this.current.getEOLCharacters(line);
  }

  /** True when the text is over `limit` bytes of UTF-8, as `flaglens.maxFileSize` counts a file. */
  isOver(limit: number): boolean {
    return exceedsBytes(this.current.getText(), limit);
  }

  /** The size of the text in bytes of UTF-8. */
  byteLength(): number {
    return Buffer.byteLength(this.current.getText(), 'utf8');
  }

  /** Let the text go: the document reads as empty and holds nothing but its name and version. */
  release(): void {
    this.current = TextDocument.create(this.uri, this.languageId, this.version, '');
    this.dropped = true;
  }

  /** Apply a change from the client. A dropped text cannot take a change of a range, only a whole new text. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): this {
    if (!this.dropped) {
      TextDocument.update(this.current, [...changes], version);
      return this;
    }
    let lastWhole = changes.length - 1;
    while (lastWhole >= 0 && 'range' in changes[lastWhole] && (changes[lastWhole] as { range?: Range }).range !== undefined) lastWhole--;
    if (lastWhole < 0) {
      this.current = TextDocument.create(this.uri, this.languageId, version, '');
      return this;
    }
    this.current = TextDocument.create(this.uri, this.languageId, version, changes[lastWhole].text);
    TextDocument.update(this.current, changes.slice(lastWhole + 1), version);
    this.dropped = false;
    return this;
  }
}

/**
 * The library's open documents, held as `HeldDocument`s. `get` and `all` leave released ones out, so
 * no feature analyses them; `held` still finds them (to release, and to tell them apart from closed ones).
 */
export class OpenDocuments extends TextDocuments<HeldDocument> {
  constructor() {
    super({
      create: (uri, languageId, version, text) => new HeldDocument(uri, languageId, version, text),
      update: (document, changes, version) => document.update(changes, version),
    });
  }

  override get(uri: string): HeldDocument | undefined {
    const document = super.get(uri);
    return document?.released ? undefined : document;
  }

  override all(): HeldDocument[] {
    return super.all().filter((document) => !document.released);
  }

  /** The open document with this URI, released or not. */
  held(uri: string): HeldDocument | undefined {
    return super.get(uri);
  }
}
