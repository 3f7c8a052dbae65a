// JSON text read with positions, shared by the flag-file reader and the `.flaglens.json` reader, so
// that every problem in either file points at the exact spot a person has to fix.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { FileProblem, Span } from './types';

/** What each JSON syntax error means, in words a person can act on. */
const SYNTAX_ERROR_TEXT: Record<ReturnType<typeof printParseErrorCode>, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'this is not a valid number',
  PropertyNameExpected: 'expected a property name in double quotes (is there a trailing comma?)',
  ValueExpected: 'expected a value (is there a trailing comma?)',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between entries",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the list",
  EndOfFileExpected: 'unexpected text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in this file',
  UnexpectedEndOfComment: 'the comment is not closed',
  UnexpectedEndOfString: 'the string is not closed',
  UnexpectedEndOfNumber: 'the number is cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in string',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
  '<unknown ParseErrorCode>': 'invalid JSON',
};

/** At most this many syntax errors are reported: after the first few, the rest are usually echoes. */
const MAX_SYNTAX_PROBLEMS = 10;

/** The span a node covers in the text. */
export function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** The value node of `name` in an object node; the last one wins, as with `JSON.parse`. */
export function propertyValue(objectNode: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const property of objectNode.children ?? []) {
    const [nameNode, valueNode] = property.children ?? [];
    if (nameNode?.value === name && valueNode) found = valueNode;
  }
  return found;
}

/** One property of an object node: its name, the node of the name, and the node of the value. */
export interface PropertyNodes {
  name: string;
  nameNode: Node;
  valueNode: Node;
}

/** The properties of an object node in text order. */
export function propertiesOf(objectNode: Node): PropertyNodes[] {
  const properties: PropertyNodes[] = [];
  for (const property of objectNode.children ?? []) {
    const [nameNode, valueNode] = property.children ?? [];
    if (nameNode && valueNode) properties.push({ name: String(nameNode.value), nameNode, valueNode });
  }
  return properties;
}

/** A plain-language name for the type of a JSON node, for messages. */
export function describeNodeType(node: Node): string {
  return node.type === 'property' ? 'a property' : node.type === 'array' ? 'a list' : `${node.type === 'object' ? 'an' : 'a'} ${node.type}`;
}

/** The problem for a file of more than `maxLength` characters, which FlagLens refuses to read. */
export function tooLargeProblem(file: string, maxLength: number, what: string): FileProblem {
  const megabytes = Math.round(maxLength / 1_000_000);
  return { file, span: { start: 0, end: 0 }, message: `This ${what} is larger than ${megabytes} MB, so FlagLens does not read it.` };
}

/**
 * A problem when the text cannot be a JSON file people edit: binary content or more than `maxLength`
 * characters. Reading such a file would only produce noise or stall the server.
 */
export function refuseText(text: string, file: string, maxLength: number, what: string): FileProblem | undefined {
  if (text.length > maxLength) return tooLargeProblem(file, maxLength, what);
  if (text.includes('\u0000')) {
    return { file, span: { start: 0, end: 0 }, message: `This ${what} holds binary data, not JSON text, so FlagLens does not read it.` };
  }
  return undefined;
}

/** Parses JSON text into a tree with positions; syntax errors come back as problems at their offsets. */
export function parseJsonText(text: string, file: string, options: { allowComments: boolean }): { root: Node | undefined; problems: FileProblem[] } {
  const deepest = deepestNesting(text, MAX_JSON_DEPTH);
  if (deepest !== undefined) {
    return { root: undefined, problems: [{ file, span: { start: deepest, end: deepest + 1 }, message: `Not read: nested deeper than ${MAX_JSON_DEPTH} levels.` }] };
  }
  const errors: ParseError[] = [];
  // A byte order mark is legal at the start of a file but not JSON: blank it so offsets stay the same.
  const withoutBom = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const root = parseTree(withoutBom, errors, {
    disallowComments: !options.allowComments,
    allowTrailingComma: options.allowComments,
    allowEmptyContent: false,
  });
  const problems = errors.slice(0, MAX_SYNTAX_PROBLEMS).map((error) => ({
    file,
    span: { start: error.offset, end: error.offset + error.length },
    message: `Not valid JSON: ${SYNTAX_ERROR_TEXT[printParseErrorCode(error.error)]}.`,
  }));
  return { root, problems };
}

/** How deep JSON that FlagLens reads may nest: far past any real configuration, flag file or answer. */
export const MAX_JSON_DEPTH = 100;

/**
 * The offset of the first `[` or `{` nested deeper than `limit`, outside strings and comments; undefined
 * when there is none. Checked before parsing, because the parsers and `JSON.stringify` recurse, and a
 * file of 5,000 brackets (10 KB) would overflow the call stack.
 */
export function deepestNesting(text: string, limit: number): number | undefined {
  let depth = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 0x22) {
      // A string: skip to its closing quote, past escapes.
      for (offset++; offset < text.length && text.charCodeAt(offset) !== 0x22; offset++) {
        if (text.charCodeAt(offset) === 0x5c) offset++;
      }
    } else if (code === 0x2f && text.charCodeAt(offset + 1) === 0x2f) {
      const end = text.indexOf('\n', offset);
      offset = end === -1 ? text.length : end;
    } else if (code === 0x2f && text.charCodeAt(offset + 1) === 0x2a) {
      const end = text.indexOf('*/', offset + 2);
      offset = end === -1 ? text.length : end + 1;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return offset;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return undefined;
}
