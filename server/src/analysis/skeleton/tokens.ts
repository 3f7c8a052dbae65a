// Reading the skeleton's text by offset: character codes, single tokens (numbers, strings, regular
// expressions) and white space, with no lexer state, so the lexer and the JSX reader share them.

/** The character codes the lexer compares with. */
export const enum Char {
  Tab = 9, LineFeed = 10, CarriageReturn = 13, Space = 32, Exclamation = 33, DoubleQuote = 34, Hash = 35,
  Dollar = 36, SingleQuote = 39, OpenParen = 40, CloseParen = 41, Asterisk = 42, Plus = 43, Comma = 44,
  Minus = 45, Dot = 46, Slash = 47, Digit0 = 48, Digit9 = 57, Colon = 58, Semicolon = 59, LessThan = 60,
  Equals = 61, GreaterThan = 62, UpperA = 65, UpperZ = 90, OpenBracket = 91, Backslash = 92,
  CloseBracket = 93, Underscore = 95, Backtick = 96, LowerA = 97, LowerZ = 122, OpenBrace = 123,
  CloseBrace = 125,
}

/** Thrown inside the lexer when the text is not what it can read with confidence. */
export class Unsure extends Error {}

/** The offset of the `(` of a call whose callee ends at `position` (`name(`, `name?.(`, `name<T>(`), or -1. */
export function argumentsAfter(text: string, position: number): number {
  let at = position;
  const skipSpace = (): void => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  skipSpace();
  if (text.startsWith('?.', at)) {
    at += 2;
    skipSpace();
  }
  if (text[at] === '<') {
    // Type arguments: to the `>` that balances the `<`, an arrow's `=>` aside.
    let depth = 0;
    for (; at < text.length; at++) {
      const char = text[at];
      if (char === '<') depth++;
      else if (char === '>' && text[at - 1] !== '=' && --depth === 0) break;
      else if (char === ';') return -1;
    }
    at++;
    skipSpace();
  }
  return text[at] === '(' ? at : -1;
}

/**
 * The end of the number literal that starts at `position`: digits with `_` separators, one fraction, an exponent, or a
 * `0x`, `0b`, `0o` literal, then a BigInt's `n`. A word right after it (`0isOn(`) is an error that TypeScript reads as a
 * token of its own: the skeleton leaves such text to the parser rather than read the two differently.
 */
export function numberEnd(text: string, position: number): number {
  let at = position;
  const isDigit = (char: number): boolean => (char >= Char.Digit0 && char <= Char.Digit9) || char === Char.Underscore;
  const digits = (): void => {
    while (at < text.length && isDigit(text.charCodeAt(at))) at++;
  };
  if (text.charCodeAt(at) === Char.Digit0 && /[xXbBoO]/.test(text[at + 1] ?? '')) {
    at += 2;
    while (at < text.length && /[0-9a-fA-F_]/.test(text[at])) at++;
  } else {
    digits();
    if (text.charCodeAt(at) === Char.Dot) {
      at++;
      digits();
    }
    const signed = text.charCodeAt(at + 1) === Char.Plus || text.charCodeAt(at + 1) === Char.Minus;
    if ((text[at] === 'e' || text[at] === 'E') && isDigit(text.charCodeAt(at + (signed ? 2 : 1)))) {
      at += signed ? 2 : 1;
      digits();
    }
  }
  if (text[at] === 'n') at++;
  if (at < text.length && isIdentifierPart(text.charCodeAt(at))) throw new Unsure();
  return at;
}

/** The end of the string literal whose `quote` is at `position`, past the closing quote. */
export function stringEnd(text: string, position: number, quote: number): number {
  let at = position + 1;
  for (;;) {
    if (at >= text.length) throw new Unsure();
    const char = text.charCodeAt(at);
    if (char === quote) break;
    if (char === Char.LineFeed || char === Char.CarriageReturn) throw new Unsure();
    at += char === Char.Backslash ? 2 : 1;
  }
  return at + 1;
}

/** The end of the regular expression whose `/` is at `position`, past its flags. */
export function regexEnd(text: string, position: number): number {
  let inClass = false;
  let at = position + 1;
  for (;;) {
    if (at >= text.length) throw new Unsure();
    const char = text.charCodeAt(at);
    if (char === Char.LineFeed || char === Char.CarriageReturn) throw new Unsure();
    if (char === Char.Backslash) {
      at += 2;
      continue;
    }
    at++;
    if (char === Char.OpenBracket) inClass = true;
    else if (char === Char.CloseBracket) inClass = false;
    else if (char === Char.Slash && !inClass) break;
  }
  while (at < text.length && isIdentifierPart(text.charCodeAt(at))) at++;
  return at;
}

/** The offset of the line break that ends the line holding `position`, or the end of the text. */
export function lineEnd(text: string, position: number): number {
  let at = position;
  while (at < text.length) {
    const char = text.charCodeAt(at);
    if (char === Char.LineFeed || char === Char.CarriageReturn) return at;
    at++;
  }
  return at;
}

/** The offset of the last character before `position` that is not white space (comments are not skipped). */
export function previousSignificant(text: string, position: number): number {
  let at = position - 1;
  while (at >= 0) {
    const char = text.charCodeAt(at);
    if (char !== Char.Space && char !== Char.Tab && char !== Char.LineFeed && char !== Char.CarriageReturn) return at;
    at--;
  }
  return -1;
}

/** The offset of the first character from `position` on that is not white space, or -1. */
export function nextSignificant(text: string, position: number): number {
  let at = position;
  while (at < text.length) {
    const char = text.charCodeAt(at);
    if (char !== Char.Space && char !== Char.Tab && char !== Char.LineFeed && char !== Char.CarriageReturn) return at;
    at++;
  }
  return -1;
}

/** A character that may start a name (a `\` starts an escape, anything past ASCII a Unicode letter). */
export function isIdentifierStart(char: number): boolean {
  return (char >= Char.LowerA && char <= Char.LowerZ) || (char >= Char.UpperA && char <= Char.UpperZ) || char === Char.Underscore || char === Char.Dollar || char === Char.Backslash || char > 0x7f;
}

/** A character that may go on a name. */
export function isIdentifierPart(char: number): boolean {
  return isIdentifierStart(char) || (char >= Char.Digit0 && char <= Char.Digit9);
}
