// Vue single-file components (see components.ts): code in `<script>` blocks and in the template's directives
// (`v-if="flags.newNav"`, `:show="…"`, `@click="…"`) and interpolations (`{{ isOn('x') ? a : b }}`). A custom directive
// is a call of it with its value (`v-feature="'beta'"` reads `vFeature('beta')`). An element of a
// component is a call of it with its props (`<feature-flag name="x">` renders `FeatureFlag` given `{ name: 'x' }`): its
// name and its text props are kept for the scan to read as such (see `vueElementProps`).

import { indexOfClosing, MARKUP_ATTRIBUTE as ATTRIBUTE, MARKUP_TAG as TAG, ScriptView, type ElementProp, type MarkupElement } from './componentView';

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
    const component = closing ? undefined : componentIdentifier(tag[1]);
    // The component's name as the script knows it, a statement of its own where the tag's name is.
    if (component !== undefined && view.canStartAt(open + 1)) {
      view.separate(open + 1);
      view.write(open + 1, TAG.lastIndex, component);
    }
    const { end: tagEnd, selfClosing, otherLanguage } = readAttributes(text, TAG.lastIndex, view, component !== undefined);
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
 * expression or as statements, and, on a component's element, each text prop's value as a string in its quotes.
 */
function readAttributes(text: string, from: number, view: ScriptView, ofComponent: boolean): { end: number; selfClosing: boolean; otherLanguage: boolean } {
  let otherLanguage = false;
  const tagEnd = forEachAttribute(text, from, ({ name, nameStart, value, valueStart, valueEnd }) => {
    if (name.toLowerCase() === 'lang' && !/^html$/i.test(value.trim())) otherLanguage = true;
    if (value.trim() === '' || NOT_EXPRESSIONS.test(name)) return;
    const directive = customDirective(name);
    if (directive !== undefined && view.canStartAt(nameStart)) {
      // `v-feature="'beta'"` reads `vFeature('beta')`: the directive, as a script setup names it, given its value.
      view.separate(nameStart);
      view.write(nameStart, nameStart + name.length, directive);
      view.arguments(valueStart, valueEnd);
    } else if (!DIRECTIVE.test(name)) {
      if (ofComponent && TEXT.test(value)) view.statements(valueStart - 1, valueEnd + 1);
    } else if (STATEMENTS.test(name)) {
      view.statements(valueStart, valueEnd);
    } else {
      view.expression(valueStart, valueEnd);
    }
  });
  return { ...tagEnd, otherLanguage };
}

// A value a string in its quotes can hold as it is: no escape, no line break.
const TEXT = /^[^\\\n\r]+$/;

interface MarkupAttribute {
  readonly name: string;
  readonly nameStart: number;
  readonly value: string;
  /** Where the value starts and ends, within its quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Hands each attribute of a tag from `from` that has a value in quotes to `visit`; gives where the tag ends. */
function forEachAttribute(text: string, from: number, visit: (attribute: MarkupAttribute) => void): { end: number; selfClosing: boolean } {
  ATTRIBUTE.lastIndex = from;
  for (;;) {
    const start = ATTRIBUTE.lastIndex;
    const match = ATTRIBUTE.exec(text);
    if (match === null) return { end: text.length, selfClosing: false };
    const end = ATTRIBUTE.lastIndex;
    const [whole, name, doubleQuoted, singleQuoted] = match;
    if (name === undefined) {
      if (whole.trimStart().endsWith('>')) return { end, selfClosing: whole.trimStart() === '/>' };
      continue;
    }
    const value = doubleQuoted ?? singleQuoted;
    // The value sits between its quotes, the last character of the match.
    const valueEnd = end - 1;
    const valueStart = valueEnd - (value?.length ?? 0);
    if (value !== undefined && valueStart > start) visit({ name, nameStart: start + whole.indexOf(name), value, valueStart, valueEnd });
  }
}

// Vue's own directives; any other `v-` attribute is a directive the app registers.
const BUILT_IN_DIRECTIVES = new Set(['if', 'else-if', 'else', 'show', 'for', 'model', 'bind', 'on', 'slot', 'html', 'text', 'once', 'pre', 'cloak', 'memo', 'is']);

/**
 * The identifier a `<script setup>` names a custom directive by (`vFeatureFlag` for `v-feature-flag`, also with an
 * argument or modifiers, `v-feature-flag:x.once`); undefined for Vue's own directives and any other attribute.
 */
function customDirective(attribute: string): string | undefined {
  const directive = /^v-([a-z][a-z0-9]*(?:-[a-z0-9]+)*)(?::[^.]*)?(?:\.[\w-]+)*$/.exec(attribute)?.[1];
  return directive === undefined || BUILT_IN_DIRECTIVES.has(directive) ? undefined : `v${pascalCase(directive)}`;
}

/**
 * The identifier a script names a component by, from its tag: `FeatureFlag` for `<FeatureFlag>` and `<feature-flag>`,
 * `Flags.Gate` for `<Flags.Gate>`. Undefined for an HTML element (`<div>`, `<linearGradient>`) and a name no identifier
 * writes (`<svg:rect>`).
 */
function componentIdentifier(tag: string): string | undefined {
  if (!/^[A-Z]/.test(tag) && !tag.includes('-')) return undefined;
  const identifier = tag.split('.').map((part) => pascalCase(part)).join('.');
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/.test(identifier) ? identifier : undefined;
}

/**
 * The element whose tag opens at `open`, with the props it gives in order, each named as the component declares it
 * (`allow-disabled` is `allowDisabled`). A text prop's value is a string in the view at `valueStart - 1`, a bound prop's
 * an expression in parentheses there.
 */
export function vueElement(text: string, open: number): MarkupElement | undefined {
  TAG.lastIndex = open;
  const tag = TAG.exec(text);
  if (tag === null) return undefined;
  const props: ElementProp[] = [];
  const { end } = forEachAttribute(text, TAG.lastIndex, ({ name, value, valueStart }) => {
    if (value.trim() === '') return;
    const bound = /^(?::|v-bind:)([\w-]+)$/.exec(name);
    if (name === 'v-bind') props.push({ kind: 'spread' });
    else if (bound !== null) props.push({ kind: 'bound', prop: camelCase(bound[1]), valueStart });
    else if (!DIRECTIVE.test(name) && TEXT.test(value)) props.push({ kind: 'text', prop: camelCase(name), valueStart });
  });
  return { name: tag[1], end, props };
}

/** A name's words, split at `separator` (dashes), each with a capital and joined: `FeatureFlag` of `feature-flag`. */
export function pascalCase(name: string, separator: RegExp = /-/): string {
  return name.split(separator).map((word) => (word === '' ? '' : word[0].toUpperCase() + word.slice(1))).join('');
}

function camelCase(name: string): string {
  return name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}
