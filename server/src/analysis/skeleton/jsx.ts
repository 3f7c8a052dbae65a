// JSX in a .jsx or .tsx file: an element or fragment is read from its `<` to the end of its closing tag, its
// `{…}` expressions handed back to the lexer, so that braces in JSX text are not taken for blocks.

import { Char, isIdentifierPart, isIdentifierStart, lineEnd, Unsure } from './tokens';

/** What reading JSX needs of the lexer: the text, the offset it is at, and the lexing of an embedded expression. */
export interface JsxLexer {
  readonly text: string;
  position: number;
  /** Lexes the expression after a `{` up to and past its `}`. */
  lexNested(): void;
}

/** `<` where an operand starts, in a JSX file: an element, unless it is a generic arrow (`<T,>`, `<T extends U>`). */
export function startsJsx(text: string, position: number): boolean {
  const match = /^<\s*([A-Za-z_$][\w$]*)?\s*(,|extends\b)?/.exec(text.slice(position, position + 200));
  if (match === null) return false;
  if (match[2] !== undefined) return false;
  return match[1] !== undefined || text.charCodeAt(position + 1) === Char.GreaterThan;
}

/** A JSX element or fragment from its `<` to the end of its closing tag. */
export function lexJsxElement(lexer: JsxLexer): void {
  const text = lexer.text;
  lexer.position++;
  const name = jsxName(lexer);
  // The opening tag's attributes.
  for (;;) {
    skipJsxSpace(lexer);
    const char = text.charCodeAt(lexer.position);
    if (char === Char.Slash && text.charCodeAt(lexer.position + 1) === Char.GreaterThan) {
      lexer.position += 2;
      return;
    }
    if (char === Char.GreaterThan) {
      lexer.position++;
      break;
    }
    if (char === Char.OpenBrace) {
      lexer.position++;
      lexer.lexNested();
    } else if (isIdentifierStart(char)) {
      jsxName(lexer);
      skipJsxSpace(lexer);
      if (text.charCodeAt(lexer.position) === Char.Equals) {
        lexer.position++;
        skipJsxSpace(lexer);
        const value = text.charCodeAt(lexer.position);
        if (value === Char.DoubleQuote || value === Char.SingleQuote) {
          // No escapes in a JSX attribute string.
          const end = text.indexOf(String.fromCharCode(value), lexer.position + 1);
          if (end < 0) throw new Unsure();
          lexer.position = end + 1;
        } else if (value === Char.OpenBrace) {
          lexer.position++;
          lexer.lexNested();
        } else {
          throw new Unsure();
        }
      }
    } else {
      // Type arguments (`<Select<T> …>`) or anything else unexpected in a tag.
      throw new Unsure();
    }
  }
  // Children, up to the closing tag.
  for (;;) {
    if (lexer.position >= text.length) throw new Unsure();
    const char = text.charCodeAt(lexer.position);
    if (char === Char.OpenBrace) {
      lexer.position++;
      lexer.lexNested();
    } else if (char === Char.LessThan) {
      if (text.charCodeAt(lexer.position + 1) === Char.Slash) {
        lexer.position += 2;
        skipJsxSpace(lexer);
        if (jsxName(lexer) !== name) throw new Unsure();
        skipJsxSpace(lexer);
        if (text.charCodeAt(lexer.position) !== Char.GreaterThan) throw new Unsure();
        lexer.position++;
        return;
      }
      lexJsxElement(lexer);
    } else {
      lexer.position++;
    }
  }
}

/** A tag or attribute name (`div`, `Foo.Bar`, `data-x`, `xlink:href`), empty for a fragment. */
function jsxName(lexer: JsxLexer): string {
  const start = lexer.position;
  while (lexer.position < lexer.text.length) {
    const char = lexer.text.charCodeAt(lexer.position);
    if (isIdentifierPart(char) || char === Char.Dot || char === Char.Minus || char === Char.Colon) lexer.position++;
    else break;
  }
  return lexer.text.slice(start, lexer.position);
}

function skipJsxSpace(lexer: JsxLexer): void {
  for (;;) {
    const char = lexer.text.charCodeAt(lexer.position);
    if (char === Char.Space || char === Char.Tab || char === Char.LineFeed || char === Char.CarriageReturn) {
      lexer.position++;
    } else if (char === Char.Slash && lexer.text.charCodeAt(lexer.position + 1) === Char.Asterisk) {
      const end = lexer.text.indexOf('*/', lexer.position + 2);
      if (end < 0) throw new Unsure();
      lexer.position = end + 2;
    } else if (char === Char.Slash && lexer.text.charCodeAt(lexer.position + 1) === Char.Slash) {
      lexer.position = lineEnd(lexer.text, lexer.position);
    } else {
      return;
    }
  }
}
