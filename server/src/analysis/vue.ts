// Vue single-file components (see components.ts): code in `<script>` blocks and in the template's directives
// (`v-if="flags.newNav"`, `:show="…"`, `@click="…"`) and interpolations (`{{ isOn('x') ? a : b }}`).

import { indexOfClosing, MARKUP_ATTRIBUTE as ATTRIBUTE, MARKUP_TAG as TAG, ScriptView } from './componentView';

// An attribute whose value is code: a directive (`v-if`, `v-show`, `v-model`), a bound prop (`:show`, `v-bind:show`),
// an event handler (`@click`, `v-on:click`).
const DIRECTIVE = /^(?:v-[\w:.-]+|[:@][^\s=]*)$/;
// Directives whose value is no expression: `v-for="item in items"` binds names, a slot's value is a parameter list.
const NOT_EXPRESSIONS = /^v-(?:for|slot)\b/;
// Directives whose value is statements (`@click="open = true; track()"`), not one expression.
const STATEMENTS = /^(?:@|v-on:)/;

/**
 * The script view of a component's text: the contents of `<script>` blocks as they are; each directive's value and each
 * `{{ }}` interpolation of the markup as a statement of its own, an expression in parentheses where its quotes or
 * braces were (`v-if="a && b"` reads ` ;(a && b)`), an event handler's statements after a `;`; everything else blank.
 * Style blocks, comments, plain attributes, templates in another language (`lang="pug"`) and directives whose value is
 * not an expression (`v-for`, slots) are blank.
 */
export function vueScriptView(text: string): string {
  const view = new ScriptView(text);
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
      view.expression(nextInterpolation + 2, close);
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
    const { end: tagEnd, selfClosing, otherLanguage } = readAttributes(text, TAG.lastIndex, view);
    at = tagEnd;
    if (closing || selfClosing) continue;
    // A script's contents are code; a style's, a raw text element's and a template in another language's are not.
    const raw = name === 'script' || name === 'style' || name === 'textarea' || (name === 'template' && otherLanguage);
    if (!raw) continue;
    const closeAt = indexOfClosing(text, name, tagEnd);
    if (name === 'script') view.statements(tagEnd, closeAt);
    at = closeAt;
  }
  return view.toString();
}

/**
 * Reads a tag's attributes from `from` up to and including its `>`, keeping each directive's value in the view as an
 * expression or as statements.
 */
function readAttributes(text: string, from: number, view: ScriptView): { end: number; selfClosing: boolean; otherLanguage: boolean } {
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
    if (STATEMENTS.test(name)) view.statements(valueStart, valueEnd);
    else view.expression(valueStart, valueEnd);
  }
}
