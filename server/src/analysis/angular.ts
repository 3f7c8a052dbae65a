// Angular component templates (`*.component.html`, see components.ts): the code in a template's bindings. A structural
// directive or a property bound to an input reads as a call of the input with its value, `*cxFeature="'saveForLater'"`
// as `cxFeature('saveForLater')`: a directive whose input setter checks a flag (`@Input() set cxFeature(feature)`) is a
// wrapper by that input's name (see discover/functions.ts), and its uses in templates are its calls. Other bindings,
// interpolations and control-flow conditions (`@if (flags.x)`) read as expressions; event bindings as statements. A
// pipe (`| async`, `| date: 'short'`) is Angular's, not code: what follows it is blank.

import { indexOfClosing, MARKUP_ATTRIBUTE as ATTRIBUTE, MARKUP_TAG as TAG, ScriptView } from './componentView';

// `*ngIf`, `[disabled]`, `[class.active]`, `[(ngModel)]`, `(click)`: the binding's kind and the name it binds.
const BINDING = /^(?:\*([\w$-]+)|\[\(([\w$.-]+)\)\]|\[([\w$.@-]+)\]|\(([\w$.:-]+)\))$/;
// A control-flow block that takes a condition: `@if (…)`, `@else if (…)`, `@switch (…)`, `@case (…)`.
const CONTROL_FLOW = /@(?:if|else\s+if|switch|case)\s*\(/y;
// A name a call can be made of: an input bound with `[name]` or `*name`, not `[class.x]` or `[attr.aria-label]`.
const CALLABLE = /^[A-Za-z_$][\w$]*$/;
// A directive's input written as a plain attribute: camelCase, `appRemoveIfFeatureOff`, `matTooltip`.
const DIRECTIVE_INPUT = /^[a-z][\w$]*[A-Z][\w$]*$/;
// A text that can be written as a string as it is: no quote, backslash, line break or interpolation.
const TEXT_VALUE = /^[^'"\\\n\r{}]+$/;

/** The script view of an Angular template: its bindings' code where it is written, everything else blank. */
export function angularTemplateView(text: string): string {
  const view = new ScriptView(text);
  let at = 0;
  while (at < text.length) {
    const next = nextCode(text, at);
    if (next === undefined) break;
    if (next.kind === 'interpolation') {
      const close = text.indexOf('}}', next.at + 2);
      if (close < 0) break;
      keepExpression(view, text, next.at + 2, close);
      at = close + 2;
    } else if (next.kind === 'control') {
      const open = text.indexOf('(', next.at);
      const close = closingParenthesis(text, open);
      if (close < 0) break;
      keepExpression(view, text, open + 1, close);
      at = close + 1;
    } else {
      at = readTag(text, next.at, view);
    }
  }
  return view.toString();
}

/** The next interpolation, control-flow block or tag from `from`. */
function nextCode(text: string, from: number): { kind: 'interpolation' | 'control' | 'tag'; at: number } | undefined {
  let found: { kind: 'interpolation' | 'control' | 'tag'; at: number } | undefined;
  const interpolation = text.indexOf('{{', from);
  if (interpolation >= 0) found = { kind: 'interpolation', at: interpolation };
  const tag = text.indexOf('<', from);
  if (tag >= 0 && (found === undefined || tag < found.at)) found = { kind: 'tag', at: tag };
  for (let control = text.indexOf('@', from); control >= 0 && (found === undefined || control < found.at); control = text.indexOf('@', control + 1)) {
    CONTROL_FLOW.lastIndex = control;
    if (CONTROL_FLOW.test(text)) return { kind: 'control', at: control };
  }
  return found;
}

/** Reads the tag at `open` (a comment, a raw element's contents skipped), keeping its bindings; gives where reading goes on. */
function readTag(text: string, open: number, view: ScriptView): number {
  if (text.startsWith('<!--', open)) {
    const end = text.indexOf('-->', open + 4);
    return end < 0 ? text.length : end + 3;
  }
  TAG.lastIndex = open;
  const tag = TAG.exec(text);
  if (tag === null) return open + 1;
  const name = tag[1].toLowerCase();
  const closing = text[open + 1] === '/';
  const { end, selfClosing } = readAttributes(text, TAG.lastIndex, view);
  // A script's or a style's contents are no template.
  if (closing || selfClosing || (name !== 'script' && name !== 'style')) return end;
  return indexOfClosing(text, name, end);
}

/** Reads a tag's attributes up to and including its `>`, keeping each binding's code. */
function readAttributes(text: string, from: number, view: ScriptView): { end: number; selfClosing: boolean } {
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
    const binding = BINDING.exec(name);
    if (value === undefined || value.trim() === '') continue;
    const valueEnd = end - 1;
    const valueStart = valueEnd - value.length;
    if (valueStart <= start) continue;
    if (binding === null) {
      // A directive's input given text, `appRemoveIfFeatureOff="Sep"`, reads as a call of the input with that text. Its
      // name is camelCase, where an element's own attributes (`class`, `routerlink` aside) are lower case.
      const nameStart = start + whole.indexOf(name);
      const close = DIRECTIVE_INPUT.test(name) && TEXT_VALUE.test(value) && valueStart - 2 >= nameStart + name.length ? closingPlace(text, valueEnd + 1) : undefined;
      if (close !== undefined && view.canStartAt(nameStart)) {
        view.separate(nameStart);
        view.keep(nameStart, nameStart + name.length);
        view.textArgument(valueStart, valueEnd, close);
      }
      continue;
    }
    const [, structural, twoWay, property, event] = binding;
    if (event !== undefined) {
      view.statements(valueStart, valueEnd);
      continue;
    }
    // A structural directive's microsyntax: `let item of items` binds names; `cond; else other` ends its expression at `;`.
    if (structural !== undefined && /^\s*let\b/.test(value)) continue;
    const codeEnd = structural === undefined ? valueEnd : valueStart + topLevelEnd(value, ';');
    const input = structural ?? property;
    const nameStart = start + whole.indexOf(name);
    if (twoWay === undefined && input !== undefined && CALLABLE.test(input)) keepCall(view, text, nameStart + 1, nameStart + 1 + input.length, valueStart, codeEnd);
    else keepExpression(view, text, valueStart, codeEnd);
  }
}

/**
 * Where the call of a text attribute closes, from `from`, right after its value's quote: the first place past line breaks
 * (kept, for every line of the view to be the template's) that is the tag's end or a blank. An attribute right after it
 * is told apart by its own `*`, `[` or `(`, or is text, no code; one more text attribute there is left as text (see
 * `canStartAt`). Undefined when there is no such place.
 */
function closingPlace(text: string, from: number): number | undefined {
  let at = from;
  while (text[at] === '\n' || text[at] === '\r') at++;
  const here = text[at] ?? '';
  return here === '>' || here === '/' || here === ' ' || here === '\t' ? at : undefined;
}

/** `name(value)`: the input's name where it is written, the value in parentheses on its quotes, its pipes blank. */
function keepCall(view: ScriptView, text: string, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
  view.separate(nameStart);
  view.keep(nameStart, nameEnd);
  view.arguments(valueStart, valueStart + topLevelEnd(text.slice(valueStart, valueEnd), '|'));
}

function keepExpression(view: ScriptView, text: string, start: number, end: number): void {
  view.expression(start, start + topLevelEnd(text.slice(start, end), '|'));
}

/**
 * Where the code of a binding ends: at the first `separator` outside strings and brackets (a pipe's `|`, not `||`; a
 * microsyntax's `;`), or at its end.
 */
function topLevelEnd(code: string, separator: '|' | ';'): number {
  let depth = 0;
  for (let index = 0; index < code.length; index++) {
    const character = code[index];
    if (character === '"' || character === "'" || character === '`') {
      const close = code.indexOf(character, index + 1);
      if (close < 0) return code.length;
      index = close;
    } else if (character === '(' || character === '[' || character === '{') depth++;
    else if (character === ')' || character === ']' || character === '}') depth--;
    else if (depth === 0 && character === separator) {
      if (separator === '|' && (code[index + 1] === '|' || code[index - 1] === '|')) {
        index++;
        continue;
      }
      return index;
    }
  }
  return code.length;
}

/** The `)` that closes the `(` at `open`, past strings and nested parentheses; -1 when there is none. */
function closingParenthesis(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const character = text[index];
    if (character === '"' || character === "'") {
      const close = text.indexOf(character, index + 1);
      if (close < 0) return -1;
      index = close;
    } else if (character === '(') depth++;
    else if (character === ')' && --depth === 0) return index;
  }
  return -1;
}

