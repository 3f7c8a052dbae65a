// The lexer behind the skeleton: it follows brackets, words and operators through the text to find the
// bodies and blocks that hold no flag-call name, with what it must know of functions' signatures to blank them.

import { lexJsxElement, startsJsx, type JsxLexer } from './jsx';
import {
  Char, Unsure, argumentsAfter, isIdentifierPart, isIdentifierStart, lineEnd, nextSignificant, numberEnd,
  previousSignificant, regexEnd, stringEnd,
} from './tokens';

/** What the previous token lets come next: an operand (a `/` starts a regular expression) or an operator. */
const enum Previous {
  /** Start of text, punctuation, an operator or a keyword such as `return`: an operand may follow. */
  Operand,
  /** A name, literal, `)` or `]`: an operator follows, so `/` divides and `<` compares. */
  Operator,
  /** `}`: the end of a block or of an object; the grammar alone does not say what a `/` or `<` after it is. */
  CloseBrace,
}

// Keywords after which an operand comes, so that `return /x/` is a regular expression and `return <div/>` JSX.
const OPERAND_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);

// Words in a type after which another type comes, so that in `(x): x is { a: 1 } =>` the `{` opens a type.
const TYPE_OPERAND_KEYWORDS = new Set(['is', 'keyof', 'typeof', 'readonly', 'infer', 'extends']);

// Words that start a declaration or statement: a return type cannot go on past them (`f(x) ? a : b` then `class C {`).
const STATEMENT_KEYWORDS = new Set(['class', 'function', 'enum', 'interface', 'const', 'let', 'var', 'type', 'export', 'import', 'if', 'for', 'while', 'switch', 'try', 'return', 'namespace', 'module', 'declare', 'abstract']);

