// Vue single-file components. A `.vue` file holds its code in `<script>` blocks and in the expressions of its
// template (`v-if="flags.newNav"`, `{{ isOn('x') ? a : b }}`), between markup the parser cannot read. The scanner
// reads such a file as its script view: the same text with everything that is not code blanked to spaces, so
// that every offset, line and column is the .vue file's own. Pure text in, text out; no parser.

/** True for a Vue single-file component. */
export function isVueFile(fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.vue');
}

/** The text a scan reads of a file: a Vue component's script view (see `vueScriptView`), any other file's text as it is. */
export function scannedText(fileName: string, text: string): string {
  return isVueFile(fileName) ? vueScriptView(text) : text;
}

// An attribute whose value is code: a directive (`v-if`, `v-show`, `v-model`), a bound prop (`:show`, `v-bind:show`),
// an event handler (`@click`, `v-on:click`).
const DIRECTIVE = /^(?:v-[\w:.-]+|[:@][^\s=]*)$/;
// Directives whose value is no expression: `v-for="item in items"` binds names, a slot's value is a parameter list.
const NOT_EXPRESSIONS = /^v-(?:for|slot)\b/;
// Directives whose value is statements (`@click="open = true; track()"`), not one expression.
const STATEMENTS = /^(?:@|v-on:)/;
// One attribute of a tag, sticky: its name, and its value when it has one; or the tag's end; or a stray character.
const ATTRIBUTE = /\s*([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|[^\s>"']+))?|\s*\/?>|\s*[^]/y;
const TAG = /<\/?([A-Za-z][\w.:-]*)/y;

/**
 * The script view of a component's text, as long as the text and with the same line breaks: the contents of
 * `<script>` blocks as they are; each directive's value and each `{{ }}` interpolation of the markup as a statement of
 * its own, an expression in parentheses where its quotes or braces were (`v-if="a && b"` reads ` ;(a && b)`), an
 * event handler's statements after a `;`; everything else blank. Style blocks, comments, plain attributes, templates
 * in another language (`lang="pug"`) and directives whose value is not an expression (`v-for`, slots) are blank.
 */
export function vueScriptView(text: string): string {
  const view = new Array<string>(text.length);
  for (let index = 0; index < text.length; index++) view[index] = text[index] === '\n' || text[index] === '\r' ? text[index] : ' ';
  // The end of the last range kept as code: a statement's `;` goes after it.
  let keptEnd = 0;
  const keep = (start: number, end: number): void => {
    for (let index = start; index < end; index++) view[index] = text[index];
    keptEnd = Math.max(keptEnd, end);
  };
  // Ends what came before `at` as a statement: a `;` on the last blank position before it that is not a line break.
  const separate = (at: number): void => {
    let position = at - 1;
    while (position >= keptEnd && (text[position] === '\n' || text[position] === '\r')) position--;
    if (position >= keptEnd) view[position] = ';';
  };
  // An expression whose first character is at `start` and whose last is before `end`, where `start - 1` and `end` are delimiters.
  const expression = (start: number, end: number): void => {
    separate(start - 1);
    view[start - 1] = '(';
    keep(start, end);
    view[end] = ')';
    keptEnd = end + 1;
  };
  const statements = (start: number, end: number): void => {
    separate(start);
    keep(start, end);
  };

  let at = 0;
  let nextTag = text.indexOf('<');
  let nextInterpolation = text.indexOf('{{');
  while (at < text.length) {
    if (nextTag >= 0 && nextTag < at) nextTag = text.indexOf('<', at);
    if (nextInterpolation >= 0 && nextInterpolation < at) nextInterpolation = text.indexOf('{{', at);
    if (nextInterpolation >= 0 && (nextTag < 0 || nextInterpolation < nextTag)) {
      const close = text.indexOf('}}', nextInterpolation + 2);
      if (close < 0) break;
      // `{{` becomes `;(` (the second brace opens the expression), `}}` becomes `) `.
      expression(nextInterpolation + 2, close);
      at = close + 2;
      continue;
    }
    if (nextTag < 0) break;
    const open = nextTag;
    if (text.startsWith('<!--', open)) {
      const end = text.indexOf('-->', open + 4);
      at = end < 0 ? text.length : end + 3;
      continue;
    }
    TAG.lastIndex = open;
    const tag = TAG.exec(text);
    if (tag === null) {
      at = open + 1;
      continue;
    }
    const name = tag[1].toLowerCase();
    const closing = text[open + 1] === '/';
    const { end: tagEnd, selfClosing, otherLanguage } = readAttributes(text, TAG.lastIndex, expression, statements);
    at = tagEnd;
    if (closing || selfClosing) continue;
    // A script's contents are code; a style's, a raw text element's and a template in another language's are not.
    const raw = name === 'script' || name === 'style' || name === 'textarea' || (name === 'template' && otherLanguage);
    if (!raw) continue;
    const closeAt = indexOfClosing(text, name, tagEnd);
    if (name === 'script') {
      separate(tagEnd);
      keep(tagEnd, closeAt);
    }
    at = closeAt;
  }
  return view.join('');
}

/** Where `</name` closes a raw element opened before `from` (the first such, as HTML reads it), or the text's end. */
function indexOfClosing(text: string, name: string, from: number): number {
  const closing = new RegExp(`</${name}\\b`, 'ig');
  closing.lastIndex = from;
  const found = closing.exec(text);
  if (found !== null) return found.index;
  // A template in another language nests `<template>` tags of its own; it ends at the text's last closing one.
  return text.length;
}

/**
 * Reads a tag's attributes from `from` up to and including its `>`, handing each directive's value to `expression` or
 * `statements` by the offsets of its first character and of its closing quote.
 */
function readAttributes(text: string, from: number, expression: (start: number, end: number) => void, statements: (start: number, end: number) => void): { end: number; selfClosing: boolean; otherLanguage: boolean } {
  let otherLanguage = false;
  ATTRIBUTE.lastIndex = from;
  for (;;) {
    const start = ATTRIBUTE.lastIndex;
    const match = ATTRIBUTE.exec(text);
    if (match === null) return { end: text.length, selfClosing: false, otherLanguage };
    const end = ATTRIBUTE.lastIndex;
    const [whole, name, doubleQuoted, singleQuoted] = match;
    if (name === undefined) {
      if (whole.trimStart().endsWith('>')) return { end, selfClosing: whole.trimStart() === '/>', otherLanguage };
      continue;
    }
    const value = doubleQuoted ?? singleQuoted;
    if (name.toLowerCase() === 'lang' && value !== undefined && !/^html$/i.test(value.trim())) otherLanguage = true;
    if (value === undefined || value.trim() === '' || !DIRECTIVE.test(name) || NOT_EXPRESSIONS.test(name)) continue;
    // The value sits between its quotes, the last character of the match.
    const valueEnd = end - 1;
    const valueStart = valueEnd - value.length;
    if (valueStart <= start) continue;
    if (STATEMENTS.test(name)) statements(valueStart, valueEnd);
    else expression(valueStart, valueEnd);
  }
}