// A component's inline template: `template: \`…\`` in its `@Component({ … })` (or a single-quoted one-line template).
const INLINE_TEMPLATE = /\btemplate\s*:\s*(`|'|")/g;
// The scripts a component is declared in: by Angular's and Ionic's conventions, `home.component.ts`, `wallet.page.ts`.
const SCRIPT_EXTENSION = /^\.[cm]?[jt]s$/;

/** True for a file named as a component's script that declares a component with a template: it may hold its template itself. */
export function mayHoldInlineTemplate(fileName: string, text: string): boolean {
  // Asked of every file read: the name's ending is looked at without a copy of it before any text is searched.
  const dot = fileName.lastIndexOf('.');
  return (fileName.endsWith('.component', dot) || fileName.endsWith('.page', dot)) && SCRIPT_EXTENSION.test(fileName.slice(dot))
    && text.includes('@Component') && text.includes('template');
}

/**
 * The text of a component script with everything but its inline templates' contents blanked (line breaks kept): read as
 * an Angular template, its offsets are the script's own. Undefined when it has none. A template that interpolates
 * (`${…}`) is code-made, and one with escapes is not as written: neither is read.
 */
export function inlineTemplatesText(text: string): string | undefined {
  const kept: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(INLINE_TEMPLATE)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf(match[1], start);
    if (end < 0 || text.lastIndexOf('@Component', start) < 0) continue;
    const contents = text.slice(start, end);
    // Written with escapes (`\'` in a quoted one), its text is not the template's as the compiler reads it.
    if ((match[1] === '`' && contents.includes('${')) || contents.includes('\\')) continue;
    kept.push({ start, end });
  }
  if (kept.length === 0) return undefined;
  let blanked = '';
  let at = 0;
  for (const { start, end } of kept) {
    blanked += text.slice(at, start).replace(/[^\n\r]/g, ' ') + text.slice(start, end);
    at = end;
  }
  return blanked + text.slice(at).replace(/[^\n\r]/g, ' ');
}