// `type Name =` or `type Name<T> =` followed by an object type: `type` is a keyword there, not a name.
const TYPE_ALIAS_OF_OBJECT = /^\s+[A-Za-z_$][\w$]*\s*(?:<[^;{}=]*>\s*)?=\s*\{/;

// `for (` and `for await (`, just before a `(`.
const FOR_HEADER = /\bfor\s*(?:await\s*)?$/;

// Words before a `(` that is not a parameter list (`if (…) {`, `catch (e) {`), or whose parameters
// declare more than names: a constructor's `private x` declares a property.
const NOT_PARAMETERS = new Set(['if', 'for', 'while', 'switch', 'catch', 'with', 'await', 'constructor']);

/** A `(`, `[` or `{` not yet closed. */
interface Frame {
  readonly char: number;
  readonly start: number;
  /** The `(` of `for (…;…;…)`, the one place a `;` may stand inside parentheses. */
  readonly forHeader?: boolean;
  /** A `{` that opens a body or block the skeleton may blank. */
  readonly body: boolean;
  /** Inside the arguments of a call to a flag-call name: nothing in here is blanked. */
  readonly kept: boolean;
  /** A `(` that may open a function's parameters (no `if`, `catch` or the like before it). */
  readonly parameters?: boolean;
  /** A body's function signature, blanked with the body. */
  readonly signature?: Signature;
  /** The `(` of a class's constructor. */
  readonly constructorParams?: boolean;
}

// A return type made of keyword types only, or a promise of one: `: boolean`, `: string | undefined`, `: Promise<void>`.
const KEYWORD = '(?:string|number|boolean|void|any|unknown|never|undefined|null|object|bigint|symbol)';
const KEYWORD_TYPE = new RegExp(`^:\\s*(?:${KEYWORD}|Promise\\s*<\\s*${KEYWORD}\\s*>)(?:\\s*\\|\\s*${KEYWORD})*\\s*$`);

/** The parameters of a function just passed, and its return type: what `{` or `=> {` may follow. */
interface Signature {
  /** The `(` and `)` of the parameters. */
  readonly open: number;
  readonly close: number;
  /** The frame depth of the parentheses. */
  readonly depth: number;
  /** The `:` of a return type and the end of that type, or -1. */
  colon: number;
  typeEnd: number;
}

/** Finds the bodies to blank: `lexFile` pushes each one's `[start, end)` to `blanks`, in order. */
export class Lexer implements JsxLexer {
  position = 0;
  private previous = Previous.Operand;
  // After `) :`, until the type ends: a `{` that follows a complete type there opens the function's body.
  private returnTypeDepth = -1;
  // `<` not yet closed by `>` in that return type: a `,` or `=` inside type arguments does not end it.
  private returnTypeAngles = 0;
  private readonly frames: Frame[] = [];
  // After `interface Name` or `type Name =`: the next `{` at this depth, outside type arguments, opens a
  // type body the scan never reads (it reads type aliases only as unions of keys).
  private typeBodyDepth = -1;
  private typeBodyAngles = 0;
  private hitIndex = 0;
  // The `(` that opens the arguments of the last flag-call name passed: they are kept whole.
  private keptParen = -1;
  /** The `)` that closed a constructor's parameters: its body is kept, since the fields it sets say what an object `new` makes holds. */
  private constructorParamsEnd = -1;
  // The last word and where it ended, for what a `(` after it opens.
  private lastWord = '';
  private lastWordEnd = -1;
  // The parameters just closed, while only a return type or `=>` has followed them.
  private signature: Signature | undefined;

  constructor(
    readonly text: string,
    private readonly jsx: boolean,
    private readonly hits: readonly number[],
    private readonly blanks: Array<[number, number]>,
    private readonly keepTypeBodies = false,
  ) {}

  /** Lexes the whole text, pushing the blanks; throws `Unsure` where it cannot read the text with confidence. */
  lexFile(): void {
    if (this.text.startsWith('#!')) this.position = lineEnd(this.text, this.position);
    this.lexCode(false);
    if (this.frames.length > 0) throw new Unsure();
  }

  /** Code up to the end of the text, or (`nested`) up to the `}` that closes a `${` or a JSX `{`. */
  private lexCode(nested: boolean): void {
    const text = this.text;
    const depth = this.frames.length;
    while (this.position < text.length) {
      const char = text.charCodeAt(this.position);
      if (char === Char.Space || char === Char.Tab || char === Char.LineFeed || char === Char.CarriageReturn) {
        this.position++;
        continue;
      }
      if (this.signature !== undefined) this.followSignature(char);
      if (isIdentifierStart(char)) {
        this.lexWord();
      } else if (char >= Char.Digit0 && char <= Char.Digit9) {
        this.lexNumber();
      } else if (char === Char.SingleQuote || char === Char.DoubleQuote) {
        this.lexString(char);
      } else if (char === Char.Backtick) {
        this.lexTemplate();
      } else if (char === Char.Slash) {
        this.lexSlash();
      } else if (char === Char.OpenBrace) {
        this.openBrace();
      } else if (char === Char.CloseBrace) {
        if (nested && this.frames.length === depth) {
          this.position++;
          return;
        }
        this.close(Char.OpenBrace);
        this.previous = Previous.CloseBrace;
      } else if (char === Char.OpenParen || char === Char.OpenBracket) {
        const kept = this.kept() || this.position === this.keptParen;
        const forHeader = char === Char.OpenParen && FOR_HEADER.test(this.text.slice(Math.max(0, this.position - 16), this.position));
        const afterWord = previousSignificant(this.text, this.position) + 1 === this.lastWordEnd;
        const parameters = char === Char.OpenParen && !(afterWord && NOT_PARAMETERS.has(this.lastWord));
        const constructorParams = char === Char.OpenParen && afterWord && this.lastWord === 'constructor';
        this.frames.push({ char, start: this.position, body: false, kept, forHeader, parameters, ...(constructorParams ? { constructorParams } : {}) });
        this.position++;
        this.previous = Previous.Operand;
      } else if (char === Char.CloseParen || char === Char.CloseBracket) {
        this.close(char === Char.CloseParen ? Char.OpenParen : Char.OpenBracket);
        this.previous = Previous.Operator;
        const colon = char === Char.CloseParen ? nextSignificant(this.text, this.position) : -1;
        if (colon >= 0 && this.text.charCodeAt(colon) === Char.Colon) {
          this.returnTypeDepth = this.frames.length;
          this.returnTypeAngles = 0;
          if (this.signature !== undefined) this.signature.colon = colon;
        }
      } else if (char === Char.LessThan && this.jsx && this.previous === Previous.Operand && startsJsx(this.text, this.position)) {
        lexJsxElement(this);
        this.previous = Previous.Operator;
      } else if (char === Char.LessThan && this.jsx && this.previous === Previous.CloseBrace) {
        throw new Unsure();
      } else {
        this.lexPunctuation(char);
      }
    }
    if (nested) throw new Unsure();
  }

  private lexWord(): void {
    const start = this.position;
    this.position++;
    while (this.position < this.text.length && isIdentifierPart(this.text.charCodeAt(this.position))) this.position++;
    // A flag-call name: its call's arguments are kept whole.
    while (this.hitIndex < this.hits.length && this.hits[this.hitIndex] < start) this.hitIndex++;
    if (this.hitIndex < this.hits.length && this.hits[this.hitIndex] === start) this.keptParen = argumentsAfter(this.text, this.position);
    const word = this.position - start <= 11 ? this.text.slice(start, this.position) : '';
    this.lastWord = word;
    this.lastWordEnd = this.position;
    if (STATEMENT_KEYWORDS.has(word)) this.returnTypeDepth = -1;
    if ((word === 'interface' || (word === 'type' && TYPE_ALIAS_OF_OBJECT.test(this.text.slice(this.position, this.position + 200))))
      && this.text.charCodeAt(previousSignificant(this.text, start)) !== Char.Dot) {
      this.typeBodyDepth = this.frames.length;
      this.typeBodyAngles = 0;
    }
    // In a return type every word is (part of) a type: `(): void {` opens the body.
    const inReturnType = this.returnTypeDepth === this.frames.length;
    const operandNext = inReturnType ? TYPE_OPERAND_KEYWORDS.has(word) : OPERAND_KEYWORDS.has(word);
    this.previous = operandNext ? Previous.Operand : Previous.Operator;
  }

  private lexNumber(): void {
    this.position = numberEnd(this.text, this.position);
    this.previous = Previous.Operator;
  }

  private lexString(quote: number): void {
    this.position = stringEnd(this.text, this.position, quote);
    this.previous = Previous.Operator;
  }

  private lexTemplate(): void {
    const text = this.text;
    this.position++;
    for (;;) {
      if (this.position >= text.length) throw new Unsure();
      const char = text.charCodeAt(this.position);
      if (char === Char.Backtick) break;
      if (char === Char.Backslash) {
        this.position += 2;
      } else if (char === Char.Dollar && text.charCodeAt(this.position + 1) === Char.OpenBrace) {
        this.position += 2;
        this.lexNested();
      } else {
        this.position++;
      }
    }
    this.position++;
    this.previous = Previous.Operator;
  }

  /** An expression inside `${…}` or a JSX `{…}`, up to and past its `}`. */
  lexNested(): void {
    const returnTypeDepth = this.returnTypeDepth;
    this.returnTypeDepth = -1;
    this.previous = Previous.Operand;
    this.lexCode(true);
    this.returnTypeDepth = returnTypeDepth;
  }

  private lexSlash(): void {
    const text = this.text;
    const next = text.charCodeAt(this.position + 1);
    if (next === Char.Slash) {
      this.position = lineEnd(text, this.position);
    } else if (next === Char.Asterisk) {
      const end = text.indexOf('*/', this.position + 2);
      if (end < 0) throw new Unsure();
      this.position = end + 2;
    } else if (this.previous === Previous.Operand) {
      this.lexRegex();
    } else if (this.previous === Previous.CloseBrace) {
      // `} /x/`: a regular expression after a block, or a division after an object.
      throw new Unsure();
    } else {
      this.position++;
      this.previous = Previous.Operand;
    }
  }

  private lexRegex(): void {
    this.position = regexEnd(this.text, this.position);
    this.previous = Previous.Operator;
  }

  private openBrace(): void {
    const start = this.position;
    // A body: after `)` (a function's parameters, `if (…)`), after `=>`, or after a whole return type.
    const afterParen = this.text.charCodeAt(previousSignificant(this.text, start)) === Char.CloseParen;
    const afterArrow = this.endsWithArrow(start);
    const afterReturnType = this.returnTypeDepth === this.frames.length && this.previous !== Previous.Operand;
    if (afterReturnType || afterArrow) this.returnTypeDepth = -1;
    const typeBody = this.typeBodyDepth === this.frames.length && this.typeBodyAngles === 0;
    if (typeBody) this.typeBodyDepth = -1;
    const body = afterParen || afterArrow || afterReturnType || typeBody;
    let signature: Signature | undefined;
    if (body && this.signature !== undefined && this.signature.depth === this.frames.length) {
      signature = this.signature;
      if (signature.colon >= 0 && signature.typeEnd < 0) signature.typeEnd = start;
    }
    this.signature = undefined;
    const constructorBody = afterParen && previousSignificant(this.text, start) === this.constructorParamsEnd;
    this.frames.push({ char: Char.OpenBrace, start, body, kept: this.kept() || (typeBody && this.keepTypeBodies) || constructorBody, signature });
    this.position++;
    this.previous = Previous.Operand;
  }

  private close(open: number): void {
    const frame = this.frames.pop();
    if (frame === undefined || frame.char !== open) throw new Unsure();
    if (frame.constructorParams === true) this.constructorParamsEnd = this.position;
    if (this.returnTypeDepth > this.frames.length) this.returnTypeDepth = -1;
    const end = this.position;
    this.position++;
    // Parentheses inside a return type are part of the type, not a function's parameters.
    const inReturnType = this.returnTypeDepth === this.frames.length;
    this.signature = frame.parameters === true && !frame.kept && !inReturnType
      ? { open: frame.start, close: end, depth: this.frames.length, colon: -1, typeEnd: -1 }
      : undefined;
    if (frame.body && !frame.kept && !this.hitWithin(frame.start, end)) {
      // Blank from just inside the `{` to the `}`, and the function's parameters unless a flag-call name is in
      // them (a default value); a blank inside these is part of them. The return type is kept: a declared SDK
      // client type (`function getClient(): LDClient`) is the evidence for calls on what the function returns.
      const signature = frame.signature !== undefined && !this.hitWithin(frame.signature.open, frame.start) ? frame.signature : undefined;
      const from = signature?.open ?? frame.start;
      while (this.blanks.length > 0 && this.blanks[this.blanks.length - 1][0] > from) this.blanks.pop();
      if (signature !== undefined && signature.close > signature.open + 1) this.blanks.push([signature.open + 1, signature.close]);
      // A return type of keywords alone (`: string`, `: Promise<void>`) declares no client: it goes too, unless the
      // module names an SDK's package, where a function without one is followed through its returns.
      if (signature !== undefined && !this.keepTypeBodies && signature.colon >= 0 && signature.typeEnd > signature.colon
        && KEYWORD_TYPE.test(this.text.slice(signature.colon, signature.typeEnd))) {
        this.blanks.push([signature.colon, signature.typeEnd]);
      }
      if (end > frame.start + 1) this.blanks.push([frame.start + 1, end]);
    }
  }

  /**
   * After a function's parameters, only a return type, comments and `=>` may come before its body's
   * `{`; anything else (`f(a); x => {`) means the parentheses were not that function's.
   */
  private followSignature(char: number): void {
    const signature = this.signature as Signature;
    const next = this.text.charCodeAt(this.position + 1);
    if (char === Char.OpenBrace) return;
    if (char === Char.Slash && (next === Char.Slash || next === Char.Asterisk)) return;
    if (char === Char.Equals && next === Char.GreaterThan) {
      if (signature.colon >= 0 && signature.typeEnd < 0) signature.typeEnd = this.position;
      return;
    }
    if (char === Char.GreaterThan && this.text.charCodeAt(this.position - 1) === Char.Equals) return;
    if (signature.colon >= 0 && signature.typeEnd < 0 && this.returnTypeDepth === this.frames.length) return;
    this.signature = undefined;
  }

  private lexPunctuation(char: number): void {
    const text = this.text;
    const next = text.charCodeAt(this.position + 1);
    if (char === Char.Semicolon) {
      // A `;` inside parentheses or brackets is a syntax error, and the parser's recovery from it may read
      // the rest differently (a template's `}` as a brace): the whole text is parsed, as the editor would.
      const frame = this.frames[this.frames.length - 1];
      if (frame !== undefined && frame.char !== Char.OpenBrace && !frame.forHeader) throw new Unsure();
    }
    if ((char === Char.Plus || char === Char.Minus) && next === char) {
      // `x++ / 2` divides; `++x` is an operand to come.
      this.position += 2;
      return;
    }
    if (char === Char.Exclamation && this.previous === Previous.Operator && next !== Char.Equals) {
      // `x!` (a non-null assertion) ends an operand as `x` did.
      this.position++;
      return;
    }
    if (this.typeBodyDepth === this.frames.length) {
      if (char === Char.LessThan) this.typeBodyAngles++;
      else if (char === Char.GreaterThan && text.charCodeAt(this.position - 1) !== Char.Equals) this.typeBodyAngles--;
      else if (char === Char.Semicolon) this.typeBodyDepth = -1;
    }
    if (this.returnTypeDepth === this.frames.length) {
      if (char === Char.LessThan) {
        this.returnTypeAngles++;
      } else if (char === Char.GreaterThan && text.charCodeAt(this.position - 1) !== Char.Equals && this.returnTypeAngles > 0) {
        // The end of a return type's type arguments (`Promise<T> {`): a whole type, as a name is.
        this.returnTypeAngles--;
        this.position++;
        this.previous = Previous.Operator;
        return;
      } else if (char === Char.Semicolon || (this.returnTypeAngles === 0 && (char === Char.Comma || (char === Char.Equals && next !== Char.GreaterThan)))) {
        this.returnTypeDepth = -1;
      }
    }
    if (char === Char.Hash || char === 0x40 /* @ */) {
      // `#private` and `@decorator` name what follows; neither starts an operand on its own.
      this.position++;
      return;
    }
    this.position++;
    this.previous = Previous.Operand;
  }

  private kept(): boolean {
    return this.frames.length > 0 && this.frames[this.frames.length - 1].kept;
  }

  private hitWithin(start: number, end: number): boolean {
    // Binary search for the first hit after `start`.
    let low = 0;
    let high = this.hits.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.hits[middle] <= start) low = middle + 1;
      else high = middle;
    }
    return low < this.hits.length && this.hits[low] < end;
  }

  private endsWithArrow(position: number): boolean {
    const at = previousSignificant(this.text, position);
    return at > 0 && this.text.charCodeAt(at) === Char.GreaterThan && this.text.charCodeAt(at - 1) === Char.Equals;
  }
}
